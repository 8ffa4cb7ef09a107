#!/usr/bin/env python3
"""run.py -- the Debian package, end to end (issue #14):

    python3 tests/deb/run.py [--deb build/deb/bianmin_VERSION_ARCH.deb]

builds it with `make deb` (unless --deb names one, or build/deb holds
one newer than every source file), checks its contents
(`dpkg-deb -c`, conffiles, a stripped binary), runs lintian (no errors),
extracts it into a throwaway root (`dpkg-deb -x`) and runs the installed
binary there: --version, a fresh database, the backup/restore drill, the
embedded server's /healthz and /metrics (parsed; 403 to another address);
checks the man page with `mandoc -T lint` and the systemd units with
`systemd-analyze verify` and `systemd-analyze security --offline`.

Prints one line per check, then "deb: N passed, N failed".  Python 3
standard library only.
"""

import argparse
import glob
import http.client
import os
import re
import shutil
import socket
import sqlite3
import stat
import subprocess
import sys
import tempfile
import time
import traceback

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "tests", "http"))
from test_operations import parse_prometheus, metric  # noqa: E402  (the same parser as the HTTP tests)

UNITS = ["bianmin.service", "bianmin-fcgi.socket", "bianmin-fcgi.service", "bianmin-scheduler.service",
         "bianmin-backup.service", "bianmin-backup.timer"]


def sh(*cmd, check=True, **kw):
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=kw.pop("timeout", 300), **kw)
    if check and p.returncode != 0:
        raise AssertionError("%s: exit %d: %s" % (" ".join(cmd), p.returncode, (p.stderr + p.stdout)[-1500:]))
    return p


def changelog_version():
    with open(os.path.join(ROOT, "debian", "changelog"), encoding="utf-8") as f:
        return re.match(r"bianmin \(([^)]+)\)", f.readline()).group(1)


class Ctx:
    def __init__(self, deb, tmp):
        self.deb = deb
        self.tmp = tmp
        self.root = os.path.join(tmp, "root")
        self.bin = os.path.join(self.root, "usr", "sbin", "bianmin")


def check_contents(c):
    names = {line.split()[-1].lstrip(".") for line in sh("dpkg-deb", "-c", c.deb).stdout.splitlines()}
    want = ["/usr/sbin/bianmin", "/usr/share/bianmin/templates/strings.tsv", "/usr/share/bianmin/static/css/site.css",
            "/usr/share/bianmin/sql/migrations/001-catalog.sql", "/etc/bianmin/bianmin.conf",
            "/etc/nginx/sites-available/bianmin", "/usr/share/man/man8/bianmin.8.gz",
            "/usr/share/doc/bianmin/copyright", "/usr/share/doc/bianmin/README.Debian",
            "/usr/share/doc/bianmin/operations.md.gz", "/var/lib/bianmin/"]
    want += ["/lib/systemd/system/" + u for u in UNITS]
    missing = [w for w in want if w not in names]
    assert not missing, "missing from the package: %s" % missing
    assert not [n for n in names if "sites-enabled" in n], "the nginx site must not be enabled by the package"
    conffiles = sh("dpkg-deb", "-I", c.deb, "conffiles").stdout.split()
    for f in ("/etc/bianmin/bianmin.conf", "/etc/nginx/sites-available/bianmin"):
        assert f in conffiles, "%s is not a conffile: %s" % (f, conffiles)
    postinst = sh("dpkg-deb", "-I", c.deb, "postinst").stdout
    sh("sh", "-n", "-c", postinst)
    for want_line in ("adduser --system", "admin backup", "admin init"):
        assert want_line in postinst, "postinst lacks %r" % want_line


def check_lintian(c):
    changes = glob.glob(os.path.join(os.path.dirname(c.deb), "*.changes"))
    p = sh("lintian", "--no-tag-display-limit", c.deb, *changes, check=False, timeout=600)
    errors = [line for line in p.stdout.splitlines() if line.startswith("E:")]
    assert not errors, "lintian errors:\n" + "\n".join(errors)


def check_extract(c):
    sh("dpkg-deb", "-x", c.deb, c.root)
    sections = sh("readelf", "-S", c.bin).stdout
    assert ".debug_info" not in sections, "the installed binary is not stripped"
    p = sh(c.bin, "--version")
    upstream = changelog_version().split("-")[0]
    assert p.stdout.strip() == "bianmin " + upstream, "--version: %r, changelog %s" % (p.stdout, upstream)
    site = open(os.path.join(c.root, "etc", "nginx", "sites-available", "bianmin"), encoding="utf-8").read()
    assert not re.search(r"@[A-Z]+@", site), "placeholders left in the nginx site"
    assert "sites-enabled/default" in site.split("upstream", 1)[0], "the header says to disable the default site"
    assert "unix:/run/bianmin/fcgi.sock" in site and "root /usr/share/bianmin;" in site


def run_installed(c, *args, **kw):
    # from a neutral folder: the binary finds /usr/share/bianmin next to itself
    return sh(c.bin, *args, cwd=c.tmp, **kw)


def counts(path):
    con = sqlite3.connect("file:%s?mode=ro" % path, uri=True)
    try:
        tables = [t for (t,) in con.execute("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE "
                                            "'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%'")]
        return {t: con.execute('SELECT count(*) FROM "%s"' % t).fetchone()[0] for t in tables}
    finally:
        con.close()


def check_fresh_database(c):
    c.db = os.path.join(c.tmp, "var", "bianmin.db")
    os.makedirs(os.path.dirname(c.db))
    p = run_installed(c, "serve", "--db", c.db, check=False)
    assert p.returncode != 0 and not os.path.exists(c.db), "serve on a missing database must not create it"
    run_installed(c, "admin", "init", "--db", c.db, "--demo", timeout=300)
    assert stat.S_IMODE(os.stat(c.db).st_mode) == 0o600, "the database is not 0600"
    migrations = os.listdir(os.path.join(c.root, "usr", "share", "bianmin", "sql", "migrations"))
    latest = max(int(m.split("-")[0]) for m in migrations if m[:1].isdigit())
    con = sqlite3.connect(c.db)
    assert con.execute("PRAGMA user_version").fetchone()[0] == latest, "not migrated to %d" % latest
    con.close()


def check_backup_restore_drill(c):
    backup = os.path.join(c.tmp, "backups", "drill.db")
    os.makedirs(os.path.dirname(backup))
    run_installed(c, "admin", "user", "add", "--db", c.db, "--user", "drill1", "--role", "counter",
                  input="drill-password-1\n")
    run_installed(c, "admin", "backup", "--db", c.db, "--to", backup)
    assert stat.S_IMODE(os.stat(backup).st_mode) == 0o600, "the backup is not 0600"
    assert run_installed(c, "admin", "backup", "--db", c.db, "--to", backup, check=False).returncode != 0, \
        "a second backup to the same file must be refused"
    acknowledged = counts(c.db)
    lost = os.path.join(c.tmp, "var", "lost.db")
    for f in glob.glob(c.db + "*"):
        if not f.endswith(".key"):  # the database is lost; its key is kept apart, as docs/operations.md says
            os.rename(f, lost + f[len(c.db):])
    run_installed(c, "admin", "restore", "--db", c.db, "--from", backup)
    assert counts(c.db) == acknowledged, "records missing after the restore"
    nightly = os.path.join(c.tmp, "backups", "nightly")
    os.makedirs(nightly)
    run_installed(c, "admin", "backup", "--db", c.db, "--dir", nightly, "--keep-daily", "2", "--keep-weekly", "0")
    assert len(glob.glob(os.path.join(nightly, "bianmin-????-??-??.db"))) == 1, os.listdir(nightly)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(port, path, source="127.0.0.1"):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10, source_address=(source, 0))
    try:
        conn.request("GET", path)
        r = conn.getresponse()
        return r.status, r.read().decode("utf-8", "replace")
    finally:
        conn.close()


def check_served(c):
    port = free_port()
    log = open(os.path.join(c.tmp, "serve.log"), "wb")
    p = subprocess.Popen([c.bin, "serve", "--db", c.db, "--listen", "127.0.0.1:%d" % port], cwd=c.tmp,
                         stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.time() + 20
        while True:
            try:
                status, body = get(port, "/healthz")
                break
            except OSError:
                assert p.poll() is None and time.time() < deadline, "the installed server did not start"
                time.sleep(0.1)
        assert status == 200 and body == "ok\n", "/healthz: %d %r" % (status, body)
        assert get(port, "/")[0] == 200, "the home page"
        status, body = get(port, "/metrics")
        assert status == 200, "/metrics from 127.0.0.1: %d" % status
        samples, types = parse_prometheus(body)
        assert types.get("bianmin_requests_total") == "counter"
        assert metric(samples, "bianmin_requests_total", route="public", status="2xx") >= 1
        assert metric(samples, "bianmin_up") == 1
        status, body = get(port, "/metrics", source="127.0.0.2")
        assert status == 403 and "bianmin_" not in body, "/metrics from 127.0.0.2: %d" % status
    finally:
        p.terminate()
        p.wait(timeout=10)
        log.close()


def check_man_page(c):
    page = os.path.join(c.root, "usr", "share", "man", "man8", "bianmin.8.gz")
    p = sh("mandoc", "-T", "lint", "-W", "warning", page, check=False)
    assert p.returncode == 0 and not p.stdout.strip(), "mandoc -T lint: %s" % (p.stdout + p.stderr)
    text = re.sub(".\b", "", sh("mandoc", "-T", "utf8", page).stdout)  # no overstrike bold
    for section in ("serve", "fcgi", "scheduler", "admin", "restore", "MONITORING", "FILES"):
        assert section in text, "bianmin(8) lacks %s" % section


def check_units(c):
    # the units as installed, pointing at the extracted binary (verify checks ExecStart= is there)
    units = os.path.join(c.tmp, "units")
    os.makedirs(units)
    for u in UNITS:
        with open(os.path.join(c.root, "lib", "systemd", "system", u), encoding="utf-8") as f:
            text = f.read()
        for must in ("User=bianmin", "ProtectSystem=strict", "NoNewPrivileges=yes", "CapabilityBoundingSet=\n",
                     "SystemCallFilter=@system-service", "PrivateTmp=yes", "EnvironmentFile=/etc/bianmin/bianmin.conf"):
            if u.endswith(".service"):
                assert must in text, "%s lacks %s" % (u, must.strip())
        with open(os.path.join(units, u), "w", encoding="utf-8") as f:
            f.write(text.replace("/usr/sbin/bianmin", c.bin))
    sock = open(os.path.join(units, "bianmin-fcgi.socket"), encoding="utf-8").read()
    for must in ("SocketUser=www-data", "SocketGroup=www-data", "SocketMode=0660"):
        assert must in sock, "bianmin-fcgi.socket lacks %s" % must
    p = sh("systemd-analyze", "verify", "--man=no", *[os.path.join(units, u) for u in UNITS], check=False)
    assert p.returncode == 0 and not p.stderr.strip(), "systemd-analyze verify: %s" % (p.stdout + p.stderr)
    for u in UNITS:
        if not u.endswith(".service"):
            continue
        p = sh("systemd-analyze", "security", "--offline=true", os.path.join(units, u), check=False)
        m = re.search(r"Overall exposure level for \S+: ([0-9.]+) (\w+)", p.stdout)
        assert m and m.group(2) in ("SAFE", "OK"), "%s: exposure %s" % (u, m.groups() if m else p.stdout[-300:])
    # the conffile names every variable the units use
    conf = open(os.path.join(c.root, "etc", "bianmin", "bianmin.conf"), encoding="utf-8").read()
    used = set(re.findall(r"\$\{(\w+)\}", "".join(open(os.path.join(units, u)).read() for u in UNITS)))
    missing = [v for v in used if not re.search(r"^%s=" % v, conf, re.M)]
    assert not missing, "bianmin.conf lacks %s" % missing


CHECKS = [check_contents, check_lintian, check_extract, check_fresh_database, check_backup_restore_drill,
          check_served, check_man_page, check_units]


def newest_source():
    """The newest modification time of anything that goes into the package."""
    newest = 0.0
    for top in ("src", "debian", "templates", "static", "sql", "man", "contrib", "docs", "Makefile"):
        path = os.path.join(ROOT, top)
        walk = os.walk(path) if os.path.isdir(path) else [(ROOT, [], [top])]
        for d, _, files in walk:
            for f in files:
                newest = max(newest, os.stat(os.path.join(d, f)).st_mtime)
    return newest


def main():
    ap = argparse.ArgumentParser(description="bianmin Debian package tests")
    ap.add_argument("--deb", help="test this .deb instead of building one with `make deb`")
    args = ap.parse_args()
    passed = failed = 0
    deb = args.deb
    debs = sorted(glob.glob(os.path.join(ROOT, "build", "deb", "bianmin_*.deb")))
    if not deb and debs and os.stat(debs[-1]).st_mtime > newest_source():
        # the package is newer than every file it is made of: as `make` would, keep it
        deb = debs[-1]
        print("ok   build (%s, up to date)" % os.path.relpath(deb, ROOT))
        passed += 1
    if not deb:
        p = subprocess.run(["make", "--no-print-directory", "deb"], cwd=ROOT, capture_output=True, text=True)
        debs = sorted(glob.glob(os.path.join(ROOT, "build", "deb", "bianmin_*.deb")))
        if p.returncode != 0 or not debs:
            print("FAIL build: make deb: exit %d\n%s" % (p.returncode, (p.stdout + p.stderr)[-3000:]))
            print("deb: 0 passed, 1 failed")
            sys.exit(1)
        deb = debs[-1]
        print("ok   build (%s)" % os.path.relpath(deb, ROOT))
        passed += 1
    tmp = tempfile.mkdtemp(prefix="bianmin-deb-")
    c = Ctx(os.path.abspath(deb), tmp)
    try:
        for check in CHECKS:
            try:
                check(c)
                print("ok   %s" % check.__name__)
                passed += 1
            except Exception as e:  # noqa: BLE001 -- every failure is reported
                tb = traceback.extract_tb(e.__traceback__)[-1]
                print("FAIL %s: %s (run.py:%d)" % (check.__name__, " ".join(str(e).split())[:1500], tb.lineno))
                failed += 1
            sys.stdout.flush()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print("deb: %d passed, %d failed" % (passed, failed))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()

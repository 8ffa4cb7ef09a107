"""test_operations.py -- running bianmin as a service (issue #14, and item 24
of the privacy-and-correctness issue): private files, no empty database
from a mistyped --db, a refused older schema, --version and every
command's --help, backups that never overwrite by accident, the nightly
rotation and the restore drill of docs/operations.md.

These run the bianmin binary itself next to the front end under test, on
copies of its database (the live one only where a test says so).
"""

import datetime
import glob
import os
import re
import shutil
import sqlite3
import stat
import subprocess

from run import BIN, ROOT


def bianmin(*args, env=None, input=None, timeout=60):
    """Runs build/bianmin ARGS from the source tree (input to stdin);
    CompletedProcess, text."""
    return subprocess.run([BIN, *args], capture_output=True, text=True, cwd=ROOT, timeout=timeout, input=input,
                          env=dict(os.environ, **(env or {})))


def mode(path):
    return stat.S_IMODE(os.stat(path).st_mode)


def copy_db(client, name, user_version=None):
    """A private copy of the front end's database in its temp folder
    (SQLite's backup API: consistent while the server writes)."""
    path = os.path.join(client.tmp, name)
    for f in glob.glob(path + "*"):
        os.unlink(f)
    src = sqlite3.connect(client.db, timeout=10)
    dst = sqlite3.connect(path)
    src.backup(dst)
    if user_version is not None:
        dst.execute("PRAGMA user_version = %d" % user_version)
        dst.commit()
    dst.close()
    src.close()
    shutil.copy2(client.db + ".key", path + ".key")  # the query codes' key goes with it, as the drill says
    return path


def counts(path):
    """Rows per table of the database at path."""
    con = sqlite3.connect("file:%s?mode=ro" % path, uri=True)
    try:
        tables = [t for (t,) in con.execute("SELECT name FROM sqlite_schema WHERE type = 'table' "
                                            "AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%'")]
        return {t: con.execute('SELECT count(*) FROM "%s"' % t).fetchone()[0] for t in tables}
    finally:
        con.close()


def latest_migration():
    return max(int(n.split("-", 1)[0]) for n in os.listdir(os.path.join(ROOT, "sql", "migrations"))
               if n[:1].isdigit() and n.endswith(".sql"))


def test_files_are_private(client):
    client.get("/")  # the server has the database open: -wal and -shm exist
    for f in [client.db] + [client.db + s for s in ("-wal", "-shm") if os.path.exists(client.db + s)]:
        assert mode(f) == 0o600, "%s is %o, want 600" % (f, mode(f))
    if client.front == "fcgi":
        sock = os.path.join(client.tmp, "fcgi.sock")
        assert mode(sock) == 0o660, "the FastCGI socket is %o, want 660 (nginx's group only)" % mode(sock)
    assert mode(client.db + ".key") == 0o600, "the query codes' key is %o" % mode(client.db + ".key")
    fresh = os.path.join(client.tmp, "fresh.db")
    p = bianmin("admin", "init", "--db", fresh)
    assert p.returncode == 0, p.stderr
    assert mode(fresh) == 0o600, "admin init made %o, want 600" % mode(fresh)
    assert mode(fresh + ".key") == 0o600, "admin init made the key %o, want 600" % mode(fresh + ".key")
    with open(fresh + ".key") as f:
        key = f.read()
    assert re.fullmatch(r"[0-9a-f]{64}\n", key), "the key file: %r" % key[:8]
    assert bianmin("admin", "init", "--db", fresh).returncode == 0
    with open(fresh + ".key") as f:
        assert f.read() == key, "a second admin init (an upgrade) keeps the key: every code issued needs it"
    for f in glob.glob(fresh + "*"):
        os.unlink(f)


def test_the_query_codes_key_is_required(client):
    """Without DB.key no query code could be checked: the servers refuse to
    start and say where the key goes, rather than answer "wrong code" to
    everyone; a key others may read is refused too."""
    from test_petitions import intake, staff
    intake(staff(client, "counter1"), "mayor")  # a query code issued under the key
    db = copy_db(client, "nokey.db")
    key = db + ".key"
    for broken in ("missing", "readable"):
        if broken == "missing":
            os.rename(key, key + ".away")
        else:
            os.rename(key + ".away", key)
            os.chmod(key, 0o640)
        for args in (["serve", "--listen", "127.0.0.1:1"], ["fcgi", "--socket", os.path.join(client.tmp, "k.sock")]):
            p = bianmin(*args, "--db", db, "--root", client.served_root, timeout=30)
            assert p.returncode != 0, "%s started with the key %s" % (args[0], broken)
            assert db + ".key" in p.stderr, "%s names the key file: %s" % (args[0], p.stderr)
        if broken == "missing":
            # an upgrade's admin init must not paper over the loss with a new key
            p = bianmin("admin", "init", "--db", db)
            assert p.returncode != 0 and "restore" in p.stderr, "admin init without the key: %s" % p.stderr
            assert not os.path.exists(key), "admin init made a new key: every code issued would fail"
    os.chmod(key, 0o600)
    assert bianmin("admin", "init", "--db", db).returncode == 0, "with its key back, the database is fine"


def test_mistyped_db_is_not_created(client):
    gone = os.path.join(client.tmp, "no-such-dir-typo.db")
    runs = [
        ["serve", "--listen", "127.0.0.1:1"],
        ["fcgi", "--socket", os.path.join(client.tmp, "typo.sock")],
        ["scheduler", "--once"],
        ["admin", "backup", "--to", os.path.join(client.tmp, "typo-backup.db")],
        ["admin", "faq-stale"],
        ["admin", "import-faq", os.path.join(ROOT, "sql", "demo", "faq.json")],
        ["admin", "restore", "--from", os.path.join(client.tmp, "no-such-backup.db")],
    ]
    for args in runs:
        p = bianmin(*args, "--db", gone, timeout=30)
        assert p.returncode != 0, "%s on a missing database: exit 0" % args[:2]
        assert not os.path.exists(gone), "%s created an empty %s" % (args[:2], gone)
        if args[0] != "admin" or args[1] != "restore":
            assert "admin init" in p.stderr, "%s says how to create it: %s" % (args[:2], p.stderr)
    assert not os.path.exists(os.path.join(client.tmp, "typo-backup.db")), "no backup of nothing"


def test_older_schema_is_refused(client):
    old = copy_db(client, "old-schema.db", user_version=latest_migration() - 1)
    for args in (["serve", "--listen", "127.0.0.1:1"], ["fcgi", "--socket", os.path.join(client.tmp, "old.sock")],
                 ["scheduler", "--once"]):
        p = bianmin(*args, "--db", old, timeout=30)
        assert p.returncode != 0, "%s started on schema %d" % (args[0], latest_migration() - 1)
        assert "admin init --db %s" % old in p.stderr, "%s says to run admin init: %s" % (args[0], p.stderr)
    newer = copy_db(client, "new-schema.db", user_version=latest_migration() + 1)
    p = bianmin("scheduler", "--once", "--db", newer, timeout=30)
    assert p.returncode != 0 and "newer" in p.stderr, "a newer schema is refused: %s" % p.stderr


def test_version_and_help(client):
    with open(os.path.join(ROOT, "debian", "changelog"), encoding="utf-8") as f:
        version = re.match(r"bianmin \(([^)-]+)", f.readline()).group(1)
    p = bianmin("--version")
    assert p.returncode == 0 and p.stdout.strip() == "bianmin " + version, "--version: %r" % p.stdout
    for cmd in ("serve", "fcgi", "scheduler", "admin"):
        p = bianmin(cmd, "--help")
        assert p.returncode == 0, "%s --help: exit %d" % (cmd, p.returncode)
        assert p.stdout.startswith("usage: bianmin " + cmd), "%s --help: %s" % (cmd, p.stdout[:200])
    p = bianmin("admin", "backup", "--help")
    assert p.returncode == 0 and "--keep-daily" in p.stdout and "import-faq" not in p.stdout, \
        "admin backup --help shows backup only: %s" % p.stdout
    p = bianmin("admin", "restore", "-h")
    assert p.returncode == 0 and "--from" in p.stdout and "--keep-daily" not in p.stdout, p.stdout
    # --db=FILE as well as --db FILE, options after the arguments too
    p = bianmin("admin", "faq-stale", "--db=" + client.db, "--days=0")
    assert p.returncode == 0 and "entries due for review" in p.stdout, "--db=FILE: %s" % p.stderr
    p = bianmin("admin", "faq-stale", "--db", client.db, "--days", "many")
    assert p.returncode == 2 and "--days" in p.stderr, "a bad number is refused: %s" % p.stderr
    p = bianmin("serve", "--db", client.db, "--bogus")
    assert p.returncode == 2 and "--bogus" in p.stderr, "an unknown option is named: %s" % p.stderr


def test_backup_never_overwrites_by_accident(client):
    to = os.path.join(client.tmp, "manual-backup.db")
    for f in glob.glob(to + "*"):
        os.unlink(f)
    p = bianmin("admin", "backup", "--db", client.db, "--to", to)
    assert p.returncode == 0, p.stderr
    assert mode(to) == 0o600, "the backup is %o, want 600" % mode(to)
    assert counts(to) == counts(client.db), "the backup holds what the database holds"
    with open(to, "r+b") as f:
        f.seek(0, 2)
        f.write(b"marker")  # to see whether it gets replaced
    before = os.path.getsize(to)
    p = bianmin("admin", "backup", "--db", client.db, "--to", to)
    assert p.returncode != 0 and "--force" in p.stderr, "an existing file is refused: %s" % p.stderr
    assert os.path.getsize(to) == before, "the refused backup left the file alone"
    p = bianmin("admin", "backup", "--db", client.db, "--to", to, "--force")
    assert p.returncode == 0, p.stderr
    assert os.path.getsize(to) != before and mode(to) == 0o600, "--force replaced it"
    assert glob.glob(to + ".tmp-*") == [], "no temporary files left"


def test_backup_rotation(client):
    d = os.path.join(client.tmp, "nightly")
    os.makedirs(d, exist_ok=True)
    for f in os.listdir(d):
        os.unlink(os.path.join(d, f))
    # forty earlier nights, 2026-01-01 .. 2026-02-08, and files the job must never touch
    first = datetime.date(2026, 1, 1)
    for i in range(39):
        open(os.path.join(d, "bianmin-%s.db" % (first + datetime.timedelta(days=i))), "w").close()
    for other in ("notes.txt", "bianmin-latest.db", "bianmin-2026-13-01.db"):
        open(os.path.join(d, other), "w").close()
    p = bianmin("admin", "backup", "--db", client.db, "--dir", d, "--keep-daily", "7", "--keep-weekly", "4",
                env={"BIANMIN_NOW": "2026-02-09T02:30:00+08:00"})
    assert p.returncode == 0, p.stderr
    tonight = os.path.join(d, "bianmin-2026-02-09.db")
    assert mode(tonight) == 0o600 and counts(tonight) == counts(client.db), "tonight's copy is whole and private"
    want = {"bianmin-2026-%s.db" % s for s in ("01-25", "02-01", "02-03", "02-04", "02-05", "02-06", "02-07",
                                               "02-08", "02-09")}
    want |= {"notes.txt", "bianmin-latest.db", "bianmin-2026-13-01.db"}
    assert set(os.listdir(d)) == want, "kept: %s" % sorted(set(os.listdir(d)) ^ want)
    # run twice the same night: today's copy is replaced, nothing else changes
    p = bianmin("admin", "backup", "--db", client.db, "--dir", d, env={"BIANMIN_NOW": "2026-02-09T03:00:00+08:00"})
    assert p.returncode == 0 and set(os.listdir(d)) == want, p.stderr


def test_restore_drill(client):
    # the office's database (a copy, so the front end's own stays as it is)
    live = copy_db(client, "drill.db")
    backup = os.path.join(client.tmp, "drill-backup.db")
    for f in glob.glob(backup + "*"):
        os.unlink(f)
    p = bianmin("admin", "user", "add", "--db", live, "--user", "drill1", "--role", "counter",
                input="drill-password-1\n")
    assert p.returncode == 0, "an acknowledged record: %s" % p.stderr
    assert bianmin("admin", "backup", "--db", live, "--to", backup).returncode == 0
    acknowledged = counts(live)
    # lose the database
    for f in glob.glob(live + "*"):
        os.unlink(f)
    p = bianmin("admin", "restore", "--db", live, "--from", backup)
    assert p.returncode == 0, p.stderr
    assert mode(live) == 0o600, "the restored database is %o" % mode(live)
    assert counts(live) == acknowledged, "every record is back"
    con = sqlite3.connect(live)
    assert con.execute("SELECT count(*) FROM users WHERE username = 'drill1'").fetchone()[0] == 1
    con.close()
    # restoring over a database keeps the one replaced
    p = bianmin("admin", "restore", "--db", live, "--from", backup)
    assert p.returncode == 0, p.stderr
    kept = glob.glob(live + ".replaced-*")
    assert len(kept) == 1 and mode(kept[0]) == 0o600 and counts(kept[0]) == acknowledged, "kept: %s" % kept
    # a damaged backup is refused before anything is touched
    bad = os.path.join(client.tmp, "damaged-backup.db")
    with open(backup, "rb") as f:
        data = bytearray(f.read())
    data[len(data) // 2: len(data) // 2 + 8192] = b"\xff" * 8192
    with open(bad, "wb") as f:
        f.write(bytes(data))
    p = bianmin("admin", "restore", "--db", live, "--from", bad)
    assert p.returncode != 0, "a damaged backup was restored"
    assert counts(live) == acknowledged and len(glob.glob(live + ".replaced-*")) == 1, "the database is untouched"
    # the database a running portal has open is refused
    assert client.get("/").status == 200
    p = bianmin("admin", "restore", "--db", client.db, "--from", backup)
    assert p.returncode != 0 and "in use" in p.stderr, "restore under a running portal: %s" % p.stderr


def serve_log(client, env):
    """Runs a second `bianmin serve` (request log on) on a copy of the
    database with env added, sends one request with a query string and
    returns the log."""
    import http.client
    import time

    from run import free_port

    db = copy_db(client, "log.db")
    port = free_port()
    log = os.path.join(client.tmp, "log-serve.log")
    with open(log, "wb") as f:
        p = subprocess.Popen([BIN, "serve", "--db", db, "--listen", "127.0.0.1:%d" % port, "--root", client.served_root],
                             cwd=ROOT, stdout=f, stderr=subprocess.STDOUT, env=dict(os.environ, **env))
    try:
        deadline = time.time() + 15
        while True:
            try:
                c = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                c.request("GET", "/services?q=A123456789")
                r = c.getresponse()
                r.read()
                c.close()
                break
            except OSError:
                assert time.time() < deadline and p.poll() is None, "the second server did not start"
                time.sleep(0.05)
    finally:
        p.terminate()
        p.wait(timeout=10)
    with open(log, encoding="utf-8", errors="replace") as f:
        return [line for line in f.read().splitlines() if "/services" in line]


def test_request_log_for_journald(client):
    lines = serve_log(client, {"JOURNAL_STREAM": "8:12345"})
    assert len(lines) == 1, "one line per request: %s" % lines
    m = re.fullmatch(r'<6>GET "/services" (\d{3}) (\d+) (\d+)us', lines[0])
    assert m, "priority, method, path, status, bytes, microseconds and nothing else: %r" % lines[0]
    assert "A123456789" not in lines[0], "no query string in the log"
    env = {k: v for k, v in os.environ.items() if k != "JOURNAL_STREAM"}
    os.environ.pop("JOURNAL_STREAM", None)
    try:
        lines = serve_log(client, {})
    finally:
        os.environ.update(env)
    assert len(lines) == 1 and re.fullmatch(r'<6>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ GET "/services" \d{3} \d+ \d+us',
                                            lines[0]), "a timestamp of our own without journald: %r" % lines


def parse_prometheus(text):
    """A small parser of the Prometheus text format (0.0.4): returns
    {(name, frozenset(labels)): value} and {name: type}; raises on any
    line that is not a comment, a HELP/TYPE line or a sample."""
    samples, types, helps = {}, {}, set()
    sample = re.compile(r'([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{((?:[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\.)*",?)*)\})? '
                        r'([-+]?(?:[0-9.]+(?:[eE][-+]?[0-9]+)?|Inf|NaN))$')
    for line in text.split("\n"):
        if not line:
            continue
        m = re.match(r"# (HELP|TYPE) ([a-zA-Z_:][a-zA-Z0-9_:]*) (.+)$", line)
        if m:
            if m.group(1) == "TYPE":
                assert m.group(3) in ("counter", "gauge", "histogram", "summary", "untyped"), line
                assert m.group(2) not in types, "TYPE twice: %s" % line
                types[m.group(2)] = m.group(3)
            else:
                helps.add(m.group(2))
            continue
        m = sample.match(line)
        assert m, "not a sample: %r" % line
        labels = frozenset(re.findall(r'([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"', m.group(2) or ""))
        key = (m.group(1), labels)
        assert key not in samples, "sample twice: %s" % line
        base = re.sub(r"_(bucket|sum|count|total)$", "", m.group(1))
        assert m.group(1) in types or base in types, "sample before its TYPE: %s" % line
        samples[key] = float(m.group(3))
    assert set(types) <= helps, "every metric has HELP: %s" % (set(types) - helps)
    return samples, types


def metric(samples, name, **labels):
    return samples[(name, frozenset(labels.items()))]


def test_metrics_format_and_counts(client):
    local = client.fresh()
    local.source = "127.0.0.1"  # the one IPv4 address /metrics answers by default
    first = local.get("/metrics")
    assert first.status == 200, "/metrics from 127.0.0.1: %d" % first.status
    assert first.header("Content-Type").startswith("text/plain; version=0.0.4"), first.header("Content-Type")
    before, types = parse_prometheus(first.text)
    assert types["bianmin_requests_total"] == "counter" and types["bianmin_request_duration_seconds"] == "histogram"
    for _ in range(3):
        assert client.get("/services").status == 200
    assert client.get("/no-such-page").status == 404
    after, _ = parse_prometheus(local.get("/metrics").text)
    # one process per front end (fcgi: one responder process with threads), so one set of counters
    grew = metric(after, "bianmin_requests_total", route="public", status="2xx") - \
        metric(before, "bianmin_requests_total", route="public", status="2xx")
    assert grew == 3, "three public 2xx answers counted, got %s" % grew
    grew = metric(after, "bianmin_requests_total", route="public", status="4xx") - \
        metric(before, "bianmin_requests_total", route="public", status="4xx")
    assert grew == 1, "one public 4xx counted, got %s" % grew
    assert metric(after, "bianmin_page_cache_hits_total") >= metric(before, "bianmin_page_cache_hits_total") + 2, \
        "the second and third /services come from the page cache"
    # the histogram: cumulative buckets ending in +Inf == _count
    buckets = sorted(((float(dict(k[1])["le"]), v) for k, v in after.items()
                      if k[0] == "bianmin_request_duration_seconds_bucket"), key=lambda b: b[0])
    assert buckets[-1][0] == float("inf"), buckets
    assert all(a[1] <= b[1] for a, b in zip(buckets, buckets[1:])), "buckets are cumulative: %s" % buckets
    assert buckets[-1][1] == metric(after, "bianmin_request_duration_seconds_count")
    # open items, summed over the tiers, are the database's open items (the scheduler's definition)
    for kind, sql in (("petition", "SELECT count(*) FROM petitions WHERE state IN ('received', 'routed', "
                                    "'assigned') AND due_on IS NOT NULL"),
                      ("case", "SELECT count(*) FROM cases WHERE state IN ('received', 'review', 'correction') "
                               "AND paused_since IS NULL AND due_on IS NOT NULL")):
        shown = sum(v for k, v in after.items() if k[0] == "bianmin_open_items" and ("kind", kind) in k[1])
        assert shown == client.sql(sql)[0][0], "open %ss: /metrics %s, database %s" % (kind, shown,
                                                                                       client.sql(sql)[0][0])
    assert metric(after, "bianmin_up") == 1
    assert metric(after, "bianmin_db_errors_total") == metric(before, "bianmin_db_errors_total")


def test_metrics_refused_to_other_addresses(client):
    # the client speaks from 127.x.y.z, not 127.0.0.1: a stranger as far as /metrics goes
    assert client.source != "127.0.0.1"
    r = client.get("/metrics")
    assert r.status == 403, "/metrics from %s: %d" % (client.source, r.status)
    assert "bianmin_requests_total" not in r.text


def test_healthz_fails_when_the_database_cannot_be_written(client):
    assert client.get("/healthz").status == 200
    con = sqlite3.connect(client.db, timeout=10, isolation_level=None)
    try:
        con.execute("BEGIN IMMEDIATE")  # a writer that does not let go
        r = client.get("/healthz", timeout=30)
        assert r.status == 503, "healthz with the write lock held elsewhere: %d" % r.status
    finally:
        con.execute("ROLLBACK")
        con.close()
    assert client.get("/healthz").status == 200, "healthy again once the lock is gone"


def test_metrics_scheduler_pass_outbox_and_busy_waits(client):
    """What an operator alerts on: a scheduler that stopped passing, mail
    that piles up, a database that keeps other writers waiting."""
    from test_petitions import future, scheduler
    local = client.fresh()
    local.source = "127.0.0.1"
    before, _ = parse_prometheus(local.get("/metrics").text)
    now = future()
    p = scheduler(client.db, now, "--once")
    _, err = p.communicate(timeout=120)
    assert p.returncode == 0, "scheduler exit %d: %s" % (p.returncode, err)
    scanned = int(re.search(r"scanned (\d+) open items", err).group(1))
    passed_at = datetime.datetime.strptime(now, "%Y-%m-%dT%H:%M:%S%z").timestamp()

    con = sqlite3.connect(client.db, timeout=10, isolation_level=None)
    added = []
    try:
        # a mail given up for good and one waiting, as the scheduler's delivery leaves them
        free = con.execute("SELECT id FROM notifications WHERE id NOT IN (SELECT notification_id FROM outbox) "
                           "ORDER BY id LIMIT 2").fetchall()
        assert len(free) == 2, "the pass in the future raised notifications"
        for (nid,), state in zip(free, ("failed", "pending")):
            added.append(con.execute("INSERT INTO outbox (notification_id, to_addr, subject, body, state, next_at) "
                                     "VALUES (?, 'officer@example.org', 's', 'b', ?, 0)", (nid, state)).lastrowid)
        after, types = parse_prometheus(local.get("/metrics").text)
        for state, where in (("pending", "state IN ('pending', 'sending')"), ("failed", "state = 'failed'")):
            want = con.execute("SELECT count(*) FROM outbox WHERE " + where).fetchone()[0]
            shown = metric(after, "bianmin_outbox_mails", state=state)
            assert want >= 1 and shown == want, "outbox %s: /metrics %s, database %s" % (state, shown, want)

        # the pass just run: its time (the scheduler's clock, moved to the future) and its items
        assert types["bianmin_scheduler_last_pass_timestamp_seconds"] == "gauge"
        last = metric(after, "bianmin_scheduler_last_pass_timestamp_seconds")
        assert passed_at <= last <= passed_at + 600, "last pass at %s, the scheduler ran at %s" % (last, passed_at)
        assert metric(after, "bianmin_scheduler_last_pass_items") == scanned

        # a writer that holds the lock makes /healthz wait for it: counted
        con.execute("BEGIN IMMEDIATE")
        try:
            assert local.get("/healthz", timeout=30).status == 503
        finally:
            con.execute("ROLLBACK")
        waited, _ = parse_prometheus(local.get("/metrics").text)
        assert metric(waited, "bianmin_db_busy_waits_total") > metric(before, "bianmin_db_busy_waits_total"), \
            "the wait for the lock was counted"
    finally:
        for rowid in added:
            con.execute("DELETE FROM outbox WHERE id = ?", (rowid,))
        con.close()

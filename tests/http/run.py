#!/usr/bin/env python3
"""run.py -- end-to-end HTTP tests: every test_*.py in this folder, once
against `bianmin serve` and once against `bianmin fcgi` behind a real nginx.

    python3 tests/http/run.py [-k PATTERN] [--front serve|fcgi] [--keep] [-v]
    BIANMIN_BIN=build/asan/bianmin python3 tests/http/run.py   # another build

Prints one line per test, then (last line) "http: N passed, N failed".
Exits 1 when anything failed.  Python 3 standard library only.

A test module defines functions named test_* taking one argument, a Client
bound to one running front end (see tests/http/README.md).  Helpers for the
modules live here too: `from run import hidden_input, links, Response`.
"""

import argparse
import html
import http.client
import importlib.util
import os
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import traceback
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
# the program under test; BIANMIN_BIN=build/asan/bianmin tests another build
BIN = os.path.abspath(os.environ.get("BIANMIN_BIN") or os.path.join(ROOT, "build", "bianmin"))
NGINX = "/usr/sbin/nginx"
NGINX_SITE = os.path.join(ROOT, "contrib", "nginx-bianmin.conf")
FRONTS = ("serve", "fcgi")
VALGRIND = os.environ.get("BIANMIN_VALGRIND") == "1"
VALGRIND_EXIT = 99
VALGRIND_ERRORS = []  # memcheck reports of servers that stopped with errors
TIMEOUT = 60.0 if VALGRIND else 10.0  # seconds, for one request (memcheck runs ~30x slower)
# planted in the test root's static/ as a dot-file and behind a symlink
BAIT = "root:x:0:0:bianmin-test-bait:/root:/bin/sh\n"


# ---- responses and HTML helpers ------------------------------------------


class Response:
    """One HTTP response.  headers is an http.client.HTTPMessage (case-
    insensitive get(), get_all()); body is bytes, text the body as UTF-8."""

    def __init__(self, status, reason, headers, body, method="GET", target=""):
        self.status = status
        self.reason = reason
        self.headers = headers
        self.body = body
        self.method = method
        self.target = target

    @property
    def text(self):
        return self.body.decode("utf-8", "replace")

    def header(self, name, default=None):
        return self.headers.get(name, default)

    def __repr__(self):
        return "<%s %s -> %d>" % (self.method, self.target, self.status)


def hidden_input(page, name):
    """The value of <input type="hidden" name="NAME" value="..."> in page
    (str or Response), unescaped; None when absent.  For CSRF tokens."""
    text = page.text if isinstance(page, Response) else page
    for tag in re.findall(r"<input\b[^>]*>", text, re.I):
        attrs = tag_attrs(tag)
        if attrs.get("name") == name and attrs.get("type", "").lower() == "hidden":
            return attrs.get("value", "")
    return None


def tag_attrs(tag):
    """Attributes of one start tag ('<a href="x" hidden>') as a dict, names
    lower-cased, values unescaped ("" for a bare attribute)."""
    out = {}
    rest = re.sub(r"^<\s*[a-zA-Z][a-zA-Z0-9-]*", "", tag)
    for m in re.finditer(r'([^\s"\'>/=]+)(?:\s*=\s*("[^"]*"|\'[^\']*\'|[^\s>]+))?', rest):
        val = m.group(2) or ""
        if val[:1] in ("\"", "'"):
            val = val[1:-1]
        out.setdefault(m.group(1).lower(), html.unescape(val))
    return out


def links(page, prefix=""):
    """Every <a href> in page (str or Response) whose href starts with
    prefix, unescaped, in document order, without duplicates."""
    text = page.text if isinstance(page, Response) else page
    seen, out = set(), []
    for tag in re.findall(r"<a\b[^>]*>", text, re.I):
        href = tag_attrs(tag).get("href")
        if href is not None and href.startswith(prefix) and href not in seen:
            seen.add(href)
            out.append(href)
    return out


def find_tags(page, tag, cls=None):
    """Start tags <TAG ...> in page, optionally only those with class CLS."""
    text = page.text if isinstance(page, Response) else page
    found = re.findall(r"<%s\b[^>]*>" % tag, text, re.I)
    if cls is None:
        return found
    return [t for t in found if cls in tag_attrs(t).get("class", "").split()]


def element(page, tag, cls=None):
    """Inner HTML of the first <TAG class="CLS">...</TAG> (not nesting-aware
    for the same tag), or None."""
    text = page.text if isinstance(page, Response) else page
    for m in re.finditer(r"<%s\b[^>]*>" % tag, text, re.I):
        if cls is None or cls in tag_attrs(m.group(0)).get("class", "").split():
            end = text.find("</%s>" % tag, m.end())
            return text[m.end() : end if end >= 0 else len(text)]
    return None


def strip_tags(s):
    """Text of an HTML fragment: tags dropped, entities unescaped."""
    return html.unescape(re.sub(r"<[^>]+>", " ", s))


_strings = None


def ui(key, lang="zh"):
    """The UI string KEY in lang "zh" or "en", from templates/strings.tsv."""
    global _strings
    if _strings is None:
        _strings = {}
        with open(os.path.join(ROOT, "templates", "strings.tsv"), encoding="utf-8") as f:
            for line in f:
                parts = line.rstrip("\n").split("\t")
                if len(parts) >= 3 and not line.startswith("#"):
                    _strings[parts[0]] = {"zh": parts[1], "en": parts[2]}
    return _strings[key][lang]


def assert_security_headers(r):
    """The headers every response must carry, each exactly once: a CSP
    without 'unsafe-inline' that sets frame-ancestors, nosniff, a
    Referrer-Policy."""
    target = r.target if len(r.target) <= 100 else r.target[:100] + "..."
    what = "%s %s -> %d" % (r.method, target, r.status)
    for name in ("Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy"):
        got = r.headers.get_all(name) or []
        assert len(got) == 1, "%s: %d %s headers: %r" % (what, len(got), name, got)
    csp = r.headers["Content-Security-Policy"]
    assert "'unsafe-inline'" not in csp and "'unsafe-eval'" not in csp, "%s: CSP allows inline: %s" % (what, csp)
    assert re.search(r"(^|;)\s*frame-ancestors\s+'none'", csp), "%s: CSP lacks frame-ancestors 'none': %s" % (what, csp)
    assert re.search(r"(^|;)\s*(default-src|script-src)\s+'self'", csp), "%s: CSP: %s" % (what, csp)
    assert r.headers["X-Content-Type-Options"].lower() == "nosniff", what
    assert r.headers["Referrer-Policy"].strip(), what


# ---- the client a test gets ----------------------------------------------


_sources = [0]


def next_source():
    """A new loopback address 127.x.y.z (the whole 127/8 reaches this host)."""
    _sources[0] += 1
    n = _sources[0]
    return "127.%d.%d.%d" % (1 + (n >> 16) % 250, (n >> 8) & 255, 1 + n % 250)


class Client:
    """HTTP client bound to one front end.  A cookie jar, no automatic
    redirects, one fresh connection per request.

    Attributes: front ("serve" or "fcgi"), host, port, db (database path),
    tmp (the front end's temp folder: logs, nginx.conf), root (the source
    tree), served_root (the copy of templates/ and static/ the servers run
    from), cookies (name -> value), cookie_attrs (name -> whole Set-Cookie).
    """

    def __init__(self, front, check=None):
        self._front = front
        self.check = check  # called with every Response (the module's check_response)
        self.front = front.name
        self.host = "127.0.0.1"
        self.port = front.port
        self.db = front.db
        self.tmp = front.tmp
        self.root = ROOT
        self.served_root = front.root
        self.cookies = {}
        self.cookie_attrs = {}  # name -> the full Set-Cookie value, for attribute checks
        # every client speaks from its own loopback address, so per-address
        # throttling (logins, status lookups) in one test never spills into another
        self.source = next_source()

    def fresh(self):
        """Another client for the same front end, with an empty cookie jar."""
        return Client(self._front, self.check)

    def restart_env(self, env):
        """Restarts the front end's processes (same database, same port) with
        env (a dict) added to their environment, e.g. {"BIANMIN_NOW": iso};
        {} restarts it plain.  After the test the runner restarts it plain
        again by itself.  Cookies stay in the jar; sessions live in the
        database."""
        self._front.restart(env)

    # plain requests

    def request(self, method, path, body=None, headers=None, timeout=TIMEOUT):
        """Sends one request (path may carry a query; it goes on the wire as
        given) and returns a Response.  Stores Set-Cookie in the jar."""
        hdrs = {"Host": "%s:%d" % (self.host, self.port)}
        if self.cookies:
            hdrs["Cookie"] = "; ".join("%s=%s" % kv for kv in self.cookies.items())
        hdrs.update(headers or {})
        if isinstance(body, str):
            body = body.encode("utf-8")
        conn = http.client.HTTPConnection(self.host, self.port, timeout=timeout, source_address=(self.source, 0))
        try:
            conn.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
            for k, v in hdrs.items():
                conn.putheader(k, v)
            if body is not None and not any(k.lower() == "content-length" for k in hdrs):
                conn.putheader("Content-Length", str(len(body)))
            try:
                conn.endheaders(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # answered (413, 431) and closed before reading it all: read the answer
            r = conn.getresponse()
            data = r.read()
            resp = Response(r.status, r.reason, r.headers, data, method, path)
        finally:
            conn.close()
        self._store_cookies(resp)
        if self.check:
            self.check(resp)
        return resp

    def get(self, path, headers=None, **kw):
        return self.request("GET", path, headers=headers, **kw)

    def head(self, path, headers=None, **kw):
        return self.request("HEAD", path, headers=headers, **kw)

    def post(self, path, data=None, headers=None, **kw):
        """POSTs data (a dict or a list of pairs, values str) as
        application/x-www-form-urlencoded, or bytes/str as given."""
        hdrs = {"Content-Type": "application/x-www-form-urlencoded"}
        hdrs.update(headers or {})
        if isinstance(data, (dict, list, tuple)):
            data = urllib.parse.urlencode(data, doseq=isinstance(data, dict))
        return self.request("POST", path, body=data if data is not None else b"", headers=hdrs, **kw)

    def follow(self, resp):
        """The page a 303 (redirect after POST) leads to, fetched with this
        client's cookies; any other response is returned as it is."""
        if resp.status != 303:
            return resp
        return self.get(resp.header("Location"))

    def _store_cookies(self, resp):
        for sc in resp.headers.get_all("Set-Cookie") or []:
            first = sc.split(";", 1)[0]
            if "=" not in first:
                continue
            name, val = first.split("=", 1)
            name, val = name.strip(), val.strip()
            gone = re.search(r";\s*max-age\s*=\s*0\b", sc, re.I) or re.search(
                r";\s*expires\s*=\s*[^;]*19[67]\d", sc, re.I
            )
            if gone or val == "":
                self.cookies.pop(name, None)
            else:
                self.cookies[name] = val
            self.cookie_attrs[name] = sc

    # hand-made bytes

    def connect(self, timeout=TIMEOUT):
        """A connected TCP socket to the front end, for hand-made requests.
        The caller closes it."""
        return socket.create_connection((self.host, self.port), timeout=timeout, source_address=(self.source, 0))

    def raw(self, data, timeout=TIMEOUT):
        """Sends bytes as they are on a new connection and reads one response.
        Returns a Response, or None when the server closed the connection
        without answering.  A status line that is not HTTP raises."""
        if isinstance(data, str):
            data = data.encode("latin-1")
        s = self.connect(timeout)
        try:
            try:
                s.sendall(data)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the server may answer and close before reading it all
            resp = read_response(s, data.split(b" ", 1)[0].decode("latin-1", "replace"))
            if resp is not None:
                resp.target = data.split(b"\r\n", 1)[0].decode("latin-1", "replace")[:120]
                if self.check:
                    self.check(resp)
            return resp
        finally:
            s.close()

    # the database, read-only: what the pages should show

    def sql(self, query, *params):
        """Rows (tuples) of a read-only query on the front end's database."""
        con = sqlite3.connect("file:%s?mode=ro" % self.db, uri=True, timeout=10)
        try:
            return con.execute(query, params).fetchall()
        finally:
            con.close()

    # the admin command, same database

    def admin(self, *args, input=None, check=False):
        """Runs `build/bianmin admin ARGS --db DB`; input (str) goes to stdin.
        Returns subprocess.CompletedProcess (text stdout/stderr)."""
        cmd = [BIN, "admin", *args, "--db", self.db]
        p = subprocess.run(
            cmd, input=input, capture_output=True, text=True, cwd=ROOT, timeout=60
        )
        if check and p.returncode != 0:
            raise AssertionError("%s: exit %d: %s" % (" ".join(cmd), p.returncode, p.stderr.strip()))
        return p


def read_response(sock, method="GET"):
    """Reads one HTTP/1.x response from sock (Content-Length, chunked or
    until close).  Returns a Response, or None on a close before any byte."""
    buf = b""
    while b"\r\n\r\n" not in buf:
        try:
            chunk = sock.recv(65536)
        except ConnectionResetError:
            chunk = b""
        if not chunk:
            if not buf:
                return None
            break
        buf += chunk
    head, _, rest = buf.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    m = re.match(r"HTTP/1\.[01] (\d{3}) ?(.*)", lines[0])
    if not m:
        raise AssertionError("not an HTTP response: %r" % buf[:200])
    msg = http.client.HTTPMessage()
    for line in lines[1:]:
        if ":" in line:
            k, v = line.split(":", 1)
            msg[k.strip()] = v.strip()
    status = int(m.group(1))
    body = rest

    def more():
        try:
            return sock.recv(65536)
        except (ConnectionResetError, socket.timeout):
            return b""

    if method == "HEAD" or status in (204, 304) or 100 <= status < 200:
        body = b""
    elif msg.get("Content-Length") is not None:
        want = int(msg.get("Content-Length"))
        while len(body) < want:
            c = more()
            if not c:
                break
            body += c
        body = body[:want]
    elif "chunked" in (msg.get("Transfer-Encoding") or "").lower():
        while not re.search(rb"(^|\r\n)0\r\n(.*\r\n)?\r\n", body, re.S):
            c = more()
            if not c:
                break
            body += c
        out, p = b"", body
        while True:
            size_line, _, p = p.partition(b"\r\n")
            try:
                n = int(size_line.split(b";")[0], 16)
            except ValueError:
                break
            if n == 0:
                break
            out, p = out + p[:n], p[n + 2 :]
        body = out
    else:
        while True:
            c = more()
            if not c:
                break
            body += c
    return Response(status, m.group(2), msg, body, method, "")


# ---- front ends -----------------------------------------------------------


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class SetupError(Exception):
    pass


class Front:
    """One running front end: a temp folder, a demo database, the server
    processes (bianmin serve; or bianmin fcgi plus nginx)."""

    def __init__(self, name, keep=False):
        self.name = name
        self.keep = keep
        self.tmp = tempfile.mkdtemp(prefix="bianmin-http-%s-" % name)
        self.db = os.path.join(self.tmp, "bianmin.db")
        self.root = os.path.join(self.tmp, "root")
        self.port = free_port()
        self.procs = []  # (label, Popen, log path)
        self.env = {}  # added to the servers' environment (restart_env)

    # processes

    def _spawn(self, label, cmd):
        log = os.path.join(self.tmp, label + ".log")
        if VALGRIND and label in ("serve", "fcgi"):
            # BIANMIN_VALGRIND=1: the server runs under memcheck; any error fails the run
            cmd = ["valgrind", "-q", "--error-exitcode=%d" % VALGRIND_EXIT, "--track-origins=yes",
                   "--log-file=%s" % os.path.join(self.tmp, "valgrind-%s.log" % label)] + cmd
        with open(log, "ab") as f:
            p = subprocess.Popen(
                cmd, cwd=ROOT, stdin=subprocess.DEVNULL, stdout=f, stderr=subprocess.STDOUT,
                start_new_session=True, env=dict(os.environ, **self.env),
            )
        self.procs.append((label, p, log))
        return p

    def log_tail(self, lines=15):
        out = []
        for label, _, log in self.procs:
            try:
                with open(log, "rb") as f:
                    tail = f.read().decode("utf-8", "replace").splitlines()[-lines:]
            except OSError:
                continue
            out += ["  [%s] %s" % (label, t) for t in tail]
        err = os.path.join(self.tmp, "error.log")
        if self.name == "fcgi" and os.path.exists(err):
            with open(err, "rb") as f:
                out += ["  [nginx error.log] %s" % t for t in f.read().decode("utf-8", "replace").splitlines()[-lines:]]
        return "\n".join(out)

    def dead(self):
        """A message naming a server process that has exited, or None."""
        for label, p, _ in self.procs:
            rc = p.poll()
            if rc is not None:
                return "%s exited with status %d" % (label, rc)
        return None

    def start(self):
        if not os.access(BIN, os.X_OK):
            raise SetupError("%s missing: run make first" % BIN)
        if not os.path.exists(self.db):
            p = subprocess.run(
                [BIN, "admin", "init", "--db", self.db, "--demo"], cwd=ROOT, capture_output=True, text=True,
                timeout=120,
            )
            if p.returncode != 0:
                raise SetupError("admin init --demo failed (%d): %s" % (p.returncode, (p.stderr + p.stdout).strip()))
        if not os.path.exists(self.root):
            self.make_root()
        if self.name == "serve":
            self._spawn(
                "serve",
                [BIN, "serve", "--db", self.db, "--listen", "127.0.0.1:%d" % self.port, "--quiet",
                 "--root", self.root],
            )
        else:
            self._start_fcgi()
        self._wait_ready()

    def make_root(self):
        """The install root the servers run from: a copy of templates/ and
        static/ plus planted bait that must never be served: a dot-file and
        a symlink to a file outside static/ (see test_hostile.py)."""
        os.makedirs(self.root)
        shutil.copytree(os.path.join(ROOT, "templates"), os.path.join(self.root, "templates"))
        shutil.copytree(os.path.join(ROOT, "static"), os.path.join(self.root, "static"), symlinks=True)
        os.symlink(os.path.join(ROOT, "sql"), os.path.join(self.root, "sql"))
        bait = os.path.join(self.tmp, "outside.txt")
        with open(bait, "w") as f:
            f.write(BAIT)
        static = os.path.join(self.root, "static")
        with open(os.path.join(static, ".secret.txt"), "w") as f:
            f.write(BAIT)
        with open(os.path.join(static, "js", ".site.js.swp"), "w") as f:
            f.write(BAIT)
        os.symlink(bait, os.path.join(static, "outside.txt"))
        os.symlink(os.path.join(self.tmp), os.path.join(static, "tmpdir"))

    def _start_fcgi(self):
        if not os.access(NGINX, os.X_OK):
            raise SetupError("%s missing (Debian package nginx-light)" % NGINX)
        sock = os.path.join(self.tmp, "fcgi.sock")
        self._spawn(
            "fcgi",
            [BIN, "fcgi", "--db", self.db, "--socket", sock, "--threads", "16", "--quiet", "--root", self.root],
        )
        deadline = time.time() + 10
        while not os.path.exists(sock):
            if self.dead():
                raise SetupError(self.dead())
            if time.time() > deadline:
                raise SetupError("fcgi: no socket %s after 10 s" % sock)
            time.sleep(0.02)
        conf = self.write_nginx_conf(sock)
        self._spawn("nginx", [NGINX, "-p", self.tmp + "/", "-c", conf, "-e", os.path.join(self.tmp, "error.log")])

    def write_nginx_conf(self, sock):
        """nginx.conf for the test: a main context of our own wrapped around
        contrib/nginx-bianmin.conf with its placeholders filled in."""
        with open(NGINX_SITE, encoding="utf-8") as f:
            site = f.read()
        for key, val in (("@LISTEN@", "127.0.0.1:%d" % self.port), ("@SOCKET@", sock), ("@ROOT@", self.root)):
            if key not in site:
                raise SetupError("%s: placeholder %s missing" % (NGINX_SITE, key))
            site = site.replace(key, val)
        left = re.findall(r"@[A-Z_]+@", site)
        if left:
            raise SetupError("%s: unknown placeholders %s" % (NGINX_SITE, ", ".join(sorted(set(left)))))
        t = self.tmp
        with open(os.path.join(t, "bianmin-site.conf"), "w", encoding="utf-8") as f:
            f.write(site)
        # the relative includes of the site file resolve against the conf folder
        for name in ("fastcgi_params", "mime.types"):
            src = os.path.join("/etc/nginx", name)
            if not os.path.exists(src):
                raise SetupError("%s missing" % src)
            shutil.copy(src, os.path.join(t, name))
        for d in ("body", "fastcgi", "proxy", "uwsgi", "scgi"):
            os.makedirs(os.path.join(t, "temp", d), exist_ok=True)
        user = "user root;\n" if os.geteuid() == 0 else ""
        conf = os.path.join(t, "nginx.conf")
        with open(conf, "w", encoding="utf-8") as f:
            f.write(
                f"""# generated by tests/http/run.py
{user}daemon off;
master_process on;
worker_processes 1;
pid {t}/nginx.pid;
error_log {t}/error.log warn;
events {{ worker_connections 1024; }}
http {{
	include mime.types;
	default_type application/octet-stream;
	access_log {t}/access.log;
	client_body_temp_path {t}/temp/body;
	fastcgi_temp_path {t}/temp/fastcgi;
	proxy_temp_path {t}/temp/proxy;
	uwsgi_temp_path {t}/temp/uwsgi;
	scgi_temp_path {t}/temp/scgi;
	include bianmin-site.conf;
}}
"""
            )
        p = subprocess.run([NGINX, "-t", "-q", "-p", t + "/", "-c", conf, "-e", os.path.join(t, "error.log")],
                           capture_output=True, text=True, timeout=30)
        if p.returncode != 0:
            raise SetupError("nginx -t: " + (p.stderr + p.stdout).strip())
        return conf

    def _wait_ready(self):
        deadline = time.time() + 15
        last = None
        while time.time() < deadline:
            if self.dead():
                raise SetupError(self.dead())
            try:
                c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=2)
                c.request("GET", "/healthz")
                r = c.getresponse()
                r.read()
                c.close()
                if r.status == 200:
                    return
                last = "status %d" % r.status
            except OSError as e:
                last = str(e)
            time.sleep(0.05)
        raise SetupError("not ready after 15 s (GET /healthz: %s)" % last)

    def stop(self):
        """Stops every process (TERM, then KILL after 5 s), nginx first.
        Never raises."""
        for label, p, _ in reversed(self.procs):
            if p.poll() is None:
                try:
                    p.send_signal(signal.SIGQUIT if label == "nginx" else signal.SIGTERM)
                except OSError:
                    pass
        for label, p, _ in reversed(self.procs):
            try:
                p.wait(timeout=5)
            except subprocess.TimeoutExpired:
                pass
            # the process group is ours (start_new_session): nginx workers too
            try:
                os.killpg(p.pid, signal.SIGKILL)
            except OSError:
                pass
            try:
                p.wait(timeout=5)
            except subprocess.TimeoutExpired:
                print("warning: %s (pid %d) did not stop" % (label, p.pid), file=sys.stderr)
            if VALGRIND and p.returncode == VALGRIND_EXIT:
                with open(os.path.join(self.tmp, "valgrind-%s.log" % label), errors="replace") as f:
                    VALGRIND_ERRORS.append("%s:\n%s" % (label, f.read()[-3000:]))

    def restart(self, env=None):
        """Stops and starts the processes on the same port, with env (a
        dict) as the extra environment when given."""
        self.stop()
        self.procs = []
        if env is not None:
            self.env = dict(env)
        self.start()

    def cleanup(self):
        if not self.keep:
            shutil.rmtree(self.tmp, ignore_errors=True)


# ---- discovery and running ------------------------------------------------


CHECKS = {}  # module name -> its check_response(resp)


class Test:
    def __init__(self, module, name, fn):
        self.module = module
        self.name = name
        self.fn = fn


def load_modules():
    """Imports tests/http/test_*.py in name order.  Returns (tests, setups)
    where setups maps a module name to its optional setup(client)."""
    sys.path.insert(0, HERE)
    sys.modules.setdefault("run", sys.modules[__name__])
    tests, setups, seen = [], {}, {}
    global CHECKS
    CHECKS = {}
    for fname in sorted(os.listdir(HERE)):
        if not (fname.startswith("test_") and fname.endswith(".py")):
            continue
        modname = fname[:-3]
        spec = importlib.util.spec_from_file_location(modname, os.path.join(HERE, fname))
        mod = importlib.util.module_from_spec(spec)
        sys.modules[modname] = mod
        spec.loader.exec_module(mod)
        if callable(getattr(mod, "setup", None)):
            setups[modname] = mod.setup
        if callable(getattr(mod, "check_response", None)):
            CHECKS[modname] = mod.check_response
        for name, fn in list(vars(mod).items()):
            if name.startswith("test_") and callable(fn) and getattr(fn, "__module__", None) == modname:
                if name in seen:
                    raise RuntimeError("%s defined in both %s and %s: rename one" % (name, seen[name], modname))
                seen[name] = modname
                tests.append(Test(modname, name, fn))
    return tests, setups


def failure_text(exc):
    """The assertion message, or the failing line of the test when the
    assert has none."""
    msg = str(exc)
    tb = traceback.extract_tb(exc.__traceback__)
    where = None
    for fr in reversed(tb):
        if os.path.dirname(os.path.abspath(fr.filename)) == HERE and os.path.basename(fr.filename) != "run.py":
            where = fr
            break
    if where is None and tb:
        where = tb[-1]
    loc = "%s:%d" % (os.path.basename(where.filename), where.lineno) if where else "?"
    if not isinstance(exc, AssertionError):
        msg = "%s: %s" % (type(exc).__name__, msg)
    elif not msg and where is not None:
        msg = "assert failed: %s" % (where.line or "")
    msg = " ".join(msg.split())
    if len(msg) > 600:
        msg = msg[:600] + " ..."
    return "%s (%s)" % (msg, loc)


def matches(pattern, fullname):
    if not pattern:
        return True
    return any(p in fullname for p in pattern.split(","))


def run_front(name, tests, setups, args, counts):
    front = Front(name, keep=args.keep)
    try:
        try:
            front.start()
        except (SetupError, OSError, subprocess.SubprocessError) as e:
            counts[1] += 1
            print("FAIL %s:setup: %s" % (name, e))
            tail = front.log_tail()
            if tail:
                print(tail)
            return
        done_setup = {}
        for t in tests:
            label = "%s:%s" % (name, t.name)
            client = Client(front, CHECKS.get(t.module))
            if t.module in setups and t.module not in done_setup:
                try:
                    setups[t.module](client.fresh())
                    done_setup[t.module] = None
                except Exception as e:  # noqa: BLE001 -- report any error
                    done_setup[t.module] = failure_text(e)
            err = done_setup.get(t.module)
            if err:
                counts[1] += 1
                print("FAIL %s: %s.setup: %s" % (label, t.module, err))
                continue
            t0 = time.time()
            try:
                if front.env:
                    front.restart({})
                t.fn(client)
                gone = front.dead()
                if gone:
                    raise AssertionError("server died: " + gone)
                counts[0] += 1
                extra = " (%.2fs)" % (time.time() - t0) if args.verbose else ""
                print("ok   %s%s" % (label, extra))
            except Exception as e:  # noqa: BLE001 -- a test error is a failure
                counts[1] += 1
                print("FAIL %s: %s" % (label, failure_text(e)))
                gone = front.dead()
                if gone:
                    print("     server died (%s); log tail:\n%s" % (gone, front.log_tail()))
                    try:
                        front.restart({})
                    except (SetupError, OSError) as e2:
                        print("FAIL %s:restart: %s" % (name, e2))
                        counts[1] += 1
                        return
            sys.stdout.flush()
    finally:
        front.stop()
        if args.keep:
            print("kept %s" % front.tmp)
        front.cleanup()


def main():
    ap = argparse.ArgumentParser(description="bianmin end-to-end HTTP tests")
    ap.add_argument("-k", dest="pattern", help="run tests whose front:module.name contains PATTERN (comma: any of)")
    ap.add_argument("--front", choices=FRONTS, action="append", help="only this front end (repeatable)")
    ap.add_argument("--keep", action="store_true", help="keep the temp folders (database, logs, nginx.conf)")
    ap.add_argument("-v", "--verbose", action="store_true", help="print each test's time")
    args = ap.parse_args()

    # SIGTERM/SIGINT unwind through the finally blocks, which stop the servers
    def on_signal(sig, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, on_signal)

    counts = [0, 0]
    try:
        tests, setups = load_modules()
        for name in args.front or FRONTS:
            chosen = [t for t in tests if matches(args.pattern, "%s:%s.%s" % (name, t.module, t.name))]
            if chosen:
                run_front(name, chosen, setups, args, counts)
    except KeyboardInterrupt:
        print("interrupted")
        counts[1] += 1
    except Exception as e:  # noqa: BLE001 -- a broken module must still report
        traceback.print_exc()
        print("FAIL harness: %s: %s" % (type(e).__name__, e))
        counts[1] += 1
    for report in VALGRIND_ERRORS:
        counts[1] += 1
        print("FAIL valgrind memcheck found errors in %s" % report)
    if VALGRIND:
        print("valgrind: servers ran under memcheck, %d with errors" % len(VALGRIND_ERRORS))
    print("http: %d passed, %d failed" % (counts[0], counts[1]))
    sys.exit(1 if counts[1] else 0)


if __name__ == "__main__":
    main()

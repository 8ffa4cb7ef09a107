#!/usr/bin/env python3
"""bench_web.py -- wrk against three servers of the same page, interleaved:

  nginx-static  nginx serving a saved copy of one rendered notice sheet
  serve         the same page from `bianmin serve` (libmicrohttpd)
  fcgi          the same page through nginx -> `bianmin fcgi` (libfcgi)
  fcgi-bare     the same page through nginx -> tests/bench/fcgi_bare.c, a
                libfcgi responder with bianmin's threads that only answers
                the saved bytes: the floor that nginx and libfcgi set
  *-render      the same, with the in-memory page cache skipped: every
                request queries SQLite and renders the template
  serve-search  a search results page (/search?q=戶籍謄本) from the cache;
                *-render: a query never seen before each time (a full search)
  *-intake      a counter clerk's petition intake (POST /staff/petitions/new,
                16 connections), each a new petition on disk before its 303;
                the rows are counted afterwards
  *-status      status lookups (POST /status) of one case by number and code,
                with the lookup limits raised through their setting

`bianmin serve` rows use 64 connections (its limit per client address; wrk
is one address), nginx -> `bianmin fcgi` rows 256, each against nginx static
at as many connections; nginx and the responder as contrib/nginx-bianmin.conf
ships them (upstream keepalive 4, the responder's default threads).

and the memory of `bianmin serve` (its peak and its size at the end).

Prints req/s, p50/p99 latency, errors and each ratio to nginx static, and
writes docs/bench-web.md.  Loopback only; every run is bounded in time.
"""
import http.cookiejar, os, re, shutil, signal, socket, sqlite3, subprocess, sys, tempfile, time, urllib.parse, urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.environ.get("BIANMIN_BIN", os.path.join(ROOT, "build", "bianmin"))
PAGE = "/services/low-income-apply"
SEARCH_PATH, SEARCH_Q = "/search", "%E6%88%B6%E7%B1%8D%E8%AC%84%E6%9C%AC"  # 戶籍謄本
INTAKE = "/staff/petitions/new"
INTAKE_CONNS = 16
DURATION = int(os.environ.get("BENCH_SECONDS", "8"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
CONNS = 64           # bianmin serve: its per-address connection limit (wrk is one address)
FCGI_THREADS = 256        # `bianmin fcgi`'s default --threads (src/cli/serve.c)
CONNS_BEHIND_NGINX = 256  # nginx -> bianmin fcgi: the load issue #15 asks 0 errors at


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    p = s.getsockname()[1]
    s.close()
    return p


def wait_http(url, timeout=10):
    end = time.time() + timeout
    while time.time() < end:
        try:
            with urllib.request.urlopen(url, timeout=1) as r:
                if r.status == 200:
                    return r.read()
        except Exception:
            time.sleep(0.05)
    raise SystemExit("bench: %s did not come up" % url)


# every request a query nobody asked before: the search page's cache never hits
UNIQUE_LUA = """
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", wrk.path .. "&n=" .. tostring(math.random(1, 1000000000)) .. "-" .. n)
end
"""


# a petition taken at the counter: every request its own one-time form token
INTAKE_LUA = """
local n = 0
local prefix = string.format("%%08x", math.random(0, 0x7fffffff))
request = function()
  n = n + 1
  local body = "csrf=%(csrf)s&channel=counter&read_back=1&name=%%E5%%BC%%B5&phone=07-696-1234"
    .. "&subject=bench&body=bench&once=" .. prefix .. string.format("%%024x", n)
  return wrk.format("POST", wrk.path, {["Content-Type"] = "application/x-www-form-urlencoded",
                                       ["Cookie"] = "%(cookie)s"}, body)
end
"""

STATUS_LUA = """
request = function()
  return wrk.format("POST", wrk.path, {["Content-Type"] = "application/x-www-form-urlencoded"},
                    "no=%(no)s&code=%(code)s")
end
"""


def wrk(url, script, conns):
    cmd = ["wrk", "-t2", "-c%d" % conns, "-d%ds" % DURATION, "--latency"]
    if script:
        cmd += ["-s", script]
    out = subprocess.run(cmd + [url], capture_output=True, text=True, timeout=DURATION + 30).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))

    def lat(p):
        m = re.search(r"\s%s%%\s+([\d.]+)(us|ms|s)" % p, out)
        v, u = float(m.group(1)), m.group(2)
        return v / 1000 if u == "us" else v if u == "ms" else v * 1000

    errs = 0
    m = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    if m:
        errs += sum(int(x) for x in m.groups())
    m = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if m:
        errs += int(m.group(1))
    return rps, lat(50), lat(99), errs


def hidden(page, name):
    m = re.search(r'name="%s" value="([^"]*)"' % name, page)
    if not m:
        raise SystemExit("bench: no %s on the page" % name)
    return m.group(1)


def counter_clerk(base):
    """Signs in as the demo counter clerk: (Cookie header, CSRF token, number, query code of one intake)."""
    jar = http.cookiejar.CookieJar()
    op = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = op.open(base + "/staff/login").read().decode()
    form = {"csrf": hidden(page, "csrf"), "username": "counter1", "password": "demo-password"}
    op.open(base + "/staff/login", urllib.parse.urlencode(form).encode())
    csrf = hidden(op.open(base + INTAKE).read().decode(), "csrf")
    cookie = "; ".join("%s=%s" % (c.name, c.value) for c in jar)
    form = {"csrf": csrf, "channel": "counter", "read_back": "1", "name": "bench", "phone": "07-696-1234",
            "subject": "bench", "body": "bench", "once": "%032x" % 1}
    receipt = op.open(base + INTAKE, urllib.parse.urlencode(form).encode()).read().decode()
    no = re.search(r'class="big">(P\d{7}-\d{4})<', receipt).group(1)
    code = re.search(r'class="big code">([A-Z0-9]{10})<', receipt).group(1)
    return cookie, csrf, no, code


def main():
    if not shutil.which("wrk") or not shutil.which("nginx"):
        raise SystemExit("bench: needs wrk and nginx (scripts/deps.sh bench)")
    tmp = tempfile.mkdtemp(prefix="bianmin-bench-")
    procs = []
    try:
        db = os.path.join(tmp, "bench.db")
        subprocess.run([BIN, "admin", "init", "--db", db, "--demo"], check=True, capture_output=True)
        sport, nport = free_port(), free_port()
        procs.append(subprocess.Popen([BIN, "serve", "--db", db, "--listen", "127.0.0.1:%d" % sport, "--quiet"],
                                      cwd=ROOT))
        sock = os.path.join(tmp, "fcgi.sock")
        # the responder and nginx as contrib/nginx-bianmin.conf ships them: default threads, keepalive 4
        procs.append(subprocess.Popen([BIN, "fcgi", "--db", db, "--socket", sock, "--quiet"],
                                      cwd=ROOT))
        body = wait_http("http://127.0.0.1:%d%s" % (sport, PAGE))
        os.makedirs(os.path.join(tmp, "www"))
        with open(os.path.join(tmp, "www", "static.html"), "wb") as f:
            f.write(body)
        # the floor under the fcgi rows: libfcgi answering the saved page, bianmin's thread count
        bare, bare_sock = os.path.join(tmp, "fcgi_bare"), os.path.join(tmp, "bare.sock")
        subprocess.run(["cc", "-O2", "-pthread", "-o", bare, os.path.join(ROOT, "tests", "bench", "fcgi_bare.c"),
                        "-lfcgi"], check=True)
        procs.append(subprocess.Popen([bare, bare_sock, os.path.join(tmp, "www", "static.html"),
                                       str(FCGI_THREADS)]))
        for d in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
            os.makedirs(os.path.join(tmp, d))
        conf = os.path.join(tmp, "nginx.conf")
        with open(conf, "w") as f:
            f.write("""
user root;
worker_processes 2;
pid %(t)s/nginx.pid;
error_log %(t)s/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path %(t)s/body; proxy_temp_path %(t)s/proxy; fastcgi_temp_path %(t)s/fastcgi;
  uwsgi_temp_path %(t)s/uwsgi; scgi_temp_path %(t)s/scgi;
  keepalive_requests 100000;
  upstream bianmin { server unix:%(sock)s; keepalive 4; }
  upstream bare { server unix:%(bare)s; keepalive 4; }
  server {
    listen 127.0.0.1:%(port)d;
    location = /static.html { root %(t)s/www; default_type text/html; }
    # the parameters bianmin reads, as contrib/nginx-bianmin.conf passes them
    fastcgi_param REQUEST_METHOD $request_method;
    fastcgi_param REQUEST_URI $request_uri;
    fastcgi_param CONTENT_TYPE $content_type;
    fastcgi_param CONTENT_LENGTH $content_length;
    fastcgi_param REMOTE_ADDR $remote_addr;
    fastcgi_keep_conn on;
    location = /bare.html { fastcgi_pass bare; }
    location / { fastcgi_pass bianmin; }
  }
}
""" % {"t": tmp, "sock": sock, "bare": bare_sock, "port": nport})
        procs.append(subprocess.Popen(["nginx", "-p", tmp, "-c", conf, "-g", "daemon off;"]))
        wait_http("http://127.0.0.1:%d/static.html" % nport)
        wait_http("http://127.0.0.1:%d%s" % (nport, PAGE))
        # "?render=1" is an undeclared parameter: ignored by the page, but a
        # query string skips the in-memory page cache, so every request renders
        cookie, csrf, no, code = counter_clerk("http://127.0.0.1:%d" % sport)
        subprocess.run([BIN, "admin", "set", "--db", db, "status_lookup_limits", "1000000000 1000000000 1000000000"],
                       check=True, capture_output=True)
        scripts = {}
        for name, text in (("unique", UNIQUE_LUA), ("intake", INTAKE_LUA % {"csrf": csrf, "cookie": cookie}),
                           ("status", STATUS_LUA % {"no": no, "code": code})):
            scripts[name] = os.path.join(tmp, name + ".lua")
            with open(scripts[name], "w") as f:
                f.write(text)
        unique = scripts["unique"]
        search = "%s?q=%s" % (SEARCH_PATH, SEARCH_Q)
        # (name, url, wrk script, connections); each ratio is to nginx static at the same connections
        serve, nginx = "http://127.0.0.1:%d" % sport, "http://127.0.0.1:%d" % nport
        targets = [("nginx-static", nginx + "/static.html", None, CONNS),
                   ("serve", serve + PAGE, None, CONNS),
                   ("serve-render", serve + PAGE + "?render=1", None, CONNS),
                   ("serve-search", serve + search, None, CONNS),
                   ("serve-search-render", serve + search, unique, CONNS),
                   ("serve-status", serve + "/status", scripts["status"], CONNS),
                   ("nginx-static-256", nginx + "/static.html", None, CONNS_BEHIND_NGINX),
                   ("fcgi-bare", nginx + "/bare.html", None, CONNS_BEHIND_NGINX),
                   ("fcgi", nginx + PAGE, None, CONNS_BEHIND_NGINX),
                   ("fcgi-render", nginx + PAGE + "?render=1", None, CONNS_BEHIND_NGINX),
                   ("fcgi-status", nginx + "/status", scripts["status"], CONNS_BEHIND_NGINX),
                   ("serve-intake", serve + INTAKE, scripts["intake"], INTAKE_CONNS),
                   ("fcgi-intake", nginx + INTAKE, scripts["intake"], INTAKE_CONNS)]
        only = os.environ.get("BENCH_ONLY")  # a developer's look at some rows: docs/ stays as it is
        if only:
            targets = [t for t in targets if re.fullmatch(only, t[0]) or t[0].startswith("nginx-static")]
        res = {t[0]: [] for t in targets}
        for r in range(ROUNDS):
            for name, url, script, conns in targets:
                res[name].append(wrk(url, script, conns))
                print("round %d %-19s %9.0f req/s" % (r + 1, name, res[name][-1][0]), flush=True)
        def med(xs):
            xs = sorted(xs)
            return xs[len(xs) // 2]
        summary = {}
        for name, _, _, _ in targets:
            rs = res[name]
            summary[name] = (med([x[0] for x in rs]), med([x[1] for x in rs]), med([x[2] for x in rs]),
                             sum(x[3] for x in rs))
        base = {conns: summary[name][0] for name, _, _, conns in targets if name.startswith("nginx-static")}
        lines = ["| server | connections | req/s (median) | p50 ms | p99 ms | errors | ratio to nginx static |",
                 "|---|---|---|---|---|---|---|"]
        for name, _, _, conns in targets:
            rps, p50, p99, errs = summary[name]
            ratio = "%.2f×" % (rps / base[conns]) if conns in base else "–"
            lines.append("| %s | %d | %.0f | %.3f | %.3f | %d | %s |" % (name, conns, rps, p50, p99, errs, ratio))
        with open("/proc/%d/status" % procs[0].pid) as f:
            mem = dict(line.split(":", 1) for line in f if line.startswith(("VmHWM", "VmRSS")))
        lines += ["", "`bianmin serve` memory after every run: peak %s, now %s (VmHWM, VmRSS)."
                  % (mem["VmHWM"].strip(), mem["VmRSS"].strip())]
        con = sqlite3.connect(db)
        stored = con.execute("SELECT count(*) FROM petitions WHERE subject = 'bench'").fetchone()[0]
        con.close()
        lines += ["", "Intake rows are a counter clerk's petitions over %d connections, each committed "
                  "(WAL, synchronous=FULL) before its 303; %s petitions are in the database after the runs. "
                  "Status rows look up one petition by number and code with `status_lookup_limits` raised."
                  % (INTAKE_CONNS, stored),
                  "", "`fcgi-bare` is tests/bench/fcgi_bare.c behind the same nginx: libfcgi with bianmin's "
                  "threads answering the saved page and doing nothing else, the most any libfcgi responder "
                  "gets here; read the `fcgi` rows against it."]
        table = "\n".join(lines)
        print()
        print(table)
        model = re.search(r"model name\s*:\s*(.*)", open("/proc/cpuinfo").read())
        cpu = "%d cores, %s" % (os.cpu_count(), model.group(1).strip() if model else "unknown CPU")
        if only:
            return
        with open(os.path.join(ROOT, "docs", "bench-web.md"), "w") as f:
            f.write("# Web speed: bianmin against nginx static\n\n"
                    "`make bench` (scripts/bench_web.py), %s, page `%s` (%d bytes), wrk -t2, "
                    "%d s per run, %d interleaved rounds, medians; each ratio is to nginx serving the same "
                    "bytes as a static file with as many connections.  Machine: %s\n\n%s\n"
                    % (time.strftime("%Y-%m-%d"), PAGE, len(body), DURATION, ROUNDS, cpu.strip(), table))
    finally:
        for p in procs:
            p.send_signal(signal.SIGTERM)
        for p in procs:
            try:
                p.wait(timeout=5)
            except subprocess.TimeoutExpired:
                p.kill()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""crashtest.py -- `make crashtest`: nothing acknowledged is ever lost.

Several clients submit petitions over HTTP while the server (first
`bianmin serve`, then `bianmin fcgi` behind nginx) and the scheduler are
killed with SIGKILL at random moments and restarted.  Afterwards every
petition number a client was given must exist with its content intact,
nothing may exist that no client sent, and PRAGMA integrity_check and
foreign_key_check must pass.

    python3 scripts/crashtest.py [--seconds 60] [--seed N] [--clients 4]
    BIANMIN_BIN=... to test another build.

Prints the counts and the seed, then "crashtest: N passed, N failed".
Loopback only; bounded in time.
"""
import argparse, html, http.client, os, random, re, shutil, signal, socket, sqlite3, subprocess, sys
import tempfile, threading, time, urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.abspath(os.environ.get("BIANMIN_BIN") or os.path.join(ROOT, "build", "bianmin"))


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    p = s.getsockname()[1]
    s.close()
    return p


class Servers:
    """The web front end under test and the scheduler, each restartable."""

    def __init__(self, tmp, db, front):
        self.tmp, self.db, self.front = tmp, db, front
        self.port = free_port()
        self.web = self.nginx = self.sched = None
        self.lock = threading.Lock()
        self.logs = open(os.path.join(tmp, "servers.log"), "ab")
        if front == "fcgi":
            self.sock = os.path.join(tmp, "fcgi.sock")
            for d in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
                os.makedirs(os.path.join(tmp, d), exist_ok=True)
            conf = os.path.join(tmp, "nginx.conf")
            with open(conf, "w") as f:
                f.write("""user root; worker_processes 1; pid %(t)s/nginx.pid; error_log %(t)s/nginx-error.log;
events { worker_connections 256; }
http { access_log off; client_body_temp_path %(t)s/body; proxy_temp_path %(t)s/proxy;
  fastcgi_temp_path %(t)s/fastcgi; uwsgi_temp_path %(t)s/uwsgi; scgi_temp_path %(t)s/scgi;
  server { listen 127.0.0.1:%(p)d;
    location / { include /etc/nginx/fastcgi_params; fastcgi_param REQUEST_URI $request_uri;
                 fastcgi_pass unix:%(s)s; } } }
""" % {"t": tmp, "p": self.port, "s": self.sock})
            self.nginx = subprocess.Popen(["nginx", "-p", tmp, "-c", conf, "-g", "daemon off;"],
                                          stdout=self.logs, stderr=self.logs)

    def start_web(self):
        if self.front == "serve":
            cmd = [BIN, "serve", "--db", self.db, "--listen", "127.0.0.1:%d" % self.port, "--quiet"]
        else:
            cmd = [BIN, "fcgi", "--db", self.db, "--socket", self.sock, "--threads", "8", "--quiet"]
        self.web = subprocess.Popen(cmd, cwd=ROOT, stdout=self.logs, stderr=self.logs)

    def start_sched(self):
        self.sched = subprocess.Popen([BIN, "scheduler", "--db", self.db, "--interval", "1"], cwd=ROOT,
                                      stdout=self.logs, stderr=self.logs)

    def kill(self, which):
        with self.lock:
            p = getattr(self, which)
            if p and p.poll() is None:
                p.send_signal(signal.SIGKILL)
                p.wait()
            (self.start_web if which == "web" else self.start_sched)()

    def stop(self):
        for p in (self.web, self.sched, self.nginx):
            if p and p.poll() is None:
                p.send_signal(signal.SIGKILL if p is not self.nginx else signal.SIGTERM)
                try:
                    p.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    p.kill()
        self.logs.close()


def request(port, method, path, body=None, cookie=None, source="127.0.0.1"):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10, source_address=(source, 0))
    hdrs = {}
    if cookie:
        hdrs["Cookie"] = cookie
    if body is not None:
        hdrs["Content-Type"] = "application/x-www-form-urlencoded"
    conn.request(method, path, body=body, headers=hdrs)
    r = conn.getresponse()
    data = r.read().decode("utf-8", "replace")
    cookies = [c.split(";", 1)[0] for c in r.headers.get_all("Set-Cookie") or []]
    location = r.getheader("Location")
    conn.close()
    return r.status, data, cookies, location


def client_loop(idx, servers, stop, seed, sent, acked, lock):
    rnd = random.Random(seed * 100 + idx)
    n = 0
    while not stop.is_set():
        n += 1
        token = "crash-%d-%d-%d" % (seed, idx, n)
        # a new loopback address now and then: the web form limits petitions per address
        source = "127.%d.%d.%d" % (2 + idx, (n // 4 >> 8) & 255, 1 + (n // 4) % 250)
        body_text = "%s %s" % (token, "路燈不亮，請派員修理。" * rnd.randint(1, 5))
        try:
            status, page, cookies, _ = request(servers.port, "GET", "/petitions/new", source=source)
            if status != 200:
                raise OSError("form %d" % status)
            csrf = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
            once = re.search(r'name="once" value="([^"]+)"', page).group(1)
            village = re.search(r'<option value="([a-z0-9-]+)"', page[page.find('name="village"'):]).group(1)
            # sent as the "check your answers" page sends it: step=submit, with the form's once token
            form = urllib.parse.urlencode({"csrf": csrf, "once": once, "step": "submit", "name": "測試%d" % idx,
                                           "phone": "0912%06d" % n, "village": village, "subject": token,
                                           "body": body_text})
            with lock:
                sent[token] = body_text
            status, page, posted, location = request(servers.port, "POST", "/petitions/new", form,
                                                     "; ".join(cookies), source)
            if status == 303 and location:
                # redirect after POST: the receipt (number) is on the page it leads to, its token in a cookie
                target = urllib.parse.urlsplit(location)
                status, page, _, _ = request(servers.port, "GET", target.path + ("?" + target.query if target.query else ""),
                                             None, "; ".join(cookies + posted), source)
        except (OSError, http.client.HTTPException, AttributeError):
            time.sleep(0.05)  # the server is down or restarting: try again with a new petition
            continue
        m = re.search(r"(P\d{7}-\d{4,6})", page)
        if status in (200, 201) and m:
            with lock:
                acked.append((m.group(1), token))
        elif status < 500:
            raise SystemExit("crashtest: the form refused a petition (%d): %s" % (status, page[:300]))


def run_front(front, seconds, seed, nclients, tmp, counts):
    db = os.path.join(tmp, front + ".db")
    subprocess.run([BIN, "admin", "init", "--db", db, "--demo"], cwd=ROOT, check=True, capture_output=True)
    servers = Servers(tmp, db, front)
    servers.start_web()
    servers.start_sched()
    time.sleep(0.5)
    rnd = random.Random(seed)
    stop = threading.Event()
    sent, acked, lock = {}, [], threading.Lock()
    threads = [threading.Thread(target=client_loop, args=(i, servers, stop, seed, sent, acked, lock))
               for i in range(nclients)]
    for t in threads:
        t.start()
    kills = 0
    end = time.time() + seconds
    try:
        while time.time() < end:
            time.sleep(rnd.uniform(0.2, 1.5))
            servers.kill("web" if rnd.random() < 0.75 else "sched")
            kills += 1
    finally:
        stop.set()
        for t in threads:
            t.join(timeout=30)
        servers.stop()

    con = sqlite3.connect(db)
    rows = dict(con.execute("SELECT petition_no, subject || char(1) || body FROM petitions "
                            "WHERE subject LIKE 'crash-%'").fetchall())
    lost = [(no, tok) for no, tok in acked
            if rows.get(no) != "%s\x01%s" % (tok, sent[tok])]
    phantom = [no for no, v in rows.items() if v.split("\x01", 1)[0] not in sent]
    integrity = con.execute("PRAGMA integrity_check").fetchone()[0]
    fk = con.execute("PRAGMA foreign_key_check").fetchall()
    con.close()
    ok = not lost and not phantom and integrity == "ok" and not fk and len(acked) > 0
    print("crashtest %-5s seed %d: submitted %d, acknowledged %d, kills %d, lost %d, phantom %d, "
          "integrity %s, foreign keys %s" % (front, seed, len(sent), len(acked), kills, len(lost), len(phantom),
                                             integrity, "ok" if not fk else fk[:3]))
    for no, tok in lost[:5]:
        print("  lost: %s (%s)" % (no, tok))
    counts[0 if ok else 1] += 1


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--seed", type=int, default=int(time.time()) % 100000)
    ap.add_argument("--clients", type=int, default=4)
    args = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="bianmin-crash-")
    counts = [0, 0]
    try:
        for front in ("serve", "fcgi"):
            run_front(front, args.seconds / 2, args.seed, args.clients, tmp, counts)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print("crashtest: %d passed, %d failed" % tuple(counts))
    sys.exit(1 if counts[1] else 0)


if __name__ == "__main__":
    main()

"""test_limits.py -- the limits of docs/security.md under load: a slowloris
client is cut off in time while others are served, one address cannot take
every connection (serve), and an online backup (`bianmin admin backup`) taken
while the portal serves pages and registers cases is whole and consistent.

Each test bounds its own time: the slowloris test gives up after
SLOW_LIMIT seconds, the others after a few."""

import os
import select
import shutil
import socket
import sqlite3
import tempfile
import threading
import time

from run import assert_security_headers, strip_tags
from test_cases import login, register

# serve's watchdog cuts a request that is not whole after 15 s (REQ_TIMEOUT_SECONDS,
# checked once a second); nginx's client_header_timeout is 10 s.  Allow some slack.
SLOW_LIMIT = 25.0
IDLE_CONNECTIONS = 80  # serve allows 64 per client address (MHD_OPTION_PER_IP_CONNECTION_LIMIT)
PER_ADDRESS = 64


def check_response(r):
    assert_security_headers(r)


def healthz(client):
    """GET /healthz from a fresh client (another loopback address); the status."""
    r = client.fresh().get("/healthz", timeout=5)
    return r.status


# ---- slowloris -----------------------------------------------------------------------------


def test_slowloris_cut_off(client):
    # a request head that trickles in one byte a second and never ends: the
    # Host line completes, then a header line that goes on forever
    trickle = b"GET / HTTP/1.1\r\nHost: x\r\nX-Slow: "
    s = client.connect(timeout=5)
    t0 = time.time()
    closed_after = None
    answered = None  # what the server said before closing, if anything (nginx: maybe a 408)
    checked_meanwhile = False
    sent = 0
    try:
        while time.time() - t0 < SLOW_LIMIT:
            byte = trickle[sent : sent + 1] or b"a"
            try:
                s.sendall(byte)
                sent += 1
            except (BrokenPipeError, ConnectionResetError):
                closed_after = time.time() - t0
                break
            # wait up to a second for the server to close (or answer)
            ready, _, _ = select.select([s], [], [], 1.0)
            if ready:
                try:
                    chunk = s.recv(65536)
                except (ConnectionResetError, socket.timeout):
                    chunk = b""
                if not chunk:
                    closed_after = time.time() - t0
                    break
                answered = (answered or b"") + chunk
            if not checked_meanwhile and time.time() - t0 >= 3:
                # the trickling client must not hold up anyone else
                status = healthz(client)  # blocked would raise a timeout, not answer
                assert status == 200, "/healthz while a slowloris client trickles: %d" % status
                checked_meanwhile = True
    finally:
        s.close()
    assert checked_meanwhile, "the slowloris connection was closed before /healthz was checked (after %.1f s)" % (
        closed_after or 0
    )
    assert closed_after is not None, "%s kept a one-byte-a-second request open for more than %.0f s (%d bytes sent)" % (
        client.front,
        SLOW_LIMIT,
        sent,
    )
    if answered:
        # an answer before the close may only be a 4xx (nginx logs 408), never the page
        assert answered.startswith(b"HTTP/1.") and answered[9:10] == b"4", "slowloris got an answer: %r" % answered[:80]
    status = healthz(client)
    assert status == 200, "/healthz after the slowloris client was cut off: %d" % status


# ---- connections per address ---------------------------------------------------------------


def test_connections_per_address(client):
    """Idle connections piled up from one address never starve another
    address (both front ends).  serve also closes those past its limit of
    64 per address; nginx's limit_conn counts requests in flight, not idle
    connections, so that part is checked on serve only."""
    socks = []
    try:
        for _ in range(IDLE_CONNECTIONS):
            try:
                socks.append(client.connect(timeout=5))
            except OSError as e:  # refused outright counts as limited too
                assert len(socks) >= PER_ADDRESS, "connection %d from one address failed: %s" % (len(socks) + 1, e)
                break
        # another address is still served, at once
        status = healthz(client)  # blocked would raise a timeout, not answer
        assert status == 200, "/healthz from another address with %d idle connections open: %d" % (len(socks), status)
        r = client.fresh().get("/services", timeout=5)
        assert r.status == 200, "/services from another address: %d" % r.status
        if client.front == "serve":
            # past the per-address limit the server closes new connections itself
            deadline = time.time() + 3
            closed = set()
            while time.time() < deadline and len(closed) < len(socks) - PER_ADDRESS:
                ready, _, _ = select.select([x for x in socks if x not in closed], [], [], 0.5)
                for x in ready:
                    try:
                        data = x.recv(1024)
                    except (ConnectionResetError, socket.timeout):
                        data = b""
                    if not data:
                        closed.add(x)
            refused = IDLE_CONNECTIONS - len(socks)
            assert len(closed) + refused >= IDLE_CONNECTIONS - PER_ADDRESS, (
                "%d of %d idle connections from one address were closed or refused; the limit is %d per address"
                % (len(closed) + refused, IDLE_CONNECTIONS, PER_ADDRESS)
            )
    finally:
        for x in socks:
            x.close()
    status = healthz(client)
    assert status == 200, "/healthz after closing the idle connections: %d" % status


# ---- online backup while serving ---------------------------------------------------------------


def open_ro(path):
    """A read-only connection to a database file (immutable if the WAL files cannot be made)."""
    try:
        con = sqlite3.connect("file:%s?mode=ro" % path, uri=True, timeout=10)
        con.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return con
    except sqlite3.OperationalError:
        return sqlite3.connect("file:%s?immutable=1" % path, uri=True)


def test_backup_while_serving(client):
    staff = client.fresh()
    login(staff, "counter1")
    before = [register(staff, name="備份前%d" % i)[0] for i in range(2)]

    # readers: keep GETting public pages until told to stop
    stop = threading.Event()
    got = []  # (path, status) of every page fetched
    errors = []

    def reader():
        visitor = client.fresh()
        paths = ["/", "/services", "/faq", "/news", "/en/services", "/processing-times", "/healthz"]
        i = 0
        while not stop.is_set():
            path = paths[i % len(paths)]
            i += 1
            try:
                r = visitor.get(path, timeout=10)
                got.append((path, r.status))
            except Exception as e:  # noqa: BLE001 -- reported below
                errors.append("%s: %s: %s" % (path, type(e).__name__, e))

    tmp = tempfile.mkdtemp(prefix="bianmin-backup-")
    dest = os.path.join(tmp, "backup.db")
    result = {}

    def backup():
        result["p"] = client.admin("backup", "--to", dest)

    threads = [threading.Thread(target=reader, daemon=True) for _ in range(2)]
    try:
        for t in threads:
            t.start()
        time.sleep(0.3)  # readers under way
        b = threading.Thread(target=backup, daemon=True)
        b.start()
        # a staff member registers a case while the backup runs
        during, _, r = register(staff, name="備份中")
        b.join(timeout=60)
        assert not b.is_alive(), "admin backup still running after 60 s"
        time.sleep(0.2)
        stop.set()
        for t in threads:
            t.join(timeout=15)

        p = result["p"]
        assert p.returncode == 0, "admin backup exit %d: %s %s" % (p.returncode, p.stdout.strip(), p.stderr.strip())
        assert "integrity ok" in p.stdout, "admin backup output lacks 'integrity ok': %r" % p.stdout
        assert not errors, "reads failed during the backup: %s" % "; ".join(errors[:5])
        assert got, "no page was read during the backup"
        bad = [x for x in got if x[1] != 200]
        assert not bad, "pages during the backup answered %s" % bad[:5]

        con = open_ro(dest)
        try:
            assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok", "backup fails integrity_check"
            services = con.execute("SELECT count(*) FROM services").fetchone()[0]
            nos = {row[0] for row in con.execute("SELECT case_no FROM cases")}
        finally:
            con.close()
        live = client.sql("SELECT count(*) FROM services")[0][0]
        assert services == live and services > 0, "backup has %d services, the live database %d" % (services, live)
        missing = [no for no in before if no not in nos]
        assert not missing, "cases registered before the backup are missing from it: %s" % missing
        # the case registered during the backup is in the live database, whole
        row = client.sql("SELECT applicant_name FROM cases WHERE case_no = ?", during)
        assert row and row[0][0] == "備份中", "case %s registered during the backup: %r" % (during, row)
        assert r.status == 200, "register during the backup: %d %s" % (r.status, strip_tags(r.text)[:200])
    finally:
        stop.set()
        shutil.rmtree(tmp, ignore_errors=True)

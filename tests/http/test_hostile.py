"""test_hostile.py -- bad and hostile input: unknown pages, wrong methods,
broken encodings, NUL bytes, path traversal under /static/, oversized bodies
and headers, markup in parameters, duplicate parameters.  Every answer must
be a clean 4xx with the security headers, nothing outside static/ may leak,
and the server must still be up at the end.

The harness plants bait in the test root's static/ folder (run.py,
Front.make_root): a dot-file, a dot-file under js/, a symlink to a file
outside static/ and a symlink to the temp folder (database included); none
of them may ever be served."""

import os
import re
import socket

from run import BAIT, assert_security_headers, element, find_tags, read_response, strip_tags, tag_attrs, ui


def check_response(r):
    assert_security_headers(r)


def lang_of(r):
    tags = find_tags(r, "html")
    return tag_attrs(tags[0]).get("lang") if tags else None


def error_message(r):
    """Text of the app's error message (<p class="error-message">), or ""."""
    return " ".join(strip_tags(element(r, "p", "error-message") or "").split())


def leaked(r):
    """What of the forbidden content a response body shows, or None."""
    body = r.body
    for needle, what in (
        (b"root:", "a passwd line"),
        (BAIT.split(":")[4].encode(), "the planted bait"),
        (b"LIB_SRC", "the Makefile"),
        (b"SQLite format 3", "the database"),
        (b"CREATE TABLE", "SQL"),
    ):
        if needle in body:
            return what
    return None


# ---- unknown pages and methods ---------------------------------------------


def test_404_in_visitors_language(client):
    for path, lang, want in (
        ("/no-such-page", "zh-Hant-TW", "zh"),
        ("/services/no/such/thing", "zh-Hant-TW", "zh"),
        ("/en/no-such-page", "en", "en"),
        ("/en/services/no-such-service", "en", "en"),
        ("/en/faq/no-such-question", "en", "en"),
    ):
        r = client.get(path)
        assert r.status == 404, "GET %s: %d" % (path, r.status)
        assert lang_of(r) == lang, "GET %s: 404 page in lang %r, want %r" % (path, lang_of(r), lang)
        h1 = " ".join(strip_tags(element(r, "h1") or "").split())
        assert h1 == ui("http_404", want), "GET %s: <h1> %r, want %r" % (path, h1, ui("http_404", want))
        assert error_message(r), "GET %s: 404 page without a message" % path
        assert 'href="%s/"' % ("/en" if want == "en" else "") in r.text, "GET %s: no way home" % path


def test_post_to_get_page_405(client):
    for path in ("/", "/services", "/faq", "/faq/low-income-apply", "/en/units", "/healthz"):
        r = client.post(path, {"a": "b"})
        assert r.status == 405, "POST %s: %d, want 405" % (path, r.status)
        allow = r.header("Allow")
        assert allow, "POST %s: 405 without Allow" % path
        methods = {m.strip() for m in allow.split(",")}
        assert "GET" in methods and "POST" not in methods, "POST %s: Allow %r" % (path, allow)
        if path.startswith("/en/"):
            assert lang_of(r) == "en", "POST %s: 405 page not in English" % path


def test_put_delete_405(client):
    for method, path in (("PUT", "/faq"), ("DELETE", "/services"), ("DELETE", "/"), ("PATCH", "/units"),
                         ("PUT", "/en/news"), ("OPTIONS", "/faq")):
        r = client.request(method, path, body=b"x=1", headers={"Content-Type": "application/x-www-form-urlencoded"})
        assert r.status == 405, "%s %s: %d, want 405" % (method, path, r.status)
        allow = {m.strip() for m in (r.header("Allow") or "").split(",")}
        assert allow == {"GET", "HEAD"}, "%s %s: Allow %r, want GET, HEAD" % (method, path, r.header("Allow"))
    r = client.request("PUT", "/static/css/site.css", body=b"x")
    assert r.status == 405, "PUT a static file: %d" % r.status
    r = client.request("PUT", "/no-such-page")
    assert r.status == 404, "PUT /no-such-page: %d, want 404" % r.status


# ---- encodings ------------------------------------------------------------------


def test_invalid_utf8_400(client):
    for target in (
        "/faq?category=%ff",
        "/faq?category=%c0%af",
        "/faq?q=%ed%a0%80",          # a UTF-16 surrogate
        "/faq?q=%f8%88%80%80%80",    # a 5-byte sequence
        "/faq?q=abc%e4%b8",          # truncated 3-byte sequence
        "/%c0%af",
        "/services/%ff",
        "/en/faq/%c0%ae%c0%ae",
    ):
        r = client.get(target)
        assert r.status == 400, "GET %s: %d, want 400" % (target, r.status)
        msg = error_message(r)
        want = ui("err_bad_utf8", "en" if target.startswith("/en/") else "zh")
        assert msg == want, "GET %s: message %r, want %r" % (target, msg, want)
    # valid UTF-8 in a query is fine
    r = client.get("/faq?q=%E4%BD%8E%E6%94%B6")
    assert r.status == 200, "GET /faq?q=低收: %d" % r.status


def test_nul_400(client):
    for target in ("/fa%00q", "/faq%00", "/faq?category=%00", "/faq?x=a%00b", "/faq?%00=1", "/static/css/site.css%00.txt"):
        r = client.get(target)
        assert r.status == 400, "GET %s: %d, want 400" % (target, r.status)
        # the app explains; nginx refuses a NUL in the path itself
        if r.header("Content-Type", "").startswith("text/html") and "?" in target:
            assert error_message(r) == ui("err_nul", "zh"), "GET %s: message %r" % (target, error_message(r))


def test_bad_escapes_400(client):
    for target in ("/faq?category=%zz", "/faq?category=%", "/faq?category=%4", "/%zz", "/faq/%g0"):
        r = client.get(target)
        assert r.status == 400, "GET %s: %d, want 400" % (target, r.status)


# ---- static files ------------------------------------------------------------------


def test_static_traversal(client):
    static = os.path.join(client.tmp, "root", "static")
    assert os.path.islink(os.path.join(static, "outside.txt")) and os.path.exists(os.path.join(static, ".secret.txt")), \
        "the harness did not plant its bait"
    ok = client.get("/static/css/site.css")
    assert ok.status == 200, "the real stylesheet: %d" % ok.status
    for target in (
        "/static/../Makefile",
        "/static/../../../../../../etc/passwd",
        "/static/css/../../Makefile",
        "/static/%2e%2e/Makefile",
        "/static/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "/static/%2E%2E%2FMakefile",
        "/static/%252e%252e/Makefile",
        "/static/%252e%252e/%252e%252e/etc/passwd",
        "/static/..%5cMakefile",
        "/static/..%5c..%5c..%5cetc%5cpasswd",
        "/static/..\\Makefile",
        "/static//etc/passwd",
        "/static/%2fetc%2fpasswd",
        "/static/%c0%ae%c0%ae/Makefile",
        "/static/.secret.txt",
        "/static/%2esecret.txt",
        "/static/js/.site.js.swp",
        "/static/css/%2e%2e/.secret.txt",
        "/static/outside.txt",
        "/static/tmpdir/outside.txt",
        "/static/tmpdir/bianmin.db",
        "/en/static/../Makefile",
        "/en/static/.secret.txt",
        "/static/",
        "/static/css/",
        "/static",
    ):
        r = client.get(target)
        assert r.status in (400, 404), "GET %s: %d, want 404 or 400" % (target, r.status)
        what = leaked(r)
        assert not what, "GET %s: the body shows %s" % (target, what)


# ---- size limits --------------------------------------------------------------------------


def test_body_over_64k_413(client):
    big = "x=" + "a" * (64 * 1024 + 100)
    r = client.post("/faq", big)
    assert r.status == 413, "POST 64 KiB + 100 bytes: %d, want 413" % r.status
    # the same without a Content-Length: chunked, counted as it arrives
    chunk = b"a" * 0x4000
    req = (b"POST /faq HTTP/1.1\r\nHost: t\r\nContent-Type: application/x-www-form-urlencoded\r\n"
           b"Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
           + b"".join(b"4000\r\n" + chunk + b"\r\n" for _ in range(5)) + b"0\r\n\r\n")
    r = client.raw(req)
    assert r is not None and r.status == 413, "chunked 80 KiB: %r" % r


def test_large_headers(client):
    # one huge header line: 431 from bianmin, 400 from nginx (a line over its buffer)
    r = client.get("/", headers={"X-Filler": "a" * 20000})
    want = (431,) if client.front == "serve" else (400, 431)
    assert r.status in want, "20 KB header: %d, want %s" % (r.status, want)
    # many ordinary headers over 8 KiB in total: bianmin counts them in both front ends
    r = client.get("/", headers={"X-Filler-%d" % i: "b" * 900 for i in range(12)})
    assert r.status == 431, "12 x 900-byte headers: %d, want 431" % r.status
    # far past every buffer: a 4xx or a closed connection, never a crash
    client.check = None  # libmicrohttpd answers this itself, without our headers
    try:
        r = client.raw(b"GET / HTTP/1.1\r\nHost: t\r\nX-Filler: " + b"c" * 200000 + b"\r\nConnection: close\r\n\r\n")
    except (ConnectionResetError, BrokenPipeError):
        r = None
    assert r is None or 400 <= r.status < 500, "200 KB header: %d" % r.status
    assert client.fresh().get("/healthz").status == 200, "server down after a 200 KB header"


def test_long_uri_414(client):
    for n in (5000, 20000):
        r = client.get("/faq?q=" + "a" * n)
        assert r.status == 414, "%d-byte URI: %d, want 414" % (n, r.status)
    r = client.get("/en/" + "a" * 5000)
    assert r.status == 414 and lang_of(r) == "en", "/en/ long URI: %d, lang %r" % (r.status, lang_of(r))


# ---- markup and duplicates -----------------------------------------------------------------


XSS = ("<script>alert(1)</script>", '"><script>alert(1)</script>', "<svg/onload=alert(1)>", "'><img src=x onerror=alert(1)>")


def test_script_not_reflected(client):
    from urllib.parse import quote
    for payload in XSS:
        enc = quote(payload, safe="")
        for target in (
            "/faq?category=" + enc,
            "/faq?unit=" + enc,
            "/faq?q=" + enc,
            "/en/faq?category=" + enc,
            "/faq/" + enc,
            "/" + enc,
            "/en/" + enc,
            "/services/" + enc,
            "/faq?category=" + payload.replace(" ", "%20"),   # as a browser might send it, unencoded
        ):
            r = client.get(target)
            low = r.text.lower()
            for bad in ("<script>alert", "<svg/onload", "<img src=x"):
                assert bad not in low, "GET %s: %r reflected unescaped (status %d)" % (target, bad, r.status)
            assert r.status in (200, 400, 404), "GET %s: %d" % (target, r.status)


def test_duplicate_params_400(client):
    for target in (
        "/faq?category=social-assistance&category=senior",
        "/faq?category=senior&category=senior",
        "/faq?unit=social&unit=civil",
        "/en/faq?category=a&unit=social&category=b",
    ):
        r = client.get(target)
        assert r.status == 400, "GET %s: %d, want 400" % (target, r.status)
        want = ui("err_duplicate", "en" if target.startswith("/en/") else "zh")
        assert error_message(r) == want, "GET %s: message %r" % (target, error_message(r))
    # the same names once each are fine
    assert client.get("/faq?category=senior&unit=social").status == 200, "two different fields refused"


def test_bad_field_values_400(client):
    for target in ("/faq?category=" + "a" * 33, "/faq?category=a%20b", "/faq?unit=%E7%A4%BE"):
        r = client.get(target)
        assert r.status == 400, "GET %s: %d, want 400" % (target, r.status)
    assert client.get("/faq?category=").status == 200, "an empty optional field refused"
    assert client.get("/faq?unknown=whatever").status == 200, "an undeclared field refused"


# ---- protocol garbage -------------------------------------------------------------------


def test_protocol_garbage(client):
    client.check = None  # libmicrohttpd answers malformed requests itself, without our headers
    for data in (
        b"\x16\x03\x01\x00\xa5\x01\x00\x00\xa1\x03\x03" + b"\x00" * 60,  # a TLS ClientHello
        b"GET / HTTP/9.9\r\nHost: t\r\nConnection: close\r\n\r\n",
        b"GET /\x01\x02 HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n",
        b"GET / HTTP/1.1\r\nHost: t\r\nContent-Length: -1\r\nConnection: close\r\n\r\n",
        b"POST /faq HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\n",
        b"\r\n\r\n\r\n",
    ):
        s = client.connect(timeout=5)
        try:
            s.sendall(data)
            s.shutdown(socket.SHUT_WR)
            try:
                r = read_response(s)
            except (AssertionError, socket.timeout, ConnectionResetError):
                r = None
        finally:
            s.close()
        assert r is None or r.status >= 400, "%r: status %d" % (data[:40], r.status)
    assert client.fresh().get("/healthz").status == 200, "server down after protocol garbage"


def test_slow_client_does_not_block_others(client):
    # a client that sends half its headers and waits must not stop others
    s = client.connect(timeout=5)
    try:
        s.sendall(b"GET / HTTP/1.1\r\nHost: t\r\n")
        # a blocked server would let this time out (the client's own timeout), not answer
        r = client.fresh().get("/healthz", timeout=5)
        assert r.status == 200, "a half-sent request blocks others"
    finally:
        s.close()


# ---- still alive: keep this test last -------------------------------------------------------


def test_zz_still_alive(client):
    r = client.get("/healthz")
    assert r.status == 200 and r.text.strip() == "ok", "/healthz after the hostile tests: %d %r" % (r.status, r.text)
    r = client.get("/services")
    assert r.status == 200 and re.search(r'href="/services/', r.text), "/services after the hostile tests: %d" % r.status

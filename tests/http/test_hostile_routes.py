"""Hostile input on every route (issue 7), table-driven from the route table
itself (src/web/routes.c): each declared field of each route gets over-long
values, invalid UTF-8, NUL bytes, control characters, SQL fragments, script
tags, path-traversal strings and duplicated parameters; each path capture
gets traversal and markup; POST routes also get a wrong content type.

Expected everywhere: no 5xx, nothing reflected unescaped, the server alive.
For values that are invalid by declaration (too long, bad encoding, NUL,
control characters, duplicates) also: the database unchanged, and a 4xx
answer (routes whose handler shows field errors itself, R_SOFT, may answer
200 with the errors shown) (a checksum of every table but the attempt counters, sessions and
the audit log)."""

import hashlib
import os
import re
import urllib.parse

from run import hidden_input

MARKUP = '<script>alert(1)</script>"><img src=x onerror=alert(2)>'
TEXTUAL = [MARKUP, "' OR '1'='1'; DROP TABLE cases; --", "../../etc/passwd", "%2e%2e%2f", "..\\..\\boot.ini"]
CAPTURES = ["..", "%2e%2e", "%252e%252e", "a%5cb", "%3Cscript%3E", "x" * 80, "%00", "%ff"]
SKIP_TABLES = {"attempts", "sessions", "audit", "content_gen", "calendar_gen"}


def parse_routes(root):
    with open(os.path.join(root, "src", "web", "routes.c"), encoding="utf-8") as f:
        src = f.read()
    # field lists shared through a macro (#define NAME \ rows...) are expanded first
    macros = {m.group(1): m.group(2) for m in re.finditer(r"#define (\w+) \\\n((?:.*\\\n)*.*)", src)}
    # a field is a key (src/app/fields.c names it once)
    with open(os.path.join(root, "src", "app", "fields.c"), encoding="utf-8") as f:
        names = dict(re.findall(r'\[(K_\w+)\] = "([^"]*)"', f.read()))
    fields = {}
    for name, body in re.findall(r"static const struct field (\w+)\[\] = \{(.*?)\n\};", src, re.S):
        for macro, rows in macros.items():
            body = body.replace(macro, rows)
        fields[name] = [(names[k], t, int(m)) for k, t, m in re.findall(r"\{(K_\w+), (F_\w+), (\d+),", body)]
    routes = []
    for method, pattern, fname, flags in re.findall(
            r'\{M_(GET|POST), "([^"]+)", \w+, (\w+), [^,]+, ([^}]+)\}', src):
        routes.append((method, pattern, fields.get(fname, []), flags.strip()))
    return routes


def checksum(client):
    h = hashlib.sha256()
    tables = [t for (t,) in client.sql("SELECT name FROM sqlite_master WHERE type = 'table' "
                                       "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%search%' ORDER BY name")]
    for t in tables:
        if t in SKIP_TABLES:
            continue
        for row in client.sql('SELECT * FROM "%s" ORDER BY 1' % t):
            h.update(repr(row).encode())
    return h.hexdigest()


def invalid_values(ftype, maxlen):
    """(label, raw urlencoded value) pairs every field of this type must refuse."""
    vals = [("invalid UTF-8", "%ff%fe"), ("overlong UTF-8", "%c0%af"), ("NUL", "a%00b")]
    if ftype in ("F_LINE", "F_MULTI", "F_SLUG", "F_INT", "F_DATE"):
        vals.append(("control characters", "a%01%02%1bb"))
    if ftype in ("F_LINE", "F_TEXT", "F_MULTI"):
        vals.append(("too long", urllib.parse.quote("界" * (maxlen + 1))))
    if ftype == "F_SLUG":
        vals.append(("bad code", urllib.parse.quote("../x")))
    if ftype == "F_INT":
        vals.append(("not a number", "12a"))
    return vals


def staff_session(client):
    page = client.get("/staff/login")
    r = client.post("/staff/login", {"csrf": hidden_input(page, "csrf"), "username": "admin1",
                                     "password": "demo-password"})
    assert r.status == 303


def token_for(client, staff):
    page = client.get("/staff" if staff else "/petitions/new")
    return hidden_input(page, "csrf") or ""


def send(client, method, path, query):
    if method == "GET":
        return client.get(path + ("?" + query if query else ""))
    return client.post(path, query)


def check_answer(r, what, failures, want_4xx):
    if r.status >= 500:
        failures.append("%s: %d" % (what, r.status))
    if MARKUP in r.text or "<script>alert" in r.text:
        failures.append("%s: reflected unescaped" % what)
    if want_4xx and not (400 <= r.status < 500):
        failures.append("%s: want 4xx, got %d" % (what, r.status))


def test_hostile_values_on_every_route(client):
    routes = parse_routes(client.root)
    assert len(routes) > 20
    staff = client.fresh()
    staff_session(staff)
    visitor = client.fresh()
    failures, tried = [], 0
    for method, pattern, fields, flags in routes:
        if pattern == "/staff/logout":
            continue
        c = staff if pattern.startswith("/staff") else visitor
        path = pattern.replace("*", "A1150101-0001")
        base = ("csrf=%s&" % token_for(c, pattern.startswith("/staff"))) if method == "POST" else ""
        # forms that answer field errors themselves (R_SOFT: re-shown with the
        # errors, or a search results page) may say 200; all others refuse
        strict = "R_SOFT" not in flags
        before = checksum(client)
        for name, ftype, maxlen in fields:
            for label, raw in invalid_values(ftype, maxlen):
                r = send(c, method, path, base + "%s=%s" % (name, raw))
                tried += 1
                check_answer(r, "%s %s %s=%s" % (method, pattern, name, label), failures, want_4xx=strict)
            if ftype != "F_MULTI":
                r = send(c, method, path, base + "%s=a&%s=b" % (name, name))
                tried += 1
                check_answer(r, "%s %s duplicate %s" % (method, pattern, name), failures, want_4xx=strict)
        after = checksum(client)
        if after != before:
            failures.append("%s %s: invalid input changed the database" % (method, pattern))
        for name, ftype, maxlen in fields:
            for v in TEXTUAL:
                r = send(c, method, path, base + urllib.parse.urlencode({name: v}))
                tried += 1
                check_answer(r, "%s %s %s=%r" % (method, pattern, name, v[:20]), failures, want_4xx=False)
        if method == "POST":
            r = c.post(path, base + "x=1", headers={"Content-Type": "text/plain"})
            tried += 1
            check_answer(r, "POST %s as text/plain" % pattern, failures, want_4xx=True)
        if "*" in pattern:
            for cap in CAPTURES:
                r = send(c, method, pattern.replace("*", cap), base)
                tried += 1
                check_answer(r, "%s %s capture %s" % (method, pattern, cap), failures, want_4xx=True)
    assert client.get("/healthz").status == 200
    assert client.sql("PRAGMA integrity_check") == [("ok",)]
    print("     (%d hostile requests over %d routes)" % (tried, len(routes)))
    assert not failures, "; ".join(failures[:12]) + (" ... (%d in all)" % len(failures) if len(failures) > 12 else "")

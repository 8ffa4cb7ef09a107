"""A lost query code replaced (issue 12): at the counter once the clerk has
ticked that identity was checked (audited), and by the citizen through a
one-time link e-mailed to the address on record (a local aiosmtpd server
receives it).  The old code stops working; the new one works; the link
works once; a wrong number or address gets the very same answer."""

import re

from run import assert_security_headers, hidden_input, strip_tags, ui
from test_cases import register
from test_citizen_msgs import Smtp, pass_once, settings
from test_petitions import intake, lookup, staff, submit_web


def check_response(r):
    assert_security_headers(r)


def code_of(page):
    m = re.search(r'class="big code">([A-Z0-9]{10})<', page.text)
    assert m, "no query code on the page: %s" % strip_tags(page.text)[:300]
    return m.group(1)


def replace_at_counter(clerk, base):
    """The counter's form, refused without the identity box, then done; returns the new code."""
    form = clerk.get(base + "/code")
    assert form.status == 200, "form: %d" % form.status
    assert ui("code_id_checked") in form.text
    data = {"csrf": hidden_input(form, "csrf"), "once": hidden_input(form, "once")}
    r = clerk.post(base + "/code", data)
    assert r.status == 422, "without the identity box: %d" % r.status
    assert ui("err_code_id_check") in r.text and 'role="alert"' in r.text
    r = clerk.post(base + "/code", dict(data, id_checked="1"))
    assert r.status == 303, "replace: %d %s" % (r.status, strip_tags(r.text)[:300])
    sheet = clerk.follow(r)
    assert sheet.status == 200, sheet.status
    new = code_of(sheet)
    again = clerk.follow(clerk.post(base + "/code", dict(data, id_checked="1")))
    assert code_of(again) == new, "a repeated POST gives the same code, not another"
    return new


def test_code_counter_petition(client):
    clerk = staff(client, "counter1")
    no, old, _ = intake(clerk, "counter")
    page = clerk.get("/staff/petitions/" + no)
    assert ui("code_new_button") in page.text, "the record's page links to the replacement"
    new = replace_at_counter(clerk, "/staff/petitions/" + no)
    assert new != old
    assert lookup(client.fresh(), no, old).status == 404, "the old code stops working"
    assert lookup(client.fresh(), no, new).status == 200, "the new code works"
    audit = client.sql("SELECT action, detail FROM audit WHERE object = ?", "petition:" + no)
    assert ("code_replace", "counter") in audit, audit
    assert staff(client, "hotline1").get("/staff/petitions/%s/code" % no).status == 403


def test_code_counter_case(client):
    clerk = staff(client, "counter1")
    no, old, _ = register(clerk, name="補碼測試")
    new = replace_at_counter(clerk, "/staff/cases/" + no)
    assert lookup(client.fresh(), no, old).status == 404
    assert lookup(client.fresh(), no, new).status == 200
    # the sheet shows the code only to the browser that made it
    assert staff(client, "counter1").get("/staff/cases/%s/code/new" % no).status == 404
    assert clerk.get("/staff/petitions/%s/code" % no).status == 404, "a case is not a petition"


def ask(visitor, no, addr, lang=""):
    form = visitor.get(lang + "/status/lost")
    assert form.status == 200
    return visitor.post(lang + "/status/lost", {"csrf": hidden_input(form, "csrf"), "no": no, "email": addr})


def test_code_lost_identical_answers(client):
    addr = "same.answer@example.org"
    no, _, _ = submit_web(client.fresh(), email=addr)
    answers = [ask(client.fresh(), n, a) for n, a in ((no, addr), (no, "other@example.org"),
                                                       ("P%s-9999" % no[1:8], addr))]
    assert [r.status for r in answers] == [303, 303, 303]
    assert len({r.header("Location") for r in answers}) == 1, "the same place, matched or not"
    c = client.fresh()
    pages = [c.follow(r) for r in answers]
    strip = lambda t: re.sub(r'name="csrf" value="[0-9a-f]*"', "", t)
    assert len({strip(p.text) for p in pages}) == 1
    assert ui("code_lost_done") in pages[0].text
    links = client.sql("SELECT count(*) FROM code_links l JOIN petitions p ON p.id = l.item_id "
                       "WHERE l.item_kind = 'petition' AND p.petition_no = ?", no)[0][0]
    assert links == 1, "one link, for the matching pair only: %d" % links
    # throttled like the status lookup
    v = client.fresh()
    statuses = [ask(v, no, "guess%d@example.org" % i).status for i in range(11)]
    assert 429 in statuses, statuses


def test_code_lost_by_email_link(client):
    addr = "lost.code@example.org"
    no, old, _ = submit_web(client.fresh(), lang="/en", email=addr)
    r = ask(client.fresh(), no, " Lost.Code@Example.org ", lang="/en")
    assert r.status == 303, r.status
    smtp = Smtp()
    try:
        settings(client.db, smtp.port)
        pass_once(client.db)
        got = smtp.to(addr)
        assert len(got) == 2, "the receipt and the link: %s" % [s for s, _ in got]
        subject, body = got[1]
        assert no in subject and "new query code" in subject, subject
    finally:
        settings(client.db, None)
        smtp.close()
    m = re.search(r"(/en/status/code\?link=[0-9a-f]{32})", body)
    assert m, "no link in the mail: %s" % body
    assert old not in body, "the mail never carries a code"
    assert lookup(client.fresh(), no, old).status == 200, "asking alone changes nothing"
    citizen = client.fresh()
    page = citizen.get(m.group(1))
    assert page.status == 200 and no in page.text, page.status
    assert lookup(client.fresh(), no, old).status == 200, "opening the link changes nothing"
    data = {"csrf": hidden_input(page, "csrf"), "link": hidden_input(page, "link")}
    r = citizen.post("/en/status/code", data)
    assert r.status == 303, "use: %d %s" % (r.status, strip_tags(r.text)[:300])
    sheet = citizen.follow(r)
    new = code_of(sheet)
    assert new != old
    assert lookup(client.fresh(), no, old).status == 404, "the old code stops working"
    assert lookup(client.fresh(), no, new).status == 200, "the new code works"
    # used once: another browser gets nothing, the link's page is gone
    other = client.fresh()
    assert other.get(m.group(1)).status == 410
    form = other.get("/status/lost")
    assert other.post("/status/code", {"csrf": hidden_input(form, "csrf"), "link": data["link"]}).status == 410
    assert code_of(citizen.follow(citizen.post("/en/status/code", data))) == new, "a double click: the same code"
    audit = client.sql("SELECT action, detail FROM audit WHERE object = ?", "petition:" + no)
    assert ("code_replace", "link") in audit, audit
    page = staff(client, "counter1").get("/staff/petitions/" + no)
    assert ui("cmsg_kind_code_link") in page.text, "the staff page lists the mail"


def test_code_link_bad(client):
    v = client.fresh()
    for path in ("/status/code?link=" + "0" * 32, "/status/code?link=<script>", "/status/code", "/status/code/new"):
        r = v.get(path)
        assert r.status in (404, 410), "%s: %d" % (path, r.status)
        assert "<script>" not in r.text

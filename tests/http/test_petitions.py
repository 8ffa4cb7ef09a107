"""Petitions (issue 4), end to end over HTTP: the citizen's form in both
languages, staff intake for every other channel (the counter's read-back,
the fast 1999 form with the caller's history), routing and assignment,
the outcomes, extensions, the satisfaction survey, confidential petitions,
the status lookup for petitions, deadline rules, the control report and
its CSV, and the scheduler: notifications on the dashboard, and flags and
notifications exactly once after the scheduler is killed with SIGKILL in
the middle of a pass."""

import datetime
import hashlib
import os
import re
import signal
import sqlite3
import subprocess
import time

import run
from run import assert_security_headers, find_tags, hidden_input, strip_tags, tag_attrs, ui

PASSWORD = "demo-password"
CHANNELS = ["counter", "hotline", "mayor", "chief", "mailbox", "suggestion", "letter", "email", "fax"]


def check_response(r):
    assert_security_headers(r)


# ---- helpers ---------------------------------------------------------------


def login(client, user):
    page = client.get("/staff/login")
    r = client.post("/staff/login", {"csrf": hidden_input(page, "csrf"), "username": user, "password": PASSWORD})
    assert r.status == 303, "sign-in as %s answered %d" % (user, r.status)
    return client


def staff(client, user):
    return login(client.fresh(), user)


def csrf(client, path="/staff"):
    page = client.get(path)
    token = hidden_input(page, "csrf")
    assert token, "no CSRF token on %s (%d)" % (path, page.status)
    return token


def receipt_of(r):
    no = re.search(r'class="big">(P\d{7}-\d{4})<', r.text)
    code = re.search(r'class="big code">([A-Z0-9]{10})<', r.text)
    assert no and code, "receipt lacks the petition number or the query code: %s" % strip_tags(r.text)[:300]
    return no.group(1), code.group(1)


def submit_web(client, lang="", **fields):
    """The citizen's form; returns (number, code, response)."""
    page = client.get(lang + "/petitions/new")
    assert page.status == 200, page.status
    data = {"csrf": hidden_input(page, "csrf"), "name": "林美華", "phone": "0933-111-222", "village": "zhudong",
            "subject": "路燈不亮", "body": "竹東里中正路 100 號前路燈已三天不亮。"}
    data.update(fields)
    data = {k: v for k, v in data.items() if v is not None}
    check = client.post(lang + "/petitions/new", data)
    assert check.status == 200 and 'value="submit"' in check.text, \
        "check your answers: %d %s" % (check.status, strip_tags(check.text)[:400])
    r = client.follow(client.post(lang + "/petitions/new", dict(carried(check), step="submit")))
    assert r.status == 200, "web petition answered %d: %s" % (r.status, strip_tags(r.text)[:400])
    no, code = receipt_of(r)
    return no, code, r


def carried(page):
    """What the "check your answers" page carries to the submit: its hidden inputs."""
    data = {}
    for tag in re.findall(r"<input\b[^>]*>", page.text):
        a = tag_attrs(tag)
        if a.get("type") == "hidden" and a.get("name"):
            data[a["name"]] = a.get("value", "")
    return data


def intake(client, channel, **fields):
    """Staff intake of another channel; returns (number, code, response)."""
    data = {"csrf": csrf(client, "/staff/petitions/new"), "channel": channel, "name": "張志明",
            "phone": "07-696-1234", "subject": "排水溝堵塞", "body": "下雨時積水。"}
    if channel in ("counter", "hotline"):
        data["read_back"] = "1"
    data.update(fields)
    data = {k: v for k, v in data.items() if v is not None}
    r = client.follow(client.post("/staff/petitions/new", data))
    assert r.status == 200, "intake (%s) answered %d: %s" % (channel, r.status, strip_tags(r.text)[:400])
    no, code = receipt_of(r)
    return no, code, r


def row(client, no):
    rows = client.sql("SELECT id, channel, state, unit, officer_id, due_on, days, name, phone, confidential, "
                      "anonymous, read_back, rating, ext_until, subject FROM petitions WHERE petition_no = ?", no)
    assert rows, "no petition %s in the database" % no
    keys = ["id", "channel", "state", "unit", "officer_id", "due_on", "days", "name", "phone", "confidential",
            "anonymous", "read_back", "rating", "ext_until", "subject"]
    return dict(zip(keys, rows[0]))


def post(client, no, action, data):
    data = dict(data, csrf=csrf(client))
    return client.post("/staff/petitions/%s/%s" % (no, action), data)


def route(client, no, unit="social", category=None):
    r = post(client, no, "route", {"unit": unit, **({"category": category} if category else {})})
    assert r.status == 303, "route answered %d: %s" % (r.status, strip_tags(r.text)[:300])


def assign(client, no, officer="officer1"):
    uid = client.sql("SELECT id FROM users WHERE username = ?", officer)[0][0]
    r = post(client, no, "assign", {"officer": str(uid)})
    assert r.status == 303, "assign answered %d: %s" % (r.status, strip_tags(r.text)[:300])


def routed_to_officer(client, no):
    route(staff(client, "secretary1"), no)
    assign(staff(client, "head1"), no)


def lookup(client, no, code):
    return client.post("/status", {"no": no, "code": code})


def dd(page, label):
    m = re.search(r"<dt>%s</dt><dd[^>]*>(.*?)</dd>" % re.escape(label), page.text, re.S)
    return " ".join(strip_tags(m.group(1)).split()) if m else None


def labelled(page):
    """Every visible input, select and textarea has a <label for>."""
    text = page.text
    fors = {tag_attrs(t).get("for") for t in find_tags(page, "label")}
    bad = []
    for tag in re.findall(r"<(?:input|select|textarea)\b[^>]*>", text):
        a = tag_attrs(tag)
        if a.get("type") in ("hidden", "submit", "checkbox", "radio"):
            continue
        if a.get("id") not in fors:
            bad.append(tag[:80])
    return bad


# ---- the citizen's form ----------------------------------------------------


def test_petition_form_both_languages(client):
    for lang, code in (("", "zh"), ("/en", "en")):
        page = client.get(lang + "/petitions/new")
        assert page.status == 200, "%s/petitions/new: %d" % (lang, page.status)
        assert "no-store" in page.header("Cache-Control", ""), "the form carries a CSRF token: no-store"
        assert hidden_input(page, "csrf"), "no CSRF token on the citizen's form"
        for key in ("pet_pd_title", "pet_pd_purpose", "pet_pd_rights", "pet_s173_notice", "pet_contact_hint"):
            assert ui(key, code) in strip_tags(page.text), "%s/petitions/new lacks %s" % (lang, key)
        assert not labelled(page), "inputs without a label: %s" % labelled(page)
        villages = re.findall(r'<option value="([a-z]+)"', page.text)
        assert "zhudong" in villages and len(villages) >= 20, villages[:5]
        assert "<script>" not in page.text and " style=" not in page.text


def test_petition_web_submit_and_status(client):
    no, code, r = submit_web(client)
    assert "no-store" in r.header("Cache-Control", "")
    p = row(client, no)
    assert p["channel"] == "web" and p["state"] == "received" and p["name"] == "林美華"
    stored = client.sql("SELECT code_hash FROM petitions WHERE petition_no = ?", no)[0][0]
    with open(client.db + ".key") as f:  # the secret key beside the database (docs/security.md)
        key = bytes.fromhex(f.read().strip())
    want = "b2$" + hashlib.blake2b(code.encode(), key=key, digest_size=32).hexdigest()
    assert code not in stored and stored == want, "the query code is stored as its keyed hash: %s" % stored[:12]
    assert p["due_on"] in r.text or re.search(r"\d+年\d+月\d+日", r.text), "the receipt shows the due date"
    s = lookup(client.fresh(), no, code)
    assert s.status == 200, "lookup: %d %s" % (s.status, strip_tags(s.text)[:300])
    assert "路燈不亮" in s.text and ui("pstate_received") in s.text
    assert "林美華" not in s.text, "the status page shows no personal data"
    # lower case number and spaced code work too
    s2 = lookup(client.fresh(), no.lower(), code[:5] + " " + code[5:])
    assert s2.status == 200, s2.status
    # English
    s3 = client.fresh().post("/en/status", {"no": no, "code": code})
    assert s3.status == 200 and ui("pstate_received", "en") in s3.text


def test_petition_status_identical_answers(client):
    no, code, _ = submit_web(client)
    wrong = "BBBBBBBBBB" if code != "BBBBBBBBBB" else "CCCCCCCCCC"
    a = lookup(client.fresh(), no, wrong)
    missing = "P%s-9999" % no[1:8]
    b = lookup(client.fresh(), missing, code)
    assert a.status == b.status == 404, (a.status, b.status)
    strip = lambda t: re.sub(r'name="csrf" value="[0-9a-f]*"', "", t)
    assert strip(a.text) == strip(b.text), "wrong code and no such petition must answer alike"
    # the lookup is throttled per number
    c = client.fresh()
    statuses = [lookup(c, no, wrong).status for _ in range(11)]
    assert 429 in statuses, statuses


def test_petition_web_validation(client):
    page = client.get("/petitions/new")
    token = hidden_input(page, "csrf")
    r = client.post("/petitions/new", {"csrf": token, "name": "王", "subject": "x", "body": "y"})
    assert r.status == 422, r.status
    assert ui("err_pet_contact") in r.text
    assert re.search(r'aria-describedby="[^"]*contact-err', r.text), "the contact error is tied to the inputs"
    r = client.post("/petitions/new", {"csrf": token, "name": "王", "phone": "12", "subject": "x", "body": "y"})
    assert r.status == 422 and ui("err_phone") in r.text and 'id="phone-err"' in r.text
    r = client.post("/petitions/new", {"csrf": token, "name": "王", "email": "a@b.tw", "subject": "x", "body": "y",
                                       "village": "atlantis"})
    assert r.status == 422 and ui("err_pet_village") in r.text
    r = client.post("/petitions/new", {"csrf": token, "name": "王", "email": "a@b.tw", "subject": "x"})
    assert r.status == 422 and 'id="body-err"' in r.text
    # the English form answers in English
    page = client.get("/en/petitions/new")
    r = client.post("/en/petitions/new", {"csrf": hidden_input(page, "csrf"), "subject": "x", "body": "y"})
    assert r.status == 422 and ui("err_pet_contact", "en") in strip_tags(r.text)


def test_petition_anonymous_keeps_no_identity(client):
    no, code, _ = submit_web(client, anonymous="1", name="不該保存", phone="0999888777")
    p = row(client, no)
    assert p["anonymous"] == 1 and p["name"] is None and p["phone"] is None, p
    assert lookup(client.fresh(), no, code).status == 200, "an anonymous petitioner can follow it"


def test_petition_csrf_required(client):
    before = client.sql("SELECT count(*) FROM petitions")[0][0]
    client.get("/petitions/new")
    r = client.post("/petitions/new", {"name": "王", "phone": "0912345678", "subject": "x", "body": "y"})
    assert r.status == 403, r.status
    other = client.fresh()
    page = other.get("/petitions/new")
    r = client.post("/petitions/new", {"csrf": hidden_input(page, "csrf"), "name": "王", "phone": "0912345678",
                                       "subject": "x", "body": "y"})
    assert r.status == 403, "a token from another visitor is refused (%d)" % r.status
    assert client.sql("SELECT count(*) FROM petitions")[0][0] == before


# ---- staff intake ----------------------------------------------------------


def test_petition_every_staff_channel(client):
    c = staff(client, "counter1")
    for ch in CHANNELS:
        no, _, r = intake(c, ch, ext_ref="REF-" + ch)
        p = row(client, no)
        # the named mailboxes' letters go to the secretariat at once (their routing default)
        boxed = ch in ("chief", "mailbox")
        assert p["channel"] == ch and p["state"] == ("routed" if boxed else "received"), (ch, p)
        assert p["unit"] == ("secretariat" if boxed else None), (ch, p)
        assert p["read_back"] == (1 if ch in ("counter", "hotline") else 0)
        assert client.sql("SELECT ext_ref FROM petitions WHERE petition_no = ?", no)[0][0] == "REF-" + ch
        ev = client.sql("SELECT action, username FROM petition_events WHERE petition_id = ?", p["id"])
        assert ev == [("received", "counter1")] + ([("routed", "counter1")] if boxed else []), ev
        audit = client.sql("SELECT detail FROM audit WHERE action = 'petition_create' AND object = ?",
                           "petition:" + no)
        assert audit == [(ch,)], audit
    # a channel the office does not have, and "web" (the citizen's own), are refused
    for bad in ("pigeon", "web"):
        r = c.post("/staff/petitions/new", {"csrf": csrf(c), "channel": bad, "name": "王", "phone": "0912345678",
                                            "subject": "x", "body": "y"})
        assert r.status == 422 and ui("err_pet_channel") in r.text, (bad, r.status)


def test_petition_counter_read_back_required(client):
    c = staff(client, "counter1")
    data = {"csrf": csrf(c), "channel": "counter", "name": "王", "phone": "0912345678", "subject": "x", "body": "y"}
    r = c.post("/staff/petitions/new", data)
    assert r.status == 422 and ui("err_pet_read_back") in r.text, r.status
    assert 'aria-describedby="read-back-hint read-back-err"' in r.text
    no, _, _ = intake(c, "counter")
    assert row(client, no)["read_back"] == 1


def test_petition_hotline_form(client):
    phone = "0955-%03d-%03d" % (os.getpid() % 1000, len(client.front) * 111)
    digits = re.sub(r"\D", "", phone)
    # an earlier case and petition of the same caller
    counter = staff(client, "counter1")
    page = counter.get("/staff/cases/new")
    r = counter.follow(counter.post("/staff/cases/new", {"csrf": hidden_input(page, "csrf"),
                                                         "service": "zoning-certificate", "name": "黃來電",
                                                         "phone": phone, "channel": "counter"}))
    assert r.status == 200, r.status
    case_no = re.search(r'class="big">(A\d{7}-\d{4})<', r.text).group(1)
    earlier, _, _ = intake(counter, "letter", name="黃來電", phone=phone)

    h = staff(client, "hotline1")
    nav = h.get("/staff")
    assert "/staff/petitions/1999" in nav.text, "the hotline operator's menu leads to the 1999 form"
    form = h.get("/staff/petitions/1999")
    assert form.status == 200
    autofocus = [tag_attrs(t).get("id") for t in re.findall(r"<(?:input|select|textarea)\b[^>]*\bautofocus\b[^>]*>", form.text)]
    assert autofocus == ["lookup-phone"], "the caller's number has the focus first: %s" % autofocus
    assert not re.search(r'tabindex="[1-9]', form.text), "the tab order is the document order"
    # Enter on the number: the caller's history, masked
    looked = h.get("/staff/petitions/1999?phone=" + digits)
    assert looked.status == 200
    assert earlier in looked.text and case_no in looked.text, "history by phone shows petitions and cases"
    assert phone not in looked.text.replace('value="%s"' % digits, ""), "history is masked"
    assert "黃來電" not in looked.text, "names in the history are masked"
    autofocus = [tag_attrs(t).get("id") for t in re.findall(r"<(?:input|select|textarea)\b[^>]*\bautofocus\b[^>]*>", looked.text)]
    assert autofocus == ["name"], "after the lookup the focus moves to the name: %s" % autofocus
    order = [tag_attrs(t).get("name") for t in re.findall(r"<(?:input|select|textarea)\b[^>]*>", looked.text.split('action="/staff/petitions/new"')[1])]
    order = [n for n in order if n not in ("csrf", "once", "form", "channel")]
    assert order[:4] == ["phone", "name", "village", "body"], order
    # one petition: a few fields, no subject (made from the text), read back to the caller (§169), Enter submits
    call = {"csrf": hidden_input(looked, "csrf"), "form": "hotline", "channel": "hotline", "phone": digits,
            "name": "黃來電", "village": "zhuxi", "body": "文北里公園旁的路燈從昨天晚上開始閃爍不停，請派人檢修。"}
    r = h.post("/staff/petitions/new", call)
    assert r.status == 422 and ui("err_pet_read_back") in r.text, "not read back: %d" % r.status
    assert 'name="read_back"' in r.text and 'aria-invalid="true"' in r.text
    r = h.follow(h.post("/staff/petitions/new", dict(call, read_back="1")))
    assert r.status == 200, "1999 intake answered %d: %s" % (r.status, strip_tags(r.text)[:300])
    no, code = receipt_of(r)
    p = row(client, no)
    assert p["channel"] == "hotline" and p["subject"].startswith("文北里公園旁的路燈"), p
    assert p["read_back"] == 1, "the read-back is on record"
    assert ui("pet_receipt_read_out") in r.text and "/staff/petitions/1999" in r.text
    # the hotline operator cannot pick another channel
    r = h.follow(h.post("/staff/petitions/new", {"csrf": csrf(h), "channel": "mayor", "name": "王",
                                                 "phone": "0912345678", "subject": "x", "body": "y",
                                                 "read_back": "1"}))
    assert r.status == 200 and row(client, receipt_of(r)[0])["channel"] == "hotline"


# ---- handling ----------------------------------------------------------------


def test_petition_routing_and_assignment(client):
    c = staff(client, "counter1")
    no, _, _ = intake(c, "mayor")
    officer = staff(client, "officer1")
    assert post(officer, no, "route", {"unit": "social"}).status == 403, "officers do not route"
    head = staff(client, "head1")
    assert post(head, no, "route", {"unit": "social"}).status == 403, "a unit head does not route"
    sec = staff(client, "secretary1")
    page = sec.get("/staff/petitions?view=routing")
    assert page.status == 200 and no in page.text, "the secretariat's routing queue lists it"
    route(sec, no, "civil")
    route(sec, no, "social", "social-assistance")  # re-routing, recorded
    p = row(client, no)
    assert p["unit"] == "social" and p["state"] == "routed"
    # the social head assigns, then reassigns
    uid = client.sql("SELECT id FROM users WHERE username = 'head1'")[0][0]
    assert post(head, no, "assign", {"officer": str(uid)}).status == 303
    assign(head, no, "officer1")
    p = row(client, no)
    assert p["state"] == "assigned" and p["officer_id"] == client.sql("SELECT id FROM users WHERE username='officer1'")[0][0]
    actions = [a for (a,) in client.sql("SELECT action FROM petition_events WHERE petition_id = ? ORDER BY id", p["id"])]
    assert actions == ["received", "routed", "rerouted", "assigned", "reassigned"], actions
    # someone from another unit cannot be assigned
    other = client.sql("SELECT id FROM users WHERE username = 'secretary1'")[0][0]
    r = post(head, no, "assign", {"officer": str(other)})
    assert r.status == 422 and ui("err_pet_officer") in r.text
    mine = officer.get("/staff/petitions?view=mine")
    assert no in mine.text, "the officer's queue lists it"
    home = officer.get("/staff")
    m = re.search(r"%s</h3>\s*<ul class=\"counts\">\s*<li>%s <strong>(\d+)</strong>" % (ui("pet_view_mine"), ui("dash_open")),
                  home.text)
    want = client.sql("SELECT count(*) FROM petitions p JOIN users u ON u.id = p.officer_id WHERE u.username = "
                      "'officer1' AND p.state IN ('received', 'routed', 'assigned')")[0][0]
    assert m and int(m.group(1)) == want, "the officer's dashboard counts %s, want %d" % (m and m.group(1), want)
    unit = head.get("/staff/petitions?view=unit")
    assert no in unit.text


def test_petition_route_preselects_default_unit(client):
    """The routing desk finds the category's default unit already chosen."""
    no, _, _ = intake(staff(client, "counter1"), "counter", category="drainage")
    sec = staff(client, "secretary1")
    page = sec.get("/staff/petitions/%s" % no)
    select = re.search(r'<select id="route-unit"[^>]*>(.*?)</select>', page.text, re.S)
    assert select and 'aria-describedby="route-unit-hint"' in page.text
    chosen = re.findall(r'<option value="([^"]*)" selected', select.group(1))
    assert chosen == ["econ"], chosen
    assert ui("pet_route_default_unit") in strip_tags(page.text)
    # a petition without a category: nothing chosen for the clerk
    other, _, _ = intake(staff(client, "counter1"), "counter")
    page = sec.get("/staff/petitions/%s" % other)
    select = re.search(r'<select id="route-unit"[^>]*>(.*?)</select>', page.text, re.S)
    assert select and "selected" not in select.group(1) and "route-unit-hint" not in page.text
    route(sec, no, "econ")
    assert row(client, no)["unit"] == "econ"


def test_petition_reply_and_satisfaction(client):
    visitor = client.fresh()
    no, code, _ = submit_web(visitor)
    routed_to_officer(client, no)
    officer = staff(client, "officer1")
    page = officer.get("/staff/petitions/" + no)
    assert page.status == 200 and ui("pet_reply_button") in page.text
    r = post(officer, no, "close", {"outcome": "replied", "reply": "已通報維修廠商，預計三日內修復。\n謝謝您的反映。",
                                    "confirm": "1", "reason": "已確認"})
    assert r.status == 303, "reply answered %d: %s" % (r.status, strip_tags(r.text)[:300])
    p = row(client, no)
    assert p["state"] == "replied"
    # the citizen reads the reply and rates it once
    s = lookup(visitor, no, code)
    assert s.status == 200 and "已通報維修廠商" in s.text and "謝謝您的反映" in s.text
    assert ui("prate_title") in s.text
    token = hidden_input(s, "csrf")
    r = visitor.post("/status/rate", {"csrf": token, "no": no, "code": code, "rating": "9"})
    assert r.status == 422 and ui("err_rating") in r.text
    r = visitor.post("/status/rate", {"csrf": token, "no": no, "code": "ZZZZZZZZZZ", "rating": "4"})
    assert r.status == 404, "the rating needs the right code (%d)" % r.status
    r = visitor.post("/status/rate", {"csrf": token, "no": no, "code": code, "rating": "4", "comment": "很快"})
    assert r.status == 200 and ui("prate_thanks") in r.text, r.status
    assert ui("prate_title") not in r.text, "the survey is offered once"
    r = visitor.post("/status/rate", {"csrf": token, "no": no, "code": code, "rating": "1"})
    assert r.status == 409 and ui("prate_already") in r.text
    assert row(client, no)["rating"] == 4
    assert visitor.post("/status/rate", {"no": no, "code": code, "rating": "5"}).status == 403, "CSRF token needed"
    # closed petitions take no more outcomes
    r = post(officer, no, "close", {"outcome": "replied", "reply": "again"})
    assert r.status == 409, r.status


def test_petition_transfer_not_handled_duplicate(client):
    c = staff(client, "counter1")
    a, code_a, _ = intake(c, "email")
    b, _, _ = intake(c, "fax")
    d, code_d, _ = intake(c, "letter")
    for no in (a, b, d):
        routed_to_officer(client, no)
    officer = staff(client, "officer1")
    today = datetime.date.today().isoformat()
    tomorrow = (datetime.date.today() + datetime.timedelta(days=2)).isoformat()
    r = post(officer, a, "close", {"outcome": "transferred", "agency": "高雄市政府工務局", "transfer_on": tomorrow})
    assert r.status == 422 and ui("err_pet_transfer") in r.text, "no transfer dated in the future"
    r = post(officer, a, "close", {"outcome": "transferred", "agency": "高雄市政府工務局"})
    assert r.status == 422
    # the server's date may be set by BIANMIN_NOW in other tests; take the petition's own received date
    rec = client.sql("SELECT received_on FROM petitions WHERE petition_no = ?", a)[0][0]
    r = post(officer, a, "close", {"outcome": "transferred", "agency": "高雄市政府工務局", "transfer_on": min(rec, today),
                                   "confirm": "1", "reason": "已確認"})
    assert r.status == 303, strip_tags(r.text)[:300]
    s = lookup(client.fresh(), a, code_a)
    assert "高雄市政府工務局" in s.text and ui("pstate_transferred") in s.text
    r = post(officer, b, "close", {"outcome": "not_handled", "ground": "s173_9"})
    assert r.status == 422 and ui("err_pet_ground") in r.text
    r = post(officer, b, "close", {"outcome": "not_handled", "ground": "s173_2", "note": "已於上月答復", "confirm": "1", "reason": "已確認"})
    assert r.status == 303
    assert client.sql("SELECT ground, state FROM petitions WHERE petition_no = ?", b) == [("s173_2", "not_handled")]
    r = post(officer, d, "close", {"outcome": "duplicate", "dup_of": d})
    assert r.status == 422 and ui("err_pet_duplicate") in r.text, "not a duplicate of itself"
    r = post(officer, d, "close", {"outcome": "duplicate", "dup_of": a.lower(), "confirm": "1", "reason": "已確認"})
    assert r.status == 303
    assert client.sql("SELECT d.petition_no FROM petitions p JOIN petitions d ON d.id = p.duplicate_of "
                      "WHERE p.petition_no = ?", d) == [(a,)]
    s = lookup(client.fresh(), d, code_d)
    assert a in s.text and ui("pstate_duplicate") in s.text
    assert ui("prate_title") not in s.text, "the survey follows a reply only"


def test_petition_extension(client):
    visitor = client.fresh()
    no, code, _ = submit_web(visitor)
    routed_to_officer(client, no)
    officer = staff(client, "officer1")
    head = staff(client, "head1")
    p = row(client, no)
    due = datetime.date.fromisoformat(p["due_on"])
    r = post(officer, no, "extension", {"until": p["due_on"], "reason": "需會勘"})
    assert r.status == 422 and ui("err_pet_ext_date") in r.text
    r = post(head, no, "extension", {"until": (due + datetime.timedelta(days=10)).isoformat(), "reason": "x"})
    assert r.status == 409, "only the officer asks (%d)" % r.status
    # ask for a Sunday: once approved it moves to the next office day (行政程序法 §48)
    want = due + datetime.timedelta(days=14)
    while want.weekday() != 6:
        want += datetime.timedelta(days=1)
    r = post(officer, no, "extension", {"until": want.isoformat(), "reason": "需會同經建課現場會勘"})
    assert r.status == 303, strip_tags(r.text)[:300]
    r = post(officer, no, "extension", {"until": want.isoformat(), "reason": "again"})
    assert r.status == 409, "one request at a time"
    assert post(officer, no, "extension/decide", {"decision": "approved"}).status == 403, "officers do not decide"
    home = head.get("/staff")
    assert ui("dash_ext_waiting") in home.text
    r = post(head, no, "extension/decide", {"decision": "approved", "note": "同意"})
    assert r.status == 303, strip_tags(r.text)[:300]
    p = row(client, no)
    new_due = datetime.date.fromisoformat(p["due_on"])
    assert p["ext_until"] == want.isoformat() and new_due > want and new_due.weekday() < 5, p
    s = lookup(visitor, no, code)
    assert ui("pet_extended_citizen") in s.text and p["due_on"] in s.text, "the citizen sees the new due date"
    # once per petition, unless an administrator allows more
    r = post(officer, no, "extension", {"until": (new_due + datetime.timedelta(days=7)).isoformat(), "reason": "再延"})
    assert r.status == 409 and ui("err_pet_ext_used") in r.text
    assert post(head, no, "extension/allow", {}).status == 403
    admin = staff(client, "admin1")
    assert post(admin, no, "extension/allow", {}).status == 303
    r = post(officer, no, "extension", {"until": (new_due + datetime.timedelta(days=7)).isoformat(), "reason": "再延"})
    assert r.status == 303
    sec = staff(client, "secretary1")
    r = post(sec, no, "extension/decide", {"decision": "refused", "note": "請如期辦理"})
    assert r.status == 303
    assert row(client, no)["due_on"] == p["due_on"], "a refusal keeps the due date"
    decisions = client.sql("SELECT decision FROM petition_extensions x JOIN petitions p ON p.id = x.petition_id "
                           "WHERE p.petition_no = ? ORDER BY x.id", no)
    assert decisions == [("approved",), ("refused",)], decisions


def test_petition_confidential(client):
    visitor = client.fresh()
    no, code, _ = submit_web(visitor, confidential="1", name="秘密人", subject="檢舉違建", body="隔壁違建，請保密。")
    assert row(client, no)["confidential"] == 1
    route(staff(client, "secretary1"), no)
    counter = staff(client, "counter1")
    page = counter.get("/staff/petitions/" + no)
    assert page.status == 200 and ui("pet_hidden_notice") in page.text
    assert "隔壁違建" not in page.text and "檢舉違建" not in page.text, "no content for the counter"
    assert "秘○人" not in page.text and "秘密人" not in page.text, "no identity for the counter"
    hotline = staff(client, "hotline1")
    assert "隔壁違建" not in hotline.get("/staff/petitions/" + no).text
    officer = staff(client, "officer1")
    assert "隔壁違建" not in officer.get("/staff/petitions/" + no).text, "not yet its officer"
    assert counter.post("/staff/petitions/%s/reveal" % no, {"csrf": csrf(counter)}).status == 403
    lst = counter.get("/staff/petitions?view=mine")
    assert "檢舉違建" not in lst.text
    head = staff(client, "head1")
    hp = head.get("/staff/petitions/" + no)
    assert "隔壁違建" in hp.text and "秘○人" in hp.text, "the unit head sees it, masked"
    assign(head, no)
    op = officer.get("/staff/petitions/" + no)
    assert "隔壁違建" in op.text, "its officer sees it"
    full = officer.post("/staff/petitions/%s/reveal" % no, {"csrf": csrf(officer)})
    assert full.status == 200 and "秘密人" in full.text
    seen = client.sql("SELECT username FROM audit WHERE action = 'view_confidential' AND object = ?", "petition:" + no)
    assert {"head1", "officer1"} <= {u for (u,) in seen}, seen
    # the citizen still reads their own petition
    assert "檢舉違建" in lookup(visitor, no, code).text


def test_petition_staff_pages_english(client):
    no, _, _ = intake(staff(client, "counter1"), "chief")
    sec = staff(client, "secretary1")
    for path in ("/en/staff/petitions/" + no, "/en/staff/petitions", "/en/staff/petitions/new",
                 "/en/staff/petitions/1999", "/en/staff", "/en/staff/reports/petitions"):
        r = sec.get(path)
        assert r.status == 200, "%s: %d" % (path, r.status)
        assert 'lang="en"' in r.text, path
        assert not labelled(r), "%s: inputs without a label: %s" % (path, labelled(r))
    assert ui("pch_chief", "en") in strip_tags(sec.get("/en/staff/petitions/" + no).text)


# ---- rules and the report ----------------------------------------------------


def test_petition_deadline_rules(client):
    admin = staff(client, "admin1")
    page = admin.get("/staff/admin/deadlines")
    assert page.status == 200 and ui("rules_title") in page.text
    r = admin.post("/staff/admin/deadlines", {"csrf": csrf(admin), "channel": "suggestion", "category": "any", "days": "3"})
    assert r.status == 303, r.status
    rid = client.sql("SELECT id, days FROM petition_rules WHERE channel = 'suggestion' AND category = '*'")
    assert rid and rid[0][1] == 3, rid
    no, _, _ = intake(staff(client, "counter1"), "suggestion")
    assert row(client, no)["days"] == 3
    # a more specific rule wins
    r = admin.post("/staff/admin/deadlines", {"csrf": csrf(admin), "channel": "suggestion", "category": "roads", "days": "2"})
    assert r.status == 303
    no2, _, _ = intake(staff(client, "counter1"), "suggestion", category="roads")
    assert row(client, no2)["days"] == 2
    for bad in ({"channel": "pigeon", "category": "any", "days": "3"}, {"channel": "any", "category": "any", "days": "0"},
                {"channel": "any", "category": "nothing", "days": "3"}):
        r = admin.post("/staff/admin/deadlines", dict(bad, csrf=csrf(admin)))
        assert r.status == 422, (bad, r.status)
    catch_all = client.sql("SELECT id FROM petition_rules WHERE channel = '*' AND category = '*'")[0][0]
    r = admin.post("/staff/admin/deadlines/remove", {"csrf": csrf(admin), "id": str(catch_all)})
    assert r.status == 422 and ui("err_rule_catch_all") in r.text
    for (i,) in client.sql("SELECT id FROM petition_rules WHERE channel = 'suggestion'"):
        assert admin.post("/staff/admin/deadlines/remove", {"csrf": csrf(admin), "id": str(i)}).status == 303
    r = admin.post("/staff/admin/deadlines/near", {"csrf": csrf(admin), "near_days": "3"})
    assert r.status == 303 and client.sql("SELECT value FROM settings WHERE key = 'near_days'") == [("3",)]
    admin.post("/staff/admin/deadlines/near", {"csrf": csrf(admin), "near_days": "2"})
    assert staff(client, "head1").get("/staff/admin/deadlines").status == 403


def test_petition_report_and_csv(client):
    visitor = client.fresh()
    no, code, _ = submit_web(visitor)
    routed_to_officer(client, no)
    officer = staff(client, "officer1")
    assert post(officer, no, "close", {"outcome": "replied", "reply": "已處理", "confirm": "1", "reason": "已確認"}).status == 303
    token = hidden_input(lookup(visitor, no, code), "csrf")
    assert visitor.post("/status/rate", {"csrf": token, "no": no, "code": code, "rating": "5"}).status == 200
    month = client.sql("SELECT substr(received_on, 1, 7) FROM petitions WHERE petition_no = ?", no)[0][0]
    head = staff(client, "head1")
    page = head.get("/staff/reports/petitions?month=" + month)
    assert page.status == 200 and ui("report_title") in page.text
    want = client.sql("SELECT count(*) FROM petitions WHERE unit = 'social' AND received_on LIKE ?", month + "%")[0][0]
    assert re.search(r"社會課</th><td class=\"num\">%d<" % want, page.text), "the social row counts %d" % want
    csv = head.get("/staff/reports/petitions.csv?month=" + month)
    assert csv.status == 200, csv.status
    assert csv.header("Content-Type").startswith("text/csv"), csv.header("Content-Type")
    assert csv.header("Content-Disposition", "").startswith("attachment"), csv.header("Content-Disposition")
    assert csv.body.startswith(b"\xef\xbb\xbf"), "UTF-8 with a BOM"
    lines = csv.body[3:].decode("utf-8").splitlines()
    assert lines[0].split(",")[0] == ui("report_unit")
    social = [l for l in lines if l.startswith("社會課,")]
    assert social and int(social[0].split(",")[1]) == want, social
    cells = social[0].split(",")
    assert cells[7] != "0" and float(cells[8]) > 0, "ratings appear in the report: %s" % cells
    assert head.get("/staff/reports/petitions?month=2026-13").status == 400
    assert staff(client, "officer1").get("/staff/reports/petitions.csv").status == 403


# ---- the scheduler ---------------------------------------------------------------


def scheduler(db, now, *args, **kw):
    env = dict(os.environ, BIANMIN_NOW=now)
    return subprocess.Popen([run.BIN, "scheduler", "--db", db, *args], cwd=run.ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kw)


def future(days=400):
    return (datetime.datetime.utcnow() + datetime.timedelta(days=days)).strftime("%Y-%m-%dT09:00:00+08:00")


def test_petition_scheduler_notifies(client):
    no, _, _ = intake(staff(client, "counter1"), "mayor")
    routed_to_officer(client, no)
    p = scheduler(client.db, future(), "--once")
    out, err = p.communicate(timeout=60)
    assert p.returncode == 0, "scheduler exit %d: %s" % (p.returncode, err)
    lines = [l for l in err.splitlines() if "scheduler:" in l]
    assert len(lines) == 1 and re.search(r"scanned \d+ open items, raised \d+ flags, queued \d+ notifications", lines[0]), err
    pid = row(client, no)["id"]
    flags = client.sql("SELECT id, tier FROM flags WHERE item_kind = 'petition' AND item_id = ?", pid)
    assert [t for _, t in flags] == ["overdue"], flags
    users = {u for (u,) in client.sql("SELECT u.username FROM notifications n JOIN users u ON u.id = n.user_id "
                                       "WHERE n.flag_id = ?", flags[0][0])}
    assert users == {"officer1", "head1"}, "the officer and the unit head are told: %s" % users
    officer = staff(client, "officer1")
    home = officer.get("/staff")
    assert no in home.text and ui("tier_overdue") in home.text, "the dashboard lists the notification"
    nid = client.sql("SELECT n.id FROM notifications n JOIN users u ON u.id = n.user_id "
                     "WHERE n.flag_id = ? AND u.username = 'officer1'", flags[0][0])[0][0]
    other = staff(client, "head1")
    assert other.post("/staff/notifications/%d/read" % nid, {"csrf": csrf(other)}).status == 404, "not theirs"
    assert officer.post("/staff/notifications/%d/read" % nid, {"csrf": csrf(officer)}).status == 303
    assert client.sql("SELECT read_at IS NOT NULL FROM notifications WHERE id = ?", nid) == [(1,)]
    assert officer.post("/staff/notifications/%d/read" % nid, {}).status == 403, "CSRF token needed"
    # a second pass raises nothing new
    before = client.sql("SELECT count(*) FROM flags")[0][0], client.sql("SELECT count(*) FROM notifications")[0][0]
    p = scheduler(client.db, future(), "--once")
    _, err = p.communicate(timeout=60)
    assert "raised 0 flags, queued 0 notifications" in err, err
    after = client.sql("SELECT count(*) FROM flags")[0][0], client.sql("SELECT count(*) FROM notifications")[0][0]
    assert before == after, (before, after)


def test_petition_scheduler_sigterm(client):
    p = scheduler(client.db, future(), "--interval", "3600")
    time.sleep(1.0)
    p.send_signal(signal.SIGTERM)
    _, err = p.communicate(timeout=30)
    assert p.returncode == 0, "SIGTERM ends it cleanly: exit %d, %s" % (p.returncode, err)
    assert "scheduler: stopped" in err, err


def big_copy(client, n_open):
    """A copy of the test database with n_open more open petitions, all overdue in the future."""
    path = os.path.join(client.tmp, "sched-kill.db")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)
    src = sqlite3.connect("file:%s?mode=ro" % client.db, uri=True)
    dst = sqlite3.connect(path)
    src.backup(dst)
    src.close()
    dst.execute("PRAGMA journal_mode=WAL")
    dst.execute(
        """WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < ?)
        INSERT INTO petitions (petition_no, code_hash, channel, subject, body, unit, state, received_on,
                               received_at, days, due_on)
        SELECT printf('Q0000101-%05d', i), 'x', 'web', 'bulk', 'bulk', 'social', 'routed', '2012-01-02',
               '2012-01-02T01:00:00Z', 10, '2012-01-16' FROM k""", (n_open,))
    dst.commit()
    dst.close()
    return path


def counts(db):
    con = sqlite3.connect("file:%s?mode=ro" % db, uri=True, timeout=10)
    try:
        f = con.execute("SELECT count(*) FROM flags").fetchone()[0]
        n = con.execute("SELECT count(*) FROM notifications").fetchone()[0]
        dup_f = con.execute("SELECT count(*) FROM (SELECT 1 FROM flags GROUP BY item_kind, item_id, tier, ref "
                            "HAVING count(*) > 1)").fetchone()[0]
        dup_n = con.execute("SELECT count(*) FROM (SELECT 1 FROM notifications GROUP BY user_id, flag_id "
                            "HAVING count(*) > 1)").fetchone()[0]
        # every flag has all of its notifications: the same transaction
        orphan = con.execute("SELECT count(*) FROM flags WHERE id NOT IN (SELECT flag_id FROM notifications)").fetchone()[0]
        return f, n, dup_f, dup_n, orphan
    finally:
        con.close()


def test_petition_scheduler_sigkill_exactly_once(client):
    n_open = 30000
    db = big_copy(client, n_open)
    now = future()
    partial = 0
    delay = 0.02
    for attempt in range(6):
        p = scheduler(db, now, "--once", start_new_session=True)
        time.sleep(delay)
        p.send_signal(signal.SIGKILL)
        p.communicate(timeout=30)
        f, n, dup_f, dup_n, orphan = counts(db)
        assert dup_f == 0 and dup_n == 0 and orphan == 0, (f, n, dup_f, dup_n, orphan)
        if 0 < f < n_open:
            partial += 1
        print("    kill after %.2f s: %d flags" % (delay, f)) if os.environ.get("VERBOSE_KILL") else None
        delay += 0.04
    # run to the end, twice
    for _ in range(2):
        p = scheduler(db, now, "--once")
        _, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
    f, n, dup_f, dup_n, orphan = counts(db)
    con = sqlite3.connect("file:%s?mode=ro" % db, uri=True)
    open_items = con.execute("SELECT count(*) FROM petitions WHERE state IN ('received', 'routed', 'assigned')").fetchone()[0]
    open_cases = con.execute("SELECT count(*) FROM cases WHERE state IN ('received', 'review', 'correction') "
                             "AND paused_since IS NULL").fetchone()[0]
    bulk = con.execute("SELECT count(*) FROM flags f JOIN petitions p ON p.id = f.item_id "
                       "WHERE f.item_kind = 'petition' AND p.petition_no LIKE 'Q%' AND f.tier = 'overdue'").fetchone()[0]
    heads = con.execute("SELECT count(*) FROM users WHERE role = 'head' AND unit = 'social' AND active").fetchone()[0]
    bulk_notes = con.execute("SELECT count(*) FROM notifications WHERE flag_id IN (SELECT f.id FROM flags f "
                             "JOIN petitions p ON p.id = f.item_id WHERE f.item_kind = 'petition' "
                             "AND p.petition_no LIKE 'Q%')").fetchone()[0]
    con.close()
    assert bulk == n_open, "every bulk petition flagged overdue once: %d of %d" % (bulk, n_open)
    assert bulk_notes == n_open * heads, "one notification per head per flag: %d" % bulk_notes
    assert dup_f == 0 and dup_n == 0 and orphan == 0, (f, n, dup_f, dup_n, orphan)
    assert f >= n_open and open_items >= n_open and open_cases >= 0
    assert partial >= 1, "no SIGKILL landed in the middle of a pass; the test proved nothing"


# ---- e-mail: the outbox through a local SMTP sink ----------------------------------


class SmtpSink:
    """A tiny SMTP server on 127.0.0.1 that keeps the messages it is given,
    or refuses every recipient (fail=True)."""

    def __init__(self, fail=False):
        import socketserver
        import threading

        sink = self
        self.messages = []
        self.fail = fail

        class Handler(socketserver.StreamRequestHandler):
            def handle(self):
                w = lambda s: self.wfile.write(s.encode() + b"\r\n")
                w("220 sink ESMTP")
                rcpt = []
                while True:
                    line = self.rfile.readline()
                    if not line:
                        return
                    cmd = line.decode("latin-1").strip()
                    up = cmd.upper()
                    if up.startswith("EHLO") or up.startswith("HELO"):
                        w("250 sink")
                    elif up.startswith("MAIL FROM"):
                        w("250 ok")
                    elif up.startswith("RCPT TO"):
                        if sink.fail:
                            w("451 try later")
                        else:
                            rcpt.append(cmd[8:].strip())
                            w("250 ok")
                    elif up == "DATA":
                        w("354 go")
                        data = b""
                        while not data.endswith(b"\r\n.\r\n"):
                            chunk = self.rfile.readline()
                            if not chunk:
                                return
                            data += chunk
                        sink.messages.append((rcpt, data.decode("utf-8", "replace")))
                        w("250 queued")
                    elif up == "QUIT":
                        w("221 bye")
                        return
                    else:
                        w("250 ok" if up in ("RSET", "NOOP") else "502 no")

        self.server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


def small_copy(client, name, port):
    """A copy of the test database with SMTP pointing at the sink, an e-mail
    address for head1 and one overdue petition of the social section (FAQ
    review reminders already raised, the citizens' outbox emptied: the one
    mail is the petition's)."""
    path = os.path.join(client.tmp, name)
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)
    src = sqlite3.connect("file:%s?mode=ro" % client.db, uri=True)
    dst = sqlite3.connect(path)
    src.backup(dst)
    src.close()
    dst.executescript(
        """UPDATE petitions SET state = 'replied' WHERE state IN ('received', 'routed', 'assigned');
        UPDATE cases SET state = 'closed' WHERE state IN ('received', 'review', 'correction');
        UPDATE users SET email = 'head1@example.org' WHERE username = 'head1';
        DELETE FROM citizen_outbox;
        INSERT OR IGNORE INTO flags (item_kind, item_id, tier, ref, raised_at)
            SELECT 'faq', id, 'stale', reviewed_on, 'x' FROM faq;
        INSERT OR REPLACE INTO settings (key, value) VALUES ('smtp_url', 'smtp://127.0.0.1:%d'),
            ('smtp_from', 'bianmin@example.org');
        INSERT INTO petitions (petition_no, code_hash, channel, subject, body, unit, state, received_on,
                               received_at, days, due_on)
        VALUES ('P1150302-9999', 'x', 'web', 'mail', 'mail', 'social', 'routed', '2026-03-02',
                '2026-03-02T01:00:00Z', 6, '2026-03-10');""" % port)
    dst.commit()
    dst.close()
    return path


def test_petition_scheduler_mail_once(client):
    sink = SmtpSink()
    try:
        db = small_copy(client, "mail.db", sink.port)
        for _ in range(2):
            p = scheduler(db, future(), "--once")
            _, err = p.communicate(timeout=60)
            assert p.returncode == 0, err
        assert len(sink.messages) == 1, "one mail, sent once: %d (%s)" % (len(sink.messages), err)
        rcpt, data = sink.messages[0]
        assert rcpt == ["<head1@example.org>"], rcpt
        assert "P1150302-9999" in data and "Subject: =?UTF-8?B?" in data, data[:400]
        con = sqlite3.connect("file:%s?mode=ro" % db, uri=True)
        rows = con.execute("SELECT state, attempts FROM outbox").fetchall()
        con.close()
        assert rows == [("sent", 1)], rows
    finally:
        sink.close()


def test_petition_scheduler_mail_retry(client):
    sink = SmtpSink(fail=True)
    try:
        db = small_copy(client, "mail-fail.db", sink.port)
        p = scheduler(db, future(), "--once")
        _, err = p.communicate(timeout=60)
        assert p.returncode == 0 and "mail to head1@example.org failed (try 1)" in err, err
        con = sqlite3.connect("file:%s?mode=ro" % db, uri=True)
        rows = con.execute("SELECT state, attempts, next_at > strftime('%s', 'now'), last_error IS NOT NULL "
                           "FROM outbox").fetchall()
        con.close()
        assert rows == [("pending", 1, 1, 1)], "retried later, with the error kept: %s" % rows
        assert sink.messages == []
    finally:
        sink.close()

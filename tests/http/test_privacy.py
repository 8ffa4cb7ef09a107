"""Privacy and access (issue #8, items 1-4 and 21), end to end over HTTP:
a confidential petition shows neither its subject, its reply nor its
closing note to the hotline, the counter or another unit's officer, and no
phone lookup (console, 1999 form) leads to it; reveals stay within the unit
(counter staff: only what they registered), and a refused reveal writes no
audit row; a head never approves their own extension; the audit log page
shows a unit head their unit's records and the office head everything,
filters by person, record and date, and exports CSV (BOM, formula-safe)."""

import datetime
import re

from run import assert_security_headers, hidden_input, strip_tags, ui

PASSWORD = "demo-password"


def check_response(r):
    assert_security_headers(r)


def setup(client):
    # another unit's officer and head (民政課), a second counter clerk, and an account
    # whose name a spreadsheet would read as a formula
    for user, role, unit in (("civil1", "officer", "civil"), ("civilhead1", "head", "civil"),
                             ("counter2", "counter", None), ("=cmd", "officer", "social")):
        args = ["user", "add", "--user", user, "--role", role] + (["--unit", unit] if unit else [])
        client.admin(*args, input=PASSWORD + "\n", check=True)


# ---- helpers ---------------------------------------------------------------


def staff(client, user):
    c = client.fresh()
    page = c.get("/staff/login")
    r = c.post("/staff/login", {"csrf": hidden_input(page, "csrf"), "username": user, "password": PASSWORD})
    assert r.status == 303, "sign-in as %s answered %d" % (user, r.status)
    return c


def csrf(c, path="/staff"):
    token = hidden_input(c.get(path), "csrf")
    assert token, "no CSRF token on " + path
    return token


def post(c, path, data=None):
    return c.post(path, dict(data or {}, csrf=csrf(c)))


def number(r, letter):
    m = re.search(r'class="big">(%s\d{7}-\d{4,6})<' % letter, r.text)
    assert m, "no number on the receipt: %s" % strip_tags(r.text)[:300]
    return m.group(1)


def web_petition(client, **fields):
    visitor = client.fresh()
    page = visitor.get("/petitions/new")
    data = {"csrf": hidden_input(page, "csrf"), "name": "保密人", "phone": "0977-123-456", "subject": "檢舉甲事",
            "body": "請勿透露我的身分。", "step": "submit"}
    data.update(fields)
    r = visitor.follow(visitor.post("/petitions/new", data))
    assert r.status == 200, "web petition answered %d" % r.status
    return number(r, "P")


def counter_petition(c, **fields):
    data = {"csrf": csrf(c, "/staff/petitions/new"), "channel": "counter", "read_back": "1", "name": "張一般",
            "phone": "07-696-4321", "subject": "一般陳情", "body": "路面坑洞。"}
    data.update(fields)
    r = c.follow(c.post("/staff/petitions/new", data))
    assert r.status == 200, "intake answered %d" % r.status
    return number(r, "P")


def register(c, service, name, phone):
    data = {"csrf": csrf(c, "/staff/cases/new"), "service": service, "name": name, "phone": phone,
            "channel": "counter"}
    r = c.follow(c.post("/staff/cases/new", data))
    assert r.status == 200, "register answered %d: %s" % (r.status, strip_tags(r.text)[:300])
    return number(r, "A")


def step(c, no, action, data):
    r = post(c, "/staff/petitions/%s/%s" % (no, action), data)
    assert r.status == 303, "%s answered %d: %s" % (action, r.status, strip_tags(r.text)[:300])


def uid(client, user):
    return str(client.sql("SELECT id FROM users WHERE username = ?", user)[0][0])


def audit_rows(client, action, obj):
    return client.sql("SELECT username, detail FROM audit WHERE action = ? AND object = ?", action, obj)


# ---- item 1: confidential petitions ------------------------------------------


def test_privacy_confidential_petition_hidden(client):
    no = web_petition(client, confidential="1", phone="0977-123-456", subject="檢舉甲事")
    step(staff(client, "secretary1"), no, "route", {"unit": "social"})
    step(staff(client, "head1"), no, "assign", {"officer": uid(client, "officer1")})
    officer = staff(client, "officer1")
    step(officer, no, "close", {"outcome": "replied", "reply": "已派員查處乙案", "note": "結案註記丙項",
                              "confirm": "1", "reason": "結案理由丁項"})

    for user in ("hotline1", "counter1", "civil1"):
        c = staff(client, user)
        by_phone = c.get("/staff/console?q=0977123456")
        assert by_phone.status == 200
        assert no not in by_phone.text, "%s: the console ties the phone to the petition" % user
        assert "檢舉甲事" not in by_phone.text, "%s: the subject next to the phone" % user
        by_no = c.get("/staff/console?q=" + no)
        assert by_no.status == 200 and no in by_no.text, "%s: the number shows the petition exists" % user
        assert "檢舉甲事" not in by_no.text, "%s: the subject by number" % user
        page = c.get("/staff/petitions/" + no)
        assert page.status == 200 and ui("pet_hidden_notice") in page.text
        for secret in ("檢舉甲事", "已派員查處乙案", "結案註記丙項", "結案理由丁項", "保○人", "0977"):
            assert secret not in page.text, "%s sees %s on the petition page" % (user, secret)
        history = c.get("/staff/petitions/1999?phone=0977123456")
        assert history.status == 200
        assert no not in history.text, "%s: the 1999 history lists the confidential petition" % user
        seen = audit_rows(client, "view_confidential", "petition:" + no)
        assert user in {u for u, _ in seen}, "%s's look is not in the audit log: %s" % (user, seen)

    page = officer.get("/staff/petitions/" + no)
    for shown in ("檢舉甲事", "已派員查處乙案", "結案註記丙項", "保○人"):
        assert shown in page.text, "its officer misses %s" % shown
    # the routing desk (administrators) sees the subject to route it, never who sent it
    desk = staff(client, "admin1").get("/staff/petitions/" + no)
    assert "檢舉甲事" in desk.text and "保○人" not in desk.text and "已派員查處乙案" not in desk.text
    # phone lookups record the masked phone, never the number typed
    lookups = client.sql("SELECT detail FROM audit WHERE action IN ('console_find', 'caller_lookup') "
                         "AND username = 'hotline1'")
    details = " ".join(d or "" for (d,) in lookups)
    assert "0977-***-456" in details and "0977123456" not in details, details


def test_privacy_ordinary_petition_still_found_by_phone(client):
    c = staff(client, "counter1")
    no = counter_petition(c, phone="07-696-8765", subject="路燈不亮丁處")
    hot = staff(client, "hotline1")
    r = hot.get("/staff/console?q=076968765")
    assert no in r.text and "路燈不亮丁處" in r.text and "0769-***-765" in r.text
    assert no in hot.get("/staff/petitions/1999?phone=076968765").text


# ---- item 2: reveals stay within the unit -------------------------------------


def test_privacy_cross_unit_reveal_refused(client):
    counter = staff(client, "counter1")
    social = register(counter, "low-income-apply", "林社會", "0911-222-333")
    civil = register(counter, "burial-permit", "陳民政", "0922-333-444")
    for user, case in (("civil1", social), ("civilhead1", social), ("officer1", civil), ("head1", civil),
                       ("counter2", social), ("hotline1", social), ("admin1", civil)):
        c = staff(client, user)
        page = c.get("/staff/cases/" + case)
        assert page.status == 200 and 'action="/staff/cases/%s/reveal"' % case not in page.text, user
        r = post(c, "/staff/cases/%s/reveal" % case)
        assert r.status == 403, "%s revealed %s: %d" % (user, case, r.status)
        assert "林社會" not in r.text and "陳民政" not in r.text
        assert not client.sql("SELECT 1 FROM audit WHERE action = 'reveal' AND object = ? AND username = ?",
                              "case:" + case, user), "%s's refused reveal was logged as a reveal" % user
    full = post(staff(client, "civil1"), "/staff/cases/%s/reveal" % civil)
    assert full.status == 200 and "陳民政" in full.text and "0922-333-444" in full.text
    own = post(counter, "/staff/cases/%s/reveal" % social)
    assert own.status == 200 and "林社會" in own.text, "the clerk who registered it"
    assert {u for u, _ in audit_rows(client, "reveal", "case:" + social)} == {"counter1"}


def test_privacy_petition_reveal_within_unit(client):
    counter = staff(client, "counter1")
    no = counter_petition(counter, name="黃跨課", phone="0955-666-777")
    step(staff(client, "secretary1"), no, "route", {"unit": "social"})
    for user in ("civil1", "civilhead1", "counter2", "admin1"):
        r = post(staff(client, user), "/staff/petitions/%s/reveal" % no)
        assert r.status == 403 and "黃跨課" not in r.text, "%s revealed: %d" % (user, r.status)
    for user in ("counter1", "officer1", "head1"):
        r = post(staff(client, user), "/staff/petitions/%s/reveal" % no)
        assert r.status == 200 and "黃跨課" in r.text, user
    assert {u for u, _ in audit_rows(client, "reveal", "petition:" + no)} == {"counter1", "officer1", "head1"}


# ---- item 21: nobody approves their own extension ------------------------------


def test_privacy_head_cannot_approve_own_extension(client):
    no = web_petition(client, subject="延期測試", phone="0966-000-111")
    step(staff(client, "secretary1"), no, "route", {"unit": "social"})
    head = staff(client, "head1")
    step(head, no, "assign", {"officer": uid(client, "head1")})
    due = client.sql("SELECT due_on FROM petitions WHERE petition_no = ?", no)[0][0]
    until = (datetime.date.fromisoformat(due) + datetime.timedelta(days=14)).isoformat()
    step(head, no, "extension", {"until": until, "reason": "需會勘"})
    page = head.get("/staff/petitions/" + no)
    assert 'action="/staff/petitions/%s/extension/decide"' % no not in page.text
    r = post(head, "/staff/petitions/%s/extension/decide" % no, {"decision": "approved"})
    assert r.status == 403, "a head approved their own extension (%d)" % r.status
    decided = client.sql("SELECT decision FROM petition_extensions x JOIN petitions p ON p.id = x.petition_id "
                         "WHERE p.petition_no = ?", no)
    assert decided == [(None,)], decided
    step(staff(client, "secretary1"), no, "extension/decide", {"decision": "approved"})


# ---- item 4: the audit log page -----------------------------------------------


def test_privacy_audit_page(client):
    counter = staff(client, "counter1")
    social = register(counter, "low-income-apply", "稽核社會", "0912-000-001")
    civil = register(counter, "burial-permit", "稽核民政", "0912-000-002")
    assert post(staff(client, "officer1"), "/staff/cases/%s/reveal" % social).status == 200
    assert post(staff(client, "civil1"), "/staff/cases/%s/reveal" % civil).status == 200
    staff(client, "hotline1").get("/staff/console?q=0912000001")

    head = staff(client, "head1")
    page = head.get("/staff/audit")
    assert page.status == 200 and "no-store" in page.header("Cache-Control", "")
    assert "case:" + social in page.text and "case:" + civil not in page.text, "a unit head sees their unit only"
    civ = staff(client, "civilhead1").get("/staff/audit")
    assert "case:" + civil in civ.text and "case:" + social not in civ.text
    sec = staff(client, "secretary1")
    allp = sec.get("/staff/audit")
    assert "case:" + social in allp.text and "case:" + civil in allp.text and "0912-***-001" in allp.text
    assert "0912000001" not in allp.text

    # filters: person, record, dates
    r = sec.get("/staff/audit?who=civil1&record=" + civil)
    text = strip_tags(r.text)
    assert "case:" + civil in text and "officer1" not in text and "case:" + social not in text
    today = datetime.datetime.utcnow() + datetime.timedelta(hours=8)
    later = (today + datetime.timedelta(days=2)).date().isoformat()
    assert "case:" + civil in sec.get("/staff/audit?record=%s&from=%s" % (civil, today.date().isoformat())).text
    assert "case:" + civil not in sec.get("/staff/audit?record=%s&from=%s" % (civil, later)).text
    assert sec.get("/staff/audit?from=2026-13-40").status == 400
    en = sec.get("/en/staff/audit")
    assert en.status == 200 and 'lang="en"' in en.text and ui("audit_title", "en") in en.text

    # paging: 50 a page
    for _ in range(51):
        sec.get("/staff/console?q=0912000002")
    p1 = sec.get("/staff/audit?who=secretary1")
    assert 'rel="next"' in p1.text
    p2 = sec.get(re.search(r'href="([^"]*)" rel="next"', p1.text).group(1).replace("&amp;", "&"))
    assert p2.status == 200 and 'rel="prev"' in p2.text

    # CSV: BOM, header in the visitor's language, formula-looking cells neutralised
    staff(client, "=cmd").get("/staff/console?q=" + social)
    csv = sec.get("/staff/audit.csv?who=%3Dcmd")
    assert csv.status == 200 and csv.header("Content-Type", "").startswith("text/csv")
    assert csv.body.startswith(b"\xef\xbb\xbf")
    body = csv.body.decode("utf-8-sig")
    assert body.startswith(ui("audit_at")), body[:80]
    assert "'=cmd" in body and ",=cmd" not in body and "\n=cmd" not in body, body
    # only heads and administrators
    assert staff(client, "officer1").get("/staff/audit").status == 403

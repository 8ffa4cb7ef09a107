"""Applications as complete as petitions (issue 12), end to end over HTTP:
the counter registers one and hands it to an officer, who finds it in "my
cases", asks for an extension (展期) that the asker may not approve and a
head approves across the Moon Festival and Teachers' Day closures, the
applicant is told by e-mail; it closes, the survey is answered once, and it
shows in the applications' control report (管制考核) and its CSV and in the
clerk's "what I took in today" list."""

import re

from run import assert_security_headers, hidden_input, strip_tags, ui
from test_cases import clock, csrf, login, lookup, register


def check_response(r):
    assert_security_headers(r)


def staff(client, user):
    s = client.fresh()
    login(s, user)
    return s


def post(c, no, action, data):
    return c.post("/staff/cases/%s/%s" % (no, action), dict(data, csrf=csrf(c)))


def case_row(client, no):
    keys = ["state", "officer_id", "due_on", "ext_days", "rating", "decided_on"]
    vals = client.sql("SELECT %s FROM cases WHERE case_no = ?" % ", ".join(keys), no)[0]
    return dict(zip(keys, vals))


def user_id(client, username):
    return client.sql("SELECT id FROM users WHERE username = ?", username)[0][0]


def messages(client, no):
    return client.sql("SELECT o.msg, o.ref, o.body FROM citizen_outbox o JOIN cases c ON c.id = o.item_id "
                      "WHERE o.item_kind = 'case' AND c.case_no = ? ORDER BY o.id", no)


def test_application_whole_life(client):
    try:
        # Tue 1 Sep 2026: 15 working days for a senior card end on Tue 22 Sep
        clock(client, "2026-09-01T09:00:00+08:00")
        counter = staff(client, "counter1")
        no, code, _ = register(counter, service="senior-card", name="陳長青", phone="0912-000-111",
                               email="chen@example.tw")
        assert case_row(client, no)["due_on"] == "2026-09-22"

        # assignment: the counter hands it to an officer of the unit, never to someone outside it
        r = post(counter, no, "assign", {"officer": str(user_id(client, "counter1"))})
        assert r.status == 422 and ui("err_pet_officer") in r.text, r.status
        assert 'role="alert"' in r.text
        r = post(counter, no, "assign", {"officer": str(user_id(client, "officer1"))})
        assert r.status == 303, strip_tags(r.text)[:300]
        assert case_row(client, no)["officer_id"] == user_id(client, "officer1")
        officer, head = staff(client, "officer1"), staff(client, "head1")
        mine = officer.get("/staff/queue/mine")
        assert mine.status == 200 and ui("queue_mine_title") in mine.text and no in mine.text
        assert "陳長青" not in mine.text, "lists mask the applicant"
        assert no not in head.get("/staff/queue/mine").text, "only the assigned officer's list"
        assert no not in officer.get("/staff/queue/today").text, "the officer did not take it in"
        page = officer.get("/staff/cases/" + no)
        assert "王承辦" in page.text and 'name="days"' in page.text, "the officer may ask for an extension"

        # extensions: only the officer asks, within what the service allows, with a reason
        assert post(head, no, "extension", {"days": "5", "reason": "x"}).status == 403
        r = post(officer, no, "extension", {"days": "16", "reason": "需會同里長家訪"})
        assert r.status == 422 and ui("err_case_ext_days") in r.text, r.status
        r = post(officer, no, "extension", {"days": "5", "reason": ""})
        assert r.status == 422 and ui("err_case_ext_reason") in r.text, r.status
        r = post(officer, no, "extension", {"days": "5", "reason": "需會同里長家訪"})
        assert r.status == 303, strip_tags(r.text)[:300]
        r = post(officer, no, "extension", {"days": "1", "reason": "again"})
        assert r.status == 409 and ui("err_case_ext_waiting") in r.text, "one at a time"
        # the asker never approves their own request
        r = post(officer, no, "extension/decide", {"decision": "approved"})
        assert r.status == 403, r.status
        assert case_row(client, no)["due_on"] == "2026-09-22"
        assert ui("pet_ext_decide") in head.get("/staff/cases/" + no).text
        r = post(head, no, "extension/decide", {"decision": "approved", "note": "同意"})
        assert r.status == 303, strip_tags(r.text)[:300]
        # 5 working days after Tue 22 Sep: 23, 24, (25 中秋節, 26-27, 28 教師節), 29, 30, 1 Oct
        row = case_row(client, no)
        assert row["due_on"] == "2026-10-01" and row["ext_days"] == 5, row
        page = officer.get("/staff/cases/" + no)
        assert "115年10月1日" in page.text and ui("pext_approved") in page.text
        assert post(head, no, "extension/decide", {"decision": "approved"}).status == 409, "nothing waits"
        told = [(ref, body) for msg, ref, body in messages(client, no) if ref.startswith("extension-")]
        assert len(told) == 1 and "115年10月1日" in told[0][1], messages(client, no)
        visitor = client.fresh()
        s = lookup(visitor, no, code)
        assert s.status == 200 and "115年10月1日" in s.text and ui("pet_extended_citizen") in s.text
        assert ui("prate_title") not in s.text, "no survey while it is open"

        # closing: the message links the survey, which is answered once
        for to in ("review", "approved"):
            assert post(officer, no, "move", {"to": to}).status == 303, to
        r = post(officer, no, "move", {"to": "closed", "confirm": "1", "reason": "已發卡"})
        assert r.status == 303, strip_tags(r.text)[:300]
        row = case_row(client, no)
        assert row["state"] == "closed" and row["decided_on"] == "2026-09-01", row
        closing = [body for msg, ref, body in messages(client, no) if ref == "closed"]
        assert closing and "滿意度調查" in closing[0] and "/status" in closing[0], messages(client, no)
        s = lookup(visitor, no, code)
        token = hidden_input(s, "csrf")
        assert ui("prate_title") in s.text and token
        r = visitor.post("/status/rate", {"csrf": token, "no": no, "code": "WRONGCODE1", "rating": "5"})
        assert r.status == 404
        r = visitor.post("/status/rate", {"csrf": token, "no": no, "code": code, "rating": "9"})
        assert r.status == 422 and ui("err_rating") in r.text
        r = visitor.post("/status/rate", {"csrf": token, "no": no, "code": code, "rating": "4", "comment": "很快"})
        assert r.status == 200 and ui("prate_thanks") in r.text, (r.status, strip_tags(r.text)[:300])
        r = visitor.post("/status/rate", {"csrf": token, "no": no, "code": code, "rating": "1"})
        assert r.status == 409 and ui("prate_already") in r.text
        assert case_row(client, no)["rating"] == 4

        # the control report counts it, on time and rated, beside the petitions' report
        want = client.sql("SELECT count(*), total(rating IS NOT NULL) FROM cases WHERE unit = 'social' "
                          "AND received_on LIKE '2026-09%'")[0]
        page = head.get("/staff/reports/cases?month=2026-09")
        assert page.status == 200 and ui("case_report_title") in page.text
        assert re.search(r"社會課</th><td class=\"num\">%d<" % want[0], page.text), "the social row counts %d" % want[0]
        csv = head.get("/staff/reports/cases.csv?month=2026-09")
        assert csv.status == 200 and csv.header("Content-Type").startswith("text/csv")
        assert 'filename="cases-2026-09.csv"' in csv.header("Content-Disposition", "")
        assert csv.body.startswith(b"\xef\xbb\xbf"), "UTF-8 with a BOM"
        social = [l.split(",") for l in csv.body[3:].decode("utf-8").splitlines() if l.startswith("社會課,")]
        assert social and int(social[0][1]) == want[0] and int(social[0][2]) >= 1, social
        assert int(social[0][7]) == int(want[1]) and float(social[0][8]) > 0, social
        assert head.get("/staff/reports/cases?month=2026-13").status == 400
        assert officer.get("/staff/reports/cases").status == 403

        # the clerk's list of the day
        today = counter.get("/staff/queue/today")
        assert today.status == 200 and ui("queue_today_title") in today.text and no in today.text
    finally:
        clock(client, None)


def test_application_extension_refused_and_used_up(client):
    counter, head = staff(client, "counter1"), staff(client, "head1")
    no, _, _ = register(counter, service="emergency-relief", name="林急難")  # 14 working days, extendable by 14
    assert post(head, no, "assign", {"officer": str(user_id(client, "officer1"))}).status == 303, "heads assign too"
    officer = staff(client, "officer1")
    due = case_row(client, no)["due_on"]
    assert post(officer, no, "extension", {"days": "14", "reason": "需調查"}).status == 303
    assert post(head, no, "extension/decide", {"decision": "maybe"}).status == 422
    assert post(head, no, "extension/decide", {"decision": "refused", "note": "請如期辦理"}).status == 303
    row = case_row(client, no)
    assert row["due_on"] == due and row["ext_days"] == 0, "a refusal keeps the due date"
    assert ui("pext_refused") in officer.get("/staff/cases/" + no).text
    # a refusal uses nothing up; an approval of all that is allowed does
    assert post(officer, no, "extension", {"days": "14", "reason": "需調查"}).status == 303
    assert post(staff(client, "secretary1"), no, "extension/decide", {"decision": "approved"}).status == 303
    assert case_row(client, no)["ext_days"] == 14 and case_row(client, no)["due_on"] > due
    r = post(officer, no, "extension", {"days": "1", "reason": "再延"})
    assert r.status == 409 and ui("err_case_ext_none") in r.text, r.status
    decisions = client.sql("SELECT x.decision, x.days FROM case_extensions x JOIN cases c ON c.id = x.case_id "
                           "WHERE c.case_no = ? ORDER BY x.id", no)
    assert decisions == [("refused", 14), ("approved", 14)], decisions
    en = officer.get("/en/staff/queue/mine")
    assert en.status == 200 and ui("queue_mine_title", "en") in en.text and no in en.text
    # a service that allows none offers none (經建課's zoning certificate)
    other, _, _ = register(counter, service="zoning-certificate", name="林不展")
    page = counter.get("/staff/cases/" + other)
    assert page.status == 200 and 'name="days"' not in page.text and ui("pet_extensions") not in page.text

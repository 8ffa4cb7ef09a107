"""Office rules on staff pages (privacy-and-correctness issue, items 22 and
23): rejecting, withdrawing and closing a case, and closing a petition with
an outcome, go through a confirmation step that records a required reason;
a refusal by a business rule (409) is a guidance page, not "something went
wrong"; and staff pages show stored UTC times as Taipei office time."""

import re

from run import assert_security_headers, hidden_input, strip_tags, ui
from test_cases import clock, login, register
from test_petitions import csrf, routed_to_officer, staff, submit_web


def check_response(r):
    assert_security_headers(r)


def case_state(client, no):
    return client.sql("SELECT state FROM cases WHERE case_no = ?", no)[0][0]


def case_events(client, no):
    return client.sql("SELECT e.to_state, e.note FROM case_events e JOIN cases c ON c.id = e.case_id "
                      "WHERE c.case_no = ? ORDER BY e.id", no)


def move(client, no, to, lang="", **extra):
    return client.post("%s/staff/cases/%s/move" % (lang, no), dict({"csrf": csrf(client), "to": to}, **extra))


def history(page):
    """The rows of the history table, as lists of cell texts."""
    m = re.search(r'<h2 id="history">.*?<tbody>(.*?)</tbody>', page.text, re.S)
    assert m, "the page has no history table"
    return [[" ".join(strip_tags(c).split()) for c in re.findall(r"<td>(.*?)</td>", tr, re.S)]
            for tr in re.findall(r"<tr>(.*?)</tr>", m.group(1), re.S)]


def assert_confirm_page(page, status, lang="zh"):
    assert page.status == status, "confirmation step answered %d: %s" % (page.status, strip_tags(page.text)[:300])
    assert 'name="confirm"' in page.text and 'name="reason"' in page.text, "no confirm form"
    assert '<label for="reason">%s</label>' % ui("confirm_reason", lang) in page.text, "the reason has a label"
    assert re.search(r'<textarea id="reason"[^>]*required', page.text), "the reason is required"
    assert ui("confirm_do", lang) in page.text


def assert_reason_error(page, lang="zh"):
    assert_confirm_page(page, 422, lang)
    assert ui("err_reason_required", lang) in page.text, "the field error is shown"
    tag = re.search(r"<textarea id=\"reason\"[^>]*>", page.text).group(0)
    assert 'aria-invalid="true"' in tag and "reason-err" in tag, "the error is tied to the field: %s" % tag
    assert 'id="reason-err"' in page.text


# ---- item 22: cases ---------------------------------------------------------


def test_case_reject_and_close_need_a_reason(client):
    login(client, "counter1")
    no, _, _ = register(client)
    assert move(client, no, "review").status == 303, "review needs no reason"

    first = move(client, no, "rejected")
    assert_confirm_page(first, 200)
    assert no in first.text and ui("move_rejected") in first.text and ui("state_review") in first.text
    assert hidden_input(first, "to") == "rejected"
    assert case_state(client, no) == "review", "the first step writes nothing"

    for blank in ("", "  \n "):
        r = move(client, no, "rejected", confirm="1", reason=blank)
        assert_reason_error(r)
    r = move(client, no, "rejected", confirm="1")
    assert_reason_error(r)
    assert case_state(client, no) == "review"
    assert [s for s, _ in case_events(client, no)] == ["received", "review"], "nothing written"

    r = move(client, no, "rejected", confirm="1", reason="土地使用分區證明申請書未簽章")
    assert r.status == 303, "with a reason: %d %s" % (r.status, strip_tags(r.text)[:300])
    assert case_state(client, no) == "rejected"
    page = client.get("/staff/cases/" + no)
    rows = history(page)
    assert rows[-1][1] == ui("state_rejected") and rows[-1][3] == "土地使用分區證明申請書未簽章", rows

    # closing (English pages too): no reason, 422 in English; a reason, done
    r = move(client, no, "closed", lang="/en", confirm="1", reason="")
    assert_reason_error(r, "en")
    assert case_state(client, no) == "rejected"
    r = move(client, no, "closed", lang="/en", confirm="1", reason="Applicant informed by phone")
    assert r.status == 303
    assert case_state(client, no) == "closed"
    rows = history(client.get("/en/staff/cases/" + no))
    assert rows[-1][1] == ui("state_closed", "en") and rows[-1][3] == "Applicant informed by phone", rows


def test_case_withdraw_needs_a_reason(client):
    login(client, "counter1")
    no, _, _ = register(client)
    page = client.get("/staff/cases/" + no)
    assert ui("move_withdrawn") in page.text
    r = move(client, no, "withdrawn", confirm="1", reason="")
    assert_reason_error(r)
    assert case_state(client, no) == "received"
    r = move(client, no, "withdrawn", confirm="1", reason="申請人來電撤回")
    assert r.status == 303
    assert case_state(client, no) == "withdrawn"
    assert case_events(client, no)[-1] == ("withdrawn", "申請人來電撤回")
    assert "申請人來電撤回" in history(client.get("/staff/cases/" + no))[-1]


def test_case_conflict_is_guidance(client):
    login(client, "counter1")
    no, _, _ = register(client)
    assert move(client, no, "review").status == 303
    for lang, code in (("", "zh"), ("/en", "en")):
        r = move(client, no, "closed", lang=lang, confirm="1", reason="x")
        assert r.status == 409, r.status
        text = strip_tags(r.text)
        assert ui("http_500", code) not in text, "a refusal is not a system error"
        assert ui("err_bad_move", code) in text and ui("conflict_next", code) in text, text[:400]
        assert ui("state_review", code) in text, "the page says where the case is now"
        assert 'href="%s/staff/cases/%s"' % (lang, no) in r.text, "a link back to the case"
    assert case_state(client, no) == "review"


# ---- item 22: petitions -----------------------------------------------------


def close(client, no, lang="", **data):
    return client.post("%s/staff/petitions/%s/close" % (lang, no), dict(data, csrf=csrf(client)))


def test_petition_close_needs_a_reason(client):
    no, _, _ = submit_web(client.fresh())
    routed_to_officer(client, no)
    officer = staff(client, "officer1")
    reply = {"outcome": "replied", "reply": "已通報維修廠商。"}

    first = close(officer, no, **reply)
    assert_confirm_page(first, 200)
    assert "已通報維修廠商。" in first.text, "the step shows the outcome as given"
    assert hidden_input(first, "reply") == "已通報維修廠商。" and hidden_input(first, "outcome") == "replied"
    r = close(officer, no, confirm="1", reason=" ", **reply)
    assert_reason_error(r)
    state = client.sql("SELECT state FROM petitions WHERE petition_no = ?", no)[0][0]
    assert state == "assigned", "nothing written: %s" % state

    r = close(officer, no, confirm="1", reason="廠商已確認排程", **reply)
    assert r.status == 303, "with a reason: %d %s" % (r.status, strip_tags(r.text)[:300])
    assert client.sql("SELECT state FROM petitions WHERE petition_no = ?", no)[0][0] == "replied"
    rows = history(officer.get("/staff/petitions/" + no))
    assert rows[-1][1] == ui("pact_replied") and "廠商已確認排程" in rows[-1][4], rows

    # a second outcome on a closed petition: guidance in both languages
    for lang, code in (("", "zh"), ("/en", "en")):
        r = close(officer, no, lang=lang, confirm="1", reason="again", **reply)
        assert r.status == 409, r.status
        text = strip_tags(r.text)
        assert ui("http_500", code) not in text and ui("conflict_next", code) in text, text[:400]
        assert ui("pstate_replied", code) in text, "the current state is shown"
        assert 'href="%s/staff/petitions/%s"' % (lang, no) in r.text
    # every other 409 of a business rule gets the same guidance (routing a closed petition)
    secretary = staff(client, "secretary1")
    r = secretary.post("/staff/petitions/%s/route" % no, {"csrf": csrf(secretary), "unit": "social"})
    assert r.status == 409, r.status
    text = strip_tags(r.text)
    assert ui("http_500") not in text and ui("err_pet_conflict") in text and ui("conflict_next") in text, text[:400]
    assert 'href="/staff/petitions/%s"' % no in r.text


# ---- item 23: times in Asia/Taipei ------------------------------------------


def test_staff_times_in_taipei(client):
    try:
        clock(client, "2026-03-02T17:30:00Z")  # 01:30 on 3 March in Taipei
        login(client, "counter1")
        no, _, _ = register(client)
        assert client.sql("SELECT substr(at, 1, 16) FROM case_events e JOIN cases c ON c.id = e.case_id "
                          "WHERE c.case_no = ?", no) == [("2026-03-02T17:30",)], "stored in UTC"
        zh = history(client.get("/staff/cases/" + no))
        assert zh[0][0] == "115年3月3日 01:30", zh
        en = history(client.get("/en/staff/cases/" + no))
        assert en[0][0] == "3 Mar 2026 01:30", en

        pno, _, _ = submit_web(client.fresh())
        page = staff(client, "secretary1").get("/staff/petitions/" + pno)
        assert history(page)[0][0] == "115年3月3日 01:30", history(page)
        assert "2026-03-02T17:30" not in page.text, "no raw UTC timestamp on the page"
    finally:
        clock(client, None)

"""Appointments for mediation and free legal advice (issue 18), end to end
over HTTP: the Wednesday slots the migration sets, booking with a
confirmation and a cancel code, twenty visitors booking one slot at once
(exactly one wins), a day the office calendar closes offers no slots, the
desk's day list (masked for the counter, in full for 民政課, logged),
blocking a slot, recurring rules, and the permissions; plus the lobby
display."""

import concurrent.futures
import datetime
import re

from run import hidden_input, strip_tags, ui
from test_events import login


def setup(client):
    client.admin("user", "add", "--user", "civil1", "--role", "officer", "--unit", "civil", "--name", "民政承辦",
                 input="demo-password\ndemo-password\n", check=True)


def slots(page):
    return re.findall(r'name="slot" value="([a-z]+\.\d{4}-\d{2}-\d{2}\.\d{4})"', page.text)


def book(client, slot, name="陳調解", phone="0912345678", subject="鄰地界線", **extra):
    page = client.get("/appointments")
    data = {"csrf": hidden_input(page, "csrf"), "once": hidden_input(page, "once"), "slot": slot, "name": name,
            "phone": phone, "subject": subject}
    data.update(extra)
    return client.post("/appointments", data)


def test_appointment_book_and_cancel(client):
    visitor = client.fresh()
    page = visitor.get("/appointments")
    assert page.status == 200, page.status
    free = slots(page)
    assert free, "no Wednesday slots offered in the next four weeks"
    assert all(datetime.date.fromisoformat(s.split(".")[1]).weekday() == 2 for s in free), "a slot not on a Wednesday"
    r = book(visitor, free[0], email="chen@example.com")
    assert r.status == 303, "booking answered %d: %s" % (r.status, strip_tags(r.text)[:300])
    receipt = visitor.follow(r)
    assert ui("bk_confirmed") in receipt.text and "鄰地界線" in receipt.text
    code = re.search(r'class="big code">([A-Z0-9]{10})<', receipt.text).group(1)
    assert free[0] not in slots(client.fresh().get("/appointments")), "a booked slot is still offered"
    page = visitor.get("/appointments/cancel")
    r = visitor.post("/appointments/cancel", {"csrf": hidden_input(page, "csrf"), "code": code})
    assert r.status == 303 and ui("bk_cancel_done") in visitor.follow(r).text
    assert free[0] in slots(client.fresh().get("/appointments")), "a cancelled slot is not offered again"


def test_appointment_errors(client):
    visitor = client.fresh()
    free = slots(visitor.get("/appointments"))
    r = book(visitor, "", name="", phone="1", subject="")
    assert r.status == 422 and 'role="alert"' in r.text, r.status
    for key in ("bk_err_slot", "err_required", "err_phone"):
        assert ui(key) in r.text, key
    # a slot the rules do not make: not on the grid, a Tuesday, a past day
    day = free[0].split(".")[1]
    for bad in ("mediation.%s.0915" % day, "legal.2020-01-01.0900", "court.%s.0900" % day):
        r = book(visitor, bad)
        assert r.status in (409, 422) and ui("bk_err_slot") in r.text, (bad, r.status)
    assert client.sql("SELECT count(*) FROM bookings WHERE name = '陳調解' AND state = 'booked'") == [(0,)]


def test_appointment_one_slot_parallel(client):
    """Twenty visitors book the same slot at once: exactly one wins."""
    free = slots(client.fresh().get("/appointments"))
    slot = free[-1]
    visitors = []
    for i in range(20):
        v = client.fresh()
        page = v.get("/appointments")
        visitors.append((v, hidden_input(page, "csrf"), hidden_input(page, "once"), i))

    def go(item):
        v, token, once, i = item
        return v.post("/appointments", {"csrf": token, "once": once, "slot": slot, "name": "搶%d" % i,
                                        "phone": "0912%06d" % i, "subject": "同時預約"}, timeout=60).status

    with concurrent.futures.ThreadPoolExecutor(max_workers=20) as pool:
        answers = list(pool.map(go, visitors))
    assert answers.count(303) == 1 and answers.count(409) == 19, "answers: %s" % answers
    kind, day, hhmm = slot.split(".")
    start = int(hhmm[:2]) * 60 + int(hhmm[2:])
    assert client.sql("SELECT count(*) FROM bookings WHERE kind = ? AND day = ? AND start_min = ? AND state = 'booked'",
                      kind, day, start) == [(1,)]


def test_appointment_closed_day(client):
    free = slots(client.fresh().get("/appointments"))
    day = free[0].split(".")[1]
    admin = client.fresh()
    login(admin, "admin1")
    page = admin.get("/staff/admin/calendar")
    r = admin.post("/staff/admin/calendar", {"csrf": hidden_input(page, "csrf"), "day": day, "reason": "颱風停班"})
    assert r.status == 303, r.status
    after = slots(client.fresh().get("/appointments"))
    assert after and not any(s.split(".")[1] == day for s in after), "a closed day still offers slots"
    r = book(client.fresh(), free[0])
    assert r.status == 409 and ui("bk_err_slot") in r.text


def test_appointment_desk(client):
    free = slots(client.fresh().get("/appointments"))
    slot = free[1]
    day = slot.split(".")[1]
    assert book(client.fresh(), slot, name="林律諮", phone="0977123456", subject="車禍賠償").status == 303
    counter = client.fresh()
    login(counter, "counter1")
    masked = counter.get("/staff/appointments?day=%s" % day)
    assert masked.status == 200 and "林○諮" in masked.text and "0977123456" not in masked.text, "counter: masked"
    assert "車禍賠償" not in masked.text
    civil = client.fresh()
    login(civil, "civil1")
    full = civil.get("/staff/appointments?day=%s" % day)
    assert "林律諮" in full.text and "0977123456" in full.text and "車禍賠償" in full.text, "the desk sees it in full"
    assert client.sql("SELECT count(*) FROM audit WHERE action = 'bookings_view' AND object = ?",
                      "bookings:%s" % day)[0][0] >= 1
    # block the next free slot: it is no longer offered
    other = [s for s in slots(client.fresh().get("/appointments")) if s.split(".")[1] == day][0]
    r = civil.post("/staff/appointments/block", {"csrf": hidden_input(full, "csrf"), "slot": other, "reason": "委員請假"})
    assert r.status == 303, r.status
    assert other not in slots(client.fresh().get("/appointments"))
    # a Friday afternoon rule adds slots; removing it takes them away
    r = civil.post("/staff/appointments/rules", {"csrf": hidden_input(full, "csrf"), "kind": "legal", "weekday": "5",
                                                "start": "14:00", "end": "15:00", "length": "20", "from": day})
    assert r.status == 303, r.status
    fridays = [s for s in slots(client.fresh().get("/appointments"))
               if datetime.date.fromisoformat(s.split(".")[1]).weekday() == 4]
    assert fridays and all(s.startswith("legal.") for s in fridays) and fridays[0].endswith(".1400"), fridays[:3]
    rid = client.sql("SELECT max(id) FROM slot_rules")[0][0]
    r = civil.post("/staff/appointments/rules/%d/delete" % rid, {"csrf": hidden_input(full, "csrf")})
    assert r.status == 303
    bad = civil.post("/staff/appointments/rules", {"csrf": hidden_input(full, "csrf"), "kind": "legal", "weekday": "5",
                                                  "start": "15:00", "end": "14:00", "length": "20", "from": day})
    assert bad.status == 422 and ui("bk_err_rule") in bad.text
    # 社會課 runs no desk; the hotline sees nothing
    officer = client.fresh()
    login(officer, "officer1")
    assert officer.get("/staff/appointments").status == 403
    hotline = client.fresh()
    login(hotline, "hotline1")
    assert hotline.get("/staff/appointments").status == 403
    assert counter.post("/staff/appointments/block", {"csrf": hidden_input(masked, "csrf"), "slot": other,
                                                      "reason": "x"}).status == 403


def test_display(client):
    r = client.get("/display")
    assert r.status == 200, r.status
    setting = dict(client.sql("SELECT key, value FROM settings WHERE key IN ('office_name_zh', 'office_name_en', "
                              "'hours_zh')"))
    assert setting["office_name_zh"] in r.text and 'id="display-clock"' in r.text and setting["hours_zh"] in r.text
    assert '<script src="/static/js/display.js"' in r.text and "data-refresh=" in r.text
    assert client.get("/static/js/display.js").status == 200
    en = client.get("/en/display")
    assert setting["office_name_en"] in en.text and 'lang="en"' in en.text

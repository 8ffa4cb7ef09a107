"""Events with online sign-up (issue 18), end to end over HTTP: publishing,
the sign-up form and its errors, 200 sign-ups at once for 50 places
(exactly 50 confirmed, the rest waiting), cancelling with the code and the
waiting list moving up, staff lists masked or in full, attendance, the
formula-safe CSV, closing, the /events list, the .ics feed read by a real
iCalendar parser, and the scheduler deleting sign-ups' personal data after
the retention period."""

import concurrent.futures
import datetime
import re
import sys

from run import hidden_input, strip_tags, ui
from test_petitions import scheduler

PASSWORD = "demo-password"


def login(client, user):
    page = client.get("/staff/login")
    r = client.post("/staff/login", {"csrf": hidden_input(page, "csrf"), "username": user, "password": PASSWORD})
    assert r.status == 303, "sign-in as %s answered %d" % (user, r.status)


def office(delta_hours=0.0):
    """Office wall-clock time (UTC+8) delta_hours from now, as the form takes it."""
    t = datetime.datetime.utcnow() + datetime.timedelta(hours=8 + delta_hours)
    return t.strftime("%Y-%m-%dT%H:%M")


def publish(client, title="番茄節導覽", capacity=50, **extra):
    """Publishes an event as the signed-in user; returns its id."""
    page = client.get("/staff/events/new")
    assert page.status == 200, "new-event form: %d" % page.status
    data = {"csrf": hidden_input(page, "csrf"), "unit": "social", "title_zh": title, "title_en": "Tomato Festival tour",
            "place_zh": "路竹區公所大禮堂", "place_en": "Luzhu District Office hall", "body_zh": "歡迎參加",
            "starts_at": office(24 * 7), "ends_at": office(24 * 7 + 3), "signup_from": office(-1),
            "signup_until": office(24 * 6), "capacity": str(capacity), "waitlist": "1", "ask_phone": "1"}
    data.update(extra)
    r = client.post("/staff/events/new", data)
    assert r.status == 303, "publish answered %d: %s" % (r.status, strip_tags(r.text)[:300])
    return int(re.search(r"/staff/events/(\d+)$", r.header("Location")).group(1))


def sign_up(client, event_id, name="林美華", phone="0933111222", **extra):
    """Signs up as a visitor; returns the receipt page."""
    page = client.get("/events/%d" % event_id)
    assert page.status == 200, "event page: %d" % page.status
    data = {"csrf": hidden_input(page, "csrf"), "once": hidden_input(page, "once"), "name": name, "phone": phone}
    data.update(extra)
    r = client.post("/events/%d/signup" % event_id, data)
    assert r.status == 303, "sign-up answered %d: %s" % (r.status, strip_tags(r.text)[:300])
    return client.follow(r)


def cancel_code(page):
    m = re.search(r'class="big code">([A-Z0-9]{10})<', page.text)
    assert m, "the receipt shows no cancel code"
    return m.group(1)


def states(client, event_id):
    rows = client.sql("SELECT state, count(*) FROM signups WHERE event_id = ? GROUP BY state", event_id)
    return dict(rows)


# ---- publishing and signing up ---------------------------------------------


def test_event_publish_and_sign_up(client):
    login(client, "officer1")
    eid = publish(client, capacity=2)
    visitor = client.fresh()
    listing = visitor.get("/events")
    assert listing.status == 200 and "番茄節導覽" in listing.text, "the event is not listed"
    en = visitor.get("/en/events/%d" % eid)
    assert "Tomato Festival tour" in en.text and 'lang="en"' in en.text, "the English page lacks the English title"
    receipt = sign_up(visitor, eid, email="mei@example.com")
    assert receipt.status == 200, receipt.status
    assert ui("ev_confirmed") in receipt.text, "the receipt does not confirm the place"
    assert ui("ev_mail_queued") in receipt.text, "the receipt does not say the mail is queued"
    cancel_code(receipt)
    # the receipt again on refresh: the same sign-up, never a second one
    again = visitor.get("/events/receipt")
    assert again.status == 200 and cancel_code(again) == cancel_code(receipt)
    assert states(client, eid) == {"confirmed": 1}
    # the queued mail shows on the staff page
    staff = client.get("/staff/events/%d" % eid)
    assert ui("tp_mail_title") in staff.text and "mei@example.com" in staff.text, "queued mail not shown in full"
    assert ui("cmsg_st_pending") in strip_tags(staff.text), "the staff page says it waits for the scheduler"


def test_event_sign_up_errors(client):
    login(client, "officer1")
    eid = publish(client, capacity=5)
    visitor = client.fresh()
    page = visitor.get("/events/%d" % eid)
    r = visitor.post("/events/%d/signup" % eid, {"csrf": hidden_input(page, "csrf"), "once": hidden_input(page, "once"),
                                                 "name": "", "phone": "12", "email": "not-an-address"})
    assert r.status == 422, "bad sign-up answered %d" % r.status
    assert 'role="alert"' in r.text and 'aria-describedby="name-err"' in r.text, "errors not tied to their fields"
    assert ui("err_phone") in r.text and ui("err_email") in r.text
    en = visitor.post("/en/events/%d/signup" % eid, {"csrf": hidden_input(page, "csrf"), "name": "<b>x</b>"})
    assert en.status == 422 and ui("err_required", "en") in en.text and "<b>x</b>" not in en.text
    assert states(client, eid) == {}, "a refused sign-up wrote something"
    # no such event, a hostile id
    assert visitor.get("/events/999999").status == 404
    assert visitor.get("/events/1x").status == 404


def test_event_burst_of_200_for_50_places(client):
    """200 visitors sign up at once for 50 places: exactly 50 get one, 150 wait."""
    login(client, "officer1")
    eid = publish(client, title="番茄節報名", capacity=50)
    visitors = []
    for i in range(200):
        v = client.fresh()
        page = v.get("/events/%d" % eid)
        visitors.append((v, hidden_input(page, "csrf"), hidden_input(page, "once"), i))

    def go(item):
        v, token, once, i = item
        r = v.post("/events/%d/signup" % eid, {"csrf": token, "once": once, "name": "報名者%d" % i,
                                              "phone": "0912%06d" % i}, timeout=60)
        return r.status

    with concurrent.futures.ThreadPoolExecutor(max_workers=32) as pool:
        answers = list(pool.map(go, visitors))
    assert answers.count(303) == 200, "answers: %s" % sorted(set(answers))
    assert states(client, eid) == {"confirmed": 50, "waiting": 150}, states(client, eid)
    taken = client.sql("SELECT sum(people) FROM signups WHERE event_id = ? AND state = 'confirmed'", eid)[0][0]
    assert taken == 50, "places taken: %s" % taken
    page = client.fresh().get("/events/%d" % eid)
    assert ui("ev_join_waitlist") in page.text, "a full event does not offer the waiting list"


def test_event_cancel_moves_the_waiting_list_up(client):
    login(client, "officer1")
    eid = publish(client, capacity=1)
    first, second, third = client.fresh(), client.fresh(), client.fresh()
    code = cancel_code(sign_up(first, eid, name="第一位"))
    waiting = sign_up(second, eid, name="第二位", email="second@example.com")
    assert ui("ev_waiting") in waiting.text, "the second sign-up is not on the waiting list"
    sign_up(third, eid, name="第三位")
    assert states(client, eid) == {"confirmed": 1, "waiting": 2}
    # a wrong code changes nothing
    page = first.get("/events/cancel")
    bad = first.post("/events/cancel", {"csrf": hidden_input(page, "csrf"), "code": "ABCDEFGHJK"})
    assert bad.status == 404 and ui("ev_err_code") in bad.text and 'aria-describedby="code-err"' in bad.text
    r = first.post("/events/cancel", {"csrf": hidden_input(page, "csrf"), "code": code.lower()})
    assert r.status == 303, "cancel answered %d: %s" % (r.status, strip_tags(r.text)[:200])
    assert ui("ev_cancel_done") in first.follow(r).text
    rows = client.sql("SELECT name, state FROM signups WHERE event_id = ? ORDER BY id", eid)
    assert rows == [("第一位", "cancelled"), ("第二位", "confirmed"), ("第三位", "waiting")], rows
    # the one who moved up is told (the citizens' outbox, which the scheduler delivers)
    mails = client.sql("SELECT to_addr, subject, msg FROM citizen_outbox m JOIN signups s ON s.id = m.item_id "
                       "WHERE m.item_kind = 'signup' AND s.event_id = ? ORDER BY m.id", eid)
    assert mails[-1][0] == "second@example.com" and ui("ev_promoted") in mails[-1][1], mails
    assert mails[-1][2] == "promoted", mails
    # cancelling twice
    again = first.post("/events/cancel", {"csrf": hidden_input(page, "csrf"), "code": code})
    assert again.status == 404 and ui("ev_err_cancelled") in again.text


def test_event_not_open(client):
    login(client, "officer1")
    later = publish(client, signup_from=office(24), signup_until=office(48))
    visitor = client.fresh()
    page = visitor.get("/events/%d" % later)
    assert ui("ev_opens") in page.text and 'name="once"' not in page.text, "a form before sign-up opens"
    # posting anyway is refused and writes nothing
    token = hidden_input(visitor.get("/events/cancel"), "csrf")
    r = visitor.post("/events/%d/signup" % later, {"csrf": token, "name": "搶先", "phone": "0912000111"})
    assert r.status == 409, "early sign-up answered %d" % r.status
    assert states(client, later) == {}


# ---- staff pages -----------------------------------------------------------------


def test_event_staff_views(client):
    login(client, "officer1")
    eid = publish(client, capacity=3)
    sign_up(client.fresh(), eid, name="=HYPERLINK(\"http://x\")", phone="0912345678")
    sign_up(client.fresh(), eid, name="王小明", phone="0922333444")
    full = client.get("/staff/events/%d" % eid)
    assert "王小明" in full.text and "0922333444" in full.text, "the unit sees sign-ups in full"
    assert client.sql("SELECT count(*) FROM audit WHERE action = 'event_signups_view' AND object = ?",
                      "event:%d" % eid)[0][0] >= 1, "the full view is not logged"
    csv = client.get("/staff/events/%d/signups.csv" % eid)
    assert csv.status == 200 and csv.header("Content-Type").startswith("text/csv")
    assert "\"'=HYPERLINK(\"\"http://x\"\")\"" in csv.text, "a formula in the CSV is not neutralised: %r" % csv.text[:300]
    admin = client.fresh()
    login(admin, "admin1")
    masked = admin.get("/staff/events/%d" % eid)
    assert masked.status == 200 and "王○明" in masked.text and "0922333444" not in masked.text, "administrators see it masked"
    assert admin.get("/staff/events/%d/signups.csv" % eid).status == 403
    hotline = client.fresh()
    login(hotline, "hotline1")
    page = hotline.get("/staff/events/%d" % eid)
    assert page.status == 200 and "王" not in strip_tags(page.text).split(ui("ev_signups"))[-1], "the hotline sees no sign-ups"
    # attendance: the confirmed ones only
    ids = [r[0] for r in client.sql("SELECT id FROM signups WHERE event_id = ? ORDER BY id", eid)]
    r = client.post("/staff/events/%d/attendance" % eid, [("csrf", hidden_input(full, "csrf")), ("present[]", str(ids[1]))])
    assert r.status == 303, r.status
    assert client.sql("SELECT attended FROM signups WHERE event_id = ? ORDER BY id", eid) == [(0,), (1,)]
    # closing ends sign-up
    r = client.post("/staff/events/%d/close" % eid, {"csrf": hidden_input(full, "csrf")})
    assert r.status == 303
    page = client.fresh().get("/events/%d" % eid)
    assert ui("ev_closed") in page.text and 'name="once"' not in page.text


def test_event_publish_errors(client):
    login(client, "officer1")
    page = client.get("/staff/events/new")
    r = client.post("/staff/events/new", {"csrf": hidden_input(page, "csrf"), "unit": "civil", "starts_at": "tomorrow",
                                          "capacity": "0"})
    assert r.status == 422, r.status
    for key in ("tp_err_unit", "ev_err_time", "err_required"):
        assert ui(key) in r.text, "missing error %s" % key
    assert 'aria-describedby="unit-err"' in r.text
    counter = client.fresh()
    login(counter, "counter1")
    assert counter.get("/staff/events/new").status == 403


# ---- the feed and retention ----------------------------------------------------


def load_icalendar():
    try:
        import icalendar
    except ImportError:
        sys.path.append("/usr/lib/python3/dist-packages")  # Debian's python3-icalendar under another python3
        import icalendar
    return icalendar


def test_events_ics(client):
    login(client, "officer1")
    eid = publish(client, title="分號;逗號,測試", capacity=10)
    r = client.fresh().get("/events.ics")
    assert r.status == 200 and r.header("Content-Type").startswith("text/calendar"), r.status
    assert all(len(line.encode()) <= 75 for line in r.body.decode().split("\r\n")), "a line is not folded"
    cal = load_icalendar().Calendar.from_ical(r.body)
    events = [c for c in cal.walk("VEVENT") if str(c.get("uid")).startswith("event-%d@" % eid)]
    assert len(events) == 1, "the event is not in the feed once"
    ev = events[0]
    assert str(ev.get("summary")) == "分號;逗號,測試", ev.get("summary")
    start = ev.decoded("dtstart")
    row = client.sql("SELECT starts_at FROM events WHERE id = ?", eid)[0][0]
    want = datetime.datetime.strptime(row, "%Y-%m-%dT%H:%M") - datetime.timedelta(hours=8)
    assert start.replace(tzinfo=None) == want and start.utcoffset() == datetime.timedelta(0), (start, want)
    en = load_icalendar().Calendar.from_ical(client.fresh().get("/en/events.ics").body)
    assert any(str(c.get("summary")) == "Tomato Festival tour" for c in en.walk("VEVENT"))


def test_event_retention_deletes_personal_data(client):
    login(client, "officer1")
    eid = publish(client, capacity=5)
    sign_up(client.fresh(), eid, name="保存期限", email="keep@example.com")
    # 100 days after the event (retention 90 days)
    later = (datetime.datetime.utcnow() + datetime.timedelta(days=110)).strftime("%Y-%m-%dT%H:%M:%SZ")
    p = scheduler(client.db, later, "--once")
    _, err = p.communicate(timeout=60)
    assert p.returncode == 0, "scheduler exit %d: %s" % (p.returncode, err)
    rows = client.sql("SELECT name, phone, email, state FROM signups WHERE event_id = ?", eid)
    assert rows == [(None, None, None, "confirmed")], rows
    assert client.sql("SELECT count(*) FROM citizen_outbox m JOIN signups s ON s.id = m.item_id "
                      "WHERE m.item_kind = 'signup' AND s.event_id = ?", eid) == [(0,)], "the address goes too"
    assert client.sql("SELECT purged_at IS NOT NULL FROM events WHERE id = ?", eid) == [(1,)]
    page = client.get("/staff/events/%d" % eid)
    assert ui("ev_purged") in page.text

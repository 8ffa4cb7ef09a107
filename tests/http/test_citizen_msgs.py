"""Messages to citizens (issue 12), end to end: a petition's life (the
receipt with its query code, in English for an English form; the reply
with its text) and an application's (the receipt; the correction notice
with every missing item and its deadline) reach a local SMTP server
(aiosmtpd, real protocol) exactly once, including after the scheduler is
killed with SIGKILL in the middle of an SMTP conversation; the staff pages
show what was sent and whether it went out."""

import email
import email.policy
import re
import signal
import socket
import sqlite3
import subprocess
import threading

import run
from run import assert_security_headers, hidden_input, strip_tags, ui
from test_cases import register
from test_petitions import csrf, post, routed_to_officer, staff, submit_web


def check_response(r):
    assert_security_headers(r)


class Smtp:
    """aiosmtpd on 127.0.0.1 keeping every message; hold=True makes the
    first DATA wait (after it is kept) until release() -- a conversation
    the scheduler can be killed in."""

    def __init__(self, hold=False):
        try:
            from aiosmtpd.controller import Controller
        except ImportError:  # Debian's python3-aiosmtpd, under a Python of another installation
            import sys

            sys.path.append("/usr/lib/python3/dist-packages")
            from aiosmtpd.controller import Controller

        self.messages = []
        self.received = threading.Event()
        self.released = threading.Event()
        if not hold:
            self.released.set()
        sink = self

        class Handler:
            async def handle_DATA(self, server, session, envelope):
                import asyncio

                msg = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
                sink.messages.append((list(envelope.rcpt_tos), str(msg["Subject"]), msg.get_content()))
                sink.received.set()
                while not sink.released.is_set():
                    await asyncio.sleep(0.05)
                return "250 OK"

        s = socket.socket()
        s.bind(("127.0.0.1", 0))
        self.port = s.getsockname()[1]
        s.close()
        self.controller = Controller(Handler(), hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def to(self, addr):
        return [(subj, body) for rcpt, subj, body in self.messages if addr in rcpt]

    def release(self):
        self.released.set()

    def close(self):
        self.released.set()
        self.controller.stop()


_marks = {}


def mark(db):
    """Remembers the last flag, notification and staff mail before this test's
    scheduler passes, which run at the real date on the shared database."""
    if db not in _marks:
        con = sqlite3.connect(db, timeout=10)
        _marks[db] = [con.execute("SELECT coalesce(max(id), 0) FROM %s" % t).fetchone()[0]
                      for t in ("flags", "notifications", "outbox")]
        con.close()


def forget(db):
    """Removes what those passes raised (FAQ and notice-sheet reminders at
    today's date), so the modules after this one find the dashboards as
    they would without it: only the citizens' messages were this test's."""
    if db not in _marks:
        return
    f, n, o = _marks.pop(db)
    con = sqlite3.connect(db, timeout=10)
    with con:
        con.execute("DELETE FROM outbox WHERE id > ?", (o,))
        con.execute("DELETE FROM notifications WHERE id > ?", (n,))
        con.execute("DELETE FROM flags WHERE id > ?", (f,))
    con.close()


def settings(db, port):
    """Points the database's SMTP settings at port (None: no SMTP, and
    forget what the passes raised)."""
    if port:
        mark(db)
    else:
        forget(db)
    con = sqlite3.connect(db, timeout=10)
    with con:
        if port:
            con.execute("INSERT OR REPLACE INTO settings (key, value) VALUES ('smtp_url', ?), "
                        "('smtp_from', 'bianmin@example.org')", ("smtp://127.0.0.1:%d" % port,))
        else:
            con.execute("DELETE FROM settings WHERE key IN ('smtp_url', 'smtp_from')")
    con.close()


def scheduler(db, **kw):
    return subprocess.Popen([run.BIN, "scheduler", "--db", db, "--once"], cwd=run.ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, **kw)


def pass_once(db):
    p = scheduler(db)
    _, err = p.communicate(timeout=120)
    assert p.returncode == 0, "scheduler exit %d: %s" % (p.returncode, err)
    return err


def rows(client, kind, no):
    table, col = ("petitions", "petition_no") if kind == "petition" else ("cases", "case_no")
    return client.sql("SELECT m.msg, m.channel, m.state, m.attempts FROM citizen_outbox m JOIN %s r ON r.id = m.item_id "
                      "WHERE m.item_kind = ? AND r.%s = ? ORDER BY m.id" % (table, col), kind, no)


def test_citizen_petition_receipt_and_reply_by_email(client):
    addr = "lin.reply@example.org"
    visitor = client.fresh()
    no, code, _ = submit_web(visitor, lang="/en", email=addr)
    assert rows(client, "petition", no) == [("receipt", "email", "pending", 0)], "queued with the petition"
    assert client.sql("SELECT lang FROM petitions WHERE petition_no = ?", no) == [("en",)]
    routed_to_officer(client, no)
    officer = staff(client, "officer1")
    r = post(officer, no, "close", {"outcome": "replied", "reply": "The lamp was repaired on Monday.\nThank you.",
                                    "confirm": "1", "reason": "ok"})
    assert r.status == 303, "reply answered %d: %s" % (r.status, strip_tags(r.text)[:300])
    smtp = Smtp()
    try:
        settings(client.db, smtp.port)
        for _ in range(2):
            pass_once(client.db)
        got = smtp.to(addr)
        assert len(got) == 2, "the receipt and the reply, once each: %s" % [s for s, _ in got]
        (s1, b1), (s2, b2) = got
        assert no in s1 and "received" in s1, s1
        assert code in b1 and "query code" in b1, "the receipt carries the query code: %s" % b1
        assert no in s2 and "The lamp was repaired on Monday." in b2 and "\nThank you." in b2, b2
        assert code not in b2, "the code goes with the receipt alone"
    finally:
        settings(client.db, None)
        smtp.close()
    assert [r[2] for r in rows(client, "petition", no)] == ["sent", "sent"]
    bodies = client.sql("SELECT m.body FROM citizen_outbox m JOIN petitions p ON p.id = m.item_id "
                        "WHERE m.item_kind = 'petition' AND p.petition_no = ?", no)
    assert bodies == [("",), ("",)], "sent: the text (and the query code in it) is not kept"
    page = officer.get("/staff/petitions/" + no)
    assert page.status == 200 and ui("cmsg_title") in page.text
    assert page.text.count(ui("cmsg_st_sent")) == 2, "the page says both went out"
    assert ui("cmsg_kind_receipt") in page.text and ui("cmsg_kind_reply") in page.text
    assert code not in page.text, "staff never see the query code"


def test_citizen_signup_confirmation_by_email(client):
    """A sign-up's confirmation goes through the outbox and reaches the SMTP
    server once, however many passes run; the staff page says it was sent."""
    from test_events import login as events_login, publish, sign_up
    organiser = client.fresh()
    events_login(organiser, "officer1")
    eid = publish(organiser, title="里民健走", capacity=5)
    addr = "walker.signup@example.org"
    receipt = sign_up(client.fresh(), eid, name="健走者", email=addr)
    code = re.search(r'class="big code">([A-Z0-9]{10})<', receipt.text).group(1)
    queued = client.sql("SELECT m.msg, m.state FROM citizen_outbox m JOIN signups s ON s.id = m.item_id "
                        "WHERE m.item_kind = 'signup' AND s.event_id = ?", eid)
    assert queued == [("signup", "pending")], queued
    smtp = Smtp()
    try:
        settings(client.db, smtp.port)
        for _ in range(3):
            pass_once(client.db)
        got = smtp.to(addr)
        assert len(got) == 1, "the confirmation, once: %s" % [s for s, _ in got]
        subject, body = got[0]
        assert ui("ev_confirmed") in subject and "里民健走" in subject, subject
        assert code in body, "the confirmation carries the cancel code"
    finally:
        settings(client.db, None)
        smtp.close()
    page = organiser.get("/staff/events/%d" % eid)
    assert page.status == 200 and ui("cmsg_st_sent") in strip_tags(page.text), "the staff page says it went out"
    assert client.sql("SELECT count(*) FROM sqlite_master WHERE name = 'citizen_mail'") == [(0,)], "gone (029)"


def test_citizen_case_receipt_and_correction_by_email(client):
    addr = "wang.case@example.org"
    counter = client.fresh()
    staff_login = staff(counter, "counter1")
    no, code, _ = register(staff_login, name="王大同", phone="07-696-1234", email=addr)
    assert staff_login.post("/staff/cases/%s/move" % no, {"csrf": csrf(staff_login), "to": "review"}).status == 303
    form = staff_login.get("/staff/cases/%s/notice" % no)
    boxes = re.findall(r'name="item" value="(\d+)"', form.text)
    assert boxes, "the notice form lists the service's items: %s" % strip_tags(form.text)[:300]
    r = staff_login.post("/staff/cases/%s/notice" % no, [("csrf", hidden_input(form, "csrf")), ("item", boxes[0]),
                                                          ("extra", "地籍圖謄本正本")])
    assert r.status == 303, strip_tags(r.text)[:300]
    assert [m[0] for m in rows(client, "case", no)] == ["receipt", "correction"]
    smtp = Smtp()
    try:
        settings(client.db, smtp.port)
        pass_once(client.db)
        pass_once(client.db)
        got = smtp.to(addr)
        assert len(got) == 2, [s for s, _ in got]
        (s1, b1), (s2, b2) = got
        assert no in s1 and code in b1 and "王大同 您好" in b1, b1
        deadline = client.sql("SELECT c.deadline_on FROM corrections c JOIN cases k ON k.id = c.case_id "
                              "WHERE k.case_no = ?", no)[0][0]
        y, m, d = (int(x) for x in deadline.split("-"))
        assert "補正通知" in s2 and "地籍圖謄本正本" in b2 and "1. " in b2 and "2. " in b2, b2
        assert "%d年%d月%d日" % (y - 1911, m, d) in b2, "the deadline in 民國: %s" % b2
    finally:
        settings(client.db, None)
        smtp.close()
    page = staff_login.get("/staff/cases/" + no)
    assert page.text.count(ui("cmsg_st_sent")) == 2 and ui("cmsg_kind_correction") in page.text


def test_citizen_mail_sigkill_sent_once(client):
    """Killed while the SMTP server holds the message: never sent twice."""
    addr = "kill.once@example.org"
    no, code, _ = submit_web(client.fresh(), email=addr)
    smtp = Smtp(hold=True)
    try:
        settings(client.db, smtp.port)
        p = scheduler(client.db, start_new_session=True)
        assert smtp.received.wait(60), "the scheduler never sent the receipt"
        p.send_signal(signal.SIGKILL)
        p.communicate(timeout=30)
        smtp.release()
        assert rows(client, "petition", no) == [("receipt", "email", "sending", 1)]
        err = pass_once(client.db)
        assert "interrupted while sending" in err, err
        pass_once(client.db)
        assert len(smtp.to(addr)) == 1, "sent once: %d" % len(smtp.to(addr))
        assert rows(client, "petition", no)[0][2] == "failed", "marked, not resent"
    finally:
        settings(client.db, None)
        smtp.close()


def test_citizen_mail_killed_before_sending(client):
    """Killed between queueing and sending: the next pass sends it, once."""
    addr = "kill.before@example.org"
    no, _, _ = submit_web(client.fresh(), email=addr)
    mark(client.db)
    p = scheduler(client.db, start_new_session=True)  # no SMTP yet: nothing to send
    p.send_signal(signal.SIGKILL)
    p.communicate(timeout=30)
    smtp = Smtp()
    try:
        settings(client.db, smtp.port)
        pass_once(client.db)
        pass_once(client.db)
        assert len(smtp.to(addr)) == 1
        assert rows(client, "petition", no) == [("receipt", "email", "sent", 1)]
    finally:
        settings(client.db, None)
        smtp.close()


# ---- the reply letter (函復), for people without e-mail ------------------------


def test_citizen_reply_letter(client):
    no, _, _ = submit_web(client.fresh(), name="陳阿土", phone="07-696-5555", address="路竹區中山路 2 號")
    routed_to_officer(client, no)
    officer = staff(client, "officer1")
    letter = "/staff/petitions/%s/letter" % no
    assert officer.get(letter).status == 409, "no letter before the reply"
    r = post(officer, no, "close", {"outcome": "replied", "reply": "已派員清理水溝。\n感謝您的反映。",
                                    "confirm": "1", "reason": "ok"})
    assert r.status == 303, strip_tags(r.text)[:300]
    assert rows(client, "petition", no) == [], "no address, no mobile: nothing queued"
    page = officer.get("/staff/petitions/" + no)
    assert 'href="%s"' % letter in page.text and ui("letter_print") in page.text
    before = client.sql("SELECT count(*) FROM audit WHERE action = 'petition_letter'")[0][0]
    r = officer.get(letter)
    assert r.status == 200, r.status
    text = strip_tags(r.text)
    closed = client.sql("SELECT closed_on FROM petitions WHERE petition_no = ?", no)[0][0]
    y, m, d = (int(x) for x in closed.split("-"))
    office = dict(client.sql("SELECT key, value FROM settings WHERE key IN ('office_name_zh', 'address_zh')"))
    for want in (office["office_name_zh"], office["address_zh"], no, "%d年%d月%d日" % (y - 1911, m, d), "陳阿土",
                 "路竹區中山路 2 號", "路燈不亮", "已派員清理水溝。", "感謝您的反映。", ui("letter_officer")):
        assert want in text, "the letter lacks %r: %s" % (want, text[:600])
    assert 'class="sheet letter"' in r.text and 'data-print' in r.text
    assert client.sql("SELECT count(*) FROM audit WHERE action = 'petition_letter'")[0][0] == before + 1, \
        "the letter names the petitioner: every look is logged"
    en = officer.get("/en" + letter)
    assert en.status == 200 and "Reply to your petition" in en.text
    # the counter clerk of another unit's petition, and the hotline, may not print it
    assert staff(client, "hotline1").get(letter).status == 403


# ---- SMS through the office's HTTP gateway ------------------------------------


class Gateway:
    """A small SMS gateway on 127.0.0.1: keeps each request's query, answers
    status (200, or e.g. 500 to refuse)."""

    def __init__(self, status=200):
        import http.server
        import urllib.parse

        gw = self
        self.requests = []
        self.status = status

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                u = urllib.parse.urlsplit(self.path)
                gw.requests.append((u.path, urllib.parse.parse_qs(u.query)))
                self.send_response(gw.status)
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"ok")

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def to(self, number):
        return [q for _, q in self.requests if q.get("to") == [number]]

    def close(self):
        self.server.shutdown()
        self.server.server_close()


def sms_settings(db, port):
    if port:
        mark(db)
    else:
        forget(db)
    con = sqlite3.connect(db, timeout=10)
    with con:
        if port:
            con.execute("INSERT OR REPLACE INTO settings (key, value) VALUES ('sms_url', ?), ('sms_key', 'k&1')",
                        ("http://127.0.0.1:%d/send?key={key}&to={to}&text={text}" % port,))
        else:
            con.execute("DELETE FROM settings WHERE key IN ('sms_url', 'sms_key')")
    con.close()


def test_citizen_sms_receipt_and_reply(client):
    number = "0955123456"
    no, code, _ = submit_web(client.fresh(), phone="0955-123-456")
    routed_to_officer(client, no)
    officer = staff(client, "officer1")
    r = post(officer, no, "close", {"outcome": "replied", "reply": "已修復。", "confirm": "1", "reason": "ok"})
    assert r.status == 303
    assert [(m, ch) for m, ch, _, _ in rows(client, "petition", no)] == [("receipt", "sms"), ("reply", "sms")]
    gw = Gateway()
    try:
        sms_settings(client.db, gw.port)
        pass_once(client.db)
        pass_once(client.db)
        got = gw.to(number)
        assert len(got) == 2, "the receipt and 'your reply is ready', once each: %s" % got
        assert all(q["key"] == ["k&1"] for q in got), "the key, encoded: %s" % got
        receipt, ready = got[0]["text"][0], got[1]["text"][0]
        assert no in receipt and code in receipt and len(receipt) <= 160, receipt
        assert no in ready and "答復" in ready and "已修復" not in ready and code not in ready, ready
    finally:
        sms_settings(client.db, None)
        gw.close()
    assert [r[2] for r in rows(client, "petition", no)] == ["sent", "sent"]
    page = officer.get("/staff/petitions/" + no)
    assert page.text.count(ui("cmsg_ch_sms")) == 2 and page.text.count(ui("cmsg_st_sent")) == 2
    assert code not in page.text


def test_citizen_sms_gateway_refusal_retried(client):
    no, _, _ = submit_web(client.fresh(), phone="0955-777-888")
    gw = Gateway(status=500)
    try:
        sms_settings(client.db, gw.port)
        err = pass_once(client.db)
        assert "answered 500" in err and "k&1" not in err and "k%261" not in err, "no key in the log: %s" % err
        assert "0955" not in err, "no phone number in the log: %s" % err
        assert len(gw.to("0955777888")) == 1
        assert [r[2:] for r in rows(client, "petition", no)] == [("pending", 1)], "tried again later"
        pass_once(client.db)
        assert len(gw.to("0955777888")) == 1, "not before its time"
    finally:
        sms_settings(client.db, None)
        gw.close()


# ---- the progress stepper on the citizen's status page --------------------------


def stepper(page):
    """[(label, status)] of the stepper, and the current step's label."""
    steps = re.findall(r'<li class="step step-(\w+)"( aria-current="step")?><span class="step-label">([^<]*)</span>',
                       page.text)
    return [(label, status) for status, _, label in steps], [label for _, cur, label in steps if cur]


def test_citizen_status_stepper(client):
    visitor = client.fresh()
    no, code, _ = submit_web(visitor, phone="07-696-1111")
    page = visitor.post("/status", {"no": no, "code": code})
    steps, current = stepper(page)
    assert steps == [(ui("step_received"), "current"), (ui("step_review"), "todo"), (ui("step_closed"), "todo")], steps
    assert current == [ui("step_received")] and ui("step_hint_received") in page.text
    assert ui("step_expected") in page.text, "the expected date while it is open"
    routed_to_officer(client, no)
    steps, current = stepper(visitor.post("/status", {"no": no, "code": code}))
    assert current == [ui("step_review")] and steps[0][1] == "done", steps
    officer = staff(client, "officer1")
    assert post(officer, no, "close", {"outcome": "replied", "reply": "好了。", "confirm": "1",
                                       "reason": "ok"}).status == 303
    page = visitor.post("/en/status", {"no": no, "code": code})
    steps, current = stepper(page)
    assert current == [ui("step_closed", "en")] and all(s == "done" for _, s in steps[:-1]), steps
    assert ui("step_expected", "en") not in page.text, "no expected date once it is closed"


def test_citizen_case_stepper_waiting_for_you(client):
    counter = staff(client, "counter1")
    no, code, _ = register(counter, name="李等待", phone="07-696-2222")
    assert counter.post("/staff/cases/%s/move" % no, {"csrf": csrf(counter), "to": "review"}).status == 303
    steps, _ = stepper(client.fresh().post("/status", {"no": no, "code": code}))
    assert ui("step_waiting") not in [l for l, _ in steps], "no waiting step before anything is asked: %s" % steps
    form = counter.get("/staff/cases/%s/notice" % no)
    box = re.findall(r'name="item" value="(\d+)"', form.text)[0]
    assert counter.post("/staff/cases/%s/notice" % no, {"csrf": hidden_input(form, "csrf"), "item": box}).status == 303
    page = client.fresh().post("/status", {"no": no, "code": code})
    steps, current = stepper(page)
    assert current == [ui("step_waiting")], steps
    assert [l for l, _ in steps] == [ui(k) for k in ("step_received", "step_review", "step_waiting", "step_decided",
                                                     "step_closed")]
    assert ui("step_hint_waiting") in page.text and ui("step_expected") not in page.text, \
        "the clock is stopped while we wait: no expected date"

"""Staff accounts and the counter (issue 3), end to end over HTTP:
sign-in, sessions, CSRF, throttling, registering cases, receipts, the
per-case one-time notice, the clock stopping and restarting, deadlines over
the Lunar New Year 2026 closure and the 2025-02-08 make-up Saturday, the
citizen's status lookup, finding cases, and the permission matrix."""

import os
import re

from run import hidden_input, strip_tags

PASSWORD = "demo-password"
ROLES = ["counter", "hotline", "officer", "head", "admin", "village"]
USERS = {"counter": "counter1", "hotline": "hotline1", "officer": "officer1", "head": "head1", "admin": "admin1",
         "village": "village1"}


# ---- helpers ---------------------------------------------------------------


def login(client, user, password=PASSWORD):
    page = client.get("/staff/login")
    assert page.status == 200, page
    r = client.post("/staff/login", {"csrf": hidden_input(page, "csrf"), "username": user, "password": password})
    assert r.status == 303, "sign-in as %s answered %d: %s" % (user, r.status, strip_tags(r.text)[:200])
    return r


def csrf(client, path="/staff"):
    page = client.get(path)
    token = hidden_input(page, "csrf")
    assert token, "no CSRF token on %s (%d)" % (path, page.status)
    return token


def register(client, service="zoning-certificate", name="王小明", phone="0912-345-678", **extra):
    data = {"csrf": csrf(client, "/staff/cases/new"), "service": service, "name": name, "phone": phone,
            "channel": "counter"}
    data.update(extra)
    r = client.follow(client.post("/staff/cases/new", data))
    assert r.status == 200, "register answered %d: %s" % (r.status, strip_tags(r.text)[:300])
    no = re.search(r'class="big">(A\d{7}-\d{4})<', r.text)
    code = re.search(r'class="big code">([A-Z0-9]{10})<', r.text)
    assert no and code, "receipt lacks the case number or the query code"
    return no.group(1), code.group(1), r


def clock(client, iso):
    """Restarts the front end with its clock set to iso (BIANMIN_NOW)."""
    client.restart_env({"BIANMIN_NOW": iso} if iso else {})


def lookup(client, no, code):
    return client.post("/status", {"no": no, "code": code})


def dd(page, label):
    """The <dd> text after the <dt> with this label."""
    m = re.search(r"<dt>%s</dt><dd[^>]*>(.*?)</dd>" % re.escape(label), page.text, re.S)
    return strip_tags(m.group(1)).strip() if m else None


# ---- sign-in, sessions, CSRF, throttling ----------------------------------


def test_login_logout(client):
    page = client.get("/staff/login")
    bad = client.post("/staff/login", {"csrf": hidden_input(page, "csrf"), "username": "counter1",
                                       "password": "wrong-password"})
    assert bad.status == 403 and "帳號或密碼不正確" in bad.text
    assert "bm_sid" not in client.cookies
    r = login(client, "counter1")
    assert r.header("Location").endswith("/staff")
    attrs = client.cookie_attrs["bm_sid"]
    assert "HttpOnly" in attrs and "SameSite=Lax" in attrs, attrs
    first = client.cookies["bm_sid"]
    home = client.get("/staff")
    assert home.status == 200 and "林櫃台" in home.text
    assert "no-store" in home.header("Cache-Control", "")
    # signing in again gives a new session id and ends the old one
    login(client, "counter1")
    assert client.cookies["bm_sid"] != first
    stale = client.fresh()
    stale.cookies["bm_sid"] = first
    assert stale.get("/staff").status == 303
    token = csrf(client)
    out = client.post("/staff/logout", {"csrf": token})
    assert out.status == 303 and "bm_sid" not in client.cookies
    old = client.fresh()
    old.cookies["bm_sid"] = first
    assert client.get("/staff").status == 303
    audit = client.sql("SELECT action FROM audit WHERE username = 'counter1' OR object = 'user:counter1'")
    actions = {a for (a,) in audit}
    assert {"login", "login_failed", "logout"} <= actions, actions


def test_csrf_rejected(client):
    login(client, "counter1")
    before = client.sql("SELECT count(*) FROM cases")[0][0]
    form = {"service": "zoning-certificate", "name": "陳大文", "phone": "0911222333", "channel": "counter"}
    assert client.post("/staff/cases/new", form).status == 403
    assert client.post("/staff/cases/new", dict(form, csrf="0" * 32)).status == 403
    # a token from another session does not work either
    other = client.fresh()
    login(other, "officer1")
    assert client.post("/staff/cases/new", dict(form, csrf=csrf(other))).status == 403
    assert client.sql("SELECT count(*) FROM cases")[0][0] == before


def test_login_throttle(client):
    user = "throttle_" + client.front
    client.admin("user", "add", "--user", user, "--role", "counter", input="right-password-1\n", check=True)
    for _ in range(5):
        page = client.get("/staff/login")
        r = client.post("/staff/login", {"csrf": hidden_input(page, "csrf"), "username": user, "password": "nope"})
        assert r.status == 403
    page = client.get("/staff/login")
    r = client.post("/staff/login", {"csrf": hidden_input(page, "csrf"), "username": user,
                                     "password": "right-password-1"})
    assert r.status == 429, r.status
    assert re.search(r"請於 \d+ 分鐘後再試", r.text), strip_tags(r.text)[:300]
    assert r.header("Retry-After")
    # another account from another address is not locked by this one
    assert client.sql("SELECT count(*) FROM audit WHERE action = 'login_failed' AND object = ?", "user:" + user)[0][0] == 5


def test_session_idle_timeout(client):
    try:
        clock(client, "2026-03-02T09:00:00+08:00")
        login(client, "counter1")
        assert client.get("/staff").status == 200
        clock(client, "2026-03-02T09:31:00+08:00")
        r = client.get("/staff")
        assert r.status == 303 and "/staff/login" in r.header("Location")
    finally:
        clock(client, None)


# ---- the counter -------------------------------------------------------------


def test_register_validation(client):
    login(client, "counter1")
    before = client.sql("SELECT count(*) FROM cases")[0][0]
    data = {"csrf": csrf(client, "/staff/cases/new"), "service": "zoning-certificate", "name": "林美麗",
            "phone": "12", "natid": "A123456788", "channel": "counter"}
    r = client.post("/staff/cases/new", data)
    assert r.status == 422
    assert re.search(r'id="natid"[^>]*aria-invalid="true"[^>]*aria-describedby="natid-err"', r.text)
    assert 'id="phone-err"' in r.text
    assert "林美麗" in r.text  # what was typed is kept
    assert client.sql("SELECT count(*) FROM cases")[0][0] == before
    r = client.follow(client.post("/staff/cases/new", dict(data, phone="07-6962019", natid="a123456789")))
    assert r.status == 200
    assert client.sql("SELECT applicant_natid FROM cases ORDER BY id DESC LIMIT 1")[0][0] == "A123456789"


def test_due_date_over_lunar_new_year(client):
    try:
        clock(client, "2026-02-13T10:00:00+08:00")
        login(client, "counter1")
        no, code, receipt = register(client)
        assert no.startswith("A1150213-")
        # 3 working days after Fri 13 Feb: the office is closed 14-22 Feb
        assert client.sql("SELECT due_on FROM cases WHERE case_no = ?", no)[0][0] == "2026-02-25"
        assert "115年2月25日" in receipt.text
        assert "115年2月13日" in receipt.text
    finally:
        clock(client, None)


def test_due_date_over_makeup_saturday(client):
    try:
        clock(client, "2025-02-06T10:00:00+08:00")
        login(client, "counter1")
        no, _, _ = register(client, name="李四")
        # Thu 6 Feb + 3 working days: Fri 7, Sat 8 (make-up workday), Mon 10
        assert client.sql("SELECT due_on FROM cases WHERE case_no = ?", no)[0][0] == "2025-02-10"
    finally:
        clock(client, None)


def test_immediate_service_closes_at_once(client):
    login(client, "counter1")
    no, code, receipt = register(client, service="low-income-cert", name="張三")
    assert "現場立即取件" in receipt.text
    assert client.sql("SELECT state FROM cases WHERE case_no = ?", no)[0][0] == "closed"
    states = [s for (s,) in client.sql(
        "SELECT to_state FROM case_events e JOIN cases c ON c.id = e.case_id WHERE c.case_no = ? ORDER BY e.id", no)]
    assert states == ["received", "closed"]


def test_case_flow_with_correction_notice(client):
    try:
        clock(client, "2026-02-10T09:00:00+08:00")
        login(client, "counter1")
        no, code, receipt = register(client, service="zoning-certificate", name="王小明", phone="0912-345-678")
        assert client.sql("SELECT due_on FROM cases WHERE case_no = ?", no)[0][0] == "2026-02-13"
        # the query code is on the receipt, never in a link or the QR address
        assert code in receipt.text
        assert not re.search(r'(href|src)="[^"]*%s' % code, receipt.text)
        assert "<svg" in receipt.text and "/status?no=" + no in receipt.text

        citizen = client.fresh()
        st = lookup(citizen, no, code)
        assert st.status == 200, strip_tags(st.text)[:300]
        assert "王○明" in st.text and "王小明" not in st.text
        assert "0912" not in st.text  # no other personal data, ever
        assert dd(st, "辦理狀態") == "已收件"

        case_page = client.get("/staff/cases/" + no)
        assert case_page.status == 200 and "王○明" in case_page.text and "0912-***-678" in case_page.text
        r = client.post("/staff/cases/%s/move" % no, {"csrf": csrf(client), "to": "review"})
        assert r.status == 303
        # not allowed: straight from review to closed
        assert client.post("/staff/cases/%s/move" % no, {"csrf": csrf(client), "to": "closed"}).status == 409

        clock(client, "2026-02-11T09:00:00+08:00")
        login(client, "counter1")
        form = client.get("/staff/cases/%s/notice" % no)
        assert form.status == 200
        boxes = re.findall(r'name="item" value="(\d+)"', form.text)
        assert len(boxes) >= 2
        r = client.post("/staff/cases/%s/notice" % no,
                        [("csrf", hidden_input(form, "csrf")), ("item", boxes[0]), ("item", boxes[1]),
                         ("extra", "地籍圖謄本正本\n")])
        assert r.status == 303, strip_tags(r.text)[:300]
        sheet = client.get(r.header("Location"))
        assert sheet.status == 200
        assert "地籍圖謄本正本" in sheet.text
        assert len(re.findall(r"<li><span class=\"box\"", sheet.text)) == 3
        # default correction deadline: 7 working days after 11 Feb, over the New Year closure
        assert client.sql("SELECT deadline_on FROM corrections c JOIN cases k ON k.id = c.case_id "
                          "WHERE k.case_no = ?", no)[0][0] == "2026-03-02"
        assert "115年3月2日" in sheet.text
        assert client.sql("SELECT state, paused_since FROM cases WHERE case_no = ?", no)[0] == ("correction", "2026-02-11")
        st = lookup(citizen, no, code)
        assert "地籍圖謄本正本" in st.text and dd(st, "辦理狀態") == "待補正"

        # the applicant brings everything on 24 Feb: 4 working days waited (12, 13, 23, 24 Feb)
        clock(client, "2026-02-24T10:00:00+08:00")
        login(client, "counter1")
        r = client.post("/staff/cases/%s/corrected" % no, {"csrf": csrf(client)})
        assert r.status == 303
        state, paused, due, waited = client.sql(
            "SELECT state, paused_since, due_on, paused_days FROM cases WHERE case_no = ?", no)[0]
        assert (state, paused, waited, due) == ("review", None, 4, "2026-02-26")

        # a second notice on the same case needs a reason
        form = client.get("/staff/cases/%s/notice" % no)
        assert 'name="reason"' in form.text
        r = client.post("/staff/cases/%s/notice" % no, {"csrf": hidden_input(form, "csrf"), "extra": "印章"})
        assert r.status == 422
        assert client.sql("SELECT count(*) FROM corrections c JOIN cases k ON k.id = c.case_id "
                          "WHERE k.case_no = ?", no)[0][0] == 1

        assert client.post("/staff/cases/%s/move" % no, {"csrf": csrf(client), "to": "approved"}).status == 303
        assert client.post("/staff/cases/%s/move" % no, {"csrf": csrf(client), "to": "closed", "confirm": "1",
                                                         "reason": "已領件"}).status == 303
        st = lookup(citizen, no, code)
        assert dd(st, "辦理狀態") == "已結案"
        timeline = re.findall(r"<li><time[^>]*>[^<]*</time> ([^<]+)</li>", st.text)
        assert timeline == ["已收件", "審核中", "待補正", "審核中", "已核准", "已結案"], timeline
        actions = [a for (a,) in client.sql("SELECT action FROM audit WHERE object = ? ORDER BY id", "case:" + no)]
        assert actions[0] == "case_create" and "notice_issue" in actions and "case_corrected" in actions
        assert actions.count("case_move") == 3
    finally:
        clock(client, None)


def test_typhoon_closure_moves_open_deadlines(client):
    try:
        clock(client, "2026-03-09T09:00:00+08:00")
        login(client, "counter1")
        no, _, _ = register(client, name="颱風測試")
        assert client.sql("SELECT due_on FROM cases WHERE case_no = ?", no)[0][0] == "2026-03-12"
        admin = client.fresh()
        login(admin, "admin1")
        page = admin.get("/staff/admin/calendar")
        assert page.status == 200 and "2026" in page.text
        r = admin.post("/staff/admin/calendar", {"csrf": hidden_input(page, "csrf"), "day": "2026-03-11",
                                                 "reason": "颱風停止上班"})
        assert r.status == 303
        assert client.sql("SELECT due_on FROM cases WHERE case_no = ?", no)[0][0] == "2026-03-13"
        assert "颱風停止上班" in admin.get("/staff/admin/calendar").text
    finally:
        clock(client, None)


def test_near_days_moves_case_flags(client):
    """The rules page's near_days (提醒天數) sets the case queue's "due soon"
    flag as it does the petitions' and the scheduler's (issue #11 item 19)."""

    def flag(page, no):
        row = re.search(r"<tr>(?:(?!</tr>).)*%s(?:(?!</tr>).)*</tr>" % re.escape(no), page.text, re.S)
        assert row, "%s not in the queue" % no
        m = re.search(r'class="flag flag-([a-z_]+)"', row.group(0))
        return m.group(1) if m else None

    admin = client.fresh()
    try:
        clock(client, "2026-04-13T09:00:00+08:00")
        login(client, "counter1")
        no, _, _ = register(client, name="提醒測試")
        # Monday 13 April + 3 working days: Thursday the 16th, three working days away
        assert client.sql("SELECT due_on FROM cases WHERE case_no = ?", no)[0][0] == "2026-04-16"
        login(admin, "admin1")
        assert flag(admin.get("/staff/queue"), no) is None  # near_days 2: not yet
        for near, expect in (("5", "due_soon"), ("3", "due_soon"), ("2", None)):
            r = admin.post("/staff/admin/deadlines/near", {"csrf": csrf(admin), "near_days": near})
            assert r.status == 303, r.status
            assert flag(admin.get("/staff/queue"), no) == expect, (near, expect)
            assert flag(admin.get("/en/staff/queue"), no) == expect, (near, expect)
    finally:
        if client.sql("SELECT value FROM settings WHERE key = 'near_days'") != [("2",)]:
            admin.post("/staff/admin/deadlines/near", {"csrf": csrf(admin), "near_days": "2"})
        clock(client, None)


# ---- the citizen's lookup ------------------------------------------------------


def test_status_identical_answers_and_throttle(client):
    login(client, "counter1")
    no, code, _ = register(client, name="查詢測試")
    wrong = "ABCDEFGHJK" if code != "ABCDEFGHJK" else "BCDEFGHJKM"
    missing = no[:-4] + "9999"
    a = lookup(client.fresh(), no, wrong)
    b = lookup(client.fresh(), missing, code)
    assert a.status == b.status == 404
    assert a.body == b.body, "wrong code and no such case must answer the same bytes"
    assert "查詢測試" not in a.text and no not in a.text
    # the 11th try in a minute for one number is refused
    c = client.fresh()
    codes = [lookup(c, no, wrong).status for _ in range(10)]
    assert 429 not in codes[:8], codes
    r = lookup(c, no, code)
    assert r.status == 429 and "Retry-After" in r.headers


def test_find_by_phone_masked_and_reveal_audited(client):
    login(client, "counter1")
    no, _, _ = register(client, name="歐陽娜娜", phone="0933-111-222", email="nana@example.com")
    hot = client.fresh()
    login(hot, "hotline1")
    r = hot.get("/staff/find?q=0933111222")
    assert r.status == 200 and no in r.text
    assert "0933-***-222" in r.text and "0933-111-222" not in r.text and "歐○○娜" in r.text
    case_page = hot.get("/staff/cases/" + no)
    assert "nana@example.com" not in case_page.text and "n***@example.com" in case_page.text
    assert 'action="/staff/cases/%s/reveal"' % no not in case_page.text
    assert hot.post("/staff/cases/%s/reveal" % no, {"csrf": csrf(hot)}).status == 403
    full = client.post("/staff/cases/%s/reveal" % no, {"csrf": csrf(client)})
    assert full.status == 200 and "0933-111-222" in full.text and "歐陽娜娜" in full.text
    assert "no-store" in full.header("Cache-Control", "")
    rows = client.sql("SELECT username FROM audit WHERE action = 'reveal' AND object = ?", "case:" + no)
    assert rows == [("counter1",)]


def test_query_code_never_logged(client):
    login(client, "counter1")
    no, code, _ = register(client, name="日誌測試")
    lookup(client.fresh(), no, code)
    logs = ""
    for name in os.listdir(client.tmp):
        if name.endswith(".log"):
            with open(os.path.join(client.tmp, name), "rb") as f:
                logs += f.read().decode("utf-8", "replace")
    assert code not in logs


# ---- the permission matrix -----------------------------------------------------


def load_matrix(root):
    rows = []
    with open(os.path.join(root, "tests", "data", "permissions.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or line.startswith("method\t") or not line.strip():
                continue
            method, route, *want = line.rstrip("\n").split("\t")
            rows.append((method, route, dict(zip(["anon"] + ROLES, want))))
    return rows


# Required fields the walker sends, by the path's last part, so that a row reaches the handler's own decision.
REQUIRED = {"decide": {"decision": "refused"}, "assign": {"officer": "1"}}


def petition_intake(client, **fields):
    """counter1 or another signed-in user takes a petition in at the counter; returns its number."""
    data = {"csrf": csrf(client, "/staff/petitions/new"), "channel": "counter", "read_back": "1", "name": "權限陳情",
            "phone": "07-696-5555", "subject": "權限測試陳情", "body": "內容"}
    data.update(fields)
    r = client.follow(client.post("/staff/petitions/new", data))
    assert r.status == 200, "intake answered %d: %s" % (r.status, strip_tags(r.text)[:300])
    return re.search(r'class="big">(P\d{7}-\d{4,6})<', r.text).group(1)


def petition_step(client, no, action, data, kind="petitions"):
    r = client.post("/staff/%s/%s/%s" % (kind, no, action), dict(data, csrf=csrf(client)))
    assert r.status == 303, "%s answered %d: %s" % (action, r.status, strip_tags(r.text)[:300])


def matrix_records(client):
    """The records the matrix's {name} rows act on (see tests/data/permissions.tsv)."""
    counter, sec, head = client.fresh(), client.fresh(), client.fresh()
    login(counter, "counter1")
    login(sec, "secretary1")
    login(head, "head1")
    civil, _, _ = register(counter, service="burial-permit", name="跨課測試")
    uid = {u: client.sql("SELECT id FROM users WHERE username = ?", u)[0][0] for u in ("officer1", "head1")}
    records = {"civil-case": civil, "own-village": "zhuhu", "other-village": "xinda"}
    for name, officer in (("petition", None), ("confidential", "officer1"), ("own-extension", "head1")):
        no = petition_intake(counter, **({"confidential": "1"} if name == "confidential" else {}))
        petition_step(sec, no, "route", {"unit": "social"})
        if officer:
            petition_step(head, no, "assign", {"officer": str(uid[officer])})
        records[name] = no
    due = client.sql("SELECT due_on FROM petitions WHERE petition_no = ?", records["own-extension"])[0][0]
    until = "%d%s" % (int(due[:4]) + 1, due[4:])
    petition_step(head, records["own-extension"], "extension", {"until": until, "reason": "需會勘"})
    own_case, _, _ = register(counter, service="low-income-apply", name="展期權限")
    petition_step(head, own_case, "assign", {"officer": str(uid["head1"])}, kind="cases")
    petition_step(head, own_case, "extension", {"days": "5", "reason": "需訪視"}, kind="cases")
    records["own-case-extension"] = own_case
    return records


def test_permission_matrix(client):
    rows = load_matrix(client.root)
    with open(os.path.join(client.root, "src", "web", "routes.c"), encoding="utf-8") as f:
        declared = set(re.findall(r'\{M_(GET|POST), "(/staff[^"]*)"', f.read()))
    listed = {(m, r) for m, r, _ in rows}
    assert declared <= listed, "staff routes missing from tests/data/permissions.tsv: %s" % sorted(declared - listed)

    login(client, "officer1")
    no, _, _ = register(client, service="low-income-apply", name="權限測試")
    records = matrix_records(client)
    sessions = {"anon": client.fresh()}
    for role in ROLES:
        sessions[role] = client.fresh()
        login(sessions[role], USERS[role])
    failures = []
    # sign-out last: it ends the session
    for method, route, want in sorted(rows, key=lambda r: r[1] == "/staff/logout"):
        path = route.replace("/staff/cases/*/notice/*", "/staff/cases/%s/notice/1" % no).replace("*", no)
        for name, value in records.items():
            path = path.replace("{%s}" % name, value)
        for who, expect in want.items():
            c = sessions[who]
            if method == "GET":
                r = c.get(path)
            else:
                token = csrf(c) if who != "anon" else hidden_input(c.get("/staff/login"), "csrf")
                r = c.post(path, dict(REQUIRED.get(path.rsplit("/", 1)[-1], {}), csrf=token))
            login_redirect = method == "GET" and r.status == 303 and "/staff/login" in (r.header("Location") or "")
            got = "login" if login_redirect else "deny" if r.status == 403 else "ok"
            if got != expect:
                failures.append("%s %s as %s: want %s, got %d" % (method, path, who, expect, r.status))
    assert not failures, "; ".join(failures)


# ---- the office calendar from the command line ---------------------------------


def test_calendar_import_encodings(client):
    """The official CSV imports whether it comes with a BOM, LF line ends or
    in Big5; a broken file is refused and changes nothing."""
    data = os.path.join(client.root, "tests", "data", "calendar")
    for name in ("2025.csv", "2025-lf-nobom.csv", "2025-big5.csv"):
        p = client.admin("calendar", "import", os.path.join(data, name))
        assert p.returncode == 0 and "imported 365 days" in p.stdout, (name, p.stdout, p.stderr)
    assert client.sql("SELECT open FROM calendar_days WHERE day = '2025-02-08'") == [(1,)]
    with open(os.path.join(data, "2025.csv"), encoding="utf-8-sig") as f:
        open_days = sum(1 for line in f if line[:4] == "2025" and line.split(",")[2] == "0")
    assert client.sql("SELECT count(*) FROM calendar_days WHERE day LIKE '2025-%' AND open = 1")[0][0] == open_days
    bad = os.path.join(client.tmp, "bad.csv")
    with open(bad, "w", encoding="utf-8") as f:
        f.write("西元日期,星期,是否放假,備註\n20250101,三,2,開國紀念日\n20250230,日,0,\n")
    before = client.sql("SELECT count(*), sum(open) FROM calendar_days")
    p = client.admin("calendar", "import", bad)
    assert p.returncode != 0 and "line 3" in p.stderr, p.stderr
    assert client.sql("SELECT count(*), sum(open) FROM calendar_days") == before

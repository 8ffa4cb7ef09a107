"""test_office.py -- day one at a real office (issue #11, first half): the
office's settings, units, petition categories, staff accounts and villages,
kept on admin pages and with `bianmin admin`, and a fresh database set up
only through the command line and the admin pages serving the office's own
site.  Permissions per role are rows of tests/data/permissions.tsv
(test_cases.py); this module tests what the pages do and show."""

import json
import os
import re
import secrets
import subprocess

import run
from run import assert_security_headers, hidden_input, strip_tags, ui
from test_cases import login


def check_response(r):
    assert_security_headers(r)


def once():
    return secrets.token_hex(16)


def post(client, path, data, token_page="/staff"):
    """POSTs an admin form with this session's CSRF token and a fresh one-time token."""
    page = client.get(token_page)
    body = dict(data, csrf=hidden_input(page, "csrf"))
    body.setdefault("once", once())
    return client.post(path, body)


def admin(client):
    c = client.fresh()
    login(c, "admin1")
    return c


def audit_count(client, action, obj):
    return client.sql("SELECT count(*) FROM audit WHERE action = ? AND object = ?", action, obj)[0][0]


SETTING_KEYS = ("office_name_zh", "office_name_en", "site_name_zh", "site_name_en", "address_zh", "address_en",
                "phone", "hours_zh", "hours_en", "email", "logo", "public_url", "smtp_url", "smtp_from", "smtp_user",
                "sms_url", "signup_retention_days", "status_lookup_limits")


def save_settings(client, a, lang="", **changes):
    """Posts the whole settings form as the page would: every key as stored, with changes."""
    data = {k: v for k, v in client.sql("SELECT key, value FROM settings") if k in SETTING_KEYS}
    data.update(changes)
    return post(a, lang + "/staff/admin/settings", dict(data, form="settings"))


def field_error(page, fid):
    """The error text tied to field fid (admin_page.html: id FID-err), or None."""
    m = re.search(r'id="%s-err">([^<]*)<' % re.escape(fid), page.text)
    return m.group(1) if m else None


# ---- settings ---------------------------------------------------------------


def test_settings_page_both_languages(client):
    a = admin(client)
    for path, lang in (("/staff/admin/settings", "zh"), ("/en/staff/admin/settings", "en")):
        r = a.get(path)
        assert r.status == 200, (path, r.status)
        assert ui("settings_title", lang) in r.text and ui("mail_test_title", lang) in r.text, path
        assert 'for="settings-public_url"' in r.text and 'id="settings-public_url"' in r.text, "labelled fields"
        assert r.header("Cache-Control") and "no-store" in r.header("Cache-Control"), "staff page not stored"


def test_public_url_warning_and_links(client):
    a = admin(client)
    assert client.sql("SELECT count(*) FROM settings WHERE key = 'public_url'")[0][0] == 0, "demo leaves it unset"
    staff = a.get("/staff")
    assert ui("public_url_unset_warning") in staff.text, "staff pages warn until public_url is set"
    assert ui("public_url_unset_warning") not in client.fresh().get("/").text, "public pages do not"
    assert 'rel="canonical"' not in client.fresh().get("/services").text, "no canonical address while unset"
    r = save_settings(client, a, **{"public_url": "https://bianmin.example.gov.tw/"})
    assert r.status == 303, (r.status, strip_tags(r.text)[:300])
    try:
        assert client.sql("SELECT value FROM settings WHERE key = 'public_url'") == [("https://bianmin.example.gov.tw",)]
        assert ui("public_url_unset_warning") not in a.get("/staff").text, "the warning goes once it is set"
        feed = client.fresh().get("/news.xml").text
        assert "<link>https://bianmin.example.gov.tw/news</link>" in feed, feed[:500]
        assert "127.0.0.1:8080" not in feed
        disc = client.fresh().get("/open311/v2/discovery.json").text
        assert "https://bianmin.example.gov.tw/open311/v2" in disc, disc
        # canonical addresses, and the receipt's QR code and printed link
        for path, want in (("/services", "https://bianmin.example.gov.tw/services"),
                           ("/en/services", "https://bianmin.example.gov.tw/en/services"),
                           ("/", "https://bianmin.example.gov.tw/"), ("/en", "https://bianmin.example.gov.tw/en")):
            assert '<link rel="canonical" href="%s">' % want in client.fresh().get(path).text, path
        from test_petitions import submit_web
        no, _, receipt = submit_web(client.fresh())
        assert "https://bianmin.example.gov.tw/status?no=%s" % no in receipt.text
        assert "127.0.0.1:8080" not in receipt.text
        assert audit_count(client, "setting_set", "setting:public_url") >= 1
    finally:
        p = client.admin("set", "public_url", "")
        assert p.returncode == 0, p.stderr


def test_settings_refused_with_clear_errors(client):
    a = admin(client)
    before = client.sql("SELECT key, value FROM settings ORDER BY key")
    for lang in ("", "/en"):
        r = save_settings(client, a, lang, **{"public_url": "javascript:alert(1)", "phone": "12", "email": "nobody", "office_name_zh": "新名稱"})
        assert r.status == 422, r.status
        assert 'role="alert"' in r.text and 'aria-invalid="true"' in r.text
        lg = "en" if lang else "zh"
        assert field_error(r, "settings-public_url") == ui("set_err_url", lg)
        assert field_error(r, "settings-phone") == ui("set_err_phone", lg)
        assert field_error(r, "settings-email") == ui("err_email", lg)
        assert "javascript:alert(1)" in r.text and "<script" not in r.text.split("</header>")[1]
    r = post(a, "/staff/admin/settings", {"office_name_zh": "只有一欄"})
    assert r.status == 422 and ui("settings_err_form") in r.text, "a partial POST never unsets the rest"
    assert client.sql("SELECT key, value FROM settings ORDER BY key") == before, "nothing half saved"


def test_office_name_from_settings_everywhere(client):
    a = admin(client)
    r = save_settings(client, a, **{"office_name_zh": "測試區公所", "office_name_en": "Test District Office",
                                          "phone": "(07)123-4567", "hours_zh": "週一至週五 9:00–17:00"})
    assert r.status == 303, (r.status, strip_tags(r.text)[:300])
    try:
        home = client.fresh().get("/about/privacy")
        assert "測試區公所" in home.text and "(07)123-4567" in home.text and "週一至週五 9:00–17:00" in home.text
        assert "路竹區公所。" not in home.text, "the about page names the office from the settings"
        en = client.fresh().get("/en/about/copyright")
        assert "Test District Office" in en.text
    finally:
        for k, v in (("office_name_zh", "高雄市路竹區公所"), ("office_name_en", "Luzhu District Office, Kaohsiung City"),
                     ("phone", "(07)696-2019"), ("hours_zh", "週一至週五 08:00–12:00、13:30–17:30（中午不打烊櫃台 12:00–13:30）")):
            client.admin("set", k, v, check=True)


def test_smtp_password_never_shown_back(client):
    a = admin(client)
    try:
        smtp_password_kept_secret(client, a)
    finally:
        for k in ("smtp_url", "smtp_from", "smtp_user", "smtp_password"):
            client.admin("set", k, "", check=True)


def smtp_password_kept_secret(client, a):
    r = save_settings(client, a, **{"smtp_url": "smtp://127.0.0.1:9", "smtp_from": "portal@example.gov.tw",
                                          "smtp_user": "portal", "smtp_password": "s3cret-Pa55"})
    assert r.status == 303, (r.status, strip_tags(r.text)[:300])
    page = a.get("/staff/admin/settings")
    assert "s3cret-Pa55" not in page.text, "the password is never shown back"
    assert "s3cret-Pa55" not in "".join(d or "" for (d,) in client.sql("SELECT detail FROM audit"))
    # an empty password field keeps it; the checkbox removes it
    save_settings(client, a, **{"smtp_password": "", "smtp_user": "portal2"})
    assert client.sql("SELECT value FROM settings WHERE key = 'smtp_password'") == [("s3cret-Pa55",)]
    p = client.admin("get")
    assert "s3cret-Pa55" not in p.stdout and "smtp_password" in p.stdout, p.stdout
    save_settings(client, a, **{"smtp_password": "", "smtp_password_clear": "1"})
    assert client.sql("SELECT count(*) FROM settings WHERE key = 'smtp_password'") == [(0,)]


def test_sms_gateway_and_retention_set_without_sql(client):
    a = admin(client)
    gateway = "https://sms.example.com/send?key={key}&to={to}&text={text}"
    try:
        r = save_settings(client, a, **{"sms_url": gateway, "sms_key": "gw-K3y", "signup_retention_days": "30"})
        assert r.status == 303, (r.status, strip_tags(r.text)[:300])
        assert dict(client.sql("SELECT key, value FROM settings WHERE key IN ('sms_url', 'sms_key', "
                               "'signup_retention_days')")) == {"sms_url": gateway, "sms_key": "gw-K3y",
                                                                "signup_retention_days": "30"}
        page = a.get("/staff/admin/settings")
        assert "gw-K3y" not in page.text and ui("set_sms_key_clear") in page.text, "the key is never shown back"
        save_settings(client, a, **{"sms_key": ""})
        assert client.sql("SELECT value FROM settings WHERE key = 'sms_key'") == [("gw-K3y",)], "empty keeps it"
        r = save_settings(client, a, **{"sms_url": "https://sms.example.com/send?to={to}", "signup_retention_days": "0"})
        assert r.status == 422
        assert field_error(r, "settings-sms_url") == ui("set_err_sms")
        assert field_error(r, "settings-signup_retention_days") == ui("set_err_days")
        p = client.admin("set", "signup_retention_days", "forever")
        assert p.returncode == 1 and "3650" in p.stderr, p.stderr
        save_settings(client, a, **{"sms_key": "", "sms_key_clear": "1"})
        assert client.sql("SELECT count(*) FROM settings WHERE key = 'sms_key'") == [(0,)]
    finally:
        for k, v in (("sms_url", ""), ("sms_key", ""), ("signup_retention_days", "90")):
            client.admin("set", k, v, check=True)


def test_mail_test_button_queues_for_the_scheduler(client):
    a = admin(client)
    r = post(a, "/staff/admin/settings/mail-test", {"to": "not an address"})
    assert r.status == 422 and field_error(r, "mail-to") == ui("err_email"), r.status
    r = post(a, "/staff/admin/settings/mail-test", {"to": "clerk@example.gov.tw"})
    assert r.status == 303, r.status
    page = a.follow(r)
    assert ui("admin_done_mail") in page.text and ui("mail_test_pending") in page.text
    assert client.sql("SELECT to_addr, state FROM mail_tests ORDER BY id DESC LIMIT 1") == [
        ("clerk@example.gov.tw", "pending")]
    # the scheduler tries it with the settings (none here) and records why it failed
    p = subprocess.run([run.BIN, "scheduler", "--db", client.db, "--once"], capture_output=True, text=True,
                       cwd=client.root, timeout=60)
    assert p.returncode == 0, p.stderr
    state, result = client.sql("SELECT state, result FROM mail_tests ORDER BY id DESC LIMIT 1")[0]
    assert state == "failed" and "smtp_url" in result, (state, result)
    assert ui("mail_test_failed") in a.get("/staff/admin/settings").text


def test_admin_set_get_cli(client):
    p = client.admin("set", "public_url", "ftp://x")
    assert p.returncode == 1 and "http" in p.stderr, p.stderr
    p = client.admin("set", "no_such_key", "x")
    assert p.returncode == 2 and "public_url" in p.stderr, p.stderr
    p = client.admin("get", "office_name_zh")
    assert p.returncode == 0 and p.stdout.strip() == "高雄市路竹區公所", p.stdout
    assert audit_count(client, "setting_set", "setting:public_url") >= 1


# ---- one form, one change ---------------------------------------------------


def test_admin_form_posted_twice_changes_once(client):
    a = admin(client)
    token = once()
    data = {"code": "twice", "name_zh": "重送測試課", "once": token}
    r1 = post(a, "/staff/admin/units", data)
    r2 = post(a, "/staff/admin/units", data)
    assert r1.status == 303 and r2.status == 303, (r1.status, r2.status)
    assert r1.header("Location") == r2.header("Location")
    assert audit_count(client, "unit_add", "unit:twice") == 1, "the repeat changed nothing"


# ---- units ------------------------------------------------------------------


def test_units_add_edit_and_public_page(client):
    a = admin(client)
    r = post(a, "/staff/admin/units", {"code": "Bad Code", "name_zh": "", "phone": "12"})
    assert r.status == 422
    assert field_error(r, "unit-code") == ui("admin_err_code")
    assert field_error(r, "unit-name_zh") == ui("err_required")
    assert field_error(r, "unit-phone") == ui("set_err_phone")
    r = post(a, "/staff/admin/units", {"code": "tourism", "name_zh": "觀光課", "name_en": "Tourism Section",
                                       "phone": "(07)696-2019 #350", "location_zh": "行政大樓 4 樓"})
    assert r.status == 303, (r.status, strip_tags(r.text)[:300])
    r = post(a, "/staff/admin/units", {"code": "tourism", "name_zh": "另一課"})
    assert r.status == 409 and ui("unit_err_taken") in r.text
    r = post(a, "/staff/admin/units/tourism", {"name_zh": "觀光發展課", "name_en": "Tourism Development",
                                               "duties_zh": "辦理觀光活動。"})
    assert r.status == 303, r.status
    pub = client.fresh().get("/units")
    assert "觀光發展課" in pub.text and "辦理觀光活動。" in pub.text, "public pages follow at once"
    assert client.fresh().get("/en/units").text.count("Tourism Development") == 1
    assert a.get("/staff/admin/units/no-such").status == 404
    assert audit_count(client, "unit_update", "unit:tourism") == 1


def test_unit_add_cli_lets_user_add_work(client):
    p = client.admin("user", "add", "--user", "cli-officer", "--role", "officer", "--unit", "harbour",
                     input="a-long-password\n")
    assert p.returncode == 1 and "admin unit add" in p.stderr, p.stderr
    p = client.admin("user", "add", "--user", "cli-officer", "--role", "officer", input="a-long-password\n")
    assert p.returncode == 1 and "--unit" in p.stderr, p.stderr
    client.admin("unit", "add", "--unit", "harbour", "--name", "港務課", "--phone", "(07)696-2019 #900", check=True)
    p = client.admin("user", "add", "--user", "cli-officer", "--role", "officer", "--unit", "harbour",
                     input="a-long-password\n")
    assert p.returncode == 0, p.stderr
    assert "harbour" in client.admin("unit", "list", check=True).stdout


# ---- categories -------------------------------------------------------------


def test_categories_with_default_unit(client):
    a = admin(client)
    r = post(a, "/staff/admin/categories", {"code": "parks", "name_zh": "公園綠地", "default_unit": "nowhere"})
    assert r.status == 422 and field_error(r, "category-default_unit") == ui("unit_err_none")
    r = post(a, "/staff/admin/categories", {"code": "parks", "name_zh": "公園綠地", "name_en": "Parks",
                                            "default_unit": "econ"})
    assert r.status == 303, (r.status, strip_tags(r.text)[:300])
    assert client.sql("SELECT default_unit FROM categories WHERE code = 'parks'") == [("econ",)]
    r = post(a, "/staff/admin/categories/parks", {"name_zh": "公園綠地", "name_en": "Parks", "default_unit": ""})
    assert r.status == 303
    assert client.sql("SELECT default_unit FROM categories WHERE code = 'parks'") == [(None,)]
    page = a.get("/en/staff/admin/categories")
    assert page.status == 200 and "Parks" in page.text


# ---- accounts ---------------------------------------------------------------


def test_accounts_lifecycle(client):
    a = admin(client)
    r = post(a, "/staff/admin/users", {"username": "clerk9", "display_name": "九號", "role": "officer",
                                       "password": "long-enough-pw"})
    assert r.status == 422 and field_error(r, "account-unit") == ui("acct_err_unit_needed")
    assert "long-enough-pw" not in r.text, "a password is never shown back"
    # 民政課: later modules count who the scheduler tells about 社會課's petitions
    r = post(a, "/staff/admin/users", {"username": "clerk9", "display_name": "九號", "role": "officer",
                                       "unit": "civil", "email": "clerk9@example.gov.tw",
                                       "password": "long-enough-pw"})
    assert r.status == 303, (r.status, strip_tags(r.text)[:300])
    uid = client.sql("SELECT id FROM users WHERE username = 'clerk9'")[0][0]
    c = client.fresh()
    login(c, "clerk9", "long-enough-pw")
    # a change of role ends the account's sessions
    r = post(a, "/staff/admin/users/%d" % uid, {"display_name": "九號", "role": "head", "unit": "civil",
                                                "email": "c9@example.gov.tw"})
    assert r.status == 303, (r.status, strip_tags(r.text)[:300])
    assert client.sql("SELECT role, email FROM users WHERE id = ?", uid) == [("head", "c9@example.gov.tw")]
    assert c.get("/staff").status == 303, "signed out by the role change"
    # disable: no sign-in; enable again
    r = post(a, "/staff/admin/users/%d/active" % uid, {})
    assert r.status == 303 and client.sql("SELECT active FROM users WHERE id = ?", uid) == [(0,)]
    page = c.get("/staff/login")
    r = c.post("/staff/login", {"csrf": hidden_input(page, "csrf"), "username": "clerk9",
                                "password": "long-enough-pw"})
    assert r.status != 303, "a disabled account cannot sign in"
    post(a, "/staff/admin/users/%d/active" % uid, {})
    # a new password
    r = post(a, "/staff/admin/users/%d/password" % uid, {"password": "short"})
    assert r.status == 422 and field_error(r, "reset-password") == ui("pw_short")
    r = post(a, "/staff/admin/users/%d/password" % uid, {"password": "another-long-pw"})
    assert r.status == 303
    login(client.fresh(), "clerk9", "another-long-pw")
    for action in ("user_add", "user_update", "user_disable", "user_enable", "user_passwd"):
        assert audit_count(client, action, "user:clerk9") == 1, action


def test_admin_keeps_own_account(client):
    a = admin(client)
    uid = client.sql("SELECT id FROM users WHERE username = 'admin1'")[0][0]
    r = post(a, "/staff/admin/users/%d/active" % uid, {})
    assert r.status == 409 and ui("acct_err_self") in r.text
    r = post(a, "/staff/admin/users/%d" % uid, {"display_name": "管理員", "role": "counter"})
    assert r.status == 409 and field_error(r, "account-role") == ui("acct_err_self")
    assert client.sql("SELECT role, active FROM users WHERE id = ?", uid) == [("admin", 1)]


def test_users_page_lists_accounts(client):
    a = admin(client)
    for path, lang in (("/staff/admin/users", "zh"), ("/en/staff/admin/users", "en")):
        r = a.get(path)
        assert r.status == 200 and "village1" in r.text and ui("role_village", lang) in r.text


# ---- villages ---------------------------------------------------------------


def test_village_officer_keeps_own_villages(client):
    v = client.fresh()
    login(v, "village1")
    listing = v.get("/staff/villages")
    assert listing.status == 200 and "/staff/villages/zhuhu" in listing.text
    assert "/staff/villages/xinda" not in listing.text, "only their own villages"
    assert v.get("/staff/villages/xinda").status == 403
    assert v.get("/staff/cases/new").status == 403 and v.get("/staff/petitions").status == 403
    r = post(v, "/staff/villages/zhuhu", {"chief_name": "李里長", "chief_phone": "(07)697-1234",
                                          "officer_name": "黃里幹事", "hours_zh": "週二、週四 14:00–17:00"})
    assert r.status == 303, (r.status, strip_tags(r.text)[:300])
    r = post(v, "/staff/villages/zhuhu/posts", {"title_zh": "社區清潔日", "body_zh": "歡迎里民參加。",
                                                "title_en": "Clean-up day"})
    assert r.status == 422 and field_error(r, "post-body_en") == ui("faq_en_pair")
    r = post(v, "/staff/villages/zhuhu/posts", {"title_zh": "社區清潔日", "body_zh": "歡迎里民**參加**。",
                                                "event_on": "2026-12-20"})
    assert r.status == 303, (r.status, strip_tags(r.text)[:300])
    pub = client.fresh().get("/villages/zhuhu")
    assert "李里長" in pub.text and "社區清潔日" in pub.text and "<strong>參加</strong>" in pub.text
    assert "週二、週四 14:00–17:00" in client.fresh().get("/villages").text
    en = client.fresh().get("/en/villages/zhuhu")
    assert en.status == 200 and 'lang="zh-Hant"' in en.text, "Chinese-only text is marked on English pages"
    pid = client.sql("SELECT id FROM village_posts WHERE village = 'zhuhu' ORDER BY id DESC LIMIT 1")[0][0]
    assert post(v, "/staff/villages/xinda/posts/%d/delete" % pid, {}).status == 403
    r = post(v, "/staff/villages/zhuhu/posts/%d/delete" % pid, {})
    assert r.status == 303 and "社區清潔日" not in client.fresh().get("/villages/zhuhu").text
    assert audit_count(client, "village_update", "village:zhuhu") == 1


def test_admin_adds_village(client):
    a = admin(client)
    r = post(a, "/staff/villages", {"code": "zhuhu", "name_zh": "竹滬里"})
    assert r.status == 409 and ui("village_err_taken") in r.text
    r = post(a, "/staff/villages", {"code": "xinyuan", "name_zh": "新園里", "name_en": "Xinyuan Village"})
    assert r.status == 303
    assert "新園里" in client.fresh().get("/villages").text
    v = client.fresh()
    login(v, "village1")
    assert post(v, "/staff/villages", {"code": "other", "name_zh": "他里"}).status == 403


# ---- a fresh office, set up without SQL and without the demo ----------------------


def test_fresh_office_without_demo(client):
    front = run.Front(client.front)
    try:
        def cli(*args, stdin=None):
            p = subprocess.run([run.BIN, "admin", *args, "--db", front.db], input=stdin, capture_output=True,
                               text=True, cwd=client.root, timeout=120)
            assert p.returncode == 0, (args, p.stderr)
            return p.stdout

        cli("init")
        cli("unit", "add", "--unit", "civil", "--name", "民政課", "--name-en", "Civil Affairs")
        cli("user", "add", "--user", "boss", "--role", "admin", stdin="first-admin-password\n")
        cli("user", "add", "--user", "civ1", "--role", "officer", "--unit", "civil", stdin="an-officer-password\n")
        cli("set", "office_name_zh", "新港區公所")
        front.start()
        c = run.Client(front, check_response)
        assert "新港區公所" in c.get("/").text
        login(c, "boss", "first-admin-password")
        assert ui("public_url_unset_warning") in c.get("/staff").text
        steps = [
            ("/staff/admin/settings", {"form": "settings", "office_name_zh": "新港區公所",
                                       "office_name_en": "Xingang District Office", "site_name_zh": "新港便民網",
                                       "site_name_en": "Xingang Online", "phone": "(05)123-4567",
                                       "address_zh": "新港路 1 號", "public_url": "https://xingang.example.gov.tw"}),
            ("/staff/admin/units", {"code": "social", "name_zh": "社會課", "name_en": "Social Affairs"}),
            ("/staff/admin/categories", {"code": "roads", "name_zh": "道路", "default_unit": "civil"}),
            ("/staff/villages", {"code": "north", "name_zh": "北里", "name_en": "North Village"}),
            ("/staff/admin/users", {"username": "v1", "display_name": "里幹事", "role": "village",
                                    "villages": "north", "password": "village-password"}),
        ]
        for path, data in steps:
            r = post(c, path, data)
            assert r.status == 303, (path, r.status, strip_tags(r.text)[:300])
        pub = c.fresh()
        home = pub.get("/")
        assert home.status == 200 and "新港便民網" in home.text and "(05)123-4567" in home.text
        assert "路竹" not in home.text, "nothing of the demo office"
        assert "Xingang Online" in pub.get("/en/").text
        assert "社會課" in pub.get("/units").text and "北里" in pub.get("/villages").text
        assert "https://xingang.example.gov.tw/news" in pub.get("/news.xml").text
        v = c.fresh()
        login(v, "v1", "village-password")
        assert v.get("/staff/villages/north").status == 200

        # the unit's own content through its editors, the FAQ through the CLI
        o = c.fresh()
        login(o, "civ1", "an-officer-password")
        svc = {"code": "road-dig", "category": "roads", "name_zh": "道路挖掘許可", "fee_zh": "免費",
               "processing_days": "5", "docs_zh": "申請書", "steps_zh": "送件"}
        for path, data in (("/staff/services/new", svc), ("/staff/services/road-dig/publish", {"published": "1"}),
                           ("/staff/news/new", {"title_zh": "新港道路施工公告", "body_zh": "中正路施工。",
                                                "status": "published"})):
            r = o.post(path, dict(data, csrf=hidden_input(o.get("/staff/services"), "csrf")))
            assert r.status == 303, (path, r.status, strip_tags(r.text)[:300])
        faq = os.path.join(front.tmp, "fresh-faq.json")
        with open(faq, "w", encoding="utf-8") as f:
            json.dump([{"id": "road-hole", "unit": "民政課", "category": "道路", "question_zh": "路面坑洞要找誰？",
                        "answer_zh": "請撥 1999 或到本所陳情。", "reviewed_on": "2026-01-05"}], f, ensure_ascii=False)
        assert "1" in cli("import-faq", faq)
        pub = c.fresh()
        assert "道路挖掘許可" in pub.get("/services").text and pub.get("/services/road-dig").status == 200
        assert "新港道路施工公告" in pub.get("/news").text and "新港道路施工公告" in pub.get("/news.xml").text
        assert "路面坑洞要找誰" in pub.get("/faq").text
        # a petition about roads reaches the routing desk with 民政課 already chosen
        intake = pub.get("/petitions/new")
        r = pub.follow(pub.post("/petitions/new", {"csrf": hidden_input(intake, "csrf"), "step": "submit",
                                                   "once": hidden_input(intake, "once"), "name": "林先生",
                                                   "phone": "0933000111", "category": "roads",
                                                   "subject": "路面坑洞", "body": "中正路有坑洞。"}))
        no = re.search(r'class="big">(P\d{7}-\d{4})<', r.text).group(1)
        page = c.get("/staff/petitions/%s" % no)
        assert re.search(r'<option value="civil" selected>', page.text), "the category's default unit"
    finally:
        front.stop()
        front.cleanup()

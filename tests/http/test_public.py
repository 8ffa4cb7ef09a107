"""test_public.py -- the citizen's catalog pages, in both languages: home,
services and their notice sheets, processing times, units, FAQ, news,
static files, the policy pages.  What the pages must show is read from the
front end's own demo database, so a page that drops a row fails."""

import json
import os
import re

from run import ROOT, assert_security_headers, element, find_tags, links, strip_tags, tag_attrs, ui

ABOUT = ("accessibility", "privacy", "security", "copyright", "personal-data")


def check_response(r):
    assert_security_headers(r)


# ---- helpers ----------------------------------------------------------------


def page(client, path, lang=None):
    """GETs an HTML page that must be 200; checks its <html lang>."""
    r = client.get(path)
    assert r.status == 200, "GET %s: status %d" % (path, r.status)
    ctype = r.header("Content-Type", "")
    assert ctype.startswith("text/html"), "GET %s: Content-Type %s" % (path, ctype)
    want = lang or ("en" if path == "/en" or path.startswith("/en/") else "zh-Hant-TW")
    got = html_lang(r)
    assert got == want, "GET %s: <html lang=%r>, want %r" % (path, got, want)
    return r


def html_lang(r):
    tags = find_tags(r, "html")
    return tag_attrs(tags[0]).get("lang") if tags else None


def lang_switch(r):
    """href of the language switch link (class lang-switch)."""
    tags = find_tags(r, "a", "lang-switch")
    assert len(tags) == 1, "%s: %d language switch links" % (r.target, len(tags))
    return tag_attrs(tags[0]).get("href")


def facts(r):
    """The <dl class="facts"> of a page as {dt text: dd text}."""
    dl = element(r, "dl", "facts")
    assert dl is not None, "%s: no <dl class=facts>" % r.target
    pairs = re.findall(r"<dt>(.*?)</dt>\s*<dd>(.*?)</dd>", dl, re.S)
    return {strip_tags(k).strip(): " ".join(strip_tags(v).split()) for k, v in pairs}


def text(r):
    """The visible text of a page or fragment, whitespace collapsed."""
    return " ".join(strip_tags(r.text if hasattr(r, "text") else r).split())


def has(r, s):
    """Whether the text s (unescaped) shows in page or fragment r."""
    return " ".join(s.split()) in text(r)


def services_in_db(client):
    """The published services: those the public pages list (issue #11)."""
    return client.sql("SELECT code, name_zh, name_en, fee_zh, unit FROM services WHERE published = 1 ORDER BY code")


# the news the public pages show now: published, not expired (src/store/catalog.c)
NEWS_SHOWN = ("status = 'published' AND published_at <= strftime('%Y-%m-%dT%H:%M:%SZ', 'now') "
              "AND (expires_at IS NULL OR expires_at > strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))")


def faq_corpus():
    with open(os.path.join(ROOT, "sql", "demo", "faq.json"), encoding="utf-8") as f:
        return json.load(f)


# ---- home and language ---------------------------------------------------------


def test_home_zh(client):
    r = page(client, "/")
    site = client.sql("SELECT value FROM settings WHERE key = 'site_name_zh'")[0][0]
    assert site in r.text, "home: no site name (the setting site_name_zh)"
    assert find_tags(r, "html")[0], "no <html>"
    assert r.header("Content-Language") == "zh-Hant-TW", "Content-Language %r" % r.header("Content-Language")


def test_home_en(client):
    r = page(client, "/en/")
    site = client.sql("SELECT value FROM settings WHERE key = 'site_name_en'")[0][0]
    assert site in r.text, "/en/: no English site name (the setting site_name_en)"
    assert r.header("Content-Language") == "en", "Content-Language %r" % r.header("Content-Language")
    # every navigation link stays in English
    nav = element(r, "nav")
    assert nav, "/en/: no <nav>"
    for href in links(nav):
        assert href.startswith("/en/"), "/en/: nav link %s leaves English" % href
    page(client, "/en", lang="en")


def test_head_request(client):
    r = client.head("/services")
    assert r.status == 200, "HEAD /services: %d" % r.status
    assert r.body == b"", "HEAD /services: %d body bytes" % len(r.body)


def test_language_switch_every_page(client):
    svc = services_in_db(client)[0][0]
    faq = client.sql("SELECT slug FROM faq ORDER BY slug LIMIT 1")[0][0]
    news = client.sql("SELECT id FROM news ORDER BY id LIMIT 1")[0][0]
    paths = ["/services", "/services/" + svc, "/processing-times", "/units", "/faq", "/faq/" + faq,
             "/news", "/news/%d" % news] + ["/about/" + a for a in ABOUT]
    r = page(client, "/")
    assert lang_switch(r) in ("/en", "/en/"), "/: language switch goes to %s" % lang_switch(r)
    r = page(client, "/en/")
    assert lang_switch(r) == "/", "/en/: language switch goes to %s" % lang_switch(r)
    for p in paths:
        zh = page(client, p)
        href = lang_switch(zh)
        assert href == "/en" + p, "%s: language switch goes to %s, want /en%s" % (p, href, p)
        en = page(client, href)
        back = lang_switch(en)
        assert back == p, "%s: language switch goes to %s, want %s" % (href, back, p)
        # same page: the English page's <h1> is not the Chinese one
        h1_zh, h1_en = element(zh, "h1"), element(en, "h1")
        assert h1_zh and h1_en and h1_zh != h1_en, "%s: <h1> %r same in both languages" % (p, h1_zh)


# ---- services and their notice sheets -------------------------------------------


def test_services_lists_all(client):
    r = page(client, "/services")
    hrefs = links(r, "/services/")
    db = services_in_db(client)
    assert len(db) >= 25, "demo data has only %d services" % len(db)
    assert len(hrefs) >= 25, "/services lists %d services, want >= 25" % len(hrefs)
    want = {"/services/" + c for c, *_ in db}
    missing = sorted(want - set(hrefs))
    assert not missing, "/services misses %s" % missing[:5]
    for code, name_zh, *_ in db:
        assert has(r.text, name_zh), "/services: no name %s" % name_zh


def test_services_en(client):
    r = page(client, "/en/services")
    hrefs = links(r, "/en/services/")
    db = services_in_db(client)
    assert len(hrefs) == len(db), "/en/services lists %d of %d" % (len(hrefs), len(db))
    for code, _, name_en, *_ in db:
        if name_en:
            assert has(r.text, name_en), "/en/services: no name %r" % name_en


def test_every_notice_sheet(client):
    hrefs = links(page(client, "/services"), "/services/")
    assert hrefs, "/services: no service links"
    units = dict(client.sql("SELECT code, phone FROM units"))
    exts = dict(client.sql("SELECT code, contact_ext FROM services"))
    db = {c: (fee, unit) for c, _, _, fee, unit in services_in_db(client)}
    label = {k: ui(k, "zh") for k in ("svc_fee", "svc_days", "svc_phone")}
    for href in hrefs:
        r = page(client, href)
        code = href.rsplit("/", 1)[1]
        checklist = element(r, "ul", "checklist")
        assert checklist is not None, "%s: no required-items checklist" % href
        items = re.findall(r"<li\b", checklist)
        assert items, "%s: empty checklist" % href
        n_items = client.sql(
            "SELECT count(*) FROM service_items i JOIN services s ON s.id = i.service_id WHERE s.code = ?", code
        )[0][0]
        assert len(items) == n_items, "%s: %d checklist items, database has %d" % (href, len(items), n_items)
        f = facts(r)
        fee, unit = db[code]
        assert f.get(label["svc_fee"]), "%s: no fee (%r)" % (href, f)
        assert f[label["svc_fee"]] == " ".join(fee.split()), "%s: fee %r, want %r" % (href, f[label["svc_fee"]], fee)
        assert f.get(label["svc_days"]), "%s: no processing time" % href
        phone = f.get(label["svc_phone"], "")
        assert re.search(r"\(0\d\)\s?\d{3,4}-?\d{4}", phone), "%s: no phone number in %r" % (href, phone)
        ext = exts[code]
        if ext:
            assert re.search(r"\b%s\b" % re.escape(ext), phone), "%s: phone %r lacks extension %s" % (href, phone, ext)
        else:
            assert units[unit] in phone, "%s: phone %r lacks the unit's %r" % (href, phone, units[unit])


def test_notice_sheet_en(client):
    code, _, name_en, *_ = services_in_db(client)[0]
    r = page(client, "/en/services/" + code)
    assert has(r.text, name_en), "English sheet lacks %r" % name_en
    f = facts(r)
    for k in ("svc_fee", "svc_days", "svc_phone"):
        assert f.get(ui(k, "en")), "/en/services/%s: no %s (%r)" % (code, ui(k, "en"), f)
    assert re.search(r"<ul class=\"checklist\">\s*<li", r.text), "/en/services/%s: empty checklist" % code


def test_unknown_service_404(client):
    r = client.get("/services/no-such-service")
    assert r.status == 404, "unknown service: %d" % r.status
    assert ui("err_no_service", "zh") in r.text, "unknown service: no explanation"


def test_processing_times_row_per_service(client):
    r = page(client, "/processing-times")
    rows = re.findall(r"<tr>\s*<th scope=\"row\">\s*<a href=\"([^\"]+)\"", r.text)
    db = services_in_db(client)
    assert len(rows) == len(db), "/processing-times: %d rows, %d services" % (len(rows), len(db))
    assert sorted(rows) == sorted("/services/" + c for c, *_ in db), "/processing-times: rows differ from services"
    # every row states the days: no empty cell
    for tr in re.findall(r"<tr>\s*<th scope=\"row\">.*?</tr>", r.text, re.S):
        cells = [strip_tags(c).strip() for c in re.findall(r"<td>(.*?)</td>", tr, re.S)]
        assert len(cells) >= 2 and all(cells[1:]), "/processing-times: empty cell in %s" % strip_tags(tr)


def test_units_lists_all(client):
    db = client.sql("SELECT code, name_zh, name_en, phone FROM units ORDER BY sort")
    assert len(db) >= 5, "demo data has %d units" % len(db)
    zh, en = page(client, "/units"), page(client, "/en/units")
    for code, name_zh, name_en, phone in db:
        assert 'id="u-%s"' % code in zh.text, "/units: no section for %s" % code
        assert has(zh.text, name_zh), "/units: no %s" % name_zh
        assert has(zh.text, phone), "/units: no phone %s" % phone
        assert has(en.text, name_en), "/en/units: no %s" % name_en


# ---- FAQ ----------------------------------------------------------------------


def test_faq_lists_categories_and_entries(client):
    r = page(client, "/faq")
    cats = client.sql("SELECT DISTINCT c.code, c.name_zh FROM faq f JOIN categories c ON c.code = f.category")
    assert len(cats) >= 5, "demo FAQ has %d categories" % len(cats)
    nav = element(r, "nav", "cats")
    assert nav, "/faq: no category list"
    for code, name in cats:
        assert "/faq?category=%s" % code in links(nav), "/faq: no link to category %s" % code
        assert has(nav, name), "/faq: no category name %s" % name
    entries = links(r, "/faq/")
    n = client.sql("SELECT count(*) FROM faq")[0][0]
    assert len(entries) == n, "/faq lists %d entries, database has %d" % (len(entries), n)


def test_faq_category_filter(client):
    code, count = client.sql(
        "SELECT category, count(*) FROM faq GROUP BY category ORDER BY count(*) DESC, category LIMIT 1"
    )[0]
    total = client.sql("SELECT count(*) FROM faq")[0][0]
    assert count < total, "one category holds every FAQ entry"
    r = page(client, "/faq?category=" + code)
    got = sorted(h.rsplit("/", 1)[1] for h in links(r, "/faq/"))
    want = sorted(s for (s,) in client.sql("SELECT slug FROM faq WHERE category = ?", code))
    assert got == want, "/faq?category=%s: %d entries, want %d" % (code, len(got), len(want))
    cur = [t for t in find_tags(r, "a") if "aria-current" in tag_attrs(t)]
    assert len(cur) == 1 and tag_attrs(cur[0])["href"] == "/faq?category=" + code, \
        "/faq?category=%s: current category not marked (%r)" % (code, cur)
    # a category nobody uses: an empty list with a message, not an error
    r = page(client, "/faq?category=no-such-category")
    assert not links(r, "/faq/"), "unknown category lists entries"
    assert ui("faq_none", "zh") in r.text, "unknown category: no 'none' message"


def test_faq_entries_render_markdown(client):
    corpus = {e["id"]: e for e in faq_corpus()}
    slugs = [s for (s,) in client.sql("SELECT slug FROM faq ORDER BY slug")]
    bold = lists = 0
    for slug in slugs:
        r = page(client, "/faq/" + slug)
        ans = element(r, "div", "answer")
        assert ans is not None and ans.strip(), "/faq/%s: no answer" % slug
        assert "**" not in ans, "/faq/%s: raw ** in the answer" % slug
        assert "<script" not in ans.lower(), "/faq/%s: script in the answer" % slug
        src = corpus.get(slug, {}).get("answer_zh", "")
        if "**" in src:
            assert "<strong>" in ans, "/faq/%s: ** not rendered as <strong>" % slug
            bold += 1
        if re.search(r"(?m)^\s*(?:[-*]|\d+\.)\s", src):
            assert "<li>" in ans, "/faq/%s: list not rendered as <li>" % slug
            lists += 1
        if slug in corpus:
            assert has(element(r, "h1") or "", corpus[slug]["question_zh"]), "/faq/%s: question not in <h1>" % slug
    assert bold and lists, "no FAQ entry used ** (%d) or lists (%d): nothing checked" % (bold, lists)


def test_faq_en(client):
    corpus = [e for e in faq_corpus() if e.get("question_en") and e.get("answer_en")]
    assert corpus, "no English FAQ entries in the corpus"
    r = page(client, "/en/faq")
    assert ui("faq_title", "en") in r.text, "/en/faq: no English title"
    names = [n for (n,) in client.sql("SELECT DISTINCT c.name_en FROM faq f JOIN categories c ON c.code = f.category")]
    for n in names:
        assert has(r.text, n), "/en/faq: no English category %r" % n
    for e in corpus[:15]:
        assert has(r.text, e["question_en"]), "/en/faq: no %r" % e["question_en"]
        item = page(client, "/en/faq/" + e["id"])
        assert has(element(item, "h1") or "", e["question_en"]), \
            "/en/faq/%s: English question not in <h1>" % e["id"]
        ans = element(item, "div", "answer") or ""
        assert "zh-only" not in ans and ui("zh_only", "en") not in item.text, \
            "/en/faq/%s: marked Chinese-only though it has English" % e["id"]
        assert "**" not in ans, "/en/faq/%s: raw **" % e["id"]
        # the English answer, not the Chinese one
        words = [w for w in re.findall(r"[A-Za-z]{4,}", e["answer_en"])][:8]
        assert words and all(w in strip_tags(ans) for w in words), "/en/faq/%s: not the English answer" % e["id"]
        zh = "".join(re.findall(r"[\u4e00-\u9fff]", e["answer_zh"]))[:12]
        assert zh not in "".join(re.findall(r"[\u4e00-\u9fff]", strip_tags(ans))), \
            "/en/faq/%s: the Chinese answer is shown" % e["id"]


def test_unknown_faq_404(client):
    r = client.get("/faq/no-such-question")
    assert r.status == 404, "unknown FAQ entry: %d" % r.status
    assert ui("err_no_faq", "zh") in r.text, "unknown FAQ entry: no explanation"


# ---- news ---------------------------------------------------------------------------


def test_news(client):
    db = client.sql("SELECT id, title_zh, title_en FROM news WHERE " + NEWS_SHOWN)
    assert db, "no demo news"
    r = page(client, "/news")
    hrefs = links(r, "/news/")
    assert sorted(hrefs) == sorted("/news/%d" % i for i, *_ in db), "/news: links %r" % hrefs
    home = page(client, "/")
    assert links(home, "/news/"), "home page shows no news"
    nid, title_zh, title_en = db[0]
    item = page(client, "/news/%d" % nid)
    assert has(element(item, "h1") or "", title_zh), "/news/%d: no title" % nid
    body = element(item, "div", "answer") or ""
    assert body.strip() and "**" not in body, "/news/%d: body missing or raw Markdown" % nid
    en = page(client, "/en/news/%d" % nid)
    assert has(en.text, title_en), "/en/news/%d: no English title" % nid
    assert client.get("/news/999999").status == 404, "unknown news item not 404"
    assert client.get("/news/abc").status == 404, "/news/abc not 404"


# ---- the rest -------------------------------------------------------------------------


def test_healthz(client):
    r = client.get("/healthz")
    assert r.status == 200, "/healthz: %d" % r.status
    assert r.text.strip() == "ok", "/healthz body %r" % r.text
    assert r.header("Content-Type", "").startswith("text/plain"), "/healthz: %s" % r.header("Content-Type")
    assert "no-store" in (r.header("Cache-Control") or ""), "/healthz may be cached"


def test_static_files_etag(client):
    home = page(client, "/")
    css = [tag_attrs(t)["href"] for t in find_tags(home, "link") if tag_attrs(t).get("rel") == "stylesheet"]
    js = [tag_attrs(t)["src"] for t in find_tags(home, "script") if tag_attrs(t).get("src")]
    assert css, "home page links no stylesheet"
    for href, ctype in [(h, "text/css") for h in css] + [(h, ("text/javascript", "application/javascript")) for h in js]:
        r = client.get(href)
        assert r.status == 200, "GET %s: %d" % (href, r.status)
        assert r.body, "GET %s: empty" % href
        got = r.header("Content-Type", "")
        assert got.split(";")[0].strip() in (ctype if isinstance(ctype, tuple) else (ctype,)), \
            "GET %s: Content-Type %r" % (href, got)
        etag = r.header("ETag")
        assert etag, "GET %s: no ETag" % href
        r2 = client.get(href, headers={"If-None-Match": etag})
        assert r2.status == 304, "GET %s If-None-Match %s: %d" % (href, etag, r2.status)
        assert r2.body == b"", "304 with a body"
        r3 = client.get(href, headers={"If-None-Match": '"0000000000000000"'})
        assert r3.status == 200, "GET %s with a stale ETag: %d" % (href, r3.status)


def test_footer_marks_demo_data(client):
    for path, lang in (("/", "zh"), ("/en/services", "en"), ("/faq", "zh")):
        r = page(client, path)
        foot = element(r, "footer")
        assert foot, "%s: no <footer>" % path
        assert ui("demo_notice", lang) in foot, "%s: footer does not mark demo data" % path


def test_about_pages(client):
    for slug in ABOUT:
        key = "about_%s_title" % slug.replace("-", "_")
        for prefix, lang in (("", "zh"), ("/en", "en")):
            path = "%s/about/%s" % (prefix, slug)
            r = page(client, path)
            h1 = strip_tags(element(r, "h1") or "").strip()
            assert h1 == ui(key, lang), "%s: <h1> %r, want %r" % (path, h1, ui(key, lang))
            foot = element(r, "footer") or ""
            assert "%s/about/%s" % (prefix, slug) in foot, "%s: footer does not link the page" % path
    assert client.get("/about/nothing").status == 404, "/about/nothing not 404"


def test_faq_by_unit(client):
    """The FAQ is browsable by section: each unit link lists exactly that
    unit's entries."""
    page = client.get("/faq")
    units = re.findall(r'href="/faq\?unit=([a-z]+)"', page.text)
    assert "civil" in units and "social" in units
    for unit in ("civil", "social"):
        r = client.get("/faq?unit=" + unit)
        assert r.status == 200
        shown = set(re.findall(r'href="/faq/([a-z0-9-]+)"', r.text))
        want = {s for (s,) in client.sql("SELECT slug FROM faq WHERE unit = ?", unit)}
        assert shown == want, (unit, shown ^ want)


def test_news_shows_on_its_own_schedule(client):
    """A news item published from tomorrow appears on the cached news page
    when tomorrow comes, with no other change to the content in between
    (the front end restarted with its clock ten seconds before midnight)."""
    import time

    from test_search import csrf, login

    client.restart_env({"BIANMIN_NOW": "2030-06-04T23:59:50+08:00"})
    started = time.time()
    admin = client.fresh()
    login(admin, "admin1")
    r = admin.post("/staff/news/new", {"csrf": csrf(admin, "/staff/news/new"), "unit": "civil",
                                       "title_zh": "明日公告測試", "body_zh": "內容", "status": "published",
                                       "publish_on": "2030-06-05"})
    assert r.status == 303, "news saved: %d %s" % (r.status, strip_tags(r.text)[:300])
    visitor = client.fresh()
    assert "明日公告測試" not in visitor.get("/news").text, "shown before its day"
    assert "明日公告測試" not in visitor.get("/news").text, "nor from the cached page"
    time.sleep(max(0.0, started + 11.0 - time.time()))  # past midnight on its clock
    assert "明日公告測試" in visitor.get("/news").text, "its day came: the cached page gave way"

"""How a citizen's petition comes in (issue 12): the named mailboxes
(區長信箱, 便民信箱) as entry points of the public site, each filing under
its channel and going to its default unit; the "check your answers" step
before submitting; the §169 read-back on the 1999 form."""

import re

from run import assert_security_headers, hidden_input, links, strip_tags, ui
from test_petitions import receipt_of, row, staff


def check_response(r):
    assert_security_headers(r)


BOX = {"name": "林信箱", "phone": "0933-111-222", "subject": "公園涼亭漏水", "body": "竹園里公園涼亭屋頂漏水。"}


def test_mailbox_entry_points(client):
    home = client.get("/")
    hrefs = set(links(home))
    for ch in ("chief", "mailbox"):
        assert "/petitions/new?channel=%s" % ch in hrefs, "the home page links %s: %s" % (ch, sorted(hrefs)[:40])
    for lang in ("", "/en"):
        for ch, title in (("chief", "pet_box_chief"), ("mailbox", "pet_box_mailbox")):
            page = client.get("%s/petitions/new?channel=%s" % (lang, ch))
            assert page.status == 200, page.status
            h1 = re.search(r"<h1>(.*?)</h1>", page.text, re.S)
            assert h1 and strip_tags(h1.group(1)) == ui("pch_" + ch, lang.strip("/") or "zh"), \
                "the mailbox's name as the title (%s %s)" % (lang, ch)
            assert hidden_input(page, "channel") == ch
            assert ui(title, lang.strip("/") or "zh") in strip_tags(page.text)
    general = client.get("/petitions/new")
    assert hidden_input(general, "channel") == "web"
    assert "/petitions/new?channel=chief" in links(general), "the petition page links the mailboxes"


def file_in(client, channel):
    page = client.get("/petitions/new?channel=" + channel)
    data = dict(BOX, csrf=hidden_input(page, "csrf"), once=hidden_input(page, "once"), channel=channel)
    r = client.post("/petitions/new", dict(data, step="submit"))
    assert r.status == 303, "%s: %d %s" % (channel, r.status, strip_tags(r.text)[:300])
    return receipt_of(client.follow(r))[0]


def test_mailbox_sets_channel_and_routing(client):
    for ch in ("chief", "mailbox"):
        no = file_in(client.fresh(), ch)
        p = row(client, no)
        assert p["channel"] == ch, p
        assert p["state"] == "routed" and p["unit"] == "secretariat", "its routing default: %s" % p
        page = staff(client, "secretary1").get("/staff/petitions/" + no)
        assert ui("pch_" + ch) in strip_tags(page.text)
    # the general form waits for the routing desk; a channel the public site has not is the general form
    for ch in ("web", "counter"):
        no = file_in(client.fresh(), ch)
        p = row(client, no)
        assert p["channel"] == "web" and p["state"] == "received" and p["unit"] is None, p


def test_check_your_answers(client):
    from test_petitions import carried

    v = client.fresh()
    page = v.get("/petitions/new")
    # the §8 notice is one line (a <details> summary) with a link; the form follows at once
    assert re.search(r"<details[^>]*>\s*<summary[^>]*>%s</summary>" % re.escape(ui("pet_pd_summary")), page.text)
    assert "/about/personal-data" in page.text
    assert page.text.index("<details") < page.text.index('name="name"')
    evil = '<script>alert(1)</script>"><img src=x onerror=alert(2)>'
    data = dict(BOX, csrf=hidden_input(page, "csrf"), once=hidden_input(page, "once"), subject="路燈" + evil,
                body="第一行\n第二行 " + evil, address='中山路 "1" 號')
    n = before_count(client)
    check = v.post("/petitions/new", data)
    assert before_count(client) == n, "nothing is made by checking"
    assert check.status == 200, "check: %d %s" % (check.status, strip_tags(check.text)[:300])
    assert ui("pet_check_title") in check.text
    assert "<script>alert(1)" not in check.text and "<img src=x" not in check.text, "what was typed is escaped"
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in check.text
    text = strip_tags(check.text)
    assert "林信箱" in text and "第一行" in text and "第二行" in text and '中山路 "1" 號' in text
    kept = carried(check)
    assert kept["subject"] == data["subject"] and kept["body"] == data["body"] and kept["once"] == data["once"]
    # Edit: the form again, filled in
    edit = v.post("/petitions/new", dict(kept, step="edit"))
    assert edit.status == 200 and 'name="name"' in edit.text and 'value="林信箱"' in edit.text
    assert hidden_input(edit, "once") == data["once"], "the same form, the same once token"
    # Submit twice (a double click): one petition
    n = before_count(client)
    first = v.post("/petitions/new", dict(kept, step="submit"))
    second = v.post("/petitions/new", dict(kept, step="submit"))
    assert first.status == second.status == 303, (first.status, second.status)
    assert before_count(client) == n + 1, "one petition for a double submit"
    a, b = receipt_of(v.follow(first)), receipt_of(v.follow(second))
    assert a == b, "both show the same receipt"
    p = row(client, a[0])
    assert p["subject"] == data["subject"], "stored as typed"
    # the English page
    page = v.get("/en/petitions/new")
    check = v.post("/en/petitions/new", dict(BOX, csrf=hidden_input(page, "csrf"), once=hidden_input(page, "once")))
    assert check.status == 200 and ui("pet_check_title", "en") in strip_tags(check.text)


def before_count(client):
    return client.sql("SELECT count(*) FROM petitions")[0][0]

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

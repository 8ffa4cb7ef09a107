"""test_faq_stale.py -- content that stays fresh (issue #5): the scheduler
flags an FAQ entry not reviewed for 180 days to its unit once, and the
staff dashboard shows the reminder in both languages, linked to the editor.

The scheduler runs as its own process on the front end's database with
BIANMIN_NOW, as in test_petitions.py (whose helpers this module uses).
"""

import datetime
import re
import sqlite3

from run import assert_security_headers, strip_tags, ui
from test_petitions import csrf, scheduler, staff


def check_response(r):
    assert_security_headers(r)


def run_once(client, now):
    p = scheduler(client.db, now, "--once")
    _, err = p.communicate(timeout=60)
    assert p.returncode == 0, "scheduler exit %d: %s" % (p.returncode, err)
    return err


def test_faq_stale_notifies_unit(client):
    # the social section's oldest entry; 181 days after its review it is due, and only
    # the section's entries reviewed that day or before are
    fid, slug, q_zh, q_en, reviewed = client.sql(
        "SELECT id, slug, question_zh, question_en, reviewed_on FROM faq WHERE unit = 'social' "
        "ORDER BY reviewed_on, id LIMIT 1")[0]
    day = datetime.date.fromisoformat(reviewed) + datetime.timedelta(days=181)
    now = day.strftime("%Y-%m-%dT09:00:00+08:00")
    # an earlier test's pass far in the future (notice sheets, retention) flagged every entry already:
    # forget this entry's flag, so this pass raises it anew and it is the newest on the dashboard
    con = sqlite3.connect(client.db, timeout=10, isolation_level=None)
    try:
        con.execute("DELETE FROM outbox WHERE notification_id IN (SELECT n.id FROM notifications n JOIN flags f "
                    "ON f.id = n.flag_id WHERE f.item_kind = 'faq' AND f.item_id = ?)", (fid,))
        con.execute("DELETE FROM notifications WHERE flag_id IN (SELECT id FROM flags WHERE item_kind = 'faq' "
                    "AND item_id = ?)", (fid,))
        con.execute("DELETE FROM flags WHERE item_kind = 'faq' AND item_id = ?", (fid,))
    finally:
        con.close()
    err = run_once(client, now)
    m = re.search(r"(\d+) FAQ entries due for review", err)
    assert m and int(m.group(1)) >= 1, "the log line counts the entries due: %s" % err

    flags = client.sql("SELECT id, tier, ref FROM flags WHERE item_kind = 'faq' AND item_id = ?", fid)
    assert [(t, r) for _, t, r in flags] == [("stale", reviewed)], "one flag against the review date: %s" % flags
    users = {u for (u,) in client.sql("SELECT u.username FROM notifications n JOIN users u ON u.id = n.user_id "
                                       "WHERE n.flag_id = ?", flags[0][0])}
    assert users == {"officer1", "head1"}, "the section's officer and head are told: %s" % users

    # the dashboard, in Chinese and in English: label, question, review date, link to the editor
    officer = staff(client, "officer1")
    home = officer.get("/staff")
    assert home.status == 200, home.status
    item = [li for li in re.findall(r"<li[^>]*>.*?</li>", home.text, re.S) if "/staff/faq/%s/edit" % slug in li]
    assert len(item) == 1, "one reminder linked to /staff/faq/%s/edit: %s" % (slug, strip_tags(home.text)[-600:])
    text = strip_tags(item[0])
    for want in (ui("tier_stale"), ui("notif_faq"), q_zh, ui("notif_reviewed")):
        assert want in text, "%r missing from the reminder: %s" % (want, text)
    en = officer.get("/en/staff")
    item = [li for li in re.findall(r"<li[^>]*>.*?</li>", en.text, re.S) if "/en/staff/faq/%s/edit" % slug in li]
    assert len(item) == 1, "the English dashboard links to /en/staff/faq/%s/edit" % slug
    text = strip_tags(item[0])
    for want in (ui("tier_stale", "en"), ui("notif_faq", "en"), q_en or q_zh, ui("notif_reviewed", "en")):
        assert want in text, "%r missing from the English reminder: %s" % (want, text)
    assert officer.get("/staff/faq/%s/edit" % slug).status == 200, "the link opens the editor"

    # read, and a second pass raises nothing new
    nid = client.sql("SELECT n.id FROM notifications n JOIN users u ON u.id = n.user_id "
                     "WHERE n.flag_id = ? AND u.username = 'officer1'", flags[0][0])[0][0]
    assert officer.post("/staff/notifications/%d/read" % nid, {"csrf": csrf(officer)}).status == 303
    before = client.sql("SELECT count(*) FROM flags")[0][0], client.sql("SELECT count(*) FROM notifications")[0][0]
    err = run_once(client, now)
    assert "raised 0 flags, queued 0 notifications" in err, err
    after = client.sql("SELECT count(*) FROM flags")[0][0], client.sql("SELECT count(*) FROM notifications")[0][0]
    assert before == after, (before, after)

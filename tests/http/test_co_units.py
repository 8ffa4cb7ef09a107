"""會辦 (issue 12): a petition handled by two units.  社會課 leads (its
officer was assigned); it asks 民政課, whose officer reads the petition and
records its part; the reply is refused while that part is missing and goes
out (to the citizen's status page) once the lead closes it."""

from run import assert_security_headers, hidden_input, strip_tags, ui
from test_citizen_msgs import rows
from test_petitions import csrf, lookup, post, routed_to_officer, staff, submit_web


def check_response(r):
    assert_security_headers(r)


def setup(client):
    client.admin("user", "add", "--user", "civil2", "--role", "officer", "--unit", "civil", "--name", "民政會辦",
                 input="demo-password\ndemo-password\n", check=True)


def close_reply(c, no, text):
    return post(c, no, "close", {"outcome": "replied", "reply": text, "confirm": "1", "reason": "ok"})


def test_co_units_two_units(client):
    no, code, _ = submit_web(client.fresh(), email="co.units@example.org", confidential="1")
    routed_to_officer(client, no)
    lead = staff(client, "officer1")
    civil = staff(client, "civil2")
    # before it is asked, 民政課 sees nothing of a confidential petition and cannot answer
    assert "竹東里中正路" not in civil.get("/staff/petitions/" + no).text
    assert post(civil, no, "co-part", {"reply": "不該收到"}).status == 403
    page = lead.get("/staff/petitions/" + no)
    assert ui("pet_co_ask_button") in page.text, "the lead may ask another unit"
    assert post(lead, no, "co-units", {"unit": "social"}).status == 422, "not the lead's own unit"
    assert post(lead, no, "co-units", {"unit": "atlantis"}).status == 422
    r = post(lead, no, "co-units", {"unit": "civil"})
    assert r.status == 303, "ask: %d %s" % (r.status, strip_tags(r.text)[:300])
    assert post(lead, no, "co-units", {"unit": "civil"}).status == 409, "asked once"
    # the reply waits for the part
    r = close_reply(lead, no, "已修復。")
    assert r.status == 422 and ui("err_pet_co_waiting") in r.text, r.status
    assert [m[0] for m in rows(client, "petition", no)] == ["receipt"], "no reply went out"
    # 民政課 reads it and records its part, once; only the lead closes it
    page = civil.get("/staff/petitions/" + no)
    assert "竹東里中正路" in page.text and ui("pet_co_part_button") in page.text
    assert post(civil, no, "co-part", {}).status == 422
    r = post(civil, no, "co-part", {"reply": "民政課：已會同里長確認路燈位置。"})
    assert r.status == 303, "part: %d %s" % (r.status, strip_tags(r.text)[:300])
    assert post(civil, no, "co-part", {"reply": "again"}).status in (403, 409)
    assert close_reply(civil, no, "不是主辦").status == 403
    page = lead.get("/staff/petitions/" + no)
    assert "民政課：已會同里長確認路燈位置。" in page.text and ui("pet_co_answered") in page.text
    r = close_reply(lead, no, "路燈已於週一修復，並經民政課會同里長確認。")
    assert r.status == 303, "reply: %d %s" % (r.status, strip_tags(r.text)[:300])
    assert [m[0] for m in rows(client, "petition", no)] == ["receipt", "reply"], "the reply goes out when the lead closes"
    status = lookup(client.fresh(), no, code)
    assert "路燈已於週一修復" in status.text
    audit = client.sql("SELECT action, detail FROM audit WHERE object = ? ORDER BY id", "petition:" + no)
    assert ("petition_co_ask", "civil") in audit and ("petition_co_answer", "civil") in audit, audit

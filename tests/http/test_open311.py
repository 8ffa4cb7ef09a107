"""The Open311 GeoReport v2 API (issue 13), as a client written from the
specification sees it: services and service definitions, discovery, POST
requests with an api_key, GET requests and one request, in JSON and in XML
(.json/.xml), and every error as [{"code", "description"}] /
<errors><error>.  Privacy: no name, phone or e-mail ever; confidential
petitions never; the description and media_url only with the publish
consent.  Keys: revoked keys are refused, the per-key rate limit answers
429, and nothing refused is stored."""

import datetime
import json
import urllib.parse
import xml.etree.ElementTree as ET

from run import assert_security_headers, hidden_input

BASE = "/open311/v2"
FORMATS = ("json", "xml")
KEYS = {}  # front -> {name: key}


def check_response(r):
    assert_security_headers(r)


def setup(client):
    keys = KEYS.setdefault(client.front, {})
    for name, rate in (("partner", "1000"), ("slow", "2"), ("gone", "30")):
        p = client.admin("api-key", "add", "--name", name, "--rate", rate, check=True)
        keys[name] = p.stdout.strip().splitlines()[-1]
        assert len(keys[name]) == 64, "the last line is the key: %r" % p.stdout
    client.admin("api-key", "revoke", "--name", "gone", check=True)


# ---- a client from the specification ------------------------------------


def parse(r, fmt):
    """The body as Python data: JSON as it is; XML as (root tag, element)."""
    if fmt == "json":
        assert r.header("Content-Type").startswith("application/json"), r.header("Content-Type")
        return json.loads(r.body)
    assert r.header("Content-Type").startswith("text/xml"), r.header("Content-Type")
    assert r.body.startswith(b'<?xml version="1.0" encoding="utf-8"?>'), r.body[:60]
    return ET.fromstring(r.body)


def records(r, fmt, root, item):
    """A list answer (services, service_requests) as a list of dicts of text."""
    doc = parse(r, fmt)
    if fmt == "json":
        assert isinstance(doc, list), doc
        return doc
    assert doc.tag == root, "root element %s, want %s" % (doc.tag, root)
    out = []
    for el in doc:
        assert el.tag == item, "child %s of <%s>, want %s" % (el.tag, root, item)
        out.append({c.tag: (c.text or "") for c in el})
    return out


def errors(r, fmt, status):
    """Checks an error answer: the status, and the spec's shape with that code."""
    assert r.status == status, "want %d, got %d: %s" % (status, r.status, r.body[:300])
    doc = parse(r, fmt)
    if fmt == "json":
        assert isinstance(doc, list) and doc, doc
        assert doc[0]["code"] == status and doc[0]["description"], doc
        return doc[0]["description"]
    assert doc.tag == "errors" and doc[0].tag == "error", r.body
    assert doc[0].find("code").text == str(status), r.body
    assert doc[0].find("description").text, r.body
    return doc[0].find("description").text


def key(client, name="partner"):
    return KEYS[client.front][name]


def post_request(client, fmt, fields, name="partner"):
    data = [("api_key", key(client, name))] if name else []
    data += list(fields.items()) if isinstance(fields, dict) else list(fields)
    return client.post("%s/requests.%s" % (BASE, fmt), data)


def new_request(client, fmt, **extra):
    fields = {"service_code": "streetlights", "lat": "22.8561", "long": "120.2614",
              "attribute[problem]": "out", "jurisdiction_id": "luzhu"}
    fields.update(extra)
    fields = {k: v for k, v in fields.items() if v is not None}
    r = post_request(client, fmt, fields)
    assert r.status == 200, "POST requests: %d %s" % (r.status, r.body[:300])
    got = records(r, fmt, "service_requests", "request")
    assert len(got) == 1 and got[0]["service_request_id"], got
    assert "service_notice" in got[0] and "account_id" in got[0], got
    return got[0]


def get_requests(client, fmt, query="", path="requests"):
    r = client.get("%s/%s.%s%s" % (BASE, path, fmt, "?" + query if query else ""))
    assert r.status == 200, "GET %s: %d %s" % (path, r.status, r.body[:300])
    return records(r, fmt, "service_requests", "request")


def count(client, table="petitions"):
    return client.sql("SELECT count(*) FROM %s" % table)[0][0]


# ---- services, definitions, discovery -----------------------------------


def test_o311_services(client):
    codes = {}
    for fmt in FORMATS:
        r = client.get("%s/services.%s" % (BASE, fmt))
        assert r.status == 200, r.status
        got = records(r, fmt, "services", "service")
        for s in got:
            for f in ("service_code", "service_name", "description", "metadata", "type", "keywords", "group"):
                assert f in s, "%s: no %s in %s" % (fmt, f, s)
            assert s["type"] == "realtime", s
            assert str(s["metadata"]).lower() == "true", s  # every service has the consent attribute
        codes[fmt] = [s["service_code"] for s in got]
    assert codes["json"] == codes["xml"], codes
    # categories about a place or a thing; not the welfare ones
    assert "streetlights" in codes["json"] and "roads" in codes["json"], codes
    assert "social-assistance" not in codes["json"], codes
    en = json.loads(client.get("/en%s/services.json" % BASE).body)
    assert [s["service_name"] for s in en if s["service_code"] == "streetlights"] == ["Streetlights"], en


def test_o311_service_definition(client):
    doc = json.loads(client.get(BASE + "/services/streetlights.json").body)
    assert doc["service_code"] == "streetlights", doc
    attrs = {a["code"]: a for a in doc["attributes"]}
    for a in doc["attributes"]:
        for f in ("variable", "code", "datatype", "required", "datatype_description", "order", "description"):
            assert f in a, "attribute without %s: %s" % (f, a)
    assert attrs["problem"]["required"] is True and attrs["problem"]["datatype"] == "singlevaluelist", attrs
    assert "out" in [v["key"] for v in attrs["problem"]["values"]], attrs["problem"]
    publish = attrs["publish"]
    assert publish["datatype"] == "singlevaluelist" and publish["required"] is False, publish
    assert sorted(v["key"] for v in publish["values"]) == ["no", "yes"], publish
    assert [a["order"] for a in doc["attributes"]] == sorted(a["order"] for a in doc["attributes"]), doc

    r = client.get(BASE + "/services/streetlights.xml")
    root = parse(r, "xml")
    assert root.tag == "service_definition" and root.find("service_code").text == "streetlights", r.body
    xml_codes = [a.find("code").text for a in root.find("attributes").findall("attribute")]
    assert xml_codes == [a["code"] for a in doc["attributes"]], xml_codes
    keys = [v.find("key").text for v in root.find("attributes").findall("attribute")[-1].find("values")]
    assert keys == ["yes", "no"], keys

    for fmt in FORMATS:
        errors(client.get("%s/services/no-such-service.%s" % (BASE, fmt)), fmt, 404)
        # a category that is not offered is not a service either
        errors(client.get("%s/services/social-assistance.%s" % (BASE, fmt)), fmt, 404)


def test_o311_discovery(client):
    doc = json.loads(client.get(BASE + "/discovery.json").body)
    ep = doc["endpoints"][0]
    assert ep["specification"] == "http://wiki.open311.org/GeoReport_v2", ep
    assert ep["url"].endswith("/open311/v2") and "text/xml" in ep["formats"], ep
    assert "changeset" in doc and "contact" in doc and "key_service" in doc, doc
    root = parse(client.get(BASE + "/discovery.xml"), "xml")
    assert root.tag == "discovery", root.tag
    formats = [f.text for f in root.find("endpoints").find("endpoint").find("formats").findall("format")]
    assert formats == ep["formats"], formats


# ---- POST, then GET ------------------------------------------------------


def test_o311_post_and_get_round_trip(client):
    for fmt in FORMATS:
        text = "路燈整晚不亮 %s & <b>'\"" % fmt
        sent = new_request(client, fmt, description=text, address_string="中山路 1 號前",
                           address_id="A-17", account_id="acct-9", device_id="dev-1",
                           media_url="https://example.org/p/1.jpg", **{"attribute[publish]": "yes",
                                                                        "attribute[pole_no]": "LZ-0042"})
        sid = sent["service_request_id"]
        assert sent["account_id"] == "acct-9", sent
        for how in FORMATS:
            got = get_requests(client, how, path="requests/" + urllib.parse.quote(sid))
            assert len(got) == 1, got
            g = got[0]
            assert g["service_request_id"] == sid and g["status"] == "open", g
            assert g["service_code"] == "streetlights" and g["service_name"], g
            assert g["description"] == text, g
            assert g["media_url"] == "https://example.org/p/1.jpg", g
            assert g["address"] == "中山路 1 號前" and g["address_id"] == "A-17", g
            assert abs(float(g["lat"]) - 22.8561) < 1e-9 and abs(float(g["long"]) - 120.2614) < 1e-9, g
            for f in ("requested_datetime", "updated_datetime", "expected_datetime"):
                assert g[f].endswith("+08:00") and datetime.datetime.fromisoformat(g[f]), (f, g[f])
            assert g["agency_responsible"], "the office answers until a section is routed: %s" % g
            for f in ("status_notes", "agency_responsible", "service_notice", "zipcode"):
                assert f in g, (f, g)
        listed = [g["service_request_id"] for g in get_requests(client, fmt)]
        assert sid in listed, (sid, listed)
        # the same workflow as every other channel: a received petition with its deadline, event and audit row
        row = client.sql("SELECT channel, state, category, due_on, lat, lon, publish FROM petitions "
                         "WHERE petition_no = ?", sid)
        assert row and row[0][:3] == ("open311", "received", "streetlights") and row[0][3], row
        assert row[0][4:] == (22.8561, 120.2614, 1), row
        assert client.sql("SELECT count(*) FROM petition_events WHERE petition_id = "
                          "(SELECT id FROM petitions WHERE petition_no = ?)", sid)[0][0] == 1
        audit = client.sql("SELECT username, action FROM audit WHERE object = ?", "petition:" + sid)
        assert audit == [("partner", "open311_create")], audit
        extra = client.sql("SELECT api_key, attributes, device_id FROM open311_requests r JOIN petitions p "
                           "ON p.id = r.petition_id WHERE p.petition_no = ?", sid)
        assert extra[0][0] == "partner" and extra[0][2] == "dev-1", extra
        assert json.loads(extra[0][1]) == {"problem": "out", "publish": "yes", "pole_no": "LZ-0042"}, extra


def test_o311_filters(client):
    a = new_request(client, "json")["service_request_id"]
    b = new_request(client, "json", service_code="drainage", address_string="民族路",
                    **{"attribute[problem]": None})["service_request_id"]
    for fmt in FORMATS:
        ids = [g["service_request_id"] for g in get_requests(client, fmt, "service_request_id=%s,%s" % (a, b))]
        assert sorted(ids) == sorted([a, b]), ids
        ids = [g["service_request_id"] for g in get_requests(client, fmt, "service_code=drainage")]
        assert b in ids and a not in ids, ids
        assert all(g["status"] == "open" for g in get_requests(client, fmt, "status=open")), fmt
        assert a not in [g["service_request_id"] for g in get_requests(client, fmt, "status=closed")], fmt
        old = "start_date=2020-01-01T00:00:00Z&end_date=2020-02-01T00:00:00%2B08:00"
        assert get_requests(client, fmt, old) == [], fmt
        now = datetime.datetime.now(datetime.timezone.utc)
        window = "start_date=%s&end_date=%s" % (
            urllib.parse.quote((now - datetime.timedelta(days=2)).isoformat(timespec="seconds")),
            urllib.parse.quote((now + datetime.timedelta(days=1)).isoformat(timespec="seconds")))
        assert a in [g["service_request_id"] for g in get_requests(client, fmt, window)], window


def test_o311_privacy(client):
    """No name, phone or e-mail anywhere; the description only with consent;
    confidential petitions never."""
    sid = new_request(client, "json", description="我家門口 0912-345-678 的燈壞了", first_name="小美",
                      last_name="陳", email="mei@example.org", phone="0922333444",
                      media_url="https://example.org/private.jpg")["service_request_id"]
    # a confidential web petition in an offered category
    page = client.get("/petitions/new")
    r = client.post("/petitions/new", {"csrf": hidden_input(page, "csrf"), "name": "林秘密", "phone": "0933111222",
                                       "category": "streetlights", "subject": "秘密路燈", "body": "不要公開",
                                       "confidential": "1", "step": "submit"})
    assert r.status == 303, "web petition: %d" % r.status
    secret = client.sql("SELECT petition_no FROM petitions WHERE subject = '秘密路燈'")[0][0]
    for fmt in FORMATS:
        for path in ("requests." + fmt, "requests/%s.%s" % (sid, fmt)):
            r = client.get("%s/%s" % (BASE, path))
            body = r.body.decode("utf-8")
            for leak in ("小美", "mei@example.org", "0922333444", "我家門口", "private.jpg", "林秘密", "0933111222"):
                assert leak not in body, "%s leaks %s" % (path, leak)
            assert secret not in body, "%s lists the confidential petition" % path
        got = get_requests(client, fmt, path="requests/" + sid)[0]
        assert got["description"] == "" and got["media_url"] == "", got
        errors(client.get("%s/requests/%s.%s" % (BASE, secret, fmt)), fmt, 404)
        errors(client.get("%s/requests/P0000101-0001.%s" % (BASE, fmt)), fmt, 404)
    # stored for the staff all the same
    assert client.sql("SELECT name, email, body FROM petitions WHERE petition_no = ?", sid) == [
        ("小美 陳", "mei@example.org", "我家門口 0912-345-678 的燈壞了")]


# ---- errors ----------------------------------------------------------------


def test_o311_post_errors(client):
    good = {"service_code": "streetlights", "lat": "22.8", "long": "120.2", "attribute[problem]": "out"}
    before = (count(client), count(client, "audit"), count(client, "open311_requests"))
    cases = [
        (None, {}, 403),                                           # no key
        (None, {"api_key": "0" * 64}, 403),                        # unknown key
        ("gone", {}, 403),                                         # revoked key
        ("partner", {"service_code": "no-such"}, 404),
        ("partner", {"service_code": "social-assistance"}, 404),   # not offered
        ("partner", {"service_code": ""}, 400),
        ("partner", {"lat": "95"}, 400),
        ("partner", {"long": "-181"}, 400),
        ("partner", {"lat": "north"}, 400),
        ("partner", {"lat": "", "long": ""}, 400),                 # no place at all
        ("partner", {"long": ""}, 400),                            # lat without long
        ("partner", {"email": "not-an-address"}, 400),
        ("partner", {"phone": "12"}, 400),
        ("partner", {"attribute[problem]": "broken"}, 400),        # not a listed key
        ("partner", {"attribute[problem]": ""}, 400),              # required
        ("partner", {"attribute[colour]": "red"}, 400),            # no such attribute
        ("partner", {"attribute[publish]": "maybe"}, 400),
        ("partner", {"description": "長" * 4001}, 400),
        ("partner", {"description": "a\x01b"}, 400),
        ("partner", {"media_url": "javascript:alert(1)"}, 400),
    ]
    for fmt in FORMATS:
        for name, change, status in cases:
            fields = dict(good)
            fields.update(change)
            errors(post_request(client, fmt, fields, name=name), fmt, status)
        # the dispatcher's refusals in the same format
        errors(client.post("%s/requests.%s" % (BASE, fmt), "service_code=%ZZ"), fmt, 400)
        errors(client.post("%s/requests.%s" % (BASE, fmt), b"{}", headers={"Content-Type": "application/json"}),
               fmt, 415)
        errors(client.post("%s/services.%s" % (BASE, fmt), {"x": "1"}), fmt, 405)
        errors(client.post("%s/requests.%s" % (BASE, fmt), "description=" + "a" * 70000), fmt, 413)
        errors(client.get("%s/no-such-thing.%s" % (BASE, fmt)), fmt, 404)
    errors(client.get(BASE + "/services.csv"), "json", 404)
    after = (count(client), count(client, "audit"), count(client, "open311_requests"))
    assert after == before, "refused requests wrote %s -> %s" % (before, after)
    d = errors(client.post("/en%s/requests.json" % BASE, dict(good, api_key=key(client), lat="91")), "json", 400)
    assert "lat" in d and "-90" in d, d


def test_o311_get_errors(client):
    for fmt in FORMATS:
        for q in ("start_date=yesterday", "end_date=2026-13-01T00:00:00Z", "status=pending",
                  "start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z",  # more than 90 days
                  "start_date=2026-02-01T00:00:00Z&end_date=2026-01-01T00:00:00Z",
                  "service_code=%3Cscript%3E"):
            d = errors(client.get("%s/requests.%s?%s" % (BASE, fmt, q)), fmt, 400)
            assert "<script>" not in d, d
        errors(client.get("%s/tokens/abc123.%s" % (BASE, fmt)), fmt, 404)
        errors(client.get("%s/requests.%s?api_key=%s" % (BASE, fmt, key(client, "gone"))), fmt, 403)


def test_o311_keys_audit_and_rate_limit(client):
    # a read with a key is audited under the key's name
    n = client.sql("SELECT count(*) FROM audit WHERE username = 'partner' AND action = 'open311_read'")[0][0]
    assert client.get("%s/services.json?api_key=%s" % (BASE, key(client))).status == 200
    assert client.sql("SELECT count(*) FROM audit WHERE username = 'partner' AND action = 'open311_read'")[0][0] == n + 1
    # "slow" may post twice a minute; the third is refused and stores nothing
    good = {"service_code": "roads", "address_string": "中正路口", "attribute[size]": "small"}
    for fmt in ("json", "xml"):
        r = post_request(client, fmt, good, name="slow")
        assert r.status == 200, "slow key, request %s: %d %s" % (fmt, r.status, r.body[:200])
    before = count(client)
    for fmt in FORMATS:
        errors(post_request(client, fmt, good, name="slow"), fmt, 429)
    assert count(client) == before, "a throttled request stored a petition"
    # other keys are not held back by it
    new_request(client, "json")
    listed = client.admin("api-key", "list", check=True).stdout
    assert "partner" in listed and "gone" in listed and "revoked" in listed, listed
    assert key(client) not in listed, "list must not show keys"
    stored = client.sql("SELECT key_hash FROM api_keys WHERE name = 'partner'")[0][0]
    assert stored != key(client), "the key itself is stored"


def test_o311_keys_admin_page(client):
    """An administrator makes a partner's key in the browser: shown once,
    working at once, only its hash kept; revoked there, refused at once;
    both audit-logged with the key's name."""
    from test_search import login
    import re
    admin = client.fresh()
    login(admin, "admin1")
    page = admin.get("/staff/admin/api-keys")
    assert page.status == 200 and "no-store" in page.header("Cache-Control", ""), page.status
    assert "partner" in page.text and "gone" in page.text, "the keys made with the CLI are listed"
    token = hidden_input(page, "csrf")

    r = admin.post("/staff/admin/api-keys", {"csrf": token, "name": "路竹 field app", "rate": "5"})
    assert r.status == 201 and "no-store" in r.header("Cache-Control", ""), "add: %d" % r.status
    shown = re.findall(r'id="new-key"[^>]*value="([0-9a-f]{64})"', r.text)
    assert len(shown) == 1, "the new key is shown once on the answer"
    new_key = shown[0]
    stored = client.sql("SELECT key_hash, rate_per_min FROM api_keys WHERE name = '路竹 field app'")
    assert stored and stored[0][0] != new_key and stored[0][1] == 5, stored
    assert new_key not in admin.get("/staff/admin/api-keys").text, "the key is never shown again"
    assert client.get("%s/services.json?api_key=%s" % (BASE, new_key)).status == 200

    fields = {"api_key": new_key, "service_code": "roads", "address_string": "中正路口", "attribute[size]": "small"}
    assert client.post("%s/requests.json" % BASE, fields).status == 200, "the new key submits at once"
    again = admin.post("/staff/admin/api-keys", {"csrf": token, "name": "路竹 field app"})
    assert again.status == 409 and "new-key" not in again.text, "a second key of the same name: %d" % again.status
    for bad in ({"name": ""}, {"name": "x", "rate": "0"}, {"name": "x", "rate": "999999"}, {"name": "a\x01b"}):
        r = admin.post("/staff/admin/api-keys", dict(bad, csrf=token))
        assert r.status in (400, 422) and 'role="alert"' in r.text, "%r: %d" % (bad, r.status)
    assert not client.sql("SELECT 1 FROM api_keys WHERE name = 'x'"), "a refused form made a key"

    r = admin.post("/staff/admin/api-keys/revoke", {"csrf": token, "name": "路竹 field app"})
    assert r.status == 303, "revoke: %d" % r.status
    errors(client.post("%s/requests.json" % BASE, fields), "json", 403)
    assert admin.post("/staff/admin/api-keys/revoke", {"csrf": token, "name": "路竹 field app"}).status == 404
    actions = [a for (a,) in client.sql("SELECT action FROM audit WHERE object = 'apikey:路竹 field app' "
                                        "AND username = 'admin1' ORDER BY id")]
    assert actions == ["apikey_add", "apikey_revoke"], actions

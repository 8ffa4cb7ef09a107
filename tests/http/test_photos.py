"""Photos and places on petitions, and the village officers' field report
(issue 13).  A JPEG carrying EXIF with a GPS position comes back from the
staff photo URL re-encoded, without its Exif segment; an oversized photo
is 413 with the visitor's-language message, a truncated one and HTML
called .jpg are refused, and nothing of a refused form is stored.  A photo
the petitioner did not agree to publish is 404 to the public and absent
from Open311; a published one is served and is the request's media_url.
Places: latitude 91 is refused.  A field report becomes a petition under
channel 'field', routed to its category's unit."""

import json
import re
import struct

from run import assert_security_headers, hidden_input, ui
from test_petitions import carried, staff

CATEGORY = "fieldlights"  # made by setup with a default unit
UNIT = "econ"


def check_response(r):
    assert_security_headers(r)


def setup(client):
    from test_office import admin, post
    a = admin(client)
    r = post(a, "/staff/admin/categories", {"code": CATEGORY, "name_zh": "路燈查報", "name_en": "Streetlights (field)",
                                            "default_unit": UNIT})
    assert r.status in (303, 422), r.status


def exif_jpeg():
    """A grey 8x8 baseline JPEG made by hand (PIL may not be installed): an
    APP1 Exif segment with a GPS IFD holding a latitude (22°51'), one
    quantization table, one-code Huffman tables, one block."""
    tiff = b"MM\x00\x2a\x00\x00\x00\x08"
    tiff += struct.pack(">HHHII", 1, 0x8825, 4, 1, 26) + b"\x00\x00\x00\x00"  # IFD0: the GPS IFD at 26
    tiff += struct.pack(">HHHII", 1, 0x0002, 5, 3, 44) + b"\x00\x00\x00\x00"  # GPSLatitude at 44
    tiff += struct.pack(">IIIIII", 22, 1, 51, 1, 0, 1)
    app1 = b"Exif\x00\x00" + tiff
    seg = lambda m, body: b"\xff" + bytes([m]) + struct.pack(">H", len(body) + 2) + body
    return (b"\xff\xd8" + seg(0xE1, app1) + seg(0xDB, b"\x00" + b"\x01" * 64)
            + seg(0xC0, b"\x08\x00\x08\x00\x08\x01\x01\x11\x00")
            + seg(0xC4, b"\x00\x01" + b"\x00" * 15 + b"\x00") + seg(0xC4, b"\x10\x01" + b"\x00" * 15 + b"\x00")
            + seg(0xDA, b"\x01\x01\x00\x00\x3f\x00") + b"\x3f\xff\xd9")


def multipart(fields, files):
    """(body, content type): fields {name: str}, files [(field, filename, bytes)]."""
    boundary = "----bianminphotos13"
    out = b""
    for k, v in fields.items():
        out += ('--%s\r\nContent-Disposition: form-data; name="%s"\r\n\r\n%s\r\n' % (boundary, k, v)).encode()
    for k, fn, data in files:
        out += ('--%s\r\nContent-Disposition: form-data; name="%s"; filename="%s"\r\n'
                "Content-Type: image/jpeg\r\n\r\n" % (boundary, k, fn)).encode() + data + b"\r\n"
    out += ("--%s--\r\n" % boundary).encode()
    return out, "multipart/form-data; boundary=%s" % boundary


def send(client, page_path, post_path, fields, files, lang=""):
    page = client.get(lang + page_path)
    assert page.status == 200, page.status
    data = dict(fields, once=hidden_input(page, "once"), csrf=hidden_input(page, "csrf"))
    body, ct = multipart(data, files)
    return client.request("POST", lang + post_path, body=body, headers={"Content-Type": ct})


def web_petition(client, subject, files, lang="", **extra):
    """The citizen's way: the form (with the place), "check your answers", then the photos and the consent to
    publish on the check page, and Submit.  The check's answer when it refuses, else the submit's."""
    publish = extra.pop("publish", None)
    fields = dict({"name": "林照片", "phone": "0933111222", "category": "streetlights", "subject": subject,
                   "body": "中正路路燈不亮，附照片。"}, **extra)
    c = client.fresh()
    page = c.get(lang + "/petitions/new")
    assert page.status == 200, page.status
    assert 'type="file"' not in page.text, "photos are chosen on the check page, where they are sent from"
    check = c.post(lang + "/petitions/new", dict(fields, once=hidden_input(page, "once"),
                                                  csrf=hidden_input(page, "csrf")))
    if check.status != 200:
        return check
    assert 'type="file"' in check.text and 'enctype="multipart/form-data"' in check.text
    data = dict(carried(check), step="submit")
    if publish:
        data["publish"] = publish
    body, ct = multipart(data, files)
    return c.request("POST", lang + "/petitions/new", body=body, headers={"Content-Type": ct})


def petition_no(client, subject):
    rows = client.sql("SELECT petition_no FROM petitions WHERE subject = ?", subject)
    assert len(rows) == 1, rows
    return rows[0][0]


def counts(client):
    return client.sql("SELECT (SELECT count(*) FROM petitions), (SELECT count(*) FROM petition_photos)")[0]


def o311_media_url(client, no):
    r = client.get("/open311/v2/requests/%s.json" % no)
    assert r.status == 200, r.body[:200]
    return json.loads(r.body)[0]["media_url"]


def test_exif_gone_place_kept_private_by_default(client):
    jpeg = exif_jpeg()
    assert b"Exif" in jpeg
    r = web_petition(client, "照片測試不公開", [("photo", "IMG_0001.jpg", jpeg)],
                     place="竹滬里中正路 12 號前", lat="22.8567", long="120.2618")
    assert r.status == 303, (r.status, r.text[:500])
    no = petition_no(client, "照片測試不公開")
    assert client.sql("SELECT place, lat, lon, publish FROM petitions WHERE petition_no = ?", no) == [
        ("竹滬里中正路 12 號前", 22.8567, 120.2618, 0)]
    officer = staff(client, "counter1")
    page = officer.get("/staff/petitions/%s" % no)
    assert "竹滬里中正路 12 號前" in page.text and "22.856700, 120.261800" in page.text
    assert "/staff/petitions/%s/thumbs/1" % no in page.text
    before = client.sql("SELECT count(*) FROM audit WHERE action = 'view_photo' AND object = ?", "petition:" + no)[0][0]
    ph = officer.get("/staff/petitions/%s/photos/1" % no)
    assert ph.status == 200 and ph.header("Content-Type") == "image/jpeg", ph.status
    assert ph.body[:2] == b"\xff\xd8" and b"Exif" not in ph.body and b"\xff\xe1" not in ph.body[:64]
    assert "no-store" in ph.header("Cache-Control", "")
    after = client.sql("SELECT count(*) FROM audit WHERE action = 'view_photo' AND object = ?", "petition:" + no)[0][0]
    assert after == before + 1, "the photo view is on the audit log"
    assert officer.get("/staff/petitions/%s/thumbs/1" % no).status == 200
    assert officer.get("/staff/petitions/%s/photos/2" % no).status == 404
    # not agreed to publish: not for the public, not in Open311
    pub = client.fresh()
    assert pub.get("/petitions/%s/photos/1" % no).status == 404
    assert pub.get("/petitions/%s/thumbs/1" % no).status == 404
    assert o311_media_url(client, no) == ""
    # a village officer sees no petition, so no photo
    assert staff(client, "village1").get("/staff/petitions/%s/photos/1" % no).status == 403


def test_published_photo_is_public_and_the_media_url(client):
    r = web_petition(client, "照片測試公開", [("photo", "a.jpg", exif_jpeg())], publish="1")
    assert r.status == 303, (r.status, r.text[:500])
    no = petition_no(client, "照片測試公開")
    ph = client.fresh().get("/petitions/%s/photos/1" % no)
    assert ph.status == 200 and ph.body[:2] == b"\xff\xd8" and b"Exif" not in ph.body
    assert o311_media_url(client, no).endswith("/petitions/%s/photos/1" % no)


def test_refused_photos_store_nothing(client):
    before = counts(client)
    big = b"\xff\xd8\xff" + b"\x00" * (5 * 1024 * 1024)
    for lang, key_lang in (("", "zh"), ("/en", "en")):
        page = client.fresh()
        r = send(page, "/petitions/new", "/petitions/new",
                 {"name": "林太大", "phone": "0933111222", "subject": "太大", "body": "太大"},
                 [("photo", "big.jpg", big)], lang=lang)
        assert r.status == 413, r.status
        assert ui("err_photo_too_large", key_lang) in r.text
    # past the whole body's limit (16 MiB): 413 from the front end, in the visitor's language, nothing read
    for lang, key_lang in (("", "zh"), ("/en", "en")):
        r = client.fresh().request("POST", lang + "/petitions/new", body=b"x" * (17 * 1024 * 1024),
                                   headers={"Content-Type": "multipart/form-data; boundary=x"})
        assert r.status == 413 and ui("err_too_large", key_lang) in r.text, (r.status, r.text[:200])
    r = web_petition(client, "四張", [("photo", "%d.jpg" % i, exif_jpeg()) for i in range(4)])
    assert r.status == 413 and ui("err_photo_count") in r.text
    r = web_petition(client, "截斷", [("photo", "cut.jpg", exif_jpeg()[:60])])
    assert r.status == 422 and ui("err_photo_truncated") in r.text
    html = b"<!DOCTYPE html><html><script>alert(1)</script></html>"
    r = web_petition(client, "偽裝", [("photo", "cat.jpg", html)])
    assert r.status == 422 and ui("err_photo_type") in r.text
    assert "<script>alert(1)" not in r.text
    assert counts(client) == before, "nothing of a refused form is stored"


def test_place_validated(client):
    before = counts(client)
    r = web_petition(client, "緯度錯", [], lat="91", long="120")
    assert r.status == 422 and ui("err_place_lat") in r.text
    assert 'id="lat-err"' in r.text
    r = web_petition(client, "只有緯度", [], lat="22.8")
    assert r.status == 422 and ui("err_place_pair") in r.text
    assert counts(client) == before


def test_staff_intake_takes_photo_and_place(client):
    c = staff(client, "counter1")
    r = send(c, "/staff/petitions/new", "/staff/petitions/new",
             {"channel": "counter", "read_back": "1", "name": "臨櫃照片", "phone": "0933222333",
              "subject": "臨櫃照片測試", "body": "人行道破損", "place": "中山路口", "lat": "22.85", "long": "120.26"},
             [("photo", "p.jpg", exif_jpeg())])
    assert r.status == 303, (r.status, r.text[:300])
    no = petition_no(client, "臨櫃照片測試")
    assert client.sql("SELECT count(*) FROM petition_photos f JOIN petitions p ON p.id = f.petition_id "
                      "WHERE p.petition_no = ?", no) == [(1,)]


def test_field_report(client):
    v = staff(client, "village1")
    page = v.get("/staff/field")
    assert page.status == 200 and 'capture="environment"' in page.text and "data-geo" in page.text
    # the button may ask for the position on this page; other pages may not ask at all
    assert "geolocation=(self)" in page.header("Permissions-Policy")
    assert "geolocation=()" in client.get("/").header("Permissions-Policy")
    words = "竹滬里路燈倒塌 %s" % client.front
    r = send(v, "/staff/field", "/staff/field",
             {"category": CATEGORY, "village": "zhuhu", "body": words, "lat": "22.86", "long": "120.25"},
             [("photo", "field.jpg", exif_jpeg())])
    assert r.status == 303, (r.status, re.findall(r'class="field-error"[^>]*>([^<]*)', r.text))
    receipt = v.follow(r)
    assert receipt.status == 200 and re.search(r"P\d{7}-\d{4}", receipt.text)
    rows = client.sql("SELECT channel, unit, state, village, created_by IS NOT NULL, "
                      "(SELECT count(*) FROM petition_photos f WHERE f.petition_id = p.id) "
                      "FROM petitions p WHERE body = ?", words)
    assert rows == [("field", UNIT, "routed", "zhuhu", 1, 1)], rows
    # not from a village this officer does not keep
    before = counts(client)
    r = send(v, "/staff/field", "/staff/field", {"category": CATEGORY, "village": "xinda", "body": "別里"}, [])
    assert r.status == 422 and ui("err_field_village") in r.text
    assert counts(client) == before


def test_open311_takes_photos_as_media(client):
    """A partner sends the photo itself, as multipart "media" files beside the spec's fields: kept as the
    forms keep one (EXIF gone), public only with the publish attribute; a disguised file is a 400 in the
    spec's error format, and nothing is stored."""
    from test_open311 import BASE

    made = client.admin("api-key", "add", "--name", "photo partner", check=True)
    fields = {"api_key": made.stdout.strip().splitlines()[-1], "service_code": "streetlights", "lat": "22.8561", "long": "120.2614",
              "attribute[problem]": "out", "attribute[publish]": "yes", "description": "路燈倒了 media"}
    body, ct = multipart(fields, [("media", "lamp.jpg", exif_jpeg())])
    r = client.request("POST", BASE + "/requests.json", body=body, headers={"Content-Type": ct})
    assert r.status == 200, (r.status, r.body[:300])
    no = json.loads(r.body)[0]["service_request_id"]
    assert client.sql("SELECT count(*) FROM petition_photos f JOIN petitions p ON p.id = f.petition_id "
                      "WHERE p.petition_no = ?", no) == [(1,)]
    media = o311_media_url(client, no)
    assert media.endswith("/petitions/%s/photos/1" % no), media
    ph = client.fresh().get("/petitions/%s/photos/1" % no)
    assert ph.status == 200 and ph.body[:2] == b"\xff\xd8" and b"Exif" not in ph.body
    before = counts(client)
    html = b"<!DOCTYPE html><html><script>alert(1)</script></html>"
    body, ct = multipart(dict(fields, description="偽裝 media"), [("media", "cat.jpg", html)])
    r = client.request("POST", BASE + "/requests.json", body=body, headers={"Content-Type": ct})
    assert r.status == 400, (r.status, r.body[:300])
    err = json.loads(r.body)
    assert err[0]["code"] == 400 and err[0]["description"].startswith("media:"), err
    body, ct = multipart(dict(fields, description="四張 media"), [("media", "%d.jpg" % i, exif_jpeg()) for i in range(4)])
    r = client.request("POST", BASE + "/requests.json", body=body, headers={"Content-Type": ct})
    assert r.status == 413 and json.loads(r.body)[0]["code"] == 413, (r.status, r.body[:300])
    assert counts(client) == before, "nothing of a refused request is stored"

"""Questionnaires (issue 18), end to end over HTTP: staff write a draft (a
parse error is shown with its line and stores nothing), fix it, preview and
open it; citizens answer (a receipt), anonymous answers have a per-address
brake, a questionnaire tied to an event takes one answer per sign-up code;
closing ends answering; the results count and give percentages, the CSV is
formula-safe with a UTF-8 BOM; the English pages; other units and roles are
refused; the event pages link their questionnaire."""

import concurrent.futures
import csv
import io
import re
import secrets

from run import hidden_input, strip_tags, ui
from test_events import cancel_code, login, publish, sign_up

QUESTIONS = """single*: 您如何得知本活動？ | How did you hear about this event?
- 網站 | Website
- 里辦公處 | Village office
multiple: 您想參加哪些活動？ | Which activities would you join?
- 講座 | Talks
- 導覽 | Tours
scale*: 整體滿意度 | Overall satisfaction
text: 其他建議 | Other suggestions"""

ANSWER_MAX = 200  # anonymous answers an address may send in ten minutes (questionnaires.c)


def setup(client):
    client.admin("user", "add", "--user", "civilq1", "--role", "officer", "--unit", "civil", "--name", "民政問卷",
                 input="demo-password\ndemo-password\n", check=True)


def draft(client, title="服務滿意度調查", questions=QUESTIONS, **extra):
    """Saves a draft as the signed-in user; returns the POST's response."""
    page = client.get("/staff/surveys/new")
    assert page.status == 200, "new-questionnaire form: %d" % page.status
    data = {"csrf": hidden_input(page, "csrf"), "unit": "social", "title_zh": title,
            "title_en": "Service satisfaction survey", "questions": questions}
    data.update(extra)
    return client.post("/staff/surveys/new", data)


def create(client, **kw):
    """A draft saved by the signed-in user; its id."""
    r = draft(client, **kw)
    assert r.status == 303, "draft answered %d: %s" % (r.status, strip_tags(r.text)[:300])
    return int(re.search(r"/staff/surveys/(\d+)$", r.header("Location")).group(1))


def change(client, sid, action):
    page = client.get("/staff/surveys/%d" % sid)
    r = client.post("/staff/surveys/%d/%s" % (sid, action), {"csrf": hidden_input(page, "csrf")})
    assert r.status == 303, "%s answered %d: %s" % (action, r.status, strip_tags(r.text)[:300])


def opened(client, **kw):
    sid = create(client, **kw)
    change(client, sid, "open")
    return sid


def answer(visitor, sid, values, path="/surveys/%d", **extra):
    """Posts the answer form of questionnaire sid as a visitor; values are (question, value) pairs."""
    page = visitor.get(path % sid)
    assert page.status == 200, "answer page: %d" % page.status
    data = [("csrf", hidden_input(page, "csrf")), ("once", hidden_input(page, "once"))]
    data += [("a%d" % q, v) for q, v in values] + list(extra.items())
    return visitor.post((path % sid) + "/answer", data)


def responses(client, sid):
    return client.sql("SELECT count(*) FROM survey_responses WHERE survey_id = ?", sid)[0][0]


# ---- staff write a draft ---------------------------------------------------------------


def test_questionnaire_draft_parse_error_then_preview(client):
    login(client, "officer1")
    before = client.sql("SELECT count(*) FROM surveys")[0][0]
    bad = QUESTIONS.replace("scale*: 整體滿意度", "rating*: 整體滿意度")
    r = draft(client, questions=bad, title="<b>錯誤</b>")
    assert r.status == 422, "a questionnaire that does not parse answered %d" % r.status
    text = strip_tags(r.text)
    assert ui("sv_err_line").replace("{line}", "7") + ui("survey_err_kind") in text, "no line-numbered error: %s" % text[:600]
    assert 'role="alert"' in r.text and 'aria-describedby="questions-hint questions-err"' in r.text
    assert "<b>錯誤</b>" not in r.text and "rating*: 整體滿意度" in r.text, "the form does not keep what was written"
    assert client.sql("SELECT count(*) FROM surveys")[0][0] == before, "a refused draft was stored"
    # a choice question without choices, in English
    en_form = client.get("/en/staff/surveys/new")
    r = client.post("/en/staff/surveys/new", {"csrf": hidden_input(en_form, "csrf"), "unit": "social", "title_zh": "x",
                                             "questions": "single: 問題 | Question\ntext: 建議"})
    assert r.status == 422 and "Line 1:" + ui("survey_err_few", "en") in strip_tags(r.text), strip_tags(r.text)[:600]
    # fixed: saved as a draft and previewed, not yet answerable
    sid = create(client)
    page = client.get("/staff/surveys/%d" % sid)
    assert page.status == 200 and ui("sv_state_draft") in page.text and ui("sv_preview") in page.text
    assert "您如何得知本活動？" in page.text and "里辦公處" in page.text and " disabled" in page.text, "no preview"
    assert client.fresh().get("/surveys/%d" % sid).status == 404, "a draft is answerable"
    # a draft may be edited; the edit is checked like a new one
    form = client.get("/staff/surveys/%d/edit" % sid)
    assert form.status == 200 and "整體滿意度" in form.text
    r = client.post("/staff/surveys/%d/edit" % sid, {"csrf": hidden_input(form, "csrf"), "unit": "social",
                                                    "title_zh": "服務滿意度調查（修訂）", "questions": bad})
    assert r.status == 422
    assert client.sql("SELECT title_zh FROM surveys WHERE id = ?", sid) == [("服務滿意度調查",)]
    r = client.post("/staff/surveys/%d/edit" % sid, {"csrf": hidden_input(form, "csrf"), "unit": "social",
                                                    "title_zh": "服務滿意度調查（修訂）", "questions": QUESTIONS})
    assert r.status == 303, r.status
    assert client.sql("SELECT title_zh, state FROM surveys WHERE id = ?", sid) == [("服務滿意度調查（修訂）", "draft")]
    listing = client.get("/staff/surveys")
    assert listing.status == 200 and "服務滿意度調查（修訂）" in listing.text


# ---- citizens answer --------------------------------------------------------------------


def test_questionnaire_answer_and_close(client):
    login(client, "officer1")
    sid = opened(client)
    visitor = client.fresh()
    page = visitor.get("/surveys/%d" % sid)
    assert page.status == 200 and "整體滿意度" in page.text and 'name="once"' in page.text
    assert 'for="a1-1"' in page.text and 'id="a1-1"' in page.text, "choices lack their labels"
    form = [("csrf", hidden_input(page, "csrf")), ("once", hidden_input(page, "once"))]
    r = visitor.post("/surveys/%d/answer" % sid, form + [("a1", "1"), ("a2[]", "1"), ("a2[]", "2"), ("a3", "5"), ("a4", "很好")])
    assert r.status == 303, "answer: %d %s" % (r.status, strip_tags(r.text)[:300])
    thanks = visitor.follow(r)
    assert thanks.status == 200 and ui("sv_thanks") in thanks.text, "no receipt"
    rows = client.sql("SELECT a.question, a.choice, a.text FROM survey_answers a JOIN survey_responses r "
                      "ON r.id = a.response_id WHERE r.survey_id = ? ORDER BY a.question, a.choice", sid)
    assert rows == [(1, 1, None), (2, 1, None), (2, 2, None), (3, 5, None), (4, None, "很好")], rows
    # the same form again is the same answer, not a second one
    again = visitor.post("/surveys/%d/answer" % sid, form + [("a1", "1"), ("a3", "4")])
    assert again.status == 303 and again.header("Location") == r.header("Location") and responses(client, sid) == 1
    # a missing required answer and a choice that does not exist: 422, nothing written
    bad = answer(client.fresh(), sid, [(1, "9"), (4, "<script>x</script>")])
    assert bad.status == 422, bad.status
    assert ui("survey_err_choice") in bad.text and ui("survey_err_required") in bad.text
    assert 'aria-describedby="a3-err"' in bad.text and 'role="alert"' in bad.text
    assert "<script>x</script>" not in bad.text and "&lt;script&gt;" in bad.text
    en = answer(client.fresh(), sid, [(1, "1")], path="/en/surveys/%d")
    assert en.status == 422 and ui("survey_err_required", "en") in en.text and 'lang="en"' in en.text
    assert responses(client, sid) == 1, "a refused answer was stored"
    # closing ends answering
    change(client, sid, "close")
    late = client.fresh()
    assert late.get("/surveys/%d" % sid).status == 410
    token = hidden_input(late.get("/events/cancel"), "csrf")
    r = late.post("/surveys/%d/answer" % sid, {"csrf": token, "once": secrets.token_hex(16), "a1": "1", "a3": "3"})
    assert r.status == 410 and ui("sv_err_closed") in r.text, r.status
    assert responses(client, sid) == 1
    # and a closed questionnaire does not open again
    page = client.get("/staff/surveys/%d" % sid)
    assert client.post("/staff/surveys/%d/open" % sid, {"csrf": hidden_input(page, "csrf")}).status == 409


def test_questionnaire_brake_per_address(client):
    """An address gets ANSWER_MAX anonymous answers in ten minutes; the next is refused and writes nothing."""
    login(client, "officer1")
    sid = opened(client, title="剎車測試")
    visitor = client.fresh()
    token = hidden_input(visitor.get("/surveys/%d" % sid), "csrf")

    def go(_):
        r = visitor.post("/surveys/%d/answer" % sid, {"csrf": token, "once": secrets.token_hex(16), "a1": "2", "a3": "3"},
                         timeout=60)
        return r.status

    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
        statuses = list(pool.map(go, range(ANSWER_MAX)))
    assert statuses.count(303) == ANSWER_MAX, sorted(set(statuses))
    assert responses(client, sid) == ANSWER_MAX
    r = visitor.post("/surveys/%d/answer" % sid, {"csrf": token, "once": secrets.token_hex(16), "a1": "2", "a3": "3"})
    assert r.status == 429 and r.header("Retry-After"), r.status
    assert ui("http_429") in r.text, "the refusal is not in the visitor's language"
    en = visitor.post("/en/surveys/%d/answer" % sid, {"csrf": token, "once": secrets.token_hex(16), "a1": "2", "a3": "3"})
    assert en.status == 429 and ui("http_429", "en") in en.text
    assert responses(client, sid) == ANSWER_MAX, "a refused answer was stored"
    # another address is not braked
    assert answer(client.fresh(), sid, [(1, "1"), (3, "1")]).status == 303


def test_questionnaire_of_an_event_needs_a_sign_up_code(client):
    login(client, "officer1")
    eid = publish(client, title="問卷活動", capacity=5)
    signer = client.fresh()
    code = cancel_code(sign_up(signer, eid, name="填問卷"))
    other = publish(client, title="別的活動", capacity=5)
    other_code = cancel_code(sign_up(client.fresh(), other, name="別人"))
    sid = opened(client, title="活動回饋", event_id=str(eid))
    visitor = client.fresh()
    page = visitor.get("/surveys/%d" % sid)
    assert page.status == 200 and 'name="code"' in page.text and "問卷活動" in page.text
    values = [(1, "2"), (3, "4")]
    r = answer(visitor, sid, values)
    assert r.status == 422 and ui("sv_err_code_required") in r.text and 'aria-describedby="code-hint code-err"' in r.text
    for wrong in ("ABCDEFGHJK", other_code, "x"):
        r = answer(visitor, sid, values, code=wrong)
        assert r.status == 422 and ui("sv_err_code") in r.text, (wrong, r.status)
    assert responses(client, sid) == 0
    r = answer(visitor, sid, values, code=code.lower())
    assert r.status == 303, "answer with the code: %d %s" % (r.status, strip_tags(r.text)[:300])
    assert responses(client, sid) == 1
    # one answer per sign-up
    r = answer(client.fresh(), sid, values, code=code)
    assert r.status == 409 and ui("sv_err_answered") in r.text, r.status
    assert responses(client, sid) == 1
    # guessing codes is braked
    guesser = client.fresh()
    statuses = [answer(guesser, sid, values, code="ABCDEFGH%02d" % i).status for i in range(12)]
    assert statuses[0] == 422 and statuses[-1] == 429, statuses
    # the event pages link the questionnaire
    public = client.fresh().get("/events/%d" % eid)
    assert "/surveys/%d" % sid in public.text and ui("ev_survey_link") in public.text
    receipt = signer.get("/events/receipt")
    assert "/surveys/%d" % sid in receipt.text and ui("ev_survey_receipt") in receipt.text, "the receipt lacks the link"
    staff = client.get("/staff/events/%d" % eid)
    assert "/staff/surveys/%d/results" % sid in staff.text


# ---- results --------------------------------------------------------------------------


def test_questionnaire_results_and_csv(client):
    login(client, "officer1")
    sid = opened(client, title="結果測試")
    for values in ([(1, "1"), (2, "1"), (3, "5"), (4, "=HYPERLINK(\"http://x\")")],
                   [(1, "1"), (2, "1"), (2, "2"), (3, "4"), (4, "-2+3")],
                   [(1, "2"), (3, "5"), (4, "@SUM(A1)")]):
        assert answer(client.fresh(), sid, values).status == 303
    page = client.get("/staff/surveys/%d/results" % sid)
    assert page.status == 200, page.status
    text = strip_tags(page.text)
    assert re.search(r"%s:\s*3" % ui("sv_responses"), text), "no answer count"
    rows = re.findall(r'<tr><th scope="row">([^<]*)</th><td>(\d+)</td><td>(\d+)%</td></tr>', page.text)
    assert ("網站", "2", "67") in rows and ("里辦公處", "1", "33") in rows, rows
    assert ("講座", "2", "67") in rows and ("導覽", "1", "33") in rows, rows
    assert ("5", "2", "67") in rows and ("4", "1", "33") in rows and ("1", "0", "0") in rows, rows
    assert "@SUM(A1)" in page.text and "=HYPERLINK(&quot;http://x&quot;)" in page.text, "free-text answers missing"
    en = client.get("/en/staff/surveys/%d/results" % sid)
    assert en.status == 200 and "Website" in en.text and 'lang="en"' in en.text
    r = client.get("/staff/surveys/%d/results.csv" % sid)
    assert r.status == 200 and r.header("Content-Type").startswith("text/csv"), r.status
    assert r.body.startswith(b"\xef\xbb\xbf"), "no UTF-8 BOM"
    cells = [c for row in csv.reader(io.StringIO(r.body.decode("utf-8-sig"))) for c in row]
    assert "網站" in cells and "67" in cells
    for formula in ("=HYPERLINK(\"http://x\")", "-2+3", "@SUM(A1)"):
        assert formula not in cells and "'" + formula in cells, "%s is not neutralised: %s" % (formula, cells)
    assert not any(c[:1] in "=+-@" for c in cells if c), "a cell starts with a formula character"


# ---- who may ---------------------------------------------------------------------------


def test_questionnaire_refused_to_others(client):
    login(client, "officer1")
    sid = opened(client, title="權限測試問卷")
    anon = client.fresh()
    r = anon.get("/staff/surveys/%d/results" % sid)
    assert r.status == 303 and "/staff/login" in r.header("Location"), r.status
    counter = client.fresh()
    login(counter, "counter1")
    assert counter.get("/staff/surveys").status == 403
    assert counter.get("/staff/surveys/%d/results.csv" % sid).status == 403
    # another unit's officer sees neither the questionnaire nor its results, and may not close it
    other = client.fresh()
    login(other, "civilq1")
    for path in ("/staff/surveys/%d", "/staff/surveys/%d/results", "/staff/surveys/%d/results.csv"):
        r = other.get(path % sid)
        assert r.status == 403, (path, r.status)
    assert ui("err_forbidden") in other.get("/staff/surveys/%d/results" % sid).text
    page = other.get("/staff/surveys")
    assert page.status == 200 and "權限測試問卷" not in page.text, "another unit lists the questionnaire"
    r = other.post("/staff/surveys/%d/close" % sid, {"csrf": hidden_input(page, "csrf")})
    assert r.status == 403, r.status
    assert client.sql("SELECT state FROM surveys WHERE id = ?", sid) == [("open",)]
    # nor may it write one for the social unit
    r = draft(other, title="冒名")
    assert r.status == 422 and ui("tp_err_unit") in r.text
    assert client.sql("SELECT count(*) FROM surveys WHERE title_zh = '冒名'")[0][0] == 0
    # the head of the unit and the administrator see the results
    for user in ("head1", "secretary1", "admin1"):
        s = client.fresh()
        login(s, user)
        assert s.get("/staff/surveys/%d/results" % sid).status == 200, user

/*
 * questionnaires.c -- questionnaires (issue #18): staff write one as text
 * (domain/survey.h), attach it to an event of their unit, a service or the
 * whole office, preview, open and close it, and read the results (counts
 * and percentages per question, the free-text answers, CSV); citizens
 * answer the open ones on /surveys/{id}.
 *
 * Tied to an event, an answer needs the sign-up's cancel code and each
 * sign-up answers once (UNIQUE (survey_id, signup_id)); otherwise answers
 * are anonymous, with a brake per address.  Every answer is one form (the
 * one-time token's hash is UNIQUE), stored with its rows in one
 * transaction.  Access is domain/access.c's (REC_SURVEY).
 *
 * Must not include: sqlite3.h, microhttpd.h, fcgiapp.h.
 */
#include <stdio.h>
#include <string.h>

#include "app/auth.h"
#include "app/view.h"
#include "domain/clock.h"
#include "domain/ids.h"
#include "domain/survey.h"
#include "handlers/handlers.h"
#include "handlers/taking_part.h"
#include "handlers/views.h"
#include "store/catalog.h"
#include "store/events.h"
#include "store/surveys.h"

_Static_assert((int)SURVEY_MAX_QUESTIONS <= (int)MAX_INDEX, "every question needs a field name a1..aN");

enum {
	/* anonymous answers per address in a window: a class or a meeting may answer from one network */
	ANSWER_WINDOW = 10 * 60,
	ANSWER_MAX = 200,
};

/* ---- shared pieces ---- */

static bool load_survey(struct req *rq, struct resp *rs, struct store *st, struct survey_rec *s)
{
	long long id;
	enum err err = ERR_NOTFOUND;
	if (tp_cap_id(rq, 0, &id))
		err = store_survey_get(st, rq->arena, id, s);
	if (err != ERR_OK)
		page_error_lookup(rq, rs, err, "sv_err_none");
	return err == ERR_OK;
}

static bool survey_may(const struct req *rq, const struct survey_rec *s, enum access_action act)
{
	return tp_may(rq, REC_SURVEY, s->unit, act);
}

static bool is_state(const struct survey_rec *s, const char *state)
{
	return strcmp(s->state, state) == 0;
}

/* The stored questions (checked when they were saved). */
static bool survey_questions(struct req *rq, const struct survey_rec *s, struct question **qs, size_t *n)
{
	int line;
	const char *why;
	return survey_parse(rq->arena, s->spec, qs, n, &line, &why) == ERR_OK;
}

static const char *question_text(const struct req *rq, const struct question *q)
{
	return pick(rq, q->text);
}

static const char *option_text(const struct req *rq, const struct question *q, size_t i)
{
	return pick(rq, q->opt[i]);
}

/* The values posted for question no (from 1), at most max. */
static size_t posted_values(const struct req *rq, unsigned no, const char **out, size_t max)
{
	const struct fval *f = req_val(rq, K_QANSWER);
	size_t n = 0;
	for (size_t i = 0; i < f->nmulti && n < max; i++)
		if (f->multi_index[i] == no)
			out[n++] = f->multi[i];
	return n;
}

static bool posted(const char *const *values, size_t n, const char *v)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(values[i], v) == 0)
			return true;
	return false;
}

/* One choice of a question into its options list. */
static void option_view(struct req *rq, struct tlist *l, unsigned no, int value, const char *label, bool checked)
{
	struct tobj *o = tlist_obj(l);
	tobj_str(o, "id", arena_printf(rq->arena, "a%u-%d", no, value));
	tobj_int(o, "value", value);
	tobj_str(o, "label", label);
	tobj_bool(o, "checked", checked);
}

/*
 * The questions as the form shows them into v.questions, with what was
 * posted (after a refusal) and each question's error key (errors may be NULL).
 */
static void questions_view(struct req *rq, struct tobj *v, const struct question *qs, size_t n,
                           const char *const *errors)
{
	struct tlist *l = tobj_list(v, "questions");
	for (size_t i = 0; i < n; i++) {
		const struct question *q = &qs[i];
		unsigned no = (unsigned)i + 1;
		const char *vals[MAX_MULTI];
		size_t nv = posted_values(rq, no, vals, MAX_MULTI);
		struct tobj *o = tlist_obj(l);
		tobj_int(o, "no", no);
		tobj_str(o, "name", arena_printf(rq->arena, "a%u", no));
		tobj_str(o, "field",
		         arena_printf(rq->arena, q->kind == Q_MULTIPLE ? "a%u[]" : "a%u", no)); /* the inputs' name */
		tobj_str(o, "text", question_text(rq, q));
		tobj_bool(o, "required", q->required);
		tobj_bool(o, "is_text", q->kind == Q_TEXT);
		tobj_bool(o, "is_scale", q->kind == Q_SCALE);
		tobj_str(o, "input_type", q->kind == Q_MULTIPLE ? "checkbox" : "radio");
		if (q->kind == Q_TEXT)
			tobj_str(o, "value", nv ? vals[0] : "");
		struct tlist *ol = tobj_list(o, "options");
		for (size_t k = 0; q->kind != Q_TEXT && k < (q->kind == Q_SCALE ? SURVEY_SCALE_MAX : q->nopt); k++) {
			const char *value = arena_printf(rq->arena, "%zu", k + 1);
			option_view(rq, ol, no, (int)k + 1, q->kind == Q_SCALE ? value : option_text(rq, q, k),
			            posted(vals, nv, value));
		}
		if (errors && errors[i]) {
			tobj_bool(o, "has_error", true);
			tobj_str(o, "error", T(rq, errors[i]));
		}
	}
}

static const char *state_label(struct req *rq, const char *state)
{
	return T(rq, arena_printf(rq->arena, "sv_state_%s", state));
}

/* ---- the public page ---- */

static void survey_page(struct req *rq, struct resp *rs, struct store *st, const struct survey_rec *s,
                        const struct question *qs, size_t n, int status, const char *const *errors,
                        const char *code_err)
{
	struct tobj *v = view_new(rq, pick(rq, s->title));
	tobj_str(v, "survey_title", pick(rq, s->title));
	struct event_rec e;
	if (s->event_id && store_event_get(st, rq->arena, s->event_id, &e) == ERR_OK) {
		view_text(rq, v, "event_title", e.title);
		tobj_str(v, "event_href", url(rq, "/events/%lld", e.id));
	}
	tobj_bool(v, "tied", s->event_id != 0);
	tobj_str(v, "csrf", auth_csrf(rq));
	tobj_str(v, "once", auth_form_once(rq));
	tobj_str(v, "action", url(rq, "/surveys/%lld/answer", s->id));
	tobj_str(v, "code", req_val(rq, K_CODE)->s);
	if (code_err)
		view_field_error(rq, v, "code", T(rq, code_err));
	questions_view(rq, v, qs, n, errors);
	tobj_bool(v, "has_errors", status == 422);
	rs->status = status;
	rs->no_store = true;
	page_render(rq, rs, "survey", v);
}

/* The questionnaire citizens may answer: open; a draft is not there, a closed one is gone (410). */
static bool load_open_survey(struct req *rq, struct resp *rs, struct store *st, struct survey_rec *s,
                             struct question **qs, size_t *n)
{
	if (!load_survey(rq, rs, st, s))
		return false;
	if (is_state(s, "draft")) {
		page_error(rq, rs, 404, "sv_err_none");
		return false;
	}
	if (is_state(s, "closed")) {
		page_error(rq, rs, 410, "sv_err_closed");
		return false;
	}
	if (!survey_questions(rq, s, qs, n)) {
		page_error(rq, rs, 503, "err_unavailable");
		return false;
	}
	return true;
}

void h_survey(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	struct survey_rec s;
	struct question *qs;
	size_t n;
	if (load_open_survey(rq, rs, st, &s, &qs, &n))
		survey_page(rq, rs, st, &s, qs, n, 200, NULL, NULL);
}

/* Checks every question's answer into rows; true when all are acceptable (errors[] all NULL). */
static bool check_answers(struct req *rq, const struct question *qs, size_t n, const char **errors,
                          struct survey_answer_row **rows, size_t *nrows)
{
	bool ok = req_val(rq, K_QANSWER)->err_key == NULL;
	*rows = arena_alloc(rq->arena, n * (SURVEY_MAX_OPTIONS + 1) * sizeof **rows);
	*nrows = 0;
	for (size_t i = 0; i < n; i++) {
		const char *vals[MAX_MULTI];
		size_t nv = posted_values(rq, (unsigned)i + 1, vals, MAX_MULTI);
		struct answer a;
		errors[i] = survey_check(&qs[i], vals, nv, &a);
		ok = ok && !errors[i];
		if (errors[i] || !a.given)
			continue;
		if (a.text)
			(*rows)[(*nrows)++] = (struct survey_answer_row){(int)i + 1, 0, a.text};
		for (size_t k = 0; k < a.nchoices; k++)
			(*rows)[(*nrows)++] = (struct survey_answer_row){(int)i + 1, a.choices[k], NULL};
	}
	return ok;
}

/* The per-address key of the brakes. */
static struct attempt_limit address_brake(struct req *rq, int max)
{
	return (struct attempt_limit){arena_printf(rq->arena, "addr:%s", rq->remote_addr ? rq->remote_addr : "-"), max};
}

/*
 * The sign-up whose cancel code was given, for a questionnaire tied to
 * its event, into *signup_id.  ERR_INVAL with *err the refusal's UI key;
 * ERR_LIMIT (with *retry_s) when the address has tried TP_CANCEL_MAX wrong
 * codes in the window: a code is counted in its own transaction, as on the
 * cancel form, and taken back when it is right, so the attendees of one
 * event answering from its hall's network are not braked.
 */
static enum err tied_signup(struct req *rq, struct store *st, const struct survey_rec *s, long long *signup_id,
                            const char **err, long *retry_s)
{
	const struct fval *f = req_val(rq, K_CODE);
	*err = f->err_key ? f->err_key : f->present ? NULL : "sv_err_code_required";
	if (*err)
		return ERR_INVAL;
	const struct attempt_limit brake = address_brake(rq, TP_CANCEL_MAX);
	time_t now = clock_now();
	enum err e = store_attempt_take(st, "survey_code", &brake, 1, now, TP_CANCEL_WINDOW, retry_s);
	if (e != ERR_OK)
		return e;
	char code_hash[CODE_HASH_SIZE];
	char norm[QUERY_CODE_LEN + 1];
	struct signup_rec su;
	if (!ids_normalize_code(f->s, norm) ||
	    (auth_hash_code(norm, code_hash), store_signup_by_code(st, rq->arena, code_hash, &su)) != ERR_OK ||
	    su.event_id != s->event_id || strcmp(su.state, "cancelled") == 0) {
		*err = "sv_err_code";
		return ERR_INVAL;
	}
	*signup_id = su.id;
	return store_attempt_undo(st, "survey_code", &brake, 1, now);
}

static void to_thanks(struct req *rq, struct resp *rs, long long id)
{
	page_redirect(rq, rs, url(rq, "/surveys/%lld/thanks", id));
}

void h_survey_answer(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	struct survey_rec s;
	struct question *qs;
	size_t n;
	if (!load_open_survey(rq, rs, st, &s, &qs, &n))
		return;
	const char *once = auth_form_once(rq);
	char form_hash[FORM_HASH_SIZE];
	ids_form_hash(once, form_hash);
	long long made;
	if (store_survey_by_form(st, form_hash, &made) == ERR_OK) {
		to_thanks(rq, rs, made); /* the same form again: its answer, not a second one */
		return;
	}
	const char **errors = arena_alloc(rq->arena, n * sizeof *errors);
	struct survey_answer_row *rows;
	size_t nrows;
	const char *code_err = NULL;
	long long signup_id = 0;
	long retry_s = 0;
	enum err err = s.event_id ? tied_signup(rq, st, &s, &signup_id, &code_err, &retry_s) : ERR_OK;
	if (err == ERR_LIMIT) {
		page_try_later(rq, rs, (retry_s + 59) / 60);
		return;
	}
	if (err != ERR_OK && err != ERR_INVAL) {
		page_error(rq, rs, 503, "err_unavailable");
		return;
	}
	if (!check_answers(rq, qs, n, errors, &rows, &nrows) || code_err) {
		survey_page(rq, rs, st, &s, qs, n, 422, errors, code_err);
		return;
	}
	struct survey_response_new r = {s.id, signup_id, form_hash, clock_now_iso(rq->arena), rows, nrows};
	const struct attempt_limit brake = address_brake(rq, ANSWER_MAX);
	err = store_begin(st);
	if (err == ERR_OK && !signup_id)
		err = store_attempt_take(st, "survey", &brake, 1, clock_now(), ANSWER_WINDOW, &retry_s);
	if (err == ERR_OK)
		err = store_survey_get(st, rq->arena, s.id, &s); /* still open, under the write lock */
	if (err == ERR_OK && !is_state(&s, "open"))
		err = ERR_INVAL; /* closed meanwhile */
	if (err == ERR_OK)
		err = store_survey_respond(st, &r);
	store_fail(st, err);
	err = store_finish(st);
	if (err == ERR_OK)
		to_thanks(rq, rs, s.id);
	else if (err == ERR_LIMIT)
		page_try_later(rq, rs, (retry_s + 59) / 60);
	else if (err == ERR_INVAL)
		page_error(rq, rs, 410, "sv_err_closed");
	else if (err == ERR_CONFLICT && store_survey_by_form(st, form_hash, &made) == ERR_OK)
		to_thanks(rq, rs, made); /* a double click raced us: the other request made it */
	else if (err == ERR_CONFLICT)
		page_conflict(rq, rs, "sv_err_answered", NULL);
	else
		page_error(rq, rs, 503, "err_unavailable");
}

void h_survey_thanks(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	struct survey_rec s;
	if (!load_survey(rq, rs, st, &s))
		return;
	struct tobj *v = view_new(rq, T(rq, "sv_thanks_title"));
	tobj_str(v, "survey_title", pick(rq, s.title));
	if (s.event_id)
		tobj_str(v, "event_href", url(rq, "/events/%lld", s.event_id));
	page_render(rq, rs, "survey_thanks", v);
}

void survey_event_links(struct req *rq, struct tobj *v, long long event_id, bool staff)
{
	struct survey_rec *ss = NULL;
	size_t n = 0;
	if (store_surveys_for_event(req_store(rq), rq->arena, event_id, &ss, &n) != ERR_OK)
		n = 0; /* the event's page stands without them */
	struct tlist *l = tobj_list(v, "surveys");
	bool any = false;
	for (size_t i = 0; i < n; i++) {
		bool shown = staff ? survey_may(rq, &ss[i], ACC_VIEW_CONTENT) : is_state(&ss[i], "open");
		if (!shown)
			continue;
		struct tobj *o = tlist_obj(l);
		view_text(rq, o, "survey_title", ss[i].title);
		tobj_str(o, "survey_href", url(rq, staff ? "/staff/surveys/%lld/results" : "/surveys/%lld", ss[i].id));
		tobj_str(o, "state_label", state_label(rq, ss[i].state));
		any = true;
	}
	tobj_bool(v, "has_surveys", any);
}

/* ---- staff: the list ---- */

static void survey_summary(struct req *rq, struct tobj *o, const struct survey_rec *s)
{
	tobj_int(o, "id", s->id);
	view_text(rq, o, "survey_title", s->title);
	tobj_str(o, "state_label", state_label(rq, s->state));
	tobj_int(o, "responses", s->responses);
	tobj_str(o, "staff_href", url(rq, "/staff/surveys/%lld", s->id));
	tobj_str(o, "results_href", url(rq, "/staff/surveys/%lld/results", s->id));
	tobj_str(o, "public_href", url(rq, "/surveys/%lld", s->id));
	tobj_bool(o, "is_open", is_state(s, "open"));
}

void h_staff_surveys(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	struct survey_rec *ss;
	size_t n;
	/* who runs office-wide ones sees every questionnaire; the others their unit's */
	const char *own = rq->sess->user.unit;
	const char *unit = tp_may(rq, REC_SURVEY, NULL, ACC_EDIT) ? NULL : own ? own : "";
	if (store_surveys_list(st, rq->arena, unit, &ss, &n) != ERR_OK) {
		page_error(rq, rs, 503, "err_unavailable");
		return;
	}
	struct tobj *v = view_new(rq, T(rq, "sv_staff_title"));
	struct tlist *l = tobj_list(v, "surveys");
	for (size_t i = 0; i < n; i++)
		survey_summary(rq, tlist_obj(l), &ss[i]);
	tobj_bool(v, "none", n == 0);
	rs->no_store = true;
	page_render(rq, rs, "staff_surveys", v);
}

/* ---- staff: writing a draft ---- */

enum { SF_UNIT, SF_TITLE_ZH, SF_TITLE_EN, SF_EVENT, SF_SERVICE, SF_QUESTIONS, SF__MAX };
static const enum key survey_fields[SF__MAX] = {K_UNIT, K_TITLE_ZH, K_TITLE_EN, K_EVENT_ID, K_SERVICE, K_QUESTIONS};

/* The events and services a questionnaire may be about, the chosen ones marked. */
static void attach_options(struct req *rq, struct store *st, struct tobj *v, long long event_id, const char *service)
{
	struct event_rec *es = NULL;
	struct service_rec *svs = NULL;
	size_t ne = 0, nsv = 0;
	store_events_all(st, rq->arena, &es, &ne);
	store_services(st, rq->arena, &svs, &nsv);
	struct tlist *l = tobj_list(v, "events");
	for (size_t i = 0; i < ne; i++) {
		if (!tp_may(rq, REC_EVENT, es[i].unit, ACC_EDIT))
			continue;
		struct tobj *o = tlist_obj(l);
		tobj_str(o, "value", arena_printf(rq->arena, "%lld", es[i].id));
		tobj_str(
		    o, "label",
		    arena_printf(rq->arena, "%s (%s)", pick(rq, es[i].title), tp_local_label(rq, es[i].starts_at)));
		tobj_bool(o, "selected", es[i].id == event_id);
	}
	l = tobj_list(v, "services");
	for (size_t i = 0; i < nsv; i++) {
		struct tobj *o = tlist_obj(l);
		tobj_str(o, "value", svs[i].code);
		tobj_str(o, "label", pick(rq, svs[i].name));
		tobj_bool(o, "selected", service && strcmp(service, svs[i].code) == 0);
	}
}

/*
 * The draft form: new (s NULL) or editing s; the fields are the posted
 * ones after a refusal, else s's.  spec_msg: the questions' error with its line.
 */
static void survey_form(struct req *rq, struct resp *rs, const struct survey_rec *s, int status,
                        const char *const *errors, const char *spec_msg)
{
	struct store *st = req_store(rq);
	struct tobj *v = view_new(rq, T(rq, s ? "sv_edit_title" : "sv_new_title"));
	bool again = status != 200;
	if (again || !s) {
		view_form_fields(rq, v, survey_fields, SF__MAX, errors);
	} else {
		tobj_str(v, "title_zh", s->title[LANG_ZH]);
		tobj_str(v, "title_en", s->title[LANG_EN] ? s->title[LANG_EN] : "");
		tobj_str(v, "questions", s->spec);
	}
	if (spec_msg)
		view_field_error(rq, v, "questions", spec_msg);
	const struct fval *unit = req_val(rq, K_UNIT), *ev = req_val(rq, K_EVENT_ID), *sv = req_val(rq, K_SERVICE);
	tp_unit_options(rq, st, v, REC_SURVEY, again ? (unit->present ? unit->s : NULL) : s ? s->unit : NULL);
	attach_options(rq, st, v,
	               again ? ev->i
	               : s   ? s->event_id
	                     : 0,
	               again ? (sv->present ? sv->s : NULL)
	               : s   ? s->service_code
	                     : NULL);
	tobj_str(v, "action", s ? url(rq, "/staff/surveys/%lld/edit", s->id) : url(rq, "/staff/surveys/new"));
	rs->status = status;
	rs->no_store = true;
	page_render(rq, rs, "survey_edit", v);
}

/*
 * The questions' error with the line it is on ("第 3 行：..."); NULL when
 * they have none, or one without a line (the field's own error shows it).
 */
static const char *spec_error(struct req *rq, const char *why, int line)
{
	if (!why || line <= 0)
		return NULL;
	const char *at = T_fill(rq, "sv_err_line", "line", arena_printf(rq->arena, "%d", line));
	return arena_printf(rq->arena, "%s%s", at, T(rq, why));
}

/* Reads and checks the draft form into *out; false (and the form shown again) when refused. */
static bool read_draft(struct req *rq, struct resp *rs, const struct survey_rec *editing, struct survey_rec *out)
{
	struct store *st = req_store(rq);
	const char *errors[SF__MAX];
	const struct fval *f[SF__MAX];
	for (int i = 0; i < SF__MAX; i++) {
		f[i] = req_val(rq, survey_fields[i]);
		errors[i] = f[i]->err_key;
	}
	if (!errors[SF_TITLE_ZH] && !f[SF_TITLE_ZH]->present)
		errors[SF_TITLE_ZH] = "err_required";
	const char *unit = f[SF_UNIT]->present ? f[SF_UNIT]->s : NULL;
	if (!errors[SF_UNIT] && !tp_may(rq, REC_SURVEY, unit, ACC_EDIT))
		errors[SF_UNIT] = "tp_err_unit";
	struct event_rec e;
	if (!errors[SF_EVENT] && f[SF_EVENT]->present &&
	    (store_event_get(st, rq->arena, f[SF_EVENT]->i, &e) != ERR_OK || !tp_may(rq, REC_EVENT, e.unit, ACC_EDIT)))
		errors[SF_EVENT] = "sv_err_event";
	if (!errors[SF_EVENT] && f[SF_EVENT]->present && f[SF_SERVICE]->present)
		errors[SF_SERVICE] = "sv_err_attach";
	struct question *qs;
	size_t nq;
	int line = 0;
	const char *why = NULL;
	if (!errors[SF_QUESTIONS] && !f[SF_QUESTIONS]->present)
		errors[SF_QUESTIONS] = "err_required";
	else if (!errors[SF_QUESTIONS] && survey_parse(rq->arena, f[SF_QUESTIONS]->s, &qs, &nq, &line, &why) != ERR_OK)
		errors[SF_QUESTIONS] = why;
	for (int i = 0; i < SF__MAX; i++)
		if (errors[i]) {
			survey_form(rq, rs, editing, 422, errors, spec_error(rq, errors[SF_QUESTIONS], line));
			return false;
		}
	*out = (struct survey_rec){
	    .id = editing ? editing->id : 0,
	    .unit = unit,
	    .title = {f[SF_TITLE_ZH]->s, f[SF_TITLE_EN]->s},
	    .spec = f[SF_QUESTIONS]->s,
	    .event_id = f[SF_EVENT]->present ? f[SF_EVENT]->i : 0,
	    .service_code = f[SF_SERVICE]->present ? f[SF_SERVICE]->s : NULL,
	};
	return true;
}

void h_survey_new_form(struct req *rq, struct resp *rs)
{
	survey_form(rq, rs, NULL, 200, NULL, NULL);
}

/* Runs one change of a questionnaire with its audit row, then back to its staff page. */
/* *id may be set by change (a new questionnaire). */
static void survey_change(struct req *rq, struct resp *rs, const long long *id,
                          enum err (*change)(struct store *, void *), void *arg, const char *action)
{
	struct store *st = req_store(rq);
	enum err err = store_begin(st);
	if (err == ERR_OK)
		err = change(st, arg);
	if (err == ERR_OK)
		err = auth_audit(rq, action, arena_printf(rq->arena, "survey:%lld", *id), NULL);
	store_fail(st, err);
	err = store_finish(st);
	if (err == ERR_OK)
		page_redirect(rq, rs, url(rq, "/staff/surveys/%lld", *id));
	else if (err == ERR_CONFLICT)
		page_conflict(rq, rs, "sv_err_state", NULL);
	else
		page_error(rq, rs, 503, "err_unavailable");
}

struct create_arg {
	const struct survey_rec *s;
	long long by, *id;
	const char *at;
};

static enum err create_change(struct store *st, void *arg)
{
	struct create_arg *c = arg;
	return store_survey_create(st, c->s, c->by, c->at, c->id);
}

void h_survey_create(struct req *rq, struct resp *rs)
{
	struct survey_rec s;
	if (!read_draft(rq, rs, NULL, &s))
		return;
	long long id = 0;
	struct create_arg c = {&s, rq->sess->user.id, &id, clock_now_iso(rq->arena)};
	survey_change(rq, rs, &id, create_change, &c, "survey_create");
}

/* ---- staff: one questionnaire ---- */

static bool load_staff_survey(struct req *rq, struct resp *rs, struct survey_rec *s, enum access_action act)
{
	if (!load_survey(rq, rs, req_store(rq), s))
		return false;
	if (!survey_may(rq, s, act)) {
		page_error(rq, rs, 403, "err_forbidden");
		return false;
	}
	return true;
}

/* A draft without answers may be edited; anything else is refused with 409. */
static bool editable(struct req *rq, struct resp *rs, const struct survey_rec *s)
{
	if (is_state(s, "draft") && s->responses == 0)
		return true;
	page_conflict(rq, rs, "sv_err_not_draft", state_label(rq, s->state));
	return false;
}

void h_survey_edit_form(struct req *rq, struct resp *rs)
{
	struct survey_rec s;
	if (load_staff_survey(rq, rs, &s, ACC_EDIT) && editable(rq, rs, &s))
		survey_form(rq, rs, &s, 200, NULL, NULL);
}

static enum err update_change(struct store *st, void *arg)
{
	return store_survey_update(st, arg);
}

void h_survey_update(struct req *rq, struct resp *rs)
{
	struct survey_rec s, draft;
	if (load_staff_survey(rq, rs, &s, ACC_EDIT) && editable(rq, rs, &s) && read_draft(rq, rs, &s, &draft))
		survey_change(rq, rs, &s.id, update_change, &draft, "survey_edit");
}

void h_staff_survey(struct req *rq, struct resp *rs)
{
	struct survey_rec s;
	struct question *qs;
	size_t n;
	if (!load_staff_survey(rq, rs, &s, ACC_VIEW_CONTENT))
		return;
	if (!survey_questions(rq, &s, &qs, &n)) {
		page_error(rq, rs, 503, "err_unavailable");
		return;
	}
	struct tobj *v = view_new(rq, pick(rq, s.title));
	survey_summary(rq, v, &s);
	tobj_bool(v, "is_draft", is_state(&s, "draft"));
	tobj_bool(v, "may_edit", survey_may(rq, &s, ACC_EDIT) && is_state(&s, "draft") && s.responses == 0);
	tobj_bool(v, "may_change", survey_may(rq, &s, ACC_EDIT));
	tobj_str(v, "edit_href", url(rq, "/staff/surveys/%lld/edit", s.id));
	tobj_str(v, "open_action", url(rq, "/staff/surveys/%lld/open", s.id));
	tobj_str(v, "close_action", url(rq, "/staff/surveys/%lld/close", s.id));
	if (s.event_id)
		tobj_str(v, "event_href", url(rq, "/staff/events/%lld", s.event_id));
	if (s.service_code)
		tobj_str(v, "service", s.service_code);
	tobj_bool(v, "preview", true);
	questions_view(rq, v, qs, n, NULL);
	rs->no_store = true;
	page_render(rq, rs, "staff_survey", v);
}

struct state_arg {
	long long id;
	const char *from, *to;
};

static enum err state_change(struct store *st, void *arg)
{
	const struct state_arg *a = arg;
	return store_survey_set_state(st, a->id, a->from, a->to);
}

static void set_state(struct req *rq, struct resp *rs, const char *from, const char *to, const char *action)
{
	struct survey_rec s;
	if (!load_staff_survey(rq, rs, &s, ACC_EDIT))
		return;
	struct state_arg a = {s.id, from, to};
	survey_change(rq, rs, &s.id, state_change, &a, action);
}

void h_survey_open(struct req *rq, struct resp *rs)
{
	set_state(rq, rs, "draft", "open", "survey_open");
}

void h_survey_close(struct req *rq, struct resp *rs)
{
	set_state(rq, rs, "open", "closed", "survey_close");
}

/* ---- staff: results ---- */

/* The count of choice c of question q (from 1) in the counts. */
static long long count_of(const struct survey_count *cs, size_t n, int q, int c)
{
	for (size_t i = 0; i < n; i++)
		if (cs[i].question == q && cs[i].choice == c)
			return cs[i].n;
	return 0;
}

struct results {
	struct survey_rec s;
	struct question *qs;
	size_t nq;
	struct survey_count *counts;
	size_t ncounts;
	struct survey_answer_row *texts;
	size_t ntexts;
};

static bool load_results(struct req *rq, struct resp *rs, struct results *r)
{
	struct store *st = req_store(rq);
	if (!load_staff_survey(rq, rs, &r->s, ACC_VIEW_CONTENT))
		return false;
	if (!survey_questions(rq, &r->s, &r->qs, &r->nq) ||
	    store_survey_counts(st, rq->arena, r->s.id, &r->counts, &r->ncounts) != ERR_OK ||
	    store_survey_texts(st, rq->arena, r->s.id, &r->texts, &r->ntexts) != ERR_OK) {
		page_error(rq, rs, 503, "err_unavailable");
		return false;
	}
	return true;
}

/* The label of choice c of question q: its text, or the scale value. */
static const char *choice_label(struct req *rq, const struct question *q, int c)
{
	return q->kind == Q_SCALE ? arena_printf(rq->arena, "%d", c) : option_text(rq, q, (size_t)c - 1);
}

static int nchoices(const struct question *q)
{
	return q->kind == Q_SCALE ? SURVEY_SCALE_MAX : q->kind == Q_TEXT ? 0 : (int)q->nopt;
}

void h_survey_results(struct req *rq, struct resp *rs)
{
	struct results r;
	if (!load_results(rq, rs, &r))
		return;
	struct tobj *v = view_new(rq, T(rq, "sv_results_title"));
	survey_summary(rq, v, &r.s);
	tobj_str(v, "csv_href", url(rq, "/staff/surveys/%lld/results.csv", r.s.id));
	struct tlist *l = tobj_list(v, "questions");
	for (size_t i = 0; i < r.nq; i++) {
		const struct question *q = &r.qs[i];
		struct tobj *o = tlist_obj(l);
		tobj_int(o, "no", (long long)i + 1);
		tobj_str(o, "text", question_text(rq, q));
		tobj_bool(o, "is_text", q->kind == Q_TEXT);
		tobj_bool(o, "is_multiple", q->kind == Q_MULTIPLE);
		struct tlist *cl = tobj_list(o, "choices");
		for (int c = 1; c <= nchoices(q); c++) {
			long long cnt = count_of(r.counts, r.ncounts, (int)i + 1, c);
			struct tobj *co = tlist_obj(cl);
			tobj_str(co, "label", choice_label(rq, q, c));
			tobj_int(co, "count", cnt);
			tobj_int(co, "percent", survey_percent(cnt, r.s.responses));
		}
		struct tlist *tl = tobj_list(o, "texts");
		for (size_t k = 0; k < r.ntexts; k++)
			if (r.texts[k].question == (int)i + 1)
				view_data(rq, tlist_obj(tl), "text", r.texts[k].text);
	}
	rs->no_store = true;
	page_render(rq, rs, "survey_results", v);
}

void h_survey_csv(struct req *rq, struct resp *rs)
{
	struct results r;
	if (!load_results(rq, rs, &r))
		return;
	static const char *const head[] = {"sv_col_question", "sv_col_text", "sv_col_choice", "sv_col_count",
	                                   "sv_col_percent"};
	enum { NHEAD = sizeof head / sizeof head[0] };
	struct buf *b = &rs->body;
	buf_reset(b);
	buf_puts(b, "\xEF\xBB\xBF");
	for (size_t i = 0; i < NHEAD; i++)
		buf_put_csv(b, T(rq, head[i]), i + 1 == NHEAD);
	for (size_t i = 0; i < r.nq; i++) {
		const struct question *q = &r.qs[i];
		const char *no = arena_printf(rq->arena, "%zu", i + 1);
		for (int c = 1; c <= nchoices(q); c++) {
			long long cnt = count_of(r.counts, r.ncounts, (int)i + 1, c);
			const char *cells[NHEAD] = {no, question_text(rq, q), choice_label(rq, q, c),
			                            arena_printf(rq->arena, "%lld", cnt),
			                            arena_printf(rq->arena, "%d", survey_percent(cnt, r.s.responses))};
			for (size_t k = 0; k < NHEAD; k++)
				buf_put_csv(b, cells[k], k + 1 == NHEAD);
		}
		for (size_t k = 0; k < r.ntexts; k++) {
			if (r.texts[k].question != (int)i + 1)
				continue;
			const char *cells[NHEAD] = {no, question_text(rq, q), r.texts[k].text, "", ""};
			for (size_t c = 0; c < NHEAD; c++)
				buf_put_csv(b, cells[c], c + 1 == NHEAD);
		}
	}
	rs->status = 200;
	rs->content_type = "text/csv; charset=utf-8";
	rs->no_store = true;
	resp_header(rs, "Content-Disposition",
	            arena_printf(rq->arena, "attachment; filename=\"survey-%lld.csv\"", r.s.id));
}

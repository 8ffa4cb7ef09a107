/*
 * query_code.c -- a lost query code replaced (issue 12): at the counter,
 * once the clerk has checked who asks (a required box; audited), and by
 * the person through a one-time link e-mailed to the address on record.
 * The old code stops working either way.
 *
 * The new code is ids_query_code_for of the form's once token (or the
 * link's token), as the intake forms make theirs: a repeated POST makes no
 * other code, and the page that shows it is a GET after a 303 that reads
 * the token back from the receipt cookie, showing the code while it is the
 * record's current one.
 */
#include <string.h>

#include "app/auth.h"
#include "app/view.h"
#include "domain/cal.h"
#include "domain/citizen_msg.h"
#include "domain/clock.h"
#include "domain/ids.h"
#include "handlers/citizen_notify.h"
#include "handlers/handlers.h"
#include "handlers/views.h"
#include "store/cases.h"
#include "store/code_links.h"
#include "store/petitions.h"
#include "store/staff.h"

enum { LINK_TTL = 24 * 60 * 60 }; /* an e-mailed link is good for a day */

/* What this file needs of a case or a petition. */
struct holder {
	const char *kind; /* "petition" or "case" */
	long long id;
	const char *no, *code_hash, *name, *email;
	bool anonymous;
	bool may; /* the signed-in user may replace its code */
};

/* The record numbered no ('P' petitions, 'A' cases): ERR_OK, ERR_NOTFOUND or ERR_DB. */
static enum err holder_by_no(struct req *rq, struct store *st, const char *no, struct holder *h)
{
	if (no[0] == 'P') {
		struct petition_rec p;
		enum err e = store_petition_by_no(st, rq->arena, no, &p);
		if (e == ERR_OK)
			*h = (struct holder){
			    "petition", p.id,    p.no,        p.code_hash,
			    p.name,     p.email, p.anonymous, rq->sess && petition_may(rq, &p, ACC_NEW_CODE)};
		return e;
	}
	struct case_rec c;
	enum err e = no[0] == 'A' ? store_case_by_no(st, rq->arena, no, &c) : ERR_NOTFOUND;
	if (e == ERR_OK)
		*h = (struct holder){"case", c.id,    c.case_no, c.code_hash,
		                     c.name, c.email, false,     rq->sess && case_may(rq, &c, ACC_NEW_CODE)};
	return e;
}

/* The kind of record the staff page's path names: /staff/cases/… or /staff/petitions/…. */
static const char *path_kind(const struct req *rq)
{
	const char *p = rq->local_path ? rq->local_path : rq->path;
	return strncmp(p, "/staff/cases/", 13) == 0 ? "case" : "petition";
}

/* The record of the path's number, which the signed-in user may give a new code; false when rs holds the refusal. */
static bool staff_holder(struct req *rq, struct resp *rs, struct store *st, struct holder *h)
{
	enum err e = holder_by_no(rq, st, req_cap(rq, 0), h);
	if (e == ERR_OK && strcmp(h->kind, path_kind(rq)) != 0)
		e = ERR_NOTFOUND;
	if (e != ERR_OK) {
		page_error_lookup(rq, rs, e, "err_not_found");
		return false;
	}
	/* an anonymous petition has nobody whose identity could be checked */
	if (!h->may || h->anonymous) {
		page_error(rq, rs, 403, "err_forbidden");
		return false;
	}
	return true;
}

static const char *staff_base(struct req *rq, const struct holder *h)
{
	return url(rq, "/staff/%ss/%s", h->kind, h->no);
}

/* The counter's form: the box that says identity was checked, and the button. */
static void staff_form(struct req *rq, struct resp *rs, const struct holder *h, int status, const char *error_key)
{
	struct tobj *v = view_new(rq, arena_printf(rq->arena, "%s %s", T(rq, "code_new_title"), h->no));
	tobj_str(v, "no", h->no);
	tobj_str(v, "record_href", staff_base(rq, h));
	tobj_str(v, "once", auth_form_once(rq));
	if (error_key)
		tobj_str(v, "error", T(rq, error_key));
	rs->status = status;
	rs->no_store = true;
	page_render(rq, rs, "code_staff", v);
}

void h_code_staff_form(struct req *rq, struct resp *rs)
{
	struct holder h;
	if (staff_holder(rq, rs, req_store(rq), &h))
		staff_form(rq, rs, &h, 200, NULL);
}

/* Gives h the code token yields, with its audit row (how: "counter" or "link"), in one transaction. */
static enum err replace(struct req *rq, struct store *st, const struct holder *h, const char *token, const char *how)
{
	char code[QUERY_CODE_LEN + 1], hash[CODE_HASH_SIZE];
	ids_query_code_for(token, code);
	auth_hash_code(code, hash);
	store_begin(st);
	store_code_replace(st, h->kind, h->id, hash, clock_now_iso(rq->arena));
	store_audit(st, rq->sess ? rq->sess->user.id : 0, rq->sess ? rq->sess->user.username : NULL, "code_replace",
	            arena_printf(rq->arena, "%s:%s", h->kind, h->no), how, rq->remote_addr);
	return store_finish(st);
}

/* Is the code token yields h's code now?  (Its page is shown, a repeated POST changes nothing.) */
static bool is_current(const struct holder *h, const char *token)
{
	char code[QUERY_CODE_LEN + 1];
	ids_query_code_for(token, code);
	return auth_verify_code(h->code_hash, code);
}

void h_code_staff_replace(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	struct holder h;
	if (!staff_holder(rq, rs, st, &h))
		return;
	const char *once = auth_form_once(rq);
	if (!is_current(&h, once)) {
		if (!req_val(rq, K_ID_CHECKED)->present) {
			staff_form(rq, rs, &h, 422, "err_code_id_check");
			return;
		}
		if (replace(rq, st, &h, once, "counter") != ERR_OK) {
			page_error(rq, rs, 503, "err_unavailable");
			return;
		}
	}
	auth_receipt_set(rq, once);
	page_redirect(rq, rs, arena_printf(rq->arena, "%s/code/new", staff_base(rq, &h)));
}

/* The new code on a printable sheet, while token's code is h's. */
static void sheet(struct req *rq, struct resp *rs, const struct holder *h, const char *token, bool staff)
{
	if (!token || !is_current(h, token)) {
		page_error(rq, rs, 404, "err_not_found");
		return;
	}
	char code[QUERY_CODE_LEN + 1];
	ids_query_code_for(token, code);
	struct tobj *v = view_new(rq, T(rq, "code_sheet_title"));
	tobj_str(v, "no", h->no);
	tobj_str(v, "query_code", code);
	tobj_bool(v, "staff", staff);
	if (staff)
		tobj_str(v, "record_href", staff_base(rq, h));
	receipt_status_link(rq, v, h->no);
	rs->no_store = true;
	page_render(rq, rs, "code_sheet", v);
}

void h_code_staff_sheet(struct req *rq, struct resp *rs)
{
	struct holder h;
	if (staff_holder(rq, rs, req_store(rq), &h))
		sheet(rq, rs, &h, auth_receipt_once(rq), true);
}

/* ---- the citizen: number and e-mail, then the link ---- */

/* The request form; after a request (done), the same words whatever was typed. */
static void lost_form(struct req *rq, struct resp *rs, int status, const char *error_key)
{
	struct tobj *v = view_new(rq, T(rq, "code_lost_title"));
	tobj_str(v, "csrf", auth_csrf(rq));
	tobj_bool(v, "done", req_val(rq, K_DONE)->present);
	if (status != 200)
		tobj_str(v, "no", req_val(rq, K_NO)->s);
	if (error_key)
		tobj_str(v, "error", T(rq, error_key));
	rs->status = status;
	rs->no_store = true;
	page_render(rq, rs, "code_lost", v);
}

void h_code_lost_form(struct req *rq, struct resp *rs)
{
	lost_form(rq, rs, 200, NULL);
}

/* A link for h, and its e-mail, in one transaction. */
static enum err send_link(struct req *rq, struct store *st, const struct holder *h)
{
	const char *token = auth_random_hex(rq->arena, FORM_ONCE_LEN / 2);
	char token_hash[FORM_HASH_SIZE], until[CAL_ISO_SIZE];
	ids_form_hash(token, token_hash);
	time_t expires = clock_now() + LINK_TTL;
	cal_format_iso(clock_office_day(expires), until);
	long long id = 0;
	store_begin(st);
	store_code_link_add(st, h->kind, h->id, token_hash, clock_now_iso(rq->arena), expires, &id);
	notify_code_link(rq, st, h->kind, h->id, h->no, h->name, h->email, token, arena_printf(rq->arena, "%lld", id),
	                 until);
	store_audit(st, 0, NULL, "code_link", arena_printf(rq->arena, "%s:%s", h->kind, h->no), NULL, rq->remote_addr);
	return store_finish(st);
}

/*
 * Number and e-mail: when they belong together, a link goes to the
 * address.  The answer is the same 303 whether they do or not (and
 * whether the link could be queued), throttled as a status lookup.
 */
void h_code_lost(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	const struct fval *no_f = req_val(rq, K_NO), *email = req_val(rq, K_EMAIL);
	char no[NO_SIZE + 4];
	ids_number_upcase(no_f->s, no, sizeof no);
	if (!no_f->present || !email->present || !ids_number_valid(no)) {
		lost_form(rq, rs, 400, "code_lost_missing");
		return;
	}
	if (!status_lookup_allowed(st, rq, rs, no))
		return;
	struct holder h;
	if (holder_by_no(rq, st, no, &h) == ERR_OK && !h.anonymous && cmsg_email_matches(h.email, email->s))
		send_link(rq, st, &h);
	page_redirect(rq, rs, url(rq, "/status/lost?done=1"));
}

/*
 * The link's record, while the link may still give a new code: unused and
 * unexpired; or, when used_ok (the browser that used it), used by this
 * very token for the code the record has.  *used says which.  False when
 * rs holds the refusal.
 */
static bool link_holder(struct req *rq, struct resp *rs, struct store *st, const char *token, bool used_ok,
                        struct holder *h, bool *used)
{
	struct code_link_rec l;
	char token_hash[FORM_HASH_SIZE];
	enum err e = ERR_NOTFOUND;
	if (token && ids_form_once_valid(token)) {
		ids_form_hash(token, token_hash);
		e = store_code_link_find(st, rq->arena, token_hash, &l);
	}
	if (e == ERR_OK)
		e = holder_by_no(rq, st, l.no ? l.no : "", h);
	if (e == ERR_DB) {
		page_error(rq, rs, 503, "err_unavailable");
		return false;
	}
	bool ok = e == ERR_OK && (l.used ? used_ok && is_current(h, token) : l.expires > clock_now());
	if (!ok) {
		page_error(rq, rs, 410, "code_link_gone");
		return false;
	}
	*used = l.used;
	return true;
}

/* The link's page: a button, so that a mail scanner opening the link changes nothing. */
void h_code_link_form(struct req *rq, struct resp *rs)
{
	const char *token = req_val(rq, K_LINK)->s;
	struct holder h;
	bool used;
	if (!link_holder(rq, rs, req_store(rq), token, false, &h, &used))
		return;
	struct tobj *v = view_new(rq, T(rq, "code_link_title"));
	tobj_str(v, "csrf", auth_csrf(rq));
	tobj_str(v, "no", h.no);
	tobj_str(v, "link", token);
	rs->no_store = true;
	page_render(rq, rs, "code_link", v);
}

void h_code_link_use(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	const char *token = req_val(rq, K_LINK)->s;
	const char *mine = auth_receipt_once(rq); /* a double click comes back with it */
	struct holder h;
	bool used;
	if (!link_holder(rq, rs, st, token, mine && token && strcmp(mine, token) == 0, &h, &used))
		return;
	if (!used && replace(rq, st, &h, token, "link") != ERR_OK) {
		page_error(rq, rs, 503, "err_unavailable");
		return;
	}
	auth_receipt_set(rq, token);
	page_redirect(rq, rs, url(rq, "/status/code/new"));
}

void h_code_link_sheet(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	const char *token = auth_receipt_once(rq);
	struct holder h;
	bool used;
	if (!token) {
		page_error(rq, rs, 404, "err_not_found");
		return;
	}
	if (link_holder(rq, rs, st, token, true, &h, &used))
		sheet(rq, rs, &h, token, false);
}

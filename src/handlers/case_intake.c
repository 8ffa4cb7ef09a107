/*
 * case_intake.c -- the front desk (全功能櫃台) registering an application,
 * and the receipt page the registration is sent to.
 */
#include <stdio.h>
#include <string.h>

#include "app/auth.h"
#include "app/view.h"
#include "domain/cal.h"
#include "domain/clock.h"
#include "domain/forms.h"
#include "domain/ids.h"
#include "handlers/citizen_notify.h"
#include "handlers/handlers.h"
#include "handlers/views.h"
#include "store/calendar.h"
#include "store/cases.h"
#include "store/catalog.h"
#include "store/deadlines.h"
#include "store/staff.h"

static void service_options(struct req *rq, struct store *st, struct tobj *v, const char *selected)
{
	struct service_rec *svc;
	size_t n;
	if (store_services(st, rq->arena, &svc, &n) != ERR_OK)
		return;
	struct tlist *groups = tobj_list(v, "service_groups");
	struct tlist *cur = NULL;
	const char *cur_unit = NULL;
	for (size_t i = 0; i < n; i++) {
		if (!cur_unit || strcmp(cur_unit, svc[i].unit.code) != 0) {
			struct tobj *g = tlist_obj(groups);
			tobj_str(g, "label", pick(rq, svc[i].unit.name));
			cur = tobj_list(g, "options");
			cur_unit = svc[i].unit.code;
		}
		struct tobj *o = tlist_obj(cur);
		tobj_str(o, "value", svc[i].code);
		tobj_str(o, "label", pick(rq, svc[i].name));
		tobj_bool(o, "selected", selected && strcmp(selected, svc[i].code) == 0);
	}
}

static void channel_options(struct req *rq, struct tobj *v, const char *selected)
{
	struct tlist *l = tobj_list(v, "channels");
	for (size_t i = 0; i < CASE_NCHANNELS; i++) {
		struct tobj *o = tlist_obj(l);
		tobj_str(o, "value", case_channels[i]);
		tobj_str(o, "label", T(rq, arena_printf(rq->arena, "channel_%s", case_channels[i])));
		tobj_bool(o, "checked", selected ? strcmp(selected, case_channels[i]) == 0 : i == 0);
	}
}

/* The form's fields, by domain/forms.h's case_field. */
static const enum key case_form_fields[CF__MAX] = {K_SERVICE, K_NAME, K_PHONE, K_EMAIL, K_NATID, K_CHANNEL};

static void case_form(struct req *rq, struct resp *rs, int status, const char *const *errors)
{
	struct store *st = req_store(rq);
	struct tobj *v = view_new(rq, T(rq, "case_new_title"));
	service_options(rq, st, v, req_val(rq, K_SERVICE)->s);
	channel_options(rq, v, req_val(rq, K_CHANNEL)->present ? req_val(rq, K_CHANNEL)->s : NULL);
	view_form_fields(rq, v, case_form_fields, CF__MAX, errors);
	tobj_str(v, "once", auth_form_once(rq));
	rs->status = status;
	page_render(rq, rs, "case_new", v);
}

void h_case_new_form(struct req *rq, struct resp *rs)
{
	case_form(rq, rs, 200, NULL);
}

/*
 * The receipt page a registration is sent to (303): the case this
 * browser's last form made, with its query code (see auth_form_once), as
 * often as the counter refreshes or reprints it.
 */
void h_case_receipt(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	const char *once = auth_receipt_once(rq);
	char form_hash[FORM_HASH_SIZE], code[QUERY_CODE_LEN + 1];
	struct case_rec c;
	enum err e = ERR_NOTFOUND;
	if (once) {
		ids_form_hash(once, form_hash);
		e = store_case_by_form(st, rq->arena, form_hash, &c);
	}
	if (e != ERR_OK) {
		page_error(rq, rs, e == ERR_NOTFOUND ? 404 : 503,
		           e == ERR_NOTFOUND ? "err_not_found" : "err_unavailable");
		return;
	}
	struct service_rec svc;
	if (store_service(st, rq->arena, c.service_code, &svc) != ERR_OK) {
		page_error(rq, rs, 503, "err_unavailable");
		return;
	}
	ids_query_code_for(once, code);
	struct tobj *v = view_new(rq, T(rq, "receipt_title"));
	case_summary_view(rq, v, &c, store_calendar(st), store_near_days(st), false);
	tobj_str(v, "query_code", code);
	tobj_bool(v, "immediate", svc.immediate);
	receipt_status_link(rq, v, c.case_no);
	rs->no_store = true;
	page_render(rq, rs, "receipt", v);
}

/* After the POST: to the receipt page, the token in the receipt cookie. */
static void to_receipt(struct req *rq, struct resp *rs, const char *once)
{
	auth_receipt_set(rq, once);
	page_redirect(rq, rs, url(rq, "/staff/cases/receipt"));
}

/* The same form again (a double click, a refresh, a retry): its case, not a second one. */
static bool made_already(struct req *rq, struct store *st, const char *form_hash)
{
	struct case_rec made;
	return store_case_by_form(st, rq->arena, form_hash, &made) == ERR_OK;
}

/* Every refusal into errors, the service into svc and the upper-cased ID into natid; false when any. */
static bool validate(struct req *rq, struct store *st, const char *errors[CF__MAX], struct service_rec *svc,
                     char natid[CASE_NATID_SIZE])
{
	const char *val[CF__MAX];
	for (int i = 0; i < CF__MAX; i++) {
		const struct fval *f = req_val(rq, case_form_fields[i]);
		val[i] = f->present ? f->s : NULL;
		errors[i] = f->err_key;
	}
	if (!errors[CF_SERVICE] && store_service(st, rq->arena, req_val(rq, K_SERVICE)->s, svc) != ERR_OK)
		errors[CF_SERVICE] = "err_no_service";
	return case_intake_check(val, errors, natid) == 0;
}

/*
 * Writes the case, its events (an immediate service is issued on the
 * spot: closed at once) and its audit row in one transaction.
 */
static enum err apply(struct req *rq, struct store *st, const struct service_rec *svc, const struct case_new *cn,
                      const char *code)
{
	char no[NO_SIZE] = "";
	long long id = 0;
	const char *user = rq->sess->user.username, *at = cn->received_at;
	store_begin(st);
	store_case_create(st, cn, no, &id);
	store_case_event(st, id, at, cn->user_id, user, NULL, "received", NULL);
	if (svc->immediate) {
		store_case_set_state(st, id, CS_RECEIVED, CS_CLOSED, at);
		store_case_event(st, id, at, cn->user_id, user, "received", "closed", T(rq, "note_issued_on_spot"));
	}
	notify_case_receipt(rq, st, id, no, cn, svc, code);
	store_audit(st, cn->user_id, user, "case_create", arena_printf(rq->arena, "case:%s", no), svc->code,
	            rq->remote_addr);
	return store_finish(st);
}

void h_case_create(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	const char *once = auth_form_once(rq);
	char form_hash[FORM_HASH_SIZE];
	ids_form_hash(once, form_hash);
	if (made_already(rq, st, form_hash)) {
		to_receipt(rq, rs, once);
		return;
	}
	const char *errors[CF__MAX];
	struct service_rec svc;
	char natid[CASE_NATID_SIZE];
	if (!validate(rq, st, errors, &svc, natid)) {
		case_form(rq, rs, 422, errors);
		return;
	}
	/* the query code is shown on the receipt only; the record keeps its hash, never the code or the token */
	char code[QUERY_CODE_LEN + 1], code_hash[CODE_HASH_SIZE];
	ids_query_code_for(once, code);
	auth_hash_code(code, code_hash);
	int days = svc.immediate ? 0 : svc.processing_days;
	char due[CAL_ISO_SIZE], phone_digits[32];
	cal_format_iso(cal_add_working_days(store_calendar(st), clock_office_day(clock_now()), days), due);
	const struct fval *phone = req_val(rq, K_PHONE), *email = req_val(rq, K_EMAIL);
	ids_phone_digits(phone->s, phone_digits, sizeof phone_digits);
	struct case_new cn = {
	    .service_id = svc.id,
	    .unit = svc.unit.code,
	    .name = req_val(rq, K_NAME)->s,
	    .phone = phone->s,
	    .phone_digits = phone_digits,
	    .email = email->present ? email->s : NULL,
	    .natid = natid[0] ? natid : NULL,
	    .channel = req_val(rq, K_CHANNEL)->s,
	    .code_hash = code_hash,
	    .received_on = clock_today_iso(rq->arena),
	    .received_at = clock_now_iso(rq->arena),
	    .due_on = due,
	    .days = days,
	    .user_id = rq->sess->user.id,
	    .form_hash = form_hash,
	};
	enum err e = apply(rq, st, &svc, &cn, code);
	/* ERR_CONFLICT: a double click raced us to the insert, and the other request made it */
	if (e == ERR_OK || (e == ERR_CONFLICT && made_already(rq, st, form_hash)))
		to_receipt(rq, rs, once);
	else
		page_error(rq, rs, 503, "err_unavailable");
}

/*
 * taking_part.c -- helpers shared by the pages of issue #18 (see taking_part.h).
 */
#include "handlers/taking_part.h"

#include <stdlib.h>
#include <string.h>

#include "app/auth.h"
#include "app/view.h"
#include "domain/cal.h"
#include "domain/clock.h"
#include "domain/ids.h"
#include "domain/signup.h"
#include "store/catalog.h"
#include "store/citizen_msgs.h"
#include "store/staff.h"
#include "store/store.h"

bool tp_cap_id(const struct req *rq, int i, long long *id)
{
	const char *s = req_cap(rq, i);
	size_t n = strlen(s);
	if (n == 0 || n > 9 || strspn(s, "0123456789") != n || s[0] == '0')
		return false;
	*id = atoll(s);
	return true;
}

const char *tp_local_label(struct req *rq, const char *local)
{
	int32_t day;
	char date[64], iso[CAL_ISO_SIZE];
	if (!local || strlen(local) < 16)
		return "";
	memcpy(iso, local, CAL_ISO_SIZE - 1);
	iso[CAL_ISO_SIZE - 1] = '\0';
	if (!cal_parse_iso(iso, &day) || !cal_format_roc(day, rq->lang, date, sizeof date))
		return "";
	return arena_printf(rq->arena, "%s %.5s", date, local + 11);
}

const char *tp_local_now(struct req *rq)
{
	char now[LOCAL_TIME_SIZE];
	local_time_format(clock_now(), now);
	return arena_strdup(rq->arena, now);
}

bool tp_may(const struct req *rq, enum record_kind kind, const char *unit, enum access_action act)
{
	struct actor who = auth_actor(rq);
	struct record what = {.kind = kind, .unit = unit};
	return access_allows(&who, &what, act);
}

void tp_person(struct req *rq, struct tobj *o, const char *name, const char *phone, const char *email, bool full)
{
	char buf[128];
	if (name && !full) {
		ids_mask_name(name, buf, sizeof buf);
		name = arena_strdup(rq->arena, buf);
	}
	if (phone && *phone && !full) {
		ids_mask_phone(phone, buf, sizeof buf);
		phone = arena_strdup(rq->arena, buf);
	}
	if (email && *email && !full) {
		ids_mask_email(email, buf, sizeof buf);
		email = arena_strdup(rq->arena, buf);
	}
	view_data(rq, o, "name", name);
	tobj_str(o, "phone", phone);
	tobj_str(o, "email", email);
}

void tp_mails(struct req *rq, struct tobj *v, const struct cmsg_rec *m, size_t n, bool full)
{
	struct tlist *l = tobj_list(v, "mails");
	for (size_t i = 0; i < n; i++) {
		struct tobj *o = tlist_obj(l);
		tp_person(rq, o, NULL, NULL, m[i].to, full);
		view_data(rq, o, "subject", m[i].subject);
		tobj_str(o, "at", view_time(rq, m[i].queued_at));
		tobj_str(o, "state", T(rq, arena_printf(rq->arena, "cmsg_st_%s", m[i].state)));
		tobj_bool(o, "sent", strcmp(m[i].state, "sent") == 0);
		tobj_str(o, "sent_at", m[i].sent_at ? view_time(rq, m[i].sent_at) : NULL);
	}
	tobj_bool(v, "has_mails", n > 0);
}

int tp_retention_days(struct store *st, struct req *rq)
{
	return signup_retention_days(store_setting(st, rq->arena, "signup_retention_days"));
}

void tp_unit_options(struct req *rq, struct store *st, struct tobj *v, enum record_kind kind, const char *selected)
{
	struct unit_rec *units;
	size_t n;
	struct tlist *l = tobj_list(v, "units");
	if (tp_may(rq, kind, NULL, ACC_EDIT)) {
		struct tobj *o = tlist_obj(l);
		tobj_str(o, "value", "");
		tobj_str(o, "label", T(rq, "tp_whole_office"));
		tobj_bool(o, "selected", !selected || !*selected);
	}
	if (store_units(st, rq->arena, &units, &n) != ERR_OK)
		return;
	for (size_t i = 0; i < n; i++) {
		if (!tp_may(rq, kind, units[i].code, ACC_EDIT))
			continue;
		struct tobj *o = tlist_obj(l);
		tobj_str(o, "value", units[i].code);
		tobj_str(o, "label", pick(rq, units[i].name));
		tobj_bool(o, "selected", selected && strcmp(selected, units[i].code) == 0);
	}
}

void tp_cancel_page(struct req *rq, struct resp *rs, const struct tp_cancel *c, int status, const char *err_key)
{
	struct tobj *v = view_new(rq, T(rq, c->title_key));
	tobj_str(v, "csrf", auth_csrf(rq));
	tobj_str(v, "code", req_val(rq, K_CODE)->s);
	if (err_key)
		view_field_error(rq, v, "code", T(rq, err_key));
	tobj_bool(v, "has_errors", err_key != NULL);
	tobj_bool(v, "done", req_val(rq, K_DONE)->present);
	rs->status = status;
	rs->no_store = true;
	page_render(rq, rs, c->template, v);
}

void tp_cancel(struct req *rq, struct resp *rs, const struct tp_cancel *c)
{
	struct store *st = req_store(rq);
	char code[QUERY_CODE_LEN + 1], code_hash[CODE_HASH_SIZE];
	if (!ids_normalize_code(req_val(rq, K_CODE)->s, code)) {
		tp_cancel_page(rq, rs, c, 422, "ev_err_code");
		return;
	}
	auth_hash_code(code, code_hash);
	const struct attempt_limit brake = {arena_printf(rq->arena, "addr:%s", rq->remote_addr ? rq->remote_addr : "-"),
	                                    TP_CANCEL_MAX};
	long retry_s = 0;
	/* the attempt counts whatever the code turns out to be: its own transaction */
	enum err err = store_attempt_take(st, c->attempt_kind, &brake, 1, clock_now(), TP_CANCEL_WINDOW, &retry_s);
	if (err == ERR_OK) {
		store_begin(st);
		c->cancel(rq, st, code_hash);
		err = store_finish(st);
	}
	if (err == ERR_NOTFOUND || err == ERR_CONFLICT)
		tp_cancel_page(rq, rs, c, 404, err == ERR_NOTFOUND ? "ev_err_code" : "ev_err_cancelled");
	else if (err == ERR_LIMIT)
		page_try_later(rq, rs, (retry_s + 59) / 60);
	else if (err != ERR_OK)
		page_error(rq, rs, 503, "err_unavailable");
	else
		page_redirect(rq, rs, url(rq, "%s", c->done_path));
}

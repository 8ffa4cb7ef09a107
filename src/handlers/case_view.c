/*
 * case_view.c -- what every case page shares: the access question
 * (case_may), the deadline flag, the summary view with personal data
 * masked unless revealed, loading by number, and the receipt's status link.
 */
#include <stdio.h>

#include "app/auth.h"
#include "app/qr.h"
#include "app/view.h"
#include "domain/clock.h"
#include "domain/ids.h"
#include "domain/petition.h"
#include "domain/workflow.h"
#include "handlers/handlers.h"
#include "handlers/views.h"
#include "store/cases.h"
#include "store/catalog.h"
#include "store/deadlines.h"

/*
 * "due_soon", "due_today", "overdue" or NULL for a case: the petitions' and
 * the scheduler's tiers, with the same near_days setting (store_near_days).
 */
const char *case_due_flag(const struct cal *c, int near_days, enum case_state state, const char *due_on)
{
	int32_t due;
	if (!case_state_open(state) || !cal_parse_iso(due_on, &due))
		return NULL;
	return tier_flag(deadline_tier(c, clock_office_day(clock_now()), due, near_days));
}

const char *case_state_label(struct req *rq, enum case_state state)
{
	static const char *const keys[CS__MAX] = {
	    [CS_RECEIVED] = "state_received",   [CS_REVIEW] = "state_review",     [CS_CORRECTION] = "state_correction",
	    [CS_APPROVED] = "state_approved",   [CS_REJECTED] = "state_rejected", [CS_CLOSED] = "state_closed",
	    [CS_WITHDRAWN] = "state_withdrawn",
	};
	return state < CS__MAX ? T(rq, keys[state]) : "";
}

bool case_may(const struct req *rq, const struct case_rec *c, enum access_action act)
{
	struct actor who = auth_actor(rq);
	struct record what = {.kind = REC_CASE,
	                      .unit = c->unit,
	                      .registered_by = c->created_by,
	                      .officer_id = c->officer_id,
	                      .stage = case_state_open(c->state) ? STAGE_ROUTED : STAGE_CLOSED,
	                      .ext_pending = c->ext_pending,
	                      .ext_asked_by = c->ext_asked_by,
	                      .ext_left = case_extension_left(c->ext_limit, c->ext_days) > 0};
	return access_allows(&who, &what, act);
}

const char *audit_phone(struct req *rq, const char *phone)
{
	char buf[64];
	ids_mask_phone(phone, buf, sizeof buf);
	return arena_printf(rq->arena, "by phone %s", buf);
}

static void masked(struct req *rq, struct tobj *o, const struct case_rec *c, bool full)
{
	char buf[128];
	if (full) {
		view_data(rq, o, "name", c->name);
		tobj_str(o, "phone", c->phone);
		tobj_str(o, "email", c->email);
		tobj_str(o, "natid", c->natid);
		return;
	}
	ids_mask_name(c->name, buf, sizeof buf);
	view_data(rq, o, "name", arena_strdup(rq->arena, buf));
	ids_mask_phone(c->phone, buf, sizeof buf);
	tobj_str(o, "phone", arena_strdup(rq->arena, buf));
	if (c->email) {
		ids_mask_email(c->email, buf, sizeof buf);
		tobj_str(o, "email", arena_strdup(rq->arena, buf));
	}
	if (c->natid)
		tobj_str(o, "natid", arena_printf(rq->arena, "%.1s*******%s", c->natid, c->natid + 7));
}

/* Case fields every case view shows (masked personal data unless full). */
void case_summary_view(struct req *rq, struct tobj *o, const struct case_rec *c, const struct cal *cal, int near_days,
                       bool full)
{
	tobj_str(o, "case_no", c->case_no);
	tobj_str(o, "href", url(rq, "/staff/cases/%s", c->case_no));
	view_text(rq, o, "service", c->service_name);
	tobj_str(o, "service_code", c->service_code);
	view_text(rq, o, "unit_name", c->unit_name);
	tobj_str(o, "unit_phone", c->unit_phone);
	tobj_str(o, "state", case_state_name(c->state));
	tobj_str(o, "state_label", case_state_label(rq, c->state));
	tobj_str(o, "channel_label", T(rq, arena_printf(rq->arena, "channel_%s", c->channel)));
	tobj_str(o, "received", view_date(rq, c->received_on));
	tobj_str(o, "due", view_date(rq, c->due_on));
	tobj_str(o, "due_iso", c->due_on);
	tobj_bool(o, "paused", c->paused_since != NULL);
	tobj_int(o, "paused_days", c->paused_days);
	view_data(rq, o, "officer", c->officer_name);
	const char *flag = cal ? case_due_flag(cal, near_days, c->state, c->due_on) : NULL;
	if (flag) {
		tobj_str(o, "flag", flag);
		tobj_str(o, "flag_label", T(rq, arena_printf(rq->arena, "flag_%s", flag)));
	}
	masked(rq, o, c, full);
}

bool case_load(struct req *rq, struct resp *rs, struct store *st, struct case_rec *c)
{
	enum err e = store_case_by_no(st, rq->arena, req_cap(rq, 0), c);
	if (e != ERR_OK) {
		page_error_lookup(rq, rs, e, "err_no_case");
		return false;
	}
	return true;
}

void receipt_status_link(struct req *rq, struct tobj *v, const char *no)
{
	struct arena *a = rq->arena;
	const char *status_url =
	    arena_printf(a, "%s%s/status?no=%s", view_public_url(rq), rq->lang == LANG_EN ? "/en" : "", no);
	tobj_str(v, "status_url", status_url);
	struct buf svg;
	buf_init(&svg);
	if (qr_svg(status_url, T(rq, "receipt_qr_label"), &svg) == ERR_OK)
		tobj_html(v, "qr", arena_strndup(a, svg.data, svg.len));
	buf_free(&svg);
}

/*
 * petition_view.c -- what every petition page shares: the access question
 * (petition_may, asked of domain/access.c from the session's role and unit,
 * never from posted fields), labels, the summary view with the petitioner
 * masked as far as the rules say, loading by number, and the write helpers
 * (event, audit row, commit or answer).  A confidential petition
 * (行政程序法 §170) shows its content and the petitioner only to its
 * officer, its unit's heads and the office head.
 */
#include <string.h>

#include "app/auth.h"
#include "app/view.h"
#include "domain/clock.h"
#include "domain/ids.h"
#include "domain/petition.h"
#include "handlers/handlers.h"
#include "handlers/views.h"
#include "store/catalog.h"
#include "store/petitions.h"
#include "store/staff.h"

bool petition_open(const struct petition_rec *p)
{
	return pet_state_open(p->state);
}

/* The petition as the access rules see it (domain/access.h). */
static struct record pet_record(const struct petition_rec *p)
{
	enum pet_state s = p->state;
	return (struct record){
	    .kind = REC_PETITION,
	    .unit = p->unit,
	    .confidential = p->confidential,
	    .officer_id = p->officer_id,
	    .registered_by = p->created_by,
	    .stage = !pet_state_open(s) ? STAGE_CLOSED
	             : s == PS_RECEIVED ? STAGE_UNROUTED
	                                : STAGE_ROUTED,
	    .ext_pending = p->ext_pending,
	    .ext_asked_by = p->ext_asked_by,
	    .ext_left = p->ext_asked < p->ext_allowed,
	    .co_units = p->co_units,
	};
}

bool petition_may(const struct req *rq, const struct petition_rec *p, enum access_action act)
{
	struct actor who = auth_actor(rq);
	struct record what = pet_record(p);
	return access_allows(&who, &what, act);
}

bool petition_is_officer(const struct req *rq, const struct petition_rec *p)
{
	return rq->sess && p->officer_id && rq->sess->user.id == p->officer_id;
}

const char *petition_state_label(struct req *rq, enum pet_state state)
{
	static const char *const keys[PS__MAX] = {
	    [PS_RECEIVED] = "pstate_received",       [PS_ROUTED] = "pstate_routed",
	    [PS_ASSIGNED] = "pstate_assigned",       [PS_REPLIED] = "pstate_replied",
	    [PS_TRANSFERRED] = "pstate_transferred", [PS_NOT_HANDLED] = "pstate_not_handled",
	    [PS_DUPLICATE] = "pstate_duplicate",
	};
	return state < PS__MAX ? T(rq, keys[state]) : "";
}

const char *petition_channel_label(struct req *rq, const char *channel)
{
	return T(rq, arena_printf(rq->arena, "pch_%s", channel));
}

static void put_tier(struct req *rq, struct tobj *o, const struct cal *cal, const struct petition_rec *p, int near)
{
	int32_t due;
	if (!cal || !petition_open(p) || !cal_parse_iso(p->due_on, &due))
		return;
	const char *flag = tier_flag(deadline_tier(cal, clock_office_day(clock_now()), due, near));
	if (!flag)
		return;
	tobj_str(o, "flag", flag);
	tobj_str(o, "flag_label", T(rq, arena_printf(rq->arena, "flag_%s", flag)));
}

static void masked_person(struct req *rq, struct tobj *o, const struct petition_rec *p, bool full)
{
	char buf[160];
	if (p->anonymous) {
		tobj_str(o, "name", T(rq, "pet_anonymous_name"));
		return;
	}
	if (full) {
		view_data(rq, o, "name", p->name);
		tobj_str(o, "phone", p->phone);
		tobj_str(o, "email", p->email);
		view_data(rq, o, "address", p->address);
		return;
	}
	if (p->name) {
		ids_mask_name(p->name, buf, sizeof buf);
		view_data(rq, o, "name", arena_strdup(rq->arena, buf));
	}
	if (p->phone) {
		ids_mask_phone(p->phone, buf, sizeof buf);
		tobj_str(o, "phone", arena_strdup(rq->arena, buf));
	}
	if (p->email) {
		ids_mask_email(p->email, buf, sizeof buf);
		tobj_str(o, "email", arena_strdup(rq->arena, buf));
	}
	if (p->address)
		tobj_str(o, "address", T(rq, "pet_address_hidden"));
}

/*
 * A petition's common fields for lists and pages.  Subject and petitioner
 * only as far as the access rules let this user see them.
 */
void petition_summary_view(struct req *rq, struct tobj *o, const struct petition_rec *p, const struct cal *cal,
                           int near, bool full)
{
	bool see = petition_may(rq, p, ACC_VIEW_CONTENT);
	tobj_str(o, "no", p->no);
	tobj_str(o, "href", url(rq, "/staff/petitions/%s", p->no));
	tobj_str(o, "state", pet_state_name(p->state));
	tobj_str(o, "state_label", petition_state_label(rq, p->state));
	tobj_str(o, "channel_label", petition_channel_label(rq, p->channel));
	tobj_str(o, "ext_ref", p->ext_ref);
	tobj_str(o, "received", view_date(rq, p->received_on));
	tobj_str(o, "due", view_date(rq, p->due_on));
	tobj_str(o, "due_iso", p->due_on);
	tobj_bool(o, "extended", p->ext_until != NULL);
	tobj_bool(o, "ext_pending", p->ext_pending);
	tobj_bool(o, "confidential", p->confidential);
	tobj_bool(o, "anonymous", p->anonymous);
	tobj_bool(o, "read_back", p->read_back);
	tobj_bool(o, "hidden", !see);
	if (p->unit)
		view_text(rq, o, "unit_name", p->unit_name);
	tobj_str(o, "unit_phone", p->unit_phone);
	view_data(rq, o, "officer", p->officer_name);
	if (p->village)
		view_text(rq, o, "village", p->village_name);
	if (p->category)
		view_text(rq, o, "category", p->category_name);
	if (petition_may(rq, p, ACC_VIEW_SUBJECT))
		view_data(rq, o, "subject", p->subject);
	if (petition_may(rq, p, ACC_VIEW_IDENTITY))
		masked_person(rq, o, p, full);
	put_tier(rq, o, cal, p, near);
}

bool petition_load(struct req *rq, struct resp *rs, struct store *st, struct petition_rec *p)
{
	enum err e = store_petition_by_no(st, rq->arena, req_cap(rq, 0), p);
	struct co_unit_rec *co = NULL;
	size_t n = 0;
	if (e == ERR_OK)
		e = store_co_units(st, rq->arena, p->id, &co, &n);
	if (e != ERR_OK) {
		page_error_lookup(rq, rs, e, "err_no_petition");
		return false;
	}
	const char **units = arena_alloc(rq->arena, (n + 1) * sizeof *units);
	for (size_t i = 0; i < n; i++)
		units[i] = co[i].unit;
	units[n] = NULL;
	p->co_units = units;
	return true;
}

/* Commits, or rolls back and answers 503 / 409; true when committed. */
bool petition_finish(struct req *rq, struct resp *rs, struct store *st)
{
	enum err e = store_finish(st);
	if (e == ERR_OK)
		return true;
	page_error(rq, rs, e == ERR_CONFLICT ? 409 : 503, e == ERR_CONFLICT ? "err_pet_conflict" : "err_unavailable");
	return false;
}

enum err petition_audit(struct req *rq, struct store *st, const char *action, const struct petition_rec *p,
                        const char *detail)
{
	return store_audit(st, rq->sess ? rq->sess->user.id : 0, rq->sess ? rq->sess->user.username : NULL, action,
	                   arena_printf(rq->arena, "petition:%s", p->no), detail, rq->remote_addr);
}

enum err petition_event(struct req *rq, struct store *st, const struct petition_rec *p, const char *action,
                        const char *to, const char *note)
{
	return store_petition_event(st, p->id, clock_now_iso(rq->arena), rq->sess ? rq->sess->user.id : 0,
	                            rq->sess ? rq->sess->user.username : NULL, action, pet_state_name(p->state), to,
	                            note);
}

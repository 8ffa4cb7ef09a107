/*
 * access.c -- the office's access rules (see access.h).  Every decision is
 * a function of the actor and the record alone, so the whole matrix can be
 * tested as a table.
 */
#include "domain/access.h"

#include <stddef.h>
#include <string.h>

static const char *const action_names[ACC__MAX] = {
    "view-summary", "view-subject", "view-content", "view-identity", "find-by-phone",    "reveal",
    "handle",       "route",        "assign",       "ask-extension", "decide-extension", "allow-extension",
    "edit",         "view-audit",   "new-code",     "co-answer",     "report",
};

enum access_action access_action_parse(const char *s)
{
	for (int a = 0; s && a < ACC__MAX; a++)
		if (strcmp(s, action_names[a]) == 0)
			return (enum access_action)a;
	return ACC__MAX;
}

static bool same_unit(const struct actor *who, const char *unit)
{
	return who->unit && unit && strcmp(who->unit, unit) == 0;
}

bool access_office_head(const struct actor *who)
{
	return who->role == ROLE_HEAD && (!who->unit || strcmp(who->unit, ACCESS_OFFICE_UNIT) == 0);
}

bool access_routes(const struct actor *who)
{
	return who->role == ROLE_ADMIN || access_office_head(who);
}

bool access_office_wide(const struct actor *who)
{
	return access_routes(who);
}

bool access_unit_head(const struct actor *who, const char *unit)
{
	return who->role == ROLE_HEAD && same_unit(who, unit);
}

static bool is_officer_of(const struct actor *who, const struct record *r)
{
	return r->officer_id && who->id == r->officer_id;
}

/* Officers and heads of the record's unit, and the office head. */
static bool of_the_unit(const struct actor *who, const struct record *r)
{
	return ((who->role == ROLE_OFFICER || who->role == ROLE_HEAD) && same_unit(who, r->unit)) ||
	       access_office_head(who);
}

/* Who may reveal a person in full: the unit, the office head, the counter clerk who registered it. */
static bool may_reveal(const struct actor *who, const struct record *r)
{
	return of_the_unit(who, r) || (who->role == ROLE_COUNTER && who->id && r->registered_by == who->id);
}

/* Extensions (展期) of petitions and cases alike: the assigned officer asks, a head decides. */
static bool extension_allows(const struct actor *who, const struct record *r, enum access_action act)
{
	bool open = r->stage != STAGE_CLOSED;
	if (act == ACC_ASK_EXTENSION)
		return open && is_officer_of(who, r) && !r->ext_pending && r->ext_left;
	/* four eyes: whoever asked never approves their own request */
	return open && r->ext_pending && who->id != r->ext_asked_by &&
	       (access_unit_head(who, r->unit) || access_office_head(who));
}

static bool case_allows(const struct actor *who, const struct record *r, enum access_action act)
{
	switch (act) {
	case ACC_VIEW_SUMMARY:
	case ACC_VIEW_SUBJECT:
	case ACC_VIEW_CONTENT:
	case ACC_VIEW_IDENTITY:
	case ACC_FIND_BY_PHONE: return true;
	case ACC_REVEAL: return may_reveal(who, r);
	case ACC_HANDLE:
		/* the counter registers and moves any unit's cases; officers and heads their unit's */
		if (who->role == ROLE_COUNTER || who->role == ROLE_ADMIN)
			return true;
		return (who->role == ROLE_OFFICER || who->role == ROLE_HEAD) && (!who->unit || same_unit(who, r->unit));
	case ACC_ASSIGN:
		/* the counter hands it to an officer as it takes it in; the unit's heads (re)assign */
		return r->stage != STAGE_CLOSED &&
		       (who->role == ROLE_COUNTER || access_unit_head(who, r->unit) || access_routes(who));
	case ACC_ASK_EXTENSION:
	case ACC_DECIDE_EXTENSION: return extension_allows(who, r, act);
	case ACC_NEW_CODE: return who->role == ROLE_COUNTER || of_the_unit(who, r);
	default: return false;
	}
}

/* An officer or head of a unit the petition's lead asked to handle it too (會辦). */
static bool of_a_co_unit(const struct actor *who, const struct record *r)
{
	if ((who->role != ROLE_OFFICER && who->role != ROLE_HEAD) || !r->co_units)
		return false;
	for (const char *const *u = r->co_units; *u; u++)
		if (same_unit(who, *u))
			return true;
	return false;
}

static bool petition_allows(const struct actor *who, const struct record *r, enum access_action act)
{
	/* a confidential petition's insiders: its officer, its unit's heads, the office head, the co-units */
	bool co = of_a_co_unit(who, r);
	bool insider = !r->confidential || is_officer_of(who, r) || access_unit_head(who, r->unit) ||
	               access_office_head(who) || co;
	bool open = r->stage != STAGE_CLOSED;
	switch (act) {
	case ACC_VIEW_SUMMARY: return true;
	case ACC_VIEW_SUBJECT: return insider || access_routes(who);
	case ACC_VIEW_CONTENT:
	case ACC_VIEW_IDENTITY: return insider;
	case ACC_FIND_BY_PHONE: return !r->confidential;
	case ACC_REVEAL: return insider && may_reveal(who, r);
	case ACC_HANDLE:
		return open && insider &&
		       (is_officer_of(who, r) || access_unit_head(who, r->unit) ||
		        (r->stage == STAGE_UNROUTED && access_routes(who)));
	case ACC_ROUTE: return access_routes(who);
	case ACC_ASSIGN: return r->stage == STAGE_ROUTED && (access_unit_head(who, r->unit) || access_routes(who));
	case ACC_ASK_EXTENSION:
	case ACC_DECIDE_EXTENSION: return extension_allows(who, r, act);
	case ACC_ALLOW_EXTENSION: return open && who->role == ROLE_ADMIN;
	case ACC_NEW_CODE:
		return insider && (who->role == ROLE_COUNTER || of_the_unit(who, r) || is_officer_of(who, r));
	case ACC_CO_ANSWER: return open && co;
	default: return false;
	}
}

/* A unit's content (FAQ entries, services, forms, news): public to read, its unit's to edit. */
static bool content_allows(const struct actor *who, const struct record *r, enum access_action act)
{
	switch (act) {
	case ACC_VIEW_SUMMARY:
	case ACC_VIEW_SUBJECT:
	case ACC_VIEW_CONTENT: return true;
	case ACC_EDIT:
		if (who->role == ROLE_ADMIN)
			return true;
		return (who->role == ROLE_OFFICER || who->role == ROLE_HEAD) && (!who->unit || same_unit(who, r->unit));
	default: return false;
	}
}

static bool taking_part_allows(const struct actor *who, const struct record *r, enum access_action act)
{
	bool runs = of_the_unit(who, r) || who->role == ROLE_ADMIN;
	switch (act) {
	case ACC_VIEW_SUMMARY: return true;
	case ACC_VIEW_CONTENT: return r->kind == REC_SURVEY && runs; /* a questionnaire's results */
	case ACC_VIEW_IDENTITY: return runs || (r->kind == REC_BOOKING && who->role == ROLE_COUNTER);
	case ACC_EDIT: return runs;
	case ACC_REVEAL: return r->kind != REC_SURVEY && of_the_unit(who, r);
	default: return false;
	}
}

static bool keeps_village(const struct actor *who, const char *village)
{
	for (const char *const *v = who->villages; v && *v && village; v++)
		if (strcmp(*v, village) == 0)
			return true;
	return false;
}

static bool village_allows(const struct actor *who, const struct record *r, enum access_action act)
{
	switch (act) {
	case ACC_VIEW_SUMMARY:
	case ACC_VIEW_SUBJECT:
	case ACC_VIEW_CONTENT: return true;
	case ACC_EDIT:
	case ACC_REPORT:
		return who->role == ROLE_ADMIN || (who->role == ROLE_VILLAGE && keeps_village(who, r->village));
	default: return false;
	}
}

bool access_allows(const struct actor *who, const struct record *what, enum access_action act)
{
	if (!who || !what || who->role >= ROLE__MAX || act >= ACC__MAX)
		return false;
	if (what->kind == REC_VILLAGE)
		return village_allows(who, what, act);
	/* a village officer (里幹事) keeps village pages and nothing else */
	if (who->role == ROLE_VILLAGE)
		return false;
	/* the audit log about a record: the heads of its unit, the office head, administrators */
	if (act == ACC_VIEW_AUDIT)
		return access_unit_head(who, what->unit) || access_office_wide(who);
	switch (what->kind) {
	case REC_CASE: return case_allows(who, what, act);
	case REC_PETITION: return petition_allows(who, what, act);
	case REC_FAQ:
	case REC_SERVICE:
	case REC_FORM:
	case REC_NEWS: return content_allows(who, what, act);
	case REC_EVENT:
	case REC_SURVEY:
	case REC_BOOKING: return taking_part_allows(who, what, act);
	case REC_VILLAGE: break; /* above */
	}
	return false;
}

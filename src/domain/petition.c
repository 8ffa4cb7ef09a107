/*
 * petition.c -- petition channels, states, outcomes and deadline tiers
 * (see petition.h).
 */
#include "domain/petition.h"

#include <string.h>

#include "domain/access.h"

static const char *const channel_names[PC__MAX] = {
    "web",        /* PC_WEB */
    "counter",    /* PC_COUNTER */
    "hotline",    /* PC_HOTLINE */
    "mayor",      /* PC_MAYOR */
    "chief",      /* PC_CHIEF */
    "mailbox",    /* PC_MAILBOX */
    "suggestion", /* PC_SUGGESTION */
    "letter",     /* PC_LETTER */
    "email",      /* PC_EMAIL */
    "fax",        /* PC_FAX */
    "open311",    /* PC_OPEN311 */
    "field",      /* PC_FIELD */
};

static const char *const state_names[PS__MAX] = {
    "received",    /* PS_RECEIVED */
    "routed",      /* PS_ROUTED */
    "assigned",    /* PS_ASSIGNED */
    "replied",     /* PS_REPLIED */
    "transferred", /* PS_TRANSFERRED */
    "not_handled", /* PS_NOT_HANDLED */
    "duplicate",   /* PS_DUPLICATE */
};

static const char *const ground_names[PG__MAX] = {
    "s173_1", /* PG_S173_1 */
    "s173_2", /* PG_S173_2 */
    "s173_3", /* PG_S173_3 */
};

static const char *const tier_names[TIER__MAX] = {
    NULL,        /* TIER_NONE */
    "near",      /* TIER_NEAR */
    "due_today", /* TIER_DUE_TODAY */
    "overdue",   /* TIER_OVERDUE */
};

static const char *const tier_flags[TIER__MAX] = {
    NULL,        /* TIER_NONE */
    "due_soon",  /* TIER_NEAR */
    "due_today", /* TIER_DUE_TODAY */
    "overdue",   /* TIER_OVERDUE */
};

static int find(const char *const *names, int n, const char *s)
{
	for (int i = 0; s && i < n; i++)
		if (strcmp(s, names[i]) == 0)
			return i;
	return n;
}

enum pet_channel pet_channel_parse(const char *s)
{
	return (enum pet_channel)find(channel_names, PC__MAX, s);
}

const char *pet_channel_name(enum pet_channel c)
{
	return c < PC__MAX ? channel_names[c] : "none";
}

bool pet_channel_public(enum pet_channel c)
{
	return c == PC_WEB || c == PC_CHIEF || c == PC_MAILBOX;
}

bool pet_channel_read_back(enum pet_channel c)
{
	return c == PC_COUNTER || c == PC_HOTLINE;
}

const char *pet_channel_route_default(enum pet_channel c)
{
	return c == PC_CHIEF || c == PC_MAILBOX ? ACCESS_OFFICE_UNIT : NULL;
}

enum pet_state pet_state_parse(const char *s)
{
	return (enum pet_state)find(state_names, PS__MAX, s);
}

const char *pet_state_name(enum pet_state s)
{
	return s < PS__MAX ? state_names[s] : "none";
}

bool pet_state_open(enum pet_state s)
{
	return s == PS_RECEIVED || s == PS_ROUTED || s == PS_ASSIGNED;
}

bool pet_state_outcome(enum pet_state s)
{
	return s == PS_REPLIED || s == PS_TRANSFERRED || s == PS_NOT_HANDLED || s == PS_DUPLICATE;
}

bool pet_move_allowed(enum pet_state from, enum pet_state to)
{
	if (!pet_state_open(from) || to >= PS__MAX)
		return false;
	if (to == PS_ROUTED)
		return true; /* routing, or re-routing to another unit */
	if (to == PS_ASSIGNED)
		return from == PS_ROUTED || from == PS_ASSIGNED;
	return pet_state_outcome(to);
}

enum pet_ground pet_ground_parse(const char *s)
{
	return (enum pet_ground)find(ground_names, PG__MAX, s);
}

const char *pet_ground_name(enum pet_ground g)
{
	return g < PG__MAX ? ground_names[g] : "none";
}

int32_t pet_due(const struct cal *c, int32_t received, int days, int32_t ext_until)
{
	if (ext_until != CAL_DAY_INVALID)
		return cal_next_open(c, ext_until);
	return cal_add_working_days(c, received, days);
}

const char *tier_name(enum tier t)
{
	return t < TIER__MAX ? tier_names[t] : NULL;
}

const char *tier_flag(enum tier t)
{
	return t < TIER__MAX ? tier_flags[t] : NULL;
}

enum tier deadline_tier(const struct cal *c, int32_t today, int32_t due, int near_days)
{
	if (due == CAL_DAY_INVALID)
		return TIER_NONE;
	if (due < today)
		return TIER_OVERDUE;
	if (due == today)
		return TIER_DUE_TODAY;
	return cal_working_days_between(c, today, due) <= near_days ? TIER_NEAR : TIER_NONE;
}

int32_t deadline_near_until(const struct cal *c, int32_t today, int near_days)
{
	if (near_days < 0)
		return today;
	int32_t next = cal_add_working_days(c, today, near_days + 1);
	return next > today ? next - 1 : today;
}

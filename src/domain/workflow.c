/*
 * workflow.c -- case states and moves (see workflow.h).
 */
#include "domain/workflow.h"

#include <string.h>

static const char *const names[CS__MAX] = {
    "received",   /* CS_RECEIVED */
    "review",     /* CS_REVIEW */
    "correction", /* CS_CORRECTION */
    "approved",   /* CS_APPROVED */
    "rejected",   /* CS_REJECTED */
    "closed",     /* CS_CLOSED */
    "withdrawn",  /* CS_WITHDRAWN */
};

/* Every allowed move, and the one action that makes it. */
static const struct transition {
	enum case_state from, to;
	enum case_action how;
} transitions[] = {
    {CS_RECEIVED, CS_REVIEW, CA_MOVE},
    {CS_RECEIVED, CS_CLOSED, CA_MOVE}, /* on the spot: immediate services */
    {CS_RECEIVED, CS_WITHDRAWN, CA_MOVE},
    {CS_REVIEW, CS_CORRECTION, CA_NOTICE}, /* only with a notice saying what is missing */
    {CS_REVIEW, CS_APPROVED, CA_MOVE},
    {CS_REVIEW, CS_REJECTED, CA_MOVE},
    {CS_REVIEW, CS_WITHDRAWN, CA_MOVE},
    {CS_CORRECTION, CS_REVIEW, CA_CORRECTED}, /* only when the items came: the clock restarts */
    {CS_CORRECTION, CS_REJECTED, CA_MOVE},
    {CS_CORRECTION, CS_WITHDRAWN, CA_MOVE},
    {CS_APPROVED, CS_CLOSED, CA_MOVE},
    {CS_REJECTED, CS_CLOSED, CA_MOVE},
};

enum case_state case_state_parse(const char *s)
{
	for (int i = 0; s && i < CS__MAX; i++)
		if (strcmp(s, names[i]) == 0)
			return (enum case_state)i;
	return CS__MAX;
}

const char *case_state_name(enum case_state s)
{
	return s < CS__MAX ? names[s] : "unknown";
}

bool case_move_allowed(enum case_state from, enum case_state to, enum case_action how)
{
	for (size_t i = 0; i < sizeof transitions / sizeof transitions[0]; i++)
		if (transitions[i].from == from && transitions[i].to == to)
			return transitions[i].how == how;
	return false;
}

bool case_state_open(enum case_state s)
{
	return s == CS_RECEIVED || s == CS_REVIEW || s == CS_CORRECTION;
}

bool case_move_needs_reason(enum case_state to)
{
	return to == CS_REJECTED || to == CS_CLOSED || to == CS_WITHDRAWN;
}

int case_extension_left(int limit, int granted)
{
	return limit > granted ? limit - granted : 0;
}

const char *case_extension_check(int limit, int granted, long long asked)
{
	int left = case_extension_left(limit, granted);
	if (left == 0)
		return "err_case_ext_none";
	return asked >= 1 && asked <= left ? NULL : "err_case_ext_days";
}

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

/* moves[from] = bit mask of the states it may go to */
#define B(s) (1u << (s))
static const unsigned moves[CS__MAX] = {
    B(CS_REVIEW) | B(CS_WITHDRAWN) | B(CS_CLOSED),                        /* received (closed: on the spot) */
    B(CS_CORRECTION) | B(CS_APPROVED) | B(CS_REJECTED) | B(CS_WITHDRAWN), /* review */
    B(CS_REVIEW) | B(CS_REJECTED) | B(CS_WITHDRAWN),                      /* correction */
    B(CS_CLOSED),                                                         /* approved */
    B(CS_CLOSED),                                                         /* rejected */
    0,                                                                    /* closed */
    0,                                                                    /* withdrawn */
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

bool case_move_allowed(enum case_state from, enum case_state to)
{
	return from < CS__MAX && to < CS__MAX && (moves[from] & B(to));
}

bool case_state_open(enum case_state s)
{
	return s == CS_RECEIVED || s == CS_REVIEW || s == CS_CORRECTION;
}

bool case_move_needs_reason(enum case_state to)
{
	return to == CS_REJECTED || to == CS_CLOSED || to == CS_WITHDRAWN;
}

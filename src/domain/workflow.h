/*
 * workflow.h -- the states a case moves through and which moves are
 * allowed.  The server enforces these; the UI only offers them.  Pure.
 */
#ifndef BM_WORKFLOW_H
#define BM_WORKFLOW_H

#include <stdbool.h>

enum case_state {
	CS_RECEIVED,   /* 已收件 */
	CS_REVIEW,     /* 審核中 */
	CS_CORRECTION, /* 待補正: the clock stops */
	CS_APPROVED,   /* 核准 */
	CS_REJECTED,   /* 駁回 */
	CS_CLOSED,     /* 結案 */
	CS_WITHDRAWN,  /* 撤回 */
	CS__MAX
};

/*
 * How a case changes state.  Most moves are the case page's move form; two
 * are actions of their own, because they do more than change the state,
 * and the move form must never make them without that.
 */
enum case_action {
	CA_MOVE,      /* the move form (/staff/cases/NO/move) and registration */
	CA_NOTICE,    /* issuing the one-time correction notice: review -> correction, the clock stops */
	CA_CORRECTED, /* "items received": correction -> review, the clock restarts */
	CA__MAX
};

/* "received" -> CS_RECEIVED; CS__MAX for anything else. */
enum case_state case_state_parse(const char *s);
const char *case_state_name(enum case_state s);
/* True when a case in state from may move to state to by action how (the transition table). */
bool case_move_allowed(enum case_state from, enum case_state to, enum case_action how);
/* Moves that cannot be undone (reject, close, withdraw): staff confirm them and record why. */
bool case_move_needs_reason(enum case_state to);
/* Open states count against the deadline (received, review, correction). */
bool case_state_open(enum case_state s);

/*
 * An extension (展期) of asked working days, for a service that allows
 * limit working days in all (0: none) of which granted are already
 * approved: NULL when it may be asked, else the refusal's string key
 * (err_case_ext_none: the service allows none or none is left;
 * err_case_ext_days: not between 1 and what is left).
 */
const char *case_extension_check(int limit, int granted, long long asked);
/* Working days an application still may be extended by (0 when none). */
int case_extension_left(int limit, int granted);

#endif

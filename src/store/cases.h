/*
 * cases.h -- applications (申辦案件), their events and correction notices.
 * Writes are the caller's transaction (store_begin … store_finish) so that a case,
 * its event and its audit row are committed together or not at all.
 */
#ifndef BM_STORE_CASES_H
#define BM_STORE_CASES_H

#include "domain/cal.h"
#include "domain/workflow.h"
#include "store/store.h"

struct case_rec {
	long long id;
	const char *case_no;
	const char *code_hash;
	long long service_id;
	const char *service_code;
	const char *service_name[LANG__MAX];
	const char *unit;
	const char *unit_name[LANG__MAX];
	const char *unit_phone;
	const char *name, *phone, *email, *natid;
	const char *channel;
	enum case_state state; /* CS__MAX: a name no state has */
	const char *received_on, *received_at, *due_on, *paused_since, *closed_at;
	int days, paused_days;
	const char *officer_name; /* NULL when unassigned */
	long long officer_id;     /* 0 when unassigned */
	long long created_by;     /* the staff member who registered it */
	int ext_days;             /* working days added by approved extensions */
	int ext_limit;            /* working days the service allows in all (0: none) */
	bool ext_pending;         /* an extension request waits for a decision */
	long long ext_asked_by;   /* who asked it; 0 when none */
	int rating;               /* the satisfaction survey's 1-5; 0: not answered */
	const char *decided_on;   /* office date it left the open states; NULL while open */
};

struct case_new {
	long long service_id;
	const char *unit;
	const char *name, *phone, *phone_digits, *email, *natid, *channel;
	const char *code_hash;
	const char *received_on; /* YYYY-MM-DD */
	const char *received_at; /* UTC timestamp */
	const char *due_on;
	int days;
	long long user_id;
	const char *form_hash; /* ids_form_hash of the form's once token, or NULL */
};

/*
 * Inserts a case numbered with the next sequence of its day (prefix 'A');
 * writes the number to no (NO_SIZE) and the id to *id.
 */
enum err store_case_create(struct store *st, const struct case_new *c, char *no, long long *id);
enum err store_case_by_no(struct store *st, struct arena *a, const char *no, struct case_rec *out);
/* The case a form with this ids_form_hash made: ERR_OK, ERR_NOTFOUND or ERR_DB. */
enum err store_case_by_form(struct store *st, struct arena *a, const char *form_hash, struct case_rec *out);

struct event_rec {
	const char *at, *username, *from_state, *to_state, *note;
};
enum err store_case_events(struct store *st, struct arena *a, long long case_id, struct event_rec **out, size_t *n);
/* Appends an event row. */
enum err store_case_event(struct store *st, long long case_id, const char *at, long long user_id, const char *username,
                          const char *from, const char *to, const char *note);

/*
 * Moves a case from state 'from' to 'to' (ERR_CONFLICT when it is no longer
 * in 'from'), setting closed_at for closed/withdrawn and decided_on (the
 * office day of at) when it leaves the open states.  paused_since and
 * paused_days/due_on are updated by the pause/resume calls instead.
 */
enum err store_case_set_state(struct store *st, long long id, enum case_state from, enum case_state to, const char *at);
/* The clock stops (correction) or restarts with the days waited added and the new due date. */
enum err store_case_pause(struct store *st, long long id, const char *since);
enum err store_case_resume(struct store *st, long long id, int waited_days, const char *due_on);

/* Cases whose number is q, or whose phone digits are q; newest first. */
enum err store_cases_find(struct store *st, struct arena *a, const char *no, const char *phone_digits,
                          struct case_rec **out, size_t *n);
/* Open cases (received/review/correction) of one unit (NULL: any) and officer (0: any), by due date. */
enum err store_cases_open(struct store *st, struct arena *a, const char *unit, long long officer_id,
                          struct case_rec **out, size_t *n);
/* The cases user_id registered on office day (YYYY-MM-DD), in the order taken in. */
enum err store_cases_taken_in(struct store *st, struct arena *a, long long user_id, const char *day,
                              struct case_rec **out, size_t *n);
/* Hands an open case to officer_id; ERR_CONFLICT when it is no longer open. */
enum err store_case_assign(struct store *st, long long id, long long officer_id);
/* Adds days approved working days and sets the due date they give. */
enum err store_case_extend(struct store *st, long long id, int days, const char *due_on);
/* The satisfaction survey's answer, once, after closing; ERR_CONFLICT when answered or not closed. */
enum err store_case_rate(struct store *st, long long id, int rating, const char *note, const char *at);

struct correction_rec {
	long long id;
	int seq;
	const char *issued_on, *officer, *officer_phone, *deadline_on, *reason, *resolved_on;
	const char **items_zh, **items_en;
	size_t nitems;
};
enum err store_corrections(struct store *st, struct arena *a, long long case_id, struct correction_rec **out,
                           size_t *n);
/* Adds notice number seq with its items; *id gets its id. */
enum err store_correction_create(struct store *st, long long case_id, int seq, const char *issued_at,
                                 const char *issued_on, long long user_id, const char *officer,
                                 const char *officer_phone, const char *deadline_on, const char *reason,
                                 const char *const *items_zh, const char *const *items_en, size_t nitems,
                                 long long *id);
enum err store_correction_resolve(struct store *st, long long case_id, const char *on);

/*
 * Recomputes the due date of every open case from the calendar (after a
 * closure is added): received_on + days + paused_days + ext_days working days.
 */
enum err store_cases_recompute_due(struct store *st, const struct cal *c);

#endif

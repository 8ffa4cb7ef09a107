/*
 * events.h -- SQL for events with online sign-up, their sign-ups and
 * waiting list, and the deletion of sign-ups' personal data after the
 * retention period (issue #18).  Their e-mails go through the citizens'
 * outbox (store/citizen_msgs.h).
 *
 * The decisions (a place or the waiting list, who moves up) are
 * domain/signup.h's; the handlers apply them between store_begin and
 * store_finish, so the counts read here hold for every process.
 */
#ifndef BM_STORE_EVENTS_H
#define BM_STORE_EVENTS_H

#include <stdbool.h>

#include "store/store.h"

struct event_rec {
	long long id;
	const char *unit; /* NULL: the whole office */
	const char *title[LANG__MAX], *place[LANG__MAX], *body[LANG__MAX], *question[LANG__MAX];
	const char *starts_at, *ends_at, *signup_from, *signup_until; /* office wall-clock text */
	int capacity, max_party;
	bool waitlist, ask_phone, closed;
	const char *purged_at;
	int taken;   /* places confirmed (people) */
	int waiting; /* sign-ups on the waiting list */
};

/* Creates an event from e (id, taken, waiting, purged_at ignored). */
enum err store_event_create(struct store *st, const struct event_rec *e, long long created_by, const char *at,
                            long long *id);
enum err store_event_get(struct store *st, struct arena *a, long long id, struct event_rec *out);
/* Events not over at now (office text), soonest first, at most limit. */
enum err store_events_upcoming(struct store *st, struct arena *a, const char *now, int limit, struct event_rec **out,
                               size_t *n);
/* Every event, the latest start first (the staff list). */
enum err store_events_all(struct store *st, struct arena *a, struct event_rec **out, size_t *n);
enum err store_event_close(struct store *st, long long id);

struct signup_rec {
	long long id, event_id;
	const char *name, *phone, *email, *answer; /* NULL once deleted */
	int people;
	const char *state; /* confirmed, waiting, cancelled */
	bool attended;
	const char *created_at, *promoted_at;
};

struct signup_new {
	long long event_id;
	const char *form_hash, *code_hash;
	const char *name, *phone, *email, *answer; /* "" or NULL: not given */
	int people;
	const char *state;
	const char *at;
};

enum err store_signup_add(struct store *st, const struct signup_new *s, long long *id);
enum err store_signup_by_form(struct store *st, struct arena *a, const char *form_hash, struct signup_rec *out);
enum err store_signup_by_code(struct store *st, struct arena *a, const char *code_hash, struct signup_rec *out);
/* Every sign-up of an event in order, cancelled ones too. */
enum err store_signups(struct store *st, struct arena *a, long long event_id, struct signup_rec **out, size_t *n);
/* The waiting list in order. */
enum err store_signups_waiting(struct store *st, struct arena *a, long long event_id, struct signup_rec **out,
                               size_t *n);
/* confirmed/waiting -> cancelled; ERR_CONFLICT when it was cancelled already. */
enum err store_signup_cancel(struct store *st, long long id, const char *at);
enum err store_signup_promote(struct store *st, long long id, const char *at);
/* Marks who came: the event's confirmed sign-ups whose ids are listed attended, the others not. */
enum err store_signup_attendance(struct store *st, long long event_id, const long long *ids, size_t n);

/*
 * Deletes the personal data of the sign-ups of every event that ended
 * before `before` (office text) and was not purged yet, and their
 * messages in the citizens' outbox; marks the events purged at `at`.  *events gets how many.
 */
enum err store_signups_purge(struct store *st, const char *before, const char *at, int *events);

#endif

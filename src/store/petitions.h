/*
 * petitions.h -- petitions (陳情), their events, extensions (展期; the requests: extensions.h),
 * the deadline rules (the control report: reports.h).
 *
 * Writes are the caller's transaction (store_begin … store_finish) so that a
 * petition's change, its event and its audit row are committed together
 * or not at all.  Strings returned live in the caller's arena.
 */
#ifndef BM_STORE_PETITIONS_H
#define BM_STORE_PETITIONS_H

#include "domain/cal.h"
#include "domain/petition.h"
#include "store/catalog.h"
#include "store/store.h"

struct petition_rec {
	long long id;
	const char *no;
	const char *code_hash;
	const char *channel, *ext_ref;
	const char *name, *phone, *email, *address; /* NULL when not given */
	bool anonymous, confidential, read_back;
	const char *village, *village_name[LANG__MAX];
	const char *category, *category_name[LANG__MAX];
	const char *subject, *body;
	const char *unit, *unit_name[LANG__MAX], *unit_phone; /* unit NULL until routed */
	long long officer_id;                                 /* 0 when none */
	const char *officer_name;
	enum pet_state state; /* PS__MAX: a name no state has */
	const char *received_on, *received_at, *due_on, *ext_until;
	int days;
	int ext_allowed, ext_asked; /* requests allowed / made */
	bool ext_pending;           /* a request waits for a decision */
	long long ext_asked_by;     /* who asked the waiting request; 0 when none */
	const char *reply, *agency, *transfer_on, *ground, *outcome_note;
	long long duplicate_of;
	const char *duplicate_no;
	const char *closed_at, *closed_on;
	int rating; /* 0: not rated */
	const char *rating_note;
	long long created_by;
	/* 013, 030: the place it is about, the consent to publish, how many photos */
	const char *place; /* its address; NULL when not given */
	bool has_point;
	double lat, lon;
	bool publish;
	int nphotos;
	const char *const
	    *co_units; /* 會辦: the units asked, NULL-terminated; only the handlers' petition_load fills it */
};

struct petition_new {
	const char *channel, *ext_ref;
	const char *name, *phone, *phone_digits, *email, *address; /* NULL when absent */
	bool anonymous, confidential, read_back;
	const char *village, *category; /* NULL when not given */
	const char *subject, *body;
	const char *code_hash;
	const char *received_on, *received_at; /* office date; UTC timestamp */
	int days;
	const char *due_on;
	long long user_id;     /* 0: the citizen's own form */
	const char *form_hash; /* ids_form_hash of the form's once token, or NULL */
	const char *place;     /* the place's address, NULL when not given */
	bool has_point;        /* lat, lon: WGS84 (domain/place.h) */
	double lat, lon;
	bool publish; /* the petitioner agreed to publish the description and photos */
};

/*
 * Inserts a petition numbered 'P' + its office date + the day's next
 * sequence; writes the number to no (NO_SIZE) and the id to *id.
 */
enum err store_petition_create(struct store *st, const struct petition_new *p, char *no, long long *id);
/* ERR_OK, ERR_NOTFOUND or ERR_DB. */
/* The petition a form with this ids_form_hash made: ERR_OK, ERR_NOTFOUND or ERR_DB. */
enum err store_petition_by_form(struct store *st, struct arena *a, const char *form_hash, struct petition_rec *out);
enum err store_petition_by_no(struct store *st, struct arena *a, const char *no, struct petition_rec *out);

/*
 * Photos (issue #13), kept as BLOBs beside their petition (030): what
 * domain/photo.c made of what was sent, never the file itself.
 */
struct petition_photo {
	int seq; /* 1..PHOTO_MAX, the order sent */
	const char *mime;
	int width, height;
	const void *data, *thumb;
	size_t len, thumb_len;
};
/* Adds petition id's photo (in the caller's transaction). */
enum err store_petition_photo_add(struct store *st, long long id, const struct petition_photo *ph);
/*
 * Petition no's photo seq, the thumbnail instead when thumb, into out (data
 * or thumb set, copied into a).  public_only: only when its petition may
 * be shown to anyone (not confidential, publish agreed).  ERR_NOTFOUND when
 * there is none.
 */
enum err store_petition_photo(struct store *st, struct arena *a, const char *no, int seq, bool thumb, bool public_only,
                              struct petition_photo *out);

struct pet_event_rec {
	const char *at, *username, *action, *from_state, *to_state, *note;
};
enum err store_petition_events(struct store *st, struct arena *a, long long id, struct pet_event_rec **out, size_t *n);
/* Appends an event (the table is append-only). */
enum err store_petition_event(struct store *st, long long id, const char *at, long long user_id, const char *username,
                              const char *action, const char *from, const char *to, const char *note);

/*
 * Routes (or re-routes) a petition still in state 'from' to unit, with its
 * category, rule days and due date; the officer is cleared and the state
 * becomes 'routed'.  ERR_CONFLICT when the state changed meanwhile.
 */
enum err store_petition_route(struct store *st, long long id, enum pet_state from, const char *unit,
                              const char *category, int days, const char *due_on);
/* Assigns officer_id (state 'assigned'); ERR_CONFLICT when no longer in 'from'. */
enum err store_petition_assign(struct store *st, long long id, enum pet_state from, long long officer_id);

struct petition_outcome {
	enum pet_state state; /* replied, transferred, not_handled, duplicate */
	const char *reply, *agency, *transfer_on, *ground, *note;
	long long duplicate_of;
	const char *closed_at, *closed_on;
};
/* Closes a petition still in state 'from' with an outcome; ERR_CONFLICT otherwise. */
enum err store_petition_close(struct store *st, long long id, enum pet_state from, const struct petition_outcome *o);
/* Records the satisfaction rating once; ERR_CONFLICT when already rated or not replied. */
enum err store_petition_rate(struct store *st, long long id, int rating, const char *note, const char *at);

/* Open petitions, filtered by unit (NULL: any), officer (0: any) and state (PS__MAX: any open), by due date. */
enum err store_petitions_open(struct store *st, struct arena *a, const char *unit, long long officer_id,
                              enum pet_state state, struct petition_rec **out, size_t *n);
/* Open petitions of one unit (NULL: not yet routed), counted by tier for the dashboards. */
struct petition_counts {
	const char *unit;
	const char *unit_name[LANG__MAX];
	int open, near, today, overdue;                /* the unit's */
	int mine, mine_near, mine_today, mine_overdue; /* of those, the given officer's */
	int unrouted, ext_waiting;
};
/*
 * Per unit: open petitions due in (today, near_until] (near), on today, or
 * before it (overdue), all of them and those of officer_id.  Every open
 * petition is counted (no limit), through the partial index.
 */
enum err store_petition_counts(struct store *st, struct arena *a, const char *today, const char *near_until,
                               long long officer_id, struct petition_counts **out, size_t *n);

/* A caller's petitions by phone digits, newest first (at most 20). */
enum err store_petitions_by_phone(struct store *st, struct arena *a, const char *digits, struct petition_rec **out,
                                  size_t *n);

/* ---- 會辦: units that handle a petition with its lead (migration 028) ---- */

struct co_unit_rec {
	const char *unit, *unit_name[LANG__MAX];
	const char *part; /* NULL until the unit gives it */
	const char *asked_at, *asked_by, *answered_at, *answered_by;
};
/* The units asked, in the order asked. */
enum err store_co_units(struct store *st, struct arena *a, long long petition_id, struct co_unit_rec **out, size_t *n);
/* Asks unit to handle the petition with its lead; ERR_CONFLICT when asked already. */
enum err store_co_unit_ask(struct store *st, long long petition_id, const char *unit, const char *at, const char *by);
/* Records unit's part; ERR_CONFLICT when the unit was not asked or has answered already. */
enum err store_co_unit_answer(struct store *st, long long petition_id, const char *unit, const char *part,
                              const char *at, const char *by);

/* ---- extensions (展期; the requests: store/extensions.h) ---- */

/* Sets the approved date and the due date it gives. */
enum err store_petition_extend(struct store *st, long long id, const char *ext_until, const char *due_on);
/* One more extension request allowed (an administrator's decision). */
enum err store_petition_allow_extension(struct store *st, long long id);

/* ---- deadline rules ---- */

struct rule_rec {
	long long id;
	const char *channel, *category; /* "*" = any */
	int days;
	const char *updated_by, *updated_at;
};
enum err store_petition_rules(struct store *st, struct arena *a, struct rule_rec **out, size_t *n);
/* Working days for channel and category (NULL: none) by the most specific rule. */
enum err store_petition_rule_days(struct store *st, const char *channel, const char *category, int *days);
/* Adds or changes the rule for (channel, category). */
enum err store_petition_rule_set(struct store *st, const char *channel, const char *category, int days, const char *by);
/* Removes a rule; ERR_INVAL for the catch-all (*, *), which must stay. */
enum err store_petition_rule_delete(struct store *st, long long id);
/* Every category (for the forms), in display order. */
enum err store_categories(struct store *st, struct arena *a, struct named_rec **out, size_t *n);

/*
 * Recomputes the due date of every open petition from the calendar (after
 * a closure was added or a year imported); see pet_due().
 */
enum err store_petitions_recompute_due(struct store *st, const struct cal *c);

#endif

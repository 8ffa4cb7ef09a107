/*
 * bookings.h -- SQL for appointments (mediation, free legal advice;
 * issue #18): the recurring slot rules, blocked slots, bookings, and the
 * deletion of bookings' personal data after the retention period.
 *
 * Slots themselves are domain/slots.c's, made from the rules.  At most
 * one live booking holds a slot: the partial unique index of migration
 * 018 refuses a second (ERR_CONFLICT), whichever process tries.
 */
#ifndef BM_STORE_BOOKINGS_H
#define BM_STORE_BOOKINGS_H

#include "domain/slots.h"
#include "store/store.h"

struct slot_rule_rec {
	long long id;
	struct slot_rule rule;
};
enum err store_slot_rules(struct store *st, struct arena *a, struct slot_rule_rec **out, size_t *n);
enum err store_slot_rule_add(struct store *st, const struct slot_rule *r, long long by, const char *at);
/* ERR_NOTFOUND when there is no such rule. */
enum err store_slot_rule_remove(struct store *st, long long id);

struct slot_block_rec {
	const char *kind, *day, *reason;
	int start_min;
};
/* Blocks on days from..to (YYYY-MM-DD, inclusive). */
enum err store_slot_blocks(struct store *st, struct arena *a, const char *from, const char *to,
                           struct slot_block_rec **out, size_t *n);
/* Blocks a slot; ERR_CONFLICT when it is blocked already. */
enum err store_slot_block(struct store *st, const struct slot_block_rec *b, long long by, const char *at);

struct booking_rec {
	long long id;
	const char *kind, *day;
	int start_min, length_min;
	const char *name, *phone, *email, *subject; /* NULL once deleted */
	const char *state;                          /* booked, cancelled */
	const char *created_at;
};
/* Live bookings on days from..to (inclusive), by day and start. */
enum err store_bookings_range(struct store *st, struct arena *a, const char *from, const char *to,
                              struct booking_rec **out, size_t *n);

struct booking_new {
	const char *kind, *day;
	int start_min, length_min;
	const char *form_hash, *code_hash;
	const char *name, *phone, *email, *subject;
	const char *at;
};
/* ERR_CONFLICT when the slot is taken (or the form was used). */
enum err store_booking_add(struct store *st, const struct booking_new *b, long long *id);
enum err store_booking_by_form(struct store *st, struct arena *a, const char *form_hash, struct booking_rec *out);
enum err store_booking_by_code(struct store *st, struct arena *a, const char *code_hash, struct booking_rec *out);
/* booked -> cancelled; ERR_CONFLICT when it was cancelled already. */
enum err store_booking_cancel(struct store *st, long long id, const char *at);

/* Deletes the personal data (and their messages in the citizens' outbox) of bookings on days before `before`
 * (YYYY-MM-DD); *n: how many. */
enum err store_bookings_purge(struct store *st, const char *before, const char *at, int *n);

#endif

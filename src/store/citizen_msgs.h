/*
 * citizen_msgs.h -- the citizens' outbox (migration 020): messages to the
 * person behind a petition or a case, queued in the transaction of the
 * change that causes them, delivered by the scheduler at most once (the
 * staff outbox's rule: 'sending' is committed before the conversation).
 * The texts are domain/citizen_msg's.
 */
#ifndef BM_STORE_CITIZEN_MSGS_H
#define BM_STORE_CITIZEN_MSGS_H

#include <time.h>

#include "domain/citizen_msg.h"
#include "store/store.h"

/* Whom a message is about and how to reach them. */
struct cmsg_to {
	const char *item_kind; /* "petition", "case", "signup" or "booking" */
	long long item_id;
	const char *ref;           /* NULL, or which one: the notice's number, the new state */
	const char *email, *phone; /* what the person gave, NULL when not */
};

/* Records the language the person used (the petition's or case's lang). */
enum err store_cmsg_set_lang(struct store *st, const char *item_kind, long long item_id, enum lang lang);

/* The language the person used; ERR_NOTFOUND when there is no such record. */
enum err store_cmsg_lang(struct store *st, const char *item_kind, long long item_id, enum lang *lang);

/*
 * Queues message k in the caller's transaction, composed in in->lang with the office's name and the status page's
 * address filled into in.  Once per (item, message, ref): ignored when queued already, and when the person gave no way
 * to reach them (ERR_OK both).
 */
enum err store_cmsg_queue(struct store *st, struct arena *a, enum cmsg_kind k, const struct cmsg_to *to,
                          struct cmsg_in *in);

/*
 * Queues an e-mail the caller composed (a sign-up's or a booking's: "signup",
 * "waitlist", "promoted", "booking") to to->email, in the caller's
 * transaction; once per (item, msg, ref); nothing when to->email is NULL or "".
 */
enum err store_cmsg_queue_mail(struct store *st, const struct cmsg_to *to, const char *msg, const struct cmsg *m);

/* What the staff page of a record lists: every message, oldest first. */
struct cmsg_rec {
	const char *msg, *channel, *subject, *state, *queued_at, *sent_at, *last_error;
	const char *to; /* the address or number: shown masked unless the viewer may see it in full */
	int attempts;
};
enum err store_cmsgs_of(struct store *st, struct arena *a, const char *item_kind, long long item_id,
                        struct cmsg_rec **out, size_t *n);
/* The messages of an event's sign-ups; of the bookings of a day (YYYY-MM-DD). */
enum err store_cmsgs_of_event(struct store *st, struct arena *a, long long event_id, struct cmsg_rec **out, size_t *n);
enum err store_cmsgs_of_day(struct store *st, struct arena *a, const char *day, struct cmsg_rec **out, size_t *n);

/* Delivery (the scheduler): store/outbox.h. */

#endif

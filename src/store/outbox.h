/*
 * outbox.h -- delivering what the two outboxes hold: the staff's
 * notification mails (outbox, queued by store/flags.c) and the citizens'
 * messages (citizen_outbox, store/citizen_msgs.c).  One life for both: a
 * message is 'pending' until its time comes, claimed as 'sending' (committed
 * before the conversation, so a killed sender never sends it twice), then
 * 'sent', back to 'pending' for a later try, or 'failed' for good.  A
 * citizen's message may hold a query code or a reply, so its body is
 * cleared once it is sent or given up.
 */
#ifndef BM_STORE_OUTBOX_H
#define BM_STORE_OUTBOX_H

#include <time.h>

#include "store/store.h"

enum outbox {
	OUTBOX_STAFF,    /* outbox: e-mail copies of staff notifications */
	OUTBOX_CITIZENS, /* citizen_outbox: e-mail and SMS to citizens */
	OUTBOX__MAX
};

struct outbox_rec {
	long long id;
	const char *to, *subject, *body;
	const char *channel; /* "email" or "sms" */
	int attempts;
};

/* Pending messages whose time has come, oldest first, at most limit. */
enum err store_outbox_due(struct store *st, struct arena *a, enum outbox box, time_t now, int limit,
                          struct outbox_rec **out, size_t *n);
/* Claims a pending message (-> 'sending', committed before the send); ERR_CONFLICT when taken. */
enum err store_outbox_claim(struct store *st, enum outbox box, long long id);
enum err store_outbox_sent(struct store *st, enum outbox box, long long id, const char *at);
/* A failed try: back to 'pending' at next_at, or 'failed' for good when next_at is 0. */
enum err store_outbox_retry(struct store *st, enum outbox box, long long id, time_t next_at, const char *error);
/* Messages left 'sending' by a killed process become 'failed': never sent twice.  *n: how many. */
enum err store_outbox_recover(struct store *st, enum outbox box, int *n);

#endif

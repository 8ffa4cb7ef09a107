/*
 * flags.h -- what the scheduler reads and writes: the open items with
 * their due dates, the staff to tell, flags (one per item, tier and
 * reference), notifications and the e-mail outbox; and the staff
 * dashboard's notification list.  (The FAQ entries and notice sheets due
 * for review come from store_faq_stale in catalog.h and
 * store_services_stale in catalog_edit.h.)
 *
 * Flags and their notifications are written in the caller's transaction
 * (store_begin … store_finish), so a flag never exists without its notifications.
 * Strings returned live in the caller's arena.
 */
#ifndef BM_STORE_FLAGS_H
#define BM_STORE_FLAGS_H

#include <time.h>

#include "domain/role.h"
#include "store/store.h"

enum item_kind { IK_PETITION, IK_CASE, IK_FAQ, IK_SERVICE, IK__MAX };
const char *item_kind_name(enum item_kind k); /* "petition", "case", "faq", "service" */

/* An item the scheduler looks at: an open petition or case, or an FAQ entry due for review. */
struct open_item {
	enum item_kind kind;
	long long id;
	const char *no;   /* P1150213-0001 / A1150213-0001 / the FAQ entry's slug */
	const char *unit; /* NULL: a petition not yet routed */
	long long officer_id;
	const char *due_on; /* NULL for FAQ entries */
	long long ext_id;   /* a waiting extension request (petitions, cases), else 0 */
};

/*
 * Every open petition and every open case whose clock runs (cases waiting
 * for correction are skipped), plus the waiting extension request.  Reads only the partial indexes on open items.
 */
enum err store_open_items(struct store *st, struct arena *a, struct open_item **out, size_t *n);

struct staff_rec {
	long long id;
	enum role role;
	const char *unit, *email; /* unit, email may be NULL */
	const char *name;
};
/* Active staff (for choosing whom to tell). */
enum err store_staff_all(struct store *st, struct arena *a, struct staff_rec **out, size_t *n);

/*
 * Raises the flag (kind, id, tier, ref) unless it exists or the item is no
 * longer open (an FAQ entry: deleted, or reviewed since, i.e. its
 * reviewed_on is no longer ref); when it is new, adds one notification per user in users
 * (duplicates ignored) and returns its id in *flag_id (0 when nothing was
 * raised).  *notified gets the notifications added.
 */
enum err store_flag_raise(struct store *st, enum item_kind kind, long long id, const char *tier, const char *ref,
                          const char *at, const long long *users, size_t nusers, long long *flag_id, int *notified,
                          long long *notification_ids);

/* ---- notifications on the staff dashboard ---- */

struct notification_rec {
	long long id;
	const char *created_at, *read_at;
	const char *tier, *ref;
	const char *item_kind, *item_no; /* an FAQ entry's slug; NULL when the entry was deleted */
	const char *title[LANG__MAX];    /* FAQ entries: the question; else NULL */
	bool confidential;
};
/*
 * The user's notifications, at most limit: unread first, deadlines before
 * FAQ review reminders (dozens may come at once), then newest.
 */
enum err store_notifications(struct store *st, struct arena *a, long long user_id, int limit,
                             struct notification_rec **out, size_t *n);
int store_notifications_unread(struct store *st, long long user_id);
/* Marks one (ERR_NOTFOUND when it is not the user's) or all of the user's notifications read. */
enum err store_notification_read(struct store *st, long long user_id, long long id, const char *at);
enum err store_notifications_read_all(struct store *st, long long user_id, const char *at);

/* ---- the e-mail outbox ---- */

/* Queues an e-mail copy of a notification (ignored when one exists). */
enum err store_outbox_add(struct store *st, long long notification_id, const char *to, const char *subject,
                          const char *body, time_t next_at);

/* Mails by state for /metrics: pending (incl. sending) and failed for good. */
enum err store_outbox_backlog(struct store *st, long *pending, long *failed);

/* ---- the scheduler's last pass (/metrics) ---- */

struct sched_pass_rec {
	time_t finished_at; /* 0: no pass has finished yet */
	long scanned, flags;
	long long usec;
};
enum err store_sched_pass_record(struct store *st, const struct sched_pass_rec *p);
/* The last pass that finished; ERR_OK with finished_at 0 when none has. */
enum err store_sched_pass_last(struct store *st, struct sched_pass_rec *out);

#endif

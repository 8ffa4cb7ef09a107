/*
 * sched.h -- the scheduler: passes over every open petition and case that
 * raise deadline flags (near, due today, overdue; waiting extension
 * requests) and notify the officer and the unit's heads, and over the FAQ
 * entries not reviewed for FAQ_REVIEW_DAYS (flag 'stale', to the unit's
 * officers and heads), plus the e-mail outboxes when SMTP is configured
 * (the staff notifications' and the citizens', store/citizen_msgs.h, whose
 * SMS go through the gateway of the setting sms_url), and deletes the
 * personal data of event sign-ups and appointment bookings once the
 * office's retention period (setting signup_retention_days) has passed
 * since the event or the appointment day.
 *
 * Uses store/ and domain/ only: never app/ or front/.  Every flag and its
 * notifications are committed together in short BEGIN IMMEDIATE
 * transactions, and a flag is unique per (item, tier, ref), so a pass can
 * be repeated -- or killed at any point and run again -- without a flag or
 * a notification appearing twice.
 */
#ifndef BM_SCHED_H
#define BM_SCHED_H

#include <stdbool.h>
#include <stdio.h>

#include "util/util.h"

struct store;

struct sched_stats {
	long scanned;       /* open items looked at */
	long faq_stale;     /* FAQ entries due for review looked at */
	long svc_stale;     /* published notice sheets due for review looked at */
	long flags;         /* flags raised by this pass */
	long notifications; /* notifications added */
	long mails_queued, mails_sent, mails_failed;
	long purged;    /* past events and bookings whose people's data was deleted (retention, issue #18) */
	long long usec; /* duration */
};

struct sched_opts {
	int batch; /* flag candidates per transaction; 0 = SCHED_BATCH */
	/*
	 * Test hook, may be NULL: called after each committed batch (1, 2, ...);
	 * returning false ends the pass there, as a crash would.
	 */
	bool (*after_batch)(void *ctx, int batch);
	void *ctx;
	bool no_mail; /* don't send the outbox in this pass */
};

enum {
	SCHED_BATCH = 256,
	SCHED_SCHEMA = 29, /* the schema version the scheduler needs: test e-mails (014), notice sheets' review (015),
	                      its last pass (016), sign-ups' and bookings' retention (017, 018), the citizens' outbox
	                      (020), cases' extension requests (023), replacement query-code links (028), sign-ups'
	                      and bookings' e-mails in the outbox, whose retention purge deletes them there (029) */
};

/*
 * One pass at clock_now(): ERR_OK with *out filled, or ERR_DB (the pass
 * stopped; what it committed stays, and the next pass carries on).
 */
enum err sched_pass(struct store *st, const struct sched_opts *o, struct sched_stats *out);

struct mail_server;
/* The office's SMTP settings (arena copies).  ERR_OK or ERR_DB. */
enum err sched_mail_server(struct store *st, struct arena *a, struct mail_server *out);
/* The test e-mail's subject and body (both languages), as the settings page and `admin mail-test` send it. */
void sched_mail_test_text(const char *office, const char **subject, const char **body, struct arena *a);

/* The one log line of a pass ("scheduler: scanned 10000 open items, ..."). */
void sched_log(FILE *f, const struct sched_stats *s);

/*
 * Runs passes on the database at db_path every interval seconds until
 * SIGTERM or SIGINT (which end it between passes), or one pass when once.
 * Returns the process exit status.
 */
int sched_run(const char *db_path, long interval, bool once);

#endif

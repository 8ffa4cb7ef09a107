/*
 * sched.c -- the scheduler's pass and loop (see sched.h).
 *
 * A pass reads every open item once (partial indexes: the cost follows
 * open items, not history), works out each one's tier in memory, adds the
 * FAQ entries due for review (an index on reviewed_on: the cost follows
 * those entries, not the whole FAQ), then writes the candidate flags in
 * batches of short BEGIN IMMEDIATE transactions: INSERT OR IGNORE of the
 * flag, and, only when it is new, its notifications and outbox rows in the
 * same transaction.
 *
 * Must not include: sqlite3.h, anything from app/ or front/ (the UI strings
 * are util/i18n.h, below both).
 */
#include "sched/sched.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "domain/cal.h"
#include "domain/citizen_msg.h"
#include "domain/clock.h"
#include "domain/petition.h"
#include "domain/signup.h"
#include "sched/mail.h"
#include "sched/sms.h"
#include "store/bookings.h"
#include "store/calendar.h"
#include "store/catalog.h"
#include "store/catalog_edit.h"
#include "store/citizen_msgs.h"
#include "store/deadlines.h"
#include "store/events.h"
#include "store/flags.h"
#include "store/outbox.h"
#include "store/search.h"
#include "store/settings.h"
#include "store/store.h"
#include "util/i18n.h"

enum {
	MAX_RECIPIENTS = 32,
	MAIL_PER_PASS = 50,
	MAIL_MAX_TRIES = 6,    /* then 'failed' for good */
	MAIL_FIRST_RETRY = 60, /* seconds, doubling each try */
};

/* One flag to raise. */
struct candidate {
	const struct open_item *item;
	const char *tier;
	const char *ref;
};

static long long usec_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

static bool is_in(const struct staff_rec *u, enum role role, const char *unit)
{
	return u->role == role && u->unit && unit && strcmp(u->unit, unit) == 0;
}

/*
 * Whom to tell: the officer, if any, and the heads of the item's unit
 * (for a waiting extension, the heads alone: they decide; for an FAQ entry
 * due for review, every officer and head of its unit: they may edit it).
 * A petition not yet routed goes to the secretariat's heads, who route;
 * when nobody qualifies, the secretariat's heads (not for an FAQ entry:
 * they may not edit another unit's), then the administrators.
 */
static size_t recipients(const struct candidate *c, const struct staff_rec *staff, size_t nstaff, long long *out)
{
	size_t n = 0;
	const struct open_item *it = c->item;
	/* FAQ entries and notice sheets: "faq" here means a unit's content due for review */
	bool ext = strcmp(c->tier, "extension") == 0, faq = it->kind == IK_FAQ || it->kind == IK_SERVICE;
	if (it->officer_id && !ext)
		for (size_t i = 0; i < nstaff; i++)
			if (staff[i].id == it->officer_id)
				out[n++] = it->officer_id;
	const char *unit = it->unit ? it->unit : "secretariat";
	for (size_t i = 0; i < nstaff && n < MAX_RECIPIENTS; i++)
		if ((is_in(&staff[i], ROLE_HEAD, unit) || (faq && is_in(&staff[i], ROLE_OFFICER, unit))) &&
		    staff[i].id != it->officer_id)
			out[n++] = staff[i].id;
	for (size_t i = 0; n == 0 && !faq && i < nstaff && n < MAX_RECIPIENTS; i++)
		if (is_in(&staff[i], ROLE_HEAD, "secretariat"))
			out[n++] = staff[i].id;
	for (size_t i = 0; n == 0 && i < nstaff && n < MAX_RECIPIENTS; i++)
		if (staff[i].role == ROLE_ADMIN)
			out[n++] = staff[i].id;
	return n;
}

static const struct staff_rec *staff_by_id(const struct staff_rec *staff, size_t n, long long id)
{
	for (size_t i = 0; i < n; i++)
		if (staff[i].id == id)
			return &staff[i];
	return NULL;
}

/*
 * The e-mail text of a notification (Chinese, then English).  The tier's
 * words are the pages' (tier_* in templates/strings.tsv, loaded by
 * `bianmin scheduler` before the first pass), so a mail and the staff
 * page's notification list never name a tier differently.
 */
static void mail_text(struct arena *a, const struct candidate *c, const char *base, const char **subject,
                      const char **body)
{
	const char *key = arena_printf(a, "tier_%s", c->tier);
	const char *zh = i18n(LANG_ZH, key), *en = i18n(LANG_EN, key);
	const char *no = c->item->no;
	if (c->item->kind == IK_SERVICE) {
		*subject = arena_printf(a, "[便民] 一次告知單 %s %s / Notice sheet %s %s", no, zh, no, en);
		*body = arena_printf(
		    a,
		    "一次告知單 %s：%s（上次檢視 %s）。\n請登入職員專區檢視並更新：/staff/services/%s/edit\n\n"
		    "Notice sheet %s: %s (last reviewed %s).\nPlease review it in the staff area: "
		    "/staff/services/%s/edit\n\n-- bianmin scheduler\n",
		    no, zh, c->ref, no, no, en, c->ref, no);
		return;
	}
	if (c->item->kind == IK_FAQ) {
		*subject = arena_printf(a, "[便民] 常見問題 %s %s / FAQ entry %s %s", no, zh, no, en);
		*body =
		    arena_printf(a,
		                 "常見問題 %s：%s（上次檢視 %s）。\n請登入職員專區檢視並更新：%s/staff/faq/%s/edit\n\n"
		                 "FAQ entry %s: %s (last reviewed %s).\nPlease review it in the staff area: "
		                 "%s/en/staff/faq/%s/edit\n\n-- bianmin scheduler\n",
		                 no, zh, c->ref, base, no, no, en, c->ref, base, no);
		return;
	}
	bool pet = c->item->kind == IK_PETITION;
	*subject = arena_printf(a, "[便民] %s %s %s / %s %s", pet ? "陳情" : "申辦案件", no, zh,
	                        pet ? "Petition" : "Application", en);
	*body = arena_printf(a,
	                     "%s %s：%s（期限 %s）。\n請登入職員專區處理：%s/staff/%s/%s\n\n%s %s: %s (due %s).\n"
	                     "Please sign in to the staff area: %s/en/staff/%s/%s\n\n-- bianmin scheduler\n",
	                     pet ? "陳情" : "申辦案件", no, zh, c->item->due_on, base, pet ? "petitions" : "cases", no,
	                     pet ? "Petition" : "Application", no, en, c->item->due_on, base,
	                     pet ? "petitions" : "cases", no);
}

/* Raises one batch of candidates in one transaction. */
static enum err raise_batch(struct store *st, struct arena *a, const char *base, const struct candidate *cs, size_t n,
                            const struct staff_rec *staff, size_t nstaff, bool mail, struct sched_stats *out)
{
	char at[21];
	time_t now = clock_now();
	clock_iso(now, at);
	long flags = 0, notes = 0, queued = 0;
	enum err e = store_begin(st);
	for (size_t i = 0; e == ERR_OK && i < n; i++) {
		long long users[MAX_RECIPIENTS] = {0}, note_ids[MAX_RECIPIENTS],
		          flag_id; /* users: the analyzer cannot tell notified <= nu */
		int notified;
		size_t nu = recipients(&cs[i], staff, nstaff, users);
		e = store_flag_raise(st, cs[i].item->kind, cs[i].item->id, cs[i].tier, cs[i].ref, at, users, nu,
		                     &flag_id, &notified, note_ids);
		if (e != ERR_OK || !flag_id)
			continue;
		flags++;
		notes += notified;
		if (!mail || !notified)
			continue;
		const char *subject, *body;
		mail_text(a, &cs[i], base, &subject, &body);
		/* note_ids[k] belongs to users[k] only when none was a duplicate: recipients() never repeats */
		for (int k = 0; k < notified && e == ERR_OK; k++) {
			const struct staff_rec *u = staff_by_id(staff, nstaff, users[k]);
			if (!u || !u->email || !strchr(u->email, '@'))
				continue;
			e = store_outbox_add(st, note_ids[k], u->email, subject, body, now);
			queued += e == ERR_OK;
		}
	}
	e = store_finish(st);
	if (e != ERR_OK)
		return e;
	out->flags += flags;
	out->notifications += notes;
	out->mails_queued += queued;
	return ERR_OK;
}

/*
 * How messages leave: SMTP (the office's mail server) and the SMS gateway
 * (the settings sms_url, the request's template, and sms_key); NULL when
 * not configured.
 */
struct senders {
	const struct mail_server *mail;
	const char *sms_url, *sms_key;
};

static bool is_sms(const struct outbox_rec *m)
{
	return m->channel && strcmp(m->channel, "sms") == 0;
}

/* Is m's channel configured?  (Otherwise it waits, unclaimed, until it is.) */
static bool can_send(const struct senders *s, const struct outbox_rec *m)
{
	return is_sms(m) ? s->sms_url != NULL : s->mail != NULL;
}

static enum err send_one(struct arena *a, const struct senders *s, const struct outbox_rec *m, char *err, size_t errsz)
{
	if (is_sms(m))
		return sms_send(cmsg_sms_url(a, s->sms_url, s->sms_key, m->to, m->body), err, errsz);
	return mail_send(s->mail, m->to, m->subject, m->body, err, errsz);
}

/*
 * Sends what an outbox holds, each message claimed (committed) before it is
 * sent; a failure is tried again later, doubling the wait, then given up.
 */
static void deliver(struct store *st, struct arena *a, enum outbox box, const struct senders *snd,
                    struct sched_stats *out)
{
	struct outbox_rec *m;
	size_t n;
	time_t now = clock_now();
	if (store_outbox_due(st, a, box, now, MAIL_PER_PASS, &m, &n) != ERR_OK)
		return;
	for (size_t i = 0; i < n; i++) {
		if (!can_send(snd, &m[i]) || store_outbox_claim(st, box, m[i].id) != ERR_OK)
			continue;
		char err[256] = "", at[21];
		if (send_one(a, snd, &m[i], err, sizeof err) == ERR_OK) {
			clock_iso(clock_now(), at);
			store_outbox_sent(st, box, m[i].id, at);
			out->mails_sent++;
			continue;
		}
		int tries = m[i].attempts + 1;
		time_t next = tries >= MAIL_MAX_TRIES ? 0 : now + ((time_t)MAIL_FIRST_RETRY << (tries - 1));
		store_outbox_retry(st, box, m[i].id, next, err);
		out->mails_failed++;
		/* a citizen's address or phone number stays out of the log */
		if (box == OUTBOX_STAFF)
			fprintf(stderr, "scheduler: mail to %s failed (try %d%s): %s\n", m[i].to, tries,
			        next ? "" : ", giving up", err);
		else
			fprintf(stderr, "scheduler: message %lld to a citizen failed (try %d%s): %s\n", m[i].id, tries,
			        next ? "" : ", giving up", err);
	}
}

/* Sign-ups' and bookings' personal data past the retention period: deleted, one transaction. */
static enum err purge_people(struct store *st, struct arena *a, struct sched_stats *out)
{
	int days = signup_retention_days(store_setting(st, a, "signup_retention_days"));
	time_t cut = clock_now() - (time_t)days * 86400;
	char before[LOCAL_TIME_SIZE], day[CAL_ISO_SIZE];
	local_time_format(cut, before);
	cal_format_iso(clock_office_day(cut), day);
	const char *at = clock_now_iso(a);
	int events = 0, bookings = 0;
	store_begin(st);
	store_signups_purge(st, before, at, &events);
	store_bookings_purge(st, day, at, &bookings);
	enum err e = store_finish(st);
	if (e == ERR_OK)
		out->purged = events + bookings;
	return e;
}

enum err sched_mail_server(struct store *st, struct arena *a, struct mail_server *out)
{
	const char *vals[SET__MAX];
	enum err e = store_settings_load(st, a, vals);
	*out =
	    (struct mail_server){vals[SET_SMTP_URL], vals[SET_SMTP_FROM], vals[SET_SMTP_USER], vals[SET_SMTP_PASSWORD]};
	return e;
}

void sched_mail_test_text(const char *office, const char **subject, const char **body, struct arena *a)
{
	*subject = arena_printf(a, "%s: %s", office, i18n(LANG_ZH, "mail_test_subject"));
	*body = arena_printf(a, "%s\n\n%s\n", i18n(LANG_ZH, "mail_test_body"), i18n(LANG_EN, "mail_test_body"));
}

/* Sends the test e-mails the settings page asked for, and records how each went. */
static void send_mail_tests(struct store *st, struct arena *a, const struct mail_server *srv)
{
	struct mail_test_rec *m;
	size_t n;
	const char *vals[SET__MAX];
	if (store_mail_tests_pending(st, a, &m, &n) != ERR_OK || store_settings_load(st, a, vals) != ERR_OK)
		return;
	const char *subject, *body;
	sched_mail_test_text(settings_pick(vals, SET_OFFICE_NAME_ZH, false), &subject, &body, a);
	for (size_t i = 0; i < n; i++) {
		char err[256] = "smtp_url or smtp_from is not set", at[21];
		enum err e =
		    mail_configured(srv) ? mail_send(srv, m[i].to_addr, subject, body, err, sizeof err) : ERR_IO;
		clock_iso(clock_now(), at);
		store_mail_test_done(st, m[i].id, e == ERR_OK ? NULL : err, at);
	}
}

enum err sched_pass(struct store *st, const struct sched_opts *o, struct sched_stats *out)
{
	static const struct sched_opts none = {0};
	if (!o)
		o = &none;
	memset(out, 0, sizeof *out);
	long long t0 = usec_now();
	struct arena *a = arena_new();
	enum err e = ERR_DB;
	const struct cal *cal = store_calendar(st);
	struct open_item *items;
	struct faq_rec *faqs;
	struct service_admin_rec *svcs;
	struct staff_rec *staff;
	size_t nitems, nfaqs, nsvcs, nstaff;
	int32_t today = clock_office_day(clock_now());
	char before[CAL_ISO_SIZE]; /* the staff FAQ list's and `admin faq-stale`'s rule */
	cal_format_iso(today - FAQ_REVIEW_DAYS, before);
	if (!cal || store_open_items(st, a, &items, &nitems) != ERR_OK ||
	    store_faq_stale(st, a, before, &faqs, &nfaqs) != ERR_OK ||
	    store_services_stale(st, a, before, &svcs, &nsvcs) != ERR_OK ||
	    store_staff_all(st, a, &staff, &nstaff) != ERR_OK)
		goto done;
	out->scanned = (long)nitems;
	out->faq_stale = (long)nfaqs;
	out->svc_stale = (long)nsvcs;
	int near = store_near_days(st);
	struct mail_server srv = {0};
	bool mail = sched_mail_server(st, a, &srv) == ERR_OK && mail_configured(&srv);
	/* links in mails start with the site's public address (domain/settings.h) */
	const char *vals[SET__MAX];
	const char *base = store_settings_load(st, a, vals) == ERR_OK ? settings_pick(vals, SET_PUBLIC_URL, false)
	                                                              : SETTINGS_PUBLIC_URL_UNSET;

	/* tiers in memory: at most two candidates per open item, then one per FAQ entry or sheet due for review */
	struct candidate *cs = arena_alloc(a, (2 * nitems + nfaqs + nsvcs + 1) * sizeof *cs);
	size_t nc = 0;
	for (size_t i = 0; i < nitems; i++) {
		int32_t due;
		if (!cal_parse_iso(items[i].due_on, &due))
			continue;
		const char *t = tier_name(deadline_tier(cal, today, due, near));
		if (t)
			cs[nc++] = (struct candidate){&items[i], t, items[i].due_on};
		if (items[i].ext_id)
			cs[nc++] = (struct candidate){&items[i], "extension", arena_printf(a, "%lld", items[i].ext_id)};
	}
	/* FAQ entries due for review, against their review date: a new review re-arms them */
	struct open_item *fi = arena_alloc(a, (nfaqs + 1) * sizeof *fi);
	for (size_t i = 0; i < nfaqs; i++) {
		fi[i] =
		    (struct open_item){.kind = IK_FAQ, .id = faqs[i].id, .no = faqs[i].slug, .unit = faqs[i].unit.code};
		cs[nc++] = (struct candidate){&fi[i], "stale", faqs[i].reviewed_on};
	}
	/* notice sheets due for review, the same way */
	struct open_item *si = arena_alloc(a, (nsvcs + 1) * sizeof *si);
	for (size_t i = 0; i < nsvcs; i++) {
		si[i] =
		    (struct open_item){.kind = IK_SERVICE, .id = svcs[i].id, .no = svcs[i].code, .unit = svcs[i].unit};
		cs[nc++] = (struct candidate){&si[i], "stale", svcs[i].reviewed_on};
	}

	int batch = o->batch > 0 ? o->batch : SCHED_BATCH;
	e = ERR_OK;
	for (size_t i = 0, b = 1; i < nc; i += (size_t)batch, b++) {
		size_t len = nc - i < (size_t)batch ? nc - i : (size_t)batch;
		e = raise_batch(st, a, base, cs + i, len, staff, nstaff, mail, out);
		if (e != ERR_OK)
			break;
		if (o->after_batch && !o->after_batch(o->ctx, (int)b))
			break;
	}
	if (e == ERR_OK)
		e = purge_people(st, a, out);
	if (e == ERR_OK) /* after staff edits: searches read one merged index again */
		e = store_search_tidy(st);
	if (e == ERR_OK && !o->no_mail) {
		const char *sms = store_setting(st, a, "sms_url");
		const struct senders snd = {mail ? &srv : NULL, sms && *sms ? sms : NULL,
		                            store_setting(st, a, "sms_key")};
		send_mail_tests(st, a, &srv);
		deliver(st, a, OUTBOX_STAFF, &snd, out);
		deliver(st, a, OUTBOX_CITIZENS, &snd, out);
	}
done:
	arena_free(a);
	out->usec = usec_now() - t0;
	if (e == ERR_OK) /* for /metrics: when did a pass last finish */
		e = store_sched_pass_record(st,
		                            &(struct sched_pass_rec){clock_now(), out->scanned, out->flags, out->usec});
	return e;
}

void sched_log(FILE *f, const struct sched_stats *s)
{
	char ts[21];
	clock_iso(clock_now(), ts);
	fprintf(f,
	        "%s scheduler: scanned %ld open items, raised %ld flags, queued %ld notifications, "
	        "%ld mails (%ld sent, %ld failed), %ld FAQ entries due for review, %ld notice sheets due for review, "
	        "%ld past events and bookings cleared of personal data, %.1f ms\n",
	        ts, s->scanned, s->flags, s->notifications, s->mails_queued, s->mails_sent, s->mails_failed,
	        s->faq_stale, s->svc_stale, s->purged, (double)s->usec / 1000.0);
	fflush(f);
}

static volatile sig_atomic_t g_stop;

static void on_signal(int sig)
{
	(void)sig;
	g_stop = 1;
}

int sched_run(const char *db_path, long interval, bool once)
{
	char err[512];
	struct store *st = store_open(db_path, err, sizeof err);
	if (!st) {
		fprintf(stderr, "scheduler: %s\n", err);
		return 1;
	}
	if (store_version(st) < SCHED_SCHEMA) {
		fprintf(stderr, "scheduler: %s: schema too old or missing; run: bianmin admin init --db %s\n", db_path,
		        db_path);
		store_close(st);
		return 1;
	}
	/* SIGTERM/SIGINT: finish the pass under way, then leave */
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);

	int recovered = 0, citizens = 0;
	if (store_outbox_recover(st, OUTBOX_STAFF, &recovered) == ERR_OK &&
	    store_outbox_recover(st, OUTBOX_CITIZENS, &citizens) == ERR_OK && recovered + citizens)
		fprintf(stderr, "scheduler: %d mails were interrupted while sending; marked failed, not resent\n",
		        recovered + citizens);
	int rc = 0;
	while (!g_stop) {
		struct sched_stats s;
		enum err e = sched_pass(st, NULL, &s);
		sched_log(stderr, &s);
		if (e != ERR_OK) {
			fprintf(stderr, "scheduler: pass failed: %s\n", store_errmsg(st));
			rc = 1;
			if (once)
				break;
		} else {
			rc = 0;
		}
		if (once)
			break;
		/* sleep, woken early by a signal (no SA_RESTART) */
		struct timespec left = {interval > 0 ? interval : 60, 0};
		while (!g_stop && nanosleep(&left, &left) == -1 && errno == EINTR)
			;
	}
	if (g_stop)
		fprintf(stderr, "scheduler: stopped\n");
	store_close(st);
	return rc;
}

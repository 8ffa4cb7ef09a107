/*
 * metrics.c -- /metrics (see metrics.h).  Counters are per process: the
 * embedded server, or one FastCGI responder; a scrape of each is summed by
 * Prometheus.
 */
#include "app/metrics.h"

#include <stdatomic.h>
#include <stdio.h>
#include <string.h>

#include "app/site.h"
#include "app/view.h"
#include "domain/cal.h"
#include "domain/clock.h"
#include "domain/petition.h"
#include "store/calendar.h"
#include "store/deadlines.h"
#include "store/flags.h"
#include "store/store.h"

/* route groups: the first path segment, so the label set stays small and fixed */
static const char *const groups[] = {"public", "staff", "static", "ops"};
enum { NGROUPS = sizeof groups / sizeof groups[0], NCLASSES = 5 };
/* latency buckets, microseconds (Prometheus wants seconds: printed as such) */
static const long long buckets[] = {1000, 5000, 10000, 50000, 100000, 500000, 1000000, 5000000};
enum { NBUCKETS = sizeof buckets / sizeof buckets[0] };

static atomic_ulong g_requests[NGROUPS][NCLASSES];
static atomic_ulong g_latency[NBUCKETS + 1]; /* the last: above every bucket */
static atomic_ullong g_latency_sum_us;
static atomic_ulong g_cache_hits;

static size_t group_of(const struct req *rq)
{
	const char *p = rq->local_path ? rq->local_path : rq->path ? rq->path : "/";
	if (strncmp(p, "/staff", 6) == 0 && (p[6] == '/' || !p[6]))
		return 1;
	if (strncmp(p, "/static/", 8) == 0)
		return 2;
	if (strcmp(p, "/healthz") == 0 || strcmp(p, "/metrics") == 0)
		return 3;
	return 0;
}

void metrics_observe(const struct req *rq, const struct resp *rs, long long usec)
{
	int cls = rs->status / 100 - 1;
	if (cls < 0 || cls >= NCLASSES)
		cls = NCLASSES - 1;
	atomic_fetch_add_explicit(&g_requests[group_of(rq)][cls], 1, memory_order_relaxed);
	size_t b = 0;
	while (b < NBUCKETS && usec > buckets[b])
		b++;
	atomic_fetch_add_explicit(&g_latency[b], 1, memory_order_relaxed);
	atomic_fetch_add_explicit(&g_latency_sum_us, (unsigned long long)(usec > 0 ? usec : 0), memory_order_relaxed);
}

void metrics_cache_hit(void)
{
	atomic_fetch_add_explicit(&g_cache_hits, 1, memory_order_relaxed);
}

/* Is addr in the comma-separated list allow?  Exact text match: addresses, not names. */
static bool allowed(const char *addr, const char *allow)
{
	size_t n = addr ? strlen(addr) : 0;
	for (const char *p = allow; n && p && *p;) {
		const char *comma = strchr(p, ',');
		size_t len = comma ? (size_t)(comma - p) : strlen(p);
		if (len == n && strncmp(p, addr, n) == 0)
			return true;
		p = comma ? comma + 1 : NULL;
	}
	return false;
}

/* Open petitions and cases by warning tier ("none" when not near their deadline). */
static bool open_by_tier(struct req *rq, struct buf *out)
{
	struct store *st = req_store(rq);
	const struct cal *cal = st ? store_calendar(st) : NULL;
	struct open_item *items;
	size_t n;
	if (!cal || store_open_items(st, rq->arena, &items, &n) != ERR_OK)
		return false;
	unsigned long count[2][TIER__MAX] = {{0}};
	int32_t today = clock_office_day(clock_now()), due;
	int near = store_near_days(st);
	for (size_t i = 0; i < n; i++)
		if ((items[i].kind == IK_PETITION || items[i].kind == IK_CASE) && cal_parse_iso(items[i].due_on, &due))
			count[items[i].kind == IK_CASE][deadline_tier(cal, today, due, near)]++;
	buf_puts(out, "# HELP bianmin_open_items Open petitions and cases by deadline warning tier.\n"
	              "# TYPE bianmin_open_items gauge\n");
	for (int k = 0; k < 2; k++)
		for (int t = 0; t < TIER__MAX; t++)
			buf_printf(out, "bianmin_open_items{kind=\"%s\",tier=\"%s\"} %lu\n", k ? "case" : "petition",
			           tier_name((enum tier)t) ? tier_name((enum tier)t) : "none", count[k][t]);
	return true;
}

/* The scheduler's last finished pass and the e-mail outbox's backlog, from the database. */
static bool scheduler_and_outbox(struct req *rq, struct buf *out)
{
	struct store *st = req_store(rq);
	struct sched_pass_rec p;
	long pending, failed;
	if (!st || store_sched_pass_last(st, &p) != ERR_OK || store_outbox_backlog(st, &pending, &failed) != ERR_OK)
		return false;
	buf_printf(out,
	           "# HELP bianmin_scheduler_last_pass_timestamp_seconds When the scheduler last finished a pass "
	           "(0: never).\n# TYPE bianmin_scheduler_last_pass_timestamp_seconds gauge\n"
	           "bianmin_scheduler_last_pass_timestamp_seconds %lld\n"
	           "# HELP bianmin_scheduler_last_pass_seconds How long that pass took.\n"
	           "# TYPE bianmin_scheduler_last_pass_seconds gauge\nbianmin_scheduler_last_pass_seconds %.6f\n"
	           "# HELP bianmin_scheduler_last_pass_items Open items that pass looked at.\n"
	           "# TYPE bianmin_scheduler_last_pass_items gauge\nbianmin_scheduler_last_pass_items %ld\n"
	           "# HELP bianmin_outbox_mails E-mails in the outbox not yet sent: waiting (or being sent), or "
	           "given up after every retry.\n# TYPE bianmin_outbox_mails gauge\n"
	           "bianmin_outbox_mails{state=\"pending\"} %ld\nbianmin_outbox_mails{state=\"failed\"} %ld\n",
	           (long long)p.finished_at, (double)p.usec / 1e6, p.scanned, pending, failed);
	return true;
}

void h_metrics(struct req *rq, struct resp *rs)
{
	rs->no_store = true;
	rs->content_type = "text/plain; version=0.0.4; charset=utf-8";
	if (!allowed(rq->remote_addr, app_metrics_allow())) {
		rs->status = 403;
		buf_puts(&rs->body, "forbidden\n");
		return;
	}
	struct buf *b = &rs->body;
	buf_puts(b, "# HELP bianmin_requests_total Requests answered by this process, by route group and status "
	            "class.\n# TYPE bianmin_requests_total counter\n");
	for (size_t g = 0; g < NGROUPS; g++)
		for (int c = 0; c < NCLASSES; c++)
			buf_printf(b, "bianmin_requests_total{route=\"%s\",status=\"%dxx\"} %lu\n", groups[g], c + 1,
			           atomic_load_explicit(&g_requests[g][c], memory_order_relaxed));
	buf_puts(b, "# HELP bianmin_request_duration_seconds Time from the request to the response, in seconds.\n"
	            "# TYPE bianmin_request_duration_seconds histogram\n");
	unsigned long cum = 0;
	for (size_t i = 0; i <= NBUCKETS; i++) {
		cum += atomic_load_explicit(&g_latency[i], memory_order_relaxed);
		if (i < NBUCKETS)
			buf_printf(b, "bianmin_request_duration_seconds_bucket{le=\"%g\"} %lu\n", buckets[i] / 1e6,
			           cum);
		else
			buf_printf(b, "bianmin_request_duration_seconds_bucket{le=\"+Inf\"} %lu\n", cum);
	}
	buf_printf(b, "bianmin_request_duration_seconds_sum %.6f\nbianmin_request_duration_seconds_count %lu\n",
	           (double)atomic_load_explicit(&g_latency_sum_us, memory_order_relaxed) / 1e6, cum);
	buf_printf(b,
	           "# HELP bianmin_page_cache_hits_total Public pages served from the in-memory page cache.\n"
	           "# TYPE bianmin_page_cache_hits_total counter\nbianmin_page_cache_hits_total %lu\n"
	           "# HELP bianmin_db_errors_total Database statements that failed in this process.\n"
	           "# TYPE bianmin_db_errors_total counter\nbianmin_db_errors_total %lu\n",
	           atomic_load_explicit(&g_cache_hits, memory_order_relaxed), store_error_count());
	buf_printf(b,
	           "# HELP bianmin_db_busy_waits_total Waits for a database lock held by another connection.\n"
	           "# TYPE bianmin_db_busy_waits_total counter\nbianmin_db_busy_waits_total %lu\n",
	           store_busy_wait_count());
	bool ok = open_by_tier(rq, b) && scheduler_and_outbox(rq, b);
	buf_printf(b,
	           "# HELP bianmin_up Whether this scrape could read the database.\n# TYPE bianmin_up gauge\n"
	           "bianmin_up %d\n",
	           ok ? 1 : 0);
	rs->status = 200;
}

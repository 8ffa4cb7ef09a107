/*
 * metrics.h -- GET /metrics in the Prometheus text format: what this
 * process answered (requests by route group and status class, a latency
 * histogram, page-cache hits, database errors and busy waits), counted in
 * memory with atomics; and, read from the database at each scrape, the open
 * cases and petitions by warning tier, the scheduler's last pass and the
 * e-mail outbox's backlog.  Answered only to the addresses allowed
 * (app_config.metrics_allow: 127.0.0.1 and ::1 unless configured).
 */
#ifndef BM_METRICS_H
#define BM_METRICS_H

#include "app/http.h"

/* Counts one finished request (both front ends call it through app_log). */
void metrics_observe(const struct req *rq, const struct resp *rs, long long usec);
/* Counts a page served from the public page cache. */
void metrics_cache_hit(void);
/* The handler of GET /metrics. */
void h_metrics(struct req *rq, struct resp *rs);

#endif

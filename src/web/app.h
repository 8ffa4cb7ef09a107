/*
 * app.h -- the application: start-up (string table, templates, static files,
 * database check) and app_handle(), the one entry both front ends call.
 *
 * Must not include: sqlite3.h, microhttpd.h, fcgiapp.h.
 */
#ifndef BM_APP_H
#define BM_APP_H

#include "app/http.h"

struct app_config {
	const char *root; /* folder holding templates/, static/, sql/ */
	const char *db_path;
	bool quiet; /* no request log */
	/* who may read /metrics: comma-separated addresses; NULL: 127.0.0.1,::1 */
	const char *metrics_allow;
};

/*
 * Loads strings, templates and static files from cfg->root and checks that
 * the database opens and is migrated.  Returns 0, or -1 with a message in
 * err (a broken template names its file and line).
 */
int app_init(const struct app_config *cfg, char *err, size_t errsz);
void app_shutdown(void);

/*
 * Handles one request: routes, validates, calls the handler, and fills rs
 * (status, body, every header including the security headers).  rq->arena
 * must be set by the caller; rs must be zeroed.  Never fails: errors become
 * error pages.
 */
void app_handle(struct req *rq, struct resp *rs);

/*
 * The largest body a request for raw_path (as received: percent-encoded,
 * maybe /en/...) with content_type (may be NULL) may carry: a multipart
 * body, REQ_MAX_PHOTOS on a route that takes photos and REQ_MAX_UPLOAD on
 * one that takes another file; every other body REQ_MAX_BODY.  Front ends
 * ask before they read a body.
 */
size_t app_body_limit(const char *raw_path, const char *content_type);

/* Writes the one access-log line for a finished request. */
void app_log(const struct req *rq, const struct resp *rs, long long usec);

/*
 * Finds the install root: explicit (--root), else the current folder when it
 * holds templates/ and sql/, else next to the executable (source tree:
 * build/..; installed: bin/../share/bianmin).  Returns a static string or
 * NULL.
 */
const char *app_find_root(const char *explicit_root);

#endif

/*
 * http.h -- the one request/response shape both front ends speak.
 *
 * A front end (front/httpd.c, front/fcgi.c) fills a struct req from its
 * protocol, calls app_handle(), and writes the struct resp back.  Nothing
 * here knows libmicrohttpd or libfcgi.
 *
 * Must not include: sqlite3.h, microhttpd.h, fcgiapp.h.
 */
#ifndef BM_HTTP_H
#define BM_HTTP_H

#include "util/util.h"

enum method { M_GET, M_HEAD, M_POST, M_OTHER };

/* Limits both front ends enforce before the app sees a request. */
enum {
	REQ_MAX_BODY = 64 * 1024,          /* 413 past this */
	REQ_MAX_UPLOAD = 11 * 1024 * 1024, /* routes that take a file (R_UPLOAD): a form of 10 MiB and its fields */
	REQ_MAX_PHOTOS = 16 * 1024 * 1024, /* routes that take photos (R_PHOTOS): 3 of 5 MiB and the form */
	REQ_MAX_HEADERS = 8 * 1024,        /* 431 past this (all header bytes) */
	REQ_MAX_URI = 4096,                /* 414 past this */
	REQ_TIMEOUT_SECONDS = 15,          /* idle read timeout */
};

struct req {
	/* set by the front end; strings borrowed for the request's lifetime */
	enum method method;
	const char *method_name; /* as received, for the log */
	const char *path;        /* raw, still percent-encoded, no query */
	const char *query;       /* raw, NULL when absent */
	const char *body;        /* NULL when none */
	size_t body_len;
	const char *content_type; /* NULL when absent */
	const char *cookie;       /* raw Cookie header, NULL when absent */
	const char *if_none_match;
	const char *user_agent;
	const char *remote_addr; /* client address as text */
	bool secure;             /* the client reached us over TLS */
	int front_error;         /* a status the front end already decided (413, 431), else 0 */

	/* set by the app */
	struct arena *arena;
	enum lang lang;
	const char *local_path;     /* decoded path without the /en prefix */
	struct route_match *match;  /* route, path captures and validated fields */
	struct session *sess;       /* NULL for visitors */
	const char **settings;      /* the office's settings, loaded on first use (req_settings) */
	struct store *store;        /* the connection lent to this request (req_store), until it ends */
	const char *set_cookies[3]; /* Set-Cookie values the app adds to the response */
	int nset_cookies;
};

enum { RESP_MAX_HEADERS = 12 };

struct header {
	const char *name;
	const char *value;
};

struct shared_body; /* a cached page's bytes, held by the cache and by every response sending them */

struct resp {
	int status;
	const char *content_type;
	struct buf body;         /* the body, unless body_static is set */
	const char *body_static; /* borrowed (static file, cached page) */
	size_t body_static_len;
	struct shared_body *shared; /* the cached page body_static points into: one reference, until resp_free */
	bool no_store;              /* personal or staff page: Cache-Control: no-store */
	const char *cache_control;  /* overrides the default when set */
	bool geolocation;           /* the page may ask for the visitor's position (on a click: petition places) */
	struct header headers[RESP_MAX_HEADERS];
	int nheaders;
};

/* Body bytes and length, whichever of body/body_static is in use. */
const char *resp_body(const struct resp *r, size_t *len);
/*
 * The body for a front end that sends it after resp_free (libmicrohttpd),
 * without a copy: a rendered body moves out of r, a cached page gains a
 * reference, static bytes are lent.  The caller calls release(cls) when the
 * bytes are sent, unless release is NULL.
 */
const char *resp_body_handover(struct resp *r, size_t *len, void (**release)(void *), void **cls);
/* A copy of len bytes that responses share (one reference, the caller's); released with its last reference. */
struct shared_body *shared_body_new(const char *data, size_t len);
void shared_body_hold(struct shared_body *b);
void shared_body_release(void *b); /* NULL: no-op; void * to serve as a release callback */
/* r sends b's bytes, holding a reference until resp_free. */
void resp_share(struct resp *r, struct shared_body *b);
/* Adds a header (name and value must outlive the response). */
void resp_header(struct resp *r, const char *name, const char *value);
/*
 * Drops every header whose name or value holds a control character (CR, LF,
 * NUL...: header splitting) and, if there was one, turns the response into a
 * plain 500; a bad Cache-Control (rs->cache_control) is dropped the same way.
 * app_handle calls it on what the handler set, before adding its own constant
 * headers.  Returns false when it refused something.
 */
bool resp_check_headers(struct resp *r);
/* Frees what app_handle left in rs (not the arena). */
void resp_free(struct resp *rs);
/* Reason phrase for a status code ("Not Found"). */
const char *http_reason(int status);

#endif

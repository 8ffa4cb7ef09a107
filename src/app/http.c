/*
 * http.c -- the response helpers of http.h, shared by the dispatcher,
 * the handlers and both front ends.
 */
#include "app/http.h"

#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

const char *resp_body(const struct resp *r, size_t *len)
{
	if (r->body_static) {
		*len = r->body_static_len;
		return r->body_static;
	}
	*len = r->body.len;
	return r->body.data ? r->body.data : "";
}

struct shared_body {
	atomic_int refs;
	size_t len;
	char data[];
};

struct shared_body *shared_body_new(const char *data, size_t len)
{
	struct shared_body *b = xmalloc(sizeof *b + len + 1);
	atomic_init(&b->refs, 1);
	b->len = len;
	memcpy(b->data, data, len);
	b->data[len] = '\0';
	return b;
}

void shared_body_hold(struct shared_body *b)
{
	atomic_fetch_add_explicit(&b->refs, 1, memory_order_relaxed);
}

void shared_body_release(void *p)
{
	struct shared_body *b = p;
	if (b && atomic_fetch_sub_explicit(&b->refs, 1, memory_order_acq_rel) == 1)
		free(b);
}

void resp_share(struct resp *r, struct shared_body *b)
{
	shared_body_hold(b);
	r->shared = b;
	r->body_static = b->data;
	r->body_static_len = b->len;
}

const char *resp_body_handover(struct resp *r, size_t *len, void (**release)(void *), void **cls)
{
	*release = NULL;
	*cls = NULL;
	if (r->shared) {
		shared_body_hold(r->shared);
		*release = shared_body_release;
		*cls = r->shared;
	} else if (!r->body_static && r->body.data) {
		*release = free;
		*cls = r->body.data;
		*len = r->body.len;
		r->body = (struct buf){0};
		return *cls;
	}
	return resp_body(r, len);
}

void resp_header(struct resp *r, const char *name, const char *value)
{
	if (r->nheaders < RESP_MAX_HEADERS)
		r->headers[r->nheaders++] = (struct header){name, value};
}

/* A header value a client reads as one line: no control character (CR, LF, NUL, DEL, ...). */
static bool header_text_ok(const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; p && *p; p++)
		if (*p < 0x20 || *p == 0x7f)
			return false;
	return true;
}

bool resp_check_headers(struct resp *rs)
{
	bool ok = header_text_ok(rs->content_type);
	if (!header_text_ok(rs->cache_control)) {
		rs->cache_control = NULL;
		ok = false;
	}
	int kept = 0;
	for (int i = 0; i < rs->nheaders; i++) {
		if (header_text_ok(rs->headers[i].name) && header_text_ok(rs->headers[i].value))
			rs->headers[kept++] = rs->headers[i];
		else
			ok = false;
	}
	rs->nheaders = kept;
	if (ok)
		return true;
	/* a handler built a header from input it should have refused: fail closed */
	static const char msg[] = "500 Internal Server Error\n";
	rs->status = 500;
	rs->content_type = "text/plain; charset=utf-8";
	rs->body.len = 0;
	rs->body_static = msg;
	rs->body_static_len = sizeof msg - 1;
	return false;
}

void resp_free(struct resp *rs)
{
	buf_free(&rs->body);
	shared_body_release(rs->shared);
	rs->shared = NULL;
}

const char *http_reason(int status)
{
	switch (status) {
	case 200: return "OK";
	case 303: return "See Other";
	case 304: return "Not Modified";
	case 400: return "Bad Request";
	case 403: return "Forbidden";
	case 404: return "Not Found";
	case 405: return "Method Not Allowed";
	case 408: return "Request Timeout";
	case 413: return "Content Too Large";
	case 414: return "URI Too Long";
	case 415: return "Unsupported Media Type";
	case 422: return "Unprocessable Content";
	case 429: return "Too Many Requests";
	case 431: return "Request Header Fields Too Large";
	case 500: return "Internal Server Error";
	case 503: return "Service Unavailable";
	default: return "Unknown";
	}
}

/*
 * http.c -- the response helpers of http.h, shared by the dispatcher,
 * the handlers and both front ends.
 */
#include "app/http.h"

const char *resp_body(const struct resp *r, size_t *len)
{
	if (r->body_static) {
		*len = r->body_static_len;
		return r->body_static;
	}
	*len = r->body.len;
	return r->body.data ? r->body.data : "";
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

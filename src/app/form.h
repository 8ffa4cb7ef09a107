/*
 * form.h -- decoding of what a client sends: percent-encoded paths, query
 * strings and application/x-www-form-urlencoded bodies, and Cookie headers.
 * Pure functions over borrowed text; results live in the caller's arena.
 */
#ifndef BM_FORM_H
#define BM_FORM_H

#include "util/util.h"

struct param {
	const char *name;
	const char *val; /* NUL-terminated; len excludes the NUL */
	size_t len;
};

enum form_err {
	FORM_OK = 0,
	FORM_BAD_ESCAPE,    /* a % not followed by two hex digits */
	FORM_BAD_UTF8,      /* a name or value that is not UTF-8 */
	FORM_NUL,           /* a NUL byte (or %00) */
	FORM_TOO_MANY,      /* more than FORM_MAX_PARAMS */
	FORM_BAD_MULTIPART, /* a multipart/form-data body that does not follow RFC 7578 */
};

enum { FORM_MAX_PARAMS = 128, FORM_MAX_UPLOADS = 4 };

/* A file part of a multipart/form-data body. */
struct upload {
	const char *name;     /* the field's name */
	const char *filename; /* as the browser sent it: UTF-8 checked, no NUL, no path; "" when none */
	const char *data;     /* borrowed from the body: any bytes */
	size_t len;
};

/*
 * Decodes n bytes of percent-encoding into an arena string; plus_is_space for
 * forms and query strings.  Returns FORM_OK with out and outlen set, or an error.
 */
enum form_err form_unescape(struct arena *a, const char *s, size_t n, bool plus_is_space, char **out, size_t *outlen);

/*
 * Parses "a=1&b=2" (query string or urlencoded body) into an arena array.
 * Empty pieces are skipped; a name without '=' has an empty value.
 */
enum form_err form_parse(struct arena *a, const char *s, size_t n, struct param **out, size_t *nout);

/*
 * Parses a multipart/form-data body (RFC 7578) whose Content-Type header is
 * content_type (it names the boundary).  Parts without a filename become
 * params, checked like form_parse's (UTF-8, no NUL); parts with one become
 * uploads, their bytes untouched.  Returns FORM_BAD_MULTIPART for a
 * missing boundary, a part without a name, a missing closing delimiter or
 * more than FORM_MAX_UPLOADS files.
 */
enum form_err form_multipart(struct arena *a, const char *body, size_t n, const char *content_type,
                             struct param **params, size_t *nparams, struct upload **files, size_t *nfiles);

/* Value of the cookie named name in a Cookie header, as an arena copy; NULL if absent. */
const char *cookie_get(struct arena *a, const char *header, const char *name);

#endif

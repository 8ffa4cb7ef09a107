/*
 * static.h -- files under static/, read into memory once at start-up.
 * A request can only reach a file that was loaded, so nothing outside
 * static/ (nor a symlink, nor a dot-file) is ever served.
 */
#ifndef BM_STATIC_H
#define BM_STATIC_H

#include "util/util.h"

struct static_file {
	const char *path; /* relative to static/, e.g. "css/site.css" */
	const char *data;
	size_t len;
	const char *content_type;
	char etag[24]; /* "\"<16 hex>\"" */
};

/* Loads every regular file below dir.  Returns 0, or -1 with err set. */
int static_load(const char *dir, char *err, size_t errsz);
void static_free(void);

/*
 * The file for a decoded request path relative to static/ ("css/site.css"),
 * or NULL.  Paths with "..", "\", "//", a leading "/" or a dot-segment
 * never match.
 */
const struct static_file *static_find(const char *rel);

/* Content type for a file name by its extension. */
const char *static_content_type(const char *name);

#endif

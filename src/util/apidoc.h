/*
 * apidoc.h -- one document, two formats: the Open311 API builds its answer
 * as a jansson value and writes it as JSON or as the spec's XML, where an
 * array named "services" holds <service> elements, "service_requests"
 * <request>, "attributes" <attribute> and so on (see apidoc.c).
 *
 * Must not include: sqlite3.h, microhttpd.h, fcgiapp.h.
 */
#ifndef BM_APIDOC_H
#define BM_APIDOC_H

#include <jansson.h>

#include "util/util.h"

/*
 * Appends doc to out: JSON (compact, UTF-8) or XML with the declaration
 * and root_name as the root element (an array's items are named after
 * root_name, an object's members after their keys).  Text is escaped;
 * characters XML 1.0 cannot carry become U+FFFD.
 */
void apidoc_write(const json_t *doc, const char *root_name, bool xml, struct buf *out);

/* Appends s[0..n) as XML character data: & < > " ' escaped, forbidden characters replaced. */
void apidoc_xml_text(struct buf *out, const char *s, size_t n);

#endif

/*
 * apidoc.c -- JSON and XML writers for the Open311 API (see apidoc.h).
 */
#include "util/apidoc.h"

#include <stdlib.h>
#include <string.h>

/* GeoReport v2 names each array's items after the array. */
static const char *item_name(const char *array)
{
	static const char *const names[][2] = {
	    {"services", "service"}, {"service_requests", "request"}, {"attributes", "attribute"},
	    {"values", "value"},     {"endpoints", "endpoint"},       {"formats", "format"},
	    {"errors", "error"},
	};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcmp(array, names[i][0]) == 0)
			return names[i][1];
	return "item";
}

void apidoc_xml_text(struct buf *out, const char *s, size_t n)
{
	const char *p = s, *end = s + n;
	while (p < end) {
		const char *start = p;
		int32_t cp = utf8_next(&p, end);
		if (cp < 0) {
			p = start + 1;
			buf_puts(out, "\xEF\xBF\xBD");
			continue;
		}
		switch (cp) {
		case '&': buf_puts(out, "&amp;"); break;
		case '<': buf_puts(out, "&lt;"); break;
		case '>': buf_puts(out, "&gt;"); break;
		case '"': buf_puts(out, "&quot;"); break;
		case '\'': buf_puts(out, "&apos;"); break;
		default:
			/* XML 1.0 Char: tab, LF, CR, U+0020..U+D7FF, U+E000..U+FFFD, U+10000.. */
			if ((cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || cp == 0xFFFE || cp == 0xFFFF)
				buf_puts(out, "\xEF\xBF\xBD");
			else
				buf_put(out, start, (size_t)(p - start));
		}
	}
}

/* A scalar's text: strings as they are, numbers as JSON writes them, true/false, null empty. */
static void scalar(const json_t *v, struct buf *out)
{
	if (json_is_string(v)) {
		apidoc_xml_text(out, json_string_value(v), json_string_length(v));
	} else if (json_is_number(v) || json_is_boolean(v)) {
		char *s = json_dumps(v, JSON_ENCODE_ANY | JSON_REAL_PRECISION(10));
		if (s)
			buf_puts(out, s);
		free(s);
	}
}

static void element(const char *name, const json_t *v, struct buf *out);

/* The content of an element holding v: an object's members, an array's items, or text. */
static void content(const char *name, const json_t *v, struct buf *out)
{
	if (json_is_object(v)) {
		for (void *it = json_object_iter((json_t *)v); it; it = json_object_iter_next((json_t *)v, it))
			element(json_object_iter_key(it), json_object_iter_value(it), out);
	} else if (json_is_array(v)) {
		const char *item = item_name(name);
		for (size_t i = 0; i < json_array_size(v); i++)
			element(item, json_array_get(v, i), out);
	} else {
		scalar(v, out);
	}
}

static void element(const char *name, const json_t *v, struct buf *out)
{
	buf_printf(out, "<%s>", name);
	content(name, v, out);
	buf_printf(out, "</%s>", name);
}

void apidoc_write(const json_t *doc, const char *root_name, bool xml, struct buf *out)
{
	if (!xml) {
		char *s = json_dumps(doc, JSON_COMPACT | JSON_ENCODE_ANY | JSON_REAL_PRECISION(10));
		if (s)
			buf_puts(out, s);
		free(s);
		return;
	}
	buf_puts(out, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
	element(root_name, doc, out);
}

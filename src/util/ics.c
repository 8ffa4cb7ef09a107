/*
 * ics.c -- iCalendar content lines (see ics.h).
 */
#include "util/ics.h"

#include <string.h>

enum { ICS_FOLD = 75 };

/* Appends line (no CRLF yet) folded: a CRLF and a space before any octet that would pass 75. */
static void put_folded(struct buf *b, const char *line, size_t n)
{
	size_t col = 0;
	for (size_t i = 0; i < n;) {
		size_t len = 1;
		unsigned char c = (unsigned char)line[i];
		if (c >= 0xF0)
			len = 4;
		else if (c >= 0xE0)
			len = 3;
		else if (c >= 0xC0)
			len = 2;
		if (i + len > n)
			len = n - i;
		if (col + len > ICS_FOLD) {
			buf_puts(b, "\r\n ");
			col = 1;
		}
		buf_put(b, line + i, len);
		col += len;
		i += len;
	}
	buf_puts(b, "\r\n");
}

static void put_line(struct buf *b, const char *name, const char *value, bool escape)
{
	struct buf line = {0};
	buf_puts(&line, name);
	buf_putc(&line, ':');
	for (const char *p = value ? value : ""; *p; p++) {
		bool plain = (unsigned char)*p >= 0x20 || *p == '\t';
		if (escape && (*p == '\\' || *p == ';' || *p == ',')) {
			buf_putc(&line, '\\');
			buf_putc(&line, *p);
		} else if (escape && *p == '\n') {
			buf_puts(&line, "\\n");
		} else if (!escape || plain) {
			buf_putc(&line, *p); /* TEXT drops other control characters (CR) */
		}
	}
	put_folded(b, line.data ? line.data : "", line.len);
	buf_free(&line);
}

void ics_text(struct buf *b, const char *name, const char *value)
{
	put_line(b, name, value, true);
}

void ics_raw(struct buf *b, const char *name, const char *value)
{
	put_line(b, name, value, false);
}

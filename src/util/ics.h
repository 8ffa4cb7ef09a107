/*
 * ics.h -- writing iCalendar (RFC 5545) content lines: TEXT values
 * escaped, lines folded at 75 octets without splitting a UTF-8 character,
 * CRLF line ends.  Used by the events feed (/events.ics).
 */
#ifndef BM_ICS_H
#define BM_ICS_H

#include "util/util.h"

/* "NAME:value" with value escaped as TEXT (backslash, ; , and line breaks). */
void ics_text(struct buf *b, const char *name, const char *value);
/* "NAME:value" as it is (dates, UIDs, fixed values); value must hold no control characters. */
void ics_raw(struct buf *b, const char *name, const char *value);

#endif

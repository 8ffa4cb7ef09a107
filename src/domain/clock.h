/*
 * clock.h -- the one clock.  Everything that asks "what time is it" or
 * "what office day is today" asks here, so tests can set the time.
 * No I/O beyond reading the BIANMIN_NOW variable once.
 */
#ifndef BM_CLOCK_H
#define BM_CLOCK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "util/util.h"

/*
 * Now, in unix seconds.  When the environment has BIANMIN_NOW (ISO 8601,
 * e.g. 2026-02-13T09:00:00+08:00 or ...Z) the clock starts at that moment
 * and runs on from it; clock_set() fixes it outright (unit tests).
 */
time_t clock_now(void);
void clock_set(time_t t); /* 0 returns to the real clock */

/* The office's local date (Asia/Taipei, UTC+8, no DST) as a cal day number. */
int32_t clock_office_day(time_t t);
/* The moment office day 'day' begins (00:00 office time). */
time_t clock_office_day_start(int32_t day);
/*
 * A stored timestamp (clock_parse_iso text, normally UTC) as the office's
 * wall clock: "115年3月3日 01:30" (zh, 民國) or "3 Mar 2026 01:30" (en).
 * False, with buf empty, when iso is not a timestamp or buf is too small.
 */
bool clock_format_office(const char *iso, enum lang lang, char *buf, size_t size);
/* ISO 8601 UTC timestamp "YYYY-MM-DDTHH:MM:SSZ" into out (at least 21 bytes). */
void clock_iso(time_t t, char out[21]);
/* Parses "YYYY-MM-DDTHH:MM:SS" followed by Z or +HH:MM; returns -1 when invalid. */
time_t clock_parse_iso(const char *s);

struct arena;
/* Now as clock_iso text, copied into arena a (timestamps the store records). */
const char *clock_now_iso(struct arena *a);
/* Today's office date as "YYYY-MM-DD", copied into arena a. */
const char *clock_today_iso(struct arena *a);

#endif

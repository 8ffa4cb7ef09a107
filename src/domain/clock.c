/*
 * clock.c -- the settable clock (see clock.h).
 */
#include "domain/clock.h"

#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/cal.h"
#include "util/util.h"

/*
 * Asia/Taipei as a fixed UTC+8.  Taiwan has had no daylight saving since
 * 1979, and everything we store is later, so this gives the tz database's
 * answer without it: no TZ lookup per timestamp, and no process-wide TZ
 * switch (localtime_r) that would race between the server's threads.
 */
enum { OFFICE_UTC_OFFSET = 8 * 3600 };

static _Atomic time_t g_fixed;  /* clock_set */
static _Atomic time_t g_offset; /* BIANMIN_NOW - real start */
static atomic_flag g_env_read = ATOMIC_FLAG_INIT;

time_t clock_parse_iso(const char *s)
{
	int y, mo, d, h, mi, se, n = 0;
	if (!s || sscanf(s, "%4d-%2d-%2dT%2d:%2d:%2d%n", &y, &mo, &d, &h, &mi, &se, &n) != 6 || n != 19)
		return -1;
	int32_t day = cal_ymd_to_day(y, mo, d);
	if (day == CAL_DAY_INVALID || h > 23 || mi > 59 || se > 60)
		return -1;
	const char *z = s + 19;
	long off = 0;
	if (strcmp(z, "Z") == 0) {
		off = 0;
	} else if ((z[0] == '+' || z[0] == '-') && strlen(z) == 6 && z[3] == ':') {
		off = (atoi(z + 1) * 3600L + atoi(z + 4) * 60L) * (z[0] == '-' ? -1 : 1);
	} else {
		return -1;
	}
	return (time_t)day * 86400 + h * 3600 + mi * 60 + se - off;
}

time_t clock_now(void)
{
	time_t fixed = atomic_load(&g_fixed);
	if (fixed)
		return fixed;
	if (!atomic_flag_test_and_set(&g_env_read)) {
		time_t t = clock_parse_iso(getenv("BIANMIN_NOW"));
		if (t > 0)
			atomic_store(&g_offset, t - time(NULL));
	}
	return time(NULL) + atomic_load(&g_offset);
}

void clock_set(time_t t)
{
	atomic_store(&g_fixed, t);
}

int32_t clock_office_day(time_t t)
{
	return (int32_t)((t + OFFICE_UTC_OFFSET) / 86400);
}

time_t clock_office_day_start(int32_t day)
{
	return (time_t)day * 86400 - OFFICE_UTC_OFFSET;
}

bool clock_format_office(const char *iso, enum lang lang, char *buf, size_t size)
{
	time_t t = clock_parse_iso(iso);
	if (size > 0)
		buf[0] = '\0';
	if (t < 0 || !cal_format_roc(clock_office_day(t), lang, buf, size))
		return false;
	long minute = (long)((t + OFFICE_UTC_OFFSET) % 86400) / 60;
	size_t len = strlen(buf);
	int r = snprintf(buf + len, size - len, " %02ld:%02ld", minute / 60, minute % 60);
	return r >= 0 && (size_t)r < size - len;
}

void clock_iso(time_t t, char out[21])
{
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

const char *clock_now_iso(struct arena *a)
{
	char ts[21];
	clock_iso(clock_now(), ts);
	return arena_strdup(a, ts);
}

const char *clock_today_iso(struct arena *a)
{
	char iso[CAL_ISO_SIZE];
	cal_format_iso(clock_office_day(clock_now()), iso);
	return arena_strdup(a, iso);
}

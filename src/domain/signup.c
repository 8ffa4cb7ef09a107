/*
 * signup.c -- places, the waiting list and office wall-clock times (see signup.h).
 */
#include "domain/signup.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/cal.h"

enum { OFFICE_UTC_OFFSET = 8 * 3600 };

enum admit signup_admit(int capacity, int taken, int waiting, int people, bool waitlist)
{
	if (people < 1 || people > capacity)
		return ADMIT_FULL;
	if (waiting == 0 && taken + people <= capacity)
		return ADMIT_CONFIRM;
	return waitlist ? ADMIT_WAIT : ADMIT_FULL;
}

size_t signup_promote(int capacity, int taken, const int *people, size_t n)
{
	size_t k = 0;
	while (k < n && people[k] >= 1 && taken + people[k] <= capacity)
		taken += people[k++];
	return k;
}

/* Writes the stored form; fields out of range are cut to their width. */
static void put_local(char out[LOCAL_TIME_SIZE], int y, int mo, int d, int h, int mi)
{
	snprintf(out, LOCAL_TIME_SIZE, "%04u-%02u-%02uT%02u:%02u", (unsigned)y % 10000u, (unsigned)mo % 100u,
	         (unsigned)d % 100u, (unsigned)h % 100u, (unsigned)mi % 100u);
}

bool local_time_parse(const char *s, char out[LOCAL_TIME_SIZE])
{
	int y, mo, d, h, mi, used = 0;
	char sep;
	if (!s || strlen(s) != 16 || sscanf(s, "%4d-%2d-%2d%c%2d:%2d%n", &y, &mo, &d, &sep, &h, &mi, &used) != 6 ||
	    used != 16 || (sep != 'T' && sep != ' '))
		return false;
	for (int i = 0; i < 16; i++)
		if (i != 4 && i != 7 && i != 10 && i != 13 && (s[i] < '0' || s[i] > '9'))
			return false;
	if (!cal_valid_ymd(y, mo, d) || h > 23 || mi > 59)
		return false;
	put_local(out, y, mo, d, h, mi);
	return true;
}

void local_time_format(time_t t, char out[LOCAL_TIME_SIZE])
{
	struct tm tm;
	time_t local = t + OFFICE_UTC_OFFSET;
	gmtime_r(&local, &tm);
	put_local(out, tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min);
}

time_t local_time_to_unix(const char *s)
{
	char norm[LOCAL_TIME_SIZE];
	int y, mo, d, h, mi;
	if (!local_time_parse(s, norm) || sscanf(norm, "%4d-%2d-%2dT%2d:%2d", &y, &mo, &d, &h, &mi) != 5)
		return -1;
	return (time_t)cal_ymd_to_day(y, mo, d) * 86400 + h * 3600 + mi * 60 - OFFICE_UTC_OFFSET;
}

bool signup_window_open(const char *now, const char *from, const char *until, const char *starts, bool closed)
{
	return !closed && strcmp(now, from) >= 0 && strcmp(now, until) < 0 && strcmp(now, starts) < 0;
}

int signup_retention_days(const char *setting)
{
	enum { DEFAULT_DAYS = 90, MAX_DAYS = 3650 };
	long days =
	    setting && strspn(setting, "0123456789") == strlen(setting) && strlen(setting) <= 4 ? atol(setting) : 0;
	return days >= 1 && days <= MAX_DAYS ? (int)days : DEFAULT_DAYS;
}

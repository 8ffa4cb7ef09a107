/*
 * rotate.c -- the backup rotation policy (see rotate.h).
 */
#include "domain/rotate.h"

#include "domain/cal.h"

/* The Monday that starts day's ISO week. */
static int32_t week_of(int32_t day)
{
	return day - (cal_weekday(day) + 6) % 7;
}

void rotate_keep(const int32_t *days, size_t n, long keep_daily, long keep_weekly, bool *keep)
{
	for (size_t i = 0; i < n; i++)
		keep[i] = false;
	long dailies = 0, weeks = 0;
	int32_t last = 0, last_week = 0;
	/* newest first: each round takes the newest backup not looked at yet */
	for (size_t round = 0; round < n; round++) {
		size_t best = n;
		for (size_t i = 0; i < n; i++)
			if ((round == 0 || days[i] < last) && (best == n || days[i] > days[best]))
				best = i;
		if (best == n)
			break;
		last = days[best];
		if (dailies < keep_daily) {
			keep[best] = true;
			dailies++;
		}
		if (round == 0 || week_of(last) != last_week) {
			last_week = week_of(last);
			if (weeks++ < keep_weekly)
				keep[best] = true;
		}
	}
}

/*
 * test_rotate.c -- unit tests for domain/rotate: which nightly backups the
 * rotation keeps (`bianmin admin backup --dir`).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "domain/cal.h"
#include "domain/rotate.h"

enum { MAXB = 64 };

/* Runs the policy over ISO dates; returns the kept ones in input order, space-separated. */
static const char *kept(const char *const *iso, size_t n, long daily, long weekly)
{
	static char out[MAXB * 11 + 1];
	int32_t days[MAXB] = {0};
	bool keep[MAXB] = {0};
	for (size_t i = 0; i < n; i++)
		assert_true(cal_parse_iso(iso[i], &days[i]));
	rotate_keep(days, n, daily, weekly, keep);
	out[0] = '\0';
	for (size_t i = 0; i < n; i++)
		if (keep[i]) {
			if (out[0])
				strcat(out, " ");
			strcat(out, iso[i]);
		}
	return out;
}

/* Forty nightly backups, 2026-01-01 (a Thursday) to 2026-02-09 (a Monday). */
static size_t forty_nights(const char **iso, char store[][CAL_ISO_SIZE])
{
	int32_t first;
	assert_true(cal_parse_iso("2026-01-01", &first));
	for (size_t i = 0; i < 40; i++)
		iso[i] = cal_format_iso(first + (int32_t)i, store[i]);
	return 40;
}

static void test_daily_and_weekly(void **state)
{
	(void)state;
	const char *iso[MAXB];
	char store[MAXB][CAL_ISO_SIZE];
	size_t n = forty_nights(iso, store);
	/*
	 * the 7 newest (02-03 .. 02-09), and the newest of the 4 newest weeks:
	 * 02-09 (week of Mon 02-09), 02-08 (Sun, week of 02-02), 02-01, 01-25
	 */
	assert_string_equal(kept(iso, n, 7, 4),
	                    "2026-01-25 2026-02-01 2026-02-03 2026-02-04 2026-02-05 2026-02-06 2026-02-07 2026-02-08 "
	                    "2026-02-09");
}

static void test_order_does_not_matter(void **state)
{
	(void)state;
	static const char *const iso[] = {"2026-03-02", "2026-02-20", "2026-03-04", "2026-02-27", "2026-03-03"};
	assert_string_equal(kept(iso, 5, 2, 0), "2026-03-04 2026-03-03");
	/* weeks: 03-04 (week of 03-02), 02-27 (week of 02-23), 02-20 (week of 02-16) */
	assert_string_equal(kept(iso, 5, 0, 3), "2026-02-20 2026-03-04 2026-02-27");
}

static void test_gap_keeps_the_last_good_ones(void **state)
{
	(void)state;
	/* backups stopped for a month: the newest are still kept however old */
	static const char *const iso[] = {"2025-11-01", "2025-11-02", "2025-11-03"};
	assert_string_equal(kept(iso, 3, 2, 0), "2025-11-02 2025-11-03");
}

static void test_keep_nothing(void **state)
{
	(void)state;
	static const char *const iso[] = {"2026-01-01", "2026-01-02"};
	assert_string_equal(kept(iso, 2, 0, 0), "");
	assert_string_equal(kept(iso, 0, 7, 4), "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_daily_and_weekly),
	    cmocka_unit_test(test_order_does_not_matter),
	    cmocka_unit_test(test_gap_keeps_the_last_good_ones),
	    cmocka_unit_test(test_keep_nothing),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

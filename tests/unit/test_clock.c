/*
 * test_clock.c -- unit tests for domain/clock: stored UTC timestamps shown
 * as office time (Asia/Taipei, UTC+8), across day, month and year ends.
 * Must not include anything above domain/.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "domain/clock.h"

static void assert_office(const char *iso, enum lang lang, const char *want)
{
	char buf[64];
	assert_true(clock_format_office(iso, lang, buf, sizeof buf));
	assert_string_equal(buf, want);
}

/* Evening UTC is already the next morning in Taipei. */
static void test_next_day(void **state)
{
	(void)state;
	assert_office("2026-03-02T17:30:00Z", LANG_ZH, "115年3月3日 01:30");
	assert_office("2026-03-02T17:30:00Z", LANG_EN, "3 Mar 2026 01:30");
	assert_office("2026-03-02T15:59:59Z", LANG_ZH, "115年3月2日 23:59");
	assert_office("2026-03-02T16:00:00Z", LANG_ZH, "115年3月3日 00:00");
}

static void test_month_and_year_end(void **state)
{
	(void)state;
	assert_office("2026-02-28T16:00:00Z", LANG_EN, "1 Mar 2026 00:00");
	assert_office("2025-12-31T16:05:00Z", LANG_ZH, "115年1月1日 00:05");
	assert_office("2025-12-31T15:05:00Z", LANG_ZH, "114年12月31日 23:05");
}

/* A timestamp written with its own offset means the same instant. */
static void test_offset_given(void **state)
{
	(void)state;
	assert_office("2026-03-03T01:30:00+08:00", LANG_ZH, "115年3月3日 01:30");
}

static void test_refused(void **state)
{
	(void)state;
	char buf[64], tiny[8];
	assert_false(clock_format_office(NULL, LANG_ZH, buf, sizeof buf));
	assert_false(clock_format_office("2026-03-02", LANG_ZH, buf, sizeof buf));
	assert_string_equal(buf, "");
	assert_false(clock_format_office("2026-13-02T00:00:00Z", LANG_EN, buf, sizeof buf));
	assert_false(clock_format_office("2026-03-02T17:30:00Z", LANG_EN, tiny, sizeof tiny));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_next_day),
	    cmocka_unit_test(test_month_and_year_end),
	    cmocka_unit_test(test_offset_given),
	    cmocka_unit_test(test_refused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

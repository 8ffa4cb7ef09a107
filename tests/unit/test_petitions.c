/*
 * test_petitions.c -- unit tests for domain/petition: the working-day
 * arithmetic as it applies to petitions (due dates, extensions, warning
 * tiers) over the real office calendars of 2025 and 2026 (the make-up
 * Saturday 2025-02-08, the Lunar New Year 2026, a deadline on a closed
 * day, a year with no calendar, a typhoon closure added later), and the
 * petition state machine.  Reads tests/data/calendar/; run from the
 * repository root.  Domain only: no store, no HTTP.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "domain/cal.h"
#include "domain/petition.h"
#include "util/util.h"

static int32_t D(int y, int m, int d)
{
	int32_t day = cal_ymd_to_day(y, m, d);
	assert_int_not_equal(day, CAL_DAY_INVALID);
	return day;
}

static void assert_date(int32_t day, const char *iso)
{
	char buf[CAL_ISO_SIZE];
	assert_string_equal(cal_format_iso(day, buf), iso);
}

/* The office calendar with the official 2025 and 2026 files loaded. */
static struct cal *office(void)
{
	struct cal *c = cal_new();
	assert_non_null(c);
	static const char *const files[] = {"2025.csv", "2026.csv"};
	for (size_t i = 0; i < 2; i++) {
		char path[256], *data, err[200];
		size_t len, rows;
		const char *dir = getenv("BIANMIN_TEST_DATA");
		snprintf(path, sizeof path, "%s/calendar/%s", dir ? dir : "tests/data", files[i]);
		if (file_read(path, &data, &len) != ERR_OK)
			fail_msg("cannot read %s (run from the repository root)", path);
		assert_int_equal(cal_load_csv(c, data, len, &rows, err, sizeof err), ERR_OK);
		free(data);
		assert_true(rows >= 365);
	}
	return c;
}

static int setup(void **state)
{
	*state = office();
	return 0;
}

static int teardown(void **state)
{
	cal_free(*state);
	return 0;
}

/* ---- due dates ------------------------------------------------------- */

/* 2025-02-08 was a Saturday the office worked (補行上班): it counts. */
static void test_makeup_saturday_2025(void **state)
{
	const struct cal *c = *state;
	assert_true(cal_is_open(c, D(2025, 2, 8)));
	/* Thursday + 2 working days: Friday, then the make-up Saturday */
	assert_date(pet_due(c, D(2025, 2, 6), 2, CAL_DAY_INVALID), "2025-02-08");
	/* the weekday rule alone would give Monday */
	assert_date(pet_due(NULL, D(2025, 2, 6), 2, CAL_DAY_INVALID), "2025-02-10");
	/* received on the make-up Saturday itself (the web form): the next day is Sunday */
	assert_date(pet_due(c, D(2025, 2, 8), 1, CAL_DAY_INVALID), "2025-02-10");
}

/* Lunar New Year 2026: closed from Saturday 14 to Sunday 22 February. */
static void test_lunar_new_year_2026(void **state)
{
	const struct cal *c = *state;
	int32_t fri = D(2026, 2, 13);
	assert_date(pet_due(c, fri, 1, CAL_DAY_INVALID), "2026-02-23");
	/* the 1999 default (6 days) also skips the 27th (補假) and the 28th (和平紀念日) */
	assert_date(pet_due(c, fri, 6, CAL_DAY_INVALID), "2026-03-03");
	assert_date(pet_due(c, fri, 10, CAL_DAY_INVALID), "2026-03-09");
	/* a web petition sent on 除夕 (closed): the day of receipt never counts */
	assert_date(pet_due(c, D(2026, 2, 16), 1, CAL_DAY_INVALID), "2026-02-23");
	assert_int_equal(cal_working_days_between(c, fri, D(2026, 3, 9)), 10);
}

/* An extension to a closed day ends on the next open day (行政程序法 §48). */
static void test_deadline_on_closed_day_moves_forward(void **state)
{
	const struct cal *c = *state;
	assert_date(pet_due(c, D(2026, 1, 30), 10, D(2026, 2, 17)), "2026-02-23"); /* 春節 */
	assert_date(pet_due(c, D(2026, 1, 30), 10, D(2026, 2, 28)), "2026-03-02"); /* 和平紀念日, a Saturday */
	assert_date(pet_due(c, D(2026, 1, 30), 10, D(2026, 3, 1)), "2026-03-02");  /* Sunday */
	/* an open day stays */
	assert_date(pet_due(c, D(2026, 1, 30), 10, D(2026, 3, 4)), "2026-03-04");
	/* the make-up Saturday is open: it stays too */
	assert_date(pet_due(c, D(2025, 1, 20), 10, D(2025, 2, 8)), "2025-02-08");
	/* the extension replaces the rule's days, whatever they were */
	assert_date(pet_due(c, D(2026, 1, 30), 1, D(2026, 3, 4)), "2026-03-04");
}

/* 2027 is not imported: Monday to Friday, and the year is reported missing. */
static void test_year_without_calendar(void **state)
{
	const struct cal *c = *state;
	assert_true(cal_year_known(c, 2026));
	assert_false(cal_year_known(c, 2027));
	/* New Year's Day 2027 is a Friday: without the official file it counts as open */
	assert_date(pet_due(c, D(2026, 12, 31), 1, CAL_DAY_INVALID), "2027-01-01");
	/* across a weekend of the unknown year */
	assert_date(pet_due(c, D(2027, 12, 31), 1, CAL_DAY_INVALID), "2028-01-03");
	assert_date(pet_due(c, D(2027, 3, 5), 10, CAL_DAY_INVALID), "2027-03-19");
	/* and an extension to a Saturday of that year moves to Monday */
	assert_date(pet_due(c, D(2027, 3, 5), 10, D(2027, 3, 20)), "2027-03-22");
}

/* A typhoon closure entered after the petition arrived moves its due date. */
static void test_typhoon_closure_added_later(void **state)
{
	struct cal *c = office();
	(void)state;
	int32_t rec = D(2026, 3, 9);
	assert_date(pet_due(c, rec, 6, CAL_DAY_INVALID), "2026-03-17");
	assert_int_equal(cal_close_day(c, D(2026, 3, 12)), ERR_OK);
	assert_false(cal_is_open(c, D(2026, 3, 12)));
	assert_date(pet_due(c, rec, 6, CAL_DAY_INVALID), "2026-03-18");
	/* a closure on the extended date itself moves it to the next open day */
	assert_int_equal(cal_close_day(c, D(2026, 3, 20)), ERR_OK);
	assert_date(pet_due(c, rec, 6, D(2026, 3, 20)), "2026-03-23");
	/* a closure after the due date changes nothing */
	assert_int_equal(cal_close_day(c, D(2026, 3, 31)), ERR_OK);
	assert_date(pet_due(c, rec, 6, CAL_DAY_INVALID), "2026-03-18");
	cal_free(c);
}

/* ---- warning tiers --------------------------------------------------- */

static void test_tiers(void **state)
{
	const struct cal *c = *state;
	int32_t today = D(2026, 2, 13);
	assert_int_equal(deadline_tier(c, today, D(2026, 2, 12), 2), TIER_OVERDUE);
	assert_int_equal(deadline_tier(c, today, today, 2), TIER_DUE_TODAY);
	/* over the New Year break: the 23rd is one working day away, the 24th two, the 25th three */
	assert_int_equal(deadline_tier(c, today, D(2026, 2, 23), 2), TIER_NEAR);
	assert_int_equal(deadline_tier(c, today, D(2026, 2, 24), 2), TIER_NEAR);
	assert_int_equal(deadline_tier(c, today, D(2026, 2, 25), 2), TIER_NONE);
	assert_int_equal(deadline_tier(c, today, D(2026, 2, 25), 3), TIER_NEAR);
	/* near_days 0: only due today and overdue */
	assert_int_equal(deadline_tier(c, today, D(2026, 2, 23), 0), TIER_NONE);
	/* the make-up Saturday counts as a working day left */
	assert_int_equal(deadline_tier(c, D(2025, 2, 6), D(2025, 2, 10), 2), TIER_NONE);
	assert_int_equal(deadline_tier(NULL, D(2025, 2, 6), D(2025, 2, 10), 2), TIER_NEAR);
	assert_int_equal(deadline_tier(c, today, CAL_DAY_INVALID, 2), TIER_NONE);
	assert_string_equal(tier_name(TIER_NEAR), "near");
	assert_string_equal(tier_name(TIER_DUE_TODAY), "due_today");
	assert_string_equal(tier_name(TIER_OVERDUE), "overdue");
	assert_null(tier_name(TIER_NONE));
}

/*
 * One tier function for petitions, the scheduler and the case pages (issue
 * #11 item 19): the near_days setting moves the "due soon" edge, counted in
 * working days over the Lunar New Year break, and the staff pages' flags
 * follow the tiers.
 */
static void test_tiers_near_days_2_and_5(void **state)
{
	const struct cal *c = *state;
	int32_t today = D(2026, 2, 13); /* the Friday before the break */
	for (int k = 1; k <= 7; k++) {
		int32_t due = cal_add_working_days(c, today, k);
		assert_int_equal(deadline_tier(c, today, due, 2), k <= 2 ? TIER_NEAR : TIER_NONE);
		assert_int_equal(deadline_tier(c, today, due, 5), k <= 5 ? TIER_NEAR : TIER_NONE);
	}
	/* four working days left: not yet due soon at 2, due soon at 5 */
	assert_date(cal_add_working_days(c, today, 4), "2026-02-26");
	assert_null(tier_flag(deadline_tier(c, today, D(2026, 2, 26), 2)));
	assert_string_equal(tier_flag(deadline_tier(c, today, D(2026, 2, 26), 5)), "due_soon");
	for (int near = 2; near <= 5; near += 3) {
		assert_string_equal(tier_flag(deadline_tier(c, today, today, near)), "due_today");
		assert_string_equal(tier_flag(deadline_tier(c, today, today - 1, near)), "overdue");
	}
	assert_null(tier_flag(TIER_NONE));
	assert_null(tier_flag(TIER__MAX));
}

/* Counting tiers by date agrees with deadline_tier, day by day, over 2025-2027. */
static void test_near_until_agrees(void **state)
{
	const struct cal *c = *state;
	for (int near = 0; near <= 4; near++)
		for (int32_t today = D(2025, 1, 1); today <= D(2027, 1, 31); today++) {
			int32_t until = deadline_near_until(c, today, near);
			assert_true(until >= today);
			for (int32_t due = today + 1; due <= today + 20; due++) {
				bool by_date = due <= until;
				if (by_date != (deadline_tier(c, today, due, near) == TIER_NEAR))
					fail_msg("near=%d today=%d due=%d", near, today, due);
			}
		}
	/* Friday 2026-02-13 with two days: the 23rd and the 24th are near, the 25th is not */
	assert_date(deadline_near_until(c, D(2026, 2, 13), 2), "2026-02-24");
}

/* ---- the state machine ----------------------------------------------- */

static void test_states_and_moves(void **state)
{
	(void)state;
	for (int s = 0; s < PS__MAX; s++) {
		assert_int_equal(pet_state_parse(pet_state_name((enum pet_state)s)), s);
		assert_true(pet_state_open((enum pet_state)s) != pet_state_outcome((enum pet_state)s));
	}
	assert_int_equal(pet_state_parse("closed"), PS__MAX);
	assert_int_equal(pet_state_parse(NULL), PS__MAX);
	/* routing, re-routing, assigning */
	assert_true(pet_move_allowed(PS_RECEIVED, PS_ROUTED));
	assert_true(pet_move_allowed(PS_ASSIGNED, PS_ROUTED));
	assert_true(pet_move_allowed(PS_ROUTED, PS_ASSIGNED));
	assert_true(pet_move_allowed(PS_ASSIGNED, PS_ASSIGNED));
	assert_false(pet_move_allowed(PS_RECEIVED, PS_ASSIGNED));
	/* every outcome from every open state; nothing from a closed one */
	for (int f = 0; f < PS__MAX; f++)
		for (int t = 0; t < PS__MAX; t++) {
			bool open = pet_state_open((enum pet_state)f);
			if (pet_state_outcome((enum pet_state)t))
				assert_int_equal(pet_move_allowed((enum pet_state)f, (enum pet_state)t), open);
			if (!open)
				assert_false(pet_move_allowed((enum pet_state)f, (enum pet_state)t));
		}
	assert_false(pet_move_allowed(PS_RECEIVED, PS_RECEIVED));
	assert_false(pet_move_allowed(PS_RECEIVED, PS__MAX));
}

static void test_channels_and_grounds(void **state)
{
	(void)state;
	for (int c = 0; c < PC__MAX; c++)
		assert_int_equal(pet_channel_parse(pet_channel_name((enum pet_channel)c)), c);
	assert_int_equal(pet_channel_parse("hotline"), PC_HOTLINE);
	assert_int_equal(pet_channel_parse("1999"), PC__MAX);
	assert_int_equal(pet_channel_parse(""), PC__MAX);
	assert_int_equal(pet_ground_parse("s173_2"), PG_S173_2);
	assert_int_equal(pet_ground_parse("s173_4"), PG__MAX);
	assert_string_equal(pet_ground_name(PG_S173_3), "s173_3");
}

/* The public site's channels: the general form and the two named mailboxes, which go to the secretariat. */
static void test_public_channels(void **state)
{
	(void)state;
	assert_true(pet_channel_public(PC_WEB));
	assert_true(pet_channel_public(PC_CHIEF));
	assert_true(pet_channel_public(PC_MAILBOX));
	assert_false(pet_channel_public(PC_MAYOR)); /* forwarded by the city, never typed here */
	assert_false(pet_channel_public(PC_COUNTER));
	assert_false(pet_channel_public(PC__MAX));
	assert_string_equal(pet_channel_route_default(PC_CHIEF), "secretariat");
	assert_string_equal(pet_channel_route_default(PC_MAILBOX), "secretariat");
	assert_null(pet_channel_route_default(PC_WEB));
	assert_null(pet_channel_route_default(PC_HOTLINE));
	/* oral petitions are read back (§169): the counter and the 1999 line */
	assert_true(pet_channel_read_back(PC_COUNTER));
	assert_true(pet_channel_read_back(PC_HOTLINE));
	assert_false(pet_channel_read_back(PC_LETTER));
	assert_false(pet_channel_read_back(PC_WEB));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_makeup_saturday_2025, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_lunar_new_year_2026, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_deadline_on_closed_day_moves_forward, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_year_without_calendar, setup, teardown),
	    cmocka_unit_test(test_typhoon_closure_added_later),
	    cmocka_unit_test_setup_teardown(test_tiers, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_tiers_near_days_2_and_5, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_near_until_agrees, setup, teardown),
	    cmocka_unit_test(test_states_and_moves),
	    cmocka_unit_test(test_channels_and_grounds),
	    cmocka_unit_test(test_public_channels),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

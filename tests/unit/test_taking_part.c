/*
 * test_taking_part.c -- unit tests for the pure rules of issue #18:
 * places and the waiting list (domain/signup), office wall-clock times,
 * appointment slots over the office calendar (domain/slots),
 * questionnaire text and answers (domain/survey), and the CSV and
 * iCalendar writers (util).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "domain/cal.h"
#include "domain/signup.h"
#include "domain/slots.h"
#include "domain/survey.h"
#include "util/ics.h"

/* ---- places and the waiting list ---- */

static void test_admit(void **state)
{
	(void)state;
	assert_int_equal(signup_admit(50, 0, 0, 1, true), ADMIT_CONFIRM);
	assert_int_equal(signup_admit(50, 49, 0, 1, true), ADMIT_CONFIRM);
	assert_int_equal(signup_admit(50, 50, 0, 1, true), ADMIT_WAIT);
	assert_int_equal(signup_admit(50, 50, 0, 1, false), ADMIT_FULL);
	/* a party that does not fit waits, even when one place is left */
	assert_int_equal(signup_admit(50, 49, 0, 2, true), ADMIT_WAIT);
	/* nobody jumps the queue: with people waiting, a freed place is theirs */
	assert_int_equal(signup_admit(50, 48, 1, 1, true), ADMIT_WAIT);
	/* a party larger than the event can never come */
	assert_int_equal(signup_admit(5, 0, 0, 6, true), ADMIT_FULL);
	assert_int_equal(signup_admit(5, 0, 0, 0, true), ADMIT_FULL);
}

static void test_promote(void **state)
{
	(void)state;
	const int one[] = {1, 1, 1};
	assert_int_equal(signup_promote(50, 49, one, 3), 1);
	assert_int_equal(signup_promote(50, 47, one, 3), 3);
	assert_int_equal(signup_promote(50, 50, one, 3), 0);
	/* first come, first served: a party of 3 first in line stops the ones behind */
	const int party[] = {3, 1};
	assert_int_equal(signup_promote(50, 48, party, 2), 0);
	assert_int_equal(signup_promote(50, 47, party, 2), 1);
	assert_int_equal(signup_promote(50, 46, party, 2), 2);
	assert_int_equal(signup_promote(50, 0, NULL, 0), 0);
}

static void test_local_time(void **state)
{
	(void)state;
	char t[LOCAL_TIME_SIZE];
	assert_true(local_time_parse("2026-03-04T09:30", t));
	assert_string_equal(t, "2026-03-04T09:30");
	assert_true(local_time_parse("2026-03-04 09:30", t));
	assert_string_equal(t, "2026-03-04T09:30");
	assert_false(local_time_parse("2026-02-29T09:30", t));
	assert_false(local_time_parse("2026-03-04T24:00", t));
	assert_false(local_time_parse("2026-03-04T9:30", t));
	assert_false(local_time_parse("2026-03-04T09:30Z", t));
	assert_false(local_time_parse("+026-03-04T09:30", t));
	assert_false(local_time_parse(NULL, t));
	/* office time is UTC+8 */
	assert_int_equal(local_time_to_unix("1970-01-01T08:00"), 0);
	assert_int_equal(local_time_to_unix("nonsense"), -1);
	local_time_format(0, t);
	assert_string_equal(t, "1970-01-01T08:00");
	local_time_format(local_time_to_unix("2026-12-31T23:59"), t);
	assert_string_equal(t, "2026-12-31T23:59");
}

static void test_window(void **state)
{
	(void)state;
	const char *from = "2026-03-01T09:00", *until = "2026-03-10T17:00", *starts = "2026-03-15T09:00";
	assert_false(signup_window_open("2026-03-01T08:59", from, until, starts, false));
	assert_true(signup_window_open("2026-03-01T09:00", from, until, starts, false));
	assert_true(signup_window_open("2026-03-10T16:59", from, until, starts, false));
	assert_false(signup_window_open("2026-03-10T17:00", from, until, starts, false));
	assert_false(signup_window_open("2026-03-05T10:00", from, until, starts, true));
	/* a window staff set past the start still ends at the start */
	assert_false(signup_window_open("2026-03-15T09:00", from, "2026-03-20T00:00", starts, false));
}

static void test_retention(void **state)
{
	(void)state;
	assert_int_equal(signup_retention_days("30"), 30);
	assert_int_equal(signup_retention_days(NULL), 90);
	assert_int_equal(signup_retention_days(""), 90);
	assert_int_equal(signup_retention_days("0"), 90);
	assert_int_equal(signup_retention_days("-5"), 90);
	assert_int_equal(signup_retention_days("99999"), 90);
	assert_int_equal(signup_retention_days("30 days"), 90);
}

/* ---- slots ---- */

static int32_t day(const char *iso)
{
	int32_t d;
	assert_true(cal_parse_iso(iso, &d));
	return d;
}

/* Wednesdays 09:00-12:00 in 30 minutes, from 2026-01-01. */
static struct slot_rule wednesdays(void)
{
	return (struct slot_rule){SK_MEDIATION, 3, 540, 720, 30, day("2026-01-01"), CAL_DAY_INVALID};
}

static void test_slots_weekly(void **state)
{
	(void)state;
	struct cal *c = cal_new();
	struct slot_rule r = wednesdays();
	struct slot s[32];
	/* 2026-03-02 (Mon) .. 03-15: two Wednesdays, six slots each */
	size_t n = slots_make(c, &r, 1, SK_MEDIATION, day("2026-03-02"), day("2026-03-15"), s, 32);
	assert_int_equal(n, 12);
	assert_int_equal(s[0].day, day("2026-03-04"));
	assert_int_equal(s[0].start_min, 540);
	assert_int_equal(s[5].start_min, 690);
	assert_int_equal(s[6].day, day("2026-03-11"));
	/* the other kind has none */
	assert_int_equal(slots_make(c, &r, 1, SK_LEGAL, day("2026-03-02"), day("2026-03-15"), s, 32), 0);
	/* max only bounds what is written */
	assert_int_equal(slots_make(c, &r, 1, SK_MEDIATION, day("2026-03-02"), day("2026-03-15"), s, 4), 12);
	cal_free(c);
}

static void test_slots_closed_day(void **state)
{
	(void)state;
	struct cal *c = cal_new();
	/* a typhoon closes 2026-03-04 */
	assert_int_equal(cal_close_day(c, day("2026-03-04")), ERR_OK);
	struct slot_rule r = wednesdays();
	struct slot s[32];
	size_t n = slots_make(c, &r, 1, SK_MEDIATION, day("2026-03-02"), day("2026-03-15"), s, 32);
	assert_int_equal(n, 6);
	assert_int_equal(s[0].day, day("2026-03-11"));
	int len = 0;
	assert_false(slot_offered(c, &r, 1, SK_MEDIATION, day("2026-03-04"), 540, &len));
	assert_true(slot_offered(c, &r, 1, SK_MEDIATION, day("2026-03-11"), 570, &len));
	assert_int_equal(len, 30);
	/* not on the grid, past the end, before the rule began */
	assert_false(slot_offered(c, &r, 1, SK_MEDIATION, day("2026-03-11"), 555, &len));
	assert_false(slot_offered(c, &r, 1, SK_MEDIATION, day("2026-03-11"), 720, &len));
	assert_false(slot_offered(c, &r, 1, SK_MEDIATION, day("2025-12-31"), 540, &len));
	cal_free(c);
}

static void test_slots_two_rules(void **state)
{
	(void)state;
	struct cal *c = cal_new();
	/* an afternoon rule and an overlapping one: sorted, one slot per start */
	struct slot_rule r[3] = {wednesdays(), wednesdays(), wednesdays()};
	r[0].start_min = 840, r[0].end_min = 900;
	r[2].start_min = 600, r[2].end_min = 660;
	struct slot s[32];
	size_t n = slots_make(c, r, 3, SK_MEDIATION, day("2026-03-04"), day("2026-03-04"), s, 32);
	assert_int_equal(n, 8);
	for (size_t i = 1; i < n; i++)
		assert_true(s[i - 1].start_min < s[i].start_min);
	assert_int_equal(s[7].start_min, 870);
	cal_free(c);
}

static void test_slot_rule_valid(void **state)
{
	(void)state;
	struct slot_rule r = wednesdays();
	assert_true(slot_rule_valid(&r));
	r.length_min = 200;
	assert_false(slot_rule_valid(&r)); /* never fits between 09:00 and 12:00 */
	r = wednesdays();
	r.weekday = 7;
	assert_false(slot_rule_valid(&r));
	r = wednesdays();
	r.until_day = r.from_day - 1;
	assert_false(slot_rule_valid(&r));
	assert_int_equal(slot_kind_parse("legal"), SK_LEGAL);
	assert_int_equal(slot_kind_parse("Legal"), SK__MAX);
	assert_int_equal(slot_parse_hhmm("09:30"), 570);
	assert_int_equal(slot_parse_hhmm("24:00"), 1440);
	assert_int_equal(slot_parse_hhmm("24:01"), -1);
	assert_int_equal(slot_parse_hhmm("9:30"), -1);
	char hm[6];
	slot_hhmm(570, hm);
	assert_string_equal(hm, "09:30");
	struct slot k = {SK_LEGAL, day("2026-03-04"), 570, 30}, back;
	char key[SLOT_KEY_SIZE];
	slot_key(&k, key);
	assert_string_equal(key, "legal.2026-03-04.0930");
	assert_true(slot_key_parse(key, &back));
	assert_int_equal(back.kind, SK_LEGAL);
	assert_int_equal(back.day, k.day);
	assert_int_equal(back.start_min, 570);
	static const char *const bad[] = {"",
	                                  "legal",
	                                  "legal.2026-03-04",
	                                  "legal.2026-02-30.0930",
	                                  "court.2026-03-04.0930",
	                                  "legal.2026-03-04.2400",
	                                  "legal.2026-03-04.09:3",
	                                  "legal.2026-03-04.0930x"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_false(slot_key_parse(bad[i], &back));
}

/* ---- questionnaires ---- */

static const char SPEC[] = "single*: 您如何得知本活動？ | How did you hear about this event?\n"
                           "- 網站 | Website\n"
                           "- 里辦公處\n"
                           "\n"
                           "multiple: 想參加哪些活動 | Which would you join\n"
                           "- 講座 | Talks\n"
                           "- 導覽 | Tours\n"
                           "- 市集 | Market\n"
                           "scale*: 整體滿意度 | Overall satisfaction\r\n"
                           "text: 其他建議\n";

static void test_survey_parse(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct question *q;
	size_t n;
	int line;
	const char *why;
	assert_int_equal(survey_parse(a, SPEC, &q, &n, &line, &why), ERR_OK);
	assert_int_equal(n, 4);
	assert_int_equal(q[0].kind, Q_SINGLE);
	assert_true(q[0].required);
	assert_string_equal(q[0].text[LANG_EN], "How did you hear about this event?");
	assert_int_equal(q[0].nopt, 2);
	assert_null(q[0].opt[1][LANG_EN]);
	assert_int_equal(q[1].kind, Q_MULTIPLE);
	assert_false(q[1].required);
	assert_int_equal(q[1].nopt, 3);
	assert_int_equal(q[2].kind, Q_SCALE);
	assert_string_equal(q[2].text[LANG_EN], "Overall satisfaction");
	assert_int_equal(q[3].kind, Q_TEXT);
	assert_null(q[3].text[LANG_EN]);
	arena_free(a);
}

static void test_survey_parse_errors(void **state)
{
	(void)state;
	static const struct {
		const char *spec;
		int line;
		const char *why;
	} bad[] = {
	    {"", 1, "survey_err_empty"},
	    {"ranking: 排序", 1, "survey_err_kind"},
	    {"- 沒有題目的選項", 1, "survey_err_kind"},
	    {"single: 只有一個選項\n- 是\ntext: 下一題", 1, "survey_err_few"},
	    {"text: 文字\n- 不該有選項", 1, "survey_err_no_choices"},
	    {"scale: \n", 1, "survey_err_text"},
	    {"text: a | b | c", 1, "survey_err_text"},
	    {"single: 題\n- 甲\n-  | only English", 3, "survey_err_text"},
	    {"text 沒有冒號", 1, "survey_err_kind"},
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct arena *a = arena_new();
		struct question *q;
		size_t n;
		int line = 0;
		const char *why = NULL;
		assert_int_equal(survey_parse(a, bad[i].spec, &q, &n, &line, &why), ERR_INVAL);
		assert_string_equal(why, bad[i].why);
		assert_int_equal(line, bad[i].line);
		arena_free(a);
	}
}

static void test_survey_check(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct question *q;
	size_t n;
	int line;
	const char *why;
	assert_int_equal(survey_parse(a, SPEC, &q, &n, &line, &why), ERR_OK);
	struct answer ans;
	const char *none[] = {""};
	assert_string_equal(survey_check(&q[0], none, 1, &ans), "survey_err_required");
	assert_null(survey_check(&q[1], NULL, 0, &ans)); /* optional, left out */
	assert_false(ans.given);
	const char *two[] = {"2"};
	assert_null(survey_check(&q[0], two, 1, &ans));
	assert_int_equal(ans.choices[0], 2);
	const char *three[] = {"3"};
	assert_string_equal(survey_check(&q[0], three, 1, &ans), "survey_err_choice");
	const char *both[] = {"1", "2"};
	assert_string_equal(survey_check(&q[0], both, 2, &ans), "survey_err_choice"); /* single: one */
	const char *multi[] = {"3", "1"};
	assert_null(survey_check(&q[1], multi, 2, &ans));
	assert_int_equal(ans.nchoices, 2);
	assert_int_equal(ans.choices[0], 1);
	assert_int_equal(ans.choices[1], 3);
	const char *dup[] = {"1", "1"};
	assert_string_equal(survey_check(&q[1], dup, 2, &ans), "survey_err_choice");
	const char *scale[] = {"5"}, *six[] = {"6"}, *zero[] = {"0"}, *neg[] = {"-1"}, *big[] = {"0005"};
	assert_null(survey_check(&q[2], scale, 1, &ans));
	assert_string_equal(survey_check(&q[2], six, 1, &ans), "survey_err_choice");
	assert_string_equal(survey_check(&q[2], zero, 1, &ans), "survey_err_choice");
	assert_string_equal(survey_check(&q[2], neg, 1, &ans), "survey_err_choice");
	assert_string_equal(survey_check(&q[2], big, 1, &ans), "survey_err_choice");
	const char *text[] = {"很好\n謝謝"}, *ctl[] = {"bad\x01"};
	assert_null(survey_check(&q[3], text, 1, &ans));
	assert_string_equal(ans.text, "很好\n謝謝");
	assert_string_equal(survey_check(&q[3], ctl, 1, &ans), "survey_err_choice");
	arena_free(a);
}

/* ---- CSV and iCalendar ---- */

static void test_csv_formula_safe(void **state)
{
	(void)state;
	struct buf b = {0};
	buf_put_csv(&b, "=HYPERLINK(\"x\")", false);
	buf_put_csv(&b, "+1", false);
	buf_put_csv(&b, "王小明", false);
	buf_put_csv(&b, "@SUM(A1)", false);
	buf_put_csv(&b, "a,b", true);
	assert_string_equal(buf_str(&b), "\"'=HYPERLINK(\"\"x\"\")\",\"'+1\",王小明,\"'@SUM(A1)\",\"a,b\"\r\n");
	buf_free(&b);
}

static void test_ics_lines(void **state)
{
	(void)state;
	struct buf b = {0};
	ics_text(&b, "SUMMARY", "a;b,c\\d\ne");
	assert_string_equal(buf_str(&b), "SUMMARY:a\\;b\\,c\\\\d\\ne\r\n");
	buf_reset(&b);
	/* 40 three-byte characters: folded before 75 octets, never inside a character */
	char long_zh[121] = "";
	for (int i = 0; i < 40; i++)
		strcat(long_zh, "番");
	ics_text(&b, "DESCRIPTION", long_zh);
	const char *s = buf_str(&b);
	const char *fold = strstr(s, "\r\n ");
	assert_non_null(fold);
	assert_true(fold - s <= 75);
	assert_int_equal((fold - s - (long)strlen("DESCRIPTION:")) % 3, 0);
	buf_free(&b);
}

/* Percentages on the results page: rounded half up, nothing of nothing is 0. */
static void test_survey_percent(void **state)
{
	(void)state;
	assert_int_equal(survey_percent(0, 0), 0);
	assert_int_equal(survey_percent(3, 0), 0);
	assert_int_equal(survey_percent(0, 7), 0);
	assert_int_equal(survey_percent(1, 3), 33);
	assert_int_equal(survey_percent(2, 3), 67);
	assert_int_equal(survey_percent(1, 8), 13);  /* 12.5 */
	assert_int_equal(survey_percent(1, 200), 1); /* 0.5 */
	assert_int_equal(survey_percent(1, 201), 0);
	assert_int_equal(survey_percent(5, 5), 100);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_admit),
	    cmocka_unit_test(test_promote),
	    cmocka_unit_test(test_local_time),
	    cmocka_unit_test(test_window),
	    cmocka_unit_test(test_retention),
	    cmocka_unit_test(test_slots_weekly),
	    cmocka_unit_test(test_slots_closed_day),
	    cmocka_unit_test(test_slots_two_rules),
	    cmocka_unit_test(test_slot_rule_valid),
	    cmocka_unit_test(test_survey_parse),
	    cmocka_unit_test(test_survey_parse_errors),
	    cmocka_unit_test(test_survey_check),
	    cmocka_unit_test(test_survey_percent),
	    cmocka_unit_test(test_csv_formula_safe),
	    cmocka_unit_test(test_ics_lines),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

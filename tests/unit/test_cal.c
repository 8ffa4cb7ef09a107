/*
 * test_cal.c -- unit tests for domain/cal: the office calendar, working-day
 * deadlines and the official calendar CSV (DESIGN.md §5).  Reads fixtures
 * from tests/data/calendar/ (or $BIANMIN_TEST_DATA/calendar/); run from the
 * repository root.  Must not include anything above domain/ (no store, no
 * HTTP).
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

/* ---- helpers -------------------------------------------------------- */

static int32_t D(int y, int m, int d)
{
	int32_t day = cal_ymd_to_day(y, m, d);
	assert_int_not_equal(day, CAL_DAY_INVALID);
	return day;
}

/* Compares dates as text so a failure reads "2026-02-20" != "2026-02-23". */
static void assert_date(int32_t day, const char *iso)
{
	char buf[CAL_ISO_SIZE];
	assert_string_equal(cal_format_iso(day, buf), iso);
}

/* Reads tests/data/calendar/<name> into a malloc'd buffer of exactly *len bytes. */
static char *fixture(const char *name, size_t *len)
{
	const char *dir = getenv("BIANMIN_TEST_DATA");
	char path[512];
	snprintf(path, sizeof path, "%s/calendar/%s", dir ? dir : "tests/data", name);
	FILE *f = fopen(path, "rb");
	if (!f)
		fail_msg("cannot open fixture %s (run from the repository root)", path);
	char *data = NULL;
	size_t n = 0, cap = 0;
	for (;;) {
		if (n == cap) {
			cap = cap ? cap * 2 : 8192;
			data = realloc(data, cap);
			assert_non_null(data);
		}
		size_t got = fread(data + n, 1, cap - n, f);
		if (got == 0)
			break;
		n += got;
	}
	fclose(f);
	*len = n;
	return data;
}

/* A calendar loaded from fixtures (NULL-terminated list of names). */
static struct cal *load(const char *name, ...)
{
	struct cal *c = cal_new();
	assert_non_null(c);
	va_list ap;
	va_start(ap, name);
	for (const char *n = name; n; n = va_arg(ap, const char *)) {
		size_t len, rows;
		char err[200];
		char *data = fixture(n, &len);
		enum err e = cal_load_csv(c, data, len, &rows, err, sizeof err);
		if (e != ERR_OK)
			fail_msg("%s: %s", n, err);
		assert_int_equal(rows, 365);
		free(data);
	}
	va_end(ap);
	return c;
}

/* Runs the parser over an exact-size copy (no NUL after it, so a sanitizer
 * catches any overread). */
static enum err parse_bytes(const char *bytes, size_t len, char *err, size_t errsz)
{
	char *copy = malloc(len ? len : 1);
	assert_non_null(copy);
	memcpy(copy, bytes, len);
	enum err e = cal_parse_csv(copy, len, NULL, NULL, err, errsz);
	free(copy);
	return e;
}

struct rows {
	size_t n;
	int32_t first, last;
	int closed;
	char note_0208[64]; /* note of 2025-02-08, if seen */
	int notes_seen;
};

static enum err count_row(void *ctx, int32_t day, bool open, const char *note)
{
	struct rows *r = ctx;
	if (r->n == 0)
		r->first = day;
	r->last = day;
	r->n++;
	r->closed += !open;
	if (note) {
		r->notes_seen++;
		if (day == cal_ymd_to_day(2025, 2, 8))
			snprintf(r->note_0208, sizeof r->note_0208, "%s", note);
	}
	return ERR_OK;
}

/* ---- dates ---------------------------------------------------------- */

static void test_day_numbers(void **state)
{
	(void)state;
	assert_int_equal(cal_ymd_to_day(1970, 1, 1), 0);
	assert_int_equal(cal_ymd_to_day(1, 1, 1), CAL_DAY_MIN);
	assert_int_equal(cal_ymd_to_day(9999, 12, 31), CAL_DAY_MAX);
	/* Leap years: 2024 yes, 2026 no, 2000 yes, 2100 no. */
	assert_int_not_equal(cal_ymd_to_day(2024, 2, 29), CAL_DAY_INVALID);
	assert_int_equal(cal_ymd_to_day(2026, 2, 29), CAL_DAY_INVALID);
	assert_int_not_equal(cal_ymd_to_day(2000, 2, 29), CAL_DAY_INVALID);
	assert_int_equal(cal_ymd_to_day(2100, 2, 29), CAL_DAY_INVALID);
	assert_int_equal(cal_ymd_to_day(2026, 4, 31), CAL_DAY_INVALID);
	assert_int_equal(cal_ymd_to_day(2026, 13, 1), CAL_DAY_INVALID);
	assert_int_equal(cal_ymd_to_day(0, 1, 1), CAL_DAY_INVALID);
	/* 2026-02-14 is a Saturday, 2026-11-26 a Thursday, 1970-01-01 a Thursday. */
	assert_int_equal(cal_weekday(D(2026, 2, 14)), 6);
	assert_int_equal(cal_weekday(D(2026, 11, 26)), 4);
	assert_int_equal(cal_weekday(0), 4);
	assert_int_equal(cal_weekday(-1), 3);
	/* Every valid day survives the round trip. */
	for (int32_t day = CAL_DAY_MIN; day <= CAL_DAY_MAX; day++) {
		int y, m, d;
		assert_true(cal_day_to_ymd(day, &y, &m, &d));
		if (cal_ymd_to_day(y, m, d) != day)
			fail_msg("day %d -> %04d-%02d-%02d does not round-trip", (int)day, y, m, d);
	}
	int y = 0;
	assert_false(cal_day_to_ymd(CAL_DAY_MAX + 1, &y, NULL, NULL));
	assert_false(cal_day_to_ymd(INT32_MIN, &y, NULL, NULL));
	assert_int_equal(y, 0);
}

static void test_iso_dates(void **state)
{
	(void)state;
	int32_t day = 12345;
	assert_true(cal_parse_iso("2026-02-14", &day));
	assert_date(day, "2026-02-14");
	assert_int_equal(day, D(2026, 2, 14));

	static const char *const bad[] = {
	    "",           "2026",       "2026-2-14",        "2026-02-1",  "2026-02-30", "2026-02-14 ", " 2026-02-14",
	    "2026/02/14", "+026-02-14", "2026-02-14T00:00", "0000-01-01", "2026-00-10", "20260214",    "２０２６-02-14",
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		day = 777;
		if (cal_parse_iso(bad[i], &day))
			fail_msg("accepted \"%s\"", bad[i]);
		assert_int_equal(day, 777);
	}
	assert_false(cal_parse_iso(NULL, &day));

	char buf[CAL_ISO_SIZE];
	assert_string_equal(cal_format_iso(D(1, 1, 1), buf), "0001-01-01");
	assert_string_equal(cal_format_iso(CAL_DAY_MAX + 1, buf), "");
}

static void test_roc_format(void **state)
{
	(void)state;
	char buf[64];
	assert_true(cal_format_roc(D(2026, 11, 26), LANG_ZH, buf, sizeof buf));
	assert_string_equal(buf, "115年11月26日");
	assert_true(cal_format_roc(D(2026, 2, 3), LANG_ZH, buf, sizeof buf));
	assert_string_equal(buf, "115年2月3日");
	assert_true(cal_format_roc(D(1912, 1, 1), LANG_ZH, buf, sizeof buf));
	assert_string_equal(buf, "1年1月1日");
	assert_true(cal_format_roc(D(1911, 10, 10), LANG_ZH, buf, sizeof buf));
	assert_string_equal(buf, "民國前1年10月10日");
	assert_true(cal_format_roc(D(2026, 11, 26), LANG_EN, buf, sizeof buf));
	assert_string_equal(buf, "26 Nov 2026");
	assert_true(cal_format_roc(D(2026, 2, 3), LANG_EN, buf, sizeof buf));
	assert_string_equal(buf, "3 Feb 2026");
	/* Too small: reported, still terminated. */
	char small[5];
	assert_false(cal_format_roc(D(2026, 11, 26), LANG_EN, small, sizeof small));
	assert_string_equal(small, "26 N");
	assert_false(cal_format_roc(CAL_DAY_INVALID, LANG_ZH, buf, sizeof buf));
	assert_string_equal(buf, "");
}

/* ---- the official files --------------------------------------------- */

static void test_real_files_parse(void **state)
{
	(void)state;
	static const struct {
		const char *name;
		int year;
	} files[] = {
	    {"2025.csv", 2025},
	    {"2026.csv", 2026},
	};
	for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
		size_t len;
		char err[200] = "";
		char *data = fixture(files[i].name, &len);
		struct rows r = {0};
		enum err e = cal_parse_csv(data, len, count_row, &r, err, sizeof err);
		if (e != ERR_OK)
			fail_msg("%s: %s", files[i].name, err);
		assert_int_equal(r.n, 365);
		assert_int_equal(r.first, D(files[i].year, 1, 1));
		assert_int_equal(r.last, D(files[i].year, 12, 31));
		/* At least the 104 weekends less make-up days, plus holidays. */
		assert_in_range(r.closed, 104, 130);
		assert_true(r.notes_seen > 10);
		free(data);
	}
	/* The note reaches the callback as UTF-8. */
	size_t len;
	char *data = fixture("2025.csv", &len);
	struct rows r = {0};
	assert_int_equal(cal_parse_csv(data, len, count_row, &r, NULL, 0), ERR_OK);
	assert_string_equal(r.note_0208, "補行上班");
	free(data);
}

static void test_makeup_workday_2025(void **state)
{
	(void)state;
	struct cal *c = load("2025.csv", NULL);
	/* Saturday 2025-02-08 is a make-up workday (補行上班)... */
	assert_int_equal(cal_weekday(D(2025, 2, 8)), 6);
	assert_true(cal_is_open(c, D(2025, 2, 8)));
	/* ...the next Saturday is not, and Lunar New Year's Eve (a Tuesday) is closed. */
	assert_false(cal_is_open(c, D(2025, 2, 15)));
	assert_false(cal_is_open(c, D(2025, 1, 28)));
	/* Received Friday 2025-02-07, 1 working day: due on that Saturday. */
	assert_date(cal_add_working_days(c, D(2025, 2, 7), 1), "2025-02-08");
	assert_true(cal_year_known(c, 2025));
	assert_false(cal_year_known(c, 2026));
	cal_free(c);
}

static void test_lunar_new_year_2026(void **state)
{
	(void)state;
	struct cal *c = load("2026.csv", NULL);
	/* Closed from Saturday 14 to Sunday 22 February 2026. */
	for (int d = 14; d <= 22; d++)
		if (cal_is_open(c, D(2026, 2, d)))
			fail_msg("2026-02-%02d should be closed", d);
	assert_true(cal_is_open(c, D(2026, 2, 13)));
	assert_true(cal_is_open(c, D(2026, 2, 23)));
	/* Received Friday 2026-02-13 with 1 working day: due Monday 23rd. */
	assert_date(cal_add_working_days(c, D(2026, 2, 13), 1), "2026-02-23");
	assert_date(cal_add_working_days(c, D(2026, 2, 13), 2), "2026-02-24");
	/* Received during the break: the receipt day never counts. */
	assert_date(cal_add_working_days(c, D(2026, 2, 16), 1), "2026-02-23");
	/* n = 0: the same day when open, else the next open day. */
	assert_date(cal_add_working_days(c, D(2026, 2, 13), 0), "2026-02-13");
	assert_date(cal_add_working_days(c, D(2026, 2, 14), 0), "2026-02-23");
	/* Without the calendar, the 16th (a Monday) would have been the answer. */
	assert_date(cal_add_working_days(NULL, D(2026, 2, 13), 1), "2026-02-16");
	cal_free(c);
}

static void test_deadline_on_closed_day_moves_forward(void **state)
{
	(void)state;
	struct cal *c = load("2026.csv", NULL);
	/* A 30-calendar-day limit from 2026-01-17 ends on 2026-02-16 (除夕): moved to the 23rd. */
	int32_t end = D(2026, 1, 17) + 30;
	assert_date(end, "2026-02-16");
	assert_date(cal_next_open(c, end), "2026-02-23");
	/* Friday 2026-02-27 (補假), then the 228 weekend: moved to Monday 2 March. */
	assert_date(cal_next_open(c, D(2026, 2, 27)), "2026-03-02");
	/* An open day stays. */
	assert_date(cal_next_open(c, D(2026, 2, 26)), "2026-02-26");
	/* In a year without calendar: Saturday 2027-01-02 -> Monday 4th. */
	assert_date(cal_next_open(c, D(2027, 1, 2)), "2027-01-04");
	cal_free(c);
}

static void test_year_without_calendar(void **state)
{
	(void)state;
	struct cal *c = load("2025.csv", "2026.csv", NULL);
	assert_true(cal_year_known(c, 2025));
	assert_true(cal_year_known(c, 2026));
	assert_false(cal_year_known(c, 2027));
	/* 2027: Monday–Friday open, weekends closed. */
	assert_true(cal_is_open(c, D(2027, 3, 5)));  /* Friday */
	assert_false(cal_is_open(c, D(2027, 3, 6))); /* Saturday */
	assert_false(cal_is_open(c, D(2027, 3, 7))); /* Sunday */
	assert_true(cal_is_open(c, D(2027, 3, 8)));  /* Monday */
	/* Received Friday 2027-03-05, 1 working day: Monday. */
	assert_date(cal_add_working_days(c, D(2027, 3, 5), 1), "2027-03-08");
	/* Received Wednesday 2026-12-30, 3 working days: 31 Dec, then Fri 1 and Mon 4 Jan 2027. */
	assert_date(cal_add_working_days(c, D(2026, 12, 30), 3), "2027-01-04");
	cal_free(c);
}

static void test_typhoon_closure(void **state)
{
	(void)state;
	struct cal *c = load("2026.csv", NULL);
	/* Received Monday 2026-07-06, 5 working days: Monday 13th. */
	assert_date(cal_add_working_days(c, D(2026, 7, 6), 5), "2026-07-13");
	/* A typhoon closes the office on Thursday 9th: due a day later. */
	assert_int_equal(cal_close_day(c, D(2026, 7, 9)), ERR_OK);
	assert_false(cal_is_open(c, D(2026, 7, 9)));
	assert_date(cal_add_working_days(c, D(2026, 7, 6), 5), "2026-07-14");
	/* A closure overrides even a make-up workday, and works in unknown years. */
	assert_int_equal(cal_close_day(c, D(2027, 8, 4)), ERR_OK);
	assert_false(cal_is_open(c, D(2027, 8, 4)));
	assert_false(cal_year_known(c, 2027));
	/* Closing twice is harmless; closing an invalid day is refused. */
	assert_int_equal(cal_close_day(c, D(2026, 7, 9)), ERR_OK);
	assert_int_equal(cal_close_day(c, CAL_DAY_INVALID), ERR_INVAL);
	assert_int_equal(cal_set_day(c, CAL_DAY_MAX + 1, true), ERR_INVAL);
	cal_free(c);

	struct cal *m = load("2025.csv", NULL);
	assert_int_equal(cal_close_day(m, D(2025, 2, 8)), ERR_OK);
	assert_false(cal_is_open(m, D(2025, 2, 8)));
	cal_free(m);
}

static void test_working_days_between(void **state)
{
	(void)state;
	struct cal *c = load("2026.csv", NULL);
	/* Friday before the break to Monday after: one working day. */
	assert_int_equal(cal_working_days_between(c, D(2026, 2, 13), D(2026, 2, 23)), 1);
	assert_int_equal(cal_working_days_between(c, D(2026, 2, 23), D(2026, 2, 13)), -1);
	assert_int_equal(cal_working_days_between(c, D(2026, 2, 13), D(2026, 2, 13)), 0);
	assert_int_equal(cal_working_days_between(c, D(2026, 2, 14), D(2026, 2, 22)), 0);
	/* A normal week: Monday to next Monday is five. */
	assert_int_equal(cal_working_days_between(c, D(2026, 7, 6), D(2026, 7, 13)), 5);
	/* 2026 has 365 - closed days open; Dec 31 2025 to Dec 31 2026 counts all of them. */
	size_t len;
	char *data = fixture("2026.csv", &len);
	struct rows r = {0};
	assert_int_equal(cal_parse_csv(data, len, count_row, &r, NULL, 0), ERR_OK);
	free(data);
	assert_int_equal(cal_working_days_between(c, D(2025, 12, 31), D(2026, 12, 31)), 365 - r.closed);
	/* Adding n working days and counting them back agree. */
	for (int32_t day = D(2026, 1, 1); day < D(2026, 12, 1); day++)
		for (int n = 1; n <= 20; n++) {
			int32_t due = cal_add_working_days(c, day, n);
			if (cal_working_days_between(c, day, due) != n || !cal_is_open(c, due))
				fail_msg("day %d + %d working days", (int)day, n);
		}
	/* Far-out-of-range days are clamped, not looped over forever. */
	assert_int_equal(cal_add_working_days(c, CAL_DAY_MAX - 1, 1000), CAL_DAY_MAX);
	assert_int_equal(cal_next_open(c, INT32_MAX), CAL_DAY_MAX);
	cal_free(c);
}

/* ---- encodings and line ends ---------------------------------------- */

static void test_encodings_agree(void **state)
{
	(void)state;
	struct cal *bom_crlf = load("2025.csv", NULL);
	struct cal *lf = load("2025-lf-nobom.csv", NULL);
	struct cal *big5 = load("2025-big5.csv", NULL);
	for (int32_t day = D(2025, 1, 1); day <= D(2025, 12, 31); day++) {
		bool want = cal_is_open(bom_crlf, day);
		if (cal_is_open(lf, day) != want || cal_is_open(big5, day) != want) {
			char iso[CAL_ISO_SIZE];
			fail_msg("%s differs between encodings", cal_format_iso(day, iso));
		}
	}
	assert_true(cal_is_open(big5, D(2025, 2, 8)));
	cal_free(bom_crlf);
	cal_free(lf);
	cal_free(big5);

	/* Big5 notes are not converted: the callback gets NULL. */
	size_t len;
	char *data = fixture("2025-big5.csv", &len);
	struct rows r = {0};
	assert_int_equal(cal_parse_csv(data, len, count_row, &r, NULL, 0), ERR_OK);
	assert_int_equal(r.n, 365);
	assert_int_equal(r.notes_seen, 0);
	free(data);
}

static void test_csv_variants(void **state)
{
	(void)state;
	/* Quoted fields, doubled quotes, extra columns, spaces, blank lines, no final newline. */
	static const char csv[] = "\"西元日期\",\"星期\",\"是否放假\",\"備註\",\"extra\"\r\n"
	                          "\r\n"
	                          "\"20250101\",\"三\",\"2\",\"開國紀念日, \"\"元旦\"\"\",\"x\"\n"
	                          "  20250102 , 四 , 0 ,  \n"
	                          "20250103,五,0\n"
	                          "\n\n   \n"
	                          "20250104,六,2,\"a\tb\"";
	struct rows r = {0};
	char err[200] = "?";
	struct cal *c = cal_new();
	assert_int_equal(cal_parse_csv(csv, sizeof csv - 1, count_row, &r, err, sizeof err), ERR_OK);
	assert_string_equal(err, "");
	assert_int_equal(r.n, 4);
	assert_int_equal(r.closed, 2);
	assert_int_equal(r.notes_seen, 2);
	assert_int_equal(cal_load_csv(c, csv, sizeof csv - 1, NULL, err, sizeof err), ERR_OK);
	assert_false(cal_is_open(c, D(2025, 1, 1)));
	assert_true(cal_is_open(c, D(2025, 1, 2)));
	/* Days the file leaves out fall back to the weekday rule. */
	assert_true(cal_is_open(c, D(2025, 1, 6)));
	cal_free(c);
}

static enum err keep_note(void *ctx, int32_t day, bool open, const char *note)
{
	char *out = ctx;
	(void)day;
	(void)open;
	if (note && !out[0])
		snprintf(out, CAL_NOTE_MAX + 1, "%s", note);
	return ERR_OK;
}

static void test_notes_are_clean_utf8(void **state)
{
	(void)state;
	/* A 300-byte note of 3-byte characters is cut at a character boundary. */
	char csv[1024];
	int n = snprintf(csv, sizeof csv, "a,b,c,d\n20250101,三,2,\"say \"\"hi\"\"\"\n");
	assert_true(n > 0);
	char got[CAL_NOTE_MAX + 1] = "";
	assert_int_equal(cal_parse_csv(csv, (size_t)n, keep_note, got, NULL, 0), ERR_OK);
	assert_string_equal(got, "say \"hi\"");

	n = snprintf(csv, sizeof csv, "a,b,c,d\n20250101,三,2,");
	for (int i = 0; i < 100; i++)
		n += snprintf(csv + n, sizeof csv - (size_t)n, "節");
	got[0] = '\0';
	assert_int_equal(cal_parse_csv(csv, (size_t)n, keep_note, got, NULL, 0), ERR_OK);
	assert_int_equal(strlen(got), 255); /* 85 characters of 3 bytes */
	assert_int_equal(strncmp(got, "節節節", 9), 0);

	n = snprintf(csv, sizeof csv, "a,b,c,d\n20250101,三,2,x");
	for (int i = 0; i < 100; i++)
		n += snprintf(csv + n, sizeof csv - (size_t)n, "節");
	got[0] = '\0';
	assert_int_equal(cal_parse_csv(csv, (size_t)n, keep_note, got, NULL, 0), ERR_OK);
	assert_int_equal(strlen(got), 253); /* "x" and 84 characters; the 85th did not fit */
}

/* ---- hostile input -------------------------------------------------- */

static void test_garbage_is_refused(void **state)
{
	(void)state;
#define HDR "西元日期,星期,是否放假,備註\n"
	static const struct {
		const char *what;
		const char *bytes;
		size_t len;
		const char *msg; /* expected start of the message */
	} cases[] = {
#define CASE(what, s, msg) {what, s, sizeof s - 1, msg}
	    CASE("empty", "", "the file is empty"),
	    CASE("only a BOM", "\xEF\xBB\xBF", "the file has no header"),
	    CASE("only blank lines", "\r\n\r\n  \n", "the file has no header"),
	    CASE("header only", HDR, "line 1: no rows"),
	    CASE("header with 3 columns", "西元日期,星期,是否放假\n20250101,三,2,\n", "line 1:"),
	    CASE("no header", "20250101,三,2,\n20250102,四,0,\n", "line 1: header missing"),
	    CASE("truncated row", HDR "20250101,三,2,\n2025010", "line 3:"),
	    CASE("truncated row, 2 columns", HDR "20250101,三", "line 2:"),
	    CASE("30-digit number", HDR "123456789012345678901234567890,三,2,\n", "line 2:"),
	    CASE("30-digit flag", HDR "20250101,三,123456789012345678901234567890,\n", "line 2:"),
	    CASE("embedded NUL",
	         HDR "20250101,三,2,\n2025\0"
	             "0102,四,0,\n",
	         "line 3: NUL"),
	    CASE("not a real date", HDR "20250229,六,2,\n", "line 2:"),
	    CASE("month 13", HDR "20251301,六,2,\n", "line 2:"),
	    CASE("before 1912", HDR "19110101,日,2,\n", "line 2:"),
	    CASE("dashes", HDR "2025-01-01,三,2,\n", "line 2:"),
	    CASE("flag 1", HDR "20250101,三,1,\n", "line 2: 是否放假"),
	    CASE("flag 02", HDR "20250101,三,02,\n", "line 2: 是否放假"),
	    CASE("empty flag", HDR "20250101,三,,\n", "line 2: 是否放假"),
	    CASE("unclosed quote", HDR "\"20250101,三,2,\n", "line 2: a double quote"),
	    CASE("junk after quote", HDR "\"20250101\"x,三,2,\n", "line 2: a double quote"),
	    CASE("bad UTF-8 after BOM", "\xEF\xBB\xBF" HDR "20250101,\xE4\xB8,2,\n", "line 2:"),
	    CASE("neither UTF-8 nor Big5", HDR "20250101,\xFF\xFF,2,\n", "line 2: the file is neither"),
	    CASE("Big5 lead at the end", "a,b,c,d\n20250101,x,2,\xA4", "line 2: the file is neither"),
	    CASE("commas only", ",,,,,,,,\n,,,\n", "line 1: header missing"),
	    CASE("only CRs", "\r\r\r\r", "the file has no header"),
	    CASE("CR line ends", "a,b,c,d\r20250101,三,2,\r20250102,四,0,\r", "line 1: no rows"),
#undef CASE
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char err[200] = "";
		enum err e = parse_bytes(cases[i].bytes, cases[i].len, err, sizeof err);
		if (e != ERR_INVAL)
			fail_msg("%s: accepted (%d)", cases[i].what, (int)e);
		if (strncmp(err, cases[i].msg, strlen(cases[i].msg)) != 0)
			fail_msg("%s: message \"%s\", expected \"%s...\"", cases[i].what, err, cases[i].msg);
	}
	/* No message buffer, or a tiny one, is fine. */
	assert_int_equal(parse_bytes("", 0, NULL, 0), ERR_INVAL);
	char tiny[4];
	assert_int_equal(parse_bytes(HDR, sizeof HDR - 1, tiny, sizeof tiny), ERR_INVAL);
	assert_string_equal(tiny, "lin");
	assert_int_equal(cal_parse_csv(NULL, 0, NULL, NULL, NULL, 0), ERR_INVAL);

	/* Every prefix of a real file either parses or is refused; none crash. */
	size_t len;
	char *data = fixture("2025-big5.csv", &len);
	for (size_t cut = 0; cut <= len; cut += 7)
		(void)parse_bytes(data, cut, NULL, 0);
	free(data);
	data = fixture("2026.csv", &len);
	for (size_t cut = 0; cut <= len; cut += 5)
		(void)parse_bytes(data, cut, NULL, 0);
	free(data);
#undef HDR
}

static void test_bad_file_leaves_calendar_unchanged(void **state)
{
	(void)state;
	static const char csv[] = "a,b,c,d\n20250101,三,2,\n20250102,四,0,\n20250103,五,9,\n";
	struct cal *c = cal_new();
	size_t rows = 99;
	char err[200];
	assert_int_equal(cal_load_csv(c, csv, sizeof csv - 1, &rows, err, sizeof err), ERR_INVAL);
	assert_string_equal(err, "line 4: 是否放假 must be 0 (open) or 2 (closed)");
	assert_int_equal(rows, 0);
	assert_false(cal_year_known(c, 2025));
	assert_true(cal_is_open(c, D(2025, 1, 1))); /* a Wednesday, by the weekday rule */
	cal_free(c);
	cal_free(NULL);
}

static int stop_after;
static enum err stop_at_third(void *ctx, int32_t day, bool open, const char *note)
{
	(void)day;
	(void)open;
	(void)note;
	int *calls = ctx;
	return ++*calls == stop_after ? ERR_DB : ERR_OK;
}

static void test_callback_error_stops_parse(void **state)
{
	(void)state;
	size_t len;
	char err[200];
	char *data = fixture("2026.csv", &len);
	int calls = 0;
	stop_after = 3;
	assert_int_equal(cal_parse_csv(data, len, stop_at_third, &calls, err, sizeof err), ERR_DB);
	assert_int_equal(calls, 3);
	assert_string_equal(err, "line 4: the row could not be imported");
	free(data);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_day_numbers),
	    cmocka_unit_test(test_iso_dates),
	    cmocka_unit_test(test_roc_format),
	    cmocka_unit_test(test_real_files_parse),
	    cmocka_unit_test(test_makeup_workday_2025),
	    cmocka_unit_test(test_lunar_new_year_2026),
	    cmocka_unit_test(test_deadline_on_closed_day_moves_forward),
	    cmocka_unit_test(test_year_without_calendar),
	    cmocka_unit_test(test_typhoon_closure),
	    cmocka_unit_test(test_working_days_between),
	    cmocka_unit_test(test_encodings_agree),
	    cmocka_unit_test(test_csv_variants),
	    cmocka_unit_test(test_notes_are_clean_utf8),
	    cmocka_unit_test(test_garbage_is_refused),
	    cmocka_unit_test(test_bad_file_leaves_calendar_unchanged),
	    cmocka_unit_test(test_callback_error_stops_parse),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

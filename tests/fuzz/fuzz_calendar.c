/*
 * fuzz_calendar.c -- libFuzzer target for the office-calendar importer:
 * cal_parse_csv and cal_load_csv (src/domain/cal.c) on arbitrary bytes, the
 * file an administrator uploads or `admin calendar import` reads.
 *
 * Checks what the importer promises (cal.h) and what deadlines rely on:
 *  - the parse reads only data[0..len) (a private heap copy, no NUL after it);
 *  - errmsg is NUL-terminated within errsz, also for tiny buffers, and is
 *    empty after ERR_OK;
 *  - every row handed over has a real date in 1912..9999; a note is NULL or
 *    valid UTF-8 of at most CAL_NOTE_MAX bytes without control characters or
 *    surrounding spaces, and NULL whenever the file is not UTF-8 (Big5);
 *  - the result does not depend on fn or errmsg; a callback's error stops
 *    the parse and is returned;
 *  - cal_load_csv agrees with cal_parse_csv, counts the same rows, leaves the
 *    calendar untouched on a bad file, and afterwards every imported day is
 *    open exactly when its last row says so, and its year is known;
 *  - deadlines: cal_add_working_days(c, d, n) >= d, lands on an open day
 *    (unless saturated at CAL_DAY_MAX), and cal_working_days_between agrees
 *    with n, for d around the imported days.
 *
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -Isrc tests/fuzz/fuzz_calendar.c \
 *     src/domain/cal.c src/util/util.c -o /tmp/fz && /tmp/fz tests/fuzz/corpus/fuzz_calendar
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "domain/cal.h"
#include "util/util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

enum { MAX_ROWS = 4096 };

static void check(int ok)
{
	if (!ok)
		abort();
}

struct row {
	int32_t day;
	bool open;
};

struct rows {
	struct row *v;
	size_t n;
	bool any_note;
	size_t stop_after; /* return ERR_NOMEM on this row (1-based); 0: never */
};

static enum err on_row(void *ctx, int32_t day, bool open, const char *note)
{
	struct rows *r = ctx;
	check(day >= cal_ymd_to_day(1912, 1, 1) && day <= CAL_DAY_MAX);
	int y = 0, m = 0, d = 0;
	check(cal_day_to_ymd(day, &y, &m, &d));
	check(y >= 1912 && y <= 9999 && cal_valid_ymd(y, m, d));
	if (note) {
		size_t len = strlen(note);
		check(len > 0 && len <= CAL_NOTE_MAX);
		check(utf8_valid(note, len));
		for (size_t i = 0; i < len; i++)
			check((unsigned char)note[i] >= 0x20 && note[i] != 0x7F);
		check(note[0] != ' ' && note[len - 1] != ' ');
		r->any_note = true;
	}
	if (r->n < MAX_ROWS)
		r->v[r->n] = (struct row){day, open};
	r->n++;
	if (r->stop_after && r->n == r->stop_after)
		return ERR_NOMEM;
	return ERR_OK;
}

static void check_errmsg(const char *msg, size_t size, enum err e)
{
	check(memchr(msg, '\0', size) != NULL);
	if (e == ERR_OK)
		check(msg[0] == '\0');
	else if (e == ERR_INVAL && size > 1)
		check(msg[0] != '\0');
}

/* Deadline arithmetic from day d on the calendar c. */
static void check_deadlines(const struct cal *c, int32_t d, int n)
{
	int32_t r = cal_add_working_days(c, d, n);
	check(r >= d || d > CAL_DAY_MAX);
	check(r >= CAL_DAY_MIN && r <= CAL_DAY_MAX);
	if (r < CAL_DAY_MAX)
		check(cal_is_open(c, r));
	if (n <= 0) {
		check(r == cal_next_open(c, d));
	} else if (r < CAL_DAY_MAX) {
		check(cal_working_days_between(c, d, r) == n);
		check(cal_working_days_between(c, r, d) == -n);
		/* one day earlier is one working day short */
		check(cal_working_days_between(c, d, r - 1) == n - 1);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* a private copy with nothing after it, so reading past len is caught by ASan */
	char *s = malloc(size ? size : 1);
	memcpy(s, data, size);

	struct rows rows = {calloc(MAX_ROWS, sizeof(struct row)), 0, false, 0};
	char err[160];
	memset(err, 'x', sizeof err);
	enum err e = cal_parse_csv(s, size, on_row, &rows, err, sizeof err);
	check(e == ERR_OK || e == ERR_INVAL);
	check_errmsg(err, sizeof err, e);
	if (e == ERR_OK)
		check(rows.n > 0);

	/* notes only from UTF-8 files (after an optional byte-order mark) */
	if (rows.any_note) {
		bool bom = size >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0;
		check(utf8_valid(s + (bom ? 3 : 0), size - (bom ? 3 : 0)));
	}

	/* the same answer without a callback, without errmsg, with tiny ones */
	check(cal_parse_csv(s, size, NULL, NULL, NULL, 0) == e);
	for (size_t tiny = 1; tiny <= 9; tiny += 4) {
		char small[9];
		memset(small, 'x', sizeof small);
		check(cal_parse_csv(s, size, NULL, NULL, small, tiny) == e);
		check_errmsg(small, tiny, e);
	}

	/* a callback's error stops the parse and is what it returns */
	if (rows.n > 0) {
		struct rows stop = {calloc(MAX_ROWS, sizeof(struct row)), 0, false, 1 + (size % rows.n)};
		enum err e2 = cal_parse_csv(s, size, on_row, &stop, err, sizeof err);
		check(e2 == ERR_NOMEM && stop.n == stop.stop_after);
		check_errmsg(err, sizeof err, e2);
		free(stop.v);
	}

	/* cal_load_csv: all or nothing */
	struct cal *c = cal_new();
	check(c != NULL);
	size_t nrows = 12345;
	enum err le = cal_load_csv(c, s, size, &nrows, err, sizeof err);
	check(le == e);
	check_errmsg(err, sizeof err, le);
	size_t seen = rows.n < MAX_ROWS ? rows.n : MAX_ROWS;
	if (le != ERR_OK) {
		check(nrows == 0);
		/* rows before the bad line were not imported: the weekday rule holds */
		for (size_t i = 0; i < seen; i++) {
			int w = cal_weekday(rows.v[i].day);
			int y = 0;
			cal_day_to_ymd(rows.v[i].day, &y, NULL, NULL);
			check(!cal_year_known(c, y));
			check(cal_is_open(c, rows.v[i].day) == (w != 0 && w != 6));
		}
	} else {
		check(nrows == rows.n);
		/* later rows for the same day win: check each day at its last row */
		for (size_t i = seen; i-- > 0;) {
			bool later = false;
			for (size_t j = i + 1; j < seen && !later; j++)
				later = rows.v[j].day == rows.v[i].day;
			if (later)
				continue;
			check(cal_is_open(c, rows.v[i].day) == rows.v[i].open);
			int y = 0;
			cal_day_to_ymd(rows.v[i].day, &y, NULL, NULL);
			check(cal_year_known(c, y));
		}

		/* deadlines from around the imported days */
		int32_t first = rows.v[0].day, last = rows.v[seen - 1].day;
		static const int ns[] = {0, 1, 2, 5, 10, 20, 30, 60};
		const int32_t ds[] = {first, first - 1, last, last + 1, first + (int32_t)(size % 400)};
		for (size_t i = 0; i < sizeof ds / sizeof ds[0]; i++)
			for (size_t k = 0; k < sizeof ns / sizeof ns[0]; k++)
				check_deadlines(c, ds[i], ns[k]);
		/* a count taken from the input, and the far end of the range */
		check_deadlines(c, first, size > 0 ? (int)(data[size - 1] % 128) : 3);
		check_deadlines(c, CAL_DAY_MAX - 3, 5);
	}
	cal_free(c);
	free(rows.v);
	free(s);
	return 0;
}

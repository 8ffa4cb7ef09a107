/*
 * cal.h -- the office calendar and working-day deadlines (DESIGN.md §5).
 * Dates are day numbers; which days the office is open comes from the
 * imported official calendar (中華民國政府行政機關辦公日曆表, data.gov.tw
 * 14718), from local closures such as typhoon days, and otherwise from the
 * rule Monday–Friday open, weekends closed.
 *
 * Pure domain code: libc and util.h's enums (err, lang) only.  No I/O, no
 * SQL, no locale, no clock; callers read files and pass "today" in.
 */
#ifndef BM_DOMAIN_CAL_H
#define BM_DOMAIN_CAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/util.h"

/*
 * A day number counts days since 1970-01-01 (proleptic Gregorian); valid
 * day numbers are those of years 1 through 9999.  CAL_DAY_INVALID is what
 * the conversions return for anything else.
 */
#define CAL_DAY_MIN (-719162) /* 0001-01-01 */
#define CAL_DAY_MAX 2932896   /* 9999-12-31 */
#define CAL_DAY_INVALID INT32_MIN

/* Bytes cal_format_iso needs: "YYYY-MM-DD" and a NUL. */
#define CAL_ISO_SIZE 11
/* Longest note (in bytes, without the NUL) cal_parse_csv hands over. */
#define CAL_NOTE_MAX 255

/* True when y-m-d is a real date in years 1..9999. */
bool cal_valid_ymd(int y, int m, int d);

/*
 * Returns the day number of y-m-d, or CAL_DAY_INVALID when that is not a
 * real date in years 1..9999 (2026-02-29 is invalid).
 */
int32_t cal_ymd_to_day(int y, int m, int d);

/*
 * Splits a day number into year, month (1-12) and day of month (1-31).
 * Returns false, leaving the outputs untouched, when day is outside
 * CAL_DAY_MIN..CAL_DAY_MAX.  Any output pointer may be NULL.
 */
bool cal_day_to_ymd(int32_t day, int *y, int *m, int *d);

/* Returns 0 for Sunday through 6 for Saturday; defined for every int32_t. */
int cal_weekday(int32_t day);

/*
 * Parses exactly "YYYY-MM-DD" (ten characters, then the end of the string;
 * no spaces, no signs, a real date) into *day.  Returns false, leaving *day
 * untouched, for anything else, including s == NULL.
 */
bool cal_parse_iso(const char *s, int32_t *day);

/*
 * Writes "YYYY-MM-DD" and a NUL into the caller's out; an invalid day gives
 * "" (empty string).  Returns out.
 */
char *cal_format_iso(int32_t day, char out[static CAL_ISO_SIZE]);

/*
 * Writes the day for people into buf: LANG_ZH gives the ROC date
 * "115年11月26日" (ROC year = year - 1911; "民國前1年…" before 1912), and
 * LANG_EN (or any other value) gives "26 Nov 2026".  buf is always
 * NUL-terminated when size > 0.  Returns false when day is invalid (buf
 * gets "") or the text did not fit (buf holds a cut, possibly mid-character,
 * prefix; 32 bytes always suffice).
 */
bool cal_format_roc(int32_t day, enum lang lang, char *buf, size_t size);

/*
 * The calendar: which days are open, by imported year, plus local closures.
 * Opaque; one writer at a time, any number of readers once built (readers
 * never modify it).
 */
struct cal;

/* Returns an empty calendar (nothing imported, no closures); aborts on OOM (xcalloc). */
struct cal *cal_new(void);

/* Frees c and everything it holds; cal_free(NULL) is a no-op. */
void cal_free(struct cal *c);

/*
 * Records the official flag for one day and marks its year as imported.
 * Days of an imported year that are never set follow the weekday rule.
 * Returns ERR_OK or ERR_INVAL (day outside CAL_DAY_MIN..CAL_DAY_MAX; c
 * unchanged).
 */
enum err cal_set_day(struct cal *c, int32_t day, bool open);

/*
 * Adds a local closure (typhoon day, 停止上班): the day is closed whatever
 * the imported calendar says.  Does not mark the year as imported.
 * Returns ERR_OK or ERR_INVAL (c unchanged).
 */
enum err cal_close_day(struct cal *c, int32_t day);

/* True when an official calendar was imported for that year. */
bool cal_year_known(const struct cal *c, int year);

/*
 * True when the office is open on day: closed on a local closure; else the
 * imported flag if one was set for that day; else Monday–Friday.  c may be
 * NULL (weekday rule only).  Invalid days are closed.
 */
bool cal_is_open(const struct cal *c, int32_t day);

/*
 * Returns day itself when open, else the next open day: where a deadline
 * that falls on a closed day ends (行政程序法 §48).  Saturates at
 * CAL_DAY_MAX; an invalid day below the range starts from CAL_DAY_MIN.
 */
int32_t cal_next_open(const struct cal *c, int32_t day);

/*
 * Returns the due date of a deadline of n working days for something
 * received on day "received": the n-th open day after it (the day of
 * receipt never counts).  n <= 0 gives cal_next_open(received).  For
 * n >= 1, cal_working_days_between(c, received, due) == n.  Saturates at
 * CAL_DAY_MAX.
 */
int32_t cal_add_working_days(const struct cal *c, int32_t received, int n);

/*
 * Returns the number of open days in (from, to] -- days waited when from
 * is the day of receipt and to is today, days left when from is today and
 * to is the due date -- or minus the number of open days in (to, from]
 * when to < from.  Days are clamped to CAL_DAY_MIN..CAL_DAY_MAX; the cost
 * is one lookup per calendar day between them.
 */
int32_t cal_working_days_between(const struct cal *c, int32_t from, int32_t to);

/*
 * Called once per data row by cal_parse_csv.  note is the 備註 text as
 * NUL-terminated UTF-8 (at most CAL_NOTE_MAX bytes, cut at a character
 * boundary, control characters replaced by spaces), or NULL when it is empty
 * or the file is Big5; it is borrowed and valid only during the call.
 * Return ERR_OK to go on; anything else stops the parse and is returned.
 */
typedef enum err (*cal_row_fn)(void *ctx, int32_t day, bool open, const char *note);

/*
 * Parses the official calendar CSV in data[0..len) (need not be
 * NUL-terminated): a header line of at least four columns
 * (西元日期,星期,是否放假,備註), then rows "YYYYMMDD,<weekday>,<0|2>,<note>"
 * where 0 = open and 2 = closed.  Accepts UTF-8 with or without a BOM,
 * Big5 (detected when the bytes are not UTF-8), CRLF or LF, blank lines,
 * double-quoted fields and extra columns; ignores the weekday column.  Rows
 * must have a real date in years 1912..9999.  Later rows for the same day
 * win.  fn may be NULL to only validate.
 *
 * Returns ERR_OK; ERR_INVAL with a message naming the line in errmsg
 * (English, NUL-terminated, cut to errsz; errmsg may be NULL) -- fn may
 * already have been called for earlier rows; or whatever fn returned.
 * Never reads outside data[0..len).
 */
enum err cal_parse_csv(const char *data, size_t len, cal_row_fn fn, void *ctx, char *errmsg, size_t errsz);

/*
 * Validates the CSV in full, then imports every row into c with
 * cal_set_day: a bad file leaves c unchanged.  If nrows is not NULL it gets
 * the number of rows imported.  Returns ERR_OK, ERR_INVAL (message in
 * errmsg as for cal_parse_csv).
 */
enum err cal_load_csv(struct cal *c, const char *data, size_t len, size_t *nrows, char *errmsg, size_t errsz);

#endif

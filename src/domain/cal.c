/*
 * cal.c -- the office calendar: day-number arithmetic, open/closed days by
 * imported year plus local closures, working-day deadlines, and the parser
 * for the official open-data calendar CSV (DESIGN.md §5).
 *
 * Depends on libc and util.h's enums (err, lang) only: no util.c functions,
 * no I/O, no SQL, no iconv, no locale.  The CSV parser takes untrusted bytes
 * and is a fuzz target: every read is bounded by the length it was given.
 */
#include "domain/cal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- day numbers ---------------------------------------------------- */

/*
 * Day-number conversions after Howard Hinnant's days_from_civil and
 * civil_from_days (public domain), in 64-bit so no input overflows.
 */
static int64_t days_from_civil(int64_t y, int64_t m, int64_t d)
{
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;
	int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static bool is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int month_days(int y, int m)
{
	static const int mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	return m == 2 && is_leap(y) ? 29 : mdays[m - 1];
}

bool cal_valid_ymd(int y, int m, int d)
{
	return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= month_days(y, m);
}

int32_t cal_ymd_to_day(int y, int m, int d)
{
	if (!cal_valid_ymd(y, m, d))
		return CAL_DAY_INVALID;
	return (int32_t)days_from_civil(y, m, d);
}

bool cal_day_to_ymd(int32_t day, int *y, int *m, int *d)
{
	if (day < CAL_DAY_MIN || day > CAL_DAY_MAX)
		return false;
	int64_t z = (int64_t)day + 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	int64_t dd = doy - (153 * mp + 2) / 5 + 1;
	int64_t mm = mp < 10 ? mp + 3 : mp - 9;
	int64_t yy = yoe + era * 400 + (mm <= 2);
	if (y)
		*y = (int)yy;
	if (m)
		*m = (int)mm;
	if (d)
		*d = (int)dd;
	return true;
}

int cal_weekday(int32_t day)
{
	int64_t w = ((int64_t)day + 4) % 7; /* 1970-01-01 was a Thursday */
	return (int)(w < 0 ? w + 7 : w);
}

static int digit(char c)
{
	return c >= '0' && c <= '9' ? c - '0' : -1;
}

/* Reads n ASCII digits from s (which has at least n bytes); -1 if not digits. */
static int read_digits(const char *s, size_t n)
{
	int v = 0;
	for (size_t i = 0; i < n; i++) {
		int k = digit(s[i]);
		if (k < 0)
			return -1;
		v = v * 10 + k;
	}
	return v;
}

bool cal_parse_iso(const char *s, int32_t *day)
{
	if (!s)
		return false;
	/* Checked left to right, so a short string stops at its NUL. */
	for (int i = 0; i < 10; i++) {
		bool ok = (i == 4 || i == 7) ? s[i] == '-' : digit(s[i]) >= 0;
		if (!ok)
			return false;
	}
	if (s[10] != '\0')
		return false;
	int32_t v = cal_ymd_to_day(read_digits(s, 4), read_digits(s + 5, 2), read_digits(s + 8, 2));
	if (v == CAL_DAY_INVALID)
		return false;
	*day = v;
	return true;
}

static void put_digits(char *out, int v, int n)
{
	for (int i = n - 1; i >= 0; i--) {
		out[i] = (char)('0' + v % 10);
		v /= 10;
	}
}

char *cal_format_iso(int32_t day, char out[static CAL_ISO_SIZE])
{
	int y, m, d;
	if (!cal_day_to_ymd(day, &y, &m, &d)) {
		out[0] = '\0';
		return out;
	}
	put_digits(out, y, 4);
	out[4] = '-';
	put_digits(out + 5, m, 2);
	out[7] = '-';
	put_digits(out + 8, d, 2);
	out[10] = '\0';
	return out;
}

bool cal_format_roc(int32_t day, enum lang lang, char *buf, size_t size)
{
	static const char *const mon[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
	                                    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
	int y, m, d, r;
	if (!cal_day_to_ymd(day, &y, &m, &d)) {
		if (size > 0)
			buf[0] = '\0';
		return false;
	}
	if (lang == LANG_ZH && y >= 1912)
		r = snprintf(buf, size, "%d年%d月%d日", y - 1911, m, d);
	else if (lang == LANG_ZH)
		r = snprintf(buf, size, "民國前%d年%d月%d日", 1912 - y, m, d);
	else
		r = snprintf(buf, size, "%d %s %d", d, mon[m - 1], y);
	return r >= 0 && (size_t)r < size;
}

/* ---- the calendar --------------------------------------------------- */

#define YEAR_BYTES ((366 + 7) / 8)

/* One year's bits, indexed by day of year (0 = 1 January). */
struct cal_year {
	int32_t year;
	bool imported;               /* an official calendar set some day */
	uint8_t set[YEAR_BYTES];     /* an official flag was set */
	uint8_t open[YEAR_BYTES];    /* ...and it said open */
	uint8_t closure[YEAR_BYTES]; /* local closure: always closed */
};

/* Years in ascending order, only those with something recorded. */
struct cal {
	struct cal_year *years;
	size_t n;
	size_t cap;
};

static bool bit_get(const uint8_t *bits, int i)
{
	return (bits[i / 8] >> (i % 8)) & 1u;
}

static void bit_put(uint8_t *bits, int i, bool v)
{
	if (v)
		bits[i / 8] |= (uint8_t)(1u << (i % 8));
	else
		bits[i / 8] &= (uint8_t) ~(1u << (i % 8));
}

/* Year and day of year (0-based) of a valid day. */
static void split_day(int32_t day, int *year, int *doy)
{
	int y;
	cal_day_to_ymd(day, &y, NULL, NULL);
	*year = y;
	*doy = (int)(day - cal_ymd_to_day(y, 1, 1));
}

/* Binary search; returns the entry, or NULL with *pos = where it would go. */
static struct cal_year *year_find(const struct cal *c, int year, size_t *pos)
{
	size_t lo = 0, hi = c->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (c->years[mid].year == year)
			return &c->years[mid];
		if (c->years[mid].year < year)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (pos)
		*pos = lo;
	return NULL;
}

/* Finds or inserts the entry for year. */
static struct cal_year *year_get(struct cal *c, int year)
{
	size_t pos = 0;
	struct cal_year *e = year_find(c, year, &pos);
	if (e)
		return e;
	if (c->n == c->cap) {
		size_t cap = c->cap ? c->cap * 2 : 4;
		c->years = xrealloc(c->years, cap * sizeof *c->years);
		c->cap = cap;
	}
	memmove(&c->years[pos + 1], &c->years[pos], (c->n - pos) * sizeof *c->years);
	c->n++;
	e = &c->years[pos];
	memset(e, 0, sizeof *e);
	e->year = year;
	return e;
}

struct cal *cal_new(void)
{
	return xcalloc(1, sizeof(struct cal));
}

void cal_free(struct cal *c)
{
	if (!c)
		return;
	free(c->years);
	free(c);
}

static bool day_valid(int32_t day)
{
	return day >= CAL_DAY_MIN && day <= CAL_DAY_MAX;
}

enum err cal_set_day(struct cal *c, int32_t day, bool open)
{
	if (!c || !day_valid(day))
		return ERR_INVAL;
	int year, doy;
	split_day(day, &year, &doy);
	struct cal_year *e = year_get(c, year);
	e->imported = true;
	bit_put(e->set, doy, true);
	bit_put(e->open, doy, open);
	return ERR_OK;
}

enum err cal_close_day(struct cal *c, int32_t day)
{
	if (!c || !day_valid(day))
		return ERR_INVAL;
	int year, doy;
	split_day(day, &year, &doy);
	struct cal_year *e = year_get(c, year);
	bit_put(e->closure, doy, true);
	return ERR_OK;
}

bool cal_year_known(const struct cal *c, int year)
{
	if (!c)
		return false;
	const struct cal_year *e = year_find(c, year, NULL);
	return e && e->imported;
}

bool cal_is_open(const struct cal *c, int32_t day)
{
	if (!day_valid(day))
		return false;
	if (c && c->n > 0) {
		int year, doy;
		split_day(day, &year, &doy);
		const struct cal_year *e = year_find(c, year, NULL);
		if (e && bit_get(e->closure, doy))
			return false;
		if (e && bit_get(e->set, doy))
			return bit_get(e->open, doy);
	}
	int w = cal_weekday(day);
	return w != 0 && w != 6;
}

static int32_t clamp_day(int32_t day)
{
	return day < CAL_DAY_MIN ? CAL_DAY_MIN : day > CAL_DAY_MAX ? CAL_DAY_MAX : day;
}

int32_t cal_next_open(const struct cal *c, int32_t day)
{
	day = clamp_day(day);
	while (day < CAL_DAY_MAX && !cal_is_open(c, day))
		day++;
	return day;
}

int32_t cal_add_working_days(const struct cal *c, int32_t received, int n)
{
	int32_t day = clamp_day(received);
	if (n <= 0)
		return cal_next_open(c, day);
	while (n > 0 && day < CAL_DAY_MAX) {
		day++;
		if (cal_is_open(c, day))
			n--;
	}
	return day;
}

int32_t cal_working_days_between(const struct cal *c, int32_t from, int32_t to)
{
	from = clamp_day(from);
	to = clamp_day(to);
	int32_t lo = from < to ? from : to;
	int32_t hi = from < to ? to : from;
	int32_t count = 0;
	for (int32_t day = lo + 1; day <= hi; day++)
		if (cal_is_open(c, day))
			count++;
	return from <= to ? count : -count;
}

/* ---- CSV ------------------------------------------------------------ */

__attribute__((format(printf, 3, 4))) static void set_err(char *errmsg, size_t errsz, const char *fmt, ...)
{
	if (!errmsg || errsz == 0)
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(errmsg, errsz, fmt, ap);
	va_end(ap);
}

/* 1-based line number of data[off]. */
static size_t line_of(const char *data, size_t off)
{
	size_t line = 1;
	for (size_t i = 0; i < off; i++)
		if (data[i] == '\n')
			line++;
	return line;
}

/*
 * Returns the length of the longest well-formed UTF-8 prefix of s[0..n)
 * (n when all of it is): no overlongs, no surrogates, nothing past U+10FFFF.
 */
static size_t utf8_prefix(const unsigned char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		unsigned char b = s[i];
		size_t len;
		unsigned char lo = 0x80, hi = 0xBF; /* range of the second byte */
		if (b < 0x80) {
			i++;
			continue;
		} else if (b >= 0xC2 && b <= 0xDF) {
			len = 2;
		} else if (b >= 0xE0 && b <= 0xEF) {
			len = 3;
			if (b == 0xE0)
				lo = 0xA0;
			else if (b == 0xED)
				hi = 0x9F;
		} else if (b >= 0xF0 && b <= 0xF4) {
			len = 4;
			if (b == 0xF0)
				lo = 0x90;
			else if (b == 0xF4)
				hi = 0x8F;
		} else {
			return i;
		}
		if (n - i < len || s[i + 1] < lo || s[i + 1] > hi)
			return i;
		for (size_t k = 2; k < len; k++)
			if ((s[i + k] & 0xC0) != 0x80)
				return i;
		i += len;
	}
	return n;
}

/*
 * Returns the length of the longest well-formed Big5 prefix: ASCII, or a
 * lead byte 0x81-0xFE followed by a trail byte 0x40-0x7E or 0xA1-0xFE.
 * Trail bytes never equal ',', '"', CR or LF, so the CSV can be split
 * byte-wise once this holds.
 */
static size_t big5_prefix(const unsigned char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		unsigned char b = s[i];
		if (b < 0x80) {
			i++;
			continue;
		}
		if (b < 0x81 || b > 0xFE || n - i < 2)
			return i;
		unsigned char t = s[i + 1];
		if (!((t >= 0x40 && t <= 0x7E) || (t >= 0xA1 && t <= 0xFE)))
			return i;
		i += 2;
	}
	return n;
}

/* A field of a line: p[0..n) is its text (with "" still doubled if quoted). */
struct field {
	const char *p;
	size_t n;
	bool quoted;
};

#define MAX_FIELDS 4 /* 西元日期, 星期, 是否放假, 備註; more are ignored */

static bool is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/*
 * Splits the line p[0..end) at commas into f[0..MAX_FIELDS), honouring
 * double quotes ("a,b" and "say ""hi"""), trimming spaces and tabs around
 * fields.  Returns the number of fields, MAX_FIELDS + 1 meaning "more", or
 * -1 for a quote that is not closed or is followed by something other than
 * a comma.
 */
static int split_line(const char *p, const char *end, struct field *f)
{
	int n = 0;
	for (;;) {
		struct field cur = {0};
		while (p < end && is_blank(*p))
			p++;
		if (p < end && *p == '"') {
			cur.p = ++p;
			cur.quoted = true;
			for (;;) {
				if (p >= end)
					return -1;
				if (*p == '"') {
					if (end - p >= 2 && p[1] == '"') {
						p += 2;
						continue;
					}
					break;
				}
				p++;
			}
			cur.n = (size_t)(p - cur.p);
			p++; /* the closing quote */
			while (p < end && is_blank(*p))
				p++;
			if (p < end && *p != ',')
				return -1;
		} else {
			const char *comma = p < end ? memchr(p, ',', (size_t)(end - p)) : NULL;
			const char *fe = comma ? comma : end;
			const char *t = fe;
			while (t > p && is_blank(t[-1]))
				t--;
			cur.p = p;
			cur.n = (size_t)(t - p);
			p = fe;
		}
		if (n < MAX_FIELDS)
			f[n] = cur;
		n++;
		if (p >= end || n > MAX_FIELDS)
			return n;
		p++; /* the comma */
	}
}

/* Day number of an 8-digit YYYYMMDD field in years 1912..9999, else invalid. */
static int32_t field_date(const struct field *f)
{
	if (f->n != 8)
		return CAL_DAY_INVALID;
	int y = read_digits(f->p, 4), m = read_digits(f->p + 4, 2), d = read_digits(f->p + 6, 2);
	if (y < 1912)
		return CAL_DAY_INVALID;
	return cal_ymd_to_day(y, m, d);
}

static bool field_is_date_like(const struct field *f)
{
	return f->n == 8 && read_digits(f->p, 8) >= 0;
}

/*
 * Copies a UTF-8 note field into out (CAL_NOTE_MAX + 1 bytes): undoubles
 * quotes, turns control characters into spaces, cuts at a character
 * boundary, trims.  Returns out, or NULL when nothing is left.
 */
static const char *copy_note(const struct field *f, char *out)
{
	size_t o = 0;
	bool cut = false;
	for (size_t i = 0; i < f->n; i++) {
		unsigned char ch = (unsigned char)f->p[i];
		if (o == CAL_NOTE_MAX) {
			cut = true;
			break;
		}
		if (f->quoted && ch == '"')
			i++; /* split_line guarantees the pair */
		out[o++] = (char)(ch < 0x20 || ch == 0x7F ? ' ' : ch);
	}
	if (cut) {
		/* Drop a character whose bytes did not all fit. */
		size_t k = o;
		while (k > 0 && ((unsigned char)out[k - 1] & 0xC0) == 0x80)
			k--;
		if (k > 0 && (unsigned char)out[k - 1] >= 0xC0) {
			unsigned char lead = (unsigned char)out[k - 1];
			size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
			if (o - (k - 1) < need)
				o = k - 1;
		}
	}
	size_t s = 0;
	while (s < o && out[s] == ' ')
		s++;
	while (o > s && out[o - 1] == ' ')
		o--;
	if (o == s)
		return NULL;
	memmove(out, out + s, o - s);
	out[o - s] = '\0';
	return out;
}

enum err cal_parse_csv(const char *data, size_t len, cal_row_fn fn, void *ctx, char *errmsg, size_t errsz)
{
	const unsigned char *u = (const unsigned char *)data;
	size_t start = 0;
	bool utf8;

	set_err(errmsg, errsz, "%s", "");
	if (!data || len == 0) {
		set_err(errmsg, errsz, "the file is empty");
		return ERR_INVAL;
	}
	const char *nul = memchr(data, '\0', len);
	if (nul) {
		set_err(errmsg, errsz, "line %zu: NUL byte; not a text file", line_of(data, (size_t)(nul - data)));
		return ERR_INVAL;
	}
	if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
		start = 3;
		size_t ok = utf8_prefix(u + start, len - start);
		if (ok != len - start) {
			set_err(errmsg, errsz, "line %zu: invalid UTF-8 after a UTF-8 byte-order mark",
			        line_of(data, start + ok));
			return ERR_INVAL;
		}
		utf8 = true;
	} else {
		size_t ok8 = utf8_prefix(u, len);
		utf8 = ok8 == len;
		if (!utf8) {
			size_t ok = big5_prefix(u, len);
			if (ok != len) {
				/* Name the line where the likelier encoding broke. */
				set_err(errmsg, errsz, "line %zu: the file is neither UTF-8 nor Big5",
				        line_of(data, ok > ok8 ? ok : ok8));
				return ERR_INVAL;
			}
		}
	}

	const char *p = data + start, *end = data + len;
	size_t line = 0, rows = 0;
	bool header = false;
	char note[CAL_NOTE_MAX + 1];
	struct field f[MAX_FIELDS];

	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *le = nl ? nl : end;
		const char *next = nl ? nl + 1 : end;
		line++;
		while (le > p && (le[-1] == '\r' || is_blank(le[-1])))
			le--;
		const char *q = p;
		while (q < le && is_blank(*q))
			q++;
		if (q == le) { /* blank line */
			p = next;
			continue;
		}
		int nf = split_line(p, le, f);
		if (nf < 0) {
			set_err(errmsg, errsz, "line %zu: a double quote is not closed properly", line);
			return ERR_INVAL;
		}
		if (!header) {
			if (nf < 4) {
				set_err(errmsg, errsz,
				        "line %zu: header has %d column(s); expected 西元日期,星期,是否放假,備註", line,
				        nf);
				return ERR_INVAL;
			}
			if (f[0].n == 0 || field_is_date_like(&f[0])) {
				set_err(errmsg, errsz, "line %zu: header missing; expected 西元日期,星期,是否放假,備註",
				        line);
				return ERR_INVAL;
			}
			header = true;
			p = next;
			continue;
		}
		if (nf < 3) {
			set_err(errmsg, errsz, "line %zu: %d column(s); expected date, weekday, 0 or 2, note", line,
			        nf);
			return ERR_INVAL;
		}
		int32_t day = field_date(&f[0]);
		if (day == CAL_DAY_INVALID) {
			set_err(errmsg, errsz, "line %zu: 西元日期 is not a real date written YYYYMMDD (1912 or later)",
			        line);
			return ERR_INVAL;
		}
		if (f[2].n != 1 || (f[2].p[0] != '0' && f[2].p[0] != '2')) {
			set_err(errmsg, errsz, "line %zu: 是否放假 must be 0 (open) or 2 (closed)", line);
			return ERR_INVAL;
		}
		bool open = f[2].p[0] == '0';
		const char *nt = (utf8 && nf >= 4) ? copy_note(&f[3], note) : NULL;
		rows++;
		if (fn) {
			enum err e = fn(ctx, day, open, nt);
			if (e != ERR_OK) {
				set_err(errmsg, errsz, "line %zu: the row could not be imported", line);
				return e;
			}
		}
		p = next;
	}
	if (!header) {
		set_err(errmsg, errsz, "the file has no header and no rows");
		return ERR_INVAL;
	}
	if (rows == 0) {
		set_err(errmsg, errsz, "line %zu: no rows after the header", line);
		return ERR_INVAL;
	}
	return ERR_OK;
}

struct load_ctx {
	struct cal *c;
	size_t rows;
};

static enum err load_row(void *ctx, int32_t day, bool open, const char *note)
{
	struct load_ctx *lc = ctx;
	(void)note;
	enum err e = cal_set_day(lc->c, day, open);
	if (e == ERR_OK)
		lc->rows++;
	return e;
}

enum err cal_load_csv(struct cal *c, const char *data, size_t len, size_t *nrows, char *errmsg, size_t errsz)
{
	struct load_ctx lc = {c, 0};
	if (nrows)
		*nrows = 0;
	if (!c)
		return ERR_INVAL;
	enum err e = cal_parse_csv(data, len, NULL, NULL, errmsg, errsz);
	if (e == ERR_OK)
		e = cal_parse_csv(data, len, load_row, &lc, errmsg, errsz);
	if (nrows)
		*nrows = lc.rows;
	return e;
}

/*
 * test_router.c -- unit tests for app/router: path matching against the
 * real route table (routes.c) through route_find, 404 versus 405, the Allow
 * header, and field validation (route_validate) with a hand-made route.
 * Parameters come from form_parse, as in the dispatcher.  No HTTP, no store.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "app/router.h"

static int setup(void **state)
{
	*state = arena_new();
	return 0;
}

static int teardown(void **state)
{
	arena_free(*state);
	return 0;
}

/* ---- route_find over routes.c ---------------------------------------- */

/* Looks path up; returns the route (or NULL) and fills *m and *known. */
static const struct route *find(struct arena *a, enum method meth, const char *path, struct route_match *m, bool *known)
{
	memset(m, 0, sizeof *m);
	*known = true; /* route_find must clear it for a 404 */
	return route_find(a, meth, path, m, known);
}

static void expect_404(struct arena *a, enum method meth, const char *path)
{
	struct route_match m;
	bool known;
	const struct route *r = find(a, meth, path, &m, &known);
	if (r)
		fail_msg("\"%s\" matched route \"%s\", want no route", path, r->pattern);
	if (known)
		fail_msg("\"%s\": path_known set, want 404", path);
}

static void test_find_root(void **state)
{
	struct arena *a = *state;
	struct route_match m;
	bool known;
	const struct route *r = find(a, M_GET, "/", &m, &known);
	assert_non_null(r);
	assert_string_equal(r->pattern, "/");
	assert_int_equal(r->method, M_GET);
	assert_ptr_equal(m.route, r);
	assert_int_equal(m.ncap, 0);
	assert_true(known);
	/* HEAD is answered by the GET route */
	r = find(a, M_HEAD, "/", &m, &known);
	assert_non_null(r);
	assert_string_equal(r->pattern, "/");
}

static void test_find_capture(void **state)
{
	struct arena *a = *state;
	struct route_match m;
	bool known;
	const struct route *r = find(a, M_GET, "/services/abc", &m, &known);
	assert_non_null(r);
	assert_string_equal(r->pattern, "/services/*");
	assert_int_equal(m.ncap, 1);
	assert_string_equal(m.cap[0], "abc");

	r = find(a, M_GET, "/services/Birth-Reg_2.v1", &m, &known);
	assert_non_null(r);
	assert_string_equal(m.cap[0], "Birth-Reg_2.v1");

	/* 64 bytes is the longest capture */
	char path[128];
	snprintf(path, sizeof path, "/services/%064d", 1);
	r = find(a, M_GET, path, &m, &known);
	assert_non_null(r);
	assert_int_equal(strlen(m.cap[0]), 64);
	snprintf(path, sizeof path, "/services/%065d", 1);
	expect_404(a, M_GET, path);

	/* the plain list page is a different route from the item page */
	r = find(a, M_GET, "/services", &m, &known);
	assert_non_null(r);
	assert_string_equal(r->pattern, "/services");
	assert_int_equal(m.ncap, 0);
}

static void test_find_no_match(void **state)
{
	struct arena *a = *state;
	expect_404(a, M_GET, "/services/");    /* empty segment */
	expect_404(a, M_GET, "/services/a/b"); /* '*' is one segment */
	expect_404(a, M_GET, "/services/a/");
	expect_404(a, M_GET, "/services//a");
	expect_404(a, M_GET, "/services/.."); /* dot segments are never captured */
	expect_404(a, M_GET, "/services/.");
	expect_404(a, M_GET, "/services/a b"); /* characters outside [A-Za-z0-9._-] */
	expect_404(a, M_GET, "/services/a%2e");
	expect_404(a, M_GET, "/services/a\\b");
	expect_404(a, M_GET, "/services/台北");
	expect_404(a, M_GET, "/services/a;b");
	expect_404(a, M_GET, "/services/a?b");
	expect_404(a, M_GET, "/no-such-page");
	expect_404(a, M_GET, "");
	expect_404(a, M_GET, "//");
	expect_404(a, M_GET, "/services-x");
	expect_404(a, M_GET, "services");       /* no leading slash */
	expect_404(a, M_GET, "/Services");      /* case matters */
	expect_404(a, M_POST, "/no-such-page"); /* 404, not 405 */
}

static void test_find_405(void **state)
{
	struct arena *a = *state;
	struct route_match m;
	bool known = false;
	/* "/" exists for GET only: a POST is 405 */
	assert_null(find(a, M_POST, "/", &m, &known));
	assert_true(known);
	known = false;
	assert_null(find(a, M_OTHER, "/services/abc", &m, &known));
	assert_true(known);
	known = false;
	assert_null(find(a, M_POST, "/faq", &m, &known));
	assert_true(known);
}

static void test_route_allow(void **state)
{
	(void)state;
	assert_string_equal(route_allow("/"), "GET, HEAD");
	assert_string_equal(route_allow("/services/abc"), "GET, HEAD");

	/* whatever the table holds, Allow agrees with it for every fixed path */
	for (size_t i = 0; i < nroutes; i++) {
		const char *p = routes[i].pattern;
		if (strchr(p, '*'))
			continue;
		bool get = false, post = false;
		for (size_t k = 0; k < nroutes; k++)
			if (strcmp(routes[k].pattern, p) == 0) {
				get |= routes[k].method == M_GET;
				post |= routes[k].method == M_POST;
			}
		const char *want = get && post ? "GET, HEAD, POST" : post ? "POST" : "GET, HEAD";
		if (strcmp(route_allow(p), want) != 0)
			fail_msg("route_allow(\"%s\") = \"%s\", want \"%s\"", p, route_allow(p), want);
	}
}

/* ---- route_validate with a made-up route ----------------------------- */

static const struct field test_fields[] = {
    {K_NAME, F_LINE, 5, true},        /* 0 */
    {K_NOTE, F_TEXT, 10, false},      /* 1 */
    {K_PAGE, F_INT, 100, false},      /* 2 */
    {K_CODE, F_SLUG, 8, false},       /* 3 */
    {K_DAY, F_DATE, 0, false},        /* 4 */
    {K_ITEM, F_MULTI, 4, false},      /* 5 */
    {K_CONFIRM, F_BOOL, 0, false},    /* 6 */
    {K_QANSWER, F_INDEXED, 8, false}, /* 7 */
    {0},
};
enum { NAME, NOTE, N, CODE, DATE, TAG, AGREE, ANSWERS };

static const struct route test_route = {M_POST, "/test", NULL, test_fields, 0, 0};

/* Parses query into params and validates them; returns the invalid count. */
static int validate(struct arena *a, const char *query, struct route_match *m)
{
	struct param *ps;
	size_t n;
	memset(m, 0, sizeof *m);
	m->route = &test_route;
	if (form_parse(a, query, strlen(query), &ps, &n) != FORM_OK)
		fail_msg("form_parse(\"%s\") failed", query);
	int bad = route_validate(a, &test_route, ps, n, m);
	assert_int_equal(bad, m->ninvalid);
	return bad;
}

/* Validates "name=ok&<extra>" and returns field k's refusal key (NULL when valid). */
static const char *field_err(struct arena *a, const char *extra, int k)
{
	static struct route_match m;
	char q[1024];
	snprintf(q, sizeof q, "name=ok&%s", extra);
	validate(a, q, &m);
	return m.vals[k].err_key;
}

static void expect_field(struct arena *a, const char *extra, int k, const char *want)
{
	const char *got = field_err(a, extra, k);
	if (want == NULL && got != NULL)
		fail_msg("\"%s\": refused with %s, want accepted", extra, got);
	if (want != NULL && (got == NULL || strcmp(got, want) != 0))
		fail_msg("\"%s\": got %s, want %s", extra, got ? got : "accepted", want);
}

static void test_validate_all_good(void **state)
{
	struct arena *a = *state;
	struct route_match m;
	int bad = validate(a,
	                   "name=%E7%8E%8B%E5%B0%8F%E6%98%8E&note=hi%0Athere&page=42&code=ab-1&day=2024-02-29"
	                   "&item=x&item=y&confirm=on&undeclared=zzz",
	                   &m);
	assert_int_equal(bad, 0);
	assert_true(m.vals[NAME].present);
	assert_string_equal(m.vals[NAME].s, "王小明");
	assert_int_equal(m.vals[NAME].len, 9);
	assert_string_equal(m.vals[NOTE].s, "hi\nthere");
	assert_int_equal(m.vals[N].i, 42);
	assert_string_equal(m.vals[CODE].s, "ab-1");
	assert_string_equal(m.vals[DATE].s, "2024-02-29");
	assert_int_equal(m.vals[TAG].nmulti, 2);
	assert_true(m.vals[AGREE].present);
	assert_int_equal(m.vals[AGREE].i, 1);
	/* every decoded parameter stays available, declared or not */
	assert_int_equal(m.nparams, 9);
	assert_string_equal(m.params[8].name, "undeclared");
}

static void test_validate_required(void **state)
{
	struct arena *a = *state;
	struct route_match m;
	assert_int_equal(validate(a, "", &m), 1);
	assert_false(m.vals[NAME].present);
	assert_string_equal(m.vals[NAME].err_key, "err_required");
	assert_string_equal(m.vals[NAME].s, "");
	/* an empty value is the same as no value */
	assert_int_equal(validate(a, "name=", &m), 1);
	assert_string_equal(m.vals[NAME].err_key, "err_required");
	assert_int_equal(validate(a, "name", &m), 1);
	assert_string_equal(m.vals[NAME].err_key, "err_required");
	/* optional fields left out are fine and read as empty */
	assert_int_equal(validate(a, "name=x", &m), 0);
	assert_false(m.vals[NOTE].present);
	assert_string_equal(m.vals[NOTE].s, "");
	assert_false(m.vals[AGREE].present);
	assert_int_equal(m.vals[AGREE].i, 0);
	/* an empty optional field counts as absent, not as invalid */
	assert_int_equal(validate(a, "name=x&page=&day=&code=", &m), 0);
	assert_false(m.vals[N].present);
	assert_false(m.vals[DATE].present);
}

static void test_validate_length_in_code_points(void **state)
{
	struct arena *a = *state;
	struct route_match m;
	/* five Chinese characters are 15 bytes but fit max 5 */
	assert_int_equal(validate(a, "name=%E5%8F%B0%E5%8C%97%E5%B8%82%E6%94%BF%E5%BA%9C", &m), 0);
	assert_string_equal(m.vals[NAME].s, "台北市政府");
	assert_int_equal(m.vals[NAME].len, 15);
	/* six do not */
	assert_int_equal(validate(a, "name=%E5%8F%B0%E5%8C%97%E5%B8%82%E6%94%BF%E5%BA%9C%E5%B9%B4", &m), 1);
	assert_string_equal(m.vals[NAME].err_key, "err_too_long");
	assert_int_equal(validate(a, "name=abcde", &m), 0);
	assert_int_equal(validate(a, "name=abcdef", &m), 1);
	assert_string_equal(m.vals[NAME].err_key, "err_too_long");
	/* F_TEXT: a newline is a code point too */
	expect_field(a, "note=0123456789", NOTE, NULL);
	expect_field(a, "note=01234%0A6789", NOTE, NULL);
	expect_field(a, "note=0123456789a", NOTE, "err_too_long");
	/* F_MULTI: each value up to max */
	expect_field(a, "item=%E5%8F%B0%E5%8C%97%E5%B8%82%E6%94%BF", TAG, NULL);
	expect_field(a, "item=abcd&item=abcde", TAG, "err_too_long");
}

static void test_validate_control_chars(void **state)
{
	struct arena *a = *state;
	/* F_LINE: one line, no control characters, not even a tab; no C1 controls */
	expect_field(a, "x=1", NAME, NULL);
	struct route_match m;
	const char *line_bad[] = {"a%0Ab", "a%0Db", "a%01", "%1B", "a%7F", "%08", "a%09b", "a%C2%85b"};
	for (size_t i = 0; i < sizeof line_bad / sizeof line_bad[0]; i++) {
		char q[64];
		snprintf(q, sizeof q, "name=%s", line_bad[i]);
		validate(a, q, &m);
		if (!m.vals[NAME].err_key || strcmp(m.vals[NAME].err_key, "err_control_chars") != 0)
			fail_msg("F_LINE \"%s\": want err_control_chars", line_bad[i]);
	}
	assert_int_equal(validate(a, "name=%E7%8E%8B%E5%B0%8F%E6%98%8E", &m), 0);
	/* F_TEXT: newlines (LF, CRLF) and tabs are fine, other controls are not */
	expect_field(a, "note=a%0Ab", NOTE, NULL);
	expect_field(a, "note=a%0D%0Ab", NOTE, NULL);
	expect_field(a, "note=a%09b", NOTE, NULL);
	expect_field(a, "note=a%01b", NOTE, "err_control_chars");
	expect_field(a, "note=a%7Fb", NOTE, "err_control_chars");
	expect_field(a, "note=%1B%5B2J", NOTE, "err_control_chars");
	/* F_MULTI is one-line */
	expect_field(a, "item=a%0Ab", TAG, "err_control_chars");
}

static void test_validate_int(void **state)
{
	struct arena *a = *state;
	struct route_match m;
	validate(a, "name=x&page=0", &m);
	assert_null(m.vals[N].err_key);
	assert_true(m.vals[N].present);
	assert_int_equal(m.vals[N].i, 0);
	validate(a, "name=x&page=100", &m);
	assert_null(m.vals[N].err_key);
	assert_int_equal(m.vals[N].i, 100);
	validate(a, "name=x&page=007", &m);
	assert_null(m.vals[N].err_key);
	assert_int_equal(m.vals[N].i, 7);
	expect_field(a, "page=101", N, "err_out_of_range");
	expect_field(a, "page=999999999999", N, "err_out_of_range");
	expect_field(a, "page=99999999999999999999999", N, "err_not_number"); /* no overflow */
	expect_field(a, "page=-1", N, "err_not_number");
	expect_field(a, "page=%2B1", N, "err_not_number");
	expect_field(a, "page=1.5", N, "err_not_number");
	expect_field(a, "page=4a", N, "err_not_number");
	expect_field(a, "page=+1", N, "err_not_number"); /* '+' decodes to a space */
	expect_field(a, "page=0x10", N, "err_not_number");
	expect_field(a, "page=%EF%BC%91", N, "err_not_number"); /* fullwidth digit one */
}

static void test_validate_slug(void **state)
{
	struct arena *a = *state;
	expect_field(a, "code=aZ09._-", CODE, NULL);
	expect_field(a, "code=abcdefgh", CODE, NULL);
	expect_field(a, "code=abcdefghi", CODE, "err_bad_code");
	expect_field(a, "code=a%2Fb", CODE, "err_bad_code");
	expect_field(a, "code=a+b", CODE, "err_bad_code");
	expect_field(a, "code=%E5%8F%B0", CODE, "err_bad_code");
	expect_field(a, "code=a%3Cb", CODE, "err_bad_code");
}

static void test_validate_date(void **state)
{
	struct arena *a = *state;
	expect_field(a, "day=2024-01-31", DATE, NULL);
	expect_field(a, "day=2024-12-01", DATE, NULL);
	expect_field(a, "day=2024-02-29", DATE, NULL); /* leap year */
	expect_field(a, "day=2000-02-29", DATE, NULL);
	const char *bad[] = {
	    "2024-13-01",  "2024-00-10", "2024-01-00",     "2024-01-32",    "2024-04-31", "2024-02-30",
	    "2023-02-29",  "1900-02-29", "2024-1-01",      "2024-01-1",     "24-01-01",   "2024/01/01",
	    "2024-01-01x", "2024-0a-01", "２０２４-01-01", "2024-01-01%20", "-024-01-01",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char q[64];
		snprintf(q, sizeof q, "day=%s", bad[i]);
		const char *e = field_err(a, q, DATE);
		if (!e || strcmp(e, "err_bad_date") != 0)
			fail_msg("date \"%s\": got %s, want err_bad_date", bad[i], e ? e : "accepted");
	}
}

static void test_validate_duplicate(void **state)
{
	struct arena *a = *state;
	struct route_match m;
	assert_int_equal(validate(a, "name=a&name=b", &m), 1);
	assert_string_equal(m.vals[NAME].err_key, "err_duplicate");
	assert_string_equal(m.vals[NAME].s, "a"); /* the first is kept for redisplay */
	/* even two identical values */
	assert_int_equal(validate(a, "name=a&page=1&page=1", &m), 1);
	assert_string_equal(m.vals[N].err_key, "err_duplicate");
	/* even when the first was empty */
	assert_int_equal(validate(a, "name=a&code=&code=b", &m), 1);
	assert_string_equal(m.vals[CODE].err_key, "err_duplicate");
}

static void test_validate_multi(void **state)
{
	struct arena *a = *state;
	struct route_match m;
	assert_int_equal(validate(a, "item=b&name=x&item=&item=a&item=b", &m), 0);
	assert_true(m.vals[TAG].present);
	assert_int_equal(m.vals[TAG].nmulti, 3); /* in order, empties skipped, repeats kept */
	assert_string_equal(m.vals[TAG].multi[0], "b");
	assert_string_equal(m.vals[TAG].multi[1], "a");
	assert_string_equal(m.vals[TAG].multi[2], "b");
	assert_int_equal(validate(a, "name=x", &m), 0);
	assert_int_equal(m.vals[TAG].nmulti, 0);

	/* more than MAX_MULTI values */
	struct buf b;
	buf_init(&b);
	buf_puts(&b, "name=x");
	for (int i = 0; i <= MAX_MULTI; i++)
		buf_printf(&b, "&item=%d", i % 10);
	assert_int_equal(validate(a, b.data, &m), 1);
	assert_string_equal(m.vals[TAG].err_key, "err_too_many");
	assert_int_equal(m.vals[TAG].nmulti, MAX_MULTI);
	buf_free(&b);
}

static void test_validate_indexed(void **state)
{
	struct arena *a = *state;
	struct route_match m;
	/* a1..a30 (or a checkbox group's a1[]..a30[]) in the order sent, with their index; other names
	 * ignored, empties skipped */
	assert_int_equal(
	    validate(a,
	             "a2=x&name=x&a1=1&a=z&a0=z&a01=z&a31=z&a1x=z&a30=line%0Atwo&a12=&a2=y&a4%5B%5D=c&a4%5B=z&"
	             "a4%5B%5Dx=z&a%5B%5D=z",
	             &m),
	    0);
	const struct fval *v = &m.vals[ANSWERS];
	assert_true(v->present);
	assert_int_equal(v->nmulti, 5);
	static const char *const want[] = {"x", "1", "line\ntwo", "y", "c"};
	static const unsigned want_index[] = {2, 1, 30, 2, 4};
	for (size_t i = 0; i < 5; i++) {
		assert_string_equal(v->multi[i], want[i]);
		assert_int_equal(v->multi_index[i], want_index[i]);
	}
	assert_int_equal(validate(a, "name=x&a99999999999=1", &m), 0);
	assert_false(m.vals[ANSWERS].present);
	/* each value checked as text: length in code points, control characters */
	expect_field(a, "a3=%E4%B8%80%E4%BA%8C%E4%B8%89%E5%9B%9B%E4%BA%94%E5%85%AD", ANSWERS, NULL);
	expect_field(a, "a3=123456789", ANSWERS, "err_too_long");
	expect_field(a, "a3=%01", ANSWERS, "err_control_chars");
}

static void test_validate_counts_every_bad_field(void **state)
{
	struct arena *a = *state;
	struct route_match m;
	assert_int_equal(validate(a, "page=x&code=%2F&day=no&note=%01", &m), 5);
	assert_string_equal(m.vals[NAME].err_key, "err_required");
	assert_string_equal(m.vals[N].err_key, "err_not_number");
	assert_string_equal(m.vals[CODE].err_key, "err_bad_code");
	assert_string_equal(m.vals[DATE].err_key, "err_bad_date");
	assert_string_equal(m.vals[NOTE].err_key, "err_control_chars");
	assert_null(m.vals[AGREE].err_key);
}

static void test_validate_route_without_fields(void **state)
{
	struct arena *a = *state;
	static const struct route bare = {M_GET, "/bare", NULL, NULL, 0, 0};
	struct route_match m;
	memset(&m, 0, sizeof m);
	struct param ps[] = {{"x", "1", 1}};
	assert_int_equal(route_validate(a, &bare, ps, 1, &m), 0);
	assert_int_equal(m.nparams, 1);
}

static void test_req_val(void **state)
{
	struct arena *a = *state;
	struct route_match m;
	validate(a, "name=abc&page=5&extra=1", &m);
	m.ncap = 1;
	m.cap[0] = "cap0";
	struct req rq;
	memset(&rq, 0, sizeof rq);
	rq.match = &m;
	assert_ptr_equal(req_val(&rq, K_NAME), &m.vals[NAME]);
	assert_string_equal(req_val(&rq, K_NAME)->s, "abc");
	assert_int_equal(req_val(&rq, K_PAGE)->i, 5);
	/* an undeclared key is an empty value, never NULL, even if it was sent */
	const struct fval *v = req_val(&rq, K_EXTRA);
	assert_non_null(v);
	assert_false(v->present);
	assert_string_equal(v->s, "");
	assert_int_equal(v->len, 0);
	assert_null(v->err_key);
	v = req_val(&rq, K_SUBJECT);
	assert_non_null(v);
	assert_string_equal(v->s, "");
	assert_string_equal(req_cap(&rq, 0), "cap0");
	assert_string_equal(req_cap(&rq, 1), "");
	/* no match at all (error pages): still an empty value */
	rq.match = NULL;
	v = req_val(&rq, K_NAME);
	assert_non_null(v);
	assert_string_equal(v->s, "");
	assert_string_equal(req_cap(&rq, 0), "");
}

/* Every key has a name of its own: a key the table forgot would never match its field. */
static void test_key_names(void **state)
{
	(void)state;
	assert_string_equal(key_name(K__NONE), "");
	assert_string_equal(key_name(K__MAX), "");
	for (int k = 1; k < K__MAX; k++) {
		const char *n = key_name((enum key)k);
		if (!*n)
			fail_msg("key %d has no name", k);
		for (int j = 1; j < k; j++)
			if (strcmp(n, key_name((enum key)j)) == 0)
				fail_msg("keys %d and %d are both \"%s\"", j, k, n);
	}
	assert_string_equal(key_name(K_READ_BACK), "read_back");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_find_root, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_find_capture, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_find_no_match, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_find_405, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_route_allow, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_validate_all_good, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_validate_required, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_validate_length_in_code_points, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_validate_control_chars, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_validate_int, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_validate_slug, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_validate_date, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_validate_duplicate, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_validate_multi, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_validate_indexed, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_validate_counts_every_bad_field, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_validate_route_without_fields, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_req_val, setup, teardown),
	    cmocka_unit_test(test_key_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

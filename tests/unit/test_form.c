/*
 * test_form.c -- unit tests for app/form: percent-decoding, query and
 * urlencoded-body parsing, multipart/form-data bodies, Cookie header lookup.  Everything a handler
 * receives went through these, so the refusals matter as much as the
 * decodings.  No HTTP, no store.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "app/form.h"

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

/* form_unescape over a C string; *out is set only on FORM_OK. */
static enum form_err unesc(struct arena *a, const char *s, bool plus, const char **out, size_t *len)
{
	char *o = NULL;
	size_t n = 0;
	enum form_err e = form_unescape(a, s, strlen(s), plus, &o, &n);
	if (e == FORM_OK) {
		assert_non_null(o);
		assert_int_equal(o[n], '\0');
		assert_int_equal(strlen(o), n); /* no NUL inside a decoded value */
	}
	*out = o;
	*len = n;
	return e;
}

/* Decodes s and checks the result equals want. */
static void expect_ok(struct arena *a, const char *s, bool plus, const char *want)
{
	const char *out;
	size_t len;
	enum form_err e = unesc(a, s, plus, &out, &len);
	if (e != FORM_OK)
		fail_msg("form_unescape(\"%s\") = %d, want FORM_OK", s, e);
	assert_string_equal(out, want);
	assert_int_equal(len, strlen(want));
}

static void expect_err(struct arena *a, const char *s, enum form_err want)
{
	const char *out;
	size_t len;
	enum form_err e = unesc(a, s, true, &out, &len);
	if (e != want)
		fail_msg("form_unescape(\"%s\") = %d, want %d", s, e, want);
}

/* ---- form_unescape --------------------------------------------------- */

static void test_unescape_basic(void **state)
{
	struct arena *a = *state;
	expect_ok(a, "", true, "");
	expect_ok(a, "plain", true, "plain");
	expect_ok(a, "%41", true, "A");
	expect_ok(a, "%41%42c", false, "ABc");
	expect_ok(a, "%2f%2F", false, "//"); /* both hex cases */
	expect_ok(a, "a%20b", false, "a b");
	expect_ok(a, "%25", false, "%"); /* an escaped % is not re-decoded */
	expect_ok(a, "%2541", false, "%41");
}

static void test_unescape_plus(void **state)
{
	struct arena *a = *state;
	expect_ok(a, "a+b", true, "a b");
	expect_ok(a, "a+b", false, "a+b"); /* paths: + is a plus */
	expect_ok(a, "%2B", true, "+");    /* an escaped plus stays a plus */
	expect_ok(a, "++", true, "  ");
}

static void test_unescape_bad_escapes(void **state)
{
	struct arena *a = *state;
	expect_err(a, "%4", FORM_BAD_ESCAPE);
	expect_err(a, "x%4", FORM_BAD_ESCAPE);
	expect_err(a, "%zz", FORM_BAD_ESCAPE);
	expect_err(a, "%4g", FORM_BAD_ESCAPE);
	expect_err(a, "%g4", FORM_BAD_ESCAPE);
	expect_err(a, "%", FORM_BAD_ESCAPE);
	expect_err(a, "abc%", FORM_BAD_ESCAPE);
	expect_err(a, "%%41", FORM_BAD_ESCAPE);
	expect_err(a, "% 41", FORM_BAD_ESCAPE);

	/* the escape is checked against n, not against the NUL: "%41" cut to 2 */
	char *o;
	size_t n;
	assert_int_equal(form_unescape(a, "%41", 2, true, &o, &n), FORM_BAD_ESCAPE);
	assert_int_equal(form_unescape(a, "x%41", 1, true, &o, &n), FORM_OK);
	assert_string_equal(o, "x");
}

static void test_unescape_nul(void **state)
{
	struct arena *a = *state;
	expect_err(a, "%00", FORM_NUL);
	expect_err(a, "a%00b", FORM_NUL);
	char *o;
	size_t n;
	assert_int_equal(form_unescape(a, "a\0b", 3, true, &o, &n), FORM_NUL); /* a raw NUL too */
}

static void test_unescape_utf8(void **state)
{
	struct arena *a = *state;
	expect_ok(a, "%E5%8F%B0%E5%8C%97", true, "台北");
	expect_ok(a, "台北", true, "台北"); /* raw UTF-8 passes */
	expect_ok(a, "%c3%a9", true, "é");
	expect_ok(a, "%F0%9F%98%80", true, "\xf0\x9f\x98\x80"); /* 4-byte U+1F600 */
	expect_ok(a, "%f4%8f%bf%bf", true, "\xf4\x8f\xbf\xbf"); /* U+10FFFF */

	expect_err(a, "%ff", FORM_BAD_UTF8);
	expect_err(a, "%fe%ff", FORM_BAD_UTF8);
	expect_err(a, "%80", FORM_BAD_UTF8); /* lone continuation */
	expect_err(a, "%c3", FORM_BAD_UTF8); /* truncated */
	expect_err(a, "%e5%8f", FORM_BAD_UTF8);
	expect_err(a, "%c0%af", FORM_BAD_UTF8);       /* overlong '/' */
	expect_err(a, "%e0%80%af", FORM_BAD_UTF8);    /* overlong '/' */
	expect_err(a, "%ed%a0%80", FORM_BAD_UTF8);    /* surrogate U+D800 */
	expect_err(a, "%ed%bf%bf", FORM_BAD_UTF8);    /* surrogate U+DFFF */
	expect_err(a, "%f4%90%80%80", FORM_BAD_UTF8); /* past U+10FFFF */
	expect_err(a, "ok\xff", FORM_BAD_UTF8);       /* a raw bad byte */
	expect_err(a, "%c0%af%2e%2e", FORM_BAD_UTF8);
}

/* ---- form_parse ------------------------------------------------------ */

static struct param *parse_ok(struct arena *a, const char *s, size_t *n)
{
	struct param *ps = NULL;
	enum form_err e = form_parse(a, s, strlen(s), &ps, n);
	if (e != FORM_OK)
		fail_msg("form_parse(\"%s\") = %d", s, e);
	for (size_t i = 0; i < *n; i++) {
		assert_non_null(ps[i].name);
		assert_non_null(ps[i].val);
		assert_int_equal(strlen(ps[i].val), ps[i].len);
	}
	return ps;
}

static void assert_param(const struct param *p, const char *name, const char *val)
{
	assert_string_equal(p->name, name);
	assert_string_equal(p->val, val);
	assert_int_equal(p->len, strlen(val));
}

static void test_parse_basic(void **state)
{
	struct arena *a = *state;
	size_t n;
	struct param *ps = parse_ok(a, "a=1&b=two", &n);
	assert_int_equal(n, 2);
	assert_param(&ps[0], "a", "1");
	assert_param(&ps[1], "b", "two");

	ps = parse_ok(a, "", &n);
	assert_int_equal(n, 0);

	ps = parse_ok(a, "first+name=%E7%8E%8B+%E5%B0%8F%E6%98%8E&q=a%2Bb%3Dc%26d", &n);
	assert_int_equal(n, 2);
	assert_param(&ps[0], "first name", "王 小明");
	assert_param(&ps[1], "q", "a+b=c&d"); /* escaped separators are data */

	ps = parse_ok(a, "x=a=b", &n); /* only the first '=' splits */
	assert_int_equal(n, 1);
	assert_param(&ps[0], "x", "a=b");
}

static void test_parse_empty_pieces_and_bare_names(void **state)
{
	struct arena *a = *state;
	size_t n;
	struct param *ps = parse_ok(a, "&&a=1&&&b=2&", &n);
	assert_int_equal(n, 2);
	assert_param(&ps[0], "a", "1");
	assert_param(&ps[1], "b", "2");

	ps = parse_ok(a, "&&&", &n);
	assert_int_equal(n, 0);

	ps = parse_ok(a, "agree&x=", &n);
	assert_int_equal(n, 2);
	assert_param(&ps[0], "agree", "");
	assert_param(&ps[1], "x", "");
}

static void test_parse_repeats_in_order(void **state)
{
	struct arena *a = *state;
	size_t n;
	struct param *ps = parse_ok(a, "tag=b&x=1&tag=a&tag=c", &n);
	assert_int_equal(n, 4);
	assert_param(&ps[0], "tag", "b");
	assert_param(&ps[1], "x", "1");
	assert_param(&ps[2], "tag", "a");
	assert_param(&ps[3], "tag", "c");
}

static void test_parse_honours_length(void **state)
{
	struct arena *a = *state;
	struct param *ps;
	size_t n;
	const char *s = "a=1&b=2";
	assert_int_equal(form_parse(a, s, 3, &ps, &n), FORM_OK);
	assert_int_equal(n, 1);
	assert_param(&ps[0], "a", "1");
}

static void test_parse_errors(void **state)
{
	struct arena *a = *state;
	struct param *ps;
	size_t n;
	assert_int_equal(form_parse(a, "a=1&b=%zz", 9, &ps, &n), FORM_BAD_ESCAPE);
	assert_int_equal(form_parse(a, "a%zz=1", 6, &ps, &n), FORM_BAD_ESCAPE);
	assert_int_equal(form_parse(a, "a=%00", 5, &ps, &n), FORM_NUL);
	assert_int_equal(form_parse(a, "a=%ff", 5, &ps, &n), FORM_BAD_UTF8);
	assert_int_equal(form_parse(a, "%c0%af=1", 8, &ps, &n), FORM_BAD_UTF8);
}

static void test_parse_too_many(void **state)
{
	struct arena *a = *state;
	struct buf b;
	buf_init(&b);
	for (int i = 0; i < FORM_MAX_PARAMS; i++)
		buf_printf(&b, "%sp%d=%d", i ? "&" : "", i, i);
	struct param *ps;
	size_t n;
	/* exactly the maximum is fine */
	assert_int_equal(form_parse(a, b.data, b.len, &ps, &n), FORM_OK);
	assert_int_equal(n, FORM_MAX_PARAMS);
	assert_param(&ps[FORM_MAX_PARAMS - 1], "p127", "127");
	/* one more is refused */
	buf_puts(&b, "&one=more");
	assert_int_equal(form_parse(a, b.data, b.len, &ps, &n), FORM_TOO_MANY);
	buf_free(&b);
}

/* ---- cookie_get ------------------------------------------------------ */

static void test_cookie_several(void **state)
{
	struct arena *a = *state;
	const char *h = "sid=abc123; lang=en; theme=dark";
	assert_string_equal(cookie_get(a, h, "sid"), "abc123");
	assert_string_equal(cookie_get(a, h, "lang"), "en");
	assert_string_equal(cookie_get(a, h, "theme"), "dark");
	assert_null(cookie_get(a, h, "csrf"));
	assert_null(cookie_get(a, NULL, "sid"));
	assert_null(cookie_get(a, "", "sid"));
}

static void test_cookie_spaces(void **state)
{
	struct arena *a = *state;
	const char *h = "  a=1;b=2 ;\tc=3\t;   d=4   ";
	assert_string_equal(cookie_get(a, h, "a"), "1");
	assert_string_equal(cookie_get(a, h, "b"), "2");
	assert_string_equal(cookie_get(a, h, "c"), "3");
	assert_string_equal(cookie_get(a, h, "d"), "4");
	assert_string_equal(cookie_get(a, "e=", "e"), ""); /* present but empty */
	assert_string_equal(cookie_get(a, "x=1;;; y=2", "y"), "2");
}

static void test_cookie_quoted(void **state)
{
	struct arena *a = *state;
	assert_string_equal(cookie_get(a, "sid=\"q v\"; x=1", "sid"), "q v");
	assert_string_equal(cookie_get(a, "sid=\"\"", "sid"), "");
	/* a lone quote is not a quoted value */
	assert_string_equal(cookie_get(a, "sid=\"", "sid"), "\"");
	/* '=' inside a value is data */
	assert_string_equal(cookie_get(a, "tok=a=b==", "tok"), "a=b==");
}

static void test_cookie_prefix_names(void **state)
{
	struct arena *a = *state;
	const char *h = "sid2=two; xsid=ex; sid=one";
	assert_string_equal(cookie_get(a, h, "sid"), "one");
	assert_string_equal(cookie_get(a, h, "sid2"), "two");
	assert_null(cookie_get(a, h, "si"));
	assert_null(cookie_get(a, h, "sid22"));
	/* a name inside another cookie's value is not a cookie */
	assert_null(cookie_get(a, "x=sid=evil", "sid"));
	assert_string_equal(cookie_get(a, "x=sid=evil; sid=good", "sid"), "good");
	/* the first of two same-named cookies wins */
	assert_string_equal(cookie_get(a, "sid=first; sid=second", "sid"), "first");
	/* the result is a copy that outlives the header */
	char hdr[] = "sid=copy";
	const char *v = cookie_get(a, hdr, "sid");
	hdr[4] = 'X';
	assert_string_equal(v, "copy");
}

/* ---- multipart/form-data ---- */

#define CT "multipart/form-data; boundary=XyZ"

static enum form_err mp(struct arena *a, const char *body, size_t n, const char *ct, struct param **ps, size_t *np,
                        struct upload **us, size_t *nu)
{
	*np = *nu = 0;
	return form_multipart(a, body, n, ct, ps, np, us, nu);
}

static void test_multipart_fields_and_file(void **state)
{
	static const char body[] = "--XyZ\r\n"
	                           "Content-Disposition: form-data; name=\"csrf\"\r\n\r\n"
	                           "tok\r\n"
	                           "--XyZ\r\n"
	                           "Content-Disposition: form-data; name=\"title_zh\"\r\n\r\n"
	                           "申請書\r\n"
	                           "--XyZ\r\n"
	                           "Content-Disposition: form-data; name=\"file\"; filename=\"C:\\\\dir\\\\f.pdf\"\r\n"
	                           "Content-Type: application/pdf\r\n\r\n"
	                           "%PDF-\0\r\n--X\r\n"
	                           "\r\n--XyZ--\r\n";
	struct param *ps;
	struct upload *us;
	size_t np, nu;
	assert_int_equal(mp(*state, body, sizeof body - 1, CT, &ps, &np, &us, &nu), FORM_OK);
	assert_int_equal(np, 2);
	assert_string_equal(ps[0].name, "csrf");
	assert_string_equal(ps[0].val, "tok");
	assert_string_equal(ps[1].val, "申請書");
	assert_int_equal(nu, 1);
	assert_string_equal(us[0].name, "file");
	assert_string_equal(us[0].filename, "f.pdf");
	/* the file's bytes as sent: a NUL, a CRLF and a near-delimiter inside */
	assert_int_equal(us[0].len, 13);
	assert_memory_equal(us[0].data, "%PDF-\0\r\n--X\r\n", 13);
}

static void test_multipart_quoted_boundary_and_preamble(void **state)
{
	static const char body[] = "preamble\r\n--a b\r\n"
	                           "Content-Disposition: form-data; filename=\"x\"; name=\"f\"\r\n\r\n"
	                           "\r\n--a b--";
	struct param *ps;
	struct upload *us;
	size_t np, nu;
	assert_int_equal(mp(*state, body, sizeof body - 1, "multipart/form-data; boundary=\"a b\"", &ps, &np, &us, &nu),
	                 FORM_OK);
	assert_int_equal(nu, 1);
	assert_string_equal(us[0].name, "f");
	assert_int_equal(us[0].len, 0);
}

static void test_multipart_refused(void **state)
{
	struct param *ps;
	struct upload *us;
	size_t np, nu;
	struct arena *a = *state;
	static const char ok_part[] = "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nv\r\n--XyZ--";
	/* no or a bad boundary */
	assert_int_equal(mp(a, ok_part, sizeof ok_part - 1, "multipart/form-data", &ps, &np, &us, &nu),
	                 FORM_BAD_MULTIPART);
	assert_int_equal(mp(a, ok_part, sizeof ok_part - 1, "text/plain; boundary=XyZ", &ps, &np, &us, &nu),
	                 FORM_BAD_MULTIPART);
	/* cut before the closing delimiter */
	assert_int_equal(mp(a, ok_part, sizeof ok_part - 9, CT, &ps, &np, &us, &nu), FORM_BAD_MULTIPART);
	/* a part without a name */
	static const char noname[] = "--XyZ\r\nContent-Disposition: form-data\r\n\r\nv\r\n--XyZ--";
	assert_int_equal(mp(a, noname, sizeof noname - 1, CT, &ps, &np, &us, &nu), FORM_BAD_MULTIPART);
	/* "filename" is not "name" */
	static const char onlyfile[] = "--XyZ\r\nContent-Disposition: form-data; filename=\"f\"\r\n\r\nv\r\n--XyZ--";
	assert_int_equal(mp(a, onlyfile, sizeof onlyfile - 1, CT, &ps, &np, &us, &nu), FORM_BAD_MULTIPART);
	/* text fields are checked like urlencoded ones */
	static const char nul[] = "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nv\0w\r\n--XyZ--";
	assert_int_equal(mp(a, nul, sizeof nul - 1, CT, &ps, &np, &us, &nu), FORM_NUL);
	static const char bad[] = "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n\xff\r\n--XyZ--";
	assert_int_equal(mp(a, bad, sizeof bad - 1, CT, &ps, &np, &us, &nu), FORM_BAD_UTF8);
	/* more files than allowed */
	struct buf b;
	buf_init(&b);
	for (int i = 0; i <= FORM_MAX_UPLOADS; i++)
		buf_printf(&b, "--XyZ\r\nContent-Disposition: form-data; name=\"f%d\"; filename=\"x\"\r\n\r\nv\r\n", i);
	buf_puts(&b, "--XyZ--");
	assert_int_equal(mp(a, b.data, b.len, CT, &ps, &np, &us, &nu), FORM_BAD_MULTIPART);
	buf_free(&b);
	assert_int_equal(mp(a, "", 0, CT, &ps, &np, &us, &nu), FORM_BAD_MULTIPART);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_unescape_basic, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_unescape_plus, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_unescape_bad_escapes, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_unescape_nul, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_unescape_utf8, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_parse_basic, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_parse_empty_pieces_and_bare_names, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_parse_repeats_in_order, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_parse_honours_length, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_parse_errors, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_parse_too_many, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_cookie_several, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_cookie_spaces, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_cookie_quoted, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_cookie_prefix_names, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_multipart_fields_and_file, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_multipart_quoted_boundary_and_preamble, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_multipart_refused, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

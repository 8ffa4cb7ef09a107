/*
 * test_jsonread.c -- util/jsonread: every refusal names the file, the path
 * to the field and what is wrong; all of them are collected; typed reads
 * give their defaults when a member is absent.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "util/jsonread.h"

static json_t *doc(const char *text)
{
	json_error_t je;
	json_t *v = json_loads(text, 0, &je);
	assert_non_null(v);
	return v;
}

static void test_paths_and_messages(void **state)
{
	(void)state;
	json_t *d = doc("{\"services\":[{\"code\":\"ok\"},{\"code\":\"bad code\",\"days\":\"3\",\"name\":{\"zh\":1},"
	                "\"typo\":true}]}");
	struct jread r;
	jread_init(&r, "office.json");
	const json_t *svcs = jread_array(&r, d, "services", true);
	for (size_t i = 0; i < json_array_size(svcs); i++) {
		const json_t *s = json_array_get(svcs, i);
		size_t m = jread_push_key(&r, "services");
		jread_push_index(&r, i);
		static const char *const known[] = {"code", "days", "name", NULL};
		jread_known(&r, s, known);
		jread_str(&r, s, "code", true, JR_SLUG, 64);
		jread_int(&r, s, "days", false, 0, 365, 0);
		const char *name[LANG__MAX];
		jread_text(&r, s, "name", i == 1, JR_LINE, 200, name);
		jread_pop(&r, m);
	}
	assert_int_equal(r.nerrors, 4);
	const char *e = buf_str(&r.errors);
	assert_non_null(strstr(e, "office.json: services[1].typo: unknown field\n"));
	assert_non_null(strstr(e, "office.json: services[1].code: may hold only letters"));
	assert_non_null(strstr(e, "office.json: services[1].days: must be a whole number\n"));
	assert_non_null(strstr(e, "office.json: services[1].name.zh: must be a string\n"));
	assert_null(strstr(e, "services[0]"));
	assert_int_equal(r.plen, 0);
	jread_free(&r);
	json_decref(d);
}

static void test_shapes(void **state)
{
	(void)state;
	json_t *d = doc("{\"d\":\"2026-02-30\",\"bad\":\"2026-2-3\",\"t\":\"2026-01-05T01:00:00Z\",\"l\":\"a\\nb\","
	                "\"x\":\"abc\",\"long\":\"一二三四\",\"n\":500,\"b\":1}");
	struct jread r;
	jread_init(&r, "f");
	assert_string_equal(jread_str(&r, d, "d", true, JR_DATE, 10), "2026-02-30"); /* shape only */
	assert_null(jread_str(&r, d, "bad", true, JR_DATE, 10));
	assert_non_null(jread_str(&r, d, "t", true, JR_TIME, 20));
	assert_null(jread_str(&r, d, "l", true, JR_LINE, 10));
	assert_non_null(jread_str(&r, d, "l", true, JR_TEXT, 10));
	assert_non_null(jread_str(&r, d, "x", true, JR_HEX, 10));
	assert_null(jread_str(&r, d, "long", true, JR_TEXT, 3));
	assert_non_null(jread_str(&r, d, "long", true, JR_TEXT, 4));
	assert_int_equal(jread_int(&r, d, "n", true, 0, 100, 7), 7);
	assert_int_equal(jread_int(&r, d, "absent", false, 0, 100, 7), 7);
	assert_true(jread_bool(&r, d, "b", true));
	assert_null(jread_str(&r, d, "absent", true, JR_TEXT, 10));
	assert_int_equal(r.nerrors, 6);
	assert_non_null(strstr(buf_str(&r.errors), "f: absent: required\n"));
	assert_non_null(strstr(buf_str(&r.errors), "f: long: longer than 3 characters\n"));
	jread_free(&r);
	json_decref(d);
}

static void test_long_paths_and_many_errors(void **state)
{
	(void)state;
	struct jread r;
	jread_init(&r, "f");
	size_t m = jread_push_key(&r, "a");
	for (int i = 0; i < 200; i++)
		jread_push_key(&r, "segment");
	assert_true(r.plen < JREAD_PATH_MAX);
	jread_pop(&r, m);
	assert_int_equal(r.plen, 0);
	for (int i = 0; i < 100; i++)
		jread_error(&r, "e%d", i);
	assert_int_equal(r.nerrors, 100);
	assert_non_null(strstr(buf_str(&r.errors), "(more errors not shown)"));
	assert_null(strstr(buf_str(&r.errors), "e60"));
	jread_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_paths_and_messages),
	    cmocka_unit_test(test_shapes),
	    cmocka_unit_test(test_long_paths_and_many_errors),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * test_search_text.c -- the pure half of search (domain/search_text.c):
 * English plural groups, reranking for people, and the helpers the search
 * page shares (cjk_has_han, utf8_chars_len).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "domain/cjk.h"
#include "domain/search_text.h"

static void test_plural_groups(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	const char **syn = NULL;
	size_t n = 0;
	const char *q = "crops families bus ox 2x4s";
	search_plural_groups(a, q, strlen(q), &syn, &n);
	/* "ox" is too short, "x" part of a longer token */
	assert_int_equal(n, 3);
	assert_string_equal(syn[0], "crops|crop");
	assert_string_equal(syn[1], "families|family");
	assert_string_equal(syn[2], "bus|buses");
	n = 0;
	q = "fox church city";
	search_plural_groups(a, q, strlen(q), &syn, &n);
	assert_int_equal(n, 3);
	assert_string_equal(syn[0], "fox|foxes");
	assert_string_equal(syn[1], "church|churches");
	assert_string_equal(syn[2], "city|cities");
	arena_free(a);
}

static void test_rerank(void **state)
{
	(void)state;
	struct cjk_terms terms;
	struct buf m;
	buf_init(&m);
	assert_true(cjk_query_build("路燈", strlen("路燈"), NULL, 0, &m, &terms, 0) > 0);
	buf_free(&m);
	/* bm25 scores are negative: lower is better */
	struct search_hit hits[] = {
	    {.kind = SEARCH_FAQ, .lang = LANG_EN, .title = "Street lights", .score = -9},
	    {.kind = SEARCH_NEWS, .lang = LANG_ZH, .title = "公告", .score = -4},
	    {.kind = SEARCH_FAQ, .lang = LANG_ZH, .title = "其他", .score = -3},
	    {.kind = SEARCH_SERVICE, .lang = LANG_ZH, .title = "路燈報修", .score = -2.5},
	};
	search_rerank(hits, 4, LANG_ZH, &terms);
	/* the title match (-3.75) beats -3; news counts less (-2.8); English last */
	assert_string_equal(hits[0].title, "路燈報修");
	assert_string_equal(hits[1].title, "其他");
	assert_string_equal(hits[2].title, "公告");
	assert_string_equal(hits[3].title, "Street lights");
	assert_true(hits[0].rank_lang && !hits[3].rank_lang);
}

static void test_kinds_and_helpers(void **state)
{
	(void)state;
	for (int k = 0; k < SEARCH_KIND__MAX; k++)
		assert_int_equal(search_kind_parse(search_kind_name((enum search_kind)k)), k);
	assert_int_equal(search_kind_parse("page"), SEARCH_KIND__MAX);
	assert_null(search_kind_name(SEARCH_KIND__MAX));
	assert_true(cjk_has_han("road 路"));
	assert_true(cjk_has_han("王○明"));
	assert_false(cjk_has_han("road"));
	assert_false(cjk_has_han(NULL));
	assert_int_equal(utf8_chars_len("路燈ab", strlen("路燈ab"), 3), 7);
	assert_int_equal(utf8_chars_len("ab", 2, 5), 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_plural_groups),
	    cmocka_unit_test(test_rerank),
	    cmocka_unit_test(test_kinds_and_helpers),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

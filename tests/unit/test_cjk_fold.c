/*
 * test_cjk_fold.c -- the generated Han folding table (domain/cjk_fold_table.h,
 * scripts/gen-cjk-fold.py): sorted and unique (han_lookup's binary search
 * needs both), idempotent (folding a folded character changes nothing), and
 * the table cjk_fold actually uses.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "domain/cjk.h"
#include "domain/cjk_fold_table.h"

enum { N = sizeof fold_han / sizeof fold_han[0] };

static void test_sorted_and_unique(void **state)
{
	(void)state;
	assert_true(N > 3000); /* simplified forms, variants, compatibility ideographs, radicals */
	for (size_t i = 1; i < N; i++)
		if (fold_han[i - 1].from >= fold_han[i].from)
			fail_msg("row %zu: U+%04X after U+%04X", i, (unsigned)fold_han[i].from,
			         (unsigned)fold_han[i - 1].from);
}

static void test_idempotent(void **state)
{
	(void)state;
	for (size_t i = 0; i < N; i++) {
		uint32_t from = fold_han[i].from, to = fold_han[i].to;
		if (from == to)
			fail_msg("U+%04X folds to itself", (unsigned)from);
		/* the table is the one cjk_fold uses, and a target folds no further */
		enum cjk_class c1, c2;
		assert_int_equal(cjk_fold_class(from, &c1), to);
		assert_int_equal(c1, CJK_HAN);
		if (cjk_fold_class(to, &c2) != to || c2 != CJK_HAN)
			fail_msg("U+%04X -> U+%04X folds again", (unsigned)from, (unsigned)to);
	}
}

static void test_known_rows(void **state)
{
	(void)state;
	assert_int_equal(cjk_fold(0x8FD9), 0x9019); /* 这 -> 這 (simplified) */
	assert_int_equal(cjk_fold(0x7232), 0x70BA); /* 爲 -> 為 (Taiwan form) */
	assert_int_equal(cjk_fold(0x81FA), 0x53F0); /* 臺 -> 台 (by hand) */
	assert_int_equal(cjk_fold(0x2F3E), 0x6236); /* ⼾ -> 戶 (Kangxi radical) */
	assert_int_equal(cjk_fold(0x91CC), 0x91CC); /* 里 stays: ordinary traditional text */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_sorted_and_unique),
	    cmocka_unit_test(test_idempotent),
	    cmocka_unit_test(test_known_rows),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

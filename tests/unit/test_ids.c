/*
 * test_ids.c -- unit tests for domain/ids.c: daily numbers past 9,999 (they
 * grow a digit, never wrap) and the one-time form token (its record hash and
 * query code are fixed by the token, differ from each other, and a code is
 * one ids_normalize_code accepts).  libsodium and cmocka only.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>
#include <sodium.h>

#include "domain/cal.h"
#include "domain/ids.h"

static void test_number_past_9999(void **state)
{
	(void)state;
	int32_t day = cal_ymd_to_day(2026, 3, 3);
	char no[NO_SIZE];
	ids_number('P', day, 9999, no);
	assert_string_equal(no, "P1150303-9999");
	ids_number('P', day, 10000, no);
	assert_string_equal(no, "P1150303-10000");
	assert_true(ids_number_valid(no));
	ids_number('A', day, 10001, no);
	assert_string_equal(no, "A1150303-10001");
	assert_true(ids_number_valid(no));
	ids_number('A', day, 7, no);
	assert_string_equal(no, "A1150303-0007");
	/* five digits only as ids_number writes them */
	assert_false(ids_number_valid("A1150303-01000"));
	assert_false(ids_number_valid("A1150303-123"));
	assert_false(ids_number_valid("A1150303-1234567"));
	/* the sequence read back, as the next number of a day is found */
	assert_int_equal(ids_number_seq("A1150303-0007"), 7);
	assert_int_equal(ids_number_seq("P1150303-10000"), 10000);
	assert_int_equal(ids_number_seq("P1150303-01000"), 0);
	assert_int_equal(ids_number_seq(""), 0);
	assert_int_equal(ids_number_seq(NULL), 0);
}

static void test_email_ok(void **state)
{
	(void)state;
	assert_true(ids_email_ok("mei@example.org"));
	assert_true(ids_email_ok("a.b+c@sub.example.tw"));
	assert_false(ids_email_ok("@example.org"));
	assert_false(ids_email_ok("mei@example"));
	assert_false(ids_email_ok("mei@a@b.org"));
	assert_false(ids_email_ok("mei lin@example.org"));
	assert_false(ids_email_ok("<mei@example.org>"));
}

static void test_form_once(void **state)
{
	(void)state;
	const char *once = "0123456789abcdef0123456789abcdef";
	assert_true(ids_form_once_valid(once));
	assert_false(ids_form_once_valid("0123456789ABCDEF0123456789ABCDEF"));
	assert_false(ids_form_once_valid("0123456789abcdef"));
	assert_false(ids_form_once_valid("0123456789abcdef0123456789abcdef0"));
	assert_false(ids_form_once_valid(""));

	char h1[FORM_HASH_SIZE], h2[FORM_HASH_SIZE], c1[QUERY_CODE_LEN + 1], c2[QUERY_CODE_LEN + 1],
	    norm[QUERY_CODE_LEN + 1];
	ids_form_hash(once, h1);
	ids_form_hash(once, h2);
	assert_string_equal(h1, h2);
	assert_int_equal(strlen(h1), 64);
	ids_query_code_for(once, c1);
	ids_query_code_for(once, c2);
	assert_string_equal(c1, c2); /* a repeat of the form shows the same code */
	assert_true(ids_normalize_code(c1, norm));
	assert_string_equal(norm, c1);
	assert_null(strpbrk(c1, "01ILO"));
	/* another token: another hash and another code */
	ids_form_hash("fedcba9876543210fedcba9876543210", h2);
	ids_query_code_for("fedcba9876543210fedcba9876543210", c2);
	assert_string_not_equal(h1, h2);
	assert_string_not_equal(c1, c2);
	/* the record's hash does not show the code */
	assert_null(strstr(h1, c1));
}

int main(void)
{
	if (sodium_init() < 0)
		return 1;
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_number_past_9999),
	    cmocka_unit_test(test_form_once),
	    cmocka_unit_test(test_email_ok),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * test_auth.c -- unit tests for app/auth's fixed hashes: checking a name
 * that has no account (or a number that has no case) must cost what
 * checking a real one costs, so the fixed hashes carry the same argon2id
 * parameters as real password and query-code hashes.  No HTTP, no store.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>
#include <sodium.h>

#include "app/auth.h"

/* "$argon2id$v=19$m=65536,t=2,p=1$salt$hash" -> "$argon2id$v=19$m=65536,t=2,p=1$" */
static void params_of(const char *hash, char *out, size_t outsz)
{
	const char *p = hash;
	for (int dollars = 0; *p && dollars < 4; p++)
		if (*p == '$')
			dollars++;
	assert_true((size_t)(p - hash) < outsz);
	snprintf(out, outsz, "%.*s", (int)(p - hash), hash);
	assert_true(strncmp(out, "$argon2id$v=19$m=", 17) == 0);
}

static void test_dummy_hash_costs_as_much_as_a_password(void **state)
{
	(void)state;
	char real[crypto_pwhash_STRBYTES], want[64], got[64];
	assert_int_equal(password_hash("a real password", real), 0);
	params_of(real, want, sizeof want);
	params_of(auth_dummy_hash(), got, sizeof got);
	assert_string_equal(got, want);
	/* and nothing signs in against it */
	assert_int_not_equal(crypto_pwhash_str_verify(auth_dummy_hash(), "", 0), 0);
	assert_int_not_equal(crypto_pwhash_str_verify(auth_dummy_hash(), "no such secret", 14), 0);
}

static void test_missing_code_hash_costs_as_much_as_a_code(void **state)
{
	(void)state;
	char real[CODE_HASH_SIZE];
	assert_int_equal(auth_hash_code("ABCDEFGHJK", real), 0);
	assert_true(auth_verify_code(real, "ABCDEFGHJK"));
	assert_false(auth_verify_code(real, "BCDEFGHJKM"));
	/* a missing case is checked against a fixed hash: never a match */
	assert_false(auth_verify_code(NULL, "ABCDEFGHJK"));
	assert_false(auth_verify_code(NULL, "-"));
}

int main(void)
{
	if (sodium_init() < 0)
		return 1;
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_dummy_hash_costs_as_much_as_a_password),
	    cmocka_unit_test(test_missing_code_hash_costs_as_much_as_a_code),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

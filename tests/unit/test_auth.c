/*
 * test_auth.c -- unit tests for app/auth's hashes: checking a name that has
 * no account must cost what checking a real one costs (the fixed hash
 * carries the same argon2id parameters); query codes are keyed hashes that
 * another key does not match, and codes hashed before with argon2id still
 * match.  No HTTP, no store.
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

static void test_query_codes_under_the_key(void **state)
{
	(void)state;
	unsigned char key[CODE_KEY_BYTES], other[CODE_KEY_BYTES];
	randombytes_buf(key, sizeof key);
	randombytes_buf(other, sizeof other);
	auth_set_code_key(key);
	char real[CODE_HASH_SIZE];
	auth_hash_code("ABCDEFGHJK", real);
	assert_true(strncmp(real, "b2$", 3) == 0 && strlen(real) == 3 + 64);
	assert_true(auth_verify_code(real, "ABCDEFGHJK"));
	assert_false(auth_verify_code(real, "BCDEFGHJKM"));
	/* a missing case is checked against a fixed hash: never a match */
	assert_false(auth_verify_code(NULL, "ABCDEFGHJK"));
	assert_false(auth_verify_code(NULL, "-"));
	/* the database alone (another key) tests no guess */
	assert_false(ids_code_matches(other, real, "ABCDEFGHJK"));
	auth_set_code_key(other);
	assert_false(auth_verify_code(real, "ABCDEFGHJK"));
	/* a record cut short or padded is no match */
	real[20] = '\0';
	assert_false(ids_code_matches(key, real, "ABCDEFGHJK"));
}

static void test_codes_issued_before_still_match(void **state)
{
	(void)state;
	/* records from before the keyed hash keep their argon2id hashes */
	char old[crypto_pwhash_STRBYTES];
	unsigned char key[CODE_KEY_BYTES] = {0};
	assert_int_equal(crypto_pwhash_str(old, "ABCDEFGHJK", 10, crypto_pwhash_OPSLIMIT_MIN, 8192 * 1024), 0);
	assert_true(ids_code_matches(key, old, "ABCDEFGHJK"));
	assert_false(ids_code_matches(key, old, "ABCDEFGHJM"));
}

static void test_password_verify(void **state)
{
	(void)state;
	char h[crypto_pwhash_STRBYTES];
	assert_int_equal(password_hash("a real password", h), 0);
	assert_true(password_verify(h, "a real password", 15));
	assert_false(password_verify(h, "a real passwore", 15));
	assert_false(password_verify(h, "", 0));
}

int main(void)
{
	if (sodium_init() < 0)
		return 1;
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_dummy_hash_costs_as_much_as_a_password),
	    cmocka_unit_test(test_query_codes_under_the_key),
	    cmocka_unit_test(test_codes_issued_before_still_match),
	    cmocka_unit_test(test_password_verify),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * fuzz_natid.c -- libFuzzer target for the citizen-typed identifiers and the
 * masking of personal data (src/domain/ids.c): ids_natid_valid,
 * ids_normalize_code, ids_number_valid / ids_number_upcase / ids_number,
 * ids_phone_digits / ids_phone_ok and ids_mask_name / ids_mask_phone /
 * ids_mask_email, on arbitrary bytes.
 *
 * The first input byte picks an output buffer size; the rest (cut at the
 * first NUL) is the string.  Checks:
 *  - ids_natid_valid is never true for a string whose length is not 10, and
 *    when true the string is a capital letter, 1/2/8/9, eight digits, and no
 *    other last digit passes (the checksum decides it);
 *  - ids_normalize_code writes at most QUERY_CODE_LEN + 1 bytes (an exact-size
 *    heap buffer) and, when true, gives 10 capitals or digits, exactly the
 *    letters and digits typed;
 *  - ids_number_valid means "X1234567-1234", or up to six digits after the
 *    dash without a leading zero ("X1234567-12345"); ids_number makes
 *    numbers ids_number_valid accepts; ids_number_upcase stays in its buffer;
 *  - every masked output is NUL-terminated within its buffer (exact-size heap
 *    buffers, the sizes the handlers use and the fuzzed one) and, when the
 *    input is valid UTF-8 as every form field is, valid UTF-8 itself;
 *  - a masked phone shows no more than 7 of the digits.
 *
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -Isrc tests/fuzz/fuzz_natid.c \
 *     src/domain/ids.c src/domain/cal.c src/util/util.c -lsodium -o /tmp/fz \
 *     && /tmp/fz tests/fuzz/corpus/fuzz_natid
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "domain/cal.h"
#include "domain/ids.h"
#include "util/util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(int ok)
{
	if (!ok)
		abort();
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool is_upper(char c)
{
	return c >= 'A' && c <= 'Z';
}

static void check_natid(const char *s, size_t len)
{
	bool ok = ids_natid_valid(s);
	if (len != 10) {
		check(!ok);
		return;
	}
	if (!ok)
		return;
	check(is_upper(s[0]) && strchr("1289", s[1]) != NULL);
	for (int i = 1; i < 10; i++)
		check(is_digit(s[i]));
	/* the check digit is unique */
	char t[11];
	memcpy(t, s, 11);
	for (char d = '0'; d <= '9'; d++) {
		t[9] = d;
		check(ids_natid_valid(t) == (d == s[9]));
	}
}

static void check_code(const char *s)
{
	char *out = malloc(QUERY_CODE_LEN + 1);
	bool ok = ids_normalize_code(s, out);
	if (ok) {
		check(strlen(out) == QUERY_CODE_LEN);
		size_t alnum = 0;
		for (const char *p = s; *p; p++)
			if (is_digit(*p) || is_upper(*p) || (*p >= 'a' && *p <= 'z'))
				alnum++;
		check(alnum == QUERY_CODE_LEN);
		for (int i = 0; i < QUERY_CODE_LEN; i++)
			check(is_digit(out[i]) || is_upper(out[i]));
		/* normalizing a normalized code is the identity */
		char *again = malloc(QUERY_CODE_LEN + 1);
		check(ids_normalize_code(out, again) && memcmp(out, again, QUERY_CODE_LEN + 1) == 0);
		free(again);
	}
	free(out);
}

static void check_number(const char *s, size_t outsz, const uint8_t *data, size_t size)
{
	if (ids_number_valid(s)) {
		size_t len = strlen(s);
		check(len >= 13 && len < NO_SIZE && is_upper(s[0]) && s[8] == '-' && (len == 13 || s[9] != '0'));
		for (size_t i = 1; i < len; i++)
			check(i == 8 || is_digit(s[i]));
	}
	char *up = malloc(outsz);
	ids_number_upcase(s, up, outsz);
	check(memchr(up, '\0', outsz) != NULL);
	/* a prefix of s, ASCII letters upper-cased */
	size_t ul = strlen(up);
	check(ul <= strlen(s) && ul < outsz);
	for (size_t i = 0; i < ul; i++)
		check(up[i] == ((s[i] >= 'a' && s[i] <= 'z') ? s[i] - 32 : s[i]));
	free(up);

	/* numbers made for days of ROC years 1..999 and any sequence are valid */
	uint32_t x = 0;
	for (size_t i = 0; i < size && i < 4; i++)
		x = x << 8 | data[i];
	int32_t lo = cal_ymd_to_day(1912, 1, 1), hi = cal_ymd_to_day(2910, 12, 31);
	int32_t day = lo + (int32_t)(x % (uint32_t)(hi - lo + 1));
	char *no = malloc(NO_SIZE);
	ids_number((char)('A' + x % 26), day, 1 + (int)(x % IDS_SEQ_MAX), no);
	check(ids_number_valid(no));
	free(no);
}

/* out is a heap buffer of exactly outsz bytes: a write past it is caught by ASan. */
static void check_masked(const char *out, size_t outsz, bool input_utf8)
{
	const char *nul = memchr(out, '\0', outsz);
	check(nul != NULL);
	if (input_utf8)
		check(utf8_valid(out, (size_t)(nul - out)));
}

static void check_masks(const char *s, size_t len, size_t outsz)
{
	bool u = utf8_valid(s, len);
	static const size_t sizes[] = {64, 128, 160};
	for (size_t k = 0; k <= sizeof sizes / sizeof sizes[0]; k++) {
		size_t n = k < sizeof sizes / sizeof sizes[0] ? sizes[k] : outsz;
		char *out = malloc(n);
		if (n >= 64) { /* ids.h: "out >= 64" */
			ids_mask_name(s, out, n);
			check_masked(out, n, u);
			/* kept characters as typed, each masked one ○ (3 bytes, for at least 1) */
			check(!u || strlen(out) <= len + 2 * utf8_len(s, len));
		}
		ids_mask_phone(s, out, n);
		check_masked(out, n, true); /* digits, '-' and '*' only */
		size_t shown = 0;
		for (const char *p = out; *p; p++) {
			check(is_digit(*p) || *p == '-' || *p == '*');
			shown += is_digit(*p);
		}
		check(shown <= 7);
		ids_mask_email(s, out, n);
		check_masked(out, n, u);
		free(out);
	}
	char digits[32];
	ids_phone_digits(s, digits, sizeof digits);
	check(strlen(digits) < sizeof digits);
	size_t nd = strlen(digits);
	check(!ids_phone_ok(s) || (nd >= 8 && nd <= 12));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* byte 0: a buffer size for the masks (1..256) and ids_number_upcase */
	size_t outsz = size ? (size_t)data[0] + 1 : 16;
	const uint8_t *p = size ? data + 1 : data;
	size_t n = size ? size - 1 : 0;
	const uint8_t *nul = memchr(p, '\0', n);
	size_t len = nul ? (size_t)(nul - p) : n;
	/* exactly len + 1 bytes, so reading past the NUL is caught */
	char *s = malloc(len + 1);
	memcpy(s, p, len);
	s[len] = '\0';

	check_natid(s, len);
	check_code(s);
	check_number(s, outsz, data, size);
	check_masks(s, len, outsz);

	free(s);
	return 0;
}

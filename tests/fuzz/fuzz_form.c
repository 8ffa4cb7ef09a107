/*
 * fuzz_form.c -- libFuzzer target for app/form: form_parse and
 * form_unescape (both '+' modes) on arbitrary bytes, checking what every
 * handler relies on: a decoded name or value is NUL-terminated, has no NUL
 * inside, is valid UTF-8 and is never longer than its source.
 *
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -Isrc tests/fuzz/fuzz_form.c \
 *     src/app/form.c src/util/util.c -o /tmp/fz && /tmp/fz tests/fuzz/corpus/fuzz_form
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "app/form.h"
#include "util/util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(int ok)
{
	if (!ok)
		abort();
}

static void check_text(const char *s, size_t len, size_t srclen)
{
	check(s != NULL);
	check(s[len] == '\0');
	check(strlen(s) == len);
	check(utf8_valid(s, len));
	check(len <= srclen);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* a private copy, so reading past size is caught by ASan */
	char *s = malloc(size ? size : 1);
	memcpy(s, data, size);
	struct arena *a = arena_new();

	struct param *ps = NULL;
	size_t n = 0;
	enum form_err e = form_parse(a, s, size, &ps, &n);
	check(e >= FORM_OK && e <= FORM_TOO_MANY);
	if (e == FORM_OK) {
		check(n <= FORM_MAX_PARAMS);
		for (size_t i = 0; i < n; i++) {
			check_text(ps[i].name, strlen(ps[i].name), size);
			check_text(ps[i].val, ps[i].len, size);
		}
	}
	if (!memchr(s, '&', size) && size > 0)
		check(e != FORM_TOO_MANY);

	for (int plus = 0; plus < 2; plus++) {
		char *out = NULL;
		size_t outlen = 0;
		e = form_unescape(a, s, size, plus, &out, &outlen);
		check(e >= FORM_OK && e <= FORM_NUL);
		if (e == FORM_OK) {
			check_text(out, outlen, size);
			/* without '%' (and '+' when it is a space) decoding is the identity */
			if (!memchr(s, '%', size) && (!plus || !memchr(s, '+', size)))
				check(outlen == size && memcmp(out, s, size) == 0);
		}
	}

	arena_free(a);
	free(s);
	return 0;
}

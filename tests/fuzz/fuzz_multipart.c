/*
 * fuzz_multipart.c -- libFuzzer target for form_multipart (app/form.c):
 * arbitrary bodies under two boundaries, checking what the upload handlers
 * rely on: every text field is NUL-terminated, NUL-free UTF-8; every file
 * lies inside the body; counts stay within their limits.
 *
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -Isrc tests/fuzz/fuzz_multipart.c \
 *     src/app/form.c src/util/util.c -o /tmp/fz && /tmp/fz tests/fuzz/corpus/fuzz_multipart
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

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const types[] = {"multipart/form-data; boundary=XyZ", "multipart/form-data; boundary=\"a\""};
	char *s = malloc(size ? size : 1);
	memcpy(s, data, size);
	struct arena *a = arena_new();
	for (size_t t = 0; t < 2; t++) {
		struct param *ps = NULL;
		struct upload *us = NULL;
		size_t np = 0, nu = 0;
		enum form_err e = form_multipart(a, s, size, types[t], &ps, &np, &us, &nu);
		check(e >= FORM_OK && e <= FORM_BAD_MULTIPART);
		if (e != FORM_OK)
			continue;
		check(np <= FORM_MAX_PARAMS && nu <= FORM_MAX_UPLOADS);
		for (size_t i = 0; i < np; i++) {
			check(ps[i].name && *ps[i].name && utf8_valid(ps[i].name, strlen(ps[i].name)));
			check(ps[i].val[ps[i].len] == '\0' && strlen(ps[i].val) == ps[i].len);
			check(utf8_valid(ps[i].val, ps[i].len));
		}
		for (size_t i = 0; i < nu; i++) {
			check(us[i].data >= s && us[i].data + us[i].len <= s + size);
			check(utf8_valid(us[i].filename, strlen(us[i].filename)));
			check(!strchr(us[i].filename, '/') && !strchr(us[i].filename, '\\'));
		}
	}
	arena_free(a);
	free(s);
	return 0;
}

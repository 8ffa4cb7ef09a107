/*
 * fuzz_cookie.c -- libFuzzer target for cookie_get (app/form).  The input
 * is "header NUL name" (name "sid" when there is no NUL); checks that a
 * found value is a copy no longer than the header and that the header
 * really contains "name=" when a value was found.
 *
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -Isrc tests/fuzz/fuzz_cookie.c \
 *     src/app/form.c src/util/util.c -o /tmp/fz && /tmp/fz tests/fuzz/corpus/fuzz_cookie
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
	const char *nul = memchr(data, '\0', size);
	size_t hl = nul ? (size_t)(nul - (const char *)data) : size;
	/* exact-size copies so ASan sees any read past either string */
	char *header = malloc(hl + 1);
	memcpy(header, data, hl);
	header[hl] = '\0';
	char *name;
	if (nul) {
		size_t nl = size - hl - 1;
		name = malloc(nl + 1);
		memcpy(name, nul + 1, nl);
		name[nl] = '\0';
	} else {
		name = strdup("sid");
	}

	struct arena *a = arena_new();
	const char *v = cookie_get(a, header, name);
	if (v) {
		size_t vl = strlen(v);
		check(vl < hl);
		check(v < header || v > header + hl); /* a copy, not a pointer into the header */
		size_t nl = strlen(name);
		char *needle = malloc(nl + 2);
		memcpy(needle, name, nl);
		needle[nl] = '=';
		needle[nl + 1] = '\0';
		check(strstr(header, needle) != NULL);
		/* the value sits in the header (quotes aside) */
		check(vl == 0 || strstr(header, v) != NULL);
		free(needle);
	}
	check(cookie_get(a, NULL, name) == NULL);
	arena_free(a);
	free(header);
	free(name);
	return 0;
}

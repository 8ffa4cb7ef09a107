/*
 * fuzz_catalog.c -- libFuzzer target for the catalog document reader
 * (domain/catalog_doc.c over util/jsonread.c): any bytes jansson accepts
 * as JSON are read without a crash; an accepted document written back and
 * read again is accepted again (what export writes, import reads).
 *
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -Isrc tests/fuzz/fuzz_catalog.c \
 *     src/domain/catalog_doc.c src/domain/settings.c src/domain/ids.c src/domain/cal.c \
 *     src/util/i18n.c src/util/jsonread.c src/util/util.c -ljansson -lsodium -o /tmp/fz
 * (settings.c checks the office's settings in the document; ids.c, with libsodium, its addresses)
 */
#include <stdint.h>
#include <stdlib.h>

#include "domain/catalog_doc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	json_error_t je;
	json_t *root = json_loadb((const char *)data, size, JSON_REJECT_DUPLICATES, &je);
	if (!root)
		return 0;
	struct arena *a = arena_new();
	struct jread r;
	jread_init(&r, "fuzz.json");
	struct catalog_doc d;
	bool ok = catalog_doc_read(root, &r, a, &d);
	if (!ok && r.nerrors == 0)
		abort(); /* a refusal always says why */
	if (ok) {
		json_t *again = catalog_doc_json(&d);
		struct jread r2;
		jread_init(&r2, "again.json");
		struct catalog_doc d2;
		if (!catalog_doc_read(again, &r2, a, &d2))
			abort();
		jread_free(&r2);
		json_decref(again);
	}
	jread_free(&r);
	arena_free(a);
	json_decref(root);
	return 0;
}

/*
 * catalog_io.c -- `bianmin admin catalog export|import`: the office's
 * content as one JSON document (docs/catalog-format.md).  Export writes it
 * on stdout; import reads a file, checks all of it first (every refusal as
 * "file: path.to.field: what is wrong"), then writes it in one
 * transaction: all or nothing, and importing the same file again changes
 * nothing.  `admin init --demo` loads the demo office this way.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "domain/catalog_doc.h"
#include "domain/clock.h"
#include "store/catalog_io.h"
#include "store/search.h"
#include "store/staff.h"
#include "store/store.h"
#include "util/jsonread.h"

int catalog_export(struct store *st, FILE *out)
{
	struct arena *a = arena_new();
	struct catalog_doc d;
	int rc = 1;
	if (store_catalog_export(st, a, &d) != ERR_OK) {
		fprintf(stderr, "bianmin: cannot read the catalog: %s\n", store_errmsg(st));
	} else {
		json_t *doc = catalog_doc_json(&d);
		/* two-space indents, members in the documented order, UTF-8 as is: a file people diff and edit */
		if (json_dumpf(doc, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER) == 0 && fputc('\n', out) != EOF)
			rc = 0;
		else
			fprintf(stderr, "bianmin: cannot write the document\n");
		json_decref(doc);
	}
	arena_free(a);
	return rc;
}

int catalog_import(struct store *st, const char *path)
{
	json_error_t je;
	json_t *root = json_load_file(path, JSON_REJECT_DUPLICATES, &je);
	if (!root) {
		fprintf(stderr, "bianmin: %s:%d:%d: %s\n", path, je.line, je.column, je.text);
		return 1;
	}
	struct arena *a = arena_new();
	struct jread r;
	jread_init(&r, path);
	struct catalog_doc d;
	int rc = 1;
	char err[512] = "";
	if (!catalog_doc_read(root, &r, a, &d)) {
		fputs(buf_str(&r.errors), stderr);
		fprintf(stderr, "bianmin: %s: %d problem%s, nothing imported\n", path, r.nerrors,
		        r.nerrors == 1 ? "" : "s");
	} else {
		const char *now = clock_now_iso(a);
		store_begin(st);
		store_fail(st, store_catalog_import(st, a, &d, "import", now, err, sizeof err));
		store_audit(st, 0, "admin-cli", "catalog_import", "catalog", path, NULL);
		if (store_finish(st) != ERR_OK) {
			fprintf(stderr, "bianmin: %s: %s; nothing imported\n", path, err[0] ? err : store_errmsg(st));
		} else if (store_search_tidy(st) != ERR_OK) {
			fprintf(stderr, "bianmin: %s: imported, but the search index: %s\n", path, store_errmsg(st));
		} else {
			printf("imported %s: %zu settings, %zu units, %zu villages, %zu village posts, %zu categories, "
			       "%zu forms, "
			       "%zu services, %zu news, %zu FAQ entries\n",
			       path, d.nsettings, d.nunits, d.nvillages, d.nvillage_posts, d.ncategories, d.nforms,
			       d.nservices, d.nnews, d.nfaq);
			rc = 0;
		}
	}
	jread_free(&r);
	arena_free(a);
	json_decref(root);
	return rc;
}

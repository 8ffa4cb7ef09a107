/*
 * fts_cjk.c -- the FTS5 glue for the CJK tokenizer: wraps cjk_tok_* (pure,
 * src/domain/cjk.c) in an fts5_tokenizer and registers it as "cjk".  The
 * only file of the search code that includes <sqlite3.h>; holds no state.
 */
#include <sqlite3.h>

#include "domain/cjk.h"
#include "store/fts_cjk.h"

/* The tokenizer has no options and no state; FTS5 wants a non-NULL handle. */
static char cjk_instance;

static int cjk_create(void *ctx, const char **argv, int argc, Fts5Tokenizer **out)
{
	(void)ctx;
	(void)argv;
	if (argc > 0) {
		*out = NULL;
		return SQLITE_ERROR; /* tokenize = 'cjk' takes no arguments */
	}
	*out = (Fts5Tokenizer *)&cjk_instance;
	return SQLITE_OK;
}

static void cjk_delete(Fts5Tokenizer *tok)
{
	(void)tok;
}

static int cjk_tokenize(Fts5Tokenizer *tok, void *ctx, int flags, const char *text, int ntext,
                        int (*emit)(void *, int, const char *, int, int, int))
{
	(void)tok;
	struct cjk_tok t;
	struct cjk_token k;
	cjk_tok_init(&t, text, ntext > 0 ? (size_t)ntext : 0,
	             (flags & FTS5_TOKENIZE_QUERY) ? CJK_TOK_QUERY : CJK_TOK_DOCUMENT);
	while (cjk_tok_next(&t, &k)) {
		int rc =
		    emit(ctx, k.colocated ? FTS5_TOKEN_COLOCATED : 0, k.text, (int)k.len, (int)k.start, (int)k.end);
		if (rc != SQLITE_OK)
			return rc;
	}
	return SQLITE_OK;
}

static fts5_api *fts5_api_of(sqlite3 *db)
{
	fts5_api *api = NULL;
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, NULL) != SQLITE_OK)
		return NULL;
	sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
	sqlite3_step(st);
	sqlite3_finalize(st);
	return api;
}

int fts_cjk_register(struct sqlite3 *db)
{
	static fts5_tokenizer tokenizer = {cjk_create, cjk_delete, cjk_tokenize};
	fts5_api *api = fts5_api_of(db);
	if (!api || api->iVersion < 2)
		return SQLITE_ERROR;
	return api->xCreateTokenizer(api, "cjk", NULL, &tokenizer, NULL);
}

/*
 * search.h -- full-text search over FAQ entries, services (their notice
 * sheets) and news, in Chinese and English, and the synonym table.
 *
 * The index (sql/migrations/005-search.sql) is kept in step with the content
 * tables by triggers, so nothing here writes to it.  Queries go through
 * cjk_query_build (src/domain/cjk.h): what a visitor types never reaches
 * FTS5 as syntax.  Everything returned lives in the caller's arena.
 *
 * Must not be included by: domain/.  Does not include <sqlite3.h>.
 */
#ifndef BM_STORE_SEARCH_H
#define BM_STORE_SEARCH_H

#include "domain/cjk.h"
#include "domain/search_text.h"
#include "store/store.h"

struct search_result {
	struct search_hit *hits; /* best first, one per item */
	size_t n;
	bool loose;              /* the strict query found nothing: every hit is partial */
	bool empty_query;        /* nothing searchable in the query (only punctuation, say) */
	struct cjk_terms *terms; /* what to highlight (arena) */
};

/*
 * Searches for the visitor's text q[0..n) (any bytes; at most
 * SEARCH_MAX_CHARS characters are used).  Items in lang come before the
 * same item's other-language row, and rows in lang rank before rows in the
 * other language.  The strict query has every word (Chinese runs as exact
 * phrases, synonyms and English plurals expanded); when it finds fewer than
 * SEARCH_FILL_BELOW items, a loose one (any word or pair of characters)
 * runs with a LIMIT and its hits follow, marked partial (out->loose when
 * all are).
 * Returns ERR_OK (possibly with no hits) or ERR_DB.
 */
enum err store_search(struct store *st, struct arena *a, const char *q, size_t n, enum lang lang,
                      struct search_result *out);

/*
 * Merges the search index into one segment when the content changed since
 * this connection last did (the first call always does).  Each change adds
 * a segment and FTS5 merges only some, so an index built row by row reads
 * many: one merged segment made a search 2.6 times faster.  For the
 * scheduler's pass and after bulk loads; writes nothing a reader can see.
 */
enum err store_search_tidy(struct store *st);

/* ---- synonyms ---- */

struct synonym_rec {
	long long id;
	const char *variants; /* "身分證|身份證" */
	const char *created_by, *created_at;
};

enum err store_synonyms(struct store *st, struct arena *a, struct synonym_rec **out, size_t *n);
/* Adds a normalized group (ERR_CONFLICT if it exists); the caller's transaction. */
enum err store_synonym_add(struct store *st, const char *variants, const char *by, long long *id);
/* Deletes group id (ERR_NOTFOUND if none) and gives back its text in *variants (arena). */
enum err store_synonym_delete(struct store *st, struct arena *a, long long id, const char **variants);

#endif

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
#include "store/store.h"

enum search_kind {
	SEARCH_SERVICE, /* a service's notice sheet: ref = services.code */
	SEARCH_FAQ,     /* ref = faq.slug */
	SEARCH_NEWS,    /* ref = news.id as text */
	SEARCH_KIND__MAX
};

enum {
	SEARCH_MAX_CHARS = 200,  /* characters of a query used; the rest is dropped */
	SEARCH_MAX_HITS = 30,    /* distinct items returned, best first */
	SEARCH_ROWS = 48,        /* index rows the strict query reads (an item may have two) */
	SEARCH_LOOSE_LIMIT = 40, /* rows the loose query may return */
	SEARCH_FILL_BELOW = 3,   /* fewer strict hits than this: the loose query adds to them */
};

/* Ranking corrections (store_search): multipliers of the bm25 score, which is negative. */
#define SEARCH_TITLE_BOOST 1.5 /* a query word in the title */
#define SEARCH_NEWS_WEIGHT 0.7 /* news items */

/* "service", "faq", "news" (static); NULL past the end. */
const char *search_kind_name(enum search_kind k);

struct search_hit {
	enum search_kind kind;
	const char *ref;
	enum lang lang;    /* the language title and body are in */
	const char *title; /* plain text */
	const char *body;  /* plain text: Markdown marks removed */
	const char *meta;  /* category (FAQ), unit name (service), YYYY-MM-DD (news) */
	double score;      /* bm25 with the corrections above: lower is better */
	bool partial;      /* found by the loose query: shares only some words */
	bool rank_lang;    /* (ranking) in the visitor's language */
};

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

/* Markdown source to plain text for snippets (arena): marks, links' targets, HTML tags dropped. */
const char *search_plain_text(struct arena *a, const char *md);

/* ---- synonyms ---- */

struct synonym_rec {
	long long id;
	const char *variants; /* "身分證|身份證" */
	const char *created_by, *created_at;
};

enum err store_synonyms(struct store *st, struct arena *a, struct synonym_rec **out, size_t *n);
/*
 * Normalizes a group typed by an administrator into "a|b|c" (arena):
 * variants split at | , ， 、 ｜, trimmed, duplicates dropped.  Returns NULL
 * when fewer than two variants remain or a variant is over 40 characters.
 */
const char *search_synonym_normalize(struct arena *a, const char *typed);
/* Adds a normalized group (ERR_CONFLICT if it exists); the caller's transaction. */
enum err store_synonym_add(struct store *st, const char *variants, const char *by, long long *id);
/* Deletes group id (ERR_NOTFOUND if none) and gives back its text in *variants (arena). */
enum err store_synonym_delete(struct store *st, struct arena *a, long long id, const char **variants);

#endif

/*
 * search_text.h -- the pure half of search: what a hit is, Markdown to
 * plain text for the index's snippets, English plural groups for the
 * query, reranking hits for people, and normalizing the synonym groups
 * administrators type.  No I/O, no SQL; store/search.c runs the queries.
 */
#ifndef BM_DOMAIN_SEARCH_TEXT_H
#define BM_DOMAIN_SEARCH_TEXT_H

#include "domain/cjk.h"
#include "util/util.h"

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

/* Ranking corrections (search_rerank): multipliers of the bm25 score, which is negative. */
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

/* "service" -> SEARCH_SERVICE; SEARCH_KIND__MAX for anything else (NULL too). */
enum search_kind search_kind_parse(const char *s);

/* Markdown source to plain text for snippets (arena): marks, links' targets, HTML tags dropped. */
const char *search_plain_text(struct arena *a, const char *md);

/*
 * Adds to syn[0..*nsyn) (arena array) a synonym group of singular and
 * plural for each English word of the query q[0..n) ("crops|crop").
 */
void search_plural_groups(struct arena *a, const char *q, size_t n, const char ***syn, size_t *nsyn);

/*
 * Orders hits[0..n) for people: rows in lang first, then the score with
 * the corrections above for a title holding one of terms and for news.
 */
void search_rerank(struct search_hit *hits, size_t n, enum lang lang, const struct cjk_terms *terms);

/*
 * Normalizes a group typed by an administrator into "a|b|c" (arena):
 * variants split at | , ， 、 ｜, trimmed, duplicates dropped.  Returns NULL
 * when fewer than two variants remain or a variant is over 40 characters.
 */
const char *search_synonym_normalize(struct arena *a, const char *typed);
#endif

/*
 * search.c -- SQL for search and synonyms (see search.h).  The index and
 * its triggers are in sql/migrations/005-search.sql.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/internal.h"
#include "store/search.h"

#define PUSH(a, arr, n, cap) arena_push((a), (void **)(arr), (n), &(cap), sizeof **(arr))

/* ---- ranking ---- */

/*
 * bianmin_rank(w_title, w_keywords, w_body, df_0, df_1, ...): FTS5's bm25
 * (k1 = 1.2: per phrase the column-weighted frequency, saturated, times
 * the phrase's idf) without two costs that made bm25 most of a search's
 * time once the FAQ had 10,000 entries:
 *   - length normalization (b = 0): bm25 reads every matching row's size
 *     from %_docsize; our texts are short and alike in length;
 *   - counting each phrase's documents by running it over the whole index
 *     (xQueryPhrase): the caller passes df_i, the document count of phrase
 *     i's rarest token from the fts5vocab table, an upper bound that is
 *     exact for one-token phrases (a missing df_i is counted the slow way).
 * recall@3 on tests/search/queries.tsv is the same as with bm25.  Returns
 * minus the score (FTS5 sorts rank ascending), like bm25.
 */
enum { RANK_WEIGHTS = 3, RANK_MAX_PHRASES = 64 };
#define RANK_K1 1.2

struct rank_idf {
	int n;
	double w[RANK_WEIGHTS];
	double idf[RANK_MAX_PHRASES];
};

static int count_row(const Fts5ExtensionApi *api, Fts5Context *ctx, void *user)
{
	(void)api;
	(void)ctx;
	(*(sqlite3_int64 *)user)++;
	return SQLITE_OK;
}

/* The query's weights and idf per phrase, worked out on its first row and kept with the query. */
static struct rank_idf *rank_idf(const Fts5ExtensionApi *api, Fts5Context *ctx, int nval, sqlite3_value **val, int *rc)
{
	struct rank_idf *d = api->xGetAuxdata(ctx, 0);
	if (d)
		return d;
	d = sqlite3_malloc(sizeof *d);
	if (!d) {
		*rc = SQLITE_NOMEM;
		return NULL;
	}
	for (int c = 0; c < RANK_WEIGHTS; c++)
		d->w[c] = c < nval ? sqlite3_value_double(val[c]) : 1.0;
	sqlite3_int64 rows = 0;
	*rc = api->xRowCount(ctx, &rows);
	int np = api->xPhraseCount(ctx);
	d->n = np < RANK_MAX_PHRASES ? np : RANK_MAX_PHRASES;
	for (int i = 0; i < d->n && *rc == SQLITE_OK; i++) {
		sqlite3_int64 hits = 0;
		if (RANK_WEIGHTS + i < nval)
			hits = sqlite3_value_int64(val[RANK_WEIGHTS + i]);
		else
			*rc = api->xQueryPhrase(ctx, i, &hits, count_row);
		double idf = log(((double)rows - (double)hits + 0.5) / ((double)hits + 0.5));
		d->idf[i] = idf <= 0.0 ? 1e-6 : idf;
	}
	if (*rc == SQLITE_OK)
		*rc = api->xSetAuxdata(ctx, d, sqlite3_free);
	else
		sqlite3_free(d);
	return *rc == SQLITE_OK ? d : NULL;
}

static void rank_fn(const Fts5ExtensionApi *api, Fts5Context *ctx, sqlite3_context *out, int nval, sqlite3_value **val)
{
	int rc = SQLITE_OK;
	struct rank_idf *d = rank_idf(api, ctx, nval, val, &rc);
	if (!d) {
		sqlite3_result_error_code(out, rc);
		return;
	}
	double score = 0.0;
	for (int i = 0; i < d->n; i++) {
		Fts5PhraseIter it;
		int col, off;
		double f = 0.0;
		rc = api->xPhraseFirst(ctx, i, &it, &col, &off);
		for (; rc == SQLITE_OK && col >= 0; api->xPhraseNext(ctx, &it, &col, &off))
			f += col < RANK_WEIGHTS ? d->w[col] : 0.0;
		if (rc != SQLITE_OK) {
			sqlite3_result_error_code(out, rc);
			return;
		}
		score += d->idf[i] * f * (RANK_K1 + 1.0) / (f + RANK_K1);
	}
	sqlite3_result_double(out, -score);
}

/*
 * Document counts of tokens, cached per thread for one connection and one
 * content generation (every change to FAQ, services or news bumps it, see
 * migration 001): fts5vocab counts a token's documents by reading its whole
 * list, as long as the search itself for a common word.
 */
enum { DF_SLOTS = 1024, DF_TOKEN_MAX = 24 };

struct df_slot {
	uint64_t hash; /* 0: empty */
	sqlite3_int64 docs;
	uint8_t len;
	char tok[DF_TOKEN_MAX];
};

static _Thread_local struct {
	const struct store *st;
	long long gen;
	struct df_slot slot[DF_SLOTS];
} tl_df;

static uint64_t df_hash(const char *t, size_t n)
{
	uint64_t h = 1469598103934665603ull;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)t[i]) * 1099511628211ull;
	return h | 1;
}

/* Starts a search: drops the cached counts if the connection or the content changed. */
static void df_begin(struct store *st)
{
	long long gen = store_content_gen(st);
	if (tl_df.st != st || tl_df.gen != gen || gen < 0) {
		memset(tl_df.slot, 0, sizeof tl_df.slot);
		tl_df.st = st;
		tl_df.gen = gen;
	}
}

/* Documents holding token t[0..n); 0 when none, -1 when it can't tell. */
static sqlite3_int64 token_docs(struct store *st, const char *t, size_t n)
{
	static const char sql[] = "SELECT doc FROM search_vocab WHERE term = ?1";
	uint64_t h = df_hash(t, n);
	struct df_slot *slot = &tl_df.slot[h & (DF_SLOTS - 1)];
	if (slot->hash == h && slot->len == n && memcmp(slot->tok, t, n) == 0)
		return slot->docs;
	sqlite3_stmt *s = stmt_get(st, sql);
	if (!s)
		return -1;
	sqlite3_bind_text(s, 1, t, (int)n, SQLITE_STATIC);
	int rc = sqlite3_step(s);
	sqlite3_int64 d = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : rc == SQLITE_DONE ? 0 : -1;
	sqlite3_reset(s);
	if (d >= 0 && n <= DF_TOKEN_MAX) {
		slot->hash = h;
		slot->len = (uint8_t)n;
		memcpy(slot->tok, t, n);
		slot->docs = d;
	}
	return d;
}

/*
 * The rank specification for MATCH expression m: the weights, then for each
 * phrase (each "..." string, in order, as FTS5 numbers them) the document
 * count of its rarest token.  Only numbers: nothing of the query's text.
 */
static void rank_spec(struct store *st, const char *m, size_t n, struct buf *out)
{
	buf_reset(out);
	buf_puts(out, "bianmin_rank(10.0, 5.0, 1.0");
	char phrase[CJK_QUERY_MAX_CHARS * 4 + 8];
	const char *p = m, *end = m + n;
	for (int np = 0; p < end && np < RANK_MAX_PHRASES; np++) {
		const char *q = memchr(p, '"', (size_t)(end - p));
		if (!q)
			break;
		size_t len = 0;
		for (q++; q < end; q++) {
			if (*q == '"') {
				if (q + 1 < end && q[1] == '"')
					q++;
				else
					break;
			}
			if (len < sizeof phrase)
				phrase[len++] = *q;
		}
		p = q + 1;
		struct cjk_tok t;
		struct cjk_token k;
		sqlite3_int64 least = -1;
		cjk_tok_init(&t, phrase, len, CJK_TOK_QUERY);
		while (cjk_tok_next(&t, &k)) {
			sqlite3_int64 d = token_docs(st, k.text, k.len);
			if (d >= 0 && (least < 0 || d < least))
				least = d;
		}
		if (least < 0)
			break; /* the rank function counts this and later phrases itself */
		buf_printf(out, ", %lld", (long long)least);
	}
	buf_putc(out, ')');
}

/* A tokenizer that is never used: its name marks a connection where bianmin_rank exists. */
static int marker_create(void *ctx, const char **argv, int argc, Fts5Tokenizer **out)
{
	(void)ctx;
	(void)argv;
	(void)argc;
	*out = NULL;
	return SQLITE_ERROR;
}

static void marker_delete(Fts5Tokenizer *t)
{
	(void)t;
}

static int marker_tokenize(Fts5Tokenizer *t, void *ctx, int flags, const char *text, int n,
                           int (*emit)(void *, int, const char *, int, int, int))
{
	(void)t, (void)ctx, (void)flags, (void)text, (void)n, (void)emit;
	return SQLITE_ERROR;
}

/*
 * Registers bianmin_rank on this connection unless it is there already.
 * store_open registers only the tokenizer, so the first search on each
 * connection does it; later ones find the marker (one cached statement).
 */
static enum err rank_ready(struct store *st)
{
	static const char sql[] = "SELECT fts5(?1)";
	static fts5_tokenizer marker = {marker_create, marker_delete, marker_tokenize};
	sqlite3_stmt *s = stmt_get(st, sql);
	fts5_api *api = NULL;
	if (!s)
		return ERR_DB;
	sqlite3_bind_pointer(s, 1, (void *)&api, "fts5_api_ptr", NULL);
	sqlite3_step(s);
	sqlite3_reset(s);
	if (!api || api->iVersion < 2)
		return ERR_DB;
	void *ud;
	fts5_tokenizer tok;
	if (api->xFindTokenizer(api, "bianmin_rank_marker", &ud, &tok) == SQLITE_OK)
		return ERR_OK;
	if (api->xCreateFunction(api, "bianmin_rank", NULL, rank_fn, NULL) != SQLITE_OK ||
	    api->xCreateTokenizer(api, "bianmin_rank_marker", NULL, &marker, NULL) != SQLITE_OK)
		return ERR_DB;
	return ERR_OK;
}

/* ---- searching ---- */

static void read_variants(sqlite3_stmt *s, struct arena *a, void *item)
{
	*(const char **)item = col_str(s, 0, a);
}

/* The synonym groups as an arena array of strings. */
static enum err load_synonyms(struct store *st, struct arena *a, const char ***out, size_t *n)
{
	static const char sql[] = "SELECT variants FROM search_synonyms ORDER BY id";
	return STMT_LIST(st, stmt_get(st, sql), a, out, n, read_variants);
}

struct match_ctx {
	struct arena *a;
	enum lang lang;
	struct search_result *out;
	size_t *cap, first;
};

static enum err match_row(void *ctx, sqlite3_stmt *s)
{
	struct match_ctx *x = ctx;
	struct search_result *out = x->out;
	enum search_kind k = search_kind_parse((const char *)sqlite3_column_text(s, 0));
	const char *ref = (const char *)sqlite3_column_text(s, 1);
	const char *l = (const char *)sqlite3_column_text(s, 2);
	enum lang hl = l && strcmp(l, "en") == 0 ? LANG_EN : LANG_ZH;
	if (k == SEARCH_KIND__MAX || !ref)
		return ERR_OK;
	struct search_hit *h = NULL;
	bool seen = false;
	for (size_t i = 0; i < out->n && !seen; i++) {
		if (out->hits[i].kind == k && strcmp(out->hits[i].ref, ref) == 0) {
			seen = true;
			/* the other language's row came first: this item's row in lang replaces it */
			if (i >= x->first && hl == x->lang && out->hits[i].lang != x->lang)
				h = &out->hits[i];
		}
	}
	if (seen && !h)
		return ERR_OK;
	if (!h) {
		if (out->n == SEARCH_MAX_HITS)
			return ERR_OK;
		h = PUSH(x->a, &out->hits, &out->n, *x->cap);
		h->score = sqlite3_column_double(s, 6);
	}
	h->kind = k;
	h->ref = arena_strdup(x->a, ref);
	h->lang = hl;
	h->title = col_str(s, 3, x->a);
	h->body = search_plain_text(x->a, (const char *)sqlite3_column_text(s, 4));
	h->meta = col_str(s, 5, x->a);
	if (!h->title)
		h->title = "";
	return ERR_OK;
}

/*
 * Runs MATCH expression m; appends hits not yet in out (one per item: the
 * row in lang when both languages' rows match), best first by bianmin_rank
 * (bm25 without length normalization) with title, keywords and body
 * weighted 10, 5, 1.  ORDER BY rank lets FTS5 sort the matches by score
 * alone and read only the top rows' text.
 */
static enum err run_match(struct store *st, struct arena *a, const char *m, size_t mlen, enum lang lang, int limit,
                          struct search_result *out, size_t *cap)
{
	static const char sql[] = "SELECT kind, ref, lang, title, body, meta, rank FROM search_index "
	                          "WHERE search_index MATCH ?1 AND rank MATCH ?3 ORDER BY rank LIMIT ?2";
	struct buf spec;
	buf_init(&spec);
	rank_spec(st, m, mlen, &spec);
	sqlite3_stmt *s = stmt_get(st, sql);
	if (s) {
		sqlite3_bind_text(s, 1, m, (int)mlen, SQLITE_STATIC);
		sqlite3_bind_int(s, 2, limit);
		sqlite3_bind_text(s, 3, spec.data, (int)spec.len, SQLITE_STATIC);
	}
	struct match_ctx x = {.a = a, .lang = lang, .out = out, .cap = cap, .first = out->n};
	enum err e = stmt_each(st, s, match_row, &x);
	buf_free(&spec);
	return e;
}

enum err store_search(struct store *st, struct arena *a, const char *q, size_t n, enum lang lang,
                      struct search_result *out)
{
	memset(out, 0, sizeof *out);
	out->terms = arena_zalloc(a, sizeof *out->terms);
	if (!q)
		q = "";
	n = utf8_chars_len(q, n, SEARCH_MAX_CHARS);

	const char **syn;
	size_t nsyn, cap = 0;
	enum err e = rank_ready(st);
	if (e == ERR_OK)
		e = load_synonyms(st, a, &syn, &nsyn);
	df_begin(st);
	if (e != ERR_OK)
		return e;
	search_plural_groups(a, q, n, &syn, &nsyn);
	struct buf m;
	buf_init(&m);
	if (cjk_query_build(q, n, syn, nsyn, &m, out->terms, 0) == 0) {
		out->empty_query = true;
		buf_free(&m);
		return ERR_OK;
	}
	e = run_match(st, a, m.data, m.len, lang, SEARCH_ROWS, out, &cap);
	if (e == ERR_OK)
		search_rerank(out->hits, out->n, lang, out->terms);
	if (e == ERR_OK && out->n < SEARCH_FILL_BELOW) {
		/* few or none have every word: add what shares the most words or pairs */
		struct cjk_terms *loose = arena_zalloc(a, sizeof *loose);
		size_t strict = out->n;
		if (cjk_query_build(q, n, syn, nsyn, &m, loose, CJK_QUERY_ANY) > 0) {
			e = run_match(st, a, m.data, m.len, lang, SEARCH_LOOSE_LIMIT, out, &cap);
			if (e == ERR_OK && out->n > strict) {
				search_rerank(out->hits + strict, out->n - strict, lang, loose);
				for (size_t i = strict; i < out->n; i++)
					out->hits[i].partial = true;
				out->loose = strict == 0;
				out->terms = loose;
			}
		}
	}
	buf_free(&m);
	return e;
}

enum err store_search_tidy(struct store *st)
{
	long long gen = store_content_gen(st);
	if (gen < 0)
		return ERR_DB;
	if (gen == st->tidy_gen)
		return ERR_OK;
	store_begin(st);
	stmt_done(st, stmt_get(st, "INSERT INTO search_index (search_index) VALUES ('optimize')"));
	enum err e = store_finish(st);
	if (e == ERR_OK)
		st->tidy_gen = gen;
	return e;
}

/* ---- synonyms ---- */

static void read_synonym(sqlite3_stmt *s, struct arena *a, void *item)
{
	struct synonym_rec *r = item;
	r->id = sqlite3_column_int64(s, 0);
	r->variants = col_str(s, 1, a);
	r->created_by = col_str(s, 2, a);
	r->created_at = col_str(s, 3, a);
}

enum err store_synonyms(struct store *st, struct arena *a, struct synonym_rec **out, size_t *n)
{
	static const char sql[] = "SELECT id, variants, created_by, created_at FROM search_synonyms ORDER BY variants";
	return STMT_LIST(st, stmt_get(st, sql), a, out, n, read_synonym);
}

enum err store_synonym_add(struct store *st, const char *variants, const char *by, long long *id)
{
	static const char sql[] = "INSERT INTO search_synonyms (variants, created_by) VALUES (?1, ?2)";
	sqlite3_stmt *s = stmt_get(st, sql);
	if (!s)
		return ERR_DB;
	bind_str(s, 1, variants);
	bind_str(s, 2, by);
	return stmt_insert(st, s, id);
}

enum err store_synonym_delete(struct store *st, struct arena *a, long long id, const char **variants)
{
	static const char sql[] = "DELETE FROM search_synonyms WHERE id = ?1 RETURNING variants";
	sqlite3_stmt *s = stmt_get(st, sql);
	if (!s)
		return ERR_DB;
	sqlite3_bind_int64(s, 1, id);
	int rc = sqlite3_step(s);
	const char *v = rc == SQLITE_ROW ? col_str(s, 0, a) : NULL;
	if (rc == SQLITE_ROW)
		rc = sqlite3_step(s);
	sqlite3_reset(s);
	if (rc != SQLITE_DONE || !v)
		return tx_note(st, rc != SQLITE_DONE ? ERR_DB : ERR_NOTFOUND);
	if (variants)
		*variants = v;
	return ERR_OK;
}

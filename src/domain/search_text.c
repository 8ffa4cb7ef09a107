/*
 * search_text.c -- the pure half of search (see search_text.h): kinds,
 * Markdown to plain text, English plurals, reranking, synonym groups.
 */
#include "domain/search_text.h"

#include <stdlib.h>
#include <string.h>

#define PUSH(a, arr, n, cap) arena_push((a), (void **)(arr), (n), &(cap), sizeof **(arr))

static const char *const kind_names[SEARCH_KIND__MAX] = {
    "service", /* SEARCH_SERVICE */
    "faq",     /* SEARCH_FAQ */
    "news",    /* SEARCH_NEWS */
};

const char *search_kind_name(enum search_kind k)
{
	return (unsigned)k < SEARCH_KIND__MAX ? kind_names[k] : NULL;
}

enum search_kind search_kind_parse(const char *s)
{
	for (int k = 0; s && k < SEARCH_KIND__MAX; k++)
		if (strcmp(s, kind_names[k]) == 0)
			return (enum search_kind)k;
	return SEARCH_KIND__MAX;
}

const char *search_plain_text(struct arena *a, const char *md)
{
	if (!md)
		return "";
	size_t n = strlen(md);
	char *out = arena_alloc(a, n + 1), *o = out;
	const char *p = md, *end = md + n;
	int link_depth = 0; /* inside [link text] */
	bool bol = true;    /* only spaces since the start of the line */
	while (p < end) {
		char c = *p;
		if (c == '\n') {
			bol = true;
			*o++ = c;
			p++;
			continue;
		}
		if (c == ' ' || c == '\t') {
			*o++ = c;
			p++;
			continue;
		}
		if ((unsigned char)c >= 0x80) { /* no Markdown mark is outside ASCII: a run at once */
			const char *q = p;
			while (q < end && (unsigned char)*q >= 0x80)
				q++;
			memcpy(o, p, (size_t)(q - p));
			o += q - p;
			p = q;
			bol = false;
			continue;
		}
		bool at_start = bol;
		bol = false;
		if (at_start) {
			/* block marks: headings, quotes, list bullets and numbers */
			const char *q = p;
			if (*q == '#') {
				while (q < end && *q == '#')
					q++;
			} else if (*q == '>' || ((*q == '-' || *q == '*' || *q == '+') && q + 1 < end && q[1] == ' ')) {
				q++;
			} else if (*q >= '0' && *q <= '9') {
				while (q < end && *q >= '0' && *q <= '9')
					q++;
				q = (q < end && (*q == '.' || *q == ')') && q + 1 < end && q[1] == ' ') ? q + 1 : p;
			}
			if (q != p) {
				*o++ = ' ';
				p = q;
				bol = true; /* "> - item": a mark may follow a mark */
				continue;
			}
		}
		switch (c) {
		case '\\':
			if (p + 1 < end && strchr("\\`*_{}[]()#+-.!<>|~", p[1])) {
				*o++ = p[1];
				p += 2;
				continue;
			}
			break;
		case '*':
		case '`':
		case '~': p++; continue;
		case '|':
			*o++ = ' ';
			p++;
			continue;
		case '!':
			if (p + 1 < end && p[1] == '[') {
				p++;
				continue;
			}
			break;
		case '[':
			link_depth++;
			p++;
			continue;
		case ']':
			if (link_depth > 0) {
				link_depth--;
				p++;
				if (p < end && *p == '(') {
					/* the link's target: dropped */
					int depth = 0;
					while (p < end) {
						if (*p == '(')
							depth++;
						else if (*p == ')' && --depth == 0) {
							p++;
							break;
						} else if (*p == '\n')
							break;
						p++;
					}
				}
				continue;
			}
			break;
		case '<': {
			/* an HTML tag or an autolink: tags dropped, autolinks kept as text */
			const char *q = p + 1;
			bool tag =
			    q < end && ((*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z') || *q == '/' || *q == '!');
			const char *close = tag ? memchr(q, '>', (size_t)(end - q)) : NULL;
			if (close) {
				bool autolink =
				    memchr(q, ':', (size_t)(close - q)) != NULL && !memchr(q, ' ', (size_t)(close - q));
				if (autolink) {
					memcpy(o, q, (size_t)(close - q));
					o += close - q;
				}
				p = close + 1;
				continue;
			}
			break;
		}
		default: break;
		}
		*o++ = c;
		p++;
	}
	*o = '\0';
	return out;
}

/* ---- ranking ---- */

/*
 * English has no stemming in the tokenizer: for each English word of the
 * query, a synonym group of its singular and plural ("crops|crop",
 * "families|family", "bus|buses") is added after the administrators' groups
 * (which win where they cover the same words).
 */
void search_plural_groups(struct arena *a, const char *q, size_t n, const char ***syn, size_t *nsyn)
{
	enum { MAX_WORDS = 8, MIN_LEN = 3, MAX_LEN = 40 };
	size_t cap = *nsyn, words = 0;
	const char *p = q, *end = q + n;
	while (p < end && words < MAX_WORDS) {
		if (!((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z')) {
			p++;
			continue;
		}
		const char *start = p;
		while (p < end && (*p | 0x20) >= 'a' && (*p | 0x20) <= 'z')
			p++;
		size_t len = (size_t)(p - start);
		if (len < MIN_LEN || len > MAX_LEN ||
		    (p < end && ((unsigned char)*p >= 0x80 || (*p >= '0' && *p <= '9'))))
			continue; /* short, long, or part of a longer token */
		char w[MAX_LEN + 1];
		for (size_t i = 0; i < len; i++)
			w[i] = (char)(start[i] | 0x20);
		w[len] = '\0';
		const char *g;
		char last = w[len - 1], before = w[len - 2];
		bool vowel_before = strchr("aeiou", before) != NULL;
		if (len > 4 && strcmp(w + len - 3, "ies") == 0)
			g = arena_printf(a, "%s|%.*sy", w, (int)len - 3, w);
		else if (len > 4 && (strcmp(w + len - 4, "ches") == 0 || strcmp(w + len - 4, "shes") == 0 ||
		                     strcmp(w + len - 3, "xes") == 0 || strcmp(w + len - 3, "ses") == 0))
			g = arena_printf(a, "%s|%.*s", w, (int)len - 2, w);
		else if (last == 's' && before != 's' && before != 'u' && before != 'i')
			g = arena_printf(a, "%s|%.*s", w, (int)len - 1, w);
		else if (last == 'y' && !vowel_before)
			g = arena_printf(a, "%s|%.*sies", w, (int)len - 1, w);
		else if (last == 's' || last == 'x' || (last == 'h' && (before == 'c' || before == 's')))
			g = arena_printf(a, "%s|%ses", w, w);
		else
			g = arena_printf(a, "%s|%ss", w, w);
		*(const char **)PUSH(a, syn, nsyn, cap) = g;
		words++;
	}
}

/* Does text contain any of the terms (folded; word terms as whole words, as cjk_snippet marks them)? */
static bool has_term(const char *text, const struct cjk_terms *terms)
{
	enum { MAX_CPS = 256 };
	uint32_t cp[MAX_CPS];
	bool word[MAX_CPS];
	size_t n = 0;
	const char *p = text ? text : "", *end = p + strlen(p);
	while (p < end && n < MAX_CPS) {
		int32_t c = utf8_next(&p, end);
		enum cjk_class cls = CJK_SEP;
		uint32_t f = c < 0 ? 0 : cjk_fold_class((uint32_t)c, &cls);
		if (cls == CJK_SKIP)
			continue;
		cp[n] = f;
		word[n++] = cls == CJK_WORD;
	}
	for (size_t t = 0; t < terms->n; t++) {
		const uint32_t *tc = terms->cp + terms->t[t].off;
		size_t len = terms->t[t].len;
		for (size_t i = 0; len && i + len <= n; i++) {
			/* cppcheck-suppress uninitvar ; cp[0..n) is filled above */
			if (cp[i] != tc[0] || memcmp(cp + i, tc, len * sizeof *tc) != 0)
				continue;
			if (!terms->t[t].han && ((i > 0 && word[i - 1]) || (i + len < n && word[i + len])))
				continue;
			return true;
		}
	}
	return false;
}

static int by_rank(const void *x, const void *y)
{
	const struct search_hit *a = x, *b = y;
	if (a->rank_lang != b->rank_lang)
		return a->rank_lang ? -1 : 1;
	return (a->score > b->score) - (a->score < b->score);
}

/*
 * Orders hits[0..n) for people: rows in the visitor's language first; then
 * bm25, with two corrections.  A title holding a query word counts half as
 * much again: bm25 sums over a synonym group's variants, so an item
 * naming the thing in its title could sink under bodies that mention two
 * variants.  News counts less than services and FAQ: it dates, and the
 * notice sheets and answers are what a visitor acts on.
 */
void search_rerank(struct search_hit *hits, size_t n, enum lang lang, const struct cjk_terms *terms)
{
	for (size_t i = 0; i < n; i++) {
		struct search_hit *h = &hits[i];
		h->rank_lang = h->lang == lang;
		if (has_term(h->title, terms))
			h->score *= SEARCH_TITLE_BOOST;
		if (h->kind == SEARCH_NEWS)
			h->score *= SEARCH_NEWS_WEIGHT;
	}
	if (n > 1)
		qsort(hits, n, sizeof *hits, by_rank);
}

/* ---- synonyms ---- */

static bool syn_space(int32_t c)
{
	return c == ' ' || c == '\t' || c == 0x3000;
}

const char *search_synonym_normalize(struct arena *a, const char *typed)
{
	enum { MAX_VARIANTS = 16, MAX_VARIANT_CHARS = 40 };
	const char *vs[MAX_VARIANTS];
	size_t vl[MAX_VARIANTS], nv = 0;
	const char *p = typed ? typed : "", *end = p + strlen(p);
	while (p <= end) {
		/* one variant: up to the next separator, spaces trimmed at both ends */
		const char *start = p, *stop = p;
		while (stop < end) {
			const char *q = stop;
			int32_t c = utf8_next(&q, end);
			if (c < 0)
				return NULL;
			if (cjk_synonym_sep(c))
				break;
			stop = q;
		}
		const char *next = stop;
		if (next < end)
			utf8_next(&next, end);
		const char *b = start, *e = stop;
		for (;;) { /* leading spaces */
			const char *q = b;
			if (b >= e || !syn_space(utf8_next(&q, e)))
				break;
			b = q;
		}
		while (e > b) { /* trailing spaces: step back over one code point */
			const char *q = e - 1;
			while (q > b && ((unsigned char)*q & 0xC0) == 0x80)
				q--;
			const char *r = q;
			if (!syn_space(utf8_next(&r, e)))
				break;
			e = q;
		}
		size_t len = (size_t)(e - b);
		if (len) {
			if (utf8_len(b, len) > MAX_VARIANT_CHARS || nv == MAX_VARIANTS)
				return NULL;
			/* a variant must hold something searchable */
			struct buf m;
			buf_init(&m);
			size_t terms = cjk_query_build(b, len, NULL, 0, &m, NULL, 0);
			buf_free(&m);
			if (!terms)
				return NULL;
			bool dup = false;
			for (size_t i = 0; i < nv && !dup; i++)
				dup = vl[i] == len && memcmp(vs[i], b, len) == 0;
			if (!dup) {
				vs[nv] = b;
				vl[nv++] = len;
			}
		}
		if (stop >= end)
			break;
		p = next;
	}
	if (nv < 2)
		return NULL;
	struct buf out;
	buf_init(&out);
	for (size_t i = 0; i < nv; i++) {
		if (i)
			buf_putc(&out, '|');
		buf_put(&out, vs[i], vl[i]);
	}
	const char *r = arena_strndup(a, out.data, out.len);
	buf_free(&out);
	return r;
}

/*
 * cjk.c -- the CJK tokenizer, the FTS5 MATCH builder and the snippet maker
 * (see cjk.h for what they promise; folding is in cjk_fold.c).
 *
 * Pure domain code: libc and util/ only.  Must not include <sqlite3.h>.
 * The tokenizer allocates nothing; the query builder allocates only through
 * the caller's struct buf; the snippet maker mallocs one array for
 * documents longer than SNIP_STACK code points.
 */
#include "domain/cjk.h"

#include <stdlib.h>
#include <string.h>

/*
 * Decodes and folds the code point at *p, advancing *p.  An invalid byte is
 * skipped (utf8_next advances one byte) and reads as a separator.
 */
/* utf8_next, with the common case inline: a three-byte sequence (CJK text is nearly all of them). */
static inline int32_t next_cp(const char **p, const char *end)
{
	const unsigned char *s = (const unsigned char *)*p;
	if (end - *p >= 3 && (s[0] & 0xF0) == 0xE0 && (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80) {
		uint32_t c = (uint32_t)(s[0] & 0x0F) << 12 | (uint32_t)(s[1] & 0x3F) << 6 | (s[2] & 0x3F);
		if (c >= 0x800 && (c < 0xD800 || c > 0xDFFF)) {
			*p += 3;
			return (int32_t)c;
		}
	}
	return utf8_next(p, end);
}

static inline uint32_t next_folded(const char **p, const char *end, enum cjk_class *cls)
{
	unsigned char b = (unsigned char)**p;
	if (b < 0x80) {
		(*p)++;
		if ((b | 0x20) >= 'a' && (b | 0x20) <= 'z') {
			*cls = CJK_WORD;
			return b | 0x20;
		}
		if (b >= '0' && b <= '9') {
			*cls = CJK_WORD;
			return b;
		}
		*cls = CJK_SEP;
		return 0;
	}
	int32_t c = next_cp(p, end);
	if (c < 0) {
		*cls = CJK_SEP;
		return 0;
	}
	if (c >= 0x4E00 && c <= 0x9FFF && !(cjk_fold_bmp[c / 64] >> (c % 64) & 1)) {
		*cls = CJK_HAN; /* a common ideograph that folds to itself */
		return (uint32_t)c;
	}
	return cjk_fold_class((uint32_t)c, cls);
}

/* ---- tokenizer ---- */

void cjk_tok_init(struct cjk_tok *t, const char *s, size_t n, enum cjk_tok_mode mode)
{
	if (!s) {
		s = "";
		n = 0;
	}
	t->s = t->p = s;
	t->end = s + n;
	t->mode = mode;
	t->have_han = t->han_done = t->run_pairs = false;
	t->han = 0;
	t->han_start = t->han_end = 0;
}

/* Is the next visible code point after t->p Han?  Fills it in; t->p stays. */
static bool peek_han(const struct cjk_tok *t, uint32_t *cp, size_t *start, size_t *end)
{
	const char *p = t->p;
	while (p < t->end) {
		const char *at = p;
		enum cjk_class cls;
		uint32_t c = next_folded(&p, t->end, &cls);
		if (cls == CJK_SKIP)
			continue;
		if (cls != CJK_HAN)
			return false;
		*cp = c;
		*start = (size_t)(at - t->s);
		*end = (size_t)(p - t->s);
		return true;
	}
	return false;
}

/* A unigram (c2 == 0) or bigram token into *out; returns true. */
static bool put_han(struct cjk_tok *t, struct cjk_token *out, uint32_t c1, uint32_t c2, size_t start, size_t end,
                    bool colocated)
{
	size_t len = utf8_put(t->buf, c1);
	if (c2)
		len += utf8_put(t->buf + len, c2);
	out->text = t->buf;
	out->len = len;
	out->start = start;
	out->end = end;
	out->colocated = colocated;
	return true;
}

bool cjk_tok_next(struct cjk_tok *t, struct cjk_token *out)
{
	for (;;) {
		if (t->have_han) {
			uint32_t c2;
			size_t s2, e2;
			if (t->mode == CJK_TOK_DOCUMENT && !t->han_done) {
				t->han_done = true;
				return put_han(t, out, t->han, 0, t->han_start, t->han_end, false);
			}
			if (peek_han(t, &c2, &s2, &e2)) {
				put_han(t, out, t->han, c2, t->han_start, e2, t->mode == CJK_TOK_DOCUMENT);
				t->han = c2;
				t->han_start = s2;
				t->han_end = e2;
				t->han_done = false;
				t->run_pairs = true;
				t->p = t->s + e2;
				return true;
			}
			t->have_han = false;
			if (t->mode == CJK_TOK_QUERY && !t->run_pairs)
				return put_han(t, out, t->han, 0, t->han_start, t->han_end, false);
			continue;
		}
		if (t->p >= t->end)
			return false;
		const char *at = t->p;
		enum cjk_class cls;
		uint32_t c = next_folded(&t->p, t->end, &cls);
		if (cls == CJK_HAN) {
			t->have_han = true;
			t->han_done = t->run_pairs = false;
			t->han = c;
			t->han_start = (size_t)(at - t->s);
			t->han_end = (size_t)(t->p - t->s);
			continue;
		}
		if (cls != CJK_WORD)
			continue;
		/* a word: letters and digits, invisibles inside ignored */
		size_t len = utf8_put(t->buf, c);
		bool full = false;
		const char *wend = t->p;
		while (t->p < t->end) {
			const char *q = t->p;
			enum cjk_class c2cls;
			uint32_t c2 = next_folded(&q, t->end, &c2cls);
			if (c2cls == CJK_SKIP) {
				t->p = q;
				continue;
			}
			if (c2cls != CJK_WORD)
				break;
			t->p = wend = q;
			if (full)
				continue;
			char tmp[4];
			size_t k = utf8_put(tmp, c2);
			if (len + k > CJK_TOKEN_MAX) {
				full = true;
				continue;
			}
			memcpy(t->buf + len, tmp, k);
			len += k;
		}
		out->text = t->buf;
		out->len = len;
		out->start = (size_t)(at - t->s);
		out->end = (size_t)(wend - t->s);
		out->colocated = false;
		return true;
	}
}

/* ---- query building ---- */

enum {
	QUERY_MAX_BYTES = 8192, /* of the raw query, looked at */
	SYN_MAX_VARIANTS = 16,  /* per synonym group */
};

/* A folded text: words separated by single 0s, no 0 at either end. */
struct fseq {
	size_t n;
	uint32_t cp[CJK_QUERY_MAX_CHARS];
	bool han[CJK_QUERY_MAX_CHARS];
};

static void fseq_fold(struct fseq *f, const char *s, size_t n)
{
	const char *p = s, *end = s + (n > QUERY_MAX_BYTES ? QUERY_MAX_BYTES : n);
	f->n = 0;
	while (p < end && f->n < CJK_QUERY_MAX_CHARS) {
		enum cjk_class cls;
		uint32_t c = next_folded(&p, end, &cls);
		if (cls == CJK_SKIP)
			continue;
		bool han = cls == CJK_HAN;
		bool gap = f->n && f->cp[f->n - 1];
		if (cls == CJK_SEP || (gap && f->han[f->n - 1] != han)) {
			if (gap) {
				f->cp[f->n] = 0;
				f->han[f->n++] = false;
			}
			if (cls == CJK_SEP || f->n == CJK_QUERY_MAX_CHARS)
				continue;
		}
		f->cp[f->n] = c;
		f->han[f->n++] = han;
	}
	while (f->n && !f->cp[f->n - 1])
		f->n--;
}

bool cjk_synonym_sep(int32_t c)
{
	return c == '|' || c == ',' || c == 0xFF5C || c == 0xFF0C || c == 0x3001;
}

/*
 * Splits synonym group g into variants: stores up to SYN_MAX_VARIANTS byte
 * ranges [vs[i], ve[i]) of g and returns how many.
 */
static size_t syn_split(const char *g, const char **vs, const char **ve)
{
	size_t nv = 0;
	const char *p = g, *end = g + strlen(g), *start = g;
	while (nv < SYN_MAX_VARIANTS) {
		const char *at = p;
		int32_t c = p < end ? utf8_next(&p, end) : -2;
		if (c == -2 || cjk_synonym_sep(c)) {
			if (at > start) {
				vs[nv] = start;
				ve[nv++] = at;
			}
			if (c == -2)
				break;
			start = p;
		}
	}
	return nv;
}

static bool fseq_match(const struct fseq *q, size_t i, const struct fseq *v)
{
	if (!v->n || i + v->n > q->n)
		return false;
	if (!q->han[i] && i > 0 && q->cp[i - 1])
		return false; /* would start inside a word */
	if (memcmp(q->cp + i, v->cp, v->n * sizeof v->cp[0]) != 0)
		return false;
	size_t e = i + v->n;
	return e == q->n || !q->cp[e] || q->han[e - 1];
}

/* Appends cps as one FTS5 string: "..." with '"' doubled. */
static void put_quoted(struct buf *b, const uint32_t *cp, size_t n)
{
	char tmp[4];
	buf_putc(b, '"');
	for (size_t i = 0; i < n; i++) {
		if (cp[i] == '"')
			buf_putc(b, '"');
		buf_put(b, tmp, utf8_put(tmp, cp[i]));
	}
	buf_putc(b, '"');
}

static void add_term(struct cjk_terms *t, const uint32_t *cp, size_t n, bool han)
{
	if (!t || !n || t->n >= CJK_TERMS_MAX || t->ncp + n > CJK_TERMS_CPS)
		return;
	for (size_t i = 0; i < t->n; i++)
		if (t->t[i].len == n && !memcmp(t->cp + t->t[i].off, cp, n * sizeof *cp))
			return;
	memcpy(t->cp + t->ncp, cp, n * sizeof *cp);
	t->t[t->n].off = (uint16_t)t->ncp;
	t->t[t->n].len = (uint16_t)n;
	t->t[t->n].han = han;
	t->n++;
	t->ncp += n;
}

/* Renders synonym group g as ("v1" OR ("w1" AND "w2") ...); adds its words to terms. */
static void put_group(struct buf *b, const char *g, struct cjk_terms *terms)
{
	const char *vs[SYN_MAX_VARIANTS], *ve[SYN_MAX_VARIANTS];
	size_t nv = syn_split(g, vs, ve), done = 0;
	struct fseq v;
	buf_putc(b, '(');
	for (size_t i = 0; i < nv; i++) {
		fseq_fold(&v, vs[i], (size_t)(ve[i] - vs[i]));
		if (!v.n)
			continue;
		size_t nwords = 1;
		for (size_t k = 0; k < v.n; k++)
			nwords += !v.cp[k];
		if (done++)
			buf_puts(b, " OR ");
		if (nwords > 1)
			buf_putc(b, '(');
		for (size_t k = 0, w = 0; k <= v.n; k++) {
			if (k < v.n && v.cp[k])
				continue;
			if (w)
				buf_puts(b, " AND ");
			put_quoted(b, v.cp + w, k - w);
			add_term(terms, v.cp + w, k - w, v.han[w]);
			w = k + 1;
		}
		if (nwords > 1)
			buf_putc(b, ')');
	}
	buf_putc(b, ')');
}

struct qitem {
	uint16_t a, b; /* plain: [a, b) of the query */
	int32_t group; /* or >= 0: a synonym group */
};

size_t cjk_query_build(const char *q, size_t n, const char *const *synonym_groups, size_t nsyn, struct buf *match_out,
                       struct cjk_terms *terms_out, unsigned flags)
{
	bool any = flags & CJK_QUERY_ANY;
	struct fseq qs, v;
	uint16_t best_len[CJK_QUERY_MAX_CHARS];
	int32_t best_group[CJK_QUERY_MAX_CHARS];
	struct qitem item[CJK_QUERY_MAX_TERMS];
	size_t nitem = 0;

	buf_reset(match_out);
	if (terms_out) {
		terms_out->n = 0;
		terms_out->ncp = 0;
	}
	if (!q)
		return 0;
	fseq_fold(&qs, q, n);
	if (!qs.n)
		return 0;

	/* the longest synonym variant starting at each position */
	memset(best_len, 0, sizeof best_len);
	for (size_t g = 0; g < nsyn && synonym_groups; g++) {
		if (!synonym_groups[g])
			continue;
		const char *vs[SYN_MAX_VARIANTS], *ve[SYN_MAX_VARIANTS];
		size_t nv = syn_split(synonym_groups[g], vs, ve);
		for (size_t k = 0; k < nv; k++) {
			fseq_fold(&v, vs[k], (size_t)(ve[k] - vs[k]));
			for (size_t i = 0; v.n && i < qs.n; i++) {
				if (qs.cp[i] == v.cp[0] && v.n > best_len[i] && fseq_match(&qs, i, &v)) {
					best_len[i] = (uint16_t)v.n;
					best_group[i] = (int32_t)g;
				}
			}
		}
	}

	/* left to right: words, split around synonym matches */
	size_t seg = SIZE_MAX;
	for (size_t i = 0; i <= qs.n && nitem < CJK_QUERY_MAX_TERMS;) {
		bool stop = i == qs.n || !qs.cp[i] || best_len[i];
		if (stop && seg != SIZE_MAX) {
			if (any && qs.han[seg] && i - seg > 2) {
				/* loose: the run's bigrams, each on its own */
				for (size_t k = seg; k + 2 <= i && nitem < CJK_QUERY_MAX_TERMS; k++)
					item[nitem++] = (struct qitem){(uint16_t)k, (uint16_t)(k + 2), -1};
			} else {
				item[nitem++] = (struct qitem){(uint16_t)seg, (uint16_t)i, -1};
			}
			seg = SIZE_MAX;
			continue;
		}
		if (i == qs.n)
			break;
		if (!qs.cp[i]) {
			i++;
		} else if (best_len[i]) {
			item[nitem++] = (struct qitem){0, 0, best_group[i]};
			i += best_len[i];
		} else {
			seg = seg == SIZE_MAX ? i : seg;
			i++;
		}
	}

	/* drop duplicates, then render */
	size_t nout = 0;
	for (size_t i = 0; i < nitem; i++) {
		bool dup = false;
		for (size_t k = 0; k < i && !dup; k++) {
			if (item[i].group >= 0 || item[k].group >= 0)
				dup = item[i].group == item[k].group;
			else
				dup = item[i].b - item[i].a == item[k].b - item[k].a &&
				      !memcmp(qs.cp + item[i].a, qs.cp + item[k].a,
				              (size_t)(item[i].b - item[i].a) * sizeof qs.cp[0]);
		}
		if (dup)
			continue;
		if (nout++)
			buf_puts(match_out, any ? " OR " : " AND ");
		if (item[i].group >= 0) {
			put_group(match_out, synonym_groups[item[i].group], terms_out);
		} else {
			size_t a = item[i].a, len = (size_t)(item[i].b - item[i].a);
			put_quoted(match_out, qs.cp + a, len);
			add_term(terms_out, qs.cp + a, len, qs.han[a]);
		}
	}
	return nout;
}

/* ---- snippets ---- */

enum {
	SNIP_STACK = 256,   /* code points handled without malloc */
	SNIP_SCAN = 65536,  /* code points of a document looked at */
	SNIP_MATCHES = 256, /* matches recorded */
	SNIP_LEAD = 5,      /* context before the first match: max_chars / SNIP_LEAD */
	SNIP_SLACK = 32,    /* code points folded beyond a window's length at first */
};

struct sent {
	uint32_t cp; /* folded; 0 for a separator */
	uint32_t start, end;
	uint8_t cls;
};

struct smatch {
	uint32_t a, b; /* entries [a, b) */
	uint32_t term;
};

static bool is_space(int32_t c)
{
	return c == ' ' || (c >= 0x09 && c <= 0x0D) || c == 0x85 || c == 0xA0 || c == 0x1680 ||
	       (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

/* Characters never copied into a snippet: controls, bidi overrides. */
static bool is_dropped(int32_t c)
{
	return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) ||
	       (c >= 0x2066 && c <= 0x2069);
}

static bool is_sentence_end(const char *doc, const struct sent *e)
{
	const char *p = doc + e->start;
	int32_t c = utf8_next(&p, doc + e->end);
	return c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0xFF1B || c == '!' || c == '?' || c == ';' ||
	       c == '\n';
}

/* The terms as find_matches looks for them: longest first, and which first code points can start one. */
struct matcher {
	const struct cjk_terms *terms;
	size_t order[CJK_TERMS_MAX], nt, longest;
	uint64_t first; /* bit (cp % 64) set for each term's first code point */
};

static void matcher_init(struct matcher *mt, const struct cjk_terms *terms)
{
	mt->terms = terms;
	mt->nt = mt->longest = 0;
	mt->first = 0;
	for (size_t i = 0; terms && i < terms->n && i < CJK_TERMS_MAX; i++) {
		size_t k = mt->nt++, len = terms->t[i].len;
		while (k > 0 && terms->t[mt->order[k - 1]].len < len) {
			mt->order[k] = mt->order[k - 1];
			k--;
		}
		mt->order[k] = i;
		if (len) {
			mt->first |= 1ULL << (terms->cp[terms->t[i].off] % 64);
			mt->longest = len > mt->longest ? len : mt->longest;
		}
	}
}

/*
 * Records matches over entries e[0..ne) into m[0..SNIP_MATCHES), in order
 * of position; m[0..*nm) holds the matches of an earlier call over the
 * first *scanned entries: those a longer text cannot change are kept, and
 * the scan goes on from there (a document is folded a window at a time).
 */
static void find_matches(const struct sent *e, size_t ne, const struct matcher *mt, struct smatch *m, size_t *nm,
                         size_t *scanned)
{
	/* a match ending at the old end, or a word beside it, may read differently now */
	size_t from = *scanned > mt->longest ? *scanned - mt->longest : 0;
	while (*nm > 0 && m[*nm - 1].a >= from)
		(*nm)--;
	*scanned = ne;
	const struct cjk_terms *terms = mt->terms;
	for (size_t i = from; i < ne && *nm < SNIP_MATCHES; i++) {
		if (!e[i].cp || !(mt->first >> (e[i].cp % 64) & 1))
			continue;
		for (size_t k = 0; k < mt->nt; k++) {
			size_t ti = mt->order[k], len = terms->t[ti].len;
			const uint32_t *tc = terms->cp + terms->t[ti].off;
			if (!len || tc[0] != e[i].cp || i + len > ne)
				continue;
			size_t j = 1;
			while (j < len && e[i + j].cp == tc[j])
				j++;
			if (j < len)
				continue;
			if (!terms->t[ti].han &&
			    ((i > 0 && e[i - 1].cls == CJK_WORD) || (i + len < ne && e[i + len].cls == CJK_WORD)))
				continue; /* words match whole words only */
			m[(*nm)++] = (struct smatch){(uint32_t)i, (uint32_t)(i + len), (uint32_t)ti};
			break;
		}
	}
}

/* Picks the window [*ws, *we) of at most w entries holding the most distinct terms. */
static void pick_window(const struct smatch *m, size_t nm, size_t ne, size_t w, size_t *ws, size_t *we)
{
	size_t lead = w / SNIP_LEAD, best_score = 0, best_count = 0;
	*ws = 0;
	*we = ne < w ? ne : w;
	for (size_t k = 0; k < nm; k++) {
		size_t s = m[k].a > lead ? m[k].a - lead : 0, e = s + w;
		if (e > ne) {
			e = ne;
			s = ne > w ? ne - w : 0;
		}
		uint64_t seen = 0;
		size_t count = 0;
		for (size_t j = 0; j < nm && m[j].a < e; j++) {
			if (m[j].b <= e && m[j].a >= s) {
				seen |= (uint64_t)1 << (m[j].term & 63);
				count++;
			}
		}
		size_t score = (size_t)__builtin_popcountll(seen);
		if (score > best_score || (score == best_score && count > best_count)) {
			best_score = score;
			best_count = count;
			*ws = s;
			*we = e;
		}
	}
}

/*
 * Does a window of w entries, placed as pick_window places it at a match of
 * m[0..nm), hold every term and end before entry ne (one entry of context
 * beyond it folded, for whole-word checks)?  No later window can hold more
 * terms, so the rest of the document need not be folded.
 */
static bool window_holds_all(const struct smatch *m, size_t nm, size_t ne, size_t w, const struct cjk_terms *terms)
{
	size_t nt = terms ? (terms->n < CJK_TERMS_MAX ? terms->n : CJK_TERMS_MAX) : 0, lead = w / SNIP_LEAD;
	if (nt == 0)
		return ne > w;
	for (size_t k = 0; k < nm; k++) {
		size_t s = m[k].a > lead ? m[k].a - lead : 0, e = s + w;
		if (e >= ne)
			return false;
		uint64_t seen = 0;
		for (size_t j = k; j < nm && m[j].a < e; j++)
			if (m[j].b <= e)
				seen |= (uint64_t)1 << (m[j].term & 63);
		if ((size_t)__builtin_popcountll(seen) == nt)
			return true;
	}
	return false;
}

size_t cjk_snippet(const char *doc, size_t n, const struct cjk_terms *terms, size_t max_chars, struct buf *out)
{
	struct sent stack_e[SNIP_STACK], *e = stack_e;
	struct smatch m[SNIP_MATCHES];
	size_t ne = 0, nmarks = 0;

	if (!doc || !n)
		return 0;
	size_t cap = n < SNIP_SCAN ? n : SNIP_SCAN;
	if (cap > SNIP_STACK)
		e = xmalloc(cap * sizeof *e);

	/*
	 * Fold the document, one entry per visible code point; for a window,
	 * only until some window holds every term (most documents name the
	 * query early: the rest is never decoded).
	 */
	const char *p = doc, *end = doc + n;
	size_t nm = 0, scanned = 0, stop = max_chars ? max_chars + max_chars / SNIP_LEAD + SNIP_SLACK : cap;
	struct matcher mt;
	matcher_init(&mt, terms);
	for (;;) {
		while (p < end && ne < stop && ne < cap) {
			const char *at = p;
			enum cjk_class cls;
			uint32_t c = next_folded(&p, end, &cls);
			if (cls == CJK_SKIP)
				continue;
			e[ne++] = (struct sent){c, (uint32_t)(at - doc), (uint32_t)(p - doc), (uint8_t)cls};
		}
		find_matches(e, ne, &mt, m, &nm, &scanned);
		if (p >= end || ne >= cap || window_holds_all(m, nm, ne, max_chars, terms))
			break;
		stop = 2 * ne; /* doubling: every step's rescan costs the document's length at most twice */
	}
	bool truncated = p < end;

	size_t ws = 0, we = ne;
	bool snapped = false;
	if (max_chars && ne > max_chars) {
		pick_window(m, nm, ne, max_chars, &ws, &we);
		if (ws > 0) {
			size_t first = we;
			for (size_t k = 0; k < nm; k++) {
				if (m[k].a >= ws) {
					first = m[k].a;
					break;
				}
			}
			for (size_t j = first; j-- > ws;) {
				if (is_sentence_end(doc, &e[j])) {
					ws = j + 1;
					snapped = true;
					break;
				}
			}
			while (ws < first && ws < we && !e[ws].cp)
				ws++;
			we = ws + max_chars < ne ? ws + max_chars : ne;
		}
	}
	if (ws >= we)
		goto done;

	size_t bs = e[ws].start, be = we < ne ? e[we].start : (truncated ? e[ne - 1].end : n);
	if (ws > 0 && !snapped)
		buf_puts(out, "…");

	/* merged mark spans, in bytes, inside the window */
	size_t si = 0, ns = 0;
	struct {
		size_t a, b;
	} span[SNIP_MATCHES];
	for (size_t k = 0; k < nm; k++) {
		if (m[k].a < ws || m[k].b > we)
			continue;
		size_t a = e[m[k].a].start, b = e[m[k].b - 1].end;
		if (ns && a <= span[ns - 1].b) {
			if (b > span[ns - 1].b)
				span[ns - 1].b = b;
		} else {
			span[ns].a = a;
			span[ns++].b = b;
		}
	}

	/* ordinary characters are written a run at a time: [run, at) is pending */
	bool in_mark = false, space = false, any = false;
	p = doc + bs;
	end = doc + be;
	const char *run = p;
	while (p < end) {
		const char *at = p;
		size_t off = (size_t)(at - doc);
		int32_t c = next_cp(&p, end);
		if (c < 0) {
			buf_put_html(out, run, (size_t)(at - run));
			run = p;
			continue;
		}
		bool sp = false, dropped = false;
		if (c < 0x4E00 || c > 0x9FFF) { /* not a common ideograph: might be space, control or mark */
			enum cjk_class cls;
			cjk_fold_class((uint32_t)c, &cls);
			sp = is_space(c);
			dropped = is_dropped(c);
			if (cls == CJK_SKIP && !dropped)
				continue; /* stays with its base character */
		}
		bool mark_edge = in_mark ? off >= span[si].b : si < ns && off >= span[si].a;
		if (!sp && !dropped && !space && !mark_edge) {
			any = true;
			continue;
		}
		buf_put_html(out, run, (size_t)(at - run));
		run = p; /* a space or a dropped character is not written */
		if (in_mark && off >= span[si].b) {
			buf_puts(out, "</mark>");
			in_mark = false;
			si++;
		}
		if (sp) {
			space = any;
			continue;
		}
		if (dropped)
			continue;
		if (space)
			buf_putc(out, ' ');
		space = false;
		any = true;
		if (!in_mark && si < ns && off >= span[si].a) {
			buf_puts(out, "<mark>");
			in_mark = true;
			nmarks++;
		}
		run = at;
	}
	buf_put_html(out, run, (size_t)(end - run));
	if (in_mark)
		buf_puts(out, "</mark>");
	if (we < ne || truncated)
		buf_puts(out, "…");
done:
	if (e != stack_e)
		free(e);
	return nmarks;
}

bool cjk_has_han(const char *s)
{
	const char *p = s ? s : "", *end = p + strlen(p);
	while (p < end) {
		int32_t cp = utf8_next(&p, end);
		if ((cp >= 0x3400 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
		    (cp >= 0x20000 && cp <= 0x3FFFF) || cp == 0x25CB /* ○, the masking circle */)
			return true;
	}
	return false;
}

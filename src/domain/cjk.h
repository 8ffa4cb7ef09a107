/*
 * cjk.h -- search text handling that works for Chinese: per-code-point
 * folding, the tokenizer behind the FTS5 "cjk" tokenizer, the MATCH
 * expression builder and the highlighted-snippet maker.
 *
 * Pure domain code: libc and util/ only.  Must not include <sqlite3.h>
 * (store/fts_cjk.c is the glue that registers the tokenizer with FTS5).
 *
 * How text becomes tokens (documents):
 *   - every code point is folded first (cjk_fold): ASCII and full-width
 *     Latin letters to lower case, full-width digits to ASCII, variant Han
 *     forms to one form (臺->台, 裏->裡, 峯->峰, 着->著, 戸->戶 ...), common
 *     simplified forms to traditional (户->戶, 证->證, 补->補 ...);
 *     punctuation, spaces and symbols fold to "separator".
 *   - a run of Han characters (CJK_HAN: also kana, hangul, bopomofo and the
 *     private-use planes that Taiwan's household registers use for rare
 *     characters) yields each character as a unigram at its own position
 *     and each overlapping pair as a bigram colocated with the pair's first
 *     character: 戶籍謄本 -> 戶 戶籍 | 籍 籍謄 | 謄 謄本 | 本.
 *   - a run of letters and digits (CJK_WORD) yields one lower-cased word
 *     (cut to CJK_TOKEN_MAX bytes); "abc-123" -> abc, 123.
 *   - invalid UTF-8 bytes are skipped as separators.
 * In query mode (the text inside one quoted FTS5 phrase) a Han run of two
 * or more characters yields only its bigrams, at consecutive positions, so
 * the phrase "戶籍謄本" matches exactly the documents holding 戶籍謄本
 * (after folding); a lone Han character yields its unigram.
 */
#ifndef BM_CJK_H
#define BM_CJK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/util.h"

/* ---- folding ---- */

enum cjk_class {
	CJK_SEP,  /* space, punctuation, symbol, control: ends a token */
	CJK_SKIP, /* invisible (variation selector, ZWJ, combining mark): dropped, ends nothing */
	CJK_WORD, /* letters and digits of scripts written with spaces */
	CJK_HAN,  /* Han and other scripts written without spaces */
};

/*
 * Folds code point cp for indexing and stores its class in *cls (which may
 * be NULL).  Returns the folded code point, or 0 for CJK_SEP and CJK_SKIP.
 * Idempotent: cjk_fold_class(cjk_fold_class(c)) keeps value and class.
 */
uint32_t cjk_fold_class(uint32_t cp, enum cjk_class *cls);

/*
 * One bit a BMP code point, set where cjk_fold_class changes a Han
 * character (filled before main runs, read-only after): lets the hot loops
 * pass the common ideographs (U+4E00..U+9FFF, which fold to themselves
 * unless marked) without a call.
 */
extern uint64_t cjk_fold_bmp[0x10000 / 64];

/* cjk_fold_class without the class: the folded code point, 0 if ignorable. */
uint32_t cjk_fold(uint32_t cp);

/* ---- tokenizer ---- */

enum {
	CJK_TOKEN_MAX = 64, /* bytes; longer words are cut at a character boundary */
};

enum cjk_tok_mode {
	CJK_TOK_DOCUMENT, /* unigrams + colocated bigrams (also for FTS5 aux calls) */
	CJK_TOK_QUERY,    /* bigrams only for Han runs of 2+, see above */
};

struct cjk_token {
	const char *text; /* folded UTF-8, not NUL-terminated; borrowed from the iterator */
	size_t len;       /* 1..CJK_TOKEN_MAX bytes */
	size_t start;     /* byte offsets of the token in the original text */
	size_t end;
	bool colocated; /* same position as the previous token (a bigram) */
};

/* Iterator state; lives on the caller's stack, owns no heap memory. */
struct cjk_tok {
	const char *s, *p, *end;
	enum cjk_tok_mode mode;
	bool have_han;  /* a Han character is pending */
	bool han_done;  /* ... and its unigram was already emitted (document mode) */
	bool run_pairs; /* the current Han run has emitted a bigram (query mode) */
	uint32_t han;
	size_t han_start, han_end;
	char buf[CJK_TOKEN_MAX + 8];
};

/* Starts tokenizing s[0..n) (which need not be valid UTF-8 nor NUL-terminated). */
void cjk_tok_init(struct cjk_tok *t, const char *s, size_t n, enum cjk_tok_mode mode);

/*
 * Produces the next token into *out.  Returns false at the end of the text.
 * out->text points into t and is valid until the next call.  No allocation.
 */
bool cjk_tok_next(struct cjk_tok *t, struct cjk_token *out);

/* ---- query building ---- */

enum {
	CJK_QUERY_MAX_CHARS = 256, /* folded characters of a query looked at */
	CJK_QUERY_MAX_TERMS = 32,  /* AND-ed terms (a synonym group counts once) */
	CJK_TERMS_MAX = 64,        /* highlight terms (synonym variants count each) */
	CJK_TERMS_CPS = 1024,      /* code points over all highlight terms */
};

/*
 * The folded terms of a query, for cjk_snippet.  A plain value the caller
 * owns (about 5 KB; fine on the stack); no cleanup needed.
 */
struct cjk_terms {
	size_t n;
	struct {
		uint16_t off, len; /* into cp[] */
		bool han;          /* Han terms match anywhere; word terms match whole words */
	} t[CJK_TERMS_MAX];
	size_t ncp;
	uint32_t cp[CJK_TERMS_CPS];
};

enum {
	CJK_QUERY_ANY = 1, /* flag: OR the terms, and split Han runs of 3+ into bigrams */
};

/*
 * Builds an FTS5 MATCH expression from user text q[0..n) into match_out
 * (reset first) and, when terms_out is not NULL, the folded terms to
 * highlight.
 *
 * Words of the query (runs of letters/digits, runs of Han characters) become
 * FTS5 strings, each double-quoted with '"' doubled, joined by AND; nothing
 * the user types is ever FTS5 syntax.  A Han run becomes one phrase (its
 * bigrams at consecutive positions: an exact substring match).  At most
 * CJK_QUERY_MAX_CHARS folded characters and CJK_QUERY_MAX_TERMS terms are
 * used; duplicates are dropped.
 *
 * Synonyms: synonym_groups[0..nsyn) are strings of variants separated by
 * '|' or ',' (also full-width ｜ ， and 、), e.g. "身分證|身份證" or
 * "敬老卡, 老人乘車證, 敬老愛心卡".  Variants are folded like the query.
 * Where a variant occurs in the query -- as whole words, or anywhere inside
 * a Han run (Chinese queries have no spaces) -- the longest such variant is
 * replaced by ("v1" OR "v2" OR ...) over all the group's variants; a variant
 * of several words becomes ("w1" AND "w2").  NULL entries are skipped.
 *
 * flags 0 gives the strict query above.  CJK_QUERY_ANY gives a loose one
 * for when the strict one finds nothing (Chinese users type questions:
 * 如何申請戶籍謄本 is no phrase of any document): the terms are OR-ed and
 * a Han run of three or more characters becomes its separate bigrams, so
 * bm25 ranks first the documents sharing the most (and rarest) pairs.  It
 * can match much of the table; run it only as a fallback, with a LIMIT.
 *
 * Returns the number of AND-ed (OR-ed) terms; 0 means "no query" and leaves
 * match_out empty (do not run MATCH with it).  Safe on any bytes: invalid
 * UTF-8 is skipped.  Allocates only by growing match_out.
 */
size_t cjk_query_build(const char *q, size_t n, const char *const *synonym_groups, size_t nsyn, struct buf *match_out,
                       struct cjk_terms *terms_out, unsigned flags);

/* Is c a separator between the variants of a synonym group ('|', ',', ｜, ， or 、)? */
bool cjk_synonym_sep(int32_t c);

/* ---- snippets ---- */

enum {
	CJK_SNIPPET_CHARS = 100, /* a good max_chars for result lists */
};

/*
 * Appends to out (not reset) trusted HTML for doc[0..n): a window of about
 * max_chars characters around the best cluster of matches of terms (or the
 * start of doc when nothing matches), with "…" where text was cut, every
 * matched substring wrapped in <mark>...</mark>, & < > " ' escaped,
 * whitespace runs collapsed to one space, controls and invalid UTF-8
 * dropped.  Matching is on folded text (a simplified query marks the
 * traditional text) but the original characters are output.  max_chars 0
 * highlights the whole text without cutting (for titles).  terms may be
 * NULL.  Returns the number of <mark> elements written.
 */
size_t cjk_snippet(const char *doc, size_t n, const struct cjk_terms *terms, size_t max_chars, struct buf *out);

/* Does s hold Han characters (or ○, the masking circle of a masked name)?  NULL: no. */
bool cjk_has_han(const char *s);

#endif

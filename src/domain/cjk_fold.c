/*
 * cjk_fold.c -- per-code-point folding for search: case, width, punctuation,
 * variant Han forms and simplified-to-traditional Chinese.  Pure: libc only;
 * must not include <sqlite3.h> or do I/O.
 *
 * Every mapping is one code point to one code point, so that offsets into
 * the original text stay meaningful and folded text can be matched
 * character by character (cjk_snippet).
 *
 * fold_han[] is generated: cjk_fold_table.h, written by
 * scripts/gen-cjk-fold.py (`make gen-fold`) from OpenCC's dictionaries and
 * the Unicode normalisation data; the script says what goes in and why
 * (simplified -> traditional, Taiwan standard forms, compatibility
 * ideographs, Kangxi radicals).
 * The table is sorted, and idempotent: no target is itself a source
 * (tests/unit/test_cjk_fold.c checks both).
 */
#include "domain/cjk.h"
#include "domain/cjk_fold_table.h"

enum { FOLD_HAN_N = sizeof fold_han / sizeof fold_han[0] };

/*
 * Set where fold_han has a source: most Han text folds to itself, and a
 * search page folds every character of its snippets' documents, so the
 * bit spares nearly all binary searches (and, in cjk.c, most calls).
 */
uint64_t cjk_fold_bmp[0x10000 / 64];

__attribute__((constructor)) static void fold_bmp_fill(void)
{
	for (size_t i = 0; i < FOLD_HAN_N; i++)
		if (fold_han[i].from < 0x10000)
			cjk_fold_bmp[fold_han[i].from / 64] |= 1ULL << (fold_han[i].from % 64);
}

static uint32_t han_lookup(uint32_t cp)
{
	if (cp < 0x10000 && !(cjk_fold_bmp[cp / 64] >> (cp % 64) & 1))
		return cp;
	if (cp < fold_han[0].from || cp > fold_han[FOLD_HAN_N - 1].from)
		return cp;
	size_t lo = 0, hi = FOLD_HAN_N;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (fold_han[mid].from < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < FOLD_HAN_N && fold_han[lo].from == cp ? fold_han[lo].to : cp;
}

/* Range lists with a comment per range: kept as written. */
/* clang-format off */
/* Han class before folding: ideographs, radicals, kana, hangul, bopomofo, PUA. */
static bool is_han(uint32_t cp)
{
	if (cp < 0x2E80)
		return false;
	if (cp < 0xA000)
		return (cp >= 0x3400) /* Ext A, URO */
		       || cp <= 0x2FDF /* radicals, Kangxi radicals */
		       || (cp >= 0x3005 && cp <= 0x3007) || (cp >= 0x3021 && cp <= 0x3029)
		       || (cp >= 0x3038 && cp <= 0x303B)
		       || (cp >= 0x3040 && cp <= 0x31FF && cp != 0x30FB && cp != 0x3190 && cp != 0x3191);
	if (cp < 0x10000)
		return (cp >= 0xA000 && cp <= 0xA4CF)    /* Yi */
		       || (cp >= 0xAC00 && cp <= 0xD7AF) /* Hangul syllables */
		       || (cp >= 0xE000 && cp <= 0xF8FF) /* private use (戶政 rare characters) */
		       || (cp >= 0xF900 && cp <= 0xFAFF) /* compatibility ideographs */
		       || (cp >= 0xFF66 && cp <= 0xFFDC); /* half-width katakana, hangul */
	return (cp >= 0x1B000 && cp <= 0x1B2FF)     /* kana supplements */
	       || (cp >= 0x20000 && cp <= 0x3FFFD) /* Ext B..H, compatibility supplement */
	       || (cp >= 0xF0000 && cp <= 0x10FFFD); /* supplementary private use */
}

/* Invisible code points that must not split a word or a Han run. */
static bool is_skip(uint32_t cp)
{
	return (cp >= 0x0300 && cp <= 0x036F) /* combining diacritics */
	       || cp == 0x00AD || cp == 0x034F || (cp >= 0x180B && cp <= 0x180F)
	       || (cp >= 0x200C && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E)
	       || (cp >= 0x2060 && cp <= 0x206F) || (cp >= 0x20D0 && cp <= 0x20FF)
	       || (cp >= 0x3099 && cp <= 0x309A) || (cp >= 0xFE00 && cp <= 0xFE0F)
	       || (cp >= 0xFE20 && cp <= 0xFE2F) || cp == 0xFEFF
	       || (cp >= 0xE0000 && cp <= 0xE0FFF); /* tags, variation selectors supplement */
}
/* clang-format on */

/* Punctuation, spaces, symbols and controls outside ASCII. */
static bool is_sep(uint32_t cp)
{
	if (cp <= 0xBF)
		return true; /* C1 controls, NBSP, Latin-1 punctuation */
	if (cp == 0xD7 || cp == 0xF7)
		return true;
	if (cp < 0x02B0)
		return false;
	if (cp <= 0x02FF)
		return true; /* spacing modifiers */
	if (cp < 0x1680)
		return false;
	if (cp == 0x1680)
		return true;
	if (cp < 0x2000)
		return false;
	if (cp <= 0x206F)
		return true; /* general punctuation (the invisibles are is_skip) */
	if (cp < 0x20A0)
		return false; /* super- and subscripts */
	if (cp <= 0x20CF)
		return true; /* currency */
	if (cp >= 0x2100 && cp <= 0x2BFF)
		return true; /* letterlike, number forms, arrows, math, boxes, shapes, dingbats */
	if (cp >= 0x2E00 && cp <= 0x2E7F)
		return true; /* supplemental punctuation */
	if (cp >= 0x3000 && cp <= 0x303F)
		return true; /* CJK punctuation (the Han ones are tested before) */
	if (cp == 0x30FB || cp == 0x3190 || cp == 0x3191)
		return true;
	if (cp >= 0x3200 && cp <= 0x33FF)
		return true; /* enclosed CJK, squared units */
	if (cp >= 0xFE10 && cp <= 0xFE1F)
		return true; /* vertical forms */
	if (cp >= 0xFE30 && cp <= 0xFE6F)
		return true; /* CJK compatibility and small forms */
	if (cp >= 0xFF00 && cp <= 0xFF65)
		return true; /* full-width punctuation left after folding */
	if (cp >= 0xFFE0 && cp <= 0xFFFF)
		return true; /* full-width symbols, specials */
	if (cp >= 0x1F000 && cp <= 0x1FAFF)
		return true; /* mahjong, cards, emoji, pictographs */
	return false;
}

/* Lower case for the alphabets a district office meets: Latin, Greek, Cyrillic. */
static uint32_t lower(uint32_t cp)
{
	if (cp < 0x0100)
		return (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) ? cp + 0x20 : cp;
	if (cp <= 0x017F) {
		if ((cp >= 0x0100 && cp <= 0x0137) || (cp >= 0x014A && cp <= 0x0177))
			return cp | 1;
		if ((cp >= 0x0139 && cp <= 0x0148) || (cp >= 0x0179 && cp <= 0x017E))
			return (cp & 1) ? cp + 1 : cp;
		return cp == 0x0178 ? 0xFF : cp;
	}
	if (cp >= 0x0391 && cp <= 0x03A9 && cp != 0x03A2)
		return cp + 0x20;
	if (cp >= 0x0410 && cp <= 0x042F)
		return cp + 0x20;
	if (cp >= 0x0400 && cp <= 0x040F)
		return cp + 0x50;
	return cp;
}

uint32_t cjk_fold_class(uint32_t cp, enum cjk_class *cls)
{
	enum cjk_class c;
	if (cp >= 0xFF01 && cp <= 0xFF5E)
		cp -= 0xFEE0; /* full-width ASCII */
	if (cp < 0x80) {
		if (cp >= 'A' && cp <= 'Z') {
			cp += 'a' - 'A';
			c = CJK_WORD;
		} else if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) {
			c = CJK_WORD;
		} else {
			cp = 0;
			c = CJK_SEP;
		}
	} else if (is_han(cp)) {
		cp = han_lookup(cp);
		c = CJK_HAN;
	} else if (is_skip(cp)) {
		cp = 0;
		c = CJK_SKIP;
	} else if (is_sep(cp) || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
		cp = 0;
		c = CJK_SEP;
	} else {
		cp = lower(cp);
		c = CJK_WORD;
	}
	if (cls)
		*cls = c;
	return cp;
}

uint32_t cjk_fold(uint32_t cp)
{
	return cjk_fold_class(cp, NULL);
}

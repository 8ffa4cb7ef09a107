/*
 * test_cjk.c -- the CJK search code: folding, the tokenizer, the MATCH
 * builder (against a real in-memory FTS5 table using the "cjk" tokenizer),
 * retrieval and ranking, and highlighted snippets.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "domain/cjk.h"
#include "store/fts_cjk.h"
#include "util/util.h"

/* ---- helpers ---- */

/* "tok@start-end" per token, "+" before colocated ones, space-separated. */
static void tokens(const char *s, size_t n, enum cjk_tok_mode mode, struct buf *out)
{
	struct cjk_tok t;
	struct cjk_token k;
	buf_reset(out);
	cjk_tok_init(&t, s, n, mode);
	while (cjk_tok_next(&t, &k)) {
		assert_true(k.len > 0 && k.len <= CJK_TOKEN_MAX);
		assert_true(k.start < k.end && k.end <= n);
		assert_true(utf8_valid(k.text, k.len));
		if (out->len)
			buf_putc(out, ' ');
		if (k.colocated)
			buf_putc(out, '+');
		buf_put(out, k.text, k.len);
		buf_printf(out, "@%zu-%zu", k.start, k.end);
	}
	buf_str(out);
}

/* The same without offsets, to compare texts of different byte lengths. */
static void token_texts(const char *s, enum cjk_tok_mode mode, struct buf *out)
{
	struct cjk_tok t;
	struct cjk_token k;
	buf_reset(out);
	cjk_tok_init(&t, s, strlen(s), mode);
	while (cjk_tok_next(&t, &k)) {
		if (out->len)
			buf_putc(out, ' ');
		if (k.colocated)
			buf_putc(out, '+');
		buf_put(out, k.text, k.len);
	}
	buf_str(out);
}

static void check_tokens(const char *s, enum cjk_tok_mode mode, const char *want)
{
	struct buf b;
	buf_init(&b);
	tokens(s, strlen(s), mode, &b);
	assert_string_equal(buf_str(&b), want);
	buf_free(&b);
}

static sqlite3 *db;

static const char *const synonyms[] = {
    "身分證|身份證",
    "敬老卡|老人乘車證|敬老愛心卡",
    "id card, identity card",
};

static const struct {
	const char *title, *body;
} rows[] = {
    {"戶籍謄本申請", "申請戶籍謄本需攜帶身分證正本；身分證遺失請先補發。"},              /* 1 */
    {"路燈故障報修", "路燈不亮、閃爍，請撥1999或上網通報。"},                            /* 2 */
    {"調解委員會", "調解委員會受理民事及告訴乃論刑事案件之調解。"},                      /* 3 */
    {"低收入戶證明", "申請低收入戶證明書，請洽社會課。"},                                /* 4 */
    {"老人乘車證", "年滿65歲之長者可申請老人乘車證。"},                                  /* 5 */
    {"Household Registration Certificate", "Apply at the counter; bring your ID card."}, /* 6 */
    {"地籍謄本", "地政事務所辦理。"},                                                    /* 7 */
    {"其他文件", "亦可於地政事務所申請地籍謄本及其他各類文件，另有多項說明。"},          /* 8 */
    {"臺南市區公所", "服務時間：週一至週五。"},                                          /* 9 */
    {"台北市", "非本區業務。"},                                                          /* 10 */
    {"證件補發", "協助民眾辦理各項證件。"},                                              /* 11 */
};

static int setup_db(void **state)
{
	(void)state;
	if (sqlite3_open(":memory:", &db) != SQLITE_OK)
		return -1;
	if (fts_cjk_register(db) != SQLITE_OK)
		return -1;
	if (sqlite3_exec(db, "CREATE VIRTUAL TABLE docs USING fts5(title, body, tokenize = 'cjk')", NULL, NULL, NULL) !=
	    SQLITE_OK)
		return -1;
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, "INSERT INTO docs(rowid, title, body) VALUES (?1, ?2, ?3)", -1, &st, NULL) !=
	    SQLITE_OK)
		return -1;
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		sqlite3_bind_int(st, 1, (int)i + 1);
		sqlite3_bind_text(st, 2, rows[i].title, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, rows[i].body, -1, SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_DONE)
			return -1;
		sqlite3_reset(st);
	}
	/* a document with invalid UTF-8 must index without trouble */
	static const char bad[] = "戶\xff\xfe籍\xc0\x80"
	                          "ab\xed\xa0\x80"
	                          "cd\xe6\x88";
	sqlite3_bind_int(st, 1, 100);
	sqlite3_bind_text(st, 2, bad, (int)sizeof bad - 1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, bad, (int)sizeof bad - 1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE)
		return -1;
	sqlite3_finalize(st);
	return 0;
}

static int teardown_db(void **state)
{
	(void)state;
	sqlite3_close(db);
	return 0;
}

/*
 * Runs user query q (with the synonym table when syn, built with flags) and writes the
 * matching rowids, best first by bm25 with the title weighted 10x, as
 * "1,4" into out.  Fails the test if SQLite rejects the MATCH expression.
 */
static void search(const char *q, size_t qn, bool syn, unsigned flags, char *out, size_t outsz)
{
	struct buf m;
	buf_init(&m);
	out[0] = '\0';
	size_t nterms = cjk_query_build(q, qn, syn ? synonyms : NULL, syn ? sizeof synonyms / sizeof synonyms[0] : 0,
	                                &m, NULL, flags);
	if (!nterms) {
		assert_int_equal(m.len, 0);
		buf_free(&m);
		strcpy(out, "-");
		return;
	}
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db,
	                                    "SELECT rowid FROM docs WHERE docs MATCH ?1"
	                                    " ORDER BY bm25(docs, 10.0, 1.0), rowid",
	                                    -1, &st, NULL),
	                 SQLITE_OK);
	sqlite3_bind_text(st, 1, m.data, (int)m.len, SQLITE_STATIC);
	size_t len = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		len += (size_t)snprintf(out + len, outsz - len, "%s%d", len ? "," : "", sqlite3_column_int(st, 0));
	if (rc != SQLITE_DONE)
		fail_msg("MATCH %s rejected: %s", m.data, sqlite3_errmsg(db));
	sqlite3_finalize(st);
	buf_free(&m);
}

/* want: matching rowids best first, "" for none, "-" for "no query". */
static void expect_rows_flags(const char *q, bool syn, unsigned flags, const char *want)
{
	char got[256];
	search(q, strlen(q), syn, flags, got, sizeof got);
	if (strcmp(got, want) != 0)
		fail_msg("query %s: rows %s, want %s", q, got, want);
}

static void expect_rows(const char *q, bool syn, const char *want)
{
	expect_rows_flags(q, syn, 0, want);
}

/* ---- folding ---- */

static void test_fold_basics(void **state)
{
	(void)state;
	assert_int_equal(cjk_fold('A'), 'a');
	assert_int_equal(cjk_fold(0xFF21), 'a');      /* Ａ */
	assert_int_equal(cjk_fold(0xFF41), 'a');      /* ａ */
	assert_int_equal(cjk_fold(0xFF10), '0');      /* ０ */
	assert_int_equal(cjk_fold(0xFF01), 0);        /* ！ */
	assert_int_equal(cjk_fold(0xFF0C), 0);        /* ， */
	assert_int_equal(cjk_fold(0x3002), 0);        /* 。 */
	assert_int_equal(cjk_fold(0x3000), 0);        /* ideographic space */
	assert_int_equal(cjk_fold(0xFE00), 0);        /* variation selector */
	assert_int_equal(cjk_fold(0x81FA), 0x53F0);   /* 臺 -> 台 */
	assert_int_equal(cjk_fold(0x53F0), 0x53F0);   /* 台 */
	assert_int_equal(cjk_fold(0x6237), 0x6236);   /* 户 -> 戶 */
	assert_int_equal(cjk_fold(0x6238), 0x6236);   /* 戸 -> 戶 */
	assert_int_equal(cjk_fold(0x2F3E), 0x6236);   /* ⼾ (Kangxi) -> 戶 */
	assert_int_equal(cjk_fold(0x88CF), 0x88E1);   /* 裏 -> 裡 */
	assert_int_equal(cjk_fold(0x5CEF), 0x5CF0);   /* 峯 -> 峰 */
	assert_int_equal(cjk_fold(0x7740), 0x8457);   /* 着 -> 著 */
	assert_int_equal(cjk_fold(0x8BC1), 0x8B49);   /* 证 -> 證 */
	assert_int_equal(cjk_fold(0x8865), 0x88DC);   /* 补 -> 補 */
	assert_int_equal(cjk_fold(0x529E), 0x8FA6);   /* 办 -> 辦 */
	assert_int_equal(cjk_fold(0x7A0E), 0x7A05);   /* 税 -> 稅 */
	assert_int_equal(cjk_fold(0x91CC), 0x91CC);   /* 里 stays (里長) */
	assert_int_equal(cjk_fold(0x540E), 0x540E);   /* 后 stays */
	assert_int_equal(cjk_fold(0x20000), 0x20000); /* Ext B */
	assert_int_equal(cjk_fold(0xC9), 0xE9);       /* É */
	assert_int_equal(cjk_fold(0x0416), 0x0436);   /* Ж */

	enum cjk_class c;
	cjk_fold_class(0x20000, &c);
	assert_int_equal(c, CJK_HAN);
	cjk_fold_class(0xF0000, &c);
	assert_int_equal(c, CJK_HAN);
	cjk_fold_class(0x1F600, &c); /* emoji */
	assert_int_equal(c, CJK_SEP);
	cjk_fold_class(0x0301, &c); /* combining acute */
	assert_int_equal(c, CJK_SKIP);
}

/* Folding twice changes nothing, for every code point, and keeps the class. */
static void test_fold_idempotent(void **state)
{
	(void)state;
	for (uint32_t cp = 0; cp <= 0x10FFFF; cp++) {
		enum cjk_class c1, c2;
		uint32_t f = cjk_fold_class(cp, &c1);
		if (!f) {
			assert_true(c1 == CJK_SEP || c1 == CJK_SKIP);
			continue;
		}
		assert_int_equal(cjk_fold_class(f, &c2), f);
		assert_int_equal(c1, c2);
	}
}

/* ---- tokenizer ---- */

static void test_tok_mixed(void **state)
{
	(void)state;
	check_tokens("2025年ＡＢＣ戶籍謄本abc-123", CJK_TOK_DOCUMENT,
	             "2025@0-4 年@4-7 abc@7-16 戶@16-19 +戶籍@16-22 籍@19-22 +籍謄@19-25 "
	             "謄@22-25 +謄本@22-28 本@25-28 abc@28-31 123@32-35");
	check_tokens("2025年ＡＢＣ戶籍謄本abc-123", CJK_TOK_QUERY,
	             "2025@0-4 年@4-7 abc@7-16 戶籍@16-22 籍謄@19-25 謄本@22-28 abc@28-31 123@32-35");
	check_tokens("戶", CJK_TOK_QUERY, "戶@0-3");
	check_tokens("  Hello, World!  ", CJK_TOK_DOCUMENT, "hello@2-7 world@9-14");
	check_tokens("", CJK_TOK_DOCUMENT, "");
	check_tokens("。，、！？「」（）", CJK_TOK_DOCUMENT, "");
}

static void test_tok_non_bmp(void **state)
{
	(void)state;
	/* U+20000 𠀀 and U+2A6D6 (Ext B) between BMP characters */
	check_tokens("王\xF0\xA0\x80\x80明\xF0\xAA\x9B\x96", CJK_TOK_DOCUMENT,
	             "王@0-3 +王\xF0\xA0\x80\x80@0-7 \xF0\xA0\x80\x80@3-7 +\xF0\xA0\x80\x80明@3-10 "
	             "明@7-10 +明\xF0\xAA\x9B\x96@7-14 \xF0\xAA\x9B\x96@10-14");
}

static void test_tok_invalid_utf8(void **state)
{
	(void)state;
	/* stray bytes, an overlong NUL, a surrogate, a cut-off sequence */
	static const char bad[] = "戶\xff\xfe籍\xc0\x80"
	                          "ab\xed\xa0\x80"
	                          "cd\xe6\x88";
	struct buf b;
	buf_init(&b);
	tokens(bad, sizeof bad - 1, CJK_TOK_DOCUMENT, &b);
	assert_string_equal(buf_str(&b), "戶@0-3 籍@5-8 ab@10-12 cd@15-17");
	/* every prefix and every single-byte corruption is safe */
	char tmp[64];
	for (size_t n = 0; n < sizeof bad; n++)
		tokens(bad, n, CJK_TOK_DOCUMENT, &b);
	static const char good[] = "申請戶籍謄本abc";
	for (size_t i = 0; i < sizeof good - 1; i++) {
		memcpy(tmp, good, sizeof good);
		tmp[i] = (char)0x80;
		tokens(tmp, sizeof good - 1, CJK_TOK_DOCUMENT, &b);
		tokens(tmp, sizeof good - 1, CJK_TOK_QUERY, &b);
	}
	buf_free(&b);
}

static void test_tok_folding(void **state)
{
	(void)state;
	struct buf a, b;
	buf_init(&a);
	buf_init(&b);
	check_tokens("ＡＢＣ１２３", CJK_TOK_DOCUMENT, "abc123@0-18");
	check_tokens("Ｅ－ｍａｉｌ", CJK_TOK_DOCUMENT, "e@0-3 mail@6-18");

	token_texts("臺南", CJK_TOK_DOCUMENT, &a);
	token_texts("台南", CJK_TOK_DOCUMENT, &b);
	assert_string_equal(a.data, b.data);
	assert_string_equal(a.data, "台 +台南 南");

	token_texts("户籍", CJK_TOK_DOCUMENT, &a);
	token_texts("戶籍", CJK_TOK_DOCUMENT, &b);
	assert_string_equal(a.data, b.data);
	token_texts("户籍证明", CJK_TOK_QUERY, &a);
	token_texts("戶籍證明", CJK_TOK_QUERY, &b);
	assert_string_equal(a.data, b.data);

	/* a variation selector does not split a run */
	check_tokens("戶\xEF\xB8\x80籍", CJK_TOK_DOCUMENT, "戶@0-3 +戶籍@0-9 籍@6-9");

	/* long words are cut at CJK_TOKEN_MAX bytes */
	char longw[300];
	memset(longw, 'x', sizeof longw - 1);
	longw[sizeof longw - 1] = '\0';
	token_texts(longw, CJK_TOK_DOCUMENT, &a);
	assert_int_equal(a.len, CJK_TOKEN_MAX);
	buf_free(&a);
	buf_free(&b);
}

/* ---- query building ---- */

static void check_match(const char *q, const char *want)
{
	struct buf m;
	buf_init(&m);
	cjk_query_build(q, strlen(q), synonyms, sizeof synonyms / sizeof synonyms[0], &m, NULL, 0);
	assert_string_equal(buf_str(&m), want);
	buf_free(&m);
}

static void test_query_build(void **state)
{
	(void)state;
	check_match("戶籍 謄本", "\"戶籍\" AND \"謄本\"");
	check_match("户籍ABC", "\"戶籍\" AND \"abc\"");
	check_match("戶籍 戶籍", "\"戶籍\"");
	check_match("a OR b", "\"a\" AND \"or\" AND \"b\"");
	check_match("NEAR(a b)", "\"near\" AND \"a\" AND \"b\"");
	check_match("身份證遺失", "(\"身分證\" OR \"身份證\") AND \"遺失\"");
	check_match("我的敬老愛心卡", "\"我的\" AND (\"敬老卡\" OR \"老人乘車證\" OR \"敬老愛心卡\")");
	check_match("lost ID Card", "\"lost\" AND ((\"id\" AND \"card\") OR (\"identity\" AND \"card\"))");
	check_match("", "");
	struct buf any;
	buf_init(&any);
	cjk_query_build("申請戶籍謄本 abc", strlen("申請戶籍謄本 abc"), NULL, 0, &any, NULL, CJK_QUERY_ANY);
	assert_string_equal(buf_str(&any), "\"申請\" OR \"請戶\" OR \"戶籍\" OR \"籍謄\" OR \"謄本\" OR \"abc\"");
	buf_free(&any);
	check_match("\"", "");
	check_match("*", "");
	check_match("((( )))", "");
	check_match("IDs card", "\"ids\" AND \"card\""); /* synonyms match whole words only */

	/* terms are capped */
	struct buf q, m;
	buf_init(&q);
	buf_init(&m);
	for (int i = 0; i < 100; i++)
		buf_printf(&q, "w%d ", i);
	assert_int_equal(cjk_query_build(q.data, q.len, NULL, 0, &m, NULL, 0), CJK_QUERY_MAX_TERMS);
	buf_free(&q);
	buf_free(&m);
}

static void test_query_hostile(void **state)
{
	(void)state;
	static const char *const hostile[] = {
	    "\"",
	    "*",
	    "-x",
	    "a OR b",
	    "NEAR(a b)",
	    "(((",
	    ")))",
	    "\"\"\"",
	    "a\" OR \"b",
	    "title:戶籍",
	    "^戶籍",
	    "戶籍*",
	    "NOT 戶籍",
	    "AND",
	    "OR",
	    "NEAR",
	    "{title}: x",
	    "戶籍\" OR 1=1 --",
	    "'; DROP TABLE docs; --",
	    "\\\"",
	    "+",
	    "a AND",
	    "- - -",
	    "\xff\xfe",
	    "戶\x00籍",
	    "",
	};
	char out[256];
	for (size_t i = 0; i < sizeof hostile / sizeof hostile[0]; i++) {
		search(hostile[i], strlen(hostile[i]), true, 0, out, sizeof out);
		search(hostile[i], strlen(hostile[i]), false, 0, out, sizeof out);
		search(hostile[i], strlen(hostile[i]), true, CJK_QUERY_ANY, out, sizeof out);
	}
	search("戶\x00籍", 5, true, 0, out, sizeof out);

	/* 2000 characters of junk, several seeds */
	static const char *const pieces[] = {"\"", "*",  "(",   ")",   "-",    "^",      ":",  "{",    "}",
	                                     " ",  "OR", "AND", "NOT", "NEAR", "戶",     "籍", "\xff", "a",
	                                     "'",  "\\", "，",  "Ａ",  "\xe6", "身份證", "+",  "\t"};
	struct buf q;
	buf_init(&q);
	for (unsigned seed = 1; seed <= 20; seed++) {
		srand(seed);
		buf_reset(&q);
		for (int i = 0; i < 2000; i++)
			buf_puts(&q, pieces[(size_t)rand() % (sizeof pieces / sizeof pieces[0])]);
		search(q.data, q.len, true, 0, out, sizeof out);
		search(q.data, q.len, true, CJK_QUERY_ANY, out, sizeof out);
		buf_reset(&q);
		for (int i = 0; i < 2000; i++)
			buf_putc(&q, (char)(rand() % 255 + 1));
		search(q.data, q.len, true, 0, out, sizeof out);
		search(q.data, q.len, true, CJK_QUERY_ANY, out, sizeof out);
	}
	buf_free(&q);
}

/* ---- retrieval ---- */

static void test_retrieval(void **state)
{
	(void)state;
	expect_rows("戶籍", false, "1");
	expect_rows("戶籍謄本", false, "1");
	expect_rows("謄本戶籍", false, ""); /* a Han run is an exact phrase */
	expect_rows("路燈", false, "2");
	expect_rows("調解", false, "3");
	expect_rows("補助", false, "");  /* 補發 and 協助 are not 補助 */
	expect_rows("户籍", false, "1"); /* simplified */
	expect_rows("户籍誊本", false, "1");
	expect_rows("台南", false, "9");
	expect_rows("臺南", false, "9");
	expect_rows("臺北", false, "10");
	expect_rows("身份證", false, "");
	expect_rows("身份證", true, "1");
	expect_rows("身份證遺失", true, "1");
	expect_rows("敬老卡", false, "");
	expect_rows("敬老卡", true, "5");
	expect_rows("Certificate", false, "6");
	expect_rows("CERTIFICATE", false, "6");
	expect_rows("ｃｅｒｔｉｆｉｃａｔｅ", false, "6");
	expect_rows("identity card", true, "6");
	expect_rows("低收入戶", false, "4");
	expect_rows("1999", false, "2");
	expect_rows("戶籍 路燈", false, "");
	expect_rows("證", false, "11,4,5,1"); /* titles first */
	expect_rows("ab", false, "100");
	expect_rows("。！", false, "-");
	/* a question finds nothing strictly; the loose fallback ranks by shared pairs */
	expect_rows("如何申請戶籍謄本", false, "");
	expect_rows_flags("如何申請戶籍謄本", false, CJK_QUERY_ANY, "1,7,8,4,5");
	expect_rows_flags("身份證不見了", true, CJK_QUERY_ANY, "1");
	/* bm25 with the title weighted: the title match ranks above the body match */
	expect_rows("地籍", false, "7,8");
	expect_rows("地籍謄本", false, "7,8");
}

/* The column weights decide: with the body weighted instead, the order flips. */
static void test_rank_weights(void **state)
{
	(void)state;
	static const char *const sql[] = {
	    "SELECT group_concat(rowid) FROM (SELECT rowid FROM docs WHERE docs MATCH ?1"
	    " ORDER BY bm25(docs, 10.0, 1.0))",
	    "SELECT group_concat(rowid) FROM (SELECT rowid FROM docs WHERE docs MATCH ?1"
	    " ORDER BY bm25(docs, 1.0, 10.0))",
	};
	static const char *const want[] = {"7,8", "8,7"};
	struct buf m;
	buf_init(&m);
	assert_int_equal(cjk_query_build("地籍", strlen("地籍"), NULL, 0, &m, NULL, 0), 1);
	for (size_t i = 0; i < 2; i++) {
		sqlite3_stmt *st;
		assert_int_equal(sqlite3_prepare_v2(db, sql[i], -1, &st, NULL), SQLITE_OK);
		sqlite3_bind_text(st, 1, m.data, (int)m.len, SQLITE_STATIC);
		assert_int_equal(sqlite3_step(st), SQLITE_ROW);
		assert_string_equal((const char *)sqlite3_column_text(st, 0), want[i]);
		sqlite3_finalize(st);
	}
	buf_free(&m);
}

/* ---- snippets ---- */

static void snippet(const char *q, const char *doc, size_t max_chars, struct buf *out)
{
	struct buf m;
	struct cjk_terms t;
	buf_init(&m);
	buf_reset(out);
	cjk_query_build(q, strlen(q), synonyms, sizeof synonyms / sizeof synonyms[0], &m, &t, 0);
	cjk_snippet(doc, strlen(doc), &t, max_chars, out);
	buf_str(out);
	assert_true(utf8_valid(out->data, out->len));
	buf_free(&m);
}

static void test_snippet(void **state)
{
	(void)state;
	struct buf o;
	buf_init(&o);

	snippet("戶籍", "申請戶籍謄本需攜帶身分證。", CJK_SNIPPET_CHARS, &o);
	assert_string_equal(o.data, "申請<mark>戶籍</mark>謄本需攜帶身分證。");

	snippet("户籍", "申請戶籍謄本", CJK_SNIPPET_CHARS, &o); /* simplified query */
	assert_string_equal(o.data, "申請<mark>戶籍</mark>謄本");

	snippet("戶籍 謄本", "申請戶籍謄本", CJK_SNIPPET_CHARS, &o);
	assert_string_equal(o.data, "申請<mark>戶籍謄本</mark>");

	snippet("身份證", "請攜帶身分證", CJK_SNIPPET_CHARS, &o); /* synonym */
	assert_string_equal(o.data, "請攜帶<mark>身分證</mark>");

	snippet("臺南", "台南市", 0, &o);
	assert_string_equal(o.data, "<mark>台南</mark>市");

	snippet("cat", "Certificate, CAT and cats", 0, &o); /* words match whole words */
	assert_string_equal(o.data, "Certificate, <mark>CAT</mark> and cats");

	snippet("戶籍", "<script>alert(\"x\")</script> & '戶籍'", 0, &o);
	assert_string_equal(o.data, "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; "
	                            "&#39;<mark>戶籍</mark>&#39;");

	snippet("戶籍", "a\n\n  b\t戶\xff籍\x01 戶籍", 0, &o); /* whitespace, junk bytes */
	assert_string_equal(o.data, "a b 戶籍 <mark>戶籍</mark>");

	snippet("戶籍", "", CJK_SNIPPET_CHARS, &o);
	assert_string_equal(o.data, "");

	/* a long document: cut around the match, with ellipses */
	struct buf doc;
	buf_init(&doc);
	for (int i = 0; i < 60; i++)
		buf_puts(&doc, "區公所");
	buf_puts(&doc, "辦理戶籍謄本");
	for (int i = 0; i < 60; i++)
		buf_puts(&doc, "服務處");
	snippet("謄本", doc.data, CJK_SNIPPET_CHARS, &o);
	assert_non_null(strstr(o.data, "<mark>謄本</mark>"));
	assert_memory_equal(o.data, "…", strlen("…"));
	assert_string_equal(o.data + o.len - strlen("…"), "…");
	size_t chars = utf8_len(o.data, o.len) - strlen("<mark></mark>");
	assert_true(chars >= 80 && chars <= 110);

	/* nothing matches: the start of the document */
	snippet("路燈", doc.data, CJK_SNIPPET_CHARS, &o);
	assert_memory_equal(o.data, "區公所區公所", strlen("區公所區公所"));
	assert_null(strstr(o.data, "<mark>"));

	/* a sentence boundary before the match starts the snippet cleanly */
	buf_reset(&doc);
	for (int i = 0; i < 60; i++)
		buf_puts(&doc, "區公所");
	buf_puts(&doc, "。請攜帶身分證到");
	for (int i = 0; i < 60; i++)
		buf_puts(&doc, "服務處");
	snippet("身分證", doc.data, CJK_SNIPPET_CHARS, &o);
	assert_memory_equal(o.data, "請攜帶<mark>身分證</mark>", strlen("請攜帶<mark>身分證</mark>"));

	/* the window with the most distinct terms wins */
	buf_reset(&doc);
	buf_puts(&doc, "路燈");
	for (int i = 0; i < 100; i++)
		buf_puts(&doc, "區");
	buf_puts(&doc, "路燈故障");
	for (int i = 0; i < 100; i++)
		buf_puts(&doc, "區");
	snippet("路燈 故障", doc.data, CJK_SNIPPET_CHARS, &o);
	assert_non_null(strstr(o.data, "<mark>路燈故障</mark>"));

	/*
	 * A document is folded a window at a time (the first 152 characters
	 * for 100): a term cut by the first window's end is found whole, and
	 * a word at its end is matched only once its next letter is known.
	 */
	for (int cut = 149; cut <= 151; cut++) {
		buf_reset(&doc);
		for (int i = 0; i < cut; i++)
			buf_puts(&doc, "區");
		buf_puts(&doc, "謄本，cats 與 cat。");
		snippet("謄本", doc.data, CJK_SNIPPET_CHARS, &o);
		assert_non_null(strstr(o.data, "<mark>謄本</mark>"));
		snippet("cat", doc.data, CJK_SNIPPET_CHARS, &o);
		assert_non_null(strstr(o.data, "cats 與 <mark>cat</mark>。"));
		assert_null(strstr(o.data, "<mark>cat</mark>s"));
	}
	buf_free(&doc);
	buf_free(&o);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_fold_basics),      cmocka_unit_test(test_fold_idempotent),
	    cmocka_unit_test(test_tok_mixed),        cmocka_unit_test(test_tok_non_bmp),
	    cmocka_unit_test(test_tok_invalid_utf8), cmocka_unit_test(test_tok_folding),
	    cmocka_unit_test(test_query_build),      cmocka_unit_test(test_query_hostile),
	    cmocka_unit_test(test_retrieval),        cmocka_unit_test(test_rank_weights),
	    cmocka_unit_test(test_snippet),
	};
	return cmocka_run_group_tests_name("cjk", tests, setup_db, teardown_db);
}

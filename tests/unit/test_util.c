/*
 * test_util.c -- unit tests for util/: the byte buffer and its HTML
 * escaping, the arena (including one-off big allocations), the UTF-8
 * checks and file_read.  libc and cmocka only.
 */
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "util/util.h"

/* ---- buffer ---------------------------------------------------------- */

static void test_buf_basics(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b);
	assert_string_equal(buf_str(&b), ""); /* an empty buffer is still a string */
	buf_puts(&b, "ab");
	buf_putc(&b, 'c');
	buf_put(&b, "dexyz", 2);
	buf_put(&b, NULL, 0);
	assert_int_equal(b.len, 5);
	assert_string_equal(buf_str(&b), "abcde");
	buf_reset(&b);
	assert_int_equal(b.len, 0);
	assert_string_equal(buf_str(&b), "");
	buf_puts(&b, "again");
	assert_string_equal(buf_str(&b), "again");
	buf_free(&b);
	assert_null(b.data);
	assert_int_equal(b.len, 0);
	buf_free(&b); /* twice is harmless */
}

static void test_buf_put_html_escapes_all_five(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b);
	const char *in = "a&b<c>d\"e'f";
	buf_put_html(&b, in, strlen(in));
	assert_string_equal(buf_str(&b), "a&amp;b&lt;c&gt;d&quot;e&#39;f");
	buf_free(&b);
}

static void test_buf_put_html_edges(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b);
	/* only n bytes are read: the '<' after them is not part of the value */
	buf_put_html(&b, "x&<", 2);
	assert_string_equal(buf_str(&b), "x&amp;");
	buf_reset(&b);
	/* nothing to escape, and an escape at either end */
	buf_put_html(&b, "", 0);
	assert_int_equal(b.len, 0);
	buf_put_html(&b, "<>", 2);
	assert_string_equal(buf_str(&b), "&lt;&gt;");
	buf_reset(&b);
	/* non-ASCII text and braces pass through unchanged */
	buf_put_html(&b, "台北{{x}}", strlen("台北{{x}}"));
	assert_string_equal(buf_str(&b), "台北{{x}}");
	buf_reset(&b);
	/* appends, does not overwrite */
	buf_puts(&b, "[");
	buf_put_html(&b, "'", 1);
	buf_puts(&b, "]");
	assert_string_equal(buf_str(&b), "[&#39;]");
	buf_reset(&b);
	/* a long run of specials (grows the buffer several times) */
	char many[1000];
	memset(many, '&', sizeof many);
	buf_put_html(&b, many, sizeof many);
	assert_int_equal(b.len, 5 * sizeof many);
	for (size_t i = 0; i < sizeof many; i++)
		assert_memory_equal(b.data + 5 * i, "&amp;", 5);
	assert_int_equal(b.data[b.len], '\0');
	buf_free(&b);
}

static void test_buf_printf_short_and_long(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b);
	buf_printf(&b, "%d-%s", 42, "x");
	assert_string_equal(buf_str(&b), "42-x");

	/* past the 256-byte scratch buffer: must grow and keep the prefix */
	char big[1001];
	for (size_t i = 0; i < 1000; i++)
		big[i] = (char)('a' + i % 26);
	big[1000] = '\0';
	buf_printf(&b, "<%s>", big);
	assert_int_equal(b.len, 4 + 1 + 1000 + 1);
	assert_memory_equal(b.data, "42-x<", 5);
	assert_memory_equal(b.data + 5, big, 1000);
	assert_string_equal(b.data + 1005, ">");
	assert_true(b.cap > b.len);

	/* exactly 255 and 256 characters: both sides of the scratch size */
	buf_reset(&b);
	buf_printf(&b, "%.*s", 255, big);
	assert_int_equal(b.len, 255);
	assert_int_equal(strlen(b.data), 255);
	buf_reset(&b);
	buf_printf(&b, "%.*s", 256, big);
	assert_int_equal(b.len, 256);
	assert_int_equal(strlen(b.data), 256);
	assert_memory_equal(b.data, big, 256);
	buf_printf(&b, "%s", "!");
	assert_int_equal(b.len, 257);
	assert_int_equal(b.data[256], '!');
	buf_free(&b);
}

/* ---- arena ----------------------------------------------------------- */

static void test_arena_small(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	char *p = arena_alloc(a, 3);
	char *q = arena_alloc(a, 1);
	assert_non_null(p);
	assert_non_null(q);
	assert_true(p != q);
	assert_int_equal((uintptr_t)p % 16, 0);
	assert_int_equal((uintptr_t)q % 16, 0);
	unsigned char *z = arena_zalloc(a, 100);
	for (int i = 0; i < 100; i++)
		assert_int_equal(z[i], 0);
	assert_string_equal(arena_strdup(a, "台北市"), "台北市");
	char *n = arena_strndup(a, "abcdef", 3);
	assert_string_equal(n, "abc");
	assert_string_equal(arena_printf(a, "%s=%d", "k", 7), "k=7");
	/* many small allocations over several blocks stay distinct */
	char *prev[2000];
	for (int i = 0; i < 2000; i++) {
		prev[i] = arena_printf(a, "item %d", i);
	}
	for (int i = 0; i < 2000; i++) {
		char want[32];
		snprintf(want, sizeof want, "item %d", i);
		assert_string_equal(prev[i], want);
	}
	arena_free(a);
	arena_free(NULL); /* no-op */
}

static void test_arena_big(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	/* a big allocation as the very first one */
	unsigned char *first = arena_alloc(a, 100000);
	memset(first, 0xAB, 100000);

	char *s1 = arena_alloc(a, 16);
	memcpy(s1, "small-one-xxxxx", 16);
	/* a big one-off after a small one: the current block keeps filling */
	unsigned char *big = arena_alloc(a, 200000);
	assert_int_equal((uintptr_t)big % 16, 0);
	memset(big, 0xCD, 200000);
	char *s2 = arena_alloc(a, 16);
	assert_ptr_equal(s2, s1 + 16);
	memcpy(s2, "small-two-xxxxx", 16);

	/* everything is still intact (ASan would see an overlap or overflow) */
	for (size_t i = 0; i < 100000; i++)
		assert_int_equal(first[i], 0xAB);
	for (size_t i = 0; i < 200000; i++)
		assert_int_equal(big[i], 0xCD);
	assert_string_equal(s1, "small-one-xxxxx");
	assert_string_equal(s2, "small-two-xxxxx");

	/* a big string through printf */
	char *ps = arena_printf(a, "%050000d", 7);
	assert_int_equal(strlen(ps), 50000);
	assert_int_equal(ps[49999], '7');

	/* reset keeps working, and the arena is usable afterwards */
	arena_reset(a);
	char *after = arena_strdup(a, "after reset");
	unsigned char *big2 = arena_zalloc(a, 70000);
	assert_int_equal(big2[69999], 0);
	assert_string_equal(after, "after reset");
	arena_free(a);
}

static void test_arena_exact_block(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	/* sizes around the block size */
	for (size_t n = 16384 - 32; n <= 16384 + 32; n += 16) {
		unsigned char *p = arena_alloc(a, n);
		memset(p, 0x5A, n);
		assert_int_equal(p[n - 1], 0x5A);
	}
	arena_free(a);
}

/* ---- UTF-8 ----------------------------------------------------------- */

#define VALID(lit) utf8_valid(lit, sizeof(lit) - 1)

static void test_utf8_valid(void **state)
{
	(void)state;
	assert_true(utf8_valid("", 0));
	assert_true(VALID("plain ASCII"));
	assert_true(VALID("\xc3\xa9")); /* é */
	assert_true(VALID("台北市政府"));
	assert_true(VALID("\xf0\x9f\x98\x80")); /* U+1F600 */
	assert_true(VALID("\xf4\x8f\xbf\xbf")); /* U+10FFFF, the last code point */
	assert_true(VALID("\xef\xbf\xbf"));     /* U+FFFF */
	assert_true(VALID("\xed\x9f\xbf"));     /* U+D7FF, just before the surrogates */
	assert_true(VALID("\xee\x80\x80"));     /* U+E000, just after */
	assert_true(VALID("\xc2\x80"));         /* U+0080, smallest 2-byte */
	assert_true(VALID("\xe0\xa0\x80"));     /* U+0800, smallest 3-byte */

	assert_false(VALID("\x80")); /* lone continuation */
	assert_false(VALID("\xbf"));
	assert_false(VALID("\xc3"));             /* truncated 2-byte */
	assert_false(VALID("\xe5\x8f"));         /* truncated 3-byte */
	assert_false(VALID("\xf0\x9f\x98"));     /* truncated 4-byte */
	assert_false(VALID("\xc3\x28"));         /* bad continuation */
	assert_false(VALID("\xc0\xaf"));         /* overlong '/' */
	assert_false(VALID("\xc1\xbf"));         /* overlong */
	assert_false(VALID("\xe0\x80\xaf"));     /* overlong 3-byte '/' */
	assert_false(VALID("\xf0\x80\x80\xaf")); /* overlong 4-byte '/' */
	assert_false(VALID("\xed\xa0\x80"));     /* U+D800 surrogate */
	assert_false(VALID("\xed\xbf\xbf"));     /* U+DFFF surrogate */
	assert_false(VALID("\xf4\x90\x80\x80")); /* U+110000 */
	assert_false(VALID("\xf5\x80\x80\x80"));
	assert_false(VALID("\xf8\x88\x80\x80\x80")); /* 5-byte form */
	assert_false(VALID("\xfe"));
	assert_false(VALID("\xff"));
	assert_false(VALID("ok\xffok")); /* bad byte in the middle */

	/* the length is honoured: a valid prefix of a longer invalid string */
	assert_true(utf8_valid("ab\xff", 2));
	/* a multi-byte sequence cut by n is invalid */
	assert_false(utf8_valid("\xe5\x8f\xb0", 2));
}

static void test_utf8_next_put(void **state)
{
	(void)state;
	const char *s = "a\xc3\xa9\xe5\x8f\xb0\xf0\x9f\x98\x80", *p = s, *end = s + strlen(s);
	assert_int_equal(utf8_next(&p, end), 'a');
	assert_int_equal(utf8_next(&p, end), 0xE9);
	assert_int_equal(utf8_next(&p, end), 0x53F0);
	assert_int_equal(utf8_next(&p, end), 0x1F600);
	assert_ptr_equal(p, end);
	assert_int_equal(utf8_next(&p, end), -1);

	/* malformed input advances by one byte */
	const char *bad = "\xff"
	                  "a";
	p = bad;
	assert_int_equal(utf8_next(&p, bad + 2), -1);
	assert_ptr_equal(p, bad + 1);
	assert_int_equal(utf8_next(&p, bad + 2), 'a');

	/* round trip through utf8_put */
	uint32_t cps[] = {0, 0x7F, 0x80, 0x7FF, 0x800, 0x53F0, 0xFFFF, 0x10000, 0x10FFFF};
	for (size_t i = 0; i < sizeof cps / sizeof cps[0]; i++) {
		char out[4];
		size_t n = utf8_put(out, cps[i]);
		assert_int_equal(n, cps[i] < 0x80 ? 1 : cps[i] < 0x800 ? 2 : cps[i] < 0x10000 ? 3 : 4);
		const char *q = out;
		assert_int_equal(utf8_next(&q, out + n), (int32_t)cps[i]);
		assert_ptr_equal(q, out + n);
	}
}

static void test_utf8_len(void **state)
{
	(void)state;
	assert_int_equal(utf8_len("", 0), 0);
	assert_int_equal(utf8_len("abc", 3), 3);
	assert_int_equal(utf8_len("台北市", strlen("台北市")), 3);
	assert_int_equal(strlen("台北市"), 9);
	assert_int_equal(utf8_len("a台b", strlen("a台b")), 3);
	assert_int_equal(utf8_len("\xf0\x9f\x98\x80!", 5), 2);
	assert_int_equal(utf8_len("é", 2), 1);
}

/* ---- files ----------------------------------------------------------- */

/* ---- allocation that never returns NULL ------------------------------ */

static void test_x_alloc(void **state)
{
	(void)state;
	char *p = xstrdup("便民");
	assert_string_equal(p, "便民");
	unsigned char *z = xcalloc(64, 1);
	for (int i = 0; i < 64; i++)
		assert_int_equal(z[i], 0);
	void *m = xmalloc(0); /* never NULL, even for nothing */
	assert_non_null(m);
	m = xrealloc(m, 4096);
	assert_non_null(m);
	free(p);
	free(z);
	free(m);
}

/* Out of memory ends the process (in a child here) instead of handing back NULL. */
static void test_x_alloc_aborts_when_out_of_memory(void **state)
{
	(void)state;
	fflush(NULL);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		int fd = open("/dev/null", O_WRONLY);
		dup2(fd, 2); /* the child's message, or ASan's report, is expected */
		void *p = xmalloc(SIZE_MAX - 4096);
		_exit(p == NULL ? 3 : 0);
	}
	int status;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	/* abort() normally; an ASan build reports the oversized request and exits 1 */
	assert_true(WIFSIGNALED(status) || (WIFEXITED(status) && WEXITSTATUS(status) == 1));
}

static void test_file_read(void **state)
{
	(void)state;
	char *data = (char *)1;
	size_t len = 99;
	assert_int_equal(file_read("/nonexistent/bianmin/nope", &data, &len), ERR_NOTFOUND);

	char path[] = "/tmp/bm_util_XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, "ab\0cd", 5), 5);
	close(fd);
	assert_int_equal(file_read(path, &data, &len), ERR_OK);
	assert_int_equal(len, 5);
	assert_memory_equal(data, "ab\0cd", 5);
	free(data);

	/* an empty file gives an empty, freeable string */
	fd = open(path, O_WRONLY | O_TRUNC);
	close(fd);
	assert_int_equal(file_read(path, &data, &len), ERR_OK);
	assert_int_equal(len, 0);
	assert_non_null(data);
	assert_int_equal(data[0], '\0');
	free(data);
	unlink(path);
}

static void test_utf8_first_chars(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	assert_string_equal(utf8_first_chars(a, "路燈不亮", 10), "路燈不亮");
	assert_string_equal(utf8_first_chars(a, "路燈不亮很久了", 4), "路燈不亮…");
	assert_string_equal(utf8_first_chars(a, "第一行\n第二行", 30), "第一行…");
	assert_string_equal(utf8_first_chars(a, "", 3), "");
	arena_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_buf_basics),
	    cmocka_unit_test(test_buf_put_html_escapes_all_five),
	    cmocka_unit_test(test_buf_put_html_edges),
	    cmocka_unit_test(test_buf_printf_short_and_long),
	    cmocka_unit_test(test_arena_small),
	    cmocka_unit_test(test_arena_big),
	    cmocka_unit_test(test_arena_exact_block),
	    cmocka_unit_test(test_utf8_valid),
	    cmocka_unit_test(test_utf8_next_put),
	    cmocka_unit_test(test_utf8_len),
	    cmocka_unit_test(test_x_alloc),
	    cmocka_unit_test(test_x_alloc_aborts_when_out_of_memory),
	    cmocka_unit_test(test_file_read),
	    cmocka_unit_test(test_utf8_first_chars),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

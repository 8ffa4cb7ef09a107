/*
 * test_static.c -- unit tests for app/static: the in-memory static file
 * table.  Builds a throw-away static root under /tmp with files, a
 * subfolder, dot-files and symlinks out of the root, loads it, and checks
 * that only the regular files inside are ever found.  No HTTP.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "web/static.h"

static char root[64];

static void put_file(const char *rel, const char *content)
{
	char path[256];
	snprintf(path, sizeof path, "%s/%s", root, rel);
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	fputs(content, f);
	fclose(f);
}

static void mk(const char *rel)
{
	char path[256];
	snprintf(path, sizeof path, "%s/%s", root, rel);
	assert_int_equal(mkdir(path, 0700), 0);
}

static void ln(const char *target, const char *rel)
{
	char path[256];
	snprintf(path, sizeof path, "%s/%s", root, rel);
	assert_int_equal(symlink(target, path), 0);
}

static int setup(void **state)
{
	(void)state;
	snprintf(root, sizeof root, "/tmp/bm_static_XXXXXX");
	if (!mkdtemp(root))
		return -1;
	put_file("a.css", "body{color:red}");
	put_file("same.txt", "body{color:red}"); /* same bytes as a.css */
	put_file("x", "no extension");
	put_file(".hidden", "secret");
	put_file("font.woff2", "wOF2");
	mk("sub");
	put_file("sub/b.js", "console.log(1)");
	put_file("sub/.env", "TOKEN=1");
	mk(".git");
	put_file(".git/config", "[core]");
	mk("sub/deep");
	put_file("sub/deep/c.svg", "<svg/>");
	ln("/etc/passwd", "passwd");
	ln("/etc", "etc");
	ln("a.css", "alias.css"); /* even a link inside the root is not followed */
	char err[256] = "";
	if (static_load(root, err, sizeof err) != 0) {
		fprintf(stderr, "static_load: %s\n", err);
		return -1;
	}
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	static_free();
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
	return system(cmd) == 0 ? 0 : -1;
}

static void assert_etag(const char *etag)
{
	assert_int_equal(strlen(etag), 18);
	assert_int_equal(etag[0], '"');
	assert_int_equal(etag[17], '"');
	for (int i = 1; i < 17; i++)
		assert_non_null(strchr("0123456789abcdef", etag[i]));
}

static void test_find_files(void **state)
{
	(void)state;
	const struct static_file *f = static_find("a.css");
	assert_non_null(f);
	assert_string_equal(f->path, "a.css");
	assert_int_equal(f->len, strlen("body{color:red}"));
	assert_memory_equal(f->data, "body{color:red}", f->len);
	assert_string_equal(f->content_type, "text/css; charset=utf-8");
	assert_etag(f->etag);

	const struct static_file *g = static_find("sub/b.js");
	assert_non_null(g);
	assert_string_equal(g->path, "sub/b.js");
	assert_memory_equal(g->data, "console.log(1)", g->len);
	assert_string_equal(g->content_type, "text/javascript; charset=utf-8");
	assert_etag(g->etag);
	assert_string_not_equal(f->etag, g->etag);

	/* the ETag depends on the bytes only */
	const struct static_file *same = static_find("same.txt");
	assert_non_null(same);
	assert_string_equal(same->content_type, "text/plain; charset=utf-8");
	assert_string_equal(same->etag, f->etag);

	const struct static_file *c = static_find("sub/deep/c.svg");
	assert_non_null(c);
	assert_string_equal(c->content_type, "image/svg+xml");
	assert_string_equal(static_find("x")->content_type, "application/octet-stream");
	assert_string_equal(static_find("font.woff2")->content_type, "font/woff2");
	/* the same lookup twice gives the same entry */
	assert_ptr_equal(static_find("a.css"), f);
}

static void test_never_found(void **state)
{
	(void)state;
	const char *bad[] = {
	    "",
	    "../x",
	    "sub/../a.css",
	    "..",
	    "./a.css",
	    ".hidden",
	    "sub/.env",
	    ".git/config",
	    "passwd",
	    "etc/passwd",
	    "alias.css",
	    "/a.css",
	    "sub//b.js",
	    "a.css\\",
	    "sub\\b.js",
	    "sub",
	    "sub/",
	    "sub/deep",
	    "A.CSS",
	    "a.css/",
	    "a.cs",
	    "a.css ",
	    "sub/./b.js",
	    "missing.css",
	    "/etc/passwd",
	    "../../../etc/passwd",
	    "sub/deep/../b.js",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		if (static_find(bad[i]))
			fail_msg("static_find(\"%s\") found a file", bad[i]);
}

static void test_content_types(void **state)
{
	(void)state;
	assert_string_equal(static_content_type("site.css"), "text/css; charset=utf-8");
	assert_string_equal(static_content_type("app.js"), "text/javascript; charset=utf-8");
	assert_string_equal(static_content_type("logo.png"), "image/png");
	assert_string_equal(static_content_type("form.pdf"), "application/pdf");
	assert_string_equal(static_content_type("a.b/favicon.ico"), "image/x-icon");
	assert_string_equal(static_content_type("noext"), "application/octet-stream");
	assert_string_equal(static_content_type("a.css.bak"), "application/octet-stream");
	assert_string_equal(static_content_type("a.exe"), "application/octet-stream");
}

static void test_load_errors(void **state)
{
	(void)state;
	char err[256] = "";
	assert_int_equal(static_load("/nonexistent/bianmin-static", err, sizeof err), -1);
	assert_non_null(strstr(err, "/nonexistent/bianmin-static"));
	static_free();
	assert_null(static_find("a.css")); /* the table is empty after static_free */
	/* and a reload brings the files back */
	assert_int_equal(static_load(root, err, sizeof err), 0);
	assert_non_null(static_find("a.css"));
	static_free(); /* twice is harmless */
	static_free();
	assert_int_equal(static_load(root, err, sizeof err), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_find_files),
	    cmocka_unit_test(test_never_found),
	    cmocka_unit_test(test_content_types),
	    cmocka_unit_test(test_load_errors),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}

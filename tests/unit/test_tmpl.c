/*
 * test_tmpl.c -- unit tests for tmpl/: escaping, sections (lists, objects,
 * booleans, inverted, nested with outer-scope lookup), {{.}}, partials
 * loaded from a folder, {{@key}} UI strings per language with their
 * {name} placeholders, and every
 * compile error with its file:line.  tmpl and util only.
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

#include "tmpl/tmpl.h"

/* ---- helpers --------------------------------------------------------- */

/* A tiny UI string table: key -> {zh, en}; NULL where a language lacks it. */
static const struct {
	const char *key;
	const char *text[LANG__MAX];
} ui[] = {
    {"hello", {"你好", "Hello"}},
    {"office", {"區公所", "District Office"}},
    {"zh_only", {"只有中文", NULL}},
    /* placeholders: the words around the value in each language's own order */
    {"found", {"找到 {count} 筆結果", "Found {count} results"}},
    {"quoted", {"搜尋「{q}」的結果", "Results for “{q}”"}},
    {"two", {"{a}{b}", "{b} then {a}"}},
    {"not_placeholders", {"{} { x} {a b} {open", "{}"}},
};

static const char *strings(void *ctx, enum lang lang, const char *key)
{
	int *calls = ctx;
	if (calls)
		(*calls)++;
	for (size_t i = 0; i < sizeof ui / sizeof ui[0]; i++)
		if (strcmp(ui[i].key, key) == 0)
			return ui[i].text[lang];
	return NULL;
}

static int setup(void **state)
{
	*state = arena_new();
	return 0;
}

static int teardown(void **state)
{
	arena_free(*state);
	return 0;
}

/* Compiles text as template "t" and renders it in lang; returns a malloc'd string. */
static char *render_lang(const char *text, const struct tobj *root, enum lang lang)
{
	char err[256] = "";
	struct tmpl_set *ts = tmpl_load_string("t", text, strings, NULL, err, sizeof err);
	if (!ts)
		fail_msg("compile \"%s\": %s", text, err);
	assert_true(tmpl_has(ts, "t"));
	struct buf out;
	buf_init(&out);
	assert_int_equal(tmpl_render(ts, "t", lang, root, &out), ERR_OK);
	char *s = strdup(buf_str(&out));
	buf_free(&out);
	tmpl_free(ts);
	return s;
}

static void expect_lang(const char *text, const struct tobj *root, enum lang lang, const char *want)
{
	char *got = render_lang(text, root, lang);
	if (strcmp(got, want) != 0) {
		print_error("template: %s\n     got: %s\n    want: %s\n", text, got, want);
		free(got);
		fail();
	}
	free(got);
}

static void expect(const char *text, const struct tobj *root, const char *want)
{
	expect_lang(text, root, LANG_ZH, want);
}

/* The template must fail to compile with exactly this message. */
static void expect_error(const char *text, const char *want)
{
	char err[256] = "";
	struct tmpl_set *ts = tmpl_load_string("t", text, strings, NULL, err, sizeof err);
	if (ts) {
		tmpl_free(ts);
		fail_msg("template \"%s\" compiled, want error \"%s\"", text, want);
	}
	assert_string_equal(err, want);
}

/* ---- values and escaping --------------------------------------------- */

static void test_escaping(void **state)
{
	struct arena *a = *state;
	struct tobj *o = tobj_new(a);
	tobj_str(o, "amp", "A&B");
	tobj_str(o, "lt", "<script>");
	tobj_str(o, "q", "say \"hi\"");
	tobj_str(o, "apos", "it's");
	tobj_str(o, "all", "<a href=\"x\" title='y'>&amp;</a>");
	tobj_str(o, "zh", "台北市");
	expect("{{amp}}", o, "A&amp;B");
	expect("{{lt}}", o, "&lt;script&gt;");
	expect("<input value=\"{{q}}\">", o, "<input value=\"say &quot;hi&quot;\">");
	expect("<input value='{{apos}}'>", o, "<input value='it&#39;s'>");
	expect("{{all}}", o, "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;");
	expect("{{zh}}", o, "台北市");
}

static void test_value_looking_like_a_tag(void **state)
{
	struct arena *a = *state;
	struct tobj *o = tobj_new(a);
	tobj_str(o, "x", "SECRET");
	tobj_str(o, "v", "{{x}}");
	tobj_str(o, "w", "{{@hello}}{{>t}}{{#x}}");
	/* a value is data: its braces come out as they are, never expanded */
	expect("{{v}}", o, "{{x}}");
	expect("[{{w}}]", o, "[{{@hello}}{{&gt;t}}{{#x}}]");
	/* also in a list of strings */
	struct tlist *l = tobj_list(o, "l");
	tlist_str(l, "{{x}}");
	expect("{{#l}}{{.}}{{/l}}", o, "{{x}}");
}

static void test_html_ints_and_others(void **state)
{
	struct arena *a = *state;
	struct tobj *o = tobj_new(a);
	tobj_html(o, "h", "<b>bold</b> &amp; 'q'");
	tobj_int(o, "n", 42);
	tobj_int(o, "neg", -7);
	tobj_int(o, "zero", 0);
	tobj_int(o, "big", 9223372036854775807LL);
	tobj_bool(o, "yes", true);
	tobj_str(o, "nullstr", NULL); /* sets nothing */
	tobj_obj(o, "obj", tobj_new(a));
	tobj_list(o, "list");
	expect("{{h}}", o, "<b>bold</b> &amp; 'q'"); /* trusted HTML: as is */
	expect("{{n}}|{{neg}}|{{zero}}|{{big}}", o, "42|-7|0|9223372036854775807");
	/* booleans, objects, lists, missing names and NULL strings print nothing */
	expect("[{{yes}}{{obj}}{{list}}{{missing}}{{nullstr}}]", o, "[]");
	assert_null(tobj_get(o, "nullstr"));
	/* setting a name twice replaces the value */
	tobj_str(o, "n", "<now a string>");
	expect("{{n}}", o, "&lt;now a string&gt;");
	assert_int_equal(tobj_get(o, "n")->kind, TV_STR);
	/* whitespace inside the braces is allowed */
	expect("{{ neg }}{{\tzero\t}}", o, "-70");
	/* a NULL root renders the text and nothing else */
	expect("a{{n}}b", NULL, "ab");
}

static void test_text_only_and_braces(void **state)
{
	(void)state;
	expect("", NULL, "");
	expect("plain <p>text</p>\n", NULL, "plain <p>text</p>\n");
	expect("a } b { c }} d", NULL, "a } b { c }} d"); /* lone braces are text */
}

/* ---- sections --------------------------------------------------------- */

static void test_section_list_of_objects(void **state)
{
	struct arena *a = *state;
	struct tobj *o = tobj_new(a);
	struct tlist *l = tobj_list(o, "items");
	const char *names[] = {"one", "<two>", "three"};
	for (int i = 0; i < 3; i++) {
		struct tobj *it = tlist_obj(l);
		tobj_str(it, "name", names[i]);
		tobj_int(it, "i", i);
	}
	assert_int_equal(tlist_len(l), 3);
	expect("<ul>{{#items}}<li>{{i}}:{{name}}</li>{{/items}}</ul>", o,
	       "<ul><li>0:one</li><li>1:&lt;two&gt;</li><li>2:three</li></ul>");
	/* many items (the list grows past its first allocation) */
	struct tlist *m = tobj_list(o, "many");
	for (int i = 0; i < 100; i++)
		tobj_int(tlist_obj(m), "i", i % 10);
	char *got = render_lang("{{#many}}{{i}}{{/many}}", o, LANG_ZH);
	assert_int_equal(strlen(got), 100);
	assert_memory_equal(got, "0123456789", 10);
	assert_memory_equal(got + 90, "0123456789", 10);
	free(got);
}

static void test_section_object_and_booleans(void **state)
{
	struct arena *a = *state;
	struct tobj *o = tobj_new(a);
	struct tobj *u = tobj_new(a);
	tobj_str(u, "name", "Lin");
	tobj_obj(o, "user", u);
	tobj_bool(o, "t", true);
	tobj_bool(o, "f", false);
	tobj_str(o, "s", "text");
	tobj_str(o, "empty", "");
	tobj_int(o, "one", 1);
	tobj_int(o, "zero", 0);
	expect("{{#user}}Hi {{name}}{{/user}}", o, "Hi Lin"); /* once, inside the object */
	expect("{{#t}}T{{/t}}{{#f}}F{{/f}}", o, "T");
	expect("{{#s}}S{{/s}}{{#empty}}E{{/empty}}", o, "S");
	expect("{{#one}}1{{/one}}{{#zero}}0{{/zero}}", o, "1");
	expect("{{#missing}}M{{/missing}}", o, "");
	/* {{.}} in a scalar section is the value itself */
	expect("{{#s}}[{{.}}]{{/s}}", o, "[text]");
}

static void test_section_empty_list(void **state)
{
	struct arena *a = *state;
	struct tobj *o = tobj_new(a);
	tobj_list(o, "none");
	expect("a{{#none}}X{{.}}{{/none}}b", o, "ab");
	assert_int_equal(tlist_len(tobj_get(o, "none")->u.list), 0);
	assert_int_equal(tlist_len(NULL), 0);
}

static void test_inverted(void **state)
{
	struct arena *a = *state;
	struct tobj *o = tobj_new(a);
	tobj_list(o, "none");
	tlist_str(tobj_list(o, "some"), "x");
	tobj_bool(o, "t", true);
	tobj_bool(o, "f", false);
	tobj_str(o, "empty", "");
	tobj_int(o, "zero", 0);
	tobj_obj(o, "obj", tobj_new(a));
	expect("{{^none}}no items{{/none}}", o, "no items");
	expect("{{^some}}no items{{/some}}", o, "");
	expect("{{^f}}F{{/f}}{{^t}}T{{/t}}", o, "F");
	expect("{{^missing}}M{{/missing}}", o, "M");
	expect("{{^empty}}E{{/empty}}{{^zero}}Z{{/zero}}{{^obj}}O{{/obj}}", o, "EZ");
	/* the usual pairing */
	expect("{{#some}}has{{/some}}{{^some}}none{{/some}}|{{#none}}has{{/none}}{{^none}}none{{/none}}", o,
	       "has|none");
	/* an inverted section does not change scope */
	tobj_str(o, "title", "T");
	expect("{{^none}}{{title}}{{/none}}", o, "T");
}

static void test_nested_and_outer_scope(void **state)
{
	struct arena *a = *state;
	struct tobj *o = tobj_new(a);
	tobj_str(o, "title", "Office");
	tobj_str(o, "lang", "zh");
	struct tlist *units = tobj_list(o, "units");
	struct tobj *u1 = tlist_obj(units);
	tobj_str(u1, "name", "Civil");
	struct tlist *s1 = tobj_list(u1, "services");
	tobj_str(tlist_obj(s1), "name", "Birth");
	tobj_str(tlist_obj(s1), "name", "Death");
	struct tobj *u2 = tlist_obj(units);
	tobj_str(u2, "name", "Social");
	tobj_str(u2, "title", "Override"); /* the inner value wins */
	tobj_list(u2, "services");
	/* lookups go outward: service name, then unit name, then root title */
	expect("{{#units}}[{{name}}/{{title}}:{{#services}}{{name}}<{{title}}>,{{/services}}"
	       "{{^services}}none{{/services}}]{{/units}}",
	       o, "[Civil/Office:Birth<Office>,Death<Office>,][Social/Override:none]");
	/* a name missing everywhere stays empty inside sections too */
	expect("{{#units}}{{nothing}}{{/units}}", o, "");
	/* nested object sections */
	struct tobj *p = tobj_new(a);
	struct tobj *q = tobj_new(a);
	tobj_str(q, "leaf", "L");
	tobj_obj(p, "q", q);
	tobj_obj(o, "p", p);
	expect("{{#p}}{{#q}}{{leaf}}{{lang}}{{/q}}{{/p}}", o, "Lzh");
	/* the same name nested in itself */
	expect("{{#p}}{{#p}}x{{/p}}{{/p}}", o, "x");
}

static void test_dot_over_strings(void **state)
{
	struct arena *a = *state;
	struct tobj *o = tobj_new(a);
	struct tlist *l = tobj_list(o, "tags");
	tlist_str(l, "a");
	tlist_str(l, "<b>");
	tlist_str(l, "c&d");
	tlist_str(l, NULL); /* a NULL item renders as nothing */
	tobj_str(o, "sep", ",");
	expect("{{#tags}}[{{.}}]{{sep}}{{/tags}}", o, "[a],[&lt;b&gt;],[c&amp;d],[],");
	/* {{.}} outside any section is nothing */
	expect("<{{.}}>", o, "<>");
	/* {{.}} over objects is nothing (objects do not print) */
	tobj_str(tlist_obj(tobj_list(o, "objs")), "k", "v");
	expect("{{#objs}}[{{.}}{{k}}]{{/objs}}", o, "[v]");
}

/* ---- UI strings ---------------------------------------------------------- */

static void test_ui_strings_per_language(void **state)
{
	(void)state;
	expect_lang("<h1>{{@hello}}, {{@office}}</h1>", NULL, LANG_ZH, "<h1>你好, 區公所</h1>");
	expect_lang("<h1>{{@hello}}, {{@office}}</h1>", NULL, LANG_EN, "<h1>Hello, District Office</h1>");
	/* the sigil must follow the braces directly */
	expect_error("{{ @hello }}", "t.html:1: bad character in tag @hello");
}

static void test_ui_string_placeholders(void **state)
{
	struct tobj *v = tobj_new(*state);
	tobj_int(v, "count", 3);
	tobj_str(v, "q", "<b>&");
	tobj_str(v, "a", "A");
	tobj_str(v, "b", "B");
	expect_lang("<p>{{@found}}</p>", v, LANG_ZH, "<p>找到 3 筆結果</p>");
	expect_lang("<p>{{@found}}</p>", v, LANG_EN, "<p>Found 3 results</p>");
	/* a placeholder's value is escaped like {{q}}; trusted HTML stays as it is */
	expect_lang("{{@quoted}}", v, LANG_EN, "Results for “&lt;b&gt;&amp;”");
	tobj_html(v, "q", "<mark>x</mark>");
	expect_lang("{{@quoted}}", v, LANG_ZH, "搜尋「<mark>x</mark>」的結果");
	expect_lang("{{@two}}", v, LANG_ZH, "AB");
	expect_lang("{{@two}}", v, LANG_EN, "B then A");
	/* looked up like any name: from the innermost section outward, absent is empty */
	struct tobj *inner = tobj_new(*state);
	tobj_str(inner, "a", "inner");
	tobj_obj(v, "in", inner);
	expect_lang("{{#in}}{{@two}}{{/in}}", v, LANG_EN, "B then inner");
	expect_lang("{{@found}}", NULL, LANG_EN, "Found  results");
	/* braces that are not {name} are text */
	expect_lang("{{@not_placeholders}}", v, LANG_ZH, "{} { x} {a b} {open");
	expect_lang("{{@not_placeholders}}", v, LANG_EN, "{}");
}

static void test_ui_strings_resolved_once(void **state)
{
	(void)state;
	int calls = 0;
	char err[256];
	struct tmpl_set *ts = tmpl_load_string("t", "{{@hello}}{{@office}}", strings, &calls, err, sizeof err);
	assert_non_null(ts);
	int after_compile = calls;
	assert_int_equal(after_compile, 2 * LANG__MAX); /* once per key and language, at compile time */
	struct buf out;
	buf_init(&out);
	for (int i = 0; i < 3; i++)
		assert_int_equal(tmpl_render(ts, "t", LANG_EN, NULL, &out), ERR_OK);
	assert_int_equal(calls, after_compile); /* rendering never asks again */
	assert_string_equal(buf_str(&out), "HelloDistrict OfficeHelloDistrict OfficeHelloDistrict Office");
	buf_free(&out);
	tmpl_free(ts);
}

static void test_ui_string_missing(void **state)
{
	(void)state;
	expect_error("line one\n<p>{{@no_such_key}}</p>", "t.html:2: no UI string for no_such_key");
	/* missing in one language is enough to refuse */
	expect_error("\n\n{{@zh_only}}", "t.html:3: no UI string for zh_only");
	/* and without any string table */
	char err[256] = "";
	assert_null(tmpl_load_string("t", "{{@hello}}", NULL, NULL, err, sizeof err));
	assert_string_equal(err, "t.html:1: no UI string for hello");
}

/* ---- compile errors ------------------------------------------------------ */

static void test_errors_sections(void **state)
{
	(void)state;
	expect_error("a\n{{#items}}\nb", "t.html:2: unclosed section items");
	expect_error("{{#a}}\n{{#b}}{{/b}}\n", "t.html:1: unclosed section a");
	expect_error("{{^a}}x", "t.html:1: unclosed section a");
	expect_error("{{#a}}\n\n{{/b}}", "t.html:3: unexpected close of b");
	expect_error("{{#a}}{{#b}}{{/a}}{{/b}}", "t.html:1: unexpected close of a");
	expect_error("x\n{{/a}}", "t.html:2: unexpected close of a");
}

static void test_errors_tags(void **state)
{
	(void)state;
	expect_error("ok\nok\n<p>{{name</p>", "t.html:3: unterminated tag");
	expect_error("{{", "t.html:1: unterminated tag");
	expect_error("{{name}", "t.html:1: unterminated tag");
	expect_error("{{! never closed", "t.html:1: unterminated tag");
	expect_error("\n{{}}", "t.html:2: empty tag");
	expect_error("{{  }}", "t.html:1: empty tag");
	expect_error("{{#}}", "t.html:1: empty tag");
	expect_error("{{/ }}", "t.html:1: empty tag");
	expect_error("{{>}}", "t.html:1: empty tag");
	expect_error("{{@}}", "t.html:1: empty tag");
	expect_error("\n\n{{a b}}", "t.html:3: bad character in tag a b");
	expect_error("{{a<b}}", "t.html:1: bad character in tag a<b");
	expect_error("{{{raw}}}", "t.html:1: bad character in tag {raw");
	expect_error("{{&raw}}", "t.html:1: bad character in tag &raw");
	expect_error("{{=<% %>=}}", "t.html:1: bad character in tag =<% %>=");
	expect_error("{{na\nme}}", "t.html:2: bad character in tag na\nme");
	expect_error("{{名字}}", "t.html:1: bad character in tag 名字");
}

static void test_errors_line_counting(void **state)
{
	(void)state;
	/* newlines inside comments and tags count */
	expect_error("{{! one\ntwo\n}}\n{{/x}}", "t.html:4: unexpected close of x");
	/* errors after many lines */
	expect_error("1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n{{?}}", "t.html:11: bad character in tag ?");
}

static void test_errors_partial_and_depth(void **state)
{
	(void)state;
	expect_error("a\n{{>nope}}", "t.html:2: unknown partial nope");
	/* a template including itself could only stop at an arbitrary depth */
	expect_error("x\n{{#items}}{{>t}}{{/items}}", "t.html:2: recursive partial t");
	/* more nesting than the engine supports */
	struct buf b;
	buf_init(&b);
	for (int i = 0; i < 33; i++)
		buf_puts(&b, "{{^d}}");
	for (int i = 0; i < 33; i++)
		buf_puts(&b, "{{/d}}");
	expect_error(buf_str(&b), "t.html:1: sections nested too deep");
	/* 32 levels are fine */
	buf_reset(&b);
	for (int i = 0; i < 32; i++)
		buf_puts(&b, "{{^d}}");
	buf_puts(&b, "deep");
	for (int i = 0; i < 32; i++)
		buf_puts(&b, "{{/d}}");
	expect(buf_str(&b), NULL, "deep");
	buf_free(&b);
}

/* ---- comments, unknown templates ----------------------------------------- */

static void test_comments(void **state)
{
	struct arena *a = *state;
	struct tobj *o = tobj_new(a);
	tobj_str(o, "x", "X");
	expect("a{{! a comment with {{x}-ish <b>stuff</b> }}b", o, "ab");
	expect("{{!}}{{x}}{{!\nmulti\nline\n}}", o, "X");
	expect("{{!#section without close}}ok", o, "ok");
}

static void test_unknown_template(void **state)
{
	(void)state;
	char err[256];
	struct tmpl_set *ts = tmpl_load_string("t", "x", strings, NULL, err, sizeof err);
	assert_non_null(ts);
	assert_false(tmpl_has(ts, "nope"));
	struct buf out;
	buf_init(&out);
	buf_puts(&out, "kept");
	assert_int_equal(tmpl_render(ts, "nope", LANG_ZH, NULL, &out), ERR_NOTFOUND);
	assert_string_equal(buf_str(&out), "kept");
	/* rendering appends */
	assert_int_equal(tmpl_render(ts, "t", LANG_ZH, NULL, &out), ERR_OK);
	assert_string_equal(buf_str(&out), "keptx");
	buf_free(&out);
	tmpl_free(ts);
	tmpl_free(NULL);
}

/* ---- a folder of templates with partials ---------------------------------- */

static void write_file(const char *dir, const char *name, const char *text)
{
	char path[256];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static void rm_rf(const char *dir)
{
	char cmd[300];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
}

static void test_load_dir_partials(void **state)
{
	struct arena *a = *state;
	char dir[] = "/tmp/bm_tmpl_XXXXXX";
	assert_non_null(mkdtemp(dir));
	write_file(dir, "page.html", "<main>{{>part}}|{{#items}}{{>part}}{{/items}}</main>\n");
	write_file(dir, "part.html", "[{{@hello}} {{name}}]");
	write_file(dir, "notes.txt", "{{ignored, not a template");

	char err[256] = "";
	struct tmpl_set *ts = tmpl_load_dir(dir, strings, NULL, err, sizeof err);
	if (!ts)
		fail_msg("tmpl_load_dir: %s", err);
	assert_true(tmpl_has(ts, "page"));
	assert_true(tmpl_has(ts, "part"));
	assert_false(tmpl_has(ts, "notes"));
	assert_false(tmpl_has(ts, "page.html"));

	struct tobj *o = tobj_new(a);
	tobj_str(o, "name", "root");
	struct tlist *l = tobj_list(o, "items");
	tobj_str(tlist_obj(l), "name", "<i1>");
	tobj_str(tlist_obj(l), "name", "i2");

	struct buf out;
	buf_init(&out);
	/* the partial sees the caller's scope, and is per language like its caller */
	assert_int_equal(tmpl_render(ts, "page", LANG_ZH, o, &out), ERR_OK);
	assert_string_equal(buf_str(&out), "<main>[你好 root]|[你好 &lt;i1&gt;][你好 i2]</main>\n");
	buf_reset(&out);
	assert_int_equal(tmpl_render(ts, "page", LANG_EN, o, &out), ERR_OK);
	assert_string_equal(buf_str(&out), "<main>[Hello root]|[Hello &lt;i1&gt;][Hello i2]</main>\n");
	/* a partial is a template of its own as well */
	buf_reset(&out);
	assert_int_equal(tmpl_render(ts, "part", LANG_EN, o, &out), ERR_OK);
	assert_string_equal(buf_str(&out), "[Hello root]");
	buf_free(&out);
	tmpl_free(ts);
	rm_rf(dir);
}

static void test_load_dir_errors(void **state)
{
	(void)state;
	char err[256] = "";
	assert_null(tmpl_load_dir("/nonexistent/bianmin-tmpl", strings, NULL, err, sizeof err));
	assert_non_null(strstr(err, "/nonexistent/bianmin-tmpl"));

	/* an unknown partial names the including file and line */
	char dir[] = "/tmp/bm_tmpl_XXXXXX";
	assert_non_null(mkdtemp(dir));
	write_file(dir, "a.html", "ok");
	write_file(dir, "b.html", "line 1\n{{>a}}\n{{>missing}}\n");
	assert_null(tmpl_load_dir(dir, strings, NULL, err, sizeof err));
	assert_string_equal(err, "b.html:3: unknown partial missing");

	/* a compile error in one file of the folder stops the whole load */
	write_file(dir, "b.html", "{{>a}}");
	write_file(dir, "c.html", "\n{{#open}}");
	assert_null(tmpl_load_dir(dir, strings, NULL, err, sizeof err));
	assert_string_equal(err, "c.html:2: unclosed section open");
	write_file(dir, "c.html", "{{@no_such_key}}");
	assert_null(tmpl_load_dir(dir, strings, NULL, err, sizeof err));
	assert_string_equal(err, "c.html:1: no UI string for no_such_key");

	/* fixed, it loads: c -> b -> a, and a shared partial is not a cycle */
	write_file(dir, "c.html", "{{>b}}{{>a}}");
	struct tmpl_set *ts = tmpl_load_dir(dir, strings, NULL, err, sizeof err);
	if (!ts)
		fail_msg("tmpl_load_dir: %s", err);
	struct buf out;
	buf_init(&out);
	assert_int_equal(tmpl_render(ts, "c", LANG_ZH, NULL, &out), ERR_OK);
	assert_string_equal(buf_str(&out), "okok");
	buf_free(&out);
	tmpl_free(ts);

	/* partials including each other are refused, naming where the loop closes */
	write_file(dir, "x.html", "{{>y}}");
	write_file(dir, "y.html", "1\n{{>a}}{{>x}}");
	assert_null(tmpl_load_dir(dir, strings, NULL, err, sizeof err));
	assert_string_equal(err, "y.html:2: recursive partial x");
	rm_rf(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_escaping, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_value_looking_like_a_tag, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_html_ints_and_others, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_text_only_and_braces, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_section_list_of_objects, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_section_object_and_booleans, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_section_empty_list, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_inverted, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_nested_and_outer_scope, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_dot_over_strings, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_ui_strings_per_language, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_ui_string_placeholders, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_ui_strings_resolved_once, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_ui_string_missing, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_errors_sections, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_errors_tags, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_errors_line_counting, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_errors_partial_and_depth, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_comments, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_unknown_template, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_load_dir_partials, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_load_dir_errors, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

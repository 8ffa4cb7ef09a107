/*
 * fuzz_tmpl.c -- libFuzzer target for the template engine: compiles the
 * input as template "t" (with a string table that knows a few keys) and,
 * when it compiles, renders it in both languages with a small view.
 * Checks: a refusal says "t.html:LINE: reason"; output from UTF-8 input is
 * UTF-8; escaping holds -- no view value or UI string contains < > " ' raw,
 * so a character absent from the template is absent from the output.
 *
 * Sections nest like Mustache: {{#l}}{{#l}}..{{/l}}{{/l}} over a two-item
 * list runs 2^depth times, by design.  Rendering is skipped for inputs with
 * more than MAX_SECTIONS section tags, so a run measures the engine, not
 * the exponent.
 *
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -Isrc tests/fuzz/fuzz_tmpl.c \
 *     src/tmpl/tmpl.c src/util/util.c -o /tmp/fz && /tmp/fz tests/fuzz/corpus/fuzz_tmpl
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tmpl/tmpl.h"
#include "util/util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

enum { MAX_SECTIONS = 10 };

static void check(int ok)
{
	if (!ok)
		abort();
}

static const char *strings(void *ctx, enum lang lang, const char *key)
{
	(void)ctx;
	static const struct {
		const char *key, *text[LANG__MAX];
	} t[] = {
		{"hello", {"你好", "Hello"}},
		{"amp", {"甲&amp;乙", "A &amp; B"}},
		{"empty", {"", ""}},
		{"zh", {"中文", NULL}},
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		if (strcmp(t[i].key, key) == 0)
			return t[i].text[lang];
	return NULL;
}

static struct tobj *make_view(struct arena *a)
{
	struct tobj *o = tobj_new(a);
	tobj_str(o, "s", "<script>alert('x') & \"y\"</script>");
	tobj_str(o, "e", "");
	tobj_html(o, "h", "&amp;&#39;trusted&#39;");
	tobj_int(o, "n", -42);
	tobj_int(o, "z", 0);
	tobj_bool(o, "t", true);
	tobj_bool(o, "f", false);
	tobj_list(o, "none");
	struct tlist *items = tobj_list(o, "items");
	for (int i = 0; i < 2; i++) {
		struct tobj *it = tlist_obj(items);
		tobj_str(it, "s", i ? "<i2>" : "'i1'");
		tobj_int(it, "i", i);
		tobj_str(it, "name", "{{s}}"); /* looks like a tag, must stay text */
	}
	struct tlist *tags = tobj_list(o, "tags");
	tlist_str(tags, "<a>");
	tlist_str(tags, "\"b\"");
	struct tobj *obj = tobj_new(a);
	tobj_str(obj, "k", "v'");
	tobj_obj(obj, "self", obj); /* a cycle in the view: lookups must not loop */
	tobj_obj(o, "o", obj);
	return o;
}

static size_t count(const char *s, const char *needle)
{
	size_t n = 0;
	for (const char *p = s; (p = strstr(p, needle)); p += strlen(needle))
		n++;
	return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* the engine takes a C string: cut at the first NUL */
	char *text = malloc(size + 1);
	memcpy(text, data, size);
	text[size] = '\0';

	char err[256];
	err[0] = '\0';
	struct tmpl_set *ts = tmpl_load_string("t", text, strings, NULL, err, sizeof err);
	if (!ts) {
		int line = 0, used = 0;
		check(sscanf(err, "t.html:%d: %n", &line, &used) == 1 && used > 0);
		check(line >= 1 && err[used] != '\0');
		free(text);
		return 0;
	}
	check(tmpl_has(ts, "t"));
	if (count(text, "{{#") <= MAX_SECTIONS) {
		struct arena *a = arena_new();
		struct tobj *view = make_view(a);
		size_t tl = strlen(text);
		bool text_utf8 = utf8_valid(text, tl);
		for (int l = 0; l < LANG__MAX; l++) {
			struct buf out;
			buf_init(&out);
			check(tmpl_render(ts, "t", (enum lang)l, view, &out) == ERR_OK);
			const char *s = buf_str(&out);
			check(strlen(s) == out.len);
			if (text_utf8)
				check(utf8_valid(s, out.len));
			for (const char *c = "<>\"'"; *c; c++)
				if (!memchr(text, *c, tl))
					check(!memchr(s, *c, out.len));
			buf_free(&out);
		}
		struct buf out;
		buf_init(&out);
		check(tmpl_render(ts, "no-such", LANG_ZH, view, &out) == ERR_NOTFOUND);
		check(out.len == 0);
		buf_free(&out);
		arena_free(a);
	}
	tmpl_free(ts);
	free(text);
	return 0;
}

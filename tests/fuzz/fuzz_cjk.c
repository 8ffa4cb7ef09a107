/*
 * fuzz_cjk.c -- libFuzzer target for the CJK search code: runs the
 * tokenizer (both modes), the MATCH builder (with synonym groups taken from
 * the input too) and the snippet maker on arbitrary bytes, and checks the
 * invariants the callers rely on.  No SQLite here.
 *
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -Isrc tests/fuzz/fuzz_cjk.c \
 *     src/domain/cjk.c src/domain/cjk_fold.c src/util/util.c -o /tmp/fz && /tmp/fz
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "domain/cjk.h"
#include "util/util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(int ok)
{
	if (!ok)
		abort();
}

static void run_tok(const char *s, size_t n, enum cjk_tok_mode mode)
{
	struct cjk_tok t;
	struct cjk_token k;
	size_t count = 0;
	cjk_tok_init(&t, s, n, mode);
	while (cjk_tok_next(&t, &k)) {
		check(k.len > 0 && k.len <= CJK_TOKEN_MAX);
		check(k.start < k.end && k.end <= n);
		check(utf8_valid(k.text, k.len));
		check(count > 0 || !k.colocated); /* FTS5 forbids a colocated first token */
		count++;
	}
	check(count <= n);
}

/* Every '"' in a MATCH expression is part of a quoted string: the quotes balance. */
static void check_match(const struct buf *m)
{
	int open = 0, depth = 0;
	for (size_t i = 0; i < m->len; i++) {
		char c = m->data[i];
		if (c == '"')
			open = !open;
		else if (!open && c == '(')
			depth++;
		else if (!open && c == ')')
			check(--depth >= 0);
	}
	check(!open && depth == 0);
	check(utf8_valid(m->data ? m->data : "", m->len));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	run_tok(s, size, CJK_TOK_DOCUMENT);
	run_tok(s, size, CJK_TOK_QUERY);

	/* input = query NUL synonym-groups (NUL-separated) */
	const char *nul = memchr(s, '\0', size);
	size_t qn = nul ? (size_t)(nul - s) : size;
	char *rest = NULL;
	const char *groups[8];
	size_t ng = 0;
	if (nul) {
		size_t rn = size - qn - 1;
		rest = malloc(rn + 1);
		memcpy(rest, nul + 1, rn);
		rest[rn] = '\0';
		for (char *p = rest; ng < 8 && p <= rest + rn; p += strlen(p) + 1)
			groups[ng++] = p;
	}

	struct buf m, out;
	struct cjk_terms terms;
	buf_init(&m);
	buf_init(&out);
	size_t nt = cjk_query_build(s, qn, groups, ng, &m, &terms, size & 1 ? CJK_QUERY_ANY : 0);
	check(nt <= CJK_QUERY_MAX_TERMS);
	check((nt == 0) == (m.len == 0));
	check(terms.n <= CJK_TERMS_MAX && terms.ncp <= CJK_TERMS_CPS);
	check_match(&m);

	cjk_snippet(s, size, &terms, CJK_SNIPPET_CHARS, &out);
	check(utf8_valid(out.data ? out.data : "", out.len));
	check(!out.len || !memchr(out.data, '\0', out.len));
	buf_reset(&out);
	cjk_snippet(s, size, &terms, 0, &out);
	check(utf8_valid(out.data ? out.data : "", out.len));
	buf_reset(&out);
	cjk_snippet(s, size, &terms, 7, &out);

	buf_free(&m);
	buf_free(&out);
	free(rest);
	return 0;
}

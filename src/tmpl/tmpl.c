/*
 * tmpl.c -- the template compiler and renderer.  See tmpl.h for the syntax.
 * Templates are parsed once into a flat op array per language; rendering
 * walks the ops with a small context stack and never allocates except in
 * the output buffer.
 *
 * Must not include: sqlite3.h, microhttpd.h, fcgiapp.h.
 */
#include "tmpl/tmpl.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_DEPTH = 32, MAX_PARTIAL_DEPTH = 16 };

/* ---- view values ---- */

struct tentry {
	const char *name;
	struct tv v;
};

struct tobj {
	struct arena *a;
	struct tentry *e;
	size_t n, cap;
};

struct tlist {
	struct arena *a;
	struct tv *items;
	size_t n, cap;
};

struct tobj *tobj_new(struct arena *a)
{
	struct tobj *o = arena_zalloc(a, sizeof *o);
	o->a = a;
	return o;
}

static struct tv *tobj_slot(struct tobj *o, const char *name)
{
	for (size_t i = 0; i < o->n; i++)
		if (strcmp(o->e[i].name, name) == 0)
			return &o->e[i].v;
	if (o->n == o->cap) {
		size_t cap = o->cap ? o->cap * 2 : 8;
		struct tentry *e = arena_alloc(o->a, cap * sizeof *e);
		if (o->n)
			memcpy(e, o->e, o->n * sizeof *e);
		o->e = e;
		o->cap = cap;
	}
	o->e[o->n].name = name;
	return &o->e[o->n++].v;
}

void tobj_str(struct tobj *o, const char *name, const char *s)
{
	if (!s)
		return;
	struct tv *v = tobj_slot(o, name);
	v->kind = TV_STR;
	v->u.s = s;
}

void tobj_html(struct tobj *o, const char *name, const char *trusted_html)
{
	if (!trusted_html)
		return;
	struct tv *v = tobj_slot(o, name);
	v->kind = TV_HTML;
	v->u.s = trusted_html;
}

void tobj_int(struct tobj *o, const char *name, long long i)
{
	struct tv *v = tobj_slot(o, name);
	v->kind = TV_INT;
	v->u.i = i;
}

void tobj_bool(struct tobj *o, const char *name, bool b)
{
	struct tv *v = tobj_slot(o, name);
	v->kind = TV_BOOL;
	v->u.b = b;
}

void tobj_obj(struct tobj *o, const char *name, struct tobj *child)
{
	struct tv *v = tobj_slot(o, name);
	v->kind = TV_OBJ;
	v->u.obj = child;
}

struct tlist *tobj_list(struct tobj *o, const char *name)
{
	struct tlist *l = arena_zalloc(o->a, sizeof *l);
	l->a = o->a;
	struct tv *v = tobj_slot(o, name);
	v->kind = TV_LIST;
	v->u.list = l;
	return l;
}

static struct tv *tlist_push(struct tlist *l)
{
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 8;
		struct tv *items = arena_alloc(l->a, cap * sizeof *items);
		if (l->n)
			memcpy(items, l->items, l->n * sizeof *items);
		l->items = items;
		l->cap = cap;
	}
	return &l->items[l->n++];
}

struct tobj *tlist_obj(struct tlist *l)
{
	struct tv *v = tlist_push(l);
	v->kind = TV_OBJ;
	v->u.obj = tobj_new(l->a);
	return v->u.obj;
}

void tlist_str(struct tlist *l, const char *s)
{
	struct tv *v = tlist_push(l);
	v->kind = s ? TV_STR : TV_NULL;
	v->u.s = s;
}

size_t tlist_len(const struct tlist *l)
{
	return l ? l->n : 0;
}

const struct tv *tobj_get(const struct tobj *o, const char *name)
{
	for (size_t i = 0; o && i < o->n; i++)
		if (strcmp(o->e[i].name, name) == 0)
			return &o->e[i].v;
	return NULL;
}

/* ---- compiled templates ---- */

enum op_kind { OP_TEXT, OP_VAR, OP_SECTION, OP_INVERTED, OP_PARTIAL };

struct op {
	enum op_kind kind;
	const char *s; /* text, or a name (a placeholder's is not NUL-terminated) */
	size_t len;    /* of the text or the name */
	size_t end;    /* sections: index just past the section's last op */
	int partial;   /* OP_PARTIAL: index of the template */
	int line;
};

struct tmpl {
	char *name;
	char *src; /* owned; names point into it (tags are NUL-terminated in place) */
	struct op *ops[LANG__MAX];
	size_t nops[LANG__MAX];
};

struct tmpl_set {
	struct tmpl *t;
	size_t n;
};

void tmpl_free(struct tmpl_set *ts)
{
	if (!ts)
		return;
	for (size_t i = 0; i < ts->n; i++) {
		free(ts->t[i].name);
		free(ts->t[i].src);
		for (int l = 0; l < LANG__MAX; l++)
			free(ts->t[i].ops[l]);
	}
	free(ts->t);
	free(ts);
}

static bool is_name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
	       c == '.';
}

static int fail(char *err, size_t errsz, const char *file, int line, const char *msg, const char *arg)
{
	snprintf(err, errsz, "%s:%d: %s%s%s", file, line, msg, arg ? " " : "", arg ? arg : "");
	return -1;
}

/*
 * A UI string's ops: its text, each {name} in it a value of the view
 * (escaped like {{name}}), so a sentence keeps its words in its language's
 * order.  A '{' not followed by a name and '}' is text.
 */
static void emit_string(const char *s, struct op **ops, size_t *n, size_t *cap, int line)
{
	const char *text = s;
	for (const char *p = s; *p; p++) {
		const char *q = p + 1;
		while (*p == '{' && is_name_char(*q))
			q++;
		if (*p != '{' || q == p + 1 || *q != '}')
			continue;
		if (*n + 2 > *cap)
			*ops = xrealloc(*ops, (*cap *= 2) * sizeof **ops);
		if (p > text)
			(*ops)[(*n)++] =
			    (struct op){.kind = OP_TEXT, .s = text, .len = (size_t)(p - text), .line = line};
		(*ops)[(*n)++] = (struct op){.kind = OP_VAR, .s = p + 1, .len = (size_t)(q - p - 1), .line = line};
		text = q + 1;
		p = q;
	}
	if (*text) {
		if (*n == *cap)
			*ops = xrealloc(*ops, (*cap *= 2) * sizeof **ops);
		(*ops)[(*n)++] = (struct op){.kind = OP_TEXT, .s = text, .len = strlen(text), .line = line};
	}
}

/*
 * Parses src (modified in place: tag names get NUL-terminated) into ops for
 * one language.  A copy of src is parsed per language, so the caller passes
 * a fresh writable copy each time.
 */
static int parse(const char *file, char *src, enum lang lang, tmpl_strings_fn strings, void *sctx, struct op **out,
                 size_t *nout, char *err, size_t errsz)
{
	size_t cap = 64, n = 0;
	struct op *ops = xmalloc(cap * sizeof *ops);
	size_t stack[MAX_DEPTH];
	int depth = 0, line = 1;
	char *p = src;

#define EMIT(...)                                                                                                      \
	do {                                                                                                           \
		if (n == cap)                                                                                          \
			ops = xrealloc(ops, (cap *= 2) * sizeof *ops);                                                 \
		ops[n++] = (struct op){__VA_ARGS__, .line = line};                                                     \
	} while (0)

	while (*p) {
		char *open = strstr(p, "{{");
		size_t textlen = open ? (size_t)(open - p) : strlen(p);
		if (textlen)
			EMIT(.kind = OP_TEXT, .s = p, .len = textlen);
		for (size_t i = 0; i < textlen; i++)
			line += p[i] == '\n';
		if (!open)
			break;
		char *tag = open + 2;
		char *close = strstr(tag, "}}");
		if (!close) {
			free(ops);
			return fail(err, errsz, file, line, "unterminated tag", NULL);
		}
		for (char *q = tag; q < close; q++)
			line += *q == '\n';
		p = close + 2;
		char sigil = *tag;
		if (sigil == '!')
			continue;
		if (strchr("#^/>@", sigil))
			tag++;
		else
			sigil = 0;
		while (tag < close && (*tag == ' ' || *tag == '\t'))
			tag++;
		char *end = close;
		while (end > tag && (end[-1] == ' ' || end[-1] == '\t'))
			end--;
		if (end == tag) {
			free(ops);
			return fail(err, errsz, file, line, "empty tag", NULL);
		}
		for (char *q = tag; q < end; q++)
			if (!is_name_char(*q)) {
				*end = '\0';
				free(ops);
				return fail(err, errsz, file, line, "bad character in tag", tag);
			}
		*end = '\0';
		switch (sigil) {
		case '@': {
			const char *s = strings ? strings(sctx, lang, tag) : NULL;
			if (!s) {
				free(ops);
				return fail(err, errsz, file, line, "no UI string for", tag);
			}
			emit_string(s, &ops, &n, &cap, line);
			break;
		}
		case '#':
		case '^':
			if (depth == MAX_DEPTH) {
				free(ops);
				return fail(err, errsz, file, line, "sections nested too deep", NULL);
			}
			stack[depth++] = n;
			EMIT(.kind = sigil == '#' ? OP_SECTION : OP_INVERTED, .s = tag, .len = strlen(tag));
			break;
		case '/':
			if (depth == 0 || strcmp(ops[stack[depth - 1]].s, tag) != 0) {
				free(ops);
				return fail(err, errsz, file, line, "unexpected close of", tag);
			}
			ops[stack[--depth]].end = n;
			break;
		case '>': EMIT(.kind = OP_PARTIAL, .s = tag, .partial = -1); break;
		default: EMIT(.kind = OP_VAR, .s = tag, .len = strlen(tag));
		}
	}
#undef EMIT
	if (depth) {
		int l = ops[stack[depth - 1]].line;
		const char *name = ops[stack[depth - 1]].s;
		char msg[128];
		snprintf(msg, sizeof msg, "%s", name);
		free(ops);
		return fail(err, errsz, file, l, "unclosed section", msg);
	}
	*out = ops;
	*nout = n;
	return 0;
}

static int add_template(struct tmpl_set *ts, const char *name, const char *text, tmpl_strings_fn strings, void *sctx,
                        char *err, size_t errsz)
{
	ts->t = xrealloc(ts->t, (ts->n + 1) * sizeof *ts->t);
	struct tmpl *t = &ts->t[ts->n++];
	memset(t, 0, sizeof *t);
	t->name = xstrdup(name);
	size_t len = strlen(text);
	/* one writable copy per language, back to back */
	t->src = xmalloc((len + 1) * LANG__MAX);
	char file[300];
	snprintf(file, sizeof file, "%s.html", name);
	for (int l = 0; l < LANG__MAX; l++) {
		char *copy = t->src + (len + 1) * (size_t)l;
		memcpy(copy, text, len + 1);
		if (parse(file, copy, (enum lang)l, strings, sctx, &t->ops[l], &t->nops[l], err, errsz) < 0)
			return -1;
	}
	return 0;
}

static int find(const struct tmpl_set *ts, const char *name)
{
	for (size_t i = 0; i < ts->n; i++)
		if (strcmp(ts->t[i].name, name) == 0)
			return (int)i;
	return -1;
}

static int link_partials(struct tmpl_set *ts, char *err, size_t errsz)
{
	for (size_t i = 0; i < ts->n; i++)
		for (int l = 0; l < LANG__MAX; l++)
			for (size_t k = 0; k < ts->t[i].nops[l]; k++) {
				struct op *op = &ts->t[i].ops[l][k];
				if (op->kind != OP_PARTIAL)
					continue;
				op->partial = find(ts, op->s);
				if (op->partial < 0) {
					char file[300];
					snprintf(file, sizeof file, "%s.html", ts->t[i].name);
					return fail(err, errsz, file, op->line, "unknown partial", op->s);
				}
			}
	return 0;
}

/*
 * Fails when template i reaches itself through partials: the lookup falls
 * back to outer scopes, so such a template never stops by itself and its
 * render time grows exponentially with each nesting.  state: 0 unseen,
 * 1 on the current path, 2 done.
 */
static int check_cycles(const struct tmpl_set *ts, size_t i, unsigned char *state, char *err, size_t errsz)
{
	state[i] = 1;
	for (int l = 0; l < LANG__MAX; l++)
		for (size_t k = 0; k < ts->t[i].nops[l]; k++) {
			const struct op *op = &ts->t[i].ops[l][k];
			if (op->kind != OP_PARTIAL || state[op->partial] == 2)
				continue;
			if (state[op->partial] == 1) {
				char file[300];
				snprintf(file, sizeof file, "%s.html", ts->t[i].name);
				return fail(err, errsz, file, op->line, "recursive partial", op->s);
			}
			if (check_cycles(ts, (size_t)op->partial, state, err, errsz) < 0)
				return -1;
		}
	state[i] = 2;
	return 0;
}

static int check_no_cycles(const struct tmpl_set *ts, char *err, size_t errsz)
{
	unsigned char *state = xcalloc(ts->n ? ts->n : 1, 1);
	int rc = 0;
	for (size_t i = 0; rc == 0 && i < ts->n; i++)
		if (state[i] == 0)
			rc = check_cycles(ts, i, state, err, errsz);
	free(state);
	return rc;
}

struct tmpl_set *tmpl_load_string(const char *name, const char *text, tmpl_strings_fn strings, void *sctx, char *err,
                                  size_t errsz)
{
	struct tmpl_set *ts = xcalloc(1, sizeof *ts);
	if (add_template(ts, name, text, strings, sctx, err, errsz) < 0 || link_partials(ts, err, errsz) < 0 ||
	    check_no_cycles(ts, err, errsz) < 0) {
		tmpl_free(ts);
		return NULL;
	}
	return ts;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

struct tmpl_set *tmpl_load_dir(const char *dir, tmpl_strings_fn strings, void *sctx, char *err, size_t errsz)
{
	DIR *d = opendir(dir);
	if (!d) {
		snprintf(err, errsz, "%s: cannot open template folder", dir);
		return NULL;
	}
	char *names[512] = {0};
	size_t nn = 0;
	struct dirent *de;
	while ((de = readdir(d)) && nn < 512) {
		size_t l = strlen(de->d_name);
		if (l > 5 && strcmp(de->d_name + l - 5, ".html") == 0)
			names[nn++] = xstrdup(de->d_name);
	}
	closedir(d);
	qsort(names, nn, sizeof *names, cmp_str);

	struct tmpl_set *ts = xcalloc(1, sizeof *ts);
	int rc = 0;
	for (size_t i = 0; i < nn; i++) {
		char path[1024];
		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		char *text;
		size_t len;
		if (rc == 0 && file_read(path, &text, &len) != ERR_OK) {
			snprintf(err, errsz, "%s: cannot read", path);
			rc = -1;
		} else if (rc == 0) {
			names[i][strlen(names[i]) - 5] = '\0';
			if (strlen(text) != len) {
				snprintf(err, errsz, "%s: NUL byte in template", path);
				rc = -1;
			} else {
				rc = add_template(ts, names[i], text, strings, sctx, err, errsz);
			}
			free(text);
		}
		free(names[i]);
	}
	if (rc == 0)
		rc = link_partials(ts, err, errsz);
	if (rc == 0)
		rc = check_no_cycles(ts, err, errsz);
	if (rc < 0) {
		tmpl_free(ts);
		return NULL;
	}
	return ts;
}

bool tmpl_has(const struct tmpl_set *ts, const char *name)
{
	return find(ts, name) >= 0;
}

/* ---- rendering ---- */

struct frame {
	const struct tobj *obj; /* may be NULL: a scalar section item */
	const struct tv *dot;
};

struct render {
	const struct tmpl_set *ts;
	enum lang lang;
	struct buf *out;
	struct frame stack[MAX_DEPTH * 2];
	int depth;
	int partial_depth;
};

static const struct tv *lookup(const struct render *r, const struct op *op)
{
	if (op->len == 1 && op->s[0] == '.')
		return r->depth ? r->stack[r->depth - 1].dot : NULL;
	for (int i = r->depth - 1; i >= 0; i--) {
		const struct tobj *o = r->stack[i].obj;
		for (size_t k = 0; o && k < o->n; k++) {
			const char *name = o->e[k].name;
			/* the first letter turns most names away without a call */
			if (name[0] == op->s[0] && strncmp(name, op->s, op->len) == 0 && name[op->len] == '\0')
				return &o->e[k].v;
		}
	}
	return NULL;
}

static bool truthy(const struct tv *v)
{
	if (!v)
		return false;
	switch (v->kind) {
	case TV_NULL: return false;
	case TV_STR:
	case TV_HTML: return v->u.s[0] != '\0';
	case TV_INT: return v->u.i != 0;
	case TV_BOOL: return v->u.b;
	case TV_LIST: return v->u.list->n > 0;
	case TV_OBJ: return true;
	}
	return false;
}

static void emit_value(struct buf *out, const struct tv *v)
{
	if (!v)
		return;
	switch (v->kind) {
	case TV_STR: buf_put_html(out, v->u.s, strlen(v->u.s)); break;
	case TV_HTML: buf_puts(out, v->u.s); break;
	case TV_INT: buf_printf(out, "%lld", v->u.i); break;
	default: break; /* lists, objects, booleans print nothing */
	}
}

static void run(struct render *r, const struct op *ops, size_t from, size_t to);

static void push_and_run(struct render *r, const struct tobj *obj, const struct tv *dot, const struct op *ops,
                         size_t from, size_t to)
{
	if (r->depth == (int)(sizeof r->stack / sizeof r->stack[0]))
		return;
	r->stack[r->depth++] = (struct frame){.obj = obj, .dot = dot};
	run(r, ops, from, to);
	r->depth--;
}

static void run(struct render *r, const struct op *ops, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++) {
		const struct op *op = &ops[i];
		switch (op->kind) {
		case OP_TEXT: buf_put(r->out, op->s, op->len); break;
		case OP_VAR: emit_value(r->out, lookup(r, op)); break;
		case OP_INVERTED:
			if (!truthy(lookup(r, op)))
				run(r, ops, i + 1, op->end);
			i = op->end - 1;
			break;
		case OP_SECTION: {
			const struct tv *v = lookup(r, op);
			if (truthy(v)) {
				if (v->kind == TV_LIST) {
					for (size_t k = 0; k < v->u.list->n; k++) {
						const struct tv *item = &v->u.list->items[k];
						push_and_run(r, item->kind == TV_OBJ ? item->u.obj : NULL, item, ops,
						             i + 1, op->end);
					}
				} else {
					push_and_run(r, v->kind == TV_OBJ ? v->u.obj : NULL, v, ops, i + 1, op->end);
				}
			}
			i = op->end - 1;
			break;
		}
		case OP_PARTIAL:
			if (r->partial_depth < MAX_PARTIAL_DEPTH) {
				const struct tmpl *t = &r->ts->t[op->partial];
				r->partial_depth++;
				run(r, t->ops[r->lang], 0, t->nops[r->lang]);
				r->partial_depth--;
			}
			break;
		}
	}
}

enum err tmpl_render(const struct tmpl_set *ts, const char *name, enum lang lang, const struct tobj *root,
                     struct buf *out)
{
	int idx = find(ts, name);
	if (idx < 0)
		return ERR_NOTFOUND;
	struct render r = {.ts = ts, .lang = lang, .out = out};
	r.stack[r.depth++] = (struct frame){.obj = root, .dot = NULL};
	const struct tmpl *t = &ts->t[idx];
	run(&r, t->ops[lang], 0, t->nops[lang]);
	return ERR_OK;
}

/*
 * tmpl.h -- Mustache-like templates, compiled once at start-up.
 *
 * Syntax: {{name}} a value, {{#name}}..{{/name}} a section (repeats for a
 * list, shows once for a true value or an object), {{^name}}..{{/name}}
 * inverted, {{>name}} a partial, {{@key}} a UI string from the string table
 * (resolved at compile time, per language; each {name} in the string is the
 * view's value name, escaped like {{name}}, so a sentence is one string
 * whatever its word order), {{! comment}}, {{.}} the current
 * item.  Dotted names are not supported; names are looked up from the
 * innermost section outward.  A partial that includes itself, directly or
 * not, is a compile error.
 *
 * Every value is HTML-escaped unless it was put in the view as trusted HTML
 * (tv_html); there is no template syntax to turn escaping off.
 *
 * Must not include: sqlite3.h, microhttpd.h, fcgiapp.h.
 */
#ifndef BM_TMPL_H
#define BM_TMPL_H

#include "util/util.h"

/* ---- the view: values a handler builds for one render, in its arena ---- */

enum tv_kind { TV_NULL, TV_STR, TV_HTML, TV_INT, TV_BOOL, TV_LIST, TV_OBJ };

struct tobj;
struct tlist;

struct tv {
	enum tv_kind kind;
	union {
		const char *s; /* TV_STR, TV_HTML (borrowed) */
		long long i;
		bool b;
		struct tlist *list;
		struct tobj *obj;
	} u;
};

/* A new empty object in arena a. */
struct tobj *tobj_new(struct arena *a);
/* Setters borrow s (it must outlive the render); a NULL s sets nothing. */
void tobj_str(struct tobj *o, const char *name, const char *s);
void tobj_html(struct tobj *o, const char *name, const char *trusted_html);
void tobj_int(struct tobj *o, const char *name, long long i);
void tobj_bool(struct tobj *o, const char *name, bool b);
void tobj_obj(struct tobj *o, const char *name, struct tobj *child);
/* Adds an empty list under name and returns it. */
struct tlist *tobj_list(struct tobj *o, const char *name);
/* Appends a new empty object to the list and returns it. */
struct tobj *tlist_obj(struct tlist *l);
/* Appends a string item (for {{.}}). */
void tlist_str(struct tlist *l, const char *s);
size_t tlist_len(const struct tlist *l);
/* Looks name up in o only (not its parents); NULL if absent. */
const struct tv *tobj_get(const struct tobj *o, const char *name);

/* ---- templates ---- */

/* Returns the UI string for key in lang, or NULL when the table has none. */
typedef const char *(*tmpl_strings_fn)(void *ctx, enum lang lang, const char *key);

struct tmpl_set;

/*
 * Compiles every *.html file in dir (name = file name without .html), once
 * per language, resolving {{@key}} through strings.  On failure returns NULL
 * and writes "file:line: reason" to err.  The set owns all its memory.
 */
struct tmpl_set *tmpl_load_dir(const char *dir, tmpl_strings_fn strings, void *sctx, char *err, size_t errsz);
/* Same for one template given as text (tests, fuzzing); partials unresolved fail. */
struct tmpl_set *tmpl_load_string(const char *name, const char *text, tmpl_strings_fn strings, void *sctx, char *err,
                                  size_t errsz);
/* Frees the set; NULL is a no-op.  UI strings it used must outlive it. */
void tmpl_free(struct tmpl_set *ts);

/* True when the set has a template of that name. */
bool tmpl_has(const struct tmpl_set *ts, const char *name);

/*
 * Renders template name in lang with view root into out (appending).
 * Returns ERR_OK or ERR_NOTFOUND for an unknown template.
 */
enum err tmpl_render(const struct tmpl_set *ts, const char *name, enum lang lang, const struct tobj *root,
                     struct buf *out);

#endif

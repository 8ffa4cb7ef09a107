/*
 * jsonread.h -- reading a JSON document (jansson) that people wrote or
 * edited, with every refusal said as "file: path.to.field: what is wrong"
 * and all of them collected, so one run lists every mistake.  The reader
 * keeps the path to the value being read (services[3].name.zh); callers
 * push a key or an index, read typed members, pop.
 *
 * Must not include: sqlite3.h, microhttpd.h, fcgiapp.h.
 */
#ifndef BM_JSONREAD_H
#define BM_JSONREAD_H

#include <jansson.h>

#include "util/util.h"

enum { JREAD_PATH_MAX = 256, JREAD_MAX_ERRORS = 50 };

struct jread {
	const char *file;
	char path[JREAD_PATH_MAX];
	size_t plen;
	struct buf errors; /* one line per refusal */
	int nerrors;
};

/* What a string member must look like. */
enum jr_shape {
	JR_TEXT, /* any text, newlines allowed */
	JR_LINE, /* one line: no control characters */
	JR_SLUG, /* [A-Za-z0-9._-]+ */
	JR_DATE, /* YYYY-MM-DD */
	JR_TIME, /* YYYY-MM-DDTHH:MM:SSZ */
	JR_HEX,  /* [0-9a-f]+ */
};

void jread_init(struct jread *r, const char *file);
void jread_free(struct jread *r);

/* Enters member key / item i of the value at the current path; returns the mark jread_pop goes back to. */
size_t jread_push_key(struct jread *r, const char *key);
size_t jread_push_index(struct jread *r, size_t i);
void jread_pop(struct jread *r, size_t mark);

/* Records "file: path: message" (path the current one; "(top)" at the top). */
void jread_error(struct jread *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/*
 * Member key of object obj as a string of the given shape and at most max
 * code points.  Absent or null: NULL, an error when required.  A string
 * that is not one, or of the wrong shape or length: an error, NULL.
 */
const char *jread_str(struct jread *r, const json_t *obj, const char *key, bool required, enum jr_shape shape,
                      size_t max);
/* Member key as an integer in [min, max]; absent: dflt (an error when required). */
long long jread_int(struct jread *r, const json_t *obj, const char *key, bool required, long long min, long long max,
                    long long dflt);
/* Member key as true/false; absent: dflt. */
bool jread_bool(struct jread *r, const json_t *obj, const char *key, bool dflt);
/*
 * A text in both languages, {"zh": ..., "en": ...}, into out[LANG_ZH],
 * out[LANG_EN]: zh required when required, en optional (NULL when absent).
 */
void jread_text(struct jread *r, const json_t *obj, const char *key, bool required, enum jr_shape shape, size_t max,
                const char *out[LANG__MAX]);
/* Member key as an array (an object); absent: NULL, an error when required. */
const json_t *jread_array(struct jread *r, const json_t *obj, const char *key, bool required);
const json_t *jread_object(struct jread *r, const json_t *obj, const char *key, bool required);
/* An error for every member of obj not in known (NULL-terminated): a typo never passes silently. */
void jread_known(struct jread *r, const json_t *obj, const char *const *known);

#endif

/*
 * jsonread.c -- typed, path-tracking reads of a JSON document (see
 * jsonread.h).
 */
#include "util/jsonread.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void jread_init(struct jread *r, const char *file)
{
	memset(r, 0, sizeof *r);
	r->file = file;
	buf_init(&r->errors);
}

void jread_free(struct jread *r)
{
	buf_free(&r->errors);
}

/* Appends piece to the path; a path that would not fit ends in "…" and stays so until popped. */
static size_t push(struct jread *r, const char *piece)
{
	size_t mark = r->plen, n = strlen(piece);
	if (r->plen + n + 4 >= sizeof r->path) {
		if (r->plen + 4 < sizeof r->path) {
			memcpy(r->path + r->plen, "\xE2\x80\xA6", 4);
			r->plen += 3;
		}
		return mark;
	}
	memcpy(r->path + r->plen, piece, n + 1);
	r->plen += n;
	return mark;
}

size_t jread_push_key(struct jread *r, const char *key)
{
	char piece[JREAD_PATH_MAX];
	snprintf(piece, sizeof piece, "%s%s", r->plen ? "." : "", key);
	return push(r, piece);
}

size_t jread_push_index(struct jread *r, size_t i)
{
	char piece[32];
	snprintf(piece, sizeof piece, "[%zu]", i);
	return push(r, piece);
}

void jread_pop(struct jread *r, size_t mark)
{
	if (mark <= r->plen) {
		r->plen = mark;
		r->path[mark] = '\0';
	}
}

void jread_error(struct jread *r, const char *fmt, ...)
{
	if (r->nerrors++ >= JREAD_MAX_ERRORS) {
		if (r->nerrors == JREAD_MAX_ERRORS + 1)
			buf_printf(&r->errors, "%s: (more errors not shown)\n", r->file);
		return;
	}
	char msg[300];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	utf8_cut(msg);
	buf_printf(&r->errors, "%s: %s: %s\n", r->file, r->plen ? r->path : "(top)", msg);
}

/* The member, or NULL (absent or null); an error when required and missing. */
static const json_t *member(struct jread *r, const json_t *obj, const char *key, bool required)
{
	const json_t *v = json_is_object(obj) ? json_object_get(obj, key) : NULL;
	if (v && json_is_null(v))
		v = NULL;
	if (!v && required) {
		size_t m = jread_push_key(r, key);
		jread_error(r, "required");
		jread_pop(r, m);
	}
	return v;
}

static bool digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

/* NULL when s has shape, else what is wrong. */
static const char *shape_error(const char *s, size_t len, enum jr_shape shape)
{
	switch (shape) {
	case JR_TEXT: return NULL;
	case JR_LINE:
		for (size_t i = 0; i < len; i++)
			if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
				return "must be one line without control characters";
		return NULL;
	case JR_SLUG:
		for (size_t i = 0; i < len; i++)
			if (!strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-", s[i]))
				return "may hold only letters, digits, '.', '_' and '-'";
		return len ? NULL : "must not be empty";
	case JR_DATE:
		return len == 10 && digits(s, 4) && s[4] == '-' && digits(s + 5, 2) && s[7] == '-' && digits(s + 8, 2)
		           ? NULL
		           : "must be a date, YYYY-MM-DD";
	case JR_TIME:
		return len == 20 && !shape_error(s, 10, JR_DATE) && s[10] == 'T' && digits(s + 11, 2) && s[13] == ':' &&
		               digits(s + 14, 2) && s[16] == ':' && digits(s + 17, 2) && s[19] == 'Z'
		           ? NULL
		           : "must be a UTC time, YYYY-MM-DDTHH:MM:SSZ";
	case JR_HEX:
		for (size_t i = 0; i < len; i++)
			if (!strchr("0123456789abcdef", s[i]))
				return "must be lower-case hexadecimal";
		return len ? NULL : "must not be empty";
	}
	return NULL;
}

const char *jread_str(struct jread *r, const json_t *obj, const char *key, bool required, enum jr_shape shape,
                      size_t max)
{
	const json_t *v = member(r, obj, key, required);
	if (!v)
		return NULL;
	size_t m = jread_push_key(r, key);
	const char *s = NULL;
	if (!json_is_string(v)) {
		jread_error(r, "must be a string");
	} else {
		size_t len = json_string_length(v);
		const char *why = shape_error(json_string_value(v), len, shape);
		if (strlen(json_string_value(v)) != len)
			jread_error(r, "must not hold a NUL character");
		else if (why)
			jread_error(r, "%s", why);
		else if (utf8_len(json_string_value(v), len) > max)
			jread_error(r, "longer than %zu characters", max);
		else
			s = json_string_value(v);
	}
	jread_pop(r, m);
	return s;
}

long long jread_int(struct jread *r, const json_t *obj, const char *key, bool required, long long min, long long max,
                    long long dflt)
{
	const json_t *v = member(r, obj, key, required);
	if (!v)
		return dflt;
	size_t m = jread_push_key(r, key);
	long long i = dflt;
	if (!json_is_integer(v))
		jread_error(r, "must be a whole number");
	else if (json_integer_value(v) < min || json_integer_value(v) > max)
		jread_error(r, "must be from %lld to %lld", min, max);
	else
		i = json_integer_value(v);
	jread_pop(r, m);
	return i;
}

bool jread_bool(struct jread *r, const json_t *obj, const char *key, bool dflt)
{
	const json_t *v = member(r, obj, key, false);
	if (!v)
		return dflt;
	if (json_is_boolean(v))
		return json_is_true(v);
	size_t m = jread_push_key(r, key);
	jread_error(r, "must be true or false");
	jread_pop(r, m);
	return dflt;
}

static const json_t *typed(struct jread *r, const json_t *obj, const char *key, bool required, bool array)
{
	const json_t *v = member(r, obj, key, required);
	if (!v || (array ? json_is_array(v) : json_is_object(v)))
		return v;
	size_t m = jread_push_key(r, key);
	jread_error(r, array ? "must be an array" : "must be an object");
	jread_pop(r, m);
	return NULL;
}

const json_t *jread_array(struct jread *r, const json_t *obj, const char *key, bool required)
{
	return typed(r, obj, key, required, true);
}

const json_t *jread_object(struct jread *r, const json_t *obj, const char *key, bool required)
{
	return typed(r, obj, key, required, false);
}

void jread_text(struct jread *r, const json_t *obj, const char *key, bool required, enum jr_shape shape, size_t max,
                const char *out[LANG__MAX])
{
	static const char *const langs[] = {"zh", "en", NULL};
	out[LANG_ZH] = out[LANG_EN] = NULL;
	const json_t *t = jread_object(r, obj, key, required);
	if (!t)
		return;
	size_t m = jread_push_key(r, key);
	jread_known(r, t, langs);
	out[LANG_ZH] = jread_str(r, t, "zh", required, shape, max);
	out[LANG_EN] = jread_str(r, t, "en", false, shape, max * 3);
	jread_pop(r, m);
}

void jread_known(struct jread *r, const json_t *obj, const char *const *known)
{
	for (void *it = json_object_iter((json_t *)obj); it; it = json_object_iter_next((json_t *)obj, it)) {
		const char *key = json_object_iter_key(it);
		bool ok = false;
		for (size_t i = 0; known[i] && !ok; i++)
			ok = strcmp(known[i], key) == 0;
		if (!ok) {
			size_t m = jread_push_key(r, key);
			jread_error(r, "unknown field");
			jread_pop(r, m);
		}
	}
}

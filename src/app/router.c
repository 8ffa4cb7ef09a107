/*
 * router.c -- matching paths to routes and validating declared fields.
 */
#include "app/router.h"

#include <stdlib.h>
#include <string.h>

static bool slug_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
	       c == '.';
}

/* Matches one pattern against a path; captures go to m when non-NULL. */
static bool match(const char *pat, const char *path, struct route_match *m, struct arena *a)
{
	int ncap = 0;
	while (*pat && *path) {
		if (*pat == '*') {
			const char *start = path;
			while (*path && *path != '/') {
				if (!slug_char(*path))
					return false;
				path++;
			}
			size_t len = (size_t)(path - start);
			if (len == 0 || len > 64 || ncap == MAX_CAPTURES || (len <= 2 && start[0] == '.'))
				return false;
			if (m)
				m->cap[ncap] = arena_strndup(a, start, len);
			ncap++;
			pat++;
			continue;
		}
		if (*pat != *path)
			return false;
		pat++, path++;
	}
	if (*pat || *path)
		return false;
	if (m)
		m->ncap = ncap;
	return true;
}

const struct route *route_find(struct arena *a, enum method method, const char *path, struct route_match *m,
                               bool *path_known)
{
	enum method want = method == M_HEAD ? M_GET : method;
	*path_known = false;
	for (size_t i = 0; i < nroutes; i++) {
		if (!match(routes[i].pattern, path, NULL, NULL))
			continue;
		*path_known = true;
		if (routes[i].method == want) {
			match(routes[i].pattern, path, m, a);
			m->route = &routes[i];
			return &routes[i];
		}
	}
	return NULL;
}

const char *route_allow(const char *path)
{
	bool get = false, post = false;
	for (size_t i = 0; i < nroutes; i++)
		if (match(routes[i].pattern, path, NULL, NULL)) {
			get |= routes[i].method == M_GET;
			post |= routes[i].method == M_POST;
		}
	return get && post ? "GET, HEAD, POST" : post ? "POST" : "GET, HEAD";
}

static bool valid_date(const char *s, size_t n)
{
	if (n != 10 || s[4] != '-' || s[7] != '-')
		return false;
	for (size_t i = 0; i < n; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return false;
	static const int mdays[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
	if (m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
		return false;
	/* 29 February only in leap years */
	return !(m == 2 && d == 29 && !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)));
}

static bool has_control(const char *s, size_t n, bool allow_newlines)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '\n' || c == '\r' || c == '\t') {
			if (!allow_newlines)
				return true;
		} else if (c < 0x20 || c == 0x7f ||
		           (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] >= 0x80 &&
		            (unsigned char)s[i + 1] <= 0x9F)) {
			return true; /* C0 controls, DEL, C1 controls U+0080..U+009F */
		}
	}
	return false;
}

/* Checks one value of field f; returns the UI string key of the refusal or NULL. */
static const char *check(const struct field *f, const char *s, size_t n, long long *ival)
{
	size_t cps = utf8_len(s, n);
	switch (f->type) {
	case F_TEXT:
	case F_INDEXED:
		if (has_control(s, n, true))
			return "err_control_chars";
		return cps > f->max ? "err_too_long" : NULL;
	case F_LINE:
	case F_MULTI:
		if (has_control(s, n, false))
			return "err_control_chars";
		return cps > f->max ? "err_too_long" : NULL;
	case F_INT: {
		if (n == 0 || n > 12)
			return "err_not_number";
		long long v = 0;
		for (size_t i = 0; i < n; i++) {
			if (s[i] < '0' || s[i] > '9')
				return "err_not_number";
			v = v * 10 + (s[i] - '0');
		}
		if (v > (long long)f->max)
			return "err_out_of_range";
		*ival = v;
		return NULL;
	}
	case F_SLUG:
		if (n == 0 || n > f->max)
			return "err_bad_code";
		for (size_t i = 0; i < n; i++)
			if (!slug_char(s[i]))
				return "err_bad_code";
		return NULL;
	case F_DATE: return valid_date(s, n) ? NULL : "err_bad_date";
	case F_BOOL: *ival = 1; return NULL;
	}
	return NULL;
}

/*
 * n when name is "<prefix>n" or "<prefix>n[]" (a group of checkboxes) with
 * n in 1..MAX_INDEX written without leading zeros, else 0.
 */
static unsigned indexed_name(const char *name, const char *prefix)
{
	size_t lp = strlen(prefix);
	if (strncmp(name, prefix, lp) != 0 || name[lp] < '1' || name[lp] > '9')
		return 0;
	unsigned n = 0;
	const char *p = name + lp;
	for (; *p >= '0' && *p <= '9'; p++) {
		if (n > MAX_INDEX)
			return 0;
		n = n * 10 + (unsigned)(*p - '0');
	}
	return (*p == '\0' || strcmp(p, "[]") == 0) && n <= MAX_INDEX ? n : 0;
}

/* Adds one value of a repeated field (F_MULTI, F_INDEXED at index); empties are skipped. */
static void add_multi(struct arena *a, const struct field *f, struct fval *v, const struct param *p, unsigned index)
{
	if (!v->multi) {
		v->multi = arena_alloc(a, MAX_MULTI * sizeof *v->multi);
		v->multi_index = arena_alloc(a, MAX_MULTI * sizeof *v->multi_index);
	}
	if (v->nmulti == MAX_MULTI) {
		v->err_key = "err_too_many";
		return;
	}
	if (p->len == 0)
		return;
	const char *e = check(f, p->val, p->len, &v->i);
	if (e) {
		v->err_key = e;
	} else {
		v->multi_index[v->nmulti] = index;
		v->multi[v->nmulti++] = p->val;
	}
	v->present = true;
}

int route_validate(struct arena *a, const struct route *r, struct param *ps, size_t n, struct route_match *m)
{
	m->params = ps;
	m->nparams = n;
	m->ninvalid = 0;
	if (!r->fields)
		return 0;
	for (int k = 0; k < MAX_FIELDS && r->fields[k].key; k++) {
		const struct field *f = &r->fields[k];
		struct fval *v = &m->vals[k];
		*v = (struct fval){.s = ""};
		bool repeated = f->type == F_MULTI || f->type == F_INDEXED;
		for (size_t i = 0; i < n; i++) {
			if (f->type == F_INDEXED) {
				unsigned index = indexed_name(ps[i].name, key_name(f->key));
				if (index)
					add_multi(a, f, v, &ps[i], index);
				continue;
			}
			if (strcmp(ps[i].name, key_name(f->key)) != 0)
				continue;
			if (repeated) {
				add_multi(a, f, v, &ps[i], 0);
				continue;
			}
			if (v->present) {
				v->err_key = "err_duplicate";
				continue;
			}
			v->present = true;
			v->s = ps[i].val;
			v->len = ps[i].len;
		}
		if (!repeated && v->present && !v->err_key) {
			/* an empty optional field counts as absent */
			if (v->len == 0 && f->type != F_BOOL)
				v->present = false;
			else
				v->err_key = check(f, v->s, v->len, &v->i);
		}
		if (!v->present && f->required && !v->err_key)
			v->err_key = "err_required";
		if (v->err_key)
			m->ninvalid++;
	}
	return m->ninvalid;
}

static const struct fval empty_fval = {.s = ""};

const struct fval *req_val(const struct req *rq, enum key key)
{
	const struct route_match *m = rq->match;
	if (!m || !m->route->fields)
		return &empty_fval;
	for (int k = 0; k < MAX_FIELDS && m->route->fields[k].key; k++)
		if (m->route->fields[k].key == key)
			return &m->vals[k];
	return &empty_fval;
}

const struct upload *req_upload(const struct req *rq, enum key k)
{
	const struct route_match *m = rq->match;
	for (size_t i = 0; m && i < m->nuploads; i++)
		if (strcmp(m->uploads[i].name, key_name(k)) == 0)
			return &m->uploads[i];
	return NULL;
}

size_t req_uploads(const struct req *rq, enum key k, const struct upload **out, size_t max)
{
	const struct route_match *m = rq->match;
	size_t n = 0;
	for (size_t i = 0; m && i < m->nuploads; i++)
		if (m->uploads[i].len && strcmp(m->uploads[i].name, key_name(k)) == 0) {
			if (n < max)
				out[n] = &m->uploads[i];
			n++;
		}
	return n;
}

const char *req_cap(const struct req *rq, int i)
{
	return rq->match && i < rq->match->ncap ? rq->match->cap[i] : "";
}

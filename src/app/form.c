/*
 * form.c -- percent-decoding, query/form parsing, multipart/form-data
 * (uploads), cookie lookup.
 * Everything that reaches a handler passed through here, so every result is
 * checked: well-formed escapes, UTF-8, no NUL bytes.
 */
#define _GNU_SOURCE /* memmem, strcasestr */
#include "app/form.h"

#include <string.h>
#include <strings.h>

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

enum form_err form_unescape(struct arena *a, const char *s, size_t n, bool plus_is_space, char **out, size_t *outlen)
{
	char *d = arena_alloc(a, n + 1);
	size_t j = 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c == '%') {
			int hi = n - i >= 3 ? hexval(s[i + 1]) : -1;
			int lo = n - i >= 3 ? hexval(s[i + 2]) : -1;
			if (hi < 0 || lo < 0)
				return FORM_BAD_ESCAPE;
			c = (char)(hi << 4 | lo);
			i += 2;
		} else if (c == '+' && plus_is_space) {
			c = ' ';
		}
		if (c == '\0')
			return FORM_NUL;
		d[j++] = c;
	}
	d[j] = '\0';
	if (!utf8_valid(d, j))
		return FORM_BAD_UTF8;
	*out = d;
	*outlen = j;
	return FORM_OK;
}

enum form_err form_parse(struct arena *a, const char *s, size_t n, struct param **out, size_t *nout)
{
	size_t count = 1;
	for (size_t i = 0; i < n; i++)
		count += s[i] == '&';
	if (count > FORM_MAX_PARAMS)
		return FORM_TOO_MANY;
	struct param *ps = arena_alloc(a, count * sizeof *ps);
	size_t k = 0;
	const char *p = s, *end = s + n;
	while (p < end) {
		const char *amp = memchr(p, '&', (size_t)(end - p));
		if (!amp)
			amp = end;
		if (amp > p) {
			const char *eq = memchr(p, '=', (size_t)(amp - p));
			const char *name_end = eq ? eq : amp;
			char *name, *val;
			size_t nlen, vlen;
			enum form_err e = form_unescape(a, p, (size_t)(name_end - p), true, &name, &nlen);
			if (e == FORM_OK)
				e = eq ? form_unescape(a, eq + 1, (size_t)(amp - eq - 1), true, &val, &vlen)
				       : form_unescape(a, "", 0, true, &val, &vlen);
			if (e != FORM_OK)
				return e;
			ps[k++] = (struct param){.name = name, .val = val, .len = vlen};
		}
		p = amp + 1;
	}
	*out = ps;
	*nout = k;
	return FORM_OK;
}

const char *cookie_get(struct arena *a, const char *header, const char *name)
{
	if (!header)
		return NULL;
	size_t nl = strlen(name);
	const char *p = header;
	while (*p) {
		while (*p == ' ' || *p == ';' || *p == '\t')
			p++;
		const char *semi = strchr(p, ';');
		const char *end = semi ? semi : p + strlen(p);
		if ((size_t)(end - p) > nl && strncmp(p, name, nl) == 0 && p[nl] == '=') {
			const char *v = p + nl + 1;
			size_t vl = (size_t)(end - v);
			while (vl && (v[vl - 1] == ' ' || v[vl - 1] == '\t'))
				vl--;
			if (vl >= 2 && v[0] == '"' && v[vl - 1] == '"')
				v++, vl -= 2;
			return arena_strndup(a, v, vl);
		}
		p = end;
	}
	return NULL;
}

/* ---- multipart/form-data (RFC 7578) ---- */

/* The boundary parameter of a multipart/form-data Content-Type, or NULL. */
static const char *boundary_of(struct arena *a, const char *ct)
{
	if (!ct || strncasecmp(ct, "multipart/form-data", 19) != 0)
		return NULL;
	const char *p = strcasestr(ct + 19, "boundary=");
	if (!p)
		return NULL;
	p += 9;
	size_t len;
	if (*p == '"') {
		const char *q = strchr(++p, '"');
		if (!q)
			return NULL;
		len = (size_t)(q - p);
	} else {
		len = strcspn(p, "; \t");
	}
	/* RFC 2046: 1 to 70 characters */
	return len >= 1 && len <= 70 ? arena_strndup(a, p, len) : NULL;
}

/*
 * The value of parameter key (name, filename) in a Content-Disposition
 * header line [p, end): quoted or bare, as an arena copy; NULL when absent.
 * "name" never matches inside "filename".
 */
static const char *disposition_param(struct arena *a, const char *p, const char *end, const char *key)
{
	size_t kl = strlen(key);
	for (const char *s = p; s + kl + 1 < end; s++) {
		if (strncasecmp(s, key, kl) != 0 || s[kl] != '=' || (s > p && s[-1] != ' ' && s[-1] != ';'))
			continue;
		const char *v = s + kl + 1, *ve;
		if (*v == '"') {
			v++;
			ve = memchr(v, '"', (size_t)(end - v));
			if (!ve)
				return NULL;
		} else {
			ve = v;
			while (ve < end && *ve != ';' && *ve != ' ')
				ve++;
		}
		/* a NUL inside counts as no value: the part is refused */
		return memchr(v, '\0', (size_t)(ve - v)) ? NULL : arena_strndup(a, v, (size_t)(ve - v));
	}
	return NULL;
}

/* The last path segment of a file name (old browsers send C:\dir\name). */
static const char *base_name(const char *f)
{
	const char *s = strrchr(f, '/'), *b = strrchr(f, '\\');
	if (b && (!s || b > s))
		s = b;
	return s ? s + 1 : f;
}

/* Reads one part's headers [p, end): its name and filename (NULL: a text field). */
static enum form_err part_headers(struct arena *a, const char *p, const char *end, const char **name,
                                  const char **filename)
{
	*name = *filename = NULL;
	while (p < end) {
		const char *eol = memmem(p, (size_t)(end - p), "\r\n", 2);
		if (!eol)
			eol = end;
		if ((size_t)(eol - p) > 20 && strncasecmp(p, "Content-Disposition:", 20) == 0) {
			*name = disposition_param(a, p + 20, eol, "name");
			*filename = disposition_param(a, p + 20, eol, "filename");
		}
		p = eol + 2;
	}
	if (!*name || !**name || !utf8_valid(*name, strlen(*name)))
		return FORM_BAD_MULTIPART;
	if (*filename && !utf8_valid(*filename, strlen(*filename)))
		return FORM_BAD_UTF8;
	if (*filename)
		*filename = base_name(*filename);
	return FORM_OK;
}

enum form_err form_multipart(struct arena *a, const char *body, size_t n, const char *content_type,
                             struct param **params, size_t *nparams, struct upload **files, size_t *nfiles)
{
	const char *b = boundary_of(a, content_type);
	if (!b)
		return FORM_BAD_MULTIPART;
	char *delim = arena_printf(a, "\r\n--%s", b); /* every delimiter but a first one at the very start */
	size_t dl = strlen(delim);
	struct param *ps = arena_alloc(a, FORM_MAX_PARAMS * sizeof *ps);
	struct upload *us = arena_alloc(a, FORM_MAX_UPLOADS * sizeof *us);
	size_t np = 0, nu = 0;
	const char *end = body + n, *p;
	if (n >= dl - 2 && memcmp(body, delim + 2, dl - 2) == 0)
		p = body + dl - 2;
	else if ((p = memmem(body, n, delim, dl)) != NULL) /* a preamble */
		p += dl;
	else
		return FORM_BAD_MULTIPART;
	for (;;) {
		/* p is just after a delimiter: "--" ends the body, CRLF starts a part */
		if (end - p >= 2 && p[0] == '-' && p[1] == '-')
			break;
		if (end - p < 2 || p[0] != '\r' || p[1] != '\n')
			return FORM_BAD_MULTIPART;
		p += 2;
		const char *hend = memmem(p, (size_t)(end - p), "\r\n\r\n", 4);
		if (!hend)
			return FORM_BAD_MULTIPART;
		const char *data = hend + 4;
		const char *next = data <= end ? memmem(data, (size_t)(end - data), delim, dl) : NULL;
		if (!next)
			return FORM_BAD_MULTIPART;
		const char *name, *filename;
		enum form_err e = part_headers(a, p, hend, &name, &filename);
		if (e != FORM_OK)
			return e;
		size_t len = (size_t)(next - data);
		if (filename) {
			if (nu == FORM_MAX_UPLOADS)
				return FORM_BAD_MULTIPART;
			us[nu++] = (struct upload){.name = name, .filename = filename, .data = data, .len = len};
		} else {
			if (np == FORM_MAX_PARAMS)
				return FORM_TOO_MANY;
			if (memchr(data, '\0', len))
				return FORM_NUL;
			if (!utf8_valid(data, len))
				return FORM_BAD_UTF8;
			ps[np++] = (struct param){.name = name, .val = arena_strndup(a, data, len), .len = len};
		}
		p = next + dl;
	}
	*params = ps;
	*nparams = np;
	*files = us;
	*nfiles = nu;
	return FORM_OK;
}

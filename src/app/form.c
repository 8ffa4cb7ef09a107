/*
 * form.c -- percent-decoding, query/form parsing, cookie lookup.
 * Everything that reaches a handler passed through here, so every result is
 * checked: well-formed escapes, UTF-8, no NUL bytes.
 */
#include "app/form.h"

#include <string.h>

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

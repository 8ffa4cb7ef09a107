/*
 * util.c -- buffers, arenas, UTF-8.  libc only.
 */
#include "util/util.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void *must(void *p)
{
	if (!p) {
		fputs("bianmin: out of memory\n", stderr);
		abort();
	}
	return p;
}

void *xmalloc(size_t n)
{
	return must(malloc(n ? n : 1));
}

void *xcalloc(size_t n, size_t size)
{
	return must(calloc(n ? n : 1, size ? size : 1));
}

void *xrealloc(void *p, size_t n)
{
	return must(realloc(p, n ? n : 1));
}

char *xstrdup(const char *s)
{
	return must(strdup(s));
}

void buf_init(struct buf *b)
{
	b->data = NULL;
	b->len = b->cap = 0;
}

void buf_free(struct buf *b)
{
	free(b->data);
	buf_init(b);
}

void buf_reset(struct buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

static void buf_grow(struct buf *b, size_t extra)
{
	size_t need = b->len + extra + 1;
	if (need <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 256;
	while (cap < need)
		cap *= 2;
	b->data = xrealloc(b->data, cap);
	b->cap = cap;
}

void buf_put(struct buf *b, const void *p, size_t n)
{
	buf_grow(b, n);
	if (n)
		memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void buf_puts(struct buf *b, const char *s)
{
	buf_put(b, s, strlen(s));
}

void buf_putc(struct buf *b, char c)
{
	buf_grow(b, 1);
	b->data[b->len++] = c;
	b->data[b->len] = '\0';
}

void buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char tmp[256];
	int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n < sizeof tmp) {
		buf_put(b, tmp, (size_t)n);
		return;
	}
	buf_grow(b, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

void buf_put_html(struct buf *b, const char *s, size_t n)
{
	buf_grow(b, n);
	const char *run = s;
	for (size_t i = 0; i < n; i++) {
		const char *rep;
		switch (s[i]) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = "&quot;"; break;
		case '\'': rep = "&#39;"; break;
		default: continue;
		}
		buf_put(b, run, (size_t)(s + i - run));
		buf_puts(b, rep);
		run = s + i + 1;
	}
	buf_put(b, run, (size_t)(s + n - run));
}

void buf_put_csv(struct buf *b, const char *s, bool last)
{
	bool formula = s[0] && strchr("=+-@\t\r", s[0]);
	bool quote = formula || strpbrk(s, ",\"\r\n") != NULL;
	if (quote)
		buf_putc(b, '"');
	if (formula)
		buf_putc(b, '\'');
	for (const char *p = s; *p; p++) {
		if (*p == '"')
			buf_putc(b, '"');
		buf_putc(b, *p);
	}
	if (quote)
		buf_putc(b, '"');
	buf_puts(b, last ? "\r\n" : ",");
}

const char *buf_str(struct buf *b)
{
	if (!b->data)
		buf_grow(b, 0), b->data[0] = '\0';
	return b->data;
}

/* ---- arena ---- */

struct arena_block {
	struct arena_block *next;
	size_t used, cap;
	_Alignas(16) unsigned char mem[];
};

struct arena {
	struct arena_block *head;
};

enum { ARENA_BLOCK = 16384 };

struct arena *arena_new(void)
{
	struct arena *a = xrealloc(NULL, sizeof *a);
	a->head = NULL;
	return a;
}

void arena_reset(struct arena *a)
{
	/* Keep the first (most recent) block if it is the default size. */
	struct arena_block *b = a->head, *keep = NULL;
	while (b) {
		struct arena_block *next = b->next;
		if (!keep && b->cap == ARENA_BLOCK) {
			keep = b;
			keep->used = 0;
			keep->next = NULL;
		} else {
			free(b);
		}
		b = next;
	}
	a->head = keep;
}

void arena_free(struct arena *a)
{
	if (!a)
		return;
	arena_reset(a);
	free(a->head);
	free(a);
}

void *arena_alloc(struct arena *a, size_t n)
{
	n = (n + 15) & ~(size_t)15;
	struct arena_block *b = a->head;
	if (!b || b->cap - b->used < n) {
		size_t cap = n > ARENA_BLOCK ? n : ARENA_BLOCK;
		struct arena_block *nb = xrealloc(NULL, sizeof *nb + cap);
		nb->used = 0;
		nb->cap = cap;
		if (b && cap > ARENA_BLOCK) {
			/* big one-off: link behind the head so the head keeps filling */
			nb->next = b->next;
			b->next = nb;
			nb->used = n;
			return nb->mem;
		}
		nb->next = b;
		a->head = b = nb;
	}
	void *p = b->mem + b->used;
	b->used += n;
	return p;
}

void *arena_zalloc(struct arena *a, size_t n)
{
	void *p = arena_alloc(a, n);
	memset(p, 0, n);
	return p;
}

void *arena_push(struct arena *a, void **items, size_t *n, size_t *cap, size_t elem)
{
	if (*n == *cap) {
		size_t nc = *cap ? *cap * 2 : 16;
		void *grown = arena_alloc(a, nc * elem);
		if (*n)
			memcpy(grown, *items, *n * elem);
		*items = grown;
		*cap = nc;
	}
	void *slot = (char *)*items + (*n)++ * elem;
	memset(slot, 0, elem);
	return slot;
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p = arena_alloc(a, n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *arena_strdup(struct arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}

char *arena_printf(struct arena *a, const char *fmt, ...)
{
	va_list ap, again;
	va_start(ap, fmt);
	va_copy(again, ap);
	char tmp[256];
	int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	char *p = arena_alloc(a, n < 0 ? 1 : (size_t)n + 1);
	if (n < 0)
		p[0] = '\0';
	else if ((size_t)n < sizeof tmp)
		memcpy(p, tmp, (size_t)n + 1);
	else
		vsnprintf(p, (size_t)n + 1, fmt, again);
	va_end(again);
	return p;
}

/* ---- UTF-8 ---- */

int32_t utf8_next(const char **pp, const char *end)
{
	const unsigned char *p = (const unsigned char *)*pp, *e = (const unsigned char *)end;
	if (p >= e)
		return -1;
	uint32_t c = p[0];
	int n;
	uint32_t min;
	if (c < 0x80) {
		*pp += 1;
		return (int32_t)c;
	} else if ((c & 0xE0) == 0xC0) {
		n = 1, c &= 0x1F, min = 0x80;
	} else if ((c & 0xF0) == 0xE0) {
		n = 2, c &= 0x0F, min = 0x800;
	} else if ((c & 0xF8) == 0xF0) {
		n = 3, c &= 0x07, min = 0x10000;
	} else {
		*pp += 1;
		return -1;
	}
	if (e - p <= n) {
		*pp += 1;
		return -1;
	}
	for (int i = 1; i <= n; i++) {
		if ((p[i] & 0xC0) != 0x80) {
			*pp += 1;
			return -1;
		}
		c = (c << 6) | (p[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
		*pp += 1;
		return -1;
	}
	*pp += n + 1;
	return (int32_t)c;
}

bool utf8_valid(const char *s, size_t n)
{
	const char *p = s, *e = s + n;
	while (p < e) {
		if ((unsigned char)*p < 0x80) {
			p++;
			continue;
		}
		if (utf8_next(&p, e) < 0)
			return false;
	}
	return true;
}

size_t utf8_put(char *out, uint32_t cp)
{
	unsigned char *o = (unsigned char *)out;
	if (cp < 0x80) {
		o[0] = (unsigned char)cp;
		return 1;
	} else if (cp < 0x800) {
		o[0] = (unsigned char)(0xC0 | (cp >> 6));
		o[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	} else if (cp < 0x10000) {
		o[0] = (unsigned char)(0xE0 | (cp >> 12));
		o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		o[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	o[0] = (unsigned char)(0xF0 | (cp >> 18));
	o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
	o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
	o[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}

void utf8_cut(char *s)
{
	const char *p = s, *end = s + strlen(s);
	while (p < end) {
		const char *q = p;
		if (utf8_next(&q, end) < 0)
			break;
		p = q;
	}
	s[p - s] = '\0';
}

size_t utf8_len(const char *s, size_t n)
{
	size_t count = 0;
	for (size_t i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			count++;
	return count;
}

enum err file_read(const char *path, char **out, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return errno == ENOENT ? ERR_NOTFOUND : ERR_IO;
	struct buf b;
	buf_init(&b);
	char tmp[65536];
	size_t n;
	while ((n = fread(tmp, 1, sizeof tmp, f)) > 0)
		buf_put(&b, tmp, n);
	int bad = ferror(f);
	fclose(f);
	if (bad) {
		buf_free(&b);
		return ERR_IO;
	}
	*len = b.len;
	*out = b.data ? b.data : xcalloc(1, 1);
	return ERR_OK;
}

size_t utf8_chars_len(const char *s, size_t n, size_t max)
{
	const char *p = s, *end = s + n;
	for (size_t i = 0; i < max && p < end; i++)
		utf8_next(&p, end);
	return (size_t)(p - s);
}

const char *utf8_first_chars(struct arena *a, const char *s, size_t max)
{
	const char *p = s, *end = s + strlen(s);
	size_t n = 0;
	while (p < end && n < max) {
		const char *q = p;
		if (utf8_next(&q, end) < 0 || *p == '\n' || *p == '\r')
			break;
		p = q;
		n++;
	}
	return arena_printf(a, "%.*s%s", (int)(p - s), s, p < end ? "…" : "");
}

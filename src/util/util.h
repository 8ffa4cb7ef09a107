/*
 * util.h -- the bottom floor: error codes, a growable byte buffer, a
 * per-request arena, UTF-8 checks.  Depends on libc only; every other
 * layer may include it.
 */
#ifndef BM_UTIL_H
#define BM_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The two languages of every page; arrays of texts are indexed by it. */
enum lang {
	LANG_ZH, /* Traditional Chinese, the default, under / */
	LANG_EN, /* English, under /en/ */
	LANG__MAX
};

enum err {
	ERR_OK = 0,
	ERR_NOTFOUND, /* no such row / file */
	ERR_INVAL,    /* input refused */
	ERR_DB,       /* storage failed */
	ERR_NOMEM,
	ERR_IO,
	ERR_CONFLICT, /* state changed under us, duplicate */
	ERR_LIMIT,    /* throttled or over a limit */
};

/* Growable byte buffer; always NUL-terminated when len > 0 or after buf_str. */
struct buf {
	char *data;
	size_t len;
	size_t cap;
};

void buf_init(struct buf *b);
void buf_free(struct buf *b);
void buf_reset(struct buf *b); /* len = 0, keeps memory */
void buf_put(struct buf *b, const void *p, size_t n);
void buf_puts(struct buf *b, const char *s);
void buf_putc(struct buf *b, char c);
void buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Append s with & < > " ' escaped for HTML text and attribute values. */
void buf_put_html(struct buf *b, const char *s, size_t n);
/*
 * Append s as one CSV field and then "," (or CRLF when last).  Quoted when
 * it holds a comma, quote or line break; a field starting with = + - @ TAB
 * or CR gets a leading ' so a spreadsheet shows it as text instead of
 * running it as a formula.
 */
void buf_put_csv(struct buf *b, const char *s, bool last);
/* Returns the contents as a NUL-terminated string (owned by b). */
const char *buf_str(struct buf *b);

/*
 * Arena: bump allocator for everything a request or a command borrows.
 * Freed at once by arena_free; arena_alloc never returns NULL (aborts on OOM,
 * as a half-served request is worse than a restart).
 */
struct arena;
struct arena *arena_new(void);
void arena_free(struct arena *a);
void arena_reset(struct arena *a);
void *arena_alloc(struct arena *a, size_t n);
void *arena_zalloc(struct arena *a, size_t n);
/* Grows an arena array of elem-sized items to hold n+1; returns the slot (zeroed). */
void *arena_push(struct arena *a, void **items, size_t *n, size_t *cap, size_t elem);
char *arena_strdup(struct arena *a, const char *s);
char *arena_strndup(struct arena *a, const char *s, size_t n);
char *arena_printf(struct arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* True when s[0..n) is well-formed UTF-8 (no overlongs, no surrogates). */
bool utf8_valid(const char *s, size_t n);
/* Decode one code point at *p (advancing it); returns -1 on malformed input. */
int32_t utf8_next(const char **p, const char *end);
/* The first max code points of s up to its first line break, with "…" when cut (arena copy). */
const char *utf8_first_chars(struct arena *a, const char *s, size_t max);
/* Byte length of the first max code points of s[0..n) (which may be invalid UTF-8). */
size_t utf8_chars_len(const char *s, size_t n, size_t max);
/* Encode cp into out (at least 4 bytes); returns bytes written. */
size_t utf8_put(char *out, uint32_t cp);
/* Ends s after its longest valid UTF-8 prefix (snprintf may have cut a character). */
void utf8_cut(char *s);
/* Number of code points in a valid UTF-8 string. */
size_t utf8_len(const char *s, size_t n);

/*
 * malloc, calloc, realloc and strdup that never return NULL: on out of
 * memory they print a message and abort, like arena_alloc.  Everything a
 * request holds lives in its arena, so the heap is used only for start-up
 * tables, caches and per-connection state; when that fails the process is
 * out of memory for everyone, and a handler that carried on with NULL (or
 * answered half a page) would do more harm than a restart by systemd,
 * which loses nothing: every write that matters is committed before we
 * answer.  Nothing outside src/util/ calls the libc allocators directly
 * (scripts/lint.sh refuses them).
 */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);

/* Read a whole file; caller frees *out.  Returns ERR_OK, ERR_NOTFOUND or ERR_IO. */
enum err file_read(const char *path, char **out, size_t *len);

#endif

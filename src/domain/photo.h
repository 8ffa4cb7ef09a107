/*
 * photo.h -- photos sent with a petition (issue #13): what the bytes are,
 * decided by their content (a JPEG or a PNG, whole, of a sane size), never
 * by their name or the browser's Content-Type; and the copy we keep,
 * decoded and encoded again by libgd, so nothing of the original file
 * survives but its pixels: no EXIF (the GPS position, the camera), no
 * comments, nothing appended.  The one EXIF fact that matters, which way
 * up the phone was held (Orientation), is applied to the pixels first.
 * A thumbnail for the record's page.
 *
 * Pure domain code: libc, libgd (memory to memory) and util/ only.
 */
#ifndef BM_DOMAIN_PHOTO_H
#define BM_DOMAIN_PHOTO_H

#include <stddef.h>

#include "util/util.h"

enum photo_type { PHOTO_NONE, PHOTO_JPEG, PHOTO_PNG };

enum {
	PHOTO_MAX = 3,                       /* photos on one petition */
	PHOTO_MAX_BYTES = 5 * 1024 * 1024,   /* one photo as sent */
	PHOTO_MAX_PIXELS = 40 * 1000 * 1000, /* decoded (a small file may decode huge) */
	PHOTO_SIDE = 2048,                   /* the copy kept: its longer side at most */
	PHOTO_THUMB_SIDE = 320,              /* the thumbnail's longer side at most */
};

enum photo_err {
	PHOTO_OK,
	PHOTO_TOO_LARGE, /* more than PHOTO_MAX_BYTES or PHOTO_MAX_PIXELS */
	PHOTO_NOT_IMAGE, /* neither JPEG nor PNG, whatever its name says */
	PHOTO_TRUNCATED, /* a JPEG without its end marker, a PNG without IEND, a header cut short */
	PHOTO_BAD,       /* the library could not decode it */
};

struct photo_info {
	enum photo_type type;
	unsigned width, height; /* as stored, before orientation */
	unsigned orientation;   /* EXIF Orientation 1..8 (1: as stored; also without EXIF) */
};

/* The type, whether the file is whole, its size in pixels from its header (SOF, IHDR), its orientation. */
enum photo_err photo_inspect(const void *data, size_t len, struct photo_info *out);

/* The copy kept: type as sent, at most PHOTO_SIDE, and its thumbnail; bytes in a. */
struct photo {
	enum photo_type type;
	unsigned width, height;
	const unsigned char *data, *thumb;
	size_t len, thumb_len;
};
/* Inspects, decodes and encodes again (photo.h's first paragraph). */
enum photo_err photo_make(struct arena *a, const void *data, size_t len, struct photo *out);

/* "image/jpeg", "image/png"; "" for PHOTO_NONE. */
const char *photo_mime(enum photo_type t);
/* The UI string key (templates/strings.tsv) telling a visitor why a photo was refused. */
const char *photo_err_key(enum photo_err e);

#endif

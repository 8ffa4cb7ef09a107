/*
 * photo.c -- photo checks and re-encoding (see photo.h).
 *
 * A JPEG starts with SOI (FF D8), walks marker segments to a frame header
 * (SOFn: its height and width) and ends with EOI (FF D9); a PNG has its
 * 8-byte signature, IHDR first (width, height) and IEND last.  Only then
 * does libgd see the bytes.  A JPEG's APP1 Exif segment is read for one
 * tag, Orientation (0x0112) in IFD0, and then dropped with the rest.
 */
#include "domain/photo.h"

#include <gd.h>
#include <stdbool.h>
#include <string.h>

static const unsigned char png_sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
static const unsigned char png_iend[12] = {0, 0, 0, 0, 'I', 'E', 'N', 'D', 0xae, 0x42, 0x60, 0x82};

static unsigned be16(const unsigned char *p)
{
	return (unsigned)p[0] << 8 | p[1];
}

static unsigned long be32(const unsigned char *p)
{
	return (unsigned long)p[0] << 24 | (unsigned long)p[1] << 16 | (unsigned long)p[2] << 8 | p[3];
}

static unsigned rd16(const unsigned char *p, bool le)
{
	return le ? (unsigned)p[1] << 8 | p[0] : be16(p);
}

static unsigned long rd32(const unsigned char *p, bool le)
{
	return le ? (unsigned long)p[3] << 24 | (unsigned long)p[2] << 16 | (unsigned long)p[1] << 8 | p[0] : be32(p);
}

/* Orientation (1..8) from an APP1 segment's body [p, p + n) when it is Exif; 1 otherwise. */
static unsigned exif_orientation(const unsigned char *p, size_t n)
{
	if (n < 14 || memcmp(p, "Exif\0\0", 6) != 0)
		return 1;
	const unsigned char *t = p + 6; /* the TIFF header: offsets count from here */
	size_t tn = n - 6;
	bool le = t[0] == 'I' && t[1] == 'I';
	if (!le && !(t[0] == 'M' && t[1] == 'M'))
		return 1;
	unsigned long ifd = rd32(t + 4, le);
	if (ifd > tn || tn - ifd < 2)
		return 1;
	unsigned count = rd16(t + ifd, le);
	for (unsigned i = 0; i < count; i++) {
		size_t e = ifd + 2 + (size_t)i * 12;
		if (e + 12 > tn)
			break;
		if (rd16(t + e, le) == 0x0112 && rd16(t + e + 2, le) == 3) { /* SHORT */
			unsigned v = rd16(t + e + 8, le);
			return v >= 1 && v <= 8 ? v : 1;
		}
	}
	return 1;
}

/* SOF0..SOF15 carry the frame's size; C4 (DHT), C8 (JPG) and CC (DAC) share the range but do not. */
static bool is_sof(unsigned m)
{
	return m >= 0xc0 && m <= 0xcf && m != 0xc4 && m != 0xc8 && m != 0xcc;
}

static enum photo_err jpeg_inspect(const unsigned char *d, size_t len, struct photo_info *out)
{
	if (len < 4 || d[len - 2] != 0xff || d[len - 1] != 0xd9)
		return PHOTO_TRUNCATED;
	size_t i = 2;
	while (i + 4 <= len) {
		if (d[i] != 0xff)
			return PHOTO_BAD;
		unsigned m = d[i + 1];
		if (m == 0xff) { /* fill byte */
			i++;
			continue;
		}
		if (m == 0x01 || (m >= 0xd0 && m <= 0xd7)) { /* TEM, RSTn: no length */
			i += 2;
			continue;
		}
		if (m == 0xd9 || m == 0xda) /* the image's end or data before any frame header */
			return PHOTO_BAD;
		size_t seg = be16(d + i + 2);
		if (seg < 2 || i + 2 + seg > len)
			return PHOTO_TRUNCATED;
		if (m == 0xe1)
			out->orientation = exif_orientation(d + i + 4, seg - 2);
		if (is_sof(m)) {
			if (seg < 7)
				return PHOTO_BAD;
			out->height = be16(d + i + 5);
			out->width = be16(d + i + 7);
			return PHOTO_OK;
		}
		i += 2 + seg;
	}
	return PHOTO_TRUNCATED;
}

static enum photo_err png_inspect(const unsigned char *d, size_t len, struct photo_info *out)
{
	if (len < 8 + 25 + sizeof png_iend || memcmp(d + len - sizeof png_iend, png_iend, sizeof png_iend) != 0)
		return PHOTO_TRUNCATED;
	if (be32(d + 8) != 13 || memcmp(d + 12, "IHDR", 4) != 0)
		return PHOTO_BAD;
	unsigned long w = be32(d + 16), h = be32(d + 20);
	if (w > 0xffffu || h > 0xffffu)
		return PHOTO_TOO_LARGE;
	out->width = (unsigned)w;
	out->height = (unsigned)h;
	return PHOTO_OK;
}

enum photo_err photo_inspect(const void *data, size_t len, struct photo_info *out)
{
	const unsigned char *d = data;
	*out = (struct photo_info){PHOTO_NONE, 0, 0, 1};
	if (len > PHOTO_MAX_BYTES)
		return PHOTO_TOO_LARGE;
	enum photo_err e;
	if (len >= 3 && d[0] == 0xff && d[1] == 0xd8 && d[2] == 0xff) {
		out->type = PHOTO_JPEG;
		e = jpeg_inspect(d, len, out);
	} else if (len >= sizeof png_sig && memcmp(d, png_sig, sizeof png_sig) == 0) {
		out->type = PHOTO_PNG;
		e = png_inspect(d, len, out);
	} else
		return PHOTO_NOT_IMAGE;
	if (e == PHOTO_OK && (!out->width || !out->height))
		return PHOTO_BAD;
	if (e == PHOTO_OK && (unsigned long long)out->width * out->height > PHOTO_MAX_PIXELS)
		return PHOTO_TOO_LARGE;
	return e;
}

/*
 * im turned the way the camera was held (EXIF Orientation): a new image,
 * or im itself (flipped in place, or as it was); NULL when libgd fails.
 * libgd turns counter-clockwise: 270 is a quarter turn clockwise.
 */
static gdImagePtr upright(gdImagePtr im, unsigned orientation)
{
	static const float turn[9] = {[5] = 270, [6] = 270, [7] = 270, [8] = 90};
	gdImagePtr out = im;
	if (turn[orientation] != 0)
		out = gdImageRotateInterpolated(im, turn[orientation], 0);
	if (!out)
		return NULL;
	switch (orientation) {
	case 2:
	case 5: gdImageFlipHorizontal(out); break; /* mirrored; transposed = turned and mirrored */
	case 3: gdImageFlipBoth(out); break;       /* upside down */
	case 4:
	case 7: gdImageFlipVertical(out); break;
	default: break;
	}
	return out;
}

/* im scaled so that its longer side is at most side (a new image), or im itself when it fits. */
static gdImagePtr fit(gdImagePtr im, unsigned side)
{
	unsigned w = (unsigned)gdImageSX(im), h = (unsigned)gdImageSY(im);
	if (w <= side && h <= side)
		return im;
	unsigned nw = w >= h ? side : (unsigned)((unsigned long long)w * side / h);
	unsigned nh = w >= h ? (unsigned)((unsigned long long)h * side / w) : side;
	return gdImageScale(im, nw ? nw : 1, nh ? nh : 1);
}

/* Encodes im as type into an arena copy; false when libgd fails. */
static bool encode(struct arena *a, gdImagePtr im, enum photo_type type, const unsigned char **out, size_t *len)
{
	int size = 0;
	void *bytes = type == PHOTO_JPEG ? gdImageJpegPtr(im, &size, 85) : gdImagePngPtrEx(im, &size, 6);
	if (!bytes || size <= 0) {
		gdFree(bytes);
		return false;
	}
	unsigned char *copy = arena_alloc(a, (size_t)size);
	memcpy(copy, bytes, (size_t)size);
	gdFree(bytes);
	*out = copy;
	*len = (size_t)size;
	return true;
}

/* The kept copy and the thumbnail of the decoded im (which the caller destroys). */
static enum photo_err encode_both(struct arena *a, gdImagePtr im, struct photo *out)
{
	gdImageSaveAlpha(im, 1);
	gdImageAlphaBlending(im, 0);
	gdImagePtr big = fit(im, PHOTO_SIDE);
	gdImagePtr small = big ? fit(big, PHOTO_THUMB_SIDE) : NULL;
	bool ok = big && small && encode(a, big, out->type, &out->data, &out->len) &&
	          encode(a, small, out->type, &out->thumb, &out->thumb_len);
	if (ok) {
		out->width = (unsigned)gdImageSX(big);
		out->height = (unsigned)gdImageSY(big);
	}
	if (small && small != big)
		gdImageDestroy(small);
	if (big && big != im)
		gdImageDestroy(big);
	return ok ? PHOTO_OK : PHOTO_BAD;
}

enum photo_err photo_make(struct arena *a, const void *data, size_t len, struct photo *out)
{
	struct photo_info info;
	memset(out, 0, sizeof *out);
	enum photo_err e = photo_inspect(data, len, &info);
	if (e != PHOTO_OK)
		return e;
	/* libgd takes a non-const pointer; it only reads */
	void *bytes = (void *)(size_t)data;
	gdImagePtr im = info.type == PHOTO_JPEG ? gdImageCreateFromJpegPtrEx((int)len, bytes, 1)
	                                        : gdImageCreateFromPngPtr((int)len, bytes);
	if (!im)
		return PHOTO_BAD;
	if (!gdImageTrueColor(im) && !gdImagePaletteToTrueColor(im)) {
		gdImageDestroy(im);
		return PHOTO_BAD;
	}
	out->type = info.type;
	gdImagePtr up = upright(im, info.orientation);
	e = up ? encode_both(a, up, out) : PHOTO_BAD;
	if (up && up != im)
		gdImageDestroy(up);
	gdImageDestroy(im);
	return e;
}

const char *photo_mime(enum photo_type t)
{
	return t == PHOTO_JPEG ? "image/jpeg" : t == PHOTO_PNG ? "image/png" : "";
}

const char *photo_err_key(enum photo_err e)
{
	switch (e) {
	case PHOTO_OK: return NULL;
	case PHOTO_TOO_LARGE: return "err_photo_too_large";
	case PHOTO_NOT_IMAGE: return "err_photo_type";
	case PHOTO_TRUNCATED: return "err_photo_truncated";
	case PHOTO_BAD: break;
	}
	return "err_photo_bad";
}

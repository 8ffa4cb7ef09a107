/*
 * filetype.c -- content sniffing for uploaded forms (see filetype.h).
 *
 * PDF starts with "%PDF-".  ODT and DOCX are ZIP archives ("PK\3\4" first,
 * an end-of-central-directory record "PK\5\6" near the end): an ODT's first
 * member is "mimetype", stored, holding the ODT media type (the
 * OpenDocument rule); a DOCX holds "[Content_Types].xml" and
 * "word/document.xml" (member names are stored uncompressed).
 */
#include "domain/filetype.h"

#include <sodium.h>
#include <stdbool.h>
#include <string.h>
#include <strings.h>

static const struct {
	const char *name, *mime;
} types[FT__MAX] = {
    [FT_UNKNOWN] = {"", "application/octet-stream"},
    [FT_PDF] = {"pdf", "application/pdf"},
    [FT_ODT] = {"odt", "application/vnd.oasis.opendocument.text"},
    [FT_DOCX] = {"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
};

static bool has(const unsigned char *d, size_t len, const char *needle)
{
	size_t n = strlen(needle);
	for (size_t i = 0; n <= len && i <= len - n; i++)
		if (d[i] == (unsigned char)needle[0] && memcmp(d + i, needle, n) == 0)
			return true;
	return false;
}

/* The ZIP end-of-central-directory record sits in the last 64 KiB + 22 bytes. */
static bool zip_complete(const unsigned char *d, size_t len)
{
	size_t from = len > 65557 ? len - 65557 : 0;
	return has(d + from, len - from, "PK\x05\x06");
}

static enum filetype sniff_zip(const unsigned char *d, size_t len)
{
	static const char odt_first[] = "mimetypeapplication/vnd.oasis.opendocument.text";
	if (len < 30 || !zip_complete(d, len))
		return FT_UNKNOWN;
	/* local header: name length at 26, extra length at 28, name at 30 */
	size_t name_len = (size_t)d[26] | (size_t)d[27] << 8, extra = (size_t)d[28] | (size_t)d[29] << 8;
	if (name_len == 8 && 30 + 8 + extra + sizeof odt_first - 9 <= len && memcmp(d + 30, "mimetype", 8) == 0 &&
	    memcmp(d + 38 + extra, odt_first + 8, sizeof odt_first - 9) == 0)
		return FT_ODT;
	if (has(d, len, "[Content_Types].xml") && has(d, len, "word/document.xml"))
		return FT_DOCX;
	return FT_UNKNOWN;
}

enum filetype filetype_sniff(const void *data, size_t len)
{
	const unsigned char *d = data;
	if (!d || len < 5)
		return FT_UNKNOWN;
	if (memcmp(d, "%PDF-", 5) == 0)
		return has(d, len, "%%EOF") ? FT_PDF : FT_UNKNOWN;
	if (memcmp(d, "PK\x03\x04", 4) == 0)
		return sniff_zip(d, len);
	return FT_UNKNOWN;
}

enum filetype filetype_from_name(const char *name)
{
	const char *dot = name ? strrchr(name, '.') : NULL;
	if (!dot)
		return FT_UNKNOWN;
	for (int t = FT_PDF; t < FT__MAX; t++)
		if (strcasecmp(dot + 1, types[t].name) == 0)
			return (enum filetype)t;
	return FT_UNKNOWN;
}

const char *filetype_name(enum filetype t)
{
	return t < FT__MAX ? types[t].name : "";
}

enum filetype filetype_parse(const char *name)
{
	for (int t = FT_PDF; name && t < FT__MAX; t++)
		if (strcmp(name, types[t].name) == 0)
			return (enum filetype)t;
	return FT_UNKNOWN;
}

const char *filetype_mime(enum filetype t)
{
	return types[t < FT__MAX ? t : FT_UNKNOWN].mime;
}

void filetype_sha256_hex(const void *data, size_t len, char out[65])
{
	unsigned char h[crypto_hash_sha256_BYTES];
	crypto_hash_sha256(h, data, len);
	sodium_bin2hex(out, 65, h, sizeof h);
}

/*
 * filetype.h -- what an uploaded form (書表) really is, decided by its
 * content, never by its name or the browser's Content-Type: PDF, an
 * OpenDocument text (ODT) or an Office Open XML document (DOCX).  Anything
 * else, a renamed executable included, is FT_UNKNOWN and refused.
 *
 * Pure domain code: libc and libsodium (the checksum) only.
 */
#ifndef BM_DOMAIN_FILETYPE_H
#define BM_DOMAIN_FILETYPE_H

#include <stddef.h>

enum filetype { FT_UNKNOWN, FT_PDF, FT_ODT, FT_DOCX, FT__MAX };

/* A form's largest size: 10 MiB (the upload route's body limit adds room for the form's fields). */
enum { FILETYPE_MAX_BYTES = 10 * 1024 * 1024 };

/* The type the bytes are, by their signature and (ZIP) their member names. */
enum filetype filetype_sniff(const void *data, size_t len);
/* The type a file name's extension claims (".pdf", ".odt", ".docx", any case); FT_UNKNOWN otherwise. */
enum filetype filetype_from_name(const char *name);
/* "pdf", "odt", "docx" ("" for FT_UNKNOWN) and back (FT_UNKNOWN for anything else). */
const char *filetype_name(enum filetype t);
enum filetype filetype_parse(const char *name);
/* The MIME type a download is served with. */
const char *filetype_mime(enum filetype t);

/* The SHA-256 of data as 64 lower-case hex digits and a NUL (the form's checksum in exports). */
void filetype_sha256_hex(const void *data, size_t len, char out[65]);

#endif

/*
 * apikey.h -- partner API keys (Open311, docs/open311.md): 256 random bits
 * shown once, stored only as a BLAKE2b-256 hash.  A fast hash is enough:
 * unlike a password, the key cannot be guessed.
 *
 * Must not include: sqlite3.h, microhttpd.h, fcgiapp.h.
 */
#ifndef BM_APIKEY_H
#define BM_APIKEY_H

enum { APIKEY_SIZE = 65 }; /* 64 hex digits and a NUL; the hash has the same size */
/* A partner's name: at most this many characters; new requests a minute unless told, and at most. */
enum { APIKEY_NAME_MAX = 64, APIKEY_RATE_DEFAULT = 30, APIKEY_RATE_MAX = 10000 };

/* A new random key (lower-case hex). */
void apikey_new(char out[APIKEY_SIZE]);
/* The hex hash a key is stored and looked up by. */
void apikey_hash(const char *key, char out[APIKEY_SIZE]);

#endif

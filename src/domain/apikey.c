/*
 * apikey.c -- partner API keys (see apikey.h).
 */
#include "domain/apikey.h"

#include <sodium.h>
#include <string.h>

void apikey_new(char out[APIKEY_SIZE])
{
	unsigned char raw[32];
	randombytes_buf(raw, sizeof raw);
	sodium_bin2hex(out, APIKEY_SIZE, raw, sizeof raw);
	sodium_memzero(raw, sizeof raw);
}

void apikey_hash(const char *key, char out[APIKEY_SIZE])
{
	unsigned char h[32];
	crypto_generichash(h, sizeof h, (const unsigned char *)key, strlen(key), NULL, 0);
	sodium_bin2hex(out, APIKEY_SIZE, h, sizeof h);
}

/*
 * password.c -- argon2id password hashes (see password.h), with libsodium's
 * "interactive" limits: what one sign-in may cost.
 */
#include "domain/password.h"

#include <sodium.h>
#include <string.h>

int password_hash(const char *pw, char *out)
{
	return crypto_pwhash_str(out, pw, strlen(pw), crypto_pwhash_OPSLIMIT_INTERACTIVE,
	                         crypto_pwhash_MEMLIMIT_INTERACTIVE);
}

/*
 * password.h -- staff password hashing (argon2id via libsodium).  Pure
 * computation apart from the random salt and a bound on parallel runs: `bianmin admin` hashes a new
 * user's password here; sign-in (handlers/staff.c) verifies against it.
 */
#ifndef BM_DOMAIN_PASSWORD_H
#define BM_DOMAIN_PASSWORD_H

#include <stdbool.h>
#include <stddef.h>

/* The shortest password accepted (bytes); argon2 runs at once, at most. */
enum { PASSWORD_MIN = 10, PASSWORD_PARALLEL = 2 };

/* Hashes a password with argon2id into out (crypto_pwhash_STRBYTES). 0 or -1. */
int password_hash(const char *pw, char *out);
/* Whether pw (len bytes) is the password of hash (any argon2 cost, so older hashes still work). */
bool password_verify(const char *hash, const char *pw, size_t len);

#endif

/*
 * password.h -- staff password hashing (argon2id via libsodium).  Pure
 * computation apart from the random salt: `bianmin admin` hashes a new
 * user's password here; sign-in (handlers/staff.c) verifies against it.
 */
#ifndef BM_DOMAIN_PASSWORD_H
#define BM_DOMAIN_PASSWORD_H

/* The shortest password accepted (bytes). */
enum { PASSWORD_MIN = 10 };

/* Hashes a password with argon2id into out (crypto_pwhash_STRBYTES). 0 or -1. */
int password_hash(const char *pw, char *out);

#endif

/*
 * ids.h -- numbers and codes citizens read and type: case and petition
 * numbers, query codes, the national ID check, and masking of personal
 * data for display.  Pure functions; the random source is libsodium's.
 */
#ifndef BM_IDS_H
#define BM_IDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum { QUERY_CODE_LEN = 10, NO_SIZE = 16, IDS_SEQ_MAX = 999999 };

/*
 * A random query code of QUERY_CODE_LEN characters from a 31-symbol
 * alphabet without look-alikes (no 0/O, 1/I/L): about 49 bits.  out gets a NUL.
 */
void ids_query_code(char out[QUERY_CODE_LEN + 1]);
/*
 * What a record keeps of its query code: a keyed BLAKE2b ("b2$" and 64 hex
 * digits) under the database's secret key, which lives outside the database
 * (store_key_load): a code is random, so a fast keyed hash is as safe as
 * argon2 and costs a microsecond, and a stolen database alone tests no
 * guess.  ids_code_matches compares in constant time and still accepts the
 * argon2id hashes of codes issued before (their records keep them).
 */
enum { CODE_KEY_BYTES = 32, CODE_HASH_SIZE = 128 };
void ids_code_hash(const unsigned char key[CODE_KEY_BYTES], const char *code, char out[CODE_HASH_SIZE]);
bool ids_code_matches(const unsigned char key[CODE_KEY_BYTES], const char *hash, const char *code);
/* Upper-cases and strips spaces/dashes from a typed code into out; false if it can't be one. */
bool ids_normalize_code(const char *in, char out[QUERY_CODE_LEN + 1]);

/*
 * The one-time token of a petition or case form ("once": 32 hex digits) and
 * what it yields.  ids_form_hash: the hash the record keeps, to find it when
 * the same form comes back (64 hex digits and a NUL).  ids_query_code_for:
 * the record's query code, so a repeat of the form -- or the receipt page it
 * is sent to -- shows the same code without keeping the code anywhere.
 * Each is a keyed BLAKE2b of the token with its own key: neither gives the
 * other, nor the token.
 */
enum { FORM_ONCE_LEN = 32, FORM_HASH_SIZE = 65 };
bool ids_form_once_valid(const char *s);
void ids_form_hash(const char *once, char out[FORM_HASH_SIZE]);
void ids_query_code_for(const char *once, char out[QUERY_CODE_LEN + 1]);

/*
 * Case or petition number: prefix letter, ROC date, daily sequence of at
 * least four digits: 'A' + 2026-11-26 + 7 -> "A1151126-0007"; the 10,000th
 * of a day is "A1151126-10000" (never a wrap to "-0000").  Sorts by date,
 * then by length and text within a day.  seq is clamped to 1..IDS_SEQ_MAX.
 */
void ids_number(char prefix, int32_t office_day, int seq, char out[NO_SIZE]);
/* The daily sequence of a number ids_number made ("A1151126-0007" -> 7); 0 when s is no such number. */
int ids_number_seq(const char *s);
/* True when s looks like a number ids_number makes (prefix any capital letter, 4 to 6 digits). */
bool ids_number_valid(const char *s);
/* A typed number copied into out (cut to outsz), ASCII letters upper-cased, for ids_number_valid. */
void ids_number_upcase(const char *in, char *out, size_t outsz);

/* Taiwan national ID (A123456789) format and checksum. */
bool ids_natid_valid(const char *s);

/* Masked name: first and last character kept, middle ones ○ (王○明, 王○, 歐陽○○). Arena-free: out >= 64. */
void ids_mask_name(const char *name, char *out, size_t outsz);
/* Masked phone: keep the first 4 and last 3 digits (0912-***-678). */
void ids_mask_phone(const char *phone, char *out, size_t outsz);
/* Masked e-mail: a***@example.com */
void ids_mask_email(const char *email, char *out, size_t outsz);
/* Digits of a phone number only (for matching what a caller says). */
void ids_phone_digits(const char *phone, char *out, size_t outsz);
/* A phone number as forms accept it: 8 to 12 digits, whatever else is typed around them. */
bool ids_phone_ok(const char *phone);
/*
 * An office or unit number as the office writes it: digits, spaces and
 * ( ) + -, 8 to 12 digits, then optionally '#' and a 1 to 6 digit
 * extension: "(07)696-2019", "(07)696-2019 #301".
 */
bool ids_unit_phone_ok(const char *phone);
/* A record's code as URLs and the database name it (units, villages, categories): [a-z][a-z0-9-]{0,31}. */
bool ids_code_ok(const char *code);
/* A plausible e-mail address: one @ with text before it and a dot after, no spaces or <>". */
bool ids_email_ok(const char *email);

#endif

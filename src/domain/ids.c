/*
 * ids.c -- numbers, codes, national ID check, masking (see ids.h).
 */
#include "domain/ids.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/cal.h"
#include "util/util.h"

/* digits 2-9 and letters without I, L, O: 31 symbols nobody misreads */
static const char alpha[] = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

void ids_query_code(char out[QUERY_CODE_LEN + 1])
{
	for (int i = 0; i < QUERY_CODE_LEN; i++)
		out[i] = alpha[randombytes_uniform(sizeof alpha - 1)];
	out[QUERY_CODE_LEN] = '\0';
}

/* Keyed BLAKE2b of the token; key names the use (16 bytes or more). */
static void once_digest(const char *once, const char *key, unsigned char out[32])
{
	crypto_generichash(out, 32, (const unsigned char *)once, strlen(once), (const unsigned char *)key, strlen(key));
}

bool ids_form_once_valid(const char *s)
{
	size_t n = 0;
	for (; s && s[n]; n++)
		if (!((s[n] >= '0' && s[n] <= '9') || (s[n] >= 'a' && s[n] <= 'f')))
			return false;
	return n == FORM_ONCE_LEN;
}

void ids_form_hash(const char *once, char out[FORM_HASH_SIZE])
{
	unsigned char h[32];
	once_digest(once, "bianmin form once: record", h);
	sodium_bin2hex(out, FORM_HASH_SIZE, h, sizeof h);
}

void ids_query_code_for(const char *once, char out[QUERY_CODE_LEN + 1])
{
	unsigned char h[32];
	once_digest(once, "bianmin form once: query code", h);
	/* one symbol from each 24 bits: the bias of % 31 is under one part in 500,000 */
	for (int i = 0; i < QUERY_CODE_LEN; i++)
		out[i] =
		    alpha[((unsigned)h[3 * i] << 16 | (unsigned)h[3 * i + 1] << 8 | h[3 * i + 2]) % (sizeof alpha - 1)];
	out[QUERY_CODE_LEN] = '\0';
}

static const char code_hash_tag[] = "b2$";

void ids_code_hash(const unsigned char key[CODE_KEY_BYTES], const char *code, char out[CODE_HASH_SIZE])
{
	unsigned char h[32];
	crypto_generichash(h, sizeof h, (const unsigned char *)code, strlen(code), key, CODE_KEY_BYTES);
	memcpy(out, code_hash_tag, sizeof code_hash_tag - 1);
	sodium_bin2hex(out + sizeof code_hash_tag - 1, CODE_HASH_SIZE - (sizeof code_hash_tag - 1), h, sizeof h);
}

bool ids_code_matches(const unsigned char key[CODE_KEY_BYTES], const char *hash, const char *code)
{
	if (strncmp(hash, code_hash_tag, sizeof code_hash_tag - 1) != 0) /* issued before: argon2id */
		return crypto_pwhash_str_verify(hash, code, strlen(code)) == 0;
	char want[CODE_HASH_SIZE];
	ids_code_hash(key, code, want);
	size_t n = strlen(want);
	return strlen(hash) == n && sodium_memcmp(want, hash, n) == 0;
}

bool ids_normalize_code(const char *in, char out[QUERY_CODE_LEN + 1])
{
	int n = 0;
	for (const char *p = in; *p; p++) {
		char c = *p;
		if (c == ' ' || c == '-')
			continue;
		if (c >= 'a' && c <= 'z')
			c = (char)(c - 'a' + 'A');
		if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z')) || n == QUERY_CODE_LEN)
			return false;
		out[n++] = c;
	}
	out[n] = '\0';
	return n == QUERY_CODE_LEN;
}

void ids_number(char prefix, int32_t office_day, int seq, char out[NO_SIZE])
{
	int y, m, d;
	cal_day_to_ymd(office_day, &y, &m, &d);
	/* four digits, more past 9,999 rather than wrapping onto the day's first numbers */
	unsigned n = seq < 1 ? 1u : seq > IDS_SEQ_MAX ? (unsigned)IDS_SEQ_MAX : (unsigned)seq;
	snprintf(out, NO_SIZE, "%c%03u%02u%02u-%04u", prefix, (unsigned)(y - 1911) % 1000u, (unsigned)m % 100u,
	         (unsigned)d % 100u, n);
}

bool ids_number_valid(const char *s)
{
	size_t len = strlen(s);
	if (len < 13 || len > NO_SIZE - 1 || s[0] < 'A' || s[0] > 'Z' || s[8] != '-')
		return false;
	/* more than four digits only as ids_number writes them: no leading zero */
	if (len > 13 && s[9] == '0')
		return false;
	for (size_t i = 1; i < len; i++)
		if (i != 8 && (s[i] < '0' || s[i] > '9'))
			return false;
	return true;
}

int ids_number_seq(const char *s)
{
	return s && ids_number_valid(s) ? atoi(s + 9) : 0;
}

void ids_number_upcase(const char *in, char *out, size_t outsz)
{
	snprintf(out, outsz, "%s", in);
	for (char *p = out; *p; p++)
		if (*p >= 'a' && *p <= 'z')
			*p = (char)(*p - 32);
}

bool ids_natid_valid(const char *s)
{
	/* letter values: A=10 B=11 ... per the household registration rules */
	static const int letter[26] = {10, 11, 12, 13, 14, 15, 16, 17, 34, 18, 19, 20, 21,
	                               22, 35, 23, 24, 25, 26, 27, 28, 29, 32, 30, 31, 33};
	if (strlen(s) != 10 || s[0] < 'A' || s[0] > 'Z' || (s[1] != '1' && s[1] != '2' && s[1] != '8' && s[1] != '9'))
		return false;
	for (int i = 1; i < 10; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	int v = letter[s[0] - 'A'];
	int sum = v / 10 + (v % 10) * 9;
	for (int i = 1; i < 9; i++)
		sum += (s[i] - '0') * (9 - i);
	sum += s[9] - '0';
	return sum % 10 == 0;
}

void ids_mask_name(const char *name, char *out, size_t outsz)
{
	const char *p = name, *end = name + strlen(name);
	const char *starts[64];
	int n = 0;
	while (p < end && n < 64) {
		starts[n++] = p;
		if (utf8_next(&p, end) < 0)
			break;
	}
	size_t o = 0;
	out[0] = '\0';
	if (n == 0 || outsz < 8)
		return;
	for (int i = 0; i < n; i++) {
		size_t clen = (size_t)((i + 1 < n ? starts[i + 1] : p) - starts[i]);
		bool keep = i == 0 || (i == n - 1 && n > 2);
		const char *src = keep ? starts[i] : "○";
		size_t len = keep ? clen : strlen("○");
		if (o + len + 1 > outsz)
			break;
		memcpy(out + o, src, len);
		o += len;
	}
	out[o] = '\0';
}

void ids_phone_digits(const char *phone, char *out, size_t outsz)
{
	size_t o = 0;
	for (const char *p = phone; *p && o + 1 < outsz; p++)
		if (*p >= '0' && *p <= '9')
			out[o++] = *p;
	out[o] = '\0';
}

bool ids_phone_ok(const char *phone)
{
	char d[32];
	ids_phone_digits(phone, d, sizeof d);
	size_t n = strlen(d);
	return n >= 8 && n <= 12;
}

bool ids_unit_phone_ok(const char *phone)
{
	if (!phone || strlen(phone) > 40 || strspn(phone, "0123456789()+-# ") != strlen(phone))
		return false;
	const char *hash = strchr(phone, '#');
	char main[48];
	size_t n = hash ? (size_t)(hash - phone) : strlen(phone);
	memcpy(main, phone, n);
	main[n] = '\0';
	if (!ids_phone_ok(main))
		return false;
	if (!hash)
		return true;
	char ext[32];
	ids_phone_digits(hash + 1, ext, sizeof ext);
	return !strchr(hash + 1, '#') && strlen(ext) >= 1 && strlen(ext) <= 6;
}

bool ids_code_ok(const char *code)
{
	size_t n = code ? strlen(code) : 0;
	return n >= 1 && n <= 32 && code[0] >= 'a' && code[0] <= 'z' &&
	       strspn(code, "abcdefghijklmnopqrstuvwxyz0123456789-") == n;
}

void ids_mask_phone(const char *phone, char *out, size_t outsz)
{
	char d[32];
	ids_phone_digits(phone, d, sizeof d);
	size_t n = strlen(d);
	if (n < 8) {
		snprintf(out, outsz, "***");
		return;
	}
	snprintf(out, outsz, "%.4s-***-%s", d, d + n - 3);
}

void ids_mask_email(const char *email, char *out, size_t outsz)
{
	if (outsz == 0)
		return;
	const char *at = strchr(email, '@');
	if (!at || at == email) {
		snprintf(out, outsz, "***");
		return;
	}
	/* the whole first character (王***@...), not its first byte */
	const char *first = email;
	utf8_next(&first, at);
	snprintf(out, outsz, "%.*s***%s", (int)(first - email), email, at);
	utf8_cut(out);
}

bool ids_email_ok(const char *e)
{
	const char *at = strchr(e, '@');
	return at && at != e && strchr(at, '.') && !strchr(at + 1, '@') && !strpbrk(e, " <>\"");
}

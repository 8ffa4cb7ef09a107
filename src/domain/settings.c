/*
 * settings.c -- the office's settings: keys, stand-ins, checks (see
 * settings.h).
 */
#include "domain/settings.h"

#include <stdlib.h>
#include <string.h>

#include "domain/ids.h"

/* clang-format off */
static const struct setting_def defs[SET__MAX] = {
	{"office_name_zh", SK_TEXT, "區公所", true},              /* SET_OFFICE_NAME_ZH */
	{"office_name_en", SK_TEXT, "District Office", false},   /* SET_OFFICE_NAME_EN */
	{"site_name_zh", SK_TEXT, "便民服務網", true},            /* SET_SITE_NAME_ZH */
	{"site_name_en", SK_TEXT, "Online Services", false},     /* SET_SITE_NAME_EN */
	{"address_zh", SK_TEXT, "", true},                       /* SET_ADDRESS_ZH */
	{"address_en", SK_TEXT, "", false},                      /* SET_ADDRESS_EN */
	{"phone", SK_PHONE, "", false},                          /* SET_PHONE */
	{"hours_zh", SK_TEXT, "", true},                         /* SET_HOURS_ZH */
	{"hours_en", SK_TEXT, "", false},                        /* SET_HOURS_EN */
	{"email", SK_EMAIL, "", false},                          /* SET_EMAIL */
	{"logo", SK_LOGO, "", false},                            /* SET_LOGO */
	{"public_url", SK_URL, SETTINGS_PUBLIC_URL_UNSET, false}, /* SET_PUBLIC_URL */
	{"smtp_url", SK_SMTP, "", false},                        /* SET_SMTP_URL */
	{"smtp_from", SK_EMAIL, "", false},                      /* SET_SMTP_FROM */
	{"smtp_user", SK_TEXT, "", false},                       /* SET_SMTP_USER */
	{"smtp_password", SK_SECRET, "", false},                 /* SET_SMTP_PASSWORD */
	{"sms_url", SK_SMS, "", false},                          /* SET_SMS_URL */
	{"sms_key", SK_SECRET, "", false},                       /* SET_SMS_KEY */
	{"signup_retention_days", SK_DAYS, "90", false},         /* SET_SIGNUP_RETENTION_DAYS */
	{"status_lookup_limits", SK_LIMITS, "10 20 50", false},  /* SET_STATUS_LOOKUP_LIMITS */
};
/* clang-format on */

const struct setting_def *settings_def(enum setting s)
{
	return s < SET__MAX ? &defs[s] : NULL;
}

enum setting settings_find(const char *key)
{
	for (int s = 0; key && s < SET__MAX; s++)
		if (strcmp(key, defs[s].key) == 0)
			return (enum setting)s;
	return SET__MAX;
}

bool settings_secret(enum setting s)
{
	return s < SET__MAX && defs[s].kind == SK_SECRET;
}

/* One line: no control characters (tabs and newlines included), valid UTF-8, at most SETTING_MAX_CHARS. */
static bool one_line(const char *s)
{
	size_t chars = 0;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p < 0x20 || *p == 0x7f)
			return false;
		if ((*p & 0xc0) != 0x80)
			chars++;
	}
	return chars <= SETTING_MAX_CHARS;
}

/* No query, fragment, space, quote or angle bracket: a value that goes into an attribute as it is. */
static bool path_chars_ok(const char *p)
{
	return strpbrk(p, "?# \"'<>\\") == NULL;
}

/* A host[:port] of letters, digits, '.', '-' (and ':' for the port), then nothing or a path without ?#. */
static bool host_path_ok(const char *p)
{
	size_t host = strspn(p, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-:[]");
	if (host == 0 || (p[host] && p[host] != '/'))
		return false;
	return path_chars_ok(p + host);
}

static bool has_prefix(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

enum { LIMIT_MAX = 1000000000 };

/*
 * n whole numbers in [1, max] separated by single spaces, into out (NULL:
 * only checked).  False for anything else.
 */
static bool whole_numbers(const char *v, long *out, int n, long max)
{
	for (int i = 0; i < n; i++) {
		size_t digits = strspn(v, "0123456789");
		if (digits == 0 || digits > 10)
			return false;
		long x = strtol(v, NULL, 10);
		if (x < 1 || x > max)
			return false;
		if (out)
			out[i] = x;
		v += digits;
		if (*v != (i + 1 < n ? ' ' : '\0'))
			return false;
		v += i + 1 < n;
	}
	return true;
}

static const char *check_kind(enum setting_kind k, const char *v)
{
	switch (k) {
	case SK_TEXT:
	case SK_SECRET: return NULL;
	case SK_PHONE: return ids_unit_phone_ok(v) ? NULL : "set_err_phone";
	case SK_EMAIL: return ids_email_ok(v) ? NULL : "err_email";
	case SK_URL:
		if (has_prefix(v, "https://"))
			return host_path_ok(v + 8) ? NULL : "set_err_url";
		return has_prefix(v, "http://") && host_path_ok(v + 7) ? NULL : "set_err_url";
	case SK_SMTP:
		if (strchr(v, '@'))
			return "set_err_smtp_credentials"; /* user and password have their own keys */
		if (has_prefix(v, "smtps://"))
			return host_path_ok(v + 8) ? NULL : "set_err_smtp";
		return has_prefix(v, "smtp://") && host_path_ok(v + 7) ? NULL : "set_err_smtp";
	case SK_SMS: {
		const char *rest = has_prefix(v, "https://") ? v + 8 : has_prefix(v, "http://") ? v + 7 : NULL;
		size_t host =
		    rest ? strspn(rest, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-:[]") : 0;
		bool ok = host && strpbrk(rest + host, " \"'<>\\") == NULL && strstr(v, "{to}") && strstr(v, "{text}");
		return ok ? NULL : "set_err_sms";
	}
	case SK_DAYS: return whole_numbers(v, NULL, 1, 3650) ? NULL : "set_err_days";
	case SK_LIMITS: return whole_numbers(v, NULL, LOOKUP_LIMITS, LIMIT_MAX) ? NULL : "set_err_limits";
	case SK_LOGO:
		if (has_prefix(v, "/static/"))
			return !strstr(v, "..") && path_chars_ok(v) ? NULL : "set_err_logo";
		return has_prefix(v, "https://") && host_path_ok(v + 8) ? NULL : "set_err_logo";
	}
	return "set_err_value";
}

const char *settings_check(enum setting s, const char *value, char *norm, size_t normsz)
{
	if (s >= SET__MAX)
		return "set_err_key";
	const char *v = value ? value : "";
	while (*v == ' ')
		v++;
	size_t len = strlen(v);
	while (len && v[len - 1] == ' ')
		len--;
	if (len >= normsz)
		return "set_err_long";
	memcpy(norm, v, len);
	norm[len] = '\0';
	if (!one_line(norm))
		return "set_err_line";
	if (defs[s].kind == SK_URL)
		while (len && norm[len - 1] == '/')
			norm[--len] = '\0';
	if (!*norm)
		return NULL;
	return check_kind(defs[s].kind, norm);
}

const char *settings_pick(const char *const vals[SET__MAX], enum setting zh, bool want_en)
{
	if (zh >= SET__MAX)
		return "";
	if (want_en && defs[zh].has_en && vals[zh + 1] && *vals[zh + 1])
		return vals[zh + 1];
	if (vals[zh] && *vals[zh])
		return vals[zh];
	return want_en && defs[zh].has_en && *defs[zh + 1].unset ? defs[zh + 1].unset : defs[zh].unset;
}

void settings_lookup_limits(const char *value, int lim[LOOKUP_LIMITS])
{
	long v[LOOKUP_LIMITS];
	if (!value || !whole_numbers(value, v, LOOKUP_LIMITS, LIMIT_MAX))
		whole_numbers(defs[SET_STATUS_LOOKUP_LIMITS].unset, v, LOOKUP_LIMITS, LIMIT_MAX);
	for (int i = 0; i < LOOKUP_LIMITS; i++)
		lim[i] = (int)v[i];
}

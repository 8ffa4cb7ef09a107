/*
 * settings.h -- the office's settings: what an office changes without
 * touching a file (its name, address, phone, hours, e-mail, logo, the
 * public address of the site, SMTP).  One table of keys with their kind,
 * whether they are secret, and what is shown while a key is unset; the
 * checks every value passes before it is stored, from the admin page and
 * `bianmin admin set` alike.  docs/operations.md lists the keys.
 *
 * Pure domain code: libc and domain/ only.  No I/O, no SQL.
 */
#ifndef BM_DOMAIN_SETTINGS_H
#define BM_DOMAIN_SETTINGS_H

#include <stdbool.h>
#include <stddef.h>

enum setting {
	SET_OFFICE_NAME_ZH, /* 高雄市路竹區公所 */
	SET_OFFICE_NAME_EN,
	SET_SITE_NAME_ZH, /* the portal's name: 路竹區公所便民服務網 */
	SET_SITE_NAME_EN,
	SET_ADDRESS_ZH,
	SET_ADDRESS_EN,
	SET_PHONE, /* the main number: (07)696-2019 */
	SET_HOURS_ZH,
	SET_HOURS_EN,
	SET_EMAIL,
	SET_LOGO,       /* /static/... or https://... */
	SET_PUBLIC_URL, /* https://bianmin.example.gov.tw: QR codes, RSS, e-mail links */
	SET_SMTP_URL,   /* smtp://host:25, smtps://host:465 */
	SET_SMTP_FROM,
	SET_SMTP_USER,
	SET_SMTP_PASSWORD,         /* secret: never shown back, never exported */
	SET_SMS_URL,               /* the SMS gateway: https://host/path?to={to}&text={text}&key={key} */
	SET_SMS_KEY,               /* secret: the gateway's {key} */
	SET_SIGNUP_RETENTION_DAYS, /* days after an event or appointment its sign-ups are kept */
	SET_STATUS_LOOKUP_LIMITS,  /* "PAIR ADDRESS NUMBER": status lookups a minute (see settings_lookup_limits) */
	SET__MAX
};

enum setting_kind {
	SK_TEXT,   /* one line */
	SK_PHONE,  /* a phone number, with an extension if any */
	SK_EMAIL,  /* an e-mail address */
	SK_URL,    /* http(s)://host[:port][/path], no query */
	SK_SMTP,   /* smtp(s)://host[:port] */
	SK_LOGO,   /* a path under /static/ or an https:// address */
	SK_SECRET, /* one line, never shown back */
	SK_SMS,    /* an http(s) address with {to} and {text} (and {key}) in it */
	SK_DAYS,   /* a whole number of days, 1 to 3650 */
	SK_LIMITS, /* three whole numbers, 1 to 1000000000, separated by spaces */
};

enum { SETTING_MAX_CHARS = 200 };

struct setting_def {
	const char *key; /* the settings table's key, `admin set KEY` */
	enum setting_kind kind;
	const char *unset; /* shown while unset ("" : nothing) */
	bool has_en;       /* a …_zh key whose English text is the next key */
};

/* The definition of s (s < SET__MAX). */
const struct setting_def *settings_def(enum setting s);
/* "office_name_zh" -> SET_OFFICE_NAME_ZH; SET__MAX for an unknown key. */
enum setting settings_find(const char *key);
/* Never shown back in full, never exported. */
bool settings_secret(enum setting s);

/*
 * Checks value for s and writes what is stored into norm (normsz bytes):
 * surrounding spaces trimmed, a URL without its trailing '/'.  "" (after
 * trimming) means unset and is always accepted.  Returns NULL when
 * accepted, else the UI string key of the reason (templates/strings.tsv).
 */
const char *settings_check(enum setting s, const char *value, char *norm, size_t normsz);

/*
 * The value to use: vals[s] (NULL or "" when unset) or the definition's
 * stand-in.  For a …_zh key with an English pair (has_en), want_en picks
 * the English text and falls back to the Chinese one while it is unset.
 */
const char *settings_pick(const char *const vals[SET__MAX], enum setting zh, bool want_en);

/*
 * The status lookup's limits a minute (handlers/status.c): per address and
 * number, per address, per number.  An office behind one shared address
 * raises the second; the defaults are {10, 20, 50}.
 */
enum { LOOKUP_LIMITS = 3 };
void settings_lookup_limits(const char *value, int lim[LOOKUP_LIMITS]);

/* The address QR codes, RSS and e-mail links start with while public_url is unset. */
#define SETTINGS_PUBLIC_URL_UNSET "http://127.0.0.1:8080"

#endif

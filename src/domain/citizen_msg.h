/*
 * citizen_msg.h -- the texts of the messages a citizen receives (issue
 * 12): the receipt (number and query code), a correction notice (every
 * missing item, the deadline, where to bring them), a state change and
 * the reply, the link that replaces a lost query code, by e-mail or, for a mobile number alone, a short SMS; in
 * the language the person used.  Pure: no I/O, no SQL.
 */
#ifndef BM_DOMAIN_CITIZEN_MSG_H
#define BM_DOMAIN_CITIZEN_MSG_H

#include <stdbool.h>
#include <stddef.h>

#include "util/util.h"

/* CMSG_CODE_LINK: the one-time link that replaces a lost query code, by e-mail only. */
enum cmsg_kind { CMSG_RECEIPT, CMSG_CORRECTION, CMSG_STATE, CMSG_REPLY, CMSG_CODE_LINK };
enum cmsg_channel { CMSG_NONE, CMSG_EMAIL, CMSG_SMS };

enum { CMSG_MOBILE_SIZE = 11 }; /* "0912345678" and its NUL */

/* What a message says; NULL for what it does not need. */
struct cmsg_in {
	bool is_case;           /* an application (申辦案件), else a petition (陳情) */
	enum lang lang;         /* the language the person used */
	const char *office;     /* the office's name: the sender */
	const char *status_url; /* the public status page */
	const char *name;       /* the person's name, or NULL (anonymous) */
	const char *no, *code;  /* the number; the query code (receipt only) */
	const char *subject;    /* the petition's subject or the service's name */
	const char *date;       /* ISO: receipt and state change, the expected date; correction, the deadline */
	const char *state;      /* state change: the new state, in words */
	const char *reply;      /* reply: its text */
	const char *link_token; /* code link: the token; the link is status_url/code?link=token */
	const char *unit, *where, *officer, *phone; /* who handles it and where */
	const char *const *items;                   /* correction: the missing items */
	size_t nitems;
	bool survey; /* state change: closed, so the survey is open (its link: the status page) */
};

struct cmsg {
	const char *subject; /* e-mail only; the SMS has none */
	const char *body;
};

/* The text of message k by channel ch (CMSG_EMAIL or CMSG_SMS), in out's strings from a. */
void cmsg_compose(struct arena *a, enum cmsg_kind k, enum cmsg_channel ch, const struct cmsg_in *in, struct cmsg *out);

/*
 * How message k reaches a person who gave email and phone (either NULL):
 * e-mail to a plausible address; else, for the receipt and the reply, an
 * SMS to a Taiwanese mobile number (09xxxxxxxx, +886 9xxxxxxxx), written
 * to mobile as 09xxxxxxxx; else CMSG_NONE.
 */
enum cmsg_channel cmsg_channel_for(const char *email, const char *phone, enum cmsg_kind k,
                                   char mobile[CMSG_MOBILE_SIZE]);

/*
 * The SMS gateway's request for one message: the template (the setting
 * sms_url, e.g. "https://sms.example.tw/send?key={key}&to={to}&msg={text}")
 * with {key}, {to} and {text} replaced by their percent-encoded values
 * (UTF-8; every byte but A-Z a-z 0-9 - . _ ~ encoded).
 */
const char *cmsg_sms_url(struct arena *a, const char *tmpl, const char *key, const char *to, const char *text);

/*
 * Is typed the address on record?  Both trimmed of spaces, compared
 * without regard to ASCII case; never for an empty or absent address.
 */
bool cmsg_email_matches(const char *on_record, const char *typed);

/* The names the store keeps: "receipt", ...; "email", "sms". */
const char *cmsg_kind_name(enum cmsg_kind k);
const char *cmsg_channel_name(enum cmsg_channel ch);

#endif

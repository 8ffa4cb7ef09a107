/*
 * admin_kit.h -- what the office's admin pages share (settings, units,
 * categories, accounts, villages): one page template
 * (templates/admin_page.html) of a table and forms described as data, so
 * every admin form has the same labels, hints, errors tied to their
 * fields (aria-describedby, role=alert), CSRF and one-time tokens; and
 * the one-form-one-change rule for admin POSTs.
 *
 * Must not include: sqlite3.h, microhttpd.h, fcgiapp.h.
 */
#ifndef BM_ADMIN_KIT_H
#define BM_ADMIN_KIT_H

#include "app/fields.h"
#include "app/http.h"
#include "tmpl/tmpl.h"

struct store;

enum afield_kind {
	AF_TEXT,     /* one line */
	AF_EMAIL,    /* one line, type=email */
	AF_PASSWORD, /* never filled in when shown again */
	AF_DATE,     /* type=date */
	AF_AREA,     /* several lines */
	AF_SELECT,   /* options added with afield_option */
	AF_CHECK,    /* one checkbox, value 1 */
	AF_MULTI,    /* several checkboxes of one name, options added with afield_option */
};

/* One field of a form: its name (as the route declares it), label and hint (UI string keys). */
struct afield {
	enum key key; /* its name: key_name(key) */
	const char *label_key;
	enum afield_kind kind;
	unsigned max; /* characters */
	bool required;
	const char *hint_key; /* NULL: none */
};

/* A page in templates/admin_page.html; notice_key: a ?done= notice's UI string (NULL: none). */
struct tobj *admin_page(struct req *rq, const char *title_key);
/* The line under the title: a record's name (Chinese marked as such on English pages), then rest (may be NULL). */
void admin_intro(struct req *rq, struct tobj *page, const char *name, const char *rest);
/* Renders it with status (200, 409, 422) as a staff page (no-store). */
void admin_render(struct req *rq, struct resp *rs, struct tobj *page, int status);
/* Shows the UI string for ?done=KEY when KEY is one of the keys given (NULL-terminated). */
void admin_notice(struct req *rq, struct tobj *page, const char *const *done_keys);

/* A form posting to action, with heading and button (UI string keys), a fresh or re-posted once token. */
struct tobj *admin_form(struct req *rq, struct tobj *page, const char *id, const char *heading_key, const char *action,
                        const char *button_key);
/*
 * Adds field f to form with its current value (NULL: empty) and the UI
 * string key of its refusal (NULL: fine); marks the page as having errors.
 * Returns the field, for afield_option.
 */
struct tobj *admin_field(struct req *rq, struct tobj *page, struct tobj *form, const struct afield *f,
                         const char *value, const char *err_key);
void afield_option(struct tobj *field, const char *value, const char *label, bool selected);
/* Marks the page as refused with a message for the whole form (UI string key). */
void admin_form_error(struct req *rq, struct tobj *page, const char *err_key);

/* A table with a caption and column heads (UI string keys, NULL-terminated). */
struct tobj *admin_table(struct req *rq, struct tobj *page, const char *caption_key, const char *const *head_keys);
struct tobj *admin_row(struct tobj *table);
/* A cell: text, a link (href not NULL), or a button posting to action (action not NULL). */
void admin_cell(struct req *rq, struct tobj *row, const char *text, const char *href, const char *action);

/*
 * The posted value of field key, trimmed of surrounding spaces, and its
 * refusal: the route's (F_LINE, length) or "err_required" when required
 * and blank.  *err_key stays as it was when the field is fine.
 */
const char *admin_value(const struct req *rq, enum key key, bool required, const char **err_key);

/*
 * One form, one change: claims this POST's one-time token, in the
 * caller's transaction, for the change that answers with a 303 to
 * receipt.  ERR_CONFLICT: this form was posted before; *prior is where
 * that post went (redirect there, change nothing).
 */
enum err admin_claim(struct req *rq, struct store *st, const char *receipt, const char **prior);
/*
 * Ends an admin POST: commits when e is ERR_OK and answers 303 to
 * receipt; a repeated form (prior set) rolls back and answers 303 to
 * prior; otherwise rolls back and returns false, leaving the answer to
 * the caller (a form shown again).  Store failures answer 503.
 */
bool admin_done(struct req *rq, struct resp *rs, struct store *st, enum err e, const char *receipt, const char *prior);

#endif

/*
 * view.h -- what every handler uses to answer: the thread's store, UI
 * strings, picking a text in the visitor's language, the common page view
 * (layout fields), rendering, error pages and redirects.
 *
 * Must not include: sqlite3.h, microhttpd.h, fcgiapp.h.
 */
#ifndef BM_VIEW_H
#define BM_VIEW_H

#include "app/http.h"
#include "app/router.h"
#include "domain/settings.h"
#include "tmpl/tmpl.h"

struct store;

/*
 * The request's database connection, lent from the site's pool on first use
 * until app_handle ends (req_store_return).  Never NULL in a handler: the
 * dispatcher answers 503 itself when it cannot have one, except on R_NODB
 * routes, whose handlers may get NULL.
 */
struct store *req_store(struct req *rq);
void req_store_return(struct req *rq);

/*
 * The office's settings (domain/settings.h), read once per request; all
 * unset when the store cannot be read.  view_setting: setting s as this
 * page shows it (settings_pick in the visitor's language; s a …_zh key
 * for a pair).  view_public_url: the address the public reaches the site
 * at, without a trailing '/': QR codes, RSS, e-mail links, canonical URLs.
 */
const char *const *req_settings(struct req *rq);
const char *view_setting(struct req *rq, enum setting s);
const char *view_public_url(struct req *rq);

/* UI string for key in the request's language. */
const char *T(const struct req *rq, const char *key);
/*
 * A field's error for the templates: NAME_error, an object with the message
 * (text) and the id its element has ("NAME-err", '_' as '-') that
 * {{#NAME_error}}{{>field_error}}{{/NAME_error}} shows (templates/field_error.html).
 */
void view_field_error(struct req *rq, struct tobj *v, const char *name, const char *msg);
/* T with its {name} placeholders replaced by value (an arena copy; the value is not escaped: render it escaped). */
const char *T_fill(struct req *rq, const char *key, const char *name, const char *value);
/* The text in the request's language, falling back to Chinese; NULL if neither. */
const char *pick(const struct req *rq, const char *const txt[LANG__MAX]);

/*
 * Sets o.name to txt in the visitor's language.  When an English page has to
 * fall back to Chinese, the value becomes trusted HTML: the escaped Chinese
 * text in <span lang="zh-Hant"> with a "(in Chinese only)" note, so screen
 * readers switch voice.  Use only in element content, never in attributes.
 */
void view_text(struct req *rq, struct tobj *o, const char *name, const char *const txt[LANG__MAX]);
/*
 * Sets o.name to text that is data rather than UI (people's names, what
 * they typed): on an English page, text with Han characters is wrapped in
 * <span lang="zh-Hant"> as trusted HTML, so screen readers switch voice.
 * Element content only, never attributes.
 */
void view_data(struct req *rq, struct tobj *o, const char *name, const char *text);
/*
 * Escaped text as trusted HTML, in a span with lang= when it is in the
 * other language than the page's (lang: the text's language when known;
 * LANG__MAX: Chinese if it has Han characters), so screen readers switch
 * voice.  Element content only (arena).
 */
const char *view_lang_html(struct req *rq, const char *text, enum lang lang);
/* Same for Markdown: rendered safely by cmark into trusted HTML. */
void view_markdown(struct req *rq, struct tobj *o, const char *name, const char *const md[LANG__MAX]);
/* Markdown to trusted HTML (cmark, raw HTML and unsafe links removed), in arena a. */
const char *md_html(struct arena *a, const char *markdown);

/*
 * A new page view with the layout's fields: lang, base ("" or "/en"),
 * title, the other language's address, demo flag, signed-in user, CSRF
 * token, the office's facts from the settings (site_name, office_name,
 * office_address, office_phone, office_hours, office_email, logo) and, on
 * staff pages, public_url_unset.
 */
struct tobj *view_new(struct req *rq, const char *title);

/* Renders template tmpl with view as a full HTML page into rs (status kept). */
void page_render(struct req *rq, struct resp *rs, const char *tmpl, struct tobj *view);
/* An error page in the visitor's language with status and the message for msg_key. */
void page_error(struct req *rq, struct resp *rs, int status, const char *msg_key);
/*
 * 409: a business rule refused the action (the record's state does not
 * allow it, or someone changed it first).  A guidance page, not an error:
 * what happened (msg_key), the current state when known (state_label may be
 * NULL), that nothing was changed, and a link back to the record (the
 * request's /staff/KIND/NO).  page_error(…, 409, …) comes here too.
 */
void page_conflict(struct req *rq, struct resp *rs, const char *msg_key, const char *state_label);
/*
 * The confirmation step of an action that needs a recorded reason (reject,
 * withdraw, close): the request's "reason" when it carries "confirm" and the
 * reason is not blank.  Otherwise NULL, with *err_key NULL on the first
 * visit (show the step) or the reason's field error.
 */
const char *req_confirmed_reason(const struct req *rq, const char **err_key);
/*
 * Renders the confirmation page (templates/confirm.html) from v, which the
 * handler fills: title, record_label, no, state_label, action_label, action
 * (the form's address), details (label/value), carry (hidden
 * name/value).  200, or 422 with err_key shown at the reason field.
 */
void page_confirm(struct req *rq, struct resp *rs, struct tobj *v, const char *err_key);
/* After a failed lookup: 404 with notfound_key when e is ERR_NOTFOUND, else 503 "err_unavailable". */
void page_error_lookup(struct req *rq, struct resp *rs, enum err e, const char *notfound_key);
/* 429 "try again in minutes": no-store, Retry-After minutes * 60 seconds. */
void page_try_later(struct req *rq, struct resp *rs, long minutes);
/* 303 See Other to a local address (already language-prefixed). */
void page_redirect(struct req *rq, struct resp *rs, const char *location);
/* An ISO date as the visitor reads it: 115年11月26日 or 26 Nov 2026 (arena). */
const char *view_date(struct req *rq, const char *iso);
/* A stored UTC timestamp as office time (Asia/Taipei): 115年3月3日 01:30 or 3 Mar 2026 01:30 (arena). */
const char *view_time(struct req *rq, const char *iso);

/* Language-prefixed local address: url(rq, "/services/%s", code). */
const char *url(struct req *rq, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif

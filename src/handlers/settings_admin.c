/*
 * settings_admin.c -- /staff/admin/settings: the office's settings
 * (domain/settings.h) on one form, and the "send a test e-mail" button,
 * which queues a test for the scheduler (it sends with the same SMTP
 * settings as every notification) and shows how the last one went.  A
 * secret (the SMTP password, the SMS gateway's key) is never shown back:
 * left empty it is kept, and its checkbox removes it.  The form posts every key (an empty one unsets
 * it) with its marker field "form": a POST without it is refused rather
 * than taken for a form that unsets everything.  Every change is audit-logged, a secret's value
 * never.
 *
 * Must not include: sqlite3.h, microhttpd.h, fcgiapp.h.
 */
#include <stdio.h>
#include <string.h>

#include "app/auth.h"
#include "app/view.h"
#include "domain/clock.h"
#include "domain/ids.h"
#include "handlers/admin_kit.h"
#include "handlers/handlers.h"
#include "store/settings.h"

static const char RECEIPT[] = "/staff/admin/settings";

/* Each setting's form field: the route declares the same keys (web/routes.c settings_fields). */
static const enum key setting_keys[SET__MAX] = {
    [SET_OFFICE_NAME_ZH] = K_OFFICE_NAME_ZH,
    [SET_OFFICE_NAME_EN] = K_OFFICE_NAME_EN,
    [SET_SITE_NAME_ZH] = K_SITE_NAME_ZH,
    [SET_SITE_NAME_EN] = K_SITE_NAME_EN,
    [SET_ADDRESS_ZH] = K_ADDRESS_ZH,
    [SET_ADDRESS_EN] = K_ADDRESS_EN,
    [SET_PHONE] = K_PHONE,
    [SET_HOURS_ZH] = K_HOURS_ZH,
    [SET_HOURS_EN] = K_HOURS_EN,
    [SET_EMAIL] = K_EMAIL,
    [SET_LOGO] = K_LOGO,
    [SET_PUBLIC_URL] = K_PUBLIC_URL,
    [SET_SMTP_URL] = K_SMTP_URL,
    [SET_SMTP_FROM] = K_SMTP_FROM,
    [SET_SMTP_USER] = K_SMTP_USER,
    [SET_SMTP_PASSWORD] = K_SMTP_PASSWORD,
    [SET_SMS_URL] = K_SMS_URL,
    [SET_SMS_KEY] = K_SMS_KEY,
    [SET_SIGNUP_RETENTION_DAYS] = K_SIGNUP_RETENTION_DAYS,
    [SET_STATUS_LOOKUP_LIMITS] = K_STATUS_LOOKUP_LIMITS,
};

/* Each secret's "remove the stored value" checkbox: left empty, a secret is kept. */
static const struct afield secret_clear[SET__MAX] = {
    [SET_SMTP_PASSWORD] = {K_SMTP_PASSWORD_CLEAR, "set_smtp_password_clear", AF_CHECK, 1, false, NULL},
    [SET_SMS_KEY] = {K_SMS_KEY_CLEAR, "set_sms_key_clear", AF_CHECK, 1, false, NULL},
};

static struct afield setting_field(enum setting s)
{
	static const enum afield_kind kinds[] = {
	    AF_TEXT,     /* SK_TEXT */
	    AF_TEXT,     /* SK_PHONE */
	    AF_EMAIL,    /* SK_EMAIL */
	    AF_TEXT,     /* SK_URL */
	    AF_TEXT,     /* SK_SMTP */
	    AF_TEXT,     /* SK_LOGO */
	    AF_PASSWORD, /* SK_SECRET */
	    AF_TEXT,     /* SK_SMS */
	    AF_TEXT,     /* SK_DAYS */
	    AF_TEXT,     /* SK_LIMITS */
	};
	static const char *const hints[SET__MAX] = {
	    [SET_PUBLIC_URL] = "set_public_url_hint",
	    [SET_LOGO] = "set_logo_hint",
	    [SET_SMTP_URL] = "set_smtp_url_hint",
	    [SET_SMTP_PASSWORD] = "set_smtp_password_hint",
	    [SET_PHONE] = "set_phone_hint",
	    [SET_SMS_URL] = "set_sms_url_hint",
	    [SET_SMS_KEY] = "set_secret_hint",
	    [SET_SIGNUP_RETENTION_DAYS] = "set_signup_retention_days_hint",
	    [SET_STATUS_LOOKUP_LIMITS] = "set_status_lookup_limits_hint",
	};
	const struct setting_def *d = settings_def(s);
	return (struct afield){setting_keys[s], d->key, kinds[d->kind], SETTING_MAX_CHARS, false, hints[s]};
}

/* The page: the settings form with vals (NULL: as stored) and errors, the test e-mail form and its last result. */
static void settings_page(struct req *rq, struct resp *rs, int status, const char *const *vals,
                          const char *const *errors, const char *mail_to, const char *mail_err)
{
	static const char *const done[] = {"saved", "mail", NULL};
	struct store *st = req_store(rq);
	struct tobj *page = admin_page(rq, "settings_title");
	admin_notice(rq, page, done);
	tobj_str(page, "intro", T(rq, "settings_intro"));
	const char *const *stored = req_settings(rq);
	struct tobj *form = admin_form(rq, page, "settings", "settings_title", url(rq, "%s", RECEIPT), "admin_save");
	tobj_str(form, "marker", "settings");
	for (int s = 0; s < SET__MAX; s++) {
		struct afield f = setting_field((enum setting)s);
		admin_field(rq, page, form, &f, vals ? vals[s] : stored[s], errors ? errors[s] : NULL);
		if (settings_secret((enum setting)s) && stored[s] && *stored[s])
			admin_field(rq, page, form, &secret_clear[s], NULL, NULL);
	}

	struct tobj *mail =
	    admin_form(rq, page, "mail", "mail_test_title", url(rq, "%s/mail-test", RECEIPT), "mail_test_button");
	struct mail_test_rec last;
	if (store_mail_test_last(st, rq->arena, &last) == ERR_OK) {
		const char *when = view_time(rq, last.done_at ? last.done_at : last.requested_at);
		const char *state = T(rq, arena_printf(rq->arena, "mail_test_%s", last.state));
		tobj_str(mail, "hint",
		         arena_printf(rq->arena, "%s %s (%s)%s%s", state, last.to_addr, when, last.result ? ": " : "",
		                      last.result ? last.result : ""));
	} else {
		tobj_str(mail, "hint", T(rq, "mail_test_hint"));
	}
	static const struct afield to = {K_TO, "mail_test_to", AF_EMAIL, 100, true, NULL};
	admin_field(rq, page, mail, &to, mail_to ? mail_to : rq->sess->user.email, mail_err);
	admin_render(rq, rs, page, status);
}

void h_settings_admin(struct req *rq, struct resp *rs)
{
	settings_page(rq, rs, 200, NULL, NULL, NULL, NULL);
}

void h_settings_save(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	const char *const *stored = req_settings(rq);
	const char *vals[SET__MAX], *errors[SET__MAX] = {0};
	char *norm[SET__MAX];
	if (strcmp(req_val(rq, K_FORM)->s, "settings") != 0) {
		page_error(rq, rs, 422, "settings_err_form");
		return;
	}
	bool ok = true;
	for (int s = 0; s < SET__MAX; s++) {
		const struct fval *f = req_val(rq, setting_keys[s]);
		vals[s] = f->s;
		norm[s] = arena_alloc(rq->arena, f->len + 1);
		errors[s] = f->err_key ? f->err_key : settings_check((enum setting)s, f->s, norm[s], f->len + 1);
		ok &= !errors[s];
	}
	if (!ok) {
		settings_page(rq, rs, 422, vals, errors, NULL, NULL);
		return;
	}
	/* a secret: empty keeps it, its checkbox removes it */
	for (int s = 0; s < SET__MAX; s++)
		if (settings_secret((enum setting)s) && !*norm[s] && !req_val(rq, secret_clear[s].key)->present)
			norm[s] = (char *)(stored[s] ? stored[s] : "");
	const char *receipt = url(rq, "%s?done=saved", RECEIPT), *prior = NULL;
	enum err e = store_begin(st);
	if (e == ERR_OK)
		e = admin_claim(rq, st, receipt, &prior);
	for (int s = 0; e == ERR_OK && s < SET__MAX; s++) {
		const char *key = settings_def((enum setting)s)->key, *old = stored[s] ? stored[s] : "";
		if (strcmp(old, norm[s]) == 0)
			continue;
		e = store_setting_put(st, key, norm[s]);
		if (e == ERR_OK)
			e = auth_audit(rq, "setting_set", arena_printf(rq->arena, "setting:%s", key),
			               settings_secret((enum setting)s) ? "(secret)" : norm[s]);
	}
	admin_done(rq, rs, st, e, receipt, prior);
}

void h_mail_test(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	const char *err = NULL;
	const char *to = admin_value(rq, K_TO, true, &err);
	if (!err && !ids_email_ok(to))
		err = "err_email";
	if (err) {
		settings_page(rq, rs, 422, NULL, NULL, to, err);
		return;
	}
	const char *receipt = url(rq, "%s?done=mail", RECEIPT), *prior = NULL;
	enum err e = store_begin(st);
	if (e == ERR_OK)
		e = admin_claim(rq, st, receipt, &prior);
	if (e == ERR_OK)
		e = store_mail_test_add(st, to, rq->sess->user.username, clock_now_iso(rq->arena));
	if (e == ERR_OK)
		e = auth_audit(rq, "mail_test", arena_printf(rq->arena, "mail:%s", to), NULL);
	admin_done(rq, rs, st, e, receipt, prior);
}

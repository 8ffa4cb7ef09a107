/*
 * admin_office.c -- `bianmin admin set|get|unit|mail-test`: the office's
 * settings and units from the command line (issue #11), so a fresh
 * database becomes the office's own without SQL.  Every change writes an
 * audit row as "admin-cli".  The checks are the admin pages' own
 * (domain/settings.c, domain/ids.c, domain/role.c).
 */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "domain/clock.h"
#include "domain/ids.h"
#include "domain/role.h"
#include "domain/settings.h"
#include "sched/mail.h"
#include "sched/sched.h"
#include "store/office.h"
#include "store/settings.h"
#include "store/staff.h"
#include "util/i18n.h"
#include "web/app.h"

static struct store *open_store(const struct cli_opts *o)
{
	char err[512];
	struct store *st = store_open(o->db, err, sizeof err);
	if (!st)
		fprintf(stderr, "bianmin: %s\n", err);
	return st;
}

int cli_load_strings(const struct cli_opts *o)
{
	const char *root = app_find_root(o->root);
	char path[1024], err[512];
	snprintf(path, sizeof path, "%s/templates/strings.tsv", root ? root : ".");
	if (!root || i18n_load(path, err, sizeof err) < 0) {
		fprintf(stderr, "bianmin: cannot read templates/strings.tsv; pass --root DIR\n");
		return 1;
	}
	return 0;
}

/* Runs a change and its audit row in one transaction; 0, or 1 with the store's reason on stderr. */
static int commit_audited(struct store *st, enum err e, const char *action, const char *object, const char *detail)
{
	if (e == ERR_OK)
		e = store_audit(st, 0, "admin-cli", action, object, detail, NULL);
	store_fail(st, e);
	if (store_finish(st) != ERR_OK) {
		fprintf(stderr, "bianmin: %s: %s\n", object, store_errmsg(st));
		return 1;
	}
	return 0;
}

/* ---- set / get ---- */

static void list_keys(FILE *f)
{
	fputs("keys:", f);
	for (int s = 0; s < SET__MAX; s++)
		fprintf(f, " %s", settings_def((enum setting)s)->key);
	fputc('\n', f);
}

int cli_admin_set(const struct cli_opts *o)
{
	if (o->nargs != 3) {
		fprintf(stderr, "usage: bianmin admin set --db FILE KEY VALUE   (VALUE \"\" unsets KEY)\n");
		list_keys(stderr);
		return 2;
	}
	enum setting k = settings_find(o->args[1]);
	if (k == SET__MAX) {
		fprintf(stderr, "bianmin: unknown setting %s\n", o->args[1]);
		list_keys(stderr);
		return 2;
	}
	char norm[SETTING_MAX_CHARS * 4 + 1];
	const char *why = settings_check(k, o->args[2], norm, sizeof norm);
	if (why) {
		if (cli_load_strings(o) == 0)
			fprintf(stderr, "bianmin: %s: %s\n", o->args[1], i18n(LANG_EN, why));
		return 1;
	}
	struct store *st = open_store(o);
	if (!st)
		return 1;
	char object[64];
	snprintf(object, sizeof object, "setting:%s", o->args[1]);
	int rc = commit_audited(st, store_begin(st) == ERR_OK ? store_setting_put(st, o->args[1], norm) : ERR_DB,
	                        "setting_set", object, settings_secret(k) ? "(secret)" : norm);
	store_close(st);
	if (rc == 0)
		printf("%s %s\n", o->args[1], *norm ? "set" : "unset");
	return rc;
}

int cli_admin_get(const struct cli_opts *o)
{
	enum setting only = o->nargs == 2 ? settings_find(o->args[1]) : SET__MAX;
	if (o->nargs > 2 || (o->nargs == 2 && only == SET__MAX)) {
		fprintf(stderr, "usage: bianmin admin get --db FILE [KEY]\n");
		list_keys(stderr);
		return 2;
	}
	struct store *st = open_store(o);
	if (!st)
		return 1;
	struct arena *a = arena_new();
	const char *vals[SET__MAX];
	int rc = 0;
	if (store_settings_load(st, a, vals) != ERR_OK) {
		fprintf(stderr, "bianmin: %s\n", store_errmsg(st));
		rc = 1;
	}
	for (int s = 0; rc == 0 && s < SET__MAX; s++) {
		if (only != SET__MAX && s != (int)only)
			continue;
		const char *v = vals[s] && *vals[s] ? vals[s] : NULL;
		if (v && settings_secret((enum setting)s))
			v = "(set, not shown)";
		if (only != SET__MAX)
			printf("%s\n", v ? v : "");
		else
			printf("%-16s %s\n", settings_def((enum setting)s)->key, v ? v : "(unset)");
	}
	arena_free(a);
	store_close(st);
	return rc;
}

/* ---- units ---- */

int cli_admin_unit(const struct cli_opts *o)
{
	const char *sub = o->nargs > 1 ? o->args[1] : "";
	bool add = strcmp(sub, "add") == 0;
	if (o->nargs != 2 || (!add && strcmp(sub, "list") != 0) || (add && (!o->unit || !o->name))) {
		fprintf(stderr, "usage: bianmin admin unit add --db FILE --unit CODE --name NAME_ZH [--name-en TEXT] "
		                "[--phone TEXT] [--email ADDR]\n"
		                "       bianmin admin unit list --db FILE\n");
		return 2;
	}
	if (add && !ids_code_ok(o->unit)) {
		fprintf(stderr,
		        "bianmin: unit code %s: use 1 to 32 lower-case letters, digits and '-', starting with a "
		        "letter\n",
		        o->unit);
		return 2;
	}
	if (add && ((o->phone && !ids_unit_phone_ok(o->phone)) || (o->email && !ids_email_ok(o->email)))) {
		fprintf(stderr, "bianmin: %s is not a valid %s\n",
		        o->phone && !ids_unit_phone_ok(o->phone) ? o->phone : o->email,
		        o->phone && !ids_unit_phone_ok(o->phone) ? "phone number, like (07)696-2019 #301"
		                                                 : "e-mail address");
		return 2;
	}
	struct store *st = open_store(o);
	if (!st)
		return 1;
	struct arena *a = arena_new();
	int rc = 0;
	if (add) {
		struct unit_rec u = {
		    .code = o->unit, .name = {o->name, o->name_en}, .phone = o->phone, .email = o->email};
		enum err e = store_begin(st);
		if (e == ERR_OK)
			e = store_unit_save(st, &u, true);
		if (e == ERR_CONFLICT) {
			store_fail(st, e);
			store_finish(st);
			fprintf(stderr, "bianmin: a unit with the code %s or the name %s exists already\n", o->unit,
			        o->name);
			rc = 1;
		} else {
			rc = commit_audited(st, e, "unit_add", arena_printf(a, "unit:%s", o->unit), o->name);
			if (rc == 0)
				printf("unit %s (%s) added\n", o->unit, o->name);
		}
	} else {
		struct unit_rec *u;
		size_t n;
		if (store_units(st, a, &u, &n) != ERR_OK) {
			fprintf(stderr, "bianmin: %s\n", store_errmsg(st));
			rc = 1;
		}
		for (size_t i = 0; rc == 0 && i < n; i++)
			printf("%-16s %s  %s  %s\n", u[i].code, u[i].name[LANG_ZH],
			       u[i].name[LANG_EN] ? u[i].name[LANG_EN] : "", u[i].phone ? u[i].phone : "");
	}
	arena_free(a);
	store_close(st);
	return rc;
}

/* ---- accounts: what `admin user add` checks and sets beyond the account itself ---- */

int cli_check_account(struct store *st, const char *role, const char *unit, const char *villages)
{
	enum role r = role_parse(role);
	if (role_needs_unit(r) && !unit) {
		fprintf(stderr,
		        "bianmin: an officer works a unit's queue: give --unit CODE (`bianmin admin unit list`)\n");
		return 1;
	}
	if (villages && r != ROLE_VILLAGE) {
		fprintf(stderr, "bianmin: --villages is for the village role (里幹事)\n");
		return 1;
	}
	if (!unit)
		return 0;
	struct arena *a = arena_new();
	struct unit_rec u;
	enum err e = store_unit(st, a, unit, &u);
	arena_free(a);
	if (e == ERR_NOTFOUND)
		fprintf(stderr,
		        "bianmin: no unit %s; add it first: bianmin admin unit add --db FILE --unit %s --name "
		        "NAME\n",
		        unit, unit);
	else if (e != ERR_OK)
		fprintf(stderr, "bianmin: %s\n", store_errmsg(st));
	return e == ERR_OK ? 0 : 1;
}

int cli_set_villages(struct store *st, const char *username, const char *villages)
{
	struct arena *a = arena_new();
	struct user_rec u;
	enum { MAX_VILLAGES = 64 };
	const char *codes[MAX_VILLAGES + 1];
	size_t n = 0;
	for (char *list = arena_strdup(a, villages ? villages : ""), *save = NULL, *c = strtok_r(list, ",", &save);
	     c && n < MAX_VILLAGES; c = strtok_r(NULL, ",", &save))
		codes[n++] = c;
	codes[n] = NULL;
	enum err e = store_user_by_name(st, a, username, &u);
	if (e == ERR_OK)
		e = store_user_villages_set(st, u.id, codes);
	if (e == ERR_CONFLICT)
		fprintf(stderr, "bianmin: --villages %s: a code names no village\n", villages);
	else if (e != ERR_OK)
		fprintf(stderr, "bianmin: %s\n", store_errmsg(st));
	arena_free(a);
	return e == ERR_OK ? 0 : 1;
}

/* ---- mail-test ---- */

int cli_admin_mail_test(const struct cli_opts *o)
{
	if (o->nargs != 1 || !o->to || !ids_email_ok(o->to)) {
		fprintf(stderr, "usage: bianmin admin mail-test --db FILE --to ADDRESS\n"
		                "Sends one e-mail now with the SMTP settings (smtp_url, smtp_from, smtp_user,\n"
		                "smtp_password) and says what the server answered.\n");
		return 2;
	}
	if (cli_load_strings(o) != 0)
		return 1;
	struct store *st = open_store(o);
	if (!st)
		return 1;
	struct arena *a = arena_new();
	struct mail_server srv;
	const char *vals[SET__MAX];
	int rc = 1;
	if (sched_mail_server(st, a, &srv) != ERR_OK || store_settings_load(st, a, vals) != ERR_OK) {
		fprintf(stderr, "bianmin: %s\n", store_errmsg(st));
	} else if (!mail_configured(&srv)) {
		fprintf(stderr,
		        "bianmin: set smtp_url and smtp_from first: bianmin admin set --db %s smtp_url "
		        "smtp://HOST:25\n",
		        o->db);
	} else {
		const char *subject, *body;
		char err[256];
		sched_mail_test_text(settings_pick(vals, SET_OFFICE_NAME_ZH, false), &subject, &body, a);
		if (mail_send(&srv, o->to, subject, body, err, sizeof err) == ERR_OK) {
			printf("sent a test e-mail to %s through %s\n", o->to, srv.url);
			rc = 0;
		} else {
			fprintf(stderr, "bianmin: sending through %s failed: %s\n", srv.url, err);
		}
		store_audit(st, 0, "admin-cli", "mail_test", arena_printf(a, "mail:%s", o->to), rc ? err : "sent",
		            NULL);
	}
	arena_free(a);
	store_close(st);
	return rc;
}

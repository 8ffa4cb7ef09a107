/*
 * admin.c -- `bianmin admin ...`: create and migrate the database, load the
 * demo data, import FAQ entries, manage staff accounts, back up (with the
 * nightly rotation) and restore, and keep the Open311 partner keys.
 */
#include <dirent.h>
#include <errno.h>
#include <jansson.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "domain/apikey.h"
#include "domain/cal.h"
#include "domain/clock.h"
#include "domain/password.h"
#include "domain/role.h"
#include "domain/rotate.h"
#include "store/calendar.h"
#include "store/catalog.h"
#include "store/deadlines.h"
#include "store/open311.h"
#include "store/search.h"
#include "store/staff.h"
#include "store/store.h"
#include "web/app.h"

static const char admin_usage[] =
    "usage: bianmin admin COMMAND --db FILE [options]\n"
    "\n"
    "  init [--demo]              create or migrate the database; --demo loads the demo data\n"
    "  import-faq FILE.json       load FAQ entries (idempotent by id)\n"
    "  catalog export             write the office's content (settings but the secrets, units,\n"
    "                             villages and their posts, categories, forms' metadata, services\n"
    "                             and their sheets, news, FAQ) as JSON on stdout\n"
    "  catalog import FILE.json   check the whole document, then load it in one transaction;\n"
    "                             docs/catalog-format.md\n"
    "  set KEY VALUE              change one of the office's settings (\"\" unsets it); get lists the keys\n"
    "  get [KEY]                  show the settings (secrets are never shown)\n"
    "  unit add --unit CODE --name NAME_ZH [--name-en TEXT] [--phone TEXT] [--email ADDR] | unit list\n"
    "                             the office's units (課室); the admin page /staff/admin/units edits them\n"
    "  mail-test --to ADDRESS     send one e-mail now with the SMTP settings and show the server's answer\n"
    "  user add --user NAME --role ROLE [--unit CODE] [--name TEXT] [--villages CODE,...]\n"
    "                             add or update a staff account; the password is read from stdin\n"
    "                             (roles: counter, hotline, officer, head, admin, village); an officer needs\n"
    "                             --unit; a village officer (里幹事) keeps --villages; ends the user's sessions\n"
    "  user passwd --user NAME    set a new password, read from stdin; ends every session of the user\n"
    "  user disable --user NAME   refuse the account's sign-ins and end its sessions\n"
    "  user enable --user NAME    allow the account to sign in again\n"
    "  calendar import FILE.csv   import an official office calendar (UTF-8 or Big5, BOM or not)\n"
    "  backup --to FILE [--force] online backup while the portal serves, verified, mode 0600;\n"
    "                             an existing FILE is kept unless --force\n"
    "  backup --dir DIR [--keep-daily 7] [--keep-weekly 4]\n"
    "                             the nightly job: DIR/bianmin-YYYY-MM-DD.db (today's replaced),\n"
    "                             then deletes the dated copies beyond the newest N days and the\n"
    "                             newest copy of each of the newest M weeks\n"
    "  restore --from BACKUP      replace the database by a verified backup, keeping the old one\n"
    "                             as FILE.replaced-TIME; refused while another process has it open\n"
    "  faq-stale [--days 180]     list FAQ entries not reviewed for that many days, per unit\n"
    "  api-key add --name TEXT [--rate N] | api-key list | api-key revoke --name TEXT\n"
    "                             Open311 partner keys: add prints the key once, as its last line\n"
    "\n"
    "`bianmin admin COMMAND --help` shows one command.\n";

/*
 * `admin COMMAND --help`: the lines of admin_usage that describe COMMAND
 * (those starting with it, and their indented continuations), so each
 * command's help is written once.
 */
static int command_help(const char *cmd)
{
	size_t cl = strlen(cmd);
	bool in = false, any = false;
	for (const char *line = admin_usage; *line;) {
		const char *nl = strchr(line, '\n');
		size_t len = nl ? (size_t)(nl - line) + 1 : strlen(line);
		if (strncmp(line, "  ", 2) == 0 && line[2] != ' ')
			in = strncmp(line + 2, cmd, cl) == 0 && (line[2 + cl] == ' ' || line[2 + cl] == '\n');
		else if (strncmp(line, "  ", 2) != 0)
			in = false;
		if (in) {
			if (!any)
				printf("usage: bianmin admin %s --db FILE [options]\n\n", cmd);
			fwrite(line, 1, len, stdout);
			any = true;
		}
		line += len;
	}
	if (!any) {
		fprintf(stderr, "bianmin: unknown admin command %s\n\n%s", cmd, admin_usage);
		return 2;
	}
	return 0;
}

static struct store *open_db(const struct cli_opts *o)
{
	char err[512];
	struct store *st = store_open(o->db, err, sizeof err);
	if (!st)
		fprintf(stderr, "bianmin: %s\n", err);
	return st;
}

/* Imports a FAQ JSON file (the corpus format) in one transaction. */
static int import_faq(struct store *st, const char *path)
{
	json_error_t je;
	json_t *root = json_load_file(path, 0, &je);
	if (!root) {
		fprintf(stderr, "bianmin: %s:%d: %s\n", path, je.line, je.text);
		return 1;
	}
	if (!json_is_array(root)) {
		fprintf(stderr, "bianmin: %s: want a JSON array of entries\n", path);
		json_decref(root);
		return 1;
	}
	store_begin(st);
	size_t i;
	json_t *e;
	int rc = 0;
	json_array_foreach(root, i, e)
	{
		struct faq_import f = {
		    .slug = json_string_value(json_object_get(e, "id")),
		    .unit_zh = json_string_value(json_object_get(e, "unit")),
		    .category_zh = json_string_value(json_object_get(e, "category")),
		    .question_zh = json_string_value(json_object_get(e, "question_zh")),
		    .answer_zh = json_string_value(json_object_get(e, "answer_zh")),
		    .question_en = json_string_value(json_object_get(e, "question_en")),
		    .answer_en = json_string_value(json_object_get(e, "answer_en")),
		    .reviewed_on = json_string_value(json_object_get(e, "reviewed_on")),
		};
		if (!f.slug || !f.unit_zh || !f.category_zh || !f.question_zh || !f.answer_zh || !f.reviewed_on) {
			fprintf(
			    stderr,
			    "bianmin: %s: entry %zu lacks id, unit, category, question_zh, answer_zh or reviewed_on\n",
			    path, i);
			rc = 1;
			break;
		}
		struct buf kw;
		buf_init(&kw);
		size_t k;
		json_t *w;
		json_array_foreach(json_object_get(e, "keywords_zh"), k, w)
		{
			if (!json_is_string(w))
				continue;
			if (kw.len)
				buf_putc(&kw, ' ');
			buf_puts(&kw, json_string_value(w));
		}
		f.keywords_zh = buf_str(&kw);
		char err[256];
		if (store_faq_upsert(st, &f, err, sizeof err) != ERR_OK) {
			fprintf(stderr, "bianmin: %s: %s\n", path, err);
			rc = 1;
		}
		buf_free(&kw);
		if (rc)
			break;
	}
	if (rc)
		store_fail(st, ERR_INVAL);
	if (store_finish(st) == ERR_OK && store_search_tidy(st) == ERR_OK)
		printf("imported %zu FAQ entries from %s\n", json_array_size(root), path);
	else if (!rc) {
		fprintf(stderr, "bianmin: %s: %s\n", path, store_errmsg(st));
		rc = 1;
	}
	json_decref(root);
	return rc;
}

static int import_calendar(struct store *st, const char *path)
{
	char *data, err[256];
	size_t len, rows;
	if (file_read(path, &data, &len) != ERR_OK) {
		fprintf(stderr, "bianmin: %s: cannot read\n", path);
		return 1;
	}
	enum err e = store_calendar_import(st, data, len, &rows, err, sizeof err);
	free(data);
	if (e != ERR_OK) {
		fprintf(stderr, "bianmin: %s: %s\n", path, err);
		return 1;
	}
	/* open deadlines follow the new calendar */
	store_begin(st);
	store_recompute_due(st);
	if (store_finish(st) != ERR_OK) {
		fprintf(stderr, "bianmin: cannot recompute deadlines: %s\n", store_errmsg(st));
		return 1;
	}
	printf("imported %zu days from %s\n", rows, path);
	return 0;
}

/* Hashes a new password into hash (crypto_pwhash_STRBYTES); 0, or 1 with the reason on stderr. */
static int new_password(const char *password, char *hash)
{
	if (strlen(password) < PASSWORD_MIN) {
		fprintf(stderr, "bianmin: the password must have at least %d characters\n", PASSWORD_MIN);
		return 1;
	}
	if (password_hash(password, hash) != 0) {
		fprintf(stderr, "bianmin: cannot hash the password (out of memory?)\n");
		return 1;
	}
	return 0;
}

/* Ends every session of username and writes the audit row, in the caller's transaction. */
static enum err end_sessions_audited(struct store *st, const char *username, const char *action, const char *detail)
{
	struct arena *a = arena_new();
	struct user_rec u;
	enum err e = store_user_by_name(st, a, username, &u);
	if (e == ERR_OK)
		e = store_sessions_end_user(st, u.id);
	if (e == ERR_OK)
		e = store_audit(st, 0, "admin-cli", action, username, detail, NULL);
	arena_free(a);
	return e;
}

static int add_user(struct store *st, const char *username, const char *role, const char *unit, const char *name,
                    const char *villages, const char *password)
{
	char hash[crypto_pwhash_STRBYTES], err[256] = "";
	if (role_parse(role) == ROLE__MAX) {
		fprintf(stderr, "bianmin: unknown role %s (counter, hotline, officer, head, admin, village)\n", role);
		return 1;
	}
	if (cli_check_account(st, role, unit, villages) != 0 || new_password(password, hash) != 0)
		return 1;
	/* updating an account resets its password: sessions signed in with the old one end */
	store_begin(st);
	store_user_upsert(st, username, name ? name : username, role_parse(role), unit, "", hash, err, sizeof err);
	store_fail(st, end_sessions_audited(st, username, "user_add", role));
	if (role_parse(role) == ROLE_VILLAGE && cli_set_villages(st, username, villages) != 0)
		store_fail(st, ERR_INVAL);
	if (store_finish(st) != ERR_OK) {
		fprintf(stderr, "bianmin: cannot save user %s: %s\n", username, err[0] ? err : store_errmsg(st));
		return 1;
	}
	printf("user %s (%s) saved\n", username, role);
	return 0;
}

/* user passwd / disable / enable: one change to an existing account; every change ends its sessions. */
static int change_user(struct store *st, const char *username, const char *what, const char *password)
{
	char hash[crypto_pwhash_STRBYTES], action[32];
	if (password && new_password(password, hash) != 0)
		return 1;
	snprintf(action, sizeof action, "user_%s", what);
	struct arena *a = arena_new();
	struct user_rec u;
	enum err e = store_user_by_name(st, a, username, &u);
	arena_free(a);
	if (e == ERR_NOTFOUND) {
		fprintf(stderr, "bianmin: no user %s\n", username);
		return 1;
	}
	if (e == ERR_OK) {
		store_begin(st);
		if (password)
			store_user_set_password(st, u.id, hash);
		else
			store_user_set_active(st, u.id, strcmp(what, "enable") == 0);
		store_fail(st, end_sessions_audited(st, username, action, NULL));
		e = store_finish(st);
	}
	if (e != ERR_OK) {
		fprintf(stderr, "bianmin: cannot change user %s: %s\n", username, store_errmsg(st));
		return 1;
	}
	printf("user %s: %s done; their sessions are ended\n", username, what);
	return 0;
}

/* Demo staff, one per role, with a password printed here and in the README. */
static int demo_users(struct store *st)
{
	static const struct {
		const char *user, *role, *unit, *name, *villages;
	} users[] = {
	    {"counter1", "counter", NULL, "林櫃台", NULL},
	    {"hotline1", "hotline", NULL, "陳話務", NULL},
	    {"officer1", "officer", "social", "王承辦", NULL},
	    {"head1", "head", "social", "張課長", NULL},
	    {"secretary1", "head", "secretariat", "李主任秘書", NULL},
	    {"admin1", "admin", NULL, "系統管理員", NULL},
	    {"village1", "village", NULL, "黃里幹事", "zhuhu,dingliao"},
	};
	for (size_t i = 0; i < sizeof users / sizeof users[0]; i++)
		if (add_user(st, users[i].user, users[i].role, users[i].unit, users[i].name, users[i].villages,
		             "demo-password") != 0)
			return 1;
	printf("demo staff accounts use the password demo-password\n");
	return 0;
}

static int load_demo(struct store *st, const char *root)
{
	struct arena *a = arena_new();
	const char *have = store_setting(st, a, "demo");
	bool loaded = have && strcmp(have, "1") == 0;
	arena_free(a);
	if (loaded) {
		printf("demo data already loaded\n");
		return 0;
	}
	char path[1024], err[512], *sql;
	size_t len;
	snprintf(path, sizeof path, "%s/sql/demo/office.json", root);
	if (catalog_import(st, path) != 0)
		return 1;
	/* what the catalog document does not hold: the Open311 services, the events */
	static const char *const scripts[] = {"open311", "events"};
	for (size_t i = 0; i < sizeof scripts / sizeof scripts[0]; i++) {
		snprintf(path, sizeof path, "%s/sql/demo/%s.sql", root, scripts[i]);
		if (file_read(path, &sql, &len) != ERR_OK) {
			fprintf(stderr, "bianmin: %s: cannot read\n", path);
			return 1;
		}
		enum err e = store_exec_script(st, sql, err, sizeof err);
		free(sql);
		if (e != ERR_OK) {
			fprintf(stderr, "bianmin: %s: %s\n", path, err);
			return 1;
		}
	}
	static const char *const years[] = {"2025", "2026"};
	for (size_t i = 0; i < sizeof years / sizeof years[0]; i++) {
		snprintf(path, sizeof path, "%s/sql/calendar/%s.csv", root, years[i]);
		if (import_calendar(st, path) != 0)
			return 1;
	}
	if (demo_users(st) != 0)
		return 1;
	if (store_set_setting(st, "demo", "1") != ERR_OK)
		return 1;
	printf("demo data loaded\n");
	return 0;
}

/*
 * The query codes' key beside the database: made with a new database (or
 * one from before the key, whose codes are all argon2id); a missing key
 * with codes issued under it is a loss to repair, never to paper over.
 */
static enum err init_key(struct store *st, const char *db, char *err, size_t errsz)
{
	if (store_key_exists(db)) {
		unsigned char key[STORE_KEY_BYTES];
		return store_key_load(db, key, err, errsz);
	}
	long issued = store_keyed_codes(st);
	if (issued != 0) {
		snprintf(err, errsz,
		         "%s.key is missing, and %ld query codes were issued under it: restore it from your copy "
		         "(docs/operations.md, \"Backups\"); a new key would make every one of them fail",
		         db, issued);
		return ERR_IO;
	}
	return store_key_create(db, err, errsz);
}

static int cmd_init(const struct cli_opts *o)
{
	const char *root = app_find_root(o->root);
	if (!root) {
		fprintf(stderr, "bianmin: cannot find sql/; pass --root DIR\n");
		return 1;
	}
	char err[512];
	/* the one command that may create the database */
	struct store *st = store_create(o->db, err, sizeof err);
	if (!st) {
		fprintf(stderr, "bianmin: %s\n", err);
		return 1;
	}
	int rc = 0;
	if (store_migrate(st, root, err, sizeof err) != ERR_OK || init_key(st, o->db, err, sizeof err) != ERR_OK) {
		fprintf(stderr, "bianmin: %s\n", err);
		rc = 1;
	} else {
		printf("%s: schema version %d\n", o->db, store_version(st));
		if (o->demo)
			rc = load_demo(st, root);
		if (rc == 0 && store_search_tidy(st) != ERR_OK) {
			fprintf(stderr, "bianmin: search index: %s\n", store_errmsg(st));
			rc = 1;
		}
	}
	store_close(st);
	return rc;
}

/* ---- backup and restore ---- */

/* "bianmin-YYYY-MM-DD.db": the nightly job's own files, the only ones it ever deletes. */
static bool dated_backup(const char *name, int32_t *day)
{
	char iso[CAL_ISO_SIZE];
	if (strlen(name) != 21 || strncmp(name, "bianmin-", 8) != 0 || strcmp(name + 18, ".db") != 0)
		return false;
	memcpy(iso, name + 8, 10);
	iso[10] = '\0';
	return cal_parse_iso(iso, day);
}

/* Deletes the dated backups in dir that the rotation does not keep. */
static int prune(const char *dir, long keep_daily, long keep_weekly)
{
	enum { MAX_BACKUPS = 4096 };
	DIR *d = opendir(dir);
	if (!d) {
		fprintf(stderr, "bianmin: %s: %m\n", dir);
		return 1;
	}
	static int32_t days[MAX_BACKUPS];
	static bool keep[MAX_BACKUPS];
	size_t n = 0;
	struct dirent *de;
	while ((de = readdir(d)) && n < MAX_BACKUPS)
		if (dated_backup(de->d_name, &days[n]))
			n++;
	closedir(d);
	rotate_keep(days, n, keep_daily, keep_weekly, keep);
	int rc = 0;
	size_t kept = 0;
	for (size_t i = 0; i < n; i++) {
		char path[4096], iso[CAL_ISO_SIZE];
		if (keep[i]) {
			kept++;
			continue;
		}
		snprintf(path, sizeof path, "%s/bianmin-%s.db", dir, cal_format_iso(days[i], iso));
		if (unlink(path) != 0) {
			fprintf(stderr, "bianmin: %s: %m\n", path);
			rc = 1;
		} else {
			printf("removed %s\n", path);
		}
	}
	printf("%zu backups kept in %s\n", kept, dir);
	return rc;
}

static int cmd_backup(const struct cli_opts *o)
{
	long daily = o->keep_daily >= 0 ? o->keep_daily : 7, weekly = o->keep_weekly >= 0 ? o->keep_weekly : 4;
	if (!o->to == !o->dir || o->nargs != 1 || (o->to && (o->keep_daily >= 0 || o->keep_weekly >= 0))) {
		fprintf(stderr, "usage: bianmin admin backup --db FILE --to FILE [--force]\n"
		                "       bianmin admin backup --db FILE --dir DIR [--keep-daily 7] [--keep-weekly 4]\n");
		return 2;
	}
	if (daily < 1) {
		fprintf(stderr, "bianmin: --keep-daily must keep at least the backup just made (1)\n");
		return 2;
	}
	char path[4096], iso[CAL_ISO_SIZE], err[512];
	if (o->dir)
		snprintf(path, sizeof path, "%s/bianmin-%s.db", o->dir,
		         cal_format_iso(clock_office_day(clock_now()), iso));
	else
		snprintf(path, sizeof path, "%s", o->to);
	struct store *st = open_db(o);
	if (!st)
		return 1;
	/* the nightly job replaces its own copy of the day when run twice */
	enum err e = store_backup(st, path, o->force || o->dir, err, sizeof err);
	store_close(st);
	if (e != ERR_OK) {
		fprintf(stderr, "bianmin: %s\n", err);
		return 1;
	}
	printf("backed up %s to %s (integrity ok)\n", o->db, path);
	return o->dir ? prune(o->dir, daily, weekly) : 0;
}

static int cmd_restore(const struct cli_opts *o)
{
	if (!o->from || o->nargs != 1) {
		fprintf(stderr, "usage: bianmin admin restore --db FILE --from BACKUP\n");
		return 2;
	}
	const char *root = app_find_root(o->root);
	if (!root) {
		fprintf(stderr, "bianmin: cannot find sql/; pass --root DIR\n");
		return 1;
	}
	char kept[4200], err[4400];
	if (store_restore(o->db, o->from, root, kept, sizeof kept, err, sizeof err) != ERR_OK) {
		fprintf(stderr, "bianmin: %s\n", err);
		return 1;
	}
	if (kept[0])
		printf("the replaced database is kept as %s\n", kept);
	printf("restored %s from %s (integrity ok); run `bianmin admin init --db %s` if the backup is of an older "
	       "version, then start the portal\n",
	       o->db, o->from, o->db);
	return 0;
}

/* ---- faq-stale (issue #5): FAQ entries due for review ---- */

static int cmd_faq_stale(const struct cli_opts *o)
{
	long days = o->days >= 0 ? o->days : FAQ_REVIEW_DAYS;
	if (o->nargs != 1) {
		fprintf(stderr, "usage: bianmin admin faq-stale --db FILE [--days 180]\n");
		return 2;
	}
	struct store *st = open_db(o);
	if (!st)
		return 1;
	int32_t today = clock_office_day(clock_now());
	char before[CAL_ISO_SIZE];
	cal_format_iso(today - (int32_t)days, before);
	struct arena *a = arena_new();
	struct faq_rec *f, *all;
	size_t n, total;
	int rc = 0;
	if (store_faq_stale(st, a, before, &f, &n) != ERR_OK || store_faqs(st, a, NULL, NULL, &all, &total) != ERR_OK) {
		fprintf(stderr, "bianmin: %s\n", store_errmsg(st));
		rc = 1;
	} else {
		printf("FAQ entries not reviewed for %ld days (reviewed before %s), by unit:\n", days, before);
		for (size_t i = 0; i < n; i++) {
			if (i == 0 || strcmp(f[i].unit.code, f[i - 1].unit.code) != 0) {
				size_t k = i;
				while (k < n && strcmp(f[k].unit.code, f[i].unit.code) == 0)
					k++;
				printf("\n%s (%s): %zu\n", f[i].unit.name[LANG_ZH], f[i].unit.code, k - i);
			}
			int32_t d;
			long age = cal_parse_iso(f[i].reviewed_on, &d) ? (long)(today - d) : -1;
			printf("  %s  %4ld days  %-32s %s\n", f[i].reviewed_on, age, f[i].slug, f[i].question[LANG_ZH]);
		}
		printf("\n%zu of %zu entries due for review\n", n, total);
	}
	arena_free(a);
	store_close(st);
	return rc;
}

/* ---- api-key (issue #13): partner keys of the Open311 API ---- */

/*
 * api-key add --name TEXT [--rate N] | list | revoke --name TEXT, with
 * --db FILE.  Its own options, parsed here: the key is printed once, as
 * the last line of add's output, and only its hash is stored.
 */
static int cmd_api_key(const struct cli_opts *o)
{
	const char *sub = o->nargs > 1 ? o->args[1] : "", *name = o->name;
	long rate = o->rate > 0 ? o->rate : APIKEY_RATE_DEFAULT;
	bool needs_name = strcmp(sub, "add") == 0 || strcmp(sub, "revoke") == 0;
	if (o->nargs != 2 || (!needs_name && strcmp(sub, "list") != 0) ||
	    (needs_name && (!name || !*name || strlen(name) > APIKEY_NAME_MAX)) || rate > APIKEY_RATE_MAX) {
		fprintf(stderr, "usage: bianmin admin api-key add --db FILE --name TEXT [--rate N]\n"
		                "       bianmin admin api-key list --db FILE\n"
		                "       bianmin admin api-key revoke --db FILE --name TEXT\n");
		return 2;
	}
	struct store *st = open_db(o);
	if (!st)
		return 1;
	struct arena *a = arena_new();
	const char *now = clock_now_iso(a);
	int rc = 0;
	enum err e = ERR_OK;
	if (strcmp(sub, "add") == 0) {
		char key[APIKEY_SIZE], hash[APIKEY_SIZE];
		apikey_new(key);
		apikey_hash(key, hash);
		e = store_apikey_add(st, name, hash, (int)rate, now);
		if (e == ERR_CONFLICT) {
			fprintf(stderr, "bianmin: an API key named %s exists already\n", name);
			rc = 1;
		} else if (e == ERR_OK) {
			printf("API key for %s (%ld requests a minute); it is shown only now, keep it safe:\n%s\n",
			       name, rate, key);
		}
		sodium_memzero(key, sizeof key);
	} else if (strcmp(sub, "revoke") == 0) {
		e = store_apikey_revoke(st, name, now);
		if (e == ERR_NOTFOUND) {
			fprintf(stderr, "bianmin: no API key in use named %s\n", name);
			rc = 1;
		} else if (e == ERR_OK) {
			printf("revoked the API key of %s\n", name);
		}
	} else {
		struct apikey_rec *k;
		size_t n;
		e = store_apikeys(st, a, &k, &n);
		for (size_t i = 0; e == ERR_OK && i < n; i++)
			printf("%-32s %5d/min  created %s  %s%s\n", k[i].name, k[i].rate_per_min, k[i].created_at,
			       k[i].revoked_at ? "revoked " : "in use", k[i].revoked_at ? k[i].revoked_at : "");
	}
	if (e != ERR_OK && !rc) {
		fprintf(stderr, "bianmin: %s\n", store_errmsg(st));
		rc = 1;
	}
	arena_free(a);
	store_close(st);
	return rc;
}

/* catalog export | catalog import FILE.json */
static int cmd_catalog(const struct cli_opts *o)
{
	const char *sub = o->nargs > 1 ? o->args[1] : "";
	bool exp = strcmp(sub, "export") == 0 && o->nargs == 2, imp = strcmp(sub, "import") == 0 && o->nargs == 3;
	if (!exp && !imp) {
		fprintf(stderr, "usage: bianmin admin catalog export --db FILE > FILE.json\n"
		                "       bianmin admin catalog import --db FILE FILE.json\n");
		return 2;
	}
	if (imp && cli_load_strings(o) != 0) /* the settings' checks speak English */
		return 1;
	struct store *st = open_db(o);
	if (!st)
		return 1;
	int rc = exp ? catalog_export(st, stdout) : catalog_import(st, o->args[2]);
	store_close(st);
	return rc;
}

/* user add|passwd|disable|enable; add and passwd read the password from stdin. */
static int cmd_user(const struct cli_opts *o, const char *sub)
{
	bool add = strcmp(sub, "add") == 0, passwd = strcmp(sub, "passwd") == 0;
	if (!add && !passwd && strcmp(sub, "disable") != 0 && strcmp(sub, "enable") != 0) {
		fprintf(stderr, "bianmin: unknown admin command user %s\n\n%s", sub, admin_usage);
		return 2;
	}
	if (!o->user || (add && !o->role)) {
		fprintf(stderr,
		        add ? "usage: bianmin admin user add --db FILE --user NAME --role ROLE [--unit CODE] "
		              "[--name TEXT] < password\n"
		            : "usage: bianmin admin user %s --db FILE --user NAME%s\n",
		        sub, passwd ? " < password" : "");
		return 2;
	}
	char pw[256] = "";
	if ((add || passwd) && !fgets(pw, sizeof pw, stdin)) {
		fprintf(stderr, "bianmin: give the password on stdin\n");
		return 2;
	}
	pw[strcspn(pw, "\r\n")] = '\0';
	struct store *st = open_db(o);
	int rc = 1;
	if (st)
		rc = add ? add_user(st, o->user, o->role, o->unit, o->name, o->villages, pw)
		         : change_user(st, o->user, sub, passwd ? pw : NULL);
	sodium_memzero(pw, sizeof pw);
	store_close(st);
	return rc;
}

int cli_admin(int argc, char **argv)
{
	struct cli_opts o = {0};
	if (cli_parse(argc, argv, &o) < 0)
		return 2;
	const char *cmd = o.nargs ? o.args[0] : NULL;
	if (o.help && cmd)
		return command_help(cmd);
	if (o.help || !cmd) {
		fputs(admin_usage, o.help ? stdout : stderr);
		return o.help ? 0 : 2;
	}
	if (!o.db) {
		fprintf(stderr, "bianmin: admin %s needs --db FILE\n", cmd);
		return 2;
	}
	if (strcmp(cmd, "init") == 0)
		return cmd_init(&o);
	if (strcmp(cmd, "faq-stale") == 0)
		return cmd_faq_stale(&o);
	if (strcmp(cmd, "api-key") == 0)
		return cmd_api_key(&o);
	if (strcmp(cmd, "set") == 0)
		return cli_admin_set(&o);
	if (strcmp(cmd, "get") == 0)
		return cli_admin_get(&o);
	if (strcmp(cmd, "unit") == 0)
		return cli_admin_unit(&o);
	if (strcmp(cmd, "mail-test") == 0)
		return cli_admin_mail_test(&o);
	if (strcmp(cmd, "import-faq") == 0) {
		if (o.nargs != 2) {
			fprintf(stderr, "usage: bianmin admin import-faq --db FILE FILE.json\n");
			return 2;
		}
		struct store *st = open_db(&o);
		if (!st)
			return 1;
		int rc = import_faq(st, o.args[1]);
		store_close(st);
		return rc;
	}
	if (strcmp(cmd, "catalog") == 0)
		return cmd_catalog(&o);
	if (strcmp(cmd, "backup") == 0)
		return cmd_backup(&o);
	if (strcmp(cmd, "restore") == 0)
		return cmd_restore(&o);
	if (strcmp(cmd, "calendar") == 0 && o.nargs == 3 && strcmp(o.args[1], "import") == 0) {
		struct store *st = open_db(&o);
		if (!st)
			return 1;
		int rc = import_calendar(st, o.args[2]);
		store_close(st);
		return rc;
	}
	if (strcmp(cmd, "user") == 0 && o.nargs == 2)
		return cmd_user(&o, o.args[1]);
	fprintf(stderr, "bianmin: unknown admin command %s\n\n%s", cmd, admin_usage);
	return 2;
}

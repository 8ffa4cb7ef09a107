/*
 * admin.c -- `bianmin admin ...`: create and migrate the database, load the
 * demo data, import FAQ entries.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app.h"
#include "cli/cli.h"
#include "store/catalog.h"
#include "store/store.h"

static const char admin_usage[] =
	"usage: bianmin admin COMMAND --db FILE [options]\n"
	"\n"
	"  init [--demo]              create or migrate the database; --demo loads the demo data\n"
	"  import-faq FILE.json       load FAQ entries (idempotent by id)\n";

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
	if (store_begin(st) != ERR_OK) {
		json_decref(root);
		fprintf(stderr, "bianmin: cannot start a transaction: %s\n", store_errmsg(st));
		return 1;
	}
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
			fprintf(stderr, "bianmin: %s: entry %zu lacks id, unit, category, question_zh, answer_zh or reviewed_on\n",
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
	if (rc == 0 && store_commit(st) == ERR_OK)
		printf("imported %zu FAQ entries from %s\n", json_array_size(root), path);
	else {
		store_rollback(st);
		rc = 1;
	}
	json_decref(root);
	return rc;
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
	snprintf(path, sizeof path, "%s/sql/demo/catalog.sql", root);
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
	snprintf(path, sizeof path, "%s/sql/demo/faq.json", root);
	if (import_faq(st, path) != 0)
		return 1;
	if (store_set_setting(st, "demo", "1") != ERR_OK)
		return 1;
	printf("demo data loaded\n");
	return 0;
}

static int cmd_init(const struct cli_opts *o)
{
	const char *root = app_find_root(o->root);
	if (!root) {
		fprintf(stderr, "bianmin: cannot find sql/; pass --root DIR\n");
		return 1;
	}
	struct store *st = open_db(o);
	if (!st)
		return 1;
	char err[512];
	int rc = 0;
	if (store_migrate(st, root, err, sizeof err) != ERR_OK) {
		fprintf(stderr, "bianmin: %s\n", err);
		rc = 1;
	} else {
		printf("%s: schema version %d\n", o->db, store_version(st));
		if (o->demo)
			rc = load_demo(st, root);
	}
	store_close(st);
	return rc;
}

int cli_admin(int argc, char **argv)
{
	struct cli_opts o = {0};
	if (cli_parse(argc, argv, &o) < 0)
		return 2;
	const char *cmd = o.nargs ? o.args[0] : NULL;
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
	fprintf(stderr, "bianmin: unknown admin command %s\n\n%s", cmd, admin_usage);
	return 2;
}

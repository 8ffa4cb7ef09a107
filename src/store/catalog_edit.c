/*
 * catalog_edit.c -- SQL for the staff's catalog pages (see catalog_edit.h).
 * Triggers bump content_gen on every change (migrations 001 and 015), so
 * public pages show an edit at once.
 */
#include <string.h>

#include "store/catalog_edit.h"
#include "store/internal.h"

static void pair(sqlite3_stmt *s, int i, struct arena *a, const char *out[LANG__MAX])
{
	out[LANG_ZH] = col_str(s, i, a);
	out[LANG_EN] = col_str(s, i + 1, a);
}

/* ---- services ---- */

#define SVC_ADMIN_SELECT                                                                                               \
	"SELECT s.id, s.code, s.unit, s.name_zh, s.name_en, s.published, s.reviewed_on, s.updated_by, s.updated_at, "  \
	"s.rev FROM services s JOIN units u ON u.code = s.unit "

static void svc_row(sqlite3_stmt *s, struct arena *a, void *item)
{
	struct service_admin_rec *r = item;
	r->id = sqlite3_column_int64(s, 0);
	r->code = col_str(s, 1, a);
	r->unit = col_str(s, 2, a);
	pair(s, 3, a, r->name);
	r->published = sqlite3_column_int(s, 5) != 0;
	r->reviewed_on = col_str(s, 6, a);
	r->updated_by = col_str(s, 7, a);
	r->updated_at = col_str(s, 8, a);
	r->rev = sqlite3_column_int64(s, 9);
}

enum err store_services_admin(struct store *st, struct arena *a, const char *unit, struct service_admin_rec **out,
                              size_t *n)
{
	static const char sql[] = SVC_ADMIN_SELECT "WHERE ?1 IS NULL OR s.unit = ?1 ORDER BY u.sort, s.sort, s.code";
	sqlite3_stmt *s = stmt_get(st, sql);
	if (s)
		bind_str(s, 1, unit);
	return STMT_LIST(st, s, a, out, n, svc_row);
}

enum err store_services_stale(struct store *st, struct arena *a, const char *before, struct service_admin_rec **out,
                              size_t *n)
{
	static const char sql[] = SVC_ADMIN_SELECT "WHERE s.reviewed_on < ?1 AND s.published = 1 "
	                                           "ORDER BY u.sort, s.reviewed_on, s.code";
	sqlite3_stmt *s = stmt_get(st, sql);
	if (s)
		bind_str(s, 1, before);
	return STMT_LIST(st, s, a, out, n, svc_row);
}

/* ERR_NOTFOUND when the last statement changed nothing. */
static enum err changed(struct store *st, enum err e)
{
	return e == ERR_OK && sqlite3_changes(st->db) == 0 ? tx_note(st, ERR_NOTFOUND) : e;
}

enum err store_service_publish(struct store *st, const char *code, bool published, const char *by, const char *at)
{
	static const char sql[] =
	    "UPDATE services SET published = ?2, updated_by = ?3, updated_at = ?4 WHERE code = ?1";
	sqlite3_stmt *s = stmt_get(st, sql);
	if (!s)
		return ERR_DB;
	bind_str(s, 1, code);
	sqlite3_bind_int(s, 2, published);
	bind_str(s, 3, by);
	bind_str(s, 4, at);
	return changed(st, stmt_done(st, s));
}

static void version_row(sqlite3_stmt *s, struct arena *a, void *item)
{
	struct service_version_rec *v = item;
	v->rev = sqlite3_column_int64(s, 0);
	v->saved_by = col_str(s, 1, a);
	v->saved_at = col_str(s, 2, a);
	v->note = col_str(s, 3, a);
	v->sheet = col_str(s, 4, a);
}

enum err store_service_versions(struct store *st, struct arena *a, const char *code, struct service_version_rec **out,
                                size_t *n)
{
	static const char sql[] = "SELECT v.rev, v.saved_by, v.saved_at, v.note, NULL FROM service_versions v "
	                          "JOIN services s ON s.id = v.service_id WHERE s.code = ?1 ORDER BY v.rev DESC";
	sqlite3_stmt *s = stmt_get(st, sql);
	if (s)
		bind_str(s, 1, code);
	return STMT_LIST(st, s, a, out, n, version_row);
}

enum err store_service_version(struct store *st, struct arena *a, const char *code, long long rev,
                               struct service_version_rec *out)
{
	static const char sql[] = "SELECT v.rev, v.saved_by, v.saved_at, v.note, v.sheet FROM service_versions v "
	                          "JOIN services s ON s.id = v.service_id WHERE s.code = ?1 AND v.rev = ?2";
	sqlite3_stmt *s = stmt_get(st, sql);
	if (!s)
		return ERR_DB;
	bind_str(s, 1, code);
	sqlite3_bind_int64(s, 2, rev);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		version_row(s, a, out);
	sqlite3_reset(s);
	return row_err(rc);
}

/* ---- forms ---- */

#define FORM_SELECT                                                                                                    \
	"SELECT f.id, f.code, f.unit, u.name_zh, u.name_en, f.title_zh, f.title_en, f.type, f.size, f.sha256, "        \
	"f.data IS NOT NULL, f.updated_by, f.updated_at FROM forms f JOIN units u ON u.code = f.unit "

static void form_row(sqlite3_stmt *s, struct arena *a, void *item)
{
	struct form_rec *f = item;
	f->id = sqlite3_column_int64(s, 0);
	f->code = col_str(s, 1, a);
	f->unit = col_str(s, 2, a);
	pair(s, 3, a, f->unit_name);
	pair(s, 5, a, f->title);
	f->type = col_str(s, 7, a);
	f->size = sqlite3_column_int64(s, 8);
	f->sha256 = col_str(s, 9, a);
	f->has_file = sqlite3_column_int(s, 10) != 0;
	f->updated_by = col_str(s, 11, a);
	f->updated_at = col_str(s, 12, a);
}

enum err store_forms(struct store *st, struct arena *a, const char *unit, struct form_rec **out, size_t *n)
{
	static const char sql[] = FORM_SELECT "WHERE ?1 IS NULL OR f.unit = ?1 ORDER BY u.sort, f.code";
	sqlite3_stmt *s = stmt_get(st, sql);
	if (s)
		bind_str(s, 1, unit);
	return STMT_LIST(st, s, a, out, n, form_row);
}

enum err store_form(struct store *st, struct arena *a, const char *code, struct form_rec *out)
{
	static const char sql[] = FORM_SELECT "WHERE f.code = ?1";
	return stmt_one_by(st, a, sql, code, out, form_row);
}

enum err store_form_file(struct store *st, struct arena *a, const char *code, const void **data, size_t *len)
{
	static const char sql[] = "SELECT data FROM forms WHERE code = ?1 AND data IS NOT NULL";
	sqlite3_stmt *s = stmt_get(st, sql);
	if (!s)
		return ERR_DB;
	bind_str(s, 1, code);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*len = (size_t)sqlite3_column_bytes(s, 0);
		void *copy = arena_alloc(a, *len ? *len : 1);
		if (*len)
			memcpy(copy, sqlite3_column_blob(s, 0), *len);
		*data = copy;
	}
	sqlite3_reset(s);
	return row_err(rc);
}

/* Binds a form_save to the columns ?1..?10 both statements share. */
static void bind_form(sqlite3_stmt *s, const struct form_save *f)
{
	bind_str(s, 1, f->code);
	bind_str(s, 2, f->unit);
	bind_str(s, 3, f->title[LANG_ZH]);
	bind_opt(s, 4, f->title[LANG_EN]);
	bind_str(s, 5, f->type);
	sqlite3_bind_int64(s, 6, (long long)f->len);
	bind_str(s, 7, f->sha256);
	if (f->data)
		sqlite3_bind_blob(s, 8, f->data, (int)f->len, SQLITE_STATIC);
	bind_str(s, 9, f->by);
	bind_str(s, 10, f->at);
}

enum err store_form_create(struct store *st, const struct form_save *f)
{
	static const char sql[] = "INSERT INTO forms (code, unit, title_zh, title_en, type, size, sha256, data, "
	                          "updated_by, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";
	sqlite3_stmt *s = stmt_get(st, sql);
	if (!s)
		return ERR_DB;
	bind_form(s, f);
	return stmt_done(st, s);
}

enum err store_form_update(struct store *st, const struct form_save *f)
{
	/* without a new file (?8 NULL) the type, size, checksum and file stay */
	static const char sql[] =
	    "UPDATE forms SET unit = ?2, title_zh = ?3, title_en = ?4, type = CASE WHEN ?8 IS NULL THEN type ELSE ?5 "
	    "END, size = CASE WHEN ?8 IS NULL THEN size ELSE ?6 END, sha256 = CASE WHEN ?8 IS NULL THEN sha256 ELSE ?7 "
	    "END, data = coalesce(?8, data), updated_by = ?9, updated_at = ?10 WHERE code = ?1";
	sqlite3_stmt *s = stmt_get(st, sql);
	if (!s)
		return ERR_DB;
	bind_form(s, f);
	return changed(st, stmt_done(st, s));
}

enum err store_form_delete(struct store *st, const char *code)
{
	static const char sql[] = "DELETE FROM forms WHERE code = ?1";
	sqlite3_stmt *s = stmt_get(st, sql);
	if (!s)
		return ERR_DB;
	bind_str(s, 1, code);
	return changed(st, stmt_done(st, s)); /* a sheet naming it: the foreign key refuses, ERR_CONFLICT */
}

/* ---- news ---- */

#define NEWS_ADMIN_SELECT                                                                                              \
	"SELECT id, unit, status, pinned, title_zh, title_en, body_zh, body_en, published_at, expires_at, updated_by " \
	"FROM news "

static void news_row(sqlite3_stmt *s, struct arena *a, void *item)
{
	struct news_admin_rec *r = item;
	r->id = sqlite3_column_int64(s, 0);
	r->unit = col_str(s, 1, a);
	r->status = col_str(s, 2, a);
	r->pinned = sqlite3_column_int(s, 3) != 0;
	pair(s, 4, a, r->title);
	pair(s, 6, a, r->body);
	r->published_at = col_str(s, 8, a);
	r->expires_at = col_str(s, 9, a);
	r->updated_by = col_str(s, 10, a);
}

enum err store_news_admin(struct store *st, struct arena *a, const char *unit, struct news_admin_rec **out, size_t *n)
{
	static const char sql[] = NEWS_ADMIN_SELECT "WHERE ?1 IS NULL OR unit = ?1 ORDER BY published_at DESC, id DESC";
	sqlite3_stmt *s = stmt_get(st, sql);
	if (s)
		bind_str(s, 1, unit);
	return STMT_LIST(st, s, a, out, n, news_row);
}

enum err store_news_admin_item(struct store *st, struct arena *a, long long id, struct news_admin_rec *out)
{
	static const char sql[] = NEWS_ADMIN_SELECT "WHERE id = ?1";
	return stmt_one_by_id(st, a, sql, id, out, news_row);
}

enum err store_news_delete(struct store *st, long long id)
{
	static const char sql[] = "DELETE FROM news WHERE id = ?1";
	sqlite3_stmt *s = stmt_get(st, sql);
	if (!s)
		return ERR_DB;
	sqlite3_bind_int64(s, 1, id);
	return changed(st, stmt_done(st, s));
}

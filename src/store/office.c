/*
 * office.c -- SQL for units, villages, categories and admin form tokens
 * (see office.h).
 */
#include "store/office.h"

#include <string.h>

#include "store/internal.h"

/* ---- units ---- */

enum err store_unit(struct store *st, struct arena *a, const char *code, struct unit_rec *out)
{
	struct unit_rec *all;
	size_t n;
	enum err e = store_units(st, a, &all, &n);
	for (size_t i = 0; e == ERR_OK && i < n; i++)
		if (strcmp(all[i].code, code) == 0) {
			*out = all[i];
			return ERR_OK;
		}
	return e == ERR_OK ? ERR_NOTFOUND : e;
}

enum err store_unit_save(struct store *st, const struct unit_rec *u, bool is_new)
{
	static const char insert[] =
	    "INSERT INTO units (code, name_zh, name_en, duties_zh, duties_en, location_zh, location_en, phone, email, "
	    "sort) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, (SELECT coalesce(max(sort), 0) + 1 FROM units))";
	static const char update[] = "UPDATE units SET name_zh = ?2, name_en = ?3, duties_zh = ?4, duties_en = ?5, "
	                             "location_zh = ?6, location_en = ?7, phone = ?8, email = ?9 WHERE code = ?1";
	sqlite3_stmt *s = stmt_get(st, is_new ? insert : update);
	if (!s)
		return ERR_DB;
	bind_str(s, 1, u->code);
	bind_str(s, 2, u->name[LANG_ZH]);
	bind_str(s, 3, u->name[LANG_EN] ? u->name[LANG_EN] : "");
	bind_str(s, 4, u->duties[LANG_ZH] ? u->duties[LANG_ZH] : "");
	bind_opt(s, 5, u->duties[LANG_EN]);
	bind_str(s, 6, u->location[LANG_ZH] ? u->location[LANG_ZH] : "");
	bind_opt(s, 7, u->location[LANG_EN]);
	bind_str(s, 8, u->phone ? u->phone : "");
	bind_opt(s, 9, u->email);
	enum err e = stmt_done(st, s);
	if (e == ERR_OK && !is_new && sqlite3_changes(st->db) == 0)
		return ERR_NOTFOUND;
	return e;
}

/* ---- villages ---- */

#define VILLAGE_COLS                                                                                                   \
	"code, name_zh, name_en, chief_name, chief_phone, officer_name, officer_phone, office_zh, office_en, "         \
	"hours_zh, hours_en FROM villages "

static void read_village(sqlite3_stmt *s, struct arena *a, void *item)
{
	struct village_rec *v = item;
	v->code = col_str(s, 0, a);
	v->name[LANG_ZH] = col_str(s, 1, a);
	v->name[LANG_EN] = col_str(s, 2, a);
	v->chief_name = col_str(s, 3, a);
	v->chief_phone = col_str(s, 4, a);
	v->officer_name = col_str(s, 5, a);
	v->officer_phone = col_str(s, 6, a);
	v->office[LANG_ZH] = col_str(s, 7, a);
	v->office[LANG_EN] = col_str(s, 8, a);
	v->hours[LANG_ZH] = col_str(s, 9, a);
	v->hours[LANG_EN] = col_str(s, 10, a);
}

enum err store_village_list(struct store *st, struct arena *a, struct village_rec **out, size_t *n)
{
	return STMT_LIST(st, stmt_get(st, "SELECT " VILLAGE_COLS "ORDER BY sort, code"), a, out, n, read_village);
}

enum err store_village(struct store *st, struct arena *a, const char *code, struct village_rec *out)
{
	static const char sql[] = "SELECT " VILLAGE_COLS "WHERE code = ?1";
	return stmt_one_by(st, a, sql, code, out, read_village);
}

enum err store_village_create(struct store *st, const char *code, const char *name_zh, const char *name_en)
{
	sqlite3_stmt *s = stmt_get(st, "INSERT INTO villages (code, name_zh, name_en, sort) "
	                               "VALUES (?1, ?2, ?3, (SELECT coalesce(max(sort), 0) + 1 FROM villages))");
	if (!s)
		return ERR_DB;
	bind_str(s, 1, code);
	bind_str(s, 2, name_zh);
	bind_str(s, 3, name_en ? name_en : "");
	return stmt_done(st, s);
}

enum err store_village_update(struct store *st, const struct village_rec *v)
{
	sqlite3_stmt *s = stmt_get(st, "UPDATE villages SET chief_name = ?2, chief_phone = ?3, officer_name = ?4, "
	                               "officer_phone = ?5, office_zh = ?6, office_en = ?7, hours_zh = ?8, "
	                               "hours_en = ?9 WHERE code = ?1");
	if (!s)
		return ERR_DB;
	bind_str(s, 1, v->code);
	bind_str(s, 2, v->chief_name ? v->chief_name : "");
	bind_str(s, 3, v->chief_phone ? v->chief_phone : "");
	bind_str(s, 4, v->officer_name ? v->officer_name : "");
	bind_str(s, 5, v->officer_phone ? v->officer_phone : "");
	bind_str(s, 6, v->office[LANG_ZH] ? v->office[LANG_ZH] : "");
	bind_opt(s, 7, v->office[LANG_EN]);
	bind_str(s, 8, v->hours[LANG_ZH] ? v->hours[LANG_ZH] : "");
	bind_opt(s, 9, v->hours[LANG_EN]);
	enum err e = stmt_done(st, s);
	return e == ERR_OK && sqlite3_changes(st->db) == 0 ? ERR_NOTFOUND : e;
}

static void read_post(sqlite3_stmt *s, struct arena *a, void *item)
{
	struct village_post *p = item;
	p->id = sqlite3_column_int64(s, 0);
	p->village = col_str(s, 1, a);
	p->title[LANG_ZH] = col_str(s, 2, a);
	p->body[LANG_ZH] = col_str(s, 3, a);
	p->title[LANG_EN] = col_str(s, 4, a);
	p->body[LANG_EN] = col_str(s, 5, a);
	p->event_on = col_str(s, 6, a);
	p->created_by = col_str(s, 7, a);
	p->created_at = col_str(s, 8, a);
}

enum err store_village_posts(struct store *st, struct arena *a, const char *village, int limit,
                             struct village_post **out, size_t *n)
{
	static const char sql[] = "SELECT id, village, title_zh, body_zh, title_en, body_en, event_on, created_by, "
	                          "created_at FROM village_posts WHERE village = ?1 ORDER BY created_at DESC, id DESC "
	                          "LIMIT ?2";
	sqlite3_stmt *s = stmt_get(st, sql);
	if (s) {
		bind_str(s, 1, village);
		sqlite3_bind_int(s, 2, limit);
	}
	return STMT_LIST(st, s, a, out, n, read_post);
}

enum err store_village_post_add(struct store *st, const struct village_post *p, long long *id)
{
	sqlite3_stmt *s = stmt_get(st, "INSERT INTO village_posts (village, title_zh, body_zh, title_en, body_en, "
	                               "event_on, created_by, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
	if (!s)
		return ERR_DB;
	bind_str(s, 1, p->village);
	bind_str(s, 2, p->title[LANG_ZH]);
	bind_str(s, 3, p->body[LANG_ZH]);
	bind_opt(s, 4, p->title[LANG_EN]);
	bind_opt(s, 5, p->body[LANG_EN]);
	bind_opt(s, 6, p->event_on);
	bind_str(s, 7, p->created_by);
	bind_str(s, 8, p->created_at);
	return stmt_insert(st, s, id);
}

enum err store_village_post_delete(struct store *st, const char *village, long long id)
{
	sqlite3_stmt *s = stmt_get(st, "DELETE FROM village_posts WHERE id = ?1 AND village = ?2");
	if (!s)
		return ERR_DB;
	sqlite3_bind_int64(s, 1, id);
	bind_str(s, 2, village);
	enum err e = stmt_done(st, s);
	return e == ERR_OK && sqlite3_changes(st->db) == 0 ? ERR_NOTFOUND : e;
}

static void read_code(sqlite3_stmt *s, struct arena *a, void *item)
{
	*(const char **)item = col_str(s, 0, a);
}

enum err store_user_villages(struct store *st, struct arena *a, long long user_id, const char ***codes)
{
	sqlite3_stmt *s = stmt_get(st, "SELECT o.village FROM village_officers o JOIN villages v ON v.code = o.village "
	                               "WHERE o.user_id = ?1 ORDER BY v.sort, v.code");
	if (s)
		sqlite3_bind_int64(s, 1, user_id);
	const char **list;
	size_t n;
	enum err e = STMT_LIST(st, s, a, &list, &n, read_code);
	/* a NULL-terminated copy: the list helper's array has no spare slot */
	*codes = arena_alloc(a, (n + 1) * sizeof **codes);
	for (size_t i = 0; i < n; i++)
		(*codes)[i] = list[i];
	(*codes)[n] = NULL;
	return e;
}

enum err store_user_villages_set(struct store *st, long long user_id, const char *const *codes)
{
	sqlite3_stmt *s = stmt_get(st, "DELETE FROM village_officers WHERE user_id = ?1");
	if (!s)
		return ERR_DB;
	sqlite3_bind_int64(s, 1, user_id);
	enum err e = stmt_done(st, s);
	for (const char *const *c = codes; e == ERR_OK && c && *c; c++) {
		s = stmt_get(st, "INSERT OR IGNORE INTO village_officers (user_id, village) VALUES (?1, ?2)");
		if (!s)
			return ERR_DB;
		sqlite3_bind_int64(s, 1, user_id);
		bind_str(s, 2, *c);
		e = stmt_done(st, s);
	}
	return e;
}

/* ---- petition categories ---- */

static void read_category(sqlite3_stmt *s, struct arena *a, void *item)
{
	struct category_rec *c = item;
	c->code = col_str(s, 0, a);
	c->name[LANG_ZH] = col_str(s, 1, a);
	c->name[LANG_EN] = col_str(s, 2, a);
	c->default_unit = col_str(s, 3, a);
	c->default_unit_name[LANG_ZH] = col_str(s, 4, a);
	c->default_unit_name[LANG_EN] = col_str(s, 5, a);
}

static void read_text(sqlite3_stmt *s, struct arena *a, void *item)
{
	*(const char **)item = col_str(s, 0, a);
}

enum err store_category_unit(struct store *st, struct arena *a, const char *code, const char **unit)
{
	static const char sql[] = "SELECT default_unit FROM categories WHERE code = ?1";
	*unit = NULL;
	enum err e = stmt_one_by(st, a, sql, code, unit, read_text);
	return e == ERR_NOTFOUND ? ERR_OK : e;
}

enum err store_category_list(struct store *st, struct arena *a, struct category_rec **out, size_t *n)
{
	static const char sql[] = "SELECT c.code, c.name_zh, c.name_en, c.default_unit, u.name_zh, u.name_en "
	                          "FROM categories c LEFT JOIN units u ON u.code = c.default_unit "
	                          "ORDER BY c.sort, c.code";
	return STMT_LIST(st, stmt_get(st, sql), a, out, n, read_category);
}

enum err store_category_save(struct store *st, const struct category_rec *c, bool is_new)
{
	static const char insert[] = "INSERT INTO categories (code, name_zh, name_en, default_unit, sort) "
	                             "VALUES (?1, ?2, ?3, ?4, (SELECT coalesce(max(sort), 0) + 1 FROM categories))";
	static const char update[] =
	    "UPDATE categories SET name_zh = ?2, name_en = ?3, default_unit = ?4 WHERE code = ?1";
	sqlite3_stmt *s = stmt_get(st, is_new ? insert : update);
	if (!s)
		return ERR_DB;
	bind_str(s, 1, c->code);
	bind_str(s, 2, c->name[LANG_ZH]);
	bind_opt(s, 3, c->name[LANG_EN]);
	bind_opt(s, 4, c->default_unit);
	enum err e = stmt_done(st, s);
	return e == ERR_OK && !is_new && sqlite3_changes(st->db) == 0 ? ERR_NOTFOUND : e;
}

/* ---- one form, one change ---- */

enum err store_form_claim(struct store *st, struct arena *a, const char *form_hash, const char *receipt, const char *at,
                          const char **prior)
{
	sqlite3_stmt *s = stmt_get(st, "SELECT receipt FROM admin_forms WHERE form_hash = ?1");
	if (!s)
		return ERR_DB;
	bind_str(s, 1, form_hash);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*prior = col_str(s, 0, a);
	sqlite3_reset(s);
	if (rc == SQLITE_ROW)
		return ERR_CONFLICT;
	if (rc != SQLITE_DONE)
		return ERR_DB;
	s = stmt_get(st, "INSERT INTO admin_forms (form_hash, receipt, at) VALUES (?1, ?2, ?3)");
	if (!s)
		return ERR_DB;
	bind_str(s, 1, form_hash);
	bind_str(s, 2, receipt);
	bind_str(s, 3, at);
	return stmt_done(st, s);
}

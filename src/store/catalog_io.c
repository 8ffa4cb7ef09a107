/*
 * catalog_io.c -- SQL for the catalog document (see catalog_io.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/catalog_io.h"
#include "store/internal.h"
#include "store/settings.h"

static void pair(sqlite3_stmt *s, int i, struct arena *a, const char *out[LANG__MAX])
{
	out[LANG_ZH] = col_str(s, i, a);
	out[LANG_EN] = col_str(s, i + 1, a);
}

static void bind_pair(sqlite3_stmt *s, int i, const char *const t[LANG__MAX])
{
	bind_str(s, i, t[LANG_ZH] ? t[LANG_ZH] : "");
	bind_str(s, i + 1, t[LANG_EN]);
}

/* ---- reading ---- */

static void unit_row(sqlite3_stmt *s, struct arena *a, void *item)
{
	struct cd_unit *u = item;
	u->code = col_str(s, 0, a);
	pair(s, 1, a, u->name);
	pair(s, 3, a, u->duties);
	pair(s, 5, a, u->location);
	u->phone = col_str(s, 7, a);
	u->email = col_str(s, 8, a);
	u->sort = sqlite3_column_int64(s, 9);
}

/* The set settings but the secret ones, in the order of their keys' table. */
static enum err settings_rows(struct store *st, struct arena *a, struct catalog_doc *d)
{
	const char *vals[SET__MAX];
	enum err e = store_settings_load(st, a, vals);
	d->settings = arena_zalloc(a, SET__MAX * sizeof *d->settings);
	for (int k = 0; e == ERR_OK && k < SET__MAX; k++)
		if (vals[k] && *vals[k] && !settings_secret((enum setting)k))
			d->settings[d->nsettings++] = (struct cd_setting){settings_def((enum setting)k)->key, vals[k]};
	return e;
}

static void village_row(sqlite3_stmt *s, struct arena *a, void *item)
{
	struct cd_village *v = item;
	v->code = col_str(s, 0, a);
	pair(s, 1, a, v->name);
	v->chief_name = col_str(s, 3, a);
	v->chief_phone = col_str(s, 4, a);
	v->officer_name = col_str(s, 5, a);
	v->officer_phone = col_str(s, 6, a);
	pair(s, 7, a, v->office);
	pair(s, 9, a, v->hours);
	v->sort = sqlite3_column_int64(s, 11);
}

static void village_post_row(sqlite3_stmt *s, struct arena *a, void *item)
{
	struct cd_village_post *p = item;
	p->id = sqlite3_column_int64(s, 0);
	p->village = col_str(s, 1, a);
	pair(s, 2, a, p->title);
	pair(s, 4, a, p->body);
	p->event_on = col_str(s, 6, a);
	p->created_by = col_str(s, 7, a);
	p->created_at = col_str(s, 8, a);
}

static void category_row(sqlite3_stmt *s, struct arena *a, void *item)
{
	struct cd_category *c = item;
	c->code = col_str(s, 0, a);
	pair(s, 1, a, c->name);
	c->default_unit = col_str(s, 3, a);
	c->sort = sqlite3_column_int64(s, 4);
}

static void form_row(sqlite3_stmt *s, struct arena *a, void *item)
{
	struct cd_form *f = item;
	f->code = col_str(s, 0, a);
	f->unit = col_str(s, 1, a);
	pair(s, 2, a, f->title);
	f->type = col_str(s, 4, a);
	f->size = sqlite3_column_int64(s, 5);
	f->sha256 = col_str(s, 6, a);
}

#define SERVICE_COLS                                                                                                   \
	"id, code, unit, category, published, name_zh, name_en, summary_zh, summary_en, eligibility_zh, "              \
	"eligibility_en, fee_zh, fee_en, processing_days, immediate, correction_days, legal_basis_zh, "                \
	"legal_basis_en, notes_zh, notes_en, contact_ext, reviewed_on, updated_at, sort, ext_days"

/* A service row, its id kept aside for its lines. */
struct service_row {
	long long id;
	struct cd_service s;
};

static void service_row(sqlite3_stmt *st, struct arena *a, void *item)
{
	struct service_row *r = item;
	struct cd_service *s = &r->s;
	r->id = sqlite3_column_int64(st, 0);
	s->code = col_str(st, 1, a);
	s->unit = col_str(st, 2, a);
	s->category = col_str(st, 3, a);
	s->published = sqlite3_column_int(st, 4) != 0;
	pair(st, 5, a, s->name);
	pair(st, 7, a, s->summary);
	pair(st, 9, a, s->eligibility);
	pair(st, 11, a, s->fee);
	s->processing_days = sqlite3_column_int64(st, 13);
	s->immediate = sqlite3_column_int(st, 14) != 0;
	s->correction_days = sqlite3_column_int64(st, 15);
	pair(st, 16, a, s->legal_basis);
	pair(st, 18, a, s->notes);
	s->contact_ext = col_str(st, 20, a);
	s->reviewed_on = col_str(st, 21, a);
	s->updated_at = col_str(st, 22, a);
	s->sort = sqlite3_column_int64(st, 23);
	s->ext_days = sqlite3_column_int64(st, 24);
}

/* (kind, zh, en, file, form): NULL where a kind of line has none. */
static void line_row(sqlite3_stmt *s, struct arena *a, void *item)
{
	struct cd_line *l = item;
	l->kind = col_str(s, 0, a);
	pair(s, 1, a, l->text);
	l->file = col_str(s, 3, a);
	l->form = col_str(s, 4, a);
}

static enum err lines(struct store *st, struct arena *a, const char *sql, long long id, struct cd_line **out, size_t *n)
{
	sqlite3_stmt *s = stmt_get(st, sql);
	if (s)
		sqlite3_bind_int64(s, 1, id);
	return STMT_LIST(st, s, a, out, n, line_row);
}

static enum err service_lines(struct store *st, struct arena *a, long long id, struct cd_service *s)
{
	static const char items[] =
	    "SELECT kind, text_zh, text_en, NULL, NULL FROM service_items WHERE service_id = ?1 ORDER BY seq";
	static const char steps[] =
	    "SELECT NULL, text_zh, text_en, NULL, NULL FROM service_steps WHERE service_id = ?1 ORDER BY seq";
	static const char forms[] = "SELECT NULL, title_zh, title_en, nullif(file, ''), form FROM service_forms "
	                            "WHERE service_id = ?1 ORDER BY seq";
	enum err e = lines(st, a, items, id, &s->items, &s->nitems);
	if (e == ERR_OK)
		e = lines(st, a, steps, id, &s->steps, &s->nsteps);
	if (e == ERR_OK)
		e = lines(st, a, forms, id, &s->forms, &s->nforms);
	return e;
}

static void news_row(sqlite3_stmt *s, struct arena *a, void *item)
{
	struct cd_news *n = item;
	n->id = sqlite3_column_int64(s, 0);
	n->unit = col_str(s, 1, a);
	n->status = col_str(s, 2, a);
	n->pinned = sqlite3_column_int(s, 3) != 0;
	pair(s, 4, a, n->title);
	pair(s, 6, a, n->body);
	n->published_at = col_str(s, 8, a);
	n->expires_at = col_str(s, 9, a);
}

static void faq_row(sqlite3_stmt *s, struct arena *a, void *item)
{
	struct cd_faq *f = item;
	f->slug = col_str(s, 0, a);
	f->unit = col_str(s, 1, a);
	f->category = col_str(s, 2, a);
	pair(s, 3, a, f->question);
	pair(s, 5, a, f->answer);
	f->keywords_zh = col_str(s, 7, a);
	f->reviewed_on = col_str(s, 8, a);
}

static enum err services(struct store *st, struct arena *a, const char *code, struct cd_service **out, size_t *n)
{
	static const char sql[] = "SELECT " SERVICE_COLS " FROM services WHERE ?1 IS NULL OR code = ?1 "
	                          "ORDER BY sort, code";
	struct service_row *rows;
	sqlite3_stmt *s = stmt_get(st, sql);
	if (s)
		bind_str(s, 1, code);
	enum err e = STMT_LIST(st, s, a, &rows, n, service_row);
	*out = *n ? arena_alloc(a, *n * sizeof **out) : NULL;
	for (size_t i = 0; e == ERR_OK && i < *n; i++) {
		(*out)[i] = rows[i].s;
		e = service_lines(st, a, rows[i].id, &(*out)[i]);
	}
	return e;
}

enum err store_service_doc(struct store *st, struct arena *a, const char *code, struct cd_service *out)
{
	struct cd_service *s;
	size_t n;
	enum err e = services(st, a, code, &s, &n);
	if (e == ERR_OK && n == 0)
		return ERR_NOTFOUND;
	if (e == ERR_OK)
		*out = s[0];
	return e;
}

enum err store_catalog_export(struct store *st, struct arena *a, struct catalog_doc *d)
{
	static const char units[] = "SELECT code, name_zh, name_en, duties_zh, duties_en, location_zh, location_en, "
	                            "phone, email, sort FROM units ORDER BY sort, code";
	static const char villages[] = "SELECT code, name_zh, name_en, chief_name, chief_phone, officer_name, "
	                               "officer_phone, office_zh, office_en, hours_zh, hours_en, sort FROM villages "
	                               "ORDER BY sort, code";
	static const char posts[] = "SELECT id, village, title_zh, title_en, body_zh, body_en, event_on, created_by, "
	                            "created_at FROM village_posts ORDER BY id";
	static const char cats[] =
	    "SELECT code, name_zh, name_en, default_unit, sort FROM categories ORDER BY sort, code";
	static const char forms[] =
	    "SELECT code, unit, title_zh, title_en, type, size, sha256 FROM forms ORDER BY code";
	static const char news[] = "SELECT id, unit, status, pinned, title_zh, title_en, body_zh, body_en, "
	                           "published_at, expires_at FROM news ORDER BY id";
	static const char faq[] = "SELECT slug, unit, category, question_zh, question_en, answer_zh, answer_en, "
	                          "keywords_zh, reviewed_on FROM faq ORDER BY slug";
	memset(d, 0, sizeof *d);
	enum err e = settings_rows(st, a, d);
	if (e == ERR_OK)
		e = STMT_LIST(st, stmt_get(st, units), a, &d->units, &d->nunits, unit_row);
	if (e == ERR_OK)
		e = STMT_LIST(st, stmt_get(st, villages), a, &d->villages, &d->nvillages, village_row);
	if (e == ERR_OK)
		e = STMT_LIST(st, stmt_get(st, posts), a, &d->village_posts, &d->nvillage_posts, village_post_row);
	if (e == ERR_OK)
		e = STMT_LIST(st, stmt_get(st, cats), a, &d->categories, &d->ncategories, category_row);
	if (e == ERR_OK)
		e = STMT_LIST(st, stmt_get(st, forms), a, &d->forms, &d->nforms, form_row);
	if (e == ERR_OK)
		e = services(st, a, NULL, &d->services, &d->nservices);
	if (e == ERR_OK)
		e = STMT_LIST(st, stmt_get(st, news), a, &d->news, &d->nnews, news_row);
	if (e == ERR_OK)
		e = STMT_LIST(st, stmt_get(st, faq), a, &d->faq, &d->nfaq, faq_row);
	return e;
}

/* ---- writing ---- */

static enum err put_unit(struct store *st, const struct cd_unit *u)
{
	static const char sql[] =
	    "INSERT INTO units (code, name_zh, name_en, duties_zh, duties_en, location_zh, location_en, phone, email, "
	    "sort) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) ON CONFLICT(code) DO UPDATE SET "
	    "name_zh = excluded.name_zh, name_en = excluded.name_en, duties_zh = excluded.duties_zh, "
	    "duties_en = excluded.duties_en, location_zh = excluded.location_zh, location_en = excluded.location_en, "
	    "phone = excluded.phone, email = excluded.email, sort = excluded.sort";
	sqlite3_stmt *s = stmt_get(st, sql);
	if (!s)
		return ERR_DB;
	bind_str(s, 1, u->code);
	bind_pair(s, 2, u->name);
	bind_pair(s, 4, u->duties);
	bind_pair(s, 6, u->location);
	bind_str(s, 8, u->phone ? u->phone : "");
	bind_str(s, 9, u->email);
	sqlite3_bind_int64(s, 10, u->sort);
	return stmt_done(st, s);
}

static enum err put_village(struct store *st, const struct cd_village *v)
{
	static const char sql[] =
	    "INSERT INTO villages (code, name_zh, name_en, chief_name, chief_phone, officer_name, officer_phone, "
	    "office_zh, office_en, hours_zh, hours_en, sort) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
	    "?12) "
	    "ON CONFLICT(code) DO UPDATE SET name_zh = excluded.name_zh, name_en = excluded.name_en, "
	    "chief_name = excluded.chief_name, chief_phone = excluded.chief_phone, "
	    "officer_name = excluded.officer_name, officer_phone = excluded.officer_phone, "
	    "office_zh = excluded.office_zh, office_en = excluded.office_en, hours_zh = excluded.hours_zh, "
	    "hours_en = excluded.hours_en, sort = excluded.sort";
	sqlite3_stmt *s = stmt_get(st, sql);
	if (!s)
		return ERR_DB;
	bind_str(s, 1, v->code);
	bind_pair(s, 2, v->name);
	bind_str(s, 4, v->chief_name ? v->chief_name : "");
	bind_str(s, 5, v->chief_phone ? v->chief_phone : "");
	bind_str(s, 6, v->officer_name ? v->officer_name : "");
	bind_str(s, 7, v->officer_phone ? v->officer_phone : "");
	bind_pair(s, 8, v->office);
	bind_pair(s, 10, v->hours);
	sqlite3_bind_int64(s, 12, v->sort);
	return stmt_done(st, s);
}

static enum err put_village_post(struct store *st, const struct cd_village_post *p)
{
	static const char sql[] =
	    "INSERT INTO village_posts (id, village, title_zh, title_en, body_zh, body_en, event_on, created_by, "
	    "created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT(id) DO UPDATE SET "
	    "village = excluded.village, title_zh = excluded.title_zh, title_en = excluded.title_en, "
	    "body_zh = excluded.body_zh, body_en = excluded.body_en, event_on = excluded.event_on, "
	    "created_by = excluded.created_by, created_at = excluded.created_at";
	sqlite3_stmt *s = stmt_get(st, sql);
	if (!s)
		return ERR_DB;
	sqlite3_bind_int64(s, 1, p->id);
	bind_str(s, 2, p->village);
	bind_pair(s, 3, p->title);
	bind_pair(s, 5, p->body);
	bind_str(s, 7, p->event_on);
	bind_str(s, 8, p->created_by);
	bind_str(s, 9, p->created_at);
	return stmt_done(st, s);
}

static enum err put_category(struct store *st, const struct cd_category *c)
{
	static const char sql[] = "INSERT INTO categories (code, name_zh, name_en, default_unit, sort) "
	                          "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT(code) DO UPDATE SET "
	                          "name_zh = excluded.name_zh, name_en = excluded.name_en, "
	                          "default_unit = excluded.default_unit, sort = excluded.sort";
	sqlite3_stmt *s = stmt_get(st, sql);
	if (!s)
		return ERR_DB;
	bind_str(s, 1, c->code);
	bind_pair(s, 2, c->name);
	bind_str(s, 4, c->default_unit);
	sqlite3_bind_int64(s, 5, c->sort);
	return stmt_done(st, s);
}

/* A form's metadata; its file stays only while the checksum still matches. */
static enum err put_form(struct store *st, const struct cd_form *f, const char *by, const char *at)
{
	static const char sql[] =
	    "INSERT INTO forms (code, unit, title_zh, title_en, type, size, sha256, updated_by, updated_at) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT(code) DO UPDATE SET unit = excluded.unit, "
	    "title_zh = excluded.title_zh, title_en = excluded.title_en, type = excluded.type, size = excluded.size, "
	    "data = CASE WHEN sha256 = excluded.sha256 THEN data END, sha256 = excluded.sha256 "
	    "WHERE unit IS NOT excluded.unit OR title_zh IS NOT excluded.title_zh OR title_en IS NOT excluded.title_en "
	    "OR type IS NOT excluded.type OR size IS NOT excluded.size OR sha256 IS NOT excluded.sha256";
	sqlite3_stmt *s = stmt_get(st, sql);
	if (!s)
		return ERR_DB;
	bind_str(s, 1, f->code);
	bind_str(s, 2, f->unit);
	bind_pair(s, 3, f->title);
	bind_str(s, 5, f->type);
	sqlite3_bind_int64(s, 6, f->size);
	bind_str(s, 7, f->sha256);
	bind_str(s, 8, by);
	bind_str(s, 9, at);
	return stmt_done(st, s);
}

static enum err put_lines(struct store *st, const char *sql, long long id, const struct cd_line *l, size_t n)
{
	enum err e = ERR_OK;
	for (size_t i = 0; e == ERR_OK && i < n; i++) {
		sqlite3_stmt *s = stmt_get(st, sql);
		if (!s)
			return ERR_DB;
		sqlite3_bind_int64(s, 1, id);
		sqlite3_bind_int64(s, 2, (long long)i + 1);
		bind_pair(s, 3, l[i].text);
		bind_str(s, 5, l[i].kind ? l[i].kind : "doc");
		bind_str(s, 6, l[i].file ? l[i].file : "");
		bind_str(s, 7, l[i].form);
		e = stmt_done(st, s);
	}
	return e;
}

static enum err replace_lines(struct store *st, long long id, const struct cd_service *sv)
{
	static const char *const clear[] = {
	    "DELETE FROM service_items WHERE service_id = ?1",
	    "DELETE FROM service_steps WHERE service_id = ?1",
	    "DELETE FROM service_forms WHERE service_id = ?1",
	};
	/* ?5..?7 unused by some: bound anyway, SQLite ignores a parameter the text does not name */
	static const char items[] = "INSERT INTO service_items (service_id, seq, text_zh, text_en, kind) "
	                            "VALUES (?1, ?2, ?3, ?4, ?5)";
	static const char steps[] = "INSERT INTO service_steps (service_id, seq, text_zh, text_en) "
	                            "VALUES (?1, ?2, ?3, ?4)";
	static const char forms[] = "INSERT INTO service_forms (service_id, seq, title_zh, title_en, file, form) "
	                            "VALUES (?1, ?2, ?3, ?4, ?6, ?7)";
	enum err e = ERR_OK;
	for (size_t i = 0; e == ERR_OK && i < sizeof clear / sizeof clear[0]; i++) {
		sqlite3_stmt *s = stmt_get(st, clear[i]);
		if (!s)
			return ERR_DB;
		sqlite3_bind_int64(s, 1, id);
		e = stmt_done(st, s);
	}
	if (e == ERR_OK)
		e = put_lines(st, items, id, sv->items, sv->nitems);
	if (e == ERR_OK)
		e = put_lines(st, steps, id, sv->steps, sv->nsteps);
	if (e == ERR_OK)
		e = put_lines(st, forms, id, sv->forms, sv->nforms);
	return e;
}

/* Adds version rev+1 of service id when sheet differs from its newest version. */
static enum err add_version(struct store *st, long long id, const char *sheet, const char *by, const char *at,
                            const char *note)
{
	static const char sql[] =
	    "INSERT INTO service_versions (service_id, rev, sheet, saved_by, saved_at, note) "
	    "SELECT ?1, coalesce(max(rev), 0) + 1, ?2, ?3, ?4, ?5 FROM service_versions WHERE service_id = ?1 "
	    "HAVING coalesce((SELECT sheet FROM service_versions WHERE service_id = ?1 ORDER BY rev DESC LIMIT 1), '') "
	    "IS NOT ?2";
	static const char bump[] = "UPDATE services SET rev = (SELECT max(rev) FROM service_versions WHERE "
	                           "service_id = ?1) WHERE id = ?1";
	sqlite3_stmt *s = stmt_get(st, sql);
	if (!s)
		return ERR_DB;
	sqlite3_bind_int64(s, 1, id);
	bind_str(s, 2, sheet);
	bind_str(s, 3, by);
	bind_str(s, 4, at);
	bind_str(s, 5, note ? note : "");
	enum err e = stmt_done(st, s);
	if (e != ERR_OK || sqlite3_changes(st->db) == 0)
		return e;
	s = stmt_get(st, bump);
	if (!s)
		return ERR_DB;
	sqlite3_bind_int64(s, 1, id);
	return stmt_done(st, s);
}

enum err store_service_put(struct store *st, struct arena *a, const struct cd_service *sv, const char *by,
                           const char *at, const char *note, long long *id)
{
	(void)a;
	static const char sql[] =
	    "INSERT INTO services (code, unit, category, published, name_zh, name_en, summary_zh, summary_en, "
	    "eligibility_zh, eligibility_en, fee_zh, fee_en, processing_days, immediate, correction_days, "
	    "legal_basis_zh, legal_basis_en, notes_zh, notes_en, contact_ext, reviewed_on, updated_at, sort, "
	    "updated_by, ext_days) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, "
	    "?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25) ON CONFLICT(code) DO UPDATE SET unit = excluded.unit, "
	    "category = excluded.category, published = excluded.published, name_zh = excluded.name_zh, "
	    "name_en = excluded.name_en, summary_zh = excluded.summary_zh, summary_en = excluded.summary_en, "
	    "eligibility_zh = excluded.eligibility_zh, eligibility_en = excluded.eligibility_en, "
	    "fee_zh = excluded.fee_zh, fee_en = excluded.fee_en, processing_days = excluded.processing_days, "
	    "immediate = excluded.immediate, correction_days = excluded.correction_days, "
	    "legal_basis_zh = excluded.legal_basis_zh, legal_basis_en = excluded.legal_basis_en, "
	    "notes_zh = excluded.notes_zh, notes_en = excluded.notes_en, contact_ext = excluded.contact_ext, "
	    "reviewed_on = excluded.reviewed_on, updated_at = excluded.updated_at, sort = excluded.sort, "
	    "updated_by = excluded.updated_by, ext_days = excluded.ext_days RETURNING id";
	sqlite3_stmt *s = stmt_get(st, sql);
	if (!s)
		return ERR_DB;
	bind_str(s, 1, sv->code);
	bind_str(s, 2, sv->unit);
	bind_str(s, 3, sv->category);
	sqlite3_bind_int(s, 4, sv->published);
	bind_pair(s, 5, sv->name);
	bind_pair(s, 7, sv->summary);
	bind_pair(s, 9, sv->eligibility);
	bind_pair(s, 11, sv->fee);
	sqlite3_bind_int64(s, 13, sv->processing_days);
	sqlite3_bind_int(s, 14, sv->immediate);
	sqlite3_bind_int64(s, 15, sv->correction_days);
	bind_pair(s, 16, sv->legal_basis);
	bind_pair(s, 18, sv->notes);
	bind_str(s, 20, sv->contact_ext ? sv->contact_ext : "");
	bind_str(s, 21, sv->reviewed_on);
	bind_str(s, 22, sv->updated_at ? sv->updated_at : at);
	sqlite3_bind_int64(s, 23, sv->sort);
	bind_str(s, 24, by);
	sqlite3_bind_int64(s, 25, sv->ext_days);
	int rc = sqlite3_step(s);
	long long sid = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
	if (rc == SQLITE_ROW)
		rc = sqlite3_step(s);
	sqlite3_reset(s);
	if (rc != SQLITE_DONE)
		return ERR_DB;
	enum err e = replace_lines(st, sid, sv);
	if (e == ERR_OK) {
		json_t *j = catalog_service_json(sv);
		char *sheet = json_dumps(j, JSON_COMPACT);
		json_decref(j);
		e = sheet ? add_version(st, sid, sheet, by, at, note) : ERR_NOMEM;
		free(sheet); /* jansson's allocation */
	}
	if (e == ERR_OK && id)
		*id = sid;
	return e;
}

enum err store_news_put(struct store *st, const struct cd_news *n, const char *by, long long *id)
{
	static const char sql[] =
	    "INSERT INTO news (id, unit, status, pinned, title_zh, title_en, body_zh, body_en, published_at, "
	    "expires_at, updated_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) ON CONFLICT(id) DO UPDATE "
	    "SET unit = excluded.unit, status = excluded.status, pinned = excluded.pinned, "
	    "title_zh = excluded.title_zh, title_en = excluded.title_en, body_zh = excluded.body_zh, "
	    "body_en = excluded.body_en, published_at = excluded.published_at, expires_at = excluded.expires_at, "
	    "updated_by = excluded.updated_by RETURNING id";
	sqlite3_stmt *s = stmt_get(st, sql);
	if (!s)
		return ERR_DB;
	if (n->id > 0)
		sqlite3_bind_int64(s, 1, n->id);
	bind_str(s, 2, n->unit);
	bind_str(s, 3, n->status ? n->status : "published");
	sqlite3_bind_int(s, 4, n->pinned);
	bind_pair(s, 5, n->title);
	bind_pair(s, 7, n->body);
	bind_str(s, 9, n->published_at);
	bind_str(s, 10, n->expires_at);
	bind_str(s, 11, by);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW && id)
		*id = sqlite3_column_int64(s, 0);
	if (rc == SQLITE_ROW)
		rc = sqlite3_step(s);
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? ERR_OK : ERR_DB;
}

static enum err put_faq(struct store *st, const struct cd_faq *f, const char *by, const char *at)
{
	/* an unchanged entry is left alone: its rev (the editor's version check) stays */
	static const char sql[] =
	    "INSERT INTO faq (slug, unit, category, question_zh, question_en, answer_zh, answer_en, keywords_zh, "
	    "reviewed_on, updated_by, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) "
	    "ON CONFLICT(slug) DO UPDATE SET unit = excluded.unit, category = excluded.category, "
	    "question_zh = excluded.question_zh, question_en = excluded.question_en, answer_zh = excluded.answer_zh, "
	    "answer_en = excluded.answer_en, keywords_zh = excluded.keywords_zh, reviewed_on = excluded.reviewed_on, "
	    "updated_by = excluded.updated_by, updated_at = excluded.updated_at WHERE unit IS NOT excluded.unit "
	    "OR category IS NOT excluded.category OR question_zh IS NOT excluded.question_zh "
	    "OR question_en IS NOT excluded.question_en OR answer_zh IS NOT excluded.answer_zh "
	    "OR answer_en IS NOT excluded.answer_en OR keywords_zh IS NOT excluded.keywords_zh "
	    "OR reviewed_on IS NOT excluded.reviewed_on";
	sqlite3_stmt *s = stmt_get(st, sql);
	if (!s)
		return ERR_DB;
	bind_str(s, 1, f->slug);
	bind_str(s, 2, f->unit);
	bind_str(s, 3, f->category);
	bind_pair(s, 4, f->question);
	bind_pair(s, 6, f->answer);
	bind_str(s, 8, f->keywords_zh ? f->keywords_zh : "");
	bind_str(s, 9, f->reviewed_on);
	bind_str(s, 10, by);
	bind_str(s, 11, at);
	return stmt_done(st, s);
}

/* On an error: "what code: the database's reason". */
static enum err failed(struct store *st, enum err e, const char *what, const char *code, char *err, size_t errsz)
{
	if (e != ERR_OK)
		snprintf(err, errsz, "%s %s: %s", what, code ? code : "?", store_errmsg(st));
	return e;
}

/* A record known by its number, for an error message. */
static const char *record_id(long long id, char buf[24])
{
	snprintf(buf, 24, "%lld", id);
	return buf;
}

enum err store_catalog_import(struct store *st, struct arena *a, const struct catalog_doc *d, const char *by,
                              const char *at, char *err, size_t errsz)
{
	enum err e = ERR_OK;
	char id[24];
	for (size_t i = 0; e == ERR_OK && i < d->nsettings; i++)
		e = failed(st, store_setting_put(st, d->settings[i].key, d->settings[i].value), "setting",
		           d->settings[i].key, err, errsz);
	for (size_t i = 0; e == ERR_OK && i < d->nunits; i++)
		e = failed(st, put_unit(st, &d->units[i]), "unit", d->units[i].code, err, errsz);
	for (size_t i = 0; e == ERR_OK && i < d->nvillages; i++)
		e = failed(st, put_village(st, &d->villages[i]), "village", d->villages[i].code, err, errsz);
	for (size_t i = 0; e == ERR_OK && i < d->nvillage_posts; i++)
		e = failed(st, put_village_post(st, &d->village_posts[i]), "village post",
		           record_id(d->village_posts[i].id, id), err, errsz);
	for (size_t i = 0; e == ERR_OK && i < d->ncategories; i++)
		e = failed(st, put_category(st, &d->categories[i]), "category", d->categories[i].code, err, errsz);
	for (size_t i = 0; e == ERR_OK && i < d->nforms; i++)
		e = failed(st, put_form(st, &d->forms[i], by, at), "form", d->forms[i].code, err, errsz);
	for (size_t i = 0; e == ERR_OK && i < d->nservices; i++)
		e = failed(st, store_service_put(st, a, &d->services[i], by, at, "import", NULL), "service",
		           d->services[i].code, err, errsz);
	for (size_t i = 0; e == ERR_OK && i < d->nnews; i++)
		e = failed(st, store_news_put(st, &d->news[i], by, NULL), "news", record_id(d->news[i].id, id), err,
		           errsz);
	for (size_t i = 0; e == ERR_OK && i < d->nfaq; i++)
		e = failed(st, put_faq(st, &d->faq[i], by, at), "FAQ entry", d->faq[i].slug, err, errsz);
	return e;
}

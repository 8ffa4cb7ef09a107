/*
 * catalog.c -- SQL for the public catalog (see catalog.h).
 */
#include <stdio.h>
#include <string.h>

#include "store/catalog.h"
#include "store/internal.h"

static void pair(sqlite3_stmt *s, int i, struct arena *a, const char *out[LANG__MAX])
{
	out[LANG_ZH] = col_str(s, i, a);
	out[LANG_EN] = col_str(s, i + 1, a);
}

/* ---- units ---- */

#define UNIT_COLS                                                                                                      \
	"u.code, u.name_zh, u.name_en, u.duties_zh, u.duties_en, u.location_zh, u.location_en, u.phone, u.email"

static void read_unit(sqlite3_stmt *s, int c, struct arena *a, struct unit_rec *u)
{
	u->code = col_str(s, c, a);
	pair(s, c + 1, a, u->name);
	pair(s, c + 3, a, u->duties);
	pair(s, c + 5, a, u->location);
	u->phone = col_str(s, c + 7, a);
	u->email = col_str(s, c + 8, a);
}

static void unit_row(sqlite3_stmt *s, struct arena *a, void *item)
{
	read_unit(s, 0, a, item);
}

enum err store_units(struct store *st, struct arena *a, struct unit_rec **out, size_t *n)
{
	static const char sql[] = "SELECT " UNIT_COLS " FROM units u ORDER BY u.sort, u.code";
	return STMT_LIST(st, stmt_get(st, sql), a, out, n, unit_row);
}

/* (code, name_zh, name_en) */
static void read_named(sqlite3_stmt *s, struct arena *a, void *item)
{
	struct named_rec *v = item;
	v->code = col_str(s, 0, a);
	pair(s, 1, a, v->name);
}

enum err store_villages(struct store *st, struct arena *a, struct named_rec **out, size_t *n)
{
	static const char sql[] = "SELECT code, name_zh, name_en FROM villages ORDER BY sort, code";
	return STMT_LIST(st, stmt_get(st, sql), a, out, n, read_named);
}

/* ---- services ---- */

#define SERVICE_SELECT                                                                                                 \
	"SELECT s.id, s.code, s.name_zh, s.name_en, s.summary_zh, s.summary_en, s.eligibility_zh, "                    \
	"s.eligibility_en, s.fee_zh, s.fee_en, s.legal_basis_zh, s.legal_basis_en, s.notes_zh, "                       \
	"s.notes_en, s.processing_days, s.immediate, s.correction_days, s.contact_ext, s.updated_at, "                 \
	"s.published, c.code, c.name_zh, c.name_en, " UNIT_COLS " FROM services s JOIN units u ON u.code = s.unit "    \
	"JOIN categories c ON c.code = s.category "

static void read_service(sqlite3_stmt *s, struct arena *a, void *item)
{
	struct service_rec *r = item;
	r->id = sqlite3_column_int64(s, 0);
	r->code = col_str(s, 1, a);
	pair(s, 2, a, r->name);
	pair(s, 4, a, r->summary);
	pair(s, 6, a, r->eligibility);
	pair(s, 8, a, r->fee);
	pair(s, 10, a, r->legal_basis);
	pair(s, 12, a, r->notes);
	r->processing_days = sqlite3_column_int(s, 14);
	r->immediate = sqlite3_column_int(s, 15) != 0;
	r->correction_days = sqlite3_column_int(s, 16);
	r->contact_ext = col_str(s, 17, a);
	r->updated_at = col_str(s, 18, a);
	r->published = sqlite3_column_int(s, 19) != 0;
	r->category.code = col_str(s, 20, a);
	pair(s, 21, a, r->category.name);
	read_unit(s, 23, a, &r->unit);
}

enum err store_services(struct store *st, struct arena *a, struct service_rec **out, size_t *n)
{
	static const char sql[] = SERVICE_SELECT "WHERE s.published = 1 ORDER BY u.sort, c.sort, s.sort, s.id";
	return STMT_LIST(st, stmt_get(st, sql), a, out, n, read_service);
}

static enum err one_service(sqlite3_stmt *s, struct arena *a, struct service_rec *out)
{
	if (!s)
		return ERR_DB;
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		read_service(s, a, out);
	sqlite3_reset(s);
	return row_err(rc);
}

enum err store_service(struct store *st, struct arena *a, const char *code, struct service_rec *out)
{
	static const char sql[] = SERVICE_SELECT "WHERE s.code = ?1";
	sqlite3_stmt *s = stmt_get(st, sql);
	if (s)
		bind_str(s, 1, code);
	return one_service(s, a, out);
}

enum err store_service_by_id(struct store *st, struct arena *a, long long id, struct service_rec *out)
{
	static const char sql[] = SERVICE_SELECT "WHERE s.id = ?1";
	sqlite3_stmt *s = stmt_get(st, sql);
	if (s)
		sqlite3_bind_int64(s, 1, id);
	return one_service(s, a, out);
}

/* Items, steps and forms share one shape: seq, kind, file, zh, en, form (NULL where it has none). */
static void read_line(sqlite3_stmt *s, struct arena *a, void *item)
{
	struct service_line *l = item;
	l->seq = sqlite3_column_int(s, 0);
	l->kind = col_str(s, 1, a);
	l->file = col_str(s, 2, a);
	pair(s, 3, a, l->text);
	l->form = col_str(s, 5, a);
}

static enum err service_lines(struct store *st, struct arena *a, const char *sql, long long id,
                              struct service_line **out, size_t *n)
{
	sqlite3_stmt *s = stmt_get(st, sql);
	if (s)
		sqlite3_bind_int64(s, 1, id);
	return STMT_LIST(st, s, a, out, n, read_line);
}

enum err store_service_items(struct store *st, struct arena *a, long long id, struct service_line **out, size_t *n)
{
	static const char sql[] =
	    "SELECT seq, kind, NULL, text_zh, text_en, NULL FROM service_items WHERE service_id = ?1 ORDER BY seq";
	return service_lines(st, a, sql, id, out, n);
}

enum err store_service_steps(struct store *st, struct arena *a, long long id, struct service_line **out, size_t *n)
{
	static const char sql[] =
	    "SELECT seq, NULL, NULL, text_zh, text_en, NULL FROM service_steps WHERE service_id = ?1 ORDER BY seq";
	return service_lines(st, a, sql, id, out, n);
}

enum err store_service_forms(struct store *st, struct arena *a, long long id, struct service_line **out, size_t *n)
{
	static const char sql[] = "SELECT seq, NULL, nullif(file, ''), title_zh, title_en, form FROM service_forms "
	                          "WHERE service_id = ?1 ORDER BY seq";
	return service_lines(st, a, sql, id, out, n);
}

/* ---- FAQ ---- */

#define FAQ_SELECT                                                                                                     \
	"SELECT f.id, f.slug, u.code, u.name_zh, u.name_en, c.code, c.name_zh, c.name_en, "                            \
	"f.question_zh, f.question_en, f.answer_zh, f.answer_en, f.reviewed_on FROM faq f "                            \
	"JOIN units u ON u.code = f.unit JOIN categories c ON c.code = f.category "

static void read_faq(sqlite3_stmt *s, struct arena *a, void *item)
{
	struct faq_rec *f = item;
	f->id = sqlite3_column_int64(s, 0);
	f->slug = col_str(s, 1, a);
	f->unit.code = col_str(s, 2, a);
	pair(s, 3, a, f->unit.name);
	f->category.code = col_str(s, 5, a);
	pair(s, 6, a, f->category.name);
	pair(s, 8, a, f->question);
	pair(s, 10, a, f->answer);
	f->reviewed_on = col_str(s, 12, a);
}

enum err store_faqs(struct store *st, struct arena *a, const char *unit, const char *category, struct faq_rec **out,
                    size_t *n)
{
	static const char sql[] = FAQ_SELECT "WHERE (?1 IS NULL OR f.unit = ?1) AND (?2 IS NULL OR f.category = ?2) "
	                                     "ORDER BY u.sort, c.sort, f.id";
	sqlite3_stmt *s = stmt_get(st, sql);
	if (s) {
		bind_str(s, 1, unit);
		bind_str(s, 2, category);
	}
	return STMT_LIST(st, s, a, out, n, read_faq);
}

enum err store_faq(struct store *st, struct arena *a, const char *slug, struct faq_rec *out)
{
	static const char sql[] = FAQ_SELECT "WHERE f.slug = ?1";
	return stmt_one_by(st, a, sql, slug, out, read_faq);
}

/* (code, name_zh, name_en, count): the count goes in the record's own array. */
struct named_count {
	struct named_rec rec;
	int count;
};

static void read_named_count(sqlite3_stmt *s, struct arena *a, void *item)
{
	struct named_count *c = item;
	read_named(s, a, &c->rec);
	c->count = sqlite3_column_int(s, 3);
}

/* Rows of (code, name_zh, name_en, count) into named records and counts. */
static enum err named_counts(struct store *st, struct arena *a, const char *sql, struct named_rec **out, int **counts,
                             size_t *n)
{
	struct named_count *rows;
	enum err e = STMT_LIST(st, stmt_get(st, sql), a, &rows, n, read_named_count);
	*out = *n ? arena_alloc(a, *n * sizeof **out) : NULL;
	if (counts)
		*counts = *n ? arena_alloc(a, *n * sizeof **counts) : NULL;
	for (size_t i = 0; i < *n; i++) {
		(*out)[i] = rows[i].rec;
		if (counts)
			(*counts)[i] = rows[i].count;
	}
	return e;
}

enum err store_faq_categories(struct store *st, struct arena *a, struct named_rec **out, int **counts, size_t *n)
{
	static const char sql[] = "SELECT c.code, c.name_zh, c.name_en, count(*) FROM faq f "
	                          "JOIN categories c ON c.code = f.category GROUP BY c.code ORDER BY c.sort, c.code";
	return named_counts(st, a, sql, out, counts, n);
}

enum err store_faq_units(struct store *st, struct arena *a, struct named_rec **out, int **counts, size_t *n)
{
	static const char sql[] = "SELECT u.code, u.name_zh, u.name_en, count(*) FROM faq f "
	                          "JOIN units u ON u.code = f.unit GROUP BY u.code ORDER BY u.sort, u.code";
	return named_counts(st, a, sql, out, counts, n);
}

/* ---- news ---- */

#define NEWS_SELECT "SELECT id, unit, title_zh, title_en, body_zh, body_en, published_at FROM news "

static void read_news(sqlite3_stmt *s, struct arena *a, void *item)
{
	struct news_rec *r = item;
	r->id = sqlite3_column_int64(s, 0);
	r->unit_code = col_str(s, 1, a);
	pair(s, 2, a, r->title);
	pair(s, 4, a, r->body);
	r->published_at = col_str(s, 6, a);
}

#define NEWS_SHOWN "WHERE status = 'published' AND published_at <= ?2 AND (expires_at IS NULL OR expires_at > ?2) "

enum err store_news(struct store *st, struct arena *a, const char *now, int limit, struct news_rec **out, size_t *n)
{
	static const char sql[] = NEWS_SELECT NEWS_SHOWN "ORDER BY pinned DESC, published_at DESC, id DESC LIMIT ?1";
	sqlite3_stmt *s = stmt_get(st, sql);
	if (s) {
		sqlite3_bind_int(s, 1, limit);
		bind_str(s, 2, now);
	}
	return STMT_LIST(st, s, a, out, n, read_news);
}

enum err store_news_item(struct store *st, struct arena *a, const char *now, long long id, struct news_rec *out)
{
	static const char sql[] = NEWS_SELECT NEWS_SHOWN "AND id = ?1";
	sqlite3_stmt *s = stmt_get(st, sql);
	if (!s)
		return ERR_DB;
	sqlite3_bind_int64(s, 1, id);
	bind_str(s, 2, now);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		read_news(s, a, out);
	sqlite3_reset(s);
	return row_err(rc);
}

const char *store_news_next_change(struct store *st, struct arena *a, const char *now)
{
	static const char sql[] =
	    "SELECT min(t) FROM (SELECT published_at AS t FROM news WHERE status = 'published' AND "
	    "published_at > ?1 UNION ALL SELECT expires_at FROM news WHERE status = 'published' "
	    "AND expires_at > ?1)";
	sqlite3_stmt *s = stmt_get(st, sql);
	if (!s)
		return NULL;
	bind_str(s, 1, now);
	const char *t = sqlite3_step(s) == SQLITE_ROW ? col_str(s, 0, a) : NULL;
	sqlite3_reset(s);
	return t;
}

/* ---- FAQ import ---- */

enum err store_faq_upsert(struct store *st, const struct faq_import *f, char *err, size_t errsz)
{
	static const char unit_sql[] = "SELECT code FROM units WHERE name_zh = ?1 OR code = ?1";
	static const char cat_new[] =
	    "INSERT INTO categories (code, name_zh, sort) SELECT 'c' || (1 + (SELECT count(*) FROM categories)), "
	    "?1, 900 WHERE NOT EXISTS (SELECT 1 FROM categories WHERE name_zh = ?1)";
	static const char upsert[] =
	    "INSERT INTO faq (slug, unit, category, question_zh, answer_zh, question_en, answer_en, "
	    "keywords_zh, reviewed_on, updated_by) VALUES (?1, ?2, (SELECT code FROM categories WHERE name_zh = ?3), "
	    "?4, ?5, ?6, ?7, ?8, ?9, 'import') ON CONFLICT(slug) DO UPDATE SET unit = excluded.unit, "
	    "category = excluded.category, question_zh = excluded.question_zh, answer_zh = excluded.answer_zh, "
	    "question_en = excluded.question_en, answer_en = excluded.answer_en, keywords_zh = excluded.keywords_zh, "
	    "reviewed_on = excluded.reviewed_on, updated_by = 'import', "
	    "updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')";
	sqlite3_stmt *s = stmt_get(st, unit_sql);
	if (!s)
		return ERR_DB;
	bind_str(s, 1, f->unit_zh);
	char unit[64] = "";
	if (sqlite3_step(s) == SQLITE_ROW)
		snprintf(unit, sizeof unit, "%s", (const char *)sqlite3_column_text(s, 0));
	sqlite3_reset(s);
	if (!unit[0]) {
		snprintf(err, errsz, "%s: unknown unit %s", f->slug, f->unit_zh);
		return tx_note(st, ERR_INVAL);
	}
	s = stmt_get(st, cat_new);
	if (!s)
		return ERR_DB;
	bind_str(s, 1, f->category_zh);
	enum err rc = stmt_done(st, s);
	if (rc != ERR_OK) {
		snprintf(err, errsz, "%s: category %s: %s", f->slug, f->category_zh, store_errmsg(st));
		return rc;
	}
	s = stmt_get(st, upsert);
	if (!s)
		return ERR_DB;
	bind_str(s, 1, f->slug);
	bind_str(s, 2, unit);
	bind_str(s, 3, f->category_zh);
	bind_str(s, 4, f->question_zh);
	bind_str(s, 5, f->answer_zh);
	bind_str(s, 6, f->question_en);
	bind_str(s, 7, f->answer_en);
	bind_str(s, 8, f->keywords_zh);
	bind_str(s, 9, f->reviewed_on);
	rc = stmt_done(st, s);
	if (rc != ERR_OK)
		snprintf(err, errsz, "%s: %s", f->slug, store_errmsg(st));
	return rc;
}

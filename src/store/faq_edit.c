/*
 * faq_edit.c -- SQL for staff editing FAQ entries and for finding entries
 * due for review (declared in catalog.h).  Triggers keep the search index
 * and the public-page generation in step (migrations 001 and 005).
 */
#include <stdio.h>
#include <string.h>

#include "store/catalog.h"
#include "store/internal.h"

enum err store_faq_meta(struct store *st, struct arena *a, const char *slug, struct faq_meta *out)
{
	static const char sql[] = "SELECT id, keywords_zh, updated_by, updated_at, rev FROM faq WHERE slug = ?1";
	sqlite3_stmt *s = stmt_get(st, sql);
	if (!s)
		return ERR_DB;
	bind_str(s, 1, slug);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		out->id = sqlite3_column_int64(s, 0);
		out->keywords_zh = col_str(s, 1, a);
		out->updated_by = col_str(s, 2, a);
		out->updated_at = col_str(s, 3, a);
		out->rev = sqlite3_column_int64(s, 4);
	}
	sqlite3_reset(s);
	return row_err(rc);
}

/* An empty English text is stored as NULL: the pages then say "in Chinese only". */
enum err store_faq_create(struct store *st, const struct faq_edit *f, long long *id)
{
	static const char sql[] =
	    "INSERT INTO faq (slug, unit, category, question_zh, answer_zh, question_en, answer_en, keywords_zh, "
	    "reviewed_on, updated_by, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)";
	sqlite3_stmt *s = stmt_get(st, sql);
	if (!s)
		return ERR_DB;
	bind_str(s, 1, f->slug);
	bind_str(s, 2, f->unit);
	bind_str(s, 3, f->category);
	bind_str(s, 4, f->question[LANG_ZH]);
	bind_str(s, 5, f->answer[LANG_ZH]);
	bind_opt(s, 6, f->question[LANG_EN]);
	bind_opt(s, 7, f->answer[LANG_EN]);
	bind_str(s, 8, f->keywords_zh ? f->keywords_zh : "");
	bind_str(s, 9, f->reviewed_on);
	bind_str(s, 10, f->updated_by);
	bind_str(s, 11, f->updated_at);
	return stmt_insert(st, s, id);
}

enum err store_faq_update(struct store *st, long long id, long long rev, const struct faq_edit *f)
{
	static const char sql[] =
	    "UPDATE faq SET unit = ?3, category = ?4, question_zh = ?5, answer_zh = ?6, question_en = ?7, "
	    "answer_en = ?8, keywords_zh = ?9, reviewed_on = ?10, updated_by = ?11, updated_at = ?12, "
	    "rev = rev + 1 WHERE id = ?1 AND rev = ?2";
	static const char exists[] = "SELECT 1 FROM faq WHERE id = ?1";
	sqlite3_stmt *s = stmt_get(st, sql);
	if (!s)
		return ERR_DB;
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int64(s, 2, rev);
	bind_str(s, 3, f->unit);
	bind_str(s, 4, f->category);
	bind_str(s, 5, f->question[LANG_ZH]);
	bind_str(s, 6, f->answer[LANG_ZH]);
	bind_opt(s, 7, f->question[LANG_EN]);
	bind_opt(s, 8, f->answer[LANG_EN]);
	bind_str(s, 9, f->keywords_zh ? f->keywords_zh : "");
	bind_str(s, 10, f->reviewed_on);
	bind_str(s, 11, f->updated_by);
	bind_str(s, 12, f->updated_at);
	enum err e = stmt_done(st, s);
	if (e != ERR_OK || sqlite3_changes(st->db) == 1)
		return e;
	s = stmt_get(st, exists);
	if (!s)
		return ERR_DB;
	sqlite3_bind_int64(s, 1, id);
	int rc = sqlite3_step(s);
	sqlite3_reset(s);
	return tx_note(st, rc == SQLITE_ROW ? ERR_CONFLICT : rc == SQLITE_DONE ? ERR_NOTFOUND : ERR_DB);
}

enum err store_faq_delete(struct store *st, long long id)
{
	static const char sql[] = "DELETE FROM faq WHERE id = ?1";
	sqlite3_stmt *s = stmt_get(st, sql);
	if (!s)
		return ERR_DB;
	sqlite3_bind_int64(s, 1, id);
	enum err e = stmt_done(st, s);
	if (e == ERR_OK && sqlite3_changes(st->db) == 0)
		return tx_note(st, ERR_NOTFOUND);
	return e;
}

static void read_stale(sqlite3_stmt *s, struct arena *a, void *item)
{
	struct faq_rec *f = item;
	f->id = sqlite3_column_int64(s, 0);
	f->slug = col_str(s, 1, a);
	f->unit.code = col_str(s, 2, a);
	f->unit.name[LANG_ZH] = col_str(s, 3, a);
	f->unit.name[LANG_EN] = col_str(s, 4, a);
	f->category.code = col_str(s, 5, a);
	f->category.name[LANG_ZH] = col_str(s, 6, a);
	f->category.name[LANG_EN] = col_str(s, 7, a);
	f->question[LANG_ZH] = col_str(s, 8, a);
	f->question[LANG_EN] = col_str(s, 9, a);
	f->reviewed_on = col_str(s, 10, a);
}

enum err store_faq_stale(struct store *st, struct arena *a, const char *before, struct faq_rec **out, size_t *n)
{
	static const char sql[] = "SELECT f.id, f.slug, u.code, u.name_zh, u.name_en, c.code, c.name_zh, c.name_en, "
	                          "f.question_zh, f.question_en, f.reviewed_on FROM faq f "
	                          "JOIN units u ON u.code = f.unit JOIN categories c ON c.code = f.category "
	                          "WHERE f.reviewed_on < ?1 ORDER BY u.sort, u.code, f.reviewed_on, f.slug";
	sqlite3_stmt *s = stmt_get(st, sql);
	if (s)
		bind_str(s, 1, before);
	return STMT_LIST(st, s, a, out, n, read_stale);
}

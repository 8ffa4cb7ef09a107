/*
 * surveys.c -- SQL for questionnaires and their answers (see surveys.h).
 */
#include "store/surveys.h"

#include "store/internal.h"

#define SURVEY_COLS                                                                                                    \
	"s.id, s.unit, s.title_zh, s.title_en, s.spec, s.event_id, s.service_code, s.state, s.created_at, "            \
	"(SELECT count(*) FROM survey_responses WHERE survey_id = s.id) "

static void read_survey(sqlite3_stmt *s, struct arena *a, void *item)
{
	struct survey_rec *r = item;
	r->id = sqlite3_column_int64(s, 0);
	r->unit = col_str(s, 1, a);
	r->title[LANG_ZH] = col_str(s, 2, a);
	r->title[LANG_EN] = col_str(s, 3, a);
	r->spec = col_str(s, 4, a);
	r->event_id = sqlite3_column_int64(s, 5);
	r->service_code = col_str(s, 6, a);
	r->state = col_str(s, 7, a);
	r->created_at = col_str(s, 8, a);
	r->responses = sqlite3_column_int64(s, 9);
}

/* Binds the fields staff write: ?1 unit, ?2-?3 titles, ?4 spec, ?5 event, ?6 service. */
static void bind_draft(sqlite3_stmt *s, const struct survey_rec *r)
{
	bind_opt(s, 1, r->unit);
	bind_str(s, 2, r->title[LANG_ZH]);
	bind_opt(s, 3, r->title[LANG_EN]);
	bind_str(s, 4, r->spec);
	if (r->event_id)
		sqlite3_bind_int64(s, 5, r->event_id);
	bind_opt(s, 6, r->service_code);
}

enum err store_survey_create(struct store *st, const struct survey_rec *r, long long created_by, const char *at,
                             long long *id)
{
	static const char sql[] = "INSERT INTO surveys (unit, title_zh, title_en, spec, event_id, service_code, "
	                          "created_by, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
	sqlite3_stmt *s = stmt_get(st, sql);
	if (!s)
		return ERR_DB;
	bind_draft(s, r);
	if (created_by)
		sqlite3_bind_int64(s, 7, created_by);
	bind_str(s, 8, at);
	return stmt_insert(st, s, id);
}

enum err store_survey_update(struct store *st, const struct survey_rec *r)
{
	static const char sql[] =
	    "UPDATE surveys SET unit = ?1, title_zh = ?2, title_en = ?3, spec = ?4, event_id = ?5, service_code = ?6 "
	    "WHERE id = ?7 AND state = 'draft' AND NOT EXISTS (SELECT 1 FROM survey_responses WHERE survey_id = ?7)";
	sqlite3_stmt *s = stmt_get(st, sql);
	if (!s)
		return ERR_DB;
	bind_draft(s, r);
	sqlite3_bind_int64(s, 7, r->id);
	return stmt_changed_one(st, s);
}

enum err store_survey_get(struct store *st, struct arena *a, long long id, struct survey_rec *out)
{
	static const char sql[] = "SELECT " SURVEY_COLS "FROM surveys s WHERE s.id = ?1";
	return stmt_one_by_id(st, a, sql, id, out, read_survey);
}

enum err store_surveys_list(struct store *st, struct arena *a, const char *unit, struct survey_rec **out, size_t *n)
{
	static const char sql[] =
	    "SELECT " SURVEY_COLS "FROM surveys s WHERE ?1 IS NULL OR s.unit = ?1 ORDER BY s.id DESC";
	sqlite3_stmt *s = stmt_get(st, sql);
	if (!s)
		return ERR_DB;
	bind_str(s, 1, unit);
	return STMT_LIST(st, s, a, out, n, read_survey);
}

enum err store_surveys_for_event(struct store *st, struct arena *a, long long event_id, struct survey_rec **out,
                                 size_t *n)
{
	static const char sql[] = "SELECT " SURVEY_COLS "FROM surveys s WHERE s.event_id = ?1 ORDER BY s.id DESC";
	sqlite3_stmt *s = stmt_get(st, sql);
	if (!s)
		return ERR_DB;
	sqlite3_bind_int64(s, 1, event_id);
	return STMT_LIST(st, s, a, out, n, read_survey);
}

enum err store_survey_set_state(struct store *st, long long id, const char *from, const char *to)
{
	static const char sql[] = "UPDATE surveys SET state = ?3 WHERE id = ?1 AND state = ?2";
	sqlite3_stmt *s = stmt_get(st, sql);
	if (!s)
		return ERR_DB;
	sqlite3_bind_int64(s, 1, id);
	bind_str(s, 2, from);
	bind_str(s, 3, to);
	return stmt_changed_one(st, s);
}

/* ---- answers ---- */

static enum err answer_add(struct store *st, long long response_id, const struct survey_answer_row *row)
{
	static const char sql[] =
	    "INSERT INTO survey_answers (response_id, question, choice, text) VALUES (?1, ?2, ?3, ?4)";
	sqlite3_stmt *s = stmt_get(st, sql);
	if (!s)
		return ERR_DB;
	sqlite3_bind_int64(s, 1, response_id);
	sqlite3_bind_int(s, 2, row->question);
	if (row->choice)
		sqlite3_bind_int(s, 3, row->choice);
	bind_opt(s, 4, row->text);
	return stmt_done(st, s);
}

enum err store_survey_respond(struct store *st, const struct survey_response_new *r)
{
	static const char sql[] =
	    "INSERT INTO survey_responses (survey_id, signup_id, form_hash, created_at) VALUES (?1, ?2, ?3, ?4)";
	sqlite3_stmt *s = stmt_get(st, sql);
	if (!s)
		return ERR_DB;
	sqlite3_bind_int64(s, 1, r->survey_id);
	if (r->signup_id)
		sqlite3_bind_int64(s, 2, r->signup_id);
	bind_str(s, 3, r->form_hash);
	bind_str(s, 4, r->at);
	long long id = 0;
	enum err err = stmt_insert(st, s, &id);
	for (size_t i = 0; err == ERR_OK && i < r->nrows; i++)
		err = answer_add(st, id, &r->rows[i]);
	return err;
}

enum err store_survey_by_form(struct store *st, const char *form_hash, long long *survey_id)
{
	static const char sql[] = "SELECT survey_id FROM survey_responses WHERE form_hash = ?1";
	sqlite3_stmt *s = stmt_get(st, sql);
	if (!s)
		return ERR_DB;
	bind_str(s, 1, form_hash);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*survey_id = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	return row_err(rc);
}

static void read_count(sqlite3_stmt *s, struct arena *a, void *item)
{
	(void)a;
	struct survey_count *c = item;
	c->question = sqlite3_column_int(s, 0);
	c->choice = sqlite3_column_int(s, 1);
	c->n = sqlite3_column_int64(s, 2);
}

enum err store_survey_counts(struct store *st, struct arena *a, long long id, struct survey_count **out, size_t *n)
{
	static const char sql[] = "SELECT a.question, a.choice, count(*) FROM survey_answers a "
	                          "JOIN survey_responses r ON r.id = a.response_id "
	                          "WHERE r.survey_id = ?1 AND a.choice IS NOT NULL "
	                          "GROUP BY a.question, a.choice ORDER BY a.question, a.choice";
	sqlite3_stmt *s = stmt_get(st, sql);
	if (!s)
		return ERR_DB;
	sqlite3_bind_int64(s, 1, id);
	return STMT_LIST(st, s, a, out, n, read_count);
}

static void read_text(sqlite3_stmt *s, struct arena *a, void *item)
{
	struct survey_answer_row *r = item;
	r->question = sqlite3_column_int(s, 0);
	r->text = col_str(s, 1, a);
}

enum err store_survey_texts(struct store *st, struct arena *a, long long id, struct survey_answer_row **out, size_t *n)
{
	static const char sql[] = "SELECT a.question, a.text FROM survey_answers a "
	                          "JOIN survey_responses r ON r.id = a.response_id "
	                          "WHERE r.survey_id = ?1 AND a.text IS NOT NULL ORDER BY a.question, r.id";
	sqlite3_stmt *s = stmt_get(st, sql);
	if (!s)
		return ERR_DB;
	sqlite3_bind_int64(s, 1, id);
	return STMT_LIST(st, s, a, out, n, read_text);
}

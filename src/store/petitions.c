/*
 * petitions.c -- SQL for petitions, their events, extension requests,
 * deadline rules (see petitions.h).
 */
#include <stdio.h>
#include <string.h>

#include "domain/ids.h"
#include "domain/petition.h"
#include "store/internal.h"
#include "store/petitions.h"

#define OPEN_STATES "('received', 'routed', 'assigned')"

#define PETITION_SELECT                                                                                                \
	"SELECT p.id, p.petition_no, p.code_hash, p.channel, p.ext_ref, p.name, p.phone, p.email, p.address, "         \
	"p.anonymous, p.confidential, p.read_back, p.village, v.name_zh, v.name_en, p.category, c.name_zh, "           \
	"c.name_en, p.subject, p.body, p.unit, u.name_zh, u.name_en, u.phone, p.officer_id, o.display_name, "          \
	"p.state, p.received_on, p.received_at, p.due_on, p.ext_until, p.days, p.ext_allowed, "                        \
	"(SELECT count(*) FROM petition_extensions x WHERE x.petition_id = p.id), "                                    \
	"EXISTS (SELECT 1 FROM petition_extensions x WHERE x.petition_id = p.id AND x.decision IS NULL), "             \
	"p.reply, p.agency, p.transfer_on, p.ground, p.outcome_note, p.duplicate_of, d.petition_no, p.closed_at, "     \
	"p.closed_on, p.rating, p.rating_note, p.created_by, "                                                         \
	"(SELECT x.asked_by FROM petition_extensions x WHERE x.petition_id = p.id AND x.decision IS NULL), "           \
	"p.place, p.lat IS NOT NULL AND p.lon IS NOT NULL, p.lat, p.lon, p.publish, "                                  \
	"(SELECT count(*) FROM petition_photos f WHERE f.petition_id = p.id) "                                         \
	"FROM petitions p "                                                                                            \
	"LEFT JOIN villages v ON v.code = p.village LEFT JOIN categories c ON c.code = p.category "                    \
	"LEFT JOIN units u ON u.code = p.unit LEFT JOIN users o ON o.id = p.officer_id "                               \
	"LEFT JOIN petitions d ON d.id = p.duplicate_of "

static void read_petition(sqlite3_stmt *s, struct arena *a, void *item)
{
	struct petition_rec *p = item;
	int i = 0;
	p->co_units = NULL; /* the handlers' petition_load fills it */
	p->id = sqlite3_column_int64(s, i++);
	p->no = col_str(s, i++, a);
	p->code_hash = col_str(s, i++, a);
	p->channel = col_str(s, i++, a);
	p->ext_ref = col_str(s, i++, a);
	p->name = col_str(s, i++, a);
	p->phone = col_str(s, i++, a);
	p->email = col_str(s, i++, a);
	p->address = col_str(s, i++, a);
	p->anonymous = sqlite3_column_int(s, i++) != 0;
	p->confidential = sqlite3_column_int(s, i++) != 0;
	p->read_back = sqlite3_column_int(s, i++) != 0;
	p->village = col_str(s, i++, a);
	p->village_name[LANG_ZH] = col_str(s, i++, a);
	p->village_name[LANG_EN] = col_str(s, i++, a);
	p->category = col_str(s, i++, a);
	p->category_name[LANG_ZH] = col_str(s, i++, a);
	p->category_name[LANG_EN] = col_str(s, i++, a);
	p->subject = col_str(s, i++, a);
	p->body = col_str(s, i++, a);
	p->unit = col_str(s, i++, a);
	p->unit_name[LANG_ZH] = col_str(s, i++, a);
	p->unit_name[LANG_EN] = col_str(s, i++, a);
	p->unit_phone = col_str(s, i++, a);
	p->officer_id = sqlite3_column_int64(s, i++);
	p->officer_name = col_str(s, i++, a);
	p->state = pet_state_parse((const char *)sqlite3_column_text(s, i++));
	p->received_on = col_str(s, i++, a);
	p->received_at = col_str(s, i++, a);
	p->due_on = col_str(s, i++, a);
	p->ext_until = col_str(s, i++, a);
	p->days = sqlite3_column_int(s, i++);
	p->ext_allowed = sqlite3_column_int(s, i++);
	p->ext_asked = sqlite3_column_int(s, i++);
	p->ext_pending = sqlite3_column_int(s, i++) != 0;
	p->reply = col_str(s, i++, a);
	p->agency = col_str(s, i++, a);
	p->transfer_on = col_str(s, i++, a);
	p->ground = col_str(s, i++, a);
	p->outcome_note = col_str(s, i++, a);
	p->duplicate_of = sqlite3_column_int64(s, i++);
	p->duplicate_no = col_str(s, i++, a);
	p->closed_at = col_str(s, i++, a);
	p->closed_on = col_str(s, i++, a);
	p->rating = sqlite3_column_int(s, i++);
	p->rating_note = col_str(s, i++, a);
	p->created_by = sqlite3_column_int64(s, i++);
	p->ext_asked_by = sqlite3_column_int64(s, i++);
	p->place = col_str(s, i++, a);
	p->has_point = sqlite3_column_int(s, i++) != 0;
	p->lat = sqlite3_column_double(s, i++);
	p->lon = sqlite3_column_double(s, i++);
	p->publish = sqlite3_column_int(s, i++) != 0;
	p->nphotos = sqlite3_column_int(s, i++);
}

enum err store_petition_create(struct store *st, const struct petition_new *p, char *no, long long *id)
{
	static const char seq_sql[] =
	    "SELECT petition_no FROM petitions WHERE received_on = ?1 ORDER BY id DESC LIMIT 1";
	static const char ins[] =
	    "INSERT INTO petitions (petition_no, code_hash, channel, ext_ref, name, phone, phone_digits, email, "
	    "address, anonymous, confidential, read_back, village, category, subject, body, state, received_on, "
	    "received_at, days, due_on, created_by, form_hash, place, lat, lon, publish) VALUES (?1, ?2, ?3, ?4, ?5, "
	    "?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, 'received', ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, "
	    "?25, ?26)";
	int32_t day;
	if (!cal_parse_iso(p->received_on, &day))
		return tx_note(st, ERR_INVAL);
	int seq = stmt_day_next_seq(st, seq_sql, p->received_on);
	if (seq < 0)
		return ERR_DB;
	ids_number('P', day, seq, no);
	sqlite3_stmt *s = stmt_get(st, ins);
	if (!s)
		return ERR_DB;
	bind_str(s, 1, no);
	bind_str(s, 2, p->code_hash);
	bind_str(s, 3, p->channel);
	bind_opt(s, 4, p->ext_ref);
	bind_opt(s, 5, p->name);
	bind_opt(s, 6, p->phone);
	bind_opt(s, 7, p->phone_digits);
	bind_opt(s, 8, p->email);
	bind_opt(s, 9, p->address);
	sqlite3_bind_int(s, 10, p->anonymous);
	sqlite3_bind_int(s, 11, p->confidential);
	sqlite3_bind_int(s, 12, p->read_back);
	bind_opt(s, 13, p->village);
	bind_opt(s, 14, p->category);
	bind_str(s, 15, p->subject);
	bind_str(s, 16, p->body);
	bind_str(s, 17, p->received_on);
	bind_str(s, 18, p->received_at);
	sqlite3_bind_int(s, 19, p->days);
	bind_str(s, 20, p->due_on);
	if (p->user_id)
		sqlite3_bind_int64(s, 21, p->user_id);
	bind_opt(s, 22, p->form_hash);
	bind_opt(s, 23, p->place);
	if (p->has_point) {
		sqlite3_bind_double(s, 24, p->lat);
		sqlite3_bind_double(s, 25, p->lon);
	}
	sqlite3_bind_int(s, 26, p->publish);
	return stmt_insert(st, s, id);
}

enum err store_petition_photo_add(struct store *st, long long id, const struct petition_photo *ph)
{
	static const char sql[] = "INSERT INTO petition_photos (petition_id, seq, mime, width, height, data, thumb) "
	                          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
	sqlite3_stmt *s = stmt_get(st, sql);
	if (!s)
		return ERR_DB;
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int(s, 2, ph->seq);
	bind_str(s, 3, ph->mime);
	sqlite3_bind_int(s, 4, ph->width);
	sqlite3_bind_int(s, 5, ph->height);
	sqlite3_bind_blob(s, 6, ph->data, (int)ph->len, SQLITE_STATIC);
	sqlite3_bind_blob(s, 7, ph->thumb, (int)ph->thumb_len, SQLITE_STATIC);
	return stmt_done(st, s);
}

enum err store_petition_photo(struct store *st, struct arena *a, const char *no, int seq, bool thumb, bool public_only,
                              struct petition_photo *out)
{
	static const char sql[] = "SELECT f.mime, f.width, f.height, CASE WHEN ?3 THEN f.thumb ELSE f.data END "
	                          "FROM petition_photos f JOIN petitions p ON p.id = f.petition_id "
	                          "WHERE p.petition_no = ?1 AND f.seq = ?2 "
	                          "AND (NOT ?4 OR (p.publish = 1 AND p.confidential = 0))";
	sqlite3_stmt *s = stmt_get(st, sql);
	if (!s)
		return ERR_DB;
	bind_str(s, 1, no);
	sqlite3_bind_int(s, 2, seq);
	sqlite3_bind_int(s, 3, thumb);
	sqlite3_bind_int(s, 4, public_only);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*out = (struct petition_photo){.seq = seq, .mime = col_str(s, 0, a)};
		out->width = sqlite3_column_int(s, 1);
		out->height = sqlite3_column_int(s, 2);
		size_t len = (size_t)sqlite3_column_bytes(s, 3);
		void *copy = arena_alloc(a, len ? len : 1);
		if (len)
			memcpy(copy, sqlite3_column_blob(s, 3), len);
		if (thumb) {
			out->thumb = copy;
			out->thumb_len = len;
		} else {
			out->data = copy;
			out->len = len;
		}
	}
	sqlite3_reset(s);
	return row_err(rc);
}

enum err store_petition_by_no(struct store *st, struct arena *a, const char *no, struct petition_rec *out)
{
	return stmt_one_by(st, a, PETITION_SELECT "WHERE p.petition_no = ?1", no, out, read_petition);
}

enum err store_petition_by_form(struct store *st, struct arena *a, const char *form_hash, struct petition_rec *out)
{
	return stmt_one_by(st, a, PETITION_SELECT "WHERE p.form_hash = ?1", form_hash, out, read_petition);
}

static void read_pet_event(sqlite3_stmt *s, struct arena *a, void *item)
{
	struct pet_event_rec *e = item;
	e->at = col_str(s, 0, a);
	e->username = col_str(s, 1, a);
	e->action = col_str(s, 2, a);
	e->from_state = col_str(s, 3, a);
	e->to_state = col_str(s, 4, a);
	e->note = col_str(s, 5, a);
}

enum err store_petition_events(struct store *st, struct arena *a, long long id, struct pet_event_rec **out, size_t *n)
{
	static const char sql[] = "SELECT at, username, action, from_state, to_state, note FROM petition_events "
	                          "WHERE petition_id = ?1 ORDER BY id";
	sqlite3_stmt *s = stmt_get(st, sql);
	if (s)
		sqlite3_bind_int64(s, 1, id);
	return STMT_LIST(st, s, a, out, n, read_pet_event);
}

enum err store_petition_event(struct store *st, long long id, const char *at, long long user_id, const char *username,
                              const char *action, const char *from, const char *to, const char *note)
{
	static const char sql[] = "INSERT INTO petition_events (petition_id, at, user_id, username, action, "
	                          "from_state, to_state, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
	sqlite3_stmt *s = stmt_get(st, sql);
	if (!s)
		return ERR_DB;
	sqlite3_bind_int64(s, 1, id);
	bind_str(s, 2, at);
	if (user_id)
		sqlite3_bind_int64(s, 3, user_id);
	bind_str(s, 4, username);
	bind_str(s, 5, action);
	bind_str(s, 6, from);
	bind_str(s, 7, to);
	bind_opt(s, 8, note);
	return stmt_done(st, s);
}

enum err store_petition_route(struct store *st, long long id, enum pet_state from, const char *unit,
                              const char *category, int days, const char *due_on)
{
	static const char sql[] = "UPDATE petitions SET unit = ?3, category = ?4, days = ?5, due_on = ?6, "
	                          "officer_id = NULL, state = 'routed' WHERE id = ?1 AND state = ?2";
	sqlite3_stmt *s = stmt_get(st, sql);
	if (!s)
		return ERR_DB;
	sqlite3_bind_int64(s, 1, id);
	bind_str(s, 2, pet_state_name(from));
	bind_str(s, 3, unit);
	bind_opt(s, 4, category);
	sqlite3_bind_int(s, 5, days);
	bind_str(s, 6, due_on);
	return stmt_changed_one(st, s);
}

enum err store_petition_assign(struct store *st, long long id, enum pet_state from, long long officer_id)
{
	static const char sql[] =
	    "UPDATE petitions SET officer_id = ?3, state = 'assigned' WHERE id = ?1 AND state = ?2";
	sqlite3_stmt *s = stmt_get(st, sql);
	if (!s)
		return ERR_DB;
	sqlite3_bind_int64(s, 1, id);
	bind_str(s, 2, pet_state_name(from));
	sqlite3_bind_int64(s, 3, officer_id);
	return stmt_changed_one(st, s);
}

enum err store_petition_close(struct store *st, long long id, enum pet_state from, const struct petition_outcome *o)
{
	static const char sql[] =
	    "UPDATE petitions SET state = ?3, reply = ?4, agency = ?5, transfer_on = ?6, ground = ?7, "
	    "outcome_note = ?8, duplicate_of = ?9, closed_at = ?10, closed_on = ?11 WHERE id = ?1 AND state = ?2";
	sqlite3_stmt *s = stmt_get(st, sql);
	if (!s)
		return ERR_DB;
	sqlite3_bind_int64(s, 1, id);
	bind_str(s, 2, pet_state_name(from));
	bind_str(s, 3, pet_state_name(o->state));
	bind_opt(s, 4, o->reply);
	bind_opt(s, 5, o->agency);
	bind_opt(s, 6, o->transfer_on);
	bind_opt(s, 7, o->ground);
	bind_opt(s, 8, o->note);
	if (o->duplicate_of)
		sqlite3_bind_int64(s, 9, o->duplicate_of);
	bind_str(s, 10, o->closed_at);
	bind_str(s, 11, o->closed_on);
	return stmt_changed_one(st, s);
}

enum err store_petition_rate(struct store *st, long long id, int rating, const char *note, const char *at)
{
	static const char sql[] = "UPDATE petitions SET rating = ?2, rating_note = ?3, rated_at = ?4 "
	                          "WHERE id = ?1 AND state = 'replied' AND rating IS NULL";
	return stmt_rate(st, sql, id, rating, note, at);
}

enum err store_petitions_open(struct store *st, struct arena *a, const char *unit, long long officer_id,
                              enum pet_state state, struct petition_rec **out, size_t *n)
{
	/* the partial index on open petitions' due dates: cost follows open items */
	static const char sql[] = PETITION_SELECT "WHERE p.state IN " OPEN_STATES
	                                          " AND (?1 IS NULL OR p.unit = ?1) AND (?2 = 0 OR p.officer_id = ?2) "
	                                          "AND (?3 IS NULL OR p.state = ?3) ORDER BY p.due_on, p.id LIMIT 500";
	sqlite3_stmt *s = stmt_get(st, sql);
	if (s) {
		bind_str(s, 1, unit);
		sqlite3_bind_int64(s, 2, officer_id);
		bind_str(s, 3, state < PS__MAX ? pet_state_name(state) : NULL);
	}
	return STMT_LIST(st, s, a, out, n, read_petition);
}

static void read_counts(sqlite3_stmt *s, struct arena *a, void *item)
{
	struct petition_counts *c = item;
	c->unit = col_str(s, 0, a);
	c->unit_name[LANG_ZH] = col_str(s, 1, a);
	c->unit_name[LANG_EN] = col_str(s, 2, a);
	int *f[] = {&c->open,      &c->near,       &c->today,        &c->overdue,  &c->mine,
	            &c->mine_near, &c->mine_today, &c->mine_overdue, &c->unrouted, &c->ext_waiting};
	for (int i = 0; i < 10; i++)
		*f[i] = sqlite3_column_int(s, 3 + i);
}

enum err store_petition_counts(struct store *st, struct arena *a, const char *today, const char *near_until,
                               long long officer_id, struct petition_counts **out, size_t *n)
{
	static const char sql[] =
	    "SELECT p.unit, u.name_zh, u.name_en, count(*), "
	    "total(p.due_on > ?1 AND p.due_on <= ?2), total(p.due_on = ?1), total(p.due_on < ?1), "
	    "total(p.officer_id = ?3), total(p.officer_id = ?3 AND p.due_on > ?1 AND p.due_on <= ?2), "
	    "total(p.officer_id = ?3 AND p.due_on = ?1), total(p.officer_id = ?3 AND p.due_on < ?1), "
	    "total(p.state = 'received'), "
	    "total(EXISTS (SELECT 1 FROM petition_extensions x WHERE x.petition_id = p.id AND x.decision IS NULL)) "
	    "FROM petitions p LEFT JOIN units u ON u.code = p.unit WHERE p.state IN " OPEN_STATES
	    " GROUP BY p.unit ORDER BY p.unit IS NULL, u.sort, p.unit";
	sqlite3_stmt *s = stmt_get(st, sql);
	if (s) {
		bind_str(s, 1, today);
		bind_str(s, 2, near_until);
		sqlite3_bind_int64(s, 3, officer_id);
	}
	return STMT_LIST(st, s, a, out, n, read_counts);
}

enum err store_petitions_by_phone(struct store *st, struct arena *a, const char *digits, struct petition_rec **out,
                                  size_t *n)
{
	static const char sql[] = PETITION_SELECT "WHERE p.phone_digits = ?1 ORDER BY p.id DESC LIMIT 20";
	sqlite3_stmt *s = stmt_get(st, sql);
	if (s)
		bind_str(s, 1, digits);
	return STMT_LIST(st, s, a, out, n, read_petition);
}

/* ---- 會辦: units that handle a petition with its lead ---- */

static void read_co_unit(sqlite3_stmt *s, struct arena *a, void *item)
{
	struct co_unit_rec *r = item;
	r->unit = col_str(s, 0, a);
	r->unit_name[LANG_ZH] = col_str(s, 1, a);
	r->unit_name[LANG_EN] = col_str(s, 2, a);
	r->part = col_str(s, 3, a);
	r->asked_at = col_str(s, 4, a);
	r->asked_by = col_str(s, 5, a);
	r->answered_at = col_str(s, 6, a);
	r->answered_by = col_str(s, 7, a);
}

enum err store_co_units(struct store *st, struct arena *a, long long petition_id, struct co_unit_rec **out, size_t *n)
{
	static const char sql[] =
	    "SELECT c.unit, u.name_zh, u.name_en, c.part, c.asked_at, c.asked_by, c.answered_at, c.answered_by "
	    "FROM petition_co_units c JOIN units u ON u.code = c.unit WHERE c.petition_id = ?1 ORDER BY c.asked_at, "
	    "c.unit";
	sqlite3_stmt *s = stmt_get(st, sql);
	if (s)
		sqlite3_bind_int64(s, 1, petition_id);
	return STMT_LIST(st, s, a, out, n, read_co_unit);
}

enum err store_co_unit_ask(struct store *st, long long petition_id, const char *unit, const char *at, const char *by)
{
	sqlite3_stmt *s = stmt_get(
	    st, "INSERT INTO petition_co_units (petition_id, unit, asked_at, asked_by) VALUES (?1, ?2, ?3, ?4)");
	if (s) {
		sqlite3_bind_int64(s, 1, petition_id);
		bind_str(s, 2, unit);
		bind_str(s, 3, at);
		bind_opt(s, 4, by);
	}
	return stmt_done(st, s);
}

enum err store_co_unit_answer(struct store *st, long long petition_id, const char *unit, const char *part,
                              const char *at, const char *by)
{
	sqlite3_stmt *s = stmt_get(st, "UPDATE petition_co_units SET part = ?3, answered_at = ?4, answered_by = ?5 "
	                               "WHERE petition_id = ?1 AND unit = ?2 AND part IS NULL");
	if (s) {
		sqlite3_bind_int64(s, 1, petition_id);
		bind_str(s, 2, unit);
		bind_str(s, 3, part);
		bind_str(s, 4, at);
		bind_opt(s, 5, by);
	}
	return stmt_changed_one(st, s);
}

/* ---- extensions (the requests: store/extensions.c) ---- */

enum err store_petition_extend(struct store *st, long long id, const char *ext_until, const char *due_on)
{
	sqlite3_stmt *s = stmt_get(st, "UPDATE petitions SET ext_until = ?2, due_on = ?3 WHERE id = ?1");
	if (!s)
		return ERR_DB;
	sqlite3_bind_int64(s, 1, id);
	bind_str(s, 2, ext_until);
	bind_str(s, 3, due_on);
	return stmt_changed_one(st, s);
}

enum err store_petition_allow_extension(struct store *st, long long id)
{
	sqlite3_stmt *s = stmt_get(st, "UPDATE petitions SET ext_allowed = ext_allowed + 1 WHERE id = ?1");
	if (!s)
		return ERR_DB;
	sqlite3_bind_int64(s, 1, id);
	return stmt_changed_one(st, s);
}

/* ---- deadline rules ---- */

static void read_rule(sqlite3_stmt *s, struct arena *a, void *item)
{
	struct rule_rec *r = item;
	r->id = sqlite3_column_int64(s, 0);
	r->channel = col_str(s, 1, a);
	r->category = col_str(s, 2, a);
	r->days = sqlite3_column_int(s, 3);
	r->updated_by = col_str(s, 4, a);
	r->updated_at = col_str(s, 5, a);
}

enum err store_petition_rules(struct store *st, struct arena *a, struct rule_rec **out, size_t *n)
{
	static const char sql[] = "SELECT id, channel, category, days, updated_by, updated_at FROM petition_rules "
	                          "ORDER BY channel = '*' DESC, channel, category = '*' DESC, category";
	return STMT_LIST(st, stmt_get(st, sql), a, out, n, read_rule);
}

enum err store_petition_rule_days(struct store *st, const char *channel, const char *category, int *days)
{
	/* most specific first: an exact channel outranks an exact category */
	static const char sql[] =
	    "SELECT days FROM petition_rules WHERE channel IN (?1, '*') AND category IN (?2, '*') "
	    "ORDER BY channel = '*', category = '*' LIMIT 1";
	sqlite3_stmt *s = stmt_get(st, sql);
	if (!s)
		return ERR_DB;
	bind_str(s, 1, channel);
	bind_str(s, 2, category && *category ? category : "*");
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*days = sqlite3_column_int(s, 0);
	sqlite3_reset(s);
	return row_err(rc);
}

enum err store_petition_rule_set(struct store *st, const char *channel, const char *category, int days, const char *by)
{
	static const char sql[] =
	    "INSERT INTO petition_rules (channel, category, days, updated_by, updated_at) "
	    "VALUES (?1, ?2, ?3, ?4, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')) ON CONFLICT (channel, category) "
	    "DO UPDATE SET days = excluded.days, updated_by = excluded.updated_by, updated_at = excluded.updated_at";
	sqlite3_stmt *s = stmt_get(st, sql);
	if (!s)
		return ERR_DB;
	bind_str(s, 1, channel);
	bind_str(s, 2, category);
	sqlite3_bind_int(s, 3, days);
	bind_str(s, 4, by);
	return stmt_done(st, s);
}

enum err store_petition_rule_delete(struct store *st, long long id)
{
	static const char sql[] = "DELETE FROM petition_rules WHERE id = ?1 AND NOT (channel = '*' AND category = '*')";
	sqlite3_stmt *s = stmt_get(st, sql);
	if (!s)
		return ERR_DB;
	sqlite3_bind_int64(s, 1, id);
	enum err e = stmt_done(st, s);
	if (e == ERR_OK && sqlite3_changes(st->db) == 0)
		return tx_note(st, ERR_INVAL);
	return e;
}

static void read_category(sqlite3_stmt *s, struct arena *a, void *item)
{
	struct named_rec *c = item;
	c->code = col_str(s, 0, a);
	c->name[LANG_ZH] = col_str(s, 1, a);
	c->name[LANG_EN] = col_str(s, 2, a);
}

enum err store_categories(struct store *st, struct arena *a, struct named_rec **out, size_t *n)
{
	return STMT_LIST(st, stmt_get(st, "SELECT code, name_zh, name_en FROM categories ORDER BY sort, code"), a, out,
	                 n, read_category);
}

struct due_ctx {
	struct store *st;
	const struct cal *c;
};

static enum err petition_due_row(void *ctx, sqlite3_stmt *s)
{
	static const char upd[] = "UPDATE petitions SET due_on = ?2 WHERE id = ?1 AND due_on <> ?2";
	struct due_ctx *d = ctx;
	int32_t rec, ext = CAL_DAY_INVALID;
	if (!cal_parse_iso((const char *)sqlite3_column_text(s, 1), &rec))
		return ERR_OK;
	if (sqlite3_column_type(s, 3) != SQLITE_NULL)
		cal_parse_iso((const char *)sqlite3_column_text(s, 3), &ext);
	char due[CAL_ISO_SIZE];
	cal_format_iso(pet_due(d->c, rec, sqlite3_column_int(s, 2), ext), due);
	sqlite3_stmt *u = stmt_get(d->st, upd);
	if (!u)
		return ERR_DB;
	sqlite3_bind_int64(u, 1, sqlite3_column_int64(s, 0));
	sqlite3_bind_text(u, 2, due, -1, SQLITE_TRANSIENT);
	return stmt_done(d->st, u);
}

enum err store_petitions_recompute_due(struct store *st, const struct cal *c)
{
	static const char sel[] = "SELECT id, received_on, days, ext_until FROM petitions WHERE state IN " OPEN_STATES;
	struct due_ctx d = {st, c};
	return stmt_each(st, stmt_get(st, sel), petition_due_row, &d);
}

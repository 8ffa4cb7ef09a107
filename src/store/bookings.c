/*
 * bookings.c -- SQL for slot rules, blocks and bookings (see bookings.h).
 */
#include "store/bookings.h"

#include <string.h>

#include "store/internal.h"

static void read_rule(sqlite3_stmt *s, struct arena *a, void *item)
{
	(void)a;
	struct slot_rule_rec *r = item;
	r->id = sqlite3_column_int64(s, 0);
	r->rule.kind = slot_kind_parse((const char *)sqlite3_column_text(s, 1));
	r->rule.weekday = sqlite3_column_int(s, 2);
	r->rule.start_min = sqlite3_column_int(s, 3);
	r->rule.end_min = sqlite3_column_int(s, 4);
	r->rule.length_min = sqlite3_column_int(s, 5);
	if (!cal_parse_iso((const char *)sqlite3_column_text(s, 6), &r->rule.from_day))
		r->rule.kind = SK__MAX; /* never offers a slot */
	const char *until = (const char *)sqlite3_column_text(s, 7);
	if (!until || !cal_parse_iso(until, &r->rule.until_day))
		r->rule.until_day = CAL_DAY_INVALID;
}

enum err store_slot_rules(struct store *st, struct arena *a, struct slot_rule_rec **out, size_t *n)
{
	static const char sql[] = "SELECT id, kind, weekday, start_min, end_min, length_min, from_day, until_day "
	                          "FROM slot_rules ORDER BY kind, weekday, start_min, id";
	return STMT_LIST(st, stmt_get(st, sql), a, out, n, read_rule);
}

enum err store_slot_rule_add(struct store *st, const struct slot_rule *r, long long by, const char *at)
{
	static const char sql[] = "INSERT INTO slot_rules (kind, weekday, start_min, end_min, length_min, from_day, "
	                          "until_day, created_by, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
	char from[CAL_ISO_SIZE], until[CAL_ISO_SIZE];
	sqlite3_stmt *s = stmt_get(st, sql);
	if (!s)
		return ERR_DB;
	bind_str(s, 1, slot_kind_name(r->kind));
	sqlite3_bind_int(s, 2, r->weekday);
	sqlite3_bind_int(s, 3, r->start_min);
	sqlite3_bind_int(s, 4, r->end_min);
	sqlite3_bind_int(s, 5, r->length_min);
	bind_str(s, 6, cal_format_iso(r->from_day, from));
	bind_str(s, 7, r->until_day == CAL_DAY_INVALID ? NULL : cal_format_iso(r->until_day, until));
	if (by)
		sqlite3_bind_int64(s, 8, by);
	bind_str(s, 9, at);
	return stmt_done(st, s);
}

enum err store_slot_rule_remove(struct store *st, long long id)
{
	static const char sql[] = "DELETE FROM slot_rules WHERE id = ?1";
	sqlite3_stmt *s = stmt_get(st, sql);
	if (!s)
		return ERR_DB;
	sqlite3_bind_int64(s, 1, id);
	enum err e = stmt_done(st, s);
	return e == ERR_OK && sqlite3_changes(st->db) == 0 ? tx_note(st, ERR_NOTFOUND) : e;
}

static void read_block(sqlite3_stmt *s, struct arena *a, void *item)
{
	struct slot_block_rec *b = item;
	b->kind = col_str(s, 0, a);
	b->day = col_str(s, 1, a);
	b->start_min = sqlite3_column_int(s, 2);
	b->reason = col_str(s, 3, a);
}

enum err store_slot_blocks(struct store *st, struct arena *a, const char *from, const char *to,
                           struct slot_block_rec **out, size_t *n)
{
	static const char sql[] = "SELECT kind, day, start_min, reason FROM slot_blocks WHERE day BETWEEN ?1 AND ?2 "
	                          "ORDER BY day, start_min";
	sqlite3_stmt *s = stmt_get(st, sql);
	if (!s)
		return ERR_DB;
	bind_str(s, 1, from);
	bind_str(s, 2, to);
	return STMT_LIST(st, s, a, out, n, read_block);
}

enum err store_slot_block(struct store *st, const struct slot_block_rec *b, long long by, const char *at)
{
	static const char sql[] = "INSERT INTO slot_blocks (kind, day, start_min, reason, created_by, created_at) "
	                          "VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
	sqlite3_stmt *s = stmt_get(st, sql);
	if (!s)
		return ERR_DB;
	bind_str(s, 1, b->kind);
	bind_str(s, 2, b->day);
	sqlite3_bind_int(s, 3, b->start_min);
	bind_str(s, 4, b->reason);
	if (by)
		sqlite3_bind_int64(s, 5, by);
	bind_str(s, 6, at);
	return stmt_done(st, s);
}

#define BOOKING_COLS "id, kind, day, start_min, length_min, name, phone, email, subject, state, created_at "

static void read_booking(sqlite3_stmt *s, struct arena *a, void *item)
{
	struct booking_rec *b = item;
	b->id = sqlite3_column_int64(s, 0);
	b->kind = col_str(s, 1, a);
	b->day = col_str(s, 2, a);
	b->start_min = sqlite3_column_int(s, 3);
	b->length_min = sqlite3_column_int(s, 4);
	b->name = col_str(s, 5, a);
	b->phone = col_str(s, 6, a);
	b->email = col_str(s, 7, a);
	b->subject = col_str(s, 8, a);
	b->state = col_str(s, 9, a);
	b->created_at = col_str(s, 10, a);
}

enum err store_bookings_range(struct store *st, struct arena *a, const char *from, const char *to,
                              struct booking_rec **out, size_t *n)
{
	static const char sql[] = "SELECT " BOOKING_COLS "FROM bookings WHERE day BETWEEN ?1 AND ?2 AND state = "
	                          "'booked' ORDER BY day, start_min";
	sqlite3_stmt *s = stmt_get(st, sql);
	if (!s)
		return ERR_DB;
	bind_str(s, 1, from);
	bind_str(s, 2, to);
	return STMT_LIST(st, s, a, out, n, read_booking);
}

enum err store_booking_add(struct store *st, const struct booking_new *b, long long *id)
{
	static const char sql[] =
	    "INSERT INTO bookings (kind, day, start_min, length_min, form_hash, code_hash, name, phone, email, "
	    "subject, state, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 'booked', ?11)";
	sqlite3_stmt *s = stmt_get(st, sql);
	if (!s)
		return ERR_DB;
	bind_str(s, 1, b->kind);
	bind_str(s, 2, b->day);
	sqlite3_bind_int(s, 3, b->start_min);
	sqlite3_bind_int(s, 4, b->length_min);
	bind_str(s, 5, b->form_hash);
	bind_str(s, 6, b->code_hash);
	bind_str(s, 7, b->name);
	bind_str(s, 8, b->phone);
	bind_opt(s, 9, b->email);
	bind_str(s, 10, b->subject);
	bind_str(s, 11, b->at);
	return stmt_insert(st, s, id);
}

enum err store_booking_by_form(struct store *st, struct arena *a, const char *form_hash, struct booking_rec *out)
{
	static const char sql[] = "SELECT " BOOKING_COLS "FROM bookings WHERE form_hash = ?1";
	return stmt_one_by(st, a, sql, form_hash, out, read_booking);
}

enum err store_booking_by_code(struct store *st, struct arena *a, const char *code_hash, struct booking_rec *out)
{
	static const char sql[] = "SELECT " BOOKING_COLS "FROM bookings WHERE code_hash = ?1";
	return stmt_one_by(st, a, sql, code_hash, out, read_booking);
}

enum err store_booking_cancel(struct store *st, long long id, const char *at)
{
	static const char sql[] =
	    "UPDATE bookings SET state = 'cancelled', cancelled_at = ?2 WHERE id = ?1 AND state = 'booked'";
	sqlite3_stmt *s = stmt_get(st, sql);
	if (!s)
		return ERR_DB;
	sqlite3_bind_int64(s, 1, id);
	bind_str(s, 2, at);
	enum err e = stmt_done(st, s);
	return e == ERR_OK && sqlite3_changes(st->db) != 1 ? tx_note(st, ERR_CONFLICT) : e;
}

enum err store_bookings_purge(struct store *st, const char *before, const char *at, int *n)
{
	static const char mail[] = "DELETE FROM citizen_outbox WHERE item_kind = 'booking' AND item_id IN "
	                           "(SELECT id FROM bookings WHERE day < ?1 AND purged_at IS NULL)";
	static const char people[] = "UPDATE bookings SET name = NULL, phone = NULL, email = NULL, subject = NULL, "
	                             "purged_at = ?2 WHERE day < ?1 AND purged_at IS NULL";
	sqlite3_stmt *s = stmt_get(st, mail);
	if (!s)
		return ERR_DB;
	bind_str(s, 1, before);
	enum err e = stmt_done(st, s);
	if (e != ERR_OK)
		return e;
	if (!(s = stmt_get(st, people)))
		return ERR_DB;
	bind_str(s, 1, before);
	bind_str(s, 2, at);
	e = stmt_done(st, s);
	*n = e == ERR_OK ? sqlite3_changes(st->db) : 0;
	return e;
}

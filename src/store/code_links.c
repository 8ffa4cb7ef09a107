/*
 * code_links.c -- SQL for replacing lost query codes (see code_links.h).
 */
#include "store/code_links.h"

#include <string.h>

#include "store/internal.h"

enum err store_code_replace(struct store *st, const char *item_kind, long long item_id, const char *code_hash,
                            const char *at)
{
	bool is_case = strcmp(item_kind, "case") == 0;
	sqlite3_stmt *s = stmt_get(st, is_case ? "UPDATE cases SET code_hash = ?2 WHERE id = ?1"
	                                       : "UPDATE petitions SET code_hash = ?2 WHERE id = ?1");
	if (!s)
		return tx_note(st, ERR_DB);
	sqlite3_bind_int64(s, 1, item_id);
	bind_str(s, 2, code_hash);
	enum err e = stmt_changed_one(st, s);
	if (e != ERR_OK)
		return e;
	s = stmt_get(st,
	             "UPDATE code_links SET used_at = ?3 WHERE item_kind = ?1 AND item_id = ?2 AND used_at IS NULL");
	if (!s)
		return tx_note(st, ERR_DB);
	bind_str(s, 1, item_kind);
	sqlite3_bind_int64(s, 2, item_id);
	bind_str(s, 3, at);
	return stmt_done(st, s);
}

enum err store_code_link_add(struct store *st, const char *item_kind, long long item_id, const char *token_hash,
                             const char *at, time_t expires, long long *id)
{
	sqlite3_stmt *s =
	    stmt_get(st, "INSERT INTO code_links (item_kind, item_id, token_hash, created_at, expires_at) "
	                 "VALUES (?1, ?2, ?3, ?4, ?5)");
	if (!s)
		return tx_note(st, ERR_DB);
	bind_str(s, 1, item_kind);
	sqlite3_bind_int64(s, 2, item_id);
	bind_str(s, 3, token_hash);
	bind_str(s, 4, at);
	sqlite3_bind_int64(s, 5, (sqlite3_int64)expires);
	return stmt_insert(st, s, id);
}

static void read_link(sqlite3_stmt *s, struct arena *a, void *item)
{
	struct code_link_rec *r = item;
	r->id = sqlite3_column_int64(s, 0);
	r->item_kind = col_str(s, 1, a);
	r->item_id = sqlite3_column_int64(s, 2);
	r->expires = (time_t)sqlite3_column_int64(s, 3);
	r->used = sqlite3_column_type(s, 4) != SQLITE_NULL;
	r->no = col_str(s, 5, a);
}

enum err store_code_link_find(struct store *st, struct arena *a, const char *token_hash, struct code_link_rec *out)
{
	static const char sql[] =
	    "SELECT l.id, l.item_kind, l.item_id, l.expires_at, l.used_at, coalesce(p.petition_no, c.case_no) "
	    "FROM code_links l "
	    "LEFT JOIN petitions p ON l.item_kind = 'petition' AND p.id = l.item_id "
	    "LEFT JOIN cases c ON l.item_kind = 'case' AND c.id = l.item_id WHERE l.token_hash = ?1";
	return stmt_one_by(st, a, sql, token_hash, out, read_link);
}

/*
 * accounts.c -- SQL for the accounts page (see accounts.h).
 */
#include "store/accounts.h"

#include "store/internal.h"

static void read_account(sqlite3_stmt *s, struct arena *a, void *item)
{
	struct user_rec *u = item;
	u->id = sqlite3_column_int64(s, 0);
	u->username = col_str(s, 1, a);
	u->display_name = col_str(s, 2, a);
	u->role = role_parse((const char *)sqlite3_column_text(s, 3));
	u->unit = col_str(s, 4, a);
	u->unit_name[LANG_ZH] = col_str(s, 5, a);
	u->unit_name[LANG_EN] = col_str(s, 6, a);
	u->phone = col_str(s, 7, a);
	u->active = sqlite3_column_int(s, 8) != 0;
	u->email = col_str(s, 9, a);
}

enum err store_users_all(struct store *st, struct arena *a, struct user_rec **out, size_t *n)
{
	static const char sql[] = "SELECT u.id, u.username, u.display_name, u.role, u.unit, n.name_zh, n.name_en, "
	                          "u.phone, u.active, u.email FROM users u LEFT JOIN units n ON n.code = u.unit "
	                          "ORDER BY u.active DESC, u.username";
	return STMT_LIST(st, stmt_get(st, sql), a, out, n, read_account);
}

enum err store_user_create(struct store *st, const struct account_edit *u, long long *id)
{
	sqlite3_stmt *s = stmt_get(st, "INSERT INTO users (username, display_name, role, unit, email, pw_hash) "
	                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
	if (!s)
		return ERR_DB;
	bind_str(s, 1, u->username);
	bind_str(s, 2, u->display_name);
	bind_str(s, 3, u->role);
	bind_opt(s, 4, u->unit);
	bind_opt(s, 5, u->email);
	bind_str(s, 6, u->pw_hash);
	return stmt_insert(st, s, id);
}

enum err store_user_update(struct store *st, long long id, const struct account_edit *u)
{
	sqlite3_stmt *s =
	    stmt_get(st, "UPDATE users SET display_name = ?2, role = ?3, unit = ?4, email = ?5 WHERE id = ?1");
	if (!s)
		return ERR_DB;
	sqlite3_bind_int64(s, 1, id);
	bind_str(s, 2, u->display_name);
	bind_str(s, 3, u->role);
	bind_opt(s, 4, u->unit);
	bind_opt(s, 5, u->email);
	enum err e = stmt_done(st, s);
	return e == ERR_OK && sqlite3_changes(st->db) == 0 ? ERR_NOTFOUND : e;
}

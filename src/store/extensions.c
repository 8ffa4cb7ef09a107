/*
 * extensions.c -- SQL for extension requests (see extensions.h): the same
 * statements over petition_extensions (004) and case_extensions (023).
 */
#include "store/extensions.h"

#include "store/internal.h"

#define EXT_SELECT(table, fk, days)                                                                                    \
	"SELECT x.id, ua.display_name, x.asked_at, x.old_due, x.new_due, x.reason, " days ", x.decision, "             \
	"ud.display_name, x.decided_at, x.decision_note FROM " table " x "                                             \
	"LEFT JOIN users ua ON ua.id = x.asked_by LEFT JOIN users ud ON ud.id = x.decided_by WHERE x." fk " = ?1 "

/* One statement per kind: [IK_PETITION] and [IK_CASE]; NULL for the others. */
static const char *const list_sql[IK__MAX] = {
    [IK_PETITION] = EXT_SELECT("petition_extensions", "petition_id", "0") "ORDER BY x.id",
    [IK_CASE] = EXT_SELECT("case_extensions", "case_id", "x.days") "ORDER BY x.id",
};
static const char *const waiting_sql[IK__MAX] = {
    [IK_PETITION] = EXT_SELECT("petition_extensions", "petition_id", "0") "AND x.decision IS NULL",
    [IK_CASE] = EXT_SELECT("case_extensions", "case_id", "x.days") "AND x.decision IS NULL",
};
static const char *const ask_sql[IK__MAX] = {
    [IK_PETITION] = "INSERT INTO petition_extensions (petition_id, asked_by, asked_at, old_due, new_due, reason) "
                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    [IK_CASE] = "INSERT INTO case_extensions (case_id, asked_by, asked_at, old_due, new_due, reason, days) "
                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
};
static const char *const decide_sql[IK__MAX] = {
    [IK_PETITION] = "UPDATE petition_extensions SET decision = ?2, decided_by = ?3, decided_at = ?4, "
                    "decision_note = ?5 WHERE id = ?1 AND decision IS NULL",
    [IK_CASE] = "UPDATE case_extensions SET decision = ?2, decided_by = ?3, decided_at = ?4, "
                "decision_note = ?5 WHERE id = ?1 AND decision IS NULL",
};

/* The statement of kind from table; NULL (ERR_DB for the caller) for a kind without extensions. */
static sqlite3_stmt *ext_stmt(struct store *st, const char *const *table, enum item_kind kind)
{
	return kind == IK_PETITION || kind == IK_CASE ? stmt_get(st, table[kind]) : NULL;
}

static void read_extension(sqlite3_stmt *s, struct arena *a, void *item)
{
	struct extension_rec *x = item;
	x->id = sqlite3_column_int64(s, 0);
	x->asked_by = col_str(s, 1, a);
	x->asked_at = col_str(s, 2, a);
	x->old_due = col_str(s, 3, a);
	x->new_due = col_str(s, 4, a);
	x->reason = col_str(s, 5, a);
	x->days = sqlite3_column_int(s, 6);
	x->decision = col_str(s, 7, a);
	x->decided_by = col_str(s, 8, a);
	x->decided_at = col_str(s, 9, a);
	x->note = col_str(s, 10, a);
}

enum err store_extensions(struct store *st, struct arena *a, enum item_kind kind, long long id,
                          struct extension_rec **out, size_t *n)
{
	sqlite3_stmt *s = ext_stmt(st, list_sql, kind);
	if (s)
		sqlite3_bind_int64(s, 1, id);
	return STMT_LIST(st, s, a, out, n, read_extension);
}

enum err store_extension_waiting(struct store *st, struct arena *a, enum item_kind kind, long long id,
                                 struct extension_rec *out)
{
	struct extension_rec *xs;
	size_t n;
	sqlite3_stmt *s = ext_stmt(st, waiting_sql, kind);
	if (s)
		sqlite3_bind_int64(s, 1, id);
	enum err e = STMT_LIST(st, s, a, &xs, &n, read_extension);
	if (e == ERR_OK && n == 0)
		return ERR_NOTFOUND;
	if (e == ERR_OK)
		*out = xs[0];
	return e;
}

enum err store_extension_ask(struct store *st, enum item_kind kind, long long id, const struct extension_ask *x)
{
	sqlite3_stmt *s = ext_stmt(st, ask_sql, kind);
	if (!s)
		return ERR_DB;
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int64(s, 2, x->user_id);
	bind_str(s, 3, x->at);
	bind_str(s, 4, x->old_due);
	bind_str(s, 5, x->new_due);
	bind_str(s, 6, x->reason);
	if (kind == IK_CASE)
		sqlite3_bind_int(s, 7, x->days);
	return stmt_done(st, s); /* the partial unique index refuses a second waiting request */
}

enum err store_extension_decide(struct store *st, enum item_kind kind, long long ext_id, const char *decision,
                                long long user_id, const char *at, const char *note)
{
	sqlite3_stmt *s = ext_stmt(st, decide_sql, kind);
	if (!s)
		return ERR_DB;
	sqlite3_bind_int64(s, 1, ext_id);
	bind_str(s, 2, decision);
	sqlite3_bind_int64(s, 3, user_id);
	bind_str(s, 4, at);
	bind_opt(s, 5, note);
	return stmt_changed_one(st, s);
}

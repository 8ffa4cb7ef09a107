/*
 * outbox.c -- the two outboxes' delivery (see outbox.h): one set of calls,
 * each outbox's statements side by side.
 */
#include "store/outbox.h"

#include "store/internal.h"

#define DUE_WHERE                                                                                                      \
	"WHERE state IN ('pending', 'sending') AND state = 'pending' AND next_at <= ?1 ORDER BY next_at, id LIMIT ?2"
#define GAVE_UP "interrupted during sending; not resent (it may have been delivered)"

static const struct {
	const char *due, *claim, *sent, *retry, *recover;
} sql[OUTBOX__MAX] = {
    [OUTBOX_STAFF] =
        {
            "SELECT id, to_addr, subject, body, attempts, 'email' FROM outbox " DUE_WHERE,
            "UPDATE outbox SET state = 'sending', attempts = attempts + 1 WHERE id = ?1 AND state = 'pending'",
            "UPDATE outbox SET state = 'sent', sent_at = ?2, last_error = NULL WHERE id = ?1",
            "UPDATE outbox SET state = CASE WHEN ?2 = 0 THEN 'failed' ELSE 'pending' END, next_at = ?2, "
            "last_error = ?3 WHERE id = ?1",
            "UPDATE outbox SET state = 'failed', last_error = '" GAVE_UP "' WHERE state = 'sending'",
        },
    [OUTBOX_CITIZENS] =
        {
            "SELECT id, to_addr, subject, body, attempts, channel FROM citizen_outbox " DUE_WHERE,
            "UPDATE citizen_outbox SET state = 'sending', attempts = attempts + 1 WHERE id = ?1 AND state = "
            "'pending'",
            "UPDATE citizen_outbox SET state = 'sent', sent_at = ?2, last_error = NULL, body = '' WHERE id = ?1",
            "UPDATE citizen_outbox SET state = CASE WHEN ?2 = 0 THEN 'failed' ELSE 'pending' END, next_at = ?2, "
            "last_error = ?3, body = CASE WHEN ?2 = 0 THEN '' ELSE body END WHERE id = ?1",
            "UPDATE citizen_outbox SET state = 'failed', last_error = '" GAVE_UP "', body = '' "
            "WHERE state = 'sending'",
        },
};

static void read_due(sqlite3_stmt *s, struct arena *a, void *item)
{
	struct outbox_rec *r = item;
	r->id = sqlite3_column_int64(s, 0);
	r->to = col_str(s, 1, a);
	r->subject = col_str(s, 2, a);
	r->body = col_str(s, 3, a);
	r->attempts = sqlite3_column_int(s, 4);
	r->channel = col_str(s, 5, a);
}

enum err store_outbox_due(struct store *st, struct arena *a, enum outbox box, time_t now, int limit,
                          struct outbox_rec **out, size_t *n)
{
	sqlite3_stmt *s = stmt_get(st, sql[box].due);
	if (s) {
		sqlite3_bind_int64(s, 1, (sqlite3_int64)now);
		sqlite3_bind_int(s, 2, limit);
	}
	return STMT_LIST(st, s, a, out, n, read_due);
}

enum err store_outbox_claim(struct store *st, enum outbox box, long long id)
{
	sqlite3_stmt *s = stmt_get(st, sql[box].claim);
	if (!s)
		return ERR_DB;
	sqlite3_bind_int64(s, 1, id);
	return stmt_changed_one(st, s);
}

enum err store_outbox_sent(struct store *st, enum outbox box, long long id, const char *at)
{
	sqlite3_stmt *s = stmt_get(st, sql[box].sent);
	if (!s)
		return ERR_DB;
	sqlite3_bind_int64(s, 1, id);
	bind_str(s, 2, at);
	return stmt_done(st, s);
}

enum err store_outbox_retry(struct store *st, enum outbox box, long long id, time_t next_at, const char *error)
{
	sqlite3_stmt *s = stmt_get(st, sql[box].retry);
	if (!s)
		return ERR_DB;
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)next_at);
	bind_str(s, 3, error);
	return stmt_done(st, s);
}

enum err store_outbox_recover(struct store *st, enum outbox box, int *n)
{
	sqlite3_stmt *s = stmt_get(st, sql[box].recover);
	if (!s)
		return ERR_DB;
	enum err e = stmt_done(st, s);
	*n = e == ERR_OK ? sqlite3_changes(st->db) : 0;
	return e;
}

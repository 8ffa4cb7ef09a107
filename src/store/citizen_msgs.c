/*
 * citizen_msgs.c -- SQL for the citizens' outbox (see citizen_msgs.h).
 */
#include "store/citizen_msgs.h"

#include <string.h>

#include "domain/clock.h"
#include "store/internal.h"
#include "store/settings.h"

static bool is_case(const char *item_kind)
{
	return strcmp(item_kind, "case") == 0;
}

enum err store_cmsg_set_lang(struct store *st, const char *item_kind, long long item_id, enum lang lang)
{
	sqlite3_stmt *s = stmt_get(st, is_case(item_kind) ? "UPDATE cases SET lang = ?2 WHERE id = ?1"
	                                                  : "UPDATE petitions SET lang = ?2 WHERE id = ?1");
	if (!s)
		return ERR_DB;
	sqlite3_bind_int64(s, 1, item_id);
	bind_str(s, 2, lang == LANG_EN ? "en" : "zh");
	return stmt_done(st, s);
}

enum err store_cmsg_lang(struct store *st, const char *item_kind, long long item_id, enum lang *lang)
{
	sqlite3_stmt *s = stmt_get(st, is_case(item_kind) ? "SELECT lang FROM cases WHERE id = ?1"
	                                                  : "SELECT lang FROM petitions WHERE id = ?1");
	if (!s)
		return ERR_DB;
	sqlite3_bind_int64(s, 1, item_id);
	enum err e = row_err(sqlite3_step(s));
	if (e == ERR_OK)
		*lang = strcmp((const char *)sqlite3_column_text(s, 0), "en") == 0 ? LANG_EN : LANG_ZH;
	sqlite3_reset(s);
	return tx_note(st, e); /* inside the change's transaction: no record, no message, no change */
}

/* Queues (msg, channel) about to->item to addr, once per (item, msg, ref, channel). */
static enum err add(struct store *st, const char *msg, const char *channel, const struct cmsg_to *to, const char *addr,
                    const struct cmsg *m)
{
	static const char sql[] =
	    "INSERT OR IGNORE INTO citizen_outbox (item_kind, item_id, msg, ref, channel, to_addr, subject, body, "
	    "queued_at, next_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";
	sqlite3_stmt *s = stmt_get(st, sql);
	if (!s)
		return ERR_DB;
	char at[21];
	time_t now = clock_now();
	clock_iso(now, at);
	bind_str(s, 1, to->item_kind);
	sqlite3_bind_int64(s, 2, to->item_id);
	bind_str(s, 3, msg);
	bind_str(s, 4, to->ref ? to->ref : "");
	bind_str(s, 5, channel);
	bind_str(s, 6, addr);
	bind_str(s, 7, m->subject ? m->subject : "");
	bind_str(s, 8, m->body);
	bind_str(s, 9, at);
	sqlite3_bind_int64(s, 10, (sqlite3_int64)now);
	return stmt_done(st, s);
}

enum err store_cmsg_queue(struct store *st, struct arena *a, enum cmsg_kind k, const struct cmsg_to *to,
                          struct cmsg_in *in)
{
	char mobile[CMSG_MOBILE_SIZE];
	enum cmsg_channel ch = cmsg_channel_for(to->email, to->phone, k, mobile);
	if (ch == CMSG_NONE)
		return ERR_OK;
	const char *vals[SET__MAX];
	enum err e = store_settings_load(st, a, vals);
	if (e != ERR_OK)
		return tx_note(st, e);
	in->is_case = is_case(to->item_kind);
	in->office = settings_pick(vals, SET_OFFICE_NAME_ZH, in->lang == LANG_EN);
	in->status_url = arena_printf(a, "%s%s/status", settings_pick(vals, SET_PUBLIC_URL, false),
	                              in->lang == LANG_EN ? "/en" : "");
	struct cmsg m;
	cmsg_compose(a, k, ch, in, &m);
	return add(st, cmsg_kind_name(k), cmsg_channel_name(ch), to, ch == CMSG_SMS ? mobile : to->email, &m);
}

enum err store_cmsg_queue_mail(struct store *st, const struct cmsg_to *to, const char *msg, const struct cmsg *m)
{
	if (!to->email || !*to->email)
		return ERR_OK;
	return add(st, msg, cmsg_channel_name(CMSG_EMAIL), to, to->email, m);
}

static void read_cmsg(sqlite3_stmt *s, struct arena *a, void *item)
{
	struct cmsg_rec *r = item;
	r->msg = col_str(s, 0, a);
	r->channel = col_str(s, 1, a);
	r->subject = col_str(s, 2, a);
	r->state = col_str(s, 3, a);
	r->queued_at = col_str(s, 4, a);
	r->sent_at = col_str(s, 5, a);
	r->last_error = col_str(s, 6, a);
	r->attempts = sqlite3_column_int(s, 7);
	r->to = col_str(s, 8, a);
}

#define CMSG_COLS "o.msg, o.channel, o.subject, o.state, o.queued_at, o.sent_at, o.last_error, o.attempts, o.to_addr "

enum err store_cmsgs_of(struct store *st, struct arena *a, const char *item_kind, long long item_id,
                        struct cmsg_rec **out, size_t *n)
{
	static const char sql[] =
	    "SELECT " CMSG_COLS "FROM citizen_outbox o WHERE o.item_kind = ?1 AND o.item_id = ?2 ORDER BY o.id";
	sqlite3_stmt *s = stmt_get(st, sql);
	if (s) {
		bind_str(s, 1, item_kind);
		sqlite3_bind_int64(s, 2, item_id);
	}
	return STMT_LIST(st, s, a, out, n, read_cmsg);
}

/* The messages of the rows sql selects with ?1 bound to key (text, or an integer when key_text is NULL). */
static enum err cmsgs_where(struct store *st, struct arena *a, const char *sql, const char *key_text, long long key,
                            struct cmsg_rec **out, size_t *n)
{
	sqlite3_stmt *s = stmt_get(st, sql);
	if (s && key_text)
		bind_str(s, 1, key_text);
	else if (s)
		sqlite3_bind_int64(s, 1, key);
	return STMT_LIST(st, s, a, out, n, read_cmsg);
}

enum err store_cmsgs_of_event(struct store *st, struct arena *a, long long event_id, struct cmsg_rec **out, size_t *n)
{
	static const char sql[] = "SELECT " CMSG_COLS "FROM citizen_outbox o JOIN signups s ON s.id = o.item_id "
	                          "WHERE o.item_kind = 'signup' AND s.event_id = ?1 ORDER BY o.id";
	return cmsgs_where(st, a, sql, NULL, event_id, out, n);
}

enum err store_cmsgs_of_day(struct store *st, struct arena *a, const char *day, struct cmsg_rec **out, size_t *n)
{
	static const char sql[] = "SELECT " CMSG_COLS "FROM citizen_outbox o JOIN bookings b ON b.id = o.item_id "
	                          "WHERE o.item_kind = 'booking' AND b.day = ?1 ORDER BY o.id";
	return cmsgs_where(st, a, sql, day, 0, out, n);
}

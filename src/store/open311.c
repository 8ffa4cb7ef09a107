/*
 * open311.c -- SQL for the Open311 API: keys, services, attributes and the
 * public view of requests (see open311.h).
 */
#include "store/open311.h"

#include <string.h>

#include "store/internal.h"

#define PUSH(a, arr, n, cap) arena_push((a), (void **)(arr), (n), &(cap), sizeof **(arr))

/* ---- API keys ---- */

static void read_key(sqlite3_stmt *s, struct arena *a, void *item)
{
	struct apikey_rec *k = item;
	k->id = sqlite3_column_int64(s, 0);
	k->name = col_str(s, 1, a);
	k->rate_per_min = sqlite3_column_int(s, 2);
	k->created_at = col_str(s, 3, a);
	k->revoked_at = col_str(s, 4, a);
}

enum err store_apikey_add(struct store *st, const char *name, const char *key_hash, int rate_per_min, const char *at)
{
	static const char sql[] =
	    "INSERT INTO api_keys (name, key_hash, rate_per_min, created_at) VALUES (?1, ?2, ?3, ?4)";
	sqlite3_stmt *s = stmt_get(st, sql);
	if (!s)
		return ERR_DB;
	bind_str(s, 1, name);
	bind_str(s, 2, key_hash);
	sqlite3_bind_int(s, 3, rate_per_min);
	bind_str(s, 4, at);
	return stmt_done(st, s); /* ERR_CONFLICT: the name or (never in practice) the hash is taken */
}

enum err store_apikey_by_hash(struct store *st, struct arena *a, const char *key_hash, struct apikey_rec *out)
{
	static const char sql[] =
	    "SELECT id, name, rate_per_min, created_at, revoked_at FROM api_keys WHERE key_hash = ?1";
	return stmt_one_by(st, a, sql, key_hash, out, read_key);
}

enum err store_apikeys(struct store *st, struct arena *a, struct apikey_rec **out, size_t *n)
{
	static const char sql[] = "SELECT id, name, rate_per_min, created_at, revoked_at FROM api_keys ORDER BY name";
	return STMT_LIST(st, stmt_get(st, sql), a, out, n, read_key);
}

enum err store_apikey_revoke(struct store *st, const char *name, const char *at)
{
	static const char sql[] = "UPDATE api_keys SET revoked_at = ?2 WHERE name = ?1 AND revoked_at IS NULL";
	sqlite3_stmt *s = stmt_get(st, sql);
	if (!s)
		return ERR_DB;
	bind_str(s, 1, name);
	bind_str(s, 2, at);
	enum err e = stmt_done(st, s);
	if (e == ERR_OK && sqlite3_changes(st->db) == 0)
		return tx_note(st, ERR_NOTFOUND);
	return e;
}

/* ---- services ---- */

#define SERVICE_SELECT                                                                                                 \
	"SELECT c.code, c.name_zh, c.name_en, s.description_zh, s.description_en, s.notice_zh, s.notice_en, "          \
	"s.keywords, s.grp, (SELECT count(*) FROM open311_attributes t WHERE t.category = c.code) "                    \
	"FROM open311_services s JOIN categories c ON c.code = s.category "

static void read_service(sqlite3_stmt *s, struct arena *a, void *item)
{
	struct o311_service *v = item;
	v->code = col_str(s, 0, a);
	v->name[LANG_ZH] = col_str(s, 1, a);
	v->name[LANG_EN] = col_str(s, 2, a);
	v->description[LANG_ZH] = col_str(s, 3, a);
	v->description[LANG_EN] = col_str(s, 4, a);
	v->notice[LANG_ZH] = col_str(s, 5, a);
	v->notice[LANG_EN] = col_str(s, 6, a);
	v->keywords = col_str(s, 7, a);
	v->group = col_str(s, 8, a);
	v->nattrs = sqlite3_column_int(s, 9);
}

enum err store_o311_services(struct store *st, struct arena *a, struct o311_service **out, size_t *n)
{
	static const char sql[] = SERVICE_SELECT "ORDER BY c.sort, c.code";
	return STMT_LIST(st, stmt_get(st, sql), a, out, n, read_service);
}

enum err store_o311_service(struct store *st, struct arena *a, const char *code, struct o311_service *out)
{
	static const char sql[] = SERVICE_SELECT "WHERE s.category = ?1";
	return stmt_one_by(st, a, sql, code, out, read_service);
}

/* Attributes with their values: one row per attribute and value, so the two arrays grow together. */
struct attr_ctx {
	struct arena *a;
	struct o311_attr **out;
	size_t *n, cap, vcap;
	long long last;
};

static enum err attr_row(void *ctx, sqlite3_stmt *s)
{
	struct attr_ctx *x = ctx;
	long long id = sqlite3_column_int64(s, 0);
	if (id != x->last) {
		struct o311_attr *t = PUSH(x->a, x->out, x->n, x->cap);
		t->code = col_str(s, 1, x->a);
		t->datatype = col_str(s, 2, x->a);
		t->required = sqlite3_column_int(s, 3) != 0;
		t->description[LANG_ZH] = col_str(s, 4, x->a);
		t->description[LANG_EN] = col_str(s, 5, x->a);
		t->values = NULL;
		t->nvalues = 0;
		x->vcap = 0;
		x->last = id;
	}
	if (sqlite3_column_type(s, 6) != SQLITE_NULL) {
		struct o311_attr *t = &(*x->out)[*x->n - 1];
		struct o311_value *v = PUSH(x->a, &t->values, &t->nvalues, x->vcap);
		v->key = col_str(s, 6, x->a);
		v->name[LANG_ZH] = col_str(s, 7, x->a);
		v->name[LANG_EN] = col_str(s, 8, x->a);
	}
	return ERR_OK;
}

enum err store_o311_attributes(struct store *st, struct arena *a, const char *code, struct o311_attr **out, size_t *n)
{
	/* one row per attribute and value (attributes without values once, key NULL) */
	static const char sql[] =
	    "SELECT t.id, t.code, t.datatype, t.required, t.description_zh, t.description_en, v.key, v.name_zh, "
	    "v.name_en FROM open311_attributes t LEFT JOIN open311_attribute_values v ON v.attribute_id = t.id "
	    "WHERE t.category = ?1 ORDER BY t.sort, t.id, v.sort, v.key";
	sqlite3_stmt *s = stmt_get(st, sql);
	struct attr_ctx x = {.a = a, .out = out, .n = n, .last = -1};
	*out = NULL;
	*n = 0;
	if (s)
		bind_str(s, 1, code);
	enum err e = stmt_each(st, s, attr_row, &x);
	if (e != ERR_OK) {
		*out = NULL;
		*n = 0;
	}
	return e;
}

/* ---- requests ---- */

enum err store_o311_extra_add(struct store *st, const struct o311_extra *x)
{
	static const char upd[] = "UPDATE petitions SET place = ?2, lat = ?3, lon = ?4, publish = ?5 WHERE id = ?1";
	static const char ins[] = "INSERT INTO open311_requests (petition_id, api_key, address_id, device_id, "
	                          "account_id, media_url, attributes) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
	sqlite3_stmt *s = stmt_get(st, upd);
	if (!s)
		return ERR_DB;
	sqlite3_bind_int64(s, 1, x->petition_id);
	bind_opt(s, 2, x->place);
	if (x->has_point) {
		sqlite3_bind_double(s, 3, x->lat);
		sqlite3_bind_double(s, 4, x->lon);
	}
	sqlite3_bind_int(s, 5, x->publish);
	enum err e = stmt_done(st, s);
	if (e != ERR_OK)
		return e;
	s = stmt_get(st, ins);
	if (!s)
		return ERR_DB;
	sqlite3_bind_int64(s, 1, x->petition_id);
	bind_str(s, 2, x->api_key);
	bind_opt(s, 3, x->address_id);
	bind_opt(s, 4, x->device_id);
	bind_opt(s, 5, x->account_id);
	bind_opt(s, 6, x->media_url);
	bind_str(s, 7, x->attributes ? x->attributes : "{}");
	return stmt_done(st, s);
}

static void read_request(sqlite3_stmt *s, struct arena *a, void *item)
{
	struct o311_request *r = item;
	int i = 0;
	r->no = col_str(s, i++, a);
	r->open = sqlite3_column_int(s, i++) != 0;
	r->state = col_str(s, i++, a);
	r->category = col_str(s, i++, a);
	r->service_name[LANG_ZH] = col_str(s, i++, a);
	r->service_name[LANG_EN] = col_str(s, i++, a);
	r->notice[LANG_ZH] = col_str(s, i++, a);
	r->notice[LANG_EN] = col_str(s, i++, a);
	r->body = col_str(s, i++, a);
	r->media_url = col_str(s, i++, a);
	r->unit_name[LANG_ZH] = col_str(s, i++, a);
	r->unit_name[LANG_EN] = col_str(s, i++, a);
	r->agency = col_str(s, i++, a);
	r->received_at = col_str(s, i++, a);
	r->updated_at = col_str(s, i++, a);
	r->due_on = col_str(s, i++, a);
	r->place = col_str(s, i++, a);
	r->address_id = col_str(s, i++, a);
	r->has_point = sqlite3_column_int(s, i++) != 0;
	r->lat = sqlite3_column_double(s, i++);
	r->lon = sqlite3_column_double(s, i++);
	r->photo = sqlite3_column_int(s, i++) != 0;
}

enum err store_o311_requests(struct store *st, struct arena *a, const struct o311_query *q, struct o311_request **out,
                             size_t *n)
{
	/*
	 * The consent is applied here, not left to the caller: without it the
	 * description, the media URL and the photo never leave the database.  Personal
	 * columns (name, phone, e-mail, the petitioner's address) are not read.
	 */
	static const char sql[] =
	    "SELECT p.petition_no, p.state IN ('received', 'routed', 'assigned'), p.state, p.category, c.name_zh, "
	    "c.name_en, s.notice_zh, s.notice_en, CASE WHEN p.publish THEN p.body END, "
	    "CASE WHEN p.publish THEN r.media_url END, u.name_zh, u.name_en, p.agency, p.received_at, "
	    "coalesce((SELECT max(e.at) FROM petition_events e WHERE e.petition_id = p.id), p.received_at), "
	    "p.due_on, p.place, r.address_id, p.lat IS NOT NULL AND p.lon IS NOT NULL, p.lat, p.lon, "
	    "p.publish AND EXISTS (SELECT 1 FROM petition_photos f WHERE f.petition_id = p.id AND f.seq = 1) "
	    "FROM petitions p JOIN open311_services s ON s.category = p.category "
	    "JOIN categories c ON c.code = p.category LEFT JOIN units u ON u.code = p.unit "
	    "LEFT JOIN open311_requests r ON r.petition_id = p.id "
	    "WHERE p.confidential = 0 AND CASE WHEN ?1 IS NOT NULL "
	    "THEN instr(',' || ?1 || ',', ',' || p.petition_no || ',') > 0 "
	    "ELSE (?2 IS NULL OR instr(',' || ?2 || ',', ',' || p.category || ',') > 0) "
	    "AND p.received_at >= ?3 AND p.received_at <= ?4 "
	    "AND (?5 & CASE WHEN p.state IN ('received', 'routed', 'assigned') THEN 1 ELSE 2 END) != 0 END "
	    "ORDER BY p.received_at DESC, p.id DESC LIMIT ?6";
	sqlite3_stmt *s = stmt_get(st, sql);
	if (s) {
		bind_str(s, 1, q->ids);
		bind_str(s, 2, q->codes);
		bind_str(s, 3, q->from);
		bind_str(s, 4, q->to);
		sqlite3_bind_int(s, 5, q->status);
		sqlite3_bind_int(s, 6, q->limit);
	}
	return STMT_LIST(st, s, a, out, n, read_request);
}

/*
 * open311.c -- the Open311 GeoReport v2 API under /open311/v2/ for the
 * city's 1999 system and civic apps (issue #13, docs/open311.md): the
 * services (petition categories about a place or a thing), a new request
 * (a petition on the channel 'open311', in the same workflow as any
 * other), the public list of requests, one request, tokens, discovery.
 * Every answer is JSON or XML by the path's .json/.xml suffix, and every
 * error the spec's [{"code", "description"}].
 *
 * Privacy: the public view never carries the person's name, phone or
 * e-mail, confidential petitions never appear, and the description and
 * media URL appear only with the petitioner's consent (the "publish"
 * attribute every service has); the store applies the consent itself.
 *
 * Must not include: sqlite3.h, microhttpd.h, fcgiapp.h.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app/auth.h"
#include "app/router.h"
#include "app/view.h"
#include "domain/apikey.h"
#include "domain/cal.h"
#include "domain/clock.h"
#include "domain/ids.h"
#include "domain/petition.h"
#include "domain/place.h"
#include "handlers/handlers.h"
#include "handlers/photos.h"
#include "handlers/views.h"
#include "store/calendar.h"
#include "store/open311.h"
#include "store/petitions.h"
#include "store/staff.h"
#include "util/apidoc.h"

enum {
	RATE_WINDOW = 60,   /* seconds: api_keys.rate_per_min counts the POSTs of this window */
	MAX_RESULTS = 1000, /* GET requests: the spec's limit */
	SPAN_DAYS = 90,     /* GET requests: the spec's default window and widest span */
	MAX_ATTR_CHARS = 1000,
	SUBJECT_CHARS = 30,
	OFFICE_UTC_OFFSET = 8 * 3600, /* Asia/Taipei, no DST */
};

/* The consent attribute of every service (not stored: see store/open311.h). */
static const char PUBLISH[] = "publish";

/* ---- answers ---- */

/* XML when the path ends in .xml; JSON otherwise (also for errors on other suffixes). */
static bool wants_xml(const struct req *rq)
{
	const char *p = rq->local_path ? rq->local_path : rq->path;
	size_t n = strlen(p);
	return n >= 4 && strcmp(p + n - 4, ".xml") == 0;
}

/* Writes doc (and drops it) as the answer, JSON or XML with root element root. */
static void send(struct req *rq, struct resp *rs, int status, json_t *doc, const char *root)
{
	bool xml = wants_xml(rq);
	buf_reset(&rs->body);
	rs->body_static = NULL;
	apidoc_write(doc, root, xml, &rs->body);
	json_decref(doc);
	rs->status = status;
	rs->content_type = xml ? "text/xml; charset=utf-8" : "application/json; charset=utf-8";
}

void open311_error(struct req *rq, struct resp *rs, int status, const char *description)
{
	send(rq, rs, status, json_pack("[{s:i, s:s}]", "code", status, "description", description), "errors");
}

static void fail(struct req *rq, struct resp *rs, int status, const char *key)
{
	open311_error(rq, rs, status, T(rq, key));
}

/* 400 naming the field: "lat: ..." */
static void bad(struct req *rq, struct resp *rs, const char *field, const char *key)
{
	open311_error(rq, rs, 400, arena_printf(rq->arena, "%s: %s", field, T(rq, key)));
}

/* Answers 400 for the first declared field the router refused; true when it did. */
static bool field_errors(struct req *rq, struct resp *rs)
{
	const struct route *r = rq->match->route;
	for (int k = 0; r->fields && r->fields[k].key; k++)
		if (rq->match->vals[k].err_key) {
			bad(rq, rs, key_name(r->fields[k].key), rq->match->vals[k].err_key);
			return true;
		}
	return false;
}

/*
 * The path capture without its format suffix ("P1151202-0001.json" ->
 * "P1151202-0001"); NULL after answering 404 when the suffix is neither.
 */
static const char *resource(struct req *rq, struct resp *rs)
{
	const char *cap = req_cap(rq, 0);
	const char *dot = strrchr(cap, '.');
	if (!dot || (strcmp(dot, ".json") != 0 && strcmp(dot, ".xml") != 0) || dot == cap) {
		fail(rq, rs, 404, "o311_err_format");
		return NULL;
	}
	return arena_strndup(rq->arena, cap, (size_t)(dot - cap));
}

/* The format capture of /open311/v2/NAME.*: false after answering 404 for another one. */
static bool format_ok(struct req *rq, struct resp *rs)
{
	const char *f = req_cap(rq, 0);
	if (strcmp(f, "json") == 0 || strcmp(f, "xml") == 0)
		return true;
	fail(rq, rs, 404, "o311_err_format");
	return false;
}

/* ---- keys ---- */

enum key_state { KEY_NONE, KEY_OK, KEY_ANSWERED };

/*
 * The caller's api_key: KEY_OK (k filled), KEY_NONE when none was given
 * and none is required, KEY_ANSWERED after a 403 (missing, unknown or
 * revoked) or 503.
 */
static enum key_state check_key(struct req *rq, struct resp *rs, struct store *st, bool required, struct apikey_rec *k)
{
	const struct fval *f = req_val(rq, K_API_KEY);
	if (!f->present && !required)
		return KEY_NONE;
	char hash[APIKEY_SIZE];
	apikey_hash(f->s, hash);
	enum err e = f->present && !f->err_key ? store_apikey_by_hash(st, rq->arena, hash, k) : ERR_NOTFOUND;
	if (e == ERR_DB) {
		fail(rq, rs, 503, "err_unavailable");
		return KEY_ANSWERED;
	}
	if (e != ERR_OK || k->revoked_at) {
		fail(rq, rs, 403, "o311_err_key");
		return KEY_ANSWERED;
	}
	return KEY_OK;
}

/* Every call made with a key is in the audit log under the key's name. */
static bool audit_read(struct req *rq, struct resp *rs, struct store *st, const struct apikey_rec *k)
{
	if (store_audit(st, 0, k->name, "open311_read", rq->local_path, NULL, rq->remote_addr) == ERR_OK)
		return true;
	fail(rq, rs, 503, "err_unavailable");
	return false;
}

/*
 * What every read does first: the store, the fields the router checked,
 * and the optional key (audited).  False after answering.
 */
static bool read_start(struct req *rq, struct resp *rs, struct store **st)
{
	*st = req_store(rq);
	struct apikey_rec k;
	enum key_state ks = check_key(rq, rs, *st, false, &k);
	if (ks == KEY_ANSWERED || field_errors(rq, rs))
		return false;
	return ks == KEY_NONE || audit_read(rq, rs, *st, &k);
}

/* ---- services ---- */

void h_o311_services(struct req *rq, struct resp *rs)
{
	struct store *st;
	if (!format_ok(rq, rs) || !read_start(rq, rs, &st))
		return;
	struct o311_service *v;
	size_t n;
	if (store_o311_services(st, rq->arena, &v, &n) != ERR_OK) {
		fail(rq, rs, 503, "err_unavailable");
		return;
	}
	json_t *doc = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(doc, json_pack("{s:s, s:s, s:s, s:b, s:s, s:s, s:s}", "service_code", v[i].code,
		                                     "service_name", pick(rq, v[i].name), "description",
		                                     pick(rq, v[i].description), "metadata", 1, "type", "realtime",
		                                     "keywords", v[i].keywords, "group", v[i].group));
	send(rq, rs, 200, doc, "services");
}

/* One attribute of a service definition, in the spec's member order. */
static json_t *attr_json(const char *code, const char *datatype, bool required, const char *datatype_description,
                         int order, const char *description, json_t *values)
{
	return json_pack("{s:b, s:s, s:s, s:b, s:s?, s:i, s:s, s:o}", "variable", 1, "code", code, "datatype", datatype,
	                 "required", required, "datatype_description", datatype_description, "order", order,
	                 "description", description, "values", values);
}

static json_t *value_json(const char *key, const char *name)
{
	return json_pack("{s:s, s:s}", "key", key, "name", name);
}

void h_o311_service(struct req *rq, struct resp *rs)
{
	struct store *st;
	const char *code = resource(rq, rs);
	if (!code || !read_start(rq, rs, &st))
		return;
	struct o311_service sv;
	struct o311_attr *at;
	size_t n;
	enum err e = store_o311_service(st, rq->arena, code, &sv);
	if (e == ERR_OK)
		e = store_o311_attributes(st, rq->arena, code, &at, &n);
	if (e != ERR_OK) {
		fail(rq, rs, e == ERR_NOTFOUND ? 404 : 503, e == ERR_NOTFOUND ? "o311_err_service" : "err_unavailable");
		return;
	}
	json_t *attrs = json_array();
	for (size_t i = 0; i < n; i++) {
		json_t *values = json_array();
		for (size_t j = 0; j < at[i].nvalues; j++)
			json_array_append_new(values, value_json(at[i].values[j].key, pick(rq, at[i].values[j].name)));
		json_array_append_new(attrs, attr_json(at[i].code, at[i].datatype, at[i].required, NULL, (int)i + 1,
		                                       pick(rq, at[i].description), values));
	}
	json_t *yes_no = json_array();
	json_array_append_new(yes_no, value_json("yes", T(rq, "o311_publish_yes")));
	json_array_append_new(yes_no, value_json("no", T(rq, "o311_publish_no")));
	json_array_append_new(attrs, attr_json(PUBLISH, "singlevaluelist", false, T(rq, "o311_publish_datatype"),
	                                       (int)n + 1, T(rq, "o311_publish"), yes_no));
	send(rq, rs, 200, json_pack("{s:s, s:o}", "service_code", sv.code, "attributes", attrs), "service_definition");
}

/* ---- POST requests ---- */

/*
 * A W3C (ISO 8601) date-time with its zone; a fraction of a second is
 * dropped, and a '+' sent unencoded in a query (it arrives as a space) is
 * taken as meant.  A date alone is the office day's first second (its last
 * when end is set).  Returns -1 when it is none of these.
 */
static time_t parse_when(const char *s, bool end)
{
	char b[40];
	size_t n = strlen(s), j = 0;
	if (n >= sizeof b)
		return -1;
	if (n == 10) {
		snprintf(b, sizeof b, "%sT%s+08:00", s, end ? "23:59:59" : "00:00:00");
		return clock_parse_iso(b);
	}
	for (size_t i = 0; i < n; i++) {
		if (i == 19 && s[i] == '.') {
			while (i + 1 < n && s[i + 1] >= '0' && s[i + 1] <= '9')
				i++;
			continue;
		}
		b[j++] = s[i] == ' ' ? '+' : s[i];
	}
	b[j] = '\0';
	return clock_parse_iso(b);
}

/* "attribute[CODE]" or "attribute[CODE][]" -> CODE (arena copy); NULL for other names. */
static const char *attr_code(struct arena *a, const char *name)
{
	if (strncmp(name, "attribute[", 10) != 0)
		return NULL;
	const char *code = name + 10, *close = strchr(code, ']');
	if (!close || close == code || (strcmp(close, "]") != 0 && strcmp(close, "][]") != 0))
		return NULL;
	return arena_strndup(a, code, (size_t)(close - code));
}

static bool has_control(const char *s, bool allow_newlines)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if ((*p < 0x20 && !(allow_newlines && (*p == '\n' || *p == '\r' || *p == '\t'))) || *p == 0x7f)
			return true;
	return false;
}

/* One attribute value against its datatype and list; the refusal's UI key or NULL. */
static const char *check_value(const struct o311_attr *t, const char *v)
{
	if (utf8_len(v, strlen(v)) > MAX_ATTR_CHARS)
		return "err_too_long";
	if (has_control(v, strcmp(t->datatype, "text") == 0))
		return "err_control_chars";
	if (strcmp(t->datatype, "number") == 0) {
		double d;
		return place_decimal(v, &d) ? NULL : "err_not_number";
	}
	if (strcmp(t->datatype, "datetime") == 0)
		return parse_when(v, false) < 0 ? "o311_err_datetime" : NULL;
	if (strstr(t->datatype, "valuelist")) {
		for (size_t i = 0; i < t->nvalues; i++)
			if (strcmp(t->values[i].key, v) == 0)
				return NULL;
		return "o311_err_value";
	}
	return NULL;
}

/*
 * The posted attribute[...] values checked against the service's
 * attributes (and the consent one) into a JSON object {code: value, or
 * [values] for a multivaluelist}.  NULL after answering 400.
 */
static json_t *read_attributes(struct req *rq, struct resp *rs, const struct o311_attr *at, size_t n, bool *publish)
{
	static const struct o311_value yes_no[] = {{.key = "yes"}, {.key = "no"}};
	const struct o311_attr consent = {
	    .code = PUBLISH, .datatype = "singlevaluelist", .values = (struct o311_value *)yes_no, .nvalues = 2};
	json_t *out = json_object();
	const struct route_match *m = rq->match;
	for (size_t i = 0; i < m->nparams; i++) {
		const char *code = attr_code(rq->arena, m->params[i].name);
		if (!code)
			continue;
		const char *field = arena_printf(rq->arena, "attribute[%s]", code);
		const struct o311_attr *t = strcmp(code, PUBLISH) == 0 ? &consent : NULL;
		for (size_t k = 0; !t && k < n; k++)
			if (strcmp(at[k].code, code) == 0)
				t = &at[k];
		const char *v = m->params[i].val, *err = NULL;
		if (!t)
			err = "o311_err_attribute";
		else if (*v)
			err = check_value(t, v);
		json_t *have = t ? json_object_get(out, code) : NULL;
		if (!err && *v && have && strcmp(t->datatype, "multivaluelist") != 0)
			err = "err_duplicate";
		if (err) {
			json_decref(out);
			bad(rq, rs, field, err);
			return NULL;
		}
		if (!*v)
			continue; /* an empty value counts as not given */
		if (strcmp(t->datatype, "multivaluelist") == 0) {
			if (!have)
				json_object_set_new(out, code, have = json_array());
			json_array_append_new(have, json_string(v));
		} else {
			json_object_set_new(out, code, json_string(v));
		}
	}
	for (size_t k = 0; k < n; k++)
		if (at[k].required && !json_object_get(out, at[k].code)) {
			json_decref(out);
			bad(rq, rs, arena_printf(rq->arena, "attribute[%s]", at[k].code), "err_required");
			return NULL;
		}
	json_t *p = json_object_get(out, PUBLISH);
	*publish = p && strcmp(json_string_value(p), "yes") == 0;
	return out;
}

/* The place: lat and long together, or an address; false after answering 400. */
static bool read_place(struct req *rq, struct resp *rs, struct o311_extra *x)
{
	struct place_point pt;
	switch (place_point(req_val(rq, K_LAT)->s, req_val(rq, K_LONG)->s, &pt)) {
	case PLACE_OK: break;
	case PLACE_NO_LAT: bad(rq, rs, "lat", "o311_err_point"); return false;
	case PLACE_NO_LON: bad(rq, rs, "long", "o311_err_point"); return false;
	case PLACE_BAD_LAT: bad(rq, rs, "lat", "o311_err_lat"); return false;
	case PLACE_BAD_LON: bad(rq, rs, "long", "o311_err_long"); return false;
	}
	x->has_point = pt.set;
	x->lat = pt.lat;
	x->lon = pt.lon;
	x->place = req_val(rq, K_ADDRESS_STRING)->present ? req_val(rq, K_ADDRESS_STRING)->s : NULL;
	x->address_id = req_val(rq, K_ADDRESS_ID)->present ? req_val(rq, K_ADDRESS_ID)->s : NULL;
	if (!x->has_point && !x->place && !x->address_id) {
		fail(rq, rs, 400, "o311_err_place");
		return false;
	}
	return true;
}

/* The person's contact fields; false after answering 400. */
static bool read_person(struct req *rq, struct resp *rs)
{
	const struct fval *email = req_val(rq, K_EMAIL), *phone = req_val(rq, K_PHONE);
	if (email->present && !ids_email_ok(email->s)) {
		bad(rq, rs, "email", "err_email");
		return false;
	}
	if (phone->present && !ids_phone_ok(phone->s)) {
		bad(rq, rs, "phone", "err_phone");
		return false;
	}
	const struct fval *media = req_val(rq, K_MEDIA_URL);
	if (media->present && strncmp(media->s, "https://", 8) != 0 && strncmp(media->s, "http://", 7) != 0) {
		bad(rq, rs, "media_url", "o311_err_media_url");
		return false;
	}
	return true;
}

static const char *opt(const struct req *rq, enum key k)
{
	const struct fval *f = req_val(rq, k);
	return f->present ? f->s : NULL;
}

/* "first last", either alone, or NULL (an anonymous petition). */
static const char *full_name(struct req *rq)
{
	const char *first = opt(rq, K_FIRST_NAME), *last = opt(rq, K_LAST_NAME);
	if (first && last)
		return arena_printf(rq->arena, "%s %s", first, last);
	return first ? first : last;
}

/*
 * Creates the petition, its place and extras, its first event, the audit
 * row under the key's name and the rate-limit attempt in one transaction.
 */
static enum err create_petition(struct req *rq, struct store *st, const struct apikey_rec *k,
                                const struct o311_service *sv, struct o311_extra *x, const struct photo *photos,
                                int nphotos, char no[NO_SIZE])
{
	char code[QUERY_CODE_LEN + 1], code_hash[CODE_HASH_SIZE], due[CAL_ISO_SIZE], digits[32] = "";
	int days;
	ids_query_code(code); /* nobody is told it: the partner follows the request by its id */
	auth_hash_code(code, code_hash);
	enum err e = store_petition_rule_days(st, pet_channel_name(PC_OPEN311), sv->code, &days);
	if (e != ERR_OK)
		return e;
	time_t now = clock_now();
	cal_format_iso(pet_due(store_calendar(st), clock_office_day(now), days, CAL_DAY_INVALID), due);
	const char *name = full_name(rq), *phone = opt(rq, K_PHONE);
	if (phone)
		ids_phone_digits(phone, digits, sizeof digits);
	const char *desc = req_val(rq, K_DESCRIPTION)->s;
	const char *about = *desc ? desc : x->place ? x->place : "";
	const char *at = clock_now_iso(rq->arena);
	struct petition_new pn = {
	    .channel = pet_channel_name(PC_OPEN311),
	    .ext_ref = k->name,
	    .name = name,
	    .phone = phone,
	    .phone_digits = digits,
	    .email = opt(rq, K_EMAIL),
	    .anonymous = name == NULL,
	    .category = sv->code,
	    .subject = *about ? arena_printf(rq->arena, "%s：%s", sv->name[LANG_ZH],
	                                     utf8_first_chars(rq->arena, about, SUBJECT_CHARS))
	                      : sv->name[LANG_ZH],
	    .body = desc,
	    .code_hash = code_hash,
	    .received_on = clock_today_iso(rq->arena),
	    .received_at = at,
	    .days = days,
	    .due_on = due,
	};
	long long id = 0;
	/* the key's rate, counted and recorded in this transaction: a refused request writes nothing */
	const struct attempt_limit rate = {arena_printf(rq->arena, "key:%s", k->name), k->rate_per_min};
	long retry_s;
	store_begin(st);
	store_attempt_take(st, "open311", &rate, 1, now, RATE_WINDOW, &retry_s);
	store_petition_create(st, &pn, no, &id);
	x->petition_id = id;
	store_o311_extra_add(st, x);
	photos_store(st, id, photos, nphotos);
	store_petition_event(st, id, at, 0, k->name, "received", NULL, "received", NULL);
	store_audit(st, 0, k->name, "open311_create", arena_printf(rq->arena, "petition:%s", no), sv->code,
	            rq->remote_addr);
	return store_finish(st);
}

void h_o311_create(struct req *rq, struct resp *rs)
{
	if (!format_ok(rq, rs))
		return;
	struct store *st = req_store(rq);
	struct apikey_rec k;
	if (check_key(rq, rs, st, true, &k) != KEY_OK)
		return;
	const struct fval *code = req_val(rq, K_SERVICE_CODE);
	if (code->err_key) {
		bad(rq, rs, "service_code", code->err_key);
		return;
	}
	struct o311_service sv;
	struct o311_attr *at;
	size_t n;
	enum err e = store_o311_service(st, rq->arena, code->s, &sv);
	if (e == ERR_OK)
		e = store_o311_attributes(st, rq->arena, code->s, &at, &n);
	if (e != ERR_OK) {
		fail(rq, rs, e == ERR_NOTFOUND ? 404 : 503, e == ERR_NOTFOUND ? "o311_err_service" : "err_unavailable");
		return;
	}
	struct o311_extra x = {.api_key = k.name};
	if (field_errors(rq, rs) || !read_place(rq, rs, &x) || !read_person(rq, rs))
		return;
	/* photos sent as multipart "media" files (an extension of the spec's media_url), kept as the forms' are */
	struct photo photos[PHOTO_MAX];
	const char *photo_err;
	int nphotos = photos_take(rq, K_MEDIA, photos, &photo_err);
	if (nphotos < 0) {
		fail(rq, rs, 413, photo_err);
		return;
	}
	if (photo_err) {
		bad(rq, rs, "media", photo_err);
		return;
	}
	json_t *attrs = read_attributes(rq, rs, at, n, &x.publish);
	if (!attrs)
		return;
	char *attrs_text = json_dumps(attrs, JSON_COMPACT);
	json_decref(attrs);
	x.attributes = attrs_text ? arena_strdup(rq->arena, attrs_text) : "{}";
	free(attrs_text);
	x.device_id = opt(rq, K_DEVICE_ID);
	x.account_id = opt(rq, K_ACCOUNT_ID);
	x.media_url = opt(rq, K_MEDIA_URL);
	char no[NO_SIZE] = "";
	enum err made = create_petition(rq, st, &k, &sv, &x, photos, nphotos, no);
	if (made == ERR_LIMIT) {
		resp_header(rs, "Retry-After", "60");
		fail(rq, rs, 429, "o311_err_rate");
		return;
	}
	if (made != ERR_OK) {
		fail(rq, rs, 503, "err_unavailable");
		return;
	}
	rs->no_store = true;
	send(rq, rs, 200,
	     json_pack("[{s:s, s:s, s:s?}]", "service_request_id", no, "service_notice", pick(rq, sv.notice),
	               "account_id", x.account_id),
	     "service_requests");
}

/* ---- GET requests ---- */

/* A UTC timestamp as the office's local time with its zone: 2026-12-02T09:30:00+08:00. */
static const char *local_time(struct arena *a, time_t t)
{
	if (t < 0)
		return "";
	t += OFFICE_UTC_OFFSET;
	struct tm tm;
	gmtime_r(&t, &tm);
	char s[32];
	strftime(s, sizeof s, "%Y-%m-%dT%H:%M:%S+08:00", &tm);
	return arena_strdup(a, s);
}

static const char *utc_text(struct arena *a, time_t t)
{
	char s[21];
	clock_iso(t, s);
	return arena_strdup(a, s);
}

static json_t *request_json(struct req *rq, const struct o311_request *r)
{
	/* transferred: the agency; routed: the section; until then the office itself */
	const char *agency = r->agency               ? r->agency
	                     : r->unit_name[LANG_ZH] ? pick(rq, r->unit_name)
	                                             : view_setting(rq, SET_OFFICE_NAME_ZH);
	json_t *o = json_pack(
	    "{s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s}", "service_request_id", r->no,
	    "status", r->open ? "open" : "closed", "status_notes", petition_state_label(rq, pet_state_parse(r->state)),
	    "service_name", pick(rq, r->service_name), "service_code", r->category, "description",
	    r->body ? r->body : "", "agency_responsible", agency, "service_notice", pick(rq, r->notice),
	    "requested_datetime", local_time(rq->arena, clock_parse_iso(r->received_at)), "updated_datetime",
	    local_time(rq->arena, clock_parse_iso(r->updated_at)),
	    /* due by the end of office hours of the due date */
	    "expected_datetime", arena_printf(rq->arena, "%sT17:00:00+08:00", r->due_on), "address",
	    r->place ? r->place : "", "address_id", r->address_id ? r->address_id : "", "zipcode", "");
	json_object_set_new(o, "lat", r->has_point ? json_real(r->lat) : json_null());
	json_object_set_new(o, "long", r->has_point ? json_real(r->lon) : json_null());
	/* the partner's own URL as sent (never fetched), else our public photo */
	const char *media = r->media_url ? r->media_url
	                    : r->photo ? arena_printf(rq->arena, "%s/petitions/%s/photos/1", view_public_url(rq), r->no)
	                               : "";
	json_object_set_new(o, "media_url", json_string(media));
	return o;
}

/* Every value of a comma list is a slug (service codes, request ids). */
static bool slug_list(const char *s)
{
	if (!*s)
		return false;
	for (const char *p = s; *p; p++)
		if (!(*p == ',' || *p == '-' || *p == '_' || *p == '.' || (*p >= '0' && *p <= '9') ||
		      (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')))
			return false;
	return true;
}

/* status=open, closed or both (comma list) -> O311_* bits; 0 when invalid. */
static int status_bits(const char *s)
{
	int bits = 0;
	const char *p = s;
	while (*p) {
		size_t n = strcspn(p, ",");
		if (n == 4 && strncmp(p, "open", 4) == 0)
			bits |= O311_OPEN;
		else if (n == 6 && strncmp(p, "closed", 6) == 0)
			bits |= O311_CLOSED;
		else
			return 0;
		p += n + (p[n] == ',');
	}
	return bits;
}

/* The filters of GET requests into q; false after answering 400. */
static bool read_query(struct req *rq, struct resp *rs, struct o311_query *q)
{
	q->limit = MAX_RESULTS;
	q->status = O311_OPEN | O311_CLOSED;
	q->ids = opt(rq, K_SERVICE_REQUEST_ID);
	if (q->ids && !slug_list(q->ids)) {
		bad(rq, rs, "service_request_id", "err_bad_code");
		return false;
	}
	q->codes = opt(rq, K_SERVICE_CODE);
	if (q->codes && !slug_list(q->codes)) {
		bad(rq, rs, "service_code", "err_bad_code");
		return false;
	}
	const char *status = opt(rq, K_STATUS);
	if (status && !(q->status = status_bits(status))) {
		bad(rq, rs, "status", "o311_err_status");
		return false;
	}
	const char *sd = opt(rq, K_START_DATE), *ed = opt(rq, K_END_DATE);
	time_t from = sd ? parse_when(sd, false) : 0, to = ed ? parse_when(ed, true) : 0;
	if (from < 0 || to < 0) {
		bad(rq, rs, from < 0 ? "start_date" : "end_date", "o311_err_datetime");
		return false;
	}
	const time_t span = (time_t)SPAN_DAYS * 86400;
	if (!sd && !ed)
		to = clock_now();
	if (!sd)
		from = to - span;
	if (!ed)
		to = from + span;
	if (to < from || to - from > span) {
		bad(rq, rs, "end_date", "o311_err_span");
		return false;
	}
	q->from = utc_text(rq->arena, from);
	q->to = utc_text(rq->arena, to);
	return true;
}

static void send_requests(struct req *rq, struct resp *rs, struct store *st, const struct o311_query *q, bool one)
{
	struct o311_request *r;
	size_t n;
	if (store_o311_requests(st, rq->arena, q, &r, &n) != ERR_OK) {
		fail(rq, rs, 503, "err_unavailable");
		return;
	}
	if (one && n == 0) {
		fail(rq, rs, 404, "o311_err_request");
		return;
	}
	json_t *doc = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(doc, request_json(rq, &r[i]));
	send(rq, rs, 200, doc, "service_requests");
}

void h_o311_requests(struct req *rq, struct resp *rs)
{
	struct store *st;
	struct o311_query q = {0};
	if (!format_ok(rq, rs) || !read_start(rq, rs, &st) || !read_query(rq, rs, &q))
		return;
	send_requests(rq, rs, st, &q, false);
}

void h_o311_request(struct req *rq, struct resp *rs)
{
	struct store *st;
	const char *id = resource(rq, rs);
	if (!id || !read_start(rq, rs, &st))
		return;
	struct o311_query q = {.ids = id, .status = O311_OPEN | O311_CLOSED, .limit = 1};
	send_requests(rq, rs, st, &q, true);
}

/* Requests get their id at once (type "realtime"): no token ever exists. */
void h_o311_token(struct req *rq, struct resp *rs)
{
	struct store *st;
	if (resource(rq, rs) && read_start(rq, rs, &st))
		fail(rq, rs, 404, "o311_err_token");
}

/* ---- discovery ---- */

/* The date this endpoint last changed (the spec's changeset). */
static const char CHANGESET[] = "2026-12-02 00:00";

void h_o311_discovery(struct req *rq, struct resp *rs)
{
	struct store *st;
	if (!format_ok(rq, rs) || !read_start(rq, rs, &st))
		return;
	const char *base = view_public_url(rq);
	const char *address = view_setting(rq, SET_ADDRESS_ZH);
	const char *contact = *address
	                          ? arena_printf(rq->arena, "%s, %s", view_setting(rq, SET_OFFICE_NAME_ZH), address)
	                          : view_setting(rq, SET_OFFICE_NAME_ZH);
	json_t *formats = json_pack("[s, s]", "text/xml", "application/json");
	json_t *endpoint =
	    json_pack("{s:s, s:s, s:s, s:s, s:o}", "specification", "http://wiki.open311.org/GeoReport_v2", "url",
	              arena_printf(rq->arena, "%s/open311/v2", base), "changeset", CHANGESET, "type", "production",
	              "formats", formats);
	send(rq, rs, 200,
	     json_pack("{s:s, s:s, s:s, s:[o]}", "changeset", CHANGESET, "contact", contact, "key_service",
	               T(rq, "o311_key_service"), "endpoints", endpoint),
	     "discovery");
}

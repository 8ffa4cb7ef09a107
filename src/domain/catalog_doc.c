/*
 * catalog_doc.c -- the office's content as one JSON document (see
 * catalog_doc.h and docs/catalog-format.md).  Writing and reading follow
 * the same tables of members, so what export writes import reads.
 */
#include "domain/catalog_doc.h"

#include <string.h>

#include "domain/settings.h"
#include "util/i18n.h"

/* Limits (code points), as the editors' forms declare them. */
enum { L_CODE = 64, L_NAME = 200, L_LINE = 500, L_TEXT = 8000, L_BODY = 20000 };

/* ---- writing ---- */

static json_t *text_json(const char *const t[LANG__MAX])
{
	json_t *o = json_object();
	json_object_set_new(o, "zh", json_string(t[LANG_ZH] ? t[LANG_ZH] : ""));
	if (t[LANG_EN])
		json_object_set_new(o, "en", json_string(t[LANG_EN]));
	return o;
}

static void set_str(json_t *o, const char *key, const char *v)
{
	if (v)
		json_object_set_new(o, key, json_string(v));
}

static json_t *unit_json(const struct cd_unit *u)
{
	json_t *o = json_object();
	set_str(o, "code", u->code);
	json_object_set_new(o, "name", text_json(u->name));
	json_object_set_new(o, "duties", text_json(u->duties));
	json_object_set_new(o, "location", text_json(u->location));
	set_str(o, "phone", u->phone);
	set_str(o, "email", u->email);
	json_object_set_new(o, "sort", json_integer(u->sort));
	return o;
}

static json_t *settings_json(const struct cd_setting *s, size_t n)
{
	json_t *o = json_object();
	for (size_t i = 0; i < n; i++)
		set_str(o, s[i].key, s[i].value);
	return o;
}

static json_t *village_json(const struct cd_village *v)
{
	json_t *o = json_object();
	set_str(o, "code", v->code);
	json_object_set_new(o, "name", text_json(v->name));
	set_str(o, "chief_name", v->chief_name);
	set_str(o, "chief_phone", v->chief_phone);
	set_str(o, "officer_name", v->officer_name);
	set_str(o, "officer_phone", v->officer_phone);
	json_object_set_new(o, "office", text_json(v->office));
	json_object_set_new(o, "hours", text_json(v->hours));
	json_object_set_new(o, "sort", json_integer(v->sort));
	return o;
}

static json_t *village_post_json(const struct cd_village_post *p)
{
	json_t *o = json_object();
	json_object_set_new(o, "id", json_integer(p->id));
	set_str(o, "village", p->village);
	json_object_set_new(o, "title", text_json(p->title));
	json_object_set_new(o, "body", text_json(p->body));
	set_str(o, "event_on", p->event_on);
	set_str(o, "created_by", p->created_by);
	set_str(o, "created_at", p->created_at);
	return o;
}

static json_t *category_json(const struct cd_category *c)
{
	json_t *o = json_object();
	set_str(o, "code", c->code);
	json_object_set_new(o, "name", text_json(c->name));
	set_str(o, "default_unit", c->default_unit);
	json_object_set_new(o, "sort", json_integer(c->sort));
	return o;
}

static json_t *form_json(const struct cd_form *f)
{
	json_t *o = json_object();
	set_str(o, "code", f->code);
	set_str(o, "unit", f->unit);
	json_object_set_new(o, "title", text_json(f->title));
	set_str(o, "type", f->type);
	json_object_set_new(o, "size", json_integer(f->size));
	set_str(o, "sha256", f->sha256);
	return o;
}

static json_t *lines_json(const struct cd_line *l, size_t n, const char *text_key)
{
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++) {
		json_t *o = json_object();
		set_str(o, "kind", l[i].kind);
		json_object_set_new(o, text_key, text_json(l[i].text));
		set_str(o, "file", l[i].file);
		set_str(o, "form", l[i].form);
		json_array_append_new(a, o);
	}
	return a;
}

json_t *catalog_service_json(const struct cd_service *s)
{
	json_t *o = json_object();
	set_str(o, "code", s->code);
	set_str(o, "unit", s->unit);
	set_str(o, "category", s->category);
	json_object_set_new(o, "published", json_boolean(s->published));
	json_object_set_new(o, "name", text_json(s->name));
	json_object_set_new(o, "summary", text_json(s->summary));
	json_object_set_new(o, "eligibility", text_json(s->eligibility));
	json_object_set_new(o, "fee", text_json(s->fee));
	json_object_set_new(o, "processing_days", json_integer(s->processing_days));
	json_object_set_new(o, "immediate", json_boolean(s->immediate));
	json_object_set_new(o, "correction_days", json_integer(s->correction_days));
	json_object_set_new(o, "ext_days", json_integer(s->ext_days));
	json_object_set_new(o, "legal_basis", text_json(s->legal_basis));
	json_object_set_new(o, "notes", text_json(s->notes));
	set_str(o, "contact_ext", s->contact_ext);
	set_str(o, "reviewed_on", s->reviewed_on);
	set_str(o, "updated_at", s->updated_at);
	json_object_set_new(o, "sort", json_integer(s->sort));
	json_object_set_new(o, "items", lines_json(s->items, s->nitems, "text"));
	json_object_set_new(o, "steps", lines_json(s->steps, s->nsteps, "text"));
	json_object_set_new(o, "forms", lines_json(s->forms, s->nforms, "title"));
	return o;
}

static json_t *news_json(const struct cd_news *n)
{
	json_t *o = json_object();
	json_object_set_new(o, "id", json_integer(n->id));
	set_str(o, "unit", n->unit);
	set_str(o, "status", n->status);
	json_object_set_new(o, "pinned", json_boolean(n->pinned));
	json_object_set_new(o, "title", text_json(n->title));
	json_object_set_new(o, "body", text_json(n->body));
	set_str(o, "published_at", n->published_at);
	set_str(o, "expires_at", n->expires_at);
	return o;
}

static json_t *faq_json(const struct cd_faq *f)
{
	json_t *o = json_object();
	set_str(o, "slug", f->slug);
	set_str(o, "unit", f->unit);
	set_str(o, "category", f->category);
	json_object_set_new(o, "question", text_json(f->question));
	json_object_set_new(o, "answer", text_json(f->answer));
	set_str(o, "keywords_zh", f->keywords_zh);
	set_str(o, "reviewed_on", f->reviewed_on);
	return o;
}

/* An array of n items of size elem from base, each written by fn. */
static json_t *array_json(const void *base, size_t n, size_t elem, json_t *(*fn)(const void *))
{
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(a, fn((const char *)base + i * elem));
	return a;
}

#define WRITER(name, type, fn)                                                                                         \
	static json_t *name(const void *p)                                                                             \
	{                                                                                                              \
		return fn((const type *)p);                                                                            \
	}
WRITER(w_unit, struct cd_unit, unit_json)
WRITER(w_village, struct cd_village, village_json)
WRITER(w_village_post, struct cd_village_post, village_post_json)
WRITER(w_category, struct cd_category, category_json)
WRITER(w_form, struct cd_form, form_json)
WRITER(w_service, struct cd_service, catalog_service_json)
WRITER(w_news, struct cd_news, news_json)
WRITER(w_faq, struct cd_faq, faq_json)

json_t *catalog_doc_json(const struct catalog_doc *d)
{
	json_t *o = json_object();
	json_object_set_new(o, "format", json_string("bianmin-catalog"));
	json_object_set_new(o, "version", json_integer(CATALOG_FORMAT_VERSION));
	json_object_set_new(o, "settings", settings_json(d->settings, d->nsettings));
	json_object_set_new(o, "units", array_json(d->units, d->nunits, sizeof *d->units, w_unit));
	json_object_set_new(o, "villages", array_json(d->villages, d->nvillages, sizeof *d->villages, w_village));
	json_object_set_new(o, "village_posts",
	                    array_json(d->village_posts, d->nvillage_posts, sizeof *d->village_posts, w_village_post));
	json_object_set_new(o, "categories",
	                    array_json(d->categories, d->ncategories, sizeof *d->categories, w_category));
	json_object_set_new(o, "forms", array_json(d->forms, d->nforms, sizeof *d->forms, w_form));
	json_object_set_new(o, "services", array_json(d->services, d->nservices, sizeof *d->services, w_service));
	json_object_set_new(o, "news", array_json(d->news, d->nnews, sizeof *d->news, w_news));
	json_object_set_new(o, "faq", array_json(d->faq, d->nfaq, sizeof *d->faq, w_faq));
	return o;
}

/* ---- reading ---- */

/* An error at member key of the object being read. */
static void key_error(struct jread *r, const char *key, const char *msg)
{
	size_t m = jread_push_key(r, key);
	jread_error(r, "%s", msg);
	jread_pop(r, m);
}

/* A string that may be left out: absent is "". */
static const char *opt_str(struct jread *r, const json_t *o, const char *key, enum jr_shape shape, size_t max)
{
	const char *v = jread_str(r, o, key, false, shape, max);
	return v ? v : "";
}

/* A text whose English is required too (units and villages keep both). */
static void both(struct jread *r, const json_t *o, const char *key, const char *out[LANG__MAX])
{
	jread_text(r, o, key, true, JR_LINE, L_NAME, out);
	if (out[LANG_ZH] && !out[LANG_EN]) {
		size_t m = jread_push_key(r, key);
		key_error(r, "en", "required");
		jread_pop(r, m);
	}
}

/* A text that may be empty: absent is "". */
static void opt_text(struct jread *r, const json_t *o, const char *key, enum jr_shape shape, size_t max,
                     const char *out[LANG__MAX])
{
	jread_text(r, o, key, false, shape, max, out);
	if (!out[LANG_ZH])
		out[LANG_ZH] = "";
}

/* A required zh text that must not be blank. */
static void req_text(struct jread *r, const json_t *o, const char *key, enum jr_shape shape, size_t max,
                     const char *out[LANG__MAX])
{
	jread_text(r, o, key, true, shape, max, out);
	if (out[LANG_ZH] && !*out[LANG_ZH]) {
		size_t m = jread_push_key(r, key);
		key_error(r, "zh", "must not be empty");
		jread_pop(r, m);
	}
}

static void read_unit(struct jread *r, const json_t *o, struct arena *a, void *item)
{
	(void)a;
	static const char *const known[] = {"code", "name", "duties", "location", "phone", "email", "sort", NULL};
	struct cd_unit *u = item;
	jread_known(r, o, known);
	u->code = jread_str(r, o, "code", true, JR_SLUG, L_CODE);
	both(r, o, "name", u->name);
	opt_text(r, o, "duties", JR_TEXT, L_TEXT, u->duties);
	opt_text(r, o, "location", JR_LINE, L_NAME, u->location);
	u->phone = opt_str(r, o, "phone", JR_LINE, 40);
	u->email = jread_str(r, o, "email", false, JR_LINE, 100);
	u->sort = jread_int(r, o, "sort", false, -1000000, 1000000, 0);
}

/* The settings object: known keys, none secret, each value as settings_check stores it. */
static void read_settings(struct jread *r, const json_t *root, struct arena *a, struct catalog_doc *d)
{
	const json_t *o = jread_object(r, root, "settings", false);
	d->nsettings = json_object_size(o);
	if (d->nsettings == 0)
		return;
	d->settings = arena_zalloc(a, d->nsettings * sizeof *d->settings);
	size_t m = jread_push_key(r, "settings"), i = 0;
	const char *key;
	const json_t *v;
	json_object_foreach((json_t *)o, key, v)
	{
		enum setting k = settings_find(key);
		const char *value = jread_str(r, o, key, true, JR_LINE, SETTING_MAX_CHARS);
		struct cd_setting *s = &d->settings[i++];
		if (k == SET__MAX)
			key_error(r, key, "unknown setting");
		else if (settings_secret(k))
			key_error(r, key, "a secret is never in the document; set it with 'admin set'");
		else if (value) {
			size_t sz = strlen(value) + 1;
			char *norm = arena_alloc(a, sz);
			const char *why = settings_check(k, value, norm, sz);
			if (why) {
				const char *msg = i18n_find(LANG_EN, why);
				key_error(r, key, msg ? msg : why);
			}
			s->key = key;
			s->value = norm;
		}
	}
	jread_pop(r, m);
}

static void read_village(struct jread *r, const json_t *o, struct arena *a, void *item)
{
	(void)a;
	static const char *const known[] = {"code",          "name",   "chief_name", "chief_phone", "officer_name",
	                                    "officer_phone", "office", "hours",      "sort",        NULL};
	struct cd_village *v = item;
	jread_known(r, o, known);
	v->code = jread_str(r, o, "code", true, JR_SLUG, L_CODE);
	both(r, o, "name", v->name);
	v->chief_name = opt_str(r, o, "chief_name", JR_LINE, 50);
	v->chief_phone = opt_str(r, o, "chief_phone", JR_LINE, 40);
	v->officer_name = opt_str(r, o, "officer_name", JR_LINE, 50);
	v->officer_phone = opt_str(r, o, "officer_phone", JR_LINE, 40);
	opt_text(r, o, "office", JR_LINE, L_NAME, v->office);
	opt_text(r, o, "hours", JR_LINE, L_NAME, v->hours);
	v->sort = jread_int(r, o, "sort", false, -1000000, 1000000, 0);
}

static void read_village_post(struct jread *r, const json_t *o, struct arena *a, void *item)
{
	(void)a;
	static const char *const known[] = {"id",       "village",    "title",      "body",
	                                    "event_on", "created_by", "created_at", NULL};
	struct cd_village_post *p = item;
	jread_known(r, o, known);
	p->id = jread_int(r, o, "id", true, 1, 1LL << 40, 0);
	p->village = jread_str(r, o, "village", true, JR_SLUG, L_CODE);
	req_text(r, o, "title", JR_LINE, L_NAME, p->title);
	req_text(r, o, "body", JR_TEXT, L_BODY, p->body);
	p->event_on = jread_str(r, o, "event_on", false, JR_DATE, 10);
	p->created_by = jread_str(r, o, "created_by", true, JR_LINE, L_CODE);
	p->created_at = jread_str(r, o, "created_at", true, JR_TIME, 20);
}

static void read_category(struct jread *r, const json_t *o, struct arena *a, void *item)
{
	(void)a;
	static const char *const known[] = {"code", "name", "default_unit", "sort", NULL};
	struct cd_category *c = item;
	jread_known(r, o, known);
	c->code = jread_str(r, o, "code", true, JR_SLUG, L_CODE);
	req_text(r, o, "name", JR_LINE, L_NAME, c->name);
	c->default_unit = jread_str(r, o, "default_unit", false, JR_SLUG, L_CODE);
	c->sort = jread_int(r, o, "sort", false, -1000000, 1000000, 0);
}

static void read_form(struct jread *r, const json_t *o, struct arena *a, void *item)
{
	(void)a;
	static const char *const known[] = {"code", "unit", "title", "type", "size", "sha256", NULL};
	struct cd_form *f = item;
	jread_known(r, o, known);
	f->code = jread_str(r, o, "code", true, JR_SLUG, L_CODE);
	f->unit = jread_str(r, o, "unit", true, JR_SLUG, L_CODE);
	req_text(r, o, "title", JR_LINE, L_NAME, f->title);
	f->type = jread_str(r, o, "type", true, JR_SLUG, 8);
	if (f->type && strcmp(f->type, "pdf") != 0 && strcmp(f->type, "odt") != 0 && strcmp(f->type, "docx") != 0)
		key_error(r, "type", "must be pdf, odt or docx");
	f->size = jread_int(r, o, "size", true, 0, 1LL << 40, 0);
	f->sha256 = jread_str(r, o, "sha256", true, JR_HEX, 64);
	if (f->sha256 && strlen(f->sha256) != 64)
		key_error(r, "sha256", "must be 64 hexadecimal digits");
}

/* A form line's static file: a relative path under static/ without "..". */
static void check_file(struct jread *r, const char *file)
{
	if (!file)
		return;
	if (file[0] == '/' || strstr(file, "..") || strncmp(file, "forms/", 6) != 0)
		key_error(r, "file", "must be a path under static/forms/ without \"..\"");
}

/* Reads array key of o: items (kind), steps, or forms (title, file or form). */
static void read_lines(struct jread *r, const json_t *o, const char *key, struct arena *a, struct cd_line **out,
                       size_t *n)
{
	static const char *const item_keys[] = {"kind", "text", NULL}, *const step_keys[] = {"text", NULL},
	                         *const form_keys[] = {"title", "file", "form", NULL};
	bool items = strcmp(key, "items") == 0, forms = strcmp(key, "forms") == 0;
	const json_t *arr = jread_array(r, o, key, false);
	*n = json_array_size(arr);
	*out = *n ? arena_zalloc(a, *n * sizeof **out) : NULL;
	size_t m = jread_push_key(r, key);
	for (size_t i = 0; i < *n; i++) {
		const json_t *v = json_array_get(arr, i);
		size_t mi = jread_push_index(r, i);
		struct cd_line *l = &(*out)[i];
		if (!json_is_object(v)) {
			jread_error(r, "must be an object");
			jread_pop(r, mi);
			continue;
		}
		jread_known(r, v, items ? item_keys : forms ? form_keys : step_keys);
		req_text(r, v, forms ? "title" : "text", JR_LINE, L_LINE, l->text);
		if (items) {
			l->kind = jread_str(r, v, "kind", true, JR_SLUG, 8);
			if (l->kind && strcmp(l->kind, "doc") != 0 && strcmp(l->kind, "cond") != 0)
				key_error(r, "kind", "must be doc or cond");
		}
		if (forms) {
			l->file = jread_str(r, v, "file", false, JR_LINE, 200);
			l->form = jread_str(r, v, "form", false, JR_SLUG, L_CODE);
			check_file(r, l->file);
			if (!l->file == !l->form)
				jread_error(r, "needs either file or form");
		}
		jread_pop(r, mi);
	}
	jread_pop(r, m);
}

bool catalog_service_read(const json_t *o, struct jread *r, struct arena *a, struct cd_service *s)
{
	static const char *const known[] = {"code",
	                                    "unit",
	                                    "category",
	                                    "published",
	                                    "name",
	                                    "summary",
	                                    "eligibility",
	                                    "fee",
	                                    "processing_days",
	                                    "immediate",
	                                    "correction_days",
	                                    "ext_days",
	                                    "legal_basis",
	                                    "notes",
	                                    "contact_ext",
	                                    "reviewed_on",
	                                    "updated_at",
	                                    "sort",
	                                    "items",
	                                    "steps",
	                                    "forms",
	                                    NULL};
	int before = r->nerrors;
	memset(s, 0, sizeof *s);
	if (!json_is_object(o)) {
		jread_error(r, "must be an object");
		return false;
	}
	jread_known(r, o, known);
	s->code = jread_str(r, o, "code", true, JR_SLUG, L_CODE);
	s->unit = jread_str(r, o, "unit", true, JR_SLUG, L_CODE);
	s->category = jread_str(r, o, "category", true, JR_SLUG, L_CODE);
	s->published = jread_bool(r, o, "published", true);
	req_text(r, o, "name", JR_LINE, L_NAME, s->name);
	opt_text(r, o, "summary", JR_TEXT, L_TEXT, s->summary);
	opt_text(r, o, "eligibility", JR_TEXT, L_TEXT, s->eligibility);
	req_text(r, o, "fee", JR_LINE, L_NAME, s->fee);
	s->processing_days = jread_int(r, o, "processing_days", true, 0, 3650, 0);
	s->immediate = jread_bool(r, o, "immediate", false);
	s->correction_days = jread_int(r, o, "correction_days", false, 1, 365, 7);
	s->ext_days = jread_int(r, o, "ext_days", false, 0, CATALOG_EXT_DAYS_MAX, 0);
	opt_text(r, o, "legal_basis", JR_TEXT, L_TEXT, s->legal_basis);
	opt_text(r, o, "notes", JR_TEXT, L_TEXT, s->notes);
	s->contact_ext = opt_str(r, o, "contact_ext", JR_LINE, 20);
	s->reviewed_on = jread_str(r, o, "reviewed_on", true, JR_DATE, 10);
	s->updated_at = jread_str(r, o, "updated_at", false, JR_TIME, 20);
	s->sort = jread_int(r, o, "sort", false, -1000000, 1000000, 0);
	read_lines(r, o, "items", a, &s->items, &s->nitems);
	read_lines(r, o, "steps", a, &s->steps, &s->nsteps);
	read_lines(r, o, "forms", a, &s->forms, &s->nforms);
	return r->nerrors == before;
}

static void read_service(struct jread *r, const json_t *o, struct arena *a, void *item)
{
	catalog_service_read(o, r, a, item);
}

static void read_news(struct jread *r, const json_t *o, struct arena *a, void *item)
{
	(void)a;
	static const char *const known[] = {"id",   "unit",         "status",     "pinned", "title",
	                                    "body", "published_at", "expires_at", NULL};
	struct cd_news *n = item;
	jread_known(r, o, known);
	n->id = jread_int(r, o, "id", true, 1, 1LL << 40, 0);
	n->unit = jread_str(r, o, "unit", true, JR_SLUG, L_CODE);
	n->status = jread_str(r, o, "status", false, JR_SLUG, 16);
	if (!n->status)
		n->status = "published";
	else if (strcmp(n->status, "draft") != 0 && strcmp(n->status, "published") != 0)
		key_error(r, "status", "must be draft or published");
	n->pinned = jread_bool(r, o, "pinned", false);
	req_text(r, o, "title", JR_LINE, L_NAME, n->title);
	req_text(r, o, "body", JR_TEXT, L_BODY, n->body);
	n->published_at = jread_str(r, o, "published_at", true, JR_TIME, 20);
	n->expires_at = jread_str(r, o, "expires_at", false, JR_TIME, 20);
	if (n->published_at && n->expires_at && strcmp(n->expires_at, n->published_at) <= 0)
		key_error(r, "expires_at", "must be after published_at");
}

static void read_faq(struct jread *r, const json_t *o, struct arena *a, void *item)
{
	(void)a;
	static const char *const known[] = {"slug",   "unit",        "category",    "question",
	                                    "answer", "keywords_zh", "reviewed_on", NULL};
	struct cd_faq *f = item;
	jread_known(r, o, known);
	f->slug = jread_str(r, o, "slug", true, JR_SLUG, L_CODE);
	f->unit = jread_str(r, o, "unit", true, JR_SLUG, L_CODE);
	f->category = jread_str(r, o, "category", true, JR_SLUG, L_CODE);
	req_text(r, o, "question", JR_LINE, L_NAME, f->question);
	req_text(r, o, "answer", JR_TEXT, L_TEXT, f->answer);
	if (!f->question[LANG_EN] != !f->answer[LANG_EN])
		jread_error(r, "question and answer: English for both or neither");
	f->keywords_zh = opt_str(r, o, "keywords_zh", JR_LINE, 200);
	f->reviewed_on = jread_str(r, o, "reviewed_on", true, JR_DATE, 10);
}

typedef void item_reader(struct jread *r, const json_t *o, struct arena *a, void *item);

/* Reads array key of root into *items (zeroed elem-sized slots); objects only. */
static void read_array(struct jread *r, const json_t *root, const char *key, struct arena *a, void **items, size_t *n,
                       size_t elem, item_reader *fn)
{
	const json_t *arr = jread_array(r, root, key, false);
	*n = json_array_size(arr);
	*items = *n ? arena_zalloc(a, *n * elem) : NULL;
	size_t m = jread_push_key(r, key);
	for (size_t i = 0; i < *n; i++) {
		const json_t *v = json_array_get(arr, i);
		size_t mi = jread_push_index(r, i);
		if (json_is_object(v))
			fn(r, v, a, (char *)*items + i * elem);
		else
			jread_error(r, "must be an object");
		jread_pop(r, mi);
	}
	jread_pop(r, m);
}

#define READ_ARRAY(r, root, key, a, out, n, fn)                                                                        \
	read_array((r), (root), (key), (a), (void **)(out), (n), sizeof **(out), (fn))

/* ---- references: every code a record names is in the document, once ---- */

/* Codes of n records, at stride elem from the code member's address first. */
struct codes {
	const char *const *first;
	size_t n, stride;
};

static bool in_codes(const struct codes *c, const char *code)
{
	for (size_t i = 0; code && i < c->n; i++) {
		const char *have = *(const char *const *)((const char *)c->first + i * c->stride);
		if (have && strcmp(have, code) == 0)
			return true;
	}
	return false;
}

/* Points r at array[i].field; returns the mark to pop back to. */
static size_t at(struct jread *r, const char *array, size_t i, const char *field)
{
	size_t m = jread_push_key(r, array);
	jread_push_index(r, i);
	jread_push_key(r, field);
	return m;
}

/* An error at array[i].field when code is not in c. */
static void ref(struct jread *r, const struct codes *c, const char *array, size_t i, const char *field,
                const char *code, const char *what)
{
	if (!code || in_codes(c, code))
		return;
	size_t m = at(r, array, i, field);
	jread_error(r, "no %s %s in this document", what, code);
	jread_pop(r, m);
}

/* An error for every code given twice in c (array names the records). */
static void unique(struct jread *r, const struct codes *c, const char *array, const char *field)
{
	for (size_t i = 1; i < c->n; i++) {
		const char *code = *(const char *const *)((const char *)c->first + i * c->stride);
		struct codes before = {c->first, i, c->stride};
		if (code && in_codes(&before, code)) {
			size_t m = at(r, array, i, field);
			jread_error(r, "%s is given twice", code);
			jread_pop(r, m);
		}
	}
}

/* An error for every "id" given twice among n records at stride from first. */
static void unique_ids(struct jread *r, const long long *first, size_t n, size_t stride, const char *array)
{
	for (size_t i = 1; first && i < n; i++) {
		long long id = *(const long long *)((const char *)first + i * stride);
		for (size_t j = 0; j < i; j++)
			if (*(const long long *)((const char *)first + j * stride) == id) {
				size_t m = at(r, array, i, "id");
				jread_error(r, "%lld is given twice", id);
				jread_pop(r, m);
				break;
			}
	}
}

#define CODES(arr, n, member) ((struct codes){(arr) ? &(arr)[0].member : NULL, (n), sizeof *(arr)})
#define UNIQUE_IDS(r, arr, n, array) unique_ids((r), (arr) ? &(arr)[0].id : NULL, (n), sizeof *(arr), (array))

/* A service's form lines name forms of the document. */
static void service_form_refs(struct jread *r, const struct codes *forms, size_t i, const struct cd_service *s)
{
	for (size_t k = 0; k < s->nforms; k++) {
		if (!s->forms[k].form || in_codes(forms, s->forms[k].form))
			continue;
		size_t m = at(r, "services", i, "forms");
		jread_push_index(r, k);
		jread_push_key(r, "form");
		jread_error(r, "no form %s in this document", s->forms[k].form);
		jread_pop(r, m);
	}
}

static void check_refs(struct jread *r, const struct catalog_doc *d)
{
	struct codes units = CODES(d->units, d->nunits, code), cats = CODES(d->categories, d->ncategories, code),
	             forms = CODES(d->forms, d->nforms, code), vills = CODES(d->villages, d->nvillages, code),
	             svcs = CODES(d->services, d->nservices, code), faqs = CODES(d->faq, d->nfaq, slug);
	unique(r, &units, "units", "code");
	unique(r, &vills, "villages", "code");
	unique(r, &cats, "categories", "code");
	unique(r, &forms, "forms", "code");
	unique(r, &svcs, "services", "code");
	unique(r, &faqs, "faq", "slug");
	UNIQUE_IDS(r, d->news, d->nnews, "news");
	UNIQUE_IDS(r, d->village_posts, d->nvillage_posts, "village_posts");
	for (size_t i = 0; i < d->nvillage_posts; i++)
		ref(r, &vills, "village_posts", i, "village", d->village_posts[i].village, "village");
	for (size_t i = 0; i < d->ncategories; i++)
		ref(r, &units, "categories", i, "default_unit", d->categories[i].default_unit, "unit");
	for (size_t i = 0; i < d->nforms; i++)
		ref(r, &units, "forms", i, "unit", d->forms[i].unit, "unit");
	for (size_t i = 0; i < d->nservices; i++) {
		ref(r, &units, "services", i, "unit", d->services[i].unit, "unit");
		ref(r, &cats, "services", i, "category", d->services[i].category, "category");
		service_form_refs(r, &forms, i, &d->services[i]);
	}
	for (size_t i = 0; i < d->nnews; i++)
		ref(r, &units, "news", i, "unit", d->news[i].unit, "unit");
	for (size_t i = 0; i < d->nfaq; i++) {
		ref(r, &units, "faq", i, "unit", d->faq[i].unit, "unit");
		ref(r, &cats, "faq", i, "category", d->faq[i].category, "category");
	}
}

bool catalog_doc_read(const json_t *root, struct jread *r, struct arena *a, struct catalog_doc *out)
{
	static const char *const known[] = {"format",     "version", "settings", "units", "villages", "village_posts",
	                                    "categories", "forms",   "services", "news",  "faq",      NULL};
	memset(out, 0, sizeof *out);
	if (!json_is_object(root)) {
		jread_error(r, "the document must be a JSON object");
		return false;
	}
	jread_known(r, root, known);
	const char *format = jread_str(r, root, "format", true, JR_SLUG, 32);
	if (format && strcmp(format, "bianmin-catalog") != 0)
		key_error(r, "format", "must be \"bianmin-catalog\"");
	jread_int(r, root, "version", true, CATALOG_FORMAT_VERSION, CATALOG_FORMAT_VERSION, 0);
	read_settings(r, root, a, out);
	READ_ARRAY(r, root, "units", a, &out->units, &out->nunits, read_unit);
	READ_ARRAY(r, root, "villages", a, &out->villages, &out->nvillages, read_village);
	READ_ARRAY(r, root, "village_posts", a, &out->village_posts, &out->nvillage_posts, read_village_post);
	READ_ARRAY(r, root, "categories", a, &out->categories, &out->ncategories, read_category);
	READ_ARRAY(r, root, "forms", a, &out->forms, &out->nforms, read_form);
	READ_ARRAY(r, root, "services", a, &out->services, &out->nservices, read_service);
	READ_ARRAY(r, root, "news", a, &out->news, &out->nnews, read_news);
	READ_ARRAY(r, root, "faq", a, &out->faq, &out->nfaq, read_faq);
	if (r->nerrors == 0)
		check_refs(r, out);
	return r->nerrors == 0;
}

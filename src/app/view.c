/*
 * view.c -- page helpers shared by every handler (see view.h).
 */
#include "app/view.h"

#include <cmark.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/site.h"
#include "domain/cal.h"
#include "domain/cjk.h"
#include "domain/clock.h"
#include "store/settings.h"
#include "util/i18n.h"

const char *const *req_settings(struct req *rq)
{
	if (!rq->settings) {
		rq->settings = arena_alloc(rq->arena, SET__MAX * sizeof *rq->settings);
		struct store *st = req_store(rq);
		if (!st || store_settings_load(st, rq->arena, rq->settings) != ERR_OK)
			memset(rq->settings, 0, SET__MAX * sizeof *rq->settings);
	}
	return rq->settings;
}

const char *view_setting(struct req *rq, enum setting s)
{
	return settings_pick(req_settings(rq), s, rq->lang == LANG_EN);
}

const char *view_public_url(struct req *rq)
{
	return settings_pick(req_settings(rq), SET_PUBLIC_URL, false);
}

/* The office's facts every page shows (head.html, foot.html, printed sheets). */
static void view_office(struct req *rq, struct tobj *v)
{
	static const struct {
		const char *name;
		enum setting s;
	} facts[] = {
	    {"site_name", SET_SITE_NAME_ZH},
	    {"office_name", SET_OFFICE_NAME_ZH},
	    {"office_address", SET_ADDRESS_ZH},
	    {"office_phone", SET_PHONE},
	    {"office_hours", SET_HOURS_ZH},
	    {"office_email", SET_EMAIL},
	    {"logo", SET_LOGO},
	};
	for (size_t i = 0; i < sizeof facts / sizeof facts[0]; i++)
		tobj_str(v, facts[i].name, view_setting(rq, facts[i].s));
	const char *pub = req_settings(rq)[SET_PUBLIC_URL];
	if (rq->sess)
		tobj_bool(v, "public_url_unset", !pub || !*pub);
}

const char *T(const struct req *rq, const char *key)
{
	return i18n(rq->lang, key);
}

void view_field_error(struct req *rq, struct tobj *v, const char *name, const char *msg)
{
	struct tobj *e = tobj_new(rq->arena);
	char *id = arena_printf(rq->arena, "%s", name);
	for (char *p = id; *p; p++)
		if (*p == '_')
			*p = '-'; /* read_back: "read-back-err" */
	tobj_str(e, "id", id);
	tobj_str(e, "text", msg);
	tobj_obj(v, arena_printf(rq->arena, "%s_error", name), e);
}

const char *T_fill(struct req *rq, const char *key, const char *name, const char *value)
{
	const char *s = T(rq, key), *at;
	const char *ph = arena_printf(rq->arena, "{%s}", name);
	const char *out = "";
	while ((at = strstr(s, ph))) {
		out = arena_printf(rq->arena, "%s%.*s%s", out, (int)(at - s), s, value);
		s = at + strlen(ph);
	}
	return arena_printf(rq->arena, "%s%s", out, s);
}

const char *pick(const struct req *rq, const char *const txt[LANG__MAX])
{
	const char *s = txt[rq->lang];
	return s && *s ? s : txt[LANG_ZH];
}

static bool falls_back(const struct req *rq, const char *const txt[LANG__MAX])
{
	return rq->lang != LANG_ZH && !(txt[rq->lang] && *txt[rq->lang]) && txt[LANG_ZH] && *txt[LANG_ZH];
}

void view_text(struct req *rq, struct tobj *o, const char *name, const char *const txt[LANG__MAX])
{
	if (!falls_back(rq, txt)) {
		tobj_str(o, name, pick(rq, txt));
		return;
	}
	struct buf b;
	buf_init(&b);
	buf_puts(&b, "<span lang=\"zh-Hant\">");
	buf_put_html(&b, txt[LANG_ZH], strlen(txt[LANG_ZH]));
	buf_puts(&b, "</span> <small class=\"zh-only\">");
	buf_puts(&b, T(rq, "zh_only"));
	buf_puts(&b, "</small>");
	tobj_html(o, name, arena_strndup(rq->arena, b.data, b.len));
	buf_free(&b);
}

const char *view_lang_html(struct req *rq, const char *text, enum lang lang)
{
	if (!text)
		return NULL;
	if (lang == LANG__MAX)
		lang = cjk_has_han(text) ? LANG_ZH : rq->lang;
	struct buf b;
	buf_init(&b);
	if (lang != rq->lang)
		buf_printf(&b, "<span lang=\"%s\">", lang == LANG_EN ? "en" : "zh-Hant");
	buf_put_html(&b, text, strlen(text));
	if (lang != rq->lang)
		buf_puts(&b, "</span>");
	const char *r = arena_strndup(rq->arena, b.data ? b.data : "", b.len);
	buf_free(&b);
	return r;
}

void view_data(struct req *rq, struct tobj *o, const char *name, const char *text)
{
	if (!text || rq->lang == LANG_ZH || !cjk_has_han(text))
		tobj_str(o, name, text);
	else
		tobj_html(o, name, view_lang_html(rq, text, LANG_ZH));
}

const char *md_html(struct arena *a, const char *markdown)
{
	if (!markdown)
		return NULL;
	char *html = cmark_markdown_to_html(markdown, strlen(markdown), CMARK_OPT_DEFAULT);
	if (!html)
		return "";
	char *copy = arena_strdup(a, html);
	free(html);
	return copy;
}

void view_markdown(struct req *rq, struct tobj *o, const char *name, const char *const md[LANG__MAX])
{
	const char *html = md_html(rq->arena, pick(rq, md));
	if (html && falls_back(rq, md))
		html = arena_printf(rq->arena, "<p class=\"zh-only\">%s</p><div lang=\"zh-Hant\">%s</div>",
		                    T(rq, "zh_only"), html);
	tobj_html(o, name, html);
}

const char *url(struct req *rq, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char tmp[1024];
	vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	return arena_printf(rq->arena, "%s%s", rq->lang == LANG_EN ? "/en" : "", tmp);
}

struct tobj *view_new(struct req *rq, const char *title)
{
	struct tobj *v = tobj_new(rq->arena);
	bool en = rq->lang == LANG_EN;
	tobj_str(v, "lang", en ? "en" : "zh-Hant-TW");
	tobj_str(v, "base", en ? "/en" : "");
	tobj_str(v, "title", title);
	tobj_bool(v, "en", en);
	const char *here = rq->local_path ? rq->local_path : "/";
	tobj_str(v, "alt_href", en ? here : arena_printf(rq->arena, "/en%s", strcmp(here, "/") == 0 ? "" : here));
	if (en && strcmp(here, "/") == 0)
		tobj_str(v, "alt_href", "/");
	const char *pub = req_settings(rq)[SET_PUBLIC_URL]; /* no canonical address while it is unset */
	if (pub && *pub)
		tobj_str(
		    v, "canonical",
		    arena_printf(rq->arena, "%s%s%s", pub, en ? "/en" : "", en && strcmp(here, "/") == 0 ? "" : here));
	tobj_bool(v, "demo", app_is_demo());
	view_office(rq, v);
	app_view_session(rq, v);
	return v;
}

void page_render(struct req *rq, struct resp *rs, const char *tmpl, struct tobj *view)
{
	if (!rs->status)
		rs->status = 200;
	rs->content_type = "text/html; charset=utf-8";
	buf_reset(&rs->body);
	if (tmpl_render(app_templates(), tmpl, rq->lang, view, &rs->body) != ERR_OK) {
		fprintf(stderr, "bianmin: no template %s\n", tmpl);
		rs->status = 500;
		buf_puts(&rs->body, "internal error");
	}
}

void page_error(struct req *rq, struct resp *rs, int status, const char *msg_key)
{
	if (status == 409) {
		page_conflict(rq, rs, msg_key, NULL);
		return;
	}
	char key[32];
	snprintf(key, sizeof key, "http_%d", status);
	const char *title = i18n_find(rq->lang, key);
	struct tobj *v = view_new(rq, title ? title : T(rq, "http_500"));
	tobj_int(v, "status", status);
	tobj_str(v, "message", T(rq, msg_key));
	rs->status = status;
	rs->body_static = NULL;
	page_render(rq, rs, "error", v);
	rs->status = status;
}

/* The record a staff action was about: /staff/cases/NO/move -> /staff/cases/NO (language-prefixed). */
static const char *record_href(struct req *rq)
{
	const char *p = rq->local_path ? rq->local_path : "/", *end = p;
	for (int slashes = 0; *end && !(*end == '/' && ++slashes == 4); end++)
		;
	return url(rq, "%.*s", (int)(end - p), p);
}

void page_conflict(struct req *rq, struct resp *rs, const char *msg_key, const char *state_label)
{
	struct tobj *v = view_new(rq, T(rq, "http_409"));
	tobj_str(v, "message", T(rq, msg_key));
	tobj_str(v, "state_label", state_label);
	tobj_str(v, "back", record_href(rq));
	rs->status = 409;
	rs->no_store = true;
	rs->body_static = NULL;
	page_render(rq, rs, "conflict", v);
}

const char *req_confirmed_reason(const struct req *rq, const char **err_key)
{
	const struct fval *reason = req_val(rq, K_REASON);
	*err_key = NULL;
	if (!req_val(rq, K_CONFIRM)->present)
		return NULL;
	if (reason->err_key) {
		*err_key = reason->err_key;
		return NULL;
	}
	/* blank is no reason: the record would say nothing about why */
	for (const char *c = reason->present ? reason->s : ""; *c; c++)
		if (!strchr(" \t\r\n", *c))
			return reason->s;
	*err_key = "err_reason_required";
	return NULL;
}

void page_confirm(struct req *rq, struct resp *rs, struct tobj *v, const char *err_key)
{
	tobj_str(v, "back", record_href(rq));
	tobj_str(v, "reason", req_val(rq, K_REASON)->s);
	if (err_key)
		view_field_error(rq, v, "reason", T(rq, err_key));
	rs->status = err_key ? 422 : 200;
	rs->no_store = true;
	page_render(rq, rs, "confirm", v);
}

void page_error_lookup(struct req *rq, struct resp *rs, enum err e, const char *notfound_key)
{
	page_error(rq, rs, e == ERR_NOTFOUND ? 404 : 503, e == ERR_NOTFOUND ? notfound_key : "err_unavailable");
}

void page_try_later(struct req *rq, struct resp *rs, long minutes)
{
	struct tobj *v = view_new(rq, T(rq, "http_429"));
	tobj_int(v, "minutes", minutes);
	rs->status = 429;
	rs->no_store = true;
	resp_header(rs, "Retry-After", arena_printf(rq->arena, "%ld", minutes * 60));
	page_render(rq, rs, "try_later", v);
}

void page_redirect(struct req *rq, struct resp *rs, const char *location)
{
	rs->status = 303;
	resp_header(rs, "Location", arena_strdup(rq->arena, location));
	rs->content_type = "text/plain; charset=utf-8";
	buf_reset(&rs->body);
}

const char *view_date(struct req *rq, const char *iso)
{
	int32_t day;
	char out[64];
	if (!iso || !cal_parse_iso(iso, &day) || !cal_format_roc(day, rq->lang, out, sizeof out))
		return iso;
	return arena_strdup(rq->arena, out);
}

const char *view_time(struct req *rq, const char *iso)
{
	char out[64];
	if (!iso || !clock_format_office(iso, rq->lang, out, sizeof out))
		return iso;
	return arena_strdup(rq->arena, out);
}

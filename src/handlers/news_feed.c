/*
 * news_feed.c -- 最新消息 as an RSS 2.0 feed: /news.xml (Chinese) and
 * /en/news.xml (English, Chinese where an item has no translation).
 *
 * Links are absolute, from the setting public_url (the address the public
 * reaches the portal at; view_public_url).  Dates
 * are RFC 822 in GMT; every text is XML-escaped; the channel carries
 * atom:link rel="self" as feed validators ask.
 *
 * Must not include: sqlite3.h, microhttpd.h, fcgiapp.h.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "app/view.h"
#include "domain/clock.h"
#include "handlers/handlers.h"
#include "store/catalog.h"

enum { FEED_ITEMS = 20 };

/* ISO 8601 UTC ("2026-01-20T02:00:00Z") as RFC 822 ("Tue, 20 Jan 2026 02:00:00 GMT"), locale-free. */
static const char *rfc822(struct arena *a, const char *iso)
{
	static const char *const days[7] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
	static const char *const months[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
	                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
	time_t t = iso ? clock_parse_iso(iso) : -1;
	if (t < 0)
		t = 0;
	struct tm tm;
	gmtime_r(&t, &tm);
	return arena_printf(a, "%s, %02d %s %04d %02d:%02d:%02d GMT", days[tm.tm_wday], tm.tm_mday, months[tm.tm_mon],
	                    tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

static void xml_text(struct buf *b, const char *s)
{
	/* buf_put_html escapes & < > " ', which is also all XML text needs; controls are not allowed in XML 1.0 */
	const char *p = s ? s : "", *start = p;
	for (; *p; p++) {
		unsigned char c = (unsigned char)*p;
		if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
			buf_put_html(b, start, (size_t)(p - start));
			start = p + 1;
		}
	}
	buf_put_html(b, start, (size_t)(p - start));
}

static void element(struct buf *b, const char *name, const char *text)
{
	buf_printf(b, "<%s>", name);
	xml_text(b, text);
	buf_printf(b, "</%s>\n", name);
}

void h_news_feed(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	struct news_rec *news;
	size_t n;
	if (store_news(st, rq->arena, clock_now_iso(rq->arena), FEED_ITEMS, &news, &n) != ERR_OK) {
		page_error(rq, rs, 503, "err_unavailable");
		return;
	}
	const char *base = arena_printf(rq->arena, "%s%s", view_public_url(rq), rq->lang == LANG_EN ? "/en" : "");

	struct buf *b = &rs->body;
	buf_reset(b);
	buf_puts(b, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
	            "<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\">\n<channel>\n");
	element(b, "title", arena_printf(rq->arena, "%s %s", view_setting(rq, SET_SITE_NAME_ZH), T(rq, "news_title")));
	element(b, "link", arena_printf(rq->arena, "%s/news", base));
	element(b, "description",
	        arena_printf(rq->arena, "%s %s", view_setting(rq, SET_OFFICE_NAME_ZH), T(rq, "news_feed_description")));
	element(b, "language", rq->lang == LANG_EN ? "en" : "zh-TW");
	buf_puts(b, "<atom:link href=\"");
	xml_text(b, arena_printf(rq->arena, "%s/news.xml", base));
	buf_puts(b, "\" rel=\"self\" type=\"application/rss+xml\"/>\n");
	if (n)
		element(b, "lastBuildDate", rfc822(rq->arena, news[0].published_at));
	element(b, "generator", "bianmin");
	for (size_t i = 0; i < n; i++) {
		const char *link = arena_printf(rq->arena, "%s/news/%lld", base, news[i].id);
		buf_puts(b, "<item>\n");
		element(b, "title", pick(rq, news[i].title));
		element(b, "link", link);
		buf_puts(b, "<guid isPermaLink=\"true\">");
		xml_text(b, link);
		buf_puts(b, "</guid>\n");
		element(b, "pubDate", rfc822(rq->arena, news[i].published_at));
		/* the body as HTML (cmark, safe mode), escaped as RSS wants */
		element(b, "description", md_html(rq->arena, pick(rq, news[i].body)));
		buf_puts(b, "</item>\n");
	}
	buf_puts(b, "</channel>\n</rss>\n");
	rs->status = 200;
	rs->content_type = "application/rss+xml; charset=utf-8";
	rs->cache_control = "public, max-age=300";
}

/*
 * display.c -- /display, the screen at the main entrance (issue #18,
 * 二(三)4): the office's name, the time, rotating news, today's and the
 * coming events, and the counters' hours, in large high-contrast type.
 * Nobody touches it: static/js/display.js keeps the clock running,
 * rotates the news and fetches the page again every few minutes, swapping
 * the content in only when the fetch worked (a network hiccup never
 * leaves an error page on the lobby screen).  Without the script the page
 * still shows everything.
 *
 * Must not include: sqlite3.h, microhttpd.h, fcgiapp.h.
 */
#include <string.h>

#include "app/view.h"
#include "domain/clock.h"
#include "handlers/handlers.h"
#include "handlers/taking_part.h"
#include "store/catalog.h"
#include "store/events.h"

enum { DISPLAY_NEWS = 5, DISPLAY_EVENTS = 6 };

void h_display(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	struct news_rec *news;
	struct event_rec *es;
	size_t nn, ne;
	const char *now = tp_local_now(rq);
	if (store_news(st, rq->arena, clock_now_iso(rq->arena), DISPLAY_NEWS, &news, &nn) != ERR_OK ||
	    store_events_upcoming(st, rq->arena, now, DISPLAY_EVENTS, &es, &ne) != ERR_OK) {
		page_error(rq, rs, 503, "err_unavailable");
		return;
	}
	struct tobj *v = view_new(rq, T(rq, "display_title"));
	tobj_str(v, "now", tp_local_label(rq, now));
	tobj_str(v, "now_iso", now);
	struct tlist *nl = tobj_list(v, "news");
	for (size_t i = 0; i < nn; i++) {
		struct tobj *o = tlist_obj(nl);
		view_text(rq, o, "news_title", news[i].title);
		tobj_str(o, "date", view_time(rq, news[i].published_at));
		tobj_bool(o, "first", i == 0);
	}
	tobj_bool(v, "no_news", nn == 0);
	struct tlist *el = tobj_list(v, "events");
	for (size_t i = 0; i < ne; i++) {
		struct tobj *o = tlist_obj(el);
		view_text(rq, o, "event_title", es[i].title);
		view_text(rq, o, "place", es[i].place);
		tobj_str(o, "starts", tp_local_label(rq, es[i].starts_at));
		tobj_bool(o, "today", strncmp(es[i].starts_at, now, 10) <= 0);
	}
	tobj_bool(v, "no_events", ne == 0);
	page_render(rq, rs, "display", v);
}

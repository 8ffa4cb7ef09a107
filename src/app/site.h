/*
 * site.h -- what the kit's own files share: the site the dispatcher set up
 * at start-up (templates, demo flag, database path, /metrics addresses).
 * web/app.c sets it once before any request; handlers use view.h instead.
 */
#ifndef BM_SITE_H
#define BM_SITE_H

#include "app/http.h"
#include "tmpl/tmpl.h"

struct site {
	const char *root;          /* folder holding templates/, static/, sql/ */
	const char *db_path;       /* connections are opened as requests need them (req_store) */
	const char *metrics_allow; /* NULL: 127.0.0.1,::1 */
	struct tmpl_set *tmpl;     /* owned by the site from now on */
	bool demo;
};

/* Sets the site (before any request). */
void site_set(const struct site *s);
/* Frees the templates and the pooled connections. */
void site_close(void);

const struct tmpl_set *app_templates(void);
bool app_is_demo(void);
const char *app_root(void);
/* The addresses /metrics answers (site.metrics_allow or its default). */
const char *app_metrics_allow(void);
/* Adds the signed-in user and CSRF token to a page view (nothing for visitors). */
void app_view_session(struct req *rq, struct tobj *v);

#endif

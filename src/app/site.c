/*
 * site.c -- the site the kit serves (see site.h) and each thread's store.
 */
#include "app/site.h"

#include <stdio.h>

#include "app/view.h"
#include "store/store.h"

static struct site g_site;
static _Thread_local struct store *tl_store;

void site_set(const struct site *s)
{
	g_site = *s;
}

void site_close(void)
{
	store_close(tl_store);
	tl_store = NULL;
	tmpl_free(g_site.tmpl);
	g_site.tmpl = NULL;
}

const struct tmpl_set *app_templates(void)
{
	return g_site.tmpl;
}

bool app_is_demo(void)
{
	return g_site.demo;
}

const char *app_root(void)
{
	return g_site.root;
}

const char *app_metrics_allow(void)
{
	return g_site.metrics_allow ? g_site.metrics_allow : "127.0.0.1,::1";
}

struct store *req_store(struct req *rq)
{
	(void)rq;
	if (!tl_store) {
		char err[256];
		tl_store = store_open(g_site.db_path, err, sizeof err);
		if (!tl_store)
			fprintf(stderr, "bianmin: %s\n", err);
	}
	return tl_store;
}

/*
 * site.c -- the site the kit serves (see site.h) and its pool of database
 * connections.
 */
#include "app/site.h"

#include <pthread.h>
#include <stdio.h>
#include <time.h>

#include "app/view.h"
#include "store/store.h"

static struct site g_site;

/*
 * Connections lent to requests, at most POOL_MAX open.  A request holds one
 * only while app_handle runs, so a front end may have many more threads
 * than connections: a FastCGI thread stays bound to its nginx connection
 * for as long as nginx keeps it, and needs a database connection only while
 * a request on it runs.  More connections than this gain nothing on an
 * office's machine: the work past them waits for a core or for the
 * writer's turn anyway.
 */
enum { POOL_MAX = 16, POOL_WAIT_S = 5 };

static struct {
	pthread_mutex_t mu;
	pthread_cond_t returned;
	struct store *idle[POOL_MAX];
	int nidle, nopen;
} g_pool = {.mu = PTHREAD_MUTEX_INITIALIZER, .returned = PTHREAD_COND_INITIALIZER};

void site_set(const struct site *s)
{
	g_site = *s;
}

void site_close(void)
{
	pthread_mutex_lock(&g_pool.mu);
	while (g_pool.nidle > 0) {
		store_close(g_pool.idle[--g_pool.nidle]);
		g_pool.nopen--;
	}
	pthread_mutex_unlock(&g_pool.mu);
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

/* An idle connection, else a new one while fewer than POOL_MAX are open, else the next one returned. */
static struct store *pool_take(void)
{
	struct timespec until;
	clock_gettime(CLOCK_REALTIME, &until);
	until.tv_sec += POOL_WAIT_S;
	pthread_mutex_lock(&g_pool.mu);
	while (g_pool.nidle == 0 && g_pool.nopen >= POOL_MAX)
		if (pthread_cond_timedwait(&g_pool.returned, &g_pool.mu, &until) != 0)
			break;
	struct store *st = NULL;
	bool open_new = false;
	if (g_pool.nidle > 0)
		st = g_pool.idle[--g_pool.nidle];
	else if (g_pool.nopen < POOL_MAX)
		open_new = true, g_pool.nopen++;
	pthread_mutex_unlock(&g_pool.mu);
	if (open_new) {
		char err[256];
		st = store_open(g_site.db_path, err, sizeof err);
		if (!st) {
			fprintf(stderr, "bianmin: %s\n", err);
			pthread_mutex_lock(&g_pool.mu);
			g_pool.nopen--;
			pthread_cond_signal(&g_pool.returned);
			pthread_mutex_unlock(&g_pool.mu);
		}
	}
	return st;
}

struct store *req_store(struct req *rq)
{
	if (!rq->store)
		rq->store = pool_take();
	return rq->store;
}

void req_store_return(struct req *rq)
{
	if (!rq->store)
		return;
	store_read_end(rq->store); /* a page's snapshot ends with it, whatever the page did */
	pthread_mutex_lock(&g_pool.mu);
	g_pool.idle[g_pool.nidle++] = rq->store;
	pthread_cond_signal(&g_pool.returned);
	pthread_mutex_unlock(&g_pool.mu);
	rq->store = NULL;
}

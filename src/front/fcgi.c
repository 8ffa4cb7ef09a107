/*
 * fcgi.c -- the FastCGI responder (libfcgi) for running behind nginx:
 * several threads each blocking in FCGX_Accept_r on one listening socket.
 * Reads the CGI parameters and a body up to app_body_limit(), calls
 * app_handle(), writes the response.
 *
 * The only file that includes fcgiapp.h.
 */
#include <fcgiapp.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "front/front.h"
#include "web/app.h"

/* Connections the kernel queues for us (capped by net.core.somaxconn, 4096 by default). */
enum { LISTEN_BACKLOG = 4096 };

static int g_sock;

static enum method method_of(const char *m)
{
	if (!m)
		return M_OTHER;
	if (strcmp(m, "GET") == 0)
		return M_GET;
	if (strcmp(m, "HEAD") == 0)
		return M_HEAD;
	if (strcmp(m, "POST") == 0)
		return M_POST;
	return M_OTHER;
}

/* The CGI parameters the app reads, found in one pass over the request's environment. */
struct cgi {
	const char *uri, *method, *https, *content_length, *content_type;
	const char *cookie, *if_none_match, *user_agent, *remote_addr;
	size_t header_bytes; /* sum of the HTTP_* parameters: what the client sent as headers */
};

/* Sets *field to the value when p is "name=value"; the first one wins, as with FCGX_GetParam. */
static void take(const char *p, const char *name, const char **field)
{
	size_t n = strlen(name);
	if (!*field && strncmp(p, name, n) == 0 && p[n] == '=')
		*field = p + n + 1;
}

/* Looks at each parameter once, by its first letter, rather than a scan of them all per FCGX_GetParam. */
static void read_cgi(FCGX_ParamArray env, struct cgi *g)
{
	*g = (struct cgi){0};
	for (char **pp = env; *pp; pp++) {
		const char *p = *pp;
		if (strncmp(p, "HTTP_", 5) == 0) {
			g->header_bytes += strlen(p);
			take(p, "HTTP_COOKIE", &g->cookie);
			take(p, "HTTP_IF_NONE_MATCH", &g->if_none_match);
			take(p, "HTTP_USER_AGENT", &g->user_agent);
		} else if (p[0] == 'H') {
			take(p, "HTTPS", &g->https);
		} else if (p[0] == 'R') {
			take(p, "REQUEST_URI", &g->uri);
			take(p, "REQUEST_METHOD", &g->method);
			take(p, "REMOTE_ADDR", &g->remote_addr);
		} else if (p[0] == 'C') {
			take(p, "CONTENT_LENGTH", &g->content_length);
			take(p, "CONTENT_TYPE", &g->content_type);
		}
	}
}

/* libfcgi's own printf knows no %zu and formats slowly: digits by hand. */
static void put_size(struct buf *b, size_t n)
{
	char d[24];
	int i = (int)sizeof d;
	do
		d[--i] = (char)('0' + n % 10);
	while ((n /= 10) != 0);
	buf_put(b, d + i, sizeof d - (size_t)i);
}

static void put_header(struct buf *b, const char *name, const char *value)
{
	buf_puts(b, name);
	buf_put(b, ": ", 2);
	buf_puts(b, value);
	buf_put(b, "\r\n", 2);
}

/* The status line and headers in head, then one write of it and one of the body.  HEAD says what GET would send. */
static void write_response(FCGX_Stream *out, const struct req *rq, const struct resp *rs, struct buf *head)
{
	size_t len;
	const char *body = resp_body(rs, &len);
	buf_reset(head);
	buf_puts(head, "Status: ");
	put_size(head, (size_t)rs->status);
	buf_putc(head, ' ');
	buf_puts(head, http_reason(rs->status));
	buf_put(head, "\r\n", 2);
	put_header(head, "Content-Type", rs->content_type);
	for (int i = 0; i < rs->nheaders; i++)
		put_header(head, rs->headers[i].name, rs->headers[i].value);
	buf_puts(head, "Content-Length: ");
	put_size(head, len);
	buf_put(head, "\r\n\r\n", 4);
	FCGX_PutStr(head->data, (int)head->len, out);
	if (rq->method != M_HEAD && len)
		FCGX_PutStr(body, (int)len, out);
}

/*
 * Reads the request's input to its end record.  With fastcgi_keep_conn the
 * connection carries the next request: a record left unread here is the
 * first thing the next FCGX_Accept_r sees, a protocol error to libfcgi,
 * which then closes the connection nginx was about to reuse (and waits up
 * to 2 s in its close).  Bodies past the limit are read and dropped too.
 */
static void drain_stdin(FCGX_Stream *in)
{
	char rest[4096];
	while (FCGX_GetStr(rest, (int)sizeof rest, in) > 0)
		;
}

static void handle(FCGX_Request *fr, struct arena *a, struct buf *head)
{
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	struct cgi g;
	read_cgi(fr->envp, &g);
	const char *qmark = g.uri ? strchr(g.uri, '?') : NULL;
	char *path = g.uri ? arena_strndup(a, g.uri, qmark ? (size_t)(qmark - g.uri) : strlen(g.uri)) : "/";
	const char *query = qmark && qmark[1] ? qmark + 1 : NULL;
	unsigned long long want = g.content_length ? strtoull(g.content_length, NULL, 10) : 0;

	struct req rq = {
	    .method_name = g.method,
	    .path = path,
	    .query = query,
	    .content_type = g.content_type,
	    .cookie = g.cookie,
	    .if_none_match = g.if_none_match,
	    .user_agent = g.user_agent,
	    .remote_addr = g.remote_addr,
	    .secure = g.https && (strcmp(g.https, "on") == 0 || strcmp(g.https, "1") == 0),
	    .arena = a,
	};
	rq.method = method_of(rq.method_name);
	if (g.header_bytes > REQ_MAX_HEADERS)
		rq.front_error = 431;
	else if (want > app_body_limit(path, rq.content_type))
		rq.front_error = 413;
	else if (want) {
		char *body = arena_alloc(a, (size_t)want + 1);
		int got = FCGX_GetStr(body, (int)want, fr->in);
		body[got > 0 ? got : 0] = '\0';
		rq.body = body;
		rq.body_len = got > 0 ? (size_t)got : 0;
	}
	drain_stdin(fr->in);

	struct resp rs = {0};
	app_handle(&rq, &rs);
	write_response(fr->out, &rq, &rs, head);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	app_log(&rq, &rs, (long long)(t1.tv_sec - t0.tv_sec) * 1000000 + (t1.tv_nsec - t0.tv_nsec) / 1000);
	resp_free(&rs);
}

static void *responder(void *arg)
{
	(void)arg;
	FCGX_Request fr;
	FCGX_InitRequest(&fr, g_sock, 0);
	struct arena *a = arena_new();
	struct buf head; /* the response's head, its memory kept from one request to the next */
	buf_init(&head);
	for (;;) {
		/*
		 * No lock around the accept: with fastcgi_keep_conn, FCGX_Accept_r
		 * waits for the next request on this thread's kept connection, and
		 * a lock held there stalls every other thread.  accept() itself is
		 * thread-safe on Linux.
		 */
		int rc = FCGX_Accept_r(&fr);
		if (rc < 0)
			break;
		handle(&fr, a, &head);
		FCGX_Finish_r(&fr);
		arena_reset(a);
	}
	buf_free(&head);
	arena_free(a);
	return NULL;
}

static void on_signal(int sig)
{
	(void)sig;
	_exit(0); /* every acknowledged request is already committed */
}

int front_fcgi_run(const char *socket_path, unsigned threads)
{
	if (FCGX_Init() != 0) {
		fprintf(stderr, "bianmin: FCGX_Init failed\n");
		return 1;
	}
	if (socket_path) {
		unlink(socket_path);
		/*
		 * A deep backlog: without max_conns nginx opens a connection per
		 * request in flight, and those past the busy threads wait here
		 * (queued, not refused) for the next free one.
		 */
		g_sock = FCGX_OpenSocket(socket_path, LISTEN_BACKLOG);
		if (g_sock < 0) {
			fprintf(stderr, "bianmin: cannot listen on %s\n", socket_path);
			return 1;
		}
		/* nginx's group (www-data) may connect, nobody else: the process umask made it private */
		if (socket_path[0] != ':' && strchr(socket_path, '/') && chmod(socket_path, 0660) != 0) {
			fprintf(stderr, "bianmin: cannot set the mode of %s\n", socket_path);
			return 1;
		}
	} else {
		g_sock = 0; /* spawn-fcgi or systemd socket activation */
	}
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	signal(SIGPIPE, SIG_IGN);
	fprintf(stderr, "bianmin: FastCGI on %s with %u threads\n", socket_path ? socket_path : "fd 0", threads);
	pthread_t *tids = xcalloc(threads, sizeof *tids);
	for (unsigned i = 0; i < threads; i++)
		pthread_create(&tids[i], NULL, responder, NULL);
	for (unsigned i = 0; i < threads; i++)
		pthread_join(tids[i], NULL);
	free(tids);
	return 0;
}

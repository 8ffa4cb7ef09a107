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

/* Sum of the HTTP_* parameters: what the client sent as headers. */
static size_t header_bytes(FCGX_ParamArray env)
{
	size_t n = 0;
	for (char **p = env; *p; p++)
		if (strncmp(*p, "HTTP_", 5) == 0)
			n += strlen(*p);
	return n;
}

static void handle(FCGX_Request *fr, struct arena *a)
{
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	FCGX_ParamArray env = fr->envp;
	const char *uri = FCGX_GetParam("REQUEST_URI", env);
	const char *qmark = uri ? strchr(uri, '?') : NULL;
	char *path = uri ? arena_strndup(a, uri, qmark ? (size_t)(qmark - uri) : strlen(uri)) : "/";
	const char *query = qmark && qmark[1] ? qmark + 1 : NULL;
	const char *https = FCGX_GetParam("HTTPS", env);
	const char *cl = FCGX_GetParam("CONTENT_LENGTH", env);
	unsigned long long want = cl ? strtoull(cl, NULL, 10) : 0;

	struct req rq = {
	    .method_name = FCGX_GetParam("REQUEST_METHOD", env),
	    .path = path,
	    .query = query,
	    .content_type = FCGX_GetParam("CONTENT_TYPE", env),
	    .cookie = FCGX_GetParam("HTTP_COOKIE", env),
	    .if_none_match = FCGX_GetParam("HTTP_IF_NONE_MATCH", env),
	    .user_agent = FCGX_GetParam("HTTP_USER_AGENT", env),
	    .remote_addr = FCGX_GetParam("REMOTE_ADDR", env),
	    .secure = https && (strcmp(https, "on") == 0 || strcmp(https, "1") == 0),
	    .arena = a,
	};
	rq.method = method_of(rq.method_name);
	if (header_bytes(env) > REQ_MAX_HEADERS)
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

	struct resp rs = {0};
	app_handle(&rq, &rs);
	resp_check_headers(&rs);
	FCGX_FPrintF(fr->out, "Status: %d %s\r\nContent-Type: %s\r\n", rs.status, http_reason(rs.status),
	             rs.content_type);
	for (int i = 0; i < rs.nheaders; i++)
		FCGX_FPrintF(fr->out, "%s: %s\r\n", rs.headers[i].name, rs.headers[i].value);
	size_t len;
	const char *body = resp_body(&rs, &len);
	/* libfcgi's own printf knows no %zu: format the length here.  HEAD says what GET would send. */
	char clen[48];
	snprintf(clen, sizeof clen, "Content-Length: %zu\r\n\r\n", len);
	FCGX_PutS(clen, fr->out);
	if (rq.method != M_HEAD && len)
		FCGX_PutStr(body, (int)len, fr->out);
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
		handle(&fr, a);
		FCGX_Finish_r(&fr);
		arena_reset(a);
	}
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

/*
 * httpd.c -- the embedded HTTP server (libmicrohttpd): epoll, a thread pool
 * the size of the cores.  Collects the request (headers, a body up to
 * app_body_limit(): REQ_MAX_BODY, more for files sent to an upload route),
 * calls app_handle() once, queues the response.
 *
 * The only file that includes microhttpd.h.
 */
#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "front/front.h"
#include "web/app.h"

/*
 * libmicrohttpd 0.9.75 only times out idle connections: a client that
 * trickles a byte a second keeps one forever (slowloris).  The watchdog
 * gives every request REQ_TIMEOUT_SECONDS to arrive whole, headers and
 * body, and shuts down the socket of any that doesn't -- but only when the
 * client is the one we wait for.  Bytes sitting unread in the socket mean
 * our threads are busy (a burst of sign-ins, argon2 is slow), and a request
 * that has arrived whole is being answered: cutting either would lose an
 * answer the client is owed, after its petition or session was saved.
 */
struct tracked {
	int fd;
	time_t waiting_since; /* when the current request's first byte was awaited */
	bool received;        /* the whole request is in: not the client's fault now */
};

/*
 * libmicrohttpd's own timeout counts from a connection's last read or
 * write, and a thread busy with other requests (argon2 sign-ins) does
 * neither: with 15 s there it closed connections whose answers were queued
 * but not yet written.  So it only bounds a client too slow to read its
 * answer; the watchdog's REQ_TIMEOUT_SECONDS bounds clients slow to send,
 * idle keep-alive included.
 */
enum { MAX_TRACKED = 2048, SEND_TIMEOUT_SECONDS = 120 };
static struct tracked *g_tracked[MAX_TRACKED];
static pthread_mutex_t g_track_lock = PTHREAD_MUTEX_INITIALIZER;

static time_t mono_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec;
}

static void on_connection(void *cls, struct MHD_Connection *c, void **socket_context,
                          enum MHD_ConnectionNotificationCode toe)
{
	(void)cls;
	pthread_mutex_lock(&g_track_lock);
	if (toe == MHD_CONNECTION_NOTIFY_STARTED) {
		const union MHD_ConnectionInfo *ci = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CONNECTION_FD);
		struct tracked *t = xcalloc(1, sizeof *t);
		t->fd = ci ? ci->connect_fd : -1;
		t->waiting_since = mono_now();
		for (int i = 0; i < MAX_TRACKED; i++)
			if (!g_tracked[i]) {
				g_tracked[i] = t;
				break;
			}
		*socket_context = t;
	} else {
		struct tracked *t = *socket_context;
		for (int i = 0; t && i < MAX_TRACKED; i++)
			if (g_tracked[i] == t)
				g_tracked[i] = NULL;
		free(t);
		*socket_context = NULL;
	}
	pthread_mutex_unlock(&g_track_lock);
}

static struct tracked *tracked_of(struct MHD_Connection *c)
{
	const union MHD_ConnectionInfo *ci = MHD_get_connection_info(c, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
	return ci ? ci->socket_context : NULL;
}

/* received: the request is whole (it is being handled); false: a new one is awaited from now. */
static void track_state(struct MHD_Connection *c, bool received)
{
	pthread_mutex_lock(&g_track_lock);
	struct tracked *t = tracked_of(c);
	if (t) {
		if (!received)
			t->waiting_since = mono_now(); /* keep-alive: the next request starts now */
		t->received = received;
	}
	pthread_mutex_unlock(&g_track_lock);
}

/* True when the client has sent bytes our threads have not read yet: we are late, not it. */
static bool unread_bytes(int fd)
{
	int n = 0;
	return ioctl(fd, FIONREAD, &n) == 0 && n > 0;
}

static volatile sig_atomic_t g_stop;

static void *watchdog(void *arg)
{
	(void)arg;
	while (!g_stop) {
		nanosleep(&(struct timespec){.tv_sec = 1}, NULL); /* sleep() is MT-unsafe in glibc (SIGCHLD) */
		time_t now = mono_now();
		pthread_mutex_lock(&g_track_lock);
		for (int i = 0; i < MAX_TRACKED; i++) {
			struct tracked *t = g_tracked[i];
			if (t && !t->received && t->fd >= 0 && now - t->waiting_since > REQ_TIMEOUT_SECONDS &&
			    !unread_bytes(t->fd)) {
				shutdown(t->fd, SHUT_RDWR);
				t->received = true; /* once */
			}
		}
		pthread_mutex_unlock(&g_track_lock);
	}
	return NULL;
}

struct conn_state {
	struct buf body;
	size_t header_bytes;
	size_t limit;  /* the body's limit for this path (app_body_limit) */
	int error;     /* 413, 431 */
	bool answered; /* the response is queued */
	struct timespec t0;
};

/* Keep the URL as sent: the app decodes it (and refuses %00) itself. */
static size_t keep_escaped(void *cls, struct MHD_Connection *c, char *s)
{
	(void)cls;
	(void)c;
	return strlen(s);
}

static enum MHD_Result count_header(void *cls, enum MHD_ValueKind kind, const char *key, const char *value)
{
	(void)kind;
	struct conn_state *cs = cls;
	cs->header_bytes += strlen(key) + (value ? strlen(value) : 0) + 4;
	return MHD_YES;
}

struct query_acc {
	struct buf b;
};

static enum MHD_Result collect_arg(void *cls, enum MHD_ValueKind kind, const char *key, const char *value)
{
	(void)kind;
	struct query_acc *q = cls;
	if (q->b.len)
		buf_putc(&q->b, '&');
	buf_puts(&q->b, key);
	if (value) {
		buf_putc(&q->b, '=');
		buf_puts(&q->b, value);
	}
	return MHD_YES;
}

static enum method method_of(const char *m)
{
	if (strcmp(m, "GET") == 0)
		return M_GET;
	if (strcmp(m, "HEAD") == 0)
		return M_HEAD;
	if (strcmp(m, "POST") == 0)
		return M_POST;
	return M_OTHER;
}

/* An IPv4 address in dotted decimal (out: 16 bytes); inet_ntop formats through sprintf, a third of a hit. */
static void ipv4_text(const struct in_addr *in, char *out)
{
	const unsigned char *b = (const unsigned char *)&in->s_addr;
	for (int i = 0; i < 4; i++) {
		unsigned v = b[i];
		if (v >= 100)
			*out++ = (char)('0' + v / 100);
		if (v >= 10)
			*out++ = (char)('0' + v / 10 % 10);
		*out++ = (char)('0' + v % 10);
		*out++ = i < 3 ? '.' : '\0';
	}
}

static void client_addr(struct MHD_Connection *c, char *out, size_t n)
{
	const union MHD_ConnectionInfo *ci = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	out[0] = '-';
	out[1] = '\0';
	if (!ci || !ci->client_addr)
		return;
	const struct sockaddr *sa = ci->client_addr;
	if (sa->sa_family == AF_INET && n >= INET_ADDRSTRLEN)
		ipv4_text(&((const struct sockaddr_in *)(const void *)sa)->sin_addr, out);
	else if (sa->sa_family == AF_INET6)
		inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr, out, (socklen_t)n);
}

static _Thread_local struct arena *tl_arena;

/* The response libmicrohttpd sends for rs; close: end the connection after it. */
static struct MHD_Response *response_of(struct resp *rs, bool close)
{
	/* no copy: libmicrohttpd sends the bytes themselves and calls release when done */
	size_t len;
	void (*release)(void *);
	void *release_cls;
	const char *body = resp_body_handover(rs, &len, &release, &release_cls);
	struct MHD_Response *r =
	    release ? MHD_create_response_from_buffer_with_free_callback_cls(len, (void *)body, release, release_cls)
	            : MHD_create_response_from_buffer(len, (void *)body, MHD_RESPMEM_PERSISTENT);
	MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, rs->content_type);
	for (int i = 0; i < rs->nheaders; i++)
		MHD_add_response_header(r, rs->headers[i].name, rs->headers[i].value);
	if (close)
		MHD_add_response_header(r, MHD_HTTP_HEADER_CONNECTION, "close");
	return r;
}

/*
 * A cache hit's response, made once per thread and queued again for every
 * hit on the same bytes with the same headers: libmicrohttpd counts the
 * connections sending it, and building one (a copy of every header) costs
 * more than the rest of a hit.  The response holds the cached page (its
 * release callback), so a slot keeps at most one stale page alive until
 * another page takes the slot.
 */
enum { READY_SLOTS = 64 };
struct ready {
	const struct shared_body *body; /* which cached bytes (r holds them) */
	struct MHD_Response *r;
	struct buf heads; /* content type, then name and value of each header, NUL-separated */
};
static _Thread_local struct ready tl_ready[READY_SLOTS];

static void put_heads(struct buf *b, const struct resp *rs)
{
	buf_reset(b);
	buf_put(b, rs->content_type, strlen(rs->content_type) + 1);
	for (int i = 0; i < rs->nheaders; i++) {
		buf_put(b, rs->headers[i].name, strlen(rs->headers[i].name) + 1);
		buf_put(b, rs->headers[i].value, strlen(rs->headers[i].value) + 1);
	}
}

/* Does b hold what put_heads would write for rs? */
static bool same_heads(const struct buf *b, const struct resp *rs)
{
	if (!b->data || strcmp(b->data, rs->content_type) != 0)
		return false;
	const char *p = b->data, *end = b->data + b->len;
	p += strlen(p) + 1;
	for (int i = 0; i < rs->nheaders; i++) {
		if (p >= end || strcmp(p, rs->headers[i].name) != 0)
			return false;
		p += strlen(p) + 1;
		if (p >= end || strcmp(p, rs->headers[i].value) != 0)
			return false;
		p += strlen(p) + 1;
	}
	return p == end;
}

static struct MHD_Response *ready_response(struct resp *rs)
{
	struct ready *s = &tl_ready[((uintptr_t)rs->shared >> 6) % READY_SLOTS];
	if (s->r && s->body == rs->shared && same_heads(&s->heads, rs))
		return s->r;
	if (s->r)
		MHD_destroy_response(s->r); /* freed once the connections sending it are done */
	s->r = response_of(rs, false);
	s->body = rs->shared;
	put_heads(&s->heads, rs);
	return s->r;
}

/* Calls the app on the request as collected and queues its answer. */
static enum MHD_Result answer(struct MHD_Connection *c, struct conn_state *cs, const char *url, const char *method)
{
	track_state(c, true);
	if (!tl_arena)
		tl_arena = arena_new();
	char addr[64];
	client_addr(c, addr, sizeof addr);
	struct query_acc q;
	buf_init(&q.b);
	MHD_get_connection_values(c, MHD_GET_ARGUMENT_KIND, collect_arg, &q);

	struct req rq = {
	    .method = method_of(method),
	    .method_name = method,
	    .path = url,
	    .query = q.b.len ? q.b.data : NULL,
	    .body = cs->body.data,
	    .body_len = cs->body.len,
	    .content_type = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_TYPE),
	    .cookie = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_COOKIE),
	    .if_none_match = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_IF_NONE_MATCH),
	    .user_agent = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_USER_AGENT),
	    .remote_addr = addr,
	    .front_error = cs->error,
	    .arena = tl_arena,
	    .secure = false, /* the embedded server is plain HTTP; TLS sits in nginx (fcgi) */
	};
	struct resp rs = {0};
	app_handle(&rq, &rs);

	/* logged before the body is handed over (the log counts its bytes) */
	struct timespec t1;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	app_log(&rq, &rs, (long long)(t1.tv_sec - cs->t0.tv_sec) * 1000000 + (t1.tv_nsec - cs->t0.tv_nsec) / 1000);

	/* a cached page's ready response is queued again, never destroyed here */
	bool ready = rs.shared && !cs->error;
	struct MHD_Response *r = ready ? ready_response(&rs) : response_of(&rs, cs->error);
	enum MHD_Result ret = MHD_queue_response(c, (unsigned)rs.status, r);
	if (!ready)
		MHD_destroy_response(r);
	cs->answered = true;

	resp_free(&rs);
	buf_free(&q.b);
	arena_reset(tl_arena);
	return ret;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url, const char *method,
                                  const char *version, const char *upload_data, size_t *upload_size, void **con_cls)
{
	(void)cls;
	(void)version;
	struct conn_state *cs = *con_cls;
	if (!cs) {
		/* first call: headers only.  Answer on a later call so keep-alive stays on. */
		cs = xcalloc(1, sizeof *cs);
		clock_gettime(CLOCK_MONOTONIC, &cs->t0);
		MHD_get_connection_values(c, MHD_HEADER_KIND, count_header, cs);
		if (cs->header_bytes > REQ_MAX_HEADERS)
			cs->error = 431;
		const char *cl = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
		cs->limit =
		    app_body_limit(url, MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_TYPE));
		if (cl && strtoull(cl, NULL, 10) > cs->limit)
			cs->error = 413;
		*con_cls = cs;
		/*
		 * Refused on its headers: answer now and close, rather than wait
		 * for a body we will not read (a client announcing 99 MB would
		 * otherwise hear nothing until the watchdog cut it).
		 */
		return cs->error ? answer(c, cs, url, method) : MHD_YES;
	}
	if (cs->answered) {
		*upload_size = 0; /* refused early: the rest of the body is dropped with the connection */
		return MHD_YES;
	}
	if (*upload_size) {
		if (!cs->error) {
			if (cs->body.len + *upload_size > cs->limit)
				cs->error = 413;
			else
				buf_put(&cs->body, upload_data, *upload_size);
		}
		*upload_size = 0;
		return MHD_YES;
	}
	return answer(c, cs, url, method);
}

static void on_completed(void *cls, struct MHD_Connection *c, void **con_cls, enum MHD_RequestTerminationCode toe)
{
	(void)cls;
	(void)toe;
	track_state(c, false);
	struct conn_state *cs = *con_cls;
	if (cs) {
		buf_free(&cs->body);
		free(cs);
		*con_cls = NULL;
	}
}

static void on_signal(int sig)
{
	(void)sig;
	g_stop = 1;
}

int front_httpd_run(const char *listen, unsigned threads)
{
	char host[256];
	const char *colon = strrchr(listen, ':');
	if (!colon || (size_t)(colon - listen) >= sizeof host) {
		fprintf(stderr, "bianmin: --listen wants HOST:PORT, got %s\n", listen);
		return 1;
	}
	memcpy(host, listen, (size_t)(colon - listen));
	host[colon - listen] = '\0';
	char *end;
	long port = strtol(colon + 1, &end, 10);
	struct sockaddr_in sin = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
	if (*end || port <= 0 || port > 65535 || inet_pton(AF_INET, host, &sin.sin_addr) != 1) {
		fprintf(stderr, "bianmin: --listen wants an IPv4 HOST:PORT, got %s\n", listen);
		return 1;
	}
	/* one option and its value(s) per line */
	/* clang-format off */
	struct MHD_Daemon *d = MHD_start_daemon(
		MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ERROR_LOG, (uint16_t)port, NULL, NULL,
		on_request, NULL,
		MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&sin,
		MHD_OPTION_THREAD_POOL_SIZE, threads,
		MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)SEND_TIMEOUT_SECONDS,
		MHD_OPTION_CONNECTION_LIMIT, 1024u,
		MHD_OPTION_PER_IP_CONNECTION_LIMIT, 64u,
		MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)REQ_MAX_HEADERS + REQ_MAX_URI + 16384,
		MHD_OPTION_UNESCAPE_CALLBACK, keep_escaped, NULL,
		MHD_OPTION_NOTIFY_COMPLETED, on_completed, NULL,
		MHD_OPTION_NOTIFY_CONNECTION, on_connection, NULL,
		MHD_OPTION_LISTENING_ADDRESS_REUSE, 1u,
		MHD_OPTION_END);
	/* clang-format on */
	if (!d) {
		fprintf(stderr, "bianmin: cannot listen on %s\n", listen);
		return 1;
	}
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	signal(SIGPIPE, SIG_IGN);
	pthread_t wd;
	pthread_create(&wd, NULL, watchdog, NULL);
	fprintf(stderr, "bianmin: serving http://%s/ with %u threads\n", listen, threads);
	while (!g_stop)
		pause();
	pthread_join(wd, NULL);
	MHD_stop_daemon(d);
	fprintf(stderr, "bianmin: stopped\n");
	return 0;
}

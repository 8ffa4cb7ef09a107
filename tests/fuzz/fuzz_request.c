/*
 * fuzz_request.c -- libFuzzer target for a whole request through the
 * dispatcher: app_handle() (src/web/app.c) with the real route table,
 * handlers, templates, store and a demo database.
 *
 * Once per process it makes a temp folder ($TMPDIR or /tmp), builds a demo
 * database there in-process (`bianmin admin init --demo` through cli_admin,
 * as tests/unit/test_search_quality.c does) and starts the app with the
 * source tree as its root (BIANMIN_ROOT, else what app_find_root finds: the
 * current folder, or up from the binary).  Nothing is written outside that
 * folder; it is removed at exit, and on a failed check.
 *
 * An input is six fields split at the first five NUL bytes:
 *
 *   method \0 path \0 query \0 cookie \0 content-type \0 body
 *
 * A field that is missing is absent (NULL); the body is the rest of the
 * input, NULs and all.  A cookie starting with '@' is a signed-in staff
 * member: '@' and the next byte (picking admin, counter, hotline, officer or
 * head, by value) become that user's session cookie, and every "@@" in the
 * query and body becomes the session's CSRF token, so staff pages and their
 * forms are reached too.  A request that ends or replaces the session (sign
 * out, sign in again) gets a new one on next use.
 *
 * FUZZ_REQUEST_TRACE=1 prints "METHOD path -> status" per input (to replay
 * a corpus and see what it reaches).
 *
 * Checks on every answer: the status is in 200..599; a body said to be UTF-8
 * (charset=utf-8, every text/html page) is valid UTF-8; no header value has
 * CR, LF or NUL (no header splitting); the security headers are there; a
 * redirect goes to a local path ("/x", never "//host" or "/\host").
 *
 * scripts/fuzz.sh builds it with every .c file in the folders under src/
 * (not src/main.c) and the libraries of the main build; by hand, from the
 * repository root:
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -Isrc tests/fuzz/fuzz_request.c \
 *     $(find src -mindepth 2 -name '*.c' | sort) $(pkg-config --cflags --libs libmicrohttpd \
 *     sqlite3 libcmark libsodium libqrencode jansson libcurl gdlib) -lfcgi -pthread -lm -o /tmp/fz \
 *     && /tmp/fz tests/fuzz/corpus/fuzz_request
 */
#define _GNU_SOURCE /* memmem, strcasestr */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <sodium.h>
#include <sqlite3.h> /* the harness reads the newest numbers; src/ never sees this */

#include "web/app.h"
#include "app/http.h"
#include "cli/cli.h"
#include "util/util.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* ---- the database and the app, once ---------------------------------- */

static bool trace;
static char tmpdir[512];
static char dbpath[600];
static bool app_started;
static sqlite3 *ro; /* read-only, for the newest case and petition numbers */

/* Removes the temp folder and the database in it. */
static void remove_tmp(void)
{
	static const char *const suffix[] = {"", "-wal", "-shm", "-journal"};
	char path[700];
	for (size_t i = 0; i < sizeof suffix / sizeof suffix[0] && dbpath[0]; i++) {
		snprintf(path, sizeof path, "%s%s", dbpath, suffix[i]);
		unlink(path);
	}
	if (tmpdir[0])
		rmdir(tmpdir);
	tmpdir[0] = dbpath[0] = '\0';
}

static void cleanup(void)
{
	sqlite3_close(ro);
	ro = NULL;
	if (app_started)
		app_shutdown();
	app_started = false;
	remove_tmp();
}

/* A failed check: libFuzzer keeps the input and exits without atexit, so the folder goes now. */
static void check(int ok)
{
	if (!ok) {
		remove_tmp();
		abort();
	}
}

static void die(const char *what)
{
	fprintf(stderr, "fuzz_request: %s\n", what);
	exit(1);
}

/* Runs cli_admin with its progress lines on stdout sent to /dev/null. */
static int admin(int argc, char **argv)
{
	fflush(stdout);
	int saved = dup(1);
	FILE *devnull = freopen("/dev/null", "w", stdout);
	int rc = cli_admin(argc, argv);
	fflush(stdout);
	dup2(saved, 1);
	close(saved);
	(void)devnull;
	return rc;
}

static void start(void)
{
	if (sodium_init() < 0)
		die("libsodium failed to start");
	trace = getenv("FUZZ_REQUEST_TRACE") && strcmp(getenv("FUZZ_REQUEST_TRACE"), "1") == 0;
	const char *root = getenv("BIANMIN_ROOT");
	if (!root || !*root)
		root = app_find_root(NULL);
	if (!root)
		die("cannot find the source tree (templates/, sql/); set BIANMIN_ROOT");
	root = strdup(root); /* app_find_root's buffer is static; app_init keeps the pointer */

	const char *t = getenv("TMPDIR");
	snprintf(tmpdir, sizeof tmpdir, "%s/bianmin-fuzz-XXXXXX", t && *t ? t : "/tmp");
	if (!mkdtemp(tmpdir))
		die(strerror(errno));
	snprintf(dbpath, sizeof dbpath, "%s/fuzz.db", tmpdir);
	atexit(cleanup);

	char *argv[] = {"admin", "init", "--db", dbpath, "--root", (char *)root, "--demo", NULL};
	if (admin(7, argv) != 0)
		die("admin init --demo failed");

	struct app_config cfg = {.root = root, .db_path = dbpath, .quiet = true};
	char err[512];
	if (app_init(&cfg, err, sizeof err) < 0)
		die(err);
	app_started = true;
	if (sqlite3_open_v2(dbpath, &ro, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
		die("cannot open the database read-only");
	sqlite3_busy_timeout(ro, 5000);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	start();
	return 0;
}

/* ---- requests --------------------------------------------------------- */

static enum method method_of(const char *m)
{
	if (!m)
		return M_GET;
	if (strcmp(m, "GET") == 0)
		return M_GET;
	if (strcmp(m, "HEAD") == 0)
		return M_HEAD;
	if (strcmp(m, "POST") == 0)
		return M_POST;
	return M_OTHER;
}

static const char *header(const struct resp *rs, const char *name)
{
	for (int i = 0; i < rs->nheaders; i++)
		if (strcasecmp(rs->headers[i].name, name) == 0)
			return rs->headers[i].value;
	return NULL;
}

/* Checks what every answer must be; the body is rs's. */
static void check_answer(const struct req *rq, const struct resp *rs)
{
	check(rs->status >= 200 && rs->status <= 599);
	check(rs->content_type != NULL);
	check(rs->nheaders >= 0 && rs->nheaders <= RESP_MAX_HEADERS);
	for (int i = 0; i < rs->nheaders; i++) {
		const char *n = rs->headers[i].name, *v = rs->headers[i].value;
		check(n != NULL && v != NULL && *n != '\0');
		check(strpbrk(n, "\r\n: ") == NULL);
		check(strpbrk(v, "\r\n") == NULL);
	}
	check(strpbrk(rs->content_type, "\r\n") == NULL);
	const char *csp = header(rs, "Content-Security-Policy");
	check(csp != NULL && strstr(csp, "frame-ancestors") != NULL && strstr(csp, "unsafe-inline") == NULL);
	check(header(rs, "X-Content-Type-Options") != NULL);

	size_t len;
	const char *body = resp_body(rs, &len);
	check(body != NULL || len == 0);
	bool utf8 = strncasecmp(rs->content_type, "text/html", 9) == 0 || strcasestr(rs->content_type, "charset=utf-8");
	if (utf8 && len > 0)
		check(utf8_valid(body, len));

	if (rs->status == 301 || rs->status == 302 || rs->status == 303 || rs->status == 307 || rs->status == 308) {
		const char *loc = header(rs, "Location");
		check(loc != NULL);
		/* local paths only: no open redirect */
		check(loc[0] == '/' && loc[1] != '/' && loc[1] != '\\');
	}
	(void)rq;
}

/* ---- staff sessions ---------------------------------------------------- */

static const char *const staff_users[] = {"admin1", "counter1", "hotline1", "officer1", "head1"};
enum { NSTAFF = sizeof staff_users / sizeof staff_users[0] };

static struct {
	char cookie[128]; /* "bm_sid=<64 hex>", "" until signed in */
	char csrf[80];
} staff[NSTAFF];

static void request(struct arena *a, enum method m, const char *method_name, const char *path, const char *cookie,
                    const char *ctype, const char *body, struct resp *rs, const char *addr)
{
	struct req rq = {
	    .method = m,
	    .method_name = method_name,
	    .path = path,
	    .body = body,
	    .body_len = body ? strlen(body) : 0,
	    .content_type = ctype,
	    .cookie = cookie,
	    .user_agent = "fuzz_request",
	    .remote_addr = addr,
	    .arena = a,
	};
	memset(rs, 0, sizeof *rs);
	app_handle(&rq, rs);
	check_answer(&rq, rs);
}

/* Signs staff member k in (through the sign-in form) and reads the session's CSRF token. */
static void sign_in(int k)
{
	static const char visitor_csrf[] = "0123456789abcdef0123456789abcdef";
	struct arena *a = arena_new();
	struct resp rs;
	char *body = arena_printf(a, "csrf=%s&username=%s&password=demo-password", visitor_csrf, staff_users[k]);
	/* its own address, so the fuzzer's failed sign-ins never throttle it */
	request(a, M_POST, "POST", "/staff/login", "bm_csrf=0123456789abcdef0123456789abcdef",
	        "application/x-www-form-urlencoded", body, &rs, "192.0.2.1");
	staff[k].cookie[0] = '\0';
	for (int i = 0; i < rs.nheaders; i++) {
		const char *v = rs.headers[i].value;
		if (strcasecmp(rs.headers[i].name, "Set-Cookie") == 0 && strncmp(v, "bm_sid=", 7) == 0)
			snprintf(staff[k].cookie, sizeof staff[k].cookie, "%.*s", (int)strcspn(v, ";"), v);
	}
	if (rs.status != 303 || strlen(staff[k].cookie) != 7 + 64) {
		fprintf(stderr, "fuzz_request: sign-in as %s answered %d\n", staff_users[k], rs.status);
		die("cannot sign in");
	}
	resp_free(&rs);
	arena_reset(a);

	request(a, M_GET, "GET", "/staff", staff[k].cookie, NULL, NULL, &rs, "192.0.2.1");
	size_t len;
	const char *page = resp_body(&rs, &len);
	const char *p = rs.status == 200 ? strstr(page, "name=\"csrf\" value=\"") : NULL;
	if (!p)
		die("no CSRF token on /staff");
	p += strlen("name=\"csrf\" value=\"");
	snprintf(staff[k].csrf, sizeof staff[k].csrf, "%.*s", (int)strcspn(p, "\""), p);
	resp_free(&rs);
	arena_free(a);
}

/* The newest number in a table's column, or a well-formed one no row has. */
static const char *newest(struct arena *a, const char *sql, const char *none)
{
	sqlite3_stmt *q = NULL;
	const char *no = none;
	if (sqlite3_prepare_v2(ro, sql, -1, &q, NULL) == SQLITE_OK && sqlite3_step(q) == SQLITE_ROW &&
	    sqlite3_column_text(q, 0))
		no = arena_strdup(a, (const char *)sqlite3_column_text(q, 0));
	sqlite3_finalize(q);
	return no;
}

/*
 * s with every two-character key ("@@") replaced by its value (arena
 * copy); s itself when there is none.
 */
static const char *put_token(struct arena *a, const char *s, size_t len, const char *key, const char *token,
                             size_t *outlen)
{
	*outlen = len;
	if (!s || !memmem(s, len, key, 2))
		return s;
	struct buf b;
	buf_init(&b);
	for (size_t i = 0; i < len;) {
		if (i + 1 < len && s[i] == key[0] && s[i + 1] == key[1]) {
			buf_puts(&b, token);
			i += 2;
		} else {
			buf_putc(&b, s[i++]);
		}
	}
	char *out = arena_alloc(a, b.len + 1);
	memcpy(out, b.data ? b.data : "", b.len);
	out[b.len] = '\0';
	*outlen = b.len;
	buf_free(&b);
	return out;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena *a = arena_new();
	/* six fields at the first five NULs; each a NUL-terminated arena copy */
	const char *field[6] = {NULL};
	size_t flen[6] = {0};
	size_t pos = 0;
	for (int f = 0; f < 6 && pos <= size; f++) {
		const uint8_t *nul = f < 5 ? memchr(data + pos, '\0', size - pos) : NULL;
		size_t end = nul ? (size_t)(nul - data) : size;
		if (f < 5 && !nul && pos == size)
			break;
		/* exact size plus the NUL both front ends put after a body */
		char *copy = arena_alloc(a, end - pos + 1);
		memcpy(copy, data + pos, end - pos);
		copy[end - pos] = '\0';
		field[f] = copy;
		flen[f] = end - pos;
		pos = end + 1;
		if (!nul)
			break;
	}

	const char *method_name = field[0] && *field[0] ? field[0] : "GET";
	const char *path = field[1] ? field[1] : "/";
	const char *query = field[2], *cookie = field[3], *ctype = field[4], *body = field[5];
	size_t qlen = flen[2], blen = flen[5];

	int who = -1;
	if (cookie && cookie[0] == '@') {
		who = cookie[1] ? (unsigned char)cookie[1] % NSTAFF : 0;
		if (!staff[who].cookie[0])
			sign_in(who);
		const char *rest = cookie[1] ? cookie + 2 : "";
		cookie = *rest ? arena_printf(a, "%s; %s", staff[who].cookie, rest) : staff[who].cookie;
		query = put_token(a, query, qlen, "@@", staff[who].csrf, &qlen);
		body = put_token(a, body, blen, "@@", staff[who].csrf, &blen);
	}
	size_t plen = strlen(path);
	if (memchr(path, '@', plen)) {
		if (strstr(path, "@A"))
			path = put_token(
			    a, path, plen, "@A",
			    newest(a, "SELECT case_no FROM cases ORDER BY id DESC LIMIT 1", "A0000101-0001"), &plen);
		if (strstr(path, "@P"))
			path = put_token(
			    a, path, plen, "@P",
			    newest(a, "SELECT petition_no FROM petitions ORDER BY id DESC LIMIT 1", "P0000101-0001"),
			    &plen);
	}

	struct req rq = {
	    .method = method_of(method_name),
	    .method_name = method_name,
	    .path = path,
	    .query = query,
	    .body = body,
	    .body_len = blen,
	    .content_type = ctype,
	    .cookie = cookie,
	    .user_agent = "fuzz_request",
	    .remote_addr = "127.0.0.1",
	    .arena = a,
	};
	struct resp rs = {0};
	app_handle(&rq, &rs);
	if (trace)
		fprintf(stderr, "fuzz_request: %s %s%s%s%s -> %d\n", method_name, path, query ? "?" : "",
		        query ? query : "", who >= 0 ? " (staff)" : "", rs.status);
	check_answer(&rq, &rs);

	/* the session was ended or replaced: sign in afresh next time */
	if (who >= 0)
		for (int i = 0; i < rs.nheaders; i++)
			if (strcasecmp(rs.headers[i].name, "Set-Cookie") == 0 &&
			    strncmp(rs.headers[i].value, "bm_sid=", 7) == 0)
				staff[who].cookie[0] = '\0';

	resp_free(&rs);
	arena_free(a);
	return 0;
}

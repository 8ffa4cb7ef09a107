/*
 * serve.c -- `bianmin serve` and `bianmin fcgi`, and the option parser the
 * subcommands share.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/app.h"
#include "cli/cli.h"
#include "front/front.h"

int cli_parse(int argc, char **argv, struct cli_opts *o)
{
	static const struct {
		const char *flag;
		size_t off;
	} strs[] = {
	    {"--db", offsetof(struct cli_opts, db)},         {"--root", offsetof(struct cli_opts, root)},
	    {"--listen", offsetof(struct cli_opts, listen)}, {"--socket", offsetof(struct cli_opts, socket)},
	    {"--to", offsetof(struct cli_opts, to)},         {"--user", offsetof(struct cli_opts, user)},
	    {"--role", offsetof(struct cli_opts, role)},     {"--unit", offsetof(struct cli_opts, unit)},
	    {"--name", offsetof(struct cli_opts, name)},
	};
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		bool done = false;
		for (size_t k = 0; k < sizeof strs / sizeof strs[0] && !done; k++) {
			if (strcmp(a, strs[k].flag) != 0)
				continue;
			if (i + 1 >= argc) {
				fprintf(stderr, "bianmin: %s needs a value\n", a);
				return -1;
			}
			*(const char **)((char *)o + strs[k].off) = argv[++i];
			done = true;
		}
		if (done)
			continue;
		if (strcmp(a, "--threads") == 0 || strcmp(a, "--interval") == 0) {
			char *end;
			long v = i + 1 < argc ? strtol(argv[i + 1], &end, 10) : -1;
			if (i + 1 >= argc || *end || v <= 0 || v > 100000) {
				fprintf(stderr, "bianmin: %s needs a positive number\n", a);
				return -1;
			}
			i++;
			if (a[2] == 't')
				o->threads = (unsigned)v;
			else
				o->interval = v;
		} else if (strcmp(a, "--demo") == 0) {
			o->demo = true;
		} else if (strcmp(a, "--once") == 0) {
			o->once = true;
		} else if (strcmp(a, "--quiet") == 0) {
			o->quiet = true;
		} else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			o->help = true;
		} else if (a[0] == '-' && a[1]) {
			fprintf(stderr, "bianmin: unknown option %s\n", a);
			return -1;
		} else if (o->nargs < 8) {
			o->args[o->nargs++] = a;
		} else {
			fprintf(stderr, "bianmin: too many arguments\n");
			return -1;
		}
	}
	return 0;
}

static unsigned default_threads(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n > 0 ? (unsigned)n : 2;
}

static int start_app(const struct cli_opts *o)
{
	const char *root = app_find_root(o->root);
	if (!root) {
		fprintf(stderr, "bianmin: cannot find templates/ and sql/; pass --root DIR\n");
		return -1;
	}
	struct app_config cfg = {.root = root, .db_path = o->db, .quiet = o->quiet};
	char err[512];
	if (app_init(&cfg, err, sizeof err) < 0) {
		fprintf(stderr, "bianmin: %s\n", err);
		return -1;
	}
	return 0;
}

int cli_serve(int argc, char **argv)
{
	struct cli_opts o = {.listen = "127.0.0.1:8080"};
	if (cli_parse(argc, argv, &o) < 0)
		return 2;
	if (o.help || !o.db) {
		fputs("usage: bianmin serve --db FILE [--listen 127.0.0.1:8080] [--threads N] [--root DIR] [--quiet]\n"
		      "Runs the portal with the embedded server; logs one line per request to stderr.\n",
		      o.help ? stdout : stderr);
		return o.help ? 0 : 2;
	}
	if (start_app(&o) < 0)
		return 1;
	int rc = front_httpd_run(o.listen, o.threads ? o.threads : default_threads());
	app_shutdown();
	return rc;
}

int cli_fcgi(int argc, char **argv)
{
	struct cli_opts o = {0};
	if (cli_parse(argc, argv, &o) < 0)
		return 2;
	if (o.help || !o.db) {
		fputs("usage: bianmin fcgi --db FILE [--socket PATH|:PORT] [--threads N] [--root DIR] [--quiet]\n"
		      "Runs the FastCGI responder; without --socket it takes the listening socket on fd 0.\n"
		      "Give it at least as many threads as nginx may open connections to it.\n",
		      o.help ? stdout : stderr);
		return o.help ? 0 : 2;
	}
	if (start_app(&o) < 0)
		return 1;
	return front_fcgi_run(o.socket, o.threads ? o.threads : 16);
}

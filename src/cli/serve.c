/*
 * serve.c -- `bianmin serve` and `bianmin fcgi`, and the option parser the
 * subcommands share.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "front/front.h"
#include "web/app.h"

/* Reads a whole number in [lo, hi] for option name; -1 (after saying so) when it is not one. */
static long number_arg(const char *name, const char *v, long lo, long hi)
{
	char *end;
	long n = strtol(v, &end, 10);
	if (!*v || *end || n < lo || n > hi) {
		fprintf(stderr, "bianmin: --%s needs a whole number from %ld to %ld\n", name, lo, hi);
		return -1;
	}
	return n;
}

int cli_parse(int argc, char **argv, struct cli_opts *o)
{
	enum {
		O_THREADS = 256,
		O_INTERVAL,
		O_DAYS,
		O_KEEP_DAILY,
		O_KEEP_WEEKLY,
		O_RATE,
		O_DEMO,
		O_ONCE,
		O_QUIET,
		O_FORCE
	};
	static const struct option longs[] = {
	    {"db", required_argument, NULL, 0},
	    {"root", required_argument, NULL, 0},
	    {"listen", required_argument, NULL, 0},
	    {"socket", required_argument, NULL, 0},
	    {"to", required_argument, NULL, 0},
	    {"from", required_argument, NULL, 0},
	    {"dir", required_argument, NULL, 0},
	    {"user", required_argument, NULL, 0},
	    {"role", required_argument, NULL, 0},
	    {"unit", required_argument, NULL, 0},
	    {"name", required_argument, NULL, 0},
	    {"metrics-allow", required_argument, NULL, 0},
	    {"name-en", required_argument, NULL, 0},
	    {"phone", required_argument, NULL, 0},
	    {"email", required_argument, NULL, 0},
	    {"villages", required_argument, NULL, 0},
	    {"threads", required_argument, NULL, O_THREADS},
	    {"interval", required_argument, NULL, O_INTERVAL},
	    {"days", required_argument, NULL, O_DAYS},
	    {"keep-daily", required_argument, NULL, O_KEEP_DAILY},
	    {"keep-weekly", required_argument, NULL, O_KEEP_WEEKLY},
	    {"rate", required_argument, NULL, O_RATE},
	    {"demo", no_argument, NULL, O_DEMO},
	    {"once", no_argument, NULL, O_ONCE},
	    {"quiet", no_argument, NULL, O_QUIET},
	    {"force", no_argument, NULL, O_FORCE},
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0},
	};
	/* the string options, in the order of longs[] */
	const char **strs[] = {&o->db,      &o->root,  &o->listen, &o->socket,  &o->to,   &o->from,
	                       &o->dir,     &o->user,  &o->role,   &o->unit,    &o->name, &o->metrics_allow,
	                       &o->name_en, &o->phone, &o->email,  &o->villages};
	o->days = o->keep_daily = o->keep_weekly = -1;
	optind = 0; /* GNU: start afresh, whatever parsed argv before */
	opterr = 0; /* our own messages, naming bianmin rather than argv[0] */
	int c, li = -1;
	/* one thread: the servers start after the options are read */
	while ((c = getopt_long(argc, argv, ":h", longs, &li)) != -1) { // NOLINT(concurrency-mt-unsafe)
		long n = 0;
		const char *name = li >= 0 ? longs[li].name : "";
		switch (c) {
		case 0: *strs[li] = optarg; break;
		case O_THREADS:
		case O_INTERVAL:
			if ((n = number_arg(name, optarg, 1, 100000)) < 0)
				return -1;
			if (c == O_THREADS)
				o->threads = (unsigned)n;
			else
				o->interval = n;
			break;
		case O_DAYS:
			if ((o->days = number_arg(name, optarg, 0, 36500)) < 0)
				return -1;
			break;
		case O_KEEP_DAILY:
		case O_KEEP_WEEKLY:
			if ((n = number_arg(name, optarg, 0, 1000)) < 0)
				return -1;
			*(c == O_KEEP_DAILY ? &o->keep_daily : &o->keep_weekly) = n;
			break;
		case O_RATE:
			if ((o->rate = number_arg(name, optarg, 1, 10000)) < 0)
				return -1;
			break;
		case O_DEMO: o->demo = true; break;
		case O_ONCE: o->once = true; break;
		case O_QUIET: o->quiet = true; break;
		case O_FORCE: o->force = true; break;
		case 'h': o->help = true; break;
		case ':': fprintf(stderr, "bianmin: %s needs a value\n", argv[optind - 1]); return -1;
		default: fprintf(stderr, "bianmin: unknown option %s\n", argv[optind - 1]); return -1;
		}
		li = -1;
	}
	for (int i = optind; i < argc; i++) {
		if (o->nargs == 8) {
			fprintf(stderr, "bianmin: too many arguments\n");
			return -1;
		}
		o->args[o->nargs++] = argv[i];
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
	struct app_config cfg = {.root = root, .db_path = o->db, .quiet = o->quiet, .metrics_allow = o->metrics_allow};
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
		      "                     [--metrics-allow ADDR,...]\n"
		      "Runs the portal with the embedded server; logs one line per request to stderr.\n"
		      "GET /metrics answers only the addresses in --metrics-allow (default 127.0.0.1,::1).\n",
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
		      "                    [--metrics-allow ADDR,...]\n"
		      "Runs the FastCGI responder; without --socket it takes the listening socket on fd 0\n"
		      "(systemd socket activation, spawn-fcgi).  The socket is made mode 0660.\n"
		      "Threads (default 256) only wait on nginx's connections; at most 16 database connections are open.\n",
		      o.help ? stdout : stderr);
		return o.help ? 0 : 2;
	}
	if (start_app(&o) < 0)
		return 1;
	return front_fcgi_run(o.socket, o.threads ? o.threads : 256);
}

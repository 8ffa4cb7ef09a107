/*
 * cli.h -- the subcommands: serve, fcgi, admin.  main.c only dispatches.
 * Each returns the process exit status; errors go to stderr.
 */
#ifndef BM_CLI_H
#define BM_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

struct store;

int cli_serve(int argc, char **argv);
int cli_fcgi(int argc, char **argv);
int cli_admin(int argc, char **argv);
int cli_scheduler(int argc, char **argv); /* scheduler.c */

/* `admin catalog export|import` (catalog_io.c): 0, or 1 with the reasons on stderr. */
int catalog_export(struct store *st, FILE *out);
int catalog_import(struct store *st, const char *path);

/* Shared option parsing (getopt_long: --db FILE and --db=FILE alike). */
struct cli_opts {
	const char *db;
	const char *root;
	const char *listen;
	const char *socket;
	const char *to, *from, *dir; /* admin backup and restore */
	const char *metrics_allow;   /* serve, fcgi */
	const char *user, *role, *unit, *name;
	unsigned threads;
	long interval;
	long days, keep_daily, keep_weekly; /* -1 when not given */
	long rate;                          /* admin api-key add: requests a minute */
	bool demo, once, quiet, force, help;
	const char *args[8]; /* positional arguments */
	int nargs;
};

/*
 * Parses argv from index 1 (argv[0] is the subcommand; GNU getopt permutes
 * argv so positional arguments may come anywhere); returns 0 or prints the
 * problem and returns -1.
 */
int cli_parse(int argc, char **argv, struct cli_opts *o);

#endif

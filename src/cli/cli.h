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
	const char *name_en, *phone, *email; /* admin unit add, user add */
	const char *villages;                /* admin user add --role village: comma-separated codes */
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

struct store;
/* admin_office.c: the office's settings and units from the command line (issue #11). */
/* Loads the UI strings (the checks' messages, the test e-mail's text); 0, or 1 with a message. */
int cli_load_strings(const struct cli_opts *o);
int cli_admin_set(const struct cli_opts *o);
int cli_admin_get(const struct cli_opts *o);
int cli_admin_unit(const struct cli_opts *o);
int cli_admin_mail_test(const struct cli_opts *o);
/* Refuses (message on stderr, 1) a role/unit/villages combination for an account; 0 when fine. */
int cli_check_account(struct store *st, const char *role, const char *unit, const char *villages);
/* Gives a village officer's account exactly the villages in the comma list, in the caller's transaction. */
int cli_set_villages(struct store *st, const char *username, const char *villages);

#endif

/*
 * scheduler.c -- `bianmin scheduler --db FILE [--once] [--interval SECONDS]
 * [--root DIR]`: option parsing and the UI strings the e-mails share with
 * the pages; the loop is sched_run() in src/sched/.
 */
#include <stdio.h>

#include "cli/cli.h"
#include "sched/sched.h"
#include "store/store.h"
#include "util/i18n.h"
#include "web/app.h"

static const char sched_usage[] = "usage: bianmin scheduler --db FILE [--once] [--interval SECONDS] [--root DIR]\n"
                                  "\n"
                                  "Flags open petitions and cases near their deadline (settings: near_days,\n"
                                  "default 2 working days), due today or overdue, and petitions waiting on an\n"
                                  "extension request; notifies the officer and the unit's heads, and e-mails\n"
                                  "them when smtp_url and smtp_from are set.  Flags FAQ entries not reviewed\n"
                                  "for 180 days to their unit's officers and heads.  One log line per pass on\n"
                                  "stderr.\n"
                                  "\n"
                                  "  --once              one pass, then exit (for a systemd timer or cron)\n"
                                  "  --interval SECONDS  time between passes (default 300)\n"
                                  "  --root DIR          the install root holding sql/ and templates/strings.tsv\n"
                                  "                      (the e-mails' words); found by itself\n"
                                  "\n"
                                  "Refuses a database whose schema is older than this program's: run\n"
                                  "`bianmin admin init` first.\n"
                                  "\n"
                                  "SIGTERM or SIGINT ends it after the pass under way.\n";

int cli_scheduler(int argc, char **argv)
{
	struct cli_opts o = {0};
	if (cli_parse(argc, argv, &o) < 0)
		return 2;
	if (o.help) {
		fputs(sched_usage, stdout);
		return 0;
	}
	if (!o.db || o.nargs) {
		fputs(sched_usage, stderr);
		return 2;
	}
	/* the same schema check as the portal's: never flag from a half-migrated database */
	const char *root = app_find_root(o.root);
	char err[512];
	struct store *st = root ? store_open(o.db, err, sizeof err) : NULL;
	if (!root)
		snprintf(err, sizeof err, "cannot find sql/ and templates/; pass --root DIR");
	enum err e = st ? store_check_schema(st, o.db, root, err, sizeof err) : ERR_IO;
	store_close(st);
	if (e != ERR_OK) {
		fprintf(stderr, "scheduler: %s\n", err);
		return 1;
	}
	char path[1024];
	snprintf(path, sizeof path, "%s/templates/strings.tsv", root);
	if (i18n_load(path, err, sizeof err) < 0) {
		fprintf(stderr, "scheduler: %s\n", err);
		return 1;
	}
	int rc = sched_run(o.db, o.interval > 0 ? o.interval : 300, o.once);
	i18n_free();
	return rc;
}

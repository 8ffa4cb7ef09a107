/*
 * scheduler.c -- `bianmin scheduler --db FILE [--once] [--interval SECONDS]
 * [--root DIR]`: option parsing and the UI strings the e-mails share with
 * the pages; the loop is sched_run() in src/sched/.
 */
#include <stdio.h>

#include "app/app.h"
#include "cli/cli.h"
#include "sched/sched.h"
#include "util/i18n.h"

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
                                  "  --root DIR          where templates/strings.tsv is (the e-mails' words)\n"
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
	const char *root = app_find_root(o.root);
	if (!root) {
		fprintf(stderr, "bianmin: cannot find templates/strings.tsv; pass --root DIR\n");
		return 1;
	}
	char path[1024], err[512];
	snprintf(path, sizeof path, "%s/templates/strings.tsv", root);
	if (i18n_load(path, err, sizeof err) < 0) {
		fprintf(stderr, "bianmin: %s\n", err);
		return 1;
	}
	int rc = sched_run(o.db, o.interval > 0 ? o.interval : 300, o.once);
	i18n_free();
	return rc;
}

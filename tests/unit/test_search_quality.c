/*
 * test_search_quality.c -- how well search finds what citizens ask for.
 *
 * Builds its own demo database in a temp folder (the same steps as
 * `bianmin admin init --demo`, run in-process through cli_admin), then runs
 * every query of tests/search/queries.tsv through store_search -- the call
 * the search page makes -- and measures recall@3: for each query, the share
 * of its expected items found among the first 3 hits of the ranked list
 * (before the page groups them by kind), averaged over the queries.  Fails
 * below 0.9.  Run from the repository root (as scripts/run-unit.sh does);
 * SEARCH_QUALITY_VERBOSE=1 prints every query's top 5.
 *
 * queries.tsv: lang<TAB>query<TAB>expected, where expected is a space-
 * separated list of kind:ref (service:CODE, faq:SLUG, news:ID) that must
 * each be in the top 3; "a|b" is one expectation met by either item (for
 * broad queries several items answer equally well).  '#' starts a comment.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <sodium.h>

#include "cli/cli.h"
#include "store/search.h"
#include "store/store.h"

enum { TOP = 3 };

static const double MIN_RECALL = 0.9;

static char tmpdir[64] = "/tmp/bianmin-sq-XXXXXX";
static char dbpath[128];
static struct store *st;

static int setup(void **state)
{
	(void)state;
	if (sodium_init() < 0 || !mkdtemp(tmpdir))
		return -1;
	snprintf(dbpath, sizeof dbpath, "%s/demo.db", tmpdir);
	char *argv[] = {"admin", "init", "--db", dbpath, "--demo", NULL};
	fflush(stdout);
	int saved = dup(1);
	FILE *devnull = freopen("/dev/null", "w", stdout); /* admin's progress lines */
	int rc = cli_admin(5, argv);
	fflush(stdout);
	dup2(saved, 1);
	close(saved);
	(void)devnull;
	if (rc != 0)
		return -1;
	char err[256];
	st = store_open(dbpath, err, sizeof err);
	return st ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	store_close(st);
	char path[160];
	static const char *const files[] = {"demo.db", "demo.db-wal", "demo.db-shm"};
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
		snprintf(path, sizeof path, "%s/%s", tmpdir, files[i]);
		unlink(path);
	}
	rmdir(tmpdir);
	return 0;
}

/* Is item "kind:ref" among the first top hits? */
static bool in_top(const struct search_result *r, const char *item, size_t len, size_t top)
{
	for (size_t i = 0; i < r->n && i < top; i++) {
		const char *k = search_kind_name(r->hits[i].kind);
		size_t kl = strlen(k), rl = strlen(r->hits[i].ref);
		if (len == kl + 1 + rl && memcmp(item, k, kl) == 0 && item[kl] == ':' &&
		    memcmp(item + kl + 1, r->hits[i].ref, rl) == 0)
			return true;
	}
	return false;
}

/* One expectation ("a|b|c"): met when any alternative is in the top. */
static bool met(const struct search_result *r, const char *exp, size_t len)
{
	const char *p = exp, *end = exp + len;
	while (p < end) {
		const char *bar = memchr(p, '|', (size_t)(end - p));
		const char *stop = bar ? bar : end;
		if (in_top(r, p, (size_t)(stop - p), TOP))
			return true;
		p = stop + 1;
	}
	return false;
}

static void test_recall_at_3(void **state)
{
	(void)state;
	FILE *f = fopen("tests/search/queries.tsv", "r");
	assert_non_null(f);
	bool verbose = getenv("SEARCH_QUALITY_VERBOSE") != NULL;
	char line[2048];
	int lineno = 0, queries = 0, loose = 0;
	double sum = 0;
	size_t found_all = 0, wanted_all = 0;
	while (fgets(line, sizeof line, f)) {
		lineno++;
		line[strcspn(line, "\r\n")] = '\0';
		if (!line[0] || line[0] == '#')
			continue;
		char *lang = line, *q = strchr(lang, '\t'), *want = q ? strchr(q + 1, '\t') : NULL;
		if (!q || !want)
			fail_msg("queries.tsv:%d: want lang<TAB>query<TAB>expected", lineno);
		*q++ = '\0';
		*want++ = '\0';
		struct arena *a = arena_new();
		struct search_result r;
		assert_int_equal(store_search(st, a, q, strlen(q), strcmp(lang, "en") == 0 ? LANG_EN : LANG_ZH, &r),
		                 ERR_OK);
		size_t wanted = 0, found = 0;
		char missing[512] = "";
		for (char *p = want; *p;) {
			while (*p == ' ')
				p++;
			size_t len = strcspn(p, " ");
			if (!len)
				break;
			wanted++;
			if (met(&r, p, len))
				found++;
			else
				snprintf(missing + strlen(missing), sizeof missing - strlen(missing), " %.*s", (int)len,
				         p);
			p += len;
		}
		if (!wanted)
			fail_msg("queries.tsv:%d: no expected items", lineno);
		queries++;
		loose += r.loose;
		sum += (double)found / (double)wanted;
		found_all += found;
		wanted_all += wanted;
		if (verbose || found < wanted) {
			printf("%s %-3s %-28s %zu/%zu%s%s%s  top:", found < wanted ? "MISS" : "ok  ", lang, q, found,
			       wanted, r.loose ? " (loose)" : "", found < wanted ? "  missing:" : "", missing);
			for (size_t i = 0; i < r.n && i < 5; i++)
				printf(verbose ? " %s:%s(%.2f)" : " %s:%s", search_kind_name(r.hits[i].kind),
				       r.hits[i].ref, r.hits[i].score);
			printf("\n");
		}
		arena_free(a);
	}
	fclose(f);
	assert_true(queries >= 40);
	double recall = sum / queries;
	printf("search quality: %d queries (%d answered by the loose fallback), recall@3 %.3f "
	       "(expected items found: %zu of %zu), threshold %.2f\n",
	       queries, loose, recall, found_all, wanted_all, MIN_RECALL);
	if (recall < MIN_RECALL)
		fail_msg("recall@3 %.3f is below %.2f", recall, MIN_RECALL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_recall_at_3),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}

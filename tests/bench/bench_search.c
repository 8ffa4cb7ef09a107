/*
 * bench_search.c -- search latency in-process, with a large FAQ.
 *
 *   bench_search --db FILE [--faqs 10000] [--rounds 20] [--queries tests/search/queries.tsv]
 *
 * When FILE does not exist it is made like `bianmin admin init --demo` and
 * filled with --faqs generated FAQ entries (sentences recombined from the
 * demo FAQ, in Chinese and English, so the words and their frequencies are
 * the office's), written through store_faq_create so the triggers index
 * them as a staff edit would, then merged as the scheduler's pass would.
 * Then every query of the queries file runs --rounds times through
 * store_search plus the snippets the results page makes (titles and bodies
 * of the first 10 hits), and the latencies of single searches are printed
 * as p50, p90, p99 and max.  Run from the
 * repository root; scripts/bench-search.sh builds and runs it.
 */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli.h"
#include "domain/cjk.h"
#include "store/catalog.h"
#include "store/search.h"
#include "store/store.h"

static uint64_t rng = 0x9E3779B97F4A7C15ull;

static uint32_t next_rand(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (uint32_t)(rng >> 11);
}

struct pool {
	const char **s;
	size_t n, cap;
};

static void pool_add(struct arena *a, struct pool *p, const char *s, size_t len)
{
	if (len < 2)
		return;
	if (p->n == p->cap) {
		size_t nc = p->cap ? p->cap * 2 : 256;
		const char **grown = arena_alloc(a, nc * sizeof *grown);
		if (p->n)
			memcpy(grown, p->s, p->n * sizeof *grown);
		p->s = grown;
		p->cap = nc;
	}
	p->s[p->n++] = arena_strndup(a, s, len);
}

/* Splits text into clauses at Chinese or English punctuation and newlines. */
static void split_into(struct arena *a, struct pool *p, const char *text, bool en)
{
	static const char *const zh_seps[] = {"，", "。", "；", "：", "？", "！", "、", "\n"};
	static const char *const en_seps[] = {". ", ", ", "; ", "? ", "\n"};
	const char *const *seps = en ? en_seps : zh_seps;
	size_t nseps = en ? sizeof en_seps / sizeof en_seps[0] : sizeof zh_seps / sizeof zh_seps[0];
	const char *s = text;
	while (s && *s) {
		const char *best = NULL;
		size_t blen = 0;
		for (size_t i = 0; i < nseps; i++) {
			const char *f = strstr(s, seps[i]);
			if (f && (!best || f < best)) {
				best = f;
				blen = strlen(seps[i]);
			}
		}
		size_t len = best ? (size_t)(best - s) : strlen(s);
		while (len && (*s == '-' || *s == ' ' || *s == '*'))
			s++, len--;
		pool_add(a, p, s, len);
		s = best ? best + blen : NULL;
	}
}

static const char *pick_one(const struct pool *p)
{
	return p->s[next_rand() % p->n];
}

static const char *sentence(struct arena *a, const struct pool *p, int min, int max, const char *sep, const char *end)
{
	struct buf b;
	buf_init(&b);
	int k = min + (int)(next_rand() % (unsigned)(max - min + 1));
	for (int i = 0; i < k; i++) {
		if (i)
			buf_puts(&b, sep);
		buf_puts(&b, pick_one(p));
	}
	buf_puts(&b, end);
	const char *r = arena_strndup(a, b.data, b.len);
	buf_free(&b);
	return r;
}

static int generate(struct store *st, int count)
{
	struct arena *a = arena_new();
	struct faq_rec *f;
	size_t n;
	if (store_faqs(st, a, NULL, NULL, &f, &n) != ERR_OK || n == 0) {
		fprintf(stderr, "bench: no demo FAQ to learn from\n");
		return 1;
	}
	struct pool qzh = {0}, azh = {0}, qen = {0}, aen = {0};
	for (size_t i = 0; i < n; i++) {
		split_into(a, &qzh, f[i].question[LANG_ZH], false);
		split_into(a, &azh, f[i].answer[LANG_ZH], false);
		split_into(a, &qen, f[i].question[LANG_EN], true);
		split_into(a, &aen, f[i].answer[LANG_EN], true);
	}
	if (store_begin(st) != ERR_OK)
		return 1;
	char now[] = "2026-01-01T00:00:00Z";
	for (int i = 0; i < count; i++) {
		const struct faq_rec *base = &f[next_rand() % n];
		struct arena *ia = arena_new();
		struct faq_edit e = {
		    .slug = arena_printf(ia, "gen-%05d", i),
		    .unit = base->unit.code,
		    .category = base->category.code,
		    .question = {sentence(ia, &qzh, 1, 2, "，", "？"), sentence(ia, &qen, 1, 2, ", ", "?")},
		    .answer = {sentence(ia, &azh, 3, 8, "，", "。"), sentence(ia, &aen, 3, 8, ". ", ".")},
		    .keywords_zh = arena_printf(ia, "%s %s", pick_one(&qzh), pick_one(&azh)),
		    .reviewed_on = "2025-06-01",
		    .updated_by = "bench",
		    .updated_at = now,
		};
		if (store_faq_create(st, &e, NULL) != ERR_OK) {
			fprintf(stderr, "bench: cannot add %s: %s\n", e.slug, store_errmsg(st));
			store_finish(st);
			arena_free(ia);
			arena_free(a);
			return 1;
		}
		arena_free(ia);
	}
	enum err e = store_finish(st);
	arena_free(a);
	return e == ERR_OK ? 0 : 1;
}

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* This thread's CPU time: what a search costs, without the time another process had the CPU. */
static double cpu_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int cmp_double(const void *x, const void *y)
{
	double a = *(const double *)x, b = *(const double *)y;
	return (a > b) - (a < b);
}

static double pct(const double *v, size_t n, double p)
{
	size_t i = (size_t)(p * (double)(n - 1) + 0.5);
	return v[i < n ? i : n - 1];
}

/* One search as the results page does it: store_search, then the snippets of the first 10 hits. */
static size_t one_search(struct store *st, const char *q, enum lang lang, bool *loose)
{
	struct arena *a = arena_new();
	struct search_result r;
	if (store_search(st, a, q, strlen(q), lang, &r) != ERR_OK) {
		fprintf(stderr, "bench: search %s failed\n", q);
		exit(1);
	}
	struct buf b;
	buf_init(&b);
	for (size_t i = 0; i < r.n && i < 10; i++) {
		cjk_snippet(r.hits[i].title, strlen(r.hits[i].title), r.terms, 0, &b);
		cjk_snippet(r.hits[i].body, strlen(r.hits[i].body), r.terms, CJK_SNIPPET_CHARS, &b);
	}
	buf_free(&b);
	*loose = r.loose;
	size_t n = r.n;
	arena_free(a);
	return n;
}

int main(int argc, char **argv)
{
	const char *db = NULL, *qfile = "tests/search/queries.tsv";
	int faqs = 10000, rounds = 20;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--db") == 0 && i + 1 < argc)
			db = argv[++i];
		else if (strcmp(argv[i], "--faqs") == 0 && i + 1 < argc)
			faqs = atoi(argv[++i]);
		else if (strcmp(argv[i], "--rounds") == 0 && i + 1 < argc)
			rounds = atoi(argv[++i]);
		else if (strcmp(argv[i], "--queries") == 0 && i + 1 < argc)
			qfile = argv[++i];
		else {
			fprintf(stderr, "usage: bench_search --db FILE [--faqs N] [--rounds N] [--queries FILE]\n");
			return 2;
		}
	}
	if (!db || faqs < 0 || rounds < 1 || sodium_init() < 0)
		return 2;
	if (access(db, F_OK) != 0) {
		char *args[] = {"admin", "init", "--db", (char *)db, "--demo", NULL};
		fflush(stdout);
		int saved = dup(1);
		FILE *quiet = freopen("/dev/null", "w", stdout); /* admin's progress lines */
		int rc = cli_admin(5, args);
		fflush(stdout);
		dup2(saved, 1);
		close(saved);
		(void)quiet;
		if (rc != 0)
			return 1;
		char err[256];
		struct store *st = store_open(db, err, sizeof err);
		if (!st) {
			fprintf(stderr, "bench: %s\n", err);
			return 1;
		}
		double t0 = now_ms();
		/* then merged, as the scheduler's next pass would (store_search_tidy) */
		if (generate(st, faqs) != 0 || store_search_tidy(st) != ERR_OK)
			return 1;
		fprintf(stderr, "bench: %d FAQ entries generated, indexed and merged in %.1f s\n", faqs,
		        (now_ms() - t0) / 1e3);
		store_close(st);
	}

	char err[256];
	struct store *st = store_open(db, err, sizeof err);
	if (!st) {
		fprintf(stderr, "bench: %s\n", err);
		return 1;
	}
	FILE *f = fopen(qfile, "r");
	if (!f) {
		fprintf(stderr, "bench: %s: cannot open\n", qfile);
		return 1;
	}
	char *qs[256];
	enum lang langs[256];
	size_t nq = 0;
	char line[2048];
	while (nq < 256 && fgets(line, sizeof line, f)) {
		line[strcspn(line, "\r\n")] = '\0';
		char *tab = strchr(line, '\t'), *tab2 = tab ? strchr(tab + 1, '\t') : NULL;
		if (line[0] == '#' || !tab || !tab2)
			continue;
		*tab2 = '\0';
		langs[nq] = strncmp(line, "en", 2) == 0 ? LANG_EN : LANG_ZH;
		qs[nq++] = strdup(tab + 1);
	}
	fclose(f);

	/* warm up: every statement prepared, pages in the cache */
	bool loose;
	size_t nloose = 0, hits = 0;
	for (size_t i = 0; i < nq; i++) {
		hits += one_search(st, qs[i], langs[i], &loose);
		nloose += loose;
	}
	size_t total = nq * (size_t)rounds;
	double *lat = malloc(total * sizeof *lat), *worst_q = calloc(nq, sizeof *worst_q);
	double *per_q = malloc(total * sizeof *per_q); /* [query][round] */
	double *cpu = malloc(total * sizeof *cpu);
	size_t k = 0;
	for (int r = 0; r < rounds; r++)
		for (size_t i = 0; i < nq; i++) {
			double t0 = now_ms(), c0 = cpu_ms();
			one_search(st, qs[i], langs[i], &loose);
			double dt = now_ms() - t0;
			cpu[k] = cpu_ms() - c0;
			lat[k++] = dt;
			per_q[i * (size_t)rounds + (size_t)r] = dt;
			if (dt > worst_q[i])
				worst_q[i] = dt;
		}
	if (getenv("BENCH_VERBOSE"))
		for (size_t i = 0; i < nq; i++) {
			qsort(per_q + i * (size_t)rounds, (size_t)rounds, sizeof *per_q, cmp_double);
			fprintf(stderr, "  median %8.3f ms  worst %8.3f ms  %s\n",
			        per_q[i * (size_t)rounds + (size_t)rounds / 2], worst_q[i], qs[i]);
		}
	size_t slowest = 0;
	for (size_t i = 1; i < nq; i++)
		if (worst_q[i] > worst_q[slowest])
			slowest = i;
	qsort(lat, total, sizeof *lat, cmp_double);
	qsort(cpu, total, sizeof *cpu, cmp_double);
	printf("in-process: %zu searches (%zu queries x %d rounds, %zu loose; %.1f hits per query) over %d+60 FAQ "
	       "entries, 35 services, news\n",
	       total, nq, rounds, nloose, (double)hits / (double)nq, faqs);
	printf("in-process latency (store_search + snippets of 10 hits): p50 %.3f ms  p90 %.3f ms  p99 %.3f ms  "
	       "max %.3f ms (slowest query: %s)\n",
	       pct(lat, total, 0.50), pct(lat, total, 0.90), pct(lat, total, 0.99), lat[total - 1], qs[slowest]);
	printf("in-process CPU time per search (excludes waiting for a busy CPU): p50 %.3f ms  p90 %.3f ms  "
	       "p99 %.3f ms  max %.3f ms\n",
	       pct(cpu, total, 0.50), pct(cpu, total, 0.90), pct(cpu, total, 0.99), cpu[total - 1]);
	store_close(st);
	free(lat);
	free(worst_q);
	free(per_q);
	free(cpu);
	for (size_t i = 0; i < nq; i++)
		free(qs[i]);
	return 0;
}

/*
 * i18n.c -- loads templates/strings.tsv into a sorted array searched by
 * binary search.  Loaded once at start-up, read-only afterwards.
 */
#include "util/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct entry {
	const char *key;
	const char *text[LANG__MAX];
};

static char *g_data;
static struct entry *g_entries;
static size_t g_n;

void i18n_free(void)
{
	free(g_data);
	free(g_entries);
	g_data = NULL;
	g_entries = NULL;
	g_n = 0;
}

static int cmp_entry(const void *a, const void *b)
{
	return strcmp(((const struct entry *)a)->key, ((const struct entry *)b)->key);
}

int i18n_load(const char *path, char *err, size_t errsz)
{
	size_t len;
	i18n_free();
	if (file_read(path, &g_data, &len) != ERR_OK) {
		snprintf(err, errsz, "%s: cannot read", path);
		return -1;
	}
	if (!utf8_valid(g_data, len) || strlen(g_data) != len) {
		snprintf(err, errsz, "%s: not valid UTF-8 text", path);
		return -1;
	}
	size_t cap = 0;
	int line = 0;
	for (char *p = g_data; *p;) {
		char *nl = strchr(p, '\n');
		if (nl)
			*nl = '\0';
		line++;
		char *cr = strchr(p, '\r');
		if (cr)
			*cr = '\0';
		if (*p && *p != '#') {
			char *t1 = strchr(p, '\t'), *t2 = t1 ? strchr(t1 + 1, '\t') : NULL;
			if (!t2 || strchr(t2 + 1, '\t') || t2 == t1 + 1 || !t2[1]) {
				snprintf(err, errsz, "%s:%d: want key<TAB>zh<TAB>en, both texts non-empty", path, line);
				return -1;
			}
			*t1 = *t2 = '\0';
			if (g_n == cap)
				g_entries = xrealloc(g_entries, (cap = cap ? cap * 2 : 256) * sizeof *g_entries);
			g_entries[g_n++] = (struct entry){.key = p, .text = {t1 + 1, t2 + 1}};
		}
		if (!nl)
			break;
		p = nl + 1;
	}
	qsort(g_entries, g_n, sizeof *g_entries, cmp_entry);
	for (size_t i = 1; i < g_n; i++)
		if (strcmp(g_entries[i - 1].key, g_entries[i].key) == 0) {
			snprintf(err, errsz, "%s: key %s appears twice", path, g_entries[i].key);
			return -1;
		}
	return 0;
}

const char *i18n_find(enum lang lang, const char *key)
{
	struct entry k = {.key = key};
	if (!g_n)
		return NULL; /* no table loaded (a unit test): bsearch must not see a NULL array */
	const struct entry *e = bsearch(&k, g_entries, g_n, sizeof *g_entries, cmp_entry);
	return e ? e->text[lang] : NULL;
}

const char *i18n(enum lang lang, const char *key)
{
	const char *s = i18n_find(lang, key);
	if (!s) {
		fprintf(stderr, "bianmin: no UI string for %s\n", key);
		return key;
	}
	return s;
}

size_t i18n_count(void)
{
	return g_n;
}

const char *i18n_key(size_t i)
{
	return i < g_n ? g_entries[i].key : NULL;
}

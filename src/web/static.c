/*
 * static.c -- the in-memory static file table (see static.h).
 */
#include "web/static.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static struct static_file *g_files;
static size_t g_n, g_cap;

static const struct {
	const char *ext, *type;
} types[] = {
    {".css", "text/css; charset=utf-8"},
    {".js", "text/javascript; charset=utf-8"},
    {".html", "text/html; charset=utf-8"},
    {".svg", "image/svg+xml"},
    {".png", "image/png"},
    {".ico", "image/x-icon"},
    {".txt", "text/plain; charset=utf-8"},
    {".pdf", "application/pdf"},
    {".json", "application/json"},
    {".odt", "application/vnd.oasis.opendocument.text"},
    {".woff2", "font/woff2"},
};

const char *static_content_type(const char *name)
{
	const char *dot = strrchr(name, '.');
	for (size_t i = 0; dot && i < sizeof types / sizeof types[0]; i++)
		if (strcmp(dot, types[i].ext) == 0)
			return types[i].type;
	return "application/octet-stream";
}

static uint64_t fnv1a(const char *p, size_t n)
{
	uint64_t h = 1469598103934665603ull;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)p[i]) * 1099511628211ull;
	return h;
}

static int load(const char *dir, const char *rel, int depth, char *err, size_t errsz)
{
	char path[1024];
	snprintf(path, sizeof path, "%s%s%s", dir, rel[0] ? "/" : "", rel);
	DIR *d = opendir(path);
	if (!d) {
		snprintf(err, errsz, "%s: cannot open", path);
		return -1;
	}
	struct dirent *de;
	int rc = 0;
	while (rc == 0 && (de = readdir(d))) {
		if (de->d_name[0] == '.')
			continue;
		char sub[1024], full[2100];
		snprintf(sub, sizeof sub, "%s%s%s", rel, rel[0] ? "/" : "", de->d_name);
		snprintf(full, sizeof full, "%s/%s", dir, sub);
		struct stat sb;
		if (lstat(full, &sb) != 0 || S_ISLNK(sb.st_mode))
			continue; /* symlinks are never followed */
		if (S_ISDIR(sb.st_mode)) {
			if (depth < 8)
				rc = load(dir, sub, depth + 1, err, errsz);
			continue;
		}
		if (!S_ISREG(sb.st_mode))
			continue;
		char *data;
		size_t len;
		if (file_read(full, &data, &len) != ERR_OK) {
			snprintf(err, errsz, "%s: cannot read", full);
			rc = -1;
			break;
		}
		if (g_n == g_cap)
			g_files = xrealloc(g_files, (g_cap = g_cap ? g_cap * 2 : 64) * sizeof *g_files);
		struct static_file *f = &g_files[g_n++];
		f->path = xstrdup(sub);
		f->data = data;
		f->len = len;
		f->content_type = static_content_type(sub);
		snprintf(f->etag, sizeof f->etag, "\"%016llx\"", (unsigned long long)fnv1a(data, len));
	}
	closedir(d);
	return rc;
}

static int cmp_file(const void *a, const void *b)
{
	return strcmp(((const struct static_file *)a)->path, ((const struct static_file *)b)->path);
}

int static_load(const char *dir, char *err, size_t errsz)
{
	static_free();
	if (load(dir, "", 0, err, errsz) < 0)
		return -1;
	if (g_n)
		qsort(g_files, g_n, sizeof *g_files, cmp_file);
	return 0;
}

void static_free(void)
{
	for (size_t i = 0; i < g_n; i++) {
		free((char *)g_files[i].path);
		free((char *)g_files[i].data);
	}
	free(g_files);
	g_files = NULL;
	g_n = g_cap = 0;
}

const struct static_file *static_find(const char *rel)
{
	if (!rel[0] || rel[0] == '/' || strstr(rel, "..") || strchr(rel, '\\') || strstr(rel, "//") ||
	    strstr(rel, "/.") || rel[0] == '.')
		return NULL;
	struct static_file key = {.path = rel};
	return g_n ? bsearch(&key, g_files, g_n, sizeof *g_files, cmp_file) : NULL;
}

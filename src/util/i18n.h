/*
 * i18n.h -- the UI string table (templates/strings.tsv: key, zh, en).
 * Every key must have both texts or start-up fails.  Content (services,
 * FAQ) is bilingual in the database, not here.  Below app/ so that the
 * pages (app_init) and the scheduler's e-mails (`bianmin scheduler`)
 * load the same table; libc and util.h only.
 */
#ifndef BM_I18N_H
#define BM_I18N_H

#include "util/util.h"

/* Loads the table; returns 0 or -1 with "file:line: reason" in err. */
int i18n_load(const char *path, char *err, size_t errsz);
void i18n_free(void);
/* The text for key in lang, or NULL when the table has no such key. */
const char *i18n_find(enum lang lang, const char *key);
/* As i18n_find, but a missing key returns the key itself (and is logged once). */
const char *i18n(enum lang lang, const char *key);
/* Number of keys, and the key at index i (for the test that walks the table). */
size_t i18n_count(void);
const char *i18n_key(size_t i);

#endif

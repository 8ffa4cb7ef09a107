/*
 * catalog_io.h -- the office's content as a struct catalog_doc
 * (domain/catalog_doc.h) read from and written to the database: `admin
 * catalog export|import`, the demo office, and the service editor, which
 * saves a sheet the way an import does.  Strings returned live in the
 * caller's arena.  Writes are the caller's transaction.
 */
#ifndef BM_STORE_CATALOG_IO_H
#define BM_STORE_CATALOG_IO_H

#include "domain/catalog_doc.h"
#include "store/store.h"

/* Everything, in a stable order (sort, then code; news by id). */
enum err store_catalog_export(struct store *st, struct arena *a, struct catalog_doc *out);

/*
 * Inserts or updates every record of d by its code (news by id), replacing
 * each service's items, steps and form lines; a service whose sheet
 * changed gains a version saved by 'by' at 'at'.  Nothing is deleted.  On
 * an error, a message in err naming the record; the caller rolls back.
 */
enum err store_catalog_import(struct store *st, struct arena *a, const struct catalog_doc *d, const char *by,
                              const char *at, char *err, size_t errsz);

/* One service (published or not) with its lines; ERR_NOTFOUND when there is none. */
enum err store_service_doc(struct store *st, struct arena *a, const char *code, struct cd_service *out);

/*
 * Saves one service (insert or update by code) with its lines, then adds
 * a version (the sheet as JSON, note) when it differs from the newest
 * one.  *id gets the service's id.
 */
enum err store_service_put(struct store *st, struct arena *a, const struct cd_service *s, const char *by,
                           const char *at, const char *note, long long *id);

/* Saves a news item: by id, or a new one when n->id is 0 (its id in *id, which may be NULL). */
enum err store_news_put(struct store *st, const struct cd_news *n, const char *by, long long *id);

#endif

/*
 * catalog_edit.h -- what the staff's catalog pages read and write besides
 * the catalog document (catalog_io.h): the service list with publish state
 * and review dates, a sheet's version history, forms (書表) with their
 * files, the news list with drafts, and the services due for review.
 * Strings live in the caller's arena; writes are the caller's transaction.
 */
#ifndef BM_STORE_CATALOG_EDIT_H
#define BM_STORE_CATALOG_EDIT_H

#include "store/store.h"

/* A service as the staff list shows it. */
struct service_admin_rec {
	long long id;
	const char *code, *unit;
	const char *name[LANG__MAX];
	bool published;
	const char *reviewed_on, *updated_by, *updated_at;
	long long rev;
};
/* Every service (published or not) of unit (NULL: all), by unit then sort. */
enum err store_services_admin(struct store *st, struct arena *a, const char *unit, struct service_admin_rec **out,
                              size_t *n);
/* Services reviewed before day 'before' (YYYY-MM-DD): the scheduler's and the list's 180-day rule. */
enum err store_services_stale(struct store *st, struct arena *a, const char *before, struct service_admin_rec **out,
                              size_t *n);
/* Publishes or withdraws a service; ERR_NOTFOUND when there is none. */
enum err store_service_publish(struct store *st, const char *code, bool published, const char *by, const char *at);

struct service_version_rec {
	long long rev;
	const char *saved_by, *saved_at, *note;
	const char *sheet; /* the catalog document's "services" item as JSON */
};
/* A service's versions, newest first (sheet left NULL). */
enum err store_service_versions(struct store *st, struct arena *a, const char *code, struct service_version_rec **out,
                                size_t *n);
/* One version with its sheet; ERR_NOTFOUND when there is none. */
enum err store_service_version(struct store *st, struct arena *a, const char *code, long long rev,
                               struct service_version_rec *out);

/* A form (書表): metadata, and whether its file is there. */
struct form_rec {
	long long id;
	const char *code, *unit;
	const char *unit_name[LANG__MAX];
	const char *title[LANG__MAX];
	const char *type; /* "pdf", "odt", "docx" */
	long long size;
	const char *sha256;
	bool has_file;
	const char *updated_by, *updated_at;
};
/* Forms of unit (NULL: all), by unit then code. */
enum err store_forms(struct store *st, struct arena *a, const char *unit, struct form_rec **out, size_t *n);
enum err store_form(struct store *st, struct arena *a, const char *code, struct form_rec *out);
/* The form's file (arena copy); ERR_NOTFOUND when there is no such form or no file yet. */
enum err store_form_file(struct store *st, struct arena *a, const char *code, const void **data, size_t *len);

struct form_save {
	const char *code, *unit;
	const char *title[LANG__MAX]; /* English may be NULL */
	const char *type, *sha256;    /* with data: the new file */
	const void *data;             /* NULL: keep the file there is */
	size_t len;
	const char *by, *at;
};
/* Creates (ERR_CONFLICT when the code is taken) or updates a form. */
enum err store_form_create(struct store *st, const struct form_save *f);
enum err store_form_update(struct store *st, const struct form_save *f);
/* Deletes a form; ERR_CONFLICT while a sheet names it, ERR_NOTFOUND when there is none. */
enum err store_form_delete(struct store *st, const char *code);

/* A news item as the staff list shows it. */
struct news_admin_rec {
	long long id;
	const char *unit, *status;
	bool pinned;
	const char *title[LANG__MAX], *body[LANG__MAX];
	const char *published_at, *expires_at, *updated_by;
};
/* News of unit (NULL: all), newest first. */
enum err store_news_admin(struct store *st, struct arena *a, const char *unit, struct news_admin_rec **out, size_t *n);
enum err store_news_admin_item(struct store *st, struct arena *a, long long id, struct news_admin_rec *out);
enum err store_news_delete(struct store *st, long long id);

#endif

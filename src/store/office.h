/*
 * office.h -- what an administrator keeps about the office itself (issue
 * #11): units (課室), villages (里) with their officers and pages of news
 * and events, petition categories with their default unit, and the
 * one-time tokens of admin forms.  Strings returned live in the caller's
 * arena.  Changes to public content bump content_gen (SQL triggers).
 */
#ifndef BM_STORE_OFFICE_H
#define BM_STORE_OFFICE_H

#include "store/catalog.h"
#include "store/store.h"

/* ---- units ---- */

/* One unit by code; ERR_NOTFOUND when there is none. */
enum err store_unit(struct store *st, struct arena *a, const char *code, struct unit_rec *out);
/*
 * Adds (is_new) or changes the unit u->code.  ERR_CONFLICT: the code or
 * the Chinese name is taken (adding); ERR_NOTFOUND: no such unit (changing).
 */
enum err store_unit_save(struct store *st, const struct unit_rec *u, bool is_new);

/* ---- villages ---- */

struct village_rec {
	const char *code;
	const char *name[LANG__MAX];
	const char *chief_name, *chief_phone;     /* 里長 */
	const char *officer_name, *officer_phone; /* 里幹事 */
	const char *office[LANG__MAX];            /* 里辦公處 address */
	const char *hours[LANG__MAX];
};
enum err store_village_list(struct store *st, struct arena *a, struct village_rec **out, size_t *n);
enum err store_village(struct store *st, struct arena *a, const char *code, struct village_rec *out);
/* Adds a village (code and names; the rest empty).  ERR_CONFLICT: code or name taken. */
enum err store_village_create(struct store *st, const char *code, const char *name_zh, const char *name_en);
/* Changes a village's contacts, office and hours (never its code or names).  ERR_NOTFOUND: none. */
enum err store_village_update(struct store *st, const struct village_rec *v);

struct village_post {
	long long id;
	const char *village;
	const char *title[LANG__MAX];
	const char *body[LANG__MAX]; /* Markdown */
	const char *event_on;        /* YYYY-MM-DD for an event; NULL for news */
	const char *created_by, *created_at;
};
/* A village's posts, newest first, at most limit. */
enum err store_village_posts(struct store *st, struct arena *a, const char *village, int limit,
                             struct village_post **out, size_t *n);
enum err store_village_post_add(struct store *st, const struct village_post *p, long long *id);
/* Deletes post id of village; ERR_NOTFOUND when village has no such post. */
enum err store_village_post_delete(struct store *st, const char *village, long long id);

/* The villages a village officer keeps: a NULL-terminated array of codes (empty: none). */
enum err store_user_villages(struct store *st, struct arena *a, long long user_id, const char ***codes);
/* Replaces them by codes (NULL-terminated).  ERR_CONFLICT: a code names no village. */
enum err store_user_villages_set(struct store *st, long long user_id, const char *const *codes);

/* ---- petition categories ---- */

struct category_rec {
	const char *code;
	const char *name[LANG__MAX];
	const char *default_unit; /* NULL: none */
	const char *default_unit_name[LANG__MAX];
};
enum err store_category_list(struct store *st, struct arena *a, struct category_rec **out, size_t *n);
/* The unit a category's petitions go to (*unit NULL when it names none): ERR_OK or ERR_DB. */
enum err store_category_unit(struct store *st, struct arena *a, const char *code, const char **unit);
/* Adds (is_new) or changes a category: as store_unit_save. */
enum err store_category_save(struct store *st, const struct category_rec *c, bool is_new);

/* ---- one form, one change ---- */

/*
 * Claims an admin form's one-time token (its hash) for the change being
 * made, in the caller's transaction, with the receipt page the POST
 * answers with.  ERR_CONFLICT: the form was posted before; *receipt is
 * where that post went (arena).
 */
enum err store_form_claim(struct store *st, struct arena *a, const char *form_hash, const char *receipt, const char *at,
                          const char **prior);

#endif

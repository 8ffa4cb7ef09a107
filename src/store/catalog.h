/*
 * catalog.h -- the public catalog: units, villages, categories, services
 * (their one-time notice sheets), FAQ entries and news.  Texts come as
 * [LANG__MAX] arrays; an English text may be NULL where only Chinese exists.
 * Everything returned is allocated in the caller's arena.
 */
#ifndef BM_STORE_CATALOG_H
#define BM_STORE_CATALOG_H

#include "store/store.h"

struct unit_rec {
	const char *code;
	const char *name[LANG__MAX];
	const char *duties[LANG__MAX];
	const char *location[LANG__MAX];
	const char *phone;
	const char *email;
};

struct named_rec { /* villages and categories */
	const char *code;
	const char *name[LANG__MAX];
};

struct service_rec {
	long long id;
	const char *code;
	struct unit_rec unit;
	struct named_rec category;
	const char *name[LANG__MAX];
	const char *summary[LANG__MAX];
	const char *eligibility[LANG__MAX];
	const char *fee[LANG__MAX];
	const char *legal_basis[LANG__MAX];
	const char *notes[LANG__MAX];
	int processing_days;
	bool immediate;
	int correction_days;
	const char *contact_ext;
	const char *updated_at;
	bool published; /* unpublished: no public page, not offered at the counter */
};

struct service_line { /* a required item, a step or a form */
	int seq;
	const char *kind; /* items: "doc" or "cond"; forms: NULL */
	const char *text[LANG__MAX];
	const char *file; /* forms only: path under static/, or NULL */
	const char *form; /* forms only: an uploaded form's code (/forms/CODE), or NULL */
};

struct faq_rec {
	long long id;
	const char *slug;
	struct named_rec unit;
	struct named_rec category;
	const char *question[LANG__MAX];
	const char *answer[LANG__MAX]; /* Markdown */
	const char *reviewed_on;
};

struct news_rec {
	long long id;
	const char *unit_code;
	const char *title[LANG__MAX];
	const char *body[LANG__MAX]; /* Markdown */
	const char *published_at;
};

enum err store_units(struct store *st, struct arena *a, struct unit_rec **out, size_t *n);
enum err store_villages(struct store *st, struct arena *a, struct named_rec **out, size_t *n);

/* All published services, by unit then sort order, with their unit and category. */
enum err store_services(struct store *st, struct arena *a, struct service_rec **out, size_t *n);
/* One service by code, published or not; ERR_NOTFOUND when there is none. */
enum err store_service(struct store *st, struct arena *a, const char *code, struct service_rec *out);
enum err store_service_by_id(struct store *st, struct arena *a, long long id, struct service_rec *out);
enum err store_service_items(struct store *st, struct arena *a, long long service_id, struct service_line **out,
                             size_t *n);
enum err store_service_steps(struct store *st, struct arena *a, long long service_id, struct service_line **out,
                             size_t *n);
enum err store_service_forms(struct store *st, struct arena *a, long long service_id, struct service_line **out,
                             size_t *n);

/* FAQ entries, optionally only one unit's and/or one category's (NULL = all). */
enum err store_faqs(struct store *st, struct arena *a, const char *unit, const char *category, struct faq_rec **out,
                    size_t *n);
enum err store_faq(struct store *st, struct arena *a, const char *slug, struct faq_rec *out);
/* FAQ categories in use, with their entry counts in *counts (may be NULL). */
enum err store_faq_categories(struct store *st, struct arena *a, struct named_rec **out, int **counts, size_t *n);
/* Units that have FAQ entries, with their entry counts. */
enum err store_faq_units(struct store *st, struct arena *a, struct named_rec **out, int **counts, size_t *n);

/*
 * News shown at time now (ISO UTC): published, from published_at until
 * expires_at; pinned first, then newest, at most limit.  store_news_item
 * finds only such an item too.
 */
enum err store_news(struct store *st, struct arena *a, const char *now, int limit, struct news_rec **out, size_t *n);
enum err store_news_item(struct store *st, struct arena *a, const char *now, long long id, struct news_rec *out);
/*
 * When the news shown next changes by itself after now (an item's publish
 * or expiry time comes), or NULL when nothing is scheduled: how long a
 * rendered page that lists news stays true.
 */
const char *store_news_next_change(struct store *st, struct arena *a, const char *now);

/*
 * Inserts or updates FAQ entry by slug (import): unit and category are given
 * by their Chinese names; an unknown unit is ERR_INVAL (message in err), an
 * unknown category is created.
 */
struct faq_import {
	const char *slug, *unit_zh, *category_zh;
	const char *question_zh, *answer_zh, *question_en, *answer_en;
	const char *keywords_zh, *reviewed_on;
};
enum err store_faq_upsert(struct store *st, const struct faq_import *f, char *err, size_t errsz);

/* ---- FAQ editing by staff (faq_edit.c) ---- */

/* (Every category, for the editor's choice: store_categories in petitions.h.) */

/* What the editor needs besides struct faq_rec. */
struct faq_meta {
	long long id;
	const char *keywords_zh; /* space-separated */
	const char *updated_by, *updated_at;
	long long rev; /* bumped by every save: the editor's version check */
};
enum err store_faq_meta(struct store *st, struct arena *a, const char *slug, struct faq_meta *out);

/* An entry as saved by an editor; unit and category are codes. */
struct faq_edit {
	const char *slug; /* create only: the address never changes */
	const char *unit, *category;
	const char *question[LANG__MAX], *answer[LANG__MAX]; /* English may be NULL */
	const char *keywords_zh;
	const char *reviewed_on; /* YYYY-MM-DD: a save is a review */
	const char *updated_by, *updated_at;
};
/*
 * Writes are the caller's transaction (with its audit row); the search
 * index follows by trigger.  Create: ERR_CONFLICT when the slug is taken
 * (or unit/category unknown).  Update: ERR_CONFLICT when the entry is no
 * longer at revision rev (someone saved in between), ERR_NOTFOUND when it
 * is gone.  Delete: ERR_NOTFOUND when there is none.
 */
enum err store_faq_create(struct store *st, const struct faq_edit *f, long long *id);
enum err store_faq_update(struct store *st, long long id, long long rev, const struct faq_edit *f);
enum err store_faq_delete(struct store *st, long long id);

/*
 * An entry not reviewed for this many days is due for review (the staff FAQ
 * list marks it; `bianmin admin faq-stale` lists them per unit).
 */
enum { FAQ_REVIEW_DAYS = 180 };
/* Entries reviewed before day 'before' (YYYY-MM-DD), by unit then oldest review first. */
enum err store_faq_stale(struct store *st, struct arena *a, const char *before, struct faq_rec **out, size_t *n);

#endif

/*
 * catalog_doc.h -- the office's content as one document
 * (docs/catalog-format.md): units, villages, categories, forms' metadata,
 * services with their one-time notice sheets, news and FAQ entries.
 * and the office's settings (never a secret one), village contacts and
 * posts, category default units.
 * `bianmin admin catalog export|import`, the demo office (sql/demo/) and a
 * service's version history all speak it.  Reading checks everything a
 * database would refuse, and more, before anything is written: types,
 * shapes, lengths, duplicates, and that every code a record names is in
 * the document.
 *
 * Pure domain code: jansson and util only; no I/O, no SQL.  Texts are
 * [LANG__MAX] arrays; English may be NULL.
 */
#ifndef BM_DOMAIN_CATALOG_DOC_H
#define BM_DOMAIN_CATALOG_DOC_H

#include <jansson.h>

#include "util/jsonread.h"
#include "util/util.h"

enum { CATALOG_FORMAT_VERSION = 1 };
/* A service's ext_days: 0..this many working days (migration 023's CHECK, 行政程序法 §51). */
enum { CATALOG_EXT_DAYS_MAX = 120 };

struct cd_unit {
	const char *code;
	const char *name[LANG__MAX], *duties[LANG__MAX], *location[LANG__MAX];
	const char *phone, *email; /* email may be NULL */
	long long sort;
};

struct cd_setting { /* a set, non-secret setting (domain/settings.h) */
	const char *key, *value;
};

struct cd_village {
	const char *code;
	const char *name[LANG__MAX], *office[LANG__MAX], *hours[LANG__MAX];
	const char *chief_name, *chief_phone, *officer_name, *officer_phone;
	long long sort;
};

struct cd_village_post { /* 里政資訊 */
	long long id;
	const char *village;
	const char *title[LANG__MAX], *body[LANG__MAX]; /* Markdown bodies */
	const char *event_on;                           /* YYYY-MM-DD, or NULL for news */
	const char *created_by, *created_at;
};

struct cd_category {
	const char *code;
	const char *name[LANG__MAX];
	const char *default_unit; /* the unit petitions are routed to first, or NULL */
	long long sort;
};

struct cd_form { /* an uploaded form's metadata */
	const char *code, *unit;
	const char *title[LANG__MAX];
	const char *type; /* "pdf", "odt", "docx" */
	long long size;
	const char *sha256; /* 64 hex digits */
};

struct cd_line {          /* an item to bring (kind "doc") or satisfy ("cond"), a step, or a form line */
	const char *kind; /* items only */
	const char *text[LANG__MAX];
	const char *file; /* form lines: a file under static/, or NULL */
	const char *form; /* form lines: an uploaded form's code, or NULL */
};

struct cd_service {
	const char *code, *unit, *category;
	bool published, immediate;
	const char *name[LANG__MAX], *summary[LANG__MAX], *eligibility[LANG__MAX], *fee[LANG__MAX];
	const char *legal_basis[LANG__MAX], *notes[LANG__MAX];
	long long processing_days, correction_days, sort;
	long long ext_days; /* working days an application may be extended by in all (0: none) */
	const char *contact_ext;
	const char *reviewed_on; /* YYYY-MM-DD */
	const char *updated_at;  /* YYYY-MM-DDTHH:MM:SSZ, or NULL */
	struct cd_line *items, *steps, *forms;
	size_t nitems, nsteps, nforms;
};

struct cd_news {
	long long id;
	const char *unit, *status; /* "draft" or "published" */
	bool pinned;
	const char *title[LANG__MAX], *body[LANG__MAX]; /* Markdown bodies */
	const char *published_at, *expires_at;          /* expires_at may be NULL */
};

struct cd_faq {
	const char *slug, *unit, *category;
	const char *question[LANG__MAX], *answer[LANG__MAX];
	const char *keywords_zh, *reviewed_on;
};

struct catalog_doc {
	struct cd_setting *settings;
	struct cd_unit *units;
	struct cd_village *villages;
	struct cd_village_post *village_posts;
	struct cd_category *categories;
	struct cd_form *forms;
	struct cd_service *services;
	struct cd_news *news;
	struct cd_faq *faq;
	size_t nsettings, nunits, nvillages, nvillage_posts, ncategories, nforms, nservices, nnews, nfaq;
};

/* The document as JSON (a new reference). */
json_t *catalog_doc_json(const struct catalog_doc *d);
/* One service as the document's "services" item (a new reference): its version snapshots too. */
json_t *catalog_service_json(const struct cd_service *s);

/*
 * Reads root into *out (strings borrowed from root, arrays in a).  Returns
 * true when the whole document is acceptable; otherwise false, every
 * refusal in r.  Codes a record names (unit, category, form, village) must
 * be in the document; settings are known, not secret, and pass
 * settings_check (their stored form in a).
 */
bool catalog_doc_read(const json_t *root, struct jread *r, struct arena *a, struct catalog_doc *out);
/* One "services" item (a version snapshot), without the references check. */
bool catalog_service_read(const json_t *v, struct jread *r, struct arena *a, struct cd_service *out);

#endif

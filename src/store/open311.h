/*
 * open311.h -- what the Open311 GeoReport v2 API (docs/open311.md) keeps:
 * partner API keys, the categories offered as services and their
 * attributes, the place and extras of a request, and the public view of
 * petitions it lists.  Strings returned live in the caller's arena.
 */
#ifndef BM_STORE_OPEN311_H
#define BM_STORE_OPEN311_H

#include "store/store.h"

/* ---- API keys ---- */

struct apikey_rec {
	long long id;
	const char *name;
	int rate_per_min; /* POST requests a minute */
	const char *created_at;
	const char *revoked_at; /* NULL: in use */
};
/* Adds a key by the hex hash of its text; ERR_CONFLICT when the name is taken. */
enum err store_apikey_add(struct store *st, const char *name, const char *key_hash, int rate_per_min, const char *at);
/* The key with this hash, revoked or not; ERR_NOTFOUND when there is none. */
enum err store_apikey_by_hash(struct store *st, struct arena *a, const char *key_hash, struct apikey_rec *out);
/* Every key, by name. */
enum err store_apikeys(struct store *st, struct arena *a, struct apikey_rec **out, size_t *n);
/* Revokes the key of that name; ERR_NOTFOUND when there is no such key in use. */
enum err store_apikey_revoke(struct store *st, const char *name, const char *at);

/* ---- services ---- */

struct o311_service {
	const char *code; /* the petition category */
	const char *name[LANG__MAX];
	const char *description[LANG__MAX];
	const char *notice[LANG__MAX];
	const char *keywords, *group;
	int nattrs; /* stored attributes (the consent attribute comes on top) */
};
struct o311_value {
	const char *key;
	const char *name[LANG__MAX];
};
struct o311_attr {
	const char *code, *datatype;
	bool required;
	const char *description[LANG__MAX];
	struct o311_value *values;
	size_t nvalues;
};
/* Every offered service, in the categories' order. */
enum err store_o311_services(struct store *st, struct arena *a, struct o311_service **out, size_t *n);
/* One offered service; ERR_NOTFOUND when the category is not offered. */
enum err store_o311_service(struct store *st, struct arena *a, const char *code, struct o311_service *out);
/* A service's attributes in order, with their list values. */
enum err store_o311_attributes(struct store *st, struct arena *a, const char *code, struct o311_attr **out, size_t *n);

/* ---- requests ---- */

/* What a POST carried besides the petition (the caller's transaction). */
struct o311_extra {
	long long petition_id;
	const char *place; /* address_string; NULL when not given */
	bool has_point;
	double lat, lon;
	bool publish;
	const char *api_key; /* the key's name */
	const char *address_id, *device_id, *account_id, *media_url;
	const char *attributes; /* JSON object text */
};
enum err store_o311_extra_add(struct store *st, const struct o311_extra *x);

/* The public view of a petition: never the person's name, phone or e-mail. */
struct o311_request {
	const char *no;
	bool open;
	const char *state, *category;
	const char *service_name[LANG__MAX];
	const char *notice[LANG__MAX];
	const char *body; /* NULL unless the petitioner agreed to publish it */
	const char *media_url;
	const char *unit_name[LANG__MAX], *agency;
	const char *received_at, *updated_at, *due_on;
	const char *place, *address_id;
	bool has_point;
	double lat, lon;
	bool photo; /* a photo the petitioner agreed to publish (its public URL is the media_url) */
};

enum { O311_OPEN = 1, O311_CLOSED = 2 };

/*
 * Non-confidential petitions in offered categories, newest first, at most
 * limit.  ids (comma list of numbers) overrides every other filter;
 * otherwise codes (comma list; NULL: any), received_at in [from, to]
 * (UTC "YYYY-MM-DDTHH:MM:SSZ") and status (O311_* bits).
 */
struct o311_query {
	const char *ids, *codes, *from, *to;
	int status;
	int limit;
};
enum err store_o311_requests(struct store *st, struct arena *a, const struct o311_query *q, struct o311_request **out,
                             size_t *n);

#endif

/*
 * router.h -- the route table and its declared, validated input fields.
 *
 * Each route names its method, a path pattern ('*' matches one segment of
 * [A-Za-z0-9._-], at most 64 bytes), its handler, the fields it accepts and
 * who may call it.  The dispatcher validates the declared fields before the
 * handler runs; undeclared parameters are ignored.
 *
 * Must not include: sqlite3.h, microhttpd.h, fcgiapp.h.
 */
#ifndef BM_ROUTER_H
#define BM_ROUTER_H

#include "app/fields.h"
#include "app/form.h"
#include "app/http.h"

enum ftype {
	F_TEXT,  /* any UTF-8 text up to max code points; newlines allowed */
	F_LINE,  /* one line: no control characters */
	F_INT,   /* decimal integer in [0, max] */
	F_SLUG,  /* [A-Za-z0-9._-]{1,max} */
	F_DATE,  /* YYYY-MM-DD */
	F_MULTI, /* repeated one-line values (checkboxes), each up to max */
	F_BOOL,  /* present (any value) = true */
	/*
	 * indexed names "<name>1".."<name>MAX_INDEX" (one per question of a
	 * questionnaire; "<name>n[]" too, for a group of checkboxes), each any
	 * text up to max code points, collected like F_MULTI with the index of
	 * each value in multi_index
	 */
	F_INDEXED,
};

struct field {
	enum key key; /* app/fields.h: the name, declared once */
	enum ftype type;
	unsigned max;
	bool required;
};

enum {
	MAX_FIELDS = 32,
	MAX_CAPTURES = 4,
	MAX_MULTI = 64,
	MAX_INDEX = 30, /* F_INDEXED: the highest index */
};

/* A validated value.  err_key names the UI string explaining a refusal. */
struct fval {
	bool present;
	const char *s; /* "" when absent */
	size_t len;
	long long i;           /* F_INT; F_BOOL: 0/1 */
	const char **multi;    /* F_MULTI, F_INDEXED: the values in the order sent */
	unsigned *multi_index; /* F_INDEXED: the index in each value's name */
	size_t nmulti;
	const char *err_key;
};

typedef void (*handler_fn)(struct req *rq, struct resp *rs);

/* Route flags. */
enum {
	R_CACHE = 1 << 0,       /* same page for every visitor: cacheable in memory */
	R_NOSTORE = 1 << 1,     /* personal data: Cache-Control no-store */
	R_SOFT = 1 << 2,        /* the handler shows field errors itself (forms) */
	R_NOCSRF = 1 << 3,      /* POST without a session token (citizen lookup forms carry their own) */
	R_CACHE_QUERY = 1 << 4, /* with R_CACHE: the page takes a query string, part of its cache key (search) */
	R_UPLOAD = 1 << 5,      /* takes multipart/form-data with files, a body up to REQ_MAX_UPLOAD */
	R_NODB = 1 << 6,   /* runs without the database; otherwise the dispatcher answers 503 when it cannot open it */
	R_PHOTOS = 1 << 7, /* with R_UPLOAD: takes photos (domain/photo.h), a body up to REQ_MAX_PHOTOS */
};

struct route {
	enum method method;
	const char *pattern;
	handler_fn fn;
	const struct field *fields; /* terminated by {0} */
	unsigned roles;             /* bit mask of enum role; 0 = anyone */
	unsigned flags;
};

struct route_match {
	const struct route *route;
	const char *cap[MAX_CAPTURES];
	int ncap;
	struct fval vals[MAX_FIELDS];
	int ninvalid;
	struct param *params; /* everything decoded, for the handler's own use */
	size_t nparams;
	struct upload *uploads; /* R_UPLOAD routes: the files sent */
	size_t nuploads;
};

extern const struct route routes[];
extern const size_t nroutes;

/*
 * Path prefixes (after /en) whose errors, also those the dispatcher gives
 * before any handler runs, are written by an area's own function instead of
 * an HTML page (the Open311 API).  Terminated by {0}; routes.c.
 */
struct error_format {
	const char *prefix;
	void (*fn)(struct req *rq, struct resp *rs, int status, const char *description);
};
extern const struct error_format route_error_formats[];

/*
 * Finds the route for method and (decoded, language-less) path.  Returns the
 * route, or NULL with *path_known set when the path exists for another
 * method (405) and cleared when it doesn't (404).  Fills m->cap (arena copies).
 */
const struct route *route_find(struct arena *a, enum method method, const char *path, struct route_match *m,
                               bool *path_known);

/* Allowed methods for a path, as an Allow header value (static). */
const char *route_allow(const char *path);

/*
 * Validates params against the route's fields into m->vals; returns the
 * number of invalid fields.  A single-valued field given twice is invalid.
 */
int route_validate(struct arena *a, const struct route *r, struct param *ps, size_t n, struct route_match *m);

/* The validated field k; a static empty value when the route does not declare it. */
const struct fval *req_val(const struct req *rq, enum key k);
/* The file sent in field k (R_UPLOAD routes), or NULL. */
const struct upload *req_upload(const struct req *rq, enum key k);
/*
 * The non-empty files sent in field k (an empty file input sends a part
 * with no bytes): up to max of them into out; returns how many were sent,
 * which may be more than max.
 */
size_t req_uploads(const struct req *rq, enum key k, const struct upload **out, size_t max);
/* Path capture i, or "" */
const char *req_cap(const struct req *rq, int i);

#endif

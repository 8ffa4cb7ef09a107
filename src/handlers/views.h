/*
 * views.h -- what the handlers share with each other: the access question
 * for a case or a petition, loading one by the path's number, the summary
 * views lists and pages show, labels, option lists, and the petition
 * pages' write helpers, and what the content editors share.  case_view.c,
 * petition_view.c, views.c and content.c.
 *
 * Must not include: sqlite3.h, microhttpd.h, fcgiapp.h.
 */
#ifndef BM_HANDLERS_VIEWS_H
#define BM_HANDLERS_VIEWS_H

#include "app/http.h"
#include "domain/access.h"
#include "domain/petition.h"
#include "domain/workflow.h"
#include "store/flags.h"

struct tobj;
struct tlist;
struct store;
struct cal;
struct case_rec;
struct petition_rec;
struct named_rec;
struct user_rec;
struct extension_rec;

/* ---- any page (views.c) ---- */

/* A text as a list of its non-empty lines ({{#name}}<p>{{text}}</p>{{/name}}): no markup needed. */
void view_lines(struct req *rq, struct tobj *o, const char *name, const char *text);
/* v.list: {value, label, selected} for each code/name pair (villages, categories). */
void view_named_options(struct req *rq, struct tobj *v, const char *list, const struct named_rec *items, size_t n,
                        const char *selected);
/*
 * The form's fields as given (v.NAME) and each refusal in errors[i] (NULL:
 * none; all NULL when errors is NULL) as v.NAME_error, and v.has_errors.
 */
void view_form_fields(struct req *rq, struct tobj *v, const enum key *keys, size_t n, const char *const *errors);
/* The first of the named fields whose own check refused it: its message key; NULL when none. */
const char *form_first_error(const struct req *rq, const enum key *keys, size_t n);
/*
 * v.steps: the status page's stepper for a case (is_case; asked: it had a
 * correction notice) or a petition in state ({label, status, status_label,
 * current, hint}; v.has_steps), and v.expected, the due date in words while it is open.
 * progress_view.c.
 */
void progress_view(struct req *rq, struct tobj *v, bool is_case, bool asked, const char *state, const char *due_iso);
/* Is code one of the items' codes? */
bool named_code_in(const struct named_rec *items, size_t n, const char *code);
/* v.officers: the unit's officers and heads ({value, label, selected}), current selected. */
void officer_options_view(struct req *rq, struct store *st, struct tobj *v, const char *unit, long long current);
/* Is user id an active officer or head of unit?  *u gets the user. */
bool officer_of_unit(struct req *rq, struct store *st, long long id, const char *unit, struct user_rec *u);
/*
 * v.extensions: the extension requests of a petition or a case ({asked_by,
 * asked_at, old_due, new_due, reason, decision_label, decided_by,
 * note, waiting}); reasons and notes only when see.
 */
void extensions_view(struct req *rq, struct store *st, struct tobj *v, enum item_kind kind, long long id, bool see);
/*
 * The decision form (K_DECISION: approved or refused) on the waiting
 * request of item id: NULL with *x and *approve set, else the refusal's
 * string key and its HTTP status in *status (422, 409 when none waits, 503).
 */
const char *extension_decision(struct req *rq, struct store *st, enum item_kind kind, long long id,
                               struct extension_rec *x, bool *approve, int *status);
/* ---- the editors of a unit's content: FAQ, services, forms, news (content.c) ---- */

/* The one unit an officer or head may edit; NULL = every unit (administrators). */
const char *content_own_unit(const struct req *rq);
/* May the signed-in person edit content of this kind of unit's? (domain/access.c) */
bool content_may_edit(const struct req *rq, enum record_kind kind, const char *unit);
/* The signed-in user as the access rules see a village officer: with their villages (REC_VILLAGE questions). */
struct actor village_actor(struct req *rq);
/* NULL when unit exists and is the person's to edit, else the refusal's string key. */
const char *content_check_unit(struct req *rq, enum record_kind kind, const char *unit);
/* v.units: the units the person may choose on an editor, selected marked. */
void content_unit_options(struct req *rq, struct tobj *v, const char *selected);
/* An audit row for a change by the signed-in person, in the caller's transaction. */
enum err content_audit(struct req *rq, const char *action, const char *object, const char *detail);

/* ---- cases (case_view.c) ---- */

/* What an audit row says about a lookup by phone: "by phone 0912-***-678". */
const char *audit_phone(struct req *rq, const char *phone);
/* May the signed-in user do act to this case?  Asks domain/access.h. */
bool case_may(const struct req *rq, const struct case_rec *c, enum access_action act);
/*
 * "due_soon", "due_today", "overdue" or NULL for a case: the petitions' and
 * the scheduler's tiers, with the same near_days setting (store_near_days).
 */
const char *case_due_flag(const struct cal *c, int near_days, enum case_state state, const char *due_on);
/* The state's name in the visitor's language ("" for CS__MAX). */
const char *case_state_label(struct req *rq, enum case_state state);
/* A case's common fields, personal data masked unless full; no deadline flag when cal is NULL. */
void case_summary_view(struct req *rq, struct tobj *o, const struct case_rec *c, const struct cal *cal, int near_days,
                       bool full);
/*
 * The staff page of one case, with status and, when error_key is set, the
 * message of a refused form on it; full: the applicant revealed.  case_page.c.
 */
void case_render(struct req *rq, struct resp *rs, struct store *st, const struct case_rec *c, bool full, int status,
                 const char *error_key);
/* The case numbered by the path's first capture; false when rs already holds the 404/503. */
bool case_load(struct req *rq, struct resp *rs, struct store *st, struct case_rec *c);
/* A receipt's status-page address for number no (status_url) and its QR code (qr). */
void receipt_status_link(struct req *rq, struct tobj *v, const char *no);

/* ---- petitions (petition_view.c) ---- */

/* May the signed-in user do act to this petition?  Asks domain/access.h. */
bool petition_may(const struct req *rq, const struct petition_rec *p, enum access_action act);
/* Still counting against its deadline (received, routed, assigned). */
bool petition_open(const struct petition_rec *p);
/* Is the signed-in user the petition's officer? */
bool petition_is_officer(const struct req *rq, const struct petition_rec *p);
/* The state's name in the visitor's language ("" for PS__MAX). */
const char *petition_state_label(struct req *rq, enum pet_state state);
const char *petition_channel_label(struct req *rq, const char *channel);
/*
 * A petition's common fields for lists and pages.  Subject and petitioner
 * only as far as the access rules let this user see them; no deadline flag
 * when cal is NULL.
 */
void petition_summary_view(struct req *rq, struct tobj *o, const struct petition_rec *p, const struct cal *cal,
                           int near, bool full);
/* The petition numbered by the path's first capture; false when rs already holds the 404/503. */
bool petition_load(struct req *rq, struct resp *rs, struct store *st, struct petition_rec *p);
/* Ends the store_begin transaction (store_finish); false after answering 503 / 409. */
bool petition_finish(struct req *rq, struct resp *rs, struct store *st);
/* The audit row and the history event of a change by the signed-in user. */
enum err petition_audit(struct req *rq, struct store *st, const char *action, const struct petition_rec *p,
                        const char *detail);
enum err petition_event(struct req *rq, struct store *st, const struct petition_rec *p, const char *action,
                        const char *to, const char *note);

/* ---- one petition (petition_page.c) ---- */

/*
 * The staff page of one petition, with status and, when error_key is set,
 * the message of a refused form on it; full: the petitioner revealed.
 */
void petition_render(struct req *rq, struct resp *rs, struct store *st, const struct petition_rec *p, bool full,
                     int status, const char *error_key);

/* ---- the citizen's lookup (status.c) ---- */

/*
 * Takes one lookup of number no from the visitor's allowance (per number
 * and address, per address, per number); false when the answer is already
 * in rs: 429 over a limit, 503 when the store cannot count it.
 */
bool status_lookup_allowed(struct store *st, struct req *rq, struct resp *rs, const char *no);

/* ---- the staff home (dashboard.c) ---- */

/* The counts for the user's unit (and the office's), and the scheduler's notifications. */
void staff_dashboard_view(struct req *rq, struct tobj *v);

#endif

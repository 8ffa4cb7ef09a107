/*
 * taking_part.h -- what the pages of issue #18 share (events.c,
 * surveys.c, bookings.c, display.c): the record id in the path, office
 * wall-clock times as a visitor reads them, masked or full people, field
 * errors of a form, the retention note, and queuing a citizen's e-mail.
 *
 * Must not include: sqlite3.h, microhttpd.h, fcgiapp.h.
 */
#ifndef BM_TAKING_PART_H
#define BM_TAKING_PART_H

#include "app/http.h"
#include "domain/access.h"

struct store;
struct tobj;

/* Path capture i as a record id (1..999999999); false for anything else. */
bool tp_cap_id(const struct req *rq, int i, long long *id);
/* Office wall-clock text ("2026-03-04T09:30") as the visitor reads it: 115年3月4日 09:30 / 4 Mar 2026 09:30. */
const char *tp_local_label(struct req *rq, const char *local);
/* Now as office wall-clock text (arena). */
const char *tp_local_now(struct req *rq);
/* May the signed-in user do act to a record of kind owned by unit? */
bool tp_may(const struct req *rq, enum record_kind kind, const char *unit, enum access_action act);
/* Sets o.name, o.phone, o.email: in full, or masked (王○明, 0912-***-678). */
void tp_person(struct req *rq, struct tobj *o, const char *name, const char *phone, const char *email, bool full);
/*
 * v.mails: the e-mails to citizens of an event's sign-ups or a day's
 * bookings (when queued, the address, in full or masked, subject, state,
 * when sent); v.has_mails.
 */
struct cmsg_rec;
void tp_mails(struct req *rq, struct tobj *v, const struct cmsg_rec *m, size_t n, bool full);
/* The office's retention period for sign-ups and bookings, in days (setting signup_retention_days). */
int tp_retention_days(struct store *st, struct req *rq);
/* Unit options for a select (units the user may run things for), the selected one marked. */
void tp_unit_options(struct req *rq, struct store *st, struct tobj *v, enum record_kind kind, const char *selected);

/*
 * The questionnaires tied to an event into v.surveys (survey_title,
 * survey_href, state_label) and v.has_surveys (questionnaires.c): for
 * staff, those whose results they may read, linking the results; for
 * visitors, the open ones, linking the answer page.
 */
void survey_event_links(struct req *rq, struct tobj *v, long long event_id, bool staff);

/*
 * The cancel form of a sign-up or a booking: the code from the receipt,
 * at most TP_CANCEL_MAX tries an address in ten minutes (counted in their
 * own transaction, whatever the code), the record looked up and cancelled
 * by cancel() inside one transaction (store_fail on a miss), then a 303 to
 * done_path.  Unknown or already-cancelled codes answer 404 on the form.
 */
enum { TP_CANCEL_MAX = 10, TP_CANCEL_WINDOW = 10 * 60 };
struct tp_cancel {
	const char *title_key, *template, *done_path, *attempt_kind;
	void (*cancel)(struct req *rq, struct store *st, const char *code_hash);
};
void tp_cancel_page(struct req *rq, struct resp *rs, const struct tp_cancel *c, int status, const char *err_key);
void tp_cancel(struct req *rq, struct resp *rs, const struct tp_cancel *c);

#endif

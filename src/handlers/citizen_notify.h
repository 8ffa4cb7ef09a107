/*
 * citizen_notify.h -- what the handlers call to tell the person behind a
 * petition or a case (issue 12): each queues a message in the caller's
 * transaction (store/citizen_msgs.h; the texts are domain/citizen_msg.h),
 * and the staff pages list what was sent.  citizen_notify.c.
 */
#ifndef BM_HANDLERS_CITIZEN_NOTIFY_H
#define BM_HANDLERS_CITIZEN_NOTIFY_H

#include "app/http.h"

struct store;
struct tobj;
struct petition_new;
struct petition_rec;
struct petition_outcome;
struct case_new;
struct case_rec;
struct service_rec;

/* The receipt of a new petition (number and query code), in lang, which the record keeps. */
enum err notify_petition_receipt(struct req *rq, struct store *st, long long id, const char *no,
                                 const struct petition_new *pn, enum lang lang, const char *code);
/* A closed petition: the reply with its text, or the new state (transferred, not handled, duplicate). */
enum err notify_petition_outcome(struct req *rq, struct store *st, const struct petition_rec *p,
                                 const struct petition_outcome *o);
/* The receipt of a new case (number and query code). */
enum err notify_case_receipt(struct req *rq, struct store *st, long long id, const char *no, const struct case_new *cn,
                             const struct service_rec *svc, const char *code);
/* Correction notice seq: every missing item (zh and en lines), the deadline, where and whom. */
enum err notify_case_correction(struct req *rq, struct store *st, const struct case_rec *c, int seq,
                                const char *const *zh, const char *const *en, size_t n, const char *deadline,
                                const char *officer, const char *phone);
/* A case moved to state to (approved, rejected, closed, withdrawn); closed: with the survey's link. */
enum err notify_case_state(struct req *rq, struct store *st, const struct case_rec *c, const char *to);
/* An approved extension (request ext_id): the new expected date, by e-mail when the person gave one. */
enum err notify_case_extended(struct req *rq, struct store *st, const struct case_rec *c, long long ext_id,
                              const char *due_on);

/*
 * The one-time link that replaces a lost query code, to the address on
 * record (email), in rq's language; ref names the link (its id), until
 * the day until (ISO).
 */
enum err notify_code_link(struct req *rq, struct store *st, const char *item_kind, long long id, const char *no,
                          const char *name, const char *email, const char *token, const char *ref, const char *until);

/* v.cmsgs: the record's messages to the person ({what, channel, queued, state, sent, error}); v.has_cmsgs. */
void notify_list_view(struct req *rq, struct store *st, struct tobj *v, const char *item_kind, long long id);

#endif

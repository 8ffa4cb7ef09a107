/*
 * citizen_notify.c -- messages to the person behind a petition or a case
 * (see citizen_notify.h).
 */
#include "handlers/citizen_notify.h"

#include <stdio.h>
#include <string.h>

#include "app/view.h"
#include "domain/citizen_msg.h"
#include "domain/clock.h"
#include "domain/petition.h"
#include "store/cases.h"
#include "store/catalog.h"
#include "store/citizen_msgs.h"
#include "store/petitions.h"
#include "util/i18n.h"

static const char *state_words(enum lang lang, const char *prefix, const char *state)
{
	char key[64];
	snprintf(key, sizeof key, "%s%s", prefix, state);
	return i18n(lang, key);
}

enum err notify_petition_receipt(struct req *rq, struct store *st, long long id, const char *no,
                                 const struct petition_new *pn, enum lang lang, const char *code)
{
	enum err e = store_cmsg_set_lang(st, "petition", id, lang);
	struct cmsg_in in = {
	    .lang = lang, .name = pn->name, .no = no, .code = code, .subject = pn->subject, .date = pn->due_on};
	const struct cmsg_to to = {"petition", id, NULL, pn->email, pn->phone};
	return e == ERR_OK ? store_cmsg_queue(st, rq->arena, CMSG_RECEIPT, &to, &in) : e;
}

enum err notify_code_link(struct req *rq, struct store *st, const char *item_kind, long long id, const char *no,
                          const char *name, const char *email, const char *token, const char *ref, const char *until)
{
	struct cmsg_in in = {.lang = rq->lang, .name = name, .no = no, .date = until, .link_token = token};
	const struct cmsg_to to = {item_kind, id, ref, email, NULL};
	return store_cmsg_queue(st, rq->arena, CMSG_CODE_LINK, &to, &in);
}

enum err notify_petition_outcome(struct req *rq, struct store *st, const struct petition_rec *p,
                                 const struct petition_outcome *o)
{
	struct cmsg_in in = {.name = p->name, .no = p->no, .subject = p->subject};
	enum err e = store_cmsg_lang(st, "petition", p->id, &in.lang);
	if (e != ERR_OK)
		return e;
	bool replied = o->state == PS_REPLIED;
	const char *state = pet_state_name(o->state);
	in.reply = o->reply;
	in.unit = p->unit_name[in.lang];
	in.phone = p->unit_phone;
	in.state = state_words(in.lang, "pstate_", state);
	const struct cmsg_to to = {"petition", p->id, state, p->email, p->phone};
	return store_cmsg_queue(st, rq->arena, replied ? CMSG_REPLY : CMSG_STATE, &to, &in);
}

enum err notify_case_receipt(struct req *rq, struct store *st, long long id, const char *no, const struct case_new *cn,
                             const struct service_rec *svc, const char *code)
{
	enum lang lang = LANG_ZH; /* the counter's form does not ask yet */
	struct cmsg_in in = {
	    .lang = lang, .name = cn->name, .no = no, .code = code, .subject = svc->name[lang], .date = cn->due_on};
	const struct cmsg_to to = {"case", id, NULL, cn->email, cn->phone};
	return store_cmsg_queue(st, rq->arena, CMSG_RECEIPT, &to, &in);
}

enum err notify_case_correction(struct req *rq, struct store *st, const struct case_rec *c, int seq,
                                const char *const *zh, const char *const *en, size_t n, const char *deadline,
                                const char *officer, const char *phone)
{
	struct cmsg_in in = {.name = c->name, .no = c->case_no, .date = deadline, .officer = officer, .phone = phone};
	struct service_rec svc;
	enum err e = store_cmsg_lang(st, "case", c->id, &in.lang);
	if (e == ERR_OK)
		e = store_service_by_id(st, rq->arena, c->service_id, &svc);
	if (e != ERR_OK)
		return e;
	const char **items = arena_alloc(rq->arena, (n + 1) * sizeof *items);
	for (size_t i = 0; i < n; i++)
		items[i] = in.lang == LANG_EN && en[i] && *en[i] ? en[i] : zh[i];
	in.items = items;
	in.nitems = n;
	in.subject = c->service_name[in.lang] ? c->service_name[in.lang] : c->service_name[LANG_ZH];
	in.unit = c->unit_name[in.lang];
	in.where = svc.unit.location[in.lang];
	const struct cmsg_to to = {"case", c->id, arena_printf(rq->arena, "%d", seq), c->email, c->phone};
	return store_cmsg_queue(st, rq->arena, CMSG_CORRECTION, &to, &in);
}

enum err notify_case_state(struct req *rq, struct store *st, const struct case_rec *c, const char *to_state)
{
	struct cmsg_in in = {.name = c->name, .no = c->case_no};
	enum err e = store_cmsg_lang(st, "case", c->id, &in.lang);
	if (e != ERR_OK)
		return e;
	in.subject = c->service_name[in.lang] ? c->service_name[in.lang] : c->service_name[LANG_ZH];
	in.state = state_words(in.lang, "state_", to_state);
	in.survey = strcmp(to_state, case_state_name(CS_CLOSED)) == 0; /* the survey opens on closing */
	const struct cmsg_to to = {"case", c->id, to_state, c->email, c->phone};
	return store_cmsg_queue(st, rq->arena, CMSG_STATE, &to, &in);
}

enum err notify_case_extended(struct req *rq, struct store *st, const struct case_rec *c, long long ext_id,
                              const char *due_on)
{
	struct cmsg_in in = {.name = c->name, .no = c->case_no, .date = due_on};
	enum err e = store_cmsg_lang(st, "case", c->id, &in.lang);
	if (e != ERR_OK)
		return e;
	in.subject = c->service_name[in.lang] ? c->service_name[in.lang] : c->service_name[LANG_ZH];
	in.state = i18n(in.lang, "state_extended");
	const struct cmsg_to to = {"case", c->id, arena_printf(rq->arena, "extension-%lld", ext_id), c->email, NULL};
	return store_cmsg_queue(st, rq->arena, CMSG_STATE, &to, &in);
}

void notify_list_view(struct req *rq, struct store *st, struct tobj *v, const char *item_kind, long long id)
{
	struct cmsg_rec *m;
	size_t n;
	if (store_cmsgs_of(st, rq->arena, item_kind, id, &m, &n) != ERR_OK)
		n = 0;
	struct tlist *l = tobj_list(v, "cmsgs");
	for (size_t i = 0; i < n; i++) {
		struct tobj *o = tlist_obj(l);
		tobj_str(o, "what", T(rq, arena_printf(rq->arena, "cmsg_kind_%s", m[i].msg)));
		tobj_str(o, "channel", T(rq, arena_printf(rq->arena, "cmsg_ch_%s", m[i].channel)));
		tobj_str(o, "subject", m[i].subject);
		tobj_str(o, "queued", view_time(rq, m[i].queued_at));
		tobj_str(o, "state", T(rq, arena_printf(rq->arena, "cmsg_st_%s", m[i].state)));
		tobj_bool(o, "sent", strcmp(m[i].state, "sent") == 0);
		tobj_str(o, "sent_at", m[i].sent_at ? view_time(rq, m[i].sent_at) : NULL);
		tobj_str(o, "error", m[i].last_error);
		tobj_int(o, "attempts", m[i].attempts);
	}
	tobj_bool(v, "has_cmsgs", n > 0);
}

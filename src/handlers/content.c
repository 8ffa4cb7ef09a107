/*
 * content.c -- what the editors of a unit's content (FAQ entries, services,
 * forms, news) share: whose content the signed-in person may edit (asked
 * of domain/access.c), and the unit choice on their forms.
 *
 * Must not include: sqlite3.h, microhttpd.h, fcgiapp.h.
 */
#include <string.h>

#include "app/auth.h"
#include "app/view.h"
#include "handlers/handlers.h"
#include "handlers/views.h"
#include "store/catalog.h"
#include "store/staff.h"

const char *content_own_unit(const struct req *rq)
{
	const struct session *s = rq->sess;
	return s->user.role == ROLE_ADMIN ? NULL : s->user.unit;
}

bool content_may_edit(const struct req *rq, enum record_kind kind, const char *unit)
{
	struct actor who = auth_actor(rq);
	struct record what = {.kind = kind, .unit = unit};
	return access_allows(&who, &what, ACC_EDIT);
}

const char *content_check_unit(struct req *rq, enum record_kind kind, const char *unit)
{
	struct unit_rec *units;
	size_t n;
	bool found = false;
	struct store *st = req_store(rq);
	if (store_units(st, rq->arena, &units, &n) == ERR_OK)
		for (size_t i = 0; i < n && !found; i++)
			found = strcmp(units[i].code, unit) == 0;
	if (!found)
		return *unit ? "faq_bad_unit" : "err_required";
	return content_may_edit(rq, kind, unit) ? NULL : "content_not_your_unit";
}

void content_unit_options(struct req *rq, struct tobj *v, const char *selected)
{
	const char *own = content_own_unit(rq);
	struct unit_rec *units;
	size_t n;
	struct store *st = req_store(rq);
	if (store_units(st, rq->arena, &units, &n) != ERR_OK)
		return;
	struct tlist *l = tobj_list(v, "units");
	for (size_t i = 0; i < n; i++) {
		if (own && strcmp(own, units[i].code) != 0)
			continue;
		struct tobj *o = tlist_obj(l);
		tobj_str(o, "value", units[i].code);
		tobj_str(o, "label", pick(rq, units[i].name));
		tobj_bool(o, "selected", selected && strcmp(selected, units[i].code) == 0);
	}
}

enum err content_audit(struct req *rq, const char *action, const char *object, const char *detail)
{
	return store_audit(req_store(rq), rq->sess->user.id, rq->sess->user.username, action, object, detail,
	                   rq->remote_addr);
}

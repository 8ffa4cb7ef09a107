/*
 * views.c -- view pieces any page uses: text as lines, option lists, a
 * form's fields with their errors.
 */
#include <string.h>

#include "app/auth.h"
#include "app/view.h"
#include "handlers/views.h"
#include "store/catalog.h"
#include "store/extensions.h"
#include "store/office.h"
#include "store/staff.h"

/* A text as a list of its non-empty lines ({{#name}}<p>{{text}}</p>{{/name}}): no markup needed. */
void view_lines(struct req *rq, struct tobj *o, const char *name, const char *text)
{
	if (!text)
		return;
	struct tlist *l = tobj_list(o, name);
	char *copy = arena_strdup(rq->arena, text), *save = NULL;
	for (char *line = strtok_r(copy, "\r\n", &save); line; line = strtok_r(NULL, "\r\n", &save))
		if (*line)
			view_data(rq, tlist_obj(l), "text", line);
}

void view_named_options(struct req *rq, struct tobj *v, const char *list, const struct named_rec *items, size_t n,
                        const char *selected)
{
	struct tlist *l = tobj_list(v, list);
	for (size_t i = 0; i < n; i++) {
		struct tobj *o = tlist_obj(l);
		tobj_str(o, "value", items[i].code);
		tobj_str(o, "label", pick(rq, items[i].name));
		tobj_bool(o, "selected", selected && strcmp(selected, items[i].code) == 0);
	}
}

bool named_code_in(const struct named_rec *items, size_t n, const char *code)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(items[i].code, code) == 0)
			return true;
	return false;
}

void view_form_fields(struct req *rq, struct tobj *v, const enum key *keys, size_t n, const char *const *errors)
{
	bool any = false;
	for (size_t i = 0; i < n; i++) {
		tobj_str(v, key_name(keys[i]), req_val(rq, keys[i])->s);
		if (errors && errors[i]) {
			view_field_error(rq, v, key_name(keys[i]), T(rq, errors[i]));
			any = true;
		}
	}
	tobj_bool(v, "has_errors", any);
}

const char *form_first_error(const struct req *rq, const enum key *keys, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (req_val(rq, keys[i])->err_key)
			return req_val(rq, keys[i])->err_key;
	return NULL;
}

void officer_options_view(struct req *rq, struct store *st, struct tobj *v, const char *unit, long long current)
{
	struct user_rec *us;
	size_t n;
	if (!unit || store_users_of_unit(st, rq->arena, unit, &us, &n) != ERR_OK)
		return;
	struct tlist *l = tobj_list(v, "officers");
	for (size_t i = 0; i < n; i++) {
		if (us[i].role != ROLE_OFFICER && us[i].role != ROLE_HEAD)
			continue;
		struct tobj *o = tlist_obj(l);
		tobj_int(o, "value", us[i].id);
		tobj_str(o, "label", us[i].display_name);
		tobj_bool(o, "selected", us[i].id == current);
	}
}

bool officer_of_unit(struct req *rq, struct store *st, long long id, const char *unit, struct user_rec *u)
{
	return store_user_by_id(st, rq->arena, id, u) == ERR_OK && u->active && u->unit && unit &&
	       strcmp(u->unit, unit) == 0 && (u->role == ROLE_OFFICER || u->role == ROLE_HEAD);
}

void extensions_view(struct req *rq, struct store *st, struct tobj *v, enum item_kind kind, long long id, bool see)
{
	struct extension_rec *xs;
	size_t nx;
	if (store_extensions(st, rq->arena, kind, id, &xs, &nx) != ERR_OK)
		return;
	struct tlist *l = tobj_list(v, "extensions");
	for (size_t i = 0; i < nx; i++) {
		struct tobj *o = tlist_obj(l);
		tobj_int(o, "id", xs[i].id);
		view_data(rq, o, "asked_by", xs[i].asked_by);
		tobj_str(o, "asked_at", view_time(rq, xs[i].asked_at));
		tobj_str(o, "old_due", view_date(rq, xs[i].old_due));
		tobj_str(o, "new_due", view_date(rq, xs[i].new_due));
		view_data(rq, o, "reason", see ? xs[i].reason : NULL);
		tobj_str(o, "decision_label",
		         T(rq, xs[i].decision ? arena_printf(rq->arena, "pext_%s", xs[i].decision) : "pext_waiting"));
		view_data(rq, o, "decided_by", xs[i].decided_by);
		view_data(rq, o, "note", see ? xs[i].note : NULL);
		tobj_bool(o, "waiting", !xs[i].decision);
	}
}

const char *extension_decision(struct req *rq, struct store *st, enum item_kind kind, long long id,
                               struct extension_rec *x, bool *approve, int *status)
{
	const char *decision = req_val(rq, K_DECISION)->s;
	*approve = strcmp(decision, "approved") == 0;
	*status = 422;
	if (!*approve && strcmp(decision, "refused") != 0)
		return "err_pet_decision";
	enum err e = store_extension_waiting(st, rq->arena, kind, id, x);
	*status = e == ERR_NOTFOUND ? 409 : 503;
	return e == ERR_OK ? NULL : e == ERR_NOTFOUND ? "err_pet_conflict" : "err_unavailable";
}

struct actor village_actor(struct req *rq)
{
	struct actor who = auth_actor(rq);
	const char **codes = NULL;
	if (store_user_villages(req_store(rq), rq->arena, who.id, &codes) == ERR_OK)
		who.villages = codes;
	return who;
}

/*
 * views.c -- view pieces any page uses: text as lines, option lists, a
 * form's fields with their errors.
 */
#include <string.h>

#include "app/auth.h"
#include "app/view.h"
#include "handlers/views.h"
#include "store/catalog.h"
#include "store/office.h"

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

struct actor village_actor(struct req *rq)
{
	struct actor who = auth_actor(rq);
	const char **codes = NULL;
	if (store_user_villages(req_store(rq), rq->arena, who.id, &codes) == ERR_OK)
		who.villages = codes;
	return who;
}

/*
 * progress_view.c -- the citizen's status page's stepper (domain/progress.h)
 * as template data; see views.h.
 */
#include "app/view.h"
#include "domain/progress.h"
#include "handlers/views.h"

void progress_view(struct req *rq, struct tobj *v, bool is_case, bool asked, const char *state, const char *due_iso)
{
	struct progress p;
	if (!progress_of(is_case, asked, state, &p))
		return;
	tobj_bool(v, "has_steps", true);
	struct tlist *l = tobj_list(v, "steps");
	bool open = false;
	for (size_t i = 0; i < p.n; i++) {
		struct tobj *o = tlist_obj(l);
		const char *step = progress_step_name(p.step[i]), *status = progress_status_name(p.status[i]);
		tobj_str(o, "label", T(rq, arena_printf(rq->arena, "step_%s", step)));
		tobj_str(o, "status", status);
		tobj_str(o, "status_label", T(rq, arena_printf(rq->arena, "step_is_%s", status)));
		bool current = p.status[i] == STEP_CURRENT;
		tobj_bool(o, "current", current);
		if (current) {
			tobj_str(o, "hint", T(rq, arena_printf(rq->arena, "step_hint_%s", step)));
			open = p.step[i] != STEP_CLOSED && p.step[i] != STEP_DECIDED;
		}
	}
	if (open && due_iso) {
		tobj_str(v, "expected", view_date(rq, due_iso));
		tobj_str(v, "expected_iso", due_iso);
	}
}

/*
 * petition_letter.c -- the reply letter (函復) of a replied petition, for
 * people without e-mail: a printable A4 page with the office's letterhead
 * (the office's settings, as every page has them), the number, the 民國 date of the reply,
 * the subject, the reply, the officer and the phone.  It names the
 * petitioner in full, so it is for those who may reveal the petition, and
 * every look at it is audit-logged.
 */
#include "app/auth.h"
#include "app/view.h"
#include "domain/petition.h"
#include "handlers/handlers.h"
#include "handlers/views.h"
#include "store/petitions.h"
#include "store/store.h"

void h_petition_letter(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	struct petition_rec p;
	if (!petition_load(rq, rs, st, &p))
		return;
	if (!petition_may(rq, &p, ACC_REVEAL)) {
		page_error(rq, rs, 403, "err_forbidden");
		return;
	}
	if (p.state != PS_REPLIED) {
		page_conflict(rq, rs, "err_letter_not_replied", petition_state_label(rq, p.state));
		return;
	}
	if (petition_audit(rq, st, "petition_letter", &p, NULL) != ERR_OK) {
		page_error(rq, rs, 503, "err_unavailable");
		return;
	}
	struct tobj *v = view_new(rq, arena_printf(rq->arena, "%s %s", T(rq, "letter_title"), p.no));
	petition_summary_view(rq, v, &p, NULL, 0, true);
	tobj_str(v, "dated", view_date(rq, p.closed_on));
	view_data(rq, v, "subject", p.subject);
	view_lines(rq, v, "reply_lines", p.reply);
	tobj_str(v, "back", url(rq, "/staff/petitions/%s", p.no));
	rs->no_store = true;
	page_render(rq, rs, "petition_letter", v);
}

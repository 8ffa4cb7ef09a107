/*
 * petition_letter.c -- the reply letter (函復) of a replied petition, for
 * people without e-mail: a printable A4 page with the office's letterhead
 * (the settings office_name, office_address, office_phone when set, else
 * the strings of the same names), the number, the 民國 date of the reply,
 * the subject, the reply, the officer and the phone.  It names the
 * petitioner in full, so it is for those who may reveal the petition, and
 * every look at it is audit-logged.
 */
#include <string.h>

#include "app/auth.h"
#include "app/view.h"
#include "handlers/handlers.h"
#include "handlers/views.h"
#include "store/petitions.h"
#include "store/store.h"

/* The office's setting key, else the string of the same name. */
static const char *office(struct req *rq, struct store *st, const char *key, const char *string_key)
{
	const char *v = store_setting(st, rq->arena, key);
	return v && *v ? v : T(rq, string_key);
}

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
	if (strcmp(p.state, "replied") != 0) {
		page_conflict(rq, rs, "err_letter_not_replied", petition_state_label(rq, p.state));
		return;
	}
	if (petition_audit(rq, st, "petition_letter", &p, NULL) != ERR_OK) {
		page_error(rq, rs, 503, "err_unavailable");
		return;
	}
	struct tobj *v = view_new(rq, arena_printf(rq->arena, "%s %s", T(rq, "letter_title"), p.no));
	petition_summary_view(rq, v, &p, NULL, 0, true);
	view_data(rq, v, "office", office(rq, st, "office_name", "office_name"));
	view_data(rq, v, "office_address", office(rq, st, "office_address", "office_address"));
	tobj_str(v, "office_phone", office(rq, st, "office_phone", "office_main_phone"));
	tobj_str(v, "dated", view_date(rq, p.closed_on));
	view_data(rq, v, "subject", p.subject);
	view_lines(rq, v, "reply_lines", p.reply);
	tobj_str(v, "back", url(rq, "/staff/petitions/%s", p.no));
	rs->no_store = true;
	page_render(rq, rs, "petition_letter", v);
}

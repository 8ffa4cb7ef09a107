/*
 * auth.c -- the access decision (see auth.h).
 */
#include "app/auth.h"

#include "app/app_internal.h"
#include "app/view.h"

bool auth_allows(struct req *rq, struct resp *rs, const struct route *r)
{
	if (r->roles == 0)
		return true;
	page_error(rq, rs, 403, "err_forbidden");
	return false;
}

void app_view_session(struct req *rq, struct tobj *v)
{
	(void)rq;
	(void)v;
}

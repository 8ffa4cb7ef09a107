/*
 * photos.c -- a petition's photos in and out (see photos.h), and the
 * routes that send them: staff, after the access check and on the audit
 * log like every other look at a petition's content; the public, only
 * where the petitioner agreed to publish (and never a confidential one).
 */
#include "handlers/photos.h"

#include <stdlib.h>
#include <string.h>

#include "app/auth.h"
#include "app/router.h"
#include "handlers/handlers.h"
#include "handlers/views.h"

int photos_take(struct req *rq, enum key field, struct photo out[PHOTO_MAX], const char **err_key)
{
	const struct upload *up[PHOTO_MAX];
	size_t n = req_uploads(rq, field, up, PHOTO_MAX);
	*err_key = NULL;
	if (n > PHOTO_MAX) {
		*err_key = "err_photo_count";
		return -1;
	}
	for (size_t i = 0; i < n; i++)
		if (up[i]->len > PHOTO_MAX_BYTES) {
			*err_key = "err_photo_too_large";
			return -1;
		}
	for (size_t i = 0; i < n; i++) {
		enum photo_err e = photo_make(rq->arena, up[i]->data, up[i]->len, &out[i]);
		if (e != PHOTO_OK && !*err_key)
			*err_key = photo_err_key(e);
	}
	return (int)n;
}

void photos_store(struct store *st, long long id, const struct photo *ph, int n)
{
	for (int i = 0; i < n; i++) {
		const struct petition_photo row = {
		    .seq = i + 1,
		    .mime = photo_mime(ph[i].type),
		    .width = (int)ph[i].width,
		    .height = (int)ph[i].height,
		    .data = ph[i].data,
		    .thumb = ph[i].thumb,
		    .len = ph[i].len,
		    .thumb_len = ph[i].thumb_len,
		};
		store_petition_photo_add(st, id, &row);
	}
}

void photos_view(struct req *rq, struct tobj *v, const struct petition_rec *p, const char *base)
{
	struct tlist *l = tobj_list(v, "photos");
	for (int i = 1; i <= p->nphotos; i++) {
		struct tobj *o = tlist_obj(l);
		tobj_str(o, "href", url(rq, "%s/%s/photos/%d", base, p->no, i));
		tobj_str(o, "thumb", url(rq, "%s/%s/thumbs/%d", base, p->no, i));
		tobj_int(o, "n", i);
	}
	tobj_bool(v, "has_photos", p->nphotos > 0);
}

/* The photo number in path capture 1 ("1".."3"), or 0. */
static int photo_seq(const struct req *rq)
{
	const char *s = req_cap(rq, 1);
	return s[0] >= '1' && s[0] <= '0' + PHOTO_MAX && !s[1] ? s[0] - '0' : 0;
}

static void send_photo(struct req *rq, struct resp *rs, struct store *st, bool thumb, bool public_only)
{
	struct petition_photo ph;
	int seq = photo_seq(rq);
	enum err e =
	    seq ? store_petition_photo(st, rq->arena, req_cap(rq, 0), seq, thumb, public_only, &ph) : ERR_NOTFOUND;
	if (e != ERR_OK) {
		page_error_lookup(rq, rs, e, "err_not_found");
		return;
	}
	rs->status = 200;
	rs->content_type = ph.mime;
	buf_put(&rs->body, thumb ? ph.thumb : ph.data, thumb ? ph.thumb_len : ph.len);
	if (public_only)
		rs->cache_control = "no-cache";
	else
		rs->no_store = true;
}

/* Staff: the petition's content is the viewer's to see, and the look is on the audit log. */
static void staff_photo(struct req *rq, struct resp *rs, bool thumb)
{
	struct store *st = req_store(rq);
	struct petition_rec p;
	if (!petition_load(rq, rs, st, &p))
		return;
	if (!petition_may(rq, &p, ACC_VIEW_CONTENT)) {
		page_error(rq, rs, 403, "err_forbidden");
		return;
	}
	/* a thumbnail comes with the record page, itself a logged view when it matters; the photo is logged */
	if (!thumb && petition_audit(rq, st, "view_photo", &p, req_cap(rq, 1)) != ERR_OK) {
		page_error(rq, rs, 503, "err_unavailable");
		return;
	}
	send_photo(rq, rs, st, thumb, false);
}

void h_petition_photo(struct req *rq, struct resp *rs)
{
	staff_photo(rq, rs, false);
}

void h_petition_thumb(struct req *rq, struct resp *rs)
{
	staff_photo(rq, rs, true);
}

void h_public_photo(struct req *rq, struct resp *rs)
{
	send_photo(rq, rs, req_store(rq), false, true);
}

void h_public_thumb(struct req *rq, struct resp *rs)
{
	send_photo(rq, rs, req_store(rq), true, true);
}

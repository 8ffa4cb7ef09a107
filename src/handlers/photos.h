/*
 * photos.h -- photos on petitions (issue #13), as the intake forms and
 * the record pages use them: taking what a form sent (domain/photo.c
 * decides what it is and makes the copy kept), storing it in the
 * petition's transaction, and the links a page shows.
 */
#ifndef BM_HANDLERS_PHOTOS_H
#define BM_HANDLERS_PHOTOS_H

#include "app/view.h"
#include "domain/photo.h"
#include "store/petitions.h"

/*
 * The photos sent in field (K_PHOTO on the forms, K_MEDIA in the API),
 * checked and re-encoded into out.  Returns how many (0..PHOTO_MAX), or -1
 * past the limits (more than PHOTO_MAX, or one past PHOTO_MAX_BYTES): the
 * caller answers 413 with *err_key, and nothing is kept.  Otherwise *err_key
 * is set when one is not a whole JPEG or PNG (the form shows it again).
 */
int photos_take(struct req *rq, enum key field, struct photo out[PHOTO_MAX], const char **err_key);
/* Adds them to petition id, in the caller's transaction. */
void photos_store(struct store *st, long long id, const struct photo *ph, int n);
/* The list "photos" of a record page: {href, thumb, n}; base is "/staff/petitions" or "/petitions". */
void photos_view(struct req *rq, struct tobj *v, const struct petition_rec *p, const char *base);

#endif

/*
 * forms.h -- the rules the fields of the intake and closing forms must keep
 * together, beyond each field's own check (the route's declared type and
 * length, checked before the handler runs).  Pure: the handlers pass in
 * what they read and what the store knows; the answers are UI string keys
 * (templates/strings.tsv), NULL for "no objection".
 *
 * Each form's fields are an enum; val[] holds a field's value, NULL when
 * absent; err[] holds, on the way in, the field's own refusal and, on the
 * way out, the first rule it breaks.
 */
#ifndef BM_DOMAIN_FORMS_H
#define BM_DOMAIN_FORMS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "domain/petition.h"

/* ---- petition intake ---- */

enum pet_field {
	PF_NAME,
	PF_PHONE,
	PF_EMAIL,
	PF_ADDRESS,
	PF_VILLAGE,
	PF_CATEGORY,
	PF_SUBJECT,
	PF_BODY,
	PF_CHANNEL,
	PF_EXT_REF,
	PF_READ_BACK,
	PF_PLACE, /* the place's address (the petitioner's own is PF_ADDRESS) */
	PF_LAT,   /* WGS84, domain/place.h: with PF_LON or not at all */
	PF_LON,
	PF_CONTACT, /* no field of its own: "at least one way to reach you" */
	PF__MAX
};

/*
 * Which intake form: the citizen's, staff intake (any staff channel), the
 * 1999 operator's, or a village officer's field report (on a phone).
 */
enum pet_form { PFORM_WEB, PFORM_STAFF, PFORM_HOTLINE, PFORM_FIELD };

/*
 * The channel a form files under: the citizen's chosen public one (a named
 * mailbox) or else web, hotline, field, or the staff form's chosen one (may
 * be anything).
 */
const char *pet_form_channel(enum pet_form form, const char *chosen);
/*
 * The intake rules: a channel the form may use (the citizen's own, web,
 * only on the citizen's form), a name and one way of contact unless
 * anonymous, a plausible phone and e-mail, a body, a subject (the 1999
 * form and the field report make one from the body), the read-back of an
 * oral petition at the counter (行政程序法 §169), a place's point in range
 * (both coordinates or neither).  A field report is filed by the signed-in
 * village officer: no name or contact, but its category and village.
 * Returns the number of fields refused.
 */
int pet_intake_check(enum pet_form form, bool anonymous, const char *const val[PF__MAX], const char *err[PF__MAX]);

/* ---- closing a petition ---- */

/* What the closing form gave, NULL when absent; dup_no already upper-cased. */
struct pet_outcome_form {
	const char *reply, *agency, *transfer_on, *ground, *dup_no;
};
/* May a petition in state from be closed as to at all?  NULL, or "err_pet_outcome". */
const char *pet_close_check(enum pet_state from, enum pet_state to);
/*
 * 會辦: the lead replies only once every unit it asked has given its part
 * (missing: how many have not); the other outcomes (transfer, not handled,
 * duplicate) are the lead's alone.  NULL, or "err_pet_co_waiting".
 */
const char *pet_co_close_check(enum pet_state to, size_t missing);
/*
 * The fields outcome to needs: a reply; an agency and a transfer date not
 * after today; one of the §173 grounds; the number of another petition
 * (well formed, not own_no: whether it exists is the store's to say).
 */
const char *pet_outcome_check(enum pet_state to, const struct pet_outcome_form *f, int32_t today, const char *own_no);

/* An extension asked until "until" (ISO date) of a petition due on "due": NULL, or the refusal. */
const char *pet_extension_check(const char *due, const char *until, const char *reason);

/* ---- registering a case ---- */

enum case_field { CF_SERVICE, CF_NAME, CF_PHONE, CF_EMAIL, CF_NATID, CF_CHANNEL, CF__MAX };

/* How an application reached the counter, in the form's order. */
enum { CASE_NCHANNELS = 4 };
extern const char *const case_channels[CASE_NCHANNELS];

/*
 * The registration rules: a plausible phone and e-mail, a valid national
 * ID (its letter may be typed in lower case: natid_out gets it upper-cased,
 * "" when none was given), one of case_channels.  Whether the service
 * exists is the store's to say.  Returns the number of fields refused.
 */
enum { CASE_NATID_SIZE = 16 };
int case_intake_check(const char *const val[CF__MAX], const char *err[CF__MAX], char natid_out[CASE_NATID_SIZE]);

#endif

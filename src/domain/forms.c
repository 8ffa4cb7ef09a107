/*
 * forms.c -- the rules a form's fields keep together (see forms.h).
 */
#include "domain/forms.h"

#include <stdio.h>
#include <string.h>

#include "domain/cal.h"
#include "domain/ids.h"
#include "domain/place.h"

const char *const case_channels[CASE_NCHANNELS] = {"counter", "mail", "online", "fax"};

/* Sets err[f] to key unless the field was already refused. */
static void refuse(const char *err[], int f, const char *key)
{
	if (!err[f])
		err[f] = key;
}

static int count(const char *const err[], int n)
{
	int k = 0;
	for (int i = 0; i < n; i++)
		k += err[i] != NULL;
	return k;
}

const char *pet_form_channel(enum pet_form form, const char *chosen)
{
	switch (form) {
	case PFORM_WEB: return pet_channel_public(pet_channel_parse(chosen)) ? chosen : "web";
	case PFORM_HOTLINE: return "hotline";
	case PFORM_FIELD: return "field";
	case PFORM_STAFF: break;
	}
	return chosen;
}

/* The place's point: both coordinates, each in range, or neither. */
static void place_check(const char *const val[PF__MAX], const char *err[PF__MAX])
{
	struct place_point pt;
	switch (place_point(val[PF_LAT], val[PF_LON], &pt)) {
	case PLACE_OK: break;
	case PLACE_BAD_LAT: refuse(err, PF_LAT, "err_place_lat"); break;
	case PLACE_BAD_LON: refuse(err, PF_LON, "err_place_lon"); break;
	case PLACE_NO_LAT: refuse(err, PF_LAT, "err_place_pair"); break;
	case PLACE_NO_LON: refuse(err, PF_LON, "err_place_pair"); break;
	}
}

int pet_intake_check(enum pet_form form, bool anonymous, const char *const val[PF__MAX], const char *err[PF__MAX])
{
	enum pet_channel ch = pet_channel_parse(pet_form_channel(form, val[PF_CHANNEL]));
	if (ch == PC__MAX || (form != PFORM_WEB && ch == PC_WEB) || (form != PFORM_FIELD && ch == PC_FIELD))
		refuse(err, PF_CHANNEL, "err_pet_channel");
	if (form == PFORM_FIELD) {
		if (!val[PF_CATEGORY])
			refuse(err, PF_CATEGORY, "err_required");
		if (!val[PF_VILLAGE])
			refuse(err, PF_VILLAGE, "err_required");
	} else if (!anonymous) {
		if (!val[PF_NAME])
			refuse(err, PF_NAME, "err_required");
		if (!val[PF_PHONE] && !val[PF_EMAIL] && !val[PF_ADDRESS])
			err[PF_CONTACT] = "err_pet_contact";
		if (val[PF_PHONE] && !ids_phone_ok(val[PF_PHONE]))
			refuse(err, PF_PHONE, "err_phone");
		if (val[PF_EMAIL] && !ids_email_ok(val[PF_EMAIL]))
			refuse(err, PF_EMAIL, "err_email");
	}
	if (!val[PF_BODY])
		refuse(err, PF_BODY, "err_required");
	if (!val[PF_SUBJECT] && !((form == PFORM_HOTLINE || form == PFORM_FIELD) && val[PF_BODY]))
		refuse(err, PF_SUBJECT, "err_required");
	place_check(val, err);
	if (pet_channel_read_back(ch) && !val[PF_READ_BACK])
		err[PF_READ_BACK] = "err_pet_read_back";
	return count(err, PF__MAX);
}

const char *pet_close_check(enum pet_state from, enum pet_state to)
{
	return pet_state_outcome(to) && pet_move_allowed(from, to) ? NULL : "err_pet_outcome";
}

const char *pet_co_close_check(enum pet_state to, size_t missing)
{
	return to == PS_REPLIED && missing > 0 ? "err_pet_co_waiting" : NULL;
}

const char *pet_outcome_check(enum pet_state to, const struct pet_outcome_form *f, int32_t today, const char *own_no)
{
	int32_t d;
	switch (to) {
	case PS_REPLIED: return f->reply ? NULL : "err_pet_reply";
	case PS_TRANSFERRED:
		return f->agency && f->transfer_on && cal_parse_iso(f->transfer_on, &d) && d <= today
		           ? NULL
		           : "err_pet_transfer";
	case PS_NOT_HANDLED: return pet_ground_parse(f->ground) != PG__MAX ? NULL : "err_pet_ground";
	case PS_DUPLICATE:
		return f->dup_no && ids_number_valid(f->dup_no) && strcmp(f->dup_no, own_no) != 0 ? NULL
		                                                                                  : "err_pet_duplicate";
	default: return "err_pet_outcome";
	}
}

const char *pet_extension_check(const char *due, const char *until, const char *reason)
{
	int32_t d, want;
	if (!reason)
		return "err_pet_ext_reason";
	if (!due || !until || !cal_parse_iso(due, &d) || !cal_parse_iso(until, &want) || want <= d)
		return "err_pet_ext_date";
	return NULL;
}

static bool case_channel_ok(const char *s)
{
	for (size_t i = 0; i < CASE_NCHANNELS; i++)
		if (s && strcmp(s, case_channels[i]) == 0)
			return true;
	return false;
}

int case_intake_check(const char *const val[CF__MAX], const char *err[CF__MAX], char natid_out[CASE_NATID_SIZE])
{
	natid_out[0] = '\0';
	if (!ids_phone_ok(val[CF_PHONE] ? val[CF_PHONE] : ""))
		refuse(err, CF_PHONE, "err_phone");
	const char *email = val[CF_EMAIL], *at = email ? strchr(email, '@') : NULL;
	if (email && (!at || !strchr(at, '.')))
		refuse(err, CF_EMAIL, "err_email");
	if (!err[CF_NATID] && val[CF_NATID]) {
		snprintf(natid_out, CASE_NATID_SIZE, "%s", val[CF_NATID]);
		if (natid_out[0] >= 'a' && natid_out[0] <= 'z')
			natid_out[0] = (char)(natid_out[0] - 32);
		if (!ids_natid_valid(natid_out))
			err[CF_NATID] = "err_natid";
	}
	if (!case_channel_ok(val[CF_CHANNEL]))
		refuse(err, CF_CHANNEL, "err_channel");
	return count(err, CF__MAX);
}

/*
 * test_forms.c -- the rules the intake and closing forms keep across their
 * fields (domain/forms.c): what each form refuses, with which message,
 * and that a field's own refusal is kept.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "domain/cal.h"
#include "domain/forms.h"

/* A citizen's complete petition. */
static void good_petition(const char *val[PF__MAX], const char *err[PF__MAX])
{
	memset(err, 0, sizeof(const char *) * PF__MAX);
	memset(val, 0, sizeof(const char *) * PF__MAX);
	val[PF_NAME] = "王小明";
	val[PF_PHONE] = "0912-345-678";
	val[PF_SUBJECT] = "路燈不亮";
	val[PF_BODY] = "中正路口的路燈壞了";
}

static void test_petition_complete(void **state)
{
	(void)state;
	const char *val[PF__MAX], *err[PF__MAX];
	good_petition(val, err);
	assert_int_equal(pet_intake_check(PFORM_WEB, false, val, err), 0);
	assert_string_equal(pet_form_channel(PFORM_WEB, "counter"), "web");
	assert_string_equal(pet_form_channel(PFORM_WEB, NULL), "web");
	assert_string_equal(pet_form_channel(PFORM_WEB, "chief"), "chief"); /* 區長信箱 on the public site */
	assert_string_equal(pet_form_channel(PFORM_WEB, "mailbox"), "mailbox");
	assert_string_equal(pet_form_channel(PFORM_HOTLINE, NULL), "hotline");
	assert_string_equal(pet_form_channel(PFORM_STAFF, "mayor"), "mayor");
}

static void test_petition_contact_and_name(void **state)
{
	(void)state;
	const char *val[PF__MAX], *err[PF__MAX];
	good_petition(val, err);
	val[PF_NAME] = val[PF_PHONE] = NULL;
	assert_int_equal(pet_intake_check(PFORM_WEB, false, val, err), 2);
	assert_string_equal(err[PF_NAME], "err_required");
	assert_string_equal(err[PF_CONTACT], "err_pet_contact");
	/* anonymous: neither is asked for */
	good_petition(val, err);
	val[PF_NAME] = val[PF_PHONE] = NULL;
	assert_int_equal(pet_intake_check(PFORM_WEB, true, val, err), 0);
	/* a bad phone and e-mail, unless anonymous (then they are not kept) */
	good_petition(val, err);
	val[PF_PHONE] = "12";
	val[PF_EMAIL] = "nobody";
	assert_int_equal(pet_intake_check(PFORM_WEB, false, val, err), 2);
	assert_string_equal(err[PF_PHONE], "err_phone");
	assert_string_equal(err[PF_EMAIL], "err_email");
	good_petition(val, err);
	val[PF_PHONE] = "12";
	assert_int_equal(pet_intake_check(PFORM_WEB, true, val, err), 0);
}

static void test_petition_field_error_kept(void **state)
{
	(void)state;
	const char *val[PF__MAX], *err[PF__MAX];
	good_petition(val, err);
	val[PF_PHONE] = "12";
	err[PF_PHONE] = "err_too_long";
	assert_int_equal(pet_intake_check(PFORM_WEB, false, val, err), 1);
	assert_string_equal(err[PF_PHONE], "err_too_long");
}

static void test_petition_subject_and_channel(void **state)
{
	(void)state;
	const char *val[PF__MAX], *err[PF__MAX];
	/* the 1999 form makes a subject from the body; the others ask for one */
	good_petition(val, err);
	val[PF_SUBJECT] = NULL;
	val[PF_READ_BACK] = "1"; /* a call is read back (§169) */
	assert_int_equal(pet_intake_check(PFORM_HOTLINE, false, val, err), 0);
	assert_int_equal(pet_intake_check(PFORM_WEB, false, val, err), 1);
	assert_string_equal(err[PF_SUBJECT], "err_required");
	good_petition(val, err);
	val[PF_SUBJECT] = val[PF_BODY] = NULL;
	val[PF_READ_BACK] = "1";
	assert_int_equal(pet_intake_check(PFORM_HOTLINE, false, val, err), 2);
	/* staff may not file under the citizen's channel, nor an unknown one */
	static const char *const refused[] = {"web", "carrier-pigeon", NULL};
	for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++) {
		good_petition(val, err);
		val[PF_CHANNEL] = refused[i];
		assert_int_equal(pet_intake_check(PFORM_STAFF, false, val, err), 1);
		assert_string_equal(err[PF_CHANNEL], "err_pet_channel");
	}
	/* at the counter the petition is read back (行政程序法 §169) */
	good_petition(val, err);
	val[PF_CHANNEL] = "counter";
	assert_int_equal(pet_intake_check(PFORM_STAFF, false, val, err), 1);
	assert_string_equal(err[PF_READ_BACK], "err_pet_read_back");
	good_petition(val, err);
	val[PF_CHANNEL] = "counter";
	val[PF_READ_BACK] = "1";
	assert_int_equal(pet_intake_check(PFORM_STAFF, false, val, err), 0);
	/* and on the 1999 line */
	good_petition(val, err);
	assert_int_equal(pet_intake_check(PFORM_HOTLINE, false, val, err), 1);
	assert_string_equal(err[PF_READ_BACK], "err_pet_read_back");
	good_petition(val, err);
	val[PF_READ_BACK] = "1";
	assert_int_equal(pet_intake_check(PFORM_HOTLINE, false, val, err), 0);
	/* a letter is not read back */
	good_petition(val, err);
	val[PF_CHANNEL] = "letter";
	assert_int_equal(pet_intake_check(PFORM_STAFF, false, val, err), 0);
}

static void test_close_and_outcomes(void **state)
{
	(void)state;
	assert_null(pet_close_check(PS_ASSIGNED, PS_REPLIED));
	/* 會辦: the reply waits for every co-unit's part; the lead may still transfer */
	assert_string_equal(pet_co_close_check(PS_REPLIED, 1), "err_pet_co_waiting");
	assert_null(pet_co_close_check(PS_REPLIED, 0));
	assert_null(pet_co_close_check(PS_TRANSFERRED, 2));
	assert_string_equal(pet_close_check(PS_REPLIED, PS_TRANSFERRED), "err_pet_outcome");
	assert_string_equal(pet_close_check(PS_ASSIGNED, PS_ROUTED), "err_pet_outcome");
	int32_t today = cal_ymd_to_day(2026, 3, 3);
	struct pet_outcome_form f = {0};
	assert_string_equal(pet_outcome_check(PS_REPLIED, &f, today, "P1150303-0001"), "err_pet_reply");
	f.reply = "已修復";
	assert_null(pet_outcome_check(PS_REPLIED, &f, today, "P1150303-0001"));
	/* a transfer: to an agency, on a day not after today */
	f.agency = "臺北市政府工務局";
	f.transfer_on = "2026-03-04";
	assert_string_equal(pet_outcome_check(PS_TRANSFERRED, &f, today, "P1150303-0001"), "err_pet_transfer");
	f.transfer_on = "2026-03-03";
	assert_null(pet_outcome_check(PS_TRANSFERRED, &f, today, "P1150303-0001"));
	f.agency = NULL;
	assert_string_equal(pet_outcome_check(PS_TRANSFERRED, &f, today, "P1150303-0001"), "err_pet_transfer");
	/* not handled: one of the §173 grounds */
	f.ground = "s173_4";
	assert_string_equal(pet_outcome_check(PS_NOT_HANDLED, &f, today, "P1150303-0001"), "err_pet_ground");
	f.ground = "s173_2";
	assert_null(pet_outcome_check(PS_NOT_HANDLED, &f, today, "P1150303-0001"));
	/* a duplicate of another, well-formed number */
	f.dup_no = "P1150303-0001";
	assert_string_equal(pet_outcome_check(PS_DUPLICATE, &f, today, "P1150303-0001"), "err_pet_duplicate");
	f.dup_no = "P115-1";
	assert_string_equal(pet_outcome_check(PS_DUPLICATE, &f, today, "P1150303-0001"), "err_pet_duplicate");
	f.dup_no = "P1150302-0007";
	assert_null(pet_outcome_check(PS_DUPLICATE, &f, today, "P1150303-0001"));
	assert_string_equal(pet_outcome_check(PS_ASSIGNED, &f, today, "P1150303-0001"), "err_pet_outcome");
}

static void test_extension(void **state)
{
	(void)state;
	assert_null(pet_extension_check("2026-03-10", "2026-03-20", "等候工務局會勘"));
	assert_string_equal(pet_extension_check("2026-03-10", "2026-03-20", NULL), "err_pet_ext_reason");
	assert_string_equal(pet_extension_check("2026-03-10", "2026-03-10", "r"), "err_pet_ext_date");
	assert_string_equal(pet_extension_check("2026-03-10", NULL, "r"), "err_pet_ext_date");
	assert_string_equal(pet_extension_check("2026-03-10", "next week", "r"), "err_pet_ext_date");
}

static void good_case(const char *val[CF__MAX], const char *err[CF__MAX])
{
	memset(err, 0, sizeof(const char *) * CF__MAX);
	memset(val, 0, sizeof(const char *) * CF__MAX);
	val[CF_SERVICE] = "household-transcript";
	val[CF_NAME] = "王小明";
	val[CF_PHONE] = "02-2345-6789";
	val[CF_CHANNEL] = "counter";
}

static void test_case_intake(void **state)
{
	(void)state;
	const char *val[CF__MAX], *err[CF__MAX];
	char natid[CASE_NATID_SIZE];
	good_case(val, err);
	assert_int_equal(case_intake_check(val, err, natid), 0);
	assert_string_equal(natid, "");
	/* the ID's letter may be typed in lower case */
	good_case(val, err);
	val[CF_NATID] = "a123456789";
	assert_int_equal(case_intake_check(val, err, natid), 0);
	assert_string_equal(natid, "A123456789");
	val[CF_NATID] = "A123456788";
	assert_int_equal(case_intake_check(val, err, natid), 1);
	assert_string_equal(err[CF_NATID], "err_natid");
	/* phone, e-mail and channel */
	good_case(val, err);
	val[CF_PHONE] = "1234";
	val[CF_EMAIL] = "a@b";
	val[CF_CHANNEL] = "pigeon";
	assert_int_equal(case_intake_check(val, err, natid), 3);
	assert_string_equal(err[CF_PHONE], "err_phone");
	assert_string_equal(err[CF_EMAIL], "err_email");
	assert_string_equal(err[CF_CHANNEL], "err_channel");
	for (size_t i = 0; i < CASE_NCHANNELS; i++) {
		good_case(val, err);
		val[CF_CHANNEL] = case_channels[i];
		assert_int_equal(case_intake_check(val, err, natid), 0);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_petition_complete),
	    cmocka_unit_test(test_petition_contact_and_name),
	    cmocka_unit_test(test_petition_field_error_kept),
	    cmocka_unit_test(test_petition_subject_and_channel),
	    cmocka_unit_test(test_close_and_outcomes),
	    cmocka_unit_test(test_extension),
	    cmocka_unit_test(test_case_intake),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

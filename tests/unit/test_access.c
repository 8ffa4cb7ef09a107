/*
 * test_access.c -- the office's access rules (domain/access) as a table:
 * each row is an actor (role, unit, id), a record (kind, unit,
 * confidential, officer, registered by, stage, extension facts), an action
 * and the expected answer.  Users: 1 counter, 2 hotline, 3 officer of 社會課,
 * 4 head of 社會課, 5 head of 秘書室 (office head), 6 district chief (head,
 * no unit), 7 admin, 8 officer of 民政課, 9 head of 民政課, 10 another
 * counter clerk, 11 village officer (里幹事) of 竹滬里 and 頂寮里.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <cmocka.h>

#include "domain/access.h"

static const struct actor COUNTER = {ROLE_COUNTER, NULL, 1, NULL}, HOTLINE = {ROLE_HOTLINE, NULL, 2, NULL},
                          OFFICER = {ROLE_OFFICER, "social", 3, NULL}, HEAD = {ROLE_HEAD, "social", 4, NULL},
                          SECRETARY = {ROLE_HEAD, "secretariat", 5, NULL}, CHIEF = {ROLE_HEAD, NULL, 6, NULL},
                          ADMIN = {ROLE_ADMIN, NULL, 7, NULL}, CIVIL_OFFICER = {ROLE_OFFICER, "civil", 8, NULL},
                          CIVIL_HEAD = {ROLE_HEAD, "civil", 9, NULL}, COUNTER2 = {ROLE_COUNTER, NULL, 10, NULL};
static const char *const VILLAGES_11[] = {"zhuhu", "dingliao", NULL};
static const struct actor VILLAGE_OFFICER = {ROLE_VILLAGE, NULL, 11, VILLAGES_11};

/* A 社會課 case registered by counter clerk 1. */
static const struct record CASE = {.kind = REC_CASE, .unit = "social", .registered_by = 1};
/* A petition routed to 社會課, assigned to officer 3, taken in by counter clerk 1. */
static const struct record PET = {
    .kind = REC_PETITION, .unit = "social", .officer_id = 3, .registered_by = 1, .stage = STAGE_ROUTED};
/* The same, confidential. */
static const struct record CONF = {.kind = REC_PETITION,
                                   .unit = "social",
                                   .confidential = true,
                                   .officer_id = 3,
                                   .registered_by = 1,
                                   .stage = STAGE_ROUTED};
/* A confidential petition nobody has routed yet. */
static const struct record CONF_NEW = {.kind = REC_PETITION, .confidential = true, .stage = STAGE_UNROUTED};
/* 會辦: a confidential petition of 社會課 that 民政課 handles with it, and the same closed. */
static const char *const CIVIL_ONLY[] = {"civil", NULL};
static const struct record CO_PET = {.kind = REC_PETITION,
                                     .unit = "social",
                                     .confidential = true,
                                     .officer_id = 3,
                                     .stage = STAGE_ROUTED,
                                     .co_units = CIVIL_ONLY};
static const struct record CO_CLOSED = {
    .kind = REC_PETITION, .unit = "social", .officer_id = 3, .stage = STAGE_CLOSED, .co_units = CIVIL_ONLY};
/* A petition closed. */
static const struct record PET_CLOSED = {
    .kind = REC_PETITION, .unit = "social", .officer_id = 3, .stage = STAGE_CLOSED};
/* Extensions: one asked by officer 3, one asked by head 4 (assigned to themselves), one with requests left. */
static const struct record EXT_BY_OFFICER = {.kind = REC_PETITION,
                                             .unit = "social",
                                             .officer_id = 3,
                                             .stage = STAGE_ROUTED,
                                             .ext_pending = true,
                                             .ext_asked_by = 3};
static const struct record EXT_BY_HEAD = {.kind = REC_PETITION,
                                          .unit = "social",
                                          .officer_id = 4,
                                          .stage = STAGE_ROUTED,
                                          .ext_pending = true,
                                          .ext_asked_by = 4};
static const struct record EXT_LEFT = {
    .kind = REC_PETITION, .unit = "social", .officer_id = 3, .stage = STAGE_ROUTED, .ext_left = true};
/* 社會課 cases: one assigned to officer 3 with extension days left, one whose extension officer 3 asked, one closed. */
static const struct record CASE_ASSIGNED = {
    .kind = REC_CASE, .unit = "social", .officer_id = 3, .registered_by = 1, .stage = STAGE_ROUTED, .ext_left = true};
static const struct record CASE_EXT = {.kind = REC_CASE,
                                       .unit = "social",
                                       .officer_id = 3,
                                       .registered_by = 1,
                                       .stage = STAGE_ROUTED,
                                       .ext_pending = true,
                                       .ext_asked_by = 3};
static const struct record CASE_CLOSED = {
    .kind = REC_CASE, .unit = "social", .officer_id = 3, .stage = STAGE_CLOSED, .ext_left = true};
static const struct record FAQ = {.kind = REC_FAQ, .unit = "social"};
/* A 社會課 service, form and news item. */
static const struct record SERVICE = {.kind = REC_SERVICE, .unit = "social"};
static const struct record FORM = {.kind = REC_FORM, .unit = "social"};
static const struct record NEWS = {.kind = REC_NEWS, .unit = "social"};
/* Issue #18: a 社會課 event, an office-wide questionnaire, the appointment desk (民政課). */
static const struct record EVENT = {.kind = REC_EVENT, .unit = "social"};
static const struct record OFFICE_SURVEY = {.kind = REC_SURVEY};
static const struct record SURVEY = {.kind = REC_SURVEY, .unit = "social"};
static const struct record DESK = {.kind = REC_BOOKING, .unit = ACCESS_DESK_UNIT};
/* Two villages' pages: one village officer 11 keeps, one not. */
static const struct record OWN_VILLAGE = {.kind = REC_VILLAGE, .village = "dingliao"};
static const struct record OTHER_VILLAGE = {.kind = REC_VILLAGE, .village = "xinda"};

struct row {
	const struct actor *who;
	const struct record *what;
	enum access_action act;
	bool want;
	const char *why;
};

static const struct row rows[] = {
    /* a unit's services, forms and news: its officers and heads, and administrators */
    {&OFFICER, &SERVICE, ACC_EDIT, true, "an officer edits the unit's services"},
    {&HEAD, &SERVICE, ACC_EDIT, true, "a head edits the unit's services"},
    {&CIVIL_OFFICER, &SERVICE, ACC_EDIT, false, "not another unit's services"},
    {&CIVIL_HEAD, &SERVICE, ACC_EDIT, false, "not even its head"},
    {&ADMIN, &SERVICE, ACC_EDIT, true, "administrators edit every service"},
    {&COUNTER, &SERVICE, ACC_EDIT, false, "the counter reads sheets, never edits them"},
    {&HOTLINE, &SERVICE, ACC_EDIT, false, "the hotline neither"},
    {&OFFICER, &FORM, ACC_EDIT, true, "an officer uploads the unit's forms"},
    {&CIVIL_OFFICER, &FORM, ACC_EDIT, false, "not another unit's forms"},
    {&ADMIN, &FORM, ACC_EDIT, true, "administrators every form"},
    {&COUNTER, &FORM, ACC_EDIT, false, "the counter does not upload"},
    {&HEAD, &NEWS, ACC_EDIT, true, "a head publishes the unit's news"},
    {&CIVIL_HEAD, &NEWS, ACC_EDIT, false, "not another unit's news"},
    {&HOTLINE, &NEWS, ACC_EDIT, false, "the hotline does not publish"},
    {&ADMIN, &NEWS, ACC_EDIT, true, "administrators every unit's news"},
    {&HOTLINE, &NEWS, ACC_VIEW_CONTENT, true, "published content is public"},

    /* cases: everyone sees them masked; reveals stay within the unit and with who registered it */
    {&HOTLINE, &CASE, ACC_VIEW_IDENTITY, true, "the hotline sees a case masked"},
    {&COUNTER, &CASE, ACC_REVEAL, true, "the clerk who registered it"},
    {&COUNTER2, &CASE, ACC_REVEAL, false, "another clerk"},
    {&HOTLINE, &CASE, ACC_REVEAL, false, "the hotline never reveals"},
    {&OFFICER, &CASE, ACC_REVEAL, true, "an officer of the unit"},
    {&HEAD, &CASE, ACC_REVEAL, true, "a head of the unit"},
    {&CIVIL_OFFICER, &CASE, ACC_REVEAL, false, "an officer of another unit"},
    {&CIVIL_HEAD, &CASE, ACC_REVEAL, false, "a head of another unit"},
    {&SECRETARY, &CASE, ACC_REVEAL, true, "the office head"},
    {&CHIEF, &CASE, ACC_REVEAL, true, "the district chief"},
    {&ADMIN, &CASE, ACC_REVEAL, false, "administrators keep the system, not the people"},
    {&COUNTER, &CASE, ACC_HANDLE, true, "the counter moves any case"},
    {&OFFICER, &CASE, ACC_HANDLE, true, "its unit's officer"},
    {&CIVIL_OFFICER, &CASE, ACC_HANDLE, false, "another unit's officer"},
    {&HOTLINE, &CASE, ACC_HANDLE, false, "the hotline does not act"},
    {&HOTLINE, &CASE, ACC_FIND_BY_PHONE, true, "a phone finds cases"},
    {&COUNTER2, &CASE, ACC_NEW_CODE, true, "any clerk replaces a lost code at the counter"},
    {&OFFICER, &CASE, ACC_NEW_CODE, true, "so does the unit"},
    {&CIVIL_OFFICER, &CASE, ACC_NEW_CODE, false, "not another unit"},
    {&HOTLINE, &CASE, ACC_NEW_CODE, false, "a voice on the phone proves nothing"},
    {&ADMIN, &CASE, ACC_NEW_CODE, false, "administrators keep the system"},
    {&COUNTER, &PET, ACC_NEW_CODE, true, "a clerk, for a petition"},
    {&COUNTER, &CONF, ACC_NEW_CODE, false, "not for a confidential one"},
    {&OFFICER, &CONF, ACC_NEW_CODE, true, "its officer does"},
    {&CIVIL_OFFICER, &CO_PET, ACC_CO_ANSWER, true, "a co-unit's officer records its part"},
    {&CIVIL_HEAD, &CO_PET, ACC_VIEW_CONTENT, true, "and its head reads it, confidential or not"},
    {&CIVIL_OFFICER, &CO_CLOSED, ACC_CO_ANSWER, false, "not once it is closed"},
    {&OFFICER, &CO_PET, ACC_CO_ANSWER, false, "the lead does not answer itself a part"},
    {&CIVIL_OFFICER, &CO_PET, ACC_HANDLE, false, "only the lead closes it"},
    {&CIVIL_OFFICER, &CONF, ACC_VIEW_CONTENT, false, "a unit not asked sees nothing"},
    {&COUNTER, &CO_PET, ACC_CO_ANSWER, false, "the counter is no unit"},

    /* villages (里): their own officers (里幹事) and administrators edit; a village officer does nothing else */
    {&VILLAGE_OFFICER, &OWN_VILLAGE, ACC_EDIT, true, "a village officer edits their own village"},
    {&VILLAGE_OFFICER, &OTHER_VILLAGE, ACC_EDIT, false, "not another village"},
    {&ADMIN, &OTHER_VILLAGE, ACC_EDIT, true, "administrators edit every village"},
    {&HEAD, &OWN_VILLAGE, ACC_EDIT, false, "a unit head does not"},
    {&CIVIL_OFFICER, &OWN_VILLAGE, ACC_EDIT, false, "nor a civil affairs officer"},
    {&COUNTER, &OWN_VILLAGE, ACC_VIEW_CONTENT, true, "everyone reads a village's page"},
    {&VILLAGE_OFFICER, &CASE, ACC_VIEW_SUMMARY, false, "a village officer sees no case"},
    {&VILLAGE_OFFICER, &PET, ACC_VIEW_SUMMARY, false, "nor a petition"},
    {&VILLAGE_OFFICER, &FAQ, ACC_EDIT, false, "nor edits the FAQ"},
    {&VILLAGE_OFFICER, &OWN_VILLAGE, ACC_VIEW_AUDIT, false, "nor reads the audit log"},
    /* field reports (issue #13): from a village its officer keeps; administrators from any */
    {&VILLAGE_OFFICER, &OWN_VILLAGE, ACC_REPORT, true, "a village officer reports from their own village"},
    {&VILLAGE_OFFICER, &OTHER_VILLAGE, ACC_REPORT, false, "not from another village"},
    {&ADMIN, &OTHER_VILLAGE, ACC_REPORT, true, "administrators from any village"},
    {&OFFICER, &OWN_VILLAGE, ACC_REPORT, false, "a unit's officer files no field report"},
    {&COUNTER, &OWN_VILLAGE, ACC_REPORT, false, "nor the counter"},
    {&VILLAGE_OFFICER, &PET, ACC_VIEW_CONTENT, false, "a reporter sees no petition's content or photos after"},
    {&HOTLINE, &CONF, ACC_VIEW_CONTENT, false, "a confidential petition's photos are its insiders' alone"},

    /* ordinary petitions */
    {&HOTLINE, &PET, ACC_VIEW_SUBJECT, true, "an ordinary petition's subject"},
    {&HOTLINE, &PET, ACC_VIEW_IDENTITY, true, "masked petitioner"},
    {&HOTLINE, &PET, ACC_FIND_BY_PHONE, true, "a phone finds an ordinary petition"},
    {&COUNTER, &PET, ACC_REVEAL, true, "the clerk who took it in"},
    {&COUNTER2, &PET, ACC_REVEAL, false, "another clerk"},
    {&OFFICER, &PET, ACC_REVEAL, true, "its unit's officer"},
    {&CIVIL_OFFICER, &PET, ACC_REVEAL, false, "another unit's officer"},
    {&CIVIL_HEAD, &PET, ACC_REVEAL, false, "another unit's head"},
    {&ADMIN, &PET, ACC_REVEAL, false, "administrators"},
    {&HOTLINE, &PET, ACC_REVEAL, false, "the hotline"},
    {&OFFICER, &PET, ACC_HANDLE, true, "its officer closes it"},
    {&CIVIL_HEAD, &PET, ACC_HANDLE, false, "another unit's head"},
    {&HEAD, &PET, ACC_ASSIGN, true, "the unit head assigns"},
    {&CIVIL_HEAD, &PET, ACC_ASSIGN, false, "not another unit's head"},
    {&SECRETARY, &PET, ACC_ROUTE, true, "the routing desk"},
    {&ADMIN, &PET, ACC_ROUTE, true, "administrators route"},
    {&HEAD, &PET, ACC_ROUTE, false, "a unit head does not route"},
    {&OFFICER, &PET_CLOSED, ACC_HANDLE, false, "a closed petition"},

    /* confidential petitions: only its officer, its unit's heads and the office head */
    {&OFFICER, &CONF, ACC_VIEW_CONTENT, true, "its officer"},
    {&OFFICER, &CONF, ACC_REVEAL, true, "its officer reveals"},
    {&HEAD, &CONF, ACC_VIEW_IDENTITY, true, "its unit's head"},
    {&SECRETARY, &CONF, ACC_VIEW_CONTENT, true, "the office head"},
    {&CHIEF, &CONF, ACC_REVEAL, true, "the district chief"},
    {&HOTLINE, &CONF, ACC_VIEW_SUMMARY, true, "the hotline sees that it exists"},
    {&HOTLINE, &CONF, ACC_VIEW_SUBJECT, false, "but not its subject"},
    {&HOTLINE, &CONF, ACC_VIEW_IDENTITY, false, "nor who"},
    {&COUNTER, &CONF, ACC_VIEW_CONTENT, false, "the counter, though it took it in"},
    {&COUNTER, &CONF, ACC_REVEAL, false, "the counter may not reveal it"},
    {&CIVIL_OFFICER, &CONF, ACC_VIEW_SUBJECT, false, "another unit's officer"},
    {&CIVIL_HEAD, &CONF, ACC_VIEW_CONTENT, false, "another unit's head"},
    {&ADMIN, &CONF, ACC_VIEW_SUBJECT, true, "the routing desk sees the subject"},
    {&ADMIN, &CONF, ACC_VIEW_IDENTITY, false, "never the petitioner"},
    {&ADMIN, &CONF, ACC_VIEW_CONTENT, false, "nor the content"},
    {&ADMIN, &CONF, ACC_HANDLE, false, "nor closes it"},
    {&SECRETARY, &CONF, ACC_FIND_BY_PHONE, false, "a phone never finds it, for anyone"},
    {&OFFICER, &CONF, ACC_FIND_BY_PHONE, false, "not even its officer's"},
    {&ADMIN, &CONF_NEW, ACC_VIEW_SUBJECT, true, "the routing desk, to route it"},
    {&ADMIN, &CONF_NEW, ACC_HANDLE, false, "but not closing it unseen"},
    {&SECRETARY, &CONF_NEW, ACC_HANDLE, true, "the office head closes it at once"},

    /* extensions: the officer asks, someone else decides */
    {&OFFICER, &EXT_LEFT, ACC_ASK_EXTENSION, true, "its officer, with a request left"},
    {&OFFICER, &PET, ACC_ASK_EXTENSION, false, "no request left"},
    {&HEAD, &EXT_LEFT, ACC_ASK_EXTENSION, false, "only the assigned officer asks"},
    {&HEAD, &EXT_BY_OFFICER, ACC_DECIDE_EXTENSION, true, "the unit head decides the officer's"},
    {&OFFICER, &EXT_BY_OFFICER, ACC_DECIDE_EXTENSION, false, "officers do not decide"},
    {&CIVIL_HEAD, &EXT_BY_OFFICER, ACC_DECIDE_EXTENSION, false, "another unit's head"},
    {&HEAD, &EXT_BY_HEAD, ACC_DECIDE_EXTENSION, false, "a head never approves their own"},
    {&SECRETARY, &EXT_BY_HEAD, ACC_DECIDE_EXTENSION, true, "the office head does"},
    {&ADMIN, &EXT_BY_HEAD, ACC_DECIDE_EXTENSION, false, "administrators do not decide"},
    {&ADMIN, &PET, ACC_ALLOW_EXTENSION, true, "administrators allow one more"},

    /* cases: the counter or a head hands it to an officer; extensions as petitions' */
    {&COUNTER, &CASE, ACC_ASSIGN, true, "the counter assigns as it takes it in"},
    {&COUNTER2, &CASE, ACC_ASSIGN, true, "any counter clerk"},
    {&HEAD, &CASE, ACC_ASSIGN, true, "the unit head"},
    {&SECRETARY, &CASE, ACC_ASSIGN, true, "the office head"},
    {&ADMIN, &CASE, ACC_ASSIGN, true, "administrators"},
    {&OFFICER, &CASE, ACC_ASSIGN, false, "officers do not pick themselves"},
    {&CIVIL_HEAD, &CASE, ACC_ASSIGN, false, "not another unit's head"},
    {&HOTLINE, &CASE, ACC_ASSIGN, false, "not the hotline"},
    {&HEAD, &CASE_CLOSED, ACC_ASSIGN, false, "not once closed"},
    {&OFFICER, &CASE_ASSIGNED, ACC_ASK_EXTENSION, true, "its officer, with days left"},
    {&OFFICER, &CASE, ACC_ASK_EXTENSION, false, "nobody before it is assigned"},
    {&HEAD, &CASE_ASSIGNED, ACC_ASK_EXTENSION, false, "only the assigned officer asks"},
    {&OFFICER, &CASE_EXT, ACC_ASK_EXTENSION, false, "one request at a time"},
    {&OFFICER, &CASE_CLOSED, ACC_ASK_EXTENSION, false, "not once closed"},
    {&HEAD, &CASE_EXT, ACC_DECIDE_EXTENSION, true, "the unit head decides"},
    {&SECRETARY, &CASE_EXT, ACC_DECIDE_EXTENSION, true, "the office head decides"},
    {&OFFICER, &CASE_EXT, ACC_DECIDE_EXTENSION, false, "never the asker"},
    {&COUNTER, &CASE_EXT, ACC_DECIDE_EXTENSION, false, "not the counter"},
    {&CIVIL_HEAD, &CASE_EXT, ACC_DECIDE_EXTENSION, false, "not another unit's head"},
    {&ADMIN, &CASE_EXT, ACC_DECIDE_EXTENSION, false, "administrators do not decide"},
    {&HEAD, &CASE_ASSIGNED, ACC_DECIDE_EXTENSION, false, "nothing waits"},
    {&HEAD, &PET, ACC_ALLOW_EXTENSION, false, "heads do not"},

    /* FAQ entries */
    {&OFFICER, &FAQ, ACC_EDIT, true, "its unit's officer"},
    {&CIVIL_OFFICER, &FAQ, ACC_EDIT, false, "another unit's officer"},
    {&CHIEF, &FAQ, ACC_EDIT, true, "office-wide staff"},
    {&ADMIN, &FAQ, ACC_EDIT, true, "administrators"},
    {&COUNTER, &FAQ, ACC_EDIT, false, "the counter"},

    /* events: the unit runs them and sees who signed up; administrators run them masked */
    {&OFFICER, &EVENT, ACC_EDIT, true, "its unit's officer publishes and runs it"},
    {&OFFICER, &EVENT, ACC_REVEAL, true, "and sees the sign-ups in full"},
    {&CIVIL_OFFICER, &EVENT, ACC_EDIT, false, "another unit's officer"},
    {&CIVIL_HEAD, &EVENT, ACC_VIEW_IDENTITY, false, "another unit's head sees no sign-ups"},
    {&SECRETARY, &EVENT, ACC_REVEAL, true, "the office head"},
    {&ADMIN, &EVENT, ACC_EDIT, true, "administrators run any event"},
    {&ADMIN, &EVENT, ACC_VIEW_IDENTITY, true, "seeing sign-ups masked"},
    {&ADMIN, &EVENT, ACC_REVEAL, false, "never in full"},
    {&COUNTER, &EVENT, ACC_EDIT, false, "the counter"},
    {&HOTLINE, &EVENT, ACC_VIEW_SUMMARY, true, "every staff member sees that it exists"},
    {&HOTLINE, &EVENT, ACC_VIEW_IDENTITY, false, "not who signed up"},
    /* questionnaires: answers are anonymous, nobody reveals */
    {&CHIEF, &OFFICE_SURVEY, ACC_EDIT, true, "an office-wide questionnaire: the office head"},
    {&OFFICER, &OFFICE_SURVEY, ACC_EDIT, false, "not a unit's officer"},
    {&ADMIN, &OFFICE_SURVEY, ACC_EDIT, true, "administrators"},
    {&SECRETARY, &OFFICE_SURVEY, ACC_REVEAL, false, "answers have nobody to reveal"},
    {&OFFICER, &SURVEY, ACC_EDIT, true, "its unit's officer builds, opens and closes it"},
    {&OFFICER, &SURVEY, ACC_VIEW_CONTENT, true, "and reads its results"},
    {&CIVIL_OFFICER, &SURVEY, ACC_VIEW_CONTENT, false, "another unit's officer reads no results"},
    {&ADMIN, &SURVEY, ACC_VIEW_CONTENT, true, "administrators read any results"},
    {&HOTLINE, &SURVEY, ACC_VIEW_CONTENT, false, "nor the hotline"},
    {&OFFICER, &EVENT, ACC_VIEW_CONTENT, false, "an event has no content view beyond its page"},
    /* the appointment desk (民政課) */
    {&CIVIL_OFFICER, &DESK, ACC_EDIT, true, "民政課 sets the slots"},
    {&CIVIL_OFFICER, &DESK, ACC_REVEAL, true, "and sees who booked"},
    {&OFFICER, &DESK, ACC_EDIT, false, "社會課 does not"},
    {&COUNTER, &DESK, ACC_VIEW_IDENTITY, true, "the counter sees the day masked"},
    {&COUNTER, &DESK, ACC_EDIT, false, "but blocks nothing"},
    {&COUNTER, &DESK, ACC_REVEAL, false, "nor sees who in full"},
    {&HOTLINE, &DESK, ACC_VIEW_IDENTITY, false, "the hotline"},
    {&ADMIN, &DESK, ACC_EDIT, true, "administrators set slots"},
    {&ADMIN, &DESK, ACC_REVEAL, false, "administrators never see who booked in full"},

    /* the audit log about a record */
    {&HEAD, &CASE, ACC_VIEW_AUDIT, true, "its unit's head"},
    {&CIVIL_HEAD, &CONF, ACC_VIEW_AUDIT, false, "another unit's head"},
    {&SECRETARY, &CASE, ACC_VIEW_AUDIT, true, "the office head"},
    {&ADMIN, &PET, ACC_VIEW_AUDIT, true, "administrators"},
    {&OFFICER, &CASE, ACC_VIEW_AUDIT, false, "officers"},
};

static void test_table(void **state)
{
	(void)state;
	int bad = 0;
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		const struct row *r = &rows[i];
		bool got = access_allows(r->who, r->what, r->act);
		if (got != r->want) {
			fprintf(stderr, "row %zu: %s (unit %s, id %lld) action %d: want %d, got %d (%s)\n", i + 1,
			        role_name(r->who->role), r->who->unit ? r->who->unit : "-", r->who->id, (int)r->act,
			        r->want, got, r->why);
			bad++;
		}
	}
	assert_int_equal(bad, 0);
}

/* Nobody signed in, an unknown role or action: always no. */
static void test_nobody(void **state)
{
	(void)state;
	struct actor nobody = {ROLE__MAX, NULL, 0, NULL};
	for (int a = 0; a < ACC__MAX; a++) {
		assert_false(access_allows(&nobody, &CASE, (enum access_action)a));
		assert_false(access_allows(&nobody, &PET, (enum access_action)a));
	}
	assert_false(access_allows(&ADMIN, &FAQ, ACC__MAX));
	assert_false(access_allows(NULL, &CASE, ACC_VIEW_SUMMARY));
	assert_false(access_allows(&ADMIN, NULL, ACC_VIEW_SUMMARY));
}

/* A counter clerk with no id (never signed in) is not "who registered" a citizen's record (0). */
static void test_zero_ids_never_match(void **state)
{
	(void)state;
	struct actor ghost = {ROLE_COUNTER, NULL, 0, NULL};
	struct record web = {.kind = REC_PETITION, .unit = "social", .stage = STAGE_ROUTED};
	assert_false(access_allows(&ghost, &web, ACC_REVEAL));
	struct actor officer0 = {ROLE_OFFICER, "civil", 0, NULL};
	assert_false(access_allows(&officer0, &CONF_NEW, ACC_VIEW_CONTENT));
}

static void test_names(void **state)
{
	(void)state;
	assert_int_equal(role_parse("head"), ROLE_HEAD);
	assert_int_equal(role_parse("root"), ROLE__MAX);
	assert_int_equal(role_parse(NULL), ROLE__MAX);
	assert_string_equal(role_name(ROLE_HOTLINE), "hotline");
	assert_int_equal(access_action_parse("reveal"), ACC_REVEAL);
	assert_int_equal(access_action_parse("decide-extension"), ACC_DECIDE_EXTENSION);
	assert_int_equal(access_action_parse("fly"), ACC__MAX);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_table),
	    cmocka_unit_test(test_nobody),
	    cmocka_unit_test(test_zero_ids_never_match),
	    cmocka_unit_test(test_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * routes.c -- the route table: every page, its method, its fields and who
 * may call it.  Add a page here and its handler under src/handlers/.
 * The permission matrix test (tests/data/permissions.tsv) walks this table.
 */
#include "app/auth.h"
#include "app/metrics.h"
#include "app/router.h"
#include "domain/apikey.h"
#include "domain/catalog_doc.h"
#include "handlers/handlers.h"

#define R(x) ROLE_BIT(ROLE_##x)
#define DESK (R(COUNTER) | R(OFFICER) | R(HEAD) | R(ADMIN)) /* may change cases */
#define ANY_STAFF ROLES_STAFF                               /* every account, village officers too */
#define ALL_STAFF (ROLES_STAFF & ~R(VILLAGE)) /* the office's desks: a village officer keeps only village pages */

/* Tables, one field or route per row: kept as written. */
/* clang-format off */
static const struct field faq_fields[] = {
	{K_UNIT, F_SLUG, 32, false},
	{K_CATEGORY, F_SLUG, 32, false},
	{0},
};

static const struct field login_fields[] = {
	{K_USERNAME, F_LINE, 64, true},
	{K_PASSWORD, F_LINE, 200, true},
	{K_NEXT, F_LINE, 200, false},
	{0},
};

static const struct field login_form_fields[] = {
	{K_NEXT, F_LINE, 200, false},
	{0},
};

static const struct field password_form_fields[] = {
	{K_DONE, F_INT, 1, false},
	{0},
};

static const struct field password_fields[] = {
	{K_CURRENT, F_LINE, 200, true},
	{K_NEW, F_LINE, 200, true},
	{K_AGAIN, F_LINE, 200, true},
	{0},
};

static const struct field closure_fields[] = {
	{K_DAY, F_DATE, 10, true},
	{K_REASON, F_LINE, 100, true},
	{0},
};

static const struct field cal_fields[] = {
	{K_ADDED, F_BOOL, 1, false},
	{0},
};

static const struct field case_fields[] = {
	{K_SERVICE, F_SLUG, 64, true},
	{K_NAME, F_LINE, 50, true},
	{K_PHONE, F_LINE, 30, true},
	{K_EMAIL, F_LINE, 100, false},
	{K_NATID, F_LINE, 10, false},
	{K_CHANNEL, F_SLUG, 10, true},
	{K_ONCE, F_SLUG, 32, false},
	{0},
};

static const struct field move_fields[] = {
	{K_TO, F_SLUG, 16, true},
	{K_NOTE, F_TEXT, 500, false},
	{K_REASON, F_TEXT, 500, false},
	{K_CONFIRM, F_BOOL, 1, false},
	{0},
};

static const struct field notice_fields[] = {
	{K_ITEM, F_MULTI, 4, false},
	{K_EXTRA, F_TEXT, 2000, false},
	{K_DEADLINE, F_DATE, 10, false},
	{K_REASON, F_TEXT, 500, false},
	{0},
};

static const struct field find_fields[] = {
	{K_Q, F_LINE, 40, false},
	{0},
};

static const struct field status_fields[] = {
	{K_NO, F_LINE, 20, false},
	{K_CODE, F_LINE, 20, false},
	{0},
};

/* ---- search, the hotline console, FAQ editing, synonyms, the news feed (issue #5) ---- */

/*
 * The search box.  A query over 200 characters, a control character or a
 * repeated q is not refused: the search handlers (R_SOFT) cut the text to
 * SEARCH_MAX_CHARS and say so, so any query gives a results page.
 */
static const struct field search_fields[] = {
	{K_Q, F_LINE, 200, false},
	{0},
};

static const struct field faq_admin_fields[] = {
	{K_DONE, F_SLUG, 16, false},
	{0},
};

/* The FAQ editor (faq_admin.c lists the same keys in edit_fields[]).  A body is at most 64 KB encoded. */
static const struct field faq_edit_fields[] = {
	{K_SLUG, F_SLUG, 64, false},
	{K_UNIT, F_SLUG, 32, false},
	{K_CATEGORY, F_SLUG, 32, true},
	{K_QUESTION_ZH, F_LINE, 200, true},
	{K_ANSWER_ZH, F_TEXT, 4000, true},
	{K_QUESTION_EN, F_LINE, 300, false},
	{K_ANSWER_EN, F_TEXT, 8000, false},
	{K_KEYWORDS_ZH, F_LINE, 200, false},
	{K_VERSION, F_LINE, 40, false},
	{0},
};

static const struct field synonym_fields[] = {
	{K_VARIANTS, F_LINE, 200, true},
	{0},
};

static const struct field synonym_list_fields[] = {
	{K_DONE, F_SLUG, 16, false},
	{0},
};

/* the Open311 partners' keys (issue #13): the name as `admin api-key --name` takes it */
static const struct field apikey_fields[] = {
	{K_NAME, F_LINE, APIKEY_NAME_MAX, true},
	{K_RATE, F_INT, APIKEY_RATE_MAX, false},
	{0},
};

static const struct field apikey_revoke_fields[] = {
	{K_NAME, F_LINE, APIKEY_NAME_MAX, true},
	{0},
};

static const struct field apikey_list_fields[] = {
	{K_DONE, F_INT, 1, false},
	{0},
};

#define FAQ_EDITORS (R(OFFICER) | R(HEAD) | R(ADMIN)) /* officers and heads: their own unit's entries */

/* ---- petitions, deadlines, reports, notifications (issue #4) ---- */

/* The place a petition is about and the consent to publish (issue #13): every intake form. */
#define PLACE_FIELDS \
	{K_PLACE, F_LINE, 200, false}, {K_LAT, F_LINE, 24, false}, {K_LONG, F_LINE, 24, false}, \
	    {K_PUBLISH, F_BOOL, 1, false}

/* What a petitioner tells us, on the web form and at every staff intake
 * (petition_intake.c lists the same keys in form_fields[]). */
#define PETITIONER_FIELDS \
	{K_NAME, F_LINE, 50, false}, {K_PHONE, F_LINE, 30, false}, {K_EMAIL, F_LINE, 100, false}, \
	    {K_ADDRESS, F_LINE, 200, false}, {K_VILLAGE, F_SLUG, 32, false}, {K_CATEGORY, F_SLUG, 32, false}, \
	    {K_SUBJECT, F_LINE, 100, false}, {K_BODY, F_TEXT, 4000, false}, {K_ANONYMOUS, F_BOOL, 1, false}, \
	    {K_CONFIDENTIAL, F_BOOL, 1, false}, PLACE_FIELDS

/*
 * The citizen's petition form; "once" is every intake form's one-time token (auth_form_once); "channel" a named
 * mailbox (區長信箱, 便民信箱) or none.
 */
static const struct field petition_box_fields[] = {
	{K_CHANNEL, F_SLUG, 16, false},
	{0},
};

static const struct field petition_fields[] = {
	PETITIONER_FIELDS,
	{K_CHANNEL, F_SLUG, 16, false},
	{K_STEP, F_SLUG, 8, false}, /* "check your answers": check (the form), edit, submit (the check page) */
	{K_ONCE, F_SLUG, 32, false},
	{0},
};

/* Staff intake: the same plus the channel, its own reference and the read-back (§169). */
static const struct field petition_staff_fields[] = {
	PETITIONER_FIELDS,
	{K_CHANNEL, F_SLUG, 16, false},
	{K_EXT_REF, F_LINE, 40, false},
	{K_READ_BACK, F_BOOL, 1, false},
	{K_FORM, F_SLUG, 16, false},
	{K_ONCE, F_SLUG, 32, false},
	{0},
};

/* A village officer's field report (issue #13): category, village, place, a few words, photos. */
static const struct field field_report_fields[] = {
	{K_CATEGORY, F_SLUG, 32, false}, {K_VILLAGE, F_SLUG, 32, false}, {K_BODY, F_TEXT, 1000, false},
	PLACE_FIELDS,                    {K_ONCE, F_SLUG, 32, false},    {0},
};

static const struct field petition_intake_fields[] = {
	{K_CHANNEL, F_SLUG, 16, false},
	{K_PHONE, F_LINE, 30, false},
	{0},
};

static const struct field petition_list_fields[] = {
	{K_VIEW, F_SLUG, 16, false},
	{0},
};

static const struct field petition_route_fields[] = {
	{K_UNIT, F_SLUG, 32, true},
	{K_CATEGORY, F_SLUG, 32, false},
	{0},
};

static const struct field petition_assign_fields[] = {
	{K_OFFICER, F_INT, 999999999, true},
	{0},
};

static const struct field petition_close_fields[] = {
	{K_OUTCOME, F_SLUG, 16, true},
	{K_REPLY, F_TEXT, 4000, false},
	{K_AGENCY, F_LINE, 100, false},
	{K_TRANSFER_ON, F_DATE, 10, false},
	{K_GROUND, F_SLUG, 16, false},
	{K_NOTE, F_TEXT, 1000, false},
	{K_DUP_OF, F_LINE, 20, false},
	{K_REASON, F_TEXT, 500, false},
	{K_CONFIRM, F_BOOL, 1, false},
	{0},
};

static const struct field petition_ext_fields[] = {
	{K_UNTIL, F_DATE, 10, false},
	{K_REASON, F_TEXT, 500, false},
	{0},
};

static const struct field petition_decide_fields[] = {
	{K_DECISION, F_SLUG, 16, true},
	{K_NOTE, F_TEXT, 500, false},
	{0},
};

static const struct field case_assign_fields[] = {
	{K_OFFICER, F_INT, 999999999, true},
	{0},
};

static const struct field case_ext_fields[] = {
	{K_DAYS, F_INT, 120, false},
	{K_REASON, F_TEXT, 500, false},
	{0},
};

static const struct field rate_fields[] = {
	{K_NO, F_LINE, 20, false},
	{K_CODE, F_LINE, 20, false},
	{K_RATING, F_INT, 5, false},
	{K_COMMENT, F_TEXT, 1000, false},
	{0},
};

/* a lost query code (query_code.c): the counter's check, the citizen's request, the e-mailed link */
static const struct field code_staff_fields[] = {
	{K_ID_CHECKED, F_BOOL, 1, false},
	{K_ONCE, F_SLUG, 32, false},
	{0},
};

static const struct field code_lost_fields[] = {
	{K_NO, F_LINE, 20, false},
	{K_EMAIL, F_LINE, 100, false},
	{K_DONE, F_INT, 1, false},
	{0},
};

static const struct field code_link_fields[] = {
	{K_LINK, F_SLUG, 32, false},
	{0},
};

/* 會辦: the unit the lead asks; a co-unit's part */
static const struct field petition_co_ask_fields[] = {
	{K_UNIT, F_SLUG, 32, false},
	{0},
};

static const struct field petition_co_part_fields[] = {
	{K_REPLY, F_TEXT, 4000, false},
	{0},
};

static const struct field rules_fields[] = {
	{K_SAVED, F_BOOL, 1, false},
	{0},
};

static const struct field rule_set_fields[] = {
	{K_CHANNEL, F_SLUG, 16, true},
	{K_CATEGORY, F_SLUG, 32, true},
	{K_DAYS, F_INT, 999, true},
	{0},
};

static const struct field rule_remove_fields[] = {
	{K_ID, F_INT, 999999999, true},
	{0},
};

static const struct field rule_near_fields[] = {
	{K_NEAR_DAYS, F_INT, 30, true},
	{0},
};

static const struct field report_fields[] = {
	{K_MONTH, F_LINE, 7, false},
	{0},
};

/* ---- the Open311 GeoReport v2 API (issue #13, docs/open311.md) ---- */

/* Every call may carry jurisdiction_id (one jurisdiction: accepted, not checked) and api_key. */
#define O311_COMMON_FIELDS {K_JURISDICTION_ID, F_LINE, 100, false}, {K_API_KEY, F_LINE, 128, false}

static const struct field o311_fields[] = {
	O311_COMMON_FIELDS,
	{0},
};

static const struct field o311_create_fields[] = {
	O311_COMMON_FIELDS,
	{K_SERVICE_CODE, F_SLUG, 32, true},
	{K_LAT, F_LINE, 32, false},
	{K_LONG, F_LINE, 32, false},
	{K_ADDRESS_STRING, F_LINE, 250, false},
	{K_ADDRESS_ID, F_LINE, 100, false},
	{K_EMAIL, F_LINE, 100, false},
	{K_DEVICE_ID, F_LINE, 100, false},
	{K_ACCOUNT_ID, F_LINE, 100, false},
	{K_FIRST_NAME, F_LINE, 50, false},
	{K_LAST_NAME, F_LINE, 50, false},
	{K_PHONE, F_LINE, 30, false},
	{K_DESCRIPTION, F_TEXT, 4000, false},
	{K_MEDIA_URL, F_LINE, 2000, false},
	{0},
};

static const struct field o311_list_fields[] = {
	O311_COMMON_FIELDS,
	{K_SERVICE_REQUEST_ID, F_LINE, 4000, false},
	{K_SERVICE_CODE, F_LINE, 1000, false},
	{K_START_DATE, F_LINE, 40, false},
	{K_END_DATE, F_LINE, 40, false},
	{K_STATUS, F_LINE, 20, false},
	{0},
};

/* No session and no CSRF token (partners call with api_key); the handler answers field errors itself. */
#define O311 (R_NOCSRF | R_SOFT)

/* the audit log (issue #8): who did it, which record, office days from-to, the page */
static const struct field audit_fields[] = {
	{K_WHO, F_LINE, 64, false},
	{K_RECORD, F_LINE, 80, false},
	{K_FROM, F_DATE, 10, false},
	{K_TO, F_DATE, 10, false},
	{K_PAGE, F_INT, 10000, false},
	{0},
};

/* ---- services, forms and news kept by their units (issue #11) ---- */

#define EDITORS FAQ_EDITORS /* officers and heads: their own unit's content */

static const struct field done_fields[] = {
	{K_DONE, F_SLUG, 16, false},
	{0},
};

/* The sheet editor (catalog_admin.c keeps the text names in text_fields[]); 30 of MAX_FIELDS. */
static const struct field service_edit_fields[] = {
	{K_CODE, F_SLUG, 64, false},
	{K_UNIT, F_SLUG, 32, false},
	{K_CATEGORY, F_SLUG, 32, true},
	{K_NAME_ZH, F_LINE, 200, true},
	{K_NAME_EN, F_LINE, 300, false},
	{K_SUMMARY_ZH, F_TEXT, 2000, false},
	{K_SUMMARY_EN, F_TEXT, 4000, false},
	{K_ELIG_ZH, F_TEXT, 2000, false},
	{K_ELIG_EN, F_TEXT, 4000, false},
	{K_FEE_ZH, F_LINE, 200, true},
	{K_FEE_EN, F_LINE, 300, false},
	{K_LEGAL_ZH, F_TEXT, 2000, false},
	{K_LEGAL_EN, F_TEXT, 4000, false},
	{K_NOTES_ZH, F_TEXT, 4000, false},
	{K_NOTES_EN, F_TEXT, 8000, false},
	{K_CONTACT_EXT, F_LINE, 20, false},
	{K_CONDS_ZH, F_TEXT, 4000, false},
	{K_CONDS_EN, F_TEXT, 8000, false},
	{K_DOCS_ZH, F_TEXT, 4000, false},
	{K_DOCS_EN, F_TEXT, 8000, false},
	{K_STEPS_ZH, F_TEXT, 4000, false},
	{K_STEPS_EN, F_TEXT, 8000, false},
	{K_PROCESSING_DAYS, F_INT, 3650, true},
	{K_CORRECTION_DAYS, F_INT, 365, false},
	{K_EXT_DAYS, F_INT, CATALOG_EXT_DAYS_MAX, false},
	{K_IMMEDIATE, F_BOOL, 1, false},
	{K_FORMS, F_MULTI, 64, false},
	{K_NOTE, F_LINE, 200, false},
	{K_VERSION, F_LINE, 40, false},
	{K_PREVIEW, F_BOOL, 1, false},
	{0},
};

static const struct field service_publish_fields[] = {
	{K_PUBLISHED, F_BOOL, 1, false},
	{0},
};

/* A form's upload (multipart/form-data; the file itself is req_upload(rq, K_FILE)). */
static const struct field form_edit_fields[] = {
	{K_CODE, F_SLUG, 64, false},
	{K_UNIT, F_SLUG, 32, false},
	{K_TITLE_ZH, F_LINE, 200, true},
	{K_TITLE_EN, F_LINE, 300, false},
	{0},
};

static const struct field news_edit_fields[] = {
	{K_UNIT, F_SLUG, 32, false},
	{K_TITLE_ZH, F_LINE, 200, true},
	{K_TITLE_EN, F_LINE, 300, false},
	{K_BODY_ZH, F_TEXT, 8000, true},
	{K_BODY_EN, F_TEXT, 16000, false},
	{K_STATUS, F_SLUG, 16, true},
	{K_PUBLISH_ON, F_DATE, 10, false},
	{K_EXPIRES_ON, F_DATE, 10, false},
	{K_PINNED, F_BOOL, 1, false},
	{0},
};

/* ---- taking part: events, questionnaires, appointments, the lobby display (issue #18) ---- */

static const struct field signup_fields[] = {
	{K_NAME, F_LINE, 50, false},
	{K_PHONE, F_LINE, 30, false},
	{K_EMAIL, F_LINE, 100, false},
	{K_PEOPLE, F_INT, 20, false},
	{K_ANSWER, F_TEXT, 500, false},
	{K_ONCE, F_SLUG, 32, false},
	{0},
};

static const struct field signup_cancel_fields[] = {
	{K_CODE, F_LINE, 20, false},
	{K_DONE, F_BOOL, 1, false},
	{0},
};

/* events.c keeps the same names in event_fields[] */
static const struct field event_fields[] = {
	{K_UNIT, F_SLUG, 32, false},
	{K_TITLE_ZH, F_LINE, 100, false},
	{K_TITLE_EN, F_LINE, 200, false},
	{K_PLACE_ZH, F_LINE, 100, false},
	{K_PLACE_EN, F_LINE, 200, false},
	{K_BODY_ZH, F_TEXT, 4000, false},
	{K_BODY_EN, F_TEXT, 8000, false},
	{K_STARTS_AT, F_LINE, 16, false},
	{K_ENDS_AT, F_LINE, 16, false},
	{K_SIGNUP_FROM, F_LINE, 16, false},
	{K_SIGNUP_UNTIL, F_LINE, 16, false},
	{K_CAPACITY, F_INT, 100000, false},
	{K_MAX_PARTY, F_INT, 20, false},
	{K_WAITLIST, F_BOOL, 1, false},
	{K_ASK_PHONE, F_BOOL, 1, false},
	{K_QUESTION_ZH, F_LINE, 200, false},
	{K_QUESTION_EN, F_LINE, 300, false},
	{0},
};

static const struct field attendance_fields[] = {
	{K_PRESENT, F_MULTI, 12, false}, /* [] : one name for many checkboxes */
	{0},
};

static const struct field booking_fields[] = {
	{K_SLOT, F_SLUG, 40, false},
	{K_NAME, F_LINE, 50, false},
	{K_PHONE, F_LINE, 30, false},
	{K_EMAIL, F_LINE, 100, false},
	{K_SUBJECT, F_LINE, 100, false},
	{K_ONCE, F_SLUG, 32, false},
	{0},
};

static const struct field desk_day_fields[] = {
	{K_DAY, F_DATE, 10, false},
	{0},
};

/* The desk's forms: the handler checks who may (the desk's unit) before it reads them. */
static const struct field slot_block_fields[] = {
	{K_SLOT, F_SLUG, 40, false},
	{K_REASON, F_LINE, 100, false},
	{0},
};

static const struct field slot_rule_fields[] = {
	{K_KIND, F_SLUG, 16, false},
	{K_WEEKDAY, F_INT, 6, false},
	{K_START, F_LINE, 5, false},
	{K_END, F_LINE, 5, false},
	{K_LENGTH, F_INT, 480, false},
	{K_FROM, F_DATE, 10, false},
	{K_UNTIL, F_DATE, 10, false},
	{0},
};

/* questionnaires.c keeps the same names in survey_fields[] */
static const struct field survey_fields[] = {
	{K_UNIT, F_SLUG, 32, false},
	{K_TITLE_ZH, F_LINE, 100, false},
	{K_TITLE_EN, F_LINE, 200, false},
	{K_EVENT_ID, F_INT, 999999999, false},
	{K_SERVICE, F_SLUG, 64, false},
	{K_QUESTIONS, F_TEXT, 20000, false},
	{0},
};

/* a1..a30: each question's answer, one value per choice ticked */
static const struct field survey_answer_fields[] = {
	{K_QANSWER, F_INDEXED, 1000, false},
	{K_CODE, F_LINE, 20, false},
	{K_ONCE, F_SLUG, 32, false},
	{0},
};

#define RUNS (R(OFFICER) | R(HEAD) | R(ADMIN)) /* publish events and questionnaires; the handler decides per unit */

/* ---- the office's own settings and content (issue #11) ---- */

static const struct field admin_done_fields[] = {
	{K_DONE, F_SLUG, 16, false},
	{0},
};

/* The settings form: one field per key of domain/settings.c (settings_admin.c reads them by key). */
static const struct field settings_fields[] = {
	{K_OFFICE_NAME_ZH, F_LINE, 200, false}, {K_OFFICE_NAME_EN, F_LINE, 200, false},
	{K_SITE_NAME_ZH, F_LINE, 200, false},   {K_SITE_NAME_EN, F_LINE, 200, false},
	{K_ADDRESS_ZH, F_LINE, 200, false},     {K_ADDRESS_EN, F_LINE, 200, false},
	{K_PHONE, F_LINE, 200, false},          {K_HOURS_ZH, F_LINE, 200, false},
	{K_HOURS_EN, F_LINE, 200, false},       {K_EMAIL, F_LINE, 200, false},
	{K_LOGO, F_LINE, 200, false},           {K_PUBLIC_URL, F_LINE, 200, false},
	{K_SMTP_URL, F_LINE, 200, false},       {K_SMTP_FROM, F_LINE, 200, false},
	{K_SMTP_USER, F_LINE, 200, false},      {K_SMTP_PASSWORD, F_LINE, 200, false},
	{K_SMTP_PASSWORD_CLEAR, F_BOOL, 1, false},
	{K_SMS_URL, F_LINE, 200, false},        {K_SMS_KEY, F_LINE, 200, false},
	{K_SMS_KEY_CLEAR, F_BOOL, 1, false},    {K_SIGNUP_RETENTION_DAYS, F_LINE, 200, false},
	{K_STATUS_LOOKUP_LIMITS, F_LINE, 200, false},
	{K_FORM, F_SLUG, 16, false}, /* "settings": the whole form was posted */
	{K_ONCE, F_SLUG, 32, false},
	{0},
};

static const struct field mail_test_fields[] = {
	{K_TO, F_LINE, 100, false},
	{K_ONCE, F_SLUG, 32, false},
	{0},
};

/* units (office_admin.c keeps the same names in unit_fields[]) */
static const struct field unit_fields[] = {
	{K_CODE, F_LINE, 32, false},
	{K_NAME_ZH, F_LINE, 50, false},
	{K_NAME_EN, F_LINE, 100, false},
	{K_PHONE, F_LINE, 40, false},
	{K_EMAIL, F_LINE, 100, false},
	{K_LOCATION_ZH, F_LINE, 100, false},
	{K_LOCATION_EN, F_LINE, 200, false},
	{K_DUTIES_ZH, F_TEXT, 2000, false},
	{K_DUTIES_EN, F_TEXT, 4000, false},
	{K_ONCE, F_SLUG, 32, false},
	{0},
};

static const struct field category_fields[] = {
	{K_CODE, F_LINE, 32, false},
	{K_NAME_ZH, F_LINE, 50, false},
	{K_NAME_EN, F_LINE, 100, false},
	{K_DEFAULT_UNIT, F_LINE, 32, false},
	{K_ONCE, F_SLUG, 32, false},
	{0},
};

/* accounts (accounts.c keeps the same names in acct_fields[]) */
static const struct field account_fields[] = {
	{K_USERNAME, F_LINE, 64, false},
	{K_DISPLAY_NAME, F_LINE, 50, false},
	{K_ROLE, F_LINE, 16, false},
	{K_UNIT, F_LINE, 32, false},
	{K_EMAIL, F_LINE, 100, false},
	{K_VILLAGES, F_MULTI, 32, false},
	{K_PASSWORD, F_LINE, 200, false},
	{K_ONCE, F_SLUG, 32, false},
	{0},
};

static const struct field once_fields[] = {
	{K_ONCE, F_SLUG, 32, false},
	{0},
};

static const struct field village_add_fields[] = {
	{K_CODE, F_LINE, 32, false},
	{K_NAME_ZH, F_LINE, 50, false},
	{K_NAME_EN, F_LINE, 100, false},
	{K_ONCE, F_SLUG, 32, false},
	{0},
};

/* villages.c keeps the same names in edit_fields[] and post_fields[] */
static const struct field village_edit_fields[] = {
	{K_CHIEF_NAME, F_LINE, 50, false},
	{K_CHIEF_PHONE, F_LINE, 40, false},
	{K_OFFICER_NAME, F_LINE, 50, false},
	{K_OFFICER_PHONE, F_LINE, 40, false},
	{K_OFFICE_ZH, F_LINE, 200, false},
	{K_OFFICE_EN, F_LINE, 300, false},
	{K_HOURS_ZH, F_LINE, 200, false},
	{K_HOURS_EN, F_LINE, 300, false},
	{K_ONCE, F_SLUG, 32, false},
	{0},
};

static const struct field village_post_fields[] = {
	{K_TITLE_ZH, F_LINE, 100, false},
	{K_BODY_ZH, F_TEXT, 4000, false},
	{K_TITLE_EN, F_LINE, 200, false},
	{K_BODY_EN, F_TEXT, 8000, false},
	{K_EVENT_ON, F_DATE, 10, false},
	{K_ONCE, F_SLUG, 32, false},
	{0},
};

#define VILLAGE_EDITORS (R(ADMIN) | R(VILLAGE)) /* village officers: their own villages (access.c) */
#define ADMIN_FORM (R_SOFT | R_NOSTORE)         /* admin forms show their own field errors */

#define PET_DESK (R(OFFICER) | R(HEAD) | R(ADMIN)) /* may route, assign, close; the handler decides per petition */

const struct route routes[] = {
	/* public pages (cached: same for every visitor) */
	{M_GET, "/", h_home, NULL, 0, R_CACHE},
	{M_GET, "/services", h_services, NULL, 0, R_CACHE},
	{M_GET, "/services/*", h_service, NULL, 0, R_CACHE},
	{M_GET, "/processing-times", h_processing_times, NULL, 0, R_CACHE},
	{M_GET, "/units", h_units, NULL, 0, R_CACHE},
	{M_GET, "/villages", h_villages, NULL, 0, R_CACHE},
	{M_GET, "/villages/*", h_village, NULL, 0, R_CACHE},
	{M_GET, "/faq", h_faq_list, faq_fields, 0, R_CACHE},
	{M_GET, "/faq/*", h_faq_item, NULL, 0, R_CACHE},
	{M_GET, "/news", h_news_list, NULL, 0, R_CACHE},
	{M_GET, "/news/*", h_news_item, NULL, 0, R_CACHE},
	{M_GET, "/forms", h_forms_index, NULL, 0, R_CACHE},
	{M_GET, "/forms/*", h_form_download, NULL, 0, 0},
	{M_GET, "/about/*", h_about, NULL, 0, R_CACHE | R_NODB},
	{M_GET, "/healthz", h_healthz, NULL, 0, R_NODB},
	{M_GET, "/metrics", h_metrics, NULL, 0, R_NODB},

	/* citizen lookup: a query, not a change, so no CSRF token; throttled instead */
	{M_GET, "/status", h_status_form, status_fields, 0, R_SOFT | R_NOSTORE | R_NODB},
	{M_POST, "/status", h_status_lookup, status_fields, 0, R_SOFT | R_NOSTORE | R_NOCSRF},

	/* staff */
	{M_GET, "/staff/login", h_login_form, login_form_fields, 0, R_NOSTORE | R_NODB},
	{M_POST, "/staff/login", h_login, login_fields, 0, R_SOFT | R_NOSTORE},
	{M_POST, "/staff/logout", h_logout, NULL, ANY_STAFF, R_NODB},
	{M_GET, "/staff/password", h_password_form, password_form_fields, ANY_STAFF, R_NODB},
	{M_POST, "/staff/password", h_password_change, password_fields, ANY_STAFF, R_SOFT},
	{M_GET, "/staff", h_staff_home, NULL, ANY_STAFF, 0},
	{M_GET, "/staff/cases/new", h_case_new_form, NULL, DESK, 0},
	{M_POST, "/staff/cases/new", h_case_create, case_fields, DESK, R_SOFT},
	{M_GET, "/staff/cases/receipt", h_case_receipt, NULL, DESK, 0},
	{M_GET, "/staff/find", h_case_find, find_fields, ALL_STAFF, 0},
	{M_GET, "/staff/queue", h_queue, NULL, DESK, 0},
	{M_GET, "/staff/queue/mine", h_queue_mine, NULL, DESK, 0},
	{M_GET, "/staff/queue/today", h_queue_today, NULL, DESK, 0},
	{M_GET, "/staff/cases/*", h_case_view, NULL, ALL_STAFF, 0},
	{M_POST, "/staff/cases/*/reveal", h_case_reveal, NULL, DESK, 0},
	{M_POST, "/staff/cases/*/move", h_case_move, move_fields, DESK, R_SOFT},
	{M_GET, "/staff/cases/*/notice", h_notice_form, NULL, DESK, 0},
	{M_POST, "/staff/cases/*/notice", h_notice_create, notice_fields, DESK, R_SOFT},
	{M_GET, "/staff/cases/*/notice/*", h_notice_print, NULL, DESK, 0},
	{M_POST, "/staff/cases/*/corrected", h_case_corrected, NULL, DESK, 0},
	{M_POST, "/staff/cases/*/assign", h_case_assign, case_assign_fields, DESK, 0},
	{M_POST, "/staff/cases/*/extension", h_case_ext_ask, case_ext_fields, DESK, R_SOFT},
	{M_POST, "/staff/cases/*/extension/decide", h_case_ext_decide, petition_decide_fields, DESK, 0},
	{M_GET, "/staff/admin/calendar", h_calendar_admin, cal_fields, R(ADMIN), 0},
	{M_POST, "/staff/admin/calendar", h_closure_add, closure_fields, R(ADMIN), 0},

	/* search (issue #5): a query, not a change, so POST (long queries) needs no CSRF token */
	{M_GET, "/search", h_search, search_fields, 0, R_SOFT | R_CACHE | R_CACHE_QUERY},
	{M_POST, "/search", h_search, search_fields, 0, R_SOFT | R_NOCSRF},
	{M_GET, "/news.xml", h_news_feed, NULL, 0, 0},
	{M_GET, "/staff/console", h_console, search_fields, ALL_STAFF, R_SOFT | R_NOSTORE},
	{M_GET, "/staff/faq", h_faq_admin_list, faq_admin_fields, FAQ_EDITORS, 0},
	{M_GET, "/staff/faq/new", h_faq_new_form, NULL, FAQ_EDITORS, 0},
	{M_POST, "/staff/faq/new", h_faq_create, faq_edit_fields, FAQ_EDITORS, R_SOFT},
	{M_GET, "/staff/faq/*/edit", h_faq_edit_form, NULL, FAQ_EDITORS, 0},
	{M_POST, "/staff/faq/*/edit", h_faq_update, faq_edit_fields, FAQ_EDITORS, R_SOFT},
	{M_GET, "/staff/faq/*/delete", h_faq_delete_form, NULL, FAQ_EDITORS, 0},
	{M_POST, "/staff/faq/*/delete", h_faq_delete, NULL, FAQ_EDITORS, 0},
	{M_GET, "/staff/services", h_services_admin, done_fields, EDITORS, 0},
	{M_GET, "/staff/services/new", h_service_new_form, NULL, EDITORS, 0},
	{M_POST, "/staff/services/new", h_service_create, service_edit_fields, EDITORS, R_SOFT},
	{M_GET, "/staff/services/*/edit", h_service_edit_form, NULL, EDITORS, 0},
	{M_POST, "/staff/services/*/edit", h_service_update, service_edit_fields, EDITORS, R_SOFT},
	{M_POST, "/staff/services/*/publish", h_service_publish, service_publish_fields, EDITORS, 0},
	{M_GET, "/staff/services/*/history", h_service_history, NULL, EDITORS, 0},
	{M_GET, "/staff/services/*/history/*", h_service_version, NULL, EDITORS, 0},
	{M_GET, "/staff/forms", h_forms_admin, done_fields, EDITORS, 0},
	{M_POST, "/staff/forms/new", h_form_create, form_edit_fields, EDITORS, R_SOFT | R_UPLOAD},
	{M_GET, "/staff/forms/*/edit", h_form_edit_form, NULL, EDITORS, 0},
	{M_POST, "/staff/forms/*/edit", h_form_update, form_edit_fields, EDITORS, R_SOFT | R_UPLOAD},
	{M_POST, "/staff/forms/*/delete", h_form_delete, NULL, EDITORS, 0},
	{M_GET, "/staff/news", h_news_admin, done_fields, EDITORS, 0},
	{M_GET, "/staff/news/new", h_news_new_form, NULL, EDITORS, 0},
	{M_POST, "/staff/news/new", h_news_create, news_edit_fields, EDITORS, R_SOFT},
	{M_GET, "/staff/news/*/edit", h_news_edit_form, NULL, EDITORS, 0},
	{M_POST, "/staff/news/*/edit", h_news_update, news_edit_fields, EDITORS, R_SOFT},
	{M_POST, "/staff/news/*/delete", h_news_delete, NULL, EDITORS, 0},
	{M_GET, "/staff/admin/synonyms", h_synonyms, synonym_list_fields, R(ADMIN), 0},
	{M_POST, "/staff/admin/synonyms", h_synonym_add, synonym_fields, R(ADMIN), R_SOFT},
	{M_POST, "/staff/admin/synonyms/*/delete", h_synonym_delete, NULL, R(ADMIN), 0},
	{M_GET, "/staff/admin/api-keys", h_apikeys, apikey_list_fields, R(ADMIN), R_NOSTORE},
	{M_POST, "/staff/admin/api-keys", h_apikey_add, apikey_fields, R(ADMIN), R_SOFT | R_NOSTORE},
	{M_POST, "/staff/admin/api-keys/revoke", h_apikey_revoke, apikey_revoke_fields, R(ADMIN), R_NOSTORE},
	/* petitions (issue #4): the citizen's form carries the visitor's CSRF token */
	{M_GET, "/petitions/new", h_petition_form, petition_box_fields, 0, R_SOFT | R_NOSTORE},
	{M_POST, "/petitions/new", h_petition_create, petition_fields, 0, R_SOFT | R_NOSTORE | R_UPLOAD | R_PHOTOS},
	{M_GET, "/petitions/receipt", h_petition_receipt, NULL, 0, R_NOSTORE},
	/* photos the petitioner agreed to publish (issue #13); 404 otherwise */
	{M_GET, "/petitions/*/photos/*", h_public_photo, NULL, 0, 0},
	{M_GET, "/petitions/*/thumbs/*", h_public_thumb, NULL, 0, 0},
	{M_POST, "/status/rate", h_status_rate, rate_fields, 0, R_SOFT | R_NOSTORE},
	{M_GET, "/status/lost", h_code_lost_form, code_lost_fields, 0, R_SOFT | R_NOSTORE},
	{M_POST, "/status/lost", h_code_lost, code_lost_fields, 0, R_SOFT | R_NOSTORE},
	{M_GET, "/status/code", h_code_link_form, code_link_fields, 0, R_SOFT | R_NOSTORE},
	{M_POST, "/status/code", h_code_link_use, code_link_fields, 0, R_SOFT | R_NOSTORE},
	{M_GET, "/status/code/new", h_code_link_sheet, NULL, 0, R_NOSTORE},
	{M_GET, "/staff/cases/*/code", h_code_staff_form, NULL, DESK, 0},
	{M_POST, "/staff/cases/*/code", h_code_staff_replace, code_staff_fields, DESK, R_SOFT},
	{M_GET, "/staff/cases/*/code/new", h_code_staff_sheet, NULL, DESK, 0},
	{M_GET, "/staff/petitions/*/code", h_code_staff_form, NULL, DESK, 0},
	{M_POST, "/staff/petitions/*/code", h_code_staff_replace, code_staff_fields, DESK, R_SOFT},
	{M_GET, "/staff/petitions/*/code/new", h_code_staff_sheet, NULL, DESK, 0},
	{M_GET, "/staff/petitions", h_petition_list, petition_list_fields, ALL_STAFF, 0},
	{M_GET, "/staff/petitions/new", h_petition_staff_form, petition_intake_fields, ALL_STAFF, 0},
	{M_POST, "/staff/petitions/new", h_petition_staff_create, petition_staff_fields, ALL_STAFF,
	 R_SOFT | R_UPLOAD | R_PHOTOS},
	{M_GET, "/staff/petitions/receipt", h_petition_staff_receipt, NULL, ALL_STAFF, 0},
	{M_GET, "/staff/petitions/1999", h_petition_hotline_form, petition_intake_fields, ALL_STAFF, 0},
	{M_GET, "/staff/petitions/*", h_petition_view, NULL, ALL_STAFF, 0},
	{M_POST, "/staff/petitions/*/reveal", h_petition_reveal, NULL, DESK, 0},
	{M_GET, "/staff/petitions/*/photos/*", h_petition_photo, NULL, ALL_STAFF, 0},
	{M_GET, "/staff/petitions/*/thumbs/*", h_petition_thumb, NULL, ALL_STAFF, 0},
	/* field reports (issue #13): village officers from their villages (access.c), administrators */
	{M_GET, "/staff/field", h_field_form, NULL, VILLAGE_EDITORS, R_NOSTORE},
	{M_POST, "/staff/field", h_field_create, field_report_fields, VILLAGE_EDITORS, R_SOFT | R_UPLOAD | R_PHOTOS},
	{M_GET, "/staff/field/receipt", h_petition_staff_receipt, NULL, VILLAGE_EDITORS, R_NOSTORE},
	{M_GET, "/staff/petitions/*/letter", h_petition_letter, NULL, DESK, 0},
	{M_POST, "/staff/petitions/*/route", h_petition_route, petition_route_fields, PET_DESK, 0},
	{M_POST, "/staff/petitions/*/assign", h_petition_assign, petition_assign_fields, PET_DESK, 0},
	{M_POST, "/staff/petitions/*/close", h_petition_close, petition_close_fields, PET_DESK, R_SOFT},
	{M_POST, "/staff/petitions/*/extension", h_petition_ext_ask, petition_ext_fields, PET_DESK, R_SOFT},
	{M_POST, "/staff/petitions/*/extension/decide", h_petition_ext_decide, petition_decide_fields, PET_DESK, 0},
	{M_POST, "/staff/petitions/*/extension/allow", h_petition_ext_allow, NULL, R(ADMIN), 0},
	{M_POST, "/staff/petitions/*/co-units", h_petition_co_ask, petition_co_ask_fields, PET_DESK, R_SOFT},
	{M_POST, "/staff/petitions/*/co-part", h_petition_co_answer, petition_co_part_fields, PET_DESK, R_SOFT},
	{M_POST, "/staff/notifications/read", h_notifications_read_all, NULL, ANY_STAFF, 0},
	{M_POST, "/staff/notifications/*/read", h_notification_read, NULL, ANY_STAFF, 0},
	{M_GET, "/staff/admin/deadlines", h_rules_admin, rules_fields, R(ADMIN), 0},
	{M_POST, "/staff/admin/deadlines", h_rule_set, rule_set_fields, R(ADMIN), R_SOFT},
	{M_POST, "/staff/admin/deadlines/remove", h_rule_remove, rule_remove_fields, R(ADMIN), 0},
	{M_POST, "/staff/admin/deadlines/near", h_rule_near, rule_near_fields, R(ADMIN), R_SOFT},
	{M_GET, "/staff/reports/petitions", h_petition_report, report_fields, R(HEAD) | R(ADMIN), 0},
	{M_GET, "/staff/reports/petitions.csv", h_petition_report_csv, report_fields, R(HEAD) | R(ADMIN), 0},
	{M_GET, "/staff/reports/cases", h_case_report, report_fields, R(HEAD) | R(ADMIN), 0},
	{M_GET, "/staff/reports/cases.csv", h_case_report_csv, report_fields, R(HEAD) | R(ADMIN), 0},

	/* the Open311 GeoReport v2 API (issue #13): the last segment ends in .json or .xml */
	{M_GET, "/open311/v2/discovery.*", h_o311_discovery, o311_fields, 0, O311},
	{M_GET, "/open311/v2/services.*", h_o311_services, o311_fields, 0, O311},
	{M_GET, "/open311/v2/services/*", h_o311_service, o311_fields, 0, O311},
	{M_POST, "/open311/v2/requests.*", h_o311_create, o311_create_fields, 0, O311 | R_NOSTORE | R_UPLOAD | R_PHOTOS},
	{M_GET, "/open311/v2/requests.*", h_o311_requests, o311_list_fields, 0, O311},
	{M_GET, "/open311/v2/requests/*", h_o311_request, o311_fields, 0, O311},
	{M_GET, "/open311/v2/tokens/*", h_o311_token, o311_fields, 0, O311},
	/* taking part (issue #18): citizens' forms carry the visitor's CSRF token */
	{M_GET, "/events", h_events, NULL, 0, 0},
	{M_GET, "/events.ics", h_events_ics, NULL, 0, 0},
	{M_GET, "/events/receipt", h_event_receipt, NULL, 0, R_NOSTORE},
	{M_GET, "/events/cancel", h_event_cancel_form, signup_cancel_fields, 0, R_NOSTORE},
	{M_POST, "/events/cancel", h_event_cancel, signup_cancel_fields, 0, R_SOFT | R_NOSTORE},
	{M_GET, "/events/*", h_event, NULL, 0, R_NOSTORE},
	{M_POST, "/events/*/signup", h_event_signup, signup_fields, 0, R_SOFT | R_NOSTORE},
	{M_GET, "/staff/events", h_staff_events, NULL, ALL_STAFF, 0},
	{M_GET, "/staff/events/new", h_event_new_form, NULL, RUNS, 0},
	{M_POST, "/staff/events/new", h_event_create, event_fields, RUNS, R_SOFT},
	{M_GET, "/staff/events/*", h_staff_event, NULL, ALL_STAFF, 0},
	{M_POST, "/staff/events/*/attendance", h_event_attendance, attendance_fields, RUNS, 0},
	{M_POST, "/staff/events/*/close", h_event_close, NULL, RUNS, 0},
	{M_GET, "/staff/events/*/signups.csv", h_event_csv, NULL, RUNS, 0},
	{M_GET, "/surveys/*", h_survey, NULL, 0, R_NOSTORE},
	{M_POST, "/surveys/*/answer", h_survey_answer, survey_answer_fields, 0, R_SOFT | R_NOSTORE},
	{M_GET, "/surveys/*/thanks", h_survey_thanks, NULL, 0, 0},
	{M_GET, "/staff/surveys", h_staff_surveys, NULL, RUNS, 0},
	{M_GET, "/staff/surveys/new", h_survey_new_form, NULL, RUNS, 0},
	{M_POST, "/staff/surveys/new", h_survey_create, survey_fields, RUNS, R_SOFT},
	{M_GET, "/staff/surveys/*", h_staff_survey, NULL, RUNS, 0},
	{M_GET, "/staff/surveys/*/edit", h_survey_edit_form, NULL, RUNS, 0},
	{M_POST, "/staff/surveys/*/edit", h_survey_update, survey_fields, RUNS, R_SOFT},
	{M_POST, "/staff/surveys/*/open", h_survey_open, NULL, RUNS, 0},
	{M_POST, "/staff/surveys/*/close", h_survey_close, NULL, RUNS, 0},
	{M_GET, "/staff/surveys/*/results", h_survey_results, NULL, RUNS, 0},
	{M_GET, "/staff/surveys/*/results.csv", h_survey_csv, NULL, RUNS, 0},
	{M_GET, "/appointments", h_appointments, booking_fields, 0, R_NOSTORE},
	{M_POST, "/appointments", h_appointment_book, booking_fields, 0, R_SOFT | R_NOSTORE},
	{M_GET, "/appointments/receipt", h_appointment_receipt, NULL, 0, R_NOSTORE},
	{M_GET, "/appointments/cancel", h_appointment_cancel_form, signup_cancel_fields, 0, R_NOSTORE},
	{M_POST, "/appointments/cancel", h_appointment_cancel, signup_cancel_fields, 0, R_SOFT | R_NOSTORE},
	{M_GET, "/staff/appointments", h_staff_appointments, desk_day_fields, R(COUNTER) | RUNS, 0},
	{M_POST, "/staff/appointments/block", h_appointment_block, slot_block_fields, RUNS, 0},
	{M_POST, "/staff/appointments/rules", h_appointment_rule_add, slot_rule_fields, RUNS, 0},
	{M_POST, "/staff/appointments/rules/*/delete", h_appointment_rule_remove, NULL, RUNS, 0},
	{M_GET, "/display", h_display, NULL, 0, 0},
	{M_GET, "/staff/audit", h_audit, audit_fields, R(HEAD) | R(ADMIN), 0},
	{M_GET, "/staff/audit.csv", h_audit_csv, audit_fields, R(HEAD) | R(ADMIN), 0},

	/* the office's own settings and content (issue #11) */
	{M_GET, "/staff/admin/settings", h_settings_admin, admin_done_fields, R(ADMIN), 0},
	{M_POST, "/staff/admin/settings", h_settings_save, settings_fields, R(ADMIN), ADMIN_FORM},
	{M_POST, "/staff/admin/settings/mail-test", h_mail_test, mail_test_fields, R(ADMIN), ADMIN_FORM},
	{M_GET, "/staff/admin/units", h_units_admin, admin_done_fields, R(ADMIN), 0},
	{M_POST, "/staff/admin/units", h_unit_add, unit_fields, R(ADMIN), ADMIN_FORM},
	{M_GET, "/staff/admin/units/*", h_unit_edit_form, NULL, R(ADMIN), 0},
	{M_POST, "/staff/admin/units/*", h_unit_update, unit_fields, R(ADMIN), ADMIN_FORM},
	{M_GET, "/staff/admin/categories", h_categories_admin, admin_done_fields, R(ADMIN), 0},
	{M_POST, "/staff/admin/categories", h_category_add, category_fields, R(ADMIN), ADMIN_FORM},
	{M_GET, "/staff/admin/categories/*", h_category_edit_form, NULL, R(ADMIN), 0},
	{M_POST, "/staff/admin/categories/*", h_category_update, category_fields, R(ADMIN), ADMIN_FORM},
	{M_GET, "/staff/admin/users", h_users_admin, admin_done_fields, R(ADMIN), 0},
	{M_POST, "/staff/admin/users", h_user_add, account_fields, R(ADMIN), ADMIN_FORM},
	{M_GET, "/staff/admin/users/*", h_user_edit_form, NULL, R(ADMIN), 0},
	{M_POST, "/staff/admin/users/*", h_user_update, account_fields, R(ADMIN), ADMIN_FORM},
	{M_POST, "/staff/admin/users/*/active", h_user_active, once_fields, R(ADMIN), 0},
	{M_POST, "/staff/admin/users/*/password", h_user_reset_password, account_fields, R(ADMIN), ADMIN_FORM},
	{M_GET, "/staff/villages", h_villages_staff, admin_done_fields, VILLAGE_EDITORS, 0},
	{M_POST, "/staff/villages", h_village_add, village_add_fields, R(ADMIN), ADMIN_FORM},
	{M_GET, "/staff/villages/*", h_village_edit_form, admin_done_fields, VILLAGE_EDITORS, 0},
	{M_POST, "/staff/villages/*", h_village_update, village_edit_fields, VILLAGE_EDITORS, ADMIN_FORM},
	{M_POST, "/staff/villages/*/posts", h_village_post_add, village_post_fields, VILLAGE_EDITORS, ADMIN_FORM},
	{M_POST, "/staff/villages/*/posts/*/delete", h_village_post_delete, once_fields, VILLAGE_EDITORS, 0},
};
/* clang-format on */

const struct error_format route_error_formats[] = {
    {"/open311/", open311_error},
    {0},
};

const size_t nroutes = sizeof routes / sizeof routes[0];

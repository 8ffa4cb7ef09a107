/*
 * routes.c -- the route table: every page, its method, its fields and who
 * may call it.  Add a page here and its handler under src/handlers/.
 * The permission matrix test (tests/data/permissions.tsv) walks this table.
 */
#include "app/auth.h"
#include "app/metrics.h"
#include "app/router.h"
#include "domain/apikey.h"
#include "handlers/handlers.h"

#define R(x) ROLE_BIT(ROLE_##x)
#define DESK (R(COUNTER) | R(OFFICER) | R(HEAD) | R(ADMIN)) /* may change cases */
#define ANY_STAFF ROLES_STAFF                               /* every account, village officers too */
#define ALL_STAFF (ROLES_STAFF & ~R(VILLAGE)) /* the office's desks: a village officer keeps only village pages */

/* Tables, one field or route per row: kept as written. */
/* clang-format off */
static const struct field faq_fields[] = {
	{"unit", F_SLUG, 32, false},
	{"category", F_SLUG, 32, false},
	{0},
};

static const struct field login_fields[] = {
	{"username", F_LINE, 64, true},
	{"password", F_LINE, 200, true},
	{"next", F_LINE, 200, false},
	{0},
};

static const struct field login_form_fields[] = {
	{"next", F_LINE, 200, false},
	{0},
};

static const struct field password_form_fields[] = {
	{"done", F_INT, 1, false},
	{0},
};

static const struct field password_fields[] = {
	{"current", F_LINE, 200, true},
	{"new", F_LINE, 200, true},
	{"again", F_LINE, 200, true},
	{0},
};

static const struct field closure_fields[] = {
	{"day", F_DATE, 10, true},
	{"reason", F_LINE, 100, true},
	{0},
};

static const struct field cal_fields[] = {
	{"added", F_BOOL, 1, false},
	{0},
};

static const struct field case_fields[] = {
	{"service", F_SLUG, 64, true},
	{"name", F_LINE, 50, true},
	{"phone", F_LINE, 30, true},
	{"email", F_LINE, 100, false},
	{"natid", F_LINE, 10, false},
	{"channel", F_SLUG, 10, true},
	{"once", F_SLUG, 32, false},
	{0},
};

static const struct field move_fields[] = {
	{"to", F_SLUG, 16, true},
	{"note", F_TEXT, 500, false},
	{"reason", F_TEXT, 500, false},
	{"confirm", F_BOOL, 1, false},
	{0},
};

static const struct field notice_fields[] = {
	{"item", F_MULTI, 4, false},
	{"extra", F_TEXT, 2000, false},
	{"deadline", F_DATE, 10, false},
	{"reason", F_TEXT, 500, false},
	{0},
};

static const struct field find_fields[] = {
	{"q", F_LINE, 40, false},
	{0},
};

static const struct field status_fields[] = {
	{"no", F_LINE, 20, false},
	{"code", F_LINE, 20, false},
	{0},
};

/* ---- search, the hotline console, FAQ editing, synonyms, the news feed (issue #5) ---- */

/*
 * The search box.  A query over 200 characters, a control character or a
 * repeated q is not refused: the search handlers (R_SOFT) cut the text to
 * SEARCH_MAX_CHARS and say so, so any query gives a results page.
 */
static const struct field search_fields[] = {
	{"q", F_LINE, 200, false},
	{0},
};

static const struct field faq_admin_fields[] = {
	{"done", F_SLUG, 16, false},
	{0},
};

/* The FAQ editor (faq_admin.c keeps the same names in edit_fields[]).  A body is at most 64 KB encoded. */
static const struct field faq_edit_fields[] = {
	{"slug", F_SLUG, 64, false},
	{"unit", F_SLUG, 32, false},
	{"category", F_SLUG, 32, true},
	{"question_zh", F_LINE, 200, true},
	{"answer_zh", F_TEXT, 4000, true},
	{"question_en", F_LINE, 300, false},
	{"answer_en", F_TEXT, 8000, false},
	{"keywords_zh", F_LINE, 200, false},
	{"version", F_LINE, 40, false},
	{0},
};

static const struct field synonym_fields[] = {
	{"variants", F_LINE, 200, true},
	{0},
};

static const struct field synonym_list_fields[] = {
	{"done", F_SLUG, 16, false},
	{0},
};

/* the Open311 partners' keys (issue #13): the name as `admin api-key --name` takes it */
static const struct field apikey_fields[] = {
	{"name", F_LINE, APIKEY_NAME_MAX, true},
	{"rate", F_INT, APIKEY_RATE_MAX, false},
	{0},
};

static const struct field apikey_revoke_fields[] = {
	{"name", F_LINE, APIKEY_NAME_MAX, true},
	{0},
};

static const struct field apikey_list_fields[] = {
	{"done", F_INT, 1, false},
	{0},
};

#define FAQ_EDITORS (R(OFFICER) | R(HEAD) | R(ADMIN)) /* officers and heads: their own unit's entries */

/* ---- petitions, deadlines, reports, notifications (issue #4) ---- */

/* What a petitioner tells us, on the web form and at every staff intake
 * (petitions.c keeps the names in form_fields[]). */
#define PETITIONER_FIELDS \
	{"name", F_LINE, 50, false}, {"phone", F_LINE, 30, false}, {"email", F_LINE, 100, false}, \
	    {"address", F_LINE, 200, false}, {"village", F_SLUG, 32, false}, {"category", F_SLUG, 32, false}, \
	    {"subject", F_LINE, 100, false}, {"body", F_TEXT, 4000, false}, {"anonymous", F_BOOL, 1, false}, \
	    {"confidential", F_BOOL, 1, false}

/* The citizen's petition form; "once" is every intake form's one-time token (auth_form_once). */
static const struct field petition_fields[] = {
	PETITIONER_FIELDS,
	{"once", F_SLUG, 32, false},
	{0},
};

/* Staff intake: the same plus the channel, its own reference and the read-back (§169). */
static const struct field petition_staff_fields[] = {
	PETITIONER_FIELDS,
	{"channel", F_SLUG, 16, false},
	{"ext_ref", F_LINE, 40, false},
	{"read_back", F_BOOL, 1, false},
	{"form", F_SLUG, 16, false},
	{"once", F_SLUG, 32, false},
	{0},
};

static const struct field petition_intake_fields[] = {
	{"channel", F_SLUG, 16, false},
	{"phone", F_LINE, 30, false},
	{0},
};

static const struct field petition_list_fields[] = {
	{"view", F_SLUG, 16, false},
	{0},
};

static const struct field petition_route_fields[] = {
	{"unit", F_SLUG, 32, true},
	{"category", F_SLUG, 32, false},
	{0},
};

static const struct field petition_assign_fields[] = {
	{"officer", F_INT, 999999999, true},
	{0},
};

static const struct field petition_close_fields[] = {
	{"outcome", F_SLUG, 16, true},
	{"reply", F_TEXT, 4000, false},
	{"agency", F_LINE, 100, false},
	{"transfer_on", F_DATE, 10, false},
	{"ground", F_SLUG, 16, false},
	{"note", F_TEXT, 1000, false},
	{"dup_of", F_LINE, 20, false},
	{"reason", F_TEXT, 500, false},
	{"confirm", F_BOOL, 1, false},
	{0},
};

static const struct field petition_ext_fields[] = {
	{"until", F_DATE, 10, false},
	{"reason", F_TEXT, 500, false},
	{0},
};

static const struct field petition_decide_fields[] = {
	{"decision", F_SLUG, 16, true},
	{"note", F_TEXT, 500, false},
	{0},
};

static const struct field rate_fields[] = {
	{"no", F_LINE, 20, false},
	{"code", F_LINE, 20, false},
	{"rating", F_INT, 5, false},
	{"comment", F_TEXT, 1000, false},
	{0},
};

static const struct field rules_fields[] = {
	{"saved", F_BOOL, 1, false},
	{0},
};

static const struct field rule_set_fields[] = {
	{"channel", F_SLUG, 16, true},
	{"category", F_SLUG, 32, true},
	{"days", F_INT, 999, true},
	{0},
};

static const struct field rule_remove_fields[] = {
	{"id", F_INT, 999999999, true},
	{0},
};

static const struct field rule_near_fields[] = {
	{"near_days", F_INT, 30, true},
	{0},
};

static const struct field report_fields[] = {
	{"month", F_LINE, 7, false},
	{0},
};

/* ---- the Open311 GeoReport v2 API (issue #13, docs/open311.md) ---- */

/* Every call may carry jurisdiction_id (one jurisdiction: accepted, not checked) and api_key. */
#define O311_COMMON_FIELDS {"jurisdiction_id", F_LINE, 100, false}, {"api_key", F_LINE, 128, false}

static const struct field o311_fields[] = {
	O311_COMMON_FIELDS,
	{0},
};

static const struct field o311_create_fields[] = {
	O311_COMMON_FIELDS,
	{"service_code", F_SLUG, 32, true},
	{"lat", F_LINE, 32, false},
	{"long", F_LINE, 32, false},
	{"address_string", F_LINE, 250, false},
	{"address_id", F_LINE, 100, false},
	{"email", F_LINE, 100, false},
	{"device_id", F_LINE, 100, false},
	{"account_id", F_LINE, 100, false},
	{"first_name", F_LINE, 50, false},
	{"last_name", F_LINE, 50, false},
	{"phone", F_LINE, 30, false},
	{"description", F_TEXT, 4000, false},
	{"media_url", F_LINE, 2000, false},
	{0},
};

static const struct field o311_list_fields[] = {
	O311_COMMON_FIELDS,
	{"service_request_id", F_LINE, 4000, false},
	{"service_code", F_LINE, 1000, false},
	{"start_date", F_LINE, 40, false},
	{"end_date", F_LINE, 40, false},
	{"status", F_LINE, 20, false},
	{0},
};

/* No session and no CSRF token (partners call with api_key); the handler answers field errors itself. */
#define O311 (R_NOCSRF | R_SOFT)

/* the audit log (issue #8): who did it, which record, office days from-to, the page */
static const struct field audit_fields[] = {
	{"who", F_LINE, 64, false},
	{"record", F_LINE, 80, false},
	{"from", F_DATE, 10, false},
	{"to", F_DATE, 10, false},
	{"page", F_INT, 10000, false},
	{0},
};

/* ---- services, forms and news kept by their units (issue #11) ---- */

#define EDITORS FAQ_EDITORS /* officers and heads: their own unit's content */

static const struct field done_fields[] = {
	{"done", F_SLUG, 16, false},
	{0},
};

/* The sheet editor (catalog_admin.c keeps the text names in text_fields[]); 31 of MAX_FIELDS. */
static const struct field service_edit_fields[] = {
	{"code", F_SLUG, 64, false},
	{"unit", F_SLUG, 32, false},
	{"category", F_SLUG, 32, true},
	{"name_zh", F_LINE, 200, true},
	{"name_en", F_LINE, 300, false},
	{"summary_zh", F_TEXT, 2000, false},
	{"summary_en", F_TEXT, 4000, false},
	{"elig_zh", F_TEXT, 2000, false},
	{"elig_en", F_TEXT, 4000, false},
	{"fee_zh", F_LINE, 200, true},
	{"fee_en", F_LINE, 300, false},
	{"legal_zh", F_TEXT, 2000, false},
	{"legal_en", F_TEXT, 4000, false},
	{"notes_zh", F_TEXT, 4000, false},
	{"notes_en", F_TEXT, 8000, false},
	{"contact_ext", F_LINE, 20, false},
	{"conds_zh", F_TEXT, 4000, false},
	{"conds_en", F_TEXT, 8000, false},
	{"docs_zh", F_TEXT, 4000, false},
	{"docs_en", F_TEXT, 8000, false},
	{"steps_zh", F_TEXT, 4000, false},
	{"steps_en", F_TEXT, 8000, false},
	{"processing_days", F_INT, 3650, true},
	{"correction_days", F_INT, 365, false},
	{"immediate", F_BOOL, 1, false},
	{"forms", F_MULTI, 64, false},
	{"note", F_LINE, 200, false},
	{"version", F_LINE, 40, false},
	{"preview", F_BOOL, 1, false},
	{0},
};

static const struct field service_publish_fields[] = {
	{"published", F_BOOL, 1, false},
	{0},
};

/* A form's upload (multipart/form-data; the file itself is req_upload "file"). */
static const struct field form_edit_fields[] = {
	{"code", F_SLUG, 64, false},
	{"unit", F_SLUG, 32, false},
	{"title_zh", F_LINE, 200, true},
	{"title_en", F_LINE, 300, false},
	{0},
};

static const struct field news_edit_fields[] = {
	{"unit", F_SLUG, 32, false},
	{"title_zh", F_LINE, 200, true},
	{"title_en", F_LINE, 300, false},
	{"body_zh", F_TEXT, 8000, true},
	{"body_en", F_TEXT, 16000, false},
	{"status", F_SLUG, 16, true},
	{"publish_on", F_DATE, 10, false},
	{"expires_on", F_DATE, 10, false},
	{"pinned", F_BOOL, 1, false},
	{0},
};

/* ---- taking part: events, questionnaires, appointments, the lobby display (issue #18) ---- */

static const struct field signup_fields[] = {
	{"name", F_LINE, 50, false},
	{"phone", F_LINE, 30, false},
	{"email", F_LINE, 100, false},
	{"people", F_INT, 20, false},
	{"answer", F_TEXT, 500, false},
	{"once", F_SLUG, 32, false},
	{0},
};

static const struct field signup_cancel_fields[] = {
	{"code", F_LINE, 20, false},
	{"done", F_BOOL, 1, false},
	{0},
};

/* events.c keeps the same names in event_fields[] */
static const struct field event_fields[] = {
	{"unit", F_SLUG, 32, false},
	{"title_zh", F_LINE, 100, false},
	{"title_en", F_LINE, 200, false},
	{"place_zh", F_LINE, 100, false},
	{"place_en", F_LINE, 200, false},
	{"body_zh", F_TEXT, 4000, false},
	{"body_en", F_TEXT, 8000, false},
	{"starts_at", F_LINE, 16, false},
	{"ends_at", F_LINE, 16, false},
	{"signup_from", F_LINE, 16, false},
	{"signup_until", F_LINE, 16, false},
	{"capacity", F_INT, 100000, false},
	{"max_party", F_INT, 20, false},
	{"waitlist", F_BOOL, 1, false},
	{"ask_phone", F_BOOL, 1, false},
	{"question_zh", F_LINE, 200, false},
	{"question_en", F_LINE, 300, false},
	{0},
};

static const struct field attendance_fields[] = {
	{"present[]", F_MULTI, 12, false}, /* [] : one name for many checkboxes */
	{0},
};

static const struct field booking_fields[] = {
	{"slot", F_SLUG, 40, false},
	{"name", F_LINE, 50, false},
	{"phone", F_LINE, 30, false},
	{"email", F_LINE, 100, false},
	{"subject", F_LINE, 100, false},
	{"once", F_SLUG, 32, false},
	{0},
};

static const struct field desk_day_fields[] = {
	{"day", F_DATE, 10, false},
	{0},
};

/* The desk's forms: the handler checks who may (the desk's unit) before it reads them. */
static const struct field slot_block_fields[] = {
	{"slot", F_SLUG, 40, false},
	{"reason", F_LINE, 100, false},
	{0},
};

static const struct field slot_rule_fields[] = {
	{"kind", F_SLUG, 16, false},
	{"weekday", F_INT, 6, false},
	{"start", F_LINE, 5, false},
	{"end", F_LINE, 5, false},
	{"length", F_INT, 480, false},
	{"from", F_DATE, 10, false},
	{"until", F_DATE, 10, false},
	{0},
};

#define RUNS (R(OFFICER) | R(HEAD) | R(ADMIN)) /* publish events and questionnaires; the handler decides per unit */

/* ---- the office's own settings and content (issue #11) ---- */

static const struct field admin_done_fields[] = {
	{"done", F_SLUG, 16, false},
	{0},
};

/* The settings form: one field per key of domain/settings.c (settings_admin.c reads them by key). */
static const struct field settings_fields[] = {
	{"office_name_zh", F_LINE, 200, false}, {"office_name_en", F_LINE, 200, false},
	{"site_name_zh", F_LINE, 200, false},   {"site_name_en", F_LINE, 200, false},
	{"address_zh", F_LINE, 200, false},     {"address_en", F_LINE, 200, false},
	{"phone", F_LINE, 200, false},          {"hours_zh", F_LINE, 200, false},
	{"hours_en", F_LINE, 200, false},       {"email", F_LINE, 200, false},
	{"logo", F_LINE, 200, false},           {"public_url", F_LINE, 200, false},
	{"smtp_url", F_LINE, 200, false},       {"smtp_from", F_LINE, 200, false},
	{"smtp_user", F_LINE, 200, false},      {"smtp_password", F_LINE, 200, false},
	{"smtp_password_clear", F_BOOL, 1, false},
	{"form", F_SLUG, 16, false}, /* "settings": the whole form was posted */
	{"once", F_SLUG, 32, false},
	{0},
};

static const struct field mail_test_fields[] = {
	{"to", F_LINE, 100, false},
	{"once", F_SLUG, 32, false},
	{0},
};

/* units (office_admin.c keeps the same names in unit_fields[]) */
static const struct field unit_fields[] = {
	{"code", F_LINE, 32, false},
	{"name_zh", F_LINE, 50, false},
	{"name_en", F_LINE, 100, false},
	{"phone", F_LINE, 40, false},
	{"email", F_LINE, 100, false},
	{"location_zh", F_LINE, 100, false},
	{"location_en", F_LINE, 200, false},
	{"duties_zh", F_TEXT, 2000, false},
	{"duties_en", F_TEXT, 4000, false},
	{"once", F_SLUG, 32, false},
	{0},
};

static const struct field category_fields[] = {
	{"code", F_LINE, 32, false},
	{"name_zh", F_LINE, 50, false},
	{"name_en", F_LINE, 100, false},
	{"default_unit", F_LINE, 32, false},
	{"once", F_SLUG, 32, false},
	{0},
};

/* accounts (accounts.c keeps the same names in acct_fields[]) */
static const struct field account_fields[] = {
	{"username", F_LINE, 64, false},
	{"display_name", F_LINE, 50, false},
	{"role", F_LINE, 16, false},
	{"unit", F_LINE, 32, false},
	{"email", F_LINE, 100, false},
	{"villages", F_MULTI, 32, false},
	{"password", F_LINE, 200, false},
	{"once", F_SLUG, 32, false},
	{0},
};

static const struct field once_fields[] = {
	{"once", F_SLUG, 32, false},
	{0},
};

static const struct field village_add_fields[] = {
	{"code", F_LINE, 32, false},
	{"name_zh", F_LINE, 50, false},
	{"name_en", F_LINE, 100, false},
	{"once", F_SLUG, 32, false},
	{0},
};

/* villages.c keeps the same names in edit_fields[] and post_fields[] */
static const struct field village_edit_fields[] = {
	{"chief_name", F_LINE, 50, false},
	{"chief_phone", F_LINE, 40, false},
	{"officer_name", F_LINE, 50, false},
	{"officer_phone", F_LINE, 40, false},
	{"office_zh", F_LINE, 200, false},
	{"office_en", F_LINE, 300, false},
	{"hours_zh", F_LINE, 200, false},
	{"hours_en", F_LINE, 300, false},
	{"once", F_SLUG, 32, false},
	{0},
};

static const struct field village_post_fields[] = {
	{"title_zh", F_LINE, 100, false},
	{"body_zh", F_TEXT, 4000, false},
	{"title_en", F_LINE, 200, false},
	{"body_en", F_TEXT, 8000, false},
	{"event_on", F_DATE, 10, false},
	{"once", F_SLUG, 32, false},
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
	{M_GET, "/about/*", h_about, NULL, 0, R_CACHE},
	{M_GET, "/healthz", h_healthz, NULL, 0, 0},
	{M_GET, "/metrics", h_metrics, NULL, 0, 0},

	/* citizen lookup: a query, not a change, so no CSRF token; throttled instead */
	{M_GET, "/status", h_status_form, status_fields, 0, R_SOFT | R_NOSTORE},
	{M_POST, "/status", h_status_lookup, status_fields, 0, R_SOFT | R_NOSTORE | R_NOCSRF},

	/* staff */
	{M_GET, "/staff/login", h_login_form, login_form_fields, 0, R_NOSTORE},
	{M_POST, "/staff/login", h_login, login_fields, 0, R_SOFT | R_NOSTORE},
	{M_POST, "/staff/logout", h_logout, NULL, ANY_STAFF, 0},
	{M_GET, "/staff/password", h_password_form, password_form_fields, ANY_STAFF, 0},
	{M_POST, "/staff/password", h_password_change, password_fields, ANY_STAFF, R_SOFT},
	{M_GET, "/staff", h_staff_home, NULL, ANY_STAFF, 0},
	{M_GET, "/staff/cases/new", h_case_new_form, NULL, DESK, 0},
	{M_POST, "/staff/cases/new", h_case_create, case_fields, DESK, R_SOFT},
	{M_GET, "/staff/cases/receipt", h_case_receipt, NULL, DESK, 0},
	{M_GET, "/staff/find", h_case_find, find_fields, ALL_STAFF, 0},
	{M_GET, "/staff/queue", h_queue, NULL, DESK, 0},
	{M_GET, "/staff/cases/*", h_case_view, NULL, ALL_STAFF, 0},
	{M_POST, "/staff/cases/*/reveal", h_case_reveal, NULL, DESK, 0},
	{M_POST, "/staff/cases/*/move", h_case_move, move_fields, DESK, R_SOFT},
	{M_GET, "/staff/cases/*/notice", h_notice_form, NULL, DESK, 0},
	{M_POST, "/staff/cases/*/notice", h_notice_create, notice_fields, DESK, R_SOFT},
	{M_GET, "/staff/cases/*/notice/*", h_notice_print, NULL, DESK, 0},
	{M_POST, "/staff/cases/*/corrected", h_case_corrected, NULL, DESK, 0},
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
	{M_GET, "/petitions/new", h_petition_form, NULL, 0, R_NOSTORE},
	{M_POST, "/petitions/new", h_petition_create, petition_fields, 0, R_SOFT | R_NOSTORE},
	{M_GET, "/petitions/receipt", h_petition_receipt, NULL, 0, R_NOSTORE},
	{M_POST, "/status/rate", h_status_rate, rate_fields, 0, R_SOFT | R_NOSTORE},
	{M_GET, "/staff/petitions", h_petition_list, petition_list_fields, ALL_STAFF, 0},
	{M_GET, "/staff/petitions/new", h_petition_staff_form, petition_intake_fields, ALL_STAFF, 0},
	{M_POST, "/staff/petitions/new", h_petition_staff_create, petition_staff_fields, ALL_STAFF, R_SOFT},
	{M_GET, "/staff/petitions/receipt", h_petition_staff_receipt, NULL, ALL_STAFF, 0},
	{M_GET, "/staff/petitions/1999", h_petition_hotline_form, petition_intake_fields, ALL_STAFF, 0},
	{M_GET, "/staff/petitions/*", h_petition_view, NULL, ALL_STAFF, 0},
	{M_POST, "/staff/petitions/*/reveal", h_petition_reveal, NULL, DESK, 0},
	{M_POST, "/staff/petitions/*/route", h_petition_route, petition_route_fields, PET_DESK, 0},
	{M_POST, "/staff/petitions/*/assign", h_petition_assign, petition_assign_fields, PET_DESK, 0},
	{M_POST, "/staff/petitions/*/close", h_petition_close, petition_close_fields, PET_DESK, R_SOFT},
	{M_POST, "/staff/petitions/*/extension", h_petition_ext_ask, petition_ext_fields, PET_DESK, R_SOFT},
	{M_POST, "/staff/petitions/*/extension/decide", h_petition_ext_decide, petition_decide_fields, PET_DESK, 0},
	{M_POST, "/staff/petitions/*/extension/allow", h_petition_ext_allow, NULL, R(ADMIN), 0},
	{M_POST, "/staff/notifications/read", h_notifications_read_all, NULL, ANY_STAFF, 0},
	{M_POST, "/staff/notifications/*/read", h_notification_read, NULL, ANY_STAFF, 0},
	{M_GET, "/staff/admin/deadlines", h_rules_admin, rules_fields, R(ADMIN), 0},
	{M_POST, "/staff/admin/deadlines", h_rule_set, rule_set_fields, R(ADMIN), R_SOFT},
	{M_POST, "/staff/admin/deadlines/remove", h_rule_remove, rule_remove_fields, R(ADMIN), 0},
	{M_POST, "/staff/admin/deadlines/near", h_rule_near, rule_near_fields, R(ADMIN), R_SOFT},
	{M_GET, "/staff/reports/petitions", h_petition_report, report_fields, R(HEAD) | R(ADMIN), 0},
	{M_GET, "/staff/reports/petitions.csv", h_petition_report_csv, report_fields, R(HEAD) | R(ADMIN), 0},

	/* the Open311 GeoReport v2 API (issue #13): the last segment ends in .json or .xml */
	{M_GET, "/open311/v2/discovery.*", h_o311_discovery, o311_fields, 0, O311},
	{M_GET, "/open311/v2/services.*", h_o311_services, o311_fields, 0, O311},
	{M_GET, "/open311/v2/services/*", h_o311_service, o311_fields, 0, O311},
	{M_POST, "/open311/v2/requests.*", h_o311_create, o311_create_fields, 0, O311 | R_NOSTORE},
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

/*
 * routes.c -- the route table: every page, its method, its fields and who
 * may call it.  Add a page here and its handler under src/handlers/.
 * The permission matrix test (tests/data/permissions.tsv) walks this table.
 */
#include "app/auth.h"
#include "app/metrics.h"
#include "app/router.h"
#include "handlers/handlers.h"

#define R(x) ROLE_BIT(ROLE_##x)
#define DESK (R(COUNTER) | R(OFFICER) | R(HEAD) | R(ADMIN)) /* may change cases */
#define ALL_STAFF ROLES_STAFF

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

#define PET_DESK (R(OFFICER) | R(HEAD) | R(ADMIN)) /* may route, assign, close; the handler decides per petition */

const struct route routes[] = {
	/* public pages (cached: same for every visitor) */
	{M_GET, "/", h_home, NULL, 0, R_CACHE},
	{M_GET, "/services", h_services, NULL, 0, R_CACHE},
	{M_GET, "/services/*", h_service, NULL, 0, R_CACHE},
	{M_GET, "/processing-times", h_processing_times, NULL, 0, R_CACHE},
	{M_GET, "/units", h_units, NULL, 0, R_CACHE},
	{M_GET, "/faq", h_faq_list, faq_fields, 0, R_CACHE},
	{M_GET, "/faq/*", h_faq_item, NULL, 0, R_CACHE},
	{M_GET, "/news", h_news_list, NULL, 0, R_CACHE},
	{M_GET, "/news/*", h_news_item, NULL, 0, R_CACHE},
	{M_GET, "/about/*", h_about, NULL, 0, R_CACHE | R_NODB},
	{M_GET, "/healthz", h_healthz, NULL, 0, R_NODB},
	{M_GET, "/metrics", h_metrics, NULL, 0, R_NODB},

	/* citizen lookup: a query, not a change, so no CSRF token; throttled instead */
	{M_GET, "/status", h_status_form, status_fields, 0, R_SOFT | R_NOSTORE | R_NODB},
	{M_POST, "/status", h_status_lookup, status_fields, 0, R_SOFT | R_NOSTORE | R_NOCSRF},

	/* staff */
	{M_GET, "/staff/login", h_login_form, login_form_fields, 0, R_NOSTORE | R_NODB},
	{M_POST, "/staff/login", h_login, login_fields, 0, R_SOFT | R_NOSTORE},
	{M_POST, "/staff/logout", h_logout, NULL, ALL_STAFF, R_NODB},
	{M_GET, "/staff/password", h_password_form, password_form_fields, ALL_STAFF, R_NODB},
	{M_POST, "/staff/password", h_password_change, password_fields, ALL_STAFF, R_SOFT},
	{M_GET, "/staff", h_staff_home, NULL, ALL_STAFF, 0},
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
	{M_GET, "/search", h_search, search_fields, 0, R_SOFT},
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
	{M_GET, "/staff/admin/synonyms", h_synonyms, synonym_list_fields, R(ADMIN), 0},
	{M_POST, "/staff/admin/synonyms", h_synonym_add, synonym_fields, R(ADMIN), R_SOFT},
	{M_POST, "/staff/admin/synonyms/*/delete", h_synonym_delete, NULL, R(ADMIN), 0},
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
	{M_POST, "/staff/notifications/read", h_notifications_read_all, NULL, ALL_STAFF, 0},
	{M_POST, "/staff/notifications/*/read", h_notification_read, NULL, ALL_STAFF, 0},
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
	{M_GET, "/staff/audit", h_audit, audit_fields, R(HEAD) | R(ADMIN), 0},
	{M_GET, "/staff/audit.csv", h_audit_csv, audit_fields, R(HEAD) | R(ADMIN), 0},
};
/* clang-format on */

const struct error_format route_error_formats[] = {
    {"/open311/", open311_error},
    {0},
};

const size_t nroutes = sizeof routes / sizeof routes[0];

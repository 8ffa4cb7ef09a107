/*
 * routes.c -- the route table: every page, its method, its fields and who
 * may call it.  Add a page here and its handler under src/handlers/.
 * The permission matrix test (tests/data/permissions.tsv) walks this table.
 */
#include "app/auth.h"
#include "app/router.h"
#include "handlers/handlers.h"

#define R(x) ROLE_BIT(ROLE_##x)
#define DESK (R(COUNTER) | R(OFFICER) | R(HEAD) | R(ADMIN)) /* may change cases */
#define ALL_STAFF ROLES_STAFF

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
	{0},
};

static const struct field move_fields[] = {
	{"to", F_SLUG, 16, true},
	{"note", F_TEXT, 500, false},
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
	{M_GET, "/about/*", h_about, NULL, 0, R_CACHE},
	{M_GET, "/healthz", h_healthz, NULL, 0, 0},

	/* citizen lookup: a query, not a change, so no CSRF token; throttled instead */
	{M_GET, "/status", h_status_form, status_fields, 0, R_SOFT | R_NOSTORE},
	{M_POST, "/status", h_status_lookup, status_fields, 0, R_SOFT | R_NOSTORE | R_NOCSRF},

	/* staff */
	{M_GET, "/staff/login", h_login_form, login_form_fields, 0, R_NOSTORE},
	{M_POST, "/staff/login", h_login, login_fields, 0, R_SOFT | R_NOSTORE},
	{M_POST, "/staff/logout", h_logout, NULL, ALL_STAFF, 0},
	{M_GET, "/staff", h_staff_home, NULL, ALL_STAFF, 0},
	{M_GET, "/staff/cases/new", h_case_new_form, NULL, DESK, 0},
	{M_POST, "/staff/cases/new", h_case_create, case_fields, DESK, R_SOFT},
	{M_GET, "/staff/find", h_case_find, find_fields, ALL_STAFF, 0},
	{M_GET, "/staff/queue", h_queue, NULL, DESK, 0},
	{M_GET, "/staff/cases/*", h_case_view, NULL, ALL_STAFF, 0},
	{M_POST, "/staff/cases/*/reveal", h_case_reveal, NULL, DESK, 0},
	{M_POST, "/staff/cases/*/move", h_case_move, move_fields, DESK, 0},
	{M_GET, "/staff/cases/*/notice", h_notice_form, NULL, DESK, 0},
	{M_POST, "/staff/cases/*/notice", h_notice_create, notice_fields, DESK, R_SOFT},
	{M_GET, "/staff/cases/*/notice/*", h_notice_print, NULL, DESK, 0},
	{M_POST, "/staff/cases/*/corrected", h_case_corrected, NULL, DESK, 0},
	{M_GET, "/staff/admin/calendar", h_calendar_admin, cal_fields, R(ADMIN), 0},
	{M_POST, "/staff/admin/calendar", h_closure_add, closure_fields, R(ADMIN), 0},
};

const size_t nroutes = sizeof routes / sizeof routes[0];

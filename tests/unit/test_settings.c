/*
 * test_settings.c -- unit tests for domain/settings (the office's keys,
 * checks and stand-ins) and the record checks the admin pages share
 * (ids_code_ok, ids_unit_phone_ok, role_needs_unit), as tables.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "domain/ids.h"
#include "domain/role.h"
#include "domain/settings.h"

struct check_row {
	const char *key, *value;
	const char *want_err; /* NULL: accepted */
	const char *want_norm;
};

static const struct check_row checks[] = {
    {"public_url", "https://bianmin.example.gov.tw/", NULL, "https://bianmin.example.gov.tw"},
    {"public_url", "  http://10.0.0.5:8080  ", NULL, "http://10.0.0.5:8080"},
    {"public_url", "https://example.gov.tw/portal/", NULL, "https://example.gov.tw/portal"},
    {"public_url", "", NULL, ""},
    {"public_url", "javascript:alert(1)", "set_err_url", NULL},
    {"public_url", "ftp://example.gov.tw", "set_err_url", NULL},
    {"public_url", "https://example.gov.tw/?q=1", "set_err_url", NULL},
    {"public_url", "https://exa mple.gov.tw", "set_err_url", NULL},
    {"public_url", "https://", "set_err_url", NULL},
    {"smtp_url", "smtp://mail.example.gov.tw:25", NULL, "smtp://mail.example.gov.tw:25"},
    {"smtp_url", "smtps://mail.example.gov.tw:465", NULL, "smtps://mail.example.gov.tw:465"},
    {"smtp_url", "smtps://user:pw@mail.example.gov.tw", "set_err_smtp_credentials", NULL},
    {"smtp_url", "http://mail.example.gov.tw", "set_err_smtp", NULL},
    {"phone", "(07)696-2019", NULL, "(07)696-2019"},
    {"phone", "(07)696-2019 #301", NULL, "(07)696-2019 #301"},
    {"phone", "12", "set_err_phone", NULL},
    {"phone", "(07)696-2019 #1234567", "set_err_phone", NULL},
    {"email", "office@example.gov.tw", NULL, "office@example.gov.tw"},
    {"email", "office", "err_email", NULL},
    {"smtp_from", "a@b", "err_email", NULL},
    {"logo", "/static/img/logo.png", NULL, "/static/img/logo.png"},
    {"logo", "/static/../secret", "set_err_logo", NULL},
    {"logo", "https://cdn.example.gov.tw/logo.svg", NULL, "https://cdn.example.gov.tw/logo.svg"},
    {"logo", "http://cdn.example.gov.tw/logo.svg", "set_err_logo", NULL},
    {"logo", "\" onerror=\"x", "set_err_logo", NULL},
    {"office_name_zh", "高雄市路竹區公所", NULL, "高雄市路竹區公所"},
    {"office_name_zh", "two\nlines", "set_err_line", NULL},
    {"smtp_password", "any thing: at all", NULL, "any thing: at all"},
    {"sms_url", "https://sms.example.com/send?key={key}&to={to}&text={text}", NULL,
     "https://sms.example.com/send?key={key}&to={to}&text={text}"},
    {"sms_url", "http://127.0.0.1:9/s?to={to}&text={text}", NULL, "http://127.0.0.1:9/s?to={to}&text={text}"},
    {"sms_url", "https://sms.example.com/send?to={to}", "set_err_sms", NULL},
    {"sms_url", "ftp://sms.example.com/{to}/{text}", "set_err_sms", NULL},
    {"sms_url", "https://sms.example.com/\"><script>{to}{text}", "set_err_sms", NULL},
    {"signup_retention_days", "30", NULL, "30"},
    {"signup_retention_days", "3650", NULL, "3650"},
    {"signup_retention_days", "0", "set_err_days", NULL},
    {"signup_retention_days", "3651", "set_err_days", NULL},
    {"signup_retention_days", "30 days", "set_err_days", NULL},
    {"status_lookup_limits", "10 20 50", NULL, "10 20 50"},
    {"status_lookup_limits", "1000000000 1000000000 1000000000", NULL, "1000000000 1000000000 1000000000"},
    {"status_lookup_limits", "10 20", "set_err_limits", NULL},
    {"status_lookup_limits", "10 20 50 60", "set_err_limits", NULL},
    {"status_lookup_limits", "10  20 50", "set_err_limits", NULL},
    {"status_lookup_limits", "0 20 50", "set_err_limits", NULL},
    {"status_lookup_limits", "10 20 1000000001", "set_err_limits", NULL},
    {"status_lookup_limits", "-1 20 50", "set_err_limits", NULL},
};

static void test_checks(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof checks / sizeof checks[0]; i++) {
		const struct check_row *r = &checks[i];
		char norm[1024];
		enum setting s = settings_find(r->key);
		assert_int_not_equal(s, SET__MAX);
		const char *err = settings_check(s, r->value, norm, sizeof norm);
		if (r->want_err) {
			if (!err || strcmp(err, r->want_err) != 0)
				fail_msg("%s=%s: want %s, got %s", r->key, r->value, r->want_err,
				         err ? err : "accepted");
		} else {
			if (err)
				fail_msg("%s=%s: refused with %s", r->key, r->value, err);
			assert_string_equal(norm, r->want_norm);
		}
	}
}

static void test_too_long(void **state)
{
	(void)state;
	char long_value[SETTING_MAX_CHARS + 2], norm[1024];
	memset(long_value, 'x', sizeof long_value - 1);
	long_value[sizeof long_value - 1] = '\0';
	assert_string_equal(settings_check(SET_OFFICE_NAME_ZH, long_value, norm, sizeof norm), "set_err_line");
	assert_string_equal(settings_check(SET_OFFICE_NAME_ZH, "short", norm, 3), "set_err_long");
}

static void test_keys_and_secrets(void **state)
{
	(void)state;
	for (int s = 0; s < SET__MAX; s++)
		assert_int_equal(settings_find(settings_def((enum setting)s)->key), s);
	assert_int_equal(settings_find("demo"), SET__MAX);
	assert_int_equal(settings_find(NULL), SET__MAX);
	assert_true(settings_secret(SET_SMTP_PASSWORD));
	assert_false(settings_secret(SET_SMTP_USER));
	assert_false(settings_secret(SET__MAX));
}

/* The status lookup's limits: the stored value when it is valid, else the defaults. */
static void test_lookup_limits(void **state)
{
	(void)state;
	static const struct {
		const char *value;
		int want[LOOKUP_LIMITS];
	} rows[] = {
	    {NULL, {10, 20, 50}},  {"", {10, 20, 50}},      {"1 2 3", {1, 2, 3}},
	    {"5 6", {10, 20, 50}}, {"x y z", {10, 20, 50}}, {"1000000000 1 1", {1000000000, 1, 1}},
	};
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		int lim[LOOKUP_LIMITS];
		settings_lookup_limits(rows[i].value, lim);
		for (int k = 0; k < LOOKUP_LIMITS; k++)
			assert_int_equal(lim[k], rows[i].want[k]);
	}
	assert_true(settings_secret(SET_SMS_KEY));
}

static void test_pick_falls_back(void **state)
{
	(void)state;
	const char *vals[SET__MAX] = {0};
	assert_string_equal(settings_pick(vals, SET_OFFICE_NAME_ZH, false), "區公所");
	assert_string_equal(settings_pick(vals, SET_OFFICE_NAME_ZH, true), "District Office");
	assert_string_equal(settings_pick(vals, SET_PUBLIC_URL, false), SETTINGS_PUBLIC_URL_UNSET);
	vals[SET_OFFICE_NAME_ZH] = "路竹區公所";
	assert_string_equal(settings_pick(vals, SET_OFFICE_NAME_ZH, true), "路竹區公所"); /* Chinese over a stand-in */
	vals[SET_OFFICE_NAME_EN] = "";
	assert_string_equal(settings_pick(vals, SET_OFFICE_NAME_ZH, true), "路竹區公所");
	vals[SET_OFFICE_NAME_EN] = "Luzhu District Office";
	assert_string_equal(settings_pick(vals, SET_OFFICE_NAME_ZH, true), "Luzhu District Office");
	assert_string_equal(settings_pick(vals, SET_OFFICE_NAME_ZH, false), "路竹區公所");
	assert_string_equal(settings_pick(vals, SET_PHONE, true), "");
}

static void test_record_checks(void **state)
{
	(void)state;
	assert_true(ids_code_ok("social"));
	assert_true(ids_code_ok("a-1"));
	assert_false(ids_code_ok("Social"));
	assert_false(ids_code_ok("1st"));
	assert_false(ids_code_ok(""));
	assert_false(ids_code_ok("a b"));
	assert_false(ids_code_ok("abcdefghijklmnopqrstuvwxyzabcdefg")); /* 33 */
	assert_true(ids_unit_phone_ok("(07)696-2019 #201"));
	assert_true(ids_unit_phone_ok("07-6962019"));
	assert_false(ids_unit_phone_ok("(07)696-2019 ext 201"));
	assert_false(ids_unit_phone_ok("#201"));
	assert_false(ids_unit_phone_ok("(07)696-2019 ##1"));
	assert_true(role_needs_unit(ROLE_OFFICER));
	assert_false(role_needs_unit(ROLE_HEAD)); /* the district chief heads the whole office */
	assert_false(role_needs_unit(ROLE_VILLAGE));
	assert_int_equal(role_parse("village"), ROLE_VILLAGE);
	assert_string_equal(role_name(ROLE_VILLAGE), "village");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_checks),           cmocka_unit_test(test_too_long),
	    cmocka_unit_test(test_keys_and_secrets), cmocka_unit_test(test_pick_falls_back),
	    cmocka_unit_test(test_record_checks),    cmocka_unit_test(test_lookup_limits),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

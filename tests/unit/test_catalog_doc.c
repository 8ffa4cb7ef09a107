/*
 * test_catalog_doc.c -- domain/catalog_doc: the office's settings travel
 * without their secrets and stored as `admin set` stores them; villages
 * keep their contacts, their posts name a village of the document, a
 * category's default unit a unit of it; a service's extension days are
 * a whole number 0..120; what is written reads back the same.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "domain/catalog_doc.h"

static const char base[] =
    "{\"format\":\"bianmin-catalog\",\"version\":1,"
    "\"settings\":{\"office_name_zh\":\"測試區公所\",\"public_url\":\"https://portal.example.gov.tw/\"},"
    "\"units\":[{\"code\":\"civil\",\"name\":{\"zh\":\"民政課\",\"en\":\"Civil Affairs\"}}],"
    "\"villages\":[{\"code\":\"zhuhu\",\"name\":{\"zh\":\"竹滬里\",\"en\":\"Zhuhu\"},\"chief_name\":\"王里長\","
    "\"hours\":{\"zh\":\"週三上午\"}}],"
    "\"village_posts\":[{\"id\":3,\"village\":\"zhuhu\",\"title\":{\"zh\":\"里民大會\"},\"body\":{\"zh\":\"週六\"},"
    "\"event_on\":\"2026-12-12\",\"created_by\":\"village1\",\"created_at\":\"2026-12-01T02:00:00Z\"}],"
    "\"categories\":[{\"code\":\"roads\",\"name\":{\"zh\":\"道路\"},\"default_unit\":\"civil\"}]}";

/* Reads text; returns whether it was accepted, the errors in *errors (static). */
static bool read_doc(const char *text, struct arena *a, struct catalog_doc *d, json_t **root, const char **errors)
{
	static char saved[4096];
	json_error_t je;
	*root = json_loads(text, JSON_REJECT_DUPLICATES, &je);
	assert_non_null(*root);
	struct jread r;
	jread_init(&r, "office.json");
	bool ok = catalog_doc_read(*root, &r, a, d);
	snprintf(saved, sizeof saved, "%s", buf_str(&r.errors));
	*errors = saved;
	jread_free(&r);
	return ok;
}

static void test_office_parts_read_and_written(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct catalog_doc d;
	json_t *root;
	const char *errors;
	assert_true(read_doc(base, a, &d, &root, &errors));
	assert_int_equal(d.nsettings, 2);
	assert_string_equal(d.settings[1].key, "public_url");
	assert_string_equal(d.settings[1].value, "https://portal.example.gov.tw"); /* as admin set stores it */
	assert_string_equal(d.villages[0].chief_name, "王里長");
	assert_string_equal(d.villages[0].officer_name, "");
	assert_string_equal(d.villages[0].hours[LANG_ZH], "週三上午");
	assert_null(d.villages[0].hours[LANG_EN]);
	assert_int_equal(d.nvillage_posts, 1);
	assert_string_equal(d.village_posts[0].event_on, "2026-12-12");
	assert_string_equal(d.categories[0].default_unit, "civil");

	/* written and read again: the same document */
	json_t *out = catalog_doc_json(&d);
	char *once = json_dumps(out, JSON_PRESERVE_ORDER | JSON_COMPACT);
	struct catalog_doc d2;
	json_t *root2;
	assert_true(read_doc(once, a, &d2, &root2, &errors));
	json_t *out2 = catalog_doc_json(&d2);
	char *twice = json_dumps(out2, JSON_PRESERVE_ORDER | JSON_COMPACT);
	assert_string_equal(once, twice);
	free(once); /* jansson's allocations */
	free(twice);
	json_decref(out);
	json_decref(out2);
	json_decref(root);
	json_decref(root2);
	arena_free(a);
}

static void test_refusals(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct catalog_doc d;
	json_t *root;
	const char *errors;
	assert_false(read_doc("{\"format\":\"bianmin-catalog\",\"version\":1,\"settings\":{\"smtp_password\":\"x\","
	                      "\"sms_key\":\"k\",\"colour\":\"red\",\"public_url\":\"ftp://x\",\"phone\":7}}",
	                      a, &d, &root, &errors));
	assert_non_null(strstr(errors, "office.json: settings.smtp_password: a secret is never in the document"));
	assert_non_null(strstr(errors, "office.json: settings.sms_key: a secret is never in the document"));
	assert_non_null(strstr(errors, "office.json: settings.colour: unknown setting\n"));
	assert_non_null(strstr(errors, "office.json: settings.public_url: "));
	assert_non_null(strstr(errors, "office.json: settings.phone: must be a string"));
	json_decref(root);

	/* references: a post's village and a category's default unit are in the document */
	char text[4096];
	snprintf(text, sizeof text, "%s", base);
	char *p = strstr(text, "\"village\":\"zhuhu\"");
	memcpy(p, "\"village\":\"zzzzz\"", strlen("\"village\":\"zzzzz\""));
	p = strstr(text, "\"default_unit\":\"civil\"");
	memcpy(p, "\"default_unit\":\"cccc1\"", strlen("\"default_unit\":\"cccc1\""));
	assert_false(read_doc(text, a, &d, &root, &errors));
	assert_non_null(strstr(errors, "office.json: village_posts[0].village: no village zzzzz in this document\n"));
	assert_non_null(strstr(errors, "office.json: categories[0].default_unit: no unit cccc1 in this document\n"));
	json_decref(root);

	/* a post's number given twice */
	assert_false(
	    read_doc("{\"format\":\"bianmin-catalog\",\"version\":1,"
	             "\"villages\":[{\"code\":\"v\",\"name\":{\"zh\":\"里\",\"en\":\"V\"}}],\"village_posts\":["
	             "{\"id\":1,\"village\":\"v\",\"title\":{\"zh\":\"a\"},\"body\":{\"zh\":\"b\"},"
	             "\"created_by\":\"u\",\"created_at\":\"2026-01-01T00:00:00Z\"},"
	             "{\"id\":1,\"village\":\"v\",\"title\":{\"zh\":\"c\"},\"body\":{\"zh\":\"d\"},"
	             "\"created_by\":\"u\",\"created_at\":\"2026-01-01T00:00:00Z\"}]}",
	             a, &d, &root, &errors));
	assert_non_null(strstr(errors, "office.json: village_posts[1].id: 1 is given twice\n"));
	json_decref(root);
	arena_free(a);
}

/* A document with one service whose ext_days member is ext (raw JSON; NULL: left out). */
static bool read_ext_days(const char *ext, struct arena *a, struct catalog_doc *d, json_t **root, const char **errors)
{
	char text[2048];
	snprintf(text, sizeof text,
	         "{\"format\":\"bianmin-catalog\",\"version\":1,"
	         "\"units\":[{\"code\":\"civil\",\"name\":{\"zh\":\"民政課\",\"en\":\"Civil Affairs\"}}],"
	         "\"categories\":[{\"code\":\"roads\",\"name\":{\"zh\":\"道路\"}}],"
	         "\"services\":[{\"code\":\"dig\",\"unit\":\"civil\",\"category\":\"roads\",\"published\":true,"
	         "\"name\":{\"zh\":\"道路挖掘\"},\"fee\":{\"zh\":\"免費\"},\"processing_days\":30,"
	         "\"reviewed_on\":\"2026-01-05\"%s%s}]}",
	         ext ? ",\"ext_days\":" : "", ext ? ext : "");
	return read_doc(text, a, d, root, errors);
}

/* A service's ext_days: a whole number 0..120 (migration 023's CHECK), absent 0, written back. */
static void test_service_ext_days(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct catalog_doc d;
	json_t *root;
	const char *errors;
	assert_true(read_ext_days(NULL, a, &d, &root, &errors));
	assert_int_equal(d.services[0].ext_days, 0);
	json_decref(root);
	static const char *const good[] = {"0", "30", "120"};
	static const long long want[] = {0, 30, 120};
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
		assert_true(read_ext_days(good[i], a, &d, &root, &errors));
		assert_int_equal(d.services[0].ext_days, want[i]);
		json_t *out = catalog_service_json(&d.services[0]);
		assert_int_equal(json_integer_value(json_object_get(out, "ext_days")), want[i]);
		json_decref(out);
		json_decref(root);
	}
	static const char *const bad[] = {"121", "-1", "2.5", "\"10\"", "true"}; /* null: as absent */
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		assert_false(read_ext_days(bad[i], a, &d, &root, &errors));
		assert_non_null(strstr(errors, "office.json: services[0].ext_days: "));
		json_decref(root);
	}
	assert_false(read_ext_days("121", a, &d, &root, &errors));
	assert_non_null(strstr(errors, "office.json: services[0].ext_days: must be from 0 to 120\n"));
	json_decref(root);
	assert_false(read_ext_days("\"10\"", a, &d, &root, &errors));
	assert_non_null(strstr(errors, "office.json: services[0].ext_days: must be a whole number\n"));
	json_decref(root);
	arena_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_office_parts_read_and_written),
	    cmocka_unit_test(test_refusals),
	    cmocka_unit_test(test_service_ext_days),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * test_apidoc.c -- unit tests for app/apidoc: the Open311 answers as JSON
 * and as the spec's XML (root and item element names, scalars, nesting),
 * and XML escaping: & < > " ' and the characters XML 1.0 cannot carry.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "util/apidoc.h"

#define DECL "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"

/* Writes doc (and drops it) in one format; the caller frees the result. */
static char *write_doc(json_t *doc, const char *root, bool xml)
{
	struct buf b;
	buf_init(&b);
	apidoc_write(doc, root, xml, &b);
	json_decref(doc);
	char *s = strdup(buf_str(&b));
	buf_free(&b);
	return s;
}

static char *escaped(const char *s, size_t n)
{
	struct buf b;
	buf_init(&b);
	apidoc_xml_text(&b, s, n);
	char *out = strdup(buf_str(&b));
	buf_free(&b);
	return out;
}

static void test_escapes_markup(void **state)
{
	(void)state;
	const char in[] = "a<b>&\"c\" 'd' 路燈";
	char *s = escaped(in, strlen(in));
	assert_string_equal(s, "a&lt;b&gt;&amp;&quot;c&quot; &apos;d&apos; 路燈");
	free(s);
}

static void test_replaces_control_characters(void **state)
{
	(void)state;
	/* tab, LF and CR stay; other C0 controls, NUL, U+FFFE and a broken byte become U+FFFD */
	const char in[] = "a\tb\nc\rd\x01"
	                  "e\x1f"
	                  "f\x00g\xEF\xBF\xBEh\xFFi";
	char *s = escaped(in, sizeof in - 1);
	assert_string_equal(s, "a\tb\nc\rd\xEF\xBF\xBD"
	                       "e\xEF\xBF\xBD"
	                       "f\xEF\xBF\xBDg\xEF\xBF\xBDh\xEF\xBF\xBDi");
	free(s);
}

static void test_list_names_items_after_root(void **state)
{
	(void)state;
	json_t *doc = json_pack("[{s:s, s:b, s:i}, {s:s, s:b, s:i}]", "service_code", "a&b", "metadata", 1, "order", 1,
	                        "service_code", "c", "metadata", 0, "order", 2);
	char *s = write_doc(json_deep_copy(doc), "services", true);
	assert_string_equal(s, DECL "<services><service><service_code>a&amp;b</service_code><metadata>true</metadata>"
	                            "<order>1</order></service><service><service_code>c</service_code>"
	                            "<metadata>false</metadata><order>2</order></service></services>");
	free(s);
	s = write_doc(doc, "services", false);
	assert_string_equal(s, "[{\"service_code\":\"a&b\",\"metadata\":true,\"order\":1},"
	                       "{\"service_code\":\"c\",\"metadata\":false,\"order\":2}]");
	free(s);
}

static void test_nested_arrays_and_nulls(void **state)
{
	(void)state;
	json_t *doc = json_pack("{s:s, s:[{s:s?, s:[{s:s, s:s}]}]}", "service_code", "x", "attributes",
	                        "datatype_description", NULL, "values", "key", "yes", "name", "<yes>");
	char *s = write_doc(doc, "service_definition", true);
	assert_string_equal(s, DECL "<service_definition><service_code>x</service_code><attributes><attribute>"
	                            "<datatype_description></datatype_description><values><value><key>yes</key>"
	                            "<name>&lt;yes&gt;</name></value></values></attribute></attributes>"
	                            "</service_definition>");
	free(s);
}

static void test_reals_and_errors(void **state)
{
	(void)state;
	json_t *doc = json_pack("[{s:f, s:f}]", "lat", 22.8561, "long", -120.5);
	char *s = write_doc(json_deep_copy(doc), "service_requests", true);
	assert_string_equal(s, DECL "<service_requests><request><lat>22.8561</lat><long>-120.5</long></request>"
	                            "</service_requests>");
	free(s);
	s = write_doc(doc, "service_requests", false);
	assert_string_equal(s, "[{\"lat\":22.8561,\"long\":-120.5}]");
	free(s);
	s = write_doc(json_pack("[{s:i, s:s}]", "code", 403, "description", "bad key \"x\""), "errors", true);
	assert_string_equal(s, DECL "<errors><error><code>403</code><description>bad key &quot;x&quot;</description>"
	                            "</error></errors>");
	free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_escapes_markup),
	    cmocka_unit_test(test_replaces_control_characters),
	    cmocka_unit_test(test_list_names_items_after_root),
	    cmocka_unit_test(test_nested_arrays_and_nulls),
	    cmocka_unit_test(test_reals_and_errors),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

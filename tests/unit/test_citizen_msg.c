/*
 * test_citizen_msg.c -- unit tests for domain/citizen_msg: which channel a
 * message takes (an address, else a mobile number for the receipt and the
 * reply, else none) and what each message says in both languages.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "domain/citizen_msg.h"
#include "util/util.h"

static void test_channel(void **state)
{
	(void)state;
	char m[CMSG_MOBILE_SIZE];
	assert_int_equal(cmsg_channel_for("a@example.org", "0912-345-678", CMSG_RECEIPT, m), CMSG_EMAIL);
	assert_int_equal(cmsg_channel_for(NULL, "0912-345-678", CMSG_RECEIPT, m), CMSG_SMS);
	assert_string_equal(m, "0912345678");
	assert_int_equal(cmsg_channel_for("", "+886 912 345 678", CMSG_REPLY, m), CMSG_SMS);
	assert_string_equal(m, "0912345678");
	/* the SMS carries the receipt and the reply only */
	assert_int_equal(cmsg_channel_for(NULL, "0912345678", CMSG_CORRECTION, m), CMSG_NONE);
	assert_int_equal(cmsg_channel_for(NULL, "0912345678", CMSG_STATE, m), CMSG_NONE);
	/* a landline, nothing, a broken address */
	assert_int_equal(cmsg_channel_for(NULL, "07-696-1234", CMSG_RECEIPT, m), CMSG_NONE);
	assert_int_equal(cmsg_channel_for(NULL, NULL, CMSG_RECEIPT, m), CMSG_NONE);
	assert_int_equal(cmsg_channel_for("a@b@c", NULL, CMSG_RECEIPT, m), CMSG_NONE);
	assert_int_equal(cmsg_channel_for("a@example.org>\r\nBcc: x", NULL, CMSG_RECEIPT, m), CMSG_NONE);
	assert_int_equal(cmsg_channel_for("@example.org", NULL, CMSG_RECEIPT, m), CMSG_NONE);
	assert_string_equal(cmsg_kind_name(CMSG_CORRECTION), "correction");
	assert_string_equal(cmsg_channel_name(CMSG_SMS), "sms");
}

static const struct cmsg_in base = {
    .office = "路竹區公所",
    .status_url = "https://example.org/status",
    .name = "林美華",
    .no = "P1150302-0001",
    .code = "ABCDE23456",
    .subject = "路燈不亮",
    .date = "2026-03-10",
};

static void test_receipt(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct cmsg m;
	cmsg_compose(a, CMSG_RECEIPT, CMSG_EMAIL, &base, &m);
	assert_non_null(strstr(m.subject, "P1150302-0001"));
	assert_non_null(strstr(m.body, "林美華 您好"));
	assert_non_null(strstr(m.body, "ABCDE23456"));
	assert_non_null(strstr(m.body, "115年3月10日")); /* 民國 */
	assert_non_null(strstr(m.body, "https://example.org/status"));
	struct cmsg_in en = base;
	en.lang = LANG_EN;
	en.name = NULL;
	cmsg_compose(a, CMSG_RECEIPT, CMSG_EMAIL, &en, &m);
	assert_non_null(strstr(m.subject, "We received your petition P1150302-0001"));
	assert_null(strstr(m.body, "Dear"));
	assert_non_null(strstr(m.body, "query code ABCDE23456"));
	cmsg_compose(a, CMSG_RECEIPT, CMSG_SMS, &base, &m);
	assert_null(m.subject);
	assert_non_null(strstr(m.body, "ABCDE23456"));
	assert_true(strlen(m.body) < 200);
	arena_free(a);
}

static void test_correction(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	static const char *const items[] = {"戶口名簿影本", "申請人印章"};
	struct cmsg_in in = base;
	in.is_case = true;
	in.no = "A1150302-0002";
	in.subject = "低收入戶申請";
	in.date = "2026-03-20";
	in.unit = "社會課";
	in.where = "本所 2 樓";
	in.officer = "王小明";
	in.phone = "07-696-2019";
	in.items = items;
	in.nitems = 2;
	struct cmsg m;
	cmsg_compose(a, CMSG_CORRECTION, CMSG_EMAIL, &in, &m);
	assert_non_null(strstr(m.subject, "補正通知 A1150302-0002"));
	assert_non_null(strstr(m.body, "1. 戶口名簿影本\n"));
	assert_non_null(strstr(m.body, "2. 申請人印章\n"));
	assert_non_null(strstr(m.body, "115年3月20日"));
	assert_non_null(strstr(m.body, "社會課（本所 2 樓）"));
	assert_non_null(strstr(m.body, "王小明"));
	assert_null(strstr(m.body, "ABCDE23456")); /* the code goes with the receipt alone */
	in.lang = LANG_EN;
	cmsg_compose(a, CMSG_CORRECTION, CMSG_EMAIL, &in, &m);
	assert_non_null(strstr(m.body, "still needs"));
	assert_non_null(strstr(m.body, "2026"));
	arena_free(a);
}

static void test_reply_and_state(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct cmsg_in in = base;
	in.code = NULL;
	in.reply = "已通報維修。\n謝謝。";
	in.unit = "建設課";
	in.phone = "07-696-2019 #301";
	struct cmsg m;
	cmsg_compose(a, CMSG_REPLY, CMSG_EMAIL, &in, &m);
	assert_non_null(strstr(m.body, "已通報維修。\n謝謝。"));
	assert_non_null(strstr(m.body, "建設課"));
	assert_non_null(strstr(m.body, "滿意度"));
	cmsg_compose(a, CMSG_REPLY, CMSG_SMS, &in, &m);
	assert_null(strstr(m.body, "已通報維修")); /* the SMS says the reply is ready, not what it is */
	assert_non_null(strstr(m.body, "P1150302-0001"));
	in.state = "已移文";
	in.date = NULL;
	cmsg_compose(a, CMSG_STATE, CMSG_EMAIL, &in, &m);
	assert_non_null(strstr(m.body, "已移文"));
	assert_null(strstr(m.body, "滿意度"));
	assert_null(strstr(m.body, "預計於"));
	/* an application closed: the survey's link; extended: the new expected date */
	in.is_case = true;
	in.state = "已結案";
	in.survey = true;
	cmsg_compose(a, CMSG_STATE, CMSG_EMAIL, &in, &m);
	assert_non_null(strstr(m.body, "滿意度調查"));
	assert_non_null(strstr(m.body, in.status_url));
	in.survey = false;
	in.state = "已核准展期";
	in.date = "2026-10-01";
	cmsg_compose(a, CMSG_STATE, CMSG_EMAIL, &in, &m);
	assert_non_null(strstr(m.body, "預計於 115年10月1日 前辦結"));
	assert_null(strstr(m.body, "滿意度"));
	in.date = NULL;
	/* a %s in what people typed stays text */
	in.subject = "100%s off";
	cmsg_compose(a, CMSG_STATE, CMSG_EMAIL, &in, &m);
	assert_non_null(strstr(m.body, "100%s off"));
	arena_free(a);
}

static void test_sms_url(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	const char *u = cmsg_sms_url(a, "http://gw.example/send?k={key}&to={to}&msg={text}&x={other}", "a&b=c",
	                             "0912345678", "路 1/2 ok?");
	assert_string_equal(u, "http://gw.example/send?k=a%26b%3Dc&to=0912345678&msg=%E8%B7%AF%201%2F2%20ok%3F"
	                       "&x={other}");
	assert_string_equal(cmsg_sms_url(a, "http://gw/{to}", NULL, "09", "t"), "http://gw/09");
	arena_free(a);
}

/* The link that replaces a lost code: by e-mail only, naming the number, the link and the expiry. */
static void test_code_link(void **state)
{
	(void)state;
	char m[CMSG_MOBILE_SIZE];
	assert_int_equal(cmsg_channel_for("a@example.org", NULL, CMSG_CODE_LINK, m), CMSG_EMAIL);
	assert_int_equal(cmsg_channel_for(NULL, "0912345678", CMSG_CODE_LINK, m), CMSG_NONE);
	assert_string_equal(cmsg_kind_name(CMSG_CODE_LINK), "code_link");
	struct arena *a = arena_new();
	struct cmsg_in in = base;
	in.code = NULL;
	in.link_token = "0123abcd";
	struct cmsg msg;
	cmsg_compose(a, CMSG_CODE_LINK, CMSG_EMAIL, &in, &msg);
	assert_non_null(strstr(msg.subject, "P1150302-0001"));
	assert_non_null(strstr(msg.body, "https://example.org/status/code?link=0123abcd"));
	assert_non_null(strstr(msg.body, "115年3月10日"));
	in.lang = LANG_EN;
	cmsg_compose(a, CMSG_CODE_LINK, CMSG_EMAIL, &in, &msg);
	assert_non_null(strstr(msg.subject, "new query code"));
	assert_non_null(strstr(msg.body, "works once"));
	arena_free(a);
}

static void test_email_matches(void **state)
{
	(void)state;
	assert_true(cmsg_email_matches("Lin@Example.org", " lin@example.ORG "));
	assert_false(cmsg_email_matches("lin@example.org", "lin@example.org.tw"));
	assert_false(cmsg_email_matches("lin@example.org", "lim@example.org"));
	assert_false(cmsg_email_matches("", ""));
	assert_false(cmsg_email_matches(NULL, "a@b"));
	assert_false(cmsg_email_matches("a@b", NULL));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_channel),         cmocka_unit_test(test_receipt), cmocka_unit_test(test_correction),
	    cmocka_unit_test(test_reply_and_state), cmocka_unit_test(test_sms_url), cmocka_unit_test(test_code_link),
	    cmocka_unit_test(test_email_matches),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * test_progress.c -- unit tests for domain/progress: the status page's
 * stepper for every case and petition state.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "domain/progress.h"

/* The stepper as text: "received:done review:current closed:todo". */
static const char *render(bool is_case, bool asked, const char *state)
{
	static char buf[256];
	struct progress p;
	if (!progress_of(is_case, asked, state, &p))
		return "unknown";
	buf[0] = '\0';
	for (size_t i = 0; i < p.n; i++) {
		if (i)
			strcat(buf, " ");
		strcat(buf, progress_step_name(p.step[i]));
		strcat(buf, ":");
		strcat(buf, progress_status_name(p.status[i]));
	}
	return buf;
}

static void test_case(void **state)
{
	(void)state;
	assert_string_equal(render(true, false, "received"), "received:current review:todo decided:todo closed:todo");
	assert_string_equal(render(true, false, "review"), "received:done review:current decided:todo closed:todo");
	assert_string_equal(render(true, true, "correction"),
	                    "received:done review:done waiting:current decided:todo closed:todo");
	/* back in review after the documents came: the waiting step stays, as done */
	assert_string_equal(render(true, true, "review"),
	                    "received:done review:current waiting:done decided:todo closed:todo");
	assert_string_equal(render(true, false, "approved"), "received:done review:done decided:current closed:todo");
	assert_string_equal(render(true, false, "rejected"), "received:done review:done decided:current closed:todo");
	assert_string_equal(render(true, true, "closed"),
	                    "received:done review:done waiting:done decided:done closed:current");
	assert_string_equal(render(true, false, "withdrawn"), "received:done review:done decided:done closed:current");
	assert_string_equal(render(true, false, "nonsense"), "unknown");
}

static void test_petition(void **state)
{
	(void)state;
	assert_string_equal(render(false, false, "received"), "received:current review:todo closed:todo");
	assert_string_equal(render(false, false, "routed"), "received:done review:current closed:todo");
	assert_string_equal(render(false, false, "assigned"), "received:done review:current closed:todo");
	assert_string_equal(render(false, true, "replied"), "received:done review:done closed:current");
	assert_string_equal(render(false, false, "duplicate"), "received:done review:done closed:current");
	assert_string_equal(render(false, false, "correction"), "unknown");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_case),
	    cmocka_unit_test(test_petition),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

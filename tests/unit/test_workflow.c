/*
 * test_workflow.c -- the case state machine (domain/workflow.c): every
 * (from, to, action) against a table written out here, including the two
 * moves the move form must refuse because they have their own action
 * (issue #11 item 19): review -> correction only by issuing a notice,
 * correction -> review only by "items received".
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "domain/workflow.h"

static void test_names_round_trip(void **state)
{
	(void)state;
	for (int s = 0; s < CS__MAX; s++)
		assert_int_equal(case_state_parse(case_state_name((enum case_state)s)), s);
	assert_int_equal(case_state_parse("open"), CS__MAX);
	assert_int_equal(case_state_parse(NULL), CS__MAX);
	assert_string_equal(case_state_name(CS__MAX), "unknown");
	assert_true(case_state_open(CS_RECEIVED) && case_state_open(CS_REVIEW) && case_state_open(CS_CORRECTION));
	assert_false(case_state_open(CS_APPROVED) || case_state_open(CS_CLOSED) || case_state_open(CS_WITHDRAWN));
}

/* The only allowed moves; every other (from, to, action) is refused. */
static const struct {
	enum case_state from, to;
	enum case_action how;
} allowed[] = {
    {CS_RECEIVED, CS_REVIEW, CA_MOVE},     {CS_RECEIVED, CS_CLOSED, CA_MOVE},
    {CS_RECEIVED, CS_WITHDRAWN, CA_MOVE},  {CS_REVIEW, CS_CORRECTION, CA_NOTICE},
    {CS_REVIEW, CS_APPROVED, CA_MOVE},     {CS_REVIEW, CS_REJECTED, CA_MOVE},
    {CS_REVIEW, CS_WITHDRAWN, CA_MOVE},    {CS_CORRECTION, CS_REVIEW, CA_CORRECTED},
    {CS_CORRECTION, CS_REJECTED, CA_MOVE}, {CS_CORRECTION, CS_WITHDRAWN, CA_MOVE},
    {CS_APPROVED, CS_CLOSED, CA_MOVE},     {CS_REJECTED, CS_CLOSED, CA_MOVE},
};

static bool expected(int from, int to, int how)
{
	for (size_t i = 0; i < sizeof allowed / sizeof allowed[0]; i++)
		if ((int)allowed[i].from == from && (int)allowed[i].to == to && (int)allowed[i].how == how)
			return true;
	return false;
}

static void test_every_transition(void **state)
{
	(void)state;
	for (int from = 0; from <= CS__MAX; from++)
		for (int to = 0; to <= CS__MAX; to++)
			for (int how = 0; how <= CA__MAX; how++)
				if (case_move_allowed((enum case_state)from, (enum case_state)to,
				                      (enum case_action)how) != expected(from, to, how))
					fail_msg("%s -> %s by action %d", case_state_name((enum case_state)from),
					         case_state_name((enum case_state)to), how);
}

/* The exceptions the move handler used to hold, now in the table. */
static void test_moves_with_their_own_action(void **state)
{
	(void)state;
	/* the move form cannot put a case into correction: no notice, no stopped clock */
	assert_false(case_move_allowed(CS_REVIEW, CS_CORRECTION, CA_MOVE));
	assert_true(case_move_allowed(CS_REVIEW, CS_CORRECTION, CA_NOTICE));
	/* nor take it out for review: the clock must restart with the waited days */
	assert_false(case_move_allowed(CS_CORRECTION, CS_REVIEW, CA_MOVE));
	assert_true(case_move_allowed(CS_CORRECTION, CS_REVIEW, CA_CORRECTED));
	/* a notice only from review; "items received" only from correction */
	assert_false(case_move_allowed(CS_RECEIVED, CS_CORRECTION, CA_NOTICE));
	assert_false(case_move_allowed(CS_CORRECTION, CS_CORRECTION, CA_NOTICE));
	assert_false(case_move_allowed(CS_RECEIVED, CS_REVIEW, CA_CORRECTED));
	/* and the special actions make no ordinary move */
	assert_false(case_move_allowed(CS_REVIEW, CS_APPROVED, CA_NOTICE));
	assert_false(case_move_allowed(CS_CORRECTION, CS_REJECTED, CA_CORRECTED));
	/* closed and withdrawn are final */
	for (int to = 0; to < CS__MAX; to++)
		for (int how = 0; how < CA__MAX; how++) {
			assert_false(case_move_allowed(CS_CLOSED, (enum case_state)to, (enum case_action)how));
			assert_false(case_move_allowed(CS_WITHDRAWN, (enum case_state)to, (enum case_action)how));
		}
}

/* Extensions (展期) of an application: what the service allows, less what was approved. */
static void test_extension_days(void **state)
{
	(void)state;
	assert_string_equal(case_extension_check(0, 0, 1), "err_case_ext_none");   /* the service allows none */
	assert_string_equal(case_extension_check(15, 15, 1), "err_case_ext_none"); /* all used */
	assert_string_equal(case_extension_check(10, 20, 1), "err_case_ext_none"); /* the limit lowered since */
	assert_null(case_extension_check(15, 0, 15));
	assert_null(case_extension_check(15, 5, 1));
	assert_null(case_extension_check(15, 5, 10));
	assert_string_equal(case_extension_check(15, 5, 11), "err_case_ext_days");
	assert_string_equal(case_extension_check(15, 0, 0), "err_case_ext_days");
	assert_string_equal(case_extension_check(15, 0, -3), "err_case_ext_days");
	assert_string_equal(case_extension_check(15, 0, 1LL << 40), "err_case_ext_days");
	assert_int_equal(case_extension_left(15, 5), 10);
	assert_int_equal(case_extension_left(0, 0), 0);
	assert_int_equal(case_extension_left(10, 20), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_names_round_trip),
	    cmocka_unit_test(test_every_transition),
	    cmocka_unit_test(test_moves_with_their_own_action),
	    cmocka_unit_test(test_extension_days),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * progress.c -- the status page's stepper (see progress.h).
 */
#include "domain/progress.h"

#include <string.h>

struct at {
	const char *state;
	enum progress_step step;
};

static const struct at case_at[] = {
    {"received", STEP_RECEIVED}, {"review", STEP_REVIEW}, {"correction", STEP_WAITING}, {"approved", STEP_DECIDED},
    {"rejected", STEP_DECIDED},  {"closed", STEP_CLOSED}, {"withdrawn", STEP_CLOSED},
};

static const struct at petition_at[] = {
    {"received", STEP_RECEIVED},  {"routed", STEP_REVIEW},      {"assigned", STEP_REVIEW},  {"replied", STEP_CLOSED},
    {"transferred", STEP_CLOSED}, {"not_handled", STEP_CLOSED}, {"duplicate", STEP_CLOSED},
};

static bool find(const struct at *t, size_t n, const char *state, enum progress_step *out)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(t[i].state, state) == 0) {
			*out = t[i].step;
			return true;
		}
	return false;
}

bool progress_of(bool is_case, bool asked, const char *state, struct progress *out)
{
	enum progress_step now;
	bool known = is_case ? find(case_at, sizeof case_at / sizeof *case_at, state, &now)
	                     : find(petition_at, sizeof petition_at / sizeof *petition_at, state, &now);
	out->n = 0;
	if (!known)
		return false;
	for (int s = STEP_RECEIVED; s < STEP__MAX; s++) {
		if (s == STEP_WAITING && !(is_case && (asked || now == STEP_WAITING)))
			continue;
		/* a petition's decision is its closing: one step, "closed" */
		if (s == STEP_DECIDED && !is_case)
			continue;
		out->step[out->n] = (enum progress_step)s;
		out->status[out->n] = s < (int)now ? STEP_DONE : s == (int)now ? STEP_CURRENT : STEP_TODO;
		/* back in review after the documents came: the waiting is over */
		if (s == STEP_WAITING && now == STEP_REVIEW)
			out->status[out->n] = STEP_DONE;
		out->n++;
	}
	return true;
}

const char *progress_step_name(enum progress_step s)
{
	static const char *const names[STEP__MAX] = {"received", "review", "waiting", "decided", "closed"};
	return names[s];
}

const char *progress_status_name(enum step_status s)
{
	static const char *const names[] = {"done", "current", "todo"};
	return names[s];
}

/*
 * progress.h -- where a case or a petition stands, as the citizen's status
 * page shows it: a stepper of received -> in review -> waiting for you ->
 * decided -> closed.  A petition has no "waiting for you" (nothing is
 * asked of the petitioner) and is decided as it closes; a case shows the
 * waiting step only when it was asked for something (done once the case
 * is back in review).  Pure.
 */
#ifndef BM_DOMAIN_PROGRESS_H
#define BM_DOMAIN_PROGRESS_H

#include <stdbool.h>
#include <stddef.h>

enum progress_step { STEP_RECEIVED, STEP_REVIEW, STEP_WAITING, STEP_DECIDED, STEP_CLOSED, STEP__MAX };
enum step_status { STEP_DONE, STEP_CURRENT, STEP_TODO };

struct progress {
	enum progress_step step[STEP__MAX];
	enum step_status status[STEP__MAX];
	size_t n;
};

/*
 * The steps of a case (is_case; asked: a correction notice was ever
 * issued) or a petition in state (the store's name); false for a state
 * neither knows.
 */
bool progress_of(bool is_case, bool asked, const char *state, struct progress *out);

/* "received", "review", "waiting", "decided", "closed"; "done", "current", "todo". */
const char *progress_step_name(enum progress_step s);
const char *progress_status_name(enum step_status s);

#endif

/*
 * surveys.h -- SQL for questionnaires (issue #18): drafts staff write, their
 * state (draft, open, closed), the answers citizens give, and the counts
 * the results page shows.
 *
 * The questions are the text domain/survey.h parses; an answer refers to a
 * question by its position and a choice by its index, so a questionnaire
 * with answers is never edited (store_survey_update refuses).
 */
#ifndef BM_STORE_SURVEYS_H
#define BM_STORE_SURVEYS_H

#include <stdbool.h>

#include "store/store.h"

struct survey_rec {
	long long id;
	const char *unit; /* NULL: the whole office */
	const char *title[LANG__MAX];
	const char *spec;
	long long event_id;       /* 0: not tied to an event */
	const char *service_code; /* NULL: not about a service */
	const char *state;        /* draft, open, closed */
	const char *created_at;
	long long responses; /* answers given */
};

/* Creates a draft from s (id, state, created_at, responses ignored). */
enum err store_survey_create(struct store *st, const struct survey_rec *s, long long created_by, const char *at,
                             long long *id);
/* Rewrites a draft's title, unit, attachment and questions; ERR_CONFLICT unless a draft without answers. */
enum err store_survey_update(struct store *st, const struct survey_rec *s);
enum err store_survey_get(struct store *st, struct arena *a, long long id, struct survey_rec *out);
/* The questionnaires of a unit (NULL: every one), newest first. */
enum err store_surveys_list(struct store *st, struct arena *a, const char *unit, struct survey_rec **out, size_t *n);
/* The questionnaires tied to an event, newest first. */
enum err store_surveys_for_event(struct store *st, struct arena *a, long long event_id, struct survey_rec **out,
                                 size_t *n);
/* from -> to (draft -> open, open -> closed); ERR_CONFLICT when it was not in state from. */
enum err store_survey_set_state(struct store *st, long long id, const char *from, const char *to);

/* One question's answer as stored: a choice (or scale value), or a text. */
struct survey_answer_row {
	int question; /* position from 1 */
	int choice;   /* 0: none (text) */
	const char *text;
};

struct survey_response_new {
	long long survey_id;
	long long signup_id; /* 0: anonymous */
	const char *form_hash;
	const char *at;
	const struct survey_answer_row *rows;
	size_t nrows;
};

/*
 * Adds one response and its answers (call it between store_begin and
 * store_finish: all or nothing).  ERR_CONFLICT when the form was used
 * already or the sign-up has answered this questionnaire.
 */
enum err store_survey_respond(struct store *st, const struct survey_response_new *r);
/* The questionnaire a form's response went to; ERR_NOTFOUND when the form made none. */
enum err store_survey_by_form(struct store *st, const char *form_hash, long long *survey_id);

/* How many responses chose each choice of each question (choice questions and the scale). */
struct survey_count {
	int question, choice;
	long long n;
};
enum err store_survey_counts(struct store *st, struct arena *a, long long id, struct survey_count **out, size_t *n);
/* The free-text answers, by question then in the order given. */
enum err store_survey_texts(struct store *st, struct arena *a, long long id, struct survey_answer_row **out, size_t *n);

#endif

/*
 * survey.h -- questionnaires (issue #18): the questions as staff write
 * them, and the checks on an answer.
 *
 * Staff write a questionnaire as text, one question per line starting
 * with its kind, Chinese and English separated by " | ", choices below
 * it on lines starting with "-", and a "*" after the kind for a question
 * that must be answered:
 *
 *     single*: 您如何得知本活動？ | How did you hear about this event?
 *     - 網站 | Website
 *     - 里辦公處 | Village office
 *     multiple: 您想參加哪些活動？ | Which activities would you join?
 *     - 講座 | Talks
 *     - 導覽 | Tours
 *     scale*: 整體滿意度 | Overall satisfaction
 *     text: 其他建議 | Other suggestions
 *
 * scale is 1 (lowest) to 5; text is up to SURVEY_TEXT_MAX characters.
 * The English may be left out (the pages then fall back to Chinese).
 *
 * Pure domain code: libc and util only.
 */
#ifndef BM_DOMAIN_SURVEY_H
#define BM_DOMAIN_SURVEY_H

#include <stdbool.h>
#include <stddef.h>

#include "util/util.h"

enum q_kind { Q_SINGLE, Q_MULTIPLE, Q_SCALE, Q_TEXT, Q__MAX };

enum {
	SURVEY_MAX_QUESTIONS = 30,
	SURVEY_MAX_OPTIONS = 20,
	SURVEY_LINE_MAX = 300,  /* characters of a question or choice line */
	SURVEY_TEXT_MAX = 1000, /* characters of a free-text answer */
	SURVEY_SCALE_MAX = 5,
};

struct question {
	enum q_kind kind;
	bool required;
	const char *text[LANG__MAX]; /* English NULL when not given */
	size_t nopt;
	const char *opt[SURVEY_MAX_OPTIONS][LANG__MAX];
};

/* "single" -> Q_SINGLE; Q__MAX for anything else. */
enum q_kind q_kind_parse(const char *s);
const char *q_kind_name(enum q_kind k);

/*
 * Parses spec into an arena array of questions.  ERR_OK, or ERR_INVAL with
 * *bad_line (from 1) and *why (a UI string key: survey_err_*) saying what
 * is wrong; the strings point into arena copies.
 */
enum err survey_parse(struct arena *a, const char *spec, struct question **out, size_t *n, int *bad_line,
                      const char **why);

/* One question's answer, checked. */
struct answer {
	bool given;
	int choices[SURVEY_MAX_OPTIONS]; /* single: one; multiple: any, ascending; scale: the value */
	size_t nchoices;
	const char *text; /* Q_TEXT */
};

/*
 * Checks the values posted for question q (each a choice number from 1, a
 * scale value, or the text) into *out.  NULL when the answer is acceptable,
 * else a UI string key (survey_err_required, survey_err_choice).
 */
const char *survey_check(const struct question *q, const char *const *values, size_t nvalues, struct answer *out);

/* n of total as a whole percentage, rounded half up; 0 when total is 0. */
int survey_percent(long long n, long long total);

#endif

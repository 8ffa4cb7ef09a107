/*
 * survey.c -- questionnaire text and answer checks (see survey.h).
 */
#include "domain/survey.h"

#include <stdlib.h>
#include <string.h>

static const char *const kind_names[Q__MAX] = {"single", "multiple", "scale", "text"};

enum q_kind q_kind_parse(const char *s)
{
	for (int k = 0; s && k < Q__MAX; k++)
		if (strcmp(s, kind_names[k]) == 0)
			return (enum q_kind)k;
	return Q__MAX;
}

const char *q_kind_name(enum q_kind k)
{
	return k < Q__MAX ? kind_names[k] : "none";
}

/* s[0..n) without blanks at either end, as an arena string. */
static char *trimmed(struct arena *a, const char *s, size_t n)
{
	while (n && (*s == ' ' || *s == '\t')) {
		s++;
		n--;
	}
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
		n--;
	return arena_strndup(a, s, n);
}

/* "中文 | English" into txt; false when the Chinese is empty or a text is too long. */
static bool split_texts(struct arena *a, const char *s, size_t n, const char *txt[LANG__MAX])
{
	const char *bar = memchr(s, '|', n);
	size_t zh_len = bar ? (size_t)(bar - s) : n;
	txt[LANG_ZH] = trimmed(a, s, zh_len);
	txt[LANG_EN] = bar ? trimmed(a, bar + 1, n - zh_len - 1) : NULL;
	if (txt[LANG_EN] && !*txt[LANG_EN])
		txt[LANG_EN] = NULL;
	for (int l = 0; l < LANG__MAX; l++)
		if (txt[l] && (strchr(txt[l], '|') || utf8_len(txt[l], strlen(txt[l])) > SURVEY_LINE_MAX))
			return false;
	return txt[LANG_ZH] && *txt[LANG_ZH] != '\0';
}

/* Parses "kind[*]: texts" into q; the error key or NULL. */
static const char *parse_question(struct arena *a, const char *s, size_t n, struct question *q)
{
	const char *colon = memchr(s, ':', n);
	if (!colon)
		return "survey_err_kind";
	size_t klen = (size_t)(colon - s);
	char *kind = trimmed(a, s, klen);
	size_t kl = strlen(kind);
	q->required = kl && kind[kl - 1] == '*';
	if (q->required)
		kind[kl - 1] = '\0';
	q->kind = q_kind_parse(kind);
	if (q->kind == Q__MAX)
		return "survey_err_kind";
	if (!split_texts(a, colon + 1, n - klen - 1, q->text))
		return "survey_err_text";
	return NULL;
}

static const char *finish_question(const struct question *q)
{
	bool choices = q->kind == Q_SINGLE || q->kind == Q_MULTIPLE;
	if (choices && q->nopt < 2)
		return "survey_err_few";
	if (!choices && q->nopt > 0)
		return "survey_err_no_choices";
	return NULL;
}

enum err survey_parse(struct arena *a, const char *spec, struct question **out, size_t *n, int *bad_line,
                      const char **why)
{
	struct question *qs = arena_zalloc(a, SURVEY_MAX_QUESTIONS * sizeof *qs);
	size_t nq = 0;
	int line = 0, q_line = 0;
	*why = NULL;
	for (const char *p = spec ? spec : ""; *p && !*why;) {
		const char *eol = strchr(p, '\n');
		size_t len = eol ? (size_t)(eol - p) : strlen(p);
		line++;
		const char *t = trimmed(a, p, len);
		p += len + (eol ? 1 : 0);
		if (!*t)
			continue;
		*bad_line = line;
		if (*t == '-') {
			struct question *q = nq ? &qs[nq - 1] : NULL;
			if (!q)
				*why = "survey_err_kind";
			else if (q->nopt == SURVEY_MAX_OPTIONS)
				*why = "survey_err_many";
			else if (!split_texts(a, t + 1, strlen(t + 1), q->opt[q->nopt++]))
				*why = "survey_err_text";
			continue;
		}
		if (nq && (*why = finish_question(&qs[nq - 1])) != NULL) {
			*bad_line = q_line;
			break;
		}
		if (nq == SURVEY_MAX_QUESTIONS) {
			*why = "survey_err_many";
			break;
		}
		q_line = line;
		*why = parse_question(a, t, strlen(t), &qs[nq++]);
	}
	if (!*why && nq && (*why = finish_question(&qs[nq - 1])) != NULL)
		*bad_line = q_line;
	if (!*why && nq == 0) {
		*why = "survey_err_empty";
		*bad_line = 1;
	}
	if (*why)
		return ERR_INVAL;
	*out = qs;
	*n = nq;
	return ERR_OK;
}

/* A choice number from 1 to max; 0 when it is not one. */
static int choice_number(const char *s, int max)
{
	if (!s || !*s || strlen(s) > 3 || strspn(s, "0123456789") != strlen(s))
		return 0;
	int v = atoi(s);
	return v >= 1 && v <= max ? v : 0;
}

/* Control characters other than line breaks and tabs. */
static bool has_controls(const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if ((*p < 0x20 && *p != '\n' && *p != '\r' && *p != '\t') || *p == 0x7f)
			return true;
	return false;
}

const char *survey_check(const struct question *q, const char *const *values, size_t nvalues, struct answer *out)
{
	memset(out, 0, sizeof *out);
	size_t given = 0;
	const char *first = NULL;
	for (size_t i = 0; i < nvalues; i++)
		if (values[i] && *values[i] && given++ == 0)
			first = values[i];
	if (given == 0)
		return q->required ? "survey_err_required" : NULL;
	out->given = true;
	switch (q->kind) {
	case Q_TEXT:
		if (given != 1 || !first || utf8_len(first, strlen(first)) > SURVEY_TEXT_MAX || has_controls(first))
			return "survey_err_choice";
		out->text = first;
		return NULL;
	case Q_SCALE:
	case Q_SINGLE: {
		int max = q->kind == Q_SCALE ? SURVEY_SCALE_MAX : (int)q->nopt;
		int v = nvalues == 1 ? choice_number(values[0], max) : 0;
		if (!v)
			return "survey_err_choice";
		out->choices[out->nchoices++] = v;
		return NULL;
	}
	case Q_MULTIPLE: {
		bool seen[SURVEY_MAX_OPTIONS + 1] = {false};
		for (size_t i = 0; i < nvalues; i++) {
			int v = choice_number(values[i], (int)q->nopt);
			if (!v || seen[v])
				return "survey_err_choice";
			seen[v] = true;
		}
		for (int v = 1; v <= (int)q->nopt; v++)
			if (seen[v])
				out->choices[out->nchoices++] = v;
		return NULL;
	}
	default: return "survey_err_choice";
	}
}

int survey_percent(long long n, long long total)
{
	if (total <= 0 || n <= 0)
		return 0;
	return (int)((n * 200 + total) / (total * 2));
}

/*
 * slots.c -- recurring appointment slots (see slots.h).
 */
#include "domain/slots.h"

#include <stdio.h>
#include <string.h>

static const char *const kind_names[SK__MAX] = {"mediation", "legal"};

enum slot_kind slot_kind_parse(const char *s)
{
	for (int k = 0; s && k < SK__MAX; k++)
		if (strcmp(s, kind_names[k]) == 0)
			return (enum slot_kind)k;
	return SK__MAX;
}

const char *slot_kind_name(enum slot_kind k)
{
	return k < SK__MAX ? kind_names[k] : "none";
}

bool slot_rule_valid(const struct slot_rule *r)
{
	return r->kind < SK__MAX && r->weekday >= 0 && r->weekday <= 6 && r->start_min >= 0 && r->end_min <= 1440 &&
	       r->length_min >= 5 && r->length_min <= 480 && r->start_min + r->length_min <= r->end_min &&
	       (r->until_day == CAL_DAY_INVALID || r->until_day >= r->from_day);
}

static bool rule_on(const struct slot_rule *r, enum slot_kind kind, int32_t day)
{
	return r->kind == kind && cal_weekday(day) == r->weekday && day >= r->from_day &&
	       (r->until_day == CAL_DAY_INVALID || day <= r->until_day) && slot_rule_valid(r);
}

/* Inserts s into the sorted out[0..*n) unless its start is there; counts past max without writing. */
static void add_slot(struct slot *out, size_t max, size_t *n, size_t *day_first, const struct slot *s)
{
	size_t i = *day_first;
	size_t stored = *n < max ? *n : max;
	for (; i < stored; i++) {
		if (out[i].start_min == s->start_min)
			return;
		if (out[i].start_min > s->start_min)
			break;
	}
	if (*n >= max) {
		(*n)++;
		return;
	}
	memmove(&out[i + 1], &out[i], (*n - i) * sizeof *out);
	out[i] = *s;
	(*n)++;
}

size_t slots_make(const struct cal *cal, const struct slot_rule *rules, size_t nrules, enum slot_kind kind,
                  int32_t from, int32_t to, struct slot *out, size_t max)
{
	size_t n = 0;
	for (int32_t day = from; day <= to; day++) {
		if (!cal_is_open(cal, day))
			continue;
		size_t first = n;
		for (size_t r = 0; r < nrules; r++) {
			if (!rule_on(&rules[r], kind, day))
				continue;
			for (int m = rules[r].start_min; m + rules[r].length_min <= rules[r].end_min;
			     m += rules[r].length_min)
				add_slot(out, max, &n, &first, &(struct slot){kind, day, m, rules[r].length_min});
		}
	}
	return n;
}

bool slot_offered(const struct cal *cal, const struct slot_rule *rules, size_t nrules, enum slot_kind kind, int32_t day,
                  int start_min, int *length)
{
	if (!cal_is_open(cal, day))
		return false;
	for (size_t r = 0; r < nrules; r++) {
		const struct slot_rule *x = &rules[r];
		if (rule_on(x, kind, day) && start_min >= x->start_min && start_min + x->length_min <= x->end_min &&
		    (start_min - x->start_min) % x->length_min == 0) {
			*length = x->length_min;
			return true;
		}
	}
	return false;
}

void slot_hhmm(int minutes, char out[6])
{
	snprintf(out, 6, "%02u:%02u", (unsigned)(minutes / 60) % 100u, (unsigned)(minutes % 60) % 60u);
}

int slot_parse_hhmm(const char *s)
{
	if (!s || strlen(s) != 5 || s[2] != ':')
		return -1;
	for (int i = 0; i < 5; i++)
		if (i != 2 && (s[i] < '0' || s[i] > '9'))
			return -1;
	int h = (s[0] - '0') * 10 + s[1] - '0', m = (s[3] - '0') * 10 + s[4] - '0';
	return h <= 24 && m <= 59 && (h < 24 || m == 0) ? h * 60 + m : -1;
}

void slot_key(const struct slot *s, char out[SLOT_KEY_SIZE])
{
	char day[CAL_ISO_SIZE];
	snprintf(out, SLOT_KEY_SIZE, "%s.%s.%02u%02u", slot_kind_name(s->kind), cal_format_iso(s->day, day),
	         (unsigned)(s->start_min / 60) % 100u, (unsigned)(s->start_min % 60) % 60u);
}

bool slot_key_parse(const char *key, struct slot *out)
{
	const char *dot = key ? strchr(key, '.') : NULL;
	char kind[16], day[CAL_ISO_SIZE], hhmm[6];
	if (!dot || (size_t)(dot - key) >= sizeof kind || strlen(dot + 1) != CAL_ISO_SIZE - 1 + 5 ||
	    dot[CAL_ISO_SIZE] != '.')
		return false;
	memcpy(kind, key, (size_t)(dot - key));
	kind[dot - key] = '\0';
	memcpy(day, dot + 1, CAL_ISO_SIZE - 1);
	day[CAL_ISO_SIZE - 1] = '\0';
	const char *t = dot + CAL_ISO_SIZE + 1;
	snprintf(hhmm, sizeof hhmm, "%.2s:%.2s", t, t + 2);
	out->kind = slot_kind_parse(kind);
	out->start_min = slot_parse_hhmm(hhmm);
	out->length_min = 0;
	return out->kind < SK__MAX && cal_parse_iso(day, &out->day) && out->start_min >= 0 && out->start_min < 1440;
}

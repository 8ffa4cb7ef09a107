/*
 * slots.h -- appointment slots for mediation (調解) and free legal advice
 * (義務律師諮詢): recurring rules ("Wednesdays 09:00-12:00 in 30-minute
 * slots") turned into the slots of given days, skipping days the office
 * calendar closes.  Slots are never stored; a booking names one by kind,
 * day and start, and slot_offered checks that the rules make it.
 *
 * Pure domain code: libc and domain/cal.h only.
 */
#ifndef BM_DOMAIN_SLOTS_H
#define BM_DOMAIN_SLOTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "domain/cal.h"

enum slot_kind { SK_MEDIATION, SK_LEGAL, SK__MAX };

/* "mediation" -> SK_MEDIATION; SK__MAX for anything else. */
enum slot_kind slot_kind_parse(const char *s);
const char *slot_kind_name(enum slot_kind k);

struct slot_rule {
	enum slot_kind kind;
	int weekday;                 /* 0 Sunday .. 6 Saturday */
	int start_min, end_min;      /* minutes after midnight, office time; slots end by end_min */
	int length_min;              /* 5..480 */
	int32_t from_day, until_day; /* cal day numbers; until CAL_DAY_INVALID: no end */
};

/* A rule as staff may enter it: a weekday, start before end, a length that fits at least once. */
bool slot_rule_valid(const struct slot_rule *r);

struct slot {
	enum slot_kind kind;
	int32_t day;
	int start_min, length_min;
};

/*
 * The slots of kind on days from..to (inclusive) that the rules make on
 * days cal keeps open, sorted by day and start, one per start (two rules
 * making the same start give one slot, the first rule's length).  Writes
 * at most max into out; returns how many there are (may exceed max).
 */
size_t slots_make(const struct cal *cal, const struct slot_rule *rules, size_t nrules, enum slot_kind kind,
                  int32_t from, int32_t to, struct slot *out, size_t max);

/* Whether the rules offer a slot of kind on day at start_min (on an open day); its length in *length. */
bool slot_offered(const struct cal *cal, const struct slot_rule *rules, size_t nrules, enum slot_kind kind, int32_t day,
                  int start_min, int *length);

/*
 * A slot as a form value: "mediation.2026-03-04.0930" (kind, day, start).
 * slot_key_parse fills kind, day and start_min (length 0); false for
 * anything else.
 */
enum { SLOT_KEY_SIZE = 32 };
void slot_key(const struct slot *s, char out[SLOT_KEY_SIZE]);
bool slot_key_parse(const char *key, struct slot *out);

/* "09:30" from minutes after midnight (out at least 6 bytes). */
void slot_hhmm(int minutes, char out[6]);
/* "09:30" -> 570; -1 when it is not a time of day. */
int slot_parse_hhmm(const char *s);

#endif

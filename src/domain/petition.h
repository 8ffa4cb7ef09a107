/*
 * petition.h -- petitions (陳情): their channels, the states they move
 * through, the outcomes that close them, and the deadline arithmetic that
 * applies to them and to cases (due dates, warning tiers).  The server
 * enforces these; the UI only offers them.
 *
 * Pure domain code: libc, util.h and cal.h only.  No I/O, no SQL, no
 * clock: callers pass "today" in.
 */
#ifndef BM_DOMAIN_PETITION_H
#define BM_DOMAIN_PETITION_H

#include <stdbool.h>
#include <stdint.h>

#include "domain/cal.h"

/* How a petition reached the office.  Names are the database's. */
enum pet_channel {
	PC_WEB,        /* the citizen's web form */
	PC_COUNTER,    /* oral, at the counter (行政程序法 §169: read back) */
	PC_HOTLINE,    /* the 1999 hotline */
	PC_MAYOR,      /* the mayor's mailbox (市長信箱), forwarded */
	PC_CHIEF,      /* the district chief's mailbox (區長信箱) */
	PC_MAILBOX,    /* 便民信箱 */
	PC_SUGGESTION, /* the suggestion box at the service desk (意見箱) */
	PC_LETTER,
	PC_EMAIL,
	PC_FAX,
	PC_OPEN311, /* a partner's system through the Open311 API (docs/open311.md) */
	PC_FIELD,   /* a village officer's field report (里幹事 隨時查報) */
	PC__MAX
};

/* "hotline" -> PC_HOTLINE; PC__MAX for anything else (NULL too). */
enum pet_channel pet_channel_parse(const char *s);
const char *pet_channel_name(enum pet_channel c);
/*
 * The channels a citizen files under on the public site: the general form
 * (web) and the named mailboxes, 區長信箱 (chief) and 便民信箱 (mailbox).
 */
bool pet_channel_public(enum pet_channel c);
/*
 * An oral petition, whose record is read back to the petitioner and
 * confirmed (行政程序法 §169): at the counter and on the 1999 line.
 */
bool pet_channel_read_back(enum pet_channel c);
/*
 * Where a channel's petitions go without waiting for the routing desk:
 * the mailboxes' to the secretariat (秘書室, ACCESS_OFFICE_UNIT), which
 * reads the chief's mail and the 便民信箱 daily and asks the units
 * concerned (會辦); NULL for the others (the routing desk decides).
 */
const char *pet_channel_route_default(enum pet_channel c);

enum pet_state {
	PS_RECEIVED,    /* 收件: waiting for the secretariat to route it */
	PS_ROUTED,      /* 已分派課室: waiting for the unit head to pick an officer */
	PS_ASSIGNED,    /* 承辦中 */
	PS_REPLIED,     /* 已答復: the reply is on the status page */
	PS_TRANSFERRED, /* 已移文: sent to the competent agency */
	PS_NOT_HANDLED, /* 不予處理 (行政程序法 §173) */
	PS_DUPLICATE,   /* 重複陳情: handled with another petition */
	PS__MAX
};

enum pet_state pet_state_parse(const char *s);
const char *pet_state_name(enum pet_state s);
/* Open states count against the deadline (received, routed, assigned). */
bool pet_state_open(enum pet_state s);
/* True for the four outcomes that close a petition. */
bool pet_state_outcome(enum pet_state s);
/*
 * True when a petition in state from may move to state to: routing
 * (received/routed/assigned -> routed, i.e. also re-routing to another
 * unit), assigning (routed/assigned -> assigned), and closing with an
 * outcome from any open state.  Closed petitions never move.
 */
bool pet_move_allowed(enum pet_state from, enum pet_state to);

/* Grounds for not handling a petition: 行政程序法 §173, items 1-3. */
enum pet_ground {
	PG_S173_1, /* no specific content, or no real name or address */
	PG_S173_2, /* same matter, properly handled and clearly answered, raised again */
	PG_S173_3, /* sent to several agencies; this one is not competent */
	PG__MAX
};
enum pet_ground pet_ground_parse(const char *s);
const char *pet_ground_name(enum pet_ground g);

/*
 * The due date of a petition received on "received" with a rule of "days"
 * working days; when an extension was approved (ext_until is a valid day)
 * the extended date instead, moved to the next open day when the office
 * is closed on it (行政程序法 §48).
 */
int32_t pet_due(const struct cal *c, int32_t received, int days, int32_t ext_until);

/* Warning tiers of an open item with a due date. */
enum tier {
	TIER_NONE,
	TIER_NEAR, /* at most near_days working days left */
	TIER_DUE_TODAY,
	TIER_OVERDUE,
	TIER__MAX
};
const char *tier_name(enum tier t); /* "near", "due_today", "overdue", NULL for none */
/* The staff pages' flag (CSS class and flag_* string): "due_soon", "due_today", "overdue", NULL for none. */
const char *tier_flag(enum tier t);

/*
 * The tier of an item due on "due", seen on "today": overdue when due <
 * today, due_today when equal, near when cal_working_days_between(today,
 * due) <= near_days, else none.
 */
enum tier deadline_tier(const struct cal *c, int32_t today, int32_t due, int near_days);

/*
 * The last due date that is still TIER_NEAR seen on "today" (the day before
 * the (near_days+1)-th open day after today): an item due after today is
 * near exactly when due <= this day.  Lets queries count tiers by date.
 */
int32_t deadline_near_until(const struct cal *c, int32_t today, int near_days);

#endif

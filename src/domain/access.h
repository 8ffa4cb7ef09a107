/*
 * access.h -- who may see and do what to which record: the one place the
 * office's access rules live.  Handlers describe the signed-in person (an
 * actor) and the record (its kind, owning unit, confidentiality, who it is
 * assigned to, who registered it, its state facts), ask access_allows, and
 * never decide themselves.  tests/unit/test_access.c holds the rules as a
 * table of role x unit x record x action.
 *
 * The rules, in short:
 * - Cases: every staff role sees a case with the person masked; counter
 *   staff and administrators act on any case, officers and heads on their
 *   own unit's.  Showing the person in full (reveal) is for officers and
 *   heads of the case's unit, the office head, and counter staff for cases
 *   they registered; nobody else.
 * - Petitions: the same, except that a confidential one (保密, 行政程序法
 *   §170) shows its subject, content and petitioner only to its officer, the
 *   heads of its unit and the office head; the routing desk sees its
 *   subject (to route it), never the petitioner; everyone else sees only
 *   that it exists.  A phone never finds a confidential petition.
 * - Assignment: a case is handed to an officer of its unit by the counter
 *   clerk who takes it in, a head of the unit, the office head or an
 *   administrator, while it is open; a petition by a head of its unit or
 *   the routing desk once routed.
 * - Extensions, of petitions and of cases alike: the assigned officer
 *   asks; a head of the unit or the office head decides, never the one
 *   who asked.
 * - A lost query code is replaced, after checking the person's identity,
 *   by counter staff (any case, any petition they may see in full) and by
 *   the record's unit; never by the hotline (a voice proves nothing) or
 *   administrators.
 * - 會辦: the units a petition's lead asks to handle it with it see it as
 *   its own unit does (officers and heads) and record their part while it
 *   is open; only the lead closes it.
 * - The unit's content -- FAQ entries, services and their notice sheets,
 *   forms (書表), news: officers and heads edit (and publish) their unit's,
 *   administrators every unit's; counter and hotline staff none.
 * - Events, questionnaires and the appointment desk (issue #18): officers
 *   and heads of the unit that runs one, the office head and
 *   administrators run it (publish, open, close, attendance, slots); the
 *   list of who signed up or booked is shown masked to them, in full (and
 *   as CSV) only to the unit and the office head.  The appointment desk
 *   belongs to ACCESS_DESK_UNIT; counter staff see its day list, masked,
 *   to help visitors at the front desk.
 * - Villages (里): everyone sees a village's page; its village officers
 *   (里幹事) and administrators edit it (contacts, hours, news and
 *   events) and file field reports from them (里幹事 隨時查報: a petition
 *   the office then handles like any other; administrators may file one
 *   for any village); a village officer sees and does nothing else.
 *
 * The office head is a head of the secretariat (秘書室) or with no unit
 * (區長); the routing desk is the office head and the administrators.
 *
 * Pure domain code: libc and domain/role.h only.  No I/O, no SQL, nothing
 * from app/.
 */
#ifndef BM_DOMAIN_ACCESS_H
#define BM_DOMAIN_ACCESS_H

#include <stdbool.h>

#include "domain/role.h"

/* The unit whose heads oversee the whole office and route petitions. */
#define ACCESS_OFFICE_UNIT "secretariat"
/* The unit that runs mediation and the free legal advice (民政課, the Mediation Committee). */
#define ACCESS_DESK_UNIT "civil"

struct actor {
	enum role role;
	const char *unit;            /* NULL: office-wide */
	long long id;                /* users.id */
	const char *const *villages; /* village officers: the codes of their villages, NULL-terminated; NULL: none */
};

enum record_kind {
	REC_CASE,
	REC_PETITION,
	REC_FAQ,
	REC_SERVICE,
	REC_FORM,
	REC_NEWS,
	REC_EVENT,   /* an event and its sign-ups */
	REC_SURVEY,  /* a questionnaire and its answers */
	REC_BOOKING, /* the appointment desk: slots and bookings */
	REC_VILLAGE, /* a village's page */
};

/* Where a petition or a case stands, as far as access goes (an open case: any but STAGE_CLOSED). */
enum record_stage {
	STAGE_UNROUTED, /* received, waiting for the routing desk */
	STAGE_ROUTED,   /* routed to a unit or assigned: the unit picks an officer */
	STAGE_CLOSED,
};

struct record {
	enum record_kind kind;
	const char *unit;        /* owning unit; NULL: not routed yet */
	const char *village;     /* villages: its code */
	bool confidential;       /* petitions: 保密 */
	long long officer_id;    /* assigned officer; 0: none */
	long long registered_by; /* the staff member who registered it; 0: the citizen */
	enum record_stage stage;
	bool ext_pending;       /* an extension request waits */
	long long ext_asked_by; /* who asked it */
	bool ext_left;          /* petitions: requests made < requests allowed; cases: working days left */
	const char *const
	    *co_units; /* petitions: the units asked to handle it with the lead (會辦), NULL-terminated; NULL: none */
};

enum access_action {
	ACC_VIEW_SUMMARY,  /* that it exists: number, state, dates, unit */
	ACC_VIEW_SUBJECT,  /* its subject line */
	ACC_VIEW_CONTENT,  /* body, reply, closing note, extension reasons, event notes */
	ACC_VIEW_IDENTITY, /* the person, masked (王○明, 0912-***-678) */
	ACC_FIND_BY_PHONE, /* listed when looking a phone number up */
	ACC_REVEAL,        /* the person in full (audited) */
	ACC_HANDLE,        /* cases: move, notices; petitions: close with an outcome */
	ACC_ROUTE,         /* petitions: send to a unit */
	ACC_ASSIGN,        /* pick the officer */
	ACC_ASK_EXTENSION,
	ACC_DECIDE_EXTENSION,
	ACC_ALLOW_EXTENSION, /* one more request than the rule allows */
	ACC_EDIT, /* a unit's content (FAQ, services, forms, news), a village page; events, questionnaires, the desk:
	             run them */
	ACC_VIEW_AUDIT, /* the audit log's entries about this record */
	ACC_NEW_CODE,   /* cases, petitions: replace a lost query code after checking who asks */
	ACC_CO_ANSWER,  /* petitions: record a co-handling unit's part (會辦) */
	ACC_REPORT,     /* villages: file a field report from it (a petition, issue #13) */
	ACC__MAX
};

/* "counter" -> ROLE_COUNTER; ROLE__MAX for anything else. */
enum role role_parse(const char *s);
const char *role_name(enum role r);
/* "reveal" -> ACC_REVEAL, for tests and logs; ACC__MAX for anything else. */
enum access_action access_action_parse(const char *s);

/* May who do act to what? */
bool access_allows(const struct actor *who, const struct record *what, enum access_action act);

/* A head of the whole office (秘書室 or no unit). */
bool access_office_head(const struct actor *who);
/* Routes petitions: the office head and administrators. */
bool access_routes(const struct actor *who);
/* Sees every unit's records (queues, counts, the audit log): the office head and administrators. */
bool access_office_wide(const struct actor *who);
/* A head of unit. */
bool access_unit_head(const struct actor *who, const char *unit);

#endif

/*
 * signup.h -- the rules of taking part (issue #18): whether a sign-up gets
 * a place, waits, or is refused; who moves up from the waiting list when
 * places come free; and the office wall-clock times events are written in
 * ("YYYY-MM-DDTHH:MM", Asia/Taipei).
 *
 * Pure domain code: libc and domain/ only.  The store applies these
 * decisions inside one BEGIN IMMEDIATE transaction, so the counts they are
 * given are the committed truth for every process.
 */
#ifndef BM_DOMAIN_SIGNUP_H
#define BM_DOMAIN_SIGNUP_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

enum admit {
	ADMIT_CONFIRM, /* a place */
	ADMIT_WAIT,    /* full: on the waiting list */
	ADMIT_FULL,    /* full and no waiting list (or a party larger than the event) */
};

/*
 * A new sign-up for people when taken of capacity places are confirmed.
 * A place is given only while the waiting list is empty (nobody jumps the
 * queue), and only when the whole party fits.
 */
enum admit signup_admit(int capacity, int taken, int waiting, int people, bool waitlist);

/*
 * How many of the waiting list (people of each, in order) move up when
 * taken of capacity places are confirmed: strictly first come, first
 * served -- when the first in line does not fit, nobody behind them moves.
 */
size_t signup_promote(int capacity, int taken, const int *people, size_t n);

/* Bytes of a wall-clock time "YYYY-MM-DDTHH:MM" and its NUL. */
enum { LOCAL_TIME_SIZE = 17 };

/*
 * Checks a typed office time ("YYYY-MM-DDTHH:MM", a space instead of the T
 * allowed, as <input type=datetime-local> sends it) and writes it in the
 * stored form.  False for anything else or an impossible date or time.
 */
bool local_time_parse(const char *s, char out[LOCAL_TIME_SIZE]);
/* Unix time t as office wall-clock text. */
void local_time_format(time_t t, char out[LOCAL_TIME_SIZE]);
/* Office wall-clock text to unix time; -1 when it is not one. */
time_t local_time_to_unix(const char *s);

/*
 * The retention period of sign-ups' and bookings' personal data, in days,
 * from the office's setting signup_retention_days (NULL, blank or out of
 * 1..3650: the default of 90 days, which migration 017 also sets).
 */
int signup_retention_days(const char *setting);

/* Whether sign-up is open at now (office text): the window holds it and the event is neither closed nor begun. */
bool signup_window_open(const char *now, const char *from, const char *until, const char *starts, bool closed);

#endif

/*
 * sms.h -- sending one SMS through the office's HTTP gateway (libcurl).
 * Used by the scheduler's citizens' outbox only.  No store, no app.
 */
#ifndef BM_SCHED_SMS_H
#define BM_SCHED_SMS_H

#include <stddef.h>

#include "util/util.h"

/*
 * Asks the gateway at url (the request for one message,
 * domain/citizen_msg.h's cmsg_sms_url) with a GET; a 2xx answer is sent.
 * Returns ERR_OK, or ERR_IO with the reason in err (never the URL: it
 * carries the key).
 */
enum err sms_send(const char *url, char *err, size_t errsz);

#endif

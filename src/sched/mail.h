/*
 * mail.h -- sending one e-mail over SMTP (libcurl).  Used by the
 * scheduler's outbox only.  No store, no app.
 */
#ifndef BM_SCHED_MAIL_H
#define BM_SCHED_MAIL_H

#include <stddef.h>

#include "util/util.h"

/*
 * Sends a plain-text UTF-8 message through the SMTP server at url
 * (smtp://host:25, smtps://user:password@host:465, ...) from "from" to
 * "to".  Returns ERR_OK, or ERR_IO with the reason in err.
 */
enum err mail_send(const char *url, const char *from, const char *to, const char *subject, const char *body, char *err,
                   size_t errsz);

#endif

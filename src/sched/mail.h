/*
 * mail.h -- sending one e-mail over SMTP (libcurl).  Used by the
 * scheduler's outbox only.  No store, no app.
 */
#ifndef BM_SCHED_MAIL_H
#define BM_SCHED_MAIL_H

#include <stdbool.h>
#include <stddef.h>

#include "util/util.h"

/* The office's SMTP settings (domain/settings.h: smtp_url, smtp_from, smtp_user, smtp_password). */
struct mail_server {
	const char *url;             /* smtp://host:25, smtps://host:465 */
	const char *from;            /* the sender's address */
	const char *user, *password; /* NULL or "": no authentication */
};

/* Both an SMTP address and a sender are set. */
bool mail_configured(const struct mail_server *srv);

/*
 * Sends a plain-text UTF-8 message through srv to "to".  Returns ERR_OK,
 * or ERR_IO with the reason in err.
 */
enum err mail_send(const struct mail_server *srv, const char *to, const char *subject, const char *body, char *err,
                   size_t errsz);

#endif

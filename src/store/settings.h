/*
 * settings.h -- the office's settings (domain/settings.h names the keys)
 * and the test e-mails the settings page asks the scheduler to send.
 * Strings returned live in the caller's arena.
 */
#ifndef BM_STORE_SETTINGS_H
#define BM_STORE_SETTINGS_H

#include "domain/settings.h"
#include "store/store.h"

/* Every known setting into vals (NULL: unset); unknown keys in the table are skipped. */
enum err store_settings_load(struct store *st, struct arena *a, const char *vals[SET__MAX]);
/* Stores value under key; "" removes the key (unset).  The caller checked value (settings_check). */
enum err store_setting_put(struct store *st, const char *key, const char *value);

struct mail_test_rec {
	long long id;
	const char *to_addr, *requested_by, *requested_at;
	const char *state; /* "pending", "sent", "failed" */
	const char *result, *done_at;
};
/* Queues a test e-mail to to_addr for the scheduler. */
enum err store_mail_test_add(struct store *st, const char *to_addr, const char *by, const char *at);
/* The newest test e-mail; ERR_NOTFOUND when none was asked for. */
enum err store_mail_test_last(struct store *st, struct arena *a, struct mail_test_rec *out);
/* Those waiting for the scheduler, oldest first. */
enum err store_mail_tests_pending(struct store *st, struct arena *a, struct mail_test_rec **out, size_t *n);
/* Records how sending went: sent (error NULL) or failed with error. */
enum err store_mail_test_done(struct store *st, long long id, const char *error, const char *at);

#endif

/*
 * password.c -- argon2id password hashes (see password.h).  The cost is
 * OWASP's argon2id minimum (19 MiB, two passes), and at most
 * PASSWORD_PARALLEL hashes run at once: a burst of sign-ins queues here
 * instead of taking the machine's memory.
 */
#include "domain/password.h"

#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include <sodium.h>
#include <string.h>

enum { PW_OPS = 2, PW_MEM = 19 * 1024 * 1024 };

static sem_t g_slots;
static pthread_once_t g_slots_once = PTHREAD_ONCE_INIT;

static void slots_init(void)
{
	sem_init(&g_slots, 0, PASSWORD_PARALLEL);
}

static void slot_take(void)
{
	pthread_once(&g_slots_once, slots_init);
	while (sem_wait(&g_slots) != 0 && errno == EINTR)
		;
}

int password_hash(const char *pw, char *out)
{
	slot_take();
	int rc = crypto_pwhash_str(out, pw, strlen(pw), PW_OPS, PW_MEM);
	sem_post(&g_slots);
	return rc;
}

bool password_verify(const char *hash, const char *pw, size_t len)
{
	slot_take();
	bool ok = crypto_pwhash_str_verify(hash, pw, len) == 0;
	sem_post(&g_slots);
	return ok;
}

/*
 * keyfile.c -- the database's secret key, in DB.key beside it (see
 * store.h): 64 hex digits and a newline, mode 0600, made once by
 * `admin init` and never changed, since every query code issued is hashed
 * under it.
 */
#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store/internal.h"
#include "store/store.h"

enum { KEY_TEXT = 2 * STORE_KEY_BYTES + 1 }; /* hex digits and the newline */

static void key_path(const char *db_path, char *out, size_t outsz)
{
	snprintf(out, outsz, "%s.key", db_path);
}

enum err store_key_load(const char *db_path, unsigned char key[STORE_KEY_BYTES], char *err, size_t errsz)
{
	char path[4096], text[KEY_TEXT + 1];
	key_path(db_path, path, sizeof path);
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	if (fd < 0) {
		snprintf(err, errsz,
		         "%s: %m; it holds the key of every query code: restore it from where you keep it, or (a new "
		         "database) run: bianmin admin init --db %s",
		         path, db_path);
		return ERR_IO;
	}
	struct stat sb;
	ssize_t n = fstat(fd, &sb) == 0 && !(sb.st_mode & 077) ? read(fd, text, sizeof text) : -1;
	close(fd);
	size_t bin_len = 0;
	if (n != KEY_TEXT || text[KEY_TEXT - 1] != '\n' ||
	    sodium_hex2bin(key, STORE_KEY_BYTES, text, KEY_TEXT - 1, NULL, &bin_len, NULL) != 0 ||
	    bin_len != STORE_KEY_BYTES) {
		snprintf(err, errsz, "%s: not a key of %d hex digits readable by its owner only (mode 0600)", path,
		         2 * STORE_KEY_BYTES);
		return ERR_IO;
	}
	return ERR_OK;
}

bool store_key_exists(const char *db_path)
{
	char path[4096];
	key_path(db_path, path, sizeof path);
	return access(path, F_OK) == 0;
}

enum err store_key_create(const char *db_path, char *err, size_t errsz)
{
	char path[4096], text[KEY_TEXT + 1];
	key_path(db_path, path, sizeof path);
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
	if (fd < 0) {
		if (errno == EEXIST)
			return ERR_OK;
		snprintf(err, errsz, "%s: %m", path);
		return ERR_IO;
	}
	unsigned char key[STORE_KEY_BYTES];
	randombytes_buf(key, sizeof key);
	sodium_bin2hex(text, sizeof text, key, sizeof key);
	text[KEY_TEXT - 1] = '\n';
	sodium_memzero(key, sizeof key);
	bool ok = write(fd, text, KEY_TEXT) == KEY_TEXT && fsync(fd) == 0;
	sodium_memzero(text, sizeof text);
	if (close(fd) != 0 || !ok) {
		snprintf(err, errsz, "%s: %m", path);
		unlink(path);
		return ERR_IO;
	}
	return ERR_OK;
}

long store_keyed_codes(struct store *st)
{
	/* argon2id hashes, from before the key, start with '$' */
	sqlite3_stmt *s = stmt_get(st, "SELECT (SELECT count(*) FROM cases WHERE code_hash NOT LIKE '$%') + "
	                               "(SELECT count(*) FROM petitions WHERE code_hash NOT LIKE '$%')");
	long n = s && sqlite3_step(s) == SQLITE_ROW ? (long)sqlite3_column_int64(s, 0) : -1;
	if (s)
		sqlite3_reset(s);
	return n;
}

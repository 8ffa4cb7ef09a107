/*
 * main.c -- subcommand dispatch only.
 */
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cli.h"
#include "store/store.h"

#ifndef BM_VERSION /* the Makefile passes debian/changelog's; linters compile without it */
#define BM_VERSION "unknown"
#endif

static const char usage[] = "usage: bianmin COMMAND [options]\n"
                            "\n"
                            "  serve      run the embedded web server (libmicrohttpd)\n"
                            "  fcgi       run the FastCGI responder for nginx\n"
                            "  scheduler  flag petitions and cases near or past their deadline\n"
                            "  admin      create the database, import data, add users, back up\n"
                            "\n"
                            "\n"
                            "  --version  print the version and exit\n"
                            "`bianmin COMMAND --help` tells more.\n";

int main(int argc, char **argv)
{
	/*
	 * Whatever we create (the database, its -wal and -shm, backups, the
	 * FastCGI socket) is private unless widened on purpose: the socket to
	 * 0660 for nginx's group.
	 */
	umask(077);
	if (argc > 1 && strcmp(argv[1], "--version") == 0) {
		printf("bianmin %s\n", BM_VERSION);
		return 0;
	}
	if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		fputs(usage, argc < 2 ? stderr : stdout);
		return argc < 2 ? 2 : 0;
	}
	if (sodium_init() < 0 || store_library_init() != ERR_OK) {
		fputs("bianmin: libsodium or SQLite failed to start\n", stderr);
		return 1;
	}
	static const struct {
		const char *name;
		int (*fn)(int, char **);
	} cmds[] = {
	    {"serve", cli_serve},
	    {"fcgi", cli_fcgi},
	    {"admin", cli_admin},
	    {"scheduler", cli_scheduler},
	};
	for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++)
		if (strcmp(argv[1], cmds[i].name) == 0)
			return cmds[i].fn(argc - 1, argv + 1);
	fprintf(stderr, "bianmin: unknown command %s\n\n%s", argv[1], usage);
	return 2;
}

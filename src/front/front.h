/*
 * front.h -- the two front ends.  Each turns its protocol into struct req,
 * calls app_handle(), and writes struct resp back; nothing else.
 */
#ifndef BM_FRONT_H
#define BM_FRONT_H

#include "util/util.h"

/* Serves HTTP on host:port until SIGINT/SIGTERM.  Returns 0 or 1 on error. */
int front_httpd_run(const char *listen, unsigned threads);
/*
 * Serves FastCGI on the socket at path (created), or on fd 0 when path is
 * NULL, with that many responder threads, until SIGINT/SIGTERM.
 */
int front_fcgi_run(const char *socket_path, unsigned threads);

#endif

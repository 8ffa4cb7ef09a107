/*
 * fcgi_bare.c -- the floor under `bianmin fcgi` in make bench: a libfcgi
 * responder that answers every request with the same saved page, with as
 * many threads as bianmin runs and nothing else (no routing, no cache
 * lookup, no headers beyond the page's type).  What nginx -> libfcgi costs
 * on this machine, to read the fcgi rows against.
 *
 *   fcgi_bare SOCKET PAGE THREADS
 */
#include <fcgiapp.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int listen_fd;
static char *page;
static long page_len;

static void *responder(void *arg)
{
	(void)arg;
	FCGX_Request rq;
	FCGX_InitRequest(&rq, listen_fd, 0);
	while (FCGX_Accept_r(&rq) == 0) {
		/* read the input to its end, as bianmin does, so a kept connection stays in step */
		char sink[4096];
		while (FCGX_GetStr(sink, sizeof sink, rq.in) > 0)
			;
		FCGX_PutS("Status: 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n", rq.out);
		FCGX_PutStr(page, (int)page_len, rq.out);
		FCGX_Finish_r(&rq);
	}
	return NULL;
}

int main(int argc, char **argv)
{
	if (argc != 4) {
		fprintf(stderr, "usage: fcgi_bare SOCKET PAGE THREADS\n");
		return 2;
	}
	FILE *f = fopen(argv[2], "rb");
	if (!f || fseek(f, 0, SEEK_END) != 0 || (page_len = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0) {
		perror(argv[2]);
		return 1;
	}
	page = malloc((size_t)page_len + 1);
	if (!page || fread(page, 1, (size_t)page_len, f) != (size_t)page_len) {
		perror(argv[2]);
		return 1;
	}
	fclose(f);
	int threads = atoi(argv[3]);
	if (FCGX_Init() != 0 || (listen_fd = FCGX_OpenSocket(argv[1], 4096)) < 0) {
		fprintf(stderr, "fcgi_bare: cannot listen on %s\n", argv[1]);
		return 1;
	}
	pthread_t *t = calloc((size_t)threads, sizeof *t);
	for (int i = 0; t && i < threads; i++)
		pthread_create(&t[i], NULL, responder, NULL);
	for (int i = 0; t && i < threads; i++)
		pthread_join(t[i], NULL);
	return 0;
}

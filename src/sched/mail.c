/*
 * mail.c -- one SMTP message through libcurl (see mail.h).
 */
#include "sched/mail.h"

#include <curl/curl.h>
#include <stdio.h>
#include <string.h>

#include "domain/clock.h"

struct upload {
	const char *data;
	size_t len, off;
};

static size_t read_cb(char *ptr, size_t size, size_t nmemb, void *ud)
{
	struct upload *u = ud;
	size_t room = size * nmemb, left = u->len - u->off;
	size_t n = left < room ? left : room;
	memcpy(ptr, u->data + u->off, n);
	u->off += n;
	return n;
}

/* RFC 2047 encoded-word for a UTF-8 header value (base64). */
static void put_encoded(struct buf *b, const char *s)
{
	static const char tab[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s);
	buf_puts(b, "=?UTF-8?B?");
	for (size_t i = 0; i < n; i += 3) {
		unsigned v =
		    (unsigned)p[i] << 16 | (i + 1 < n ? (unsigned)p[i + 1] << 8 : 0) | (i + 2 < n ? p[i + 2] : 0);
		buf_putc(b, tab[v >> 18 & 63]);
		buf_putc(b, tab[v >> 12 & 63]);
		buf_putc(b, i + 1 < n ? tab[v >> 6 & 63] : '=');
		buf_putc(b, i + 2 < n ? tab[v & 63] : '=');
	}
	buf_puts(b, "?=");
}

bool mail_configured(const struct mail_server *srv)
{
	return srv->url && *srv->url && srv->from && *srv->from;
}

enum err mail_send(const struct mail_server *srv, const char *to, const char *subject, const char *body, char *err,
                   size_t errsz)
{
	const char *from = srv->from;
	if (strpbrk(to, "\r\n<>") || strpbrk(from, "\r\n<>")) {
		snprintf(err, errsz, "bad address");
		return ERR_IO;
	}
	struct buf msg;
	buf_init(&msg);
	char date[64];
	time_t now = clock_now();
	struct tm tm;
	gmtime_r(&now, &tm);
	strftime(date, sizeof date, "%a, %d %b %Y %H:%M:%S +0000", &tm);
	buf_printf(&msg, "Date: %s\r\nFrom: <%s>\r\nTo: <%s>\r\nSubject: ", date, from, to);
	put_encoded(&msg, subject);
	buf_puts(&msg, "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n"
	               "Content-Transfer-Encoding: 8bit\r\nAuto-Submitted: auto-generated\r\n\r\n");
	for (const char *p = body; *p; p++) {
		if (*p == '\n' && (p == body || p[-1] != '\r'))
			buf_putc(&msg, '\r');
		buf_putc(&msg, *p);
	}
	buf_puts(&msg, "\r\n");

	enum err rc = ERR_IO;
	CURL *c = curl_easy_init();
	if (!c) {
		snprintf(err, errsz, "curl_easy_init failed");
		buf_free(&msg);
		return ERR_IO;
	}
	char from_b[300], to_b[300];
	snprintf(from_b, sizeof from_b, "<%s>", from);
	snprintf(to_b, sizeof to_b, "<%s>", to);
	struct curl_slist *rcpt = curl_slist_append(NULL, to_b);
	struct upload up = {msg.data, msg.len, 0};
	char ebuf[CURL_ERROR_SIZE] = "";
	curl_easy_setopt(c, CURLOPT_URL, srv->url);
	if (srv->user && *srv->user) {
		curl_easy_setopt(c, CURLOPT_USERNAME, srv->user);
		curl_easy_setopt(c, CURLOPT_PASSWORD, srv->password ? srv->password : "");
	}
	curl_easy_setopt(c, CURLOPT_MAIL_FROM, from_b);
	curl_easy_setopt(c, CURLOPT_MAIL_RCPT, rcpt);
	curl_easy_setopt(c, CURLOPT_READFUNCTION, read_cb);
	curl_easy_setopt(c, CURLOPT_READDATA, &up);
	curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
	curl_easy_setopt(c, CURLOPT_USE_SSL, (long)CURLUSESSL_TRY);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 10L);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, 30L);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_ERRORBUFFER, ebuf);
	CURLcode res = curl_easy_perform(c);
	if (res == CURLE_OK)
		rc = ERR_OK;
	else
		snprintf(err, errsz, "%s", ebuf[0] ? ebuf : curl_easy_strerror(res));
	curl_slist_free_all(rcpt);
	curl_easy_cleanup(c);
	buf_free(&msg);
	return rc;
}

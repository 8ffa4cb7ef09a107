/*
 * citizen_msg.c -- the texts of messages to citizens (see citizen_msg.h).
 */
#include "domain/citizen_msg.h"

#include <string.h>

#include "domain/cal.h"

/* The words of one language. */
struct words {
	const char *petition, *application;
	const char *hello, *receipt_subj, *receipt_body, *keep_code;
	const char *corr_subj, *corr_body, *corr_bring, *corr_paused;
	const char *state_subj, *state_body, *state_due;
	const char *reply_subj, *reply_body, *reply_contact, *survey;
	const char *link_subj, *link_body;
	const char *lookup, *footer;
	const char *sms_receipt, *sms_reply;
};

static const struct words words[LANG__MAX] = {
    [LANG_ZH] =
        {
            .petition = "陳情",
            .application = "申辦案件",
            .hello = "%s 您好：\n\n",
            .receipt_subj = "[%s] %s收件通知 %s",
            .receipt_body = "本所已收到您的%s「%s」，收件編號 %s，查詢碼 %s。\n預計於 %s 前辦結。\n",
            .keep_code = "查詢碼只寄這一次，請妥善保存。",
            .corr_subj = "[%s] 補正通知 %s",
            .corr_body = "您申辦的「%s」（案號 %s）尚缺下列文件或事項：\n",
            .corr_bring = "\n請於 %s 前一次備齊，送至%s（%s）。\n承辦人 %s，電話 %s。\n",
            .corr_paused = "補正期間不計入處理期限。\n",
            .state_subj = "[%s] %s進度通知 %s",
            .state_body = "您的%s %s（%s）目前進度：%s。\n",
            .state_due = "預計於 %s 前辦結。\n",
            .reply_subj = "[%s] 陳情答復 %s",
            .reply_body = "您的陳情「%s」（收件編號 %s）答復如下：\n\n%s\n",
            .reply_contact = "\n承辦單位 %s，電話 %s。\n",
            .survey = "歡迎以收件編號與查詢碼查詢後填寫滿意度調查：%s\n",
            .link_subj = "[%s] 補發查詢碼 %s",
            .link_body = "有人為您的%s（編號 %s）申請補發查詢碼。請於 %s 前開啟下列連結，取得新的查詢碼"
                         "（連結只能使用一次，使用後原查詢碼即失效）：\n%s\n\n若不是您申請的，請忽略本信，"
                         "原查詢碼仍然有效。\n",
            .lookup = "以收件編號與查詢碼查詢進度：%s\n",
            .footer = "\n%s\n（本信由系統寄出，請勿直接回覆。）\n",
            .sms_receipt = "%s：已收到您的%s，編號 %s，查詢碼 %s。查詢 %s",
            .sms_reply = "%s：您的陳情 %s 已有答復，請以編號與查詢碼查詢 %s",
        },
    [LANG_EN] =
        {
            .petition = "petition",
            .application = "application",
            .hello = "Dear %s,\n\n",
            .receipt_subj = "[%s] We received your %s %s",
            .receipt_body = "We received your %s \"%s\": number %s, query code %s.\nWe expect to finish it by %s.\n",
            .keep_code = "The query code is sent only this once; please keep it.",
            .corr_subj = "[%s] Documents needed for %s",
            .corr_body = "Your application \"%s\" (number %s) still needs:\n",
            .corr_bring = "\nPlease bring them all by %s to %s (%s).\nOfficer: %s, phone %s.\n",
            .corr_paused = "The time you take does not count against our deadline.\n",
            .state_subj = "[%s] News of your %s %s",
            .state_body = "Your %s %s (\"%s\") is now: %s.\n",
            .state_due = "We now expect to finish it by %s.\n",
            .reply_subj = "[%s] Our reply to your petition %s",
            .reply_body = "Our reply to your petition \"%s\" (number %s):\n\n%s\n",
            .reply_contact = "\nSection: %s, phone %s.\n",
            .survey = "Please tell us how we did (look it up with the number and query code): %s\n",
            .link_subj = "[%s] A new query code for %s",
            .link_body = "Someone asked for a new query code for your %s (number %s). Open this link by %s to get "
                         "it (the link works once; the old code then stops working):\n%s\n\nIf it was not you, "
                         "ignore this message: your code still works.\n",
            .lookup = "Look it up with the number and query code: %s\n",
            .footer = "\n%s\n(Sent automatically; please do not reply to this message.)\n",
            .sms_receipt = "%s: we received your %s %s, query code %s. Status: %s",
            .sms_reply = "%s: the reply to your petition %s is ready. Look it up: %s",
        },
};

static const char *or_dash(const char *s)
{
	return s && *s ? s : "-";
}

/* An ISO date as people read it: 民國 in Chinese; the ISO text when it is not one. */
static const char *day_words(struct arena *a, enum lang lang, const char *iso)
{
	int32_t d;
	char buf[64];
	if (!iso || !cal_parse_iso(iso, &d) || !cal_format_roc(d, lang, buf, sizeof buf))
		return or_dash(iso);
	return arena_strdup(a, buf);
}

/*
 * The template t with each "%s" replaced by the next of args (the texts
 * are data, not printf formats: -Wformat-nonliteral stays on).
 */
static void fill(struct buf *b, const char *t, const char *const *args, size_t n)
{
	size_t k = 0;
	for (const char *p = t; *p; p++) {
		if (p[0] == '%' && p[1] == 's') {
			buf_puts(b, k < n ? args[k++] : "");
			p++;
		} else {
			buf_putc(b, *p);
		}
	}
}
#define FILL(b, t, ...)                                                                                                \
	fill((b), (t), (const char *const[]){__VA_ARGS__}, sizeof((const char *const[]){__VA_ARGS__}) / sizeof(char *))

static const char *filled(struct arena *a, const char *t, const char *const *args, size_t n)
{
	struct buf b;
	buf_init(&b);
	fill(&b, t, args, n);
	const char *s = arena_strdup(a, buf_str(&b));
	buf_free(&b);
	return s;
}
#define FILLED(a, t, ...)                                                                                              \
	filled((a), (t), (const char *const[]){__VA_ARGS__},                                                           \
	       sizeof((const char *const[]){__VA_ARGS__}) / sizeof(char *))

static void compose_email(struct buf *b, enum cmsg_kind k, const struct cmsg_in *in, const struct words *w,
                          const char *what, const char *date)
{
	if (in->name && *in->name)
		FILL(b, w->hello, in->name);
	switch (k) {
	case CMSG_RECEIPT:
		FILL(b, w->receipt_body, what, or_dash(in->subject), in->no, or_dash(in->code), date);
		buf_puts(b, w->keep_code);
		buf_putc(b, '\n');
		FILL(b, w->lookup, or_dash(in->status_url));
		break;
	case CMSG_CORRECTION:
		FILL(b, w->corr_body, or_dash(in->subject), in->no);
		for (size_t i = 0; i < in->nitems; i++)
			buf_printf(b, "  %zu. %s\n", i + 1, in->items[i]);
		FILL(b, w->corr_bring, date, or_dash(in->unit), or_dash(in->where), or_dash(in->officer),
		     or_dash(in->phone));
		buf_puts(b, w->corr_paused);
		FILL(b, w->lookup, or_dash(in->status_url));
		break;
	case CMSG_STATE:
		FILL(b, w->state_body, what, in->no, or_dash(in->subject), or_dash(in->state));
		if (in->date)
			FILL(b, w->state_due, date);
		FILL(b, in->survey ? w->survey : w->lookup, or_dash(in->status_url));
		break;
	case CMSG_REPLY:
		FILL(b, w->reply_body, or_dash(in->subject), in->no, or_dash(in->reply));
		if (in->unit)
			FILL(b, w->reply_contact, in->unit, or_dash(in->phone));
		FILL(b, w->survey, or_dash(in->status_url));
		break;
	case CMSG_CODE_LINK: {
		struct buf link;
		buf_init(&link);
		FILL(&link, "%s/code?link=%s", or_dash(in->status_url), or_dash(in->link_token));
		FILL(b, w->link_body, what, in->no, date, buf_str(&link));
		buf_free(&link);
		break;
	}
	}
	FILL(b, w->footer, or_dash(in->office));
}

static const char *email_subject(struct arena *a, enum cmsg_kind k, const struct cmsg_in *in, const struct words *w,
                                 const char *what)
{
	const char *office = or_dash(in->office);
	switch (k) {
	case CMSG_RECEIPT: return FILLED(a, w->receipt_subj, office, what, in->no);
	case CMSG_CORRECTION: return FILLED(a, w->corr_subj, office, in->no);
	case CMSG_STATE: return FILLED(a, w->state_subj, office, what, in->no);
	case CMSG_CODE_LINK: return FILLED(a, w->link_subj, office, in->no);
	case CMSG_REPLY: break;
	}
	return FILLED(a, w->reply_subj, office, in->no);
}

void cmsg_compose(struct arena *a, enum cmsg_kind k, enum cmsg_channel ch, const struct cmsg_in *in, struct cmsg *out)
{
	const struct words *w = &words[in->lang == LANG_EN ? LANG_EN : LANG_ZH];
	const char *what = in->is_case ? w->application : w->petition;
	const char *office = or_dash(in->office), *url = or_dash(in->status_url);
	if (ch == CMSG_SMS) {
		out->subject = NULL;
		out->body = k == CMSG_RECEIPT ? FILLED(a, w->sms_receipt, office, what, in->no, or_dash(in->code), url)
		                              : FILLED(a, w->sms_reply, office, in->no, url);
		return;
	}
	struct buf b;
	buf_init(&b);
	compose_email(&b, k, in, w, what, day_words(a, in->lang, in->date));
	out->subject = email_subject(a, k, in, w, what);
	out->body = arena_strdup(a, buf_str(&b));
	buf_free(&b);
}

static bool plausible_email(const char *s)
{
	const char *at = s ? strchr(s, '@') : NULL;
	return at && at > s && at[1] && !strchr(at + 1, '@') && !strpbrk(s, " \t\r\n<>\",;");
}

/* A Taiwanese mobile number in phone: its 09xxxxxxxx form in mobile. */
static bool mobile_number(const char *phone, char mobile[CMSG_MOBILE_SIZE])
{
	char d[24];
	size_t n = 0;
	for (const char *p = phone; p && *p && n + 1 < sizeof d; p++)
		if (*p >= '0' && *p <= '9')
			d[n++] = *p;
	d[n] = '\0';
	const char *rest = NULL;
	if (n == 10 && strncmp(d, "09", 2) == 0)
		rest = d + 1;
	else if (n == 12 && strncmp(d, "8869", 4) == 0)
		rest = d + 3;
	if (!rest)
		return false;
	mobile[0] = '0';
	memcpy(mobile + 1, rest, 10);
	return true;
}

enum cmsg_channel cmsg_channel_for(const char *email, const char *phone, enum cmsg_kind k,
                                   char mobile[CMSG_MOBILE_SIZE])
{
	if (plausible_email(email))
		return CMSG_EMAIL;
	if (k == CMSG_CODE_LINK) /* the address on record is what proves it is theirs */
		return CMSG_NONE;
	if ((k == CMSG_RECEIPT || k == CMSG_REPLY) && mobile_number(phone, mobile))
		return CMSG_SMS;
	return CMSG_NONE;
}

static void put_escaped(struct buf *b, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		    strchr("-._~", *p)) {
			buf_putc(b, (char)*p);
			continue;
		}
		buf_putc(b, '%');
		buf_putc(b, hex[*p >> 4]);
		buf_putc(b, hex[*p & 15]);
	}
}

const char *cmsg_sms_url(struct arena *a, const char *tmpl, const char *key, const char *to, const char *text)
{
	static const char *const names[] = {"{key}", "{to}", "{text}"};
	const char *values[] = {key ? key : "", to, text};
	struct buf b;
	buf_init(&b);
	for (const char *p = tmpl; *p;) {
		size_t k = 0;
		while (k < 3 && strncmp(p, names[k], strlen(names[k])) != 0)
			k++;
		if (k < 3) {
			put_escaped(&b, values[k]);
			p += strlen(names[k]);
		} else {
			buf_putc(&b, *p++);
		}
	}
	const char *url = arena_strdup(a, buf_str(&b));
	buf_free(&b);
	return url;
}

/* s without its leading and trailing spaces: its start, and its length in *n. */
static const char *trimmed(const char *s, size_t *n)
{
	while (*s == ' ' || *s == '\t')
		s++;
	size_t len = strlen(s);
	while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	*n = len;
	return s;
}

bool cmsg_email_matches(const char *on_record, const char *typed)
{
	if (!on_record || !typed)
		return false;
	size_t na, nb;
	const char *a = trimmed(on_record, &na), *b = trimmed(typed, &nb);
	if (na == 0 || na != nb)
		return false;
	for (size_t i = 0; i < na; i++) {
		char x = a[i], y = b[i];
		if (x >= 'A' && x <= 'Z')
			x = (char)(x - 'A' + 'a');
		if (y >= 'A' && y <= 'Z')
			y = (char)(y - 'A' + 'a');
		if (x != y)
			return false;
	}
	return true;
}

const char *cmsg_kind_name(enum cmsg_kind k)
{
	static const char *const names[] = {"receipt", "correction", "state", "reply", "code_link"};
	return names[k];
}

const char *cmsg_channel_name(enum cmsg_channel ch)
{
	return ch == CMSG_SMS ? "sms" : "email";
}

/*
 * handlers.h -- every page handler, one group per file.  A handler reads
 * validated fields (req_field), calls the store, fills a view and renders.
 *
 * Must not include: sqlite3.h, microhttpd.h, fcgiapp.h.
 */
#ifndef BM_HANDLERS_H
#define BM_HANDLERS_H

#include "app/http.h"
#include "domain/access.h"

/* public.c: the catalog, notice sheets, FAQ, units, news */
void h_home(struct req *rq, struct resp *rs);
void h_services(struct req *rq, struct resp *rs);
void h_service(struct req *rq, struct resp *rs);
void h_processing_times(struct req *rq, struct resp *rs);
void h_units(struct req *rq, struct resp *rs);
void h_faq_list(struct req *rq, struct resp *rs);
void h_faq_item(struct req *rq, struct resp *rs);
void h_news_list(struct req *rq, struct resp *rs);
void h_news_item(struct req *rq, struct resp *rs);
void h_about(struct req *rq, struct resp *rs);
void h_healthz(struct req *rq, struct resp *rs);

/* staff.c: signing in and out, staff home, calendar administration */
void h_login_form(struct req *rq, struct resp *rs);
void h_login(struct req *rq, struct resp *rs);
void h_password_form(struct req *rq, struct resp *rs);
void h_password_change(struct req *rq, struct resp *rs);
void h_logout(struct req *rq, struct resp *rs);
void h_staff_home(struct req *rq, struct resp *rs);
void h_calendar_admin(struct req *rq, struct resp *rs);
void h_closure_add(struct req *rq, struct resp *rs);

/* the office's own settings and content (issue #11) */
/* settings_admin.c: the office's settings and the test e-mail */
void h_settings_admin(struct req *rq, struct resp *rs);
void h_settings_save(struct req *rq, struct resp *rs);
void h_mail_test(struct req *rq, struct resp *rs);
/* office_admin.c: units (課室) and petition categories */
void h_units_admin(struct req *rq, struct resp *rs);
void h_unit_add(struct req *rq, struct resp *rs);
void h_unit_edit_form(struct req *rq, struct resp *rs);
void h_unit_update(struct req *rq, struct resp *rs);
void h_categories_admin(struct req *rq, struct resp *rs);
void h_category_add(struct req *rq, struct resp *rs);
void h_category_edit_form(struct req *rq, struct resp *rs);
void h_category_update(struct req *rq, struct resp *rs);
/* accounts.c: staff accounts */
void h_users_admin(struct req *rq, struct resp *rs);
void h_user_add(struct req *rq, struct resp *rs);
void h_user_edit_form(struct req *rq, struct resp *rs);
void h_user_update(struct req *rq, struct resp *rs);
void h_user_active(struct req *rq, struct resp *rs);
void h_user_reset_password(struct req *rq, struct resp *rs);
/* villages.c: villages (里), their public pages and their officers' editing */
void h_villages(struct req *rq, struct resp *rs);
void h_village(struct req *rq, struct resp *rs);
void h_villages_staff(struct req *rq, struct resp *rs);
void h_village_add(struct req *rq, struct resp *rs);
void h_village_edit_form(struct req *rq, struct resp *rs);
void h_village_update(struct req *rq, struct resp *rs);
void h_village_post_add(struct req *rq, struct resp *rs);
void h_village_post_delete(struct req *rq, struct resp *rs);

/* counter.c: registering cases, receipts, correction notices, queues */
void h_case_new_form(struct req *rq, struct resp *rs);
void h_case_create(struct req *rq, struct resp *rs);
void h_case_receipt(struct req *rq, struct resp *rs);
void h_case_view(struct req *rq, struct resp *rs);
void h_case_reveal(struct req *rq, struct resp *rs);
void h_case_move(struct req *rq, struct resp *rs);
void h_notice_form(struct req *rq, struct resp *rs);
void h_notice_create(struct req *rq, struct resp *rs);
void h_notice_print(struct req *rq, struct resp *rs);
void h_case_corrected(struct req *rq, struct resp *rs);
void h_case_find(struct req *rq, struct resp *rs);
void h_queue(struct req *rq, struct resp *rs);

/* status.c: the citizen's case lookup */
void h_status_form(struct req *rq, struct resp *rs);
void h_status_lookup(struct req *rq, struct resp *rs);

/* search.c: the search page, the hotline console, the synonym table */
void h_search(struct req *rq, struct resp *rs);
void h_console(struct req *rq, struct resp *rs);
void h_synonyms(struct req *rq, struct resp *rs);
void h_synonym_add(struct req *rq, struct resp *rs);
void h_synonym_delete(struct req *rq, struct resp *rs);

/* faq_admin.c: staff editing FAQ entries */
void h_faq_admin_list(struct req *rq, struct resp *rs);
void h_faq_new_form(struct req *rq, struct resp *rs);
void h_faq_create(struct req *rq, struct resp *rs);
void h_faq_edit_form(struct req *rq, struct resp *rs);
void h_faq_update(struct req *rq, struct resp *rs);
void h_faq_delete_form(struct req *rq, struct resp *rs);
void h_faq_delete(struct req *rq, struct resp *rs);

/* news_feed.c: the RSS 2.0 feed of news */
void h_news_feed(struct req *rq, struct resp *rs);

/* petitions.c: petitions from every channel, routing, outcomes, extensions, queues */
void h_petition_form(struct req *rq, struct resp *rs);
void h_petition_create(struct req *rq, struct resp *rs);
void h_petition_receipt(struct req *rq, struct resp *rs);
void h_petition_staff_receipt(struct req *rq, struct resp *rs);
void h_petition_staff_form(struct req *rq, struct resp *rs);
void h_petition_hotline_form(struct req *rq, struct resp *rs);
void h_petition_staff_create(struct req *rq, struct resp *rs);
void h_petition_list(struct req *rq, struct resp *rs);
void h_petition_view(struct req *rq, struct resp *rs);
void h_petition_reveal(struct req *rq, struct resp *rs);
void h_petition_route(struct req *rq, struct resp *rs);
void h_petition_assign(struct req *rq, struct resp *rs);
void h_petition_close(struct req *rq, struct resp *rs);
void h_petition_ext_ask(struct req *rq, struct resp *rs);
void h_petition_ext_decide(struct req *rq, struct resp *rs);
void h_petition_ext_allow(struct req *rq, struct resp *rs);
void h_notification_read(struct req *rq, struct resp *rs);
void h_notifications_read_all(struct req *rq, struct resp *rs);
/* status.c: the satisfaction survey after a petition's reply */
void h_status_rate(struct req *rq, struct resp *rs);
/* petition_rules.c: deadline rules and warning tier (administrators) */
void h_rules_admin(struct req *rq, struct resp *rs);
void h_rule_set(struct req *rq, struct resp *rs);
void h_rule_remove(struct req *rq, struct resp *rs);
void h_rule_near(struct req *rq, struct resp *rs);
/* reports.c: the petition control report, page and CSV */
void h_petition_report(struct req *rq, struct resp *rs);
void h_petition_report_csv(struct req *rq, struct resp *rs);
/* open311.c: the Open311 GeoReport v2 API (issue #13), answers in JSON or XML */
void h_o311_discovery(struct req *rq, struct resp *rs);
void h_o311_services(struct req *rq, struct resp *rs);
void h_o311_service(struct req *rq, struct resp *rs);
void h_o311_create(struct req *rq, struct resp *rs);
void h_o311_requests(struct req *rq, struct resp *rs);
void h_o311_request(struct req *rq, struct resp *rs);
void h_o311_token(struct req *rq, struct resp *rs);
/* The spec's error answer [{"code", "description"}], JSON or XML by the path (also for the dispatcher's refusals). */
void open311_error(struct req *rq, struct resp *rs, int status, const char *description);
/* reports.c: the audit log (heads: their unit's records; the office head and administrators: all) */
void h_audit(struct req *rq, struct resp *rs);
void h_audit_csv(struct req *rq, struct resp *rs);

/* Shared view builders. */
struct tobj;
struct store;
struct case_rec;
struct cal;
struct service_rec;
struct petition_rec;
/* Fills v with a service's notice-sheet facts (public.c); ERR_NOTFOUND for no such code. */
enum err service_sheet_view(struct req *rq, struct store *st, const char *code, struct tobj *v,
                            struct service_rec *out);
/* A receipt's status-page address for number no (status_url) and its QR code (qr) (counter.c). */
void receipt_status_link(struct req *rq, struct tobj *v, const char *no);
/* A case's common fields, personal data masked unless full (counter.c). */
void case_summary_view(struct req *rq, struct tobj *o, const struct case_rec *c, const struct cal *cal, int near_days,
                       bool full);
/* May the signed-in user do act to this case (counter.c) or petition (petitions.c)?  Asks domain/access.h. */
bool case_may(const struct req *rq, const struct case_rec *c, enum access_action act);
bool petition_may(const struct req *rq, const struct petition_rec *p, enum access_action act);
/* What an audit row says about a lookup by phone: "by phone 0912-***-678" (counter.c). */
const char *audit_phone(struct req *rq, const char *phone);
/* The staff home page's counts for the user's unit (counter.c). */
void staff_dashboard_view(struct req *rq, struct tobj *v);
/* The staff home page's petition counts and notifications (petitions.c). */
void petition_dashboard_view(struct req *rq, struct tobj *v);
/* The citizen's status page of a petition; code goes back into the rating form (petitions.c). */
void petition_status_page(struct req *rq, struct resp *rs, struct store *st, const struct petition_rec *p,
                          const char *code, const char *notice_key);

#endif

/*
 * handlers.h -- every page handler, one group per file: what the route
 * table (web/routes.c) calls.  A handler reads validated fields
 * (req_val), calls the store, fills a view and renders.  What handlers
 * share with each other is in views.h.
 *
 * Must not include: sqlite3.h, microhttpd.h, fcgiapp.h.
 */
#ifndef BM_HANDLERS_H
#define BM_HANDLERS_H

#include "app/http.h"

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

/* case_intake.c, case_page.c, case_notice.c: registering cases, receipts, one case, correction notices */
void h_case_new_form(struct req *rq, struct resp *rs);
void h_case_create(struct req *rq, struct resp *rs);
void h_case_receipt(struct req *rq, struct resp *rs);
void h_case_view(struct req *rq, struct resp *rs);
void h_case_reveal(struct req *rq, struct resp *rs);
void h_case_move(struct req *rq, struct resp *rs);
/* case_actions.c: an officer of the unit, extensions (展期) */
void h_case_assign(struct req *rq, struct resp *rs);
void h_case_ext_ask(struct req *rq, struct resp *rs);
void h_case_ext_decide(struct req *rq, struct resp *rs);
void h_notice_form(struct req *rq, struct resp *rs);
void h_notice_create(struct req *rq, struct resp *rs);
void h_notice_print(struct req *rq, struct resp *rs);
void h_case_corrected(struct req *rq, struct resp *rs);

/* status.c: the citizen's case lookup */
void h_status_form(struct req *rq, struct resp *rs);
void h_status_lookup(struct req *rq, struct resp *rs);

/* search.c: the search page, the hotline console, the synonym table */
void h_search(struct req *rq, struct resp *rs);
void h_console(struct req *rq, struct resp *rs);
void h_synonyms(struct req *rq, struct resp *rs);
void h_synonym_add(struct req *rq, struct resp *rs);
void h_synonym_delete(struct req *rq, struct resp *rs);

/* catalog_admin.c: services and their notice sheets, with versions */
void h_services_admin(struct req *rq, struct resp *rs);
void h_service_new_form(struct req *rq, struct resp *rs);
void h_service_create(struct req *rq, struct resp *rs);
void h_service_edit_form(struct req *rq, struct resp *rs);
void h_service_update(struct req *rq, struct resp *rs);
void h_service_publish(struct req *rq, struct resp *rs);
void h_service_history(struct req *rq, struct resp *rs);
void h_service_version(struct req *rq, struct resp *rs);

/* forms_admin.c: forms (書表), uploaded and downloaded */
void h_forms_index(struct req *rq, struct resp *rs);
void h_form_download(struct req *rq, struct resp *rs);
void h_forms_admin(struct req *rq, struct resp *rs);
void h_form_create(struct req *rq, struct resp *rs);
void h_form_edit_form(struct req *rq, struct resp *rs);
void h_form_update(struct req *rq, struct resp *rs);
void h_form_delete(struct req *rq, struct resp *rs);

/* news_admin.c: news, drafts, expiry, pins */
void h_news_admin(struct req *rq, struct resp *rs);
void h_news_new_form(struct req *rq, struct resp *rs);
void h_news_create(struct req *rq, struct resp *rs);
void h_news_edit_form(struct req *rq, struct resp *rs);
void h_news_update(struct req *rq, struct resp *rs);
void h_news_delete(struct req *rq, struct resp *rs);

/* apikey_admin.c: the Open311 partners' keys (issue #13) */
void h_apikeys(struct req *rq, struct resp *rs);
void h_apikey_add(struct req *rq, struct resp *rs);
void h_apikey_revoke(struct req *rq, struct resp *rs);

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

/* petition_intake.c, petition_page.c, petition_actions.c: petitions from every channel, one petition,
 * routing, outcomes, extensions */
void h_petition_form(struct req *rq, struct resp *rs);
void h_petition_create(struct req *rq, struct resp *rs);
void h_petition_receipt(struct req *rq, struct resp *rs);
void h_petition_staff_receipt(struct req *rq, struct resp *rs);
void h_petition_staff_form(struct req *rq, struct resp *rs);
void h_petition_hotline_form(struct req *rq, struct resp *rs);
void h_petition_staff_create(struct req *rq, struct resp *rs);
void h_petition_view(struct req *rq, struct resp *rs);
/* photos.c: a petition's photos and thumbnails, for staff and (where agreed) the public */
void h_petition_photo(struct req *rq, struct resp *rs);
void h_petition_thumb(struct req *rq, struct resp *rs);
void h_public_photo(struct req *rq, struct resp *rs);
void h_public_thumb(struct req *rq, struct resp *rs);
/* petition_intake.c: the village officers' field report */
void h_field_form(struct req *rq, struct resp *rs);
void h_field_create(struct req *rq, struct resp *rs); /* its receipt: h_petition_staff_receipt */
void h_petition_reveal(struct req *rq, struct resp *rs);
void h_petition_letter(struct req *rq, struct resp *rs);
/* petition_actions.c: 會辦 -- the lead asks another unit; a unit asked records its part */
void h_petition_co_ask(struct req *rq, struct resp *rs);
void h_petition_co_answer(struct req *rq, struct resp *rs);
void h_petition_route(struct req *rq, struct resp *rs);
void h_petition_assign(struct req *rq, struct resp *rs);
void h_petition_close(struct req *rq, struct resp *rs);
void h_petition_ext_ask(struct req *rq, struct resp *rs);
void h_petition_ext_decide(struct req *rq, struct resp *rs);
void h_petition_ext_allow(struct req *rq, struct resp *rs);
/* queues.c: the petition lists, the unit's open cases, finding cases */
void h_petition_list(struct req *rq, struct resp *rs);
void h_queue(struct req *rq, struct resp *rs);
void h_queue_mine(struct req *rq, struct resp *rs);  /* the open cases assigned to me */
void h_queue_today(struct req *rq, struct resp *rs); /* the cases I took in today */
void h_case_find(struct req *rq, struct resp *rs);
/* dashboard.c: marking the scheduler's notifications read (the counts are on the staff home) */
void h_notification_read(struct req *rq, struct resp *rs);
void h_notifications_read_all(struct req *rq, struct resp *rs);
/* status.c: the satisfaction survey after a petition's reply */
void h_status_rate(struct req *rq, struct resp *rs);

/* query_code.c: a lost query code replaced at the counter or by an e-mailed link (issue 12) */
void h_code_staff_form(struct req *rq, struct resp *rs);
void h_code_staff_replace(struct req *rq, struct resp *rs);
void h_code_staff_sheet(struct req *rq, struct resp *rs);
void h_code_lost_form(struct req *rq, struct resp *rs);
void h_code_lost(struct req *rq, struct resp *rs);
void h_code_link_form(struct req *rq, struct resp *rs);
void h_code_link_use(struct req *rq, struct resp *rs);
void h_code_link_sheet(struct req *rq, struct resp *rs);
/* petition_rules.c: deadline rules and warning tier (administrators) */
void h_rules_admin(struct req *rq, struct resp *rs);
void h_rule_set(struct req *rq, struct resp *rs);
void h_rule_remove(struct req *rq, struct resp *rs);
void h_rule_near(struct req *rq, struct resp *rs);
/* reports.c: the petition control report, page and CSV */
void h_petition_report(struct req *rq, struct resp *rs);
void h_petition_report_csv(struct req *rq, struct resp *rs);
void h_case_report(struct req *rq, struct resp *rs);
void h_case_report_csv(struct req *rq, struct resp *rs);
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

/* events.c: events with online sign-up, the waiting list, the .ics feed, staff lists (issue #18) */
void h_events(struct req *rq, struct resp *rs);
void h_events_ics(struct req *rq, struct resp *rs);
void h_event(struct req *rq, struct resp *rs);
void h_event_signup(struct req *rq, struct resp *rs);
void h_event_receipt(struct req *rq, struct resp *rs);
void h_event_cancel_form(struct req *rq, struct resp *rs);
void h_event_cancel(struct req *rq, struct resp *rs);
void h_staff_events(struct req *rq, struct resp *rs);
void h_event_new_form(struct req *rq, struct resp *rs);
void h_event_create(struct req *rq, struct resp *rs);
void h_staff_event(struct req *rq, struct resp *rs);
void h_event_attendance(struct req *rq, struct resp *rs);
void h_event_close(struct req *rq, struct resp *rs);
void h_event_csv(struct req *rq, struct resp *rs);
/* questionnaires.c */
void h_survey(struct req *rq, struct resp *rs);
void h_survey_answer(struct req *rq, struct resp *rs);
void h_survey_thanks(struct req *rq, struct resp *rs);
void h_staff_surveys(struct req *rq, struct resp *rs);
void h_survey_new_form(struct req *rq, struct resp *rs);
void h_survey_create(struct req *rq, struct resp *rs);
void h_staff_survey(struct req *rq, struct resp *rs);
void h_survey_edit_form(struct req *rq, struct resp *rs);
void h_survey_update(struct req *rq, struct resp *rs);
void h_survey_open(struct req *rq, struct resp *rs);
void h_survey_close(struct req *rq, struct resp *rs);
void h_survey_results(struct req *rq, struct resp *rs);
void h_survey_csv(struct req *rq, struct resp *rs);

/* bookings.c: appointments for mediation and free legal advice, the desk's day list (issue #18) */
void h_appointments(struct req *rq, struct resp *rs);
void h_appointment_book(struct req *rq, struct resp *rs);
void h_appointment_receipt(struct req *rq, struct resp *rs);
void h_appointment_cancel_form(struct req *rq, struct resp *rs);
void h_appointment_cancel(struct req *rq, struct resp *rs);
void h_staff_appointments(struct req *rq, struct resp *rs);
void h_appointment_block(struct req *rq, struct resp *rs);
void h_appointment_rule_add(struct req *rq, struct resp *rs);
void h_appointment_rule_remove(struct req *rq, struct resp *rs);
/* display.c: the lobby screen */
void h_display(struct req *rq, struct resp *rs);

#endif

/*
 * routes.c -- the route table: every page, its method, its fields and who
 * may call it.  Add a page here and its handler under src/handlers/.
 */
#include "app/auth.h"
#include "app/router.h"
#include "handlers/handlers.h"

static const struct field faq_fields[] = {
	{"unit", F_SLUG, 32, false},
	{"category", F_SLUG, 32, false},
	{0},
};

const struct route routes[] = {
	{M_GET, "/", h_home, NULL, 0, R_CACHE},
	{M_GET, "/services", h_services, NULL, 0, R_CACHE},
	{M_GET, "/services/*", h_service, NULL, 0, R_CACHE},
	{M_GET, "/processing-times", h_processing_times, NULL, 0, R_CACHE},
	{M_GET, "/units", h_units, NULL, 0, R_CACHE},
	{M_GET, "/faq", h_faq_list, faq_fields, 0, R_CACHE},
	{M_GET, "/faq/*", h_faq_item, NULL, 0, R_CACHE},
	{M_GET, "/news", h_news_list, NULL, 0, R_CACHE},
	{M_GET, "/news/*", h_news_item, NULL, 0, R_CACHE},
	{M_GET, "/about/*", h_about, NULL, 0, R_CACHE},
	{M_GET, "/healthz", h_healthz, NULL, 0, 0},
};

const size_t nroutes = sizeof routes / sizeof routes[0];

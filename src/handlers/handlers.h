/*
 * handlers.h -- every page handler, one group per file.  A handler reads
 * validated fields (req_field), calls the store, fills a view and renders.
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

#endif

/*
 * app_internal.h -- what the app's own files share with each other.
 * Handlers use view.h instead.
 */
#ifndef BM_APP_INTERNAL_H
#define BM_APP_INTERNAL_H

#include "app/http.h"
#include "tmpl/tmpl.h"

const struct tmpl_set *app_templates(void);
bool app_is_demo(void);
const char *app_root(void);
/* The addresses /metrics answers (app_config.metrics_allow or its default). */
const char *app_metrics_allow(void);
/* Adds the signed-in user and CSRF token to a page view (nothing for visitors). */
void app_view_session(struct req *rq, struct tobj *v);

#endif

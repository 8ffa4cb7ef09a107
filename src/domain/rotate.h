/*
 * rotate.h -- which dated backups the nightly job keeps: pure arithmetic on
 * day numbers (domain/cal.h), no I/O.
 */
#ifndef BM_ROTATE_H
#define BM_ROTATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * Sets keep[i] for each of the n backups dated days[i] (any order, one per
 * day): the keep_daily newest, and the newest of each of the keep_weekly
 * newest ISO weeks (Monday to Sunday) that have a backup.  Counts backups,
 * not calendar days, so a stretch without backups never deletes the last
 * good ones.
 */
void rotate_keep(const int32_t *days, size_t n, long keep_daily, long keep_weekly, bool *keep);

#endif

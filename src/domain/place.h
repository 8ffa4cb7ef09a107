/*
 * place.h -- the place a petition is about (issue #13): a point in WGS84
 * (latitude, longitude) given as decimal degrees, the same rules for the
 * web form, staff intake, the field report and the Open311 API.
 *
 * Pure domain code: libc only.
 */
#ifndef BM_DOMAIN_PLACE_H
#define BM_DOMAIN_PLACE_H

#include <stdbool.h>

/* A decimal number, all of s, finite ("23.5", "-120.25", "1e2"). */
bool place_decimal(const char *s, double *out);

enum place_err {
	PLACE_OK,
	PLACE_BAD_LAT, /* not a number in [-90, 90] */
	PLACE_BAD_LON, /* not a number in [-180, 180] */
	PLACE_NO_LAT,  /* a longitude without a latitude */
	PLACE_NO_LON,  /* a latitude without a longitude */
};

struct place_point {
	bool set; /* false: no point given (both absent) */
	double lat, lon;
};

/* Reads lat and lon (NULL or "": absent); both or neither. */
enum place_err place_point(const char *lat, const char *lon, struct place_point *out);

#endif

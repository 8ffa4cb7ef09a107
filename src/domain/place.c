/*
 * place.c -- a petition's point on the map (see place.h).
 */
#include "domain/place.h"

#include <math.h>
#include <stdlib.h>

bool place_decimal(const char *s, double *out)
{
	char *end = NULL;
	double d = strtod(s, &end);
	if (!*s || !end || *end || !isfinite(d))
		return false;
	*out = d;
	return true;
}

enum place_err place_point(const char *lat, const char *lon, struct place_point *out)
{
	bool has_lat = lat && *lat, has_lon = lon && *lon;
	*out = (struct place_point){0};
	if (!has_lat && !has_lon)
		return PLACE_OK;
	if (!has_lat)
		return PLACE_NO_LAT;
	if (!has_lon)
		return PLACE_NO_LON;
	if (!place_decimal(lat, &out->lat) || out->lat < -90 || out->lat > 90)
		return PLACE_BAD_LAT;
	if (!place_decimal(lon, &out->lon) || out->lon < -180 || out->lon > 180)
		return PLACE_BAD_LON;
	out->set = true;
	return PLACE_OK;
}

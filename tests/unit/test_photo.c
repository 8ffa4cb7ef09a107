/*
 * test_photo.c -- domain/photo and domain/place (issue #13): a photo is
 * what its bytes say (JPEG or PNG, whole, of a sane size), the copy kept
 * is libgd's own encoding with no EXIF left, and a place's point keeps
 * WGS84's ranges with both coordinates or neither.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "domain/forms.h"
#include "domain/photo.h"
#include "domain/place.h"

/*
 * A grey 8x8 baseline JPEG made by hand: an APP1 Exif segment whose GPS
 * IFD holds a latitude, one quantization table, one-code Huffman tables
 * (DC category 0, AC end-of-block: both "0"), one block of two bits.
 */
static const unsigned char exif_jpeg[] = {
    0xff, 0xd8,                                                                        /* SOI */
    0xff, 0xe1, 0x00, 0x4c, 'E',  'x',  'i',  'f', 0,  0,                              /* APP1, 76 bytes */
    'M',  'M',  0,    0x2a, 0,    0,    0,    8,                                       /* TIFF header */
    0,    1,    0x88, 0x25, 0,    4,    0,    0,   0,  1,    0, 0,  0, 26, 0, 0, 0, 0, /* IFD0: GPS IFD at 26 */
    0,    1,    0,    2,    0,    5,    0,    0,   0,  3,    0, 0,  0, 44, 0, 0, 0, 0, /* GPSLatitude at 44 */
    0,    0,    0,    22,   0,    0,    0,    1,   0,  0,    0, 51, 0, 0,  0, 1, 0, 0, 0, 0, 0,    0,
    0,    1,    0xff, 0xdb, 0x00, 0x43, 0x00, /* DQT: 64 ones */
    1,    1,    1,    1,    1,    1,    1,    1,   1,  1,    1, 1,  1, 1,  1, 1, 1, 1, 1, 1, 1,    1,
    1,    1,    1,    1,    1,    1,    1,    1,   1,  1,    1, 1,  1, 1,  1, 1, 1, 1, 1, 1, 1,    1,
    1,    1,    1,    1,    1,    1,    1,    1,   1,  1,    1, 1,  1, 1,  1, 1, 1, 1, 1, 1, 0xff, 0xc0,
    0x00, 0x0b, 8,    0,    8,    0,    8,    1,   1,  0x11, 0, /* SOF0: 8x8, one component */
    0xff, 0xc4, 0x00, 0x14, 0x00, 1,    0,    0,   0,  0,    0, 0,  0, 0,  0, 0, 0, 0, 0, 0, 0,    0, /* DHT DC */
    0xff, 0xc4, 0x00, 0x14, 0x10, 1,    0,    0,   0,  0,    0, 0,  0, 0,  0, 0, 0, 0, 0, 0, 0,    0, /* DHT AC */
    0xff, 0xda, 0x00, 0x08, 1,    1,    0x00, 0,   63, 0,                                             /* SOS */
    0x3f,       /* DC "0", EOB "0", padding */
    0xff, 0xd9, /* EOI */
};

/* A 16x8 JPEG like exif_jpeg, taken with the phone held upright: Exif (Intel order) says Orientation 6. */
static const unsigned char turned_jpeg[] = {
    0xff, 0xd8, 0xff, 0xe1, 0x00, 0x22, 'E',  'x', 'i', 'f',  0, 0, 'I', 'I', 0x2a, 0, 8, 0, 0, 0, /* TIFF, IFD0 at 8 */
    1,    0,    0x12, 0x01, 3,    0,    1,    0,   0,   0,    6, 0, 0,   0,   0,    0, 0, 0, /* Orientation = 6 (SHORT)
                                                                                              */
    0xff, 0xdb, 0x00, 0x43, 0x00,                                                            /* DQT: 64 ones */
    1,    1,    1,    1,    1,    1,    1,    1,   1,   1,    1, 1, 1,   1,   1,    1, 1, 1, 1, 1, 1,    1,
    1,    1,    1,    1,    1,    1,    1,    1,   1,   1,    1, 1, 1,   1,   1,    1, 1, 1, 1, 1, 1,    1,
    1,    1,    1,    1,    1,    1,    1,    1,   1,   1,    1, 1, 1,   1,   1,    1, 1, 1, 1, 1, 0xff, 0xc0,
    0x00, 0x0b, 8,    0,    8,    0,    16,   1,   1,   0x11, 0, /* SOF0: 16 wide, 8 high */
    0xff, 0xc4, 0x00, 0x14, 0x00, 1,    0,    0,   0,   0,    0, 0, 0,   0,   0,    0, 0, 0, 0, 0, 0,    0, /* DHT DC */
    0xff, 0xc4, 0x00, 0x14, 0x10, 1,    0,    0,   0,   0,    0, 0, 0,   0,   0,    0, 0, 0, 0, 0, 0,    0, /* DHT AC */
    0xff, 0xda, 0x00, 0x08, 1,    1,    0x00, 0,   63,  0,                                                  /* SOS */
    0x0f, /* two blocks: "0" "0" each, padding */
    0xff, 0xd9,
};

static bool has_exif(const unsigned char *d, size_t len)
{
	for (size_t i = 0; i + 4 <= len; i++)
		if (memcmp(d + i, "Exif", 4) == 0)
			return true;
	return false;
}

static void test_jpeg_reencoded_without_exif(void **state)
{
	(void)state;
	struct photo_info info;
	assert_int_equal(photo_inspect(exif_jpeg, sizeof exif_jpeg, &info), PHOTO_OK);
	assert_int_equal(info.type, PHOTO_JPEG);
	assert_int_equal(info.width, 8);
	assert_int_equal(info.height, 8);
	assert_true(has_exif(exif_jpeg, sizeof exif_jpeg));
	struct arena *a = arena_new();
	struct photo ph;
	assert_int_equal(photo_make(a, exif_jpeg, sizeof exif_jpeg, &ph), PHOTO_OK);
	assert_int_equal(ph.type, PHOTO_JPEG);
	assert_string_equal(photo_mime(ph.type), "image/jpeg");
	assert_true(ph.len > 4 && ph.data[0] == 0xff && ph.data[1] == 0xd8);
	assert_false(has_exif(ph.data, ph.len));
	assert_true(ph.thumb_len > 4);
	assert_int_equal(photo_inspect(ph.data, ph.len, &info), PHOTO_OK);
	arena_free(a);
}

static void test_orientation_applied(void **state)
{
	(void)state;
	struct photo_info info;
	assert_int_equal(photo_inspect(turned_jpeg, sizeof turned_jpeg, &info), PHOTO_OK);
	assert_int_equal(info.width, 16);
	assert_int_equal(info.height, 8);
	assert_int_equal(info.orientation, 6);
	assert_int_equal(photo_inspect(exif_jpeg, sizeof exif_jpeg, &info), PHOTO_OK);
	assert_int_equal(info.orientation, 1); /* Exif without the tag */
	struct arena *a = arena_new();
	struct photo ph;
	assert_int_equal(photo_make(a, turned_jpeg, sizeof turned_jpeg, &ph), PHOTO_OK);
	assert_int_equal(ph.width, 8); /* stood up: a quarter turn */
	assert_int_equal(ph.height, 16);
	assert_false(has_exif(ph.data, ph.len));
	assert_int_equal(photo_inspect(ph.data, ph.len, &info), PHOTO_OK);
	assert_int_equal(info.orientation, 1);
	arena_free(a);
}

static void test_refused(void **state)
{
	(void)state;
	struct photo_info info;
	struct arena *a = arena_new();
	struct photo ph;
	/* cut short: no end marker */
	assert_int_equal(photo_inspect(exif_jpeg, sizeof exif_jpeg - 2, &info), PHOTO_TRUNCATED);
	assert_int_equal(photo_make(a, exif_jpeg, sizeof exif_jpeg / 2, &ph), PHOTO_TRUNCATED);
	/* HTML called photo.jpg */
	static const char html[] = "<!DOCTYPE html><script>alert(1)</script>";
	assert_int_equal(photo_inspect(html, sizeof html - 1, &info), PHOTO_NOT_IMAGE);
	assert_int_equal(photo_inspect("", 0, &info), PHOTO_NOT_IMAGE);
	/* a PNG whose IHDR claims 60000 x 60000 pixels */
	unsigned char png[8 + 25 + 12] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0,    13,
	                                  'I',  'H', 'D', 'R', 0,    0,    0xea, 0x60, 0, 0, 0xea, 0x60};
	memcpy(png + 33, "\0\0\0\0IEND\xae\x42\x60\x82", 12);
	assert_int_equal(photo_inspect(png, sizeof png, &info), PHOTO_TOO_LARGE);
	/* a JPEG with scan data before any frame header */
	static const unsigned char sos_first[] = {0xff, 0xd8, 0xff, 0xda, 0, 2, 0xff, 0xd9};
	assert_int_equal(photo_inspect(sos_first, sizeof sos_first, &info), PHOTO_BAD);
	assert_string_equal(photo_err_key(PHOTO_TRUNCATED), "err_photo_truncated");
	assert_string_equal(photo_err_key(PHOTO_NOT_IMAGE), "err_photo_type");
	assert_null(photo_err_key(PHOTO_OK));
	arena_free(a);
}

static void test_place_point(void **state)
{
	(void)state;
	struct place_point pt;
	assert_int_equal(place_point("22.8567", "120.2618", &pt), PLACE_OK);
	assert_true(pt.set);
	assert_true(pt.lat > 22.85 && pt.lon < 120.27);
	assert_int_equal(place_point(NULL, "", &pt), PLACE_OK);
	assert_false(pt.set);
	assert_int_equal(place_point("91", "120", &pt), PLACE_BAD_LAT);
	assert_int_equal(place_point("-90", "180", &pt), PLACE_OK);
	assert_int_equal(place_point("23", "180.5", &pt), PLACE_BAD_LON);
	assert_int_equal(place_point("nan", "1", &pt), PLACE_BAD_LAT);
	assert_int_equal(place_point("23x", "1", &pt), PLACE_BAD_LAT);
	assert_int_equal(place_point("23", NULL, &pt), PLACE_NO_LON);
	assert_int_equal(place_point(NULL, "120", &pt), PLACE_NO_LAT);
	double d;
	assert_false(place_decimal("", &d));
	assert_true(place_decimal("-1.5", &d) && d == -1.5);
}

static void test_intake_place_and_field_report(void **state)
{
	(void)state;
	const char *val[PF__MAX] = {0}, *err[PF__MAX] = {0};
	val[PF_NAME] = "林美華";
	val[PF_PHONE] = "0933111222";
	val[PF_SUBJECT] = "路燈不亮";
	val[PF_BODY] = "中正路路燈不亮";
	val[PF_LAT] = "91";
	val[PF_LON] = "120";
	assert_int_equal(pet_intake_check(PFORM_WEB, false, val, err), 1);
	assert_string_equal(err[PF_LAT], "err_place_lat");
	memset(err, 0, sizeof err);
	val[PF_LAT] = NULL;
	assert_int_equal(pet_intake_check(PFORM_WEB, false, val, err), 1);
	assert_string_equal(err[PF_LAT], "err_place_pair");

	/* a field report: no name or contact, but a category and a village; the subject comes from the words */
	const char *fv[PF__MAX] = {0}, *fe[PF__MAX] = {0};
	fv[PF_BODY] = "路燈倒了";
	assert_int_equal(pet_intake_check(PFORM_FIELD, false, fv, fe), 2);
	assert_string_equal(fe[PF_CATEGORY], "err_required");
	assert_string_equal(fe[PF_VILLAGE], "err_required");
	memset(fe, 0, sizeof fe);
	fv[PF_CATEGORY] = "streetlights";
	fv[PF_VILLAGE] = "zhuhu";
	assert_int_equal(pet_intake_check(PFORM_FIELD, false, fv, fe), 0);
	assert_string_equal(pet_form_channel(PFORM_FIELD, NULL), "field");
	/* staff intake may not file under the field report's channel */
	const char *sv[PF__MAX] = {0}, *se[PF__MAX] = {0};
	sv[PF_CHANNEL] = "field";
	sv[PF_NAME] = "王";
	sv[PF_PHONE] = "0933111222";
	sv[PF_SUBJECT] = sv[PF_BODY] = "x";
	assert_int_equal(pet_intake_check(PFORM_STAFF, false, sv, se), 1);
	assert_string_equal(se[PF_CHANNEL], "err_pet_channel");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_jpeg_reencoded_without_exif),
	    cmocka_unit_test(test_orientation_applied),
	    cmocka_unit_test(test_refused),
	    cmocka_unit_test(test_place_point),
	    cmocka_unit_test(test_intake_place_and_field_report),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

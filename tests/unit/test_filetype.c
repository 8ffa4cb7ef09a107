/*
 * test_filetype.c -- domain/filetype: an uploaded form is what its bytes
 * say, never what its name says: PDF, ODT and DOCX are told apart by
 * content, and a renamed executable, a truncated archive or any other ZIP
 * is refused.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "domain/filetype.h"

/* A ZIP local header for member name (stored), then body, then an end-of-central-directory record. */
static size_t zip(unsigned char *out, const char *name, const char *body, const char *more)
{
	size_t nl = strlen(name), n = 0;
	memcpy(out, "PK\x03\x04", 4);
	memset(out + 4, 0, 22);
	out[26] = (unsigned char)nl;
	out[27] = 0;
	out[28] = out[29] = 0;
	n = 30;
	memcpy(out + n, name, nl);
	n += nl;
	memcpy(out + n, body, strlen(body));
	n += strlen(body);
	memcpy(out + n, more, strlen(more));
	n += strlen(more);
	memcpy(out + n, "PK\x05\x06", 4);
	memset(out + n + 4, 0, 18);
	return n + 22;
}

static void test_pdf(void **state)
{
	(void)state;
	static const char pdf[] = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n";
	assert_int_equal(filetype_sniff(pdf, sizeof pdf - 1), FT_PDF);
	/* a PDF cut short before its end marker */
	assert_int_equal(filetype_sniff(pdf, 20), FT_UNKNOWN);
}

static void test_odt_and_docx(void **state)
{
	(void)state;
	unsigned char b[512];
	size_t n = zip(b, "mimetype", "application/vnd.oasis.opendocument.text", "PK\x03\x04content.xml");
	assert_int_equal(filetype_sniff(b, n), FT_ODT);
	/* a spreadsheet is not a text document */
	n = zip(b, "mimetype", "application/vnd.oasis.opendocument.spreadsheet", "");
	assert_int_equal(filetype_sniff(b, n), FT_UNKNOWN);
	n = zip(b, "[Content_Types].xml", "<Types/>", "PK\x03\x04word/document.xml");
	assert_int_equal(filetype_sniff(b, n), FT_DOCX);
	/* any other ZIP (an .xlsx, a .jar) */
	n = zip(b, "[Content_Types].xml", "<Types/>", "PK\x03\x04xl/workbook.xml");
	assert_int_equal(filetype_sniff(b, n), FT_UNKNOWN);
	/* an archive cut before its central directory */
	n = zip(b, "mimetype", "application/vnd.oasis.opendocument.text", "");
	assert_int_equal(filetype_sniff(b, n - 22), FT_UNKNOWN);
}

static void test_refused(void **state)
{
	(void)state;
	static const char exe[] = "MZ\x90\x00\x03\x00\x00\x00\x04\x00This program cannot be run in DOS mode";
	static const char elf[] = "\x7f"
	                          "ELF\x02\x01\x01";
	assert_int_equal(filetype_sniff(exe, sizeof exe - 1), FT_UNKNOWN);
	assert_int_equal(filetype_sniff(elf, sizeof elf - 1), FT_UNKNOWN);
	assert_int_equal(filetype_sniff("", 0), FT_UNKNOWN);
	assert_int_equal(filetype_sniff(NULL, 10), FT_UNKNOWN);
	assert_int_equal(filetype_sniff("PK\x03\x04", 4), FT_UNKNOWN);
}

static void test_names(void **state)
{
	(void)state;
	assert_int_equal(filetype_from_name("申請書.PDF"), FT_PDF);
	assert_int_equal(filetype_from_name("form.docx"), FT_DOCX);
	assert_int_equal(filetype_from_name("form.odt"), FT_ODT);
	assert_int_equal(filetype_from_name("form.pdf.exe"), FT_UNKNOWN);
	assert_int_equal(filetype_from_name("pdf"), FT_UNKNOWN);
	assert_int_equal(filetype_from_name(NULL), FT_UNKNOWN);
	assert_int_equal(filetype_parse("docx"), FT_DOCX);
	assert_int_equal(filetype_parse("exe"), FT_UNKNOWN);
	assert_string_equal(filetype_name(FT_ODT), "odt");
	assert_string_equal(filetype_mime(FT_PDF), "application/pdf");
	assert_string_equal(filetype_mime(FT_UNKNOWN), "application/octet-stream");
	char hex[65];
	filetype_sha256_hex("abc", 3, hex);
	assert_string_equal(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_pdf),
	    cmocka_unit_test(test_odt_and_docx),
	    cmocka_unit_test(test_refused),
	    cmocka_unit_test(test_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * qr.c -- QR code as SVG (see qr.h).  One path of unit squares.
 */
#include "app/qr.h"

#include <qrencode.h>
#include <string.h>

enum err qr_svg(const char *text, const char *label, struct buf *out)
{
	QRcode *q = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
	if (!q)
		return ERR_INVAL;
	int w = q->width, quiet = 4, size = w + 2 * quiet;
	buf_printf(
	    out,
	    "<svg class=\"qr\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"",
	    size, size);
	buf_put_html(out, label, strlen(label));
	buf_puts(out, "\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\"");
	for (int y = 0; y < w; y++)
		for (int x = 0; x < w; x++)
			if (q->data[y * w + x] & 1)
				buf_printf(out, "M%d %dh1v1h-1z", x + quiet, y + quiet);
	buf_puts(out, "\"/></svg>");
	QRcode_free(q);
	return ERR_OK;
}

/*
 * qr.h -- QR codes (libqrencode) drawn as inline SVG, so receipts print
 * with no image files and no script.
 */
#ifndef BM_QR_H
#define BM_QR_H

#include "util/util.h"

/*
 * Appends an <svg> of text's QR code (error correction M) with the given
 * accessible label to out.  Returns ERR_OK or ERR_INVAL when it can't encode.
 */
enum err qr_svg(const char *text, const char *label, struct buf *out);

#endif

/*
 * PNG screenshots of an XRGB8888 framebuffer (uint32_t 0x00RRGGBB per
 * pixel, pitch = width), written and read with libpng.
 */
#ifndef HW_PNG_H
#define HW_PNG_H

#include <stddef.h>
#include <stdint.h>

/*
 * Write fb (w x h) to path as an 8-bit RGB PNG, no alpha.  The file is
 * written as "path.tmp" and renamed, so a reader never sees half a file.
 * Returns 0, or -1 with a one-line message in err (and no file left).
 */
int png_write_xrgb(const char *path, const uint32_t *fb, int w, int h,
                   char *err, size_t errlen);

/*
 * Read any PNG as XRGB8888 (alpha composited on black, grey expanded,
 * 16 bits cut to 8).  Returns the pixels (malloc'd, pitch = *w; free()
 * them) or NULL with a one-line message in err.
 */
uint32_t *png_read_xrgb(const char *path, int *w, int *h, char *err,
                        size_t errlen);

#endif

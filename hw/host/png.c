/*
 * PNG screenshots with libpng's simplified API (png_image): no setjmp
 * here, errors come back in image.message.
 */
#include <errno.h>
#include <png.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hw/host/png.h"

#define PNG_MAX_DIM 16384

int png_write_xrgb(const char *path, const uint32_t *fb, int w, int h,
                   char *err, size_t errlen)
{
    png_image img;
    uint8_t *rgb;
    char *tmp;
    size_t i, n;
    int ok;

    if (w <= 0 || h <= 0 || w > PNG_MAX_DIM || h > PNG_MAX_DIM) {
        snprintf(err, errlen, "%s: bad image size %dx%d", path, w, h);
        return -1;
    }
    n = (size_t)w * (size_t)h;
    rgb = malloc(n * 3);
    tmp = malloc(strlen(path) + sizeof(".tmp"));
    if (rgb == NULL || tmp == NULL) {
        free(rgb);
        free(tmp);
        snprintf(err, errlen, "%s: out of memory", path);
        return -1;
    }
    for (i = 0; i < n; i++) {
        rgb[3 * i + 0] = (uint8_t)(fb[i] >> 16);
        rgb[3 * i + 1] = (uint8_t)(fb[i] >> 8);
        rgb[3 * i + 2] = (uint8_t)fb[i];
    }
    strcpy(tmp, path);
    strcat(tmp, ".tmp");

    memset(&img, 0, sizeof(img));
    img.version = PNG_IMAGE_VERSION;
    img.width = (png_uint_32)w;
    img.height = (png_uint_32)h;
    img.format = PNG_FORMAT_RGB;
    /* libpng opens tmp with fopen "wb"; on failure it removes the file */
    ok = png_image_write_to_file(&img, tmp, 0, rgb, w * 3, NULL);
    free(rgb);
    if (!ok) {
        /* the message is libpng's, or strerror() for fopen/fclose */
        snprintf(err, errlen, "%s: %s", tmp, img.message);
        png_image_free(&img);
        remove(tmp);
        free(tmp);
        return -1;
    }
    if (rename(tmp, path) != 0) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        remove(tmp);
        free(tmp);
        return -1;
    }
    free(tmp);
    return 0;
}

uint32_t *png_read_xrgb(const char *path, int *w, int *h, char *err,
                        size_t errlen)
{
    png_image img;
    uint8_t *rgb;
    uint32_t *px;
    size_t i, n;

    memset(&img, 0, sizeof(img));
    img.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_file(&img, path)) {
        snprintf(err, errlen, "%s: %s", path, img.message);
        png_image_free(&img);
        return NULL;
    }
    if (img.width == 0 || img.height == 0 || img.width > PNG_MAX_DIM ||
        img.height > PNG_MAX_DIM) {
        snprintf(err, errlen, "%s: image size %ux%u not supported", path,
                 (unsigned)img.width, (unsigned)img.height);
        png_image_free(&img);
        return NULL;
    }
    img.format = PNG_FORMAT_RGB;
    n = (size_t)img.width * img.height;
    /* calloc: an alpha channel is composited onto this (black) */
    rgb = calloc(n, 3);
    px = malloc(n * sizeof(*px));
    if (rgb == NULL || px == NULL) {
        free(rgb);
        free(px);
        snprintf(err, errlen, "%s: out of memory", path);
        png_image_free(&img);
        return NULL;
    }
    if (!png_image_finish_read(&img, NULL, rgb, 0, NULL)) {
        snprintf(err, errlen, "%s: %s", path, img.message);
        png_image_free(&img);
        free(rgb);
        free(px);
        return NULL;
    }
    for (i = 0; i < n; i++) {
        px[i] = (uint32_t)rgb[3 * i] << 16 | (uint32_t)rgb[3 * i + 1] << 8 |
                rgb[3 * i + 2];
    }
    free(rgb);
    *w = (int)img.width;
    *h = (int)img.height;
    return px;
}

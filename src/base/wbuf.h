/*
** wbuf: a write buffer in front of a FILE, for the reports' hot paths.
**
** A text report is dozens of small writes a motion; through stdio each
** costs a call, and through printf a format to parse, far more than the
** bytes (docs/performance.md).  A writer fills a wbuf on its stack with
** plain copies, integers and dates written by hand, and hands it to the
** FILE in one fwrite when it is full and when the writer is done
** (wbuf_flush): the FILE then has everything, in order, and its error flag
** says whether the output could be written (main.c checks it, exit 2).
** Nothing else may write to the FILE while a wbuf on it holds bytes.
*/
#ifndef QUORATE_WBUF_H
#define QUORATE_WBUF_H

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "base/date.h"

#define WBUF_SIZE 4096

struct wbuf {
	FILE *out;
	size_t n;                 /* bytes of buf not yet given to out */
	char buf[WBUF_SIZE];
};

void wbuf_init(struct wbuf *b, FILE *out);
/* Give out what the buffer holds. */
void wbuf_flush(struct wbuf *b);
void wbuf_write(struct wbuf *b, const void *s, size_t n);
void wbuf_puts(struct wbuf *b, const char *s);
void wbuf_putc(struct wbuf *b, char c);
/* v in decimal, as printf's %lld and %llu */
void wbuf_int(struct wbuf *b, int64_t v);
void wbuf_uint(struct wbuf *b, uint64_t v);
/* YYYY-MM-DD, as date_format */
void wbuf_date(struct wbuf *b, qdate d);
/* What the fast calls do not cover (padding, widths): printf's formats. */
void wbuf_printf(struct wbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif

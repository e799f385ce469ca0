/*
** wbuf: a write buffer in front of a FILE.  See wbuf.h.
*/
#include "base/wbuf.h"

#include <stdarg.h>

#include "base/numfmt.h"

void wbuf_init(struct wbuf *b, FILE *out)
{
	wbuf_init_mem(b, out, b->own, sizeof b->own);
}

void wbuf_init_mem(struct wbuf *b, FILE *out, char *mem, size_t cap)
{
	b->out = out;
	b->n = 0;
	b->buf = mem;
	b->cap = cap;
}

void wbuf_flush(struct wbuf *b)
{
	if (b->n)
		fwrite(b->buf, 1, b->n, b->out);
	b->n = 0;
}

void wbuf_write_over(struct wbuf *b, const void *s, size_t n)
{
	wbuf_flush(b);
	if (n > b->cap) {
		fwrite(s, 1, n, b->out);
		return;
	}
	memcpy(b->buf, s, n);
	b->n = n;
}

void wbuf_uint(struct wbuf *b, uint64_t v)
{
	if (b->cap - b->n < NUMFMT_MAX)
		wbuf_flush(b);
	b->n += numfmt_u64(b->buf + b->n, v);
}

void wbuf_date(struct wbuf *b, qdate d)
{
	char s[DATE_FMT_MAX];
	wbuf_puts(b, date_format(d, s));
}

void wbuf_printf(struct wbuf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	size_t room = b->cap - b->n;
	int n = vsnprintf(b->buf + b->n, room, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n < room) {
		b->n += (size_t)n;
		return;
	}
	/* it did not fit: what was written past b->n is dropped; again, after
	** the buffer, or straight to the FILE if it is longer than the buffer */
	wbuf_flush(b);
	va_start(ap, fmt);
	if ((size_t)n < b->cap)
		b->n = (size_t)vsnprintf(b->buf, b->cap, fmt, ap);
	else
		vfprintf(b->out, fmt, ap);
	va_end(ap);
}

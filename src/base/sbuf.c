/*
** sbuf: growable arena strings.  See sbuf.h.
*/
#include "base/sbuf.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void sbuf_init(struct sbuf *b, struct arena *a)
{
	b->arena = a;
	b->text = NULL;
	b->len = b->cap = 0;
}

static void reserve(struct sbuf *b, size_t extra)
{
	if (b->len + extra + 1 <= b->cap)
		return;
	size_t cap = b->cap ? b->cap * 2 : 64;
	while (cap < b->len + extra + 1)
		cap *= 2;
	b->text = arena_grow(b->arena, b->text, b->len + (b->text != NULL), cap, 1);
	b->cap = cap;
}

void sbuf_add(struct sbuf *b, const char *s)
{
	size_t n = strlen(s);
	reserve(b, n);
	memcpy(b->text + b->len, s, n + 1);
	b->len += n;
}

void sbuf_addf(struct sbuf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s = arena_vprintf(b->arena, fmt, ap);
	va_end(ap);
	sbuf_add(b, s);
}

const char *sbuf_str(const struct sbuf *b)
{
	return b->text ? b->text : "";
}

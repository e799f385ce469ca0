/*
** sbuf: a growable string in an arena, for text built piece by piece
** (plain-English renderings, messages).  The string belongs to the arena.
*/
#ifndef QUORATE_SBUF_H
#define QUORATE_SBUF_H

#include <stddef.h>

#include "base/arena.h"

struct sbuf {
	struct arena *arena;
	char *text;       /* always NUL-terminated once anything is added */
	size_t len, cap;
};

void sbuf_init(struct sbuf *b, struct arena *a);
void sbuf_add(struct sbuf *b, const char *s);
void sbuf_addf(struct sbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The text so far ("" if nothing was added). */
const char *sbuf_str(const struct sbuf *b);

#endif

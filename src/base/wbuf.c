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
	b->flushes = 0;
	b->buf = mem;
	b->cap = cap;
}

void wbuf_flush(struct wbuf *b)
{
	if (b->n)
		fwrite(b->buf, 1, b->n, b->out);
	b->n = 0;
	b->flushes++;
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

/* ---- blocks kept by what they are made of ---- */

void wbuf_memo_init(struct wbuf_memo *m, struct wbuf_kept *slots)
{
	m->slots = slots;
	m->hits = m->kept = 0;
	m->last.slot = NULL;
	memset(m->filled, 0, sizeof m->filled);
}

static unsigned slot_of(const struct wbuf_key *k)
{
	const uint64_t mul = 0x9E3779B97F4A7C15u;
	uint64_t h = 0;
	unsigned i = 0;
	for (; i + 1 < k->n; i += 2) /* two words a step: half the loop's own work */
		h = (((h ^ k->w[i]) * mul) ^ k->w[i + 1]) * mul;
	if (i < k->n)
		h = (h ^ k->w[i]) * mul;
	_Static_assert((WBUF_MEMO_SLOTS & (WBUF_MEMO_SLOTS - 1)) == 0, "a power of two");
	return (unsigned)(h >> 32) & (WBUF_MEMO_SLOTS - 1);
}

static inline bool filled(const struct wbuf_memo *m, unsigned i)
{
	return m->filled[i / 64] >> (i % 64) & 1;
}

/* The words compared in a loop: keys are a few dozen words, shorter than
** memcmp's call and setup. */
static bool same_key(const struct wbuf_kept *s, const struct wbuf_key *k)
{
	if (s->n != k->n)
		return false;
	uint64_t diff = 0;
	unsigned i = 0;
	for (; i + 1 < k->n; i += 2)
		diff |= (s->key[i] ^ k->w[i]) | (s->key[i + 1] ^ k->w[i + 1]);
	if (i < k->n)
		diff |= s->key[i] ^ k->w[i];
	return diff == 0;
}

static void copy_kept(struct wbuf *b, struct wbuf_memo *m, const struct wbuf_kept *s)
{
	wbuf_write(b, s->text, s->len);
	m->hits++;
	m->last = (struct wbuf_ref){ s, s->stamp };
}

bool wbuf_memo_copy(struct wbuf *b, struct wbuf_memo *m, const struct wbuf_key *k)
{
	m->last.slot = NULL;
	if (!k->ok)
		return false;
	unsigned i = slot_of(k);
	const struct wbuf_kept *s = &m->slots[i];
	if (!filled(m, i) || !same_key(s, k))
		return false;
	copy_kept(b, m, s);
	return true;
}

bool wbuf_memo_copy_ref(struct wbuf *b, struct wbuf_memo *m, const struct wbuf_ref *r)
{
	if (!r->slot || r->slot->stamp != r->stamp)
		return false;
	copy_kept(b, m, r->slot);
	return true;
}

struct wbuf_mark wbuf_memo_begin(struct wbuf *b)
{
	wbuf_space(b, WBUF_KEPT_MAX); /* NULL only for a buffer smaller than that: then nothing is kept */
	return (struct wbuf_mark){ b->n, b->flushes };
}

void wbuf_memo_keep(struct wbuf *b, struct wbuf_memo *m, const struct wbuf_key *k, struct wbuf_mark from)
{
	m->last.slot = NULL;
	if (!k->ok || b->flushes != from.flushes || b->n - from.at > WBUF_KEPT_MAX)
		return;
	unsigned i = slot_of(k);
	struct wbuf_kept *s = &m->slots[i];
	m->filled[i / 64] |= (uint64_t)1 << (i % 64);
	s->n = k->n;
	s->len = (unsigned)(b->n - from.at);
	s->stamp = ++m->kept;
	memcpy(s->key, k->w, k->n * sizeof k->w[0]);
	memcpy(s->text, b->buf + from.at, s->len);
	m->last = (struct wbuf_ref){ s, s->stamp };
}

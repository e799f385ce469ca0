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
**
** A writer that lives longer (the text replay's meetings, hundreds of MB
** to a temporary file) gives it a larger buffer of its own (wbuf_init_mem):
** one write(2) of a few hundred KB where a FILE without a buffer of its
** own (_IONBF) is behind, and no copy into stdio's buffer on the way.
**
** A writer whose blocks repeat (a report's rules with the same numbers at
** most motions) keeps each block it renders in a wbuf_memo by what the
** block is made of, as words (a wbuf_key), and copies it the next time
** instead of rendering it again (wbuf_memo_copy, wbuf_memo_begin,
** wbuf_memo_keep).  The words must say everything the block is made of:
** a key that leaves something out writes a wrong block.
*/
#ifndef QUORATE_WBUF_H
#define QUORATE_WBUF_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "base/date.h"
#include "base/numfmt.h"

#define WBUF_SIZE 4096

struct wbuf {
	FILE *out;
	size_t n;                 /* bytes of buf not yet given to out */
	unsigned long flushes;    /* times buf was given out (a kept block must not span one) */
	size_t cap;               /* of buf */
	char *buf;                /* own, or the memory given to wbuf_init_mem */
	char own[WBUF_SIZE];
};

void wbuf_init(struct wbuf *b, FILE *out);
/* With `cap` bytes at mem (at least WBUF_SIZE) as its buffer, not its own. */
void wbuf_init_mem(struct wbuf *b, FILE *out, char *mem, size_t cap);
/* Give out what the buffer holds. */
void wbuf_flush(struct wbuf *b);
/* What does not fit: flush, and a write longer than the buffer straight out. */
void wbuf_write_over(struct wbuf *b, const void *s, size_t n);

/* The calls a report makes dozens of times a motion are inline: a check
** for room and a copy (of a fixed size for a string literal). */
static inline void wbuf_write(struct wbuf *b, const void *s, size_t n)
{
	if (n > b->cap - b->n) {
		wbuf_write_over(b, s, n);
		return;
	}
	memcpy(b->buf + b->n, s, n);
	b->n += n;
}

static inline void wbuf_puts(struct wbuf *b, const char *s)
{
	wbuf_write(b, s, strlen(s));
}

static inline void wbuf_putc(struct wbuf *b, char c)
{
	if (b->n == b->cap)
		wbuf_flush(b);
	b->buf[b->n++] = c;
}

/* v in decimal, as printf's %lld and %llu */
static inline void wbuf_int(struct wbuf *b, int64_t v)
{
	if (b->cap - b->n < NUMFMT_MAX)
		wbuf_flush(b);
	b->n += numfmt_i64_fast(b->buf + b->n, v);
}

/*
** Writing in place: room for up to n bytes at the buffer's end (flushed
** first if need be; NULL only if the buffer is smaller than n), filled by
** the caller and counted with wbuf_wrote.  A line whose parts are all
** bounded (numbers, names of a few words) is then one check, not one a
** part, and a part rendered into a buffer (the working of a rule) is
** rendered there, not copied again.
*/
static inline char *wbuf_space(struct wbuf *b, size_t n)
{
	if (b->cap - b->n < n) {
		if (b->cap < n)
			return NULL;
		wbuf_flush(b);
	}
	return b->buf + b->n;
}

static inline void wbuf_wrote(struct wbuf *b, const char *end)
{
	b->n = (size_t)(end - b->buf);
}

/* For a cursor p into wbuf_space: a string literal, an integer, a string of
** known bound; each advances p. */
#define WBUF_LIT(p, s) (memcpy((p), (s), sizeof(s) - 1), (p) += sizeof(s) - 1)
#define WBUF_INT(p, v) ((p) += numfmt_i64_fast((p), (v)))
static inline char *wbuf_put_str(char *p, const char *s)
{
	size_t n = strlen(s);
	memcpy(p, s, n);
	return p + n;
}

void wbuf_uint(struct wbuf *b, uint64_t v);
/* YYYY-MM-DD, as date_format */
void wbuf_date(struct wbuf *b, qdate d);
/* What the fast calls do not cover (padding, widths): printf's formats. */
void wbuf_printf(struct wbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* ---- blocks kept by what they are made of ---- */

#define WBUF_KEY_WORDS 64    /* the most words a key holds */
#define WBUF_KEPT_MAX 1024   /* the longest block kept */
#define WBUF_MEMO_SLOTS 1024 /* blocks kept at once: one a slot, the last kept wins it */

/* What a block is made of.  ok is false once more words were pushed than
** a key holds: such a block is written afresh and not kept. */
struct wbuf_key {
	unsigned n;
	bool ok;
	uint64_t w[WBUF_KEY_WORDS];
};

static inline void wbuf_key_init(struct wbuf_key *k, uint64_t kind)
{
	k->n = 1;
	k->ok = true;
	k->w[0] = kind;
}

static inline void wbuf_key_push(struct wbuf_key *k, uint64_t v)
{
	if (k->n == WBUF_KEY_WORDS) {
		k->ok = false;
		return;
	}
	k->w[k->n++] = v;
}

struct wbuf_kept {
	unsigned n;          /* words of key; 0: empty */
	unsigned len;        /* bytes of text */
	unsigned long stamp; /* the memo's count of blocks kept, when this one was */
	uint64_t key[WBUF_KEY_WORDS];
	char text[WBUF_KEPT_MAX];
};

/* A block kept, as long as its slot was not given to another since. */
struct wbuf_ref {
	const struct wbuf_kept *slot; /* NULL: none */
	unsigned long stamp;
};

struct wbuf_memo {
	struct wbuf_kept *slots; /* WBUF_MEMO_SLOTS, in memory the caller gives */
	/* which slots are filled, by bit: a slot's page is not touched until
	** it is (marking 1,024 slots of 1.5 KB empty touched 400 pages, the
	** most of a short replay's page faults) */
	uint64_t filled[WBUF_MEMO_SLOTS / 64];
	unsigned long hits, kept; /* blocks copied, blocks kept (the stamp of the last) */
	struct wbuf_ref last;     /* the block last copied or kept (slot NULL: the last was not kept) */
};

/* slots: WBUF_MEMO_SLOTS of them; none is read before it is filled. */
void wbuf_memo_init(struct wbuf_memo *m, struct wbuf_kept *slots);

/* Write the block kept for k and return true; or write nothing and return
** false (none kept, or k is not ok): then render it between
** wbuf_memo_begin and wbuf_memo_keep. */
bool wbuf_memo_copy(struct wbuf *b, struct wbuf_memo *m, const struct wbuf_key *k);

/* Write the block r refers to again and return true, if it is still kept. */
bool wbuf_memo_copy_ref(struct wbuf *b, struct wbuf_memo *m, const struct wbuf_ref *r);

/* Where a block begins: room for the longest kept, so that nothing is
** flushed while it is rendered. */
struct wbuf_mark {
	size_t at;
	unsigned long flushes;
};
struct wbuf_mark wbuf_memo_begin(struct wbuf *b);

/* Keep what was written since `from` for k, if k is ok and it is all still
** in the buffer and not too long. */
void wbuf_memo_keep(struct wbuf *b, struct wbuf_memo *m, const struct wbuf_key *k, struct wbuf_mark from);

#endif

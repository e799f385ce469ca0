/*
** json: streaming JSON writer.  See json.h.
*/
#include "report/json.h"

#include <errno.h>
#include <limits.h>
#include <unistd.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

const char jw_indent[64] = "\n                                                               ";

/*
** A full buffer goes to the FILE's descriptor itself (jw_drain), once what
** the FILE holds has gone before it: through fwrite it was copied again into the FILE's
** own buffer, a copy of the whole report (a tenth of a JSON replay's time
** on a one-file history).  What write() does not take (an error, a FILE
** without a descriptor such as a memory stream) goes through fwrite, which
** also sets the FILE's error flag and errno, as the run's end reports.
** Seeks and ftello ask the kernel in a FILE that writes (report.c's
** send_file gives the kernel bytes behind stdio's back in the same way).
** jw_flush, asked for where the FILE is about to be written otherwise or
** read back, still gives through stdio: what a small report writes reaches
** the descriptor when it did, after the diagnostics (2>&1 keeps its order).
*/
static size_t write_direct(FILE *out, const char *s, size_t n)
{
	int fd = fileno(out);
	if (fd < 0 || fflush(out) != 0)
		return 0;
	size_t done = 0;
	while (done < n) {
		ssize_t k = write(fd, s + done, n - done);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			break;
		done += (size_t)k;
	}
	return done;
}

static void give(FILE *out, const char *s, size_t n)
{
	size_t done = write_direct(out, s, n);
	if (done < n)
		fwrite(s + done, 1, n - done, out);
}

void jw_flush(struct json_writer *w)
{
	if (w->pending)
		fwrite(w->buf, 1, w->pending, w->out);
	w->given += w->pending;
	w->pending = 0;
}

void jw_drain(struct json_writer *w)
{
	if (w->pending)
		give(w->out, w->buf, w->pending);
	w->given += w->pending;
	w->pending = 0;
}

void jw_init(struct json_writer *w, FILE *out)
{
	w->out = out;
	w->kept = NULL;
	w->rec = NULL;
	w->given = 0;
	w->depth = 0;
	w->first[0] = true;
	w->after_key = false;
	w->pending = 0;
}

void jw_put_long(struct json_writer *w, const char *s, size_t n)
{
	char *o = jw_next(w, 0);
	jw_end_at(w, o);
	if (w->pending + n > sizeof w->buf)
		jw_drain(w);
	if (n > sizeof w->buf) {
		give(w->out, s, n);
		return;
	}
	memcpy(w->buf + w->pending, s, n);
	w->pending += n;
}

/* One character of a string, escaped, at o; returns the end. */
static char *escape(char *o, unsigned char c)
{
	static const char hex[] = "0123456789abcdef";
	*o++ = '\\';
	switch (c) {
	case '"': *o++ = '"'; break;
	case '\\': *o++ = '\\'; break;
	case '\n': *o++ = 'n'; break;
	case '\r': *o++ = 'r'; break;
	case '\t': *o++ = 't'; break;
	default: /* the other control characters: \u00XX */
		memcpy(o, "u00", 3);
		o[3] = hex[c >> 4];
		o[4] = hex[c & 15];
		o += 5;
	}
	return o;
}

#define MAX_ESCAPE 6 /* \u00XX */

/* The bytes a string may hold as they are (1), and those escaped (0). */
#define R16(v) v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v
static const unsigned char plain[256] = {
	R16(0), R16(0),                                 /* control characters */
	1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* '"' */
	R16(1), R16(1),
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, /* '\\' */
	R16(1), R16(1), R16(1), R16(1), R16(1), R16(1), R16(1), R16(1), R16(1), R16(1),
};

/* No byte of v needs an escape (none below 0x20, no '"', no '\\'):
** exact as a yes or no, which is all this asks. */
static bool plain8(uint64_t v)
{
	const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
	uint64_t quote = v ^ (ones * '"'), backslash = v ^ (ones * '\\');
	uint64_t found = ((v - ones * 0x20) & ~v) | ((quote - ones) & ~quote) | ((backslash - ones) & ~backslash);
	return (found & highs) == 0;
}

#ifdef __SSE2__
/* No byte of the 16 at p needs an escape. */
static bool plain16(__m128i v)
{
	__m128i control = _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(0x1f)), v); /* v <= 0x1f */
	__m128i quote = _mm_cmpeq_epi8(v, _mm_set1_epi8('"'));
	__m128i backslash = _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'));
	return _mm_movemask_epi8(_mm_or_si128(control, _mm_or_si128(quote, backslash))) == 0;
}
#endif

/* The n bytes at p escaped, at o (room for MAX_ESCAPE each); returns the end. */
static char *copy_escaped(char *o, const unsigned char *p, size_t n)
{
	size_t i = 0;
#ifdef __SSE2__
	if (n >= 16) {
		/* sixteen at a time, as eight below: a title or a working is
		** 15-40 bytes, and this is most of what a JSON report scans */
		__m128i v;
		for (; i + 16 < n; i += 16) {
			v = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
			if (!plain16(v))
				goto one_by_one;
			_mm_storeu_si128((__m128i *)(void *)(o + i), v);
		}
		v = _mm_loadu_si128((const __m128i *)(const void *)(p + n - 16));
		if (plain16(v)) {
			_mm_storeu_si128((__m128i *)(void *)(o + n - 16), v);
			return o + n;
		}
		goto one_by_one;
	}
#endif
	if (n >= 8) {
		/* eight at a time while none needs an escape, the last eight
		** overlapping those before: most strings need none */
		uint64_t v;
		for (; i + 8 < n; i += 8) {
			memcpy(&v, p + i, 8);
			if (!plain8(v))
				goto one_by_one;
			memcpy(o + i, &v, 8);
		}
		memcpy(&v, p + n - 8, 8);
		if (plain8(v)) {
			memcpy(o + n - 8, &v, 8);
			return o + n;
		}
	}
	/* a short string (most are a word or a number), or what is left:
	** copied, then escaped from i only where a byte needs it */
	bool all_plain = true;
	for (size_t j = i; j < n; j++) {
		o[j] = (char)p[j];
		all_plain &= plain[p[j]];
	}
	if (all_plain)
		return o + n;
one_by_one:
	o += i;
	for (; i < n; i++)
		o = plain[p[i]] ? (*o = (char)p[i], o + 1) : escape(o, p[i]);
	return o;
}

/* The longest string escaped straight into the buffer in one piece. */
#define SHORT_MAX ((JW_TOKEN_MAX - 2) / MAX_ESCAPE)

/*
** Most strings of a report are short and need no escape (titles, ids,
** numbers of motions): their end, and whether they need one, found in the
** same pass as they are copied, sixteen bytes a step (the terminating NUL
** is a control character, so the first byte to stop at is either it or
** one to escape).  A step reads up to 15 bytes past the NUL, never into
** the next page; AddressSanitizer would see those bytes read, so it gets
** strlen and copy_escaped, as do machines without SSE2.
*/
#if defined(__SSE2__) && !defined(__SANITIZE_ADDRESS__)
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define NO_FAST_STRINGS
#endif
#endif
#ifndef NO_FAST_STRINGS
#define FAST_STRINGS
#endif
#endif

#ifdef FAST_STRINGS
#define PAGE 4096u

/* s copied to o whole, if it needs no escape and is at most SHORT_MAX
** bytes or a few more: its length; else SIZE_MAX, with bytes of s copied
** to o that mean nothing.  o has room for SHORT_MAX + 16 bytes.  Where
** near_page_end, no step reads into the next page. */
static inline __attribute__((always_inline)) size_t copy_plain_steps(char *o, const char *s, bool near_page_end)
{
	for (size_t i = 0; i < SHORT_MAX; i += 16) {
		const char *p = s + i;
		if (near_page_end && ((uintptr_t)p & (PAGE - 1)) > PAGE - 16)
			return SIZE_MAX; /* the step would cross into the next page */
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
		_mm_storeu_si128((__m128i *)(void *)(o + i), v);
		__m128i control = _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(0x1f)), v); /* NUL too */
		__m128i quote = _mm_cmpeq_epi8(v, _mm_set1_epi8('"'));
		__m128i backslash = _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'));
		unsigned stop = (unsigned)_mm_movemask_epi8(_mm_or_si128(control, _mm_or_si128(quote, backslash)));
		if (stop) {
			unsigned k = (unsigned)__builtin_ctz(stop);
			return p[k] == '\0' ? i + k : SIZE_MAX;
		}
	}
	return SIZE_MAX;
}

/* The bytes copy_plain_steps may read from s */
#define SHORT_STEPS_READ ((SHORT_MAX + 15) / 16 * 16)

/* (inlined in each caller: a call was a tenth of a title's cost) */
static inline __attribute__((always_inline)) size_t copy_plain_short(char *o, const char *s)
{
	/* each step checks for the page's end only where the steps may reach
	** it (a string in the last 176 bytes of its page), not at every step
	** of nearly every string */
	if (((uintptr_t)s & (PAGE - 1)) > PAGE - SHORT_STEPS_READ)
		return copy_plain_steps(o, s, true);
	return copy_plain_steps(o, s, false);
}
#endif

/* s quoted and escaped, and ": " after it if it is a key. */
static void write_string(struct json_writer *w, const char *s, bool key)
{
#ifdef FAST_STRINGS
	_Static_assert(4 + MAX_ESCAPE * SHORT_MAX <= JW_TOKEN_MAX && SHORT_MAX + 16 + 4 <= JW_TOKEN_MAX,
	               "room for any short string, escaped or copied sixteen bytes a step");
	char *o = jw_next(w, JW_TOKEN_MAX);
	size_t len = copy_plain_short(o + 1, s);
	if (len != SIZE_MAX) {
		*o = '"';
		o += 1 + len;
		*o++ = '"';
		if (key) {
			memcpy(o, ": ", 2);
			o += 2;
		}
		jw_end_at(w, o);
		w->after_key = key;
		return;
	}
	len = strlen(s);
#else
	size_t len = strlen(s);
	char *o = jw_next(w, len <= SHORT_MAX ? 4 + MAX_ESCAPE * len : 0);
#endif
	if (len > SHORT_MAX) {
		/* a long string: a piece at a time */
		jw_end_at(w, o);
		const unsigned char *p = (const unsigned char *)s, *end = p + len;
		w->buf[w->pending++] = '"'; /* jw_next left room for it */
		while (p < end) {
			size_t k = (size_t)(end - p) < SHORT_MAX ? (size_t)(end - p) : SHORT_MAX;
			if (w->pending + MAX_ESCAPE * k > sizeof w->buf)
				jw_drain(w);
			jw_end_at(w, copy_escaped(w->buf + w->pending, p, k));
			p += k;
		}
		if (w->pending + 3 > sizeof w->buf)
			jw_drain(w);
		o = w->buf + w->pending;
	} else {
		*o++ = '"';
		o = copy_escaped(o, (const unsigned char *)s, len);
	}
	*o++ = '"';
	if (key) {
		memcpy(o, ": ", 2);
		o += 2;
	}
	jw_end_at(w, o);
	w->after_key = key;
}

char *jw_quote_plain(char *o, const char *s)
{
#ifdef FAST_STRINGS
	size_t len = copy_plain_short(o + 1, s);
	if (len != SIZE_MAX) {
		*o = '"';
		o[1 + len] = '"';
		return o + len + 2;
	}
#endif
	(void)o;
	(void)s;
	return NULL;
}

void jw_string_at(struct json_writer *w, char *o, const char *s)
{
#ifdef FAST_STRINGS
	size_t len = copy_plain_short(o + 1, s);
	if (len != SIZE_MAX) {
		*o = '"';
		o[1 + len] = '"';
		jw_end_at(w, o + len + 2);
		return;
	}
#endif
	jw_end_at(w, o); /* the key is written: the string as any other, after it */
	w->after_key = true;
	write_string(w, s, false);
}

void jw_quoted_string_slow(struct json_writer *w, const char *quoted, size_t n, const char *s)
{
	jw_key_quoted(w, quoted, n);
	write_string(w, s, false);
}

void jw_key(struct json_writer *w, const char *key)
{
	write_string(w, key, true);
}

void jw_string(struct json_writer *w, const char *s)
{
	write_string(w, s, false);
}

void jw_keep(struct json_writer *w, struct jw_kept *k)
{
	k->count_heads.depth = 0;
	k->count_heads.fit = false;
	k->count_heads.small_depth = 0;
	memset(k->key, 0, sizeof k->key);
	for (size_t i = 0; i < sizeof k->runs / sizeof k->runs[0]; i++)
		k->runs[i] = (struct jw_run){ .key = NULL, .used = 0 };
	k->uses = 0;
	for (size_t i = 0; i < sizeof k->memo / sizeof k->memo[0]; i++)
		k->memo[i].n_in = 0;
	for (size_t i = 0; i < sizeof k->lines / sizeof k->lines[0]; i++)
		k->lines[i].state = 0;
	for (size_t i = 0; i < sizeof k->templates / sizeof k->templates[0]; i++) {
		k->templates[i].n_key = 0;
		k->templates[i].used = 0;
	}
	/* an empty block's hash is read before its n_in (the test that usually
	** fails first): it is set, so no decision depends on unset memory */
	for (size_t i = 0; i < sizeof k->blocks / sizeof k->blocks[0]; i++) {
		k->blocks[i].hash = 0;
		k->blocks[i].n_in = 0;
		k->blocks[i].used = 0;
	}
	w->kept = k;
}

void jw_run(struct json_writer *w, const void *key, void (*write)(struct json_writer *w, const void *ctx),
            const void *ctx)
{
	struct jw_kept *k = w->kept;
	unsigned depth = w->depth;
	if (!k || w->after_key || w->first[depth]) {
		write(w, ctx);
		return;
	}
	/* JW_RUN_WAYS slots a key may be in; a new run takes the one used
	** longest ago (with two, three runs of a motion that shared them
	** took each other's, and a third of the runs were written again) */
	size_t at = (uint32_t)(((uintptr_t)key + depth) * 2654435761u) >> (32 - JW_RUN_BITS);
	struct jw_run *set = &k->runs[at & ~(size_t)(JW_RUN_WAYS - 1)], *r = set;
	for (unsigned i = 0; i < JW_RUN_WAYS; i++) {
		if (set[i].key == key && set[i].depth == depth) {
			r = &set[i];
			break;
		}
		if (set[i].used < r->used)
			r = &set[i];
	}
	r->used = ++k->uses;
	if (r->key == key && r->depth == depth) {
		if (w->pending + r->len > sizeof w->buf)
			jw_drain(w);
		memcpy(w->buf + w->pending, r->text, r->len);
		w->pending += r->len;
		for (unsigned d = depth + 1; d <= r->end_depth; d++)
			w->first[d] = r->first[d - depth - 1];
		w->depth = r->end_depth;
		w->after_key = r->after_key;
		return;
	}
	/* written as any other time, then kept if it is all still in the buffer */
	size_t start = w->pending, given = w->given;
	write(w, ctx);
	size_t len = w->pending - start;
	if (w->given != given || len > JW_RUN_MAX || w->depth > depth + JW_RUN_LEVELS)
		return;
	r->key = key;
	r->depth = depth;
	r->end_depth = w->depth;
	r->after_key = w->after_key;
	for (unsigned d = depth + 1; d <= w->depth; d++)
		r->first[d - depth - 1] = w->first[d];
	r->len = (unsigned short)len;
	memcpy(r->text, w->buf + start, len);
}

void jw_string_kept(struct json_writer *w, const void *key, const char *s)
{
	struct jw_kept *k = w->kept;
	if (!k) {
		write_string(w, s, false);
		return;
	}
	/* the product's high bits: a pointer's low bits are mostly alignment */
	size_t slot = (uint32_t)((uintptr_t)key * 2654435761u) >> (32 - JW_KEPT_BITS);
	if (k->key[slot] != key) {
		size_t len = strlen(s);
		char quoted[2 + MAX_ESCAPE * SHORT_MAX], *o = quoted;
		if (len <= SHORT_MAX) {
			*o++ = '"';
			o = copy_escaped(o, (const unsigned char *)s, len);
			*o++ = '"';
		}
		if (len > SHORT_MAX || o - quoted > JW_KEPT_MAX) {
			write_string(w, s, false);
			return;
		}
		memcpy(k->text[slot], quoted, (size_t)(o - quoted));
		k->len[slot] = (unsigned char)(o - quoted);
		k->key[slot] = key;
	}
	jw_put_token(w, k->text[slot], k->len[slot], false);
}

bool jw_block(struct json_writer *w, const uint64_t *in, unsigned n, struct jw_block_at *at)
{
	struct jw_kept *k = w->kept;
	unsigned depth = w->depth;
	at->slot = NULL;
	if (!k || w->after_key || w->first[depth] || n == 0 || n > JW_BLOCK_WORDS)
		return false;
	const uint64_t mul = 0x9e3779b97f4a7c15u;
	uint64_t h = (uint64_t)n << 8 | depth;
	unsigned i = 0;
	for (; i + 1 < n; i += 2) /* two words a step: half the loop's own work */
		h = (((h ^ in[i]) * mul) ^ in[i + 1]) * mul;
	if (i < n)
		h = (h ^ in[i]) * mul;
	/* JW_BLOCK_WAYS slots it may be in: a new block takes the one used
	** longest ago (two blocks written by turns would not take each other's) */
	struct jw_block *set = &k->blocks[(h >> (64 - JW_BLOCK_BITS)) & ~(uint64_t)(JW_BLOCK_WAYS - 1)];
	struct jw_block *b = NULL, *oldest = set;
	for (unsigned s = 0; s < JW_BLOCK_WAYS; s++) {
		if (set[s].hash == h && set[s].n_in == n && set[s].depth == depth && jw_same_words(set[s].in, in, n)) {
			b = &set[s];
			break;
		}
		if (set[s].used < oldest->used)
			oldest = &set[s];
	}
	k->uses++;
	if (b) {
		b->used = k->uses;
		if (w->pending + b->len > sizeof w->buf)
			jw_drain(w);
		memcpy(w->buf + w->pending, b->text, b->len);
		w->pending += b->len;
		for (unsigned d = depth + 1; d <= b->end_depth; d++)
			w->first[d] = b->first[d - depth - 1];
		w->depth = b->end_depth;
		w->after_key = b->after_key;
		return true;
	}
	*at = (struct jw_block_at){ .slot = oldest, .in = in, .n = n, .depth = depth, .hash = h,
	                            .start = w->pending, .given = w->given };
	return false;
}

void jw_block_keep(struct json_writer *w, const struct jw_block_at *at)
{
	struct jw_block *b = at->slot;
	size_t len = w->pending - at->start;
	/* all of it still in the buffer, and the containers it leaves open few */
	if (!b || w->given != at->given || len > JW_BLOCK_MAX || w->depth > at->depth + JW_RUN_LEVELS)
		return;
	b->hash = at->hash;
	b->used = ++w->kept->uses;
	memcpy(b->in, at->in, at->n * sizeof *at->in);
	b->n_in = (unsigned char)at->n;
	b->depth = (unsigned char)at->depth;
	b->end_depth = (unsigned char)w->depth;
	b->after_key = w->after_key;
	for (unsigned d = at->depth + 1; d <= w->depth; d++)
		b->first[d - at->depth - 1] = w->first[d];
	b->len = (unsigned short)len;
	memcpy(b->text, w->buf + at->start, len);
}

/* ---- templates ---- */

void jw_record_begin(struct json_writer *w, struct jw_recording *r, const uint64_t *key, unsigned n)
{
	struct jw_kept *k = w->kept;
	*r = (struct jw_recording){ .slot = NULL };
	w->rec = NULL;
	if (!k || n == 0 || n > JW_TEMPLATE_KEY || w->after_key)
		return;
	/* the slot used longest ago, emptied until the template is whole */
	struct jw_template *set = jw_template_set(k, key, n), *t = set;
	for (unsigned s = 1; s < JW_TEMPLATE_WAYS; s++)
		if (set[s].used < t->used)
			t = &set[s];
	t->n_key = 0;
	t->n_holes = 0;
	t->len = 0;
	t->depth = (unsigned char)w->depth;
	/* the separator; its new line and indentation begin the text (where
	** a copy takes them with the text that follows: jw_template_start) */
	jw_end_at(w, jw_next(w, 0));
	w->after_key = true;
	size_t line = w->depth ? 1 + 2 * (size_t)w->depth : 0;
	*r = (struct jw_recording){ .slot = t, .key = key, .n_key = n, .from = w->pending - line, .given = w->given };
	w->rec = r;
}

/* The text written since the last hole, into the template; false (and
** nothing kept) if it was given out or does not fit. */
static bool take_text(struct json_writer *w, struct jw_recording *r)
{
	struct jw_template *t = r->slot;
	if (!t)
		return false;
	size_t n = w->pending - r->from;
	if (w->given != r->given || t->len + n > JW_TEMPLATE_MAX) {
		r->slot = NULL;
		return false;
	}
	memcpy(t->text + t->len, w->buf + r->from, n);
	t->len = (unsigned short)(t->len + n);
	r->from = w->pending;
	return true;
}

void jw_rec_hole_begin(struct json_writer *w, unsigned kind, unsigned index)
{
	struct jw_recording *r = w->rec;
	if (!take_text(w, r))
		return;
	struct jw_template *t = r->slot;
	if (t->n_holes == JW_TEMPLATE_HOLES || w->depth > UCHAR_MAX) {
		r->slot = NULL;
		return;
	}
	t->holes[t->n_holes++] = (struct jw_hole){ .at = t->len, .kind = (unsigned char)kind, .index = (unsigned char)index,
	                                           .depth = (unsigned char)w->depth, .after_key = w->after_key,
	                                           .first = w->first[w->depth] };
}

void jw_rec_hole_end(struct json_writer *w)
{
	w->rec->from = w->pending; /* the value's text is not the template's */
}

void jw_record_end(struct json_writer *w)
{
	struct jw_recording *r = w->rec;
	w->rec = NULL;
	if (!r || !take_text(w, r) || w->depth != r->slot->depth || w->after_key)
		return;
	struct jw_template *t = r->slot;
	memset(t->text + t->len, 0, JW_TEXT_SLACK);
	memcpy(t->key, r->key, r->n_key * sizeof *r->key);
	t->n_key = (unsigned char)r->n_key;
	t->used = ++w->kept->uses;
}

void jw_lines_keep(struct json_writer *w, const uint64_t key[3], unsigned state, size_t start, size_t given)
{
	struct jw_lines *set = jw_lines_set(w, key);
	size_t len = w->pending - start;
	if (w->given != given || len > JW_LINES_MAX || jw_lines_state(w) != (state & 0xff) || (state & 0xff) == 0)
		return;
	/* the set's first slot, the lines it held moved to the second (kept
	** longer ago: nothing to note when lines are copied, twice a motion) */
	struct jw_lines *l = &set[0];
	if (set[0].state != 0)
		set[1] = set[0];
	memcpy(l->key, key, sizeof l->key);
	l->state = (unsigned short)state;
	l->len = (unsigned short)len;
	memcpy(l->text, w->buf + start, len);
	memset(l->text + len, 0, sizeof l->text - len);
}

/* The slot for the words in[0..n) (NULL: a writer without slots, or n out of range). */
static struct jw_memo *memo_slot(struct json_writer *w, const uint64_t *in, unsigned n)
{
	if (!w->kept || n == 0 || n > JW_MEMO_WORDS)
		return NULL;
	uint64_t h = n;
	for (unsigned i = 0; i < n; i++)
		h = (h ^ in[i]) * 0x9e3779b97f4a7c15u;
	return &w->kept->memo[h >> (64 - JW_MEMO_BITS)];
}

bool jw_string_memo(struct json_writer *w, const uint64_t *in, unsigned n)
{
	const struct jw_memo *m = memo_slot(w, in, n);
	if (!m || m->n_in != n || memcmp(m->in, in, n * sizeof *in) != 0)
		return false;
	jw_put_token(w, m->text, m->len, false);
	return true;
}

void jw_string_memo_keep(struct json_writer *w, const uint64_t *in, unsigned n, const char *s)
{
	struct jw_memo *m = memo_slot(w, in, n);
	size_t len = strlen(s);
	char quoted[2 + MAX_ESCAPE * SHORT_MAX], *o = quoted;
	if (!m || len > SHORT_MAX) {
		write_string(w, s, false);
		return;
	}
	*o++ = '"';
	o = copy_escaped(o, (const unsigned char *)s, len);
	*o++ = '"';
	size_t q = (size_t)(o - quoted);
	if (q <= JW_KEPT_MAX) {
		memcpy(m->in, in, n * sizeof *in);
		m->n_in = (unsigned char)n;
		m->len = (unsigned char)q;
		memcpy(m->text, quoted, q);
	}
	jw_put_token(w, quoted, q, false);
}

size_t jw_quote_key(char *out, size_t cap, const char *s)
{
	size_t len = strlen(s);
	if (len > SHORT_MAX || 4 + MAX_ESCAPE * len > cap)
		return 0;
	char *o = out;
	*o++ = '"';
	o = copy_escaped(o, (const unsigned char *)s, len);
	memcpy(o, "\": ", 3);
	return (size_t)(o + 3 - out);
}

void jw_raw(struct json_writer *w, const char *s)
{
	jw_put_token(w, s, strlen(s), false);
}

void jw_finish(struct json_writer *w)
{
	if (w->pending == sizeof w->buf)
		jw_flush(w);
	w->buf[w->pending++] = '\n';
	jw_flush(w);
}

/*
** json_scan: JSON text scanned in one pass, value by value, with the place of
** every value, for readers that know the shape they expect (minutes_json).
**
** There is no tree: a reader asks for the next member of an object or the
** next element of an array, and decides what to do with each as it comes
** (read it, or skip it).  Scalars are read whole when met; of an object or
** an array only the opening bracket, and its span is complete once its last
** member or element has been asked for.  The text is checked as strictly as
** a JSON parser checks it (RFC 8259, UTF-8, no NUL character, no key twice
** in one object, at most JSCAN_MAX_DEPTH levels of nesting); the first
** problem is reported as a syntax error at its place, and the scan stops by
** jumping to the reader's recovery point.  Everything is allocated in the
** reader's arena.
*/
#ifndef QUORATE_JSON_SCAN_H
#define QUORATE_JSON_SCAN_H

#include <setjmp.h>
#include <stdbool.h>
#include <stdint.h>

#include "front/diag.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* Nesting of arrays and objects (docs/reference.md#limits). */
#define JSCAN_MAX_DEPTH 2048

enum jtype { J_OBJECT, J_ARRAY, J_STRING, J_INTEGER, J_REAL, J_TRUE, J_FALSE, J_NULL };

struct jscan_keyset;

struct jvalue {
	enum jtype type;
	struct span span;          /* in the source; a container's end is set when it is finished */
	const char *str;           /* J_STRING: its text, decoded; NUL-terminated if `terminated` */
	size_t len;
	bool terminated;           /* false: str points into the JSON text (a key, or a value read
	                              with raw_strings, without escapes) */
	long long num;             /* J_INTEGER (a J_REAL's value is never used: only checked) */
	struct span key;           /* a member's key, when read by jscan_member */
	unsigned depth;            /* containers: their nesting depth */
	unsigned n;                /* containers: members or elements read so far */
	uint32_t seen;             /* objects: the known keys met (bit i: known_keys[i]) */
	unsigned next_key;         /* objects: where the search for the next key starts (member_key) */
	struct jscan_keyset *keys; /* objects: the other keys met */
};

struct jscan {
	struct arena *arena;
	struct diag_sink *diag;
	const struct source *src;
	const char *text;          /* src->text, where offsets count from */
	const char *p, *end;
	jmp_buf *on_error;         /* where a syntax error jumps, once reported */
	bool raw_strings;          /* string values are not copied (terminated false): their reader
	                              copies what it keeps (jscan_key_text) */
};

/*
** Start on src (a UTF-8 byte-order mark is skipped) and begin its value,
** which must be an object or an array.  A syntax error is reported to diag
** and jumps to on_error.
*/
void jscan_begin(struct jscan *s, struct arena *a, struct diag_sink *diag, const struct source *src,
                 jmp_buf *on_error, struct jvalue *root);
/* After the root value: nothing but blanks may follow. */
void jscan_finish(struct jscan *s);

/*
** A key an object of the schema may have: its text; its length and first
** byte in one number, against which a key read is tried first; and its
** first eight bytes in another (0 past its end), against which its text
** is compared, with the rest of a longer key byte by byte.  Both are
** computed when compiled (JSCAN_KEY).  A list of them ends with
** { NULL, 0, 0 }.
*/
struct jscan_key {
	const char *name;
	uint16_t tag;
	uint64_t head;
};
#define JSCAN_TAG(len, first) ((uint16_t)(((len) << 8) | (unsigned char)(first)))
/* Byte i of a literal (0 past its end), where it stands in a little-endian word. */
#define JSCAN_BYTE(lit, i) \
	((uint64_t)(sizeof(lit) > (i) + 1 ? (unsigned char)(lit)[sizeof(lit) > (i) + 1 ? (i) : 0] : 0) << (8 * (i)))
#define JSCAN_HEAD(lit) \
	(JSCAN_BYTE(lit, 0) | JSCAN_BYTE(lit, 1) | JSCAN_BYTE(lit, 2) | JSCAN_BYTE(lit, 3) | JSCAN_BYTE(lit, 4) | \
	 JSCAN_BYTE(lit, 5) | JSCAN_BYTE(lit, 6) | JSCAN_BYTE(lit, 7))
#define JSCAN_KEY(literal) { literal, JSCAN_TAG(sizeof(literal) - 1, (literal)[0]), JSCAN_HEAD(literal) }

/* What jscan_member returns besides the index of a known key. */
enum { JSCAN_END = -2, JSCAN_OTHER = -1 };

/*
** The next member of obj: JSCAN_END after the last one (and obj's span is
** then complete); otherwise *key is its key (its text not copied: see
** jscan_key_text), *v its value, begun, and the result the key's index in
** known_keys (may be NULL: none), or JSCAN_OTHER.  A key met twice
** in one object is a syntax error, as soon as the second is read.
*/
int jscan_member(struct jscan *s, struct jvalue *obj, struct jvalue *key, struct jvalue *v,
                 const struct jscan_key *known_keys);
/* The next element of arr, begun in *v; false after the last one. */
bool jscan_element(struct jscan *s, struct jvalue *arr, struct jvalue *v);
/* A string element as jscan_strings_of reads it: its text, not copied (no
** escapes in it), and where its opening quote stands (its span is
** [at, at + len + 2)). */
struct jscan_str {
	const char *str;
	uint32_t len;
	uint32_t at;
};

/*
** The next elements of arr, up to cap of them, while each is a string of
** bytes whose `accept` is not 0 (none of them '"', '\\', a control
** character or NUL): into out, and how many.  Fewer than cap: what comes
** next is the end of arr, read (arr's span is complete, and *ended true),
** or something else (another value, a string with other bytes, an error),
** not read; jscan_element reads it, and reports any error.
*/
size_t jscan_strings_of(struct jscan *s, struct jvalue *arr, const unsigned char accept[256], struct jscan_str *out,
                        size_t cap, bool *ended);
/* Read past the rest of v (a value not used), checking it is JSON. */
void jscan_skip(struct jscan *s, struct jvalue *v);
/* A key's text (or a string's), NUL-terminated, in the arena if it was not already. */
const char *jscan_key_text(struct jscan *s, const struct jvalue *key);

/* ---- the scanner's byte loops, shared with readers' lean paths (minutes_json) ---- */

/* The text ends in a NUL (struct source), which stops these loops at its end
** without a bound to test at each byte. */
extern const bool jscan_blank[256];
/* Bytes a string's text needs no more than a glance at: not '"', '\\', a
** control character (NUL included) or part of a UTF-8 sequence. */
extern const bool jscan_plain[256];

#ifdef __SSE2__
/* Sixteen bytes at p, where sixteen bytes of the text remain. */
static inline __m128i jscan_load16(const char *p)
{
	return _mm_loadu_si128((const __m128i *)(const void *)p);
}
#endif

/*
** Past the blanks at p.  A pretty-printed record's blanks are a line end and
** an indent of spaces: after a blank, the spaces that follow are counted
** sixteen at a step with SSE2 where sixteen bytes remain; the last few
** bytes, and machines without SSE2, a byte at a time.
*/
static inline const char *jscan_past_blanks(const char *p, const char *end)
{
	while (jscan_blank[(unsigned char)*p]) { /* one test a byte, whatever it is */
		p++;
#ifdef __SSE2__
		if (end - p >= 16) {
			unsigned spaces = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(jscan_load16(p), _mm_set1_epi8(' ')));
			p += __builtin_ctz(~spaces); /* (bit 16 of ~spaces is set: at most 16) */
		}
#else
		(void)end;
#endif
	}
	return p;
}

/* Past the plain bytes at p (sixteen at a step with SSE2 where sixteen
** remain: a byte below 0x20 or of UTF-8 is below 0x20 as a signed byte). */
static inline const char *jscan_past_plain(const char *p, const char *end)
{
#ifdef __SSE2__
	while (end - p >= 16) {
		__m128i x = jscan_load16(p);
		__m128i quote = _mm_cmpeq_epi8(x, _mm_set1_epi8('"')), backslash = _mm_cmpeq_epi8(x, _mm_set1_epi8('\\'));
		__m128i stop = _mm_or_si128(_mm_or_si128(quote, backslash), _mm_cmplt_epi8(x, _mm_set1_epi8(0x20)));
		unsigned m = (unsigned)_mm_movemask_epi8(stop);
		if (m)
			return p + __builtin_ctz(m);
		p += 16;
	}
#else
	(void)end;
#endif
	while (jscan_plain[(unsigned char)*p])
		p++;
	return p;
}

#endif

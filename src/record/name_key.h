/*
** name_key: how the record readers find a name in their tables of names,
** by its length and eight of its bytes (all of a name of eight bytes or
** fewer, which most are) and a hash of them; only a longer name's text is
** compared, and hashed whole, so that names sharing those bytes do not
** crowd one slot.
**
** minutes_json.c keys a name by its last eight bytes (its tail), gathered
** as it finds the name's end (NAME_TAIL_STEP).  fastrec.c keys it by its
** first eight (its head, byte i at bits 8i), which a little-endian machine
** loads in one step, finding the name's end in the same word (name_head).
*/
#ifndef QUORATE_NAME_KEY_H
#define QUORATE_NAME_KEY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define NAME_TAIL_STEP(tail, c) (((tail) << 8) | (unsigned char)(c))

static inline uint64_t name_tail(const char *s, size_t len)
{
	uint64_t tail = 0;
	for (size_t i = 0; i < len; i++)
		tail = NAME_TAIL_STEP(tail, s[i]);
	return tail;
}

static inline uint32_t name_hash(const char *s, size_t len, uint64_t tail)
{
	if (len <= 8)
		return (uint32_t)(((tail + len) * 0x9E3779B97F4A7C15ull) >> 32);
	uint32_t h = 2166136261u; /* FNV-1a */
	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

/* Is the name [text, text + len), of this hash and tail, the one whose
** key is (hash, tail, len) and text `known`? */
static inline bool name_key_equal(const char *known, uint32_t hash, uint64_t tail, uint32_t len, const char *text,
                                  size_t n, uint32_t h, uint64_t t)
{
	if (hash != h || tail != t || len != n)
		return false;
	if (n <= 8)
		return true;
	for (size_t i = 0; i < n; i++)
		if (known[i] != text[i])
			return false;
	return true;
}

/* ---- the head key (fastrec.c) ---------------------------------------------- */

/* The bytes that end a name in a token of record.l (a blank, a comma, the
** NUL after the token) are all below '0'; every byte of a name ('0'-'9',
** letters, '_', bytes past ASCII) is '0' or above. */
#define NAME_END_BELOW 0x30

/* A name [s, s + len) of up to eight bytes: its bytes, byte i at bits 8i. */
static inline uint64_t name_head_of(const char *s, size_t len)
{
	uint64_t head = 0;
	for (size_t i = 0; i < len && i < 8; i++)
		head |= (uint64_t)(unsigned char)s[i] << (8 * i);
	return head;
}

/* The hash of a name by its head; a longer name's length and bytes past
** eight are all mixed in (FNV-1a), so that names sharing their first eight
** bytes do not crowd one slot.  A head of up to seven bytes is the name's
** length too (no name has a NUL): hashed alone, as fastrec.c's known_run
** does in two instructions. */
static inline uint32_t name_head_hash(const char *s, size_t len, uint64_t head)
{
	uint64_t h = len < 8 ? head : head ^ len;
	for (size_t i = 8; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 0x100000001B3ull;
	return (uint32_t)((h * 0x9E3779B97F4A7C15ull) >> 32);
}

/* Is the name [text, text + n), of this head, the one whose key is (head,
** len) and text `known`? */
static inline bool name_head_equal(const char *known, uint64_t head, uint32_t len, const char *text, size_t n,
                                   uint64_t h)
{
	if (head != h || len != n)
		return false;
	for (size_t i = 8; i < n; i++)
		if (known[i] != text[i])
			return false;
	return true;
}

#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define NAME_HEAD_WORDS 1
#else
#define NAME_HEAD_WORDS 0
#endif

/* The length of the name at s (ended by a byte below NAME_END_BELOW, at
** the latest at s[avail], which must be readable), its head in *head and
** whether it is all ASCII.  Where eight bytes can be read within avail, a
** name shorter than eight is found in one load: the first byte below '0'
** is the lowest whose (x - 0x30) borrows while its own top bit is clear
** (a borrow runs only upwards, from such a byte). */
static inline size_t name_head(const char *s, size_t avail, uint64_t *head, bool *ascii)
{
	const uint64_t ones = 0x0101010101010101ull, tops = 0x8080808080808080ull;
#if NAME_HEAD_WORDS
	if (avail >= 8) {
		uint64_t x;
		memcpy(&x, s, 8);
		uint64_t ends = (x - NAME_END_BELOW * ones) & ~x & tops;
		if (ends) {
			unsigned n = (unsigned)__builtin_ctzll(ends) / 8; /* at least 1: s[0] is a name's */
			uint64_t h = x & ((1ull << (8 * n)) - 1);
			*head = h;
			*ascii = (h & tops) == 0;
			return n;
		}
		/* a name of eight to fifteen bytes (an attribute's, an officer's)
		** in one more load: its head is the first */
		if (avail >= 16) {
			uint64_t y;
			memcpy(&y, s + 8, 8);
			ends = (y - NAME_END_BELOW * ones) & ~y & tops;
			if (ends) {
				uint64_t rest = y & ((ends ^ (ends - 1)) >> 8); /* its bytes past eight */
				*head = x;
				*ascii = ((x | rest) & tops) == 0;
				return 8 + (unsigned)__builtin_ctzll(ends) / 8;
			}
		}
	}
#endif
	size_t n = 0;
	unsigned char high = 0;
	while ((unsigned char)s[n] >= NAME_END_BELOW)
		high |= (unsigned char)s[n++];
	*head = name_head_of(s, n);
	*ascii = high < 0x80;
	return n;
}

#endif

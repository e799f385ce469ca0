/*
** name_key: how the record readers find a name in their tables of names
** (fastrec.c's, minutes_json.c's): by its length, its last eight bytes
** (its tail: all of a name of eight bytes or fewer, which most are) and a
** hash of them; only a longer name's text is compared, and hashed whole, so
** that names sharing their last bytes do not crowd one slot.  A reader
** gathers the tail as it finds the name's end (NAME_TAIL_STEP).
*/
#ifndef QUORATE_NAME_KEY_H
#define QUORATE_NAME_KEY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

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

#endif

/*
** names: the characters of names and their composed form.  See names.h.
*/
#include "front/names.h"

#include <stdbool.h>
#include <string.h>

struct char_range {
	uint32_t lo, hi;
	enum name_char kind;
};

static const struct char_range name_chars[] = {
#define NAME_CHARS(lo, hi, kind) { lo, hi, NAME_CHAR_##kind },
#include "front/letters.def"
#undef NAME_CHARS
};

struct composition {
	uint32_t first, second, composed;
};

static const struct composition compositions[] = {
#define COMPOSE(a, b, c) { a, b, c },
#include "front/letters.def"
#undef COMPOSE
};

enum name_char name_char_kind(uint32_t cp)
{
	size_t lo = 0, hi = sizeof name_chars / sizeof name_chars[0];
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (cp < name_chars[mid].lo)
			hi = mid;
		else if (cp > name_chars[mid].hi)
			lo = mid + 1;
		else
			return name_chars[mid].kind;
	}
	return NAME_CHAR_NONE;
}

uint32_t name_compose(uint32_t first, uint32_t second)
{
	size_t lo = 0, hi = sizeof compositions / sizeof compositions[0];
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const struct composition *c = &compositions[mid];
		if (first < c->first || (first == c->first && second < c->second))
			hi = mid;
		else if (first > c->first || second > c->second)
			lo = mid + 1;
		else
			return c->composed;
	}
	return 0;
}

uint32_t name_decode(const unsigned char *p, size_t *len)
{
	if (p[0] < 0x80) {
		*len = 1;
		return p[0];
	}
	if (p[0] < 0xE0) {
		*len = 2;
		return ((uint32_t)(p[0] & 0x1F) << 6) | (p[1] & 0x3F);
	}
	if (p[0] < 0xF0) {
		*len = 3;
		return ((uint32_t)(p[0] & 0x0F) << 12) | ((uint32_t)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
	}
	*len = 4;
	return ((uint32_t)(p[0] & 0x07) << 18) | ((uint32_t)(p[1] & 0x3F) << 12) | ((uint32_t)(p[2] & 0x3F) << 6) |
	       (p[3] & 0x3F);
}

static size_t encode(uint32_t cp, char *out)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

static bool ascii_name_char(uint32_t cp, bool first)
{
	return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || cp == '_' || (!first && cp >= '0' && cp <= '9');
}

char *name_make(struct arena *a, const char *text, size_t len, size_t *bad, size_t *bad_len)
{
	/* Composing never makes the text longer. */
	char *out = arena_alloc(a, len + 1);
	size_t n = 0, last_start = 0; /* where the last letter (a starter) was written */
	uint32_t last = 0;
	for (size_t i = 0; i < len;) {
		size_t k;
		uint32_t cp = name_decode((const unsigned char *)text + i, &k);
		enum name_char kind = cp < 0x80 ? (ascii_name_char(cp, i == 0) ? NAME_CHAR_LETTER : NAME_CHAR_NONE)
		                                : name_char_kind(cp);
		if (kind == NAME_CHAR_NONE || (i == 0 && kind != NAME_CHAR_LETTER)) {
			*bad = i;
			*bad_len = k;
			return NULL;
		}
		uint32_t composed = kind == NAME_CHAR_MARK && last ? name_compose(last, cp) : 0;
		if (composed) {
			n = last_start + encode(composed, out + last_start);
			last = composed;
		} else {
			/* a mark that does not compose blocks the ones after it
			** (in canonical order, as names are typed, NFC composes no
			** further either) */
			last_start = n;
			last = kind == NAME_CHAR_MARK ? 0 : cp;
			memcpy(out + n, text + i, k);
			n += k;
		}
		i += k;
	}
	out[n] = '\0';
	return out;
}

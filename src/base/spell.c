/*
** spell: the nearest known name.  See spell.h.
*/
#include "base/spell.h"

#include <stdint.h>
#include <string.h>

/* Names longer than this are not compared (a name is at most 128 bytes). */
#define SPELL_MAX 64

/* Code points of a UTF-8 name, at most SPELL_MAX; returns the count, or
** SPELL_MAX + 1 if longer. */
static size_t code_points(const char *s, uint32_t *out)
{
	size_t n = 0;
	for (const unsigned char *p = (const unsigned char *)s; *p;) {
		if (n == SPELL_MAX)
			return SPELL_MAX + 1;
		uint32_t cp = *p;
		size_t k = cp < 0x80 ? 1 : cp < 0xE0 ? 2 : cp < 0xF0 ? 3 : 4;
		for (size_t i = 1; i < k && p[i]; i++)
			cp = (cp << 8) | p[i];
		out[n++] = cp;
		for (size_t i = 0; i < k && *p; i++)
			p++;
	}
	return n;
}

static unsigned min3(unsigned a, unsigned b, unsigned c)
{
	unsigned m = a < b ? a : b;
	return m < c ? m : c;
}

unsigned spell_distance(const char *a, const char *b)
{
	uint32_t x[SPELL_MAX], y[SPELL_MAX];
	size_t n = code_points(a, x), m = code_points(b, y);
	if (n > SPELL_MAX || m > SPELL_MAX)
		return SPELL_MAX + 1;
	/* three rows of the optimal-string-alignment table */
	unsigned rows[3][SPELL_MAX + 1];
	unsigned *two = rows[0], *prev = rows[1], *cur = rows[2];
	for (size_t j = 0; j <= m; j++)
		prev[j] = (unsigned)j;
	for (size_t i = 1; i <= n; i++) {
		cur[0] = (unsigned)i;
		for (size_t j = 1; j <= m; j++) {
			unsigned cost = x[i - 1] != y[j - 1];
			cur[j] = min3(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
			if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1] && two[j - 2] + 1 < cur[j])
				cur[j] = two[j - 2] + 1;
		}
		unsigned *t = two;
		two = prev;
		prev = cur;
		cur = t;
	}
	return prev[m];
}

void spell_init(struct spell *s, const char *word)
{
	s->word = word;
	s->best = NULL;
	s->best_distance = 0;
}

static unsigned allowed(const char *word)
{
	uint32_t cps[SPELL_MAX];
	size_t n = code_points(word, cps);
	unsigned limit = n <= 4 ? 1 : n <= 8 ? 2 : 3;
	return limit < n ? limit : (unsigned)(n > 0 ? n - 1 : 0);
}

void spell_offer(struct spell *s, const char *candidate)
{
	if (!candidate || strcmp(candidate, s->word) == 0)
		return;
	unsigned d = spell_distance(s->word, candidate);
	if (d == 0 || d > allowed(s->word))
		return;
	if (!s->best || d < s->best_distance || (d == s->best_distance && strcmp(candidate, s->best) < 0)) {
		s->best = candidate;
		s->best_distance = d;
	}
}

/*
** spell: "did you mean ...?" -- the known name nearest to a misspelt one.
**
** Distance is counted in characters (UTF-8 code points): insertions,
** deletions, substitutions and swaps of two neighbours (optimal string
** alignment), so `gareht` is one step from `gareth`.  A candidate is
** offered only when it is close for its length: at most one step for a
** name of up to four characters, two up to eight, three beyond, and never
** as many steps as the name has characters.
*/
#ifndef QUORATE_SPELL_H
#define QUORATE_SPELL_H

#include <stddef.h>

struct spell {
	const char *word;       /* the name that was not found */
	const char *best;       /* the nearest close candidate so far, or NULL */
	unsigned best_distance;
};

void spell_init(struct spell *s, const char *word);
/* Consider one known name (NULL and the word itself are ignored). */
void spell_offer(struct spell *s, const char *candidate);
/* Distance in characters between two UTF-8 names (capped at 64 + 1). */
unsigned spell_distance(const char *a, const char *b);

#endif

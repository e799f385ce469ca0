/*
** decide: the outcome of a motion from its numbers alone.
**
** Where eval reads a record (names, lines, findings), decide takes the counts
** directly: the quorum's view, the class rules' view, the motion's
** attributes and any casting vote.  explain and the exhaustive search of
** `diff` evaluate millions of such scenarios, so this does no allocation
** and no tracing.  It follows docs/semantics.md exactly as eval does; a
** differential test holds the two to the same answers.
*/
#ifndef QUORATE_DECIDE_H
#define QUORATE_DECIDE_H

#include "model/expr.h"

struct scenario {
	struct counts quorum;       /* as the quorum rule sees them */
	struct counts votes;        /* as the class rules see them, with yes/no/abstain */
	const struct attr *attrs;
	unsigned n_attrs;
	bool has_casting;           /* a casting vote is recorded ... */
	enum vote_kind casting;     /* ... this way */
	bool chair_conflicted;      /* the presiding chair declared an interest */
};

struct decision {
	enum outcome outcome;
	const struct dclass *cls;   /* NULL if none applies */
	bool quorate;
	bool casting_applied;
};

void decide_scenario(const struct terms *t, const struct scenario *s, struct decision *out);

/* Set yes/no/abstain and the derived cast and votes. */
void counts_set_votes(struct counts *c, int64_t yes, int64_t no, int64_t abstain);

#endif

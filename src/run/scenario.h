/*
** scenario: the exhaustive search behind `quorate diff`.
**
** Two versions of the terms are asked about every meeting they can tell
** apart: who attends (members grouped by the roles the rules name, on the
** roster of each version), no declared interest or one (from each kind of
** member present), every split
** of votes for, against and abstaining, every kind of motion either file
** distinguishes, and on a tie a casting vote either way or none.  Attendances
** that give the same numbers to both versions are asked once.  The result
** counts the scenarios whose outcome differs and keeps the smallest ones
** (fewest present, then fewest votes) as examples.
*/
#ifndef QUORATE_SCENARIO_H
#define QUORATE_SCENARIO_H

#include "run/decide.h"

#define DIFF_MAX_EXAMPLES 8

struct diff_example {
	int64_t present;            /* voting members present (on the new roster if they differ) */
	int64_t present_old;
	int64_t yes, no, abstain;
	int64_t conflicted;
	int casting;                /* -1 none, else enum vote_kind */
	const char *motion;         /* "a financial motion" */
	enum outcome before, after;
	const struct dclass *class_before, *class_after;
};

struct diff_search {
	uint64_t scenarios;         /* asked of both versions */
	uint64_t differing;
	uint64_t transitions[OUTCOME_UNDETERMINED + 1][OUTCOME_UNDETERMINED + 1];
	struct diff_example examples[DIFF_MAX_EXAMPLES];
	unsigned n_examples;
	bool truncated;             /* the space was larger than the search bound */
};

/* Search every scenario on the rosters in force on `day`. */
void scenario_diff(struct arena *a, const struct terms *old_t, const struct terms *new_t, qdate day,
                   struct diff_search *out);

#endif

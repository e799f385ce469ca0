/*
** scenario: the search of possible meetings behind `quorate diff` (and any
** question asked of two versions of the terms at once).
**
** Two versions of the terms are asked about every meeting they can tell
** apart: who attends (only as the two versions see it: how many voting
** members are present in each, and how many of each role list each one
** names), no declared interest or one (from each kind of member present),
** every split of votes for, against and abstaining, every kind of motion
** either file distinguishes, and on a tie a casting vote either way or none.
** A caller's predicate says which pairs of decisions it is looking for
** (diff: the outcome differs; conform: the local terms carry what the
** model does not); the result counts them and keeps the smallest as
** examples (fewest present, then fewest votes).
**
** The search is exact and fast for the rosters clusters have because it
** enumerates what the versions can tell apart, never people or vote splits
** that no rule can distinguish (docs/reference.md#diff-search); past its bound
** it stops, having tried every attendance level before a second variation
** of any, and says how much it searched.
*/
#ifndef QUORATE_SCENARIO_H
#define QUORATE_SCENARIO_H

#include "run/decide.h"

#define DIFF_MAX_EXAMPLES 8
/* Headings a caller's predicate may sort its scenarios under. */
#define SCENARIO_MAX_GROUPS 64

/* The work a search may do: decisions asked, attendances and vote splits
** visited, each counting one (docs/reference.md#limits). */
#define SCENARIO_BOUND 10000000u

struct diff_example {
	int64_t present;            /* voting members present (on the new roster if they differ) */
	int64_t present_old;
	int64_t yes, no, abstain;
	int64_t conflicted;
	int casting;                /* -1 none, else enum vote_kind */
	const char *motion;         /* "a financial motion" */
	enum outcome before, after;
	const struct dclass *class_before, *class_after;
	/* a witness: one real attendance of that shape (NULL ids when none was
	** found in a bounded search), and the motion's attributes */
	const char **present_ids;   /* voting members present (either version) */
	unsigned n_present_ids;
	const char *conflicted_id;  /* the member with the declared interest, or NULL */
	const struct attr *attrs;
	unsigned n_attrs;
	/* where the witness comes from (internal) */
	const int16_t *view;
	int conflicted_type;
};

struct diff_search {
	uint64_t scenarios;         /* possible meetings asked of both versions */
	uint64_t space;             /* possible meetings in all; 0 when the attendances could not all be listed */
	uint64_t differing;         /* those the predicate picked */
	uint64_t transitions[OUTCOME_UNDETERMINED + 1][OUTCOME_UNDETERMINED + 1]; /* of those picked */
	uint64_t attendances;       /* distinct attendances judged */
	uint64_t attendances_all;   /* distinct attendances in all; 0 when not all could be listed */
	unsigned levels;            /* attendance levels (numbers present) */
	unsigned rounds;            /* variations of every level judged in full (when truncated) */
	uint64_t work, bound;       /* work done, and the bound it stopped at */
	struct diff_example examples[DIFF_MAX_EXAMPLES];
	unsigned n_examples;
	bool truncated;             /* the search stopped at its bound: more may exist */
	const char *why_truncated;  /* "it reached its bound of work", "the motions distinguish more than 128 kinds" */
	/* by the predicate's headings: how many, and the smallest of each */
	uint64_t picked_by_group[SCENARIO_MAX_GROUPS];
	struct diff_example by_group[SCENARIO_MAX_GROUPS];
};

/*
** Which scenarios a search looks for, and under which heading: -1 not
** picked, else 0..SCENARIO_MAX_GROUPS-1.  sc[0]/d[0] are the old version's.
** A scenario stands for all those the rules cannot tell from it (scenario.c):
** counts no class rule names (abstentions, say) are 0 in sc, so a predicate
** must read only the decisions and the counts the rules name.
*/
typedef int (*scenario_pick)(void *ctx, const struct scenario sc[2], const struct decision d[2]);

struct scenario_query {
	scenario_pick pick;         /* NULL: the outcome differs (heading 0) */
	void *ctx;
	uint64_t bound;             /* 0: SCENARIO_BOUND */
	bool by_level;              /* skip listing the attendances; search level by level (as
	                               when they are too many to list: tests compare the two) */
};

/* Ask both versions about every scenario on the rosters in force on `day`. */
void scenario_search(struct arena *a, const struct terms *old_t, const struct terms *new_t, qdate day,
                     const struct scenario_query *q, struct diff_search *out);

/* The kinds of motion a search asks about: each combination of the values
** of the attributes either file distinguishes (at most 128). */
struct scenario_motion {
	const struct attr *attrs;
	unsigned n_attrs;
	const char *description;    /* "a financial motion, of kind \"amendment\"" */
};
/* Fills *out (arena); returns how many; *cut when there were more than 128. */
unsigned scenario_motions(struct arena *a, const struct terms *t0, const struct terms *t1,
                          const struct scenario_motion **out, bool *cut);

/* The scenarios whose outcome differs (scenario_search with the default query). */
void scenario_diff(struct arena *a, const struct terms *old_t, const struct terms *new_t, qdate day,
                   struct diff_search *out);

#endif

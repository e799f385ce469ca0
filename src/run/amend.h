/*
** amend: what an amendment of the terms really does (`quorate diff`).
**
** Three answers, from two versions of the terms: the clauses that change, as
** explain reads them out, and the members whose place on the roster changes;
** the meetings whose outcome changes (the exhaustive search of scenario.h);
** and, given past meetings, the decisions that would have gone the other way
** had the new terms applied.  Report writers (src/report/) print the result;
** nothing here prints.
*/
#ifndef QUORATE_AMEND_H
#define QUORATE_AMEND_H

#include "run/eval.h"
#include "run/scenario.h"

/* A clause (or a member) that reads differently; NULL before: added, NULL
** after: removed. */
struct amend_change {
	const char *heading;
	const char *clause;           /* "3.3.3", or NULL */
	const char *before, *after;
};

/* A past motion whose outcome the new terms would change. */
struct amend_flip {
	const char *meeting, *date, *file, *motion, *title;
	enum outcome before, after;
	const char *why_before, *why_after;   /* outcome, class and the working */
	unsigned line;
};

struct amend {
	struct arena *arena;          /* everything below lives here */
	const struct terms *t[2];     /* old, new */
	VEC(struct amend_change) changes;
	struct diff_search search;
	VEC(struct amend_flip) flips;
	unsigned history_meetings, history_motions;
	unsigned history_later;       /* meetings on or after NEW took effect: not compared */
};

/* The changed clauses and members, and the search of possible meetings
** (bounded by `bound` units of work; 0: SCENARIO_BOUND). */
struct amend *amend_terms(struct arena *a, const struct terms *old_t, const struct terms *new_t, uint64_t bound);

/* Judge a past meeting by both versions and keep the motions that flip
** (results in `scratch`, which the caller may reset afterwards). */
void amend_past_meeting(struct amend *d, const struct meeting *m, struct arena *scratch);

/* Does the amendment change anything: a clause, a possible meeting or a
** past decision? */
bool amend_changes_anything(const struct amend *d);

#endif

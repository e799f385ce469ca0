/*
** explain: the terms in plain English, clause by clause, and a table of the
** votes in favour each class of decision needs at each attendance from the
** quorum to the full membership, so a chair can read off "with eight
** present, a financial decision needs seven in favour".
**
** The table is computed with decide (the same rules as eval), for a meeting
** where nobody has declared an interest and the members present include the
** roles the quorum names.
*/
#ifndef QUORATE_EXPLAIN_H
#define QUORATE_EXPLAIN_H

#include "model/terms.h"

#define EXPLAIN_MAX_COLUMNS 16
/* Kinds of people (voting or not, in which role lists) and attendances
** searched for the smallest quorum (docs/reference.md#limits). */
#define EXPLAIN_MAX_KINDS 64
#define EXPLAIN_MIN_BOUND 2000000u

struct explain_para {
	const char *heading;
	const char *clause;   /* or NULL */
	const char *text;
};

struct explain_row {
	int64_t present;
	int64_t all_vote[EXPLAIN_MAX_COLUMNS];       /* fewest for, the rest against; -1: cannot carry */
	int64_t others_abstain[EXPLAIN_MAX_COLUMNS]; /* fewest for, the rest abstaining */
};

struct explanation {
	struct arena *arena;
	const struct terms *terms;
	VEC(struct explain_para) paras;
	int64_t members;          /* voting members on the effective date */
	int64_t attendees;        /* attendees without a vote on the roster then */
	/* the smallest quorate attendance (-1, -1 when none is, or it cannot be judged) */
	int64_t quorum_min;          /* voting members in it */
	int64_t quorum_min_attendees; /* attendees without a vote in it */
	VEC(const char *) quorum_example; /* one such attendance: the ids present, by kind */
	bool quorum_min_cut;         /* the search stopped at its bound before finding one */
	uint64_t quorum_tried;       /* attendances asked of decide */
	const char *quorum_summary;  /* the above in a sentence; NULL while the quorum is to be agreed */
	const struct motion_profile **columns; /* one kind of motion per class */
	unsigned n_columns;
	VEC(struct explain_row) rows;
	bool abstentions_matter;  /* some class's base counts abstentions differently */
};

struct explanation *explain_terms(struct arena *a, const struct terms *t);
/* The same with a bound of its own on the attendances tried (tests). */
struct explanation *explain_terms_bounded(struct arena *a, const struct terms *t, uint64_t bound);

#endif

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
	int64_t quorum_min;       /* fewest present for a quorum; -1 if it cannot be judged */
	const struct motion_profile **columns; /* one kind of motion per class */
	unsigned n_columns;
	VEC(struct explain_row) rows;
	bool abstentions_matter;  /* some class's base counts abstentions differently */
};

struct explanation *explain_terms(struct arena *a, const struct terms *t);

#endif

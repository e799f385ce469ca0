/*
** tortest: running the `example` blocks written inside terms files.
**
** An example is a small meeting (attendance, interests, votes) with the
** outcome the cluster expects for each motion (`expect carried`).  It is
** evaluated exactly as a real record would be; a motion whose computed
** outcome differs from its `expect` fails, with the reasons.
*/
#ifndef QUORATE_TORTEST_H
#define QUORATE_TORTEST_H

#include "run/eval.h"

struct example_result {
	const char *title;
	const struct node *decl;
	const struct meeting_result *result;   /* NULL if the example is malformed */
	unsigned checked, failed;              /* motions with an `expect` */
};

/* Evaluate one N_EXAMPLE node of terms t (from src); diagnostics for a
** malformed example go to diag. */
struct example_result tortest_run(struct arena *a, struct diag_sink *diag, const struct terms *t,
                                  const struct node *example, const struct source *src);

#endif

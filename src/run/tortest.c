/*
** tortest: example blocks as tests.  See tortest.h.
*/
#include "run/tortest.h"

struct example_result tortest_run(struct arena *a, struct diag_sink *diag, const struct terms *t,
                                  const struct node *example, const struct source *src)
{
	struct example_result er = { example->a->text, example, NULL, 0, 0 };
	/* An example without a date is held on the day the terms take effect. */
	qdate day = example->b ? example->b->v.date : t->effective;
	unsigned errors = diag->n_errors;
	struct meeting *m = minutes_from_items(a, diag, src, example->a->text, day, example->span, example->c);
	if (!m || diag->n_errors > errors)
		return er;
	m->terms_name = NULL; /* an example is always of the terms it is written in */
	er.result = eval_meeting(a, t, m);
	for (unsigned i = 0; i < er.result->n_motions; i++) {
		const struct motion_result *mr = &er.result->motions[i];
		if (mr->motion->expected == OUTCOME_NONE)
			continue;
		er.checked++;
		if (mr->outcome != mr->motion->expected)
			er.failed++;
	}
	if (er.checked == 0)
		diag_report(diag, D_MISSING, loc_of(src, example->span),
		            "example \"%s\" expects nothing: write `expect carried` (or another outcome) in its motions",
		            example->a->text);
	return er;
}

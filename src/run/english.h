/*
** english: reading terms out in plain English (explain, diff).
*/
#ifndef QUORATE_ENGLISH_H
#define QUORATE_ENGLISH_H

#include "base/sbuf.h"
#include "model/expr.h"

/* "the votes in favour must be at least 75% of the voting members" */
const char *english_condition(struct arena *a, const struct terms *t, const struct expr *e);
/* "the number of voting members present is at least 6" (a state, not a rule) */
const char *english_state(struct arena *a, const struct terms *t, const struct expr *e);
/* "5 days", "5 clear days", "2 months" */
const char *english_duration(struct arena *a, struct duration d, bool clear);

#endif

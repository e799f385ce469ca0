/*
** working: a rule as written with the numbers substituted, the "working" a
** report shows under each requirement: "4 >= 75% of 9 = 6.75".  Built from
** the trace of the comparisons decide made (model/expr.h), with the
** parentheses where the rule's author wrote them.
*/
#ifndef QUORATE_WORKING_H
#define QUORATE_WORKING_H

#include "model/expr.h"

/* Each comparison of tr, its sides rendered with the counts c: "4 >= 75% of
** 9 = 6.75; 1 >= 1".  A side that cannot be shown term by term (a rule
** call, a parameter) is shown by its value. */
const char *working_of(struct arena *a, const struct trace *tr, const struct counts *c);

#endif

/*
** working: a rule as written with the numbers substituted, the "working" a
** report shows under each requirement: "4 >= 75% of 9 = 6.75".  Built from
** the trace of the comparisons decide made (model/expr.h), with the
** parentheses where the rule's author wrote them, and only when a report
** shows it: judging keeps the trace (eval.h's req_working).
*/
#ifndef QUORATE_WORKING_H
#define QUORATE_WORKING_H

#include "base/wbuf.h"
#include "model/expr.h"

/* The longest working shown; a longer one is cut where a piece would not fit. */
#define WORKING_MAX 512

/* Each comparison of steps[0..n), its sides rendered with the counts c,
** into buf: "4 >= 75% of 9 = 6.75; 1 >= 1" ("; ..." after them when the
** trace was truncated).  A side that cannot be shown term by term (a rule
** call, a parameter) is shown by its value.  Returns buf. */
const char *working_write(char buf[WORKING_MAX], const struct trace_step *steps, unsigned n, bool truncated,
                          const struct counts *c);

/* Push onto k what working_write(steps, n, truncated, c) is a function of:
** each comparison (its expression: the terms stay loaded while a report is
** written), the numbers on its sides and the counts that render shows of an
** expression written term by term.  k is no longer ok where the working
** cannot be said in words (a side that is not a number). */
void working_key(struct wbuf_key *k, const struct trace_step *steps, unsigned n, bool truncated,
                 const struct counts *c);

#endif

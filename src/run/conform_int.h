/*
** conform_int: what conform.c (the roster, the search, the counterexamples)
** and conform_settings.c (the settings compared one by one) share.
*/
#ifndef QUORATE_CONFORM_INT_H
#define QUORATE_CONFORM_INT_H

#include "run/conform.h"

/* A new clause of r's report, verdict CONFORM_YES until said otherwise. */
struct conform_clause *conform_add(struct arena *a, struct conform_result *r, enum conform_topic topic,
                                   const char *heading, const char *model_clause, const char *local_clause);

/* The settings: casting vote, consensus, declared interests, decisions
** outside meetings, papers, minutes, meetings and review, each a clause of
** r.  `model` is the model as written (its settings are the local roster's
** as much as its own). */
void conform_settings(struct arena *a, struct conform_result *r, const struct terms *model, bool exact);

/* How a class's notice reads ("notice given at least 14 days before the
** meeting"); and does the local class of `motion` (NULL: none applies)
** need notice at least as early as the model's?  If not, c says why. */
const char *conform_notice_reads(struct arena *a, const struct dclass *cl);
bool conform_notice(struct arena *a, struct conform_clause *c, const struct dclass *model, const struct dclass *local,
                    const char *motion, bool exact);

#endif

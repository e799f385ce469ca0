/*
** sema: from the syntax tree of a terms block to the checked `struct terms`.
**
** Resolves names (roles, tags, members, rules, classes, parameters), checks
** kinds and arity, compiles expressions, fills in documented defaults, and
** runs the checks `quorate check` promises: duplicates, thresholds above
** 100%, a quorum the roster can never meet, a roster outside `size`, classes
** that leave motions uncovered or can never apply, the literal "50% + 1",
** and every clause still to be agreed.  All findings go to the diag sink.
*/
#ifndef QUORATE_SEMA_H
#define QUORATE_SEMA_H

#include "check/load.h"
#include "model/terms.h"

/*
** Check one N_TERMS node from `src`.  Returns the model, or NULL if any error
** was reported for it (warnings and notes do not stop it).  The model and its
** compiled expressions live in `a`.
*/
struct terms *sema_terms(struct arena *a, struct diag_sink *diag, struct loader *ld,
                         const struct node *terms_node, const struct source *src);

/* Check a module file (rules and uses only); returns the number of errors. */
unsigned sema_module(struct arena *a, struct diag_sink *diag, struct loader *ld, const struct ast_file *file);

#endif

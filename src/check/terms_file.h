/*
** terms_file: reading a terms file, by one policy for every command (the
** CLI, the library and replay).
**
** The policy (docs/reference.md#files):
**
** - A terms file holds `terms` blocks, one per version (or per body), each
**   checked into a model by sema.  Commands that judge by one version
**   (eval, explain, diff, the library) need exactly one: a file with more is
**   an error, never "the first".  check, test and replay read every block.
** - Nothing else belongs at the top level of a terms file: a `rule` or
**   `use` beside a terms block is part of no terms (error: move it inside),
**   and a `meeting` there would never be judged (error: put it in a record).
** - A file of `rule` and `use` items only is a module: check checks it as
**   one; for every other command it is not terms (error).
** - A file with no item at all has no terms (error).
**
** Errors go to the diagnostics sink; a block with errors gives no model.
** Reading every block (check, test, replay), each block is checked whatever
** else is wrong with the file, so that one run reports everything; reading
** one, a file that breaks the policy is reported and its blocks not checked.
*/
#ifndef QUORATE_TERMS_FILE_H
#define QUORATE_TERMS_FILE_H

#include "check/load.h"
#include "model/terms.h"

struct terms_file {
	const struct source *src;
	struct ast_file ast;            /* the file as parsed (comments kept) */
	bool is_module;                 /* rules and uses only */
	unsigned n_blocks;              /* terms blocks written */
	const struct terms **terms;     /* each block checked without error, in file order */
	unsigned n_terms;
};

enum terms_want {
	TERMS_EVERY,        /* every block (test, replay) */
	TERMS_OR_MODULE,    /* every block, or a module (check: sema_module checks it) */
	TERMS_ONE           /* exactly one block */
};

/* Parse src and check its terms blocks under the policy.  Returns the
** number of errors reported (0: every block gave a model). */
unsigned terms_file_read(struct arena *a, struct diag_sink *diag, struct loader *ld, const struct source *src,
                         enum terms_want want, struct terms_file *out);

/* The one version of a file that must hold exactly one (eval, explain,
** diff, the library); NULL, reported, if it holds more, none, or errors. */
const struct terms *terms_file_one(struct arena *a, struct diag_sink *diag, struct loader *ld,
                                   const struct source *src);

#endif

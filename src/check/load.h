/*
** load: finding and parsing the modules a terms file `use`s.
**
** `use std.majorities` names the file std/majorities.tor in the first
** directory of the search path that has it.  The path is given by the caller
** (the CLI puts -I directories first, then $QUORATE_PATH, then the stdlib of
** the build tree or the installed one).  Each module is parsed once per
** loader; a module that uses itself, directly or through others, is reported
** as a cycle with the chain of uses.
*/
#ifndef QUORATE_LOAD_H
#define QUORATE_LOAD_H

#include "front/ast.h"
#include "front/diag.h"

struct module {
	const char *name;            /* "std.majorities" */
	const char *path;            /* the file found */
	struct source src;
	struct ast_file file;
	int state;                   /* 1 loading, 2 loaded, -1 failed */
	const struct module *used_by; /* for the cycle message */
};

struct loader {
	struct arena *arena;
	struct diag_sink *diag;
	const char *const *dirs;
	unsigned n_dirs;
	VEC(struct module *) modules;
};

void loader_init(struct loader *ld, struct arena *a, struct diag_sink *diag,
                 const char *const *dirs, unsigned n_dirs);

/*
** The module `name`, parsed; NULL (reported at `site`) when it cannot be
** found or read.  A module that is still being loaded is returned with state
** 1: the caller reports the cycle, since it knows the chain.
*/
struct module *loader_use(struct loader *ld, const char *name, struct loc site);

#endif

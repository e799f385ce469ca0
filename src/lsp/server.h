/*
** server: `quorate lsp`, a language server for terms files and meeting
** records over the Language Server Protocol (JSON-RPC 2.0 in Content-Length
** frames, docs/editors.md).
**
** One thread, one request at a time, in order.  The server reads from a
** callback and writes to a stream given by the caller (the CLI passes
** standard input and output), keeps the open documents, and answers until
** `exit` or the end of input.  No message can stop it: a message that cannot
** be framed or parsed, or that breaks the protocol, gets a JSON-RPC error
** (or, for a notification, a log message) and the server reads on.  Memory
** is bounded per message (LSP_MAX_MESSAGE), per document (LSP_MAX_DOCUMENT)
** and in the number of open documents (LSP_MAX_DOCUMENTS).
*/
#ifndef QUORATE_LSP_SERVER_H
#define QUORATE_LSP_SERVER_H

#include <stdio.h>

#include "base/arena.h"
#include "lsp/frame.h"

#define LSP_MAX_DOCUMENT (8u * 1024u * 1024u)  /* bytes of one open document */
#define LSP_MAX_DOCUMENTS 256u                 /* documents open at once */

struct lsp_options {
	const char *version;              /* for serverInfo */
	const char *const *module_dirs;   /* where `use std.x` is looked for */
	unsigned n_module_dirs;
	const char *const *terms_dirs;    /* QUORATE_PATH: terms for records */
	unsigned n_terms_dirs;
};

/*
** Serve until `exit` or the end of input.  Returns the exit status the
** protocol asks for: 0 after `shutdown` then `exit`, 1 otherwise (an exit
** without shutdown, the input ending, or the output failing).  Running out of
** memory jumps to mem->on_oom, which the caller sets.
*/
int lsp_serve(struct mem *mem, const struct lsp_options *opt, lsp_read_fn read, void *ctx, FILE *out);

#endif

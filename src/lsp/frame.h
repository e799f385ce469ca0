/*
** frame: the Language Server Protocol's base protocol, messages framed by
** headers ("Content-Length: N", a blank line, then N bytes of JSON).
**
** The reader owns no policy but the bounds: a header line, the header block
** and the body each have a limit, so no input can make it hold more than
** LSP_MAX_MESSAGE bytes.  What cannot be framed is reported (the server
** answers it with a JSON-RPC error) and reading goes on: a body too large is
** skipped as it arrives, a malformed header block is dropped at its blank
** line, and a line that is not a header at all (JSON sent without headers)
** is reported once and dropped.
*/
#ifndef QUORATE_LSP_FRAME_H
#define QUORATE_LSP_FRAME_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "base/arena.h"

#define LSP_MAX_MESSAGE (32u * 1024u * 1024u) /* bytes of one message body */
#define LSP_MAX_HEADER_LINE 1024u             /* bytes of one header line */
#define LSP_MAX_HEADERS 32u                   /* lines in one header block */

/* Fill buf with up to n bytes; 0 at the end of input. */
typedef size_t (*lsp_read_fn)(void *ctx, char *buf, size_t n);

struct lsp_reader {
	struct mem *mem;
	lsp_read_fn read;
	void *ctx;
	char buf[8192];
	size_t pos, len;
	bool eof;
	bool in_garbage;      /* lines that are not headers are being dropped */
};

enum lsp_frame_status { LSP_FRAME_MESSAGE, LSP_FRAME_ERROR, LSP_FRAME_EOF };

struct lsp_frame {
	char *body;           /* LSP_FRAME_MESSAGE: len bytes and a NUL; free with lsp_frame_free */
	size_t len, cap;
	const char *error;    /* LSP_FRAME_ERROR: why, for people */
	char error_buf[160];
};

void lsp_reader_init(struct lsp_reader *r, struct mem *mem, lsp_read_fn read, void *ctx);
/* The next message, a framing error (reading may go on), or the end. */
enum lsp_frame_status lsp_read_frame(struct lsp_reader *r, struct lsp_frame *f);
void lsp_frame_free(struct lsp_reader *r, struct lsp_frame *f);

/* Write one framed message and flush; false if the output failed. */
bool lsp_write_frame(FILE *out, const char *body, size_t len);

#endif

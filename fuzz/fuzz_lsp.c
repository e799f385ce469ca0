/*
** fuzz_lsp: arbitrary bytes as what an editor sends `quorate lsp` on its
** standard input: the message reader (Content-Length framing), JSON-RPC
** dispatch, document changes and every request, run by lsp_serve exactly as
** the command runs it, with the replies written to /dev/null.  The input is
** handed over a few bytes at a time, as a pipe would, so the reader's
** buffering is exercised too.  Any crash, sanitizer report, leak, hang, or
** byte of `struct mem` still live when the server returns is a failure.
*/
#include "fuzz_common.h"

#include "lsp/server.h"

struct input {
	const uint8_t *data;
	size_t size, pos;
};

static size_t read_input(void *ctx, char *buf, size_t n)
{
	struct input *in = ctx;
	size_t take = in->size - in->pos;
	if (take > n)
		take = n;
	if (take > 7)
		take = 7 + (in->pos % 13); /* uneven pieces, as a pipe delivers them */
	if (take > in->size - in->pos)
		take = in->size - in->pos;
	memcpy(buf, in->data + in->pos, take);
	in->pos += take;
	return take;
}

static struct fuzz_ctx ctx;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_ctx_init(&ctx);
	struct input in = { data, size, 0 };
	struct lsp_options opt = { "fuzz", fuzz_dirs, 1, NULL, 0 };
	if (setjmp(ctx.oom) == 0)
		(void)lsp_serve(&ctx.mem, &opt, read_input, &in, fuzz_null());
	fuzz_ctx_free(&ctx);
	return 0;
}

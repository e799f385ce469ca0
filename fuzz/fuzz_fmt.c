/*
** fuzz_fmt: the formatter's round trip.  If the input parses without errors,
** fmt_file's output must parse without errors too, must format to itself
** (fmt is idempotent), and must mean the same: the syntax trees of the input
** and of the output, dumped without positions (ast_dump), must be identical.
** Any difference is reported with both texts and abort()s.
*/
#include "fuzz_common.h"

#include "report/fmt.h"

static struct fuzz_ctx ctx;

/* The tree of every item, without positions. */
static char *dump(const struct ast_file *file, size_t *len)
{
	char *buf = NULL;
	FILE *f = open_memstream(&buf, len);
	if (!f)
		abort();
	ast_dump(file->items, f, 0);
	fclose(f);
	return buf;
}

static _Noreturn void fail(const char *what, const uint8_t *in, size_t in_len,
                           const char *out1, const char *out2)
{
	fprintf(stderr, "fuzz_fmt: %s\n--- input (%zu bytes)\n%.*s\n--- fmt output\n%s\n",
	        what, in_len, (int)in_len, (const char *)in, out1);
	if (out2)
		fprintf(stderr, "--- fmt of the output\n%s\n", out2);
	fuzz_print_diags(&ctx);
	diag_sort(&ctx.diag);
	for (size_t i = 0; i < ctx.diag.items.n; i++)
		diag_print(&ctx.diag.items.items[i], stderr, false);
	abort();
}

static void run(const uint8_t *data, size_t size)
{
	struct source *src = arena_alloc(&ctx.arena, sizeof *src);
	source_from_memory(src, &ctx.arena, "fuzz.tor", (const char *)data, size);
	struct ast_file file;
	if (parse_file(&ctx.arena, &ctx.diag, src, &file) != 0) {
		fuzz_print_diags(&ctx);
		return; /* fmt refuses files with errors */
	}
	const char *out1 = fmt_file(&ctx.arena, &file);

	struct source *src2 = arena_alloc(&ctx.arena, sizeof *src2);
	source_from_memory(src2, &ctx.arena, "fmt-output.tor", out1, strlen(out1));
	struct ast_file file2;
	if (parse_file(&ctx.arena, &ctx.diag, src2, &file2) != 0)
		fail("the formatted text does not parse", data, size, out1, NULL);
	const char *out2 = fmt_file(&ctx.arena, &file2);
	if (strcmp(out1, out2) != 0)
		fail("fmt is not idempotent: formatting the output changes it", data, size, out1, out2);

	size_t len1, len2;
	char *d1 = dump(&file, &len1), *d2 = dump(&file2, &len2);
	bool same = len1 == len2 && memcmp(d1, d2, len1) == 0;
	if (!same) {
		fprintf(stderr, "--- tree of the input\n%s\n--- tree of the output\n%s\n", d1, d2);
		free(d1);
		free(d2);
		fail("fmt changed the meaning: the syntax trees differ", data, size, out1, NULL);
	}
	free(d1);
	free(d2);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_ctx_init(&ctx);
	if (setjmp(ctx.oom) == 0)
		run(data, size);
	fuzz_ctx_free(&ctx);
	return 0;
}

/*
** fuzz_fastrec: the fast record path (src/record/fastrec.c, the grammar of
** grammar/record.[ly]) against the full path (the item reader of
** grammar/quorate.[ly] and minutes_from_ast), on arbitrary bytes as a native
** record.  The record is read through the record reader three ways: the
** full path alone from memory, the fast path (with the full path taking over
** where it gives up) from memory, and the same from a mapped file (flex's
** window, as replay reads a long history).  The three must hand out the
** same meetings, field by field, and the same diagnostics (record_dump):
** so the fast path either gives up or reads what the full path reads
** without a word to say.  Seeds: every record of examples/ and tests/.
*/
#include "fuzz_common.h"

#include "base/sbuf.h"
#include "record/record_file.h"

static struct fuzz_ctx ctx;

static const char *dump(const struct source *src, bool full_only)
{
	struct diag_sink d;
	diag_init(&d, &ctx.arena);
	struct sbuf out;
	sbuf_init(&out, &ctx.arena);
	record_dump(&ctx.arena, &d, src, full_only, &out);
	return sbuf_str(&out);
}

static void differ(const char *how, const char *got, const char *want)
{
	fprintf(stderr, "fuzz: the fast path (%s) read\n%s\nthe full path read\n%s\n", how, got, want);
	abort();
}

static void run(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data;
	struct source full, fast, mapped;
	source_from_memory(&full, &ctx.arena, fuzz_file_name(), text, size);
	source_from_memory(&fast, &ctx.arena, fuzz_file_name(), text, size);
	const char *want = dump(&full, true), *got = dump(&fast, false);
	if (strcmp(want, got) != 0)
		differ("from memory", got, want);
	if (size == 0)
		return; /* an empty file is never mapped */
	fuzz_map_input(&mapped, &ctx.arena, data, size);
	got = dump(&mapped, false);
	source_close(&mapped);
	if (strcmp(want, got) != 0)
		differ("mapped", got, want);
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

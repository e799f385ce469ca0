/*
** fuzz_json: arbitrary bytes as a JSON meeting record (minutes_json_read),
** judged against examples/anytown/terms.tor when it reads without errors,
** with every report written to /dev/null.  The reader allocates only in the
** context's arena, so the context's byte count catches anything it leaks.
** The record is also read with the reader's lean paths off: the two readings
** must give the same model and the same diagnostics (minutes_json_dump), so
** a lean path either reads what the general path reads or leaves it to it.
*/
#include "fuzz_common.h"

#include "base/sbuf.h"
#include "report/report.h"
#include "record/minutes_json.h"
#include "run/eval.h"

static struct fuzz_ctx terms_ctx, ctx;
static const struct terms *terms;

static const char *dump(const struct source *src, bool lean)
{
	struct diag_sink d;
	diag_init(&d, &ctx.arena);
	struct sbuf out;
	sbuf_init(&out, &ctx.arena);
	minutes_json_dump(&ctx.arena, &d, src, lean, &out);
	return sbuf_str(&out);
}

static void same_both_ways(const struct source *src)
{
	const char *lean = dump(src, true), *general = dump(src, false);
	if (strcmp(lean, general) != 0) {
		fprintf(stderr, "fuzz: the lean paths read\n%s\nthe general path read\n%s\n", lean, general);
		abort();
	}
}

static void run(const uint8_t *data, size_t size)
{
	struct source *src = arena_alloc(&ctx.arena, sizeof *src);
	source_from_memory(src, &ctx.arena, "fuzz.json", (const char *)data, size);
	unsigned errors = ctx.diag.n_errors;
	const struct meeting *m = minutes_json_read(&ctx.arena, &ctx.diag, src);
	if (m && ctx.diag.n_errors == errors) {
		fuzz_write_reports(eval_meeting(&ctx.arena, terms, m));
	}
	fuzz_check_diag_locations(&ctx);
	fuzz_print_diags(&ctx);
	same_both_ways(src);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!terms)
		terms = fuzz_anytown_terms(&terms_ctx, "fuzz_json");
	fuzz_ctx_init(&ctx);
	if (setjmp(ctx.oom) == 0)
		run(data, size);
	fuzz_ctx_free(&ctx);
	return 0;
}

/*
** fuzz_record: arbitrary bytes as a native meeting record, judged against
** examples/anytown/terms.tor (loaded once, in its own context that lives as
** long as the process): read meeting by meeting through the record reader
** (record/record_file.h, the policy of every command), minutes_from_ast on
** each, eval_meeting where the record was read without errors (as `quorate
** eval` and `replay` do), then every format's report written to /dev/null.  Each input has its own memory context, freed afterwards.
*/
#include "fuzz_common.h"

#include "report/report.h"
#include "record/record_file.h"
#include "run/eval.h"

static struct fuzz_ctx terms_ctx, ctx;
static const struct terms *terms;

static void run(const uint8_t *data, size_t size)
{
	struct source *src = arena_alloc(&ctx.arena, sizeof *src);
	source_from_memory(src, &ctx.arena, "fuzz.minutes", (const char *)data, size);
	struct record_reader rr;
	if (record_reader_open(&rr, &ctx.arena, &ctx.diag, src, NULL, NULL)) {
		const struct node *n;
		struct meeting *json;
		while (record_reader_next(&rr, &ctx.arena, &n, &json)) {
			unsigned errors = ctx.diag.n_errors;
			const struct meeting *m = json ? json : minutes_from_ast(&ctx.arena, &ctx.diag, n, src);
			if (!m || ctx.diag.n_errors > errors)
				continue;
			fuzz_write_reports(eval_meeting(&ctx.arena, terms, m));
		}
		record_reader_finish(&rr);
		record_reader_close(&rr);
	}
	fuzz_check_diag_locations(&ctx);
	fuzz_print_diags(&ctx);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!terms)
		terms = fuzz_anytown_terms(&terms_ctx, "fuzz_record");
	fuzz_ctx_init(&ctx);
	if (setjmp(ctx.oom) == 0)
		run(data, size);
	fuzz_ctx_free(&ctx);
	return 0;
}

/*
** fuzz_record: arbitrary bytes as a native meeting record, judged against
** examples/anytown/terms.tor (loaded once, in its own context that lives as
** long as the process): parse_file, minutes_from_ast on every `meeting`,
** eval_meeting where the record was read without errors (as `quorate eval`
** and `replay` do), then the text, Markdown and JSON reports written to
** /dev/null.  Each input has its own memory context, freed afterwards.
*/
#include "fuzz_common.h"

#include "report/report.h"
#include "record/minutes.h"
#include "run/eval.h"

static struct fuzz_ctx terms_ctx, ctx;
static const struct terms *terms;

static void run(const uint8_t *data, size_t size)
{
	struct source *src = arena_alloc(&ctx.arena, sizeof *src);
	source_from_memory(src, &ctx.arena, "fuzz.minutes", (const char *)data, size);
	struct ast_file file;
	if (parse_file(&ctx.arena, &ctx.diag, src, &file) == 0) {
		for (const struct node *n = file.items; n; n = n->next) {
			if (n->kind != N_MEETING)
				continue;
			unsigned errors = ctx.diag.n_errors;
			const struct meeting *m = minutes_from_ast(&ctx.arena, &ctx.diag, n, src);
			if (!m || ctx.diag.n_errors > errors)
				continue;
			fuzz_write_reports(eval_meeting(&ctx.arena, terms, m));
		}
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

/*
** fuzz_terms: arbitrary bytes as a terms file, through the front end and
** sema as `quorate check` runs them: source_from_memory, then the terms
** file reader (check/terms_file.h: parse, the policy, sema_terms on every
** `terms` block, with `use` resolved in stdlib/), then the diagnostics
** rendered.  Terms that check go on through what `explain` and
** `test` do with them (explain_terms and its text, each `example` block run),
** and `diff` of the terms against themselves must find no difference.
** Any crash, sanitizer report, leak, or diagnostic located outside the file
** is a failure.
*/
#include "fuzz_common.h"

#include "check/terms_file.h"
#include "report/report_explain.h"
#include "run/explain.h"
#include "run/scenario.h"
#include "run/tortest.h"

static struct fuzz_ctx ctx;

static void run(const uint8_t *data, size_t size)
{
	struct source *src = arena_alloc(&ctx.arena, sizeof *src);
	source_from_memory(src, &ctx.arena, "fuzz.tor", (const char *)data, size);
	struct terms_file tf;
	terms_file_read(&ctx.arena, &ctx.diag, &ctx.loader, src, TERMS_OR_MODULE, &tf);
	if (tf.is_module)
		sema_module(&ctx.arena, &ctx.diag, &ctx.loader, &tf.ast);
	{
		for (unsigned k = 0; k < tf.n_terms; k++) {
			const struct terms *t = tf.terms[k];
			explain_write_text(fuzz_null(), explain_terms(&ctx.arena, t));
			for (unsigned i = 0; i < t->n_examples; i++)
				(void)tortest_run(&ctx.arena, &ctx.diag, t, t->examples[i], src);
			/* `diff` of the terms against themselves: no meeting may come
			** out differently.  Small rosters only: the search grows as the
			** fifth power of the roster (tests/regress/diff-large-roster). */
			if (t->n_members <= 24) {
				struct diff_search ds;
				scenario_diff(&ctx.arena, t, t, t->effective, &ds);
				if (ds.differing != 0) {
					fprintf(stderr, "fuzz_terms: diff of the terms against themselves: %llu of %llu meetings differ\n",
					        (unsigned long long)ds.differing, (unsigned long long)ds.scenarios);
					abort();
				}
			}
		}
	}
	fuzz_check_diag_locations(&ctx);
	fuzz_print_diags(&ctx);
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

/*
** fuzz_record: arbitrary bytes as a native meeting record, judged against
** examples/anytown/terms.tor (loaded once, in its own context that lives as
** long as the process): parse_file, minutes_from_ast on every `meeting`,
** eval_meeting where the record was read without errors (as `quorate eval`
** and `replay` do), then the text, Markdown and JSON reports written to
** /dev/null.  Each input has its own memory context, freed afterwards.
*/
#include "fuzz_common.h"

#include "out/report.h"
#include "record/minutes.h"
#include "run/eval.h"

static struct fuzz_ctx terms_ctx, ctx;
static const struct terms *terms;

static void load_terms(void)
{
	fuzz_ctx_init(&terms_ctx);
	if (setjmp(terms_ctx.oom) != 0)
		abort();
	struct source *src = arena_alloc(&terms_ctx.arena, sizeof *src);
	const char *why = NULL;
	if (source_load(src, &terms_ctx.arena, FUZZ_ROOT "/examples/anytown/terms.tor", &why) != 0) {
		fprintf(stderr, "fuzz_record: examples/anytown/terms.tor: %s\n", why);
		abort();
	}
	struct ast_file file;
	if (parse_file(&terms_ctx.arena, &terms_ctx.diag, src, &file) != 0 || !file.items) {
		fuzz_print_diags(&terms_ctx);
		abort();
	}
	for (const struct node *n = file.items; n && !terms; n = n->next)
		if (n->kind == N_TERMS)
			terms = sema_terms(&terms_ctx.arena, &terms_ctx.diag, &terms_ctx.loader, n, src);
	if (!terms) {
		fprintf(stderr, "fuzz_record: the anytown terms do not check\n");
		abort();
	}
	terms_ctx.mem.on_oom = NULL; /* nothing may allocate in it from here */
}

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
			struct meeting_result *r = eval_meeting(&ctx.arena, terms, m);
			struct report_opts o = { false };
			report_text_meeting(fuzz_null(), r, &o);
			o.color = true;
			report_text_meeting(fuzz_null(), r, &o);
			report_md_meeting(fuzz_null(), r);
			struct json_writer w;
			json_init(&w, fuzz_null());
			report_json_meeting(&w, r);
			json_finish(&w);
		}
	}
	fuzz_check_diag_locations(&ctx);
	fuzz_print_diags(&ctx);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!terms)
		load_terms();
	fuzz_ctx_init(&ctx);
	if (setjmp(ctx.oom) == 0)
		run(data, size);
	fuzz_ctx_free(&ctx);
	return 0;
}

/*
** fuzz_json: arbitrary bytes as a JSON meeting record (minutes_json_read),
** judged against examples/anytown/terms.tor when it reads without errors,
** with the text and JSON reports written to /dev/null.  jansson's tree is
** malloc'd outside `struct mem`: libFuzzer's leak check sees it.
*/
#include "fuzz_common.h"

#include "out/report.h"
#include "record/minutes_json.h"
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
		fprintf(stderr, "fuzz_json: examples/anytown/terms.tor: %s\n", why);
		abort();
	}
	struct ast_file file;
	if (parse_file(&terms_ctx.arena, &terms_ctx.diag, src, &file) != 0)
		abort();
	for (const struct node *n = file.items; n && !terms; n = n->next)
		if (n->kind == N_TERMS)
			terms = sema_terms(&terms_ctx.arena, &terms_ctx.diag, &terms_ctx.loader, n, src);
	if (!terms)
		abort();
	terms_ctx.mem.on_oom = NULL;
}

static void run(const uint8_t *data, size_t size)
{
	struct source *src = arena_alloc(&ctx.arena, sizeof *src);
	source_from_memory(src, &ctx.arena, "fuzz.json", (const char *)data, size);
	unsigned errors = ctx.diag.n_errors;
	const struct meeting *m = minutes_json_read(&ctx.arena, &ctx.diag, src);
	if (m && ctx.diag.n_errors == errors) {
		struct meeting_result *r = eval_meeting(&ctx.arena, terms, m);
		struct report_opts o = { false };
		report_text_meeting(fuzz_null(), r, &o);
		struct json_writer w;
		json_init(&w, fuzz_null());
		report_json_meeting(&w, r);
		json_finish(&w);
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

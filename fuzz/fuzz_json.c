/*
** fuzz_json: arbitrary bytes as a JSON meeting record (minutes_json_read),
** judged against examples/anytown/terms.tor when it reads without errors,
** with every report written to /dev/null.  The reader allocates only in the
** context's arena, so the context's byte count catches anything it leaks.
** The record is also read with the reader's lean paths off: the two readings
** must give the same model and the same diagnostics (minutes_json_dump), so
** a lean path either reads what the general path reads or leaves it to it;
** and the same with a run's table of ids (json_ids_new), as replay reads.
*/
#include "fuzz_common.h"

#include "base/sbuf.h"
#include "report/report.h"
#include "record/minutes_json.h"
#include "run/eval.h"

static struct fuzz_ctx terms_ctx, ctx;
static const struct terms *terms;

static const char *dump(const struct source *src, bool lean, struct json_ids *ids)
{
	struct diag_sink d;
	diag_init(&d, &ctx.arena);
	struct sbuf out;
	sbuf_init(&out, &ctx.arena);
	minutes_json_dump(&ctx.arena, &d, src, lean, ids, &out);
	return sbuf_str(&out);
}

static void same_ways(const char *one, const char *what_one, const char *other, const char *what_other)
{
	if (strcmp(one, other) != 0) {
		fprintf(stderr, "fuzz: %s read\n%s\n%s read\n%s\n", what_one, one, what_other, other);
		abort();
	}
}

/* Also with a run's table of ids (as replay reads), twice: its ids new to
** the table, then all met before (as in a run's next file). */
static void same_all_ways(const struct source *src)
{
	const char *lean = dump(src, true, NULL), *general = dump(src, false, NULL);
	same_ways(lean, "the lean paths", general, "the general path");
	struct json_ids *ids = json_ids_new(&ctx.arena);
	same_ways(dump(src, true, ids), "with a run's ids", general, "the general path");
	same_ways(dump(src, false, ids), "with a run's ids met before", general, "the general path");
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
	same_all_ways(src);
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

/*
** replay_core: the replay engine without a report writer (a benchmark probe).
**
**   replay_core PATH...
**
** Runs the library's replay_run (src/run/replay.c) over the paths exactly as
** `quorate replay` does -- indexing, parsing, judging, checks across
** meetings -- but hands each meeting's result to a sink that only counts
** outcomes, instead of rendering the text or JSON report.  The difference
** between its time and `quorate replay`'s is the cost of the report.
** bench/run.sh builds it against $(BUILD)/libquorate.a; it uses internal
** headers, so if they change it is skipped, never a reason for a failed bench.
*/
#include <setjmp.h>
#include <stdio.h>
#include <string.h>

#include "base/arena.h"
#include "check/load.h"
#include "front/diag.h"
#include "run/replay.h"

static const char *const names[] = { "none", "carried", "not carried", "void", "provisional", "undetermined" };

static void on_meeting(void *ctx, const struct meeting_result *r, const struct replay_meta *meta)
{
	(void)ctx;
	(void)r;
	(void)meta;
}

static void on_finding(void *ctx, const struct history_finding *f)
{
	(void)ctx;
	(void)f;
}

static void on_diagnostics(void *ctx, const struct diag_sink *d)
{
	(void)ctx;
	for (size_t i = 0; i < d->items.n; i++)
		if (d->items.items[i].sev != DIAG_NOTE)
			diag_print(&d->items.items[i], stderr, false);
}

int main(int argc, char **argv)
{
	static struct mem mem;
	static struct arena arena;
	static struct diag_sink diag;
	static struct loader loader;
	jmp_buf oom;
	mem.on_oom = &oom;
	if (setjmp(oom) != 0) {
		fprintf(stderr, "replay_core: out of memory\n");
		return 2;
	}
	arena_init(&arena, &mem);
	diag_init(&diag, &arena);
	loader_init(&loader, &arena, &diag, NULL, 0);
	struct replay *rp = replay_new(&arena, &loader, &diag);
	for (int i = 1; i < argc; i++)
		replay_add_path(rp, argv[i]);
	struct replay_sink sink = { NULL, on_meeting, on_finding, on_diagnostics };
	replay_run(rp, &sink);
	const struct replay_summary *s = replay_summary(rp);
	printf("{\"meetings\": %u, \"motions\": %u, \"mismatches\": %u, \"outcomes\": {", s->meetings, s->motions,
	       s->mismatches);
	for (int o = 1; o <= 5; o++)
		printf("\"%s\": %u%s", names[o], s->by_outcome[o], o < 5 ? ", " : "}}\n");
	arena_free(&arena);
	return 0;
}

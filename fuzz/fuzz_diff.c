/*
** fuzz_diff: arbitrary bytes as two terms files (split at the first NUL
** byte), and `quorate diff` of one against the other: both checked as
** `quorate check` does, then the search of possible meetings both ways, and
** its promises held:
**
**   - what it counts adds up: the outcome changes sum to the meetings that
**     differ, none "differs" to the same outcome, no more differ than were
**     searched, and a complete search searched the whole space;
**   - a search cut short says it was, and covered every attendance level
**     in its first round or said why not;
**   - NEW against OLD, when both searches are complete, finds the same
**     meetings with every change reversed;
**   - every example differs, and its counts are possible (votes within
**     those present).
**
** The bound is small (200,000) so each input takes milliseconds; any crash,
** sanitizer report, leak, or broken promise is a failure.
*/
#include "fuzz_common.h"

#include "run/scenario.h"

#define FUZZ_DIFF_BOUND 200000u

static struct fuzz_ctx ctx;

static const struct terms *load(const uint8_t *data, size_t size, const char *name)
{
	struct source *src = arena_alloc(&ctx.arena, sizeof *src);
	source_from_memory(src, &ctx.arena, name, (const char *)data, size);
	struct ast_file file;
	if (parse_file(&ctx.arena, &ctx.diag, src, &file) != 0)
		return NULL;
	for (const struct node *n = file.items; n; n = n->next) {
		if (n->kind != N_TERMS)
			continue;
		unsigned errors = ctx.diag.n_errors;
		const struct terms *t = sema_terms(&ctx.arena, &ctx.diag, &ctx.loader, n, src);
		return t && ctx.diag.n_errors == errors ? t : NULL;
	}
	return NULL;
}

static void broken(const char *promise, const struct diff_search *s)
{
	fprintf(stderr, "fuzz_diff: %s (searched %llu, differing %llu, space %llu, truncated %d, rounds %u, levels %u)\n",
	        promise, (unsigned long long)s->scenarios, (unsigned long long)s->differing,
	        (unsigned long long)s->space, s->truncated, s->rounds, s->levels);
	abort();
}

static void check_search(const struct diff_search *s)
{
	uint64_t sum = 0;
	for (int b = 0; b <= OUTCOME_UNDETERMINED; b++) {
		if (s->transitions[b][b])
			broken("an outcome counted as changing to itself", s);
		for (int n = 0; n <= OUTCOME_UNDETERMINED; n++)
			sum += s->transitions[b][n];
	}
	if (sum != s->differing)
		broken("the outcome changes do not add up to the meetings that differ", s);
	if (s->differing > s->scenarios)
		broken("more meetings differ than were searched", s);
	if (!s->truncated && s->space != s->scenarios)
		broken("a complete search did not search its whole space", s);
	if (s->truncated && !s->why_truncated)
		broken("a search cut short does not say why", s);
	if (s->space && s->scenarios > s->space)
		broken("more meetings searched than there are", s);
	if (s->work > s->bound + 1)
		broken("the search went past its bound", s);
	for (unsigned i = 0; i < s->n_examples; i++) {
		const struct diff_example *e = &s->examples[i];
		if (e->before == e->after)
			broken("an example that does not differ", s);
		if (e->yes < 0 || e->no < 0 || e->abstain < 0 || e->present < 0 ||
		    (e->yes + e->no + e->abstain > e->present && e->yes + e->no + e->abstain > e->present_old))
			broken("an example with impossible counts", s);
	}
}

static void run(const uint8_t *data, size_t size)
{
	const uint8_t *nul = memchr(data, 0, size);
	if (!nul)
		return;
	const struct terms *t[2] = { load(data, (size_t)(nul - data), "old.tor"),
	                             load(nul + 1, size - (size_t)(nul - data) - 1, "new.tor") };
	fuzz_check_diag_locations(&ctx);
	fuzz_print_diags(&ctx);
	if (!t[0] || !t[1] || t[0]->n_members > 60 || t[1]->n_members > 60)
		return;
	qdate day = t[1]->has_effective ? t[1]->effective : t[0]->effective;
	struct scenario_query q = { NULL, NULL, FUZZ_DIFF_BOUND, false };
	struct diff_search ab, ba;
	scenario_search(&ctx.arena, t[0], t[1], day, &q, &ab);
	check_search(&ab);
	scenario_search(&ctx.arena, t[1], t[0], day, &q, &ba);
	check_search(&ba);
	if (ab.truncated || ba.truncated)
		return;
	if (ab.scenarios != ba.scenarios || ab.differing != ba.differing)
		broken("NEW against OLD does not find the same meetings as OLD against NEW", &ab);
	for (int b = 0; b <= OUTCOME_UNDETERMINED; b++)
		for (int n = 0; n <= OUTCOME_UNDETERMINED; n++)
			if (ab.transitions[b][n] != ba.transitions[n][b])
				broken("NEW against OLD does not reverse every change", &ab);
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

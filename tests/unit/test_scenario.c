/*
** Unit tests for src/run/scenario.c, the exhaustive search behind
** `quorate diff`, and for src/run/decide.c which it relies on.
**
** The expected answers were worked out by hand and are written next to each
** test, so the search is checked against arithmetic, not against itself.
** Run from the repository root.
*/
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/sema.h"
#include "front/parse.h"
#include "run/scenario.h"

struct run {
	struct mem mem;
	jmp_buf oom;
	struct arena arena;
	struct diag_sink diag;
	struct loader ld;
};

static int setup(void **state)
{
	struct run *R = calloc(1, sizeof *R);
	if (!R)
		return -1;
	R->mem.on_oom = &R->oom;
	arena_init(&R->arena, &R->mem);
	diag_init(&R->diag, &R->arena);
	loader_init(&R->ld, &R->arena, &R->diag, NULL, 0);
	*state = R;
	return 0;
}

static int teardown(void **state)
{
	struct run *R = *state;
	arena_free(&R->arena);
	free(R);
	return 0;
}

/* Five voting members, a quorum of three, one class with the given rule. */
static const struct terms *five(struct run *R, const char *rule, const char *extra)
{
	char *text = arena_printf(&R->arena,
		"terms \"Five\" {\n"
		"  effective 2024-01-01\n"
		"  role m \"Member\" voting\n"
		"  member a \"A\" m\n  member b \"B\" m\n  member c \"C\" m\n"
		"  member d \"D\" m\n  member e \"E\" m\n"
		"  quorum { require present >= 3 }\n"
		"  %s\n"
		"  class ordinary { require %s }\n"
		"}\n", extra, rule);
	struct source *src = arena_alloc(&R->arena, sizeof *src);
	source_from_memory(src, &R->arena, "five.tor", text, strlen(text));
	struct ast_file file;
	if (setjmp(R->oom))
		fail_msg("out of memory");
	assert_int_equal(parse_file(&R->arena, &R->diag, src, &file), 0);
	const struct terms *t = sema_terms(&R->arena, &R->diag, &R->ld, file.items, src);
	assert_non_null(t);
	return t;
}

/*
** "more than half of the votes cast" against "at least two thirds of them".
** They disagree only when yes/cast lies in (1/2, 2/3).  With at most five
** votes cast: 3/5 is the only such fraction (2/3, 3/4, 2/4, 1/2 are not
** strictly inside).  Five votes cast needs all five members present and none
** conflicted, and no abstention.  So exactly one scenario differs: 5 present,
** 3 for, 2 against: carried before (3 > 2.5), not carried now (3 < 10/3).
*/
static void test_smallest_scenario_by_hand(void **state)
{
	struct run *R = *state;
	const struct terms *before = five(R, "yes > half of cast", "");
	const struct terms *after = five(R, "yes >= 2/3 of cast", "");
	struct diff_search out;
	scenario_diff(&R->arena, before, after, before->effective, &out);
	assert_false(out.truncated);
	assert_int_equal(out.differing, 1);
	assert_int_equal(out.transitions[OUTCOME_CARRIED][OUTCOME_NOT_CARRIED], 1);
	assert_int_equal(out.n_examples, 1);
	const struct diff_example *e = &out.examples[0];
	assert_int_equal(e->present, 5);
	assert_int_equal(e->yes, 3);
	assert_int_equal(e->no, 2);
	assert_int_equal(e->abstain, 0);
	assert_int_equal(e->conflicted, 0);
	assert_int_equal(e->before, OUTCOME_CARRIED);
	assert_int_equal(e->after, OUTCOME_NOT_CARRIED);
}

/*
** Raising the quorum from 3 to 4: every quorate decision at exactly three
** present becomes void.  The smallest such meeting has 3 present and no
** vote at all (0 for, 0 against: not carried before, void now), and among
** three present with one vote for it is carried before and void now.
*/
static void test_quorum_change(void **state)
{
	struct run *R = *state;
	const struct terms *before = five(R, "yes > half of cast", "");
	char *text = arena_strdup(&R->arena,
		"terms \"Five\" {\n  effective 2024-01-01\n  role m \"Member\" voting\n"
		"  member a \"A\" m\n  member b \"B\" m\n  member c \"C\" m\n  member d \"D\" m\n  member e \"E\" m\n"
		"  quorum { require present >= 4 }\n  class ordinary { require yes > half of cast }\n}\n");
	struct source *src = arena_alloc(&R->arena, sizeof *src);
	source_from_memory(src, &R->arena, "four.tor", text, strlen(text));
	struct ast_file file;
	assert_int_equal(parse_file(&R->arena, &R->diag, src, &file), 0);
	const struct terms *after = sema_terms(&R->arena, &R->diag, &R->ld, file.items, src);
	assert_non_null(after);
	struct diff_search out;
	scenario_diff(&R->arena, before, after, before->effective, &out);
	assert_true(out.differing > 0);
	/* only "quorate before, void now", never the other way */
	for (int o = 0; o <= OUTCOME_UNDETERMINED; o++)
		assert_int_equal(out.transitions[OUTCOME_VOID][o], 0);
	assert_int_equal(out.examples[0].present, 3);
	assert_int_equal(out.examples[0].yes + out.examples[0].no + out.examples[0].abstain, 0);
	assert_int_equal(out.examples[0].after, OUTCOME_VOID);
	/* With three present (no interest) the splits are all (y, n, a) with
	** y + n + a <= 3: C(6,3) = 20, each void now and decided before. */
	uint64_t at_three = 0;
	for (int o = OUTCOME_CARRIED; o <= OUTCOME_UNDETERMINED; o++)
		at_three += out.transitions[o][OUTCOME_VOID];
	/* 20 splits with three present and no interest, plus, with one of four
	** present declaring an interest (excluded from the quorum: 3 count),
	** the splits of the 3 entitled to vote: 20 more. */
	assert_int_equal(at_three, 40);
	/* and nothing else differs: every other attendance is quorate under
	** both versions or under neither */
	assert_int_equal(out.differing, 40);
}

/* Identical terms: nothing differs, and every scenario is still asked. */
static void test_identical_terms(void **state)
{
	struct run *R = *state;
	const struct terms *t = five(R, "yes >= 3/4 of members", "casting vote chair");
	struct diff_search out;
	scenario_diff(&R->arena, t, t, t->effective, &out);
	assert_true(out.scenarios > 0);
	assert_int_equal(out.differing, 0);
	assert_int_equal(out.n_examples, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_smallest_scenario_by_hand, setup, teardown),
		cmocka_unit_test_setup_teardown(test_quorum_change, setup, teardown),
		cmocka_unit_test_setup_teardown(test_identical_terms, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

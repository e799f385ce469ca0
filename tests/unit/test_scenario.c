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

#include "fixture.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/sema.h"
#include "front/parse.h"
#include "base/sbuf.h"
#include "run/scenario.h"

struct run {
	struct fixture f;
};

FIXTURE_STATE(struct run)


/* Five voting members, a quorum of three, one class with the given rule. */
static const struct terms *five(struct run *R, const char *rule, const char *extra)
{
	char *text = arena_printf(&R->f.arena,
		"terms \"Five\" {\n"
		"  effective 2024-01-01\n"
		"  role m \"Member\" voting\n"
		"  member a \"A\" m\n  member b \"B\" m\n  member c \"C\" m\n"
		"  member d \"D\" m\n  member e \"E\" m\n"
		"  quorum { require present >= 3 }\n"
		"  %s\n"
		"  class ordinary { require %s }\n"
		"}\n", extra, rule);
	struct source *src = arena_alloc(&R->f.arena, sizeof *src);
	source_from_memory(src, &R->f.arena, "five.tor", text, strlen(text));
	struct ast_file file;
	if (setjmp(R->f.oom))
		fail_msg("out of memory");
	assert_int_equal(parse_file(&R->f.arena, &R->f.diag, src, &file), 0);
	const struct terms *t = sema_terms(&R->f.arena, &R->f.diag, &R->f.ld, file.items, src);
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
	scenario_diff(&R->f.arena, before, after, before->effective, &out);
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
	char *text = arena_strdup(&R->f.arena,
		"terms \"Five\" {\n  effective 2024-01-01\n  role m \"Member\" voting\n"
		"  member a \"A\" m\n  member b \"B\" m\n  member c \"C\" m\n  member d \"D\" m\n  member e \"E\" m\n"
		"  quorum { require present >= 4 }\n  class ordinary { require yes > half of cast }\n}\n");
	struct source *src = arena_alloc(&R->f.arena, sizeof *src);
	source_from_memory(src, &R->f.arena, "four.tor", text, strlen(text));
	struct ast_file file;
	assert_int_equal(parse_file(&R->f.arena, &R->f.diag, src, &file), 0);
	const struct terms *after = sema_terms(&R->f.arena, &R->f.diag, &R->f.ld, file.items, src);
	assert_non_null(after);
	struct diff_search out;
	scenario_diff(&R->f.arena, before, after, before->effective, &out);
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
	scenario_diff(&R->f.arena, t, t, t->effective, &out);
	assert_true(out.scenarios > 0);
	assert_int_equal(out.differing, 0);
	assert_int_equal(out.n_examples, 0);
}


/* ---- the search against a naive enumeration ---------------------------------------- */

/*
** With no role list named, the versions see only how many are present: so
** the possible meetings are, for p present (0..5) and no interest or one
** member of the p with a declared interest (void vote, excluded from the
** quorum), every split (yes, no, abstain) of the votes allowed, and on a tie
** a casting vote either way.  This counts them one by one with
** decide_scenario, the way the search must (whatever it skips).
*/
static void naive(const struct terms *t0, const struct terms *t1, uint64_t *all, uint64_t *differ)
{
	*all = *differ = 0;
	for (int64_t p = 0; p <= 5; p++) {
		for (int conflicted = 0; conflicted <= (p > 0); conflicted++) {
			struct scenario sc[2];
			struct counts none;
			memset(&none, 0, sizeof none);
			for (int v = 0; v < 2; v++) {
				scenario_init(&sc[v], &none, &none, NULL, 0);
				sc[v].quorum.n[COUNT_MEMBERS] = sc[v].votes.n[COUNT_MEMBERS] = 5;
				sc[v].quorum.n[COUNT_PRESENT] = p - conflicted;
				sc[v].quorum.n[COUNT_CONFLICTED] = sc[v].votes.n[COUNT_CONFLICTED] = conflicted;
				sc[v].votes.n[COUNT_PRESENT] = p;
				sc[v].votes.n[COUNT_ELIGIBLE] = sc[v].quorum.n[COUNT_ELIGIBLE] = p - conflicted;
			}
			int64_t e = p - conflicted;
			bool casting = t0->casting_chair || t1->casting_chair;
			for (int64_t y = 0; y <= e; y++)
				for (int64_t n = 0; y + n <= e; n++)
					for (int64_t a = 0; y + n + a <= e; a++)
						for (int c = -1; c <= (casting && y == n && y > 0 ? 1 : -1); c++) {
							struct decision d[2];
							for (int v = 0; v < 2; v++) {
								counts_set_votes(&sc[v].votes, y, n, a);
								sc[v].has_casting = c >= 0;
								sc[v].casting = c == 1 ? VOTE_AGAINST : VOTE_FOR;
								decide(v ? t1 : t0, &sc[v], &d[v], NULL);
							}
							(*all)++;
							*differ += d[0].outcome != d[1].outcome;
						}
		}
	}
}

/*
** The three ways the search spares itself vote splits (each (for, against)
** standing for its abstentions; each number for standing for every split of
** the rest; one question for an attendance where neither version is
** quorate) must count exactly what the naive enumeration counts.
*/
static void test_reductions_match_naive(void **state)
{
	struct run *R = *state;
	static const struct { const char *before, *after, *extra; } cases[] = {
		{ "yes > half of cast", "yes >= 2/3 of cast", "casting vote none" },      /* (for, against) */
		{ "yes > half of cast", "yes >= 2/3 of cast", "casting vote chair" },     /* and ties */
		{ "yes >= 3/5 of members", "yes >= 4/5 of members", "casting vote none" }, /* for alone */
		{ "yes > abstain", "yes > half of votes", "casting vote chair" },         /* all three */
		{ "yes > half of cast and cast >= 2", "yes > no", "casting vote chair" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const struct terms *before = five(R, cases[i].before, cases[i].extra);
		const struct terms *after = five(R, cases[i].after, cases[i].extra);
		struct diff_search out;
		scenario_diff(&R->f.arena, before, after, before->effective, &out);
		uint64_t all, differ;
		naive(before, after, &all, &differ);
		assert_false(out.truncated);
		assert_int_equal(out.scenarios, all);
		assert_int_equal(out.space, all);
		assert_int_equal(out.differing, differ);
	}
}

/* conform's question through the same engine: a predicate of its own,
** sorting what it picks under headings (here: by the old outcome). */
static int carried_only_after(void *ctx, const struct scenario sc[2], const struct decision d[2])
{
	(void)sc;
	(*(unsigned *)ctx)++;
	if (d[1].outcome != OUTCOME_CARRIED || d[0].outcome == OUTCOME_CARRIED)
		return -1;
	return (int)d[0].outcome;
}

static void test_custom_predicate(void **state)
{
	struct run *R = *state;
	const struct terms *before = five(R, "yes >= 2/3 of cast", "");
	const struct terms *after = five(R, "yes > half of cast", "");
	unsigned asked = 0;
	struct scenario_query q = { carried_only_after, &asked, 0, false };
	struct diff_search out;
	scenario_search(&R->f.arena, before, after, before->effective, &q, &out);
	assert_true(asked > 0);
	/* exactly the mirror of test_smallest_scenario_by_hand: 5 present, 3 to 2 */
	assert_int_equal(out.differing, 1);
	assert_int_equal(out.transitions[OUTCOME_NOT_CARRIED][OUTCOME_CARRIED], 1);
	assert_int_equal(out.examples[0].yes, 3);
	/* under its heading, with a witness: the five members, no interest */
	assert_int_equal(out.picked_by_group[OUTCOME_NOT_CARRIED], 1);
	const struct diff_example *w = &out.by_group[OUTCOME_NOT_CARRIED];
	assert_int_equal(w->yes, 3);
	assert_int_equal(w->n_present_ids, 5);
	assert_null(w->conflicted_id);
	assert_string_equal(w->present_ids[0], "a");
	for (int g = 0; g < SCENARIO_MAX_GROUPS; g++)
		if (g != OUTCOME_NOT_CARRIED)
			assert_int_equal(out.picked_by_group[g], 0);
}

/* Witnesses are real attendances: in the thirty-member roster below, the
** smallest example's members present hold one of each of the six roles. */

/* Thirty members in six roles, each role needed in the quorum; with a bound
** far too small for the whole space, the search must have tried every
** attendance level before a second variation of any, and say it stopped. */
static void test_cut_short_tries_every_level(void **state)
{
	struct run *R = *state;
	struct sbuf b;
	const char *roles[6] = { "ra", "rb", "rc", "rd", "re", "rf" };
	const struct terms *t[2];
	for (int v = 0; v < 2; v++) {
		sbuf_init(&b, &R->f.arena);
		sbuf_add(&b, "terms \"Thirty\" {\n  effective 2024-01-01\n");
		for (int r = 0; r < 6; r++)
			sbuf_addf(&b, "  role %s \"R\" voting\n", roles[r]);
		for (int m = 0; m < 30; m++)
			sbuf_addf(&b, "  member p%d \"P\" %s\n", m, roles[m % 6]);
		sbuf_add(&b, "  quorum {\n    require present >= 6\n");
		for (int r = 0; r < 6; r++)
			sbuf_addf(&b, "    require present(%s) >= 1\n", roles[r]);
		sbuf_addf(&b, "  }\n  class ordinary { require %s }\n}\n", v ? "yes >= 2/3 of cast" : "yes > half of cast");
		const char *text = sbuf_str(&b);
		struct source *src = arena_alloc(&R->f.arena, sizeof *src);
		source_from_memory(src, &R->f.arena, "thirty.tor", text, strlen(text));
		struct ast_file file;
		assert_int_equal(parse_file(&R->f.arena, &R->f.diag, src, &file), 0);
		t[v] = sema_terms(&R->f.arena, &R->f.diag, &R->f.ld, file.items, src);
		assert_non_null(t[v]);
	}
	struct diff_search whole, cut;
	scenario_diff(&R->f.arena, t[0], t[1], t[0]->effective, &whole);
	assert_false(whole.truncated);
	assert_true(whole.differing > 0);
	/* present 0..30 in each version, the same in both: 31 levels */
	assert_int_equal(whole.levels, 31);
	/* the smallest example's witness: as many members as present, one of
	** each role among them (the quorum needs all six) */
	const struct diff_example *w = &whole.examples[0];
	assert_int_equal(w->n_present_ids, (unsigned)w->present);
	bool role_seen[6] = { false };
	for (unsigned i = 0; i < w->n_present_ids; i++)
		role_seen[atoi(w->present_ids[i] + 1) % 6] = true;
	for (int r = 0; r < 6; r++)
		assert_true(role_seen[r]);
	/* level by level (as when the attendances are too many to list): the
	** same answer, each distinct attendance judged once */
	struct diff_search by_level;
	struct scenario_query lq = { NULL, NULL, 0, true };
	scenario_search(&R->f.arena, t[0], t[1], t[0]->effective, &lq, &by_level);
	assert_false(by_level.truncated);
	assert_int_equal(by_level.scenarios, whole.scenarios);
	assert_int_equal(by_level.differing, whole.differing);
	assert_int_equal(by_level.attendances, whole.attendances);
	struct scenario_query q = { NULL, NULL, 20000, false };
	scenario_search(&R->f.arena, t[0], t[1], t[0]->effective, &q, &cut);
	assert_true(cut.truncated);
	assert_true(cut.rounds >= 1);            /* a whole round: one attendance of every level */
	assert_true(cut.attendances >= cut.levels);
	assert_true(cut.work <= cut.bound + 1);
	assert_true(cut.scenarios < whole.scenarios);
	assert_int_equal(cut.space, whole.scenarios); /* how much there was, said */
	assert_true(cut.differing <= whole.differing);
	/* and level by level, cut short the same way */
	struct scenario_query lcut = { NULL, NULL, 20000, true };
	scenario_search(&R->f.arena, t[0], t[1], t[0]->effective, &lcut, &cut);
	assert_true(cut.truncated);
	assert_true(cut.rounds >= 1);
	assert_int_equal(cut.levels, 31);
	assert_int_equal(cut.space, 0); /* not counted: nothing was listed */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_smallest_scenario_by_hand, setup, teardown),
		cmocka_unit_test_setup_teardown(test_quorum_change, setup, teardown),
		cmocka_unit_test_setup_teardown(test_identical_terms, setup, teardown),
		cmocka_unit_test_setup_teardown(test_reductions_match_naive, setup, teardown),
		cmocka_unit_test_setup_teardown(test_custom_predicate, setup, teardown),
		cmocka_unit_test_setup_teardown(test_cut_short_tries_every_level, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

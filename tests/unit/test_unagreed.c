/*
** Unit tests for settings still to be agreed (issue 19 item 8,
** docs/semantics.md#unagreed): where the terms leave the casting vote,
** consensus or the handling of declared interests `to be agreed`, a motion
** is decided only if every way of agreeing them gives the same outcome;
** otherwise it is undetermined, with a finding naming the clause.  Each
** setting at its edge: where the way it is agreed decides the motion, and
** where it does not.  Also decide itself (explain and diff ask it too), and
** settings the terms never mention (today's defaults, no new finding), and a
** quorum still to be agreed with everyone present.
**
** Terms: five voting members m1..m5 (role m), an observer, effective
** 2024-01-01; meetings on 2024-05-14, chaired by m1.  Run from the
** repository root.
*/
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"

#include <stdio.h>
#include <string.h>

#include "check/terms_file.h"
#include "record/record_file.h"
#include "run/decide.h"
#include "run/eval.h"

struct state {
	struct fixture f;
	const struct terms *t;
	const struct meeting_result *r;
};
FIXTURE_STATE(struct state)

static const char *const terms_head =
	"terms \"T\" {\n"
	"  effective 2024-01-01\n"
	"  role m \"Member\" voting\n"
	"  role obs \"Observer\" attending\n"
	"  member m1 \"Member 1\" m\n"
	"  member m2 \"Member 2\" m\n"
	"  member m3 \"Member 3\" m\n"
	"  member m4 \"Member 4\" m\n"
	"  member m5 \"Member 5\" m\n"
	"  member obs1 \"Observer\" obs\n"
	"  class ordinary { require yes > no }\n";

/* The terms with `items`, and the quorum `present >= 3` unless they write one. */
static const struct terms *load_terms(struct state *x, const char *items)
{
	const char *quorum = strstr(items, "quorum §") ? "" : "  quorum §3 { require present >= 3 }\n";
	const char *text = arena_printf(&x->f.arena, "%s%s%s\n}\n", terms_head, quorum, items);
	struct source *src = arena_alloc(&x->f.arena, sizeof *src);
	source_from_memory(src, &x->f.arena, "terms.tor", text, strlen(text));
	x->t = terms_file_one(&x->f.arena, &x->f.diag, &x->f.ld, src);
	assert_non_null(x->t);
	return x->t;
}

/* The terms with `items`, and one motion with `motion` as its body, those
** `present` there. */
static const struct motion_result *judge_with(struct state *x, const char *items, const char *present,
                                              const char *motion)
{
	load_terms(x, items);
	const char *text = arena_printf(&x->f.arena,
	                                "meeting \"M\" on 2024-05-14 {\n  terms \"T\"\n  chair m1\n"
	                                "  %s\n  motion 1 \"Q\" {\n%s\n  }\n}\n", present, motion);
	struct source *src = arena_alloc(&x->f.arena, sizeof *src);
	source_from_memory(src, &x->f.arena, "m.minutes", text, strlen(text));
	struct meeting *m = record_read_one(&x->f.arena, &x->f.diag, src);
	assert_non_null(m);
	assert_int_equal(x->f.diag.n_errors, 0);
	x->r = eval_meeting(&x->f.arena, x->t, m);
	assert_int_equal(x->r->n_motions, 1);
	return &x->r->motions[0];
}

/* The same with m1..m4 present. */
static const struct motion_result *judge(struct state *x, const char *items, const char *motion)
{
	return judge_with(x, items, "present m1, m2, m3, m4", motion);
}

static const struct finding *finding(const struct motion_result *mr, enum finding_code code)
{
	for (const struct finding *f = mr->findings.first; f; f = f->next)
		if (f->code == code)
			return f;
	return NULL;
}

/* ---- the casting vote ---- */

/* A tie: with a casting vote it is the chair's (none recorded), without it
** the tie is not carried: undetermined, citing §7. */
static void test_casting_tba_on_a_tie(void **state)
{
	FIXTURE_ENTER(struct state, x);
	const struct motion_result *mr = judge(x, "casting vote §7 to be agreed", "for m1, m2\nagainst m3, m4\nrecorded not carried");
	assert_int_equal(mr->outcome, OUTCOME_UNDETERMINED);
	const struct finding *f = finding(mr, F_CASTING_TBA);
	assert_non_null(f);
	assert_string_equal(f->clause, "7");
	assert_non_null(strstr(f->message, "not carried with `casting vote none`"));
	assert_null(finding(mr, F_TIE_UNRESOLVED)); /* the defaults give no casting vote */
}

/* A recorded casting vote for on a tie: carried one way, not the other;
** and no breach for a casting vote "the terms give none". */
static void test_casting_tba_recorded(void **state)
{
	FIXTURE_ENTER(struct state, x);
	const struct motion_result *mr = judge(x, "casting vote §7 to be agreed",
	                                       "for m1, m2\nagainst m3, m4\ncasting for\nrecorded carried");
	assert_int_equal(mr->outcome, OUTCOME_UNDETERMINED);
	const struct finding *f = finding(mr, F_CASTING_TBA);
	assert_non_null(f);
	assert_non_null(strstr(f->message, "carried with `casting vote chair`"));
	assert_null(finding(mr, F_CASTING_DENIED));
}

/* A clear majority: a casting vote could not change it. */
static void test_casting_tba_clear_majority(void **state)
{
	FIXTURE_ENTER(struct state, x);
	const struct motion_result *mr = judge(x, "casting vote §7 to be agreed", "for m1, m2, m3\nagainst m4\nrecorded carried");
	assert_int_equal(mr->outcome, OUTCOME_CARRIED);
	assert_null(finding(mr, F_CASTING_TBA));
	assert_int_equal(x->r->count_by_sev[SEV_ERROR] + x->r->count_by_sev[SEV_BREACH], 0);
}

/* Declined where the casting vote is still to be agreed: a note that says so. */
static void test_casting_tba_declined(void **state)
{
	FIXTURE_ENTER(struct state, x);
	const struct motion_result *mr = judge(x, "casting vote §7 to be agreed",
	                                       "for m1, m2, m3\nagainst m4\ncasting declined\nrecorded carried");
	assert_int_equal(mr->outcome, OUTCOME_CARRIED);
	const struct finding *f = finding(mr, F_CASTING_DECLINED);
	assert_non_null(f);
	assert_non_null(strstr(f->message, "the casting vote is still to be agreed"));
}

/* Never mentioned: today's default (no casting vote), no new finding. */
static void test_casting_unmentioned(void **state)
{
	FIXTURE_ENTER(struct state, x);
	const struct motion_result *mr = judge(x, "", "for m1, m2\nagainst m3, m4\nrecorded not carried");
	assert_int_equal(mr->outcome, OUTCOME_NOT_CARRIED);
	assert_null(finding(mr, F_CASTING_TBA));
}

/* ---- consensus ---- */

static void test_consensus_tba(void **state)
{
	FIXTURE_ENTER(struct state, x);
	const struct motion_result *mr = judge(x, "consensus §8 to be agreed", "consensus\nrecorded carried");
	assert_int_equal(mr->outcome, OUTCOME_UNDETERMINED);
	const struct finding *f = finding(mr, F_CONSENSUS_TBA);
	assert_non_null(f);
	assert_string_equal(f->clause, "8");
	assert_non_null(strstr(f->message, "not carried with `consensus never`, carried with `consensus first`"));
	assert_null(finding(mr, F_CONSENSUS_DENIED));
}

/* A vote, not a consensus: consensus being allowed or not changes nothing. */
static void test_consensus_tba_vote(void **state)
{
	FIXTURE_ENTER(struct state, x);
	const struct motion_result *mr = judge(x, "consensus §8 to be agreed", "for m1, m2, m3\nagainst m4\nrecorded carried");
	assert_int_equal(mr->outcome, OUTCOME_CARRIED);
	assert_null(finding(mr, F_CONSENSUS_TBA));
}

/* ---- declared interests ---- */

/* m3 declared an interest and voted for: 2 to 1 if the vote counts, a tie
** of 1 to 1 if it is void. */
static void test_interests_tba_vote_matters(void **state)
{
	FIXTURE_ENTER(struct state, x);
	const struct motion_result *mr = judge(x, "interests §9 { to be agreed }",
	                                       "interest m3 \"shares\"\nfor m1, m3\nagainst m2\nabstain m4\nrecorded carried");
	assert_int_equal(mr->outcome, OUTCOME_UNDETERMINED);
	const struct finding *f = finding(mr, F_INTERESTS_TBA);
	assert_non_null(f);
	assert_string_equal(f->clause, "9");
	assert_non_null(strstr(f->message, "not carried with `conflicted vote: void`, carried with `conflicted vote: allowed`"));
	/* the vote is void only as the defaults read it: no breach */
	assert_null(finding(mr, F_VOTE_CONFLICTED));
}

/* m4 declared an interest and voted against: 3 to 0 or 3 to 1, carried
** either way, and with or without m4 the meeting is quorate. */
static void test_interests_tba_vote_does_not_matter(void **state)
{
	FIXTURE_ENTER(struct state, x);
	const struct motion_result *mr = judge(x, "interests §9 { to be agreed }",
	                                       "interest m4 \"shares\"\nfor m1, m2, m3\nagainst m4\nrecorded carried");
	assert_int_equal(mr->outcome, OUTCOME_CARRIED);
	assert_null(finding(mr, F_INTERESTS_TBA));
	assert_true(mr->quorum_known && mr->quorate);
}

/* Only three present, one conflicted: quorate only where a conflicted
** member still counts.  The quorum is then not judged (no breach), and the
** finding names the quorum setting. */
static void test_interests_tba_quorum_matters(void **state)
{
	FIXTURE_ENTER(struct state, x);
	load_terms(x, "interests §9 {\n  conflicted vote: allowed\n  to be agreed\n}");
	const char *text = "meeting \"M\" on 2024-05-14 {\n  terms \"T\"\n  chair m1\n  present m1, m2, m3\n"
	                   "  motion 1 \"Q\" {\n    interest m3 \"shares\"\n    for m1, m2, m3\n    recorded carried\n  }\n}\n";
	struct source *src = arena_alloc(&x->f.arena, sizeof *src);
	source_from_memory(src, &x->f.arena, "m.minutes", text, strlen(text));
	struct meeting *m = record_read_one(&x->f.arena, &x->f.diag, src);
	assert_non_null(m);
	x->r = eval_meeting(&x->f.arena, x->t, m);
	const struct motion_result *mr = &x->r->motions[0];
	assert_int_equal(mr->outcome, OUTCOME_UNDETERMINED);
	assert_false(mr->quorum_known);
	assert_null(finding(mr, F_INQUORATE));
	const struct finding *f = finding(mr, F_INTERESTS_TBA);
	assert_non_null(f);
	assert_non_null(strstr(f->message, "void with `conflicted quorum: excluded`, carried with `conflicted quorum: counted`"));
}

/* Stated interests settings are not tried other ways. */
static void test_interests_stated(void **state)
{
	FIXTURE_ENTER(struct state, x);
	const struct motion_result *mr = judge(x, "interests §9 { conflicted vote: void }",
	                                       "interest m3 \"shares\"\nfor m1, m3\nagainst m2\nabstain m4\nrecorded not carried");
	assert_int_equal(mr->outcome, OUTCOME_NOT_CARRIED);
	assert_null(finding(mr, F_INTERESTS_TBA));
	assert_non_null(finding(mr, F_VOTE_CONFLICTED));
	assert_int_equal(open_ways(x->t, OPEN_INTERESTS), 1);
}

/* ---- the quorum ---- */

/* Four of five: quorate or not as the quorum is agreed. */
static void test_quorum_tba_some_present(void **state)
{
	FIXTURE_ENTER(struct state, x);
	const struct motion_result *mr = judge(x, "quorum §3 { to be agreed }", "for m1, m2, m3\nagainst m4\nrecorded carried");
	assert_int_equal(mr->outcome, OUTCOME_UNDETERMINED);
	assert_false(mr->quorum_known);
	assert_non_null(finding(mr, F_QUORUM_TBA));
}

/* Everyone on the roster, the observer too: any quorum that can be met is. */
static void test_quorum_tba_everyone_present(void **state)
{
	FIXTURE_ENTER(struct state, x);
	const struct motion_result *mr = judge_with(x, "quorum §3 { to be agreed }", "present m1, m2, m3, m4, m5\n  attending obs1",
	                                            "for m1, m2, m3\nagainst m4, m5\nrecorded carried");
	assert_int_equal(mr->outcome, OUTCOME_CARRIED);
	assert_true(mr->quorum_known && mr->quorate);
	const struct finding *f = finding(mr, F_QUORUM_TBA_EVERYONE);
	assert_non_null(f);
	assert_int_equal(f->sev, SEV_NOTE);
	assert_string_equal(f->clause, "3");
	assert_null(finding(mr, F_QUORUM_TBA));
}

/* Every voting member but not the observer: a quorum might count him. */
static void test_quorum_tba_attendee_missing(void **state)
{
	FIXTURE_ENTER(struct state, x);
	const struct motion_result *mr = judge_with(x, "quorum §3 { to be agreed }", "present m1, m2, m3, m4, m5",
	                                            "for m1, m2, m3\nagainst m4, m5\nrecorded carried");
	assert_int_equal(mr->outcome, OUTCOME_UNDETERMINED);
	assert_non_null(finding(mr, F_QUORUM_TBA));
}

/* Everyone there, one with an interest the defaults exclude from the
** quorum: not everyone counts, so not judged. */
static void test_quorum_tba_everyone_but_conflicted(void **state)
{
	FIXTURE_ENTER(struct state, x);
	const struct motion_result *mr = judge_with(x, "quorum §3 { to be agreed }", "present m1, m2, m3, m4, m5\n  attending obs1",
	                                            "interest m5 \"shares\"\nfor m1, m2, m3\nagainst m4\nrecorded carried");
	assert_int_equal(mr->outcome, OUTCOME_UNDETERMINED);
	assert_non_null(finding(mr, F_QUORUM_TBA));
}

/* ---- decide and its enumeration ---- */

static void test_open_ways(void **state)
{
	FIXTURE_ENTER(struct state, x);
	const struct terms *t = load_terms(x, "casting vote to be agreed\nconsensus to be agreed\ninterests { to be agreed }");
	assert_int_equal(open_ways(t, OPEN_CASTING), 2);
	assert_int_equal(open_ways(t, OPEN_CONSENSUS), 2);
	assert_int_equal(open_ways(t, OPEN_INTERESTS), DECIDE_MAX_INTEREST_WAYS);
	/* way 0 is the defaults */
	struct open_choice c = { { 0 } };
	struct terms v;
	open_agree(t, &c, &v);
	assert_false(v.casting_chair);
	assert_false(v.consensus_allowed);
	assert_int_equal(v.conflict_vote, CONFLICT_VOTE_VOID);
	/* the last way of each */
	c.way[OPEN_CASTING] = 1;
	c.way[OPEN_CONSENSUS] = 1;
	c.way[OPEN_INTERESTS] = DECIDE_MAX_INTEREST_WAYS - 1;
	open_agree(t, &c, &v);
	assert_true(v.casting_chair && v.consensus_allowed && v.conflict_leaves);
	assert_int_equal(v.conflict_vote, CONFLICT_VOTE_ALLOWED);
	assert_int_equal(v.conflict_quorum, CONFLICT_QUORUM_DEEMED);
	assert_string_equal(open_way_text(&x->f.arena, t, OPEN_INTERESTS, 11, 11),
	                    "conflicted vote: allowed, conflicted quorum: deemed present, conflicted leaves: yes");
	assert_string_equal(open_way_text(&x->f.arena, t, OPEN_INTERESTS, 11, 10), "conflicted vote: allowed");
	assert_string_equal(open_setting_name(OPEN_CONSENSUS), "decision by consensus");
	assert_null(open_clause(t, OPEN_CASTING));
}

/* explain and diff ask decide directly: a tie under a casting vote still
** to be agreed is undetermined there too; a clear vote is decided. */
static void test_decide_direct(void **state)
{
	FIXTURE_ENTER(struct state, x);
	const struct terms *t = load_terms(x, "casting vote §7 to be agreed");
	struct counts c = { 0 };
	c.n[COUNT_MEMBERS] = 5;
	c.n[COUNT_PRESENT] = c.n[COUNT_ELIGIBLE] = 4;
	struct scenario s;
	scenario_init(&s, &c, &c, NULL, 0);
	counts_set_votes(&s.votes, 2, 2, 0);
	struct decision d;
	decide(t, &s, &d, NULL);
	assert_int_equal(d.outcome, OUTCOME_UNDETERMINED);
	assert_int_equal(d.open.deciding, 1u << OPEN_CASTING);
	assert_int_equal(d.open.outcome[OPEN_CASTING][0], OUTCOME_NOT_CARRIED);
	counts_set_votes(&s.votes, 3, 1, 0);
	decide(t, &s, &d, NULL);
	assert_int_equal(d.outcome, OUTCOME_CARRIED);
	assert_int_equal(d.open.deciding, 0);
}

/* The model keeps a setting to be agreed at its default, marked open. */
static void test_model_flags(void **state)
{
	FIXTURE_ENTER(struct state, x);
	const struct terms *t = load_terms(x, "casting vote §7 to be agreed\nconsensus §8 to be agreed");
	assert_true(t->casting_tba && t->casting_stated && !t->casting_chair);
	assert_true(t->consensus_tba && t->consensus_stated && !t->consensus_allowed);
	assert_string_equal(t->casting_clause, "7");
	assert_string_equal(t->consensus_clause, "8");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_casting_tba_on_a_tie, setup, teardown),
		cmocka_unit_test_setup_teardown(test_casting_tba_recorded, setup, teardown),
		cmocka_unit_test_setup_teardown(test_casting_tba_clear_majority, setup, teardown),
		cmocka_unit_test_setup_teardown(test_casting_tba_declined, setup, teardown),
		cmocka_unit_test_setup_teardown(test_casting_unmentioned, setup, teardown),
		cmocka_unit_test_setup_teardown(test_consensus_tba, setup, teardown),
		cmocka_unit_test_setup_teardown(test_consensus_tba_vote, setup, teardown),
		cmocka_unit_test_setup_teardown(test_interests_tba_vote_matters, setup, teardown),
		cmocka_unit_test_setup_teardown(test_interests_tba_vote_does_not_matter, setup, teardown),
		cmocka_unit_test_setup_teardown(test_interests_tba_quorum_matters, setup, teardown),
		cmocka_unit_test_setup_teardown(test_interests_stated, setup, teardown),
		cmocka_unit_test_setup_teardown(test_quorum_tba_some_present, setup, teardown),
		cmocka_unit_test_setup_teardown(test_quorum_tba_everyone_present, setup, teardown),
		cmocka_unit_test_setup_teardown(test_quorum_tba_attendee_missing, setup, teardown),
		cmocka_unit_test_setup_teardown(test_quorum_tba_everyone_but_conflicted, setup, teardown),
		cmocka_unit_test_setup_teardown(test_open_ways, setup, teardown),
		cmocka_unit_test_setup_teardown(test_decide_direct, setup, teardown),
		cmocka_unit_test_setup_teardown(test_model_flags, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

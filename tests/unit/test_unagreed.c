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

/* ---- the usual motion decided the short way (decide_usual) ---- */

/* A pseudo-random number below n (the same run every time). */
static unsigned below(uint64_t *seed, unsigned n)
{
	*seed = *seed * 6364136223846793005u + 1442695040888963407u;
	return (unsigned)(*seed >> 33) % n;
}

/* Terms of five voting members under random settings: the quorum, the
** casting vote and consensus (now and then still to be agreed), a class
** chosen by an attribute and one for the rest, each now and then needing
** notice or another body's approval. */
static const struct terms *random_terms(struct state *x, uint64_t *seed)
{
	static const char *const casting[] = { "casting vote chair", "casting vote none", "casting vote to be agreed" };
	static const char *const consensus[] = { "consensus first", "consensus never", "consensus to be agreed" };
	static const char *const rules[] = { "yes > half of cast", "yes >= 2/3 of votes", "yes >= 75% of members",
	                                     "yes > no and yes >= 2", "not (no >= yes)" };
	static const char *const extra[] = { "", "", "", "\n    notice 14 days before", "\n    approval by \"B\"" };
	const char *text = arena_printf(&x->f.arena,
	                                "terms \"T\" {\n  effective 2024-01-01\n  role m \"Member\" voting\n"
	                                "  member m1 \"M1\" m\n  member m2 \"M2\" m\n  member m3 \"M3\" m\n"
	                                "  member m4 \"M4\" m\n  member m5 \"M5\" m\n"
	                                "  quorum §3 { require present >= %u }\n  %s\n  %s\n"
	                                "  class money §4 { when motion.financial\n    require yes >= 75%% of members%s }\n"
	                                "  class ordinary §5 { require %s%s }\n}\n",
	                                1 + below(seed, 5), casting[below(seed, 3)], consensus[below(seed, 3)],
	                                extra[below(seed, 5)], rules[below(seed, 5)], extra[below(seed, 5)]);
	struct source *src = arena_alloc(&x->f.arena, sizeof *src);
	source_from_memory(src, &x->f.arena, "terms.tor", text, strlen(text));
	x->t = terms_file_one(&x->f.arena, &x->f.diag, &x->f.ld, src);
	assert_non_null(x->t);
	return x->t;
}

/* A random motion of those terms' meetings: attendance, votes, how it was
** decided, the chair, now and then a casting vote, notice, an approval,
** an attribute or a decision outside a meeting; the quorum's verdict given
** (as eval gives it for a motion in the same room) or not. */
static void random_scenario(const struct terms *t, uint64_t *seed, struct expr_memo *memo, struct scenario *s)
{
	static struct attr financial = { "financial", { .type = VT_BOOL, .u.boolean = true } };
	struct counts c;
	counts_clear(&c, t->n_masks);
	int64_t present = below(seed, 6), yes = below(seed, 6), no = below(seed, 6), abstain = below(seed, 3);
	c.n[COUNT_MEMBERS] = 5;
	c.n[COUNT_PRESENT] = c.n[COUNT_ELIGIBLE] = present;
	scenario_init(s, &c, &c, below(seed, 6) == 0 ? &financial : NULL, 0);
	s->n_attrs = s->attrs ? 1 : 0;
	counts_set_votes(&s->votes, yes, no, abstain);
	s->voted = below(seed, 5) != 0;
	s->consensus = below(seed, 4) == 0;
	s->objections = below(seed, 4) == 0;
	s->declared = below(seed, 6) == 0 ? OUTCOME_CARRIED : OUTCOME_NONE;
	s->chair_absent = below(seed, 5) == 0;
	s->chair_conflicted = below(seed, 10) == 0;
	s->has_casting = below(seed, 8) == 0;
	s->casting = below(seed, 2) ? VOTE_FOR : VOTE_AGAINST;
	s->casting_declined = below(seed, 8) == 0;
	s->outside_meeting = below(seed, 10) == 0;
	s->notice_checked = s->approval_checked = true;
	s->day = 19857; /* 2024-05-14 */
	s->has_notice_given = below(seed, 2) == 0;
	s->notice_given = s->day - (qdate)below(seed, 30);
	s->approval = below(seed, 5) == 0 ? APPROVAL_RECORDED : APPROVAL_UNRECORDED;
	s->approval_body = "B";
	s->approval_on = s->day;
	s->votes_unreliable = below(seed, 12) == 0;
	s->memo = below(seed, 4) ? memo : NULL;
	if (below(seed, 2)) {
		s->quorum_given = true;
		s->quorum_verdict = decide_quorum_of(t, &s->quorum);
	}
}

/* Each requirement as decide evaluated it, the same twice? */
static void assert_same_checks(const struct req_check *a, const struct req_check *b, unsigned n)
{
	for (unsigned i = 0; i < n; i++) {
		assert_int_equal(a[i].status, b[i].status);
		assert_int_equal(a[i].met, b[i].met);
		assert_ptr_equal(a[i].kept, b[i].kept);
		unsigned steps = a[i].kept ? 0 : a[i].trace.n;
		assert_int_equal(steps, b[i].kept ? 0 : b[i].trace.n);
		for (unsigned k = 0; k < steps; k++) {
			assert_ptr_equal(a[i].trace.steps[k].cmp, b[i].trace.steps[k].cmp);
			assert_int_equal(a[i].trace.steps[k].result, b[i].trace.steps[k].result);
		}
	}
}

/* Wherever decide_usual takes a motion, its decision is decide's: on
** random terms and motions, field by field, with every requirement. */
static void test_usual_as_decided(void **state)
{
	FIXTURE_ENTER(struct state, x);
	uint64_t seed = 41;
	unsigned usual = 0, tried = 0;
	for (int round = 0; round < 300; round++) {
		const struct terms *t = random_terms(x, &seed);
		struct expr_memo *memo = expr_memo_new(&x->f.arena);
		struct decision_detail d1, d2;
		for (struct decision_detail *dd = &d1; dd; dd = dd == &d1 ? &d2 : NULL) {
			dd->quorum = arena_alloc(&x->f.arena, (t->n_quorum + 1) * sizeof *dd->quorum);
			dd->rules = arena_alloc(&x->f.arena, 4 * sizeof *dd->rules);
		}
		for (int k = 0; k < 100; k++) {
			struct scenario s;
			random_scenario(t, &seed, memo, &s);
			struct usual_motion u;
			tried++;
			if (!decide_usual_of(t, &s, &u))
				continue;
			struct decision a, b;
			decide(t, &s, &a, &d1);
			if (!decide_usual(t, &u, &b, &d2))
				continue;
			usual++;
			assert_int_equal(a.outcome, b.outcome);
			assert_int_equal(a.quorum, b.quorum);
			assert_ptr_equal(a.cls, b.cls);
			assert_ptr_equal(a.untestable, b.untestable);
			assert_int_equal(a.class_status, b.class_status);
			assert_int_equal(a.basis, b.basis);
			assert_int_equal(a.consensus, b.consensus);
			assert_int_equal(a.casting, b.casting);
			assert_int_equal(a.tie_unresolved, b.tie_unresolved);
			assert_int_equal(a.notice, b.notice);
			assert_int_equal(a.meeting, b.meeting);
			assert_int_equal(a.provisional, b.provisional);
			assert_int_equal(a.approval, b.approval);
			assert_int_equal(a.open.deciding, 0);
			assert_int_equal(d1.n_rules, d2.n_rules);
			for (unsigned i = 0; i < COUNT__N; i++)
				assert_int_equal(d1.counts.n[i], d2.counts.n[i]);
			assert_same_checks(d1.rules, d2.rules, d1.n_rules);
			if (!s.quorum_given)
				assert_same_checks(d1.quorum, d2.quorum, t->n_quorum);
		}
		fixture_free(&x->f);
		fixture_init(&x->f);
	}
	print_message("%u of %u motions decided the short way\n", usual, tried);
	/* the short way is taken often, and not always */
	assert_true(usual > tried / 20);
	assert_true(usual < tried / 2);
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
		cmocka_unit_test_setup_teardown(test_usual_as_decided, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
** Unit tests for src/run/eval.c: one meeting record judged against terms,
** both written in the language and parsed in memory.
**
** One group of tests per row of the "Semantics that must be exact" table
** and per check of "What every record is checked for"
** (/work/shared/design/language.md, docs/semantics.md).  Each case is chosen
** so that the obvious wrong implementation fails it: numbers exactly at a
** threshold and one below it, bases of zero, odd and even bases, fractions
** that differ only in the fourth decimal, a casting vote that must not turn a
** tie into a 75% majority, and so on.
**
** Every terms file here is built by terms_n(): voting members m1..mN (role
** `m`), one attending observer `obs1` (role `obs`, no vote), effective
** 2024-01-01, and the test's own items.  Meetings are on 2024-05-14 unless a
** test says otherwise.  Run from the repository root (stdlib/ is found there).
*/
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"
#include "memout.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/load.h"
#include "check/sema.h"
#include "front/parse.h"
#include "report/report.h"
#include "record/fastrec.h"
#include "record/minutes.h"
#include "run/eval.h"
#include "run/replay.h"

#include <unistd.h>

/* ==== harness ================================================================ */

#define TEXT_MAX 32768

struct run {
	struct fixture f;
	struct source tsrc, msrc;
	struct ast_file tfile, mfile;
	const struct terms *t;
	const struct meeting *m;
	const struct meeting_result *r;
	char terms_text[TEXT_MAX];
	char meeting_text[TEXT_MAX];
};

static const char *const stdlib_dirs[] = { "stdlib" };

FIXTURE_STATE(struct run)


/* Small strings for building records: a ring of buffers, printf-style. */
static const char *S(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static const char *S(const char *fmt, ...)
{
	static char ring[16][4096];
	static unsigned next;
	char *buf = ring[next++ % 16];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(buf, sizeof ring[0], fmt, ap);
	va_end(ap);
	assert_true(n >= 0 && (size_t)n < sizeof ring[0]);
	return buf;
}

/* "present m1, m2, ..., mk\n" */
static const char *P(unsigned k)
{
	static char ring[4][1024];
	static unsigned next;
	char *buf = ring[next++ % 4];
	size_t w = (size_t)snprintf(buf, sizeof ring[0], "present ");
	for (unsigned i = 1; i <= k; i++)
		w += (size_t)snprintf(buf + w, sizeof ring[0] - w, "%sm%u", i > 1 ? ", " : "", i);
	snprintf(buf + w, sizeof ring[0] - w, "\n");
	return buf;
}

/* Terms "T": n voting members m1..mn, observer obs1, then `extra`. */
static const char *terms_n(struct run *R, unsigned n, const char *extra)
{
	size_t w = 0, cap = sizeof R->terms_text;
	w += (size_t)snprintf(R->terms_text + w, cap - w,
	                      "terms \"T\" {\n"
	                      "  effective 2024-01-01\n"
	                      "  role m \"Member\" voting\n"
	                      "  role obs \"Observer\" attending\n");
	for (unsigned i = 1; i <= n; i++)
		w += (size_t)snprintf(R->terms_text + w, cap - w, "  member m%u \"Member %u\" m\n", i, i);
	w += (size_t)snprintf(R->terms_text + w, cap - w, "  member obs1 \"Observer\" obs\n%s\n}\n", extra);
	assert_true(w < cap);
	return R->terms_text;
}

/* meeting "M" on DATE for terms "T" */
static const char *meeting_on(struct run *R, const char *date, const char *body)
{
	int n = snprintf(R->meeting_text, sizeof R->meeting_text,
	                 "meeting \"M\" on %s {\n  terms \"T\"\n%s\n}\n", date, body);
	assert_true(n > 0 && (size_t)n < sizeof R->meeting_text);
	return R->meeting_text;
}

static const char *meeting(struct run *R, const char *body)
{
	return meeting_on(R, "2024-05-14", body);
}

static void dump_diags(struct run *R)
{
	diag_sort(&R->f.diag);
	for (size_t i = 0; i < R->f.diag.items.n; i++)
		diag_print(&R->f.diag.items.items[i], stderr, false);
}

static void dump_result(struct run *R)
{
	if (R->r)
		report_text_meeting(stderr, R->r, NULL);
}

static const struct node *first_item(const struct ast_file *f, enum node_kind kind)
{
	for (const struct node *n = f->items; n; n = n->next)
		if (n->kind == kind)
			return n;
	return NULL;
}

/* Parse and check the terms only (for tests of sema's warnings). */
static void check_terms(struct run *R, const char *terms_text)
{
	diag_init(&R->f.diag, &R->f.arena);
	loader_init(&R->f.ld, &R->f.arena, &R->f.diag, stdlib_dirs, 1);
	source_from_memory(&R->tsrc, &R->f.arena, "terms.tor", terms_text, strlen(terms_text));
	unsigned errs = parse_file(&R->f.arena, &R->f.diag, &R->tsrc, &R->tfile);
	const struct node *tn = first_item(&R->tfile, N_TERMS);
	if (errs || !tn) {
		dump_diags(R);
		fail_msg("the terms do not parse");
	}
	R->t = sema_terms(&R->f.arena, &R->f.diag, &R->f.ld, tn, &R->tsrc);
	if (!R->t) {
		dump_diags(R);
		fail_msg("the terms do not check");
	}
}

/* Parse both texts, check the terms, read the record and evaluate it. */
static void evaluate(struct run *R, const char *terms_text, const char *meeting_text)
{
	R->r = NULL;
	if (setjmp(R->f.oom) != 0)
		fail_msg("out of memory");
	check_terms(R, terms_text);
	source_from_memory(&R->msrc, &R->f.arena, "meeting.minutes", meeting_text, strlen(meeting_text));
	unsigned errs = parse_file(&R->f.arena, &R->f.diag, &R->msrc, &R->mfile);
	const struct node *mn = first_item(&R->mfile, N_MEETING);
	if (errs || !mn) {
		dump_diags(R);
		fail_msg("the record does not parse");
	}
	R->m = minutes_from_ast(&R->f.arena, &R->f.diag, mn, &R->msrc);
	if (!R->m || R->f.diag.n_errors) {
		dump_diags(R);
		fail_msg("the record is malformed");
	}
	R->r = eval_meeting(&R->f.arena, R->t, R->m);
	assert_non_null(R->r);
}

/* Motion `i`, counting from 1 as minutes do. */
static const struct motion_result *MR(struct run *R, unsigned i)
{
	if (i < 1 || i > R->r->n_motions) {
		dump_result(R);
		fail_msg("no motion %u (the record has %u)", i, R->r->n_motions);
	}
	return &R->r->motions[i - 1];
}

static unsigned count_in(const struct finding_list *l, enum finding_code code)
{
	unsigned n = 0;
	for (const struct finding *f = l->first; f; f = f->next)
		n += f->code == code;
	return n;
}

/* Findings with `code` at motion i, or about the meeting as a whole when i is 0. */
static unsigned findings(struct run *R, unsigned i, enum finding_code code)
{
	return count_in(i ? &MR(R, i)->findings : &R->r->findings, code);
}

static void expect_outcome_at(struct run *R, unsigned i, enum outcome want, int line)
{
	enum outcome got = MR(R, i)->outcome;
	if (got != want) {
		dump_result(R);
		fail_msg("line %d: motion %u is %s, expected %s", line, i, ast_outcome_name(got), ast_outcome_name(want));
	}
}
#define expect_outcome(R, i, want) expect_outcome_at((R), (i), (want), __LINE__)

static void expect_finding_at(struct run *R, unsigned i, enum finding_code code, bool want, int line)
{
	unsigned n = findings(R, i, code);
	if ((n > 0) != want) {
		dump_result(R);
		fail_msg("line %d: %s finding %s %s", line, i ? S("motion %u", i) : "the meeting",
		         want ? "lacks the" : "has an unexpected", finding_code_name(code));
	}
}
#define expect_finding(R, i, code) expect_finding_at((R), (i), (code), true, __LINE__)
#define expect_no_finding(R, i, code) expect_finding_at((R), (i), (code), false, __LINE__)

static void expect_count_at(struct run *R, unsigned i, enum count_kind k, int64_t want, int line)
{
	int64_t got = MR(R, i)->counts->n[k];
	if (got != want) {
		dump_result(R);
		fail_msg("line %d: motion %u: %s is %lld, expected %lld", line, i, ast_count_name(k),
		         (long long)got, (long long)want);
	}
}
#define expect_count(R, i, k, want) expect_count_at((R), (i), (k), (want), __LINE__)

/* The "votes needed" of the first requirement of motion i's class. */
static void expect_needed_at(struct run *R, unsigned i, int64_t needed, int line)
{
	const struct motion_result *mr = MR(R, i);
	if (mr->n_reqs < 1 || !mr->reqs[0].has_needed || mr->reqs[0].needed != needed) {
		dump_result(R);
		fail_msg("line %d: motion %u: expected 'needs %lld'", line, i, (long long)needed);
	}
}
#define expect_needed(R, i, n) expect_needed_at((R), (i), (n), __LINE__)

static bool has_diag(struct run *R, enum diag_code code)
{
	for (size_t i = 0; i < R->f.diag.items.n; i++)
		if (R->f.diag.items.items[i].code == code)
			return true;
	return false;
}

/* Common pieces of terms. */
#define Q_ANY "  quorum §3.1 { require present >= 1 }\n"
#define C_MAJ "  class ordinary §4.1 \"ordinary\" { require yes > half of cast }\n"
#define NO_CASTING "  casting vote none\n"
#define CHAIR_CASTS "  casting vote §4.2 chair\n"

/* ==== thresholds: base, comparison and fraction ================================ */

/* 2/3, 66.67% and 75% are three different rules; at 2 of 3 only 2/3 is met,
** at 4 of 6 (exactly two thirds) 66.67% is not met either. */
static void test_threshold_fractions_differ(void **state)
{
	char wbuf[REQ_WORKING_MAX];
	struct run *R = *state;
	evaluate(R, terms_n(R, 6, Q_ANY NO_CASTING
	                   "  class a { when motion.kind == \"a\" require yes >= 2/3 of cast }\n"
	                   "  class b { when motion.kind == \"b\" require yes >= 66.67% of cast }\n"
	                   "  class c { when motion.kind == \"c\" require yes >= 75% of cast }\n"
	                   C_MAJ),
	         meeting(R, S("chair m1\n%s"
	                      "motion 1 kind \"a\" { tally for 2 against 1 }\n"
	                      "motion 2 kind \"b\" { tally for 2 against 1 }\n"
	                      "motion 3 kind \"c\" { tally for 2 against 1 }\n"
	                      "motion 4 kind \"a\" { tally for 3 against 1 }\n"
	                      "motion 5 kind \"b\" { tally for 3 against 1 }\n"
	                      "motion 6 kind \"c\" { tally for 3 against 1 }\n"
	                      "motion 7 kind \"a\" { tally for 4 against 2 }\n"
	                      "motion 8 kind \"b\" { tally for 4 against 2 }\n"
	                      "motion 9 kind \"c\" { tally for 4 against 2 }\n", P(6))));
	expect_outcome(R, 1, OUTCOME_CARRIED);     /* 2 >= 2 */
	expect_outcome(R, 2, OUTCOME_NOT_CARRIED); /* 2 < 2.0001 */
	expect_outcome(R, 3, OUTCOME_NOT_CARRIED); /* 2 < 2.25 */
	expect_outcome(R, 4, OUTCOME_CARRIED);     /* 3 >= 8/3 */
	expect_outcome(R, 5, OUTCOME_CARRIED);     /* 3 >= 2.6668 */
	expect_outcome(R, 6, OUTCOME_CARRIED);     /* 3 >= 3, exactly */
	expect_outcome(R, 7, OUTCOME_CARRIED);     /* 4 >= 4, exactly */
	expect_outcome(R, 8, OUTCOME_NOT_CARRIED); /* 4 < 4.0002 */
	expect_outcome(R, 9, OUTCOME_NOT_CARRIED); /* 4 < 4.5 */
	expect_needed(R, 1, 2);
	expect_needed(R, 2, 3);
	expect_needed(R, 3, 3);
	expect_needed(R, 8, 5);
	expect_needed(R, 9, 5);
	assert_ptr_equal(MR(R, 2)->cls, &R->t->classes[1]);
	assert_false(MR(R, 2)->reqs[0].met);
	assert_non_null(strstr(req_working(&MR(R, 2)->reqs[0], wbuf), "66.67%"));
}

/* Exactly at the threshold is enough for "at least", one below is not. */
static void test_threshold_exactly_and_one_below(void **state)
{
	struct run *R = *state;
	evaluate(R, terms_n(R, 8, Q_ANY NO_CASTING
	                   "  class financial { when motion.financial require yes >= 75% of members }\n"
	                   "  class more { when motion.kind == \"gt\" require yes > 75% of members }\n"
	                   C_MAJ),
	         meeting(R, S("chair m1\n%s"
	                      "motion 1 financial { for m1, m2, m3, m4, m5, m6 against m7, m8 }\n"
	                      "motion 2 financial { for m1, m2, m3, m4, m5 against m6, m7, m8 }\n"
	                      "motion 3 kind \"gt\" { for m1, m2, m3, m4, m5, m6 against m7, m8 }\n"
	                      "motion 4 kind \"gt\" { for m1, m2, m3, m4, m5, m6, m7 against m8 }\n", P(8))));
	expect_outcome(R, 1, OUTCOME_CARRIED);     /* 6 >= 6 */
	expect_outcome(R, 2, OUTCOME_NOT_CARRIED); /* 5 < 6 */
	expect_outcome(R, 3, OUTCOME_NOT_CARRIED); /* 6 > 6 is false */
	expect_outcome(R, 4, OUTCOME_CARRIED);     /* 7 > 6 */
	expect_needed(R, 1, 6);
	expect_needed(R, 2, 6);
	expect_needed(R, 3, 7); /* "more than 6": floor + 1 */
	assert_int_equal(MR(R, 2)->reqs[0].have, 5);
}

/* "More than half of cast" on odd and even bases; "at least half" differs on a tie. */
static void test_threshold_odd_and_even_bases(void **state)
{
	struct run *R = *state;
	evaluate(R, terms_n(R, 10, Q_ANY NO_CASTING
	                   "  class ge { when motion.kind == \"ge\" require yes >= half of cast }\n"
	                   C_MAJ),
	         meeting(R, S("chair m1\n%s"
	                      "motion 1 { tally for 3 against 2 }\n"
	                      "motion 2 { tally for 3 against 3 }\n"
	                      "motion 3 { tally for 4 against 3 }\n"
	                      "motion 4 { tally for 5 against 5 }\n"
	                      "motion 5 { tally for 6 against 4 }\n"
	                      "motion 6 kind \"ge\" { tally for 3 against 3 }\n"
	                      "motion 7 kind \"ge\" { tally for 2 against 3 }\n"
	                      "motion 8 { tally for 3 against 2 abstain 5 }\n", P(10))));
	expect_outcome(R, 1, OUTCOME_CARRIED);     /* 3 > 2.5 */
	expect_outcome(R, 2, OUTCOME_NOT_CARRIED); /* 3 > 3 is false */
	expect_outcome(R, 3, OUTCOME_CARRIED);
	expect_outcome(R, 4, OUTCOME_NOT_CARRIED);
	expect_outcome(R, 5, OUTCOME_CARRIED);
	expect_outcome(R, 6, OUTCOME_CARRIED);     /* 3 >= 3 */
	expect_outcome(R, 7, OUTCOME_NOT_CARRIED);
	expect_outcome(R, 8, OUTCOME_CARRIED);     /* abstentions are not votes cast */
	expect_needed(R, 1, 3);
	expect_needed(R, 2, 4);
	expect_needed(R, 5, 6);
	expect_count(R, 8, COUNT_CAST, 5);
	expect_count(R, 8, COUNT_VOTES, 10);
	expect_count(R, 8, COUNT_ABSTAIN, 5);
}

/* Everyone abstains: a threshold over a base of 0 is not met, even "at least
** 3/4 of cast" where 0 >= 0.  Written directly, through std.majorities and
** through a rule with parameters. */
static void test_empty_base_nothing_carried(void **state)
{
	char wbuf[REQ_WORKING_MAX];
	struct run *R = *state;
	evaluate(R, terms_n(R, 5, "  use std.majorities\n" Q_ANY NO_CASTING
	                   "  class q { when motion.kind == \"q\" require yes >= 3/4 of cast }\n"
	                   "  class t { when motion.kind == \"t\" require two_thirds_of_cast }\n"
	                   "  class p { when motion.kind == \"p\" require at_least(3/4, cast) }\n"
	                   "  class v { when motion.kind == \"v\" require yes >= half of votes }\n"
	                   "  class r { when motion.kind == \"r\" require yes >= (1/2 of cast) rounded down }\n"
	                   C_MAJ),
	         meeting(R, S("chair m1\n%s"
	                      "motion 1 kind \"q\" { abstain m1, m2, m3, m4, m5 }\n"
	                      "motion 2 kind \"t\" { tally for 0 against 0 abstain 5 }\n"
	                      "motion 3 kind \"p\" { abstain m1, m2 }\n"
	                      "motion 4 kind \"v\" { tally for 0 against 0 abstain 0 }\n"
	                      "motion 5 kind \"r\" { abstain m1, m2, m3 }\n"
	                      "motion 6 { abstain m1, m2, m3, m4, m5 }\n"
	                      "motion 7 kind \"q\" { tally for 1 against 0 abstain 4 }\n", P(5))));
	for (unsigned i = 1; i <= 6; i++) {
		expect_outcome(R, i, OUTCOME_NOT_CARRIED);
		const struct req_result *q = &MR(R, i)->reqs[0];
		assert_false(q->failed);
		assert_false(q->met);
		/* "needs N, has M" must not claim that what is there is enough */
		if (q->has_needed && q->needed <= q->have) {
			dump_result(R);
			fail_msg("motion %u: not met, yet 'needs %lld, has %lld'", i, (long long)q->needed, (long long)q->have);
		}
	}
	assert_non_null(strstr(req_working(&MR(R, 1)->reqs[0], wbuf), "base is 0"));
	expect_outcome(R, 7, OUTCOME_CARRIED); /* 1 of 1 cast: the base is not empty */
}

/* The same promise, "if everyone present abstains, nothing is carried",
** for a threshold written with `not`.  FAILS at the time of writing: see
** the report (a comparison over an empty base is forced to false, and `not`
** then turns it into true). */
static void test_empty_base_under_not(void **state)
{
	struct run *R = *state;
	evaluate(R, terms_n(R, 5, Q_ANY NO_CASTING
	                   "  class n { when motion.kind == \"n\" require not (yes < 3/4 of cast) }\n"
	                   C_MAJ),
	         meeting(R, S("chair m1\n%s"
	                      "motion 1 kind \"n\" { abstain m1, m2, m3, m4, m5 }\n"
	                      "motion 2 kind \"n\" { tally for 3 against 1 }\n"
	                      "motion 3 kind \"n\" { tally for 2 against 1 }\n", P(5))));
	expect_outcome(R, 2, OUTCOME_CARRIED);     /* not (3 < 3) */
	expect_outcome(R, 3, OUTCOME_NOT_CARRIED); /* not (2 < 2.25) */
	expect_outcome(R, 1, OUTCOME_NOT_CARRIED); /* everyone abstained */
}

/* "50% + 1" read literally against "more than half", with 11 and 10 cast. */
static void test_fifty_percent_plus_one(void **state)
{
	struct run *R = *state;
	evaluate(R, terms_n(R, 12, Q_ANY NO_CASTING
	                   "  class literal §4.3 { when motion.kind == \"lit\" require yes >= 50% of cast + 1 }\n"
	                   C_MAJ),
	         meeting(R, S("chair m1\n%s"
	                      "motion 1 kind \"lit\" { tally for 6 against 5 }\n"
	                      "motion 2 { tally for 6 against 5 }\n"
	                      "motion 3 kind \"lit\" { tally for 6 against 4 }\n"
	                      "motion 4 { tally for 6 against 4 }\n"
	                      "motion 5 kind \"lit\" { tally for 5 against 5 }\n"
	                      "motion 6 { tally for 5 against 5 }\n", P(12))));
	expect_outcome(R, 1, OUTCOME_NOT_CARRIED); /* 6 >= 6.5 is false */
	expect_outcome(R, 2, OUTCOME_CARRIED);     /* 6 > 5.5 */
	expect_outcome(R, 3, OUTCOME_CARRIED);     /* 6 >= 6 */
	expect_outcome(R, 4, OUTCOME_CARRIED);     /* 6 > 5 */
	expect_outcome(R, 5, OUTCOME_NOT_CARRIED);
	expect_outcome(R, 6, OUTCOME_NOT_CARRIED);
	expect_needed(R, 1, 7);
	expect_needed(R, 2, 6);
	expect_needed(R, 3, 6);
	expect_needed(R, 4, 6);
	/* check warns about the literal reading, and only about it */
	assert_true(has_diag(R, D_FIFTY_PLUS_ONE));
	unsigned n = 0;
	for (size_t i = 0; i < R->f.diag.items.n; i++)
		n += R->f.diag.items.items[i].code == D_FIFTY_PLUS_ONE;
	assert_int_equal(n, 1);
}

/* Votes needed, shown as a whole number: ceiling for "at least", floor + 1
** for "more than". */
static void test_votes_needed(void **state)
{
	struct run *R = *state;
	evaluate(R, terms_n(R, 9, Q_ANY NO_CASTING
	                   "  class m75 { when motion.kind == \"m75\" require yes >= 75% of members }\n"
	                   "  class gt23 { when motion.kind == \"gt23\" require yes > 2/3 of cast }\n"
	                   "  class ge23 { when motion.kind == \"ge23\" require yes >= 2/3 of cast }\n"
	                   C_MAJ),
	         meeting(R, S("chair m1\n%s"
	                      "motion 1 kind \"m75\" { tally for 4 against 1 }\n"
	                      "motion 2 { tally for 2 against 2 }\n"
	                      "motion 3 { tally for 3 against 2 }\n"
	                      "motion 4 kind \"gt23\" { tally for 4 against 2 }\n"
	                      "motion 5 kind \"ge23\" { tally for 4 against 2 }\n", P(9))));
	expect_needed(R, 1, 7); /* 6.75 -> 7 */
	expect_needed(R, 2, 3); /* more than 2 */
	expect_needed(R, 3, 3); /* more than 2.5 */
	expect_needed(R, 4, 5); /* more than 4 */
	expect_needed(R, 5, 4); /* at least 4 */
	expect_outcome(R, 4, OUTCOME_NOT_CARRIED);
	expect_outcome(R, 5, OUTCOME_CARRIED);
	assert_int_equal(MR(R, 1)->reqs[0].have, 4);
}

/* ==== quorum ==================================================================== */

/* One motion, k of n present; returns whether the meeting was quorate. */
static bool quorate_with(struct run *R, unsigned n, const char *quorum_rule, unsigned k)
{
	evaluate(R, terms_n(R, n, S("  quorum §3.1 { require %s }\n" NO_CASTING C_MAJ, quorum_rule)),
	         meeting(R, S("chair m1\n%smotion 1 { for m1 }\n", P(k))));
	const struct motion_result *mr = MR(R, 1);
	assert_true(mr->quorum_known);
	if (mr->quorate) {
		expect_outcome(R, 1, OUTCOME_CARRIED);
		expect_no_finding(R, 1, F_INQUORATE);
	} else {
		expect_outcome(R, 1, OUTCOME_VOID);
		expect_finding(R, 1, F_INQUORATE);
	}
	return mr->quorate;
}

/* `present >= 1/3 of members` is a minimum attendance: 13 members need 5. */
static void test_quorum_fraction(void **state)
{
	struct run *R = *state;
	assert_true(quorate_with(R, 13, "present >= 1/3 of members", 5));
	assert_false(quorate_with(R, 13, "present >= 1/3 of members", 4));
	assert_int_equal(MR(R, 1)->quorum[0].needed, 5);
	assert_true(quorate_with(R, 12, "present >= 1/3 of members", 4));
	assert_false(quorate_with(R, 12, "present >= 1/3 of members", 3));
	assert_true(quorate_with(R, 10, "present > half of members", 6));
	assert_false(quorate_with(R, 10, "present > half of members", 5));
}

static void test_quorum_rounding(void **state)
{
	struct run *R = *state;
	/* 13/3 = 4.33 */
	assert_true(quorate_with(R, 13, "present >= 1/3 of members rounded down", 4));
	assert_false(quorate_with(R, 13, "present >= 1/3 of members rounded down", 3));
	assert_false(quorate_with(R, 13, "present >= 1/3 of members rounded up", 4));
	assert_true(quorate_with(R, 13, "present >= 1/3 of members rounded up", 5));
	assert_true(quorate_with(R, 13, "present >= 1/3 of members rounded to nearest", 4));
	assert_false(quorate_with(R, 13, "present >= 1/3 of members rounded to nearest", 3));
	/* 14/3 = 4.67: nearest and down differ */
	assert_false(quorate_with(R, 14, "present >= 1/3 of members rounded to nearest", 4));
	assert_true(quorate_with(R, 14, "present >= 1/3 of members rounded to nearest", 5));
	assert_true(quorate_with(R, 14, "present >= 1/3 of members rounded down", 4));
	/* 9/2 = 4.5: halves round away from zero */
	assert_false(quorate_with(R, 9, "present >= half of members rounded to nearest", 4));
	assert_true(quorate_with(R, 9, "present >= half of members rounded to nearest", 5));
	assert_true(quorate_with(R, 9, "present >= half of members rounded down", 4));
	/* the std helper with a parameter */
	evaluate(R, terms_n(R, 13, "  use std.majorities\n"
	                           "  quorum { require quorum_fraction_of_members(1/3) }\n" NO_CASTING C_MAJ),
	         meeting(R, S("chair m1\n%smotion 1 { for m1 }\n", P(4))));
	expect_outcome(R, 1, OUTCOME_VOID);
}

/* Quorum is checked at every motion with that motion's attendance: a
** departure makes the next motion void whatever the minutes say, and an
** arrival restores it. */
static void test_quorum_lost_part_way(void **state)
{
	struct run *R = *state;
	evaluate(R, terms_n(R, 7, "  quorum §3.1 { require present >= 6 }\n" NO_CASTING C_MAJ),
	         meeting(R, S("chair m1\n%s"
	                      "motion 1 { for m1, m2, m3, m4 against m5 recorded carried }\n"
	                      "leaves m6\n"
	                      "motion 2 { for m1, m2, m3, m4 against m5 recorded carried }\n"
	                      "arrives m6\n"
	                      "motion 3 { for m1, m2, m3, m4 against m5 recorded carried }\n", P(6))));
	expect_outcome(R, 1, OUTCOME_CARRIED);
	expect_outcome(R, 2, OUTCOME_VOID);
	expect_outcome(R, 3, OUTCOME_CARRIED);
	assert_true(MR(R, 1)->quorate);
	assert_false(MR(R, 2)->quorate);
	assert_int_equal(MR(R, 2)->quorum_present, 5);
	expect_finding(R, 2, F_INQUORATE);
	expect_finding(R, 2, F_MISMATCH);
	expect_no_finding(R, 1, F_MISMATCH);
	expect_no_finding(R, 3, F_MISMATCH);
	assert_int_equal(R->r->mismatches, 1);
	assert_true(meeting_result_failed(R->r));
	assert_int_equal(R->r->present_at_start, 6);
	assert_int_equal(R->r->members, 7);
}

/* The minutes of a void motion disagree because of the quorum, so the
** mismatch must cite the quorum's clause, not the class's (whose rule was
** met).  FAILS at the time of writing: see the report. */
static void test_void_mismatch_cites_quorum_clause(void **state)
{
	struct run *R = *state;
	evaluate(R, terms_n(R, 7, "  quorum §3.1 { require present >= 6 }\n" NO_CASTING C_MAJ),
	         meeting(R, S("chair m1\n%smotion 1 { for m1, m2, m3, m4 against m5 recorded carried }\n", P(5))));
	expect_outcome(R, 1, OUTCOME_VOID);
	const struct finding *f = MR(R, 1)->findings.first;
	while (f && f->code != F_MISMATCH)
		f = f->next;
	assert_non_null(f);
	assert_non_null(f->clause);
	assert_string_equal(f->clause, "3.1");
}

/* A quorum naming roles: one of them must be present. */
static void test_quorum_by_role(void **state)
{
	struct run *R = *state;
	const char *terms = terms_n(R, 6, "  role lead \"Clinical Lead\" voting\n"
	                                  "  member lee \"Dr Lee\" lead clinician\n"
	                                  "  quorum §3.1 { require present >= 4\n"
	                                  "                require present(lead) >= 1 }\n" NO_CASTING C_MAJ);
	evaluate(R, terms, meeting(R, S("chair m1\n%s"
	                                "motion 1 { for m1, m2 }\n"
	                                "arrives lee\n"
	                                "motion 2 { for m1, m2 }\n", P(6))));
	expect_outcome(R, 1, OUTCOME_VOID);
	assert_true(MR(R, 1)->quorum[0].met);
	assert_false(MR(R, 1)->quorum[1].met);
	expect_outcome(R, 2, OUTCOME_CARRIED);
	assert_int_equal(R->r->members, 7);
}

/* ==== declared interests ========================================================= */

#define INTERESTS(vote, quorum, leaves) \
	"  interests §3.4 { conflicted vote: " vote "  conflicted quorum: " quorum "  conflicted leaves: " leaves " }\n"

/* m2 declares an interest and votes; votes decide 2-1 or 1-1. */
static void conflicted_vote(struct run *R, const char *interests)
{
	evaluate(R, terms_n(R, 5, S(Q_ANY NO_CASTING "%s" C_MAJ, interests)),
	         meeting(R, S("chair m1\n%s"
	                      "motion 1 { interest m2 \"partner at the site\"\n"
	                      "           for m1, m2 against m3 }\n", P(5))));
}

static void test_interest_vote_void(void **state)
{
	struct run *R = *state;
	conflicted_vote(R, INTERESTS("void", "excluded", "no"));
	expect_outcome(R, 1, OUTCOME_NOT_CARRIED); /* 1 to 1 */
	expect_finding(R, 1, F_VOTE_CONFLICTED);
	expect_no_finding(R, 1, F_INTEREST_STAYED);
	expect_count(R, 1, COUNT_YES, 1);
	expect_count(R, 1, COUNT_PRESENT, 5);
	expect_count(R, 1, COUNT_CONFLICTED, 1);
	expect_count(R, 1, COUNT_ELIGIBLE, 4);
	assert_int_equal(finding_default_severity(F_VOTE_CONFLICTED), SEV_BREACH);
	assert_true(meeting_result_failed(R->r));
	/* the default is the same */
	conflicted_vote(R, "");
	expect_outcome(R, 1, OUTCOME_NOT_CARRIED);
	expect_finding(R, 1, F_VOTE_CONFLICTED);
}

static void test_interest_vote_allowed(void **state)
{
	struct run *R = *state;
	conflicted_vote(R, INTERESTS("allowed", "counted", "no"));
	expect_outcome(R, 1, OUTCOME_CARRIED); /* 2 to 1 */
	expect_no_finding(R, 1, F_VOTE_CONFLICTED);
	expect_count(R, 1, COUNT_YES, 2);
	expect_count(R, 1, COUNT_ELIGIBLE, 5);
	expect_count(R, 1, COUNT_CONFLICTED, 1);
	assert_false(meeting_result_failed(R->r));
}

/* Must leave: the vote of one who stayed is void even where votes are allowed. */
static void test_interest_must_leave(void **state)
{
	struct run *R = *state;
	conflicted_vote(R, INTERESTS("allowed", "counted", "yes"));
	expect_outcome(R, 1, OUTCOME_NOT_CARRIED);
	expect_finding(R, 1, F_INTEREST_STAYED);
	expect_finding(R, 1, F_VOTE_CONFLICTED);
	expect_count(R, 1, COUNT_YES, 1);
	expect_count(R, 1, COUNT_PRESENT, 4);  /* out of the room for this item */
	expect_count(R, 1, COUNT_ELIGIBLE, 4);
	conflicted_vote(R, INTERESTS("void", "excluded", "no"));
	expect_no_finding(R, 1, F_INTEREST_STAYED);
}

/* m2 declares an interest and does not vote; the quorum is all 5. */
static void conflicted_quorum(struct run *R, const char *interests, const char *before, const char *after)
{
	evaluate(R, terms_n(R, 5, S("  quorum §3.1 { require present >= 5 }\n" NO_CASTING "%s" C_MAJ, interests)),
	         meeting(R, S("chair m1\n%s%s"
	                      "motion 1 { interest m2\n"
	                      "           for m1, m3, m4 against m5 }\n%s", P(5), before, after)));
}

static void test_interest_quorum_settings(void **state)
{
	struct run *R = *state;
	conflicted_quorum(R, INTERESTS("void", "excluded", "no"), "", "");
	expect_outcome(R, 1, OUTCOME_VOID);
	assert_int_equal(MR(R, 1)->quorum_present, 4);
	expect_finding(R, 1, F_INQUORATE);

	conflicted_quorum(R, "", "", ""); /* excluded is the default */
	expect_outcome(R, 1, OUTCOME_VOID);

	conflicted_quorum(R, INTERESTS("void", "counted", "no"), "", "");
	expect_outcome(R, 1, OUTCOME_CARRIED);
	assert_int_equal(MR(R, 1)->quorum_present, 5);

	conflicted_quorum(R, INTERESTS("void", "counted", "yes"), "", "");
	expect_outcome(R, 1, OUTCOME_VOID); /* counted only while in the room */

	conflicted_quorum(R, INTERESTS("void", "deemed present", "no"), "", "");
	expect_outcome(R, 1, OUTCOME_CARRIED);

	conflicted_quorum(R, INTERESTS("void", "deemed present", "yes"), "", "");
	expect_outcome(R, 1, OUTCOME_CARRIED);
	assert_int_equal(MR(R, 1)->quorum_present, 5);
	expect_count(R, 1, COUNT_PRESENT, 4); /* but not present for the class rule */
}

/* "Deemed present even if they left": the secretary records the departure
** for the item.  FAILS at the time of writing: see the report. */
static void test_interest_deemed_present_after_leaving(void **state)
{
	struct run *R = *state;
	conflicted_quorum(R, INTERESTS("void", "deemed present", "yes"), "leaves m2\n", "arrives m2\n");
	expect_no_finding(R, 1, F_INQUORATE);
	assert_int_equal(MR(R, 1)->quorum_present, 5);
	expect_outcome(R, 1, OUTCOME_CARRIED);
}

/* ==== one person, one vote ======================================================== */

/* A member with two voting roles is one member, one vote, one towards the quorum. */
static void test_two_voting_roles_one_vote(void **state)
{
	struct run *R = *state;
	const char *terms = terms_n(R, 3, "  role lead \"Clinical Lead\" voting\n"
	                                  "  member x \"Dr X\" lead m\n"
	                                  "  quorum §3.1 { require present >= 3\n"
	                                  "                require present(lead, m) >= 3 }\n" NO_CASTING C_MAJ);
	evaluate(R, terms, meeting(R, "chair x\npresent x, m1\nmotion 1 { for x against m1 }\n"));
	expect_outcome(R, 1, OUTCOME_VOID);
	assert_int_equal(MR(R, 1)->quorum_present, 2);
	assert_int_equal(R->r->members, 4);

	evaluate(R, terms, meeting(R, "chair x\npresent x, m1, m2\n"
	                              "motion 1 { for x against m1 }\n"
	                              "motion 2 { for x, x against m1 }\n"));
	expect_outcome(R, 1, OUTCOME_NOT_CARRIED); /* 1 to 1 */
	expect_count(R, 1, COUNT_YES, 1);
	expect_count(R, 1, COUNT_MEMBERS, 4);
	expect_count(R, 1, COUNT_PRESENT, 3);
	expect_outcome(R, 2, OUTCOME_NOT_CARRIED);
	expect_count(R, 2, COUNT_YES, 1); /* recorded twice, counted once */
	expect_finding(R, 2, F_VOTE_TWICE);
}

/* Recorded both for and against: neither counts.  2 for, 1 against is
** carried at 2/3; counting both (3-2) or either one alone (3-1 is carried
** too, 2-2 is not) gives other answers, so the counts are checked too. */
static void test_vote_for_and_against(void **state)
{
	struct run *R = *state;
	evaluate(R, terms_n(R, 5, Q_ANY NO_CASTING "  class c { require yes >= 2/3 of cast }\n"),
	         meeting(R, S("chair m1\n%s"
	                      "motion 1 { for m1, m2, m4 against m3, m2 }\n"
	                      "motion 2 { against m2 for m1, m2, m4 against m3 for m2 }\n", P(5))));
	for (unsigned i = 1; i <= 2; i++) {
		expect_outcome(R, i, OUTCOME_CARRIED);
		expect_count(R, i, COUNT_YES, 2);
		expect_count(R, i, COUNT_NO, 1);
		expect_count(R, i, COUNT_CAST, 3);
		expect_finding(R, i, F_VOTE_TWICE);
	}
	assert_int_equal(finding_default_severity(F_VOTE_TWICE), SEV_BREACH);
}

/* Attendees without a vote, absent members and non-members have none. */
static void test_votes_without_a_vote(void **state)
{
	struct run *R = *state;
	evaluate(R, terms_n(R, 5, Q_ANY NO_CASTING C_MAJ),
	         meeting(R, "chair m1\npresent m1, m2, m3, m4\napologies m5\nattending obs1\n"
	                    "motion 1 { for m1, obs1 against m2 }\n"
	                    "motion 2 { for m1, m5 against m2 }\n"
	                    "motion 3 { for m1, zed against m2 }\n"
	                    "leaves m4\n"
	                    "motion 4 { for m1, m4 against m2 }\n"));
	for (unsigned i = 1; i <= 4; i++) {
		/* 1 to 1 in each; zed, whom the roster does not have, may be m3
		** or m4 (present, no vote under their own name): 2 to 1 */
		expect_outcome(R, i, i == 3 ? OUTCOME_UNDETERMINED : OUTCOME_NOT_CARRIED);
		expect_count(R, i, COUNT_YES, 1);
		expect_count(R, i, COUNT_CAST, 2);
	}
	expect_finding(R, 1, F_VOTE_NON_VOTING);
	expect_finding(R, 2, F_VOTE_ABSENT);
	expect_finding(R, 3, F_VOTE_NON_MEMBER);
	expect_finding(R, 3, F_UNPLACED_DECIDES);
	expect_finding(R, 4, F_VOTE_ABSENT);
	/* the observer counts nowhere */
	expect_count(R, 1, COUNT_MEMBERS, 5);
	expect_count(R, 1, COUNT_PRESENT, 4);
	assert_int_equal(R->r->present_at_start, 4);
	for (unsigned i = 1; i <= 2; i++)
		assert_true(MR(R, i)->findings.first->sev == SEV_BREACH);
}

/* A name the roster does not have is one mistake, said once; each motion it
** could change is judged under every person it could be. */
static void test_unplaced_names(void **state)
{
	struct run *R = *state;
	const char *terms = terms_n(R, 5, "  quorum §3.1 { require present >= 4 }\n" NO_CASTING C_MAJ);
	/* m4 misspelt in the attendance: as written 3 present, inquorate */
	evaluate(R, terms, meeting(R, "chair m1\npresent m1, m2, m3, mm4\n"
	                              "motion 1 { for m1, m2, m4 against m3 }\n"
	                              "motion 2 { for m1 against m2, m3 }\n"
	                              "leaves mm4\n"
	                              "motion 3 { for m1, m2 against m3 }\n"));
	assert_int_equal(findings(R, 0, F_UNKNOWN_PERSON), 1);
	expect_outcome(R, 1, OUTCOME_UNDETERMINED); /* void as written, carried as m4 */
	expect_finding(R, 1, F_UNPLACED_DECIDES);
	expect_no_finding(R, 1, F_VOTE_ABSENT);     /* m4 may be mm4 */
	expect_no_finding(R, 1, F_INQUORATE);
	expect_outcome(R, 2, OUTCOME_UNDETERMINED); /* void, or not carried */
	expect_outcome(R, 3, OUTCOME_VOID);          /* mm4 has left: 3 present whoever it was */
	expect_no_finding(R, 3, F_UNPLACED_DECIDES);
	expect_finding(R, 3, F_INQUORATE);
	/* the same whoever it is: a note */
	evaluate(R, terms, meeting(R, "chair m1\npresent m1, m2, m3, m4, xx\n"
	                              "motion 1 { for m1, m2, m3 against m4 }\n"));
	expect_outcome(R, 1, OUTCOME_CARRIED);
	expect_finding(R, 1, F_UNPLACED_SAME);
	/* more names in the room than are tried at once */
	evaluate(R, terms, meeting(R, "chair m1\npresent m1, m2, m3, m4, xa, xb, xc, xd, xe\n"
	                              "motion 1 { for m1, m2, m3 against m4 }\n"));
	expect_outcome(R, 1, OUTCOME_UNDETERMINED);
	expect_finding(R, 1, F_UNPLACED_DECIDES);
	assert_int_equal(findings(R, 0, F_UNKNOWN_PERSON), 5);
	/* an unknown chair is said once, not at every motion */
	evaluate(R, terms, meeting(R, "chair zz\npresent m1, m2, m3, m4\n"
	                              "motion 1 { for m1, m2, m3 against m4 }\n"
	                              "motion 2 { for m1, m2, m3 against m4 }\n"));
	assert_int_equal(findings(R, 0, F_UNKNOWN_PERSON), 1);
	expect_no_finding(R, 1, F_CHAIR_ABSENT);
	expect_no_finding(R, 2, F_CHAIR_ABSENT);
	expect_outcome(R, 2, OUTCOME_CARRIED);
}

/* The roster on the meeting date: from/until are inclusive. */
static void test_member_outside_dates(void **state)
{
	struct run *R = *state;
	const char *terms = terms_n(R, 4, "  member late \"Late\" m from 2024-05-15\n"
	                                  "  member gone \"Gone\" m until 2024-05-13\n"
	                                  "  member first \"First day\" m from 2024-05-14\n"
	                                  "  member last \"Last day\" m until 2024-05-14\n"
	                                  "  quorum §3.1 { require present >= 6 }\n" NO_CASTING C_MAJ);
	evaluate(R, terms, meeting(R, "chair m1\npresent m1, m2, m3, m4, late, gone, first, last\n"
	                              "motion 1 { for late, gone, first against m1 }\n"));
	assert_int_equal(R->r->members, 6);
	assert_int_equal(findings(R, 0, F_NOT_ON_ROSTER), 2);
	assert_int_equal(findings(R, 1, F_VOTE_NON_MEMBER), 2);
	expect_count(R, 1, COUNT_YES, 1);
	expect_count(R, 1, COUNT_PRESENT, 6);
	expect_outcome(R, 1, OUTCOME_NOT_CARRIED);
	assert_true(MR(R, 1)->quorate);
	/* the day after `until`, that member is gone too */
	evaluate(R, terms, meeting_on(R, "2024-05-15", "chair m1\npresent m1, m2, m3, m4, late, first, last\n"
	                                               "motion 1 { for late, last against m1 }\n"));
	assert_int_equal(R->r->members, 6); /* m1-m4, late, first */
	expect_count(R, 1, COUNT_YES, 1);
	expect_finding(R, 1, F_VOTE_NON_MEMBER);
	expect_no_finding(R, 0, F_NOT_IN_FORCE);
}

/* ==== ties and the casting vote ==================================================== */

static void tie(struct run *R, const char *casting_setting, const char *klass, const char *motion_items)
{
	evaluate(R, terms_n(R, 6, S(Q_ANY "%s%s", casting_setting, klass)),
	         meeting(R, S("chair m1\n%smotion 1 { %s }\n", P(6), motion_items)));
}

#define THREE_ALL "for m1, m2, m3 against m4, m5, m6"

static void test_casting_vote_decides_a_tie(void **state)
{
	struct run *R = *state;
	tie(R, CHAIR_CASTS, C_MAJ, THREE_ALL " casting for recorded carried");
	expect_outcome(R, 1, OUTCOME_CARRIED);
	assert_true(MR(R, 1)->casting_applied);
	expect_count(R, 1, COUNT_YES, 4);
	expect_count(R, 1, COUNT_CAST, 7);
	expect_finding(R, 1, F_CASTING_USED);
	assert_int_equal(finding_default_severity(F_CASTING_USED), SEV_NOTE);
	expect_no_finding(R, 1, F_MISMATCH);
	assert_false(meeting_result_failed(R->r));

	tie(R, CHAIR_CASTS, C_MAJ, THREE_ALL " casting against recorded not carried");
	expect_outcome(R, 1, OUTCOME_NOT_CARRIED);
	expect_count(R, 1, COUNT_NO, 4);
	expect_no_finding(R, 1, F_MISMATCH);
}

/* `casting declined`: the tie stands and the rule decides it as it stands,
** with a note; never undetermined, never two warnings. */
static void test_casting_declined(void **state)
{
	struct run *R = *state;
	tie(R, CHAIR_CASTS, C_MAJ, THREE_ALL " casting declined recorded not carried");
	expect_outcome(R, 1, OUTCOME_NOT_CARRIED);
	assert_false(MR(R, 1)->casting_applied);
	assert_true(MR(R, 1)->motion->casting_declined);
	expect_count(R, 1, COUNT_YES, 3);
	expect_count(R, 1, COUNT_NO, 3);
	expect_finding(R, 1, F_CASTING_DECLINED);
	assert_int_equal(finding_default_severity(F_CASTING_DECLINED), SEV_NOTE);
	expect_no_finding(R, 1, F_TIE_UNRESOLVED);
	expect_no_finding(R, 1, F_UNDETERMINED);
	expect_no_finding(R, 1, F_MISMATCH);
	assert_int_equal(R->r->count_by_sev[SEV_WARNING], 0);
	/* a rule a tie can meet ("at least half") is met as it stands */
	tie(R, CHAIR_CASTS, "  class any { require yes >= half of cast }\n", THREE_ALL " casting declined recorded carried");
	expect_outcome(R, 1, OUTCOME_CARRIED);
	/* declined where there is no tie, or no casting vote to decline: a note, nothing changes */
	tie(R, CHAIR_CASTS, C_MAJ, "for m1, m2, m3, m4 against m5, m6 casting declined recorded carried");
	expect_outcome(R, 1, OUTCOME_CARRIED);
	expect_finding(R, 1, F_CASTING_DECLINED);
	tie(R, NO_CASTING, C_MAJ, THREE_ALL " casting declined recorded not carried");
	expect_outcome(R, 1, OUTCOME_NOT_CARRIED);
	expect_finding(R, 1, F_CASTING_DECLINED);
}

/* A meeting dated before the terms take effect: nothing is decided (as
** replay judges nothing), whatever the votes; the finding says why. */
static void test_terms_not_in_force_decide_nothing(void **state)
{
	struct run *R = *state;
	evaluate(R, terms_n(R, 5, Q_ANY NO_CASTING C_MAJ),
	         meeting_on(R, "2023-12-31", S("chair m1\n%smotion 1 { for m1, m2, m3, m4 recorded carried }\n", P(5))));
	expect_finding(R, 0, F_NOT_IN_FORCE);
	expect_outcome(R, 1, OUTCOME_UNDETERMINED);
	expect_finding(R, 1, F_UNDETERMINED);
	expect_no_finding(R, 1, F_MISMATCH);
	/* the same meeting a day later is decided */
	evaluate(R, terms_n(R, 5, Q_ANY NO_CASTING C_MAJ),
	         meeting_on(R, "2024-01-01", S("chair m1\n%smotion 1 { for m1, m2, m3, m4 recorded carried }\n", P(5))));
	expect_outcome(R, 1, OUTCOME_CARRIED);
}

static void test_casting_vote_where_terms_give_none(void **state)
{
	struct run *R = *state;
	tie(R, NO_CASTING, C_MAJ, THREE_ALL " casting for");
	expect_outcome(R, 1, OUTCOME_NOT_CARRIED);
	assert_false(MR(R, 1)->casting_applied);
	expect_finding(R, 1, F_CASTING_DENIED);
	expect_no_finding(R, 1, F_TIE_UNRESOLVED);
	expect_count(R, 1, COUNT_YES, 3);
	/* unstated: no casting vote either */
	tie(R, "", C_MAJ, THREE_ALL " casting for");
	expect_outcome(R, 1, OUTCOME_NOT_CARRIED);
	expect_finding(R, 1, F_CASTING_DENIED);
}

static void test_casting_vote_without_a_tie(void **state)
{
	struct run *R = *state;
	tie(R, CHAIR_CASTS, C_MAJ, "for m1, m2, m3, m4 against m5, m6 casting against");
	expect_outcome(R, 1, OUTCOME_CARRIED);
	assert_false(MR(R, 1)->casting_applied);
	expect_finding(R, 1, F_CASTING_NO_TIE);
	expect_count(R, 1, COUNT_NO, 2);
	/* 0 to 0 (everyone abstains) is not an equality of votes cast */
	tie(R, CHAIR_CASTS, C_MAJ, "abstain m1, m2, m3 casting for");
	expect_outcome(R, 1, OUTCOME_NOT_CARRIED);
	assert_false(MR(R, 1)->casting_applied);
	expect_finding(R, 1, F_CASTING_NO_TIE);
}

/* A chair who declared an interest has no casting vote; one presiding for
** the item instead has. */
static void test_casting_vote_by_conflicted_chair(void **state)
{
	struct run *R = *state;
	tie(R, CHAIR_CASTS, C_MAJ, "interest m1 for m2, m3 against m4, m5 casting for");
	expect_outcome(R, 1, OUTCOME_NOT_CARRIED);
	assert_false(MR(R, 1)->casting_applied);
	expect_finding(R, 1, F_CASTING_CONFLICTED);
	expect_no_finding(R, 1, F_TIE_UNRESOLVED); /* nobody could cast */

	tie(R, CHAIR_CASTS, C_MAJ, "interest m1 chair m6 for m2, m3 against m4, m5 casting for");
	expect_outcome(R, 1, OUTCOME_CARRIED);
	assert_true(MR(R, 1)->casting_applied);
	expect_no_finding(R, 1, F_CASTING_CONFLICTED);
}

/* The casting vote is added and the rule evaluated again: 3-3 plus a casting
** vote for is 4 of 7, which is not 75%. */
static void test_casting_vote_cannot_make_75_percent(void **state)
{
	struct run *R = *state;
	tie(R, CHAIR_CASTS, "  class c §4.4 { require yes >= 75% of cast }\n", THREE_ALL " casting for recorded carried");
	expect_outcome(R, 1, OUTCOME_NOT_CARRIED);
	assert_true(MR(R, 1)->casting_applied);
	expect_count(R, 1, COUNT_YES, 4);
	expect_count(R, 1, COUNT_CAST, 7);
	expect_needed(R, 1, 6); /* 5.25 -> 6 */
	expect_finding(R, 1, F_MISMATCH);
	/* no casting vote recorded: either way it is not carried */
	tie(R, CHAIR_CASTS, "  class c §4.4 { require yes >= 75% of cast }\n", THREE_ALL " recorded not carried");
	expect_outcome(R, 1, OUTCOME_NOT_CARRIED);
	expect_no_finding(R, 1, F_TIE_UNRESOLVED);
	expect_no_finding(R, 1, F_MISMATCH);
}

/* A tie the casting vote would decide, with none recorded: undetermined. */
static void test_tie_unresolved(void **state)
{
	struct run *R = *state;
	tie(R, CHAIR_CASTS, C_MAJ, THREE_ALL " recorded carried");
	expect_outcome(R, 1, OUTCOME_UNDETERMINED);
	expect_finding(R, 1, F_TIE_UNRESOLVED);
	expect_finding(R, 1, F_UNVERIFIED);
	expect_no_finding(R, 1, F_MISMATCH);
	/* without a casting vote in the terms, a tie is simply not carried */
	tie(R, NO_CASTING, C_MAJ, THREE_ALL " recorded not carried");
	expect_outcome(R, 1, OUTCOME_NOT_CARRIED);
	expect_no_finding(R, 1, F_TIE_UNRESOLVED);
	expect_no_finding(R, 1, F_MISMATCH);
}

/* ==== consensus ===================================================================== */

static void consensus_case(struct run *R, const char *setting, const char *items)
{
	evaluate(R, terms_n(R, 5, S(Q_ANY NO_CASTING "%s" C_MAJ, setting)),
	         meeting(R, S("chair m1\n%smotion 1 { %s }\n", P(5), items)));
}

static void test_consensus(void **state)
{
	struct run *R = *state;
	consensus_case(R, "  consensus §3.3 first\n", "consensus recorded carried");
	expect_outcome(R, 1, OUTCOME_CARRIED);
	assert_true(MR(R, 1)->by_consensus);
	assert_int_equal(MR(R, 1)->findings.n, 0);

	/* no valid consensus and no vote: not validly agreed, so not carried,
	** and the minutes saying carried is a mismatch */
	consensus_case(R, "  consensus §3.3 never\n", "consensus recorded carried");
	assert_false(MR(R, 1)->by_consensus);
	expect_outcome(R, 1, OUTCOME_NOT_CARRIED);
	expect_finding(R, 1, F_CONSENSUS_DENIED);
	expect_finding(R, 1, F_MISMATCH);
	assert_true(meeting_result_failed(R->r));

	consensus_case(R, "", "consensus recorded carried"); /* not mentioned: a vote is needed */
	expect_finding(R, 1, F_CONSENSUS_DENIED);
	assert_false(MR(R, 1)->by_consensus);
}

static void test_consensus_with_objection(void **state)
{
	struct run *R = *state;
	/* an objection and no vote: a breach citing the consensus clause */
	consensus_case(R, "  consensus §3.3 first\n", "consensus objection m3 \"wants a vote\" recorded carried");
	assert_false(MR(R, 1)->by_consensus);
	expect_outcome(R, 1, OUTCOME_NOT_CARRIED);
	expect_finding(R, 1, F_CONSENSUS_NO_VOTE);
	expect_no_finding(R, 1, F_CONSENSUS_BROKEN);
	assert_int_equal(finding_default_severity(F_CONSENSUS_NO_VOTE), SEV_BREACH);
	assert_string_equal(MR(R, 1)->findings.first->clause, "3.3");
	expect_finding(R, 1, F_MISMATCH);
	/* the vote that followed decides: the procedure working, a note at most */
	consensus_case(R, "  consensus §3.3 first\n", "consensus objection m3 for m1, m2 against m3 recorded carried");
	assert_false(MR(R, 1)->by_consensus);
	expect_outcome(R, 1, OUTCOME_CARRIED);
	expect_no_finding(R, 1, F_MISMATCH);
	expect_no_finding(R, 1, F_CONSENSUS_NO_VOTE);
	expect_finding(R, 1, F_CONSENSUS_BROKEN);
	assert_int_equal(finding_default_severity(F_CONSENSUS_BROKEN), SEV_NOTE);
	assert_int_equal(R->r->count_by_sev[SEV_WARNING], 0);
	assert_false(meeting_result_failed(R->r));
	consensus_case(R, "  consensus §3.3 first\n", "consensus objection m3 for m1 against m2, m3 recorded carried");
	expect_outcome(R, 1, OUTCOME_NOT_CARRIED);
	expect_finding(R, 1, F_MISMATCH);
}

/* ==== declared results and decisions outside meetings ================================ */

static void test_declared_only(void **state)
{
	struct run *R = *state;
	evaluate(R, terms_n(R, 5, "  quorum §3.1 { require present >= 3 }\n" NO_CASTING C_MAJ),
	         meeting(R, "chair m1\npresent m1, m2, m3\n"
	                    "motion 1 { declared carried }\n"
	                    "motion 2 { declared not carried }\n"
	                    "leaves m3\n"
	                    "motion 3 { declared carried }\n"));
	expect_outcome(R, 1, OUTCOME_CARRIED);
	assert_true(MR(R, 1)->declared_only);
	assert_int_equal(MR(R, 1)->recorded, OUTCOME_CARRIED);
	expect_finding(R, 1, F_DECLARED);
	assert_int_equal(finding_default_severity(F_DECLARED), SEV_WARNING);
	expect_no_finding(R, 1, F_MISMATCH);
	expect_outcome(R, 2, OUTCOME_NOT_CARRIED);
	expect_outcome(R, 3, OUTCOME_VOID); /* inquorate, whatever was declared */
	expect_finding(R, 3, F_MISMATCH);
}

static void test_virtual_decisions(void **state)
{
	struct run *R = *state;
	const char *terms = terms_n(R, 9, "  quorum §3.1 { require present >= 5 }\n" NO_CASTING
	                                  "  virtual §6.2 { ratify at next meeting }\n"
	                                  "  class v { when motion.written require yes > half of eligible }\n" C_MAJ);
	evaluate(R, terms, meeting(R, "chair m1\npresent m1, m2\napologies m9\n"
	                              "motion 1 { virtual on 2024-05-20 for m1, m2, m3 against m4 recorded carried }\n"
	                              "motion 2 written { virtual on 2024-05-20 for m1, m2, m3, m4 recorded carried }\n"
	                              "motion 3 written { virtual on 2024-05-20 for m1, m2, m3, m4, m9 recorded carried }\n"));
	expect_outcome(R, 1, OUTCOME_PROVISIONAL);
	assert_true(MR(R, 1)->is_virtual);
	expect_finding(R, 1, F_PROVISIONAL);
	expect_no_finding(R, 1, F_INQUORATE);   /* not subject to a quorum */
	expect_no_finding(R, 1, F_VOTE_ABSENT); /* put to every member */
	expect_no_finding(R, 1, F_MISMATCH);    /* minuted as carried: not a disagreement */
	/* silence is not agreement: 4 of the 9 eligible is not more than half */
	expect_count(R, 2, COUNT_ELIGIBLE, 9);
	expect_outcome(R, 2, OUTCOME_NOT_CARRIED);
	expect_finding(R, 2, F_MISMATCH);
	expect_outcome(R, 3, OUTCOME_PROVISIONAL);
	expect_no_finding(R, 3, F_VOTE_ABSENT);

	evaluate(R, terms_n(R, 5, Q_ANY NO_CASTING C_MAJ),
	         meeting(R, S("chair m1\n%smotion 1 { virtual on 2024-05-20 for m1, m2 against m3 }\n", P(5))));
	expect_finding(R, 1, F_VIRTUAL_DENIED);
	assert_true(meeting_result_failed(R->r));
}

/* ==== notice ========================================================================= */

static void notice_case(struct run *R, const char *rules, const char *date, const char *dates)
{
	evaluate(R, terms_n(R, 5, S(Q_ANY NO_CASTING "%s" C_MAJ, rules)),
	         meeting_on(R, date, S("chair m1\n%s%smotion 1 { for m1 }\n", dates, P(5))));
}

static void test_notice_papers_calendar_days(void **state)
{
	struct run *R = *state;
	notice_case(R, "  notice §5.3 papers 5 days before\n", "2024-05-14", "papers sent 2024-05-09\n");
	expect_no_finding(R, 0, F_NOTICE_PAPERS);
	notice_case(R, "  notice §5.3 papers 5 days before\n", "2024-05-14", "papers sent 2024-05-10\n");
	expect_finding(R, 0, F_NOTICE_PAPERS);
	assert_true(meeting_result_failed(R->r));
	notice_case(R, "  notice §5.3 papers 5 days before\n", "2024-05-14", "");
	expect_finding(R, 0, F_NOTICE_UNRECORDED);
	/* months are calendar months: a month before 31 March is 29 February (2024) */
	notice_case(R, "  notice §5.3 papers 1 month before\n", "2024-03-31", "papers sent 2024-02-29\n");
	expect_no_finding(R, 0, F_NOTICE_PAPERS);
	notice_case(R, "  notice §5.3 papers 1 month before\n", "2024-03-31", "papers sent 2024-03-01\n");
	expect_finding(R, 0, F_NOTICE_PAPERS);
}

static void test_notice_papers_clear_days(void **state)
{
	struct run *R = *state;
	notice_case(R, "  notice §5.3 papers 5 clear days before\n", "2024-05-14", "papers sent 2024-05-09\n");
	expect_finding(R, 0, F_NOTICE_PAPERS);
	notice_case(R, "  notice §5.3 papers 5 clear days before\n", "2024-05-14", "papers sent 2024-05-08\n");
	expect_no_finding(R, 0, F_NOTICE_PAPERS);
}

static void test_notice_minutes_within(void **state)
{
	struct run *R = *state;
	notice_case(R, "  notice §5.4 minutes within 10 days after\n", "2024-05-14", "minutes circulated 2024-05-24\n");
	expect_no_finding(R, 0, F_NOTICE_MINUTES);
	notice_case(R, "  notice §5.4 minutes within 10 days after\n", "2024-05-14", "minutes circulated 2024-05-25\n");
	expect_finding(R, 0, F_NOTICE_MINUTES);
	notice_case(R, "  notice §5.4 minutes within 10 days after\n", "2024-05-14", "");
	expect_finding(R, 0, F_NOTICE_UNRECORDED);
	notice_case(R, "  notice §5.4 minutes within 10 days after\n", "2024-05-14", "minutes circulated 2024-05-13\n");
	expect_finding(R, 0, F_DATES);
}

/* A class that needs notice of the motion: 14 days before 2024-05-14 is 2024-04-30. */
static void test_notice_of_motion(void **state)
{
	struct run *R = *state;
	const char *terms = terms_n(R, 6, Q_ANY NO_CASTING
	                                  "  class amendment §9 { when motion.kind == \"amendment\"\n"
	                                  "    require yes >= 2/3 of members\n"
	                                  "    notice 14 days before }\n" C_MAJ);
	evaluate(R, terms, meeting(R, S("chair m1\n%s"
	                                "motion 1 kind \"amendment\" { notice given 2024-04-30 for m1, m2, m3, m4 }\n"
	                                "motion 2 kind \"amendment\" { notice given 2024-05-01 for m1, m2, m3, m4 }\n"
	                                "motion 3 kind \"amendment\" { for m1, m2, m3, m4 }\n"
	                                "motion 4 { for m1, m2, m3, m4 }\n", P(6))));
	expect_no_finding(R, 1, F_NOTICE_MOTION);
	expect_finding(R, 2, F_NOTICE_MOTION);
	expect_finding(R, 3, F_NOTICE_MOTION);
	expect_no_finding(R, 4, F_NOTICE_MOTION);
	expect_outcome(R, 1, OUTCOME_CARRIED); /* 4 >= 4 */
	/* a motion without the notice its class needs was not validly before
	** the meeting (docs/semantics.md#notice) */
	expect_outcome(R, 2, OUTCOME_VOID);
	expect_outcome(R, 3, OUTCOME_VOID);
	expect_outcome(R, 4, OUTCOME_CARRIED);
	assert_int_equal(finding_default_severity(F_NOTICE_MOTION), SEV_BREACH);
}

/* ==== the recorded outcome against the computed one =================================== */

static void test_recorded_outcome(void **state)
{
	struct run *R = *state;
	evaluate(R, terms_n(R, 5, "  quorum §3.1 { require present >= 4 }\n" NO_CASTING C_MAJ),
	         meeting(R, S("chair m1\n%s"
	                      "motion 1 { for m1, m2 against m3 recorded carried }\n"
	                      "motion 2 { for m1, m2 against m3 recorded not carried }\n"
	                      "motion 3 { for m1 against m2, m3 recorded not carried }\n"
	                      "motion 4 { for m1 against m2, m3 recorded carried }\n"
	                      "motion 5 { for m1, m2 against m3 }\n"
	                      "leaves m4\n"
	                      "motion 6 { for m1, m2 against m3 recorded void }\n", P(4))));
	expect_no_finding(R, 1, F_MISMATCH);
	expect_finding(R, 2, F_MISMATCH);
	expect_no_finding(R, 3, F_MISMATCH);
	expect_finding(R, 4, F_MISMATCH);
	expect_finding(R, 5, F_UNRECORDED);
	expect_outcome(R, 6, OUTCOME_VOID);
	expect_no_finding(R, 6, F_MISMATCH);
	assert_int_equal(R->r->mismatches, 2);
	assert_int_equal(finding_default_severity(F_MISMATCH), SEV_BREACH);
	assert_int_equal(MR(R, 2)->recorded, OUTCOME_NOT_CARRIED);
	assert_int_equal(MR(R, 5)->recorded, OUTCOME_NONE);

	/* all in agreement: nothing fails */
	evaluate(R, terms_n(R, 5, "  quorum §3.1 { require present >= 4 }\n" NO_CASTING C_MAJ),
	         meeting(R, S("chair m1\n%smotion 1 { for m1, m2 against m3 recorded carried }\n", P(4))));
	assert_false(meeting_result_failed(R->r));
	assert_int_equal(R->r->mismatches, 0);
}

/* ==== the example in language.md ========================================================= */

static void load_file(struct run *R, struct source *src, const char *path)
{
	const char *why = NULL;
	if (source_load(src, &R->f.arena, path, &why) != 0)
		fail_msg("cannot read %s: %s", path, why);
}

static void test_language_md_example(void **state)
{
	char wbuf[REQ_WORKING_MAX];
	struct run *R = *state;
	struct source t, m;
	if (setjmp(R->f.oom) != 0)
		fail_msg("out of memory");
	load_file(R, &t, "examples/anytown/terms.tor");
	load_file(R, &m, "examples/anytown/2024-05-14.minutes");
	/* copied so the texts outlive the sources (they are in the arena anyway) */
	char *tt = arena_strndup(&R->f.arena, t.text, t.len), *mt = arena_strndup(&R->f.arena, m.text, m.len);
	evaluate(R, tt, mt);
	assert_int_equal(R->r->n_motions, 3);
	assert_int_equal(R->r->members, 9);

	/* motion 1: consensus, carried */
	expect_outcome(R, 1, OUTCOME_CARRIED);
	assert_true(MR(R, 1)->by_consensus);

	/* motion 2: quorate (seven present, Dan not counted, six meets it);
	** financial §3.3.3, 75% of 9 members = 6.75, so 7 needed; 4 for:
	** not carried, a discrepancy with the minutes */
	const struct motion_result *m2 = MR(R, 2);
	assert_true(m2->quorate);
	assert_int_equal(m2->quorum_present, 6);
	assert_string_equal(m2->cls->id, "financial");
	assert_string_equal(m2->cls->clause, "3.3.3");
	expect_count(R, 2, COUNT_PRESENT, 7);
	expect_count(R, 2, COUNT_MEMBERS, 9);
	expect_count(R, 2, COUNT_YES, 4);
	expect_needed(R, 2, 7);
	assert_non_null(strstr(req_working(&m2->reqs[0], wbuf), "6.75"));
	assert_string_equal(m2->reqs[0].text, "yes >= 75% of members");
	expect_outcome(R, 2, OUTCOME_NOT_CARRIED);
	expect_finding(R, 2, F_MISMATCH);
	assert_string_equal(m2->findings.first->clause, "3.3.3");

	/* motion 3, after Frank leaves: six present, quorate; 3 to 2 is more
	** than half of 5 cast: carried */
	const struct motion_result *m3 = MR(R, 3);
	assert_true(m3->quorate);
	assert_int_equal(m3->quorum_present, 6);
	expect_count(R, 3, COUNT_CAST, 5);
	expect_outcome(R, 3, OUTCOME_CARRIED);
	assert_string_equal(m3->cls->id, "ordinary");
	assert_int_equal(m3->findings.n, 0);

	assert_int_equal(R->r->mismatches, 1);
	assert_int_equal(R->r->count_by_sev[SEV_BREACH], 1);
	assert_int_equal(R->r->count_by_sev[SEV_ERROR], 0);
	assert_true(meeting_result_failed(R->r));
}

/* ==== the other checks on every record ==================================================== */

/* Classes are tried in order; none applying, or a missing attribute, is an error. */
static void test_class_selection(void **state)
{
	struct run *R = *state;
	evaluate(R, terms_n(R, 8, Q_ANY NO_CASTING
	                   "  class big §7 { when motion.amount > 10000 require yes >= 75% of members }\n"
	                   "  class small §8 { require yes > half of cast }\n"),
	         meeting(R, S("chair m1\n%s"
	                      "motion 1 amount 20000 { for m1, m2, m3 against m4 }\n"
	                      "motion 2 amount 5000 { for m1, m2, m3 against m4 }\n"
	                      "motion 3 amount 10000 { for m1, m2, m3 against m4 }\n"
	                      "motion 4 { for m1, m2, m3 against m4 }\n", P(8))));
	assert_string_equal(MR(R, 1)->cls->id, "big");
	expect_outcome(R, 1, OUTCOME_NOT_CARRIED);
	assert_string_equal(MR(R, 2)->cls->id, "small");
	expect_outcome(R, 2, OUTCOME_CARRIED);
	assert_string_equal(MR(R, 3)->cls->id, "small"); /* 10000 > 10000 is false */
	/* quorate never guesses a class: the first `when` needs the amount */
	assert_null(MR(R, 4)->cls);
	expect_finding(R, 4, F_ATTR_MISSING);
	expect_outcome(R, 4, OUTCOME_UNDETERMINED);
	assert_int_equal(finding_default_severity(F_ATTR_MISSING), SEV_ERROR);

	/* a value no class names */
	evaluate(R, terms_n(R, 8, Q_ANY NO_CASTING
	                   "  class north §7 { when motion.ward == \"north\" require yes >= 75% of members }\n"
	                   "  class south §8 { when motion.ward == \"south\" require yes > half of cast }\n"),
	         meeting(R, S("chair m1\n%s"
	                      "motion 1 ward \"south\" { for m1, m2, m3 against m4 }\n"
	                      "motion 2 ward \"east\" { for m1, m2, m3 against m4 }\n", P(8))));
	assert_string_equal(MR(R, 1)->cls->id, "south");
	expect_outcome(R, 1, OUTCOME_CARRIED);
	assert_null(MR(R, 2)->cls);
	expect_finding(R, 2, F_NO_CLASS);
	expect_outcome(R, 2, OUTCOME_UNDETERMINED);
	assert_int_equal(finding_default_severity(F_NO_CLASS), SEV_ERROR);

	/* the first class whose `when` holds wins, even if a later one also holds */
	evaluate(R, terms_n(R, 8, Q_ANY NO_CASTING
	                   "  class financial { when motion.financial require yes >= 75% of members }\n"
	                   C_MAJ),
	         meeting(R, S("chair m1\n%smotion 1 financial { for m1, m2, m3 against m4 }\n", P(8))));
	assert_string_equal(MR(R, 1)->cls->id, "financial");
	expect_outcome(R, 1, OUTCOME_NOT_CARRIED);
}

static void test_every_require_must_hold(void **state)
{
	struct run *R = *state;
	evaluate(R, terms_n(R, 8, Q_ANY NO_CASTING
	                   "  class c { require yes > half of cast\n"
	                   "            require yes >= 3 }\n"),
	         meeting(R, S("chair m1\n%s"
	                      "motion 1 { for m1, m2 against m3 }\n"
	                      "motion 2 { for m1, m2, m3 against m4 }\n"
	                      "motion 3 { for m1, m2, m3 against m4, m5, m6 }\n", P(8))));
	expect_outcome(R, 1, OUTCOME_NOT_CARRIED);
	assert_true(MR(R, 1)->reqs[0].met);
	assert_false(MR(R, 1)->reqs[1].met);
	expect_outcome(R, 2, OUTCOME_CARRIED);
	expect_outcome(R, 3, OUTCOME_NOT_CARRIED);
	assert_int_equal(MR(R, 3)->n_reqs, 2);
}

static void test_tallies(void **state)
{
	struct run *R = *state;
	evaluate(R, terms_n(R, 5, Q_ANY NO_CASTING C_MAJ),
	         meeting(R, S("chair m1\n%s"
	                      "motion 1 { tally for 4 against 2 }\n"
	                      "motion 2 { interest m2 tally for 3 against 2 }\n"
	                      "motion 3 { tally for 3 against 2 }\n"
	                      "motion 4 { for m1, m2 against m3 tally for 3 against 0 }\n"
	                      "motion 5 { for m1, m2 against m3 tally for 2 against 1 abstain 0 }\n", P(5))));
	expect_finding(R, 1, F_TALLY_EXCEEDS);       /* 6 votes, 5 present */
	expect_outcome(R, 1, OUTCOME_UNDETERMINED);
	expect_finding(R, 2, F_TALLY_EXCEEDS);       /* 5 votes, 4 eligible */
	expect_outcome(R, 2, OUTCOME_UNDETERMINED);
	expect_no_finding(R, 3, F_TALLY_EXCEEDS);
	expect_outcome(R, 3, OUTCOME_CARRIED);
	expect_finding(R, 4, F_TALLY_MISMATCH);      /* the named votes are used */
	expect_count(R, 4, COUNT_YES, 2);
	expect_count(R, 4, COUNT_NO, 1);
	expect_no_finding(R, 5, F_TALLY_MISMATCH);
	expect_outcome(R, 5, OUTCOME_CARRIED);
}

/* Minutes that name each voter and give the show-of-hands total agree with
** each other even when one of the named votes is void: the tally is what
** was counted in the room.  FAILS at the time of writing: see the report
** (the tally is compared with the named votes after voiding). */
static void test_tally_agrees_with_named_votes_before_voiding(void **state)
{
	struct run *R = *state;
	evaluate(R, terms_n(R, 5, Q_ANY NO_CASTING C_MAJ),
	         meeting(R, S("chair m1\n%s"
	                      "motion 1 { interest m2 for m1, m2, m4 against m3 tally for 3 against 1 }\n", P(5))));
	expect_finding(R, 1, F_VOTE_CONFLICTED);
	expect_count(R, 1, COUNT_YES, 2);
	expect_outcome(R, 1, OUTCOME_CARRIED);
	expect_no_finding(R, 1, F_TALLY_MISMATCH);
}

static void test_terms_in_force_review_and_size(void **state)
{
	struct run *R = *state;
	const char *terms = terms_n(R, 5, "  review §9.1 every 12 months\n"
	                                  "  size 5 to 12\n"
	                                  "  member m6 \"Member 6\" m until 2024-03-31\n"
	                                  "  member m7 \"Member 7\" m until 2024-03-31\n" Q_ANY NO_CASTING C_MAJ);
	/* due for review 2025-01-01: on that day it is not overdue */
	evaluate(R, terms, meeting_on(R, "2025-01-01", S("chair m1\n%smotion 1 { for m1 }\n", P(3))));
	expect_no_finding(R, 0, F_REVIEW_OVERDUE);
	expect_no_finding(R, 0, F_ROSTER_SIZE); /* m1..m5 */
	evaluate(R, terms, meeting_on(R, "2025-01-02", S("chair m1\n%smotion 1 { for m1 }\n", P(3))));
	expect_finding(R, 0, F_REVIEW_OVERDUE);

	terms = terms_n(R, 4, "  size 5 to 12\n"
	                      "  member m5 \"Member 5\" m until 2024-03-31\n" Q_ANY NO_CASTING C_MAJ);
	evaluate(R, terms, meeting_on(R, "2024-03-31", S("chair m1\n%smotion 1 { for m1 }\n", P(3))));
	expect_no_finding(R, 0, F_ROSTER_SIZE);
	evaluate(R, terms, meeting_on(R, "2024-04-01", S("chair m1\n%smotion 1 { for m1 }\n", P(3))));
	expect_finding(R, 0, F_ROSTER_SIZE);

	evaluate(R, terms, meeting_on(R, "2023-12-31", S("chair m1\n%smotion 1 { for m1 }\n", P(3))));
	expect_finding(R, 0, F_NOT_IN_FORCE);
	assert_true(meeting_result_failed(R->r));

	evaluate(R, terms, "meeting \"M\" on 2024-05-14 { terms \"Another body\" chair m1 present m1 motion 1 { for m1 } }");
	expect_finding(R, 0, F_TERMS_NAME);
}

static void test_attendance_checks(void **state)
{
	struct run *R = *state;
	evaluate(R, terms_n(R, 5, Q_ANY NO_CASTING C_MAJ),
	         meeting(R, "chair m5\npresent m1, m2, m1, zed\napologies m5\n"
	                    "papers sent 2024-05-20\n"
	                    "leaves m3\n"
	                    "arrives m2\n"
	                    "motion 1 { interest m4 for m1 }\n"
	                    "motion 2 { recorded carried }\n"));
	expect_finding(R, 0, F_UNKNOWN_PERSON);
	expect_finding(R, 0, F_LISTED_TWICE);
	assert_int_equal(findings(R, 0, F_ATTENDANCE), 2);
	expect_finding(R, 0, F_DATES);
	expect_finding(R, 1, F_INTEREST_ABSENT);
	expect_finding(R, 1, F_CHAIR_ABSENT);
	expect_outcome(R, 1, OUTCOME_CARRIED);
	expect_finding(R, 2, F_NO_DECISION);
	expect_outcome(R, 2, OUTCOME_UNDETERMINED);
	expect_finding(R, 2, F_UNVERIFIED);
	expect_no_finding(R, 2, F_MISMATCH);
}

static void test_to_be_agreed_and_rule_errors(void **state)
{
	struct run *R = *state;
	evaluate(R, terms_n(R, 5, "  quorum §3.1 { to be agreed }\n" NO_CASTING C_MAJ),
	         meeting(R, S("chair m1\n%smotion 1 { for m1 recorded carried }\n", P(5))));
	expect_finding(R, 1, F_QUORUM_TBA);
	assert_false(MR(R, 1)->quorum_known);
	expect_outcome(R, 1, OUTCOME_UNDETERMINED);
	assert_true(meeting_result_failed(R->r));

	evaluate(R, terms_n(R, 5, Q_ANY NO_CASTING "  class c §4 { to be agreed }\n"),
	         meeting(R, S("chair m1\n%smotion 1 { for m1 }\n", P(5))));
	expect_finding(R, 1, F_CLASS_TBA);
	expect_outcome(R, 1, OUTCOME_UNDETERMINED);

	evaluate(R, terms_n(R, 5, Q_ANY NO_CASTING "  class c §4 { require yes / cast > 1/2 }\n"),
	         meeting(R, S("chair m1\n%smotion 1 { abstain m1 }\nmotion 2 { for m1 }\n", P(5))));
	expect_finding(R, 1, F_RULE_ERROR); /* 0 / 0 */
	expect_outcome(R, 1, OUTCOME_UNDETERMINED);
	assert_true(MR(R, 1)->reqs[0].failed);
	expect_outcome(R, 2, OUTCOME_CARRIED);
}

/* ==== across a history (replay) ============================================================= */

struct history {
	unsigned meetings, gaps, diag_errors;
	unsigned short_years;          /* history.meetings-a-year */
	char short_msg[4][256];
	char date[4][DATE_FMT_MAX];
	enum outcome outcome[4];
	const char *version[4];
};

static void on_meeting(void *ctx, const struct meeting_result *r, const struct replay_meta *meta)
{
	struct history *h = ctx;
	(void)meta;
	if (h->meetings < 4) {
		date_format(r->meeting->date, h->date[h->meetings]);
		h->outcome[h->meetings] = r->n_motions ? r->motions[0].outcome : OUTCOME_NONE;
		h->version[h->meetings] = r->terms->version && strcmp(r->terms->version, "2") == 0 ? "2" : "1";
	}
	h->meetings++;
}

static void on_finding(void *ctx, const struct history_finding *f)
{
	struct history *h = ctx;
	h->gaps += f->code == F_MEETING_GAP;
	if (f->code == F_MEETINGS_SHORT && h->short_years < 4)
		snprintf(h->short_msg[h->short_years], sizeof h->short_msg[0], "%s", f->message);
	h->short_years += f->code == F_MEETINGS_SHORT;
}

static void on_diagnostics(void *ctx, const struct diag_sink *d)
{
	struct history *h = ctx;
	h->diag_errors += d->n_errors;
	for (size_t i = 0; i < d->items.n; i++)
		if (d->items.items[i].sev == DIAG_ERROR)
			diag_print(&d->items.items[i], stderr, false);
}

static void write_file(const char *dir, const char *name, const char *text)
{
	char path[512];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

#define HISTORY_TERMS(version, effective, rule) \
	"terms \"T\" {\n  version \"" version "\"\n  effective " effective "\n" \
	"  role m \"Member\" voting\n" \
	"  member m1 \"M1\" m\n  member m2 \"M2\" m\n  member m3 \"M3\" m\n  member m4 \"M4\" m\n  member m5 \"M5\" m\n" \
	"  quorum { require present >= 3 }\n  casting vote none\n  meets §6.1 every 2 months\n" \
	"  class c { require " rule " }\n}\n"

#define HISTORY_MEETING(date) \
	"meeting \"M " date "\" on " date " {\n  terms \"T\"\n  chair m1\n  present m1, m2, m3, m4, m5\n" \
	"  motion 1 { for m1, m2, m3 against m4, m5 }\n}\n"

/* Each meeting is judged by the version in force on its date (3 of 5 is
** more than half under version 1, not 75% under version 2), and a meeting
** more than `meets every 2 months` after the last one is a gap. */
static void test_history_versions_and_gaps(void **state)
{
	struct run *R = *state;
	char dir[] = "/tmp/quorate-test-eval-XXXXXX";
	assert_non_null(mkdtemp(dir));
	write_file(dir, "v1.tor", HISTORY_TERMS("1", "2024-01-01", "yes > half of cast"));
	write_file(dir, "v2.tor", HISTORY_TERMS("2", "2024-06-01", "yes >= 75% of cast"));
	/* files named out of date order: the history is taken by date */
	write_file(dir, "a.minutes", HISTORY_MEETING("2024-07-01"));
	write_file(dir, "b.minutes", HISTORY_MEETING("2024-03-01"));
	write_file(dir, "c.minutes", HISTORY_MEETING("2024-04-30"));

	struct history h;
	memset(&h, 0, sizeof h);
	if (setjmp(R->f.oom) != 0)
		fail_msg("out of memory");
	diag_init(&R->f.diag, &R->f.arena);
	loader_init(&R->f.ld, &R->f.arena, &R->f.diag, stdlib_dirs, 1);
	struct replay *rp = replay_new(&R->f.arena, &R->f.ld, &R->f.diag);
	assert_true(replay_add_path(rp, dir));
	struct replay_sink sink = { &h, on_meeting, on_finding, on_diagnostics, NULL, false, false };
	replay_run(rp, &sink);

	const char *const names[] = { "v1.tor", "v2.tor", "a.minutes", "b.minutes", "c.minutes" };
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		char path[512];
		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		unlink(path);
	}
	rmdir(dir);

	assert_int_equal(h.diag_errors + R->f.diag.n_errors, 0);
	assert_int_equal(h.meetings, 3);
	assert_string_equal(h.date[0], "2024-03-01");
	assert_string_equal(h.date[1], "2024-04-30");
	assert_string_equal(h.date[2], "2024-07-01");
	assert_string_equal(h.version[0], "1");
	assert_string_equal(h.version[1], "1");
	assert_string_equal(h.version[2], "2");
	assert_int_equal(h.outcome[0], OUTCOME_CARRIED);
	assert_int_equal(h.outcome[1], OUTCOME_CARRIED);
	assert_int_equal(h.outcome[2], OUTCOME_NOT_CARRIED);
	/* 2024-04-30 is within two months of 2024-03-01; 2024-07-01 is not within two of 2024-04-30 */
	assert_int_equal(h.gaps, 1);
}

/* Every finding code has a name, a description and a severity. */
static void test_findings_table(void **state)
{
	(void)state;
	for (int c = 0; c < F__COUNT; c++) {
		assert_non_null(finding_code_name((enum finding_code)c));
		assert_non_null(strchr(finding_code_name((enum finding_code)c), '.'));
		assert_true(strlen(finding_description((enum finding_code)c)) > 10);
		assert_true(finding_default_severity((enum finding_code)c) <= SEV_ERROR);
		for (int d = 0; d < c; d++)
			assert_string_not_equal(finding_code_name((enum finding_code)c), finding_code_name((enum finding_code)d));
	}
	assert_string_equal(finding_severity_name(SEV_BREACH), "breach");
}

/* ==== what published terms also say (issue 19) =================================== */

/* "The head of contracting and any two non-voting members": attendees count
** where a rule names them, present never does; an attendee with an interest
** counts in the quorum as a voting member would. */
static void test_attendees_in_the_quorum(void **state)
{
	struct run *R = *state;
	const char *terms = terms_n(R, 3, "  role gp \"GP\" attending\n"
	                                  "  member gp1 \"GP One\" gp\n"
	                                  "  quorum §6.1 { require present >= 2\n"
	                                  "                require attendees >= 2\n"
	                                  "                require attendees(gp) >= 1 }\n" NO_CASTING C_MAJ);
	evaluate(R, terms, meeting(R, "chair m1\npresent m1, m2\nattending obs1, gp1\n"
	                              "motion 1 { for m1, m2 }\n"
	                              "motion 2 { interest gp1\n for m1, m2 }\n"
	                              "leaves obs1\n"
	                              "motion 3 { for m1, m2 }\n"));
	expect_outcome(R, 1, OUTCOME_CARRIED);
	assert_int_equal(MR(R, 1)->quorum_attendees, 2);
	assert_int_equal(MR(R, 1)->quorum_present, 2);   /* attendees are not present */
	expect_count(R, 1, COUNT_ATTENDEES, 2);
	expect_count(R, 1, COUNT_PRESENT, 2);
	expect_count(R, 1, COUNT_MEMBERS, 3);
	expect_outcome(R, 2, OUTCOME_VOID);              /* gp1 excluded for the item */
	assert_int_equal(MR(R, 2)->quorum_attendees, 1);
	expect_count(R, 2, COUNT_ATTENDEES, 2);          /* but in the room */
	expect_outcome(R, 3, OUTCOME_VOID);              /* one attendee left */

	/* counted while in the room; deemed present even after leaving */
	evaluate(R, terms_n(R, 3, "  role gp \"GP\" attending\n"
	                          "  member gp1 \"GP One\" gp\n"
	                          "  quorum §6.1 { require attendees >= 2 }\n" NO_CASTING
	                          INTERESTS("void", "counted", "no") C_MAJ),
	         meeting(R, "chair m1\npresent m1, m2\nattending obs1, gp1\n"
	                    "motion 1 { interest gp1\n for m1, m2 }\n"));
	expect_outcome(R, 1, OUTCOME_CARRIED);
	evaluate(R, terms_n(R, 3, "  role gp \"GP\" attending\n"
	                          "  member gp1 \"GP One\" gp\n"
	                          "  quorum §6.1 { require attendees >= 2 }\n" NO_CASTING
	                          INTERESTS("void", "deemed present", "yes") C_MAJ),
	         meeting(R, "chair m1\npresent m1, m2\nattending obs1, gp1\n"
	                    "leaves gp1\n"
	                    "motion 1 { interest gp1\n for m1, m2 }\n"));
	expect_outcome(R, 1, OUTCOME_CARRIED);
	expect_count(R, 1, COUNT_ATTENDEES, 1);          /* not in the room for the class rule */
	expect_no_finding(R, 1, F_INTEREST_ABSENT);
}

/* A class rule may count attendees too; one who must leave is not there. */
static void test_attendees_in_a_class_rule(void **state)
{
	struct run *R = *state;
	const char *terms = terms_n(R, 3, Q_ANY NO_CASTING INTERESTS("void", "excluded", "yes")
	                                  "  class advised { require yes > half of cast and attendees >= 1 }\n");
	evaluate(R, terms, meeting(R, "chair m1\npresent m1, m2\nattending obs1\n"
	                              "motion 1 { for m1, m2 }\n"
	                              "motion 2 { interest obs1\n for m1, m2 }\n"));
	expect_outcome(R, 1, OUTCOME_CARRIED);
	expect_outcome(R, 2, OUTCOME_NOT_CARRIED);
	expect_count(R, 2, COUNT_ATTENDEES, 0);
	expect_count(R, 2, COUNT_CONFLICTED, 0);         /* conflicted counts voting members */
	assert_true(R->t->uses_attendees);
}

/* present(r) naming only roles without a vote can never count: check says
** why the quorum cannot be met, and what to write. */
static void test_attendees_unreachable_quorum(void **state)
{
	struct run *R = *state;
	diag_init(&R->f.diag, &R->f.arena);
	loader_init(&R->f.ld, &R->f.arena, &R->f.diag, stdlib_dirs, 1);
	const char *text = terms_n(R, 3, "  quorum §6.1 { require present(obs) >= 1 }\n" NO_CASTING C_MAJ);
	source_from_memory(&R->tsrc, &R->f.arena, "terms.tor", text, strlen(text));
	parse_file(&R->f.arena, &R->f.diag, &R->tsrc, &R->tfile);
	assert_null(sema_terms(&R->f.arena, &R->f.diag, &R->f.ld, first_item(&R->tfile, N_TERMS), &R->tsrc));
	assert_true(has_diag(R, D_QUORUM_UNREACH));
	bool noted = false;
	for (size_t i = 0; i < R->f.diag.items.n; i++) {
		const struct diag *d = &R->f.diag.items.items[i];
		if (d->code != D_QUORUM_UNREACH)
			continue;
		assert_non_null(d->fixit);
		assert_string_equal(d->fixit->text, "attendees(obs)");
		for (const struct diag_note *n = d->notes; n; n = n->next)
			noted = noted || strstr(n->msg, "no member holding obs votes") != NULL;
	}
	assert_true(noted);
}

/* `chaired by`: a chair who holds none of the roles, is not present, is
** not a member, or is not recorded; a motion's presiding member too.  The
** outcome is not changed: the terms say who chairs, not that a decision
** taken under another chair is void. */
static void test_chaired_by(void **state)
{
	struct run *R = *state;
	const char *terms = terms_n(R, 4, "  role lead \"Lead\" voting\n"
	                                  "  member lee \"Lee\" lead\n"
	                                  "  member old \"Old\" lead until 2024-01-31\n"
	                                  "  chaired §2.1 by lead, m4\n" Q_ANY NO_CASTING C_MAJ);
	evaluate(R, terms, meeting(R, "chair lee\npresent lee, m1, m2\n"
	                              "motion 1 { for m1, m2 }\n"
	                              "motion 2 { chair m1\n for m1, m2 }\n"
	                              "motion 3 { chair m4\n for m1, m2 }\n"));
	expect_no_finding(R, 0, F_CHAIR_NOT_ALLOWED);
	expect_outcome(R, 2, OUTCOME_CARRIED);
	expect_finding(R, 2, F_CHAIR_NOT_ALLOWED);        /* m1 holds no lead role */
	expect_no_finding(R, 3, F_CHAIR_NOT_ALLOWED);     /* m4 is named */
	expect_finding(R, 3, F_CHAIR_NOT_PRESENT);        /* ... but not there */
	expect_no_finding(R, 3, F_CHAIR_ABSENT);          /* said once, as the breach */

	evaluate(R, terms, meeting(R, "chair m1\npresent lee, m1, m2\nmotion 1 { for m1, m2 }\n"));
	expect_finding(R, 0, F_CHAIR_NOT_ALLOWED);
	assert_string_equal(R->r->findings.first->clause, "2.1");
	evaluate(R, terms, meeting(R, "chair lee\npresent m1, m2\napologies lee\nmotion 1 { for m1, m2 }\n"));
	expect_finding(R, 0, F_CHAIR_NOT_PRESENT);
	evaluate(R, terms, meeting(R, "chair old\npresent old, m1, m2\nmotion 1 { for m1, m2 }\n"));
	expect_finding(R, 0, F_CHAIR_NOT_MEMBER);         /* left the roster in January */
	evaluate(R, terms, meeting(R, "present m1, m2\nmotion 1 { for m1, m2 }\n"));
	expect_finding(R, 0, F_CHAIR_UNRECORDED);
	expect_outcome(R, 1, OUTCOME_CARRIED);

	/* any member: any voting member on the date, never an attendee */
	terms = terms_n(R, 3, "  chaired by any member\n" Q_ANY NO_CASTING C_MAJ);
	evaluate(R, terms, meeting(R, "chair m3\npresent m1, m2, m3\nmotion 1 { for m1, m2 }\n"));
	expect_no_finding(R, 0, F_CHAIR_NOT_ALLOWED);
	evaluate(R, terms, meeting(R, "chair obs1\npresent m1, m2\nattending obs1\nmotion 1 { for m1, m2 }\n"));
	expect_finding(R, 0, F_CHAIR_NOT_ALLOWED);
	/* without `chaired by`, nothing of this is checked */
	evaluate(R, terms_n(R, 3, Q_ANY NO_CASTING C_MAJ), meeting(R, "present m1, m2\nmotion 1 { for m1, m2 }\n"));
	expect_no_finding(R, 0, F_CHAIR_UNRECORDED);
}

/* `minutes record votes`: a result declared without counts is a breach
** (and still accepted as declared); votes, a tally or a consensus are not. */
static void test_minutes_record_votes(void **state)
{
	struct run *R = *state;
	const char *terms = terms_n(R, 3, "  minutes §7.2 record votes\n  consensus first\n" Q_ANY NO_CASTING C_MAJ);
	evaluate(R, terms, meeting(R, "chair m1\npresent m1, m2, m3\n"
	                              "motion 1 { declared carried }\n"
	                              "motion 2 { tally for 2 against 1\n recorded carried }\n"
	                              "motion 3 { consensus\n recorded carried }\n"));
	expect_outcome(R, 1, OUTCOME_CARRIED);
	expect_finding(R, 1, F_VOTES_UNRECORDED);
	expect_no_finding(R, 1, F_DECLARED);
	assert_true(meeting_result_failed(R->r));
	expect_no_finding(R, 2, F_VOTES_UNRECORDED);
	expect_no_finding(R, 3, F_VOTES_UNRECORDED);
	/* without the clause, a declaration is the warning it always was */
	evaluate(R, terms_n(R, 3, Q_ANY NO_CASTING C_MAJ), meeting(R, "chair m1\npresent m1, m2, m3\n"
	                                                           "motion 1 { declared carried }\n"));
	expect_finding(R, 1, F_DECLARED);
	expect_no_finding(R, 1, F_VOTES_UNRECORDED);
	assert_false(meeting_result_failed(R->r));
}

#define YEARS_TERMS(version, effective, times) \
	"terms \"T\" {\n  version \"" version "\"\n  effective " effective "\n" \
	"  role m \"Member\" voting\n  member m1 \"M1\" m\n  member m2 \"M2\" m\n" \
	"  quorum { require present >= 1 }\n  casting vote none\n  meets §5.1 at least " times " times a year\n" \
	"  class c { require yes > half of cast }\n}\n"

#define YEARS_MEETING(date) \
	"meeting \"M " date "\" on " date " {\n  terms \"T\"\n  chair m1\n  present m1, m2\n" \
	"  motion 1 { for m1, m2 }\n}\n"

/* Replay the files (name, text pairs) and gather the history findings. */
static void replay_files(struct run *R, struct history *h, const char *const *files, size_t n)
{
	char dir[] = "/tmp/quorate-test-eval-XXXXXX";
	assert_non_null(mkdtemp(dir));
	for (size_t i = 0; i + 1 < n; i += 2)
		write_file(dir, files[i], files[i + 1]);
	memset(h, 0, sizeof *h);
	if (setjmp(R->f.oom) != 0)
		fail_msg("out of memory");
	diag_init(&R->f.diag, &R->f.arena);
	loader_init(&R->f.ld, &R->f.arena, &R->f.diag, stdlib_dirs, 1);
	struct replay *rp = replay_new(&R->f.arena, &R->f.ld, &R->f.diag);
	assert_true(replay_add_path(rp, dir));
	struct replay_sink sink = { h, on_meeting, on_finding, on_diagnostics, NULL, false, false };
	replay_run(rp, &sink);
	for (size_t i = 0; i + 1 < n; i += 2) {
		char path[512];
		snprintf(path, sizeof path, "%s/%s", dir, files[i]);
		unlink(path);
	}
	rmdir(dir);
	assert_int_equal(h->diag_errors + R->f.diag.n_errors, 0);
}

/* `meets at least N times a year`: years from the effective date, each
** judged once the history is past it; meetings on the first and last day
** of a year count in it; the year the history ends in, and a year cut short
** by a new version, are not judged. */
static void test_meetings_a_year(void **state)
{
	struct run *R = *state;
	struct history h;
	const char *const boundary[] = {
		"v1.tor", YEARS_TERMS("1", "2024-03-01", "2"),
		"a.minutes", YEARS_MEETING("2024-03-01"),   /* the first day of year 1 */
		"b.minutes", YEARS_MEETING("2025-02-28"),   /* the last day of year 1 */
		"c.minutes", YEARS_MEETING("2025-03-01"),   /* year 2: one meeting */
		"d.minutes", YEARS_MEETING("2026-03-01"),   /* year 3 has begun: 2 is over, 3 is not */
	};
	replay_files(R, &h, boundary, sizeof boundary / sizeof boundary[0]);
	assert_int_equal(h.meetings, 4);
	assert_int_equal(h.short_years, 1);
	assert_string_equal(h.short_msg[0], "1 meeting from 2025-03-01 to 2026-02-28 (year 2 of the terms in force from "
	                                    "2024-03-01), but the terms say the group meets at least 2 times a year");

	/* the day before the year ends: year 2 is not over, nothing is judged */
	const char *const open_year[] = {
		"v1.tor", YEARS_TERMS("1", "2024-03-01", "2"),
		"a.minutes", YEARS_MEETING("2024-03-01"),
		"b.minutes", YEARS_MEETING("2025-02-28"),
		"c.minutes", YEARS_MEETING("2026-02-28"),
	};
	replay_files(R, &h, open_year, sizeof open_year / sizeof open_year[0]);
	assert_int_equal(h.short_years, 0);

	/* years with no meeting at all are each short; from 29 February the
	** anniversaries fall on 28 February */
	const char *const empty_years[] = {
		"v1.tor", YEARS_TERMS("1", "2024-02-29", "1"),
		"a.minutes", YEARS_MEETING("2024-02-29"),
		"b.minutes", YEARS_MEETING("2027-02-28"),
	};
	replay_files(R, &h, empty_years, sizeof empty_years / sizeof empty_years[0]);
	assert_int_equal(h.short_years, 2);
	assert_non_null(strstr(h.short_msg[0], "0 meetings from 2025-02-28 to 2026-02-27 (year 2"));
	assert_non_null(strstr(h.short_msg[1], "0 meetings from 2026-02-28 to 2027-02-27 (year 3"));

	/* a new version: the old one's last year is cut short and not judged;
	** the new one's years run from its own effective date */
	const char *const versions[] = {
		"v1.tor", YEARS_TERMS("1", "2024-01-01", "3"),
		"v2.tor", YEARS_TERMS("2", "2024-09-01", "3"),
		"a.minutes", YEARS_MEETING("2024-02-01"),
		"b.minutes", YEARS_MEETING("2024-10-01"),
		"c.minutes", YEARS_MEETING("2025-09-02"),
	};
	replay_files(R, &h, versions, sizeof versions / sizeof versions[0]);
	assert_int_equal(h.short_years, 1);
	assert_non_null(strstr(h.short_msg[0], "1 meeting from 2024-09-01 to 2025-08-31 (year 1 of the terms in force from 2024-09-01)"));
}

/* Five practices, one representative each, and deputies: foster for stocks
** or vas, gwen for cai; the quorum needs one from each practice. */
#define DEPUTY_TERMS(extra) \
	"terms \"T\" {\n  effective 2024-01-01\n" \
	"  role rep \"Practice representative\" voting\n  role lead \"Lead\" voting\n" \
	"  member ann \"Ann\" lead\n" \
	"  member stocks \"Dr Stocks\" rep north\n  member vas \"Dr Vas\" rep south\n" \
	"  member cai \"Cai\" rep east\n  member dee \"Dee\" rep west\n" \
	"  member foster \"Blake Foster\" deputy for stocks, vas\n" \
	"  member gwen \"Gwen\" clinician deputy for cai\n" \
	"  quorum §3.1 { require present(north) >= 1\n  require present(south) >= 1\n  require present >= 3 }\n" \
	"  casting vote none\n" extra \
	"  class ordinary §4.1 { require yes > half of cast }\n}\n"

/* A deputy present while the principal is absent counts as the principal
** for every count (the quorum by role too) and votes in their place; never
** an extra member; with the principal present the deputy's vote is void. */
static void test_deputy_for_absent_and_present_principal(void **state)
{
	struct run *R = *state;
	const char *terms = DEPUTY_TERMS("");
	evaluate(R, terms, meeting(R, "chair ann\npresent ann, vas, cai, foster\napologies stocks\n"
	                              "motion 1 { for ann, foster\n against vas }\n"
	                              "arrives stocks\n"
	                              "motion 2 { for ann, foster\n against vas, stocks }\n"
	                              "leaves stocks\n"
	                              "motion 3 { for ann, foster }\n"));
	assert_int_equal(R->r->members, 5);                /* foster is no extra member */
	assert_int_equal(R->r->present_at_start, 4);       /* stocks's seat is filled */
	expect_outcome(R, 1, OUTCOME_CARRIED);
	assert_true(MR(R, 1)->quorate);                    /* present(north): foster for stocks */
	expect_count(R, 1, COUNT_PRESENT, 4);
	expect_count(R, 1, COUNT_MEMBERS, 5);
	expect_count(R, 1, COUNT_YES, 2);
	assert_int_equal(MR(R, 1)->n_deputies, 1);
	assert_string_equal(MR(R, 1)->deputies[0].deputy->id, "foster");
	assert_string_equal(MR(R, 1)->deputies[0].principal->id, "stocks");
	/* stocks is back: foster has no vote, and is no voting member present */
	expect_outcome(R, 2, OUTCOME_NOT_CARRIED);
	expect_finding(R, 2, F_DEPUTY_VOTE);
	expect_count(R, 2, COUNT_YES, 1);
	expect_count(R, 2, COUNT_PRESENT, 4);
	assert_int_equal(MR(R, 2)->n_deputies, 0);
	/* and gone again: foster sits from this motion */
	expect_outcome(R, 3, OUTCOME_CARRIED);
	expect_no_finding(R, 3, F_DEPUTY_VOTE);
	expect_count(R, 3, COUNT_YES, 2);
}

/* A principal with a declared interest keeps the seat (present or having
** left the room for the item): no deputy votes in their place.  A deputy in
** a seat who declares an interest is conflicted as a member would be. */
static void test_deputy_for_conflicted_principal(void **state)
{
	struct run *R = *state;
	const char *terms = DEPUTY_TERMS(INTERESTS("void", "excluded", "yes"));
	evaluate(R, terms, meeting(R, "chair ann\npresent ann, stocks, vas, cai, foster\n"
	                              "motion 1 { interest stocks\n for ann, foster\n against vas }\n"
	                              "leaves stocks\n"
	                              "motion 2 { interest stocks\n for ann, foster\n against vas }\n"
	                              "arrives stocks\n"
	                              "motion 3 { for ann, stocks }\n"));
	expect_finding(R, 1, F_DEPUTY_VOTE);               /* stocks is present */
	expect_outcome(R, 1, OUTCOME_VOID);                /* present(north): stocks excluded */
	expect_finding(R, 2, F_DEPUTY_VOTE);               /* the seat stays stocks's */
	expect_count(R, 2, COUNT_YES, 1);
	expect_outcome(R, 2, OUTCOME_VOID);

	/* a deputy in a seat declares an interest: the vote is void, named as deputy */
	evaluate(R, terms, meeting(R, "chair ann\npresent ann, vas, cai, foster\napologies stocks\n"
	                              "motion 1 { interest foster\n for ann, foster\n against vas }\n"));
	expect_finding(R, 1, F_VOTE_CONFLICTED);
	bool named = false;
	for (const struct finding *f = MR(R, 1)->findings.first; f; f = f->next)
		named = named || strstr(f->message, "foster (deputy for stocks)") != NULL;
	assert_true(named);
	expect_outcome(R, 1, OUTCOME_VOID);                /* excluded from the quorum, north absent */
}

/* A deputy for two absent principals sits in one seat: the record may say
** which; where it does not, the motion is decided only if every choice
** gives the same outcome. */
static void test_deputy_for_several_principals(void **state)
{
	struct run *R = *state;
	const char *terms = DEPUTY_TERMS("");
	evaluate(R, terms, meeting(R, "chair ann\npresent ann, cai, dee, foster\napologies stocks, vas\n"
	                              "motion 1 { for ann, cai, foster }\n"));
	expect_outcome(R, 1, OUTCOME_VOID);                /* north or south is missing either way */
	expect_finding(R, 1, F_CHOICE_SAME);
	expect_finding(R, 1, F_INQUORATE);                 /* in every choice */

	const char *one_seat = "terms \"T\" {\n  effective 2024-01-01\n  role rep \"Rep\" voting\n"
	                       "  member stocks \"S\" rep north\n  member vas \"V\" rep south\n  member cai \"C\" rep\n"
	                       "  member foster \"F\" deputy for stocks, vas\n"
	                       "  quorum { require present(north) >= 1 }\n  casting vote none\n"
	                       "  class c { require yes > half of cast }\n}\n";
	evaluate(R, one_seat, meeting(R, "chair cai\npresent cai, foster\nmotion 1 { for cai, foster }\n"));
	expect_outcome(R, 1, OUTCOME_UNDETERMINED);        /* quorate only if foster sat for stocks */
	expect_finding(R, 1, F_CHOICE_DEPENDS);
	expect_no_finding(R, 1, F_INQUORATE);              /* not in every choice */
	evaluate(R, one_seat, meeting(R, "chair cai\ndeputy foster for stocks\npresent cai, foster\n"
	                                 "motion 1 { for cai, foster }\n"));
	expect_outcome(R, 1, OUTCOME_CARRIED);
	expect_no_finding(R, 1, F_CHOICE_DEPENDS);
	evaluate(R, one_seat, meeting(R, "chair cai\ndeputy foster for vas\npresent cai, foster\n"
	                                 "motion 1 { for cai, foster }\n"));
	expect_outcome(R, 1, OUTCOME_VOID);
	/* a statement the terms do not support is an error, and ignored */
	evaluate(R, one_seat, meeting(R, "chair cai\ndeputy foster for cai\ndeputy cai for stocks\n"
	                                 "present cai, foster\nmotion 1 { for cai, foster }\n"));
	assert_int_equal(findings(R, 0, F_DEPUTY_STATEMENT), 2);
	expect_outcome(R, 1, OUTCOME_UNDETERMINED);
}

/* Two deputies for one absent principal: one seat, the first on the
** roster unless the record names the other; the other's vote is void. */
static void test_two_deputies_one_seat(void **state)
{
	struct run *R = *state;
	const char *terms = "terms \"T\" {\n  effective 2024-01-01\n  role rep \"Rep\" voting\n"
	                    "  member stocks \"S\" rep\n  member cai \"C\" rep\n"
	                    "  member d1 \"D1\" deputy for stocks\n  member d2 \"D2\" deputy for stocks\n"
	                    "  quorum { require present >= 2 }\n  casting vote none\n"
	                    "  class c { require yes > half of cast }\n}\n";
	evaluate(R, terms, meeting(R, "chair cai\npresent cai, d1, d2\nmotion 1 { for d1, d2\n against cai }\n"));
	expect_count(R, 1, COUNT_YES, 1);
	expect_finding(R, 1, F_DEPUTY_VOTE);
	evaluate(R, terms, meeting(R, "chair cai\ndeputy d2 for stocks\npresent cai, d1, d2\n"
	                              "motion 1 { for d2\n against cai }\n"));
	assert_string_equal(MR(R, 1)->deputies[0].deputy->id, "d2");
	expect_count(R, 1, COUNT_YES, 1);
	expect_no_finding(R, 1, F_DEPUTY_VOTE);
}

/* A deputy in the Lead's seat chairs as the Lead would. */
static void test_deputy_chairs(void **state)
{
	struct run *R = *state;
	const char *terms = "terms \"T\" {\n  effective 2024-01-01\n  role lead \"Lead\" voting\n  role rep \"Rep\" voting\n"
	                    "  member ann \"A\" lead\n  member cai \"C\" rep\n  member dep \"D\" deputy for ann\n"
	                    "  chaired by lead\n  quorum { require present >= 1 }\n  casting vote none\n"
	                    "  class c { require yes > half of cast }\n}\n";
	evaluate(R, terms, meeting(R, "chair dep\npresent cai, dep\napologies ann\nmotion 1 { for cai, dep }\n"));
	expect_no_finding(R, 0, F_CHAIR_NOT_ALLOWED);
	expect_outcome(R, 1, OUTCOME_CARRIED);
	evaluate(R, terms, meeting(R, "chair dep\npresent ann, cai, dep\nmotion 1 { for cai, ann }\n"));
	expect_finding(R, 0, F_CHAIR_NOT_ALLOWED);         /* ann is here: dep holds no lead seat */
}

/* ==== the room carried between motions ============================================= */

/* A pseudo-random number below n (the same run every time). */
static unsigned below(uint64_t *seed, unsigned n)
{
	*seed = *seed * 6364136223846793005u + 1442695040888963407u;
	return (unsigned)(*seed >> 33) % n;
}

/* Append to buf (cap bytes) at *w. */
static void add(char *buf, size_t cap, size_t *w, const char *fmt, ...) __attribute__((format(printf, 4, 5)));
static void add(char *buf, size_t cap, size_t *w, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(buf + *w, cap - *w, fmt, ap);
	va_end(ap);
	assert_true(n >= 0 && (size_t)n < cap - *w);
	*w += (size_t)n;
}

/* A random meeting of n members (m1..mn, obs1, and with `deputy` d1, a
** deputy for m1 and m2): attendance, arrivals and departures (some
** of them wrong), declarations of interest, named votes (some by members
** not present) and tallies (some tied, with the chair's casting vote). */
static const char *random_meeting(uint64_t *seed, unsigned n, bool deputy, char *buf, size_t cap)
{
	static const char *const kinds[] = { "for", "against", "abstain" };
	bool here[32] = { false };
	size_t w = 0;
	add(buf, cap, &w, "chair m1\npresent m1");
	here[1] = true;
	for (unsigned i = 2; i <= n; i++)
		if (below(seed, 4) != 0) {
			add(buf, cap, &w, ", m%u", i);
			here[i] = true;
		}
	add(buf, cap, &w, "%s\n%s", deputy && below(seed, 2) ? ", d1" : "", below(seed, 2) ? "attending obs1\n" : "");
	unsigned items = 4 + below(seed, 8), motion = 0;
	for (unsigned k = 0; k < items; k++) {
		unsigned who = 1 + below(seed, n);
		if (below(seed, 3) == 0) {
			bool arriving = below(seed, 5) == 0 ? here[who] : !here[who]; /* now and then a wrong one */
			add(buf, cap, &w, "%s %s\n", arriving ? "arrives" : "leaves", who == n && below(seed, 3) == 0 ? "obs1" : S("m%u", who));
			here[who] = arriving;
			continue;
		}
		static const char *const attrs[] = { "", "", "financial ", "financal " };
		add(buf, cap, &w, "motion %u %s{\n", ++motion, attrs[below(seed, 4)]);
		if (below(seed, 4) == 0)
			add(buf, cap, &w, "  interest %s\n", below(seed, 3) == 0 ? "obs1" : S("m%u", 1 + below(seed, n)));
		unsigned consensus = below(seed, 6); /* 0: by consensus alone, 1: with an objection, then votes */
		if (consensus < 2)
			add(buf, cap, &w, "  consensus%s\n", consensus == 1 ? S(" objection m%u", 1 + below(seed, n)) : "");
		if (consensus == 0) {
			/* nothing more: carried by consensus where the terms allow one */
		} else if (below(seed, 4) == 0) {
			/* now and then the chair's casting vote, mostly at a tie */
			unsigned yes = below(seed, n + 1), no = below(seed, n + 1);
			bool casting = below(seed, 3) == 0;
			if (casting && below(seed, 4) != 0)
				no = yes;
			add(buf, cap, &w, "  tally for %u against %u\n", yes, no);
			if (casting)
				add(buf, cap, &w, "  casting %s\n", below(seed, 2) ? "for" : "against");
		} else {
			/* now and then a member named twice, someone the roster does
			** not have, or the observer (who has no vote) */
			bool odd = below(seed, 6) == 0;
			for (unsigned v = 0; v < 3; v++) {
				const char *sep = "";
				for (unsigned i = 1; i <= n; i++) {
					if ((below(seed, 3) != v && !(odd && below(seed, 8) == 0)) || (!here[i] && below(seed, 6) != 0))
						continue;
					add(buf, cap, &w, "%s%s m%u", *sep ? sep : "  ", *sep ? "" : kinds[v], i);
					sep = ",";
				}
				if (odd && below(seed, 4) == 0) {
					static const char *const others[] = { "m99", "obs1", "mm1", "d1" };
					add(buf, cap, &w, "%s%s %s", *sep ? sep : "  ", *sep ? "" : kinds[v], others[below(seed, 3 + deputy)]);
					sep = ",";
				}
				if (*sep)
					add(buf, cap, &w, "\n");
			}
		}
		add(buf, cap, &w, "  recorded %s\n}\n", below(seed, 2) ? "carried" : "not carried");
	}
	if (motion == 0)
		add(buf, cap, &w, "motion 1 { consensus }\n");
	return buf;
}

/* What a report shows of r (the text report), and every motion's counts. */
static char *rendered(const struct meeting_result *r)
{
	struct out o;
	out_open(&o);
	report_text_meeting(o.f, r, NULL);
	for (unsigned i = 0; i < r->n_motions; i++) {
		const struct motion_result *mr = &r->motions[i];
		fprintf(o.f, "motion %u: %d %d %d %lld %lld", i, (int)mr->outcome, mr->quorate, mr->quorum_known,
		        (long long)mr->quorum_present, (long long)mr->quorum_attendees);
		for (unsigned k = 0; k < COUNT__N; k++)
			fprintf(o.f, " %lld", (long long)mr->counts->n[k]);
		for (unsigned q = 0; q < mr->n_quorum; q++)
			for (unsigned k = 0; k < COUNT__N; k++)
				fprintf(o.f, " q%lld", (long long)mr->quorum[q].counts->n[k]);
		fprintf(o.f, "\n");
	}
	if (r->attendance) { /* the register (record_attendance: gathered, or tested one by one when recounted) */
		fprintf(o.f, "attendance:");
		for (unsigned i = 0; i < r->terms->n_members; i++)
			fprintf(o.f, " %d", (int)r->attendance[i]);
		fprintf(o.f, "\n");
	}
	char *text = strdup(out_text(&o));
	out_close(&o);
	return text;
}

/* eval_meeting carries the room's counts, seats and quorum from one
** motion to the next between arrivals and departures: on random meetings
** under random settings, the same result as counting everything again at
** every motion (eval_meeting_recounted).  This holds the short ways of a
** report's judging to the general one: a plain motion in a room whose
** quorum was met shares its results without quorum_findings
** (decide_usual_motion), and a plan's second meeting copies requirements'
** results the first prepared (struct req_prepared). */
static void test_room_carried_as_recounted(void **state)
{
	struct run *R = *state;
	static const char *const votes[] = { "void", "allowed" }, *const quorum[] = { "excluded", "counted", "deemed present" },
	                         *const leaves[] = { "yes", "no" };
	static const char *const rules[] = { "yes > half of cast", "yes >= 2/3 of votes", "yes >= 75% of members",
	                                     "yes > no and yes >= 2" };
	uint64_t seed = 11;
	char text[8192];
	for (int round = 0; round < 300; round++) {
		unsigned n = 3 + below(&seed, 8);
		const char *extra = S("  quorum §3.1 { require present >= %u%s }\n"
		                      "  interests §3.4 { conflicted vote: %s  conflicted quorum: %s  conflicted leaves: %s }\n"
		                      "  casting vote %s\n  consensus %s\n"
		                      "  class financial §4.2 \"money\" { when motion.financial\n    require yes >= 75%% of members }\n"
		                      "  class ordinary §4.1 \"ordinary\" { require %s }\n",
		                      1 + below(&seed, n), below(&seed, 3) == 0 ? "\n    require attendees >= 1" : "",
		                      votes[below(&seed, 2)], quorum[below(&seed, 3)], leaves[below(&seed, 2)],
		                      below(&seed, 2) ? "chair" : "none", below(&seed, 3) ? "first" : "never",
		                      rules[below(&seed, 4)]);
		bool deputy = below(&seed, 4) == 0; /* then nothing is carried between motions: a check of the votes */
		if (deputy)
			extra = S("  member d1 \"Deputy\" deputy for m1, m2\n%s", extra);
		evaluate(R, terms_n(R, n, extra), meeting(R, random_meeting(&seed, n, deputy, text, sizeof text)));
		char *carried = rendered(R->r);
		char *recounted = rendered(eval_meeting_recounted(&R->f.arena, R->t, R->m));
		if (strcmp(carried, recounted) != 0) {
			fprintf(stderr, "%s\n---- carried:\n%s\n---- recounted:\n%s\n", R->meeting_text, carried, recounted);
			fail_msg("round %d: the room carried between motions gives another result", round);
		}
		/* with a plan of the terms, as replay judges: the first meeting
		** fills it, the second reads it */
		struct judge_plan *plan = judge_plan_new(&R->f.arena, R->t);
		for (int again = 0; again < 2; again++) {
			char *planned = rendered(eval_meeting_planned(&R->f.arena, plan, R->m));
			if (strcmp(carried, planned) != 0)
				fail_msg("round %d: judged with a plan (%d), another result", round, again);
			free(planned);
		}
		free(carried);
		free(recounted);
		fixture_free(&R->f);
		fixture_init(&R->f);
	}
}

/* Everything of r but the findings' messages and fix-its and the
** requirements' workings: each finding's code, severity, clause and
** places, and what rendered() shows of each motion besides its findings. */
static char *skeleton(const struct meeting_result *r, bool messages_empty)
{
	struct out o;
	out_open(&o);
	const struct finding_list *lists[1 + 64];
	unsigned n = 0;
	lists[n++] = &r->findings;
	for (unsigned i = 0; i < r->n_motions && n < 1 + 64; i++)
		lists[n++] = &r->motions[i].findings;
	for (unsigned l = 0; l < n; l++)
		for (const struct finding *f = lists[l]->first; f; f = f->next) {
			fprintf(o.f, "%u: %s %d %s %u-%u %u-%u\n", l, finding_code_name(f->code), (int)f->sev,
			        f->clause ? f->clause : "-", f->where.start, f->where.end, f->rule.start, f->rule.end);
			if (messages_empty)
				assert_string_equal(f->message, "");
		}
	for (unsigned i = 0; i < r->n_motions; i++) {
		const struct motion_result *mr = &r->motions[i];
		fprintf(o.f, "motion %u: %d %d %d %d %lld %lld %s", i, (int)mr->outcome, (int)mr->recorded, mr->quorate,
		        mr->quorum_known, (long long)mr->quorum_present, (long long)mr->quorum_attendees,
		        mr->cls ? mr->cls->id : "-");
		for (unsigned k = 0; k < COUNT__N; k++)
			fprintf(o.f, " %lld", (long long)mr->counts->n[k]);
		/* no requirement's working: a plan that only counts keeps none
		** (judge_plan_counts_only), and its verdict is in the outcome */
		if (messages_empty)
			assert_int_equal(mr->n_reqs, 0);
		fprintf(o.f, "\n");
	}
	fprintf(o.f, "%u %u %u %u %u\n", r->count_by_sev[0], r->count_by_sev[1], r->count_by_sev[2],
	        r->count_by_sev[3], r->mismatches);
	if (messages_empty)
		assert_null(r->attendance); /* no register where findings are only counted */
	char *text = strdup(out_text(&o));
	out_close(&o);
	return text;
}

/* A plan that only counts findings (replay --summary) judges as one that
** writes them: the same findings, codes, places and outcomes, without
** messages. */
static void test_counts_only_as_written(void **state)
{
	struct run *R = *state;
	uint64_t seed = 29;
	char text[8192];
	for (int round = 0; round < 200; round++) {
		unsigned n = 3 + below(&seed, 8);
		const char *extra = S("  quorum §3.1 { require present >= %u }\n"
		                      "  interests §3.4 { conflicted vote: void  conflicted quorum: excluded  conflicted leaves: %s }\n"
		                      "  casting vote %s\n  notice §5.3 papers 5 days before\n"
		                      "  class financial §4.2 \"money\" { when motion.financial\n    require yes >= 75%% of members }\n"
		                      "  class ordinary §4.1 \"ordinary\" { require yes > half of cast%s }\n",
		                      1 + below(&seed, n), below(&seed, 2) ? "yes" : "no", below(&seed, 2) ? "chair" : "none",
		                      /* a rule that cannot be evaluated (no motion gives motion.amount): said */
		                      round % 3 == 0 ? "\n    require motion.amount > 0" : "");
		evaluate(R, terms_n(R, n, extra), meeting(R, random_meeting(&seed, n, false, text, sizeof text)));
		char *written = skeleton(R->r, false);
		struct judge_plan *plan = judge_plan_new(&R->f.arena, R->t);
		judge_plan_counts_only(plan);
		for (int again = 0; again < 2; again++) {
			char *counted = skeleton(eval_meeting_planned(&R->f.arena, plan, R->m), true);
			if (strcmp(written, counted) != 0) {
				fprintf(stderr, "%s\n---- written:\n%s\n---- counted:\n%s\n", R->meeting_text, written, counted);
				fail_msg("round %d: findings only counted (%d), another result", round, again);
			}
			free(counted);
		}
		free(written);
		fixture_free(&R->f);
		fixture_init(&R->f);
	}
}

/* Names a replay's reader interned for the whole run (struct meeting's
** names_lasting) are remembered by their address from one meeting to the
** next: judged with one plan, meetings read that way and meetings read
** the full way (their names the meeting's own, freed with it and the
** addresses reused), interleaved, each give what the meeting judged alone
** gives; names the roster does not have among them.  The plan's messages
** (add_finding_kept: ties, casting votes, mismatches, inquorate rooms) and
** prepared results are then read at meeting after meeting: each the same
** as made afresh. */
static void test_lasting_names_as_alone(void **state)
{
	struct run *R = *state;
	uint64_t seed = 53;
	char text[8192];
	unsigned lasting = 0;
	for (int version = 0; version < 8; version++) {
		unsigned n = 3 + below(&seed, 8);
		check_terms(R, terms_n(R, n, S("  quorum §3.1 { require present >= %u }\n  casting vote chair\n"
		                               "  class ordinary §4.1 \"ordinary\" { require yes > half of cast }\n",
		                               2 + below(&seed, n))));
		struct judge_plan *plan = judge_plan_new(&R->f.arena, R->t);
		struct fastrec_names *names = fastrec_names_new(&R->f.arena);
		struct arena meet;
		arena_init(&meet, R->f.arena.mem);
		for (int round = 0; round < 80; round++) {
			/* members past n: names the roster does not have */
			const char *mt = meeting(R, random_meeting(&seed, n + below(&seed, 3), false, text, sizeof text));
			struct source *src = arena_alloc(&meet, sizeof *src);
			source_from_memory(src, &meet, "meeting.minutes", mt, strlen(mt));
			struct meeting *m = NULL;
			if (below(&seed, 2)) {
				/* now and then the reader's own table: gone with the reader */
				bool shared = below(&seed, 4) != 0;
				struct fastrec *fr = fastrec_open(&meet, src, shared ? names : NULL);
				assert_non_null(fr);
				assert_int_equal(fastrec_next(fr, &meet, &m), FASTREC_MEETING);
				assert_int_equal(m->names_lasting, shared);
				lasting += shared;
				fastrec_close(fr);
			} else {
				struct ast_file file;
				assert_int_equal(parse_file(&meet, &R->f.diag, src, &file), 0);
				m = minutes_from_ast(&meet, &R->f.diag, first_item(&file, N_MEETING), src);
				assert_non_null(m);
				assert_false(m->names_lasting);
			}
			char *alone = rendered(eval_meeting(&meet, R->t, m));
			char *planned = rendered(eval_meeting_planned(&meet, plan, m));
			if (strcmp(alone, planned) != 0) {
				fprintf(stderr, "%s\n---- alone:\n%s\n---- with the plan:\n%s\n", mt, alone, planned);
				fail_msg("version %d, round %d: judged with the plan (names %s), another result", version, round,
				         m->names_lasting ? "lasting" : "the meeting's own");
			}
			free(alone);
			free(planned);
			arena_reset(&meet);
		}
		fastrec_names_release(names); /* the scanner it keeps for the next reader */
		arena_free(&meet);
	}
	assert_true(lasting > 150);
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

/* ---- approval by another body (docs/semantics.md#approval-by-another-body) ---- */

#define APPROVAL_CLASSES \
	"  quorum { require present >= 2 }\n" \
	"  class plan §5.2 { when motion.kind == \"plan\"\n require yes > half of cast\n" \
	"    approval by \"Primary Care Sub-Committee\" }\n" \
	"  class ordinary §5.1 { require yes > half of cast }\n"

/* The meeting carries a plan: provisional until the sub-committee approves
** it on or after the meeting's date; an approval dated the day before the
** meeting, or by another body, does not count; a refusal: not carried. */
static void test_approval_before_and_after_the_meeting(void **state)
{
	struct run *R = *state;
	evaluate(R, terms_n(R, 3, APPROVAL_CLASSES),
	         meeting(R, "present m1, m2, m3\n"
	                    "motion 1 kind \"plan\" { for m1, m2\n recorded carried }\n"
	                    "motion 2 kind \"plan\" { for m1, m2\n recorded carried\n"
	                    "  approved by \"Primary Care Sub-Committee\" on 2024-05-14 }\n"
	                    "motion 3 kind \"plan\" { for m1, m2\n recorded carried\n"
	                    "  approved by \"Primary Care Sub-Committee\" on 2024-05-13 }\n"
	                    "motion 4 kind \"plan\" { for m1, m2\n recorded carried\n"
	                    "  approved by \"Health Board\" on 2024-06-01 }\n"
	                    "motion 5 kind \"plan\" { for m1, m2\n recorded carried\n"
	                    "  refused by \"Primary Care Sub-Committee\" on 2024-06-01 }\n"));
	expect_outcome(R, 1, OUTCOME_PROVISIONAL);
	assert_int_equal(MR(R, 1)->approval, APPROVAL_AWAITED);
	expect_finding(R, 1, F_APPROVAL_AWAITED);
	expect_no_finding(R, 1, F_MISMATCH);            /* minuted carried: provisional agrees */
	expect_outcome(R, 2, OUTCOME_CARRIED);           /* the same day counts */
	assert_int_equal(MR(R, 2)->approval, APPROVAL_GRANTED);
	expect_finding(R, 2, F_APPROVAL_GIVEN);
	expect_outcome(R, 3, OUTCOME_PROVISIONAL);       /* the day before does not */
	assert_int_equal(MR(R, 3)->approval, APPROVAL_EARLY);
	expect_finding(R, 3, F_APPROVAL_RECORD);
	expect_outcome(R, 4, OUTCOME_PROVISIONAL);
	assert_int_equal(MR(R, 4)->approval, APPROVAL_OTHER_BODY);
	expect_finding(R, 4, F_APPROVAL_RECORD);
	expect_outcome(R, 5, OUTCOME_NOT_CARRIED);
	assert_int_equal(MR(R, 5)->approval, APPROVAL_REFUSED);
	expect_finding(R, 5, F_APPROVAL_REFUSED);
	expect_no_finding(R, 5, F_MISMATCH);            /* the meeting did carry it */
	for (unsigned i = 1; i <= 5; i++)
		assert_int_equal(motion_awaits_approval(MR(R, i)), i == 1 || i == 3 || i == 4);
}

/* Approval changes nothing where the meeting did not carry the motion, or
** its class needs none; a void (inquorate) plan awaits nothing. */
static void test_approval_not_needed(void **state)
{
	struct run *R = *state;
	evaluate(R, terms_n(R, 3, APPROVAL_CLASSES),
	         meeting(R, "present m1, m2, m3\n"
	                    "motion 1 kind \"plan\" { for m1\n against m2, m3\n recorded not carried\n"
	                    "  approved by \"Primary Care Sub-Committee\" on 2024-06-01 }\n"
	                    "motion 2 { for m1, m2\n recorded carried\n"
	                    "  approved by \"Primary Care Sub-Committee\" on 2024-06-01 }\n"
	                    "leaves m2, m3\n"
	                    "motion 3 kind \"plan\" { for m1\n recorded carried }\n"));
	expect_outcome(R, 1, OUTCOME_NOT_CARRIED);
	expect_finding(R, 1, F_APPROVAL_UNNEEDED);
	assert_int_equal(MR(R, 1)->approval, APPROVAL_NOT_NEEDED);
	expect_outcome(R, 2, OUTCOME_CARRIED);
	expect_finding(R, 2, F_APPROVAL_UNNEEDED);
	expect_outcome(R, 3, OUTCOME_VOID);
	expect_no_finding(R, 3, F_APPROVAL_AWAITED);
	assert_false(motion_awaits_approval(MR(R, 3)));
}

/* A decision outside a meeting that also needs approval: carried only when
** both ratified (replay) and approved; refused, not carried. */
static void test_approval_outside_a_meeting(void **state)
{
	struct run *R = *state;
	evaluate(R, terms_n(R, 3, APPROVAL_CLASSES "  virtual { ratify at next meeting }\n"),
	         meeting(R, "motion 1 kind \"plan\" { virtual on 2024-05-14\n for m1, m2, m3\n recorded carried\n"
	                    "  approved by \"Primary Care Sub-Committee\" on 2024-05-20 }\n"
	                    "motion 2 kind \"plan\" { virtual on 2024-05-14\n for m1, m2, m3\n recorded carried\n"
	                    "  refused by \"Primary Care Sub-Committee\" on 2024-05-20 }\n"));
	expect_outcome(R, 1, OUTCOME_PROVISIONAL);       /* until ratified */
	assert_int_equal(MR(R, 1)->approval, APPROVAL_GRANTED);
	expect_finding(R, 1, F_PROVISIONAL);
	expect_outcome(R, 2, OUTCOME_NOT_CARRIED);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_threshold_fractions_differ),
		T(test_threshold_exactly_and_one_below),
		T(test_threshold_odd_and_even_bases),
		T(test_empty_base_nothing_carried),
		T(test_empty_base_under_not),
		T(test_fifty_percent_plus_one),
		T(test_votes_needed),
		T(test_quorum_fraction),
		T(test_quorum_rounding),
		T(test_quorum_lost_part_way),
		T(test_void_mismatch_cites_quorum_clause),
		T(test_quorum_by_role),
		T(test_interest_vote_void),
		T(test_interest_vote_allowed),
		T(test_interest_must_leave),
		T(test_interest_quorum_settings),
		T(test_interest_deemed_present_after_leaving),
		T(test_two_voting_roles_one_vote),
		T(test_vote_for_and_against),
		T(test_votes_without_a_vote),
		T(test_unplaced_names),
		T(test_member_outside_dates),
		T(test_casting_vote_decides_a_tie),
		T(test_casting_vote_where_terms_give_none),
		T(test_casting_vote_without_a_tie),
		T(test_casting_vote_by_conflicted_chair),
		T(test_casting_vote_cannot_make_75_percent),
		T(test_tie_unresolved),
		T(test_consensus),
		T(test_consensus_with_objection),
		T(test_casting_declined),
		T(test_terms_not_in_force_decide_nothing),
		T(test_declared_only),
		T(test_virtual_decisions),
		T(test_notice_papers_calendar_days),
		T(test_notice_papers_clear_days),
		T(test_notice_minutes_within),
		T(test_notice_of_motion),
		T(test_recorded_outcome),
		T(test_language_md_example),
		T(test_class_selection),
		T(test_every_require_must_hold),
		T(test_tallies),
		T(test_tally_agrees_with_named_votes_before_voiding),
		T(test_terms_in_force_review_and_size),
		T(test_attendance_checks),
		T(test_room_carried_as_recounted),
		T(test_counts_only_as_written),
		T(test_lasting_names_as_alone),
		T(test_to_be_agreed_and_rule_errors),
		T(test_history_versions_and_gaps),
		T(test_findings_table),
		T(test_attendees_in_the_quorum),
		T(test_attendees_in_a_class_rule),
		T(test_attendees_unreachable_quorum),
		T(test_chaired_by),
		T(test_minutes_record_votes),
		T(test_meetings_a_year),
		T(test_deputy_for_absent_and_present_principal),
		T(test_deputy_for_conflicted_principal),
		T(test_deputy_for_several_principals),
		T(test_two_deputies_one_seat),
		T(test_deputy_chairs),
		T(test_approval_before_and_after_the_meeting),
		T(test_approval_not_needed),
		T(test_approval_outside_a_meeting),
	};
	return cmocka_run_group_tests_name("eval", tests, NULL, NULL);
}

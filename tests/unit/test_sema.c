/*
** Unit tests for sema (src/check/sema.c, items.c, compile.c, lint.c): every check `quorate check` promises, by
** diagnostic code, on terms written in the language.
**
** check() parses a string and runs sema on its terms block with the loader
** looking in stdlib/ (tests run from the repository root).  Most tests wrap
** their items in full_terms(), a body whose settings are all stated, so that
** the only diagnostics are the ones under test; codes() lists what was
** reported, sorted, and at() checks where.  Each check has a case that must
** fire and a close one that must not: a threshold of exactly 100%, a quorum
** met by exactly the whole roster, "50% + 2", a class list with a final
** catch-all.
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
#include <sys/stat.h>
#include <unistd.h>

#include "check/load.h"
#include "check/sema.h"
#include "front/parse.h"

/* ==== harness ================================================================ */

struct ctx {
	struct fixture f;
	struct source src;
	struct ast_file file;
	struct terms *terms;     /* the last check()'s result */
	char tmpdir[64];         /* for module files; "" if none */
};

static const char *const stdlib_dirs[] = { "stdlib" };

FIXTURE_SETUP(struct ctx)

static int teardown(void **state)
{
	struct ctx *c = *state;
	if (c->tmpdir[0]) {
		char cmd[128];
		snprintf(cmd, sizeof cmd, "rm -rf '%s'", c->tmpdir);
		if (system(cmd) != 0)
			fprintf(stderr, "could not remove %s\n", c->tmpdir);
	}
	fixture_free(&c->f);
	free(c);
	return 0;
}

/* The library jumps to c->f.oom when memory runs out: it must be a live frame,
** so every test sets it itself. */
#define CTX(c) FIXTURE_ENTER(struct ctx, c)

/* Parse text and check its (first) terms block, with modules found in dirs. */
static struct terms *check_in(struct ctx *c, const char *text, const char *const *dirs, unsigned n_dirs)
{
	diag_init(&c->f.diag, &c->f.arena);
	loader_init(&c->f.ld, &c->f.arena, &c->f.diag, dirs, n_dirs);
	source_from_memory(&c->src, &c->f.arena, "t.tor", text, strlen(text));
	c->terms = NULL;
	if (parse_file(&c->f.arena, &c->f.diag, &c->src, &c->file) != 0)
		fail_msg("syntax errors: %s", c->f.diag.items.items[0].msg);
	const struct node *n = c->file.items;
	while (n && n->kind != N_TERMS)
		n = n->next;
	assert_non_null(n);
	c->terms = sema_terms(&c->f.arena, &c->f.diag, &c->f.ld, n, &c->src);
	diag_sort(&c->f.diag);
	return c->terms;
}

static struct terms *check(struct ctx *c, const char *text)
{
	return check_in(c, text, stdlib_dirs, 1);
}

/* A terms block with every setting stated (so no notes), two voting roles,
** one attending role, four voting members and one attending, and `items`. */
static const char *full_terms(struct ctx *c, const char *items)
{
	return arena_printf(&c->f.arena,
		"terms \"Test\" {\n"
		"  effective 2024-04-01\n"
		"  consensus first\n"
		"  casting vote chair\n"
		"  interests { conflicted vote: void  conflicted quorum: excluded  conflicted leaves: no }\n"
		"  role gp \"GP\" voting\n"
		"  role pm \"Practice Manager\" voting\n"
		"  role phw \"Public Health Wales\" attending\n"
		"  member alice \"Dr Alice Jones\" gp clinician\n"
		"  member bob \"Bob Smith\" pm\n"
		"  member carol \"Dr Carol White\" gp clinician\n"
		"  member dan \"Dan Brown\" pm\n"
		"  member judy \"Judy Black\" phw\n"
		"%s\n"
		"}\n", items);
}

/* full_terms with a quorum of all four (so that any class can carry at
** the smallest quorate meeting), `items`, and last a catch-all class. */
static const char *good_terms(struct ctx *c, const char *items)
{
	return full_terms(c, arena_printf(&c->f.arena,
		"  quorum { require present >= 4 }\n"
		"%s"
		"  class ordinary { require yes > half of cast }\n", items));
}

/* full_terms with a quorum of all four, `items`, and one class `x` that
** holds `requires` (several `require` lines may be given). */
static const char *class_terms(struct ctx *c, const char *items, const char *requires)
{
	return full_terms(c, arena_printf(&c->f.arena,
		"  quorum { require present >= 4 }\n"
		"%s"
		"  class x { %s }\n", items, requires));
}

/* The codes reported, in order of position, space-separated. */
static const char *codes(struct ctx *c)
{
	char *out = arena_strdup(&c->f.arena, "");
	for (size_t i = 0; i < c->f.diag.items.n; i++)
		out = arena_printf(&c->f.arena, "%s%s%s", out, *out ? " " : "",
		                   diag_code_name(c->f.diag.items.items[i].code));
	return out;
}

static const struct diag *diag_at(struct ctx *c, size_t i)
{
	if (i >= c->f.diag.items.n)
		fail_msg("only %zu diagnostics (%s)", c->f.diag.items.n, codes(c));
	return &c->f.diag.items.items[i];
}

/* Diagnostic i is in t.tor and starts where `needle` (first occurrence after
** `after`, if given) starts. */
static void at(struct ctx *c, size_t i, const char *needle, const char *after)
{
	const struct diag *d = diag_at(c, i);
	const char *from = c->src.text;
	if (after) {
		from = strstr(from, after);
		assert_non_null(from);
	}
	const char *p = strstr(from, needle);
	assert_non_null(p);
	assert_ptr_equal(d->loc.src, &c->src);
	if (d->loc.start != (uint32_t)(p - c->src.text)) {
		unsigned line, col, want_line, want_col;
		source_position(&c->src, d->loc.start, &line, &col);
		source_position(&c->src, (uint32_t)(p - c->src.text), &want_line, &want_col);
		fail_msg("diagnostic %zu (%s) at %u:%u, want %u:%u ('%s')", i, d->msg, line, col,
		         want_line, want_col, needle);
	}
}

static void expect_codes(struct ctx *c, const char *want)
{
	const char *got = codes(c);
	if (strcmp(got, want) != 0) {
		for (size_t i = 0; i < c->f.diag.items.n; i++)
			fprintf(stderr, "  %s: %s\n", diag_code_name(c->f.diag.items.items[i].code),
			        c->f.diag.items.items[i].msg);
		fail_msg("codes: got \"%s\", want \"%s\"", got, want);
	}
}

static void expect_msg(struct ctx *c, size_t i, const char *want)
{
	assert_string_equal(diag_at(c, i)->msg, want);
}

static bool has_note(const struct diag *d, const char *text)
{
	for (const struct diag_note *n = d->notes; n; n = n->next)
		if (strstr(n->msg, text))
			return true;
	return false;
}

/* ==== the example and the model ================================================ */

static char *read_file(struct ctx *c, const char *path)
{
	struct source s;
	const char *why = NULL;
	if (source_load(&s, &c->f.arena, path, &why) != 0)
		fail_msg("%s: %s", path, why);
	return (char *)s.text;
}

static void test_anytown(void **state)
{
	CTX(c);
	struct terms *t = check(c, read_file(c, "examples/anytown/terms.tor"));
	/* the quorum of 6 of 9 cannot carry 75% of members (7): the example */
	expect_codes(c, "class.cannot-carry");
	assert_non_null(t);
	assert_string_equal(t->name, "Anytown Cluster Leadership Group");
	assert_string_equal(t->version, "0.4");
	assert_true(t->has_effective);
	qdate d;
	assert_int_equal(date_parse("2024-04-01", 10, &d), DATE_OK);
	assert_int_equal(t->effective, d);

	assert_int_equal(t->n_members, 10);
	unsigned voting = 0;
	for (unsigned i = 0; i < t->n_members; i++)
		voting += t->members[i].voting;
	assert_int_equal(voting, 9); /* judy (finance) attends without a vote */
	int dan = terms_find_member(t, "dan"), erin = terms_find_member(t, "erin");
	assert_true(dan >= 0 && erin >= 0);
	assert_true(t->members[dan].has_from);
	assert_true(t->members[erin].has_until);
	assert_int_equal(date_parse("2024-10-01", 10, &d), DATE_OK);
	assert_false(terms_member_active(&t->members[erin], d));
	assert_int_equal(date_parse("2024-09-30", 10, &d), DATE_OK);
	assert_true(terms_member_active(&t->members[erin], d)); /* until is inclusive */
	int clinician = terms_find_group(t, "clinician");
	assert_true(clinician >= 0);
	assert_false(t->groups[clinician].is_role);
	assert_true(t->members[terms_find_member(t, "alice")].groups & (UINT64_C(1) << clinician));
	assert_int_equal(terms_find_member(t, "nobody"), -1);

	assert_true(t->has_size);
	assert_int_equal(t->size_min, 8);
	assert_int_equal(t->size_max, 12);
	assert_int_equal(t->n_quorum, 2);
	assert_string_equal(t->quorum_clause, "3.1");
	assert_true(t->consensus_allowed);
	assert_true(t->casting_chair);
	assert_int_equal(t->conflict_vote, CONFLICT_VOTE_VOID);
	assert_int_equal(t->conflict_quorum, CONFLICT_QUORUM_EXCLUDED);
	assert_false(t->conflict_leaves);

	assert_int_equal(t->n_classes, 3);
	assert_string_equal(t->classes[0].id, "amendment");
	assert_string_equal(t->classes[0].clause, "9");
	assert_true(t->classes[0].has_notice);
	assert_int_equal(t->classes[0].notice.n, 14);
	assert_string_equal(t->classes[2].clause, "3.3.3");
	assert_int_equal(t->classes[2].n_requires, 1);
	assert_non_null(terms_find_class(t, "financial"));
	assert_null(terms_find_class(t, "special"));

	assert_true(t->virtual_allowed);
	assert_true(t->ratify_next_meeting);
	assert_int_equal(t->papers.period.n, 5);
	assert_int_equal(t->papers.period.unit, DUR_DAYS);
	assert_string_equal(t->papers.clause, "5.3");
	assert_int_equal(t->minutes.period.n, 10);
	assert_int_equal(t->meets.period.n, 2);
	assert_int_equal(t->meets.period.unit, DUR_MONTHS);
	assert_int_equal(t->review.period.n, 12);
	/* the stdlib's rules came in with `use std.majorities` */
	bool found = false;
	for (unsigned i = 0; i < t->n_rules; i++)
		found = found || strcmp(t->rules[i].name, "two_thirds_of_members") == 0;
	assert_true(found);
}

/* What a file leaves open is filled in with the documented default, and
** `check` says so, once per setting, as a note. */
static void test_defaults(void **state)
{
	CTX(c);
	struct terms *t = check(c,
		"terms \"Bare\" {\n"
		"  effective 2024-04-01\n"
		"  role gp \"GP\" voting\n"
		"  member alice \"A\" gp\n"
		"  quorum { require present >= 1 }\n"
		"  class ordinary { require yes > half of cast }\n"
		"}\n");
	expect_codes(c, "default default default default default");
	for (size_t i = 0; i < 5; i++) {
		assert_int_equal(diag_at(c, i)->sev, DIAG_NOTE);
		at(c, i, "\"Bare\"", NULL);
	}
	assert_non_null(t);
	assert_false(t->consensus_allowed);
	assert_false(t->consensus_stated);
	assert_false(t->casting_stated);
	assert_int_equal(t->conflict_vote, CONFLICT_VOTE_VOID);
	assert_int_equal(t->conflict_quorum, CONFLICT_QUORUM_EXCLUDED);
	assert_false(t->conflict_leaves);
	assert_int_equal(c->f.diag.n_errors, 0);
	assert_int_equal(c->f.diag.n_warnings, 0);

	/* some stated, the rest noted */
	t = check(c,
		"terms \"Some\" {\n"
		"  effective 2024-04-01\n"
		"  casting vote none\n"
		"  interests { conflicted vote: allowed  conflicted quorum: deemed present }\n"
		"  role gp \"GP\" voting\n"
		"  member alice \"A\" gp\n"
		"  quorum { require present >= 1 }\n"
		"  class ordinary { require yes > half of cast }\n"
		"}\n");
	expect_codes(c, "default default");
	assert_non_null(strstr(diag_at(c, 0)->msg, "consensus"));
	assert_non_null(strstr(diag_at(c, 1)->msg, "conflicted leaves:"));
	assert_int_equal(t->conflict_vote, CONFLICT_VOTE_ALLOWED);
	assert_int_equal(t->conflict_quorum, CONFLICT_QUORUM_DEEMED);
	assert_true(t->casting_stated);
	assert_false(t->casting_chair);

	/* everything stated: silence */
	check(c, good_terms(c, ""));
	expect_codes(c, "");
}

/* ==== names ================================================================== */

static void test_duplicate_names(void **state)
{
	CTX(c);
	check(c, good_terms(c, "  role gp \"GP again\" voting\n"));
	expect_codes(c, "name.duplicate");
	at(c, 0, "gp \"GP again\"", NULL);
	expect_msg(c, 0, "role 'gp' is defined twice");
	assert_non_null(diag_at(c, 0)->notes);
	assert_ptr_equal(diag_at(c, 0)->notes->loc.src, &c->src);

	check(c, good_terms(c, "  member bob \"Robert\" gp\n"));
	expect_codes(c, "name.duplicate");
	at(c, 0, "bob \"Robert\"", NULL);
	expect_msg(c, 0, "member 'bob' is listed twice");

	check(c, good_terms(c, "  member pm \"Pat\" gp\n"));
	expect_codes(c, "name.duplicate");
	expect_msg(c, 0, "'pm' is already the name of a role");

	check(c, good_terms(c, "  member erin \"Erin\" gp clinician gp\n"));
	expect_codes(c, "name.duplicate");
	at(c, 0, "gp\n", "erin");

	check(c, good_terms(c, "  class ordinary { require yes > half of votes }\n"));
	expect_codes(c, "name.duplicate");
	at(c, 0, "ordinary { require yes > half of cast", NULL);

	check(c, good_terms(c, "  rule r = yes > 1\n  rule r = yes > 2\n  rule p(x, x) = x > 1\n"));
	expect_codes(c, "name.duplicate name.duplicate");
	at(c, 0, "r = yes > 2", NULL);
	at(c, 1, "x) = x", NULL);
	expect_msg(c, 1, "parameter 'x' is named twice");
}

/* A rule of the terms file that has the name of one in a module it uses: the
** note points into the module, with the module's own file name. */
static void test_duplicate_rule_from_stdlib(void **state)
{
	CTX(c);
	check(c, good_terms(c, "  use std.majorities\n  rule majority_of_cast = yes > 0\n"));
	expect_codes(c, "name.duplicate");
	const struct diag *d = diag_at(c, 0);
	assert_non_null(d->notes);
	assert_non_null(d->notes->loc.src);
	assert_string_equal(d->notes->loc.src->name, "stdlib/std/majorities.tor");
	/* using the same module twice is not a duplicate */
	check(c, good_terms(c, "  use std.majorities\n  use std.majorities\n"));
	expect_codes(c, "");
}

/* Each setting may be said once; the second is reported with a note at the
** first. */
static void test_duplicate_settings(void **state)
{
	CTX(c);
	static const struct {
		const char *items, *second;
	} cases[] = {
		{ "  version \"1\"\n  version \"2\"\n", "version \"2\"" },
		{ "  effective 2024-05-01\n", "effective 2024-05-01" },
		{ "  review every 1 year\n  review every 2 years\n", "review every 2" },
		{ "  meets every 1 month\n  meets every 2 months\n", "meets every 2" },
		{ "  size 1 to 9\n  size 2 to 9\n", "size 2" },
		{ "  quorum { require present >= 3 }\n", "quorum { require present >= 3" },
		{ "  consensus never\n", "consensus never" },
		{ "  casting vote none\n", "casting vote none" },
		{ "  interests { conflicted vote: allowed }\n", "interests { conflicted vote: allowed" },
		{ "  virtual { ratify at next meeting }\n  virtual { ratify within 7 days }\n", "virtual { ratify within" },
		{ "  notice papers 5 days before\n  notice papers 7 days before\n", "notice papers 7" },
		{ "  notice minutes within 5 days after\n  notice minutes within 7 days after\n", "notice minutes within 7" },
		{ "  class other { when true  when false  require yes > 1 }\n", "when false" },
		{ "  class other { notice 1 day before  notice 2 days before  require yes > 1 }\n", "notice 2 days" },
		{ "  virtual { ratify at next meeting  ratify within 7 days }\n", "ratify within" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		check(c, good_terms(c, cases[i].items));
		/* a class `when true` first makes `ordinary` unreachable: not
		** reported, as errors stop the whole-file checks */
		if (strcmp(codes(c), "name.duplicate") != 0)
			fail_msg("case %zu: %s", i, codes(c));
		at(c, 0, cases[i].second, NULL);
		assert_true(has_note(diag_at(c, 0), "first set here"));
	}
	/* the same interests setting twice */
	check(c,
		"terms \"T\" {\n"
		"  effective 2024-04-01\n"
		"  consensus first\n"
		"  casting vote chair\n"
		"  interests { conflicted vote: void  conflicted vote: allowed  conflicted quorum: counted  conflicted leaves: yes }\n"
		"  role gp \"GP\" voting\n"
		"  member alice \"A\" gp\n"
		"  quorum { require present >= 1 }\n"
		"  class ordinary { require yes > half of cast }\n"
		"}\n");
	expect_codes(c, "name.duplicate");
	at(c, 0, "conflicted vote: allowed", NULL);
}

static void test_undefined_names(void **state)
{
	CTX(c);
	check(c, full_terms(c,
		"  quorum { require present(gp, chairperson) >= 1 }\n"
		"  class ordinary { require yes > half of cast and members(trustee) > 0 }\n"));
	expect_codes(c, "name.undefined name.undefined");
	at(c, 0, "chairperson", NULL);
	expect_msg(c, 0, "no role or tag named 'chairperson'");
	at(c, 1, "trustee", NULL);

	/* tags are defined by being given to a member, and count as names */
	check(c, full_terms(c,
		"  quorum { require present(clinician) >= 1 and present(phw) >= 0 }\n"
		"  class ordinary { require yes > half of cast }\n"));
	expect_codes(c, "");

	check(c, good_terms(c,
		"  rule share(fraction) = yes >= fraction of cast\n"
		"  class a { require nosuch }\n"
		"  class b { require share(1/2) and fraction > 0 }\n"));
	expect_codes(c, "name.undefined name.undefined");
	at(c, 0, "nosuch", NULL);
	expect_msg(c, 0, "no rule named 'nosuch'");
	at(c, 1, "fraction > 0", NULL);

	check(c, good_terms(c, "  rule r(x) = x > y\n"));
	expect_codes(c, "name.undefined");
	expect_msg(c, 0, "no rule named 'y' (and no parameter of that name)");
}

static void test_arity(void **state)
{
	CTX(c);
	check(c, class_terms(c,
		"  rule at_least(f, base) = yes >= f of base\n"
		"  rule simple = yes > half of cast\n",
		"require at_least(1/2)\n"
		"    require simple(cast)\n"
		"    require floor(1, 2) > 0\n"
		"    require max(yes) > 0 and min(yes, no) >= 0"));
	expect_codes(c, "rule.arity rule.arity rule.arity rule.arity");
	at(c, 0, "at_least(1/2)", NULL);
	expect_msg(c, 0, "rule 'at_least' takes 2 arguments, not 1");
	assert_true(has_note(diag_at(c, 0), "defined here"));
	expect_msg(c, 1, "rule 'simple' takes 0 arguments, not 1");
	expect_msg(c, 2, "floor and ceil take one argument");
	expect_msg(c, 3, "min and max take two or more arguments");
	/* a stdlib rule with parameters, called right */
	check(c, class_terms(c, "  use std.majorities\n", "require at_least(3/4, members)"));
	expect_codes(c, "");
}

static void test_recursion(void **state)
{
	CTX(c);
	check(c, good_terms(c, "  rule loop = yes > 1 and loop\n"));
	expect_codes(c, "rule.recursive");
	at(c, 0, "loop = yes", NULL);
	check(c, good_terms(c, "  rule ping = pong\n  rule pong = ping or yes > 0\n  class x { require pong }\n"));
	expect_codes(c, "rule.recursive");
	check(c, good_terms(c, "  rule f(n) = g(n)\n  rule g(n) = f(n) and n > 0\n"));
	expect_codes(c, "rule.recursive");
	/* the same rule used twice, or through two paths, is not a cycle */
	check(c, class_terms(c,
		"  rule base = yes > half of cast\n"
		"  rule left = base\n  rule right = base and base\n",
		"require left and right and base"));
	expect_codes(c, "");
}

/* ==== types and values ======================================================== */

static void test_types(void **state)
{
	CTX(c);
	static const struct {
		const char *require, *at, *msg;
	} cases[] = {
		{ "present >= 2024-05-14", "present >= 2024", "cannot compare a number with a date" },
		{ "yes > half of \"cast\"", "\"cast\"", "the count after 'of' must be a number, but this is a string" },
		{ "yes + true >= 2", "true >= 2", "each side of an arithmetic operator must be a number, but this is a true/false value" },
		{ "not yes", "yes }", "the operand of 'not' must be a true/false value, but this is a number" },
		{ "yes", "yes }", "a requirement must be a true/false value, but this is a number" },
		{ "yes and true", "yes and", "each side of 'and'/'or' must be a true/false value, but this is a number" },
		{ "motion.kind < \"b\"", "motion.kind <", "a string can only be compared with == or !=" },
		{ "true > false", "true >", "a true/false value can only be compared with == or !=" },
		{ "-true > 1", "true > 1", "the operand of '-' must be a number, but this is a true/false value" },
		{ "floor(\"x\") > 1", "\"x\"", "an argument of min, max, floor or ceil must be a number, but this is a string" },
		{ "2024-01-01 of cast > 1", "2024-01-01 of", "the fraction before 'of' must be a number, but this is a date" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		check(c, good_terms(c, arena_printf(&c->f.arena, "  class x { require %s }\n", cases[i].require)));
		if (strcmp(codes(c), "type") != 0)
			fail_msg("%s: %s", cases[i].require, codes(c));
		at(c, 0, cases[i].at, "class x");
		expect_msg(c, 0, cases[i].msg);
	}
	check(c, good_terms(c, "  class x { when motion.amount  require yes > 1 }\n"));
	expect_codes(c, "type");
	expect_msg(c, 0, "a class condition must be a true/false value, but this is a number");
	/* what is fine */
	check(c, class_terms(c, "",
		"require yes >= 2/3 of cast and no < 3 and (yes - no) * 2 >= min(votes, 10)\n"
		"    require motion.kind == \"grant\" or motion.amount > 1000 or motion.urgent"));
	expect_codes(c, "");
}

/* A fraction of a count above 100% (or below 0) can never be met; caught
** whether written as a percentage, a decimal or a division. */
static void test_threshold_over_100(void **state)
{
	CTX(c);
	static const struct {
		const char *fraction;
		bool over;
	} cases[] = {
		{ "150%", true }, { "100.01%", true }, { "3/2", true }, { "1.5", true }, { "2 * 3/4", true },
		{ "101/100", true },
		{ "100%", false }, { "1", false }, { "2/3", false }, { "66.67%", false }, { "half", false },
		{ "(1/3 + 1/3)", false },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		check(c, class_terms(c, "", arena_printf(&c->f.arena, "require yes >= %s of members", cases[i].fraction)));
		const char *want = cases[i].over ? "threshold.over-100" : "";
		if (strcmp(codes(c), want) != 0)
			fail_msg("%s: got \"%s\"", cases[i].fraction, codes(c));
		if (cases[i].over) {
			at(c, 0, cases[i].fraction, "class x");
			assert_non_null(strstr(diag_at(c, 0)->msg, "is more than 100%"));
		}
	}
	check(c, good_terms(c, "  class x { require yes >= -1/2 of members }\n"));
	expect_codes(c, "threshold.over-100");
	expect_msg(c, 0, "a negative fraction of a count has no meaning");
	/* in a quorum too, and through a rule parameter it is not known yet */
	check(c, full_terms(c, "  quorum { require present >= 3/2 of members }\n  class o { require yes > 1 }\n"));
	expect_codes(c, "threshold.over-100");
	check(c, class_terms(c, "  rule share(f) = yes >= f of cast\n", "require share(3/4)"));
	expect_codes(c, "");
}

/* Arithmetic on literals that cannot be done exactly is an error where it
** is written; arithmetic on counts is only known at a meeting. */
static void test_constant_arithmetic(void **state)
{
	CTX(c);
	check(c, good_terms(c, "  class x { require yes > 9223372036854775807 * 2 }\n"));
	expect_codes(c, "arith.overflow");
	at(c, 0, "9223372036854775807 * 2", NULL);
	check(c, good_terms(c, "  class x { require yes > 1 / (2 - 2) }\n"));
	expect_codes(c, "arith.overflow");
	expect_msg(c, 0, "division by zero");
	at(c, 0, "1 / (2", NULL);
	/* reported once, at the operation that fails, not at each one above it */
	check(c, good_terms(c, "  class x { require yes > (9223372036854775807 + 1) * 2 - 1 }\n"));
	expect_codes(c, "arith.overflow");
	at(c, 0, "9223372036854775807 + 1", NULL);
	/* not constant: fine here */
	check(c, class_terms(c, "", "require yes / cast > 1/2 and yes * 9223372036854775807 > 0"));
	expect_codes(c, "");
}

/* ==== whole-terms checks ======================================================= */

/* A bare count is met by an empty base (0 >= 0), a fraction of one is not. */
static void test_empty_base(void **state)
{
	CTX(c);
	check(c, class_terms(c, "", "require yes >= cast"));
	expect_codes(c, "rule.empty-base");
	at(c, 0, "x {", NULL);
	assert_int_equal(diag_at(c, 0)->sev, DIAG_WARNING);
	check(c, class_terms(c, "", "require yes >= 3/4 of cast"));
	expect_codes(c, "");
	check(c, class_terms(c, "", "require no == 0"));
	expect_codes(c, "rule.empty-base");
	check(c, class_terms(c, "", "require no == 0 and yes > 0"));
	expect_codes(c, "");
}

static void test_quorum_unreachable(void **state)
{
	CTX(c);
	/* four voting members: 4 is reachable, 5 is not */
	check(c, full_terms(c, "  quorum { require present >= 4 }\n  class o { require yes > 1 }\n"));
	expect_codes(c, "");
	check(c, full_terms(c, "  quorum §3.1 { require present >= 5 }\n  class o { require yes > 1 }\n"));
	expect_codes(c, "quorum.unreachable");
	at(c, 0, "require present >= 5", NULL);
	assert_true(has_note(diag_at(c, 0), "4 voting members on the effective date"));
	/* an attending role never counts: its members have no vote */
	check(c, full_terms(c, "  quorum { require present(phw) >= 1 }\n  class o { require yes > 1 }\n"));
	expect_codes(c, "quorum.unreachable");
	/* members whose dates leave them off the roster on the effective date */
	check(c, full_terms(c,
		"  member erin \"E\" gp until 2024-03-31\n"
		"  member fay \"F\" gp from 2024-04-02\n"
		"  quorum { require present >= 5 }\n  class o { require yes > 1 }\n"));
	expect_codes(c, "quorum.unreachable");
	check(c, full_terms(c,
		"  member erin \"E\" gp from 2024-04-01 until 2024-04-01\n"
		"  quorum { require present >= 5 }\n  class o { require yes > 1 }\n"));
	expect_codes(c, "");
	/* each requirement on its own */
	check(c, full_terms(c,
		"  quorum { require present >= 2  require present(clinician) >= 3  require present(gp, pm) >= 4 }\n"
		"  class o { require yes > 1 }\n"));
	expect_codes(c, "quorum.unreachable");
	at(c, 0, "require present(clinician)", NULL);
}

static void test_roster_size(void **state)
{
	CTX(c);
	check(c, good_terms(c, "  size 4 to 12\n"));
	expect_codes(c, "");
	check(c, good_terms(c, "  size 1 to 4\n"));
	expect_codes(c, "");
	check(c, good_terms(c, "  size 5 to 12\n"));
	expect_codes(c, "roster.size");
	at(c, 0, "size 5", NULL);
	expect_msg(c, 0, "4 voting members on the effective date, outside the size 5 to 12");
	assert_int_equal(diag_at(c, 0)->sev, DIAG_WARNING);
	check(c, good_terms(c, "  size 1 to 3\n"));
	expect_codes(c, "roster.size");
	/* a warning: the model is still built */
	assert_non_null(c->terms);
	check(c, good_terms(c, "  size 10 to 2\n"));
	expect_codes(c, "type");
	check(c, good_terms(c, "  size 1.5 to 2\n"));
	expect_codes(c, "type");
}

static void test_class_coverage(void **state)
{
	CTX(c);
	check(c, full_terms(c,
		"  quorum { require present >= 4 }\n"
		"  class fin { when motion.financial  require yes > 1 }\n"));
	expect_codes(c, "class.uncovered");
	at(c, 0, "class fin", NULL);
	assert_non_null(strstr(diag_at(c, 0)->msg, "no class applies to"));
	assert_null(c->terms);

	/* financial or not: covered */
	check(c, full_terms(c,
		"  quorum { require present >= 4 }\n"
		"  class ord { when not motion.financial  require yes > 1 }\n"
		"  class fin { when motion.financial  require yes > 2 }\n"));
	expect_codes(c, "");

	/* kinds: an amendment class and nothing for the rest */
	check(c, full_terms(c,
		"  quorum { require present >= 4 }\n"
		"  class amend { when motion.kind == \"amendment\"  require yes > 1 }\n"
		"  class fin { when motion.financial and motion.kind != \"amendment\"  require yes > 2 }\n"));
	expect_codes(c, "class.uncovered");

	/* a final class without `when` covers everything */
	check(c, full_terms(c,
		"  quorum { require present >= 4 }\n"
		"  class amend { when motion.kind == \"amendment\"  require yes > 1 }\n"
		"  class rest { require yes > 2 }\n"));
	expect_codes(c, "");
}

static void test_class_unreachable(void **state)
{
	CTX(c);
	check(c, full_terms(c,
		"  quorum { require present >= 4 }\n"
		"  class all { require yes > 1 }\n"
		"  class fin { when motion.financial  require yes > 2 }\n"));
	expect_codes(c, "class.unreachable");
	at(c, 0, "fin {", NULL);
	assert_int_equal(diag_at(c, 0)->sev, DIAG_WARNING);
	assert_non_null(c->terms);
	check(c, full_terms(c,
		"  quorum { require present >= 4 }\n"
		"  class a { when true  require yes > 1 }\n"
		"  class b { when motion.financial  require yes > 2 }\n"));
	expect_codes(c, "class.unreachable");
	/* shadowed by two earlier classes together */
	check(c, full_terms(c,
		"  quorum { require present >= 4 }\n"
		"  class ord { when not motion.financial  require yes > 1 }\n"
		"  class fin { when motion.financial  require yes > 2 }\n"
		"  class big { when motion.financial  require yes > 3 }\n"));
	expect_codes(c, "class.unreachable");
	at(c, 0, "big {", NULL);
}

/* The literal "50% + 1": warned about in classes and quorums, in all its
** spellings of a half; not for other constants or comparisons. */
static void test_fifty_plus_one(void **state)
{
	CTX(c);
	static const struct {
		const char *require;
		bool warn;
	} cases[] = {
		{ "yes >= 50% of cast + 1", true },
		{ "yes >= half of cast + 1", true },
		{ "yes >= 1/2 of votes + 1", true },
		{ "yes >= 0.5 of present + 1", true },
		{ "yes > half of cast", false },
		{ "yes >= 50% of cast + 2", false },
		{ "yes > 50% of cast + 1", true },   /* > 6.5 of 11: 7, one more than 6 */
		{ "1 + half of cast <= yes", true },
		{ "yes >= 60% of cast + 1", false },
		{ "yes >= 50% of cast", false },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		check(c, class_terms(c, "", arena_printf(&c->f.arena, "require %s", cases[i].require)));
		const char *want = cases[i].warn ? "rule.fifty-plus-one" : "";
		if (strcmp(codes(c), want) != 0)
			fail_msg("%s: got \"%s\"", cases[i].require, codes(c));
	}
	check(c, class_terms(c, "", "require yes >= 50% of cast + 1"));
	at(c, 0, "yes >= 50%", NULL);
	assert_int_equal(diag_at(c, 0)->sev, DIAG_WARNING);
	assert_true(has_note(diag_at(c, 0), "with 3 cast it needs 3 (1.5 + 1 = 2.5, rounded up), although 2"));
	assert_true(has_note(diag_at(c, 0), "write: yes > half of cast"));
	assert_non_null(c->terms);
	/* in a quorum: "50% + 1 of members" */
	check(c, full_terms(c, "  quorum { require present >= 50% of members + 1 }\n  class o { require yes > 1 }\n"));
	expect_codes(c, "rule.fifty-plus-one");
	assert_true(has_note(diag_at(c, 0), "write: present > half of members"));
}

/* Counts and fractions: a count compared with, or added to, a bare fraction
** is an error that asks "of what?" with a fix-it; `FRACTION of COUNT` is a
** count; count/count is a fraction; a whole number fits either; rule
** parameters take the kinds of their arguments at each call. */
static void test_dimensions(void **state)
{
	CTX(c);
	static const struct {
		const char *require;
		bool error;
	} cases[] = {
		{ "yes >= 50% + 1", true },              /* the sample's "50% + 1" with no base */
		{ "yes > 50%", true },
		{ "yes >= 75%", true },
		{ "yes >= 0.75", true },
		{ "yes >= half", true },
		{ "yes > 2/3", true },
		{ "50% < yes", true },                    /* either side */
		{ "yes >= 50% of cast + 50%", true },     /* a fraction added to a count */
		{ "yes >= cast of members", true },       /* a count before `of` */
		{ "yes >= max(2, 50%)", true },           /* min/max mix them */
		{ "yes / cast >= 2", false },             /* count/count is a fraction; 2 fits */
		{ "yes / cast >= 2/3", false },
		{ "yes >= 75% of members", false },
		{ "yes >= 50% of cast + 1", false },      /* the literal reading: only a warning */
		{ "yes > half of cast", false },
		{ "yes >= 2/3 of members rounded up", false },
		{ "yes * 3 >= cast * 2", false },
		{ "yes >= min(5, 2/3 of present)", false },
		{ "yes >= 6/2", false },                  /* a whole number */
		{ "yes >= half of 2/3 of members", false },
		{ "yes >= 1 of members", false },         /* a whole number as the fraction */
		{ "yes >= floor(3/4 of cast)", false },
		{ "motion.amount > 50% or yes > 1", false }, /* attributes: known at run time */
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		check(c, class_terms(c, "", arena_printf(&c->f.arena, "require %s", cases[i].require)));
		const char *got = codes(c);
		bool has = strstr(got, "quantity.dimension") != NULL;
		if (has != cases[i].error)
			fail_msg("%s: got \"%s\"", cases[i].require, got);
		if (has)
			assert_null(c->terms); /* an error: no model */
	}
	/* the issue's own words, at the fraction, with the fix-it */
	check(c, class_terms(c, "", "require yes >= 50% + 1"));
	expect_codes(c, "quantity.dimension");
	at(c, 0, "50% + 1", NULL);
	expect_msg(c, 0, "50% of what? a majority of the votes cast is `yes > half of cast`; "
	                 "the literal reading is `yes >= 50% of cast + 1`");
	assert_non_null(diag_at(c, 0)->fixit);
	assert_string_equal(diag_at(c, 0)->fixit->text, "yes > half of cast");
	assert_int_equal(diag_at(c, 0)->fixit->loc.start, (uint32_t)(strstr(c->src.text, "yes >= 50%") - c->src.text));
	/* a quorum's base is the membership */
	check(c, full_terms(c, "  quorum { require present >= 50% + 1 }\n  class o { require yes > 1 }\n"));
	expect_msg(c, 0, "50% of what? a majority of the members is `present > half of members`; "
	                 "the literal reading is `present >= 50% of members + 1`");
	/* another fraction: the fix-it inserts the likely base after it */
	check(c, class_terms(c, "", "require yes >= 75%"));
	at(c, 0, "75%", NULL);
	assert_string_equal(diag_at(c, 0)->fixit->text, " of cast");
	assert_int_equal(diag_at(c, 0)->fixit->loc.start, diag_at(c, 0)->loc.end);
	/* through a rule's parameters: the call is named */
	check(c, class_terms(c, "  rule at_least(f, base) = yes >= f of base\n", "require at_least(cast, members)"));
	expect_codes(c, "quantity.dimension");
	at(c, 0, "f of base", NULL);
	assert_true(has_note(diag_at(c, 0), "with the arguments of this call"));
	check(c, class_terms(c, "  rule at_least(f, base) = yes >= f of base\n", "require at_least(2/3, members)"));
	expect_codes(c, "");
	check(c, class_terms(c, "  rule share(f) = yes >= f\n", "require share(50%)"));
	expect_codes(c, "quantity.dimension");
	/* a mistake in a rule's body is reported once, at the rule, however
	** often it is called */
	check(c, class_terms(c, "  rule bad(x) = yes >= 50% + x\n", "require bad(1) and bad(2)"));
	expect_codes(c, "quantity.dimension");
	at(c, 0, "50% + x", NULL);
	check(c, class_terms(c, "  rule bad = yes >= 50%\n", "require bad and bad"));
	expect_codes(c, "quantity.dimension");
	at(c, 0, "50%", "rule bad");
	/* every rule of the standard library is clean */
	check(c, class_terms(c, "  use std.majorities\n  use std.robert\n  use std.companies_act\n  use std.nhs_wales\n",
	                     "require majority_of_cast"));
	expect_codes(c, "");
}

/* Nine members, a quorum of `quorum`, and a financial class of 75% of
** members (7 of 9). */
static const char *nine(struct ctx *c, const char *quorum, const char *extra)
{
	return arena_printf(&c->f.arena,
		"terms \"Nine\" {\n  effective 2024-04-01\n  consensus first\n  casting vote chair\n"
		"  interests { conflicted vote: void  conflicted quorum: excluded  conflicted leaves: no }\n"
		"  role gp \"GP\" voting\n  role pm \"PM\" voting\n"
		"  member a \"A\" gp\n  member b \"B\" gp\n  member c \"C\" gp\n  member d \"D\" gp\n  member e \"E\" gp\n"
		"  member f \"F\" pm\n  member g \"G\" pm\n  member h \"H\" pm\n  member i \"I\" pm\n"
		"  quorum { %s }\n%s"
		"  class financial { when motion.financial  require yes >= 75%% of members }\n"
		"  class ordinary { require yes > half of cast }\n}\n", quorum, extra);
}

/* A class that the smallest quorate meeting cannot carry, found exactly
** (a quorum of two of each role is four people, not two). */
static void test_cannot_carry(void **state)
{
	CTX(c);
	check(c, nine(c, "require present >= 6", ""));
	expect_codes(c, "class.cannot-carry");
	at(c, 0, "require yes >= 75%", NULL);
	expect_msg(c, 0, "class 'financial' cannot carry a motion at the smallest quorate meeting: "
	                 "6 present, and this needs 7 votes for");
	assert_non_null(c->terms); /* a warning */
	check(c, nine(c, "require present >= 7", ""));
	expect_codes(c, "");
	/* two of each role: the smallest quorate meeting has four, not two */
	check(c, nine(c, "require present(gp) >= 2  require present(pm) >= 2", ""));
	expect_msg(c, 0, "class 'financial' cannot carry a motion at the smallest quorate meeting: "
	                 "4 present, and this needs 7 votes for");
	check(c, nine(c, "require present(gp) >= 4  require present(pm) >= 3", ""));
	expect_codes(c, "");
	/* no quorum agreed yet: nothing to say */
	check(c, nine(c, "to be agreed", ""));
	expect_codes(c, "to-be-agreed");
	/* a notice no date can meet is audit's period.range */
	check(c, nine(c, "require present >= 7", "  notice papers 100000 years before\n"));
	expect_codes(c, "period.range");
}

static void test_to_be_agreed(void **state)
{
	CTX(c);
	struct terms *t = check(c, full_terms(c,
		"  review §9.1 every to be agreed\n"
		"  size to be agreed\n"
		"  quorum §3.1 { to be agreed }\n"
		"  class ordinary §3.3.2 { to be agreed }\n"
		"  virtual §6.2 { to be agreed }\n"
		"  notice §5.3 papers to be agreed before\n"
		"  notice minutes within to be agreed after\n"
		"  meets every to be agreed\n"));
	expect_codes(c, "to-be-agreed to-be-agreed to-be-agreed to-be-agreed to-be-agreed to-be-agreed "
	                "to-be-agreed to-be-agreed");
	assert_int_equal(c->f.diag.n_warnings, 8);
	assert_int_equal(c->f.diag.n_errors, 0);
	assert_non_null(t);
	expect_msg(c, 0, "§9.1: the review period is still to be agreed locally");
	expect_msg(c, 2, "§3.1: the quorum is still to be agreed locally");
	expect_msg(c, 3, "§3.3.2: the rule for class 'ordinary' is still to be agreed locally");
	expect_msg(c, 6, "the deadline for minutes is still to be agreed locally");
	assert_true(t->quorum_tba);
	assert_true(t->size_tba);
	assert_true(t->classes[0].tba);
	assert_true(t->papers.tba);
	assert_true(t->review.tba);
	/* interests may be to be agreed too; the defaults then apply, and say so */
	check(c,
		"terms \"T\" {\n  effective 2024-04-01\n  consensus first\n  casting vote chair\n"
		"  interests §3.4 { to be agreed }\n"
		"  role gp \"GP\" voting\n  member a \"A\" gp\n"
		"  quorum { require present >= 1 }\n  class o { require yes >= 1 }\n}\n");
	expect_codes(c, "default default default to-be-agreed");
}

static void test_members(void **state)
{
	CTX(c);
	check(c, good_terms(c, "  member erin \"Erin\" clinician\n"));
	expect_codes(c, "member.invalid");
	at(c, 0, "erin", NULL);
	expect_msg(c, 0, "member 'erin' has no role");
	check(c, good_terms(c, "  member erin \"Erin\" gp from 2024-09-01 until 2024-06-30\n"));
	expect_codes(c, "member.invalid");
	at(c, 0, "2024-06-30", NULL);
	check(c, good_terms(c, "  member erin \"Erin\" gp from 2024-06-30 until 2024-06-30\n"));
	expect_codes(c, "");
	/* holding an attending role and a voting one: votes */
	struct terms *t = check(c, good_terms(c, "  member erin \"Erin\" phw gp\n"));
	expect_codes(c, "");
	assert_true(t->members[terms_find_member(t, "erin")].voting);
	assert_false(t->members[terms_find_member(t, "judy")].voting);
}

static void test_context(void **state)
{
	CTX(c);
	check(c, full_terms(c, "  use std.majorities\n"
	                       "  quorum { require present >= 2  require cast >= 2  require majority_of_present }\n"
	                       "  class o { require yes > 1 }\n"));
	expect_codes(c, "context context");
	at(c, 0, "cast >= 2", NULL);
	at(c, 1, "majority_of_present", "quorum");
	expect_msg(c, 1, "rule 'majority_of_present' counts votes, which has no meaning in a quorum rule");
	/* quorum helpers from the stdlib are about attendance: fine */
	check(c, full_terms(c, "  use std.majorities\n"
	                       "  quorum { require quorum_majority_of_members and quorum_fraction_of_members(1/3) }\n"
	                       "  class o { require yes > 1 }\n"));
	expect_codes(c, "");
	check(c, good_terms(c, "  class x { require conflicted(gp) == 0 }\n"));
	expect_codes(c, "context");
	expect_msg(c, 0, "only present(...), members(...) and attendees(...) take a list of roles");
	check(c, good_terms(c, "  class x { ratify at next meeting  require yes > 1 }\n"));
	expect_codes(c, "context");
	check(c, full_terms(c, "  quorum { require present >= 1  when true }\n  class o { require yes > 1 }\n"));
	expect_codes(c, "context");
	check(c, good_terms(c, "  virtual { require yes > 1 }\n"));
	expect_codes(c, "context");
}

static void test_missing(void **state)
{
	CTX(c);
	check(c, "terms \"Empty\" { }\n");
	expect_codes(c, "terms.missing terms.missing terms.missing");
	for (size_t i = 0; i < 3; i++)
		at(c, i, "\"Empty\"", NULL);
	assert_null(c->terms);
	check(c, full_terms(c, "  quorum { }\n  class o { require yes > 1 }\n"));
	expect_codes(c, "terms.missing");
	at(c, 0, "quorum { }", NULL);
	check(c, full_terms(c, "  quorum { require present >= 1 }\n  class o { when true }\n"));
	expect_codes(c, "terms.missing");
	expect_msg(c, 0, "class 'o' has no `require`: every motion of this class would be carried");
}

/* Regression: a `require` that did not compile was counted as missing, so a
** typo in a class or quorum rule also said "has no `require`". */
static void test_broken_require_is_not_missing(void **state)
{
	CTX(c);
	check(c, full_terms(c, "  quorum { require present >= 1 }\n  class o { require nosuch }\n"));
	expect_codes(c, "name.undefined");
	check(c, full_terms(c, "  quorum { require present >= 1 rounded sideways }\n  class o { require yes > 1 }\n"));
	expect_codes(c, "syntax");
	expect_msg(c, 0, "'rounded' must be followed by 'up', 'down' or 'to nearest', not 'sideways'");
}

static void test_settings(void **state)
{
	CTX(c);
	static const struct {
		const char *items, *at, *code;
	} cases[] = {
		{ "  notice papers 5 days after\n", "notice papers", "type" },
		{ "  notice minutes within 5 days before\n", "notice minutes", "type" },
		{ "  meets every 2.5 months\n", "2.5 months", "type" },
		{ "  review every 100001 days\n", "100001 days", "type" },
		{ "  class x { notice 1.5 days before  require yes > 1 }\n", "1.5 days", "type" },
		{ "  virtual { ratify within 0.5 days }\n", "0.5 days", "type" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		check(c, good_terms(c, cases[i].items));
		if (strcmp(codes(c), cases[i].code) != 0)
			fail_msg("%s: %s", cases[i].items, codes(c));
		at(c, 0, cases[i].at, "role phw");
	}
	static const char *const bad_interests[] = {
		"conflicted vote: maybe", "conflicted quorum: deemed absent", "conflicted leaves: always",
	};
	for (size_t i = 0; i < 3; i++) {
		check(c, arena_printf(&c->f.arena,
			"terms \"T\" {\n  effective 2024-04-01\n  interests { %s }\n"
			"  role gp \"GP\" voting\n  member a \"A\" gp\n"
			"  quorum { require present >= 1 }\n  class o { require yes > 1 }\n}\n", bad_interests[i]));
		assert_int_equal(c->f.diag.n_errors, 1);
		assert_int_equal(diag_at(c, 0)->code, D_TYPE);
	}
	check(c,
		"terms \"T\" {\n  effective 2024-04-01\n  consensus sometimes\n"
		"  role gp \"GP\" voting\n  member a \"A\" gp\n"
		"  quorum { require present >= 1 }\n  class o { require yes > 1 }\n}\n");
	assert_int_equal(c->f.diag.n_errors, 1);
	at(c, 0, "sometimes", NULL);
	expect_msg(c, 0, "`consensus` must be followed by `first` (or `where possible`) or `never`, not 'sometimes'");
	/* the good spellings */
	struct terms *t = check(c, good_terms(c,
		"  notice papers 5 clear days before\n  notice minutes within 2 weeks after\n"
		"  virtual { ratify within 14 days }\n  review every 1 year\n"));
	expect_codes(c, "");
	assert_true(t->papers.clear);
	assert_int_equal(t->minutes.period.unit, DUR_WEEKS);
	assert_false(t->ratify_next_meeting);
	assert_int_equal(t->ratify_within.n, 14);
}

/* Errors stop the model and the checks that need a whole model; warnings
** and notes do not. */
static void test_errors_stop_model(void **state)
{
	CTX(c);
	check(c, full_terms(c,
		"  size 9 to 12\n"
		"  quorum { require present >= 9 }\n"
		"  class o { require yes >= 150% of cast }\n"));
	expect_codes(c, "threshold.over-100");
	assert_null(c->terms);
	check(c, full_terms(c,
		"  size 9 to 12\n"
		"  quorum { require present >= 9 }\n"
		"  class o { require yes >= 50% of cast + 1 }\n"));
	expect_codes(c, "roster.size quorum.unreachable rule.fifty-plus-one");
	assert_null(c->terms);
	check(c, good_terms(c, "  size 9 to 12\n"));
	expect_codes(c, "roster.size");
	assert_non_null(c->terms);
}

/* ==== modules ================================================================ */

static void write_file(struct ctx *c, const char *rel, const char *text)
{
	char *path = arena_printf(&c->f.arena, "%s/%s", c->tmpdir, rel);
	char *slash = strrchr(path, '/');
	*slash = '\0';
	mkdir(path, 0700);
	*slash = '/';
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static void make_tmpdir(struct ctx *c)
{
	snprintf(c->tmpdir, sizeof c->tmpdir, "%s", "/tmp/quorate-test-sema.XXXXXX");
	assert_non_null(mkdtemp(c->tmpdir));
}

static void test_use_not_found(void **state)
{
	CTX(c);
	check(c, good_terms(c, "  use std.nosuch\n"));
	expect_codes(c, "use.not-found");
	at(c, 0, "use std.nosuch", NULL);
	expect_msg(c, 0, "no module named 'std.nosuch' on the search path");
	assert_true(has_note(diag_at(c, 0), "looked in stdlib/std/nosuch.tor"));
	check_in(c, good_terms(c, "  use std.majorities\n"), NULL, 0);
	expect_codes(c, "use.not-found");
	assert_true(has_note(diag_at(c, 0), "the search path is empty"));
}

/* Regression: any module that used another module was reported as a cycle,
** because a module just parsed was taken for one being loaded. */
static void test_use_chain_is_not_a_cycle(void **state)
{
	CTX(c);
	make_tmpdir(c);
	write_file(c, "lib/outer.tor", "use lib.middle\nrule outer_rule = middle_rule and yes > 0\n");
	write_file(c, "lib/middle.tor", "use lib.inner\nrule middle_rule = inner_rule\n");
	write_file(c, "lib/inner.tor", "rule inner_rule = yes > half of cast\n");
	const char *dirs[] = { c->tmpdir };
	check_in(c, class_terms(c, "  use lib.outer\n  use lib.inner\n", "require outer_rule"), dirs, 1);
	expect_codes(c, "");
	assert_non_null(c->terms);
	/* a diamond: two modules using a third */
	write_file(c, "lib/left.tor", "use lib.inner\nrule left_rule = inner_rule\n");
	write_file(c, "lib/right.tor", "use lib.inner\nrule right_rule = inner_rule\n");
	check_in(c, class_terms(c, "  use lib.left\n  use lib.right\n", "require left_rule and right_rule"), dirs, 1);
	expect_codes(c, "");
}

static void test_use_cycle(void **state)
{
	CTX(c);
	make_tmpdir(c);
	write_file(c, "cyc/a.tor", "use cyc.b\nrule ra = yes > 1\n");
	write_file(c, "cyc/b.tor", "use cyc.c\nrule rb = yes > 2\n");
	write_file(c, "cyc/c.tor", "use cyc.a\nrule rc = yes > 3\n");
	write_file(c, "cyc/self.tor", "use cyc.self\nrule rs = yes > 4\n");
	const char *dirs[] = { c->tmpdir };
	check_in(c, good_terms(c, "  use cyc.a\n  class x { require ra and rb and rc }\n"), dirs, 1);
	expect_codes(c, "use.cycle");
	const struct diag *d = diag_at(c, 0);
	assert_string_equal(d->loc.src->name, arena_printf(&c->f.arena, "%s/cyc/c.tor", c->tmpdir));
	expect_msg(c, 0, "modules use each other in a circle: 'cyc.a' is already being loaded");
	assert_true(has_note(d, "'cyc.c' is used by cyc.b"));
	assert_true(has_note(d, "'cyc.b' is used by cyc.a"));
	assert_true(has_note(d, "'cyc.a' is used by the terms file"));
	check_in(c, good_terms(c, "  use cyc.self\n"), dirs, 1);
	expect_codes(c, "use.cycle");
}

static void test_module_contents(void **state)
{
	CTX(c);
	make_tmpdir(c);
	write_file(c, "m/items.tor", "rule fine = yes > 1\nterms \"inner\" { }\n");
	write_file(c, "m/broken.tor", "rule broken = yes >\n");
	const char *dirs[] = { c->tmpdir };
	check_in(c, good_terms(c, "  use m.items\n"), dirs, 1);
	expect_codes(c, "context");
	expect_msg(c, 0, "a module may only hold `rule` and `use` items");
	/* a module with a syntax error: its error, located in the module */
	check_in(c, good_terms(c, "  use m.broken\n"), dirs, 1);
	expect_codes(c, "syntax");
	assert_string_equal(diag_at(c, 0)->loc.src->name, arena_printf(&c->f.arena, "%s/m/broken.tor", c->tmpdir));
}

/* ==== limits ================================================================= */

static void test_limits(void **state)
{
	CTX(c);
	/* one member past the limit (tests/bad/limits.sh also checks at it) */
	size_t cap = (size_t)(TERMS_MAX_MEMBERS + 1) * 32 + 1;
	char *many = arena_alloc(&c->f.arena, cap);
	size_t used = 0;
	for (int i = 0; i <= TERMS_MAX_MEMBERS; i++)
		used += (size_t)snprintf(many + used, cap - used, "  member m%d \"M\" gp\n", i);
	check(c, good_terms(c, many));
	expect_codes(c, "limit");
	expect_msg(c, 0, "more than 100000 members");

	char *items = arena_strdup(&c->f.arena, "");
	for (int i = 0; i < 70; i++)
		items = arena_printf(&c->f.arena, "%s  member m%d \"M\" gp tag%d\n", items, i, i);
	check(c, good_terms(c, items));
	assert_true(c->f.diag.n_errors >= 1);
	expect_msg(c, 0, "more than 64 roles and tags in one terms file");

	char *params = arena_strdup(&c->f.arena, "p0");
	for (int i = 1; i < 17; i++)
		params = arena_printf(&c->f.arena, "%s, p%d", params, i);
	check(c, good_terms(c, arena_printf(&c->f.arena, "  rule many(%s) = yes > 1\n", params)));
	expect_codes(c, "limit");
	expect_msg(c, 0, "a rule takes at most 16 parameters");
}

int main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(test_anytown),
		T(test_defaults),
		T(test_duplicate_names),
		T(test_duplicate_rule_from_stdlib),
		T(test_duplicate_settings),
		T(test_undefined_names),
		T(test_arity),
		T(test_recursion),
		T(test_types),
		T(test_threshold_over_100),
		T(test_constant_arithmetic),
		T(test_empty_base),
		T(test_quorum_unreachable),
		T(test_roster_size),
		T(test_class_coverage),
		T(test_class_unreachable),
		T(test_fifty_plus_one),
		T(test_dimensions),
		T(test_cannot_carry),
		T(test_to_be_agreed),
		T(test_members),
		T(test_context),
		T(test_missing),
		T(test_broken_require_is_not_missing),
		T(test_settings),
		T(test_errors_stop_model),
		T(test_use_not_found),
		T(test_use_chain_is_not_a_cycle),
		T(test_use_cycle),
		T(test_module_contents),
		T(test_limits),
	};
#undef T
	return cmocka_run_group_tests(tests, NULL, NULL);
}

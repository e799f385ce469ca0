/*
** Unit tests for src/run/attr_guess.c: which attribute a motion's record
** probably meant, when it gives one the terms never read.  Each case is one
** way a record puts a motion in the wrong class (a misspelt flag, a class
** named for its kind, a kind the terms do not name) and one that must not
** be taken for a mistake (an attribute for the record only, every attribute
** read, a number for a number).
*/
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"

#include <stdio.h>
#include <string.h>

#include "check/sema.h"
#include "front/parse.h"
#include "run/attr_guess.h"

struct state {
	struct fixture f;
	struct source src;
	struct ast_file file;
	const struct terms *t;
	const struct attr_read *rd;
};

FIXTURE_STATE(struct state)

static const char TERMS[] =
	"terms \"T\" {\n"
	"  effective 2024-01-01\n"
	"  role m \"M\" voting\n"
	"  member a \"A\" m\n"
	"  member b \"B\" m\n"
	"  quorum { require present >= 1 }\n"
	"  class amendment { when motion.kind == \"amendment\" require yes >= 2/3 of members }\n"
	"  class big { when motion.financial and motion.amount > 1000 require yes == members }\n"
	"  class urgent_item { when motion.urgent require yes >= 1 }\n"
	"  class capital { when motion.fund == \"capital\" require yes >= 2 }\n"
	"  class ordinary { require yes > half of cast }\n"
	"}\n";

static void load(struct state *x)
{
	source_from_memory(&x->src, &x->f.arena, "t.tor", TERMS, strlen(TERMS));
	assert_int_equal(parse_file(&x->f.arena, &x->f.diag, &x->src, &x->file), 0);
	x->t = sema_terms(&x->f.arena, &x->f.diag, &x->f.ld, x->file.items, &x->src);
	assert_non_null(x->t);
	x->rd = attr_read_of(&x->f.arena, x->t);
}

static struct attr flag(const char *name)
{
	return (struct attr){ name, { .type = VT_BOOL, .u.boolean = true } };
}

static struct attr str(const char *name, const char *value)
{
	return (struct attr){ name, { .type = VT_STR, .u.str = value } };
}

static struct attr num(const char *name, long long n)
{
	return (struct attr){ name, { .type = VT_NUM, .u.num = rat_int(n) } };
}

static const struct attr *find(const struct attr_guess *g, const char *name)
{
	for (unsigned k = 0; k < g->n_attrs; k++)
		if (strcmp(g->attrs[k].name, name) == 0)
			return &g->attrs[k];
	return NULL;
}

static void test_misspelt_flag_is_renamed(void **state)
{
	FIXTURE_ENTER(struct state, x);
	load(x);
	struct attr attrs[] = { flag("financal"), num("amount", 5000) };
	struct attr_guess g;
	assert_true(attr_guess(&x->f.arena, x->t, x->rd, attrs, 2, &g));
	assert_int_equal(g.index, 0);
	assert_string_equal(g.meant, "financial");
	assert_string_equal(g.fix, "financial");
	assert_false(g.fix_value);
	assert_int_equal(g.n_attrs, 2);
	assert_non_null(find(&g, "financial"));
	assert_null(find(&g, "financal"));
	assert_non_null(find(&g, "amount")); /* the value kept */
}

static void test_misspelt_number_keeps_its_value(void **state)
{
	FIXTURE_ENTER(struct state, x);
	load(x);
	struct attr attrs[] = { flag("financial"), num("amout", 5000) };
	struct attr_guess g;
	assert_true(attr_guess(&x->f.arena, x->t, x->rd, attrs, 2, &g));
	assert_int_equal(g.index, 1);
	const struct attr *amount = find(&g, "amount");
	assert_non_null(amount);
	assert_int_equal(amount->value.type, VT_NUM);
	assert_int_equal(rat_cmp(amount->value.u.num, rat_int(5000)), 0);
}

static void test_class_named_reads_as_its_kind(void **state)
{
	FIXTURE_ENTER(struct state, x);
	load(x);
	struct attr attrs[] = { flag("amendment") };
	struct attr_guess g;
	assert_true(attr_guess(&x->f.arena, x->t, x->rd, attrs, 1, &g));
	assert_string_equal(g.meant, "kind \"amendment\"");
	assert_string_equal(g.unread, "never read 'amendment'");
	const struct attr *kind = find(&g, "kind");
	assert_non_null(kind);
	assert_string_equal(kind->value.u.str, "amendment");
	assert_null(find(&g, "amendment"));
}

static void test_class_named_reads_as_its_flag(void **state)
{
	FIXTURE_ENTER(struct state, x);
	load(x);
	struct attr attrs[] = { flag("urgent_item") };
	struct attr_guess g;
	assert_true(attr_guess(&x->f.arena, x->t, x->rd, attrs, 1, &g));
	assert_string_equal(g.meant, "urgent");
	assert_true(find(&g, "urgent") && find(&g, "urgent")->value.u.boolean);
}

static void test_kind_misspelt_is_corrected(void **state)
{
	FIXTURE_ENTER(struct state, x);
	load(x);
	struct attr attrs[] = { str("kind", "amendmnt") };
	struct attr_guess g;
	assert_true(attr_guess(&x->f.arena, x->t, x->rd, attrs, 1, &g));
	assert_true(g.fix_value);
	assert_string_equal(g.fix, "\"amendment\"");
	assert_string_equal(g.unread, "name no kind \"amendmnt\"");
	assert_string_equal(find(&g, "kind")->value.u.str, "amendment");
}

static void test_other_string_misspelt_is_corrected(void **state)
{
	FIXTURE_ENTER(struct state, x);
	load(x);
	struct attr attrs[] = { str("fund", "captial") };
	struct attr_guess g;
	assert_true(attr_guess(&x->f.arena, x->t, x->rd, attrs, 1, &g));
	assert_string_equal(g.unread, "never compare motion.fund with \"captial\"");
	assert_string_equal(g.meant, "fund \"capital\"");
	assert_string_equal(find(&g, "fund")->value.u.str, "capital");
}

static void test_what_is_read_or_far_is_left_alone(void **state)
{
	FIXTURE_ENTER(struct state, x);
	load(x);
	struct attr_guess g;
	/* every attribute read, the kind one the terms name */
	struct attr read[] = { flag("financial"), num("amount", 10), str("kind", "amendment"), flag("urgent") };
	assert_false(attr_guess(&x->f.arena, x->t, x->rd, read, 4, &g));
	/* for the record only: nothing the terms read is near */
	struct attr other[] = { flag("written"), str("minute_ref", "CLG/24/7"), str("kind", "something else entirely") };
	assert_false(attr_guess(&x->f.arena, x->t, x->rd, other, 3, &g));
	/* a class whose motions nothing sets apart (ordinary: no `when`) */
	struct attr plain[] = { flag("ordinary") };
	assert_false(attr_guess(&x->f.arena, x->t, x->rd, plain, 1, &g));
}

/* The value of an attribute as text, for comparing two guesses. */
static void value_text(const struct attr *at, char *buf, size_t n)
{
	switch (at->value.type) {
	case VT_BOOL: snprintf(buf, n, "%s=%d", at->name, (int)at->value.u.boolean); break;
	case VT_STR: snprintf(buf, n, "%s=\"%s\"", at->name, at->value.u.str); break;
	case VT_NUM: snprintf(buf, n, "%s=%lld/%lld", at->name, (long long)at->value.u.num.num,
	                      (long long)at->value.u.num.den); break;
	default: snprintf(buf, n, "%s=?", at->name); break;
	}
}

/* What attr_guess gives, as text (the guess and the attributes it reads). */
static char *guess_text(struct state *x, const struct attr_read *rd, const struct attr *attrs, unsigned n, char *buf,
                        size_t cap)
{
	struct attr_guess g;
	if (!attr_guess(&x->f.arena, x->t, rd, attrs, n, &g)) {
		snprintf(buf, cap, "none");
		return buf;
	}
	size_t w = (size_t)snprintf(buf, cap, "%u|%s|%s|%s|%d|", g.index, g.unread, g.meant, g.fix, (int)g.fix_value);
	for (unsigned k = 0; k < g.n_attrs && w < cap; k++) {
		char v[128];
		value_text(&g.attrs[k], v, sizeof v);
		w += (size_t)snprintf(buf + w, cap - w, "%s;", v);
	}
	return buf;
}

/* What attr_guess remembers of names (their facts: read, or far from
** everything read) gives what weighing every name at every call gives:
** random motions' attributes, names read, misspelt, far and classes'
** names, with flags set and not, numbers and strings, against terms
** read whose table of facts is full of other names (so each name is
** weighed the long way, guess_one, every time). */
static void test_facts_as_weighed_each_time(void **state)
{
	FIXTURE_ENTER(struct state, x);
	load(x);
	const struct attr_read *general = attr_read_of(&x->f.arena, x->t);
	static const char *const fillers[] = { "qzxv0", "qzxv1", "qzxv2", "qzxv3", "qzxv4", "qzxv5", "qzxv6", "qzxv7",
	                                       "qzxv8", "qzxv9", "qzxva", "qzxvb", "qzxvc", "qzxvd", "qzxve", "qzxvf",
	                                       "qzxvg", "qzxvh" };
	struct attr_guess g;
	for (unsigned k = 0; k < sizeof fillers / sizeof fillers[0]; k++) {
		struct attr filler = num(fillers[k], 1);
		assert_false(attr_guess(&x->f.arena, x->t, general, &filler, 1, &g));
	}
	static const char *const names[] = { "financial", "financal", "amount", "amout", "urgent", "urgnt", "kind",
	                                     "fund", "fnd", "ward", "colour", "big", "capital", "urgent_item",
	                                     "ordinary", "amendment", "minute_ref" };
	static const char *const strings[] = { "capital", "captial", "amendment", "amendmnt", "revenue", "north", "" };
	uint64_t seed = 7;
	unsigned guessed = 0;
	for (int round = 0; round < 3000; round++) {
		struct attr attrs[4];
		unsigned n = 1 + (unsigned)((seed = seed * 6364136223846793005u + 1442695040888963407u) >> 33) % 4;
		for (unsigned k = 0; k < n; k++) {
			seed = seed * 6364136223846793005u + 1442695040888963407u;
			const char *name = names[(seed >> 33) % (sizeof names / sizeof names[0])];
			switch ((seed >> 40) % 4) {
			case 0: attrs[k] = flag(name); break;
			case 1: attrs[k] = (struct attr){ name, { .type = VT_BOOL, .u.boolean = false } }; break;
			case 2: attrs[k] = num(name, (long long)(seed >> 50)); break;
			default: attrs[k] = str(name, strings[(seed >> 44) % (sizeof strings / sizeof strings[0])]); break;
			}
		}
		char a[1024], b[1024];
		guess_text(x, x->rd, attrs, n, a, sizeof a);
		guess_text(x, general, attrs, n, b, sizeof b);
		if (strcmp(a, b) != 0)
			fail_msg("round %d: with the facts remembered: %s; weighed each time: %s", round, a, b);
		guessed += strcmp(a, "none") != 0;
	}
	assert_true(guessed > 300 && guessed < 2700); /* guesses made, and not made */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_misspelt_flag_is_renamed, setup, teardown),
		cmocka_unit_test_setup_teardown(test_misspelt_number_keeps_its_value, setup, teardown),
		cmocka_unit_test_setup_teardown(test_class_named_reads_as_its_kind, setup, teardown),
		cmocka_unit_test_setup_teardown(test_class_named_reads_as_its_flag, setup, teardown),
		cmocka_unit_test_setup_teardown(test_kind_misspelt_is_corrected, setup, teardown),
		cmocka_unit_test_setup_teardown(test_other_string_misspelt_is_corrected, setup, teardown),
		cmocka_unit_test_setup_teardown(test_what_is_read_or_far_is_left_alone, setup, teardown),
		cmocka_unit_test_setup_teardown(test_facts_as_weighed_each_time, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

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
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
** Unit tests for src/base/spell.c: the distance (insertions, deletions,
** substitutions and swaps, counted in characters) and which candidate is
** offered as "did you mean".
*/
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "base/spell.h"

static void test_distance(void **state)
{
	(void)state;
	assert_int_equal(spell_distance("gareth", "gareth"), 0);
	assert_int_equal(spell_distance("gareht", "gareth"), 1);   /* a swap is one step */
	assert_int_equal(spell_distance("gareth", "garth"), 1);
	assert_int_equal(spell_distance("gareth", "garethh"), 1);
	assert_int_equal(spell_distance("cat", "dog"), 3);
	assert_int_equal(spell_distance("", "abc"), 3);
	/* characters, not bytes: ô for o is one step */
	assert_int_equal(spell_distance("si\xC3\xB4n", "sion"), 1);
	assert_int_equal(spell_distance("ll\xC5\xB7r", "llyr"), 1);
}

static const char *nearest(const char *word, const char *const *candidates)
{
	struct spell s;
	spell_init(&s, word);
	for (; *candidates; candidates++)
		spell_offer(&s, *candidates);
	return s.best;
}

static void test_offer(void **state)
{
	(void)state;
	static const char *const roster[] = { "alice", "bob", "carol", "gareth", "heidi", "majority_of_cast", NULL };
	assert_string_equal(nearest("gareht", roster), "gareth");
	assert_string_equal(nearest("hedi", roster), "heidi");
	assert_string_equal(nearest("majority_of_cst", roster), "majority_of_cast");
	assert_string_equal(nearest("bbo", roster), "bob");
	assert_null(nearest("zed", roster));          /* nothing close */
	assert_null(nearest("al", roster));           /* too short to be sure */
	assert_null(nearest("bob", roster));          /* itself: not a suggestion */
	static const char *const ties[] = { "ann", "anna", "anne", NULL };
	assert_string_equal(nearest("annx", ties), "ann"); /* a tie: the first in strcmp order */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_distance),
		cmocka_unit_test(test_offer),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
** Unit tests for src/base/arena.c's arena_printf: the conversions it
** writes by hand (%s %d %u %lld %llu %zu %%) give vsnprintf's text, on
** random values and strings, and everything else (a width, a precision, a
** NULL string, a text longer than its buffer) is left to vsnprintf.
*/
#include <stdarg.h>
#include <stddef.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <setjmp.h>
#include <cmocka.h>

#include "base/arena.h"

struct fixture {
	jmp_buf oom;
	struct mem mem;
	struct arena arena;
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	f->mem.on_oom = &f->oom;
	arena_init(&f->arena, &f->mem);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	arena_free(&f->arena);
	free(f);
	return 0;
}

/* A pseudo-random number (the same run every time). */
static uint64_t next(uint64_t *seed)
{
	*seed = *seed * 6364136223846793005u + 1442695040888963407u;
	return *seed >> 11;
}

/* A random value of every kind the formats below take, extremes included. */
static long long any_ll(uint64_t *seed)
{
	static const long long edge[] = { 0, 1, -1, 9, 10, -10, LLONG_MAX, LLONG_MIN, 1000000007 };
	uint64_t r = next(seed);
	return r % 3 == 0 ? edge[r / 3 % (sizeof edge / sizeof edge[0])] : (long long)next(seed) - (long long)(r << 8);
}

static void check(struct arena *a, const char *got, const char *fmt, ...)
{
	char want[2048];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(want, sizeof want, fmt, ap);
	va_end(ap);
	(void)a;
	assert_string_equal(got, want);
}

static void test_quick_conversions(void **state)
{
	struct fixture *f = *state;
	struct arena *a = &f->arena;
	uint64_t seed = 42;
	static const char *const words[] = { "", "alice", "a tie of", "%d is not a conversion here", "100%" };
	for (int i = 0; i < 2000; i++) {
		long long x = any_ll(&seed), y = any_ll(&seed);
		int d = (int)x;
		unsigned u = (unsigned)y;
		size_t z = (size_t)x;
		unsigned long long ull = (unsigned long long)y;
		const char *w = words[next(&seed) % 5];
		check(a, arena_printf(a, "%s voted %d times (%u%%): %lld, %llu, %zu.", w, d, u, x, ull, z),
		      "%s voted %d times (%u%%): %lld, %llu, %zu.", w, d, u, x, ull, z);
		check(a, arena_printf(a, "%lld%lld%s", x, y, w), "%lld%lld%s", x, y, w);
	}
	check(a, arena_printf(a, "%s", ""), "%s", "");
	check(a, arena_printf(a, "plain"), "plain");
	check(a, arena_printf(a, "%%%%"), "%%%%");
}

static void test_left_to_vsnprintf(void **state)
{
	struct fixture *f = *state;
	struct arena *a = &f->arena;
	/* flags, widths, precisions and other conversions */
	check(a, arena_printf(a, "[%5d|%-4u|%03lld]", 7, 8u, 9LL), "[%5d|%-4u|%03lld]", 7, 8u, 9LL);
	check(a, arena_printf(a, "%.*s and %x %c %ld", 3, "abcdef", 255u, 'q', 12L), "%.*s and %x %c %ld", 3, "abcdef", 255u, 'q', 12L);
	check(a, arena_printf(a, "%.2f", 0.125), "%.2f", 0.125);
	/* a NULL string: whatever vsnprintf makes of it */
	const char *none = getenv("QUORATE_TEST_UNSET_VARIABLE"); /* NULL, unknown to the compiler */
	char want[64];
	snprintf(want, sizeof want, "[%s]", none);
	assert_string_equal(arena_printf(a, "[%s]", none), want);
	/* texts longer than the hand-written path's buffer, by a literal and by a string */
	char big[3000];
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	const char *got = arena_printf(a, "<%s>", big);
	assert_int_equal(strlen(got), sizeof big + 1);
	assert_int_equal(got[0], '<');
	assert_int_equal(got[sizeof big], '>');
#define Y10 "yyyyyyyyyy"
#define Y100 Y10 Y10 Y10 Y10 Y10 Y10 Y10 Y10 Y10 Y10
	check(a, arena_printf(a, "%d" Y100 Y100 Y100 Y100 Y100 Y100, 5), "%d" Y100 Y100 Y100 Y100 Y100 Y100, 5);
	/* words copied a run at a time: texts of 510 to 513 bytes, about the
	** hand-written path's 511 and its end */
#define Y500 Y100 Y100 Y100 Y100 Y100
	check(a, arena_printf(a, "%d" Y500 "yyyyyyyyy", 5), "%d" Y500 "yyyyyyyyy", 5);
	check(a, arena_printf(a, "%d" Y500 "yyyyyyyyyy", 5), "%d" Y500 "yyyyyyyyyy", 5);
	check(a, arena_printf(a, "%d" Y500 "yyyyyyyyyyy", 5), "%d" Y500 "yyyyyyyyyyy", 5);
	check(a, arena_printf(a, Y500 "yyyyyyyyyy"), Y500 "yyyyyyyyyy");
	check(a, arena_printf(a, Y500 "yyyyyyyyyyy"), Y500 "yyyyyyyyyyy");
	check(a, arena_printf(a, Y500 "yyyyyyyyyyyy"), Y500 "yyyyyyyyyyyy");
	check(a, arena_printf(a, Y500 "yyyyyyyyy%s", "ab"), Y500 "yyyyyyyyy%s", "ab");
	check(a, arena_printf(a, "a%sb%%c%dd%s", "x", 3, ""), "a%sb%%c%dd%s", "x", 3, "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_quick_conversions, setup, teardown),
		cmocka_unit_test_setup_teardown(test_left_to_vsnprintf, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

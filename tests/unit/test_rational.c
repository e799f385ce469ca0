/*
** Unit tests for src/base/rational.c.
**
** The tables aim at the places a naive implementation goes wrong: signs and
** reduction, INT64_MIN, intermediates that overflow 64 bits although the
** reduced result fits (or the other way round), comparisons whose cross
** products need 128 bits, rounding of negatives, and decimal literals whose
** denominator only fits after reduction.
*/
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "base/numfmt.h"
#include "base/rational.h"

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

#define MAX INT64_MAX
#define MIN INT64_MIN
#define P62 ((int64_t)1 << 62)

static struct rat mk(int64_t num, int64_t den)
{
	struct rat r = { 0, 0 };
	assert_int_equal(rat_make(num, den, &r), RAT_OK);
	return r;
}

static void assert_rat(struct rat r, int64_t num, int64_t den)
{
	if (r.num != num || r.den != den)
		fail_msg("got %lld/%lld, want %lld/%lld", (long long)r.num,
			 (long long)r.den, (long long)num, (long long)den);
}

/* The invariant every successful result must satisfy. */
static int64_t gcd64(int64_t a, int64_t b)
{
	uint64_t x = a < 0 ? 0 - (uint64_t)a : (uint64_t)a;
	uint64_t y = b < 0 ? 0 - (uint64_t)b : (uint64_t)b;
	while (y != 0) {
		uint64_t t = x % y;
		x = y;
		y = t;
	}
	return (int64_t)x;
}

static void assert_valid(struct rat r)
{
	assert_true(r.den > 0);
	assert_true(r.num != MIN);
	assert_int_equal(gcd64(r.num, r.den), 1);
}

/* ---- rat_make ------------------------------------------------------------ */

static void test_make(void **state)
{
	(void)state;
	static const struct {
		int64_t num, den;
		enum rat_status st;
		int64_t want_num, want_den;
	} cases[] = {
		{ 2, -4, RAT_OK, -1, 2 },
		{ -2, -4, RAT_OK, 1, 2 },
		{ -2, 4, RAT_OK, -1, 2 },
		{ 6, 3, RAT_OK, 2, 1 },
		{ 0, 5, RAT_OK, 0, 1 },
		{ 0, -5, RAT_OK, 0, 1 },
		{ 12, 18, RAT_OK, 2, 3 },
		{ MAX, MAX, RAT_OK, 1, 1 },
		{ MAX, -1, RAT_OK, -MAX, 1 },
		{ -MAX, -1, RAT_OK, MAX, 1 },
		{ MIN, MIN, RAT_OK, 1, 1 },
		{ MIN, 2, RAT_OK, -P62, 1 },       /* fits after reduction */
		{ 2, MIN, RAT_OK, -1, P62 },
		{ MIN, -2, RAT_OK, P62, 1 },
		{ MIN, 1, RAT_OVERFLOW, 0, 0 },    /* num would be INT64_MIN */
		{ MIN, -1, RAT_OVERFLOW, 0, 0 },   /* 2^63 */
		{ 1, MIN, RAT_OVERFLOW, 0, 0 },    /* den would be 2^63 */
		{ -1, MIN, RAT_OVERFLOW, 0, 0 },
		{ MIN, 3, RAT_OVERFLOW, 0, 0 },
		{ 1, 0, RAT_DIV_ZERO, 0, 0 },
		{ 0, 0, RAT_DIV_ZERO, 0, 0 },
		{ MIN, 0, RAT_DIV_ZERO, 0, 0 },
	};
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		struct rat r = { 111, 222 };
		enum rat_status st = rat_make(cases[i].num, cases[i].den, &r);
		if (st != cases[i].st)
			fail_msg("case %zu: status %d, want %d", i, (int)st,
				 (int)cases[i].st);
		if (st == RAT_OK) {
			assert_rat(r, cases[i].want_num, cases[i].want_den);
			assert_valid(r);
		} else {
			assert_rat(r, 111, 222); /* untouched on failure */
		}
	}
}

static void test_int_and_predicates(void **state)
{
	(void)state;
	assert_rat(rat_int(7), 7, 1);
	assert_rat(rat_int(-7), -7, 1);
	assert_rat(rat_int(0), 0, 1);
	assert_true(rat_is_int(rat_int(MAX)));
	assert_true(rat_is_int(mk(10, 5)));
	assert_false(rat_is_int(mk(10, 4)));
	assert_true(rat_is_zero(rat_int(0)));
	assert_true(rat_is_zero(mk(0, -9)));
	assert_false(rat_is_zero(mk(1, MAX)));
	assert_false(rat_is_zero(mk(-1, MAX)));
}

/* ---- arithmetic ----------------------------------------------------------- */

typedef enum rat_status (*binop)(struct rat, struct rat, struct rat *);

static void test_arith(void **state)
{
	(void)state;
	static const struct {
		const char *what;
		binop op;
		int64_t an, ad, bn, bd;
		enum rat_status st;
		int64_t rn, rd;
	} cases[] = {
		{ "1/2+1/3", rat_add, 1, 2, 1, 3, RAT_OK, 5, 6 },
		{ "1/6+1/3 reduces", rat_add, 1, 6, 1, 3, RAT_OK, 1, 2 },
		{ "1/3+2/3 is 1", rat_add, 1, 3, 2, 3, RAT_OK, 1, 1 },
		{ "1/2+-1/2 is 0/1", rat_add, 1, 2, -1, 2, RAT_OK, 0, 1 },
		{ "MAX+1", rat_add, MAX, 1, 1, 1, RAT_OVERFLOW, 0, 0 },
		{ "MAX+MAX", rat_add, MAX, 1, MAX, 1, RAT_OVERFLOW, 0, 0 },
		{ "MAX+-1", rat_add, MAX, 1, -1, 1, RAT_OK, MAX - 1, 1 },
		{ "-MAX+-1 would be INT64_MIN", rat_add, -MAX, 1, -1, 1,
		  RAT_OVERFLOW, 0, 0 },
		{ "MAX/2+MAX/2: big intermediates, result fits", rat_add, MAX, 2,
		  MAX, 2, RAT_OK, MAX, 1 },
		{ "1/MAX+1/MAX: den product overflows, result fits", rat_add, 1,
		  MAX, 1, MAX, RAT_OK, 2, MAX },
		{ "1/MAX+1/(MAX-1): coprime dens", rat_add, 1, MAX, 1, MAX - 1,
		  RAT_OVERFLOW, 0, 0 },
		{ "(MAX-1)/MAX + 1/MAX", rat_add, MAX - 1, MAX, 1, MAX, RAT_OK,
		  1, 1 },
		{ "1/2^62+1/2^62", rat_add, 1, P62, 1, P62, RAT_OK, 1, P62 / 2 },
		{ "1/2-1/3", rat_sub, 1, 2, 1, 3, RAT_OK, 1, 6 },
		{ "1/3-1/2", rat_sub, 1, 3, 1, 2, RAT_OK, -1, 6 },
		{ "x-x is 0/1", rat_sub, 7, 3, 7, 3, RAT_OK, 0, 1 },
		{ "-MAX-1 would be INT64_MIN", rat_sub, -MAX, 1, 1, 1,
		  RAT_OVERFLOW, 0, 0 },
		{ "-MAX-0", rat_sub, -MAX, 1, 0, 1, RAT_OK, -MAX, 1 },
		{ "0-MAX", rat_sub, 0, 1, MAX, 1, RAT_OK, -MAX, 1 },
		{ "MAX-(-1)", rat_sub, MAX, 1, -1, 1, RAT_OVERFLOW, 0, 0 },
		{ "2/3*3/4", rat_mul, 2, 3, 3, 4, RAT_OK, 1, 2 },
		{ "-2/3*3/4", rat_mul, -2, 3, 3, 4, RAT_OK, -1, 2 },
		{ "-2/3*-3/4", rat_mul, -2, 3, -3, 4, RAT_OK, 1, 2 },
		{ "x*0", rat_mul, MAX, 3, 0, 1, RAT_OK, 0, 1 },
		{ "3/4*9", rat_mul, 3, 4, 9, 1, RAT_OK, 27, 4 },
		{ "MAX*2", rat_mul, MAX, 1, 2, 1, RAT_OVERFLOW, 0, 0 },
		{ "2^32*2^32", rat_mul, (int64_t)1 << 32, 1, (int64_t)1 << 32, 1,
		  RAT_OVERFLOW, 0, 0 },
		{ "1/2^32*1/2^32", rat_mul, 1, (int64_t)1 << 32, 1,
		  (int64_t)1 << 32, RAT_OVERFLOW, 0, 0 },
		{ "2^62*2", rat_mul, P62, 1, 2, 1, RAT_OVERFLOW, 0, 0 },
		{ "2^62*-2 would be INT64_MIN", rat_mul, P62, 1, -2, 1,
		  RAT_OVERFLOW, 0, 0 },
		{ "MAX*-1", rat_mul, MAX, 1, -1, 1, RAT_OK, -MAX, 1 },
		{ "(MAX/3)*(3/MAX) reduces to 1", rat_mul, MAX, 3, 3, MAX, RAT_OK,
		  1, 1 },
		{ "MAX*(3/MAX)", rat_mul, MAX, 1, 3, MAX, RAT_OK, 3, 1 },
		{ "(MAX/7)*(7/2)", rat_mul, MAX / 7, 1, 7, 2, RAT_OK, MAX, 2 },
		{ "(MAX/2)*(2/MAX)", rat_mul, MAX, 2, 2, MAX, RAT_OK, 1, 1 },
		{ "(MAX/(MAX-1))*((MAX-1)/MAX)", rat_mul, MAX, MAX - 1, MAX - 1,
		  MAX, RAT_OK, 1, 1 },
		{ "3/4 / 3/8", rat_div, 3, 4, 3, 8, RAT_OK, 2, 1 },
		{ "1/2 / -1/3: sign moves to num", rat_div, 1, 2, -1, 3, RAT_OK,
		  -3, 2 },
		{ "-1/2 / -1/3", rat_div, -1, 2, -1, 3, RAT_OK, 3, 2 },
		{ "x/0", rat_div, 1, 2, 0, 1, RAT_DIV_ZERO, 0, 0 },
		{ "0/0", rat_div, 0, 1, 0, 1, RAT_DIV_ZERO, 0, 0 },
		{ "0/x", rat_div, 0, 1, 5, 7, RAT_OK, 0, 1 },
		{ "1 / (1/MAX)", rat_div, 1, 1, 1, MAX, RAT_OK, MAX, 1 },
		{ "-1 / (1/MAX)", rat_div, -1, 1, 1, MAX, RAT_OK, -MAX, 1 },
		{ "(1/MAX) / MAX", rat_div, 1, MAX, MAX, 1, RAT_OVERFLOW, 0, 0 },
		{ "MAX / (1/2)", rat_div, MAX, 1, 1, 2, RAT_OVERFLOW, 0, 0 },
		{ "(MAX/3) / (MAX/3)", rat_div, MAX, 3, MAX, 3, RAT_OK, 1, 1 },
		{ "2^62 / (-1/2) would be INT64_MIN", rat_div, P62, 1, -1, 2,
		  RAT_OVERFLOW, 0, 0 },
	};
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		struct rat a = mk(cases[i].an, cases[i].ad);
		struct rat b = mk(cases[i].bn, cases[i].bd);
		struct rat r = { 111, 222 };
		enum rat_status st = cases[i].op(a, b, &r);
		if (st != cases[i].st)
			fail_msg("%s: status %d, want %d", cases[i].what, (int)st,
				 (int)cases[i].st);
		if (st == RAT_OK) {
			if (r.num != cases[i].rn || r.den != cases[i].rd)
				fail_msg("%s: got %lld/%lld", cases[i].what,
					 (long long)r.num, (long long)r.den);
			assert_valid(r);
		} else {
			assert_rat(r, 111, 222);
		}
	}
}

static void test_neg(void **state)
{
	(void)state;
	struct rat r;
	assert_int_equal(rat_neg(mk(1, 2), &r), RAT_OK);
	assert_rat(r, -1, 2);
	assert_int_equal(rat_neg(mk(-1, 2), &r), RAT_OK);
	assert_rat(r, 1, 2);
	assert_int_equal(rat_neg(rat_int(0), &r), RAT_OK);
	assert_rat(r, 0, 1);
	assert_int_equal(rat_neg(rat_int(MAX), &r), RAT_OK);
	assert_rat(r, -MAX, 1);
	assert_int_equal(rat_neg(rat_int(-MAX), &r), RAT_OK);
	assert_rat(r, MAX, 1);
	/* rat_int is the only way to hold INT64_MIN; its negation fails. */
	r = rat_int(5);
	assert_int_equal(rat_neg(rat_int(MIN), &r), RAT_OVERFLOW);
	assert_rat(r, 5, 1);
}

/* rat_int(INT64_MIN) is accepted as an operand and handled exactly. */
static void test_int64_min_operand(void **state)
{
	(void)state;
	struct rat m = rat_int(MIN), r;
	assert_int_equal(rat_add(m, rat_int(1), &r), RAT_OK);
	assert_rat(r, -MAX, 1);
	assert_int_equal(rat_add(m, rat_int(-1), &r), RAT_OVERFLOW);
	assert_int_equal(rat_mul(m, mk(1, 2), &r), RAT_OK);
	assert_rat(r, -P62, 1);
	assert_int_equal(rat_mul(m, rat_int(-1), &r), RAT_OVERFLOW);
	assert_int_equal(rat_div(m, rat_int(MIN), &r), RAT_OK);
	assert_rat(r, 1, 1);
	assert_int_equal(rat_div(rat_int(1), m, &r), RAT_OVERFLOW);
	assert_int_equal(rat_div(rat_int(2), m, &r), RAT_OK);
	assert_rat(r, -1, P62);
	assert_int_equal(rat_cmp(m, rat_int(-MAX)), -1);
	assert_int_equal(rat_cmp(rat_int(-MAX), m), 1);
	assert_int_equal(rat_cmp(m, m), 0);
	assert_int_equal(rat_floor(m), MIN);
	assert_int_equal(rat_ceil(m), MIN);
	assert_int_equal(rat_round(m), MIN);
}

/*
** Every operation on every pair of small fractions, checked against plain
** integer arithmetic on the unreduced forms.
*/
static void test_small_exhaustive(void **state)
{
	(void)state;
	for (int64_t an = -12; an <= 12; an++)
	for (int64_t ad = 1; ad <= 12; ad++)
	for (int64_t bn = -12; bn <= 12; bn++)
	for (int64_t bd = 1; bd <= 12; bd++) {
		struct rat a = mk(an, ad), b = mk(bn, bd), r;

		assert_int_equal(rat_add(a, b, &r), RAT_OK);
		assert_valid(r);
		assert_true(r.num * ad * bd == (an * bd + bn * ad) * r.den);

		assert_int_equal(rat_sub(a, b, &r), RAT_OK);
		assert_valid(r);
		assert_true(r.num * ad * bd == (an * bd - bn * ad) * r.den);
		/* cmp agrees with the sign of the difference */
		int sign = (r.num > 0) - (r.num < 0);
		assert_int_equal(rat_cmp(a, b), sign);
		assert_int_equal(rat_cmp(b, a), -sign);

		assert_int_equal(rat_mul(a, b, &r), RAT_OK);
		assert_valid(r);
		assert_true(r.num * ad * bd == an * bn * r.den);

		if (bn == 0) {
			assert_int_equal(rat_div(a, b, &r), RAT_DIV_ZERO);
		} else {
			assert_int_equal(rat_div(a, b, &r), RAT_OK);
			assert_valid(r);
			assert_true(r.num * ad * bn == an * bd * r.den);
		}

		/* floor <= a < floor + 1, ceil - 1 < a <= ceil */
		int64_t f = rat_floor(a), c = rat_ceil(a);
		assert_true(f * ad <= an && an < (f + 1) * ad);
		assert_true((c - 1) * ad < an && an <= c * ad);
		/* round: |a - round| <= 1/2, ties away from zero */
		int64_t rd = rat_round(a);
		int64_t twice_err = 2 * (an - rd * ad); /* 2(a - rd) * ad */
		assert_true(twice_err <= ad && twice_err >= -ad);
		if (twice_err == ad)
			assert_true(an < 0);  /* tie went down: must be negative */
		if (twice_err == -ad)
			assert_true(an > 0);
	}
}

/* ---- comparison ----------------------------------------------------------- */

static void test_cmp(void **state)
{
	(void)state;
	static const struct {
		int64_t an, ad, bn, bd;
		int want;
	} cases[] = {
		{ 1, 2, 1, 3, 1 },
		{ 1, 3, 1, 2, -1 },
		{ 2, 4, 1, 2, 0 },
		{ -1, 2, 1, 3, -1 },
		{ -1, 2, -1, 3, -1 },
		{ 0, 1, 0, 7, 0 },
		{ MAX, 1, MAX, 1, 0 },
		{ MAX, 1, MAX - 1, 1, 1 },
		{ -MAX, 1, MAX, 1, -1 },
		/* cross products need ~126 bits; doubles call these equal */
		{ MAX - 1, MAX, MAX - 2, MAX - 1, 1 },
		{ -(MAX - 1), MAX, -(MAX - 2), MAX - 1, -1 },
		{ 1, MAX, 1, MAX - 1, -1 },
		{ -1, MAX, -1, MAX - 1, 1 },
		{ MAX, MAX - 1, MAX - 1, MAX - 2, -1 },
		{ MAX, 2, MAX - 1, 2, 1 },   /* (MAX-1)/2 reduces to an int */
		{ MAX, 3, MAX / 3, 1, 1 },
		{ MAX, MAX - 1, 1, 1, 1 },
		{ -MAX, MAX - 1, -1, 1, -1 },
	};
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		struct rat a = mk(cases[i].an, cases[i].ad);
		struct rat b = mk(cases[i].bn, cases[i].bd);
		if (rat_cmp(a, b) != cases[i].want)
			fail_msg("case %zu: cmp %d, want %d", i, rat_cmp(a, b),
				 cases[i].want);
		assert_int_equal(rat_cmp(b, a), -cases[i].want);
		assert_int_equal(rat_cmp(a, a), 0);
	}
}

static struct rat parse(const char *s)
{
	struct rat r = { 0, 0 };
	assert_int_equal(rat_parse(s, strlen(s), &r), RAT_OK);
	return r;
}

/* 75%, 2/3 and 66.67% are three different numbers, in that order reversed. */
static void test_percentages(void **state)
{
	(void)state;
	struct rat hundred = rat_int(100), p75, p6667;
	struct rat two_thirds = mk(2, 3);
	assert_int_equal(rat_div(parse("75"), hundred, &p75), RAT_OK);
	assert_int_equal(rat_div(parse("66.67"), hundred, &p6667), RAT_OK);
	assert_rat(p75, 3, 4);
	assert_rat(p6667, 6667, 10000);

	assert_int_equal(rat_cmp(two_thirds, p6667), -1);
	assert_int_equal(rat_cmp(p6667, p75), -1);
	assert_int_equal(rat_cmp(two_thirds, p75), -1);
	assert_int_equal(rat_cmp(p6667, two_thirds), 1);
	/* 0.6666 < 2/3 < 0.6667, and 0.666666666666666667 still > 2/3 */
	assert_int_equal(rat_cmp(parse("0.6666"), two_thirds), -1);
	assert_int_equal(rat_cmp(parse("0.6667"), two_thirds), 1);
	assert_int_equal(rat_cmp(parse("0.666666666666666667"), two_thirds), 1);
	assert_int_equal(rat_cmp(parse("0.666666666666666666"), two_thirds), -1);
}

/* The shapes of the decisions quorate actually makes. */
static void test_thresholds(void **state)
{
	(void)state;
	struct rat r, half, need;

	/* 3/4 of 9 members is 27/4: 7 are needed, 6 are not enough. */
	assert_int_equal(rat_mul(mk(3, 4), rat_int(9), &r), RAT_OK);
	assert_rat(r, 27, 4);
	assert_int_equal(rat_ceil(r), 7);
	assert_int_equal(rat_floor(r), 6);
	assert_int_equal(rat_round(r), 7);
	assert_false(rat_is_int(r));
	assert_int_equal(rat_cmp(rat_int(7), r), 1);
	assert_int_equal(rat_cmp(rat_int(6), r), -1);

	/* yes = 6 of cast = 11: more than half... */
	assert_int_equal(rat_div(rat_int(11), rat_int(2), &half), RAT_OK);
	assert_rat(half, 11, 2);
	assert_true(rat_cmp(rat_int(6), half) > 0);
	/* ...but not at least 50% of 11 plus one (= 6.5). */
	assert_int_equal(rat_mul(mk(1, 2), rat_int(11), &need), RAT_OK);
	assert_int_equal(rat_add(need, rat_int(1), &need), RAT_OK);
	assert_rat(need, 13, 2);
	assert_false(rat_cmp(rat_int(6), need) >= 0);
	assert_true(rat_cmp(rat_int(7), need) >= 0);

	/* 2/3 of 9 is exactly 6: "at least 2/3" passes with 6. */
	assert_int_equal(rat_mul(mk(2, 3), rat_int(9), &r), RAT_OK);
	assert_rat(r, 6, 1);
	assert_true(rat_is_int(r));
	assert_int_equal(rat_cmp(rat_int(6), r), 0);
	assert_int_equal(rat_ceil(r), 6);
	assert_int_equal(rat_floor(r), 6);

	/* 66.67% of 9 is 6.0003: 6 is not enough. */
	assert_int_equal(rat_mul(mk(6667, 10000), rat_int(9), &r), RAT_OK);
	assert_int_equal(rat_ceil(r), 7);
	assert_int_equal(rat_cmp(rat_int(6), r), -1);
}

/* ---- rounding ------------------------------------------------------------ */

static void test_rounding(void **state)
{
	(void)state;
	static const struct {
		int64_t num, den, floor, ceil, round;
	} cases[] = {
		{ -7, 2, -4, -3, -4 },
		{ 7, 2, 3, 4, 4 },
		{ 13, 2, 6, 7, 7 },    /* 6.5 -> 7 */
		{ -13, 2, -7, -6, -7 },/* -6.5 -> -7 */
		{ 1, 2, 0, 1, 1 },
		{ -1, 2, -1, 0, -1 },
		{ 1, 3, 0, 1, 0 },
		{ -1, 3, -1, 0, 0 },
		{ 2, 3, 0, 1, 1 },
		{ -2, 3, -1, 0, -1 },
		{ 27, 4, 6, 7, 7 },
		{ -27, 4, -7, -6, -7 },
		{ 25, 4, 6, 7, 6 },
		{ -25, 4, -7, -6, -6 },
		{ 0, 1, 0, 0, 0 },
		{ 5, 1, 5, 5, 5 },
		{ -5, 1, -5, -5, -5 },
		{ MAX, 1, MAX, MAX, MAX },
		{ -MAX, 1, -MAX, -MAX, -MAX },
		{ MAX, 2, P62 - 1, P62, P62 },       /* 2^62 - 1/2 */
		{ -MAX, 2, -P62, -(P62 - 1), -P62 },
		{ MAX, 3, MAX / 3, MAX / 3 + 1, MAX / 3 },           /* .333 */
		{ MAX - 2, 3, MAX / 3 - 1, MAX / 3, MAX / 3 },       /* .667 */
		{ -MAX, 3, -(MAX / 3) - 1, -(MAX / 3), -(MAX / 3) },
		{ -(MAX - 2), 3, -(MAX / 3), -(MAX / 3) + 1, -(MAX / 3) },
		{ 1, MAX, 0, 1, 0 },
		{ -1, MAX, -1, 0, 0 },
		{ MAX - 1, MAX, 0, 1, 1 },
		{ -(MAX - 1), MAX, -1, 0, -1 },
		{ MAX, MAX - 1, 1, 2, 1 },
		{ -MAX, MAX - 1, -2, -1, -1 },
	};
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		struct rat a = mk(cases[i].num, cases[i].den);
		if (rat_floor(a) != cases[i].floor || rat_ceil(a) != cases[i].ceil ||
		    rat_round(a) != cases[i].round)
			fail_msg("case %zu (%lld/%lld): floor %lld ceil %lld round %lld",
				 i, (long long)a.num, (long long)a.den,
				 (long long)rat_floor(a), (long long)rat_ceil(a),
				 (long long)rat_round(a));
	}
}

/* ---- rat_parse ------------------------------------------------------------ */

static void test_parse(void **state)
{
	(void)state;
	static const struct {
		const char *text;
		enum rat_status st;
		int64_t num, den;
	} cases[] = {
		{ "40000", RAT_OK, 40000, 1 },
		{ "66.67", RAT_OK, 6667, 100 },
		{ "0.5", RAT_OK, 1, 2 },
		{ "1.50", RAT_OK, 3, 2 },
		{ "075", RAT_OK, 75, 1 },
		{ "0", RAT_OK, 0, 1 },
		{ "00.000", RAT_OK, 0, 1 },
		{ "6.75", RAT_OK, 27, 4 },
		{ "0.000001", RAT_OK, 1, 1000000 },
		{ "0.000000000000000001", RAT_OK, 1, 1000000000000000000 },
		{ "0.0000000000000000001", RAT_OVERFLOW, 0, 0 }, /* den 10^19 */
		{ "9223372036854775807", RAT_OK, MAX, 1 },
		{ "0009223372036854775807", RAT_OK, MAX, 1 },
		{ "9223372036854775807.0000", RAT_OK, MAX, 1 },
		{ "9223372036854775808", RAT_OVERFLOW, 0, 0 },
		{ "99999999999999999999", RAT_OVERFLOW, 0, 0 },
		{ "9223372036854775807.5", RAT_OVERFLOW, 0, 0 },
		{ "9223372036854775806.5", RAT_OVERFLOW, 0, 0 }, /* num > MAX */
		{ "4611686018427387903.5", RAT_OK, MAX, 2 },
		/* 1/2^27: the unreduced denominator 10^27 does not fit */
		{ "0.000000007450580596923828125", RAT_OK, 1, 134217728 },
		{ "0.500000000000000000000000000000000000000000", RAT_OK, 1, 2 },
		{ "", RAT_SYNTAX, 0, 0 },
		{ ".", RAT_SYNTAX, 0, 0 },
		{ "1.", RAT_SYNTAX, 0, 0 },
		{ ".5", RAT_SYNTAX, 0, 0 },
		{ "1e3", RAT_SYNTAX, 0, 0 },
		{ "-1", RAT_SYNTAX, 0, 0 },
		{ "+1", RAT_SYNTAX, 0, 0 },
		{ " 1", RAT_SYNTAX, 0, 0 },
		{ "1 ", RAT_SYNTAX, 0, 0 },
		{ "1..2", RAT_SYNTAX, 0, 0 },
		{ "1.2.3", RAT_SYNTAX, 0, 0 },
		{ "0x10", RAT_SYNTAX, 0, 0 },
		{ "1,5", RAT_SYNTAX, 0, 0 },
		{ "1/2", RAT_SYNTAX, 0, 0 },
		{ "50%", RAT_SYNTAX, 0, 0 },
		{ "99999999999999999999x", RAT_SYNTAX, 0, 0 }, /* syntax wins */
	};
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		struct rat r = { 111, 222 };
		enum rat_status st =
			rat_parse(cases[i].text, strlen(cases[i].text), &r);
		if (st != cases[i].st)
			fail_msg("\"%s\": status %d, want %d", cases[i].text,
				 (int)st, (int)cases[i].st);
		if (st == RAT_OK) {
			if (r.num != cases[i].num || r.den != cases[i].den)
				fail_msg("\"%s\": got %lld/%lld", cases[i].text,
					 (long long)r.num, (long long)r.den);
			assert_valid(r);
		} else {
			assert_rat(r, 111, 222);
		}
	}
}

/* The length, not a NUL, ends the literal. */
static void test_parse_uses_len(void **state)
{
	(void)state;
	struct rat r;
	assert_int_equal(rat_parse("12345", 3, &r), RAT_OK);
	assert_rat(r, 123, 1);
	assert_int_equal(rat_parse("1.25%", 4, &r), RAT_OK);
	assert_rat(r, 5, 4);
	assert_int_equal(rat_parse("1.", 1, &r), RAT_OK);
	assert_rat(r, 1, 1);
	assert_int_equal(rat_parse("1\0" "2", 3, &r), RAT_SYNTAX);
	assert_int_equal(rat_parse("5", 0, &r), RAT_SYNTAX);
	/* "66.67" sliced out of a larger source text */
	const char *src = "quorum 66.67% of members";
	assert_int_equal(rat_parse(src + 7, 5, &r), RAT_OK);
	assert_rat(r, 6667, 100);
}

/* ---- numfmt, and rat_format against printf --------------------------------- */

static void test_numfmt(void **state)
{
	(void)state;
	static const int64_t cases[] = { 0, 1, -1, 9, 10, -10, 12345, INT64_MAX, INT64_MIN, INT64_MIN + 1 };
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char want[NUMFMT_MAX], got[NUMFMT_MAX];
		snprintf(want, sizeof want, "%" PRId64, cases[i]);
		assert_int_equal(numfmt_i64(got, cases[i]), strlen(want));
		assert_string_equal(got, want);
	}
	char got[NUMFMT_MAX];
	assert_int_equal(numfmt_u64(got, UINT64_MAX), 20);
	assert_string_equal(got, "18446744073709551615");
	/* every length, at each power of ten and either side of it, both ways */
	for (uint64_t p = 1;; p *= 10) {
		for (uint64_t v = p - 1; v <= p + 1; v++) {
			char want[NUMFMT_MAX];
			snprintf(want, sizeof want, "%" PRIu64, v);
			assert_int_equal(numfmt_u64(got, v), strlen(want));
			assert_string_equal(got, want);
			if (v <= INT64_MAX) {
				assert_int_equal(numfmt_i64_fast(got, (int64_t)v), strlen(want));
				assert_string_equal(got, want);
				snprintf(want, sizeof want, "%" PRId64, -(int64_t)v);
				assert_int_equal(numfmt_i64_fast(got, -(int64_t)v), strlen(want));
				assert_string_equal(got, want);
			}
		}
		if (p > UINT64_MAX / 10)
			break;
	}
	/* either side of each power of two (numfmt_u64 counts digits from bits) */
	for (unsigned b = 1; b < 64; b++) {
		uint64_t p = (uint64_t)1 << b;
		for (uint64_t v = p - 1; v <= p + 1; v++) {
			char want[NUMFMT_MAX];
			snprintf(want, sizeof want, "%" PRIu64, v);
			assert_int_equal(numfmt_u64(got, v), strlen(want));
			assert_string_equal(got, want);
		}
	}
	assert_int_equal(numfmt_u64(got, 0), 1);
	assert_string_equal(got, "0");
}

/* rat_format as printf wrote it before it was done by hand: integers,
** decimals with their leading zeros, fractions, signs, the extremes. */
static void test_format_matches_printf(void **state)
{
	(void)state;
	static const int64_t nums[] = { 0, 1, -1, 3, -7, 10, 99, 1001, 123456789, INT64_MAX, INT64_MIN + 1 };
	static const int64_t dens[] = { 1, 2, 3, 4, 5, 8, 16, 20, 40, 64, 125, 1000, 3125, 1000000, 7, 9999991 };
	for (size_t i = 0; i < sizeof nums / sizeof nums[0]; i++) {
		for (size_t j = 0; j < sizeof dens / sizeof dens[0]; j++) {
			struct rat r;
			if (rat_make(nums[i], dens[j], &r) != RAT_OK)
				continue;
			char want[RAT_FMT_MAX], got[RAT_FMT_MAX];
			uint64_t m = r.num < 0 ? (uint64_t)0 - (uint64_t)r.num : (uint64_t)r.num;
			uint64_t d = (uint64_t)r.den, p = 1;
			int places = 0;
			for (int k = 1; k <= 6 && !places; k++)
				if ((p *= 10) % d == 0)
					places = k;
			const char *sign = r.num < 0 ? "-" : "";
			if (d == 1)
				snprintf(want, sizeof want, "%s%" PRIu64, sign, m);
			else if (places)
				snprintf(want, sizeof want, "%s%" PRIu64 ".%0*" PRIu64, sign, m / d, places, (m % d) * (p / d));
			else
				snprintf(want, sizeof want, "%s%" PRIu64 "/%" PRIu64, sign, m, d);
			assert_string_equal(rat_format(r, got, sizeof got), want);
		}
	}
}

/* ---- rat_format ----------------------------------------------------------- */

/* A number shown with the decimals it was written with (issue 13 item 10). */
static void test_format_places(void **state)
{
	(void)state;
	char buf[RAT_FMT_MAX];
	assert_string_equal(rat_format_places((struct rat){ 62001, 2 }, 2, buf, sizeof buf), "31000.50");
	assert_string_equal(rat_format_places((struct rat){ 62001, 2 }, 0, buf, sizeof buf), "31000.5");
	assert_string_equal(rat_format_places((struct rat){ 3, 1 }, 3, buf, sizeof buf), "3.000");
	assert_string_equal(rat_format_places((struct rat){ -1, 4 }, 4, buf, sizeof buf), "-0.2500");
	assert_string_equal(rat_format_places((struct rat){ 0, 1 }, 2, buf, sizeof buf), "0.00");
	/* too few places to write it exactly, or too many: as rat_format */
	assert_string_equal(rat_format_places((struct rat){ 1, 8 }, 2, buf, sizeof buf), "0.125");
	assert_string_equal(rat_format_places((struct rat){ 1, 3 }, 2, buf, sizeof buf), "1/3");
	assert_string_equal(rat_format_places((struct rat){ 1, 2 }, RAT_MAX_PLACES + 1, buf, sizeof buf), "0.5");
	assert_string_equal(rat_format_places((struct rat){ 1, 2 }, RAT_MAX_PLACES, buf, sizeof buf),
	                    "0.500000000000000000");
}

static void test_places_written(void **state)
{
	(void)state;
	static const struct {
		const char *text;
		unsigned places;
	} cases[] = {
		{ "31000.50", 2 }, { "40000", 0 }, { "66.7%", 3 }, { "50%", 2 }, { "3.1e2", 0 }, { "3.125e1", 2 },
		{ "25E-2", 2 }, { "2.5e+1", 0 }, { "0.1", 1 }, { "1.0000000000000000000000001", RAT_MAX_PLACES },
		{ "1e-99999", RAT_MAX_PLACES },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		unsigned got = rat_places_written(cases[i].text, strlen(cases[i].text));
		if (got != cases[i].places)
			fail_msg("%s: %u places, expected %u", cases[i].text, got, cases[i].places);
	}
}

static void test_format(void **state)
{
	(void)state;
	static const struct {
		int64_t num, den;
		const char *want;
	} cases[] = {
		{ 7, 1, "7" },
		{ -3, 1, "-3" },
		{ 0, 1, "0" },
		{ 27, 4, "6.75" },
		{ -27, 4, "-6.75" },
		{ 1, 2, "0.5" },
		{ -1, 2, "-0.5" },
		{ 3, 8, "0.375" },
		{ 101, 100, "1.01" },
		{ 6667, 10000, "0.6667" },
		{ 1, 1000000, "0.000001" },
		{ -1, 1000000, "-0.000001" },
		{ 1000001, 1000000, "1.000001" },
		{ 1, 64, "0.015625" },          /* 6 places: decimal */
		{ 1, 128, "1/128" },            /* 7 places: fraction */
		{ 1, 10000000, "1/10000000" },
		{ 1, 3, "1/3" },
		{ 20, 3, "20/3" },
		{ -2, 3, "-2/3" },
		{ 1, 6, "1/6" },                /* den 6 has a factor of 3 */
		{ 3, 1250, "0.0024" },
		{ MAX, 1, "9223372036854775807" },
		{ -MAX, 1, "-9223372036854775807" },
		{ MAX, 2, "4611686018427387903.5" },
		{ -MAX, 1000000, "-9223372036854.775807" },
		{ MAX, 3, "9223372036854775807/3" },
		{ MAX, MAX - 1, "9223372036854775807/9223372036854775806" },
		{ -MAX, MAX - 1, "-9223372036854775807/9223372036854775806" },
		{ 1, MAX, "1/9223372036854775807" },
	};
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		char buf[RAT_FMT_MAX];
		struct rat a = mk(cases[i].num, cases[i].den);
		assert_ptr_equal(rat_format(a, buf, sizeof buf), buf);
		assert_string_equal(buf, cases[i].want);
	}

	char buf[RAT_FMT_MAX];
	assert_string_equal(rat_format(rat_int(MIN), buf, sizeof buf),
			    "-9223372036854775808");
	/* The longest possible output fits RAT_FMT_MAX with room to spare. */
	rat_format(mk(-MAX, MAX - 1), buf, sizeof buf);
	assert_true(strlen(buf) < RAT_FMT_MAX);
}

/* Formatting then parsing gives the value back, for every decimal case. */
static void test_format_parse_round_trip(void **state)
{
	(void)state;
	for (int64_t den = 1; den <= 2000; den++) {
		for (int64_t num = 0; num <= 3 * den; num += 7) {
			struct rat a = mk(num, den), b;
			char buf[RAT_FMT_MAX];
			rat_format(a, buf, sizeof buf);
			if (strchr(buf, '/') != NULL)
				continue;
			assert_int_equal(rat_parse(buf, strlen(buf), &b), RAT_OK);
			assert_rat(b, a.num, a.den);
			/* no trailing zeros after the point */
			if (strchr(buf, '.') != NULL)
				assert_true(buf[strlen(buf) - 1] != '0');
		}
	}
}

static void test_format_truncates(void **state)
{
	(void)state;
	static const struct {
		int64_t num, den;
		size_t size;
		const char *want;
	} cases[] = {
		{ 20, 3, 1, "" },
		{ 20, 3, 2, "2" },
		{ 20, 3, 4, "20/" },
		{ 20, 3, 5, "20/3" },
		{ -1, 2, 3, "-0" },
		{ -1, 2, 4, "-0." },
		{ -1, 2, 5, "-0.5" },
		{ 7, 1, 1, "" },
		{ 7, 1, 2, "7" },
		{ -MAX, MAX - 1, 10, "-92233720" },
	};
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		char buf[64];
		memset(buf, 'X', sizeof buf);
		struct rat a = mk(cases[i].num, cases[i].den);
		assert_ptr_equal(rat_format(a, buf, cases[i].size), buf);
		assert_string_equal(buf, cases[i].want);
		for (size_t j = cases[i].size; j < sizeof buf; j++)
			assert_int_equal(buf[j], 'X');
	}

	/* size 0: nothing written at all */
	char buf[4] = { 'X', 'X', 'X', 'X' };
	assert_ptr_equal(rat_format(rat_int(1), buf, 0), buf);
	assert_memory_equal(buf, "XXXX", 4);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_make),
		cmocka_unit_test(test_int_and_predicates),
		cmocka_unit_test(test_arith),
		cmocka_unit_test(test_neg),
		cmocka_unit_test(test_int64_min_operand),
		cmocka_unit_test(test_small_exhaustive),
		cmocka_unit_test(test_cmp),
		cmocka_unit_test(test_percentages),
		cmocka_unit_test(test_thresholds),
		cmocka_unit_test(test_rounding),
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_parse_uses_len),
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_format_places),
		cmocka_unit_test(test_places_written),
		cmocka_unit_test(test_numfmt),
		cmocka_unit_test(test_format_matches_printf),
		cmocka_unit_test(test_format_parse_round_trip),
		cmocka_unit_test(test_format_truncates),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

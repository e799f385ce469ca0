/*
** rational: exact fractions on checked 64-bit integers.
**
** Every decision quorate makes is a comparison of rationals, so nothing in
** here rounds: a value is a reduced fraction num/den with den > 0, every
** operation reports overflow instead of wrapping, and comparison is done by
** cross-multiplying in 128 bits so it can never overflow.  "75%" is 3/4,
** "2/3" is two thirds and "66.67%" is 6667/10000: three different numbers.
*/
#ifndef QUORATE_RATIONAL_H
#define QUORATE_RATIONAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct rat {
	int64_t num;
	int64_t den; /* always > 0; gcd(|num|, den) == 1 */
};

enum rat_status {
	RAT_OK = 0,
	RAT_OVERFLOW,  /* the exact result does not fit in int64_t num/den */
	RAT_DIV_ZERO,  /* division by zero, or a zero denominator */
	RAT_SYNTAX     /* rat_parse: not a number */
};

/*
** Every function returning a status leaves *out unchanged unless it returns
** RAT_OK.  No operation produces a numerator of INT64_MIN (that is reported
** as RAT_OVERFLOW), so rat_neg of any result succeeds.
*/

/* n/1.  rat_int(INT64_MIN) is the one rat whose rat_neg fails; the other
** operations accept it and give exact results. */
struct rat rat_int(int64_t n);
/* num/den reduced to lowest terms with a positive denominator.  The
** reduction happens first: rat_make(INT64_MIN, 2) is -2^62/1. */
enum rat_status rat_make(int64_t num, int64_t den, struct rat *out);

enum rat_status rat_add(struct rat a, struct rat b, struct rat *out);
enum rat_status rat_sub(struct rat a, struct rat b, struct rat *out);
enum rat_status rat_mul(struct rat a, struct rat b, struct rat *out);
enum rat_status rat_div(struct rat a, struct rat b, struct rat *out);
enum rat_status rat_neg(struct rat a, struct rat *out);

/* -1, 0 or 1 as a <, ==, > b.  Exact; cannot overflow. */
int rat_cmp(struct rat a, struct rat b);
bool rat_is_int(struct rat a);
bool rat_is_zero(struct rat a);

/* Whole-number rounding.  floor and ceil are exact; round is half away from
** zero ("to nearest": 6.5 -> 7, -6.5 -> -7).  They cannot fail for a valid
** rat, so they return the integer directly. */
int64_t rat_floor(struct rat a);
int64_t rat_ceil(struct rat a);
int64_t rat_round(struct rat a);

/*
** Parse a plain decimal literal: digits, optionally '.' and more digits
** ("40000", "66.67", "0.5").  No sign, no exponent, no spaces.  The value is
** exact: "66.67" is 6667/100.  RAT_SYNTAX for anything else, RAT_OVERFLOW if
** it does not fit.
*/
enum rat_status rat_parse(const char *text, size_t len, struct rat *out);

/*
** Write a rational for people into buf (always NUL-terminated, truncated to
** size).  Integers print as "7"; values with a finite decimal expansion of at
** most 6 decimal places print as decimals ("6.75", "0.5"); others print as
** a fraction in lowest terms ("20/3").  Returns buf.
*/
char *rat_format(struct rat a, char *buf, size_t size);

/* Buffer size that always holds rat_format's output. */
#define RAT_FMT_MAX 48

/*
** A number as it was written: with `places` decimals ("31000.50" keeps its
** 0) when that many write it exactly, else as rat_format.  places is at
** most RAT_MAX_PLACES.
*/
char *rat_format_places(struct rat a, unsigned places, char *buf, size_t size);
#define RAT_MAX_PLACES 18

/* The decimals written in a number's text ("31000.50": 2, "66.7%": 3, the
** percent being two more; "3.1e2": 0), at most RAT_MAX_PLACES. */
unsigned rat_places_written(const char *text, size_t len);

#endif

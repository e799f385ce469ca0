/*
** rational: exact fractions on checked 64-bit integers.  See rational.h.
**
** How exactness is kept:
**
**   - Every arithmetic result is computed in 128 bits and then reduced to
**     lowest terms before it is narrowed back to 64 bits.  Each operand is at
**     most 2^63 in magnitude, so a product of two of them is below 2^126 and
**     a sum of two such products below 2^127: the 128-bit step cannot
**     overflow, so it is written as plain arithmetic (a checked 128-bit
**     multiplication is a library call).  So RAT_OVERFLOW means exactly
**     what the header says: the reduced result does not fit, never "an
**     intermediate got too big".
**
**   - No result ever has num == INT64_MIN (it is reported as RAT_OVERFLOW),
**     so negating a result is always safe.  Inputs with num == INT64_MIN
**     (only rat_int(INT64_MIN) can make one) are still handled correctly:
**     magnitudes are taken in unsigned arithmetic throughout.
**
**   - On any status other than RAT_OK, *out is left untouched.
*/
#include "base/rational.h"

#include "base/numfmt.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

__extension__ typedef __int128 i128;
__extension__ typedef unsigned __int128 u128;

/* |x| without overflow, also for INT64_MIN. */
static uint64_t uabs64(int64_t x)
{
	return x < 0 ? (uint64_t)0 - (uint64_t)x : (uint64_t)x;
}

static u128 uabs128(i128 x)
{
	return x < 0 ? (u128)0 - (u128)x : (u128)x;
}

static u128 gcd128(u128 a, u128 b)
{
	while (b != 0) {
		u128 t = a % b;
		a = b;
		b = t;
	}
	return a;
}

/* gcd128 in 64 bits: a 128-bit division is a library call (finish reduces
** in 64 bits when both parts fit). */
static uint64_t gcd64(uint64_t a, uint64_t b)
{
	while (b != 0) {
		uint64_t t = a % b;
		a = b;
		b = t;
	}
	return a;
}

/*
** n/d in lowest terms with a positive denominator, or RAT_DIV_ZERO when d is
** 0, or RAT_OVERFLOW when the reduced numerator or denominator is outside
** -INT64_MAX..INT64_MAX.
*/
static enum rat_status finish(i128 n, i128 d, struct rat *out)
{
	if (d == 0)
		return RAT_DIV_ZERO;
	if (n >= -(i128)INT64_MAX && n <= (i128)INT64_MAX && d >= -(i128)INT64_MAX && d <= (i128)INT64_MAX) {
		/* the usual case, in 64 bits (a 128-bit division is a library
		** call): the same reduction, and it cannot overflow */
		int64_t n64 = (int64_t)n, d64 = (int64_t)d;
		uint64_t un = uabs64(n64), ud = uabs64(d64);
		uint64_t g = gcd64(un, ud);
		int64_t num = (int64_t)(un / g);
		out->num = (n64 < 0) != (d64 < 0) ? -num : num;
		out->den = (int64_t)(ud / g);
		return RAT_OK;
	}
	bool neg = (n < 0) != (d < 0);
	u128 un = uabs128(n);
	u128 ud = uabs128(d);
	u128 g = gcd128(un, ud); /* >= 1 because ud != 0 */
	un /= g;
	ud /= g;
	if (un > (u128)INT64_MAX || ud > (u128)INT64_MAX)
		return RAT_OVERFLOW;
	int64_t num = (int64_t)un;
	out->num = neg ? -num : num;
	out->den = (int64_t)ud;
	return RAT_OK;
}

struct rat rat_int(int64_t n)
{
	struct rat r = { n, 1 };
	return r;
}

enum rat_status rat_make(int64_t num, int64_t den, struct rat *out)
{
	return finish((i128)num, (i128)den, out);
}

/* a.num*b.den OP b.num*a.den over a.den*b.den; sign is +1 or -1. */
static enum rat_status add_signed(struct rat a, struct rat b, int sign,
				  struct rat *out)
{
	/* each product below 2^126 in magnitude, their sum or difference below 2^127 */
	i128 l = (i128)a.num * b.den, r = (i128)b.num * a.den, d = (i128)a.den * b.den;
	i128 n = sign > 0 ? l + r : l - r;
	return finish(n, d, out);
}

enum rat_status rat_add(struct rat a, struct rat b, struct rat *out)
{
	return add_signed(a, b, 1, out);
}

enum rat_status rat_sub(struct rat a, struct rat b, struct rat *out)
{
	return add_signed(a, b, -1, out);
}

enum rat_status rat_mul(struct rat a, struct rat b, struct rat *out)
{
	i128 n = (i128)a.num * b.num, d = (i128)a.den * b.den; /* each below 2^126 in magnitude */
	return finish(n, d, out);
}

enum rat_status rat_div(struct rat a, struct rat b, struct rat *out)
{
	if (b.num == 0)
		return RAT_DIV_ZERO;
	i128 n = (i128)a.num * b.den, d = (i128)a.den * b.num; /* each below 2^126 in magnitude */
	return finish(n, d, out);
}

enum rat_status rat_neg(struct rat a, struct rat *out)
{
	if (a.num == INT64_MIN)
		return RAT_OVERFLOW;
	out->num = -a.num;
	out->den = a.den;
	return RAT_OK;
}

int rat_cmp(struct rat a, struct rat b)
{
	/* Both products are below 2^126 in magnitude: no overflow. */
	i128 l = (i128)a.num * (i128)b.den;
	i128 r = (i128)b.num * (i128)a.den;
	return (l > r) - (l < r);
}

bool rat_is_int(struct rat a)
{
	return a.den == 1;
}

bool rat_is_zero(struct rat a)
{
	return a.num == 0;
}

/*
** C division truncates toward zero.  With den >= 2 the quotient is at most
** 2^62 in magnitude, so the +-1 adjustments below cannot overflow; with
** den == 1 the remainder is 0 and no adjustment happens.
*/
int64_t rat_floor(struct rat a)
{
	int64_t q = a.num / a.den;
	int64_t r = a.num % a.den;
	return (r != 0 && a.num < 0) ? q - 1 : q;
}

int64_t rat_ceil(struct rat a)
{
	int64_t q = a.num / a.den;
	int64_t r = a.num % a.den;
	return (r != 0 && a.num > 0) ? q + 1 : q;
}

int64_t rat_round(struct rat a)
{
	if (a.den == 1)
		return a.num;
	uint64_t m = uabs64(a.num);
	uint64_t d = (uint64_t)a.den;
	uint64_t q = m / d;
	uint64_t r = m % d;
	if (r >= d - r) /* r/d >= 1/2, written so that 2r cannot overflow */
		q++;
	/* den >= 2, so q <= 2^62 + 1: fits, and so does its negation. */
	return a.num < 0 ? -(int64_t)q : (int64_t)q;
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

enum rat_status rat_parse(const char *text, size_t len, struct rat *out)
{
	if (text == NULL || len == 0)
		return RAT_SYNTAX;

	/* Syntax first, so "99999999999999999999x" is a syntax error. */
	size_t int_end = 0;
	while (int_end < len && is_digit(text[int_end]))
		int_end++;
	if (int_end == 0)
		return RAT_SYNTAX;
	if (int_end < len) {
		if (text[int_end] != '.' || int_end + 1 == len)
			return RAT_SYNTAX;
		for (size_t i = int_end + 1; i < len; i++)
			if (!is_digit(text[i]))
				return RAT_SYNTAX;
	}

	/* Integer part.  If it overflows, the value (>= it) does too. */
	int64_t ip = 0;
	for (size_t i = 0; i < int_end; i++) {
		if (__builtin_mul_overflow(ip, (int64_t)10, &ip) ||
		    __builtin_add_overflow(ip, (int64_t)(text[i] - '0'), &ip))
			return RAT_OVERFLOW;
	}

	/*
	** Fraction part by Horner's rule from the right: f = (digit + f) / 10.
	** In lowest terms each step's denominator is at least the previous
	** one's, so if the final fraction fits, every intermediate one does:
	** no spurious overflow however many digits (or trailing zeros) there
	** are.  The step itself is done in 128 bits.
	*/
	struct rat f = { 0, 1 };
	for (size_t i = len; i > int_end + 1; i--) {
		int64_t digit = text[i - 1] - '0';
		enum rat_status st = finish((i128)digit * f.den + f.num,
					    (i128)f.den * 10, &f);
		if (st != RAT_OK)
			return st;
	}
	return rat_add(rat_int(ip), f, out);
}

/*
** The number of decimal places (1..6) needed to write 1/den exactly, or 0
** when den does not divide 10^6.  *scale is set to 10^places.
*/
static int decimal_places(uint64_t den, uint64_t *scale)
{
	uint64_t p = 1;
	for (int k = 1; k <= 6; k++) {
		p *= 10;
		if (p % den == 0) {
			*scale = p;
			return k;
		}
	}
	return 0;
}

char *rat_format(struct rat a, char *buf, size_t size)
{
	if (buf == NULL || size == 0)
		return buf;
	if (a.den <= 0) {
		/* Not a valid rat; print it raw rather than divide by zero. */
		snprintf(buf, size, "%" PRId64 "/%" PRId64, a.num, a.den);
		return buf;
	}
	/* by hand (base/numfmt.h): reports print thousands of these */
	char tmp[2 * NUMFMT_MAX + 2];
	size_t n = 0;
	if (a.num < 0)
		tmp[n++] = '-';
	uint64_t m = uabs64(a.num);
	uint64_t d = (uint64_t)a.den;
	uint64_t scale = 1;
	int places;

	if (d == 1) {
		n += numfmt_u64(tmp + n, m);
	} else if ((places = decimal_places(d, &scale)) > 0) {
		/* (m % d) < d <= 10^6, so the digits never overflow. */
		uint64_t digits = (m % d) * (scale / d);
		n += numfmt_u64(tmp + n, m / d);
		tmp[n++] = '.';
		char frac[NUMFMT_MAX];
		size_t k = numfmt_u64(frac, digits);
		for (size_t z = k; z < (size_t)places; z++)
			tmp[n++] = '0';
		memcpy(tmp + n, frac, k);
		n += k;
	} else {
		n += numfmt_u64(tmp + n, m);
		tmp[n++] = '/';
		n += numfmt_u64(tmp + n, d);
	}
	/* as snprintf would: what fits, always terminated */
	if (n >= size)
		n = size - 1;
	memcpy(buf, tmp, n);
	buf[n] = '\0';
	return buf;
}

char *rat_format_places(struct rat a, unsigned places, char *buf, size_t size)
{
	if (places == 0 || places > RAT_MAX_PLACES || a.den <= 0 || buf == NULL || size == 0)
		return rat_format(a, buf, size);
	uint64_t scale = 1;
	for (unsigned k = 0; k < places; k++)
		scale *= 10;
	uint64_t d = (uint64_t)a.den;
	if (scale % d != 0)
		return rat_format(a, buf, size);
	uint64_t m = uabs64(a.num);
	/* (m % d) < d <= scale <= 10^18: the digits fit */
	snprintf(buf, size, "%s%" PRIu64 ".%0*" PRIu64, a.num < 0 ? "-" : "", m / d, (int)places,
	         (m % d) * (scale / d));
	return buf;
}

unsigned rat_places_written(const char *text, size_t len)
{
	size_t i = 0;
	while (i < len && text[i] != '.' && text[i] != 'e' && text[i] != 'E' && text[i] != '%')
		i++;
	long places = 0;
	if (i < len && text[i] == '.')
		for (i++; i < len && is_digit(text[i]); i++)
			places++;
	if (i < len && (text[i] == 'e' || text[i] == 'E')) {
		long e = 0;
		bool neg = ++i < len && text[i] == '-';
		if (i < len && (text[i] == '-' || text[i] == '+'))
			i++;
		for (; i < len && is_digit(text[i]) && e < 1000; i++)
			e = e * 10 + (text[i] - '0');
		places -= neg ? -e : e;
	}
	if (i < len && text[i] == '%')
		places += 2;
	return places <= 0 ? 0 : places > RAT_MAX_PLACES ? RAT_MAX_PLACES : (unsigned)places;
}

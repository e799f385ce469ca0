/*
** numfmt: integers in decimal.  See numfmt.h.
*/
#include "base/numfmt.h"

#include <string.h>

/* "00" to "99" (numfmt.h) */
const char numfmt_pairs[201] =
	"00010203040506070809101112131415161718192021222324252627282930313233343536373839"
	"40414243444546474849505152535455565758596061626364656667686970717273747576777879"
	"8081828384858687888990919293949596979899";

/* 10^0 to 10^19 (numfmt_digits) */
static const uint64_t powers_of_ten[20] = {
	1u,
	10u,
	100u,
	1000u,
	10000u,
	100000u,
	1000000u,
	10000000u,
	100000000u,
	1000000000u,
	10000000000u,
	100000000000u,
	1000000000000u,
	10000000000000u,
	100000000000000u,
	1000000000000000u,
	10000000000000000u,
	100000000000000000u,
	1000000000000000000u,
	10000000000000000000u,
};

/* How many digits v (not 0) has, from its bits (1233 / 4096 is just over
** log10 2) and one compare, not a division a digit: numfmt_u64 writes the
** line numbers and amounts of a JSON report, and counting its digits by
** dividing was half its cost */
static inline size_t numfmt_digits(uint64_t v)
{
	unsigned bits = 64 - (unsigned)__builtin_clzll(v);
	unsigned t = (bits * 1233) >> 12; /* digits - 1, or one too many */
	return t + 1 - (v < powers_of_ten[t]);
}

size_t numfmt_u64(char *buf, uint64_t v)
{
	size_t n = v ? numfmt_digits(v) : 1;
	buf[n] = '\0';
	char *p = buf + n;
	for (; v > UINT32_MAX; v /= 100) { /* two digits a division */
		p -= 2;
		memcpy(p, numfmt_pairs + 2 * (v % 100), 2);
	}
	/* the rest (nearly every number: all of them below 2^32) divided in
	** 32 bits, a multiply and a shift where 64 take several */
	uint32_t low = (uint32_t)v;
	for (; low >= 100; low /= 100) {
		p -= 2;
		memcpy(p, numfmt_pairs + 2 * (low % 100), 2);
	}
	if (low >= 10) {
		p -= 2;
		memcpy(p, numfmt_pairs + 2 * low, 2);
	} else {
		p[-1] = (char)('0' + low);
	}
	return n;
}

size_t numfmt_i64(char *buf, int64_t v)
{
	if (v >= 0)
		return numfmt_u64(buf, (uint64_t)v);
	buf[0] = '-';
	/* the magnitude in unsigned arithmetic: -INT64_MIN does not fit */
	return 1 + numfmt_u64(buf + 1, (uint64_t)0 - (uint64_t)v);
}

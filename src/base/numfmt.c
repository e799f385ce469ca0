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

size_t numfmt_u64(char *buf, uint64_t v)
{
	size_t n = 1;
	for (uint64_t t = v; t >= 10; t /= 10)
		n++;
	buf[n] = '\0';
	char *p = buf + n;
	for (; v >= 100; v /= 100) { /* two digits a division */
		p -= 2;
		memcpy(p, numfmt_pairs + 2 * (v % 100), 2);
	}
	if (v >= 10) {
		p -= 2;
		memcpy(p, numfmt_pairs + 2 * v, 2);
	} else {
		p[-1] = (char)('0' + v);
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

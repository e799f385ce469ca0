/*
** numfmt: integers in decimal.  See numfmt.h.
*/
#include "base/numfmt.h"

#include <string.h>

size_t numfmt_u64(char *buf, uint64_t v)
{
	char tmp[NUMFMT_MAX];
	char *p = tmp + sizeof tmp;
	do {
		*--p = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	size_t n = (size_t)(tmp + sizeof tmp - p);
	memcpy(buf, p, n);
	buf[n] = '\0';
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

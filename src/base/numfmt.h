/*
** numfmt: integers written in decimal by hand, for the hot paths of the
** reports and the working of a rule (printf's format parsing costs more
** than the digits: docs/performance.md).  Same text as printf's %lld/%llu.
*/
#ifndef QUORATE_NUMFMT_H
#define QUORATE_NUMFMT_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* Room for any int64_t in decimal with its sign and the terminating NUL. */
#define NUMFMT_MAX 21

/* v in decimal into buf (NUMFMT_MAX bytes), NUL-terminated; returns the
** length. */
size_t numfmt_u64(char *buf, uint64_t v);
size_t numfmt_i64(char *buf, int64_t v);

/* "00" to "99", two bytes each */
extern const char numfmt_pairs[201];

/* numfmt_i64, with the counts below 100 that reports are full of written
** inline, without a call (two digits copied, not divided out). */
static inline size_t numfmt_i64_fast(char *buf, int64_t v)
{
	if ((uint64_t)v < 10) {
		buf[0] = (char)('0' + v);
		buf[1] = '\0';
		return 1;
	}
	if ((uint64_t)v < 100) {
		memcpy(buf, numfmt_pairs + 2 * v, 2);
		buf[2] = '\0';
		return 2;
	}
	return numfmt_i64(buf, v);
}

#endif

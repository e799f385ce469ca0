/*
** value: the values a rule computes with and a record gives a motion.
**
** A value is a number (an exact rational), a true/false value, a string or a
** date.  An attribute is a motion's `motion.X` as the record states it.  This
** is the part of the model that meeting records (src/record/) share with the
** terms, so it depends on nothing but base/.
*/
#ifndef QUORATE_VALUE_H
#define QUORATE_VALUE_H

#include <stdbool.h>
#include <stddef.h>

#include "base/date.h"
#include "base/rational.h"

enum value_type { VT_NONE, VT_NUM, VT_BOOL, VT_STR, VT_DATE, VT_ANY };

struct value {
	enum value_type type;
	bool empty_base;         /* a fraction of a count that was 0 (docs/reference.md#empty-base) */
	unsigned char places;    /* VT_NUM as a record wrote it: its decimals, shown as written
	                            ("amount 31000.50"); 0 for a computed number */
	union {
		struct rat num;
		bool boolean;
		const char *str;
		qdate date;
	} u;
};

/* An attribute of a motion (motion.X), as a record gives it. */
struct attr {
	const char *name;
	struct value value;
};

/* "6.75", "31000.50" (decimals as written), "true", "\"amendment\"", "2024-05-14". */
char *value_format(const struct value *v, char *buf, size_t size);
/* "number", "true/false value"...: for messages ("must be a number"). */
const char *value_type_name(enum value_type t);

#endif

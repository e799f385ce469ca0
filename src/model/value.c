/*
** value: formatting values for messages and reports.  See value.h.
*/
#include "model/value.h"

#include <stdio.h>

const char *value_type_name(enum value_type t)
{
	switch (t) {
	case VT_NONE: return "nothing";
	case VT_NUM: return "number";
	case VT_BOOL: return "true/false value"; /* "must be a true/false value" */
	case VT_STR: return "string";
	case VT_DATE: return "date";
	case VT_ANY: return "value";
	}
	return "value";
}

char *value_format(const struct value *v, char *buf, size_t size)
{
	switch (v->type) {
	case VT_NUM:
		return rat_format_places(v->u.num, v->places, buf, size);
	case VT_BOOL:
		snprintf(buf, size, "%s", v->u.boolean ? "true" : "false");
		return buf;
	case VT_STR:
		snprintf(buf, size, "\"%s\"", v->u.str);
		return buf;
	case VT_DATE: {
		char d[DATE_FMT_MAX];
		snprintf(buf, size, "%s", date_format(v->u.date, d));
		return buf;
	}
	default:
		snprintf(buf, size, "nothing");
		return buf;
	}
}

/*
** attrs: the table of known motion attributes.  See attrs.h and attrs.def.
*/
#include "model/attrs.h"

#include <string.h>

#include "base/sbuf.h"

struct attr_info {
	const char *name;
	enum value_type type;
	const char *absent;
	const char *lead_true, *lead_false;
	const char *en_true, *en_false;
};

static const struct attr_info attr_table[ATTR__N] = {
#define ATTR(id, name, type, absent, lead_true, lead_false, en_true, en_false) \
	[id] = { name, type, absent, lead_true, lead_false, en_true, en_false },
#include "model/attrs.def"
#undef ATTR
};

enum known_attr attr_known(const char *name)
{
	for (int i = 0; i < ATTR__N; i++)
		if (strcmp(attr_table[i].name, name) == 0)
			return (enum known_attr)i;
	return ATTR_OTHER;
}

const char *attr_name(enum known_attr a)
{
	return attr_table[a].name;
}

enum value_type attr_type(const char *name)
{
	enum known_attr k = attr_known(name);
	return k == ATTR_OTHER ? VT_ANY : attr_table[k].type;
}

bool attr_absent_value(const char *name, enum value_type type, struct value *out)
{
	if (type == VT_BOOL) {
		*out = (struct value){ .type = VT_BOOL, .u.boolean = false };
		return true;
	}
	enum known_attr k = attr_known(name);
	if (k != ATTR_OTHER && attr_table[k].absent) {
		*out = (struct value){ .type = attr_table[k].type, .u.str = attr_table[k].absent };
		return true;
	}
	return false;
}

const char *attr_english(const char *name, bool negated)
{
	enum known_attr k = attr_known(name);
	if (k == ATTR_OTHER)
		return NULL;
	return negated ? attr_table[k].en_false : attr_table[k].en_true;
}

/* The lead ("a financial motion"): from the first flag that has one. */
static const char *lead(const struct attr *attrs, unsigned n, const struct attr **used)
{
	for (unsigned i = 0; i < n; i++) {
		enum known_attr k = attr_known(attrs[i].name);
		if (k != ATTR_OTHER && attr_table[k].lead_true && attrs[i].value.type == VT_BOOL) {
			*used = &attrs[i];
			return attrs[i].value.u.boolean ? attr_table[k].lead_true : attr_table[k].lead_false;
		}
	}
	*used = NULL;
	return "a motion";
}

const char *attrs_describe(struct arena *a, const struct attr *attrs, unsigned n, bool every, bool other_kinds)
{
	struct sbuf b;
	sbuf_init(&b, a);
	const struct attr *led;
	sbuf_add(&b, lead(attrs, n, &led));
	for (unsigned i = 0; i < n; i++) {
		const struct attr *at = &attrs[i];
		char buf[RAT_FMT_MAX];
		if (at == led)
			continue;
		if (at->value.type == VT_STR) {
			if (at->value.u.str[0])
				sbuf_addf(&b, ", of kind \"%s\"", at->value.u.str);
			else if (every && other_kinds)
				sbuf_add(&b, ", of any other kind");
		} else if (at->value.type == VT_NUM) {
			sbuf_addf(&b, ", %s %s", at->name, value_format(&at->value, buf, sizeof buf));
		} else if (at->value.type == VT_BOOL && (at->value.u.boolean || every)) {
			sbuf_addf(&b, ", %s%s", at->value.u.boolean ? "" : "not ", at->name);
		}
	}
	return sbuf_str(&b);
}

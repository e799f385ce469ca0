/*
** attrs: the motion attributes the language knows by name, from the one
** table attrs.def: their types, what an unstated one is, and how a kind of
** motion (a set of attribute values) is put in words.
*/
#ifndef QUORATE_ATTRS_H
#define QUORATE_ATTRS_H

#include "base/arena.h"
#include "model/value.h"

enum known_attr {
#define ATTR(id, name, type, absent, lead_true, lead_false, en_true, en_false) id,
#include "model/attrs.def"
#undef ATTR
	ATTR__N,
	ATTR_OTHER = -1       /* an attribute the language does not know by name */
};

/* Which known attribute `name` is (ATTR_OTHER if none). */
enum known_attr attr_known(const char *name);
const char *attr_name(enum known_attr a);
/* The type of a known attribute; VT_ANY for others. */
enum value_type attr_type(const char *name);

/* The value of an attribute the record does not state: false for a flag
** (type VT_BOOL), "" for a kind; false if the rule needs the value itself. */
bool attr_absent_value(const char *name, enum value_type type, struct value *out);

/* explain's reading of `motion.X` (negated: `not motion.X`), or NULL when
** the attribute has none of its own. */
const char *attr_english(const char *name, bool negated);

/*
** A kind of motion in words: "a financial motion, of kind \"amendment\",
** amount 10000".  every: also what is not set ("not urgent"; an empty kind
** as "of any other kind" when other_kinds); else only what is set.
*/
const char *attrs_describe(struct arena *a, const struct attr *attrs, unsigned n, bool every, bool other_kinds);

#endif

/*
** attr_guess: which attribute a motion's record probably meant, when it
** gives one the terms never read.
**
** A class is chosen by the motion's attributes (`when motion.financial`,
** `when motion.kind == "amendment"`), so an attribute the record misspells
** (`financal`), a class named where its attribute was meant (`amendment`
** for `kind "amendment"`) or a kind the terms do not name (`kind
** "amendmnt"`) silently puts the motion in another class.  attr_guess finds
** the first such attribute and the reading the record probably meant; eval
** decides the motion both ways (docs/semantics.md#attributes-the-terms-do-not-read).
**
** The names the terms read are every motion.X in their classes, quorum and
** rules, and the strings each is compared with; a class named where its
** attribute was meant reads as its motion profile (sema's class coverage).
*/
#ifndef QUORATE_ATTR_GUESS_H
#define QUORATE_ATTR_GUESS_H

#include <stdbool.h>

#include "base/arena.h"
#include "model/terms.h"

struct attr_guess {
	unsigned index;            /* the attribute of the motion the guess is about */
	const char *unread;        /* what the terms do not read: "never read 'financal'", "name no kind \"amendmnt\"" */
	const char *meant;         /* the reading guessed, as a record writes it: "financial", "kind \"amendment\"" */
	const char *fix;           /* the text that replaces the attribute's name (or value) in the record */
	bool fix_value;            /* the fix replaces the value (a kind), not the name */
	const struct attr *attrs;  /* the motion's attributes read that way */
	unsigned n_attrs;
};

/* What the terms read of a motion: built once per terms (attr_read_of). */
struct attr_read;
const struct attr_read *attr_read_of(struct arena *a, const struct terms *t);

/* The first attribute of attrs[0..n) the terms do not read and that is
** likely another (by spelling, or a class's name): true with *out filled,
** allocated in a; false when every attribute is read or none is close. */
bool attr_guess(struct arena *a, const struct terms *t, const struct attr_read *rd, const struct attr *attrs,
                unsigned n, struct attr_guess *out);

#endif

/*
** attr_guess: which attribute a motion's record probably meant.  See
** attr_guess.h.
*/
#include "run/attr_guess.h"

#include <stdint.h>
#include <string.h>

#include "base/spell.h"
#include "model/attrs.h"

static bool is_kind(const char *name)
{
	return strcmp(name, attr_name(ATTR_KIND)) == 0;
}

/* One string a motion.X is compared with (`motion.kind == "amendment"`). */
struct attr_string {
	const char *attr, *value;
};

/*
** What is known of an attribute's name whatever the motion (name_fact):
** whether the terms read it, and, where they do not, whether any name
** they read is near it (spell_offer takes a name by its own distance, so
** none near among them all is none near among those a motion leaves).
** Most motions give the same few names again and again: each one's
** spelling is weighed once for the terms, not at every motion.
*/
enum { ATTR_FACTS = 16 };
struct name_fact {
	const char *name;              /* a copy, in the arena of attr_read_of */
	bool read;                     /* terms_read */
	bool far;                      /* not read, and no name read is near it */
};

struct attr_read {
	const char **names;            /* every motion.X the terms read */
	unsigned n_names, cap_names;
	struct attr_string *strings;
	unsigned n_strings, cap_strings;
	struct arena *arena;           /* attr_read_of's: the facts' names */
	struct name_fact facts[ATTR_FACTS];
	unsigned n_facts;
};

static void add_name(struct arena *a, struct attr_read *rd, const char *name)
{
	for (unsigned k = 0; k < rd->n_names; k++)
		if (strcmp(rd->names[k], name) == 0)
			return;
	if (rd->n_names == rd->cap_names) {
		rd->cap_names = rd->cap_names ? 2 * rd->cap_names : 8;
		const char **grown = arena_array(a, rd->cap_names, sizeof *grown);
		if (rd->n_names)
			memcpy(grown, rd->names, rd->n_names * sizeof *grown);
		rd->names = grown;
	}
	rd->names[rd->n_names++] = name;
}

static void add_string(struct arena *a, struct attr_read *rd, const char *attr, const char *value)
{
	for (unsigned k = 0; k < rd->n_strings; k++)
		if (strcmp(rd->strings[k].attr, attr) == 0 && strcmp(rd->strings[k].value, value) == 0)
			return;
	if (rd->n_strings == rd->cap_strings) {
		rd->cap_strings = rd->cap_strings ? 2 * rd->cap_strings : 8;
		struct attr_string *grown = arena_array(a, rd->cap_strings, sizeof *grown);
		if (rd->n_strings)
			memcpy(grown, rd->strings, rd->n_strings * sizeof *grown);
		rd->strings = grown;
	}
	rd->strings[rd->n_strings++] = (struct attr_string){ attr, value };
}

static bool is_string(const struct expr *e)
{
	return e && e->kind == EX_CONST && e->constant.type == VT_STR;
}

/* The motion.X of e and below, and the strings each is compared with. */
static void walk(struct arena *a, struct attr_read *rd, const struct expr *e)
{
	if (!e)
		return;
	switch (e->kind) {
	case EX_ATTR: add_name(a, rd, e->attr); break;
	case EX_BINARY:
		if (e->a && e->a->kind == EX_ATTR && is_string(e->b))
			add_string(a, rd, e->a->attr, e->b->constant.u.str);
		else if (e->b && e->b->kind == EX_ATTR && is_string(e->a))
			add_string(a, rd, e->b->attr, e->a->constant.u.str);
		walk(a, rd, e->a);
		walk(a, rd, e->b);
		break;
	case EX_UNARY: case EX_ROUND: walk(a, rd, e->a); break;
	case EX_FUNC: case EX_CALL:
		for (unsigned k = 0; k < e->n_args; k++)
			walk(a, rd, e->args[k]);
		break;
	default: break;
	}
}

const struct attr_read *attr_read_of(struct arena *a, const struct terms *t)
{
	struct attr_read *rd = arena_alloc(a, sizeof *rd);
	memset(rd, 0, sizeof *rd);
	rd->arena = a;
	for (unsigned i = 0; i < t->n_classes; i++) {
		walk(a, rd, t->classes[i].when);
		for (unsigned k = 0; k < t->classes[i].n_requires; k++)
			walk(a, rd, t->classes[i].requires[k].cond);
	}
	for (unsigned k = 0; k < t->n_quorum; k++)
		walk(a, rd, t->quorum[k].cond);
	for (unsigned i = 0; i < t->n_rules; i++)
		walk(a, rd, t->rules[i].body);
	return rd;
}

static bool terms_read(const struct attr_read *rd, const char *name)
{
	for (unsigned k = 0; k < rd->n_names; k++)
		if (strcmp(rd->names[k], name) == 0)
			return true;
	return false;
}

/* Is value one of the strings the terms compare motion.attr with?  (true
** when they compare it with none: nothing to go by) */
static bool string_known(const struct attr_read *rd, const char *attr, const char *value)
{
	bool any = false;
	for (unsigned k = 0; k < rd->n_strings; k++)
		if (strcmp(rd->strings[k].attr, attr) == 0) {
			any = true;
			if (strcmp(rd->strings[k].value, value) == 0)
				return true;
		}
	return !any;
}

/* The string motion.attr is compared with nearest to word ("amendmnt":
** "amendment"); attr NULL: a kind, and an exact match counts (a flag
** written with a kind's name). */
static const char *nearest_string(const struct attr_read *rd, const char *attr, const char *word)
{
	struct spell sp;
	spell_init(&sp, word);
	for (unsigned k = 0; k < rd->n_strings; k++) {
		if (strcmp(rd->strings[k].attr, attr ? attr : attr_name(ATTR_KIND)) != 0)
			continue;
		if (!attr && strcmp(rd->strings[k].value, word) == 0)
			return rd->strings[k].value;
		spell_offer(&sp, rd->strings[k].value);
	}
	return sp.best;
}

static bool motion_has(const struct attr *attrs, unsigned n, const char *name)
{
	for (unsigned k = 0; k < n; k++)
		if (strcmp(attrs[k].name, name) == 0)
			return true;
	return false;
}

/* The name the terms read nearest to word, not one the motion already has. */
static const char *nearest_name(const struct attr_read *rd, const char *word, const struct attr *attrs, unsigned n)
{
	struct spell sp;
	spell_init(&sp, word);
	for (unsigned k = 0; k < rd->n_names; k++)
		if (!motion_has(attrs, n, rd->names[k]))
			spell_offer(&sp, rd->names[k]);
	return sp.best;
}

/* A copy of attrs with attribute i taken out (n - 1 left, one slot spare). */
static struct attr *without(struct arena *a, const struct attr *attrs, unsigned n, unsigned i, unsigned spare)
{
	struct attr *out = arena_array(a, n + spare, sizeof *out);
	unsigned m = 0;
	for (unsigned k = 0; k < n; k++)
		if (k != i)
			out[m++] = attrs[k];
	return out;
}

static bool flag_set(const struct attr *at)
{
	return at->value.type == VT_BOOL && at->value.u.boolean;
}

/* `amendment` where the class of that name applies `when motion.kind ==
** "amendment"` (or `when motion.urgent`): the attributes that class's
** motions have, as a record writes them, or NULL when none sets it apart. */
static const char *class_reading(struct arena *a, const struct terms *t, const char *id, const struct attr *attrs,
                                 unsigned n, unsigned i, struct attr_guess *out)
{
	const struct motion_profile *p = NULL;
	for (unsigned k = 0; k < t->n_profiles && !p; k++)
		if (t->profiles[k].cls && strcmp(t->profiles[k].cls->id, id) == 0)
			p = &t->profiles[k];
	if (!p)
		return NULL;
	struct attr *alt = without(a, attrs, n, i, p->n_attrs);
	unsigned m = n - 1;
	const char *text = NULL;
	for (unsigned k = 0; k < p->n_attrs; k++) {
		const struct attr *at = &p->attrs[k];
		bool sets = flag_set(at) || (is_kind(at->name) && at->value.u.str[0]);
		if (!sets || motion_has(attrs, n, at->name))
			continue;
		alt[m++] = *at;
		const char *one = is_kind(at->name) ? arena_printf(a, "kind \"%s\"", at->value.u.str) : at->name;
		text = text ? arena_printf(a, "%s %s", text, one) : one;
	}
	out->attrs = alt;
	out->n_attrs = m;
	return text;
}

static bool guess_one(struct arena *a, const struct terms *t, const struct attr_read *rd, const struct attr *attrs,
                      unsigned n, unsigned i, struct attr_guess *out)
{
	const struct attr *at = &attrs[i];
	out->index = i;
	out->unread = NULL; /* "never read 'X'", made by attr_guess only for a guess it returns */
	out->fix_value = false;
	if (at->value.type == VT_STR && terms_read(rd, at->name) && !string_known(rd, at->name, at->value.u.str)) {
		const char *value = nearest_string(rd, at->name, at->value.u.str);
		if (!value)
			return false;
		struct attr *alt = without(a, attrs, n, n, 0); /* a copy */
		alt[i].value.u.str = value;
		out->unread = is_kind(at->name) ? arena_printf(a, "name no kind \"%s\"", at->value.u.str)
		            : arena_printf(a, "never compare motion.%s with \"%s\"", at->name, at->value.u.str);
		out->meant = arena_printf(a, "%s \"%s\"", at->name, value);
		out->fix = arena_printf(a, "\"%s\"", value);
		out->fix_value = true;
		out->attrs = alt;
		out->n_attrs = n;
		return true;
	}
	if (terms_read(rd, at->name))
		return false;
	const char *name = nearest_name(rd, at->name, attrs, n);
	if (name) {
		struct attr *alt = without(a, attrs, n, n, 0);
		alt[i].name = name;
		out->meant = out->fix = name;
		out->attrs = alt;
		out->n_attrs = n;
		return true;
	}
	if (!flag_set(at))
		return false;
	const char *text = terms_find_class(t, at->name) ? class_reading(a, t, at->name, attrs, n, i, out) : NULL;
	const char *kind = text || motion_has(attrs, n, attr_name(ATTR_KIND)) ? NULL : nearest_string(rd, NULL, at->name);
	if (kind) {
		struct attr *alt = without(a, attrs, n, i, 1);
		alt[n - 1] = (struct attr){ attr_name(ATTR_KIND), { .type = VT_STR, .u.str = kind } };
		text = arena_printf(a, "kind \"%s\"", kind);
		out->attrs = alt;
		out->n_attrs = n;
	}
	if (!text)
		return false;
	out->meant = out->fix = text;
	return true;
}

/* The facts of name, found or weighed now (NULL: no room left for them). */
static const struct name_fact *fact_of(struct attr_read *rd, const char *name)
{
	for (unsigned k = 0; k < rd->n_facts; k++)
		if (rd->facts[k].name[0] == name[0] && strcmp(rd->facts[k].name, name) == 0)
			return &rd->facts[k];
	if (rd->n_facts == ATTR_FACTS)
		return NULL;
	struct name_fact *f = &rd->facts[rd->n_facts++];
	f->name = arena_strdup(rd->arena, name);
	f->read = terms_read(rd, name);
	f->far = false;
	if (!f->read) {
		struct spell sp;
		spell_init(&sp, name);
		for (unsigned k = 0; k < rd->n_names; k++)
			spell_offer(&sp, rd->names[k]);
		f->far = !sp.best;
	}
	return f;
}

/* guess_one is false for attribute at, as its name's facts tell: a name
** the terms read with a value that is not a string (a string may be one
** they do not compare it with), or a name far from all they read that is
** not a flag set (which may be a class's name or a kind's). */
static bool surely_read_or_far(struct attr_read *rd, const struct attr *at)
{
	const struct name_fact *f = fact_of(rd, at->name);
	return f && (f->read ? at->value.type != VT_STR : f->far && !flag_set(at));
}

bool attr_guess(struct arena *a, const struct terms *t, const struct attr_read *rd, const struct attr *attrs,
                unsigned n, struct attr_guess *out)
{
	for (unsigned i = 0; i < n; i++) {
		/* the facts are a cache of what the terms read: rd is not
		** changed otherwise (hence const to callers) */
		if (surely_read_or_far((struct attr_read *)(uintptr_t)rd, &attrs[i]))
			continue;
		if (!guess_one(a, t, rd, attrs, n, i, out))
			continue;
		if (!out->unread)
			out->unread = arena_printf(a, "never read '%s'", attrs[i].name);
		return true;
	}
	return false;
}

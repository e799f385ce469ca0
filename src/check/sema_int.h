/*
** sema_int: what the parts of sema share (src/check/ only).
**
** sema is split by pass: sema.c (the entry points, and the rules gathered
** from the file and the modules it uses), items.c (each item of a terms
** block into the model), compile.c (expressions) and lint.c (the checks of
** the whole compiled file).  They share one `struct sema`, the state of
** checking one terms block.
*/
#ifndef QUORATE_SEMA_INT_H
#define QUORATE_SEMA_INT_H

#include "check/sema.h"
#include "base/spell.h"
#include "model/expr.h"

/* Parameters of one rule (docs/reference.md#limits). */
#define MAX_RULE_PARAMS 16

enum expr_ctx {
	CTX_QUORUM,   /* quorum requires: attendance counts only */
	CTX_WHEN,     /* class conditions */
	CTX_REQUIRE,  /* class requirements */
	CTX_RULE      /* a rule body: checked where it is used */
};

/* motion.X compared with a number in a `when`, e.g. amount > 10000 */
struct number_use {
	const char *name;
	struct rat value;
};

struct rule_entry {
	struct rule *rule;
	const struct node *decl;
	const struct source *src;
};

struct sema {
	struct arena *arena;
	struct diag_sink *diag;
	struct loader *ld;
	const struct source *src;     /* the terms file */
	struct terms *t;
	unsigned errors_before;
	VEC(struct rule_entry) rules;
	VEC(const struct module *) gathered;  /* modules whose rules this file has */
	/* while compiling */
	const struct source *cur_src;
	const struct node *cur_params;
	struct rule *cur_rule;
	enum expr_ctx ctx;
	/* motion attributes and the literals they are compared with (coverage) */
	VEC(const char *) bool_attrs;
	VEC(const char *) kind_values;
	VEC(struct number_use) number_uses;
	bool uses_kind;
	bool groups_full, masks_full; /* a limit reached: said once, at the first past it */
	/* dims.c: expressions already reported, so a rule called twice says it once */
	VEC(const struct expr *) dims_reported;
};

/* Where n is: in the file being compiled (a module while compiling one of
** its rules), in the terms file, and its name (or the whole node). */
static inline struct loc here(const struct sema *s, const struct node *n)
{
	return loc_of(s->cur_src ? s->cur_src : s->src, n->span);
}

static inline struct loc at_file(const struct sema *s, const struct node *n)
{
	return loc_of(s->src, n->span);
}

static inline struct loc name_loc(const struct sema *s, const struct node *n)
{
	struct span sp = n->text_span.end ? n->text_span : n->span;
	return loc_of(s->src, sp);
}

#define NO_LOC ((struct loc){ NULL, 0, 0 })

/* sema.c */
struct rule_entry *sema_find_rule(struct sema *s, const char *name);
/* Report that `name` (at loc) is unknown: "MESSAGE; did you mean 'x'?" with
** the fix-it when spell found a close name.  Returns the diagnostic. */
struct diag *sema_unknown(struct sema *s, struct loc loc, const struct spell *spell, const char *message);

/* items.c: the items of the block, then roles, members, quorum, classes */
struct seen_items {
	const struct node *version, *effective, *review, *meets, *size, *quorum,
	                  *consensus, *casting, *interests, *virtual_, *papers, *minutes, *amendments,
	                  *meets_least, *chaired, *minutes_votes, *maps;
};
void sema_check_item(struct sema *s, const struct node *n, struct seen_items *seen);
/* lint.c: the fix-it adding `item` as the last line of the block whose '}'
** is at offset close (terms.missing: what must be said, said to be agreed) */
void sema_fixit_last_line(struct sema *s, struct diag *d, uint32_t close, const char *item);
/* The deadlines `notice` sets (papers, minutes, amendments): NULL for a word
** that is none of them; what each is called; whether its period runs back
** from the meeting. */
struct notice_kind;
const struct notice_kind *sema_notice_kind(const char *word);
const char *sema_notice_what(const struct notice_kind *k);
bool sema_notice_before(const struct notice_kind *k);
void sema_check_roles(struct sema *s, const struct node *items);
void sema_check_members(struct sema *s, const struct node *items);
void sema_check_deputies(struct sema *s);
void sema_check_quorum(struct sema *s, const struct node *n);
void sema_check_chair(struct sema *s, const struct node *n);
void sema_check_classes(struct sema *s, const struct node *items);
void sema_check_example(struct sema *s, const struct node *ex);
/* A model's `maps` table, once roles and tags are known. */
void sema_check_maps(struct sema *s, const struct node *n);

/* compile.c */
struct expr *sema_compile_condition(struct sema *s, const struct node *n, enum expr_ctx ctx, const char *what);
void sema_compile_rule(struct sema *s, struct rule *r);
/* Does e depend on literals only, so that its value is known now? */
bool sema_is_constant(const struct expr *e);
/* Evaluate an expression of literals only (sema_is_constant). */
enum expr_status sema_eval_constant(const struct expr *e, struct value *v, const struct expr **fault);
/* Is e the constant 1/2 (50%, half, 0.5, or 1/2, a division)?  The literal 1? */
bool sema_is_half(const struct expr *e);
bool sema_is_one(const struct expr *e);

/* dims.c: counts and fractions (reported as errors) */
void sema_check_dims(struct sema *s);

/* lint.c */
void sema_check_required(struct sema *s); /* and periods that leave the calendar */
void sema_lint(struct sema *s);

#endif

/*
** expr: evaluating compiled expressions (struct expr) exactly.
**
** An expression sees the world through a `struct counts` (the numbers of
** members, present, votes... at one motion) and the motion's attributes.
** That is all: the same evaluator serves eval (counts from a record), sema
** (counts of a hypothetical full meeting), explain and the exhaustive diff
** search (counts enumerated directly).  Comparisons are exact (rat_cmp); a
** threshold over an empty base is not met (docs/reference.md#empty-base).
** An optional trace records every comparison with its numbers, so reports can
** show the rule as written with the numbers substituted.
*/
#ifndef QUORATE_EXPR_H
#define QUORATE_EXPR_H

#include <string.h>

#include "model/terms.h"

struct counts {
	int64_t n[COUNT__N];                       /* by enum count_kind */
	int64_t present_by_mask[TERMS_MAX_MASKS];  /* present(roles...) */
	int64_t members_by_mask[TERMS_MAX_MASKS];  /* members(roles...) */
	int64_t attendees_by_mask[TERMS_MAX_MASKS]; /* attendees(roles...) */
};

/* Zero or copy the counts that terms with n_masks role lists read (the
** entries past n_masks are never read: clearing and copying all 64 of each
** cost more than judging a motion). */
void counts_clear(struct counts *c, unsigned n_masks);
void counts_copy_masks(struct counts *dst, const struct counts *src, unsigned n_masks);
static inline void counts_copy(struct counts *dst, const struct counts *src, unsigned n_masks)
{
	memcpy(dst->n, src->n, sizeof src->n);
	if (n_masks)
		counts_copy_masks(dst, src, n_masks);
}

/* Zeroed counts in a, for terms with n_masks role lists: where there are
** none, only the room of n[] (80 bytes, not 1.6 KB: no expression reads a
** role list, and a motion's result keeps one), so they are read by n[],
** expr_count_value and counts_copy with n_masks, never copied whole. */
struct counts *counts_new(struct arena *a, unsigned n_masks);

/* One comparison as evaluated: what a report prints under a requirement. */
struct trace_step {
	const struct expr *cmp;    /* EX_BINARY with a comparison op */
	struct value lhs, rhs;
	bool result;
	bool empty_base;           /* false because a base was 0 */
};

#define TRACE_MAX 16
struct trace {
	struct trace_step steps[TRACE_MAX];
	unsigned n;
	bool truncated;
};

enum expr_status {
	EXPR_OK,
	EXPR_MISSING_ATTR,   /* the motion does not say motion.X */
	EXPR_TYPE,           /* a value of the wrong type at run time */
	EXPR_OVERFLOW,
	EXPR_DIV_ZERO
};

struct expr_env {
	const struct counts *counts;
	const struct attr *attrs;
	unsigned n_attrs;
	const struct value *args;  /* parameters of the rule being evaluated */
	struct trace *trace;       /* NULL: no trace */
};

/* Evaluate e.  On failure *fault is the sub-expression at fault. */
enum expr_status expr_eval(const struct expr *e, const struct expr_env *env,
                           struct value *out, const struct expr **fault);

/* The same, without the shortcut for a count compared with a threshold
** (`yes > half of cast`): the general path, for tests that compare the two. */
enum expr_status expr_eval_general(const struct expr *e, const struct expr_env *env,
                                   struct value *out, const struct expr **fault);

/*
** A memo of conditions evaluated.  A condition that reads only counts (no
** motion attribute, no rule called, at most EXPR_MEMO_COUNTS of them) has
** the same value and trace whenever the counts it reads are the same, so a
** history judged by one version of the terms need not evaluate `yes > half
** of cast` at 5 of 9 again at every motion.  A fixed table in a (entries
** replaced when another takes their place: what is read is copied out).
*/
struct expr_memo;
struct expr_memo *expr_memo_new(struct arena *a);

/* expr_test, remembered in m (NULL: as expr_test). */
enum expr_status expr_test_memo(struct expr_memo *m, const struct expr *e, const struct expr_env *env,
                                bool *out, const struct expr **fault);

/* "Needs N" of a requirement's comparisons: from the comparison on the
** votes in favour if there is one (`no == 0 and yes > 0` needs 1 for),
** else the first on a count (trace_needed) that has one. */
struct trace_need {
	bool has;
	int64_t needed, have;      /* whole votes needed; the count's value */
	enum count_kind of;        /* the count they are of */
};
void trace_steps_needed(const struct trace_step *steps, unsigned n, struct trace_need *out);

/* A condition's comparisons on some counts as the memo keeps them, for as
** long as the memo lives (an entry is never replaced): what a report shows
** of a requirement, worked out once for every motion with those counts. */
#define EXPR_MEMO_STEPS 2
struct trace_kept {
	unsigned n;
	struct trace_need need;
	struct trace_step steps[EXPR_MEMO_STEPS];
};

/* expr_test_memo for a caller that keeps the trace: where the memo holds
** (or now takes) the condition on these counts, *kept is its entry and
** env->trace is left empty; else *kept is NULL and env->trace is filled
** as expr_test fills it. */
enum expr_status expr_test_kept(struct expr_memo *m, const struct expr *e, const struct expr_env *env,
                                bool *out, const struct expr **fault, const struct trace_kept **kept);

/* Evaluate a condition to true/false; a non-boolean is EXPR_TYPE. */
enum expr_status expr_test(const struct expr *e, const struct expr_env *env,
                           bool *out, const struct expr **fault);

/*
** The class of a motion: the first whose `when` holds under env (classes are
** tried in order).  Returns EXPR_OK with *cls NULL when none applies.  When a
** `when` cannot be evaluated (say it needs an attribute the motion lacks),
** returns that status with *cls the class at fault and *fault the
** sub-expression: the caller must not guess past it.
*/
enum expr_status expr_select_class(const struct terms *t, const struct expr_env *env,
                                   const struct dclass **cls, const struct expr **fault);

/* expr_select_class, remembered in m (NULL: as expr_select_class) where
** the classes' `when`s read only attributes of the motion: the class of
** a motion that gives the attributes they read the same values is known. */
enum expr_status expr_select_class_memo(struct expr_memo *m, const struct terms *t, const struct expr_env *env,
                                        const struct dclass **cls, const struct expr **fault);

/* The value of a count (EX_COUNT) in c: the count, or the count of the
** roles it names (present(lead), members(lead)). */
int64_t expr_count_value(const struct expr *e, const struct counts *c);

/* Is a comparison op (OP_LT..OP_NE)? */
bool expr_is_comparison(int op);

/*
** The smallest whole number k with `k op rhs` true, for a step whose left
** side is a count: the "votes needed" people read.  ">= 6.75" needs 7,
** "> 5.5" needs 6, "> 5" needs 6, "== 3" needs 3.  Returns false for "<",
** "<=", "!=" (no minimum) and non-numbers.
*/
bool trace_needed(const struct trace_step *s, int64_t *needed);

#endif

/*
** expr: exact evaluation of compiled expressions.  See expr.h.
*/
#include "model/expr.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "model/attrs.h"

static struct value num_value(struct rat r)
{
	struct value v = { .type = VT_NUM };
	v.u.num = r;
	return v;
}

static struct value bool_value(bool b)
{
	struct value v = { .type = VT_BOOL };
	v.u.boolean = b;
	return v;
}

bool expr_is_comparison(int op)
{
	return op >= OP_LT && op <= OP_NE;
}

static enum expr_status from_rat(enum rat_status st)
{
	return st == RAT_OK ? EXPR_OK : st == RAT_DIV_ZERO ? EXPR_DIV_ZERO : EXPR_OVERFLOW;
}

void counts_clear(struct counts *c, unsigned n_masks)
{
	size_t n = (n_masks < TERMS_MAX_MASKS ? n_masks : TERMS_MAX_MASKS) * sizeof c->present_by_mask[0];
	memset(c->n, 0, sizeof c->n);
	if (n == 0)
		return;
	memset(c->present_by_mask, 0, n);
	memset(c->members_by_mask, 0, n);
	memset(c->attendees_by_mask, 0, n);
}

/* counts_copy's role lists (its counts n[] are copied inline). */
void counts_copy_masks(struct counts *dst, const struct counts *src, unsigned n_masks)
{
	size_t n = (n_masks < TERMS_MAX_MASKS ? n_masks : TERMS_MAX_MASKS) * sizeof src->present_by_mask[0];
	memcpy(dst->present_by_mask, src->present_by_mask, n);
	memcpy(dst->members_by_mask, src->members_by_mask, n);
	memcpy(dst->attendees_by_mask, src->attendees_by_mask, n);
}

struct counts *counts_new(struct arena *a, unsigned n_masks)
{
	struct counts *c = arena_alloc_uninit(a, n_masks ? sizeof(struct counts) : offsetof(struct counts, present_by_mask));
	counts_clear(c, n_masks);
	return c;
}

int64_t expr_count_value(const struct expr *e, const struct counts *c)
{
	if (e->mask < 0)
		return c->n[e->count];
	return e->count == COUNT_MEMBERS ? c->members_by_mask[e->mask]
	     : e->count == COUNT_ATTENDEES ? c->attendees_by_mask[e->mask] : c->present_by_mask[e->mask];
}

static const struct value *find_attr(const struct expr_env *env, const char *name)
{
	for (unsigned i = 0; i < env->n_attrs; i++) /* most names differ at their first character: no call */
		if (env->attrs[i].name[0] == name[0] && strcmp(env->attrs[i].name, name) == 0)
			return &env->attrs[i].value;
	return NULL;
}

static enum expr_status eval_in(const struct expr *e, const struct expr_env *env, struct value *out,
                                const struct expr **fault, bool shortcuts);

static enum expr_status eval_arith(int op, const struct value *l, const struct value *r, struct value *out)
{
	struct rat res;
	enum rat_status st = RAT_OK;
	switch (op) {
	case OP_ADD: st = rat_add(l->u.num, r->u.num, &res); break;
	case OP_SUB: st = rat_sub(l->u.num, r->u.num, &res); break;
	case OP_MUL: case OP_OF: st = rat_mul(l->u.num, r->u.num, &res); break;
	case OP_DIV: st = rat_div(l->u.num, r->u.num, &res); break;
	default: return EXPR_TYPE;
	}
	if (st != RAT_OK)
		return from_rat(st);
	/* docs/reference.md#empty-base: "X of Y" with Y = 0 is an empty base,
	** and so is anything computed from one. */
	bool empty = l->empty_base || r->empty_base || (op == OP_OF && rat_is_zero(r->u.num)) ||
	             (op == OP_MUL && (rat_is_zero(l->u.num) || rat_is_zero(r->u.num))); /* 3/4 * cast */
	*out = num_value(res);
	out->empty_base = empty;
	return EXPR_OK;
}

static bool compare(int op, const struct value *l, const struct value *r, bool *ok)
{
	int c;
	*ok = true;
	if (l->type == VT_NUM && r->type == VT_NUM && l->u.num.den == 1 && r->u.num.den == 1)
		c = l->u.num.num < r->u.num.num ? -1 : l->u.num.num > r->u.num.num; /* two whole numbers */
	else if (l->type == VT_NUM && r->type == VT_NUM)
		c = rat_cmp(l->u.num, r->u.num);
	else if (l->type == VT_DATE && r->type == VT_DATE)
		c = l->u.date < r->u.date ? -1 : l->u.date > r->u.date;
	else if (l->type == VT_STR && r->type == VT_STR && (op == OP_EQ || op == OP_NE))
		c = strcmp(l->u.str, r->u.str) != 0;
	else if (l->type == VT_BOOL && r->type == VT_BOOL && (op == OP_EQ || op == OP_NE))
		c = l->u.boolean != r->u.boolean;
	else {
		*ok = false;
		return false;
	}
	switch (op) {
	case OP_LT: return c < 0;
	case OP_LE: return c <= 0;
	case OP_GT: return c > 0;
	case OP_GE: return c >= 0;
	case OP_EQ: return c == 0;
	default: return c != 0;
	}
}

static void trace_add(struct trace *t, const struct expr *e, const struct value *l, const struct value *r,
                      bool result, bool empty)
{
	if (!t)
		return;
	if (t->n == TRACE_MAX) {
		t->truncated = true;
		return;
	}
	struct trace_step *s = &t->steps[t->n++];
	s->cmp = e;
	s->lhs = *l;
	s->rhs = *r;
	s->result = result;
	s->empty_base = empty;
}

/* A comparison of l and r (evaluated, both of its kinds), as e says. */
static enum expr_status eval_comparison(const struct expr *e, const struct expr_env *env, const struct value *l,
                                        const struct value *r, struct value *out, const struct expr **fault)
{
	bool ok;
	bool res = compare(e->op, l, r, &ok);
	if (!ok) {
		*fault = e;
		return EXPR_TYPE;
	}
	/* A threshold over an empty base is not met: everyone abstaining
	** carries nothing, even where 0 >= 3/4 * 0. */
	bool empty = (l->empty_base || r->empty_base) && (e->op != OP_EQ && e->op != OP_NE);
	if (empty)
		res = false;
	trace_add(env->trace, e, l, r, res, empty);
	*out = bool_value(res);
	out->empty_base = empty; /* `not` cannot turn it into a pass */
	return EXPR_OK;
}

/* A count, or a number written, as expr_eval gives it. */
static inline bool simple_operand(const struct expr *e, const struct expr_env *env, struct value *out)
{
	if (e->kind == EX_COUNT)
		*out = num_value((struct rat){ expr_count_value(e, env->counts), 1 }); /* rat_int, inlined */
	else if (e->kind == EX_CONST && e->constant.type == VT_NUM)
		*out = e->constant;
	else
		return false;
	return true;
}

/*
** The shapes nearly every requirement has, `COUNT op N`, `COUNT op COUNT`
** and `COUNT op K of COUNT` (or K * COUNT), evaluated without recursing:
** the same values, trace and empty base as eval_binary, which takes
** anything else, and any arithmetic that fails.  false: not such a shape.
*/
static bool eval_count_comparison(const struct expr *e, const struct expr_env *env, struct value *out)
{
	struct value l, r;
	const struct expr *b = e->b;
	if (e->a->kind != EX_COUNT || !simple_operand(e->a, env, &l))
		return false;
	if (b->kind == EX_BINARY && (b->op == OP_OF || b->op == OP_MUL)) {
		struct value k, c;
		if (!simple_operand(b->a, env, &k) || !simple_operand(b->b, env, &c) || eval_arith(b->op, &k, &c, &r) != EXPR_OK)
			return false;
	} else if (!simple_operand(b, env, &r)) {
		return false;
	}
	const struct expr *unused;
	return eval_comparison(e, env, &l, &r, out, &unused) == EXPR_OK; /* two numbers always compare */
}

static enum expr_status eval_binary(const struct expr *e, const struct expr_env *env, struct value *out,
                                  const struct expr **fault, bool shortcuts)
{
	if (shortcuts && expr_is_comparison(e->op) && eval_count_comparison(e, env, out))
		return EXPR_OK;
	struct value l, r;
	enum expr_status st = eval_in(e->a, env, &l, fault, shortcuts);
	if (st != EXPR_OK)
		return st;
	if (e->op == OP_AND || e->op == OP_OR) {
		if (l.type != VT_BOOL) {
			*fault = e->a;
			return EXPR_TYPE;
		}
		/* Short-circuit, as people read it: `motion.financial and
		** motion.amount > 10000` needs no amount for a non-financial motion. */
		if (l.u.boolean == (e->op == OP_OR)) {
			*out = l;
			return EXPR_OK;
		}
		st = eval_in(e->b, env, &r, fault, shortcuts);
		if (st != EXPR_OK)
			return st;
		if (r.type != VT_BOOL) {
			*fault = e->b;
			return EXPR_TYPE;
		}
		*out = r; /* the left side did not decide: the right one does */
		return EXPR_OK;
	}
	st = eval_in(e->b, env, &r, fault, shortcuts);
	if (st != EXPR_OK)
		return st;
	if (expr_is_comparison(e->op))
		return eval_comparison(e, env, &l, &r, out, fault);
	if (l.type != VT_NUM || r.type != VT_NUM) {
		*fault = l.type != VT_NUM ? e->a : e->b;
		return EXPR_TYPE;
	}
	st = eval_arith(e->op, &l, &r, out);
	if (st != EXPR_OK)
		*fault = e;
	return st;
}

static enum expr_status eval_func(const struct expr *e, const struct expr_env *env, struct value *out,
                                  const struct expr **fault, bool shortcuts)
{
	struct value acc = { 0 };
	bool empty = false; /* any argument over an empty base taints the result */
	for (unsigned i = 0; i < e->n_args; i++) {
		struct value v;
		enum expr_status st = eval_in(e->args[i], env, &v, fault, shortcuts);
		if (st != EXPR_OK)
			return st;
		if (v.type != VT_NUM) {
			*fault = e->args[i];
			return EXPR_TYPE;
		}
		empty = empty || v.empty_base;
		if (i == 0 || (e->op == FUNC_MIN) == (rat_cmp(v.u.num, acc.u.num) < 0))
			acc = v;
	}
	if (e->op == FUNC_FLOOR || e->op == FUNC_CEIL)
		acc = num_value(rat_int(e->op == FUNC_FLOOR ? rat_floor(acc.u.num) : rat_ceil(acc.u.num)));
	acc.empty_base = empty;
	*out = acc;
	return EXPR_OK;
}

static enum expr_status eval_call(const struct expr *e, const struct expr_env *env, struct value *out,
                                  const struct expr **fault, bool shortcuts)
{
	/* Rules are not recursive (sema rejects cycles) and their depth is
	** bounded by the expression depth limit, so this recursion is too. */
	struct value args[16];
	for (unsigned i = 0; i < e->n_args && i < 16; i++) {
		enum expr_status st = eval_in(e->args[i], env, &args[i], fault, shortcuts);
		if (st != EXPR_OK)
			return st;
	}
	struct expr_env inner = *env;
	inner.args = args;
	return eval_in(e->rule->body, &inner, out, fault, shortcuts);
}

static enum expr_status eval_in(const struct expr *e, const struct expr_env *env, struct value *out,
                                const struct expr **fault, bool shortcuts)
{
	switch (e->kind) {
	case EX_CONST:
		*out = e->constant;
		return EXPR_OK;
	case EX_COUNT:
		*out = num_value(rat_int(expr_count_value(e, env->counts)));
		return EXPR_OK;
	case EX_ATTR: {
		const struct value *v = find_attr(env, e->attr);
		if (!v) {
			/* docs/reference.md#attributes: a flag that is not written is
			** false and an unstated kind is ""; any other value is needed. */
			if (attr_absent_value(e->attr, e->type, out))
				return EXPR_OK;
			*fault = e;
			return EXPR_MISSING_ATTR;
		}
		*out = *v;
		return EXPR_OK;
	}
	case EX_PARAM:
		*out = env->args[e->param];
		return EXPR_OK;
	case EX_UNARY: {
		enum expr_status st = eval_in(e->a, env, out, fault, shortcuts);
		if (st != EXPR_OK)
			return st;
		if (e->op == OP_NOT) {
			if (out->type != VT_BOOL) {
				*fault = e->a;
				return EXPR_TYPE;
			}
			/* A threshold over an empty base is not met, whichever way it
			** is written: not (yes <= half of cast) stays unmet. */
			if (!out->empty_base)
				out->u.boolean = !out->u.boolean;
			return EXPR_OK;
		}
		if (out->type != VT_NUM) {
			*fault = e->a;
			return EXPR_TYPE;
		}
		st = from_rat(rat_neg(out->u.num, &out->u.num));
		if (st != EXPR_OK)
			*fault = e;
		return st;
	}
	case EX_BINARY:
		return eval_binary(e, env, out, fault, shortcuts);
	case EX_ROUND: {
		enum expr_status st = eval_in(e->a, env, out, fault, shortcuts);
		if (st != EXPR_OK)
			return st;
		if (out->type != VT_NUM) {
			*fault = e->a;
			return EXPR_TYPE;
		}
		int64_t k = e->op == ROUND_UP ? rat_ceil(out->u.num)
		          : e->op == ROUND_DOWN ? rat_floor(out->u.num) : rat_round(out->u.num);
		out->u.num = rat_int(k);
		out->places = 0; /* a computed whole number, not a decimal as written */
		return EXPR_OK;
	}
	case EX_FUNC:
		return eval_func(e, env, out, fault, shortcuts);
	case EX_CALL:
		return eval_call(e, env, out, fault, shortcuts);
	}
	*fault = e;
	return EXPR_TYPE;
}

enum expr_status expr_eval(const struct expr *e, const struct expr_env *env,
                           struct value *out, const struct expr **fault)
{
	return eval_in(e, env, out, fault, true);
}

enum expr_status expr_eval_general(const struct expr *e, const struct expr_env *env,
                                   struct value *out, const struct expr **fault)
{
	return eval_in(e, env, out, fault, false);
}

enum expr_status expr_test(const struct expr *e, const struct expr_env *env,
                           bool *out, const struct expr **fault)
{
	struct value v;
	if (e->kind == EX_BINARY && expr_is_comparison(e->op) && eval_count_comparison(e, env, &v)) {
		*out = v.u.boolean; /* a requirement of the usual shape, straight to its shortcut */
		return EXPR_OK;
	}
	enum expr_status st = expr_eval(e, env, &v, fault);
	if (st != EXPR_OK)
		return st;
	if (v.type != VT_BOOL) {
		*fault = e;
		return EXPR_TYPE;
	}
	*out = v.u.boolean;
	return EXPR_OK;
}

/* ---- the memo (expr.h) ---- */

enum {
	EXPR_MEMO_COUNTS = 4,                   /* counts a condition may read and be remembered */
	EXPR_MEMO_SHAPE_BITS = 5, EXPR_MEMO_VALUE_BITS = 10,
	EXPR_MEMO_PROBES = 4                    /* slots tried for a value, from its hash on */
};

/* Which counts a condition reads, found once (walk_shape). */
struct memo_shape {
	const struct expr *e;                   /* NULL: an empty slot */
	bool usable;                            /* reads only counts, at most EXPR_MEMO_COUNTS */
	unsigned n;
	size_t at[EXPR_MEMO_COUNTS];            /* where each count read is in a struct counts (count_offset) */
};

/* A condition's value and trace on counts `key`: once taken, a slot is
** never given to another (callers keep pointers to its trace), so a
** history with more conditions on more counts than the table holds
** evaluates the rest each time. */
struct memo_value {
	const struct expr *e;                   /* NULL: an empty slot */
	int64_t key[EXPR_MEMO_COUNTS];
	bool met;
	struct trace_kept kept;
};

/*
** The class chosen, by what the classes' `when`s read: where they read
** only attributes of the motion (no count, no rule called), the class is
** the same for every motion that gives those attributes the same values
** (or leaves them out alike), whatever its counts.  A few such sets of
** values are remembered, the oldest replaced.
*/
enum { CLASS_MEMO_ATTRS = 4, CLASS_MEMO_SLOTS = 8 };

struct class_key {
	const struct value *v[CLASS_MEMO_ATTRS];  /* as find_attr gives them (NULL: not given) */
};

struct class_slot {
	bool used;
	bool given[CLASS_MEMO_ATTRS];
	struct value v[CLASS_MEMO_ATTRS];         /* those given */
	enum expr_status status;
	const struct dclass *cls;
	const struct expr *fault;
};

struct class_memo {
	const struct dclass *classes;             /* examined for these classes (NULL: not yet; terms agreed another
	                                             way, open_agree, share them) */
	unsigned n_classes;
	bool usable;                              /* every `when` reads attributes only, at most CLASS_MEMO_ATTRS */
	unsigned n_attrs;
	const char *attrs[CLASS_MEMO_ATTRS];      /* the attributes they read */
	struct class_slot slot[CLASS_MEMO_SLOTS];
	unsigned next;                            /* the slot filled next */
	unsigned last;                            /* the slot that answered last: tried first */
	/* a motion that gives no attribute at all (most of them): its class */
	bool bare_known;
	enum expr_status bare_status;
	const struct dclass *bare_cls;
	const struct expr *bare_fault;
};

struct expr_memo {
	struct memo_shape shape[1 << EXPR_MEMO_SHAPE_BITS];
	struct memo_value value[1 << EXPR_MEMO_VALUE_BITS];
	struct class_memo classes;
};

struct expr_memo *expr_memo_new(struct arena *a)
{
	return arena_alloc(a, sizeof(struct expr_memo));
}

/* Where in a struct counts expr_count_value reads count e (the key of a
** memo's value is read from there without a call a count). */
static size_t count_offset(const struct expr *e)
{
	if (e->mask < 0)
		return offsetof(struct counts, n) + (size_t)e->count * sizeof(int64_t);
	size_t list = e->count == COUNT_MEMBERS ? offsetof(struct counts, members_by_mask)
	            : e->count == COUNT_ATTENDEES ? offsetof(struct counts, attendees_by_mask)
	                                          : offsetof(struct counts, present_by_mask);
	return list + (size_t)e->mask * sizeof(int64_t);
}

static int64_t count_at(const struct counts *c, size_t at)
{
	int64_t v;
	memcpy(&v, (const char *)c + at, sizeof v);
	return v;
}

/* The count nodes of e in order into sh; false when e reads anything else. */
static bool walk_shape(const struct expr *e, struct memo_shape *sh)
{
	switch (e->kind) {
	case EX_CONST: return true;
	case EX_COUNT:
		if (sh->n == EXPR_MEMO_COUNTS)
			return false;
		sh->at[sh->n++] = count_offset(e);
		return true;
	case EX_BINARY: return walk_shape(e->a, sh) && walk_shape(e->b, sh);
	case EX_UNARY: case EX_ROUND: return walk_shape(e->a, sh);
	case EX_FUNC:
		for (unsigned i = 0; i < e->n_args; i++)
			if (!walk_shape(e->args[i], sh))
				return false;
		return true;
	default: return false; /* an attribute, a parameter, a rule called */
	}
}

static uint32_t memo_hash(const void *p, uint64_t more)
{
	uint64_t h = ((uint64_t)(uintptr_t)p ^ more) * UINT64_C(0x9E3779B97F4A7C15);
	return (uint32_t)(h >> 32);
}

static const struct memo_shape *shape_of(struct expr_memo *m, const struct expr *e)
{
	struct memo_shape *sh = &m->shape[memo_hash(e, 0) >> (32 - EXPR_MEMO_SHAPE_BITS)];
	if (sh->e != e) {
		memset(sh, 0, sizeof *sh);
		sh->e = e;
		sh->usable = walk_shape(e, sh);
	}
	return sh;
}

void trace_steps_needed(const struct trace_step *steps, unsigned n, struct trace_need *out)
{
	memset(out, 0, sizeof *out);
	for (int pass = 0; pass < 2 && !out->has; pass++) {
		for (unsigned i = 0; i < n; i++) {
			const struct trace_step *s = &steps[i];
			if (s->cmp->a->kind != EX_COUNT || s->lhs.type != VT_NUM || s->empty_base)
				continue;
			if (pass == 0 && s->cmp->a->count != COUNT_YES)
				continue;
			if (trace_needed(s, &out->needed)) {
				out->has = true;
				out->have = s->lhs.u.num.num;
				out->of = s->cmp->a->count;
				break;
			}
		}
	}
}

/* The slot of e on counts key: the one holding it (*found), else the
** first empty one of its probes (NULL: all taken by others). */
static struct memo_value *value_slot(struct expr_memo *m, const struct expr *e, const int64_t *key, unsigned n,
                                     uint64_t mix, bool *found)
{
	uint32_t h = memo_hash(e, mix) >> (32 - EXPR_MEMO_VALUE_BITS);
	*found = false;
	for (unsigned p = 0; p < EXPR_MEMO_PROBES; p++) {
		struct memo_value *v = &m->value[(h + p) & ((1u << EXPR_MEMO_VALUE_BITS) - 1)];
		if (!v->e)
			return v;
		if (v->e != e)
			continue;
		bool same = true;
		for (unsigned i = 0; same && i < n; i++)
			same = v->key[i] == key[i];
		if (same) {
			*found = true;
			return v;
		}
	}
	return NULL;
}

/* The key of a value on counts c: the counts the shape reads, 0 past
** them; returns their hash (of the counts read only: a condition reads
** one or two, and the rest are always 0). */
static inline uint64_t memo_key(const struct memo_shape *sh, const struct counts *c, int64_t key[EXPR_MEMO_COUNTS])
{
	uint64_t mix = 0;
	key[0] = key[1] = key[2] = key[3] = 0;
	for (unsigned i = 0; i < sh->n; i++) {
		key[i] = count_at(c, sh->at[i]);
		mix = (mix ^ (uint64_t)key[i]) * UINT64_C(0x100000001B3);
	}
	return mix;
}

static inline bool memo_holds(const struct memo_value *v, const struct expr *e, const int64_t key[EXPR_MEMO_COUNTS])
{
	return v->e == e &&
	       ((v->key[0] ^ key[0]) | (v->key[1] ^ key[1]) | (v->key[2] ^ key[2]) | (v->key[3] ^ key[3])) == 0;
}

/* expr_test_kept past its first probe: the shape made, other slots
** probed, or the condition evaluated (and remembered). */
static enum expr_status __attribute__((noinline)) test_kept_slow(struct expr_memo *m, const struct expr *e,
                                                                 const struct expr_env *env, bool *out,
                                                                 const struct expr **fault,
                                                                 const struct trace_kept **kept)
{
	const struct memo_shape *sh = m ? shape_of(m, e) : NULL;
	if (!sh || !sh->usable || (env->trace && env->trace->n != 0))
		return expr_test(e, env, out, fault);
	int64_t key[EXPR_MEMO_COUNTS];
	uint64_t mix = memo_key(sh, env->counts, key);
	struct memo_value *v = &m->value[memo_hash(e, mix) >> (32 - EXPR_MEMO_VALUE_BITS)];
	bool found = memo_holds(v, e, key);
	if (!found)
		v = value_slot(m, e, key, EXPR_MEMO_COUNTS, mix, &found);
	if (found) {
		*out = v->met;
		if (env->trace)
			*kept = &v->kept;
		return EXPR_OK;
	}
	struct trace own, *trace = env->trace ? env->trace : &own;
	trace->n = 0;
	trace->truncated = false;
	struct expr_env traced = *env;
	traced.trace = trace;
	enum expr_status st = expr_test(e, &traced, out, fault);
	if (!v || st != EXPR_OK || trace->truncated || trace->n > EXPR_MEMO_STEPS)
		return st;
	v->e = e;
	memcpy(v->key, key, sizeof key);
	v->met = *out;
	v->kept.n = trace->n;
	memcpy(v->kept.steps, trace->steps, trace->n * sizeof trace->steps[0]);
	trace_steps_needed(v->kept.steps, v->kept.n, &v->kept.need);
	if (env->trace) {
		*kept = &v->kept;
		env->trace->n = 0;
	}
	return st;
}

/* Most conditions are met again at the first slot probed, their shape
** made: that is tried here, in a few instructions, and the rest apart. */
enum expr_status expr_test_kept(struct expr_memo *m, const struct expr *e, const struct expr_env *env,
                                bool *out, const struct expr **fault, const struct trace_kept **kept)
{
	*kept = NULL;
	if (m && (!env->trace || env->trace->n == 0)) {
		const struct memo_shape *sh = &m->shape[memo_hash(e, 0) >> (32 - EXPR_MEMO_SHAPE_BITS)];
		if (sh->e == e && sh->usable) {
			int64_t key[EXPR_MEMO_COUNTS];
			uint64_t mix = memo_key(sh, env->counts, key);
			const struct memo_value *v = &m->value[memo_hash(e, mix) >> (32 - EXPR_MEMO_VALUE_BITS)];
			if (memo_holds(v, e, key)) {
				*out = v->met;
				if (env->trace)
					*kept = &v->kept;
				return EXPR_OK;
			}
		}
	}
	return test_kept_slow(m, e, env, out, fault, kept);
}

enum expr_status expr_test_memo(struct expr_memo *m, const struct expr *e, const struct expr_env *env,
                                bool *out, const struct expr **fault)
{
	const struct trace_kept *kept;
	enum expr_status st = expr_test_kept(m, e, env, out, fault, &kept);
	if (kept) {
		memcpy(env->trace->steps, kept->steps, kept->n * sizeof kept->steps[0]);
		env->trace->n = kept->n;
	}
	return st;
}

/* The attributes e reads into cm; false when it reads anything but
** attributes and constants, or too many attributes. */
static bool walk_attrs(const struct expr *e, struct class_memo *cm)
{
	switch (e->kind) {
	case EX_CONST: return true;
	case EX_ATTR:
		for (unsigned i = 0; i < cm->n_attrs; i++)
			if (strcmp(cm->attrs[i], e->attr) == 0)
				return true;
		if (cm->n_attrs == CLASS_MEMO_ATTRS)
			return false;
		cm->attrs[cm->n_attrs++] = e->attr;
		return true;
	case EX_BINARY: return walk_attrs(e->a, cm) && walk_attrs(e->b, cm);
	case EX_UNARY: case EX_ROUND: return walk_attrs(e->a, cm);
	case EX_FUNC:
		for (unsigned i = 0; i < e->n_args; i++)
			if (!walk_attrs(e->args[i], cm))
				return false;
		return true;
	default: return false; /* a count, a parameter, a rule called */
	}
}

static void class_memo_examine(struct class_memo *cm, const struct terms *t)
{
	memset(cm, 0, sizeof *cm);
	cm->classes = t->classes;
	cm->n_classes = t->n_classes;
	cm->usable = true;
	for (unsigned i = 0; i < t->n_classes && cm->usable; i++)
		cm->usable = !t->classes[i].when || walk_attrs(t->classes[i].when, cm);
}

/* Is a the same value as b, to every `when` that reads it? */
static bool same_value(const struct value *a, const struct value *b)
{
	if (a->type != b->type || a->empty_base != b->empty_base || a->places != b->places)
		return false;
	switch (a->type) {
	case VT_NUM: return a->u.num.num == b->u.num.num && a->u.num.den == b->u.num.den;
	case VT_BOOL: return a->u.boolean == b->u.boolean;
	case VT_STR: return strcmp(a->u.str, b->u.str) == 0;
	case VT_DATE: return a->u.date == b->u.date;
	default: return false;
	}
}

static bool slot_matches(const struct class_slot *sl, const struct class_key *k, unsigned n)
{
	if (!sl->used)
		return false;
	for (unsigned i = 0; i < n; i++)
		if (sl->given[i] != (k->v[i] != NULL) || (k->v[i] && !same_value(&sl->v[i], k->v[i])))
			return false;
	return true;
}

enum expr_status expr_select_class_memo(struct expr_memo *m, const struct terms *t, const struct expr_env *env,
                                        const struct dclass **cls, const struct expr **fault)
{
	struct class_memo *cm = m ? &m->classes : NULL;
	if (cm && (cm->classes != t->classes || cm->n_classes != t->n_classes))
		class_memo_examine(cm, t);
	if (!cm || !cm->usable)
		return expr_select_class(t, env, cls, fault);
	if (env->n_attrs == 0 && cm->bare_known) {
		/* every attribute the `when`s read left out, as before */
		*cls = cm->bare_cls;
		if (cm->bare_status != EXPR_OK)
			*fault = cm->bare_fault;
		return cm->bare_status;
	}
	struct class_key k;
	for (unsigned i = 0; i < cm->n_attrs; i++)
		k.v[i] = find_attr(env, cm->attrs[i]);
	for (unsigned n = 0; n < CLASS_MEMO_SLOTS; n++) {
		unsigned j = (cm->last + n) % CLASS_MEMO_SLOTS;
		const struct class_slot *sl = &cm->slot[j];
		if (slot_matches(sl, &k, cm->n_attrs)) {
			cm->last = j;
			*cls = sl->cls;
			if (sl->status != EXPR_OK)
				*fault = sl->fault;
			return sl->status;
		}
	}
	const struct expr *f = NULL;
	enum expr_status st = expr_select_class(t, env, cls, &f);
	if (st != EXPR_OK)
		*fault = f;
	if (env->n_attrs == 0) {
		cm->bare_known = true;
		cm->bare_status = st;
		cm->bare_cls = *cls;
		cm->bare_fault = f;
	}
	struct class_slot *sl = &cm->slot[cm->next];
	cm->last = cm->next;
	cm->next = (cm->next + 1) % CLASS_MEMO_SLOTS;
	sl->used = true;
	for (unsigned i = 0; i < cm->n_attrs; i++) {
		sl->given[i] = k.v[i] != NULL;
		if (k.v[i])
			sl->v[i] = *k.v[i];
	}
	sl->status = st;
	sl->cls = *cls;
	sl->fault = f;
	return st;
}

enum expr_status expr_select_class(const struct terms *t, const struct expr_env *env,
                                   const struct dclass **cls, const struct expr **fault)
{
	*cls = NULL;
	for (unsigned i = 0; i < t->n_classes; i++) {
		bool holds = true;
		enum expr_status st = t->classes[i].when ? expr_test(t->classes[i].when, env, &holds, fault) : EXPR_OK;
		if (st != EXPR_OK) {
			*cls = &t->classes[i];
			return st;
		}
		if (holds) {
			*cls = &t->classes[i];
			return EXPR_OK;
		}
	}
	return EXPR_OK;
}

bool trace_needed(const struct trace_step *s, int64_t *needed)
{
	if (s->lhs.type != VT_NUM || s->rhs.type != VT_NUM)
		return false;
	struct rat r = s->rhs.u.num;
	switch (s->cmp->op) {
	case OP_GE: *needed = rat_ceil(r); return true;
	case OP_GT: *needed = rat_floor(r) + 1; return true;
	case OP_EQ:
		if (!rat_is_int(r))
			return false;
		*needed = r.num;
		return true;
	default:
		return false;
	}
}

/*
** dims: counts and fractions are different kinds of number.
**
** A count is a number of people or votes (`present`, `yes`, `members`,
** `75% of members`); a fraction is a proportion (`75%`, `2/3`, `half`,
** `0.75`).  `FRACTION of COUNT` is a count.  Comparing a count with a bare
** fraction, or adding one to the other, has no meaning a body could have
** intended: `yes >= 50% + 1` compares the votes for with 1.5, so 2 votes for
** and 7 against would carry.  Such a rule is an error that asks "of what?"
** and offers the likely meaning as a fix-it.
**
** Each number has a power of "count", as a physical quantity has a power of
** metres: a count 1, a fraction 0, count/count 0 again.  A whole number
** written as such (`6`, `1`) fits whatever its neighbours need, as an
** untyped constant does in Go: a count in `present >= 6`, a factor in
** `2 * yes`, a fraction in `1 of members`.  A rule's parameters take the
** kinds of the arguments at each call, so `at_least(cast, members)` is
** caught in the body of `at_least`; what a rule does wrong whatever its
** arguments is reported once, at the rule.
**
** Part of sema (see sema.h and sema_int.h).
*/
#include "check/sema_int.h"

#include <string.h>

#include "front/parse.h"

enum dim_kind {
	DIM_NONE,   /* not a number (a truth value, a string, a date) */
	DIM_ANY,    /* known only at run time: a motion's attribute, an unknown parameter */
	DIM_WHOLE,  /* a whole number written as such: fits a count or a fraction */
	DIM_POWER   /* count^power: 1 a count, 0 a fraction */
};

struct dim {
	enum dim_kind kind;
	int power;
	bool via_param;        /* depends on a parameter's kind at this call */
};

/* Bound on the work of one check (rules called from rules called from
** rules...): past it, kinds are unknown and nothing more is reported. */
#define DIMS_MAX_STEPS 100000
#define DIMS_MAX_CALL_DEPTH 64

struct dims {
	struct sema *s;
	unsigned steps;
	bool report_all;       /* false inside a call: only what the arguments cause */
	const struct expr *call; /* the call being instantiated, for notes */
};

static const struct dim none_dim = { DIM_NONE, 0, false };
static const struct dim any_dim = { DIM_ANY, 0, false };

static struct dim power(int p, bool via_param)
{
	struct dim d = { DIM_POWER, p, via_param };
	return d;
}

static bool is_count(struct dim d)
{
	return d.kind == DIM_POWER && d.power == 1;
}

static bool is_fraction(struct dim d)
{
	return d.kind == DIM_POWER && d.power == 0;
}

static bool numeric(struct dim d)
{
	return d.kind == DIM_ANY || d.kind == DIM_WHOLE || d.kind == DIM_POWER;
}

/* ---- words for people ---------------------------------------------------- */

static bool counts_votes(enum count_kind c)
{
	return c == COUNT_YES || c == COUNT_NO || c == COUNT_ABSTAIN || c == COUNT_CAST || c == COUNT_VOTES;
}

/* The count a comparison is about, if one side is a count by name. */
static const struct expr *named_count(const struct expr *e)
{
	while (e && (e->kind == EX_ROUND || (e->kind == EX_UNARY && e->op == OP_NEG)))
		e = e->a;
	if (e && e->kind == EX_COUNT)
		return e;
	if (e && e->kind == EX_BINARY && (e->op == OP_ADD || e->op == OP_SUB || e->op == OP_OF))
		return named_count(e->op == OP_OF ? e->b : e->a);
	return NULL;
}

/* The base a bare fraction most likely meant: the votes cast for a vote,
** the membership for attendance. */
static const char *likely_base(const struct expr *count)
{
	if (count && count->kind == EX_COUNT && counts_votes(count->count))
		return "cast";
	return "members";
}

static const char *base_words(const char *base)
{
	return strcmp(base, "cast") == 0 ? "the votes cast" : "the members";
}

static const char *text_of(struct sema *s, const struct expr *e)
{
	const struct node *n = e->src;
	const struct source *f = e->file ? e->file : s->src;
	return arena_printf(s->arena, "%.*s", (int)(n->span.end - n->span.start), f->text + n->span.start);
}

static struct loc loc_expr(struct sema *s, const struct expr *e)
{
	return loc_of(e->file ? e->file : s->src, e->src->span);
}

static bool is_whole_literal(const struct expr *e)
{
	return e->kind == EX_CONST && e->constant.type == VT_NUM && rat_is_int(e->constant.u.num) && e->src &&
	       e->src->kind == N_NUMBER && !e->src->op && !strchr(e->src->text, '.');
}

/* The literal that makes e a fraction: `50%` in `50% + 1`. */
static const struct expr *bare_fraction(const struct expr *e)
{
	if (e->kind == EX_BINARY && (e->op == OP_ADD || e->op == OP_SUB)) {
		if (e->a->kind == EX_CONST && !is_whole_literal(e->a))
			return e->a;
		if (e->b->kind == EX_CONST && !is_whole_literal(e->b))
			return e->b;
	}
	return e;
}

/* The message for a count compared with a bare fraction, and its fix-it. */
static void report_of_what(struct dims *d, const struct expr *cmp, const struct expr *count_side,
                           const struct expr *frac_side)
{
	struct sema *s = d->s;
	const struct expr *count = named_count(count_side);
	const char *base = likely_base(count);
	const char *lhs = text_of(s, count_side);
	const struct expr *frac = bare_fraction(frac_side);
	const char *frac_text = text_of(s, frac);
	bool fifty_plus_one = frac_side->kind == EX_BINARY && frac_side->op == OP_ADD &&
	                      ((sema_is_half(frac_side->a) && sema_is_one(frac_side->b)) ||
	                       (sema_is_one(frac_side->a) && sema_is_half(frac_side->b)));
	bool count_left = cmp->a == count_side;
	const char *op = ast_op_text((enum ast_op)cmp->op);
	struct diag *dg;
	if (fifty_plus_one && count_left && (cmp->op == OP_GE || cmp->op == OP_GT)) {
		dg = diag_report(s->diag, D_DIMENSION, loc_expr(s, frac),
		                 "%s of what? a majority of %s is `%s > half of %s`; the literal reading is `%s %s %s of %s + 1`",
		                 frac_text, base_words(base), lhs, base, lhs, op, frac_text, base);
		diag_fixit(s->diag, dg, loc_expr(s, cmp), arena_printf(s->arena, "%s > half of %s", lhs, base));
	} else if (sema_is_half(frac_side) && count_left && cmp->op == OP_GT) {
		dg = diag_report(s->diag, D_DIMENSION, loc_expr(s, frac),
		                 "%s of what? a majority of %s is `%s > half of %s`", frac_text, base_words(base), lhs, base);
		diag_fixit(s->diag, dg, loc_expr(s, cmp), arena_printf(s->arena, "%s > half of %s", lhs, base));
	} else {
		dg = diag_report(s->diag, D_DIMENSION, loc_expr(s, frac),
		                 "%s of what? `%s` is a number of %s, and `%s` is a fraction: write `%s of %s` (of %s) or `%s of %s`",
		                 frac_text, lhs, count && counts_votes(count->count) ? "votes" : "members",
		                 text_of(s, frac_side), frac_text, base, base_words(base), frac_text,
		                 strcmp(base, "cast") == 0 ? "members" : "present");
		struct loc at = loc_expr(s, frac);
		at.start = at.end;
		diag_fixit(s->diag, dg, at, arena_printf(s->arena, " of %s", base));
	}
	if (d->call)
		diag_note(s->diag, dg, loc_expr(s, d->call), "with the arguments of this call");
}

/* ---- the walk -------------------------------------------------------------- */

/* Has a mistake at e been reported (by another call of the same rule)? */
static bool seen_before(struct dims *d, const struct expr *e)
{
	struct sema *s = d->s;
	for (size_t i = 0; i < s->dims_reported.n; i++)
		if (s->dims_reported.items[i] == e)
			return true;
	VEC_PUSH(s->arena, s->dims_reported, e);
	return false;
}

static struct dim dim_of(struct dims *d, const struct expr *e, const struct dim *params, unsigned depth);

/* Should a mistake between a and b be reported here? */
static bool reportable(struct dims *d, const struct expr *at, struct dim a, struct dim b)
{
	return (d->report_all || a.via_param || b.via_param) && !seen_before(d, at);
}

/* Two sides that must be the same kind (+, -, comparisons, min, max):
** the kind they share, or DIM_ANY after reporting. */
static struct dim unify(struct dims *d, const struct expr *whole, const struct expr *ea, struct dim a,
                        const struct expr *eb, struct dim b, const char *how)
{
	bool via = a.via_param || b.via_param;
	if (a.kind == DIM_ANY || b.kind == DIM_ANY)
		return (struct dim){ DIM_ANY, 0, via };
	if (a.kind == DIM_WHOLE)
		return (struct dim){ b.kind, b.power, via };
	if (b.kind == DIM_WHOLE || a.power == b.power)
		return (struct dim){ a.kind, a.power, via };
	if (!reportable(d, whole, a, b))
		return (struct dim){ DIM_ANY, 0, via };
	struct sema *s = d->s;
	bool is_cmp = whole->kind == EX_BINARY && expr_is_comparison(whole->op);
	if ((is_count(a) && is_fraction(b)) || (is_fraction(a) && is_count(b))) {
		const struct expr *count_side = is_count(a) ? ea : eb, *frac_side = is_count(a) ? eb : ea;
		if (is_cmp) {
			report_of_what(d, whole, count_side, frac_side);
		} else {
			const struct expr *count = named_count(count_side);
			const char *base = likely_base(count);
			const char *frac = text_of(s, frac_side);
			struct diag *dg = diag_report(s->diag, D_DIMENSION, loc_expr(s, frac_side),
			                              "%s of what? a fraction cannot be %s a count (`%s`): write `%s of %s` (of %s)",
			                              frac, how, text_of(s, count_side), frac, base, base_words(base));
			struct loc at = loc_expr(s, frac_side);
			at.start = at.end;
			diag_fixit(s->diag, dg, at, arena_printf(s->arena, " of %s", base));
			if (d->call)
				diag_note(s->diag, dg, loc_expr(s, d->call), "with the arguments of this call");
		}
	} else {
		struct diag *dg = diag_report(s->diag, D_DIMENSION, loc_expr(s, whole),
		                              "`%s` and `%s` are different kinds of number and cannot be %s",
		                              text_of(s, ea), text_of(s, eb), is_cmp ? "compared" : how);
		if (d->call)
			diag_note(s->diag, dg, loc_expr(s, d->call), "with the arguments of this call");
	}
	return (struct dim){ DIM_ANY, 0, via };
}

static struct dim dim_binary(struct dims *d, const struct expr *e, const struct dim *params, unsigned depth)
{
	struct dim a = dim_of(d, e->a, params, depth + 1), b = dim_of(d, e->b, params, depth + 1);
	bool via = a.via_param || b.via_param;
	if (e->op == OP_AND || e->op == OP_OR)
		return none_dim;
	if (!numeric(a) || !numeric(b))
		return expr_is_comparison(e->op) ? none_dim : any_dim; /* a type error, reported by compile */
	switch (e->op) {
	case OP_ADD: case OP_SUB:
		return unify(d, e, e->a, a, e->b, b, e->op == OP_ADD ? "added to" : "taken from");
	case OP_LT: case OP_LE: case OP_GT: case OP_GE: case OP_EQ: case OP_NE:
		unify(d, e, e->a, a, e->b, b, "compared with");
		return none_dim;
	case OP_OF:
		if (is_count(a)) {
			if (!reportable(d, e, a, b))
				return (struct dim){ DIM_ANY, 0, via };
			struct diag *dg = diag_report(d->s->diag, D_DIMENSION, loc_expr(d->s, e->a),
			                              "the part before `of` must be a fraction (75%%, 2/3, half), but `%s` is a count",
			                              text_of(d->s, e->a));
			if (d->call)
				diag_note(d->s->diag, dg, loc_expr(d->s, d->call), "with the arguments of this call");
			return (struct dim){ DIM_ANY, 0, via };
		}
		if (a.kind == DIM_ANY || b.kind == DIM_ANY)
			return (struct dim){ DIM_ANY, 0, via };
		return (struct dim){ b.kind, b.power, via };
	case OP_MUL:
		if (a.kind == DIM_ANY || b.kind == DIM_ANY)
			return (struct dim){ DIM_ANY, 0, via };
		if (a.kind == DIM_WHOLE)
			return (struct dim){ b.kind, b.power, via };
		if (b.kind == DIM_WHOLE)
			return (struct dim){ a.kind, a.power, via };
		return power(a.power + b.power, via);
	case OP_DIV:
		if (a.kind == DIM_ANY || b.kind == DIM_ANY)
			return (struct dim){ DIM_ANY, 0, via };
		if (b.kind == DIM_WHOLE && a.kind == DIM_POWER)
			return a;
		if (a.kind == DIM_WHOLE && b.kind == DIM_WHOLE) {
			/* 6/2 is a whole number; 2/3 is a fraction */
			struct value v;
			const struct expr *fault = NULL;
			if (sema_is_constant(e) && sema_eval_constant(e, &v, &fault) == EXPR_OK && v.type == VT_NUM &&
			    rat_is_int(v.u.num))
				return (struct dim){ DIM_WHOLE, 0, via };
			return power(0, via);
		}
		return power((a.kind == DIM_WHOLE ? 0 : a.power) - (b.kind == DIM_WHOLE ? 0 : b.power), via);
	default:
		return any_dim;
	}
}

static struct dim dim_call(struct dims *d, const struct expr *e, const struct dim *params, unsigned depth)
{
	struct dim args[MAX_RULE_PARAMS];
	bool via = false;
	for (unsigned i = 0; i < e->n_args && i < MAX_RULE_PARAMS; i++) {
		args[i] = dim_of(d, e->args[i], params, depth + 1);
		via = via || args[i].via_param;
		/* At the top, every argument is new to the rule's body; inside a
		** call being followed, only those from its own arguments are. */
		if (d->report_all)
			args[i].via_param = true;
	}
	const struct rule *r = e->rule;
	if (!r || !r->body || depth > DIMS_MAX_CALL_DEPTH)
		return (struct dim){ DIM_ANY, 0, via };
	bool saved_all = d->report_all;
	const struct expr *saved_call = d->call;
	d->report_all = false;
	if (!d->call)
		d->call = e;
	struct dim out = dim_of(d, r->body, args, depth + 1);
	d->report_all = saved_all;
	d->call = saved_call;
	out.via_param = via;
	return out;
}

static struct dim dim_of(struct dims *d, const struct expr *e, const struct dim *params, unsigned depth)
{
	if (!e || ++d->steps > DIMS_MAX_STEPS || depth > PARSE_MAX_EXPR_DEPTH * 4)
		return any_dim;
	switch (e->kind) {
	case EX_CONST:
		if (e->constant.type != VT_NUM)
			return none_dim;
		/* `6` fits a count or a fraction; `75%`, `0.75`, `half` are fractions */
		if (is_whole_literal(e))
			return (struct dim){ DIM_WHOLE, 0, false };
		return power(0, false);
	case EX_COUNT:
		return power(1, false);
	case EX_ATTR:
		return e->type == VT_NUM || e->type == VT_ANY ? any_dim : none_dim;
	case EX_PARAM:
		return params && e->param >= 0 && e->param < MAX_RULE_PARAMS ? params[e->param] : any_dim;
	case EX_UNARY:
		if (e->op == OP_NOT) {
			dim_of(d, e->a, params, depth + 1);
			return none_dim;
		}
		return dim_of(d, e->a, params, depth + 1);
	case EX_ROUND:
		return dim_of(d, e->a, params, depth + 1);
	case EX_BINARY:
		return dim_binary(d, e, params, depth);
	case EX_FUNC: {
		if (e->op == FUNC_FLOOR || e->op == FUNC_CEIL)
			return e->n_args ? dim_of(d, e->args[0], params, depth + 1) : any_dim;
		struct dim acc = e->n_args ? dim_of(d, e->args[0], params, depth + 1) : any_dim;
		for (unsigned i = 1; i < e->n_args; i++) {
			struct dim next = dim_of(d, e->args[i], params, depth + 1);
			if (numeric(acc) && numeric(next))
				acc = unify(d, e, e->args[0], acc, e->args[i], next,
				            e->op == FUNC_MIN ? "set against each other in min" : "set against each other in max");
		}
		return acc;
	}
	case EX_CALL:
		return dim_call(d, e, params, depth);
	}
	return any_dim;
}

/* ---- entry points ---------------------------------------------------------- */

static void check_expr(struct sema *s, const struct expr *e, const struct dim *params)
{
	struct dims d = { s, 0, true, NULL };
	dim_of(&d, e, params, 0);
}

void sema_check_dims(struct sema *s)
{
	/* Each rule on its own, its parameters of any kind: what is wrong
	** whatever the arguments. */
	for (size_t i = 0; i < s->rules.n; i++) {
		const struct rule *r = s->rules.items[i].rule;
		if (r->body)
			check_expr(s, r->body, NULL);
	}
	const struct terms *t = s->t;
	for (unsigned k = 0; k < t->n_quorum; k++)
		check_expr(s, t->quorum[k].cond, NULL);
	for (unsigned i = 0; i < t->n_classes; i++) {
		const struct dclass *c = &t->classes[i];
		if (c->when)
			check_expr(s, c->when, NULL);
		for (unsigned k = 0; k < c->n_requires; k++)
			check_expr(s, c->requires[k].cond, NULL);
	}
}

/*
** compile: expressions of the syntax tree to `struct expr`, with names
** resolved (counts, parameters, rules, motion attributes), types and arity
** checked, and each rule compiled on first use so a cycle is found.  Part of
** sema (see sema.h and sema_int.h).
*/
#include "check/sema_int.h"

#include <string.h>

#include "model/attrs.h"

/* ==== compiling expressions ================================================ */

static struct expr *compile(struct sema *s, const struct node *n);

static struct expr *new_expr(struct sema *s, enum expr_kind kind, const struct node *n, enum value_type type)
{
	struct expr *e = arena_alloc(s->arena, sizeof *e);
	e->kind = kind;
	e->src = n;
	e->file = s->cur_src;
	e->type = type;
	e->mask = -1;
	return e;
}

static bool type_fits(enum value_type have, enum value_type want)
{
	return have == want || have == VT_ANY || want == VT_ANY;
}

static void want_type(struct sema *s, struct expr *e, enum value_type want, const char *where)
{
	/* An attribute used as true/false is a flag: absent means false. */
	if (e && e->kind == EX_ATTR && e->type == VT_ANY && want == VT_BOOL)
		e->type = VT_BOOL;
	if (e && e->kind == EX_ATTR && e->type == VT_BOOL && s->ctx == CTX_WHEN)
		VEC_PUSH(s->arena, s->bool_attrs, e->attr);
	if (e && !type_fits(e->type, want))
		diag_report(s->diag, D_TYPE, here(s, e->src), "%s must be a %s, but this is a %s",
		            where, value_type_name(want), value_type_name(e->type));
}

static bool is_vote_count(enum count_kind c)
{
	return c != COUNT_MEMBERS && c != COUNT_PRESENT && c != COUNT_CONFLICTED && c != COUNT_ATTENDEES;
}

static int mask_index(struct sema *s, const struct node *n, uint64_t mask)
{
	struct terms *t = s->t;
	for (unsigned i = 0; i < t->n_masks; i++)
		if (t->masks[i] == mask)
			return (int)i;
	if (t->n_masks == TERMS_MAX_MASKS) {
		if (!s->masks_full)
			diag_report(s->diag, D_LIMIT, here(s, n),
			            "more than %d different role lists in present(...) and members(...)", TERMS_MAX_MASKS);
		s->masks_full = true;
		return 0;
	}
	t->masks[t->n_masks] = mask;
	return (int)t->n_masks++;
}

static struct expr *compile_count(struct sema *s, const struct node *n)
{
	struct expr *e = new_expr(s, EX_COUNT, n, VT_NUM);
	e->count = (enum count_kind)n->op;
	if (is_vote_count(e->count)) {
		if (s->cur_rule)
			s->cur_rule->uses_votes = true;
		if (s->ctx == CTX_QUORUM)
			diag_report(s->diag, D_CONTEXT, here(s, n),
			            "'%s' has no meaning in a quorum rule, which is about attendance (use members, present, attendees or conflicted)",
			            ast_count_name(e->count));
	}
	if (e->count == COUNT_ATTENDEES)
		s->t->uses_attendees = true;
	if (!n->a)
		return e;
	if (e->count != COUNT_PRESENT && e->count != COUNT_MEMBERS && e->count != COUNT_ATTENDEES) {
		diag_report(s->diag, D_CONTEXT, here(s, n), "only present(...), members(...) and attendees(...) take a list of roles");
		return e;
	}
	uint64_t mask = 0;
	for (const struct node *id = n->a; id; id = id->next) {
		int g = terms_find_group(s->t, id->text);
		if (g < 0) {
			struct spell sp;
			spell_init(&sp, id->text);
			for (unsigned k = 0; k < s->t->n_groups; k++)
				spell_offer(&sp, s->t->groups[k].id);
			sema_unknown(s, here(s, id), &sp, arena_printf(s->arena, "no role or tag named '%s'", id->text));
		} else
			mask |= UINT64_C(1) << g;
	}
	e->mask = mask_index(s, n, mask);
	return e;
}

static struct expr *compile_name(struct sema *s, const struct node *n, const struct node *args)
{
	unsigned n_args = (unsigned)ast_list_len(args);
	if (n->kind == N_NAME) {
		unsigned i = 0;
		for (const struct node *p = s->cur_params; p; p = p->next, i++) {
			if (strcmp(p->text, n->text) == 0) {
				struct expr *e = new_expr(s, EX_PARAM, n, VT_ANY);
				e->param = (int)i;
				return e;
			}
		}
	}
	struct rule_entry *re = sema_find_rule(s, n->text);
	if (!re) {
		struct spell sp;
		spell_init(&sp, n->text);
		for (const struct node *p = s->cur_params; p; p = p->next)
			spell_offer(&sp, p->text);
		for (size_t i = 0; i < s->rules.n; i++)
			spell_offer(&sp, s->rules.items[i].rule->name);
		struct loc at = loc_of(s->cur_src ? s->cur_src : s->src, n->text_span.end ? n->text_span : n->span);
		sema_unknown(s, at, &sp, arena_printf(s->arena, "no rule named '%s'%s", n->text,
		                                      s->cur_params ? " (and no parameter of that name)" : ""));
		return NULL;
	}
	if (re->rule->n_params != n_args) {
		struct diag *d = diag_report(s->diag, D_ARITY, here(s, n), "rule '%s' takes %u argument%s, not %u",
		                             n->text, re->rule->n_params, re->rule->n_params == 1 ? "" : "s", n_args);
		diag_note(s->diag, d, loc_of(re->src, re->decl->span), "defined here");
		return NULL;
	}
	sema_compile_rule(s, re->rule);
	struct expr *e = new_expr(s, EX_CALL, n, re->rule->body ? re->rule->body->type : VT_ANY);
	e->rule = re->rule;
	e->n_args = n_args;
	e->args = arena_array(s->arena, n_args ? n_args : 1, sizeof *e->args);
	unsigned i = 0;
	for (const struct node *a = args; a; a = a->next)
		e->args[i++] = compile(s, a);
	if (re->rule->uses_votes && s->cur_rule)
		s->cur_rule->uses_votes = true;
	if (re->rule->uses_votes && s->ctx == CTX_QUORUM)
		diag_report(s->diag, D_CONTEXT, here(s, n), "rule '%s' counts votes, which has no meaning in a quorum rule", n->text);
	for (i = 0; i < n_args; i++)
		if (!e->args[i])
			return NULL;
	return e;
}

/* Remember what `when` conditions ask of motions, to enumerate kinds later. */
static void note_attr_use(struct sema *s, const struct expr *e)
{
	if (s->ctx != CTX_WHEN || e->kind != EX_BINARY)
		return;
	const struct expr *attr = e->a->kind == EX_ATTR ? e->a : e->b->kind == EX_ATTR ? e->b : NULL;
	const struct expr *lit = attr == e->a ? e->b : e->a;
	if (attr && lit->kind == EX_CONST && lit->constant.type == VT_NUM && expr_is_comparison(e->op)) {
		struct number_use u = { attr->attr, lit->constant.u.num };
		VEC_PUSH(s->arena, s->number_uses, u);
		return;
	}
	if (attr && lit->kind == EX_CONST && lit->constant.type == VT_STR && attr_known(attr->attr) == ATTR_KIND) {
		for (size_t i = 0; i < s->kind_values.n; i++)
			if (strcmp(s->kind_values.items[i], lit->constant.u.str) == 0)
				return;
		VEC_PUSH(s->arena, s->kind_values, lit->constant.u.str);
	}
}

/* Does e depend on literals only, so that its value is known now?  Recursion
** is bounded by the parser's expression depth limit. */
bool sema_is_constant(const struct expr *e)
{
	switch (e->kind) {
	case EX_CONST:
		return true;
	case EX_UNARY: case EX_ROUND:
		return sema_is_constant(e->a);
	case EX_BINARY:
		return sema_is_constant(e->a) && sema_is_constant(e->b);
	default: /* counts, attributes, parameters, rule calls, min/max */
		return false;
	}
}

/* Evaluate an expression of literals only (is_constant). */
enum expr_status sema_eval_constant(const struct expr *e, struct value *v, const struct expr **fault)
{
	struct counts none;
	memset(&none, 0, sizeof none);
	struct expr_env env = { &none, NULL, 0, NULL, NULL };
	return expr_eval(e, &env, v, fault);
}

/* Is e the constant 1/2 (written 50%, half, 0.5, or 1/2, which is a
** division and so not a literal)? */
bool sema_is_half(const struct expr *e)
{
	struct value v;
	const struct expr *fault = NULL;
	return sema_is_constant(e) && sema_eval_constant(e, &v, &fault) == EXPR_OK && v.type == VT_NUM &&
	       v.u.num.num == 1 && v.u.num.den == 2;
}

bool sema_is_one(const struct expr *e)
{
	return e->kind == EX_CONST && e->constant.type == VT_NUM && rat_cmp(e->constant.u.num, rat_int(1)) == 0;
}

/* The fraction before `of`, when it is a constant: 75%, but also 2/3 and
** 3/2, which are divisions and so not literals. */
static void check_fraction_of(struct sema *s, const struct node *n, const struct expr *frac)
{
	struct value v;
	const struct expr *fault = NULL;
	if (!sema_is_constant(frac) || sema_eval_constant(frac, &v, &fault) != EXPR_OK || v.type != VT_NUM)
		return;
	if (rat_cmp(v.u.num, rat_int(1)) > 0) {
		const char *text = s->cur_src->text + n->a->span.start;
		int len = (int)(n->a->span.end - n->a->span.start);
		struct diag *d = diag_report(s->diag, D_OVER_100, here(s, n->a),
		                             "'%.*s' is more than 100%%: no count can reach it",
		                             len > 40 ? 40 : len, text);
		diag_note(s->diag, d, NO_LOC, "a threshold is a fraction of its base from 0 to 1, e.g. 75%% or 2/3");
	}
	if (v.u.num.num < 0)
		diag_report(s->diag, D_OVER_100, here(s, n->a), "a negative fraction of a count has no meaning");
}

/* Arithmetic on literals that overflows or divides by zero would fail at
** every meeting: say so now, once, at the operation that fails. */
static void check_constant_arith(struct sema *s, const struct expr *e)
{
	struct value v;
	const struct expr *fault = NULL;
	if (!sema_is_constant(e))
		return;
	enum expr_status st = sema_eval_constant(e, &v, &fault);
	if ((st == EXPR_OVERFLOW || st == EXPR_DIV_ZERO) && fault == e)
		diag_report(s->diag, D_ARITH, here(s, e->src), "%s",
		            st == EXPR_DIV_ZERO ? "division by zero"
		                                : "the result of this arithmetic is too large to represent exactly");
}

static struct expr *compile_binary(struct sema *s, const struct node *n)
{
	struct expr *l = compile(s, n->a), *r = compile(s, n->b);
	if (!l || !r)
		return NULL;
	int op = n->op;
	enum value_type type = VT_NUM;
	if (op == OP_AND || op == OP_OR) {
		want_type(s, l, VT_BOOL, "each side of 'and'/'or'");
		want_type(s, r, VT_BOOL, "each side of 'and'/'or'");
		type = VT_BOOL;
	} else if (expr_is_comparison(op)) {
		type = VT_BOOL;
		if (!type_fits(l->type, r->type))
			diag_report(s->diag, D_TYPE, here(s, n), "cannot compare a %s with a %s",
			            value_type_name(l->type), value_type_name(r->type));
		else if ((l->type == VT_STR || l->type == VT_BOOL) && op != OP_EQ && op != OP_NE)
			diag_report(s->diag, D_TYPE, here(s, n), "a %s can only be compared with == or !=",
			            value_type_name(l->type));
	} else {
		want_type(s, l, VT_NUM, op == OP_OF ? "the fraction before 'of'" : "each side of an arithmetic operator");
		want_type(s, r, VT_NUM, op == OP_OF ? "the count after 'of'" : "each side of an arithmetic operator");
		if (op == OP_OF)
			check_fraction_of(s, n, l);
	}
	struct expr *e = new_expr(s, EX_BINARY, n, type);
	e->op = op;
	e->a = l;
	e->b = r;
	note_attr_use(s, e);
	check_constant_arith(s, e);
	return e;
}

static struct expr *compile_literal(struct sema *s, const struct node *n)
{
	struct expr *e = new_expr(s, EX_CONST, n, VT_NUM);
	switch (n->kind) {
	case N_NUMBER:
		e->constant.type = VT_NUM;
		e->constant.u.num = n->v.num;
		break;
	case N_STRING:
		e->type = e->constant.type = VT_STR;
		e->constant.u.str = n->text;
		break;
	case N_DATE:
		e->type = e->constant.type = VT_DATE;
		e->constant.u.date = n->v.date;
		break;
	default: /* N_BOOL */
		e->type = e->constant.type = VT_BOOL;
		e->constant.u.boolean = n->v.boolean;
		break;
	}
	return e;
}

static struct expr *compile_func(struct sema *s, const struct node *n)
{
	unsigned n_args = (unsigned)ast_list_len(n->a);
	bool unary = n->op == FUNC_FLOOR || n->op == FUNC_CEIL;
	if ((unary && n_args != 1) || (!unary && n_args < 2)) {
		diag_report(s->diag, D_ARITY, here(s, n), "%s", unary ? "floor and ceil take one argument"
		                                                     : "min and max take two or more arguments");
		return NULL;
	}
	struct expr *e = new_expr(s, EX_FUNC, n, VT_NUM);
	e->op = n->op;
	e->n_args = n_args;
	e->args = arena_array(s->arena, n_args, sizeof *e->args);
	unsigned i = 0;
	for (const struct node *a = n->a; a; a = a->next, i++) {
		e->args[i] = compile(s, a);
		if (!e->args[i])
			return NULL;
		want_type(s, e->args[i], VT_NUM, "an argument of min, max, floor or ceil");
	}
	return e;
}

static struct expr *compile(struct sema *s, const struct node *n)
{
	struct expr *e = NULL;
	switch (n->kind) {
	case N_NUMBER: case N_STRING: case N_DATE: case N_BOOL:
		return compile_literal(s, n);
	case N_COUNT:
		return compile_count(s, n);
	case N_ATTR:
		e = new_expr(s, EX_ATTR, n, attr_type(n->text));
		e->attr = n->text;
		if (attr_known(n->text) == ATTR_KIND)
			s->uses_kind = true;
		return e;
	case N_NAME:
		return compile_name(s, n, NULL);
	case N_CALL:
		return compile_name(s, n, n->a);
	case N_FUNC:
		return compile_func(s, n);
	case N_PAREN:
		/* The grammar has decided the grouping; the parentheses are kept
		** only so a rule is shown with its numbers as it was written. */
		e = compile(s, n->a);
		if (e)
			e->paren = true;
		return e;
	case N_UNARY:
		e = new_expr(s, EX_UNARY, n, n->op == OP_NOT ? VT_BOOL : VT_NUM);
		e->op = n->op;
		e->a = compile(s, n->a);
		if (!e->a)
			return NULL;
		if (n->op == OP_NOT && e->a->kind == EX_ATTR && s->ctx == CTX_WHEN)
			VEC_PUSH(s->arena, s->bool_attrs, e->a->attr);
		want_type(s, e->a, e->type, n->op == OP_NOT ? "the operand of 'not'" : "the operand of '-'");
		return e;
	case N_BINARY:
		return compile_binary(s, n);
	case N_ROUND:
		if (n->op == ROUND_INVALID) {
			diag_report(s->diag, D_SYNTAX, loc_of(s->cur_src, n->text_span),
			            "'rounded' must be followed by 'up', 'down' or 'to nearest', not '%s'", n->text);
			return NULL;
		}
		e = new_expr(s, EX_ROUND, n, VT_NUM);
		e->op = n->op;
		e->a = compile(s, n->a);
		if (!e->a)
			return NULL;
		want_type(s, e->a, VT_NUM, "what is rounded");
		return e;
	default:
		diag_report(s->diag, D_SYNTAX, here(s, n), "this is not an expression");
		return NULL;
	}
}

/* Compile a condition: a true/false expression in the given context. */
struct expr *sema_compile_condition(struct sema *s, const struct node *n, enum expr_ctx ctx, const char *what)
{
	s->ctx = ctx;
	s->cur_src = s->src;
	s->cur_params = NULL;
	s->cur_rule = NULL;
	struct expr *e = compile(s, n);
	if (e) {
		want_type(s, e, VT_BOOL, what);
		if (e->kind == EX_ATTR && ctx == CTX_WHEN)
			VEC_PUSH(s->arena, s->bool_attrs, e->attr);
	}
	return e;
}

void sema_compile_rule(struct sema *s, struct rule *r)
{
	if (r->state == 2)
		return;
	if (r->state == 1) {
		diag_report(s->diag, D_RECURSION, loc_of(r->src, r->decl->text_span),
		            "rule '%s' refers to itself, directly or through other rules", r->name);
		return;
	}
	/* Save the caller's compile state: rules compile on first use. */
	const struct source *saved_src = s->cur_src;
	const struct node *saved_params = s->cur_params;
	struct rule *saved_rule = s->cur_rule;
	enum expr_ctx saved_ctx = s->ctx;
	r->state = 1;
	s->cur_src = r->src;
	s->cur_params = r->decl->a;
	s->cur_rule = r;
	s->ctx = CTX_RULE;
	r->body = compile(s, r->decl->b);
	r->state = 2;
	s->cur_src = saved_src;
	s->cur_params = saved_params;
	s->cur_rule = saved_rule;
	s->ctx = saved_ctx;
	if (saved_rule && r->uses_votes)
		saved_rule->uses_votes = true;
}

/*
** sema: checking a terms block and building struct terms.  See sema.h.
**
** The passes, in order: settings (each said at most once), roles and members
** (groups, rosters), rules (gathered from the file and every module it uses,
** compiled on first use so cycles are found), quorum and classes (compiled in
** their contexts), then the whole-file checks that need a compiled model.
*/
#include "check/sema.h"

#include <stdio.h>
#include <string.h>

#include "base/sbuf.h"
#include "check/expr.h"
#include "front/parse.h"

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
};

static struct loc here(struct sema *s, const struct node *n)
{
	return loc_of(s->cur_src ? s->cur_src : s->src, n->span);
}

static struct loc at_file(struct sema *s, const struct node *n)
{
	return loc_of(s->src, n->span);
}

static struct loc name_loc(struct sema *s, const struct node *n)
{
	struct span sp = n->text_span.end ? n->text_span : n->span;
	return loc_of(s->src, sp);
}

static const struct loc no_loc = { NULL, 0, 0 };

/* ==== settings said at most once ========================================== */

/* Report a second N_xxx; returns true if n is the first of its kind. */
static bool first_of_kind(struct sema *s, const struct node *n, const struct node **seen, const char *what)
{
	if (!*seen) {
		*seen = n;
		return true;
	}
	struct diag *d = diag_report(s->diag, D_DUPLICATE, at_file(s, n), "%s is set twice", what);
	diag_note(s->diag, d, at_file(s, *seen), "first set here");
	return false;
}

static void tba(struct sema *s, const struct node *n, const char *clause, const char *what)
{
	if (clause)
		diag_report(s->diag, D_TBA, at_file(s, n), "§%s: %s is still to be agreed locally", clause, what);
	else
		diag_report(s->diag, D_TBA, at_file(s, n), "%s is still to be agreed locally", what);
}

static bool duration_ok(struct sema *s, const struct node *dur)
{
	if (dur->v.dur.n < 0) {
		diag_report(s->diag, D_TYPE, at_file(s, dur),
		            "a period must be a whole number from 0 to 100000, not %s", dur->text);
		return false;
	}
	return true;
}

static void set_period(struct sema *s, struct notice_rule *r, const struct node *n, const char *what)
{
	r->set = true;
	r->clause = n->clause;
	r->decl = n;
	if (!n->a) {
		r->tba = true;
		tba(s, n, n->clause, what);
		return;
	}
	if (duration_ok(s, n->a)) {
		r->period = n->a->v.dur;
		r->clear = n->a->op == 1;
	}
}

/* ==== roles, tags and members ============================================= */

static int add_group(struct sema *s, const char *id, bool is_role, const struct node *decl)
{
	struct terms *t = s->t;
	if (t->n_groups == TERMS_MAX_GROUPS) {
		diag_report(s->diag, D_LIMIT, at_file(s, decl),
		            "more than %d roles and tags in one terms file", TERMS_MAX_GROUPS);
		return -1;
	}
	struct group *g = &t->groups[t->n_groups];
	g->id = id;
	g->is_role = is_role;
	g->decl = decl;
	return (int)t->n_groups++;
}

static void check_roles(struct sema *s, const struct node *items)
{
	for (const struct node *n = items; n; n = n->next) {
		if (n->kind != N_ROLE)
			continue;
		int prev = terms_find_group(s->t, n->text);
		if (prev >= 0) {
			struct diag *d = diag_report(s->diag, D_DUPLICATE, name_loc(s, n), "role '%s' is defined twice", n->text);
			diag_note(s->diag, d, name_loc(s, s->t->groups[prev].decl), "first defined here");
			continue;
		}
		int g = add_group(s, n->text, true, n);
		if (g < 0)
			return;
		s->t->groups[g].title = n->a->text;
		s->t->groups[g].voting = n->op == 1;
	}
}

static void check_member_dates(struct sema *s, const struct node *n, struct member *m)
{
	if (n->c) {
		m->has_from = true;
		m->from = n->c->v.date;
	}
	if (n->d) {
		m->has_until = true;
		m->until = n->d->v.date;
	}
	if (m->has_from && m->has_until && m->from > m->until)
		diag_report(s->diag, D_MEMBER, at_file(s, n->d),
		            "member '%s' leaves (until) before joining (from)", m->id);
}

static void check_member_groups(struct sema *s, const struct node *n, struct member *m)
{
	bool has_role = false;
	for (const struct node *id = n->b; id; id = id->next) {
		int g = terms_find_group(s->t, id->text);
		if (g < 0) {
			/* Not a role: a tag such as `clinician`. */
			g = add_group(s, id->text, false, id);
			if (g < 0)
				return;
		}
		if (m->groups & (UINT64_C(1) << g))
			diag_report(s->diag, D_DUPLICATE, at_file(s, id), "'%s' is listed twice for member '%s'",
			            id->text, m->id);
		m->groups |= UINT64_C(1) << g;
		if (s->t->groups[g].is_role) {
			has_role = true;
			m->voting = m->voting || s->t->groups[g].voting;
		}
	}
	if (!has_role) {
		struct diag *d = diag_report(s->diag, D_MEMBER, name_loc(s, n), "member '%s' has no role", m->id);
		diag_note(s->diag, d, no_loc, "give each member one of the roles defined with `role`; other words after the name are tags");
	}
}

static void check_members(struct sema *s, const struct node *items)
{
	struct terms *t = s->t;
	for (const struct node *n = items; n; n = n->next) {
		if (n->kind != N_MEMBER)
			continue;
		int prev = terms_find_member(t, n->text);
		if (prev >= 0) {
			struct diag *d = diag_report(s->diag, D_DUPLICATE, name_loc(s, n), "member '%s' is listed twice", n->text);
			diag_note(s->diag, d, name_loc(s, t->members[prev].decl), "first listed here");
			continue;
		}
		if (terms_find_group(t, n->text) >= 0 && t->groups[terms_find_group(t, n->text)].is_role) {
			diag_report(s->diag, D_DUPLICATE, name_loc(s, n), "'%s' is already the name of a role", n->text);
			continue;
		}
		if (t->n_members == TERMS_MAX_MEMBERS) {
			diag_report(s->diag, D_LIMIT, at_file(s, n), "more than %d members", TERMS_MAX_MEMBERS);
			return;
		}
		struct member *m = &t->members[t->n_members++];
		m->id = n->text;
		m->name = n->a->text;
		m->decl = n;
		check_member_groups(s, n, m);
		check_member_dates(s, n, m);
	}
}

/* ==== rules ================================================================ */

static struct rule_entry *find_rule(struct sema *s, const char *name)
{
	for (size_t i = 0; i < s->rules.n; i++)
		if (strcmp(s->rules.items[i].rule->name, name) == 0)
			return &s->rules.items[i];
	return NULL;
}

static void add_rule(struct sema *s, const struct node *n, const struct source *src)
{
	struct rule_entry *prev = find_rule(s, n->text);
	if (prev) {
		if (prev->decl == n)
			return; /* the same module reached twice */
		struct diag *d = diag_report(s->diag, D_DUPLICATE, loc_of(src, n->text_span),
		                             "rule '%s' is defined twice", n->text);
		diag_note(s->diag, d, loc_of(prev->src, prev->decl->text_span), "first defined here");
		return;
	}
	size_t n_params = ast_list_len(n->a);
	if (n_params > MAX_RULE_PARAMS) {
		diag_report(s->diag, D_LIMIT, loc_of(src, n->span), "a rule takes at most %d parameters", MAX_RULE_PARAMS);
		return;
	}
	struct rule *r = arena_alloc(s->arena, sizeof *r);
	r->name = n->text;
	r->decl = n;
	r->src = src;
	r->n_params = (unsigned)n_params;
	r->params = arena_array(s->arena, n_params ? n_params : 1, sizeof *r->params);
	unsigned i = 0;
	for (const struct node *p = n->a; p; p = p->next, i++) {
		for (unsigned j = 0; j < i; j++)
			if (strcmp(r->params[j], p->text) == 0)
				diag_report(s->diag, D_DUPLICATE, loc_of(src, p->span), "parameter '%s' is named twice", p->text);
		r->params[i] = p->text;
	}
	struct rule_entry e = { r, n, src };
	VEC_PUSH(s->arena, s->rules, e);
}

static void gather_module(struct sema *s, const struct node *use, const struct source *from,
                          const struct module *parent);

static void gather_items(struct sema *s, const struct node *items, const struct source *src,
                         const struct module *self)
{
	for (const struct node *n = items; n; n = n->next) {
		if (n->kind == N_USE)
			gather_module(s, n, src, self);
		else if (n->kind == N_RULE)
			add_rule(s, n, src);
	}
}

static void gather_module(struct sema *s, const struct node *use, const struct source *from,
                          const struct module *parent)
{
	struct module *m = loader_use(s->ld, use->text, loc_of(from, use->span));
	if (!m)
		return;
	/* Modules are parsed once per run and shared by every terms file that
	** uses them; which ones this file has gathered is its own business. */
	for (size_t i = 0; i < s->gathered.n; i++)
		if (s->gathered.items[i] == m)
			return;
	/* A cycle is a module met again on the chain of uses being gathered; a
	** module just parsed also has state 1, so the state alone cannot say. */
	for (const struct module *p = parent; p; p = p->used_by) {
		if (p == m) {
			struct diag *d = diag_report(s->diag, D_IMPORT_CYCLE, loc_of(from, use->span),
			                             "modules use each other in a circle: '%s' is already being loaded", m->name);
			for (const struct module *q = parent; q; q = q->used_by)
				diag_note(s->diag, d, no_loc, "'%s' is used by %s", q->name,
				          q->used_by ? q->used_by->name : "the terms file");
			return;
		}
	}
	m->used_by = parent;
	for (const struct node *n = m->file.items; n; n = n->next)
		if (n->kind != N_RULE && n->kind != N_USE)
			diag_report(s->diag, D_CONTEXT, loc_of(&m->src, n->span),
			            "a module may only hold `rule` and `use` items");
	gather_items(s, m->file.items, &m->src, m);
	VEC_PUSH(s->arena, s->gathered, m);
	m->used_by = NULL;
}

/* ==== compiling expressions ================================================ */

static struct expr *compile(struct sema *s, const struct node *n);
static void compile_rule(struct sema *s, struct rule *r);

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
	return c != COUNT_MEMBERS && c != COUNT_PRESENT && c != COUNT_CONFLICTED;
}

static int mask_index(struct sema *s, const struct node *n, uint64_t mask)
{
	struct terms *t = s->t;
	for (unsigned i = 0; i < t->n_masks; i++)
		if (t->masks[i] == mask)
			return (int)i;
	if (t->n_masks == TERMS_MAX_MASKS) {
		diag_report(s->diag, D_LIMIT, here(s, n), "more than %d different role lists in present(...) and members(...)",
		            TERMS_MAX_MASKS);
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
			            "'%s' has no meaning in a quorum rule, which is about attendance (use members, present or conflicted)",
			            ast_count_name(e->count));
	}
	if (!n->a)
		return e;
	if (e->count != COUNT_PRESENT && e->count != COUNT_MEMBERS) {
		diag_report(s->diag, D_CONTEXT, here(s, n), "only present(...) and members(...) take a list of roles");
		return e;
	}
	uint64_t mask = 0;
	for (const struct node *id = n->a; id; id = id->next) {
		int g = terms_find_group(s->t, id->text);
		if (g < 0)
			diag_report(s->diag, D_UNDEFINED, here(s, id), "no role or tag named '%s'", id->text);
		else
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
	struct rule_entry *re = find_rule(s, n->text);
	if (!re) {
		diag_report(s->diag, D_UNDEFINED, here(s, n), "no rule named '%s'%s", n->text,
		            s->cur_params ? " (and no parameter of that name)" : "");
		return NULL;
	}
	if (re->rule->n_params != n_args) {
		struct diag *d = diag_report(s->diag, D_ARITY, here(s, n), "rule '%s' takes %u argument%s, not %u",
		                             n->text, re->rule->n_params, re->rule->n_params == 1 ? "" : "s", n_args);
		diag_note(s->diag, d, loc_of(re->src, re->decl->span), "defined here");
		return NULL;
	}
	compile_rule(s, re->rule);
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
	if (attr && lit->kind == EX_CONST && lit->constant.type == VT_STR && strcmp(attr->attr, "kind") == 0) {
		for (size_t i = 0; i < s->kind_values.n; i++)
			if (strcmp(s->kind_values.items[i], lit->constant.u.str) == 0)
				return;
		VEC_PUSH(s->arena, s->kind_values, lit->constant.u.str);
	}
}

/* Does e depend on literals only, so that its value is known now?  Recursion
** is bounded by the parser's expression depth limit. */
static bool is_constant(const struct expr *e)
{
	switch (e->kind) {
	case EX_CONST:
		return true;
	case EX_UNARY: case EX_ROUND:
		return is_constant(e->a);
	case EX_BINARY:
		return is_constant(e->a) && is_constant(e->b);
	default: /* counts, attributes, parameters, rule calls, min/max */
		return false;
	}
}

/* Evaluate an expression of literals only (is_constant). */
static enum expr_status eval_constant(const struct expr *e, struct value *v, const struct expr **fault)
{
	struct counts none;
	memset(&none, 0, sizeof none);
	struct expr_env env = { &none, NULL, 0, NULL, NULL };
	return expr_eval(e, &env, v, fault);
}

/* The fraction before `of`, when it is a constant: 75%, but also 2/3 and
** 3/2, which are divisions and so not literals. */
static void check_fraction_of(struct sema *s, const struct node *n, const struct expr *frac)
{
	struct value v;
	const struct expr *fault = NULL;
	if (!is_constant(frac) || eval_constant(frac, &v, &fault) != EXPR_OK || v.type != VT_NUM)
		return;
	if (rat_cmp(v.u.num, rat_int(1)) > 0) {
		const char *text = s->cur_src->text + n->a->span.start;
		int len = (int)(n->a->span.end - n->a->span.start);
		struct diag *d = diag_report(s->diag, D_OVER_100, here(s, n->a),
		                             "'%.*s' is more than 100%%: no count can reach it",
		                             len > 40 ? 40 : len, text);
		diag_note(s->diag, d, no_loc, "a threshold is a fraction of its base from 0 to 1, e.g. 75%% or 2/3");
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
	if (!is_constant(e))
		return;
	enum expr_status st = eval_constant(e, &v, &fault);
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
		e = new_expr(s, EX_ATTR, n, VT_ANY);
		e->attr = n->text;
		if (strcmp(n->text, "financial") == 0 || strcmp(n->text, "amount") == 0 || strcmp(n->text, "kind") == 0)
			e->type = strcmp(n->text, "financial") == 0 ? VT_BOOL : strcmp(n->text, "amount") == 0 ? VT_NUM : VT_STR;
		if (strcmp(n->text, "kind") == 0)
			s->uses_kind = true;
		return e;
	case N_NAME:
		return compile_name(s, n, NULL);
	case N_CALL:
		return compile_name(s, n, n->a);
	case N_FUNC:
		return compile_func(s, n);
	case N_PAREN:
		return compile(s, n->a);
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
		if (n->op == 0) {
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
static struct expr *compile_condition(struct sema *s, const struct node *n, enum expr_ctx ctx, const char *what)
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

static void compile_rule(struct sema *s, struct rule *r)
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

/* ==== blocks ================================================================ */

static void check_quorum(struct sema *s, const struct node *n)
{
	struct terms *t = s->t;
	t->quorum_stated = true;
	t->quorum_clause = n->clause;
	t->quorum_title = n->a ? n->a->text : NULL;
	t->quorum = arena_array(s->arena, ast_list_len(n->b) + 1, sizeof *t->quorum);
	bool has_require = false; /* written, even if it did not compile */
	for (const struct node *it = n->b; it; it = it->next) {
		if (it->kind == N_TBA) {
			t->quorum_tba = true;
			tba(s, n, n->clause, "the quorum");
		} else if (it->kind == N_REQUIRE) {
			has_require = true;
			struct expr *e = compile_condition(s, it->a, CTX_QUORUM, "a quorum requirement");
			if (e)
				t->quorum[t->n_quorum++] = (struct requirement){ e, it, s->src };
		} else {
			diag_report(s->diag, D_CONTEXT, at_file(s, it), "a quorum block holds `require` lines (or `to be agreed`)");
		}
	}
	if (!t->quorum_tba && !has_require)
		diag_report(s->diag, D_MISSING, at_file(s, n), "the quorum block says nothing; write its `require` lines or `to be agreed`");
}

static bool setting_is(const struct node *v, const char *word)
{
	return strcmp(v->text, word) == 0;
}

static void check_setting(struct sema *s, const struct node *it)
{
	struct terms *t = s->t;
	const struct node *v = it->a;
	bool ok = true;
	if (strcmp(it->text, "vote") == 0) {
		ok = setting_is(v, "void") || setting_is(v, "allowed");
		t->conflict_vote = setting_is(v, "allowed") ? CONFLICT_VOTE_ALLOWED : CONFLICT_VOTE_VOID;
		t->conflict_vote_stated = true;
	} else if (strcmp(it->text, "quorum") == 0) {
		ok = setting_is(v, "excluded") || setting_is(v, "counted") || setting_is(v, "deemed present");
		t->conflict_quorum = setting_is(v, "counted") ? CONFLICT_QUORUM_COUNTED
		                   : setting_is(v, "deemed present") ? CONFLICT_QUORUM_DEEMED : CONFLICT_QUORUM_EXCLUDED;
		t->conflict_quorum_stated = true;
	} else {
		ok = setting_is(v, "yes") || setting_is(v, "no");
		t->conflict_leaves = setting_is(v, "yes");
		t->conflict_leaves_stated = true;
	}
	if (!ok)
		diag_report(s->diag, D_TYPE, at_file(s, v), "'conflicted %s:' must be %s, not '%s'", it->text,
		            strcmp(it->text, "vote") == 0 ? "void or allowed"
		            : strcmp(it->text, "quorum") == 0 ? "excluded, counted or deemed present" : "yes or no",
		            v->text);
}

static void check_interests(struct sema *s, const struct node *n)
{
	s->t->interests_stated = true;
	s->t->interests_clause = n->clause;
	const struct node *seen[3] = { NULL, NULL, NULL };
	for (const struct node *it = n->b; it; it = it->next) {
		if (it->kind == N_TBA) {
			tba(s, n, n->clause, "the handling of declared interests");
		} else if (it->kind == N_SETTING) {
			int k = strcmp(it->text, "vote") == 0 ? 0 : strcmp(it->text, "quorum") == 0 ? 1 : 2;
			if (first_of_kind(s, it, &seen[k], "this interests setting"))
				check_setting(s, it);
		} else {
			diag_report(s->diag, D_CONTEXT, at_file(s, it),
			            "an interests block holds `conflicted vote:`, `conflicted quorum:` and `conflicted leaves:`");
		}
	}
}

static void check_class(struct sema *s, const struct node *n, struct dclass *c)
{
	c->id = n->text;
	c->title = n->a ? n->a->text : NULL;
	c->clause = n->clause;
	c->decl = n;
	c->requires = arena_array(s->arena, ast_list_len(n->b) + 1, sizeof *c->requires);
	const struct node *when = NULL, *notice = NULL;
	bool has_require = false; /* written, even if it did not compile */
	for (const struct node *it = n->b; it; it = it->next) {
		switch (it->kind) {
		case N_WHEN:
			if (first_of_kind(s, it, &when, "the class condition (`when`)"))
				c->when = compile_condition(s, it->a, CTX_WHEN, "a class condition");
			break;
		case N_REQUIRE: {
			has_require = true;
			struct expr *e = compile_condition(s, it->a, CTX_REQUIRE, "a requirement");
			if (e)
				c->requires[c->n_requires++] = (struct requirement){ e, it, s->src };
			break;
		}
		case N_CLASS_NOTICE:
			if (first_of_kind(s, it, &notice, "the notice of this class") && duration_ok(s, it->a)) {
				c->has_notice = true;
				c->notice = it->a->v.dur;
				c->notice_clear = it->a->op == 1;
			}
			break;
		case N_TBA:
			c->tba = true;
			tba(s, n, n->clause, arena_printf(s->arena, "the rule for class '%s'", n->text));
			break;
		default:
			diag_report(s->diag, D_CONTEXT, at_file(s, it),
			            "a class holds `when`, `require`, `notice ... before` and `to be agreed`");
		}
	}
	if (!c->tba && !has_require)
		diag_report(s->diag, D_MISSING, name_loc(s, n),
		            "class '%s' has no `require`: every motion of this class would be carried", n->text);
}

static void check_virtual(struct sema *s, const struct node *n)
{
	struct terms *t = s->t;
	t->virtual_allowed = true;
	t->virtual_clause = n->clause;
	t->ratify_next_meeting = true;
	const struct node *seen = NULL;
	for (const struct node *it = n->b; it; it = it->next) {
		if (it->kind == N_TBA) {
			t->virtual_tba = true;
			tba(s, n, n->clause, "how decisions outside meetings are ratified");
		} else if (it->kind == N_RATIFY) {
			if (!first_of_kind(s, it, &seen, "ratification"))
				continue;
			if (it->a && duration_ok(s, it->a)) {
				t->ratify_next_meeting = false;
				t->ratify_within = it->a->v.dur;
			}
		} else {
			diag_report(s->diag, D_CONTEXT, at_file(s, it),
			            "a virtual block holds `ratify at next meeting` or `ratify within ...`");
		}
	}
}

/* ==== the items of a terms block ============================================ */

struct seen_items {
	const struct node *version, *effective, *review, *meets, *size, *quorum,
	                  *consensus, *casting, *interests, *virtual_, *papers, *minutes;
};

static void check_consensus(struct sema *s, const struct node *n)
{
	struct terms *t = s->t;
	t->consensus_stated = true;
	t->consensus_clause = n->clause;
	if (setting_is(n->a, "first"))
		t->consensus_allowed = true;
	else if (setting_is(n->a, "never") || setting_is(n->a, "none"))
		t->consensus_allowed = false;
	else
		diag_report(s->diag, D_TYPE, at_file(s, n->a), "`consensus` must be followed by `first` or `never`, not '%s'",
		            n->a->text);
}

static void check_size(struct sema *s, const struct node *n)
{
	struct terms *t = s->t;
	if (!n->a) {
		t->size_tba = true;
		tba(s, n, n->clause, "the size of the membership");
		return;
	}
	if (!rat_is_int(n->a->v.num) || !rat_is_int(n->b->v.num) || n->a->v.num.num > n->b->v.num.num) {
		diag_report(s->diag, D_TYPE, at_file(s, n), "`size` takes two whole numbers, the smaller first");
		return;
	}
	t->has_size = true;
	t->size_min = n->a->v.num.num;
	t->size_max = n->b->v.num.num;
}

static void check_item(struct sema *s, const struct node *n, struct seen_items *seen)
{
	struct terms *t = s->t;
	switch (n->kind) {
	case N_VERSION:
		if (first_of_kind(s, n, &seen->version, "the version"))
			t->version = n->a->text;
		break;
	case N_EFFECTIVE:
		if (first_of_kind(s, n, &seen->effective, "the effective date")) {
			t->has_effective = true;
			t->effective = n->a->v.date;
		}
		break;
	case N_REVIEW:
		if (first_of_kind(s, n, &seen->review, "the review period"))
			set_period(s, &t->review, n, "the review period");
		break;
	case N_MEETS:
		if (first_of_kind(s, n, &seen->meets, "how often the group meets"))
			set_period(s, &t->meets, n, "how often the group meets");
		break;
	case N_SIZE:
		if (first_of_kind(s, n, &seen->size, "the size"))
			check_size(s, n);
		break;
	case N_QUORUM: /* compiled once roles and rules are known */
		first_of_kind(s, n, &seen->quorum, "the quorum");
		break;
	case N_CONSENSUS:
		if (first_of_kind(s, n, &seen->consensus, "consensus"))
			check_consensus(s, n);
		break;
	case N_CASTING:
		if (first_of_kind(s, n, &seen->casting, "the casting vote")) {
			t->casting_stated = true;
			t->casting_chair = n->op == 1;
			t->casting_clause = n->clause;
		}
		break;
	case N_INTERESTS:
		if (first_of_kind(s, n, &seen->interests, "the interests block"))
			check_interests(s, n);
		break;
	case N_VIRTUAL:
		if (first_of_kind(s, n, &seen->virtual_, "the virtual block"))
			check_virtual(s, n);
		break;
	case N_NOTICE: {
		bool papers = strcmp(n->text, "papers") == 0;
		if (!first_of_kind(s, n, papers ? &seen->papers : &seen->minutes,
		                   papers ? "the notice for papers" : "the deadline for minutes"))
			break;
		set_period(s, papers ? &t->papers : &t->minutes, n,
		           papers ? "the notice for papers" : "the deadline for minutes");
		if (n->op == (papers ? 2 : 1))
			diag_report(s->diag, D_TYPE, at_file(s, n), papers ? "papers are sent before the meeting: write `before`"
			                                                    : "minutes are circulated after the meeting: write `after`");
		break;
	}
	default:
		break;
	}
}

/* ==== whole-file checks ===================================================== */

/* Counts for a meeting where the given members attend, nobody conflicted. */
static void full_meeting_counts(const struct terms *t, qdate day, bool use_day, struct counts *c)
{
	memset(c, 0, sizeof *c);
	for (unsigned i = 0; i < t->n_members; i++) {
		const struct member *m = &t->members[i];
		if (!m->voting || (use_day && !terms_member_active(m, day)))
			continue;
		c->n[COUNT_MEMBERS]++;
		c->n[COUNT_PRESENT]++;
		for (unsigned k = 0; k < t->n_masks; k++)
			if (m->groups & t->masks[k]) {
				c->members_by_mask[k]++;
				c->present_by_mask[k]++;
			}
	}
	c->n[COUNT_ELIGIBLE] = c->n[COUNT_PRESENT];
}

static void check_quorum_reachable(struct sema *s)
{
	struct terms *t = s->t;
	if (t->n_quorum == 0)
		return;
	struct counts c;
	full_meeting_counts(t, t->effective, t->has_effective, &c);
	struct expr_env env = { &c, NULL, 0, NULL, NULL };
	for (unsigned i = 0; i < t->n_quorum; i++) {
		bool met = false;
		const struct expr *fault = NULL;
		if (expr_test(t->quorum[i].cond, &env, &met, &fault) == EXPR_OK && !met) {
			struct diag *d = diag_report(s->diag, D_QUORUM_UNREACH, at_file(s, t->quorum[i].decl),
			                             "this quorum cannot be met even with every voting member present");
			diag_note(s->diag, d, no_loc, "%lld voting member%s on %s", (long long)c.n[COUNT_MEMBERS],
			          c.n[COUNT_MEMBERS] == 1 ? "" : "s", t->has_effective ? "the effective date" : "the roster");
		}
	}
}

static void check_roster_size(struct sema *s)
{
	struct terms *t = s->t;
	if (!t->has_size)
		return;
	struct counts c;
	full_meeting_counts(t, t->effective, t->has_effective, &c);
	int64_t n = c.n[COUNT_MEMBERS];
	if (n < t->size_min || n > t->size_max) {
		const struct node *size_decl = NULL;
		for (const struct node *it = t->decl->a; it; it = it->next)
			if (it->kind == N_SIZE)
				size_decl = it;
		diag_report(s->diag, D_ROSTER_SIZE, at_file(s, size_decl),
		            "%lld voting members%s, outside the size %lld to %lld",
		            (long long)n, t->has_effective ? " on the effective date" : "",
		            (long long)t->size_min, (long long)t->size_max);
	}
}

/*
** Class coverage: try every kind of motion the file distinguishes (financial
** or not, each `kind` it names and one it does not, each other flag it
** tests, and for each number it compares an attribute with, values just
** below, at and above it) and see which class each falls into.  The kinds
** are kept as the terms' motion profiles for explain and diff.
*/
#define COVERAGE_MAX_FLAGS 6
#define COVERAGE_MAX_NUMBERS 2
#define COVERAGE_MAX_VALUES 7
#define COVERAGE_MAX_PROFILES 1024

struct number_attr {
	const char *name;
	struct rat values[COVERAGE_MAX_VALUES];
	unsigned n_values;
};

/* The flags the classes test (financial only if some `when` does). */
static void gather_flags(struct sema *s, const char **flags, unsigned *n_flags)
{
	*n_flags = 0;
	for (size_t i = 0; i < s->bool_attrs.n && *n_flags < COVERAGE_MAX_FLAGS; i++) {
		bool dup = false;
		for (unsigned j = 0; j < *n_flags; j++)
			dup = dup || strcmp(flags[j], s->bool_attrs.items[i]) == 0;
		if (!dup)
			flags[(*n_flags)++] = s->bool_attrs.items[i];
	}
}

static void add_value(struct number_attr *na, struct rat v)
{
	for (unsigned i = 0; i < na->n_values; i++)
		if (rat_cmp(na->values[i], v) == 0)
			return;
	if (na->n_values < COVERAGE_MAX_VALUES)
		na->values[na->n_values++] = v;
}

/* For `motion.amount > 10000`: try 9999, 10000 and 10001. */
static unsigned gather_numbers(struct sema *s, struct number_attr *out)
{
	unsigned n = 0;
	for (size_t i = 0; i < s->number_uses.n; i++) {
		const struct number_use *u = &s->number_uses.items[i];
		unsigned k = 0;
		while (k < n && strcmp(out[k].name, u->name) != 0)
			k++;
		if (k == n) {
			if (n == COVERAGE_MAX_NUMBERS)
				continue;
			out[n].name = u->name;
			out[n].n_values = 0;
			n++;
		}
		struct rat below, above;
		if (rat_sub(u->value, rat_int(1), &below) == RAT_OK)
			add_value(&out[k], below);
		add_value(&out[k], u->value);
		if (rat_add(u->value, rat_int(1), &above) == RAT_OK)
			add_value(&out[k], above);
	}
	return n;
}

static const char *describe_profile(struct sema *s, const struct motion_profile *p, bool uses_kind)
{
	struct sbuf b;
	sbuf_init(&b, s->arena);
	const char *lead = "a motion";
	for (unsigned f = 0; f < p->n_attrs; f++)
		if (strcmp(p->attrs[f].name, "financial") == 0)
			lead = p->attrs[f].value.u.boolean ? "a financial motion" : "a motion with no financial implication";
	sbuf_add(&b, lead);
	for (unsigned f = 0; f < p->n_attrs; f++) {
		const struct attr *a = &p->attrs[f];
		if (strcmp(a->name, "financial") == 0)
			continue;
		char buf[RAT_FMT_MAX];
		if (a->value.type == VT_STR) {
			if (a->value.u.str[0])
				sbuf_addf(&b, ", of kind \"%s\"", a->value.u.str);
			else if (uses_kind)
				sbuf_add(&b, ", of any other kind");
		} else if (a->value.type == VT_NUM) {
			sbuf_addf(&b, ", %s %s", a->name, rat_format(a->value.u.num, buf, sizeof buf));
		} else {
			sbuf_addf(&b, ", %s%s", a->value.u.boolean ? "" : "not ", a->name);
		}
	}
	return sbuf_str(&b);
}

static const struct dclass *profile_class(const struct terms *t, const struct motion_profile *p, bool *undetermined,
                                          unsigned *stopped_at)
{
	struct counts c;
	full_meeting_counts(t, t->effective, t->has_effective, &c);
	struct expr_env env = { &c, p->attrs, p->n_attrs, NULL, NULL };
	const struct dclass *cls;
	const struct expr *fault;
	/* a failure: it needs an attribute we did not invent */
	*undetermined = expr_select_class(t, &env, &cls, &fault) != EXPR_OK;
	if (*undetermined) {
		*stopped_at = (unsigned)(cls - t->classes);
		return NULL;
	}
	return cls;
}

/* Fill profile p for combination `index` of the enumerated values. */
static void make_profile(struct motion_profile *p, const char **flags, unsigned n_flags, const char *kind,
                         const struct number_attr *numbers, unsigned n_numbers, size_t index)
{
	memset(p, 0, sizeof *p);
	for (unsigned f = 0; f < n_flags; f++, index >>= 1)
		p->attrs[p->n_attrs++] = (struct attr){ flags[f], { .type = VT_BOOL, .u.boolean = index & 1 } };
	p->attrs[p->n_attrs++] = (struct attr){ "kind", { .type = VT_STR, .u.str = kind } };
	for (unsigned k = 0; k < n_numbers; k++) {
		unsigned v = (unsigned)(index % numbers[k].n_values);
		index /= numbers[k].n_values;
		p->attrs[p->n_attrs++] = (struct attr){ numbers[k].name, { .type = VT_NUM, .u.num = numbers[k].values[v] } };
	}
}

static void check_class_coverage(struct sema *s)
{
	struct terms *t = s->t;
	if (t->n_classes == 0)
		return;
	const char *flags[COVERAGE_MAX_FLAGS];
	unsigned n_flags;
	gather_flags(s, flags, &n_flags);
	struct number_attr numbers[COVERAGE_MAX_NUMBERS];
	unsigned n_numbers = gather_numbers(s, numbers);
	size_t per_kind = (size_t)1 << n_flags;
	for (unsigned k = 0; k < n_numbers; k++)
		per_kind *= numbers[k].n_values;
	size_t n_kinds = s->kind_values.n + 1; /* the last: a kind the file does not name */
	size_t total = per_kind * n_kinds;
	if (total > COVERAGE_MAX_PROFILES)
		total = COVERAGE_MAX_PROFILES;
	t->profiles = arena_array(s->arena, total, sizeof *t->profiles);
	bool *chosen = arena_array(s->arena, t->n_classes, sizeof *chosen);
	bool *maybe = arena_array(s->arena, t->n_classes, sizeof *maybe);
	unsigned reported = 0;
	for (size_t i = 0; i < total; i++) {
		size_t k = i / per_kind;
		struct motion_profile *p = &t->profiles[t->n_profiles];
		make_profile(p, flags, n_flags, k < s->kind_values.n ? s->kind_values.items[k] : "", numbers, n_numbers,
		             i % per_kind);
		bool undetermined;
		unsigned stopped_at = 0;
		p->cls = profile_class(t, p, &undetermined, &stopped_at);
		if (undetermined) {
			/* that class, and any after it, may yet apply: never call
			** them unreachable */
			for (unsigned c = stopped_at; c < t->n_classes; c++)
				maybe[c] = true;
			continue; /* not kept */
		}
		p->description = describe_profile(s, p, s->uses_kind);
		t->n_profiles++;
		if (p->cls) {
			chosen[p->cls - t->classes] = true;
		} else if (reported++ < 4) {
			struct diag *d = diag_report(s->diag, D_CLASS_UNCOVERED, at_file(s, t->classes[t->n_classes - 1].decl),
			                             "no class applies to %s", p->description);
			diag_note(s->diag, d, no_loc, "classes are tried in order; add a class for it, or a last class without `when`");
		}
	}
	for (unsigned i = 0; i < t->n_classes; i++)
		if (!chosen[i] && !maybe[i])
			diag_report(s->diag, D_CLASS_UNREACH, loc_of(s->src, t->classes[i].decl->text_span),
			            "class '%s' never applies: for every kind of motion, an earlier class matches first",
			            t->classes[i].id);
}

/* Is e the constant 1/2 (written 50%, half, 0.5, or 1/2, which is a
** division and so not a literal)? */
static bool is_half(const struct expr *e)
{
	struct value v;
	const struct expr *fault = NULL;
	return is_constant(e) && eval_constant(e, &v, &fault) == EXPR_OK && v.type == VT_NUM &&
	       v.u.num.num == 1 && v.u.num.den == 2;
}

static bool is_one(const struct expr *e)
{
	return e->kind == EX_CONST && e->constant.type == VT_NUM && rat_cmp(e->constant.u.num, rat_int(1)) == 0;
}

/* The count in `50% of COUNT + 1` (either order of the sum), or NULL. */
static const struct expr *fifty_plus_one_base(const struct expr *e)
{
	if (e->kind != EX_BINARY || e->op != OP_ADD)
		return NULL;
	const struct expr *of = is_one(e->b) ? e->a : is_one(e->a) ? e->b : NULL;
	if (!of || of->kind != EX_BINARY || of->op != OP_OF || !is_half(of->a) || of->b->kind != EX_COUNT)
		return NULL;
	return of->b;
}

/* A comparison anywhere in e (and in the rules it calls) against "50% + 1". */
static const struct expr *find_fifty_plus_one(const struct expr *e, unsigned depth, const struct expr **base)
{
	if (!e || depth > PARSE_MAX_EXPR_DEPTH)
		return NULL;
	if (e->kind == EX_BINARY && expr_is_comparison(e->op)) {
		*base = fifty_plus_one_base(e->b) ? fifty_plus_one_base(e->b) : fifty_plus_one_base(e->a);
		if (*base)
			return e;
	}
	const struct expr *found = NULL;
	if (e->a && (found = find_fifty_plus_one(e->a, depth + 1, base)))
		return found;
	if (e->b && (found = find_fifty_plus_one(e->b, depth + 1, base)))
		return found;
	for (unsigned i = 0; i < e->n_args && !found; i++)
		found = find_fifty_plus_one(e->args[i], depth + 1, base);
	if (!found && e->kind == EX_CALL && e->rule->body)
		found = find_fifty_plus_one(e->rule->body, depth + 1, base);
	return found;
}

/* Warn about `yes >= 50% of cast + 1`, the literal "50% + 1" (language.md),
** however it is written: either side, inside `and`, or in a rule. */
static void check_fifty_plus_one(struct sema *s, const struct requirement *r)
{
	const struct expr *base = NULL;
	const struct expr *cmp = find_fifty_plus_one(r->cond, 0, &base);
	if (!cmp)
		return;
	const char *count = ast_count_name(base->count);
	struct diag *d = diag_report(s->diag, D_FIFTY_PLUS_ONE, at_file(s, r->decl->a),
	                             "\"50%% + 1\" read literally needs one more than a majority when %s is odd", count);
	if (cmp->file != s->src)
		diag_note(s->diag, d, loc_of(cmp->file, cmp->src->span), "the rule that says it");
	/* the numbers for an odd base this body can have */
	struct counts c;
	full_meeting_counts(s->t, s->t->effective, s->t->has_effective, &c);
	int64_t n = c.n[COUNT_MEMBERS] % 2 ? c.n[COUNT_MEMBERS] : c.n[COUNT_MEMBERS] - 1;
	if (n < 3)
		n = 11;
	diag_note(s->diag, d, no_loc, "with %lld %s it needs %lld (%lld.5 + 1 = %lld.5, rounded up), although %lld is already more than half",
	          (long long)n, count, (long long)(n + 3) / 2, (long long)n / 2, (long long)n / 2 + 1, (long long)(n + 1) / 2);
	/* In a quorum rule the left side is `present`, not `yes`. */
	const struct expr *lhs = cmp->a->kind == EX_COUNT ? cmp->a : cmp->b->kind == EX_COUNT ? cmp->b : NULL;
	diag_note(s->diag, d, no_loc, "if a simple majority is meant, write: %s > half of %s",
	          lhs ? ast_count_name(lhs->count) : "yes", count);
}

/*
** A class whose rules are met with no votes in favour at all carries a motion
** nobody supported: `yes >= cast` when everyone abstains is 0 >= 0.  (A
** fraction of an empty base is never met, but a bare count is.)
*/
static void check_empty_base(struct sema *s)
{
	const struct terms *t = s->t;
	struct counts c;
	full_meeting_counts(t, t->effective, t->has_effective, &c);
	int64_t n = c.n[COUNT_PRESENT];
	c.n[COUNT_ABSTAIN] = c.n[COUNT_VOTES] = n; /* everyone present abstains */
	for (unsigned i = 0; i < t->n_classes; i++) {
		const struct dclass *cl = &t->classes[i];
		const struct motion_profile *p = NULL;
		for (unsigned k = 0; k < t->n_profiles && !p; k++)
			if (t->profiles[k].cls == cl)
				p = &t->profiles[k];
		if (!p || cl->n_requires == 0 || n == 0)
			continue;
		struct expr_env env = { &c, p->attrs, p->n_attrs, NULL, NULL };
		bool all = true;
		for (unsigned k = 0; k < cl->n_requires && all; k++) {
			bool met = false;
			const struct expr *fault;
			all = expr_test(cl->requires[k].cond, &env, &met, &fault) == EXPR_OK && met;
		}
		if (all) {
			struct diag *d = diag_report(s->diag, D_EMPTY_BASE, loc_of(s->src, cl->decl->text_span),
			                             "class '%s' carries a motion with no votes in favour: with all %lld present abstaining, every requirement is met",
			                             cl->id, (long long)n);
			diag_note(s->diag, d, no_loc, "a fraction of a count (`yes >= 3/4 of cast`) is never met over an empty base; a bare count (`yes >= cast`) is");
		}
	}
}

static void note_defaults(struct sema *s)
{
	struct terms *t = s->t;
	struct loc l = loc_of(s->src, t->decl->text_span);
	if (!t->consensus_stated)
		diag_report(s->diag, D_DEFAULT, l, "consensus is not mentioned: every decision needs a vote (write `consensus first` to allow it)");
	if (!t->casting_stated)
		diag_report(s->diag, D_DEFAULT, l, "no casting vote is mentioned: a tie is not carried (write `casting vote chair` or `casting vote none`)");
	if (!t->conflict_vote_stated)
		diag_report(s->diag, D_DEFAULT, l, "the votes of members who declared an interest are void (default of `conflicted vote:`)");
	if (!t->conflict_quorum_stated)
		diag_report(s->diag, D_DEFAULT, l, "members who declared an interest do not count towards the quorum for that item (default of `conflicted quorum:`)");
	if (!t->conflict_leaves_stated)
		diag_report(s->diag, D_DEFAULT, l, "members who declared an interest need not leave the room (default of `conflicted leaves:`)");
}

static void check_required(struct sema *s)
{
	struct terms *t = s->t;
	struct loc l = loc_of(s->src, t->decl->text_span);
	if (!t->has_effective)
		diag_report(s->diag, D_MISSING, l, "the terms have no `effective` date, so no meeting can be matched to them");
	if (!t->quorum_stated)
		diag_report(s->diag, D_MISSING, l, "the terms have no `quorum` block (write `quorum { to be agreed }` if it is not yet decided)");
	if (t->n_classes == 0)
		diag_report(s->diag, D_MISSING, l, "the terms have no `class` of decision, so no motion can be decided");
}

/* ==== examples ================================================================= */

static void check_names(struct sema *s, const struct node *ids, const char *example)
{
	for (const struct node *id = ids; id; id = id->next)
		if (id->kind == N_IDENT && terms_find_member(s->t, id->text) < 0)
			diag_report(s->diag, D_UNDEFINED, at_file(s, id), "no member named '%s' (in example \"%s\")", id->text,
			            example);
}

static bool expects_something(const struct node *items)
{
	for (const struct node *it = items; it; it = it->next)
		if (it->kind == N_MOTION)
			for (const struct node *m = it->c; m; m = m->next)
				if (m->kind == N_EXPECT)
					return true;
	return false;
}

/* The names in an example must be members; `quorate test` runs it. */
static void check_example(struct sema *s, const struct node *ex)
{
	const char *title = ex->a->text;
	for (const struct node *it = ex->c; it; it = it->next) {
		switch (it->kind) {
		case N_PRESENT: case N_APOLOGIES: case N_ATTENDING: case N_ARRIVES: case N_LEAVES: case N_CHAIR:
			check_names(s, it->a, title);
			break;
		case N_MOTION:
			for (const struct node *m = it->c; m; m = m->next)
				if (m->kind == N_VOTES || m->kind == N_INTEREST || m->kind == N_OBJECTION || m->kind == N_CHAIR)
					check_names(s, m->a, title);
			break;
		case N_TERMS_REF: case N_PAPERS: case N_MINUTES: default:
			break;
		}
	}
	if (!expects_something(ex->c))
		diag_report(s->diag, D_MISSING, at_file(s, ex),
		            "example \"%s\" expects nothing: write `expect carried` (or another outcome) in its motions", title);
}

/* ==== entry point =========================================================== */

static void init_terms(struct sema *s, const struct node *n)
{
	struct terms *t = arena_alloc(s->arena, sizeof *t);
	s->t = t;
	t->name = n->text;
	t->decl = n;
	t->src = s->src;
	t->groups = arena_array(s->arena, TERMS_MAX_GROUPS, sizeof *t->groups);
	size_t n_members = 0, n_classes = 0, n_examples = 0;
	for (const struct node *it = n->a; it; it = it->next) {
		n_members += it->kind == N_MEMBER;
		n_classes += it->kind == N_CLASS;
		n_examples += it->kind == N_EXAMPLE;
	}
	t->members = arena_array(s->arena, n_members + 1, sizeof *t->members);
	t->classes = arena_array(s->arena, n_classes + 1, sizeof *t->classes);
	t->examples = arena_array(s->arena, n_examples + 1, sizeof *t->examples);
	/* Defaults: docs/reference.md#defaults */
	t->conflict_vote = CONFLICT_VOTE_VOID;
	t->conflict_quorum = CONFLICT_QUORUM_EXCLUDED;
	t->conflict_leaves = false;
}

static void check_classes(struct sema *s, const struct node *items)
{
	struct terms *t = s->t;
	for (const struct node *n = items; n; n = n->next) {
		if (n->kind != N_CLASS)
			continue;
		const struct dclass *prev = terms_find_class(t, n->text);
		if (prev) {
			struct diag *d = diag_report(s->diag, D_DUPLICATE, name_loc(s, n), "class '%s' is defined twice", n->text);
			diag_note(s->diag, d, name_loc(s, prev->decl), "first defined here");
			continue;
		}
		check_class(s, n, &t->classes[t->n_classes++]);
	}
}

static void compile_all_rules(struct sema *s)
{
	/* Rules never called are still checked, so a typo in one is found. */
	for (size_t i = 0; i < s->rules.n; i++)
		compile_rule(s, s->rules.items[i].rule);
	struct terms *t = s->t;
	t->n_rules = (unsigned)s->rules.n;
	t->rules = arena_array(s->arena, s->rules.n + 1, sizeof *t->rules);
	for (size_t i = 0; i < s->rules.n; i++)
		t->rules[i] = *s->rules.items[i].rule;
}

struct terms *sema_terms(struct arena *a, struct diag_sink *diag, struct loader *ld,
                         const struct node *terms_node, const struct source *src)
{
	struct sema s = { 0 };
	s.arena = a;
	s.diag = diag;
	s.ld = ld;
	s.src = src;
	s.cur_src = src;
	s.errors_before = diag->n_errors;
	init_terms(&s, terms_node);
	struct terms *t = s.t;

	struct seen_items seen = { 0 };
	for (const struct node *n = terms_node->a; n; n = n->next) {
		check_item(&s, n, &seen);
		if (n->kind == N_EXAMPLE)
			t->examples[t->n_examples++] = n;
	}
	check_roles(&s, terms_node->a);
	check_members(&s, terms_node->a);
	gather_items(&s, terms_node->a, src, NULL);
	compile_all_rules(&s);
	if (seen.quorum)
		check_quorum(&s, seen.quorum);
	check_classes(&s, terms_node->a);
	check_required(&s);
	for (unsigned i = 0; i < t->n_examples; i++)
		check_example(&s, t->examples[i]);

	if (diag->n_errors == s.errors_before) {
		check_quorum_reachable(&s);
		check_roster_size(&s);
		check_class_coverage(&s);
		/* "50% + 1 of members" is as common in quorum clauses as in votes. */
		for (unsigned k = 0; k < t->n_quorum; k++)
			check_fifty_plus_one(&s, &t->quorum[k]);
		for (unsigned i = 0; i < t->n_classes; i++)
			for (unsigned k = 0; k < t->classes[i].n_requires; k++)
				check_fifty_plus_one(&s, &t->classes[i].requires[k]);
		check_empty_base(&s);
		note_defaults(&s);
	}
	return diag->n_errors == s.errors_before ? t : NULL;
}

/* ==== lookups =============================================================== */

bool terms_member_active(const struct member *m, qdate d)
{
	return (!m->has_from || d >= m->from) && (!m->has_until || d <= m->until);
}

int terms_find_member(const struct terms *t, const char *id)
{
	for (unsigned i = 0; i < t->n_members; i++)
		if (strcmp(t->members[i].id, id) == 0)
			return (int)i;
	return -1;
}

int terms_find_group(const struct terms *t, const char *id)
{
	for (unsigned i = 0; i < t->n_groups; i++)
		if (strcmp(t->groups[i].id, id) == 0)
			return (int)i;
	return -1;
}

const struct dclass *terms_find_class(const struct terms *t, const char *id)
{
	for (unsigned i = 0; i < t->n_classes; i++)
		if (strcmp(t->classes[i].id, id) == 0)
			return &t->classes[i];
	return NULL;
}

/* A module on its own (`quorate check std/majorities.tor`): its rules. */
unsigned sema_module(struct arena *a, struct diag_sink *diag, struct loader *ld, const struct ast_file *file)
{
	struct sema s = { 0 };
	s.arena = a;
	s.diag = diag;
	s.ld = ld;
	s.src = file->src;
	s.cur_src = file->src;
	s.errors_before = diag->n_errors;
	s.t = arena_alloc(a, sizeof *s.t);
	s.t->groups = arena_array(a, TERMS_MAX_GROUPS, sizeof *s.t->groups);
	for (const struct node *n = file->items; n; n = n->next)
		if (n->kind != N_RULE && n->kind != N_USE)
			diag_report(diag, D_CONTEXT, loc_of(file->src, n->span), "a module may only hold `rule` and `use` items");
	gather_items(&s, file->items, file->src, NULL);
	compile_all_rules(&s);
	return diag->n_errors - s.errors_before;
}

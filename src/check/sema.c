/*
** sema: checking a terms block and building struct terms.  See sema.h.
**
** The passes, in order: settings (each said at most once), roles and members
** (groups, rosters), rules (gathered from the file and every module it uses,
** compiled on first use so cycles are found), quorum and classes (compiled in
** their contexts), then the whole-file checks that need a compiled model.
** This file holds the entry points and the gathering of rules; items.c,
** compile.c and lint.c the passes (sema_int.h says what they share).
*/
#include "check/sema_int.h"

#include <string.h>


/* ==== rules ================================================================ */

struct rule_entry *sema_find_rule(struct sema *s, const char *name)
{
	for (size_t i = 0; i < s->rules.n; i++)
		if (strcmp(s->rules.items[i].rule->name, name) == 0)
			return &s->rules.items[i];
	return NULL;
}

struct diag *sema_unknown(struct sema *s, struct loc loc, const struct spell *spell, const char *message)
{
	if (!spell->best)
		return diag_report(s->diag, D_UNDEFINED, loc, "%s", message);
	struct diag *d = diag_report(s->diag, D_UNDEFINED, loc, "%s; did you mean '%s'?", message, spell->best);
	diag_fixit(s->diag, d, loc, spell->best);
	return d;
}

static void add_rule(struct sema *s, const struct node *n, const struct source *src)
{
	struct rule_entry *prev = sema_find_rule(s, n->text);
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
				diag_note(s->diag, d, NO_LOC, "'%s' is used by %s", q->name,
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
	terms_index_init(t, s->arena, n_members < TERMS_MAX_MEMBERS ? n_members : TERMS_MAX_MEMBERS);
	t->classes = arena_array(s->arena, n_classes + 1, sizeof *t->classes);
	t->examples = arena_array(s->arena, n_examples + 1, sizeof *t->examples);
	/* Defaults: docs/reference.md#defaults */
	t->conflict_vote = CONFLICT_VOTE_VOID;
	t->conflict_quorum = CONFLICT_QUORUM_EXCLUDED;
	t->conflict_leaves = false;
}

static void compile_all_rules(struct sema *s)
{
	/* Rules never called are still checked, so a typo in one is found. */
	for (size_t i = 0; i < s->rules.n; i++)
		sema_compile_rule(s, s->rules.items[i].rule);
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
		sema_check_item(&s, n, &seen);
		if (n->kind == N_EXAMPLE)
			t->examples[t->n_examples++] = n;
	}
	sema_check_roles(&s, terms_node->a);
	sema_check_members(&s, terms_node->a);
	if (seen.maps)
		sema_check_maps(&s, seen.maps);
	sema_check_deputies(&s);
	gather_items(&s, terms_node->a, src, NULL);
	compile_all_rules(&s);
	if (seen.quorum)
		sema_check_quorum(&s, seen.quorum);
	if (seen.chaired)
		sema_check_chair(&s, seen.chaired);
	sema_check_classes(&s, terms_node->a);
	sema_check_required(&s);
	for (unsigned i = 0; i < t->n_examples; i++)
		sema_check_example(&s, t->examples[i]);

	/* Kinds of number, then the whole-file checks, on a file that compiled */
	if (diag->n_errors == s.errors_before)
		sema_check_dims(&s);
	if (diag->n_errors == s.errors_before)
		sema_lint(&s);
	return diag->n_errors == s.errors_before ? t : NULL;
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
	if (diag->n_errors == s.errors_before)
		sema_check_dims(&s);
	return diag->n_errors - s.errors_before;
}

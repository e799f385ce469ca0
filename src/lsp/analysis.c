/*
** analysis: checking, judging and indexing one document.  See analysis.h.
*/
#define _XOPEN_SOURCE 700 /* realpath */

#include "lsp/analysis.h"

#include <dirent.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/sbuf.h"
#include "base/sort.h"
#include "check/sema.h"
#include "front/parse.h"

/* Deepest expression or module chain the index walks (the parser bounds
** expressions already; this keeps the walk safe on its own). */
#define INDEX_MAX_DEPTH 200

const char *name_kind_word(enum name_kind k)
{
	static const char *const words[NAME__COUNT] = {
		"role", "tag", "member", "rule", "parameter", "class", "module", "body"
	};
	return k < NAME__COUNT ? words[k] : "name";
}

/* ---- problems -------------------------------------------------------------------- */

static struct an_diag *add_problem(struct analysis *an, struct loc loc, int severity, const char *code,
                                   const char *msg)
{
	struct an_diag d = { loc, severity, code, msg, { NULL, 0, 0 }, NULL };
	VEC_PUSH(an->arena, an->problems, d);
	return &an->problems.items[an->problems.n - 1];
}

static void add_related(struct analysis *an, struct an_diag *d, struct loc loc, const char *msg)
{
	struct an_related r = { loc, msg };
	VEC_PUSH(an->arena, d->related, r);
}

static int severity_of_diag(enum diag_severity s)
{
	return s == DIAG_ERROR ? 1 : s == DIAG_WARNING ? 2 : 3;
}

/* The front end's diagnostics.  One about another file (a module the
** document uses) is shown at the start of the document, pointing there. */
static void take_diagnostics(struct analysis *an)
{
	diag_sort(&an->diag);
	for (size_t i = 0; i < an->diag.items.n; i++) {
		const struct diag *dg = &an->diag.items.items[i];
		bool here = dg->loc.src == &an->src || dg->loc.src == NULL;
		struct loc at = here ? dg->loc : (struct loc){ &an->src, 0, 0 };
		const char *msg = dg->msg;
		for (const struct diag_note *n = dg->notes; n; n = n->next)
			if (!n->loc.src)
				msg = arena_printf(an->arena, "%s\n%s", msg, n->msg);
		struct an_diag *d = add_problem(an, at, severity_of_diag(dg->sev), diag_code_name(dg->code), msg);
		if (dg->fixit && dg->fixit->loc.src == &an->src)
			d->fixit = dg->fixit;
		if (!here)
			add_related(an, d, dg->loc, "here");
		for (const struct diag_note *n = dg->notes; n; n = n->next)
			if (n->loc.src)
				add_related(an, d, n->loc, n->msg);
	}
}

static int severity_of_finding(enum finding_severity s)
{
	return s == SEV_ERROR || s == SEV_BREACH ? 1 : s == SEV_WARNING ? 2 : 3;
}

static void take_findings(struct analysis *an, const struct finding_list *fl, struct loc fallback)
{
	for (const struct finding *f = fl->first; f; f = f->next) {
		struct loc at = f->where.src == &an->src ? f->where : fallback;
		const char *msg = f->clause ? arena_printf(an->arena, "§%s: %s", f->clause, f->message) : f->message;
		struct an_diag *d = add_problem(an, at, severity_of_finding(f->sev), finding_code_name(f->code), msg);
		if (f->rule.src)
			add_related(an, d, f->rule, f->clause ? arena_printf(an->arena, "the rule of §%s", f->clause)
			                                       : "the rule");
	}
}

/* ---- a record's terms -------------------------------------------------------------- */

/* One terms block found for a record. */
struct candidate {
	const char *path;
	const struct source *src;
	const struct node *node;     /* N_TERMS */
	const struct terms *terms;   /* NULL: it has errors */
	struct diag_sink *diag;      /* its file's diagnostics */
	bool has_effective;
	qdate effective;
};

struct candidates {
	VEC(struct candidate) items;
	VEC(const char *) dirs;      /* searched, for the message when none is found */
};

static int compare_names(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static bool ends_with(const char *s, const char *tail)
{
	size_t n = strlen(s), m = strlen(tail);
	return n >= m && strcmp(s + n - m, tail) == 0;
}

/* The effective date as written, for a block that did not check. */
static bool written_effective(const struct node *terms, qdate *d)
{
	for (const struct node *n = terms->a; n; n = n->next)
		if (n->kind == N_EFFECTIVE && n->a && n->a->kind == N_DATE) {
			*d = n->a->v.date;
			return true;
		}
	return false;
}

static void load_candidate_file(struct analysis *an, const struct analysis_env *env, struct candidates *cs,
                                const char *path)
{
	struct source *src = arena_alloc(an->arena, sizeof *src);
	size_t len = 0;
	const char *text = env->open_text ? env->open_text(env->open_ctx, path, &len) : NULL;
	const char *why = NULL;
	if (text)
		source_from_memory(src, an->arena, path, text, len);
	else if (source_load(src, an->arena, path, &why) != 0)
		return; /* unreadable: as if absent (replay reports it; an editor need not) */
	/* its own diagnostics and loader: its problems are not the record's */
	struct diag_sink *diag = arena_alloc(an->arena, sizeof *diag);
	diag_init(diag, an->arena);
	struct loader *ld = arena_alloc(an->arena, sizeof *ld);
	loader_init(ld, an->arena, diag, env->module_dirs, env->n_module_dirs);
	struct ast_file file;
	if (parse_file(an->arena, diag, src, &file) != 0) {
		for (const struct node *n = file.items; n; n = n->next)
			if (n->kind == N_TERMS) {
				struct candidate c = { path, src, n, NULL, diag, false, 0 };
				c.has_effective = written_effective(n, &c.effective);
				VEC_PUSH(an->arena, cs->items, c);
			}
		return;
	}
	for (const struct node *n = file.items; n; n = n->next) {
		if (n->kind != N_TERMS)
			continue;
		unsigned errors = diag->n_errors;
		const struct terms *t = sema_terms(an->arena, diag, ld, n, src);
		struct candidate c = { path, src, n, diag->n_errors > errors ? NULL : t, diag, false, 0 };
		c.has_effective = t ? t->has_effective : written_effective(n, &c.effective);
		if (t)
			c.effective = t->effective;
		VEC_PUSH(an->arena, cs->items, c);
	}
}

static void load_candidate_dir(struct analysis *an, const struct analysis_env *env, struct candidates *cs,
                               const char *dir)
{
	char real[PATH_MAX];
	if (!realpath(dir, real))
		return;
	for (size_t i = 0; i < cs->dirs.n; i++)
		if (strcmp(cs->dirs.items[i], real) == 0)
			return; /* the same folder twice (the record's folder is on QUORATE_PATH) */
	VEC_PUSH(an->arena, cs->dirs, arena_strdup(an->arena, real));
	DIR *d = opendir(real);
	if (!d)
		return;
	VEC(const char *) names = { NULL, 0, 0 };
	for (struct dirent *e = readdir(d); e && names.n < ANALYSIS_MAX_TERMS_FILES; e = readdir(d))
		if (e->d_name[0] != '.' && ends_with(e->d_name, ".tor"))
			VEC_PUSH(an->arena, names, arena_strdup(an->arena, e->d_name));
	closedir(d);
	if (names.n)
		sort_array(names.items, names.n, sizeof *names.items, compare_names);
	for (size_t i = 0; i < names.n; i++) {
		const char *path = strcmp(real, "/") == 0 ? arena_printf(an->arena, "/%s", names.items[i])
		                                           : arena_printf(an->arena, "%s/%s", real, names.items[i]);
		struct stat st;
		if (stat(path, &st) == 0 && S_ISREG(st.st_mode))
			load_candidate_file(an, env, cs, path);
	}
}

static const char *dir_of(struct arena *a, const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return ".";
	if (slash == path)
		return "/";
	return arena_strndup(a, path, (size_t)(slash - path));
}

/* Terms files beside the record, in the folder above, on QUORATE_PATH. */
static void gather_candidates(struct analysis *an, const struct analysis_env *env, struct candidates *cs)
{
	if (an->path) {
		const char *here = dir_of(an->arena, an->path);
		load_candidate_dir(an, env, cs, here);
		load_candidate_dir(an, env, cs, arena_printf(an->arena, "%s/..", here));
	}
	for (unsigned i = 0; i < env->n_terms_dirs; i++)
		load_candidate_dir(an, env, cs, env->terms_dirs[i]);
}

/* The version in force on the meeting's date, as replay chooses it: the
** latest effective on or before that date, of the body the record names
** (or of the only body found, when it names none). */
static const struct candidate *choose(const struct candidates *cs, const struct meeting *m, const char **body)
{
	*body = m->terms_name;
	if (!*body) {
		for (size_t i = 0; i < cs->items.n; i++) {
			const char *name = cs->items.items[i].node->text;
			if (*body && strcmp(*body, name) != 0)
				return NULL; /* two bodies: the record must say which */
			*body = name;
		}
		if (!*body)
			return NULL;
	}
	const struct candidate *best = NULL;
	for (size_t i = 0; i < cs->items.n; i++) {
		const struct candidate *c = &cs->items.items[i];
		if (strcmp(c->node->text, *body) != 0 || !c->has_effective || c->effective > m->date)
			continue;
		if (!best || c->effective > best->effective)
			best = c;
	}
	return best;
}

static void report_no_terms(struct analysis *an, const struct candidates *cs, const struct meeting *m,
                            const char *body, struct loc at)
{
	struct sbuf b;
	sbuf_init(&b, an->arena);
	char d[DATE_FMT_MAX];
	if (body)
		sbuf_addf(&b, "no terms of \"%s\" in force on %s found", body, date_format(m->date, d));
	else
		sbuf_add(&b, "no terms found for this record (it does not say which body's: write `terms \"NAME\"`)");
	sbuf_add(&b, ", so the meeting is not judged");
	if (cs->dirs.n == 0)
		sbuf_add(&b, ": the document is not a saved file, and QUORATE_PATH names no folder of terms");
	else
		sbuf_add(&b, "; looked for terms files beside the record, in the folder above and on QUORATE_PATH:");
	for (size_t i = 0; i < cs->dirs.n; i++)
		sbuf_addf(&b, "%s %s", i ? "," : "", cs->dirs.items[i]);
	add_problem(an, at, 2, finding_code_name(F_NO_TERMS), sbuf_str(&b));
}

static void report_bad_terms(struct analysis *an, const struct candidate *c, struct loc at)
{
	struct an_diag *d = add_problem(an, at, 1, diag_code_name(D_INPUT),
	                                arena_printf(an->arena, "the terms in force for this meeting (%s) have errors, "
	                                             "so the meeting is not judged", c->path));
	unsigned shown = 0;
	for (size_t i = 0; i < c->diag->items.n && shown < 5; i++) {
		const struct diag *dg = &c->diag->items.items[i];
		if (dg->sev == DIAG_ERROR && dg->loc.src) {
			add_related(an, d, dg->loc, dg->msg);
			shown++;
		}
	}
}

static void judge_meetings(struct analysis *an, const struct analysis_env *env)
{
	struct candidates cs = { { NULL, 0, 0 }, { NULL, 0, 0 } };
	bool gathered = false;
	for (const struct node *n = an->file.items; n; n = n->next) {
		if (n->kind != N_MEETING)
			continue;
		unsigned errors = an->diag.n_errors;
		const struct meeting *m = minutes_from_ast(an->arena, &an->diag, n, &an->src);
		if (!m || an->diag.n_errors > errors)
			continue; /* as eval: a malformed record is not judged */
		if (!gathered) {
			gather_candidates(an, env, &cs);
			gathered = true;
		}
		struct judged_meeting jm = { n, m, NULL, NULL };
		struct loc at = loc_of(&an->src, m->terms_name ? m->terms_span : n->span);
		if (!m->terms_name)
			at.end = at.start;
		const char *body = NULL;
		const struct candidate *c = choose(&cs, m, &body);
		if (!c) {
			report_no_terms(an, &cs, m, body, at);
		} else if (!c->terms) {
			report_bad_terms(an, c, at);
			/* its names are still declared as written */
			an->record_terms_src = c->src;
			an->record_terms_node = c->node;
		} else {
			jm.result = eval_meeting(an->arena, c->terms, m);
			jm.terms_file = c->path;
			an->record_terms_src = c->src;
			an->record_terms_node = c->node;
			take_findings(an, &jm.result->findings, loc_of(&an->src, n->span));
			for (unsigned i = 0; i < jm.result->n_motions; i++) {
				const struct motion_result *mr = &jm.result->motions[i];
				take_findings(an, &mr->findings, loc_of(&an->src, mr->motion->span));
			}
		}
		VEC_PUSH(an->arena, an->meetings, jm);
	}
}

/* ---- checking --------------------------------------------------------------------- */

/* As `quorate check` checks a terms file, and a file of rules as a module. */
static void check_terms(struct analysis *an)
{
	bool terms = false, module = false;
	for (const struct node *n = an->file.items; n; n = n->next) {
		terms = terms || n->kind == N_TERMS;
		module = module || n->kind == N_RULE || n->kind == N_USE;
	}
	if (module && !terms) {
		sema_module(an->arena, &an->diag, &an->loader, &an->file);
		return;
	}
	for (const struct node *n = an->file.items; n; n = n->next) {
		if (n->kind == N_TERMS) {
			unsigned errors = an->diag.n_errors;
			const struct terms *t = sema_terms(an->arena, &an->diag, &an->loader, n, &an->src);
			if (!an->terms_node) {
				an->terms_node = n;
				an->terms = an->diag.n_errors > errors ? NULL : t;
			}
		} else if (n->kind == N_RULE || n->kind == N_USE) {
			diag_report(&an->diag, D_CONTEXT, loc_of(&an->src, n->span),
			            "this `%s` is outside the terms block, so it is not part of the terms: move it inside",
			            n->kind == N_RULE ? "rule" : "use");
		}
	}
}

/* ---- the index of names ------------------------------------------------------------- */

struct decl {
	const char *name;
	const struct source *src;
	struct span span;
	const struct node *node;
};

/* What the names of one terms block (or module file) resolve to. */
struct scope {
	VEC(struct decl) by_kind[NAME__COUNT];
	const struct node *params;   /* the rule being walked: its parameters */
	const struct source *params_src;
};

struct indexer {
	struct analysis *an;
	struct scope *scope;
	unsigned depth;
};

static const struct decl *find_decl(const struct scope *s, enum name_kind k, const char *name)
{
	for (size_t i = 0; i < s->by_kind[k].n; i++)
		if (strcmp(s->by_kind[k].items[i].name, name) == 0)
			return &s->by_kind[k].items[i];
	return NULL;
}

static void declare(struct indexer *ix, enum name_kind k, const char *name, const struct source *src,
                    struct span span, const struct node *node)
{
	if (!name || find_decl(ix->scope, k, name))
		return;
	struct decl d = { name, src, span, node };
	VEC_PUSH(ix->an->arena, ix->scope->by_kind[k], d);
}

/* Record a name written in the document; `d` is what it resolves to. */
static void site(struct indexer *ix, enum name_kind k, const char *name, struct span span, const struct decl *d)
{
	if (!name || span.end <= span.start)
		return;
	struct name_site s = { k, name, span, false, NULL, { 0, 0 }, NULL };
	if (d) {
		s.def_src = d->src;
		s.def_span = d->span;
		s.def = d->node;
		s.is_decl = d->src == &ix->an->src && d->span.start == span.start;
	}
	VEC_PUSH(ix->an->arena, ix->an->names, s);
}

/* A role or a tag named in a member line or in present(...)/members(...). */
static void group_site(struct indexer *ix, const struct node *id)
{
	const struct decl *d = find_decl(ix->scope, NAME_ROLE, id->text);
	if (d)
		site(ix, NAME_ROLE, id->text, id->span, d);
	else
		site(ix, NAME_TAG, id->text, id->span, find_decl(ix->scope, NAME_TAG, id->text));
}

static void index_expr(struct indexer *ix, const struct node *e)
{
	if (!e || ix->depth >= INDEX_MAX_DEPTH)
		return;
	ix->depth++;
	switch (e->kind) {
	case N_COUNT:
		for (const struct node *id = e->a; id; id = id->next)
			group_site(ix, id);
		break;
	case N_NAME: {
		for (const struct node *p = ix->scope->params; p; p = p->next)
			if (strcmp(p->text, e->text) == 0) {
				struct decl d = { p->text, ix->scope->params_src, p->span, p };
				site(ix, NAME_PARAM, e->text, e->span, &d);
				goto done;
			}
		site(ix, NAME_RULE, e->text, e->span, find_decl(ix->scope, NAME_RULE, e->text));
		break;
	}
	case N_CALL:
		site(ix, NAME_RULE, e->text, e->text_span, find_decl(ix->scope, NAME_RULE, e->text));
		for (const struct node *a = e->a; a; a = a->next)
			index_expr(ix, a);
		break;
	case N_FUNC:
		for (const struct node *a = e->a; a; a = a->next)
			index_expr(ix, a);
		break;
	case N_UNARY: case N_ROUND: case N_PAREN:
		index_expr(ix, e->a);
		break;
	case N_BINARY:
		index_expr(ix, e->a);
		index_expr(ix, e->b);
		break;
	default:
		break;
	}
done:
	ix->depth--;
}

static void member_site(struct indexer *ix, const struct node *id)
{
	if (id && id->kind == N_IDENT)
		site(ix, NAME_MEMBER, id->text, id->span, find_decl(ix->scope, NAME_MEMBER, id->text));
}

static void index_record_items(struct indexer *ix, const struct node *items)
{
	for (const struct node *n = items; n; n = n->next) {
		switch (n->kind) {
		case N_CHAIR: case N_INTEREST: case N_OBJECTION:
			member_site(ix, n->a);
			break;
		case N_PRESENT: case N_APOLOGIES: case N_ATTENDING: case N_ARRIVES: case N_LEAVES: case N_VOTES:
			for (const struct node *id = n->a; id; id = id->next)
				member_site(ix, id);
			break;
		case N_MOTION:
			index_record_items(ix, n->c);
			break;
		default:
			break;
		}
	}
}

/* The span of `use a.b.c`'s module path. */
static struct span use_path_span(const struct node *use)
{
	struct span sp = use->span;
	if (use->a) {
		sp.start = use->a->span.start;
		for (const struct node *id = use->a; id; id = id->next)
			sp.end = id->span.end;
	}
	return sp;
}

/* The rules of a module and of the modules it uses, declared in scope. */
static void declare_module_rules(struct indexer *ix, const struct module *m, unsigned depth)
{
	if (!m || depth > 16)
		return;
	for (const struct node *n = m->file.items; n; n = n->next) {
		if (n->kind == N_RULE)
			declare(ix, NAME_RULE, n->text, &m->src, n->text_span, n);
		else if (n->kind == N_USE && n->text)
			declare_module_rules(ix, loader_use(&ix->an->loader, n->text, loc_of(&m->src, n->span)), depth + 1);
	}
}

static void declare_use(struct indexer *ix, const struct node *use)
{
	if (!use->text)
		return;
	const struct module *m = loader_use(&ix->an->loader, use->text, loc_of(&ix->an->src, use->span));
	if (m)
		declare(ix, NAME_MODULE, use->text, &m->src, (struct span){ 0, 0 }, NULL);
	declare_module_rules(ix, m, 0);
}

/* The declarations of a list of term items (a terms block, or a module). */
static void declare_items(struct indexer *ix, const struct source *src, const struct node *items)
{
	for (const struct node *n = items; n; n = n->next) {
		switch (n->kind) {
		case N_ROLE: declare(ix, NAME_ROLE, n->text, src, n->text_span, n); break;
		case N_MEMBER: declare(ix, NAME_MEMBER, n->text, src, n->text_span, n); break;
		case N_CLASS: declare(ix, NAME_CLASS, n->text, src, n->text_span, n); break;
		case N_RULE: declare(ix, NAME_RULE, n->text, src, n->text_span, n); break;
		default: break;
		}
	}
	/* tags after roles, so a role named later in the file is still a role */
	for (const struct node *n = items; n; n = n->next)
		if (n->kind == N_MEMBER)
			for (const struct node *id = n->b; id; id = id->next)
				if (id->kind == N_IDENT && !find_decl(ix->scope, NAME_ROLE, id->text))
					declare(ix, NAME_TAG, id->text, src, id->span, n);
}

/* The `require` and `when` lines of a quorum or a class. */
static void index_conditions(struct indexer *ix, const struct node *items)
{
	for (const struct node *i = items; i; i = i->next)
		if (i->kind == N_REQUIRE || i->kind == N_WHEN)
			index_expr(ix, i->a);
}

static void index_items(struct indexer *ix, const struct node *items)
{
	for (const struct node *n = items; n; n = n->next) {
		switch (n->kind) {
		case N_ROLE:
			site(ix, NAME_ROLE, n->text, n->text_span, find_decl(ix->scope, NAME_ROLE, n->text));
			break;
		case N_MEMBER:
			site(ix, NAME_MEMBER, n->text, n->text_span, find_decl(ix->scope, NAME_MEMBER, n->text));
			for (const struct node *id = n->b; id; id = id->next)
				if (id->kind == N_IDENT)
					group_site(ix, id);
			break;
		case N_CLASS:
			site(ix, NAME_CLASS, n->text, n->text_span, find_decl(ix->scope, NAME_CLASS, n->text));
			index_conditions(ix, n->b);
			break;
		case N_QUORUM:
			index_conditions(ix, n->b);
			break;
		case N_RULE:
			site(ix, NAME_RULE, n->text, n->text_span, find_decl(ix->scope, NAME_RULE, n->text));
			ix->scope->params = n->a;
			ix->scope->params_src = &ix->an->src;
			for (const struct node *p = n->a; p; p = p->next) {
				struct decl d = { p->text, &ix->an->src, p->span, p };
				site(ix, NAME_PARAM, p->text, p->span, &d);
			}
			index_expr(ix, n->b);
			ix->scope->params = NULL;
			break;
		case N_USE:
			site(ix, NAME_MODULE, n->text, use_path_span(n), find_decl(ix->scope, NAME_MODULE, n->text));
			break;
		case N_EXAMPLE:
			index_record_items(ix, n->c);
			break;
		default:
			break;
		}
	}
}

/* A terms block, or a module file's top-level rules and uses. */
static void index_block(struct analysis *an, const struct node *items)
{
	struct scope scope;
	memset(&scope, 0, sizeof scope);
	struct indexer ix = { an, &scope, 0 };
	for (const struct node *n = items; n; n = n->next)
		if (n->kind == N_USE)
			declare_use(&ix, n);
	declare_items(&ix, &an->src, items);
	index_items(&ix, items);
}

static void index_record(struct analysis *an, const struct node *meeting)
{
	struct scope scope;
	memset(&scope, 0, sizeof scope);
	struct indexer ix = { an, &scope, 0 };
	if (an->record_terms_node)
		declare_items(&ix, an->record_terms_src, an->record_terms_node->a);
	for (const struct node *n = meeting->c; n; n = n->next) {
		if (n->kind == N_TERMS_REF && n->a && an->record_terms_node &&
		    strcmp(n->a->text, an->record_terms_node->text) == 0) {
			struct decl d = { n->a->text, an->record_terms_src, an->record_terms_node->text_span,
			                  an->record_terms_node };
			site(&ix, NAME_BODY, n->a->text, n->a->span, &d);
		}
	}
	index_record_items(&ix, meeting->c);
}

static int compare_sites(const void *a, const void *b)
{
	const struct name_site *x = a, *y = b;
	return x->span.start < y->span.start ? -1 : x->span.start > y->span.start;
}

static void build_index(struct analysis *an)
{
	bool module_items = false;
	for (const struct node *n = an->file.items; n; n = n->next) {
		if (n->kind == N_TERMS)
			index_block(an, n->a);
		else if (n->kind == N_MEETING)
			index_record(an, n);
		else if (n->kind == N_RULE || n->kind == N_USE)
			module_items = true;
	}
	if (module_items)
		index_block(an, an->file.items);
	if (an->names.n)
		sort_array(an->names.items, an->names.n, sizeof *an->names.items, compare_sites);
}

/* ---- the whole analysis ---------------------------------------------------------------- */

void analysis_run(struct analysis *an, struct arena *a, const struct analysis_env *env,
                  const char *uri_name, const char *path, const char *text, size_t len)
{
	memset(an, 0, sizeof *an);
	an->arena = a;
	an->path = path ? arena_strdup(a, path) : NULL;
	source_from_memory(&an->src, a, uri_name, text, len);
	diag_init(&an->diag, a);
	loader_init(&an->loader, a, &an->diag, env->module_dirs, env->n_module_dirs);
	an->parse_errors = parse_file(a, &an->diag, &an->src, &an->file);
	if (an->parse_errors == 0) {
		check_terms(an);
		judge_meetings(an, env);
	}
	if (!an->file.items && an->parse_errors == 0)
		diag_report(&an->diag, D_MISSING, (struct loc){ &an->src, 0, 0 }, "the file has no `terms` or `meeting` block");
	/* the findings were added as they were judged; the diagnostics go first */
	VEC(struct an_diag) judged = { an->problems.items, an->problems.n, an->problems.cap };
	memset(&an->problems, 0, sizeof an->problems);
	take_diagnostics(an);
	for (size_t i = 0; i < judged.n; i++)
		VEC_PUSH(a, an->problems, judged.items[i]);
	/* Modules the index loads now report to a sink nobody reads. */
	diag_init(&an->diag, a);
	build_index(an);
}

const struct name_site *analysis_name_at(const struct analysis *an, uint32_t offset)
{
	const struct name_site *best = NULL;
	for (size_t i = 0; i < an->names.n && an->names.items[i].span.start <= offset; i++) {
		const struct name_site *s = &an->names.items[i];
		if (offset <= s->span.end)
			best = s; /* the later one wins: "a|,b" is on b when the cursor touches both */
	}
	return best;
}

const struct terms *analysis_terms(const struct analysis *an)
{
	if (an->terms)
		return an->terms;
	for (size_t i = 0; i < an->meetings.n; i++)
		if (an->meetings.items[i].result)
			return an->meetings.items[i].result->terms;
	return NULL;
}

static const struct node *item_in(const struct node *items, uint32_t offset, enum node_kind kind, unsigned depth)
{
	for (const struct node *n = items; n; n = n->next) {
		if (offset < n->span.start || offset > n->span.end)
			continue;
		if (n->kind == kind)
			return n;
		if (depth < 3) {
			const struct node *inner = NULL;
			if (n->kind == N_TERMS)
				inner = item_in(n->a, offset, kind, depth + 1);
			else if (n->kind == N_MEETING || n->kind == N_EXAMPLE || n->kind == N_MOTION)
				inner = item_in(n->c, offset, kind, depth + 1);
			if (inner)
				return inner;
		}
	}
	return NULL;
}

const struct node *analysis_item_at(const struct analysis *an, uint32_t offset, enum node_kind kind)
{
	return item_in(an->file.items, offset, kind, 0);
}

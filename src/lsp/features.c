/*
** features: the requests about one document: hover, definition,
** references, the outline, rename, formatting and semantic tokens.  Each
** reads the document's analysis (analysis.h) and answers in the protocol's
** JSON (proto.h); completion is in complete.c.
*/
#define _XOPEN_SOURCE 700 /* realpath */

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "base/sbuf.h"
#include "base/sort.h"
#include "lsp/proto.h"
#include "report/fmt.h"
#include "run/english.h"
#include "run/explain.h"

/* Longest declaration quoted in a hover. */
#define HOVER_MAX_QUOTE 1200

/* ---- hover -------------------------------------------------------------------------- */

/* The declaration as written, in a code block. */
static void quote(struct sbuf *b, const struct source *src, struct span sp)
{
	if (!src || sp.end <= sp.start || sp.end > src->len)
		return;
	size_t n = sp.end - sp.start;
	bool cut = n > HOVER_MAX_QUOTE;
	sbuf_addf(b, "```quorate\n%.*s%s\n```\n", (int)(cut ? HOVER_MAX_QUOTE : n), src->text + sp.start,
	          cut ? "\n..." : "");
}

static const char *where_written(struct server *s, const struct source *src, struct doc *d)
{
	if (!src || src == &d->an.src)
		return NULL;
	const char *slash = strrchr(src->name, '/');
	(void)s;
	return slash ? slash + 1 : src->name;
}

static void hover_group(struct sbuf *b, const struct terms *t, const char *id, bool role)
{
	int g = t ? terms_find_group(t, id) : -1;
	if (g < 0)
		return;
	if (role)
		sbuf_add(b, t->groups[g].voting ? "A voting role." : "An attending role: its holders have no vote.");
	else
		sbuf_add(b, "A tag (a group of members that is not a role).");
	unsigned n = 0;
	for (unsigned i = 0; i < t->n_members; i++) {
		if (!(t->members[i].groups & ((uint64_t)1 << g)))
			continue;
		sbuf_addf(b, "%s`%s` (%s)", n++ ? ", " : "  Held by ", t->members[i].id, t->members[i].name);
	}
	sbuf_add(b, n ? "." : "  Nobody holds it.");
}

static void hover_member(struct sbuf *b, const struct terms *t, const char *id)
{
	int i = t ? terms_find_member(t, id) : -1;
	if (i < 0)
		return;
	const struct member *m = &t->members[i];
	char d1[DATE_FMT_MAX], d2[DATE_FMT_MAX];
	sbuf_addf(b, "%s, %s.", m->name, m->voting ? "a voting member" : "attends without a vote");
	if (m->has_from)
		sbuf_addf(b, "  A member from %s.", date_format(m->from, d1));
	if (m->has_until)
		sbuf_addf(b, "  A member until %s.", date_format(m->until, d2));
}

static const struct dclass *class_of(const struct terms *t, const struct node *decl)
{
	for (unsigned i = 0; t && i < t->n_classes; i++)
		if (t->classes[i].decl == decl)
			return &t->classes[i];
	return NULL;
}

static const char *needed_text(struct arena *a, int64_t n)
{
	return n < 0 ? "cannot be carried" : arena_printf(a, "%lld", (long long)n);
}

/* The class in plain English, and the votes it needs at each attendance. */
static void hover_class(struct sbuf *b, struct arena *a, const struct terms *t, const struct dclass *cl)
{
	struct explanation *x = explain_terms(a, t);
	const char *heading = arena_printf(a, "Class \"%s\"", cl->id);
	for (size_t i = 0; i < x->paras.n; i++)
		if (strcmp(x->paras.items[i].heading, heading) == 0)
			sbuf_addf(b, "**class %s**%s%s\n\n%s\n\n", cl->id, cl->clause ? " §" : "",
			          cl->clause ? cl->clause : "", x->paras.items[i].text);
	unsigned col = UINT_MAX;
	for (unsigned k = 0; k < x->n_columns; k++)
		if (x->columns[k]->cls == cl)
			col = k;
	if (col == UINT_MAX || x->rows.n == 0) {
		sbuf_add(b, "No kind of motion reaches this class, so there is no table of votes needed.");
		return;
	}
	const struct explain_row *full = &x->rows.items[x->rows.n - 1];
	sbuf_addf(b, "With all %lld voting members present: **%s** in favour", (long long)full->present,
	          needed_text(a, full->all_vote[col]));
	if (full->others_abstain[col] != full->all_vote[col])
		sbuf_addf(b, " (%s if the others abstain)", needed_text(a, full->others_abstain[col]));
	sbuf_add(b, ".\n\n| present | in favour needed |\n| ---: | ---: |\n");
	size_t step = x->rows.n > 20 ? (x->rows.n + 19) / 20 : 1; /* a long table, thinned */
	for (size_t i = 0; i < x->rows.n; i += step) {
		const struct explain_row *r = &x->rows.items[i];
		sbuf_addf(b, "| %lld | %s |\n", (long long)r->present, needed_text(a, r->all_vote[col]));
		if (i + step >= x->rows.n && i + 1 != x->rows.n)
			i = x->rows.n - 1 - step; /* always end on the full membership */
	}
}

static void hover_quorum(struct sbuf *b, struct arena *a, const struct terms *t)
{
	struct explanation *x = explain_terms(a, t);
	for (size_t i = 0; i < x->paras.n; i++)
		if (strcmp(x->paras.items[i].heading, "Quorum") == 0)
			sbuf_addf(b, "**quorum**%s%s\n\n%s\n\n", t->quorum_clause ? " §" : "",
			          t->quorum_clause ? t->quorum_clause : "", x->paras.items[i].text);
	if (x->quorum_summary) /* explain's sentence: the attendees too, or a search cut short */
		sbuf_add(b, x->quorum_summary);
}

static void hover_rule(struct sbuf *b, struct arena *a, const struct terms *t, const struct node *decl)
{
	for (unsigned i = 0; t && i < t->n_rules; i++) {
		const struct rule *r = &t->rules[i];
		if (r->decl == decl && r->body && r->body->type == VT_BOOL)
			sbuf_addf(b, "In plain English: %s.", english_condition(a, t, r->body));
	}
}

static const char *outcome_word(enum outcome o)
{
	return ast_outcome_name(o);
}

static void hover_motion(struct sbuf *b, const struct motion_result *mr)
{
	const struct rec_motion *m = mr->motion;
	sbuf_addf(b, "**motion %s**: **%s**", m->number, outcome_word(mr->outcome));
	if (mr->recorded != OUTCOME_NONE)
		sbuf_addf(b, mr->recorded == mr->outcome ? " (as the minutes record)"
		                                         : " (the minutes record **%s**: a discrepancy)",
		          outcome_word(mr->recorded));
	sbuf_add(b, "\n\n");
	if (mr->cls)
		sbuf_addf(b, "Class `%s`%s%s.  ", mr->cls->id, mr->cls->clause ? " §" : "",
		          mr->cls->clause ? mr->cls->clause : "");
	if (mr->quorum_known)
		sbuf_addf(b, "%s: %lld counted towards the quorum.  ", mr->quorate ? "Quorate" : "Not quorate",
		          (long long)mr->quorum_present);
	const int64_t *n = mr->counts->n;
	if (mr->by_consensus)
		sbuf_add(b, "Agreed by consensus.");
	else
		sbuf_addf(b, "%lld for, %lld against, %lld abstaining; %lld present, %lld eligible to vote.",
		          (long long)n[COUNT_YES], (long long)n[COUNT_NO], (long long)n[COUNT_ABSTAIN],
		          (long long)n[COUNT_PRESENT], (long long)n[COUNT_ELIGIBLE]);
	sbuf_add(b, "\n");
	for (unsigned i = 0; i < mr->n_reqs; i++) {
		const struct req_result *r = &mr->reqs[i];
		char buf[REQ_WORKING_MAX];
		const char *working = req_working(r, buf);
		sbuf_addf(b, "\n- %s%s%s`%s`: %s: %s", r->clause ? "§" : "", r->clause ? r->clause : "", r->clause ? " " : "",
		          r->text ? r->text : "", working ? working : "", r->failed ? "cannot be evaluated"
		          : r->met ? "met" : "not met");
		if (r->has_needed)
			sbuf_addf(b, " (needs %lld, has %lld)", (long long)r->needed, (long long)r->have);
	}
	for (const struct finding *f = mr->findings.first; f; f = f->next)
		sbuf_addf(b, "\n- %s `%s`: %s", finding_severity_name(f->sev), finding_code_name(f->code), f->message);
}

static const struct motion_result *motion_result_of(const struct analysis *an, const struct node *motion)
{
	for (size_t i = 0; i < an->meetings.n; i++) {
		const struct meeting_result *r = an->meetings.items[i].result;
		for (unsigned k = 0; r && k < r->n_motions; k++)
			if (r->motions[k].motion->span.start == motion->span.start)
				return &r->motions[k];
	}
	return NULL;
}

static void hover_site(struct server *s, struct doc *d, struct sbuf *b, const struct name_site *n)
{
	const struct terms *t = analysis_terms(&d->an);
	const char *file = where_written(s, n->def_src, d);
	if (!n->def_src) {
		sbuf_addf(b, "`%s`: no %s of that name is declared.", n->name, name_kind_word(n->kind));
		return;
	}
	if (n->kind == NAME_MODULE) {
		sbuf_addf(b, "**module %s**: the file %s", n->name, n->def_src->name);
		return;
	}
	if (n->kind == NAME_CLASS && t && t->src == n->def_src && class_of(t, n->def)) {
		hover_class(b, &s->scratch, t, class_of(t, n->def));
		return;
	}
	sbuf_addf(b, "**%s %s**%s%s\n\n", name_kind_word(n->kind), n->name, file ? ", declared in " : "",
	          file ? file : "");
	if (n->kind == NAME_TAG) {
		hover_group(b, t, n->name, false);
		return;
	}
	if (n->kind == NAME_BODY) {
		sbuf_addf(b, "This record is judged by the terms in %s.", n->def_src->name);
		return;
	}
	quote(b, n->def_src, n->def ? n->def->span : n->def_span);
	if (n->kind == NAME_ROLE)
		hover_group(b, t, n->name, true);
	else if (n->kind == NAME_MEMBER)
		hover_member(b, t, n->name);
	else if (n->kind == NAME_RULE)
		hover_rule(b, &s->scratch, t, n->def);
}

json_t *lsp_hover(struct server *s, json_t *params, struct rpc_error *err)
{
	struct doc *d = param_doc(s, params, err);
	uint32_t off;
	if (!d || !param_offset(s, d, params, "position", &off, err))
		return NULL;
	struct sbuf b;
	sbuf_init(&b, &s->scratch);
	struct span sp = { 0, 0 };
	const struct name_site *n = analysis_name_at(&d->an, off);
	const struct terms *t = analysis_terms(&d->an);
	const struct node *item;
	if (n) {
		hover_site(s, d, &b, n);
		sp = n->span;
	} else if ((item = analysis_item_at(&d->an, off, N_MOTION)) && motion_result_of(&d->an, item)) {
		hover_motion(&b, motion_result_of(&d->an, item));
		sp = item->span;
	} else if (t && t->src == &d->an.src && (item = analysis_item_at(&d->an, off, N_CLASS)) && class_of(t, item)) {
		hover_class(&b, &s->scratch, t, class_of(t, item));
		sp = item->text_span;
	} else if (t && t->src == &d->an.src && (item = analysis_item_at(&d->an, off, N_QUORUM))) {
		hover_quorum(&b, &s->scratch, t);
		sp = item->span;
	}
	if (b.len == 0)
		return json_null();
	return json_pack("{s:{s:s,s:s},s:o}", "contents", "kind", "markdown", "value", sbuf_str(&b),
	                 "range", doc_range(s, d, sp.start, sp.end));
}

/* ---- definition and references ---------------------------------------------------------- */

/* The document and the declared name at params' position: false (err set)
** if the parameters are wrong; *n is NULL where no declared name is. */
static bool declared_name_at(struct server *s, json_t *params, struct doc **d, const struct name_site **n,
                             struct rpc_error *err)
{
	uint32_t off;
	*d = param_doc(s, params, err);
	if (!*d || !param_offset(s, *d, params, "position", &off, err))
		return false;
	*n = analysis_name_at(&(*d)->an, off);
	if (*n && !(*n)->def_src)
		*n = NULL;
	return true;
}

json_t *lsp_definition(struct server *s, json_t *params, struct rpc_error *err)
{
	struct doc *d;
	const struct name_site *n;
	if (!declared_name_at(s, params, &d, &n, err))
		return NULL;
	if (!n)
		return json_null();
	return json_location(s, d, n->def_src, n->def_span.start, n->def_span.end);
}

/* The file a declaration is in, the same for every document's analysis. */
static const char *file_key(struct server *s, struct doc *d, const struct source *src)
{
	char real[PATH_MAX];
	const char *name = src == &d->an.src ? (d->path ? d->path : d->uri) : src->name;
	return arena_strdup(&s->scratch, realpath(name, real) ? real : name);
}

static bool same_target(struct server *s, struct doc *d, const struct name_site *n, const char *file,
                        const struct name_site *target)
{
	return n->def_src && n->kind == target->kind && n->def_span.start == target->def_span.start &&
	       strcmp(n->name, target->name) == 0 && strcmp(file_key(s, d, n->def_src), file) == 0;
}

/* Every place, in every open document, where the name at the cursor is
** written: fn is called for each. */
static void each_occurrence(struct server *s, const struct name_site *target, const char *file,
                            void (*fn)(void *ctx, struct doc *d, const struct name_site *n), void *ctx)
{
	for (unsigned i = 0; i < s->n_docs; i++) {
		struct doc *d = s->docs[i];
		for (size_t k = 0; d->text && k < d->an.names.n; k++)
			if (same_target(s, d, &d->an.names.items[k], file, target))
				fn(ctx, d, &d->an.names.items[k]);
	}
}

struct refs {
	struct server *s;
	json_t *list;
	bool with_decl;
};

static void add_ref(void *ctx, struct doc *d, const struct name_site *n)
{
	struct refs *r = ctx;
	if (!n->is_decl || r->with_decl)
		json_array_append_new(r->list, json_location(r->s, d, &d->an.src, n->span.start, n->span.end));
}

json_t *lsp_references(struct server *s, json_t *params, struct rpc_error *err)
{
	struct doc *d;
	const struct name_site *n;
	if (!declared_name_at(s, params, &d, &n, err))
		return NULL;
	if (!n)
		return json_null();
	json_t *with = json_object_get(json_object_get(params, "context"), "includeDeclaration");
	struct refs r = { s, json_array(), !json_is_false(with) };
	each_occurrence(s, n, file_key(s, d, n->def_src), add_ref, &r);
	return r.list;
}

/* ---- the outline ------------------------------------------------------------------------- */

enum { SYM_MODULE = 2, SYM_NAMESPACE = 3, SYM_CLASS = 5, SYM_PROPERTY = 7, SYM_FIELD = 8,
       SYM_INTERFACE = 11, SYM_FUNCTION = 12, SYM_CONSTANT = 14, SYM_OBJECT = 19, SYM_EVENT = 24 };

static json_t *symbol(struct server *s, struct doc *d, const char *name, const char *detail, int kind,
                      const struct node *n)
{
	struct span sel = n->text_span.end > n->text_span.start ? n->text_span : n->span;
	json_t *j = json_pack("{s:s,s:i,s:o,s:o}", "name", name, "kind", kind,
	                      "range", doc_range(s, d, n->span.start, n->span.end),
	                      "selectionRange", doc_range(s, d, sel.start, sel.end));
	if (detail && *detail)
		json_object_set_new(j, "detail", json_string(detail));
	return j;
}

static const char *clause_word(struct arena *a, const struct node *n)
{
	return n->clause ? arena_printf(a, " §%s", n->clause) : "";
}

static const char *title_of(const struct node *str)
{
	return str && str->kind == N_STRING ? str->text : NULL;
}

static json_t *term_item_symbol(struct server *s, struct doc *d, const struct node *n)
{
	struct arena *a = &s->scratch;
	switch (n->kind) {
	case N_USE: return symbol(s, d, arena_printf(a, "use %s", n->text), NULL, SYM_MODULE, n);
	case N_ROLE: return symbol(s, d, n->text, title_of(n->a), SYM_INTERFACE, n);
	case N_MEMBER: return symbol(s, d, n->text, title_of(n->a), SYM_FIELD, n);
	case N_SIZE: return symbol(s, d, "size", NULL, SYM_PROPERTY, n);
	case N_QUORUM: return symbol(s, d, arena_printf(a, "quorum%s", clause_word(a, n)), title_of(n->a), SYM_PROPERTY, n);
	case N_CONSENSUS: return symbol(s, d, arena_printf(a, "consensus%s", clause_word(a, n)), NULL, SYM_PROPERTY, n);
	case N_CASTING: return symbol(s, d, arena_printf(a, "casting vote%s", clause_word(a, n)), NULL, SYM_PROPERTY, n);
	case N_INTERESTS: return symbol(s, d, arena_printf(a, "interests%s", clause_word(a, n)), NULL, SYM_PROPERTY, n);
	case N_CLASS: return symbol(s, d, n->text, arena_printf(a, "%s%s%s", clause_word(a, n) + (n->clause ? 1 : 0),
	                                                         n->clause && title_of(n->a) ? " " : "",
	                                                         title_of(n->a) ? title_of(n->a) : ""), SYM_CLASS, n);
	case N_RULE: return symbol(s, d, n->text, NULL, SYM_FUNCTION, n);
	case N_VIRTUAL: return symbol(s, d, arena_printf(a, "virtual%s", clause_word(a, n)), NULL, SYM_PROPERTY, n);
	case N_MAPS: return symbol(s, d, arena_printf(a, "maps%s", clause_word(a, n)), NULL, SYM_PROPERTY, n);
	case N_NOTICE: return symbol(s, d, arena_printf(a, "notice %s%s", n->text, clause_word(a, n)), NULL, SYM_EVENT, n);
	case N_MEETS: return symbol(s, d, arena_printf(a, "meets%s", clause_word(a, n)), NULL, SYM_EVENT, n);
	case N_REVIEW: return symbol(s, d, arena_printf(a, "review%s", clause_word(a, n)), NULL, SYM_EVENT, n);
	case N_MEETS_LEAST: return symbol(s, d, arena_printf(a, "meets at least%s", clause_word(a, n)), NULL, SYM_EVENT, n);
	case N_CHAIRED: return symbol(s, d, arena_printf(a, "chaired by%s", clause_word(a, n)), NULL, SYM_PROPERTY, n);
	case N_MINUTES_VOTES: return symbol(s, d, arena_printf(a, "minutes record votes%s", clause_word(a, n)), NULL, SYM_PROPERTY, n);
	case N_VERSION: return symbol(s, d, "version", title_of(n->a), SYM_CONSTANT, n);
	case N_EFFECTIVE: return symbol(s, d, "effective", NULL, SYM_CONSTANT, n);
	case N_EXAMPLE: return symbol(s, d, "example", title_of(n->a), SYM_OBJECT, n);
	default: return NULL;
	}
}

json_t *lsp_document_symbols(struct server *s, json_t *params, struct rpc_error *err)
{
	struct doc *d = param_doc(s, params, err);
	if (!d)
		return NULL;
	json_t *list = json_array();
	for (const struct node *n = d->an.file.items; n; n = n->next) {
		json_t *children = json_array(), *sym = NULL;
		if (n->kind == N_TERMS) {
			for (const struct node *i = n->a; i; i = i->next) {
				json_t *c = term_item_symbol(s, d, i);
				if (c)
					json_array_append_new(children, c);
			}
			sym = symbol(s, d, n->text, "terms", SYM_NAMESPACE, n);
		} else if (n->kind == N_MEETING) {
			for (const struct node *i = n->c; i; i = i->next)
				if (i->kind == N_MOTION)
					json_array_append_new(children, symbol(s, d, arena_printf(&s->scratch, "motion %s",
					                                                          i->text ? i->text : ""),
					                                       title_of(i->a), SYM_EVENT, i));
			sym = symbol(s, d, title_of(n->a) ? title_of(n->a) : "meeting", "meeting", SYM_NAMESPACE, n);
		} else {
			sym = term_item_symbol(s, d, n);
		}
		if (sym && json_array_size(children))
			json_object_set(sym, "children", children);
		json_decref(children);
		if (sym)
			json_array_append_new(list, sym);
	}
	return list;
}

/* ---- rename ---------------------------------------------------------------------------------- */

static bool renamable(enum name_kind k)
{
	return k == NAME_MEMBER || k == NAME_ROLE || k == NAME_TAG || k == NAME_CLASS || k == NAME_RULE ||
	       k == NAME_PARAM;
}

static const char *const keywords[] = {
#define KW(word, token, category) word,
#include "front/keywords.def"
#undef KW
};

bool lsp_is_keyword(const char *word, size_t len)
{
	size_t lo = 0, hi = sizeof keywords / sizeof keywords[0];
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strncmp(word, keywords[mid], len);
		if (c == 0 && keywords[mid][len] != '\0')
			c = -1;
		if (c == 0)
			return true;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return false;
}

/* The name at the cursor, if it can be renamed; err says why not. */
static const struct name_site *rename_target(struct server *s, json_t *params, struct doc **dp,
                                             struct rpc_error *err)
{
	struct doc *d = param_doc(s, params, err);
	uint32_t off;
	if (!d || !param_offset(s, d, params, "position", &off, err))
		return NULL;
	*dp = d;
	const struct name_site *n = analysis_name_at(&d->an, off);
	if (!n) {
		rpc_fail(err, RPC_REQUEST_FAILED, "there is no name here to rename");
		return NULL;
	}
	if (!renamable(n->kind) || !n->def_src) {
		rpc_failf(err, RPC_REQUEST_FAILED, "%s `%.60s` cannot be renamed here%s", name_kind_word(n->kind), n->name,
		          n->def_src ? "" : " (it is not declared)");
		return NULL;
	}
	const char *file = file_key(s, d, n->def_src);
	bool open = false;
	for (unsigned i = 0; i < s->n_docs; i++)
		if (strcmp(file_key(s, s->docs[i], &s->docs[i]->an.src), file) == 0)
			open = true;
	if (!open) {
		rpc_failf(err, RPC_REQUEST_FAILED, "`%.60s` is declared in %.100s: open that file to rename it there too",
		          n->name, n->def_src->name);
		return NULL;
	}
	return n;
}

json_t *lsp_prepare_rename(struct server *s, json_t *params, struct rpc_error *err)
{
	struct doc *d = NULL;
	const struct name_site *n = rename_target(s, params, &d, err);
	if (!n)
		return NULL;
	return json_pack("{s:o,s:s}", "range", doc_range(s, d, n->span.start, n->span.end), "placeholder", n->name);
}

static bool valid_name(const char *name)
{
	size_t len = strlen(name);
	if (len == 0 || len > 128 || (name[0] >= '0' && name[0] <= '9'))
		return false;
	for (size_t i = 0; i < len; i++) {
		char c = name[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'))
			return false;
	}
	return !lsp_is_keyword(name, len);
}

struct edits {
	struct server *s;
	json_t *changes;
	const char *new_name;
};

static void add_edit(void *ctx, struct doc *d, const struct name_site *n)
{
	struct edits *e = ctx;
	json_t *list = json_object_get(e->changes, d->uri);
	if (!list) {
		list = json_array();
		json_object_set_new(e->changes, d->uri, list);
	}
	json_array_append_new(list, json_pack("{s:o,s:s}", "range", doc_range(e->s, d, n->span.start, n->span.end),
	                                      "newText", e->new_name));
}

json_t *lsp_rename(struct server *s, json_t *params, struct rpc_error *err)
{
	struct doc *d = NULL;
	json_t *name = param(params, "newName", JSON_STRING, err);
	const struct name_site *n = name ? rename_target(s, params, &d, err) : NULL;
	if (!n)
		return NULL;
	const char *new_name = json_string_value(name);
	if (!valid_name(new_name)) {
		rpc_failf(err, RPC_REQUEST_FAILED, "'%.60s' is not a name: a letter or _, then letters, digits and _, "
		          "and not a word of the language", new_name);
		return NULL;
	}
	for (size_t i = 0; i < d->an.names.n; i++) {
		const struct name_site *o = &d->an.names.items[i];
		if (o->kind != NAME_PARAM && strcmp(o->name, new_name) == 0 && strcmp(new_name, n->name) != 0) {
			rpc_failf(err, RPC_REQUEST_FAILED, "`%.60s` is already the name of a %s here", new_name,
			          name_kind_word(o->kind));
			return NULL;
		}
	}
	struct edits e = { s, json_object(), new_name };
	each_occurrence(s, n, file_key(s, d, n->def_src), add_edit, &e);
	return json_pack("{s:o}", "changes", e.changes);
}

/* ---- formatting -------------------------------------------------------------------------------- */

json_t *lsp_formatting(struct server *s, json_t *params, struct rpc_error *err)
{
	struct doc *d = param_doc(s, params, err);
	if (!d)
		return NULL;
	if (!d->text || d->an.parse_errors) {
		rpc_fail(err, RPC_REQUEST_FAILED, d->text ? "the file has syntax errors: mend them, then format"
		                                          : "the document is too large to format");
		return NULL;
	}
	const char *text = fmt_file(&s->scratch, &d->an.file);
	size_t len = strlen(text);
	json_t *edits = json_array();
	if (len != d->len || memcmp(text, d->text, len) != 0)
		json_array_append_new(edits, json_pack("{s:o,s:s%}", "range", doc_range(s, d, 0, (uint32_t)d->len),
		                                       "newText", text, len));
	return edits;
}

/* ---- semantic tokens ------------------------------------------------------------------------------- */

/* The legend: token types and modifiers, by index. */
enum tok_type { TOK_KEYWORD, TOK_COMMENT, TOK_STRING, TOK_NUMBER, TOK_TYPE, TOK_ENUM_MEMBER, TOK_VARIABLE,
                TOK_FUNCTION, TOK_PARAMETER, TOK_CLASS, TOK_NAMESPACE, TOK_PROPERTY };
static const char *const token_types[] = { "keyword", "comment", "string", "number", "type", "enumMember",
                                           "variable", "function", "parameter", "class", "namespace", "property" };
enum { MOD_DECLARATION = 1, MOD_DEFAULT_LIBRARY = 2 };

json_t *lsp_semantic_legend(void)
{
	json_t *types = json_array();
	for (size_t i = 0; i < sizeof token_types / sizeof token_types[0]; i++)
		json_array_append_new(types, json_string(token_types[i]));
	return json_pack("{s:o,s:[s,s]}", "tokenTypes", types, "tokenModifiers", "declaration", "defaultLibrary");
}

struct token {
	uint32_t start, end;
	unsigned type, mods;
};

struct tokens {
	struct arena *a;
	VEC(struct token) items;
};

static void add_token(struct tokens *t, uint32_t start, uint32_t end, unsigned type, unsigned mods)
{
	if (end > start) {
		struct token k = { start, end, type, mods };
		VEC_PUSH(t->a, t->items, k);
	}
}

static const unsigned kind_token[NAME__COUNT] = {
	[NAME_ROLE] = TOK_TYPE, [NAME_TAG] = TOK_ENUM_MEMBER, [NAME_MEMBER] = TOK_VARIABLE,
	[NAME_RULE] = TOK_FUNCTION, [NAME_PARAM] = TOK_PARAMETER, [NAME_CLASS] = TOK_CLASS,
	[NAME_MODULE] = TOK_NAMESPACE, [NAME_BODY] = TOK_NAMESPACE,
};

/* Literals and motion attributes anywhere in the tree. */
static void literal_tokens(struct tokens *t, const struct node *n, unsigned depth)
{
	for (; n && depth < 300; n = n->next) {
		switch (n->kind) {
		case N_STRING: add_token(t, n->span.start, n->span.end, TOK_STRING, 0); break;
		case N_DATE: add_token(t, n->span.start, n->span.end, TOK_NUMBER, 0); break;
		case N_NUMBER:
			if (!n->text || strcmp(n->text, "half") != 0)
				add_token(t, n->span.start, n->span.end, TOK_NUMBER, 0);
			break;
		case N_ATTR:
			if (n->text)
				add_token(t, n->span.end - (uint32_t)strlen(n->text), n->span.end, TOK_PROPERTY, 0);
			break;
		default: break;
		}
		literal_tokens(t, n->a, depth + 1);
		literal_tokens(t, n->b, depth + 1);
		literal_tokens(t, n->c, depth + 1);
		literal_tokens(t, n->d, depth + 1);
	}
}

static int compare_tokens(const void *a, const void *b)
{
	const struct token *x = a, *y = b;
	return x->start < y->start ? -1 : x->start > y->start;
}

static bool covered(const struct tokens *t, uint32_t start, uint32_t end)
{
	size_t lo = 0, hi = t->items.n;
	while (lo < hi) { /* the first token ending after start */
		size_t mid = lo + (hi - lo) / 2;
		if (t->items.items[mid].end <= start)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < t->items.n && t->items.items[lo].start < end;
}

static bool word_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c >= 0x80;
}

/* Reserved words: words that no other token (a name, a string, a
** comment) covers. */
static void keyword_tokens(struct tokens *t, const char *text, uint32_t len)
{
	sort_array(t->items.items, t->items.n, sizeof *t->items.items, compare_tokens);
	struct tokens kw = { t->a, { NULL, 0, 0 } };
	for (uint32_t i = 0; i < len;) {
		if (!word_byte((unsigned char)text[i])) {
			i++;
			continue;
		}
		uint32_t start = i;
		while (i < len && word_byte((unsigned char)text[i]))
			i++;
		if (lsp_is_keyword(text + start, i - start) && !covered(t, start, i))
			add_token(&kw, start, i, TOK_KEYWORD, 0);
	}
	for (size_t i = 0; i < kw.items.n; i++)
		VEC_PUSH(t->a, t->items, kw.items.items[i]);
}

json_t *lsp_semantic_tokens(struct server *s, json_t *params, struct rpc_error *err)
{
	struct doc *d = param_doc(s, params, err);
	if (!d)
		return NULL;
	struct tokens t = { &s->scratch, { NULL, 0, 0 } };
	const struct analysis *an = &d->an;
	for (size_t i = 0; i < an->file.comments.n; i++)
		add_token(&t, an->file.comments.items[i].span.start, an->file.comments.items[i].span.end, TOK_COMMENT, 0);
	for (size_t i = 0; i < an->names.n; i++) {
		const struct name_site *n = &an->names.items[i];
		unsigned mods = n->is_decl ? MOD_DECLARATION : 0;
		if (n->kind == NAME_RULE && n->def_src && n->def_src != &an->src)
			mods |= MOD_DEFAULT_LIBRARY;
		add_token(&t, n->span.start, n->span.end, kind_token[n->kind], mods);
	}
	literal_tokens(&t, an->file.items, 0);
	keyword_tokens(&t, an->src.text, (uint32_t)an->src.len);
	sort_array(t.items.items, t.items.n, sizeof *t.items.items, compare_tokens);
	/* five integers a token, each position relative to the one before */
	json_t *data = json_array();
	struct lsp_pos prev = { 0, 0 };
	uint32_t last_end = 0;
	for (size_t i = 0; i < t.items.n; i++) {
		const struct token *k = &t.items.items[i];
		if (k->start < last_end)
			continue; /* overlapping: the first wins */
		struct lsp_pos p = lsp_pos_of(&d->lines, k->start, s->enc);
		struct lsp_pos q = lsp_pos_of(&d->lines, k->end, s->enc);
		if (q.line != p.line)
			continue; /* tokens never span lines here; be safe */
		json_array_append_new(data, json_integer(p.line - prev.line));
		json_array_append_new(data, json_integer(p.line == prev.line ? p.character - prev.character : p.character));
		json_array_append_new(data, json_integer(q.character - p.character));
		json_array_append_new(data, json_integer(k->type));
		json_array_append_new(data, json_integer(k->mods));
		prev = p;
		last_end = k->end;
	}
	return json_pack("{s:o}", "data", data);
}

/* ---- quick fixes ------------------------------------------------------------------------------- */

/* The fix each diagnostic in the range carries (a did-you-mean, a word to
** write instead), as one edit. */
json_t *lsp_code_action(struct server *s, json_t *params, struct rpc_error *err)
{
	struct doc *d = param_doc(s, params, err);
	json_t *range = d ? param(params, "range", JSON_OBJECT, err) : NULL;
	json_t *a = range ? param(range, "start", JSON_OBJECT, err) : NULL;
	json_t *b = a ? param(range, "end", JSON_OBJECT, err) : NULL;
	struct lsp_pos p, q;
	if (!b || !json_to_pos(a, &p, err) || !json_to_pos(b, &q, err))
		return NULL;
	uint32_t start = lsp_offset_of(&d->lines, p, s->enc), end = lsp_offset_of(&d->lines, q, s->enc);
	json_t *actions = json_array();
	for (size_t i = 0; d->text && i < d->an.problems.n; i++) {
		const struct an_diag *pr = &d->an.problems.items[i];
		const struct diag_fixit *fx = pr->fixit;
		if (!fx || pr->loc.end < start || pr->loc.start > end)
			continue;
		const char *title = fx->loc.end > fx->loc.start
		                    ? arena_printf(&s->scratch, "Write '%s' instead", fx->text)
		                    : arena_printf(&s->scratch, "Insert '%s'", fx->text);
		json_t *edit = json_pack("{s:{s:[{s:o,s:s}]}}", "changes", d->uri, "range",
		                         doc_range(s, d, fx->loc.start, fx->loc.end), "newText", fx->text);
		json_array_append_new(actions, json_pack("{s:s,s:s,s:[o],s:b,s:o}", "title", title, "kind", "quickfix",
		                                         "diagnostics", json_diagnostic(s, d, pr), "isPreferred", 1,
		                                         "edit", edit));
	}
	return actions;
}

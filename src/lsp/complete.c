/*
** complete: completion at the cursor.
**
** The context is read from the text before the cursor, as it is being
** typed (the tree of a half-written line may not exist yet): which blocks
** are open (the first word of the line that opened each `{`), which
** parenthesis, and the words already on the line.  From it come the words
** the grammar allows there (each a reserved word of keywords.def or a
** documented setting word; tests/lsp checks the lists against the grammar's
** words), the members of the terms a record is judged by, the roles and tags
** of a member line, the rules in scope and the modules on the search path.
*/
#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include "base/sort.h"
#include "check/load.h"
#include "front/parse.h"
#include "lsp/proto.h"
#include "model/attrs.h"

/* LSP CompletionItemKind */
enum { CI_FUNCTION = 3, CI_FIELD = 5, CI_VARIABLE = 6, CI_INTERFACE = 8, CI_MODULE = 9, CI_VALUE = 12,
       CI_KEYWORD = 14, CI_ENUM_MEMBER = 20 };

#define CONTEXT_MAX_BLOCKS 16
#define CONTEXT_MAX_WORDS 8
#define CONTEXT_WORD 32

struct context {
	char blocks[CONTEXT_MAX_BLOCKS][CONTEXT_WORD]; /* opener of each open block, outermost first */
	unsigned n_blocks;
	char paren[CONTEXT_WORD];      /* the word before the innermost open '(' */
	bool in_paren;
	char words[CONTEXT_MAX_WORDS][CONTEXT_WORD]; /* on the line, before the word being typed */
	unsigned n_words;
	bool string_on_line;           /* a string was written on the line */
	bool after_dot, after_colon, after_equals;
	bool in_literal;               /* in a string or a comment: nothing to offer */
};

static bool word_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c >= 0x80;
}

static void copy_word(char *to, const char *from, size_t n)
{
	if (n >= CONTEXT_WORD)
		n = CONTEXT_WORD - 1;
	memcpy(to, from, n);
	to[n] = '\0';
}

static void new_line(struct context *c)
{
	c->n_words = 0;
	c->string_on_line = c->after_dot = c->after_colon = c->after_equals = false;
}

static void read_context(struct context *c, const char *text, uint32_t end)
{
	memset(c, 0, sizeof *c);
	uint32_t word_start = 0;
	for (uint32_t i = 0; i < end;) {
		unsigned char ch = (unsigned char)text[i];
		if (ch == '#') {
			while (i < end && text[i] != '\n')
				i++;
			if (i == end)
				c->in_literal = true;
			continue;
		}
		if (ch == '"') {
			for (i++; i < end && text[i] != '"' && text[i] != '\n'; i++)
				if (text[i] == '\\' && i + 1 < end)
					i++;
			if (i >= end) {
				c->in_literal = true;
				return;
			}
			i++;
			c->string_on_line = true;
			continue;
		}
		if (word_char(ch)) {
			word_start = i;
			while (i < end && word_char((unsigned char)text[i]))
				i++;
			if (i == end)
				break; /* the word being typed */
			if (c->n_words < CONTEXT_MAX_WORDS)
				copy_word(c->words[c->n_words++], text + word_start, i - word_start);
			c->after_dot = c->after_colon = false;
			continue;
		}
		switch (ch) {
		case '\n': new_line(c); break;
		case '{':
			if (c->n_blocks < CONTEXT_MAX_BLOCKS)
				copy_word(c->blocks[c->n_blocks], c->n_words ? c->words[0] : "", c->n_words ? strlen(c->words[0]) : 0);
			c->n_blocks++;
			new_line(c);
			break;
		case '}':
			if (c->n_blocks)
				c->n_blocks--;
			new_line(c);
			break;
		case '(':
			c->in_paren = true;
			copy_word(c->paren, c->n_words ? c->words[c->n_words - 1] : "", c->n_words ? strlen(c->words[c->n_words - 1]) : 0);
			break;
		case ')': c->in_paren = false; break;
		case '.': c->after_dot = true; break;
		case ':': c->after_colon = true; break;
		case '=': c->after_equals = true; break;
		default: break;
		}
		i++;
	}
}

static const char *block(const struct context *c)
{
	if (c->n_blocks == 0)
		return "";
	return c->n_blocks <= CONTEXT_MAX_BLOCKS ? c->blocks[c->n_blocks - 1] : "";
}

static bool first_is(const struct context *c, const char *w)
{
	return c->n_words > 0 && strcmp(c->words[0], w) == 0;
}

static bool last_is(const struct context *c, const char *w)
{
	return c->n_words > 0 && strcmp(c->words[c->n_words - 1], w) == 0;
}

static bool one_of(const char *w, const char *const *list)
{
	for (; *list; list++)
		if (strcmp(w, *list) == 0)
			return true;
	return false;
}

/* ---- items --------------------------------------------------------------------------------- */

static void item(json_t *list, const char *label, int kind, const char *detail)
{
	json_t *j = json_pack("{s:s,s:i}", "label", label, "kind", kind);
	if (detail)
		json_object_set_new(j, "detail", json_string(detail));
	json_array_append_new(list, j);
}

static void words(json_t *list, const char *const *w, int kind)
{
	for (; *w; w++)
		item(list, *w, kind, NULL);
}

/* What may start a line in each block (the grammar's items). */
static const char *const top_items[] = { "terms", "meeting", "rule", "use", NULL };
static const char *const term_items[] = { "version", "effective", "review", "meets", "use", "role", "member",
	"size", "quorum", "consensus", "casting", "interests", "class", "virtual", "notice", "rule", "example",
	"chaired", "minutes", "maps", NULL };
static const char *const quorum_items[] = { "require", "to", NULL };
static const char *const class_items[] = { "when", "require", "notice", "approval", "to", NULL };
static const char *const interests_items[] = { "conflicted", "to", NULL };
static const char *const virtual_items[] = { "ratify", "to", NULL };
static const char *const record_items[] = { "terms", "chair", "papers", "minutes", "present", "apologies",
	"attending", "arrives", "leaves", "deputy", "motion", NULL };
static const char *const motion_items[] = { "interest", "for", "against", "abstain", "tally", "consensus",
	"objection", "casting", "recorded", "declared", "expect", "notice", "virtual", "ratifies", "chair", "approved",
	"refused", NULL };
/* Words of an expression that are not names. */
static const char *const expr_words[] = { "present", "members", "attendees", "conflicted", "eligible", "yes", "no", "abstain",
	"cast", "votes", "half", "of", "and", "or", "not", "motion", "min", "max", "floor", "ceil", "rounded",
	"true", "false", NULL };
static const char *const outcomes[] = { "carried", "not", "void", "provisional", "undetermined", NULL };
/* Lines of a record whose words are members. */
static const char *const member_lists[] = { "present", "apologies", "attending", "arrives", "leaves", "for",
	"against", "abstain", NULL };
static const char *const member_one[] = { "chair", "interest", "objection", NULL };

static const struct node *terms_block(const struct analysis *an)
{
	if (an->record_terms_node)
		return an->record_terms_node;
	for (const struct node *n = an->file.items; n; n = n->next)
		if (n->kind == N_TERMS)
			return n;
	return NULL;
}

static void members(json_t *list, const struct analysis *an)
{
	const struct node *t = terms_block(an);
	for (const struct node *n = t ? t->a : NULL; n; n = n->next)
		if (n->kind == N_MEMBER && n->text)
			item(list, n->text, CI_VARIABLE, n->a ? n->a->text : NULL);
}

static bool listed(json_t *list, const char *label)
{
	size_t i;
	json_t *it;
	json_array_foreach(list, i, it)
		if (strcmp(json_string_value(json_object_get(it, "label")), label) == 0)
			return true;
	return false;
}

static void roles_and_tags(json_t *list, const struct analysis *an)
{
	const struct node *t = terms_block(an);
	for (const struct node *n = t ? t->a : NULL; n; n = n->next)
		if (n->kind == N_ROLE && n->text)
			item(list, n->text, CI_INTERFACE, n->a ? n->a->text : NULL);
	for (const struct node *n = t ? t->a : NULL; n; n = n->next)
		for (const struct node *id = n->kind == N_MEMBER ? n->b : NULL; id; id = id->next)
			if (id->kind == N_IDENT && !listed(list, id->text))
				item(list, id->text, CI_ENUM_MEMBER, "tag");
}

static void rules_in(json_t *list, const struct node *items, const char *from)
{
	for (const struct node *n = items; n; n = n->next)
		if (n->kind == N_RULE && n->text && !listed(list, n->text))
			item(list, n->text, CI_FUNCTION, from);
}

static void rules(json_t *list, const struct analysis *an)
{
	const struct node *t = terms_block(an);
	rules_in(list, t ? t->a : an->file.items, "rule");
	for (size_t i = 0; i < an->loader.modules.n; i++) {
		const struct module *m = an->loader.modules.items[i];
		if (m->state != -1)
			rules_in(list, m->file.items, m->name);
	}
}

/* A file of rules (and uses), not a terms file or a record. */
static bool is_module(struct server *s, const char *path)
{
	struct source src;
	struct diag_sink diag;
	struct ast_file file;
	const char *why = NULL;
	diag_init(&diag, &s->scratch);
	if (source_load(&src, &s->scratch, path, &why) != 0 || parse_file(&s->scratch, &diag, &src, &file) != 0)
		return false;
	for (const struct node *n = file.items; n; n = n->next)
		if (n->kind != N_RULE && n->kind != N_USE)
			return false;
	return file.items != NULL;
}

static bool is_name(const char *s, size_t n)
{
	if (n == 0 || (*s >= '0' && *s <= '9'))
		return false;
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9') ||
		      s[i] == '_'))
			return false;
	return !lsp_is_keyword(s, n);
}

static int compare_labels(const void *a, const void *b)
{
	return strcmp(json_string_value(json_object_get(*(json_t *const *)a, "label")),
	              json_string_value(json_object_get(*(json_t *const *)b, "label")));
}

/* Modules on the search path: DIR/std/NAME.tor, a file of rules, is std.NAME. */
static void modules(json_t *list, struct server *s)
{
	json_t *found = json_array();
	for (unsigned i = 0; i < s->opt->n_module_dirs; i++) {
		DIR *top = opendir(s->opt->module_dirs[i]);
		for (struct dirent *e = top ? readdir(top) : NULL; e; e = readdir(top)) {
			if (!is_name(e->d_name, strlen(e->d_name)))
				continue;
			const char *sub = arena_printf(&s->scratch, "%s/%s", s->opt->module_dirs[i], e->d_name);
			DIR *d = opendir(sub);
			for (struct dirent *f = d ? readdir(d) : NULL; f; f = readdir(d)) {
				size_t n = strlen(f->d_name);
				if (n < 5 || strcmp(f->d_name + n - 4, ".tor") != 0 || !is_name(f->d_name, n - 4))
					continue;
				const char *name = arena_printf(&s->scratch, "%s.%.*s", e->d_name, (int)(n - 4), f->d_name);
				if (!listed(found, name) && is_module(s, arena_printf(&s->scratch, "%s/%s", sub, f->d_name)))
					item(found, name, CI_MODULE, sub);
			}
			if (d)
				closedir(d);
		}
		if (top)
			closedir(top);
	}
	/* directories list in no particular order */
	size_t n = json_array_size(found);
	json_t **items = arena_array(&s->scratch, n + 1, sizeof *items);
	for (size_t i = 0; i < n; i++)
		items[i] = json_array_get(found, i);
	sort_array(items, n, sizeof *items, compare_labels);
	for (size_t i = 0; i < n; i++)
		json_array_append(list, items[i]);
	json_decref(found);
}

static void attributes(json_t *list, const struct node *n, unsigned depth)
{
	for (; n && depth < 300; n = n->next) {
		if (n->kind == N_ATTR && n->text && !listed(list, n->text))
			item(list, n->text, CI_FIELD, "an attribute of the motion");
		attributes(list, n->a, depth + 1);
		attributes(list, n->b, depth + 1);
		attributes(list, n->c, depth + 1);
	}
}

static void expression(json_t *list, const struct analysis *an)
{
	words(list, expr_words, CI_KEYWORD);
	rules(list, an);
}

/* Settings: the word after a setting's keyword. */
static bool setting(json_t *list, const struct context *c)
{
	static const char *const consensus[] = { "first", "never", NULL };
	static const char *const casting_who[] = { "chair", "none", NULL };
	static const char *const conflicted[] = { "vote", "quorum", "leaves", NULL };
	static const char *const vote_values[] = { "void", "allowed", NULL };
	static const char *const quorum_values[] = { "excluded", "counted", "deemed", NULL };
	static const char *const yes_no[] = { "yes", "no", NULL };
	static const char *const notice_what[] = { "papers", "minutes", "amendments", NULL };
	static const char *const role_kind[] = { "voting", "attending", NULL };
	static const char *const casting_vote[] = { "vote", NULL };
	static const char *const outcome_words[] = { "recorded", "declared", "expect", NULL };
	const char *const *w = NULL;
	if (first_is(c, "consensus") && strcmp(block(c), "terms") == 0)
		w = consensus;
	else if (first_is(c, "casting") && last_is(c, "vote"))
		w = casting_who;
	else if (first_is(c, "casting") && c->n_words == 1 && strcmp(block(c), "terms") == 0)
		w = casting_vote;
	else if (first_is(c, "conflicted") && c->n_words == 1)
		w = conflicted;
	else if (first_is(c, "conflicted") && c->after_colon)
		w = last_is(c, "vote") ? vote_values : last_is(c, "quorum") ? quorum_values : yes_no;
	else if (first_is(c, "notice") && strcmp(block(c), "terms") == 0 && c->n_words == 1)
		w = notice_what;
	else if (first_is(c, "role") && c->string_on_line)
		w = role_kind;
	else if (c->n_words && one_of(c->words[0], outcome_words))
		w = outcomes;
	if (!w)
		return false;
	words(list, w, CI_VALUE);
	return true;
}

json_t *lsp_completion(struct server *s, json_t *params, struct rpc_error *err)
{
	struct doc *d = param_doc(s, params, err);
	uint32_t off;
	if (!d || !param_offset(s, d, params, "position", &off, err))
		return NULL;
	struct context c;
	read_context(&c, d->an.src.text, off);
	json_t *list = json_array();
	const struct analysis *an = &d->an;
	const char *b = block(&c);
	bool in_record = one_of(b, (const char *const[]){ "meeting", "example", "motion", NULL });
	if (c.in_literal)
		return list;
	if (c.in_paren && one_of(c.paren, (const char *const[]){ "present", "members", "attendees", NULL })) {
		roles_and_tags(list, an);
	} else if (c.after_dot && last_is(&c, "motion")) {
		const char *usual[ATTR__N + 1] = { NULL };
		for (int k = 0; k < ATTR__N; k++)
			usual[k] = attr_name((enum known_attr)k);
		words(list, usual, CI_FIELD);
		attributes(list, terms_block(an), 0);
	} else if (first_is(&c, "use")) {
		modules(list, s);
	} else if (setting(list, &c)) {
		/* done */
	} else if (c.n_words == 0) {
		const char *const *w = !*b ? top_items
		                     : strcmp(b, "terms") == 0 ? term_items
		                     : strcmp(b, "quorum") == 0 ? quorum_items
		                     : strcmp(b, "class") == 0 ? class_items
		                     : strcmp(b, "interests") == 0 ? interests_items
		                     : strcmp(b, "virtual") == 0 ? virtual_items
		                     : strcmp(b, "motion") == 0 ? motion_items
		                     : in_record ? record_items : NULL;
		if (w)
			words(list, w, CI_KEYWORD);
	} else if (in_record && (one_of(c.words[0], member_lists) || (one_of(c.words[0], member_one) && c.n_words == 1))) {
		members(list, an);
	} else if (first_is(&c, "member") && strcmp(b, "terms") == 0 && c.string_on_line) {
		roles_and_tags(list, an);
		words(list, (const char *const[]){ "from", "until", NULL }, CI_KEYWORD);
	} else if (first_is(&c, "require") || first_is(&c, "when") || (first_is(&c, "rule") && c.after_equals) ||
	           c.in_paren) {
		expression(list, an);
	}
	return list;
}

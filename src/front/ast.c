/*
** ast: node construction, names and a debug dump.  See ast.h.
*/
#include "front/ast.h"

#include <string.h>

static const char *const kind_names[N__COUNT] = {
#define NODE(id, name, slots) [id] = name,
#include "front/ast_kinds.def"
#undef NODE
};

struct node *ast_new(struct arena *a, enum node_kind kind, struct span span)
{
	struct node *n = arena_alloc(a, sizeof *n);
	n->kind = kind;
	n->span = span;
	return n;
}

const char *ast_kind_name(enum node_kind kind)
{
	return kind < N__COUNT ? kind_names[kind] : "?";
}

const char *ast_op_text(enum ast_op op)
{
	switch (op) {
	case OP_NONE: return "";
	case OP_NOT: return "not";
	case OP_NEG: return "-";
	case OP_ADD: return "+";
	case OP_SUB: return "-";
	case OP_MUL: return "*";
	case OP_DIV: return "/";
	case OP_OF: return "of";
	case OP_LT: return "<";
	case OP_LE: return "<=";
	case OP_GT: return ">";
	case OP_GE: return ">=";
	case OP_EQ: return "==";
	case OP_NE: return "!=";
	case OP_AND: return "and";
	case OP_OR: return "or";
	}
	return "?";
}

const char *ast_count_name(enum count_kind c)
{
	static const char *const names[COUNT__N] = {
		"members", "present", "conflicted", "eligible",
		"yes", "no", "abstain", "cast", "votes", "attendees",
	};
	return c < COUNT__N ? names[c] : "?";
}

const char *ast_round_word(enum round_mode m)
{
	switch (m) {
	case ROUND_UP: return "up";
	case ROUND_DOWN: return "down";
	case ROUND_NEAREST: return "to nearest";
	case ROUND_INVALID: break;
	}
	return "?";
}

static const char *const outcome_names[][2] = {
#define OUTCOME(id, name, word) [id] = { name, word },
#include "front/outcomes.def"
#undef OUTCOME
};

const char *ast_outcome_name(enum outcome o)
{
	return (unsigned)o < sizeof outcome_names / sizeof outcome_names[0] ? outcome_names[o][0] : "?";
}

const char *ast_outcome_word(enum outcome o)
{
	return (unsigned)o < sizeof outcome_names / sizeof outcome_names[0] ? outcome_names[o][1] : "?";
}

bool ast_outcome_of(const char *name, enum outcome *out)
{
	for (unsigned o = OUTCOME_NONE + 1; o < sizeof outcome_names / sizeof outcome_names[0]; o++)
		if (strcmp(outcome_names[o][0], name) == 0) {
			*out = (enum outcome)o;
			return true;
		}
	return false;
}

size_t ast_list_len(const struct node *n)
{
	size_t len = 0;
	for (; n; n = n->next)
		len++;
	return len;
}

void ast_list_append(struct node_list *l, struct node *n)
{
	if (!n)
		return;
	if (l->last)
		l->last->next = n;
	else
		l->first = n;
	l->last = n;
}

/* Depth is bounded by the parser's nesting check before any dump. */
void ast_dump(const struct node *n, FILE *out, int indent)
{
	for (; n; n = n->next) {
		fprintf(out, "%*s%s", indent * 2, "", ast_kind_name(n->kind));
		if (n->text)
			fprintf(out, " \"%s\"", n->text);
		if (n->clause)
			fprintf(out, " §%s", n->clause);
		if (n->op)
			fprintf(out, " op=%d", n->op);
		if (n->kind == N_NUMBER) {
			char buf[RAT_FMT_MAX];
			fprintf(out, " =%s", rat_format(n->v.num, buf, sizeof buf));
		} else if (n->kind == N_DATE) {
			char buf[DATE_FMT_MAX];
			fprintf(out, " %s", date_format(n->v.date, buf));
		} else if (n->kind == N_DURATION) {
			char buf[DUR_FMT_MAX];
			fprintf(out, " %s", duration_format(n->v.dur, buf));
		} else if (n->kind == N_BOOL) {
			fprintf(out, " %s", n->v.boolean ? "true" : "false");
		}
		fputc('\n', out);
		const struct node *kids[4] = { n->a, n->b, n->c, n->d };
		for (int i = 0; i < 4; i++)
			if (kids[i])
				ast_dump(kids[i], out, indent + 1);
	}
}

/*
** ast: the syntax tree of terms files (.tor) and meeting records (.minutes).
**
** One node type for every construct, tagged by `kind`.  A node carries its
** byte span, a `next` link for the list it belongs to, and a few general slots
** whose meaning depends on the kind (the table in ast_kinds.def says which).
** Nodes are allocated in the parse arena and never freed one by one.
**
** The tree keeps what the author wrote (number lexemes, clause labels, word
** order) so `fmt` can print it back; meaning is given by sema, not here.
*/
#ifndef QUORATE_AST_H
#define QUORATE_AST_H

#include <stdbool.h>
#include <stdio.h>

#include "base/arena.h"
#include "base/date.h"
#include "base/rational.h"
#include "front/source.h"

enum node_kind {
#define NODE(id, name, slots) id,
#include "front/ast_kinds.def"
#undef NODE
	N__COUNT
};

/* Operators of N_UNARY and N_BINARY, in one enum. */
enum ast_op {
	OP_NONE,
	OP_NOT, OP_NEG,
	OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_OF,
	OP_LT, OP_LE, OP_GT, OP_GE, OP_EQ, OP_NE,
	OP_AND, OP_OR
};

/* The counts an expression can name (N_COUNT.op).  docs/reference.md#counts */
enum count_kind {
	COUNT_MEMBERS, COUNT_PRESENT, COUNT_CONFLICTED, COUNT_ELIGIBLE,
	COUNT_YES, COUNT_NO, COUNT_ABSTAIN, COUNT_CAST, COUNT_VOTES,
	COUNT_ATTENDEES,   /* present without a vote (roles all `attending`) */
	COUNT__N
};

/* How `rounded` rounds (N_ROUND.op, and EX_ROUND.op once compiled);
** ROUND_INVALID: `rounded` followed by another word (sema reports it). */
enum round_mode { ROUND_INVALID, ROUND_UP, ROUND_DOWN, ROUND_NEAREST };

/* Built-in functions (N_FUNC.op). */
enum func_kind { FUNC_MIN, FUNC_MAX, FUNC_FLOOR, FUNC_CEIL };

/* Outcomes, as written after `recorded`, `declared` and `expect`
** (outcomes.def; OUTCOME_NONE: none written). */
enum outcome {
#define OUTCOME(id, name, word) id,
#include "front/outcomes.def"
#undef OUTCOME
};

/* Named votes (N_VOTES.op) and casting votes (N_CASTING_VOTE.op). */
enum vote_kind { VOTE_FOR, VOTE_AGAINST, VOTE_ABSTAIN };

struct node {
	enum node_kind kind;
	struct span span;
	struct node *next;        /* next sibling in the enclosing list */
	int op;                   /* operator, count, outcome, flag: per kind */
	const char *text;         /* name, string contents, number lexeme */
	struct span text_span;    /* where `text` was written, if separate */
	const char *clause;       /* clause label without the '§' ("3.3.2"), or NULL */
	struct node *a, *b, *c, *d; /* children: per kind, see ast_kinds.def */
	union {
		struct rat num;       /* N_NUMBER */
		qdate date;           /* N_DATE */
		struct duration dur;  /* N_DURATION */
		bool boolean;         /* N_BOOL */
	} v;
};

/* The result of parsing one file. */
struct comment {
	struct span span;        /* from '#' to the end of the line */
	bool own_line;           /* nothing but blanks before it on its line */
};

struct ast_file {
	const struct source *src;
	struct node *items;      /* N_TERMS, N_MEETING... in file order */
	VEC(struct comment) comments;
};

struct node *ast_new(struct arena *a, enum node_kind kind, struct span span);
const char *ast_kind_name(enum node_kind kind);
const char *ast_op_text(enum ast_op op);
const char *ast_count_name(enum count_kind c);
const char *ast_outcome_name(enum outcome o);   /* "not carried" */
const char *ast_outcome_word(enum outcome o);   /* "not-carried" */
const char *ast_round_word(enum round_mode m);  /* "up", "down", "to nearest": what follows `rounded` */
/* The outcome named `name` ("carried"...; never OUTCOME_NONE), or false. */
bool ast_outcome_of(const char *name, enum outcome *out);

/* Number of nodes in a `next`-linked list. */
size_t ast_list_len(const struct node *n);

/* A list under construction in the parser: O(1) append. */
struct node_list {
	struct node *first, *last;
};
void ast_list_append(struct node_list *l, struct node *n);

/* Debug dump of a tree (one node per line, indented), for tests. */
void ast_dump(const struct node *n, FILE *out, int indent);

#endif

/*
** english: rules in plain English, for members and new chairs.
**
** A condition is read out as a sentence: `yes >= 75% of members` becomes
** "the votes in favour must be at least 75% of the voting members".  Rules
** called with arguments are read with the arguments in place.  The
** rendering is for reading only: decisions are never made from it.
*/
#include "run/english.h"

#include <string.h>

#include "model/attrs.h"

struct english {
	struct sbuf *b;
	const struct terms *t;
	const struct expr *const *args;   /* arguments of the rule being read */
	const struct english *caller;     /* where the arguments are read */
	bool must;                        /* "must be at least" (a rule) or "is at least" (a state) */
};

static void phrase(const struct english *en, const struct expr *e);

static void group_list(const struct english *en, uint64_t mask)
{
	unsigned n = 0, total = 0;
	for (unsigned g = 0; g < en->t->n_groups; g++)
		total += (mask >> g) & 1;
	for (unsigned g = 0; g < en->t->n_groups; g++) {
		if (!((mask >> g) & 1))
			continue;
		const struct group *gr = &en->t->groups[g];
		if (n > 0)
			sbuf_add(en->b, n + 1 == total ? " or " : ", ");
		if (gr->is_role)
			sbuf_add(en->b, gr->title ? gr->title : gr->id);
		else
			sbuf_addf(en->b, "tagged %s", gr->id);
		n++;
	}
}

static void count_phrase(const struct english *en, const struct expr *e)
{
	static const char *const base[COUNT__N] = {
		[COUNT_MEMBERS] = "the voting members",
		[COUNT_PRESENT] = "the voting members present",
		[COUNT_CONFLICTED] = "the members present who declared an interest",
		[COUNT_ELIGIBLE] = "the members present and entitled to vote",
		[COUNT_YES] = "the votes in favour",
		[COUNT_NO] = "the votes against",
		[COUNT_ABSTAIN] = "the abstentions",
		[COUNT_CAST] = "the votes cast (for and against)",
		[COUNT_VOTES] = "the votes including abstentions",
		[COUNT_ATTENDEES] = "those present who attend without a vote",
	};
	const char *text = base[e->count];
	/* "the number of the votes..." reads badly: drop the article there */
	if (!en->must && strncmp(text, "the ", 4) == 0 && en->b->len >= 14 &&
	    strcmp(en->b->text + en->b->len - 14, "the number of ") == 0)
		text += 4;
	sbuf_add(en->b, text);
	if (e->mask >= 0) {
		sbuf_add(en->b, " who are ");
		group_list(en, en->t->masks[e->mask]);
	}
}

/* 1/2 -> "half", 3/4 -> "three quarters"; others as written. */
static bool fraction_words(struct sbuf *b, struct rat r)
{
	static const struct { int64_t num, den; const char *words; } named[] = {
		{ 1, 2, "half" }, { 1, 3, "one third" }, { 2, 3, "two thirds" },
		{ 1, 4, "one quarter" }, { 3, 4, "three quarters" }, { 1, 1, "all" },
	};
	for (size_t i = 0; i < sizeof named / sizeof named[0]; i++) {
		if (r.num == named[i].num && r.den == named[i].den) {
			sbuf_add(b, named[i].words);
			return true;
		}
	}
	return false;
}

static void constant(const struct english *en, const struct expr *e)
{
	char buf[RAT_FMT_MAX];
	const struct node *n = e->src;
	if (e->constant.type == VT_NUM && n && n->kind == N_NUMBER && n->text && strchr(n->text, '%')) {
		sbuf_add(en->b, n->text);
		return;
	}
	if (e->constant.type == VT_NUM && !rat_is_int(e->constant.u.num) && fraction_words(en->b, e->constant.u.num))
		return;
	sbuf_add(en->b, value_format(&e->constant, buf, sizeof buf));
}

static const char *relation(int op)
{
	switch (op) {
	case OP_GE: return "at least";
	case OP_GT: return "more than";
	case OP_LE: return "at most";
	case OP_LT: return "fewer than";
	case OP_EQ: return "exactly";
	default: return "other than";
	}
}

static void comparison(const struct english *en, const struct expr *e)
{
	if ((e->op == OP_EQ || e->op == OP_NE) && e->a->kind == EX_ATTR) {
		sbuf_addf(en->b, "the motion's %s %s ", e->a->attr, e->op == OP_EQ ? "is" : "is not");
		phrase(en, e->b);
		return;
	}
	if (!en->must && e->a->kind == EX_COUNT)
		sbuf_add(en->b, "the number of ");
	phrase(en, e->a);
	sbuf_addf(en->b, " %s %s ", en->must ? "must be" : "is", relation(e->op));
	phrase(en, e->b);
}

static void binary(const struct english *en, const struct expr *e)
{
	switch (e->op) {
	case OP_AND: case OP_OR:
		phrase(en, e->a);
		sbuf_add(en->b, e->op == OP_AND ? ", and " : ", or ");
		phrase(en, e->b);
		return;
	case OP_OF:
		phrase(en, e->a);
		sbuf_add(en->b, " of ");
		phrase(en, e->b);
		return;
	case OP_DIV:
		if (e->a->kind == EX_CONST && e->b->kind == EX_CONST && e->a->constant.type == VT_NUM &&
		    e->b->constant.type == VT_NUM) {
			struct rat r;
			if (rat_div(e->a->constant.u.num, e->b->constant.u.num, &r) == RAT_OK && fraction_words(en->b, r))
				return;
		}
		phrase(en, e->a);
		sbuf_add(en->b, " divided by ");
		phrase(en, e->b);
		return;
	case OP_ADD: case OP_SUB: case OP_MUL:
		phrase(en, e->a);
		sbuf_add(en->b, e->op == OP_ADD ? " plus " : e->op == OP_SUB ? " minus " : " times ");
		phrase(en, e->b);
		return;
	default:
		comparison(en, e);
	}
}

static void call(const struct english *en, const struct expr *e)
{
	if (!e->rule->body) {
		sbuf_add(en->b, e->rule->name);
		return;
	}
	struct english inner = { en->b, en->t, (const struct expr *const *)e->args, en, en->must };
	phrase(&inner, e->rule->body);
}

static void phrase(const struct english *en, const struct expr *e)
{
	switch (e->kind) {
	case EX_CONST:
		constant(en, e);
		return;
	case EX_COUNT:
		count_phrase(en, e);
		return;
	case EX_ATTR:
		if (attr_english(e->attr, false))
			sbuf_add(en->b, attr_english(e->attr, false));
		else if (e->type == VT_BOOL)
			sbuf_addf(en->b, "the motion is marked %s", e->attr);
		else
			sbuf_addf(en->b, "the motion's %s", e->attr);
		return;
	case EX_PARAM:
		if (en->args && en->caller)
			phrase(en->caller, en->args[e->param]);
		else
			sbuf_add(en->b, "?");
		return;
	case EX_UNARY:
		if (e->op == OP_NOT && e->a->kind == EX_ATTR && attr_english(e->a->attr, true)) {
			sbuf_add(en->b, attr_english(e->a->attr, true));
			return;
		}
		if (e->op == OP_NOT && e->a->kind == EX_ATTR && e->a->type == VT_BOOL) {
			sbuf_addf(en->b, "the motion is not marked %s", e->a->attr);
			return;
		}
		sbuf_add(en->b, e->op == OP_NOT ? "it is not so that " : "minus ");
		phrase(en, e->a);
		return;
	case EX_BINARY:
		binary(en, e);
		return;
	case EX_ROUND:
		phrase(en, e->a);
		sbuf_add(en->b, e->op == ROUND_UP ? ", rounded up" : e->op == ROUND_DOWN ? ", rounded down"
		                                                  : ", rounded to the nearest whole number");
		return;
	case EX_FUNC:
		sbuf_add(en->b, e->op == FUNC_MIN ? "the smallest of " : e->op == FUNC_MAX ? "the largest of "
		              : e->op == FUNC_FLOOR ? "the whole part of " : "the next whole number from ");
		for (unsigned i = 0; i < e->n_args; i++) {
			if (i)
				sbuf_add(en->b, i + 1 == e->n_args ? " and " : ", ");
			phrase(en, e->args[i]);
		}
		return;
	case EX_CALL:
		call(en, e);
		return;
	}
}

static const char *render(struct arena *a, const struct terms *t, const struct expr *e, bool must)
{
	struct sbuf b;
	sbuf_init(&b, a);
	struct english en = { &b, t, NULL, NULL, must };
	phrase(&en, e);
	return sbuf_str(&b);
}

const char *english_condition(struct arena *a, const struct terms *t, const struct expr *e)
{
	return render(a, t, e, true);
}

const char *english_state(struct arena *a, const struct terms *t, const struct expr *e)
{
	return render(a, t, e, false);
}

const char *english_duration(struct arena *a, struct duration d, bool clear)
{
	char buf[DUR_FMT_MAX];
	duration_format(d, buf);
	if (!clear)
		return arena_strdup(a, buf);
	/* "5 days" -> "5 clear days" */
	const char *space = strchr(buf, ' ');
	return arena_printf(a, "%.*s clear%s", (int)(space ? space - buf : 0), buf, space ? space : "");
}

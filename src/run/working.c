/*
** working: a rule shown with its numbers.  See working.h.
*/
#include "run/working.h"

#include <string.h>

#include "base/numfmt.h"

struct text {
	char *buf;          /* WORKING_MAX bytes */
	size_t len;
	bool ok;            /* false: something could not be substituted */
};

/* n bytes of s after the text; a piece that does not fit is left out.
** Every report shows a working under each rule: the pieces written in the
** code are copied by their length (put_lit), not measured again. */
static void put_n(struct text *t, const char *s, size_t n)
{
	if (t->len + n >= WORKING_MAX) {
		t->ok = false;
		return;
	}
	memcpy(t->buf + t->len, s, n);
	t->len += n;
	t->buf[t->len] = '\0';
}

#define put_lit(t, lit) put_n((t), (lit), sizeof(lit) - 1)

static void put(struct text *t, const char *s)
{
	put_n(t, s, strlen(s));
}

/* A value as value_format writes it; a whole number (most: counts and
** thresholds) in decimal by hand. */
static void put_value(struct text *t, const struct value *v)
{
	char buf[RAT_FMT_MAX];
	if (v->type == VT_NUM && v->u.num.den == 1 && v->places == 0)
		put_n(t, buf, numfmt_i64_fast(buf, v->u.num.num));
	else
		put(t, value_format(v, buf, sizeof buf));
}

static void render(struct text *t, const struct expr *e, const struct counts *c);

/* The expression with counts replaced by their values at this motion, its
** parentheses where they were written (the grammar decided the grouping). */
static void render_bare(struct text *t, const struct expr *e, const struct counts *c)
{
	char buf[RAT_FMT_MAX];
	switch (e->kind) {
	case EX_CONST:
		if (e->src && e->src->kind == N_NUMBER && e->src->text)
			put(t, e->src->text);
		else
			put(t, value_format(&e->constant, buf, sizeof buf));
		return;
	case EX_COUNT:
		put_n(t, buf, numfmt_i64_fast(buf, expr_count_value(e, c)));
		return;
	case EX_BINARY: {
		render(t, e->a, c);
		bool tight = e->op == OP_DIV; /* "2/3", as fractions are written */
		put_n(t, " ", !tight);
		put(t, ast_op_text((enum ast_op)e->op));
		put_n(t, " ", !tight);
		render(t, e->b, c);
		return;
	}
	case EX_UNARY:
		if (e->op == OP_NOT)
			put_lit(t, "not ");
		else
			put_lit(t, "-");
		render(t, e->a, c);
		return;
	case EX_ROUND:
		render(t, e->a, c);
		put_lit(t, " rounded ");
		put(t, ast_round_word((enum round_mode)e->op));
		return;
	default:
		t->ok = false; /* parameters, calls, functions: shown by value */
		return;
	}
}

static void render(struct text *t, const struct expr *e, const struct counts *c)
{
	if (e->paren)
		put_lit(t, "(");
	render_bare(t, e, c);
	if (e->paren)
		put_lit(t, ")");
}

/* One side of a comparison: "75% of 9 = 6.75", or just "4". */
static void render_side(struct text *t, const struct expr *e, const struct value *v, const struct counts *c)
{
	if (e->kind == EX_CONST || e->kind == EX_COUNT) {
		put_value(t, v);
		return;
	}
	char sub_buf[WORKING_MAX];
	struct text sub = { .buf = sub_buf, .ok = true };
	sub_buf[0] = '\0';
	render(&sub, e, c);
	if (sub.ok) {
		put_n(t, sub.buf, sub.len);
		put_lit(t, " = ");
	}
	put_value(t, v);
}

const char *working_write(char buf[WORKING_MAX], const struct trace_step *steps, unsigned n, bool truncated,
                          const struct counts *c)
{
	struct text t = { .buf = buf, .ok = true };
	buf[0] = '\0';
	for (unsigned i = 0; i < n; i++) {
		const struct trace_step *s = &steps[i];
		if (i > 0)
			put_lit(&t, "; ");
		render_side(&t, s->cmp->a, &s->lhs, c);
		put_lit(&t, " ");
		put(&t, ast_op_text((enum ast_op)s->cmp->op));
		put_lit(&t, " ");
		render_side(&t, s->cmp->b, &s->rhs, c);
		if (s->empty_base)
			put_lit(&t, " (the base is 0, so the threshold is not met)");
	}
	if (truncated)
		put_lit(&t, "; ...");
	return buf;
}

/* The counts render shows in e, in the order it shows them. */
static void key_counts(struct wbuf_key *k, const struct expr *e, const struct counts *c)
{
	switch (e->kind) {
	case EX_COUNT:
		wbuf_key_push(k, (uint64_t)expr_count_value(e, c));
		return;
	case EX_BINARY:
		key_counts(k, e->a, c);
		key_counts(k, e->b, c);
		return;
	case EX_UNARY:
	case EX_ROUND:
		key_counts(k, e->a, c);
		return;
	default: /* constants are the expression's; anything else is shown by value */
		return;
	}
}

/* A side's value: a whole number (most) in one word, its low bit set;
** else a word 0 and the fraction, its places and empty base in three. */
static void key_side(struct wbuf_key *k, const struct expr *e, const struct value *v, const struct counts *c)
{
	if (v->type != VT_NUM) {
		k->ok = false;
		return;
	}
	int64_t num = v->u.num.num;
	if (v->u.num.den == 1 && v->places == 0 && !v->empty_base && num >= INT64_MIN / 2 && num <= INT64_MAX / 2) {
		wbuf_key_push(k, (uint64_t)num << 1 | 1);
	} else {
		wbuf_key_push(k, 0);
		wbuf_key_push(k, (uint64_t)num);
		wbuf_key_push(k, (uint64_t)v->u.num.den);
		wbuf_key_push(k, (uint64_t)v->places | (uint64_t)v->empty_base << 8);
	}
	if (e->kind != EX_CONST && e->kind != EX_COUNT)
		key_counts(k, e, c);
}

void working_key(struct wbuf_key *k, const struct trace_step *steps, unsigned n, bool truncated,
                 const struct counts *c)
{
	wbuf_key_push(k, (uint64_t)n | (uint64_t)truncated << 32);
	for (unsigned i = 0; i < n && k->ok; i++) {
		const struct trace_step *s = &steps[i];
		wbuf_key_push(k, (uint64_t)(uintptr_t)s->cmp | (uint64_t)s->empty_base);
		key_side(k, s->cmp->a, &s->lhs, c);
		key_side(k, s->cmp->b, &s->rhs, c);
	}
}

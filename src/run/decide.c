/*
** decide: outcomes from counts.  See decide.h and docs/semantics.md.
*/
#include "run/decide.h"

void counts_set_votes(struct counts *c, int64_t yes, int64_t no, int64_t abstain)
{
	c->n[COUNT_YES] = yes;
	c->n[COUNT_NO] = no;
	c->n[COUNT_ABSTAIN] = abstain;
	c->n[COUNT_CAST] = yes + no;
	c->n[COUNT_VOTES] = yes + no + abstain;
}

/* true/false, or -1 when a requirement cannot be evaluated. */
static int rules_met(const struct dclass *cl, const struct counts *c, const struct attr *attrs, unsigned n_attrs)
{
	struct expr_env env = { c, attrs, n_attrs, NULL, NULL };
	for (unsigned i = 0; i < cl->n_requires; i++) {
		bool met;
		const struct expr *fault;
		if (expr_test(cl->requires[i].cond, &env, &met, &fault) != EXPR_OK)
			return -1;
		if (!met)
			return 0;
	}
	return 1;
}

static enum outcome outcome_of(int met)
{
	return met < 0 ? OUTCOME_UNDETERMINED : met ? OUTCOME_CARRIED : OUTCOME_NOT_CARRIED;
}

static bool quorate(const struct terms *t, const struct counts *q)
{
	struct expr_env env = { q, NULL, 0, NULL, NULL };
	for (unsigned i = 0; i < t->n_quorum; i++) {
		bool met;
		const struct expr *fault;
		if (expr_test(t->quorum[i].cond, &env, &met, &fault) != EXPR_OK || !met)
			return false;
	}
	return true;
}

static const struct dclass *select_class(const struct terms *t, const struct scenario *s, bool *failed)
{
	struct expr_env env = { &s->votes, s->attrs, s->n_attrs, NULL, NULL };
	const struct dclass *cls;
	const struct expr *fault;
	*failed = expr_select_class(t, &env, &cls, &fault) != EXPR_OK || !cls;
	return *failed ? NULL : cls;
}

static struct counts with_casting(const struct counts *c, enum vote_kind way)
{
	struct counts r = *c;
	counts_set_votes(&r, c->n[COUNT_YES] + (way == VOTE_FOR), c->n[COUNT_NO] + (way == VOTE_AGAINST),
	                 c->n[COUNT_ABSTAIN]);
	return r;
}

void decide_scenario(const struct terms *t, const struct scenario *s, struct decision *out)
{
	out->outcome = OUTCOME_UNDETERMINED;
	out->casting_applied = false;
	out->quorate = !t->quorum_tba && t->n_quorum > 0 && quorate(t, &s->quorum);
	bool failed;
	out->cls = select_class(t, s, &failed);
	if (t->quorum_tba || t->n_quorum == 0)
		return; /* the quorum cannot be judged */
	if (!out->quorate) {
		out->outcome = OUTCOME_VOID;
		return;
	}
	if (failed || out->cls->tba)
		return;
	const struct counts *c = &s->votes;
	bool tie = c->n[COUNT_YES] == c->n[COUNT_NO] && c->n[COUNT_CAST] > 0;
	bool can_cast = t->casting_chair && !s->chair_conflicted;
	if (s->has_casting && tie && can_cast) {
		struct counts cc = with_casting(c, s->casting);
		out->casting_applied = true;
		out->outcome = outcome_of(rules_met(out->cls, &cc, s->attrs, s->n_attrs));
		return;
	}
	int met = rules_met(out->cls, c, s->attrs, s->n_attrs);
	out->outcome = outcome_of(met);
	if (tie && can_cast && !s->has_casting && met >= 0) {
		struct counts cf = with_casting(c, VOTE_FOR), ca = with_casting(c, VOTE_AGAINST);
		int with_for = rules_met(out->cls, &cf, s->attrs, s->n_attrs);
		int with_against = rules_met(out->cls, &ca, s->attrs, s->n_attrs);
		out->outcome = with_for == with_against ? outcome_of(with_for) : OUTCOME_UNDETERMINED;
	}
}

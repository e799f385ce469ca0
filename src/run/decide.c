/*
** decide: the one decision.  See decide.h; every rule here is a row of
** docs/semantics.md.
*/
#include "run/decide.h"

#include <string.h>

void counts_set_votes(struct counts *c, int64_t yes, int64_t no, int64_t abstain)
{
	c->n[COUNT_YES] = yes;
	c->n[COUNT_NO] = no;
	c->n[COUNT_ABSTAIN] = abstain;
	c->n[COUNT_CAST] = yes + no;
	c->n[COUNT_VOTES] = yes + no + abstain;
}

void scenario_init(struct scenario *s, const struct counts *quorum, const struct counts *votes,
                   const struct attr *attrs, unsigned n_attrs)
{
	memset(s, 0, sizeof *s);
	s->quorum = *quorum;
	s->votes = *votes;
	s->attrs = attrs;
	s->n_attrs = n_attrs;
	s->voted = true;
	s->declared = OUTCOME_NONE;
}

bool notice_in_time(qdate given, qdate day, struct duration period, bool clear, qdate *deadline)
{
	/* A period that reaches back before year 1 cannot be met by any date on
	** the calendar: *deadline is then the day before the calendar begins,
	** which reports print as "before year 1" (never an unset value). */
	if (date_sub(day, period, deadline) != DATE_OK) {
		*deadline = DATE_FIRST_DAY - 1;
		return false;
	}
	/* docs/semantics.md#notice: clear days exclude the day of sending and
	** the day of the meeting, so the notice must go out a day earlier. */
	return clear ? given < *deadline : given <= *deadline;
}

/* ---- requirements ---------------------------------------------------------------- */

/*
** Every requirement, in order (each is shown, so none is skipped): true when
** all are met.  *failed when one could not be evaluated: then the result
** means nothing.  checks, when given, receives each one with its trace.
*/
static bool all_met(const struct requirement *reqs, unsigned n, const struct counts *c, const struct attr *attrs,
                    unsigned n_attrs, struct req_check *checks, bool *failed)
{
	bool all = true;
	*failed = false;
	for (unsigned i = 0; i < n; i++) {
		struct req_check scratch, *rc = checks ? &checks[i] : &scratch;
		rc->trace.n = 0;
		rc->trace.truncated = false;
		struct expr_env env = { c, attrs, n_attrs, NULL, checks ? &rc->trace : NULL };
		rc->fault = NULL;
		rc->met = false;
		rc->status = expr_test(reqs[i].cond, &env, &rc->met, &rc->fault);
		if (rc->status != EXPR_OK)
			*failed = true;
		else if (!rc->met)
			all = false;
	}
	return all;
}

static enum quorum_state quorum_on(const struct terms *t, const struct counts *q, struct decision_detail *detail)
{
	if (t->quorum_tba || t->n_quorum == 0)
		return QUORUM_TBA;
	bool failed;
	bool met = all_met(t->quorum, t->n_quorum, q, NULL, 0, detail ? detail->quorum : NULL, &failed);
	return failed ? QUORUM_UNKNOWN : met ? QUORUM_MET : QUORUM_NOT_MET;
}

enum quorum_state decide_quorum_of(const struct terms *t, const struct counts *quorum)
{
	return quorum_on(t, quorum, NULL);
}

static enum quorum_state decide_quorum(const struct terms *t, const struct scenario *s, struct decision_detail *detail)
{
	if (s->outside_meeting)
		return QUORUM_NOT_NEEDED;     /* no meeting, no quorum */
	return quorum_on(t, &s->quorum, detail);
}

/* The class rules applied to counts c: carried, not carried, or
** undetermined when one cannot be evaluated. */
static enum outcome apply_rules(const struct dclass *cl, const struct counts *c, const struct scenario *s,
                                struct decision_detail *detail)
{
	bool failed;
	bool met = all_met(cl->requires, cl->n_requires, c, s->attrs, s->n_attrs, detail ? detail->rules : NULL, &failed);
	if (detail)
		detail->n_rules = cl->n_requires;
	return failed ? OUTCOME_UNDETERMINED : met ? OUTCOME_CARRIED : OUTCOME_NOT_CARRIED;
}

/* ---- the steps of a decision ---------------------------------------------------------- */

static void select_class(const struct terms *t, const struct scenario *s, struct decision *d)
{
	struct expr_env env = { &s->votes, s->attrs, s->n_attrs, NULL, NULL };
	const struct dclass *cls;
	d->class_status = expr_select_class(t, &env, &cls, &d->class_fault);
	/* A class that cannot be tested might be the one: never guess. */
	d->untestable = d->class_status != EXPR_OK ? cls : NULL;
	d->cls = d->class_status == EXPR_OK ? cls : NULL;
}

static void check_notice(const struct scenario *s, struct decision *d)
{
	const struct dclass *cl = d->cls;
	if (!s->notice_checked || !cl || !cl->has_notice)
		d->notice = NOTICE_NOT_NEEDED;
	else if (!s->has_notice_given)
		d->notice = NOTICE_MISSING;
	else
		d->notice = notice_in_time(s->notice_given, s->day, cl->notice, cl->notice_clear, &d->notice_deadline)
		          ? NOTICE_IN_TIME : NOTICE_LATE;
}

static struct counts with_casting(const struct counts *c, enum vote_kind way)
{
	struct counts r = *c;
	counts_set_votes(&r, c->n[COUNT_YES] + (way == VOTE_FOR), c->n[COUNT_NO] + (way == VOTE_AGAINST),
	                 c->n[COUNT_ABSTAIN]);
	return r;
}

/* docs/semantics.md#ties: a casting vote exists only where the terms give
** one, only on an equality, and is added to the count before the rules are
** applied again; a chair with an interest, or not present, has none. */
static enum outcome decide_votes(const struct terms *t, const struct scenario *s, struct decision *d,
                                 struct decision_detail *detail)
{
	const struct counts *c = &s->votes;
	bool tie = c->n[COUNT_YES] == c->n[COUNT_NO] && c->n[COUNT_CAST] > 0;
	bool can_cast = t->casting_chair && !s->chair_conflicted && !s->chair_absent;
	if (s->has_casting) {
		d->casting = !t->casting_chair ? CASTING_NOT_GIVEN
		           : !tie ? CASTING_NO_TIE
		           : s->chair_conflicted ? CASTING_CONFLICTED
		           : s->chair_absent ? CASTING_CHAIR_ABSENT : CASTING_USED;
		if (d->casting == CASTING_USED) {
			struct counts cc = with_casting(c, s->casting);
			if (detail)
				detail->counts = cc;
			return apply_rules(d->cls, &cc, s, detail);
		}
	}
	enum outcome o = apply_rules(d->cls, c, s, detail);
	if (tie && can_cast && !s->has_casting && s->casting_declined) {
		/* docs/semantics.md#ties: declined, the tie is decided by the rule
		** as it stands (a tie is not a majority for). */
		d->casting = CASTING_DECLINED;
		return o;
	}
	if (tie && can_cast && !s->has_casting && o != OUTCOME_UNDETERMINED) {
		/* Would a casting vote either way change the result? */
		struct counts cf = with_casting(c, VOTE_FOR), ca = with_casting(c, VOTE_AGAINST);
		enum outcome with_for = apply_rules(d->cls, &cf, s, NULL);
		enum outcome with_against = apply_rules(d->cls, &ca, s, NULL);
		if (with_for != with_against) {
			d->tie_unresolved = true;
			return OUTCOME_UNDETERMINED;
		}
		return with_for;
	}
	return o;
}

/* docs/semantics.md#deciding: by consensus, by a declaration only, or by
** the class rules applied to the votes. */
static enum outcome decide_by_record(const struct terms *t, const struct scenario *s, struct decision *d,
                                     struct decision_detail *detail)
{
	if (s->consensus) {
		d->consensus = s->objections ? CONSENSUS_OBJECTED : !t->consensus_allowed ? CONSENSUS_NOT_ALLOWED
		                                                                         : CONSENSUS_AGREED;
		if (d->consensus == CONSENSUS_AGREED) {
			d->basis = BASIS_CONSENSUS;
			return OUTCOME_CARRIED;
		}
		/* No valid consensus and no vote: the motion was not validly
		** agreed, so it is not carried. */
		if (!s->voted) {
			d->basis = BASIS_NO_AGREEMENT;
			return OUTCOME_NOT_CARRIED;
		}
	}
	if (!s->voted) {
		d->basis = s->declared != OUTCOME_NONE ? BASIS_DECLARED : BASIS_NOTHING;
		return s->declared != OUTCOME_NONE ? s->declared : OUTCOME_UNDETERMINED;
	}
	d->basis = !d->cls ? BASIS_NO_CLASS : s->votes_unreliable ? BASIS_UNRELIABLE
	         : d->cls->tba ? BASIS_CLASS_TBA : BASIS_VOTES;
	if (d->basis != BASIS_VOTES)
		return OUTCOME_UNDETERMINED;
	return decide_votes(t, s, d, detail);
}

void decide(const struct terms *t, const struct scenario *s, struct decision *out, struct decision_detail *detail)
{
	struct decision *d = out;
	memset(d, 0, sizeof *d);
	if (detail) {
		detail->counts = s->votes;
		detail->n_rules = 0;
	}
	d->quorum = decide_quorum(t, s, detail);
	select_class(t, s, d);
	check_notice(s, d);
	bool void_anyway = d->quorum == QUORUM_NOT_MET || d->notice == NOTICE_MISSING || d->notice == NOTICE_LATE ||
	                   (s->outside_meeting && !t->virtual_allowed);
	if (void_anyway && !detail) {
		/* Only the outcome is wanted (a search): whatever the votes, void. */
		d->outcome = OUTCOME_VOID;
		d->meeting = !s->outside_meeting ? MEETING_HELD : MEETING_OUTSIDE_DENIED;
		return;
	}
	enum outcome o = decide_by_record(t, s, d, detail);
	/* docs/semantics.md#decisions-outside-meetings */
	if (s->outside_meeting && !t->virtual_allowed) {
		d->meeting = MEETING_OUTSIDE_DENIED;
		o = OUTCOME_VOID;
	} else if (s->outside_meeting) {
		d->meeting = MEETING_OUTSIDE;
		d->provisional = o == OUTCOME_CARRIED;
		if (d->provisional)
			o = OUTCOME_PROVISIONAL;
	}
	/* Not quorate, or without the notice its class needs: void, whatever
	** the votes; a quorum that cannot be judged leaves it undetermined. */
	if (d->quorum == QUORUM_NOT_MET || d->notice == NOTICE_MISSING || d->notice == NOTICE_LATE)
		o = OUTCOME_VOID;
	else if ((d->quorum == QUORUM_TBA || d->quorum == QUORUM_UNKNOWN) && o != OUTCOME_VOID)
		o = OUTCOME_UNDETERMINED;
	d->outcome = o;
}

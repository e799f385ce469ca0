/*
** decide: the one decision.  See decide.h; every rule here is a row of
** docs/semantics.md.
*/
#include "run/decide.h"

#include <stddef.h>
#include <string.h>

#include "base/sbuf.h"

void counts_set_votes(struct counts *c, int64_t yes, int64_t no, int64_t abstain)
{
	c->n[COUNT_YES] = yes;
	c->n[COUNT_NO] = no;
	c->n[COUNT_ABSTAIN] = abstain;
	c->n[COUNT_CAST] = yes + no;
	c->n[COUNT_VOTES] = yes + no + abstain;
}

void scenario_clear(struct scenario *s)
{
	memset(s, 0, offsetof(struct scenario, quorum));
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
                    unsigned n_attrs, struct expr_memo *memo, struct req_check *checks, bool *failed)
{
	bool all = true;
	*failed = false;
	if (checks) {
		/* the same as below, each kept (most calls: eval's) */
		for (unsigned i = 0; i < n; i++) {
			struct req_check *rc = &checks[i];
			rc->trace.n = 0;
			rc->trace.truncated = false;
			struct expr_env env = { c, attrs, n_attrs, NULL, &rc->trace };
			rc->fault = NULL;
			rc->met = false;
			rc->status = expr_test_kept(memo, reqs[i].cond, &env, &rc->met, &rc->fault, &rc->kept);
			if (rc->status != EXPR_OK)
				*failed = true;
			else if (!rc->met)
				all = false;
		}
		return all;
	}
	for (unsigned i = 0; i < n; i++) {
		struct req_check scratch, *rc = checks ? &checks[i] : &scratch;
		rc->trace.n = 0;
		rc->trace.truncated = false;
		struct expr_env env = { c, attrs, n_attrs, NULL, checks ? &rc->trace : NULL };
		rc->fault = NULL;
		rc->met = false;
		rc->kept = NULL;
		rc->status = checks ? expr_test_kept(memo, reqs[i].cond, &env, &rc->met, &rc->fault, &rc->kept)
		                    : expr_test_memo(memo, reqs[i].cond, &env, &rc->met, &rc->fault);
		if (rc->status != EXPR_OK)
			*failed = true;
		else if (!rc->met)
			all = false;
	}
	return all;
}

static enum quorum_state quorum_on(const struct terms *t, const struct counts *q, struct expr_memo *memo,
                                   struct decision_detail *detail)
{
	if (t->quorum_tba || t->n_quorum == 0)
		return QUORUM_TBA;
	bool failed;
	bool met = all_met(t->quorum, t->n_quorum, q, NULL, 0, memo, detail ? detail->quorum : NULL, &failed);
	return failed ? QUORUM_UNKNOWN : met ? QUORUM_MET : QUORUM_NOT_MET;
}

enum quorum_state decide_quorum_of(const struct terms *t, const struct counts *quorum)
{
	return quorum_on(t, quorum, NULL, NULL);
}

static enum quorum_state decide_quorum(const struct terms *t, const struct scenario *s, struct decision_detail *detail)
{
	if (s->outside_meeting)
		return QUORUM_NOT_NEEDED;     /* no meeting, no quorum */
	/* docs/semantics.md#unagreed: sema refuses a quorum the whole roster
	** cannot meet, so with everyone there any quorum agreed is met */
	if (t->quorum_tba && s->everyone_counted)
		return QUORUM_TBA_EVERYONE;
	if (s->quorum_given)
		return (enum quorum_state)s->quorum_verdict;
	return quorum_on(t, &s->quorum, s->memo, detail);
}

/* The class rules applied to counts c: carried, not carried, or
** undetermined when one cannot be evaluated. */
static enum outcome rules_outcome(const struct dclass *cl, const struct counts *c, const struct attr *attrs,
                                  unsigned n_attrs, struct expr_memo *memo, struct decision_detail *detail)
{
	bool failed;
	bool met = all_met(cl->requires, cl->n_requires, c, attrs, n_attrs, memo, detail ? detail->rules : NULL, &failed);
	if (detail)
		detail->n_rules = cl->n_requires;
	return failed ? OUTCOME_UNDETERMINED : met ? OUTCOME_CARRIED : OUTCOME_NOT_CARRIED;
}

static enum outcome apply_rules(const struct dclass *cl, const struct counts *c, const struct scenario *s,
                                struct decision_detail *detail)
{
	return rules_outcome(cl, c, s->attrs, s->n_attrs, s->memo, detail);
}

/* ---- the steps of a decision ---------------------------------------------------------- */

static void select_class(const struct terms *t, const struct scenario *s, struct decision *d)
{
	struct expr_env env = { &s->votes, s->attrs, s->n_attrs, NULL, NULL };
	const struct dclass *cls;
	d->class_status = expr_select_class_memo(s->memo, t, &env, &cls, &d->class_fault);
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

static struct counts with_casting(const struct terms *t, const struct counts *c, enum vote_kind way)
{
	struct counts r;
	counts_copy(&r, c, t->n_masks);
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
			struct counts cc = with_casting(t, c, s->casting);
			if (detail)
				counts_copy(&detail->counts, &cc, t->n_masks);
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
		struct counts cf = with_casting(t, c, VOTE_FOR), ca = with_casting(t, c, VOTE_AGAINST);
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

/* docs/semantics.md#approval-by-another-body: what the meeting carried in a
** class that needs another body's approval is provisional until the body
** approves it, and not carried if the body refuses it. */
static enum outcome approve(const struct scenario *s, struct decision *d, enum outcome o)
{
	const struct dclass *c = d->cls;
	if (!c || !c->approval_by || !s->approval_checked || (o != OUTCOME_CARRIED && o != OUTCOME_PROVISIONAL))
		return o;
	/* an approval by another body, or dated before the decision was
	** taken, is not the approval of this decision: still awaited */
	if (s->approval == APPROVAL_UNRECORDED)
		d->approval = APPROVAL_AWAITED;
	else if (strcmp(s->approval_body, c->approval_by) != 0)
		d->approval = APPROVAL_OTHER_BODY;
	else if (s->approval_on < s->day)
		d->approval = APPROVAL_EARLY;
	else
		d->approval = s->approval == APPROVAL_RECORDED ? APPROVAL_GRANTED : APPROVAL_REFUSED;
	switch (d->approval) {
	case APPROVAL_GRANTED: return o; /* carried, or still provisional until ratified */
	case APPROVAL_REFUSED: return OUTCOME_NOT_CARRIED;
	default: return OUTCOME_PROVISIONAL;
	}
}

static void decide_once(const struct terms *t, const struct scenario *s, struct decision *out,
                        struct decision_detail *detail)
{
	struct decision *d = out;
	memset(d, 0, sizeof *d);
	if (detail) {
		counts_copy(&detail->counts, &s->votes, t->n_masks);
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
	d->outcome = approve(s, d, o);
}

/* ---- the usual motion (decide.h) ------------------------------------------------------ */

bool decide_usual(const struct terms *t, const struct usual_motion *u, struct decision *out,
                  struct decision_detail *detail)
{
	if (t->casting_tba || t->consensus_tba || t->quorum_tba || (!u->voted && !u->consensus) ||
	    (u->consensus && !t->consensus_allowed))
		return false;
	/* select_class */
	struct expr_env env = { u->votes, u->attrs, u->n_attrs, NULL, NULL };
	const struct dclass *cls;
	const struct expr *fault = NULL;
	if (expr_select_class_memo(u->memo, t, &env, &cls, &fault) != EXPR_OK || !cls || cls->has_notice ||
	    cls->approval_by || (!u->consensus && cls->tba))
		return false;
	const struct counts *c = u->votes;
	bool tie = c->n[COUNT_YES] == c->n[COUNT_NO] && c->n[COUNT_CAST] > 0;
	if (!u->consensus && tie && t->casting_chair && !u->chair_absent)
		return false; /* a casting vote either way might decide: decide_votes */
	enum quorum_state q = u->quorum_verdict >= 0 ? (enum quorum_state)u->quorum_verdict
	                                            : quorum_on(t, u->quorum, u->memo, detail);
	if (q != QUORUM_MET && q != QUORUM_NOT_MET)
		return false;
	struct decision *d = out;
	memset(d, 0, sizeof *d);
	d->quorum = q;
	d->cls = cls;
	counts_copy(&detail->counts, c, t->n_masks);
	detail->n_rules = 0;
	enum outcome o;
	if (u->consensus) { /* decide_by_record: agreed */
		d->consensus = CONSENSUS_AGREED;
		d->basis = BASIS_CONSENSUS;
		o = OUTCOME_CARRIED;
	} else {
		d->basis = BASIS_VOTES;
		o = rules_outcome(cls, c, u->attrs, u->n_attrs, u->memo, detail);
	}
	if (d->quorum == QUORUM_NOT_MET)
		o = OUTCOME_VOID;
	d->outcome = o; /* approve: the class needs no approval */
	return true;
}

bool decide_usual_of(const struct terms *t, const struct scenario *s, struct usual_motion *u)
{
	if (s->outside_meeting || s->has_casting || s->casting_declined ||
	    s->votes_unreliable || s->chair_conflicted || s->n_by_interests > 1 || s->approval != APPROVAL_UNRECORDED ||
	    (s->consensus && s->objections > 0) ||
	    (s->quorum_given && s->quorum_verdict != QUORUM_MET && s->quorum_verdict != QUORUM_NOT_MET) ||
	    (t->quorum_tba && s->everyone_counted))
		return false;
	*u = (struct usual_motion){ &s->votes, &s->quorum, s->quorum_given ? s->quorum_verdict : -1, s->voted,
	                            s->consensus, s->chair_absent, s->attrs, s->n_attrs, s->memo };
	return true;
}

/* ---- settings still to be agreed (docs/semantics.md#unagreed) --------------------------- */

/* Ways each interests setting may be agreed: 1 when stated (or no block
** leaves it open).  Way 0 is the default sema filled in. */
static unsigned vote_ways(const struct terms *t)
{
	return t->interests_tba && !t->conflict_vote_stated ? 2 : 1;
}

static unsigned quorum_ways(const struct terms *t)
{
	return t->interests_tba && !t->conflict_quorum_stated ? 3 : 1;
}

static unsigned leaves_ways(const struct terms *t)
{
	return t->interests_tba && !t->conflict_leaves_stated ? 2 : 1;
}

unsigned open_ways(const struct terms *t, enum open_setting k)
{
	switch (k) {
	case OPEN_CASTING: return t->casting_tba ? 2 : 1;
	case OPEN_CONSENSUS: return t->consensus_tba ? 2 : 1;
	default: return vote_ways(t) * quorum_ways(t) * leaves_ways(t);
	}
}

/* Interests way w: the vote setting varies fastest, then the quorum's,
** then leaving (each in the order of its enum, the default first). */
static void interests_way(const struct terms *t, unsigned w, struct terms *out)
{
	unsigned nv = vote_ways(t), nq = quorum_ways(t);
	if (nv > 1)
		out->conflict_vote = (enum conflict_vote)(w % nv);
	w /= nv;
	if (nq > 1)
		out->conflict_quorum = (enum conflict_quorum)(w % nq);
	w /= nq;
	if (leaves_ways(t) > 1)
		out->conflict_leaves = w % 2 == 1;
}

void open_agree(const struct terms *t, const struct open_choice *c, struct terms *out)
{
	*out = *t;
	if (t->casting_tba)
		out->casting_chair = c->way[OPEN_CASTING] == 1;
	if (t->consensus_tba)
		out->consensus_allowed = c->way[OPEN_CONSENSUS] == 1;
	interests_way(t, c->way[OPEN_INTERESTS], out);
}

const char *open_way_text(struct arena *a, const struct terms *t, enum open_setting k, unsigned w, unsigned than)
{
	if (k == OPEN_CASTING)
		return w ? "casting vote chair" : "casting vote none";
	if (k == OPEN_CONSENSUS)
		return w ? "consensus first" : "consensus never";
	struct terms v = *t, o = *t;
	interests_way(t, w, &v);
	interests_way(t, w == than ? w + 1 : than, &o); /* w == than: a way differing in every open part */
	static const char *const quorum_words[] = { "excluded", "counted", "deemed present" };
	struct sbuf b;
	sbuf_init(&b, a);
	if (vote_ways(t) > 1 && (w == than || v.conflict_vote != o.conflict_vote))
		sbuf_addf(&b, "conflicted vote: %s", v.conflict_vote == CONFLICT_VOTE_VOID ? "void" : "allowed");
	if (quorum_ways(t) > 1 && (w == than || v.conflict_quorum != o.conflict_quorum))
		sbuf_addf(&b, "%sconflicted quorum: %s", b.len ? ", " : "", quorum_words[v.conflict_quorum]);
	if (leaves_ways(t) > 1 && (w == than || v.conflict_leaves != o.conflict_leaves))
		sbuf_addf(&b, "%sconflicted leaves: %s", b.len ? ", " : "", v.conflict_leaves ? "yes" : "no");
	return sbuf_str(&b);
}

const char *open_setting_name(enum open_setting k)
{
	return k == OPEN_CASTING ? "the casting vote" : k == OPEN_CONSENSUS ? "decision by consensus"
	                                                                   : "the handling of declared interests";
}

const char *open_clause(const struct terms *t, enum open_setting k)
{
	return k == OPEN_CASTING ? t->casting_clause : k == OPEN_CONSENSUS ? t->consensus_clause : t->interests_clause;
}

/* The i-th way of agreeing every open setting (mixed radix, setting 0 fastest). */
static struct open_choice choice_at(unsigned i, const unsigned n[OPEN__N])
{
	struct open_choice c;
	for (unsigned k = 0; k < OPEN__N; k++) {
		c.way[k] = (unsigned char)(i % n[k]);
		i /= n[k];
	}
	return c;
}

static unsigned index_of(const struct open_choice *c, const unsigned n[OPEN__N])
{
	unsigned i = 0;
	for (unsigned k = OPEN__N; k-- > 0;)
		i = i * n[k] + c->way[k];
	return i;
}

#define OPEN_MAX_WAYS (2 * 2 * DECIDE_MAX_INTEREST_WAYS)

/*
** The motion decided every way the open settings may be agreed (item 8 of
** issue 19): the same outcome every way stands; otherwise it is
** undetermined, and out->open says which settings decide it (one that,
** agreed another way with the rest unchanged, changes the outcome) and two
** ways that differ, the defaults first.
*/
static void decide_open(const struct terms *t, const struct scenario *s, const unsigned n[OPEN__N], unsigned total,
                        struct decision *out)
{
	enum outcome outs[OPEN_MAX_WAYS];
	bool quorum_depends = false, differ = false;
	enum quorum_state q0 = out->quorum;
	for (unsigned i = 0; i < total; i++) {
		struct open_choice c = choice_at(i, n);
		struct terms v;
		open_agree(t, &c, &v);
		const struct scenario *si = c.way[OPEN_INTERESTS] ? &s->by_interests[c.way[OPEN_INTERESTS]] : s;
		struct decision d;
		decide_once(&v, si, &d, NULL);
		outs[i] = d.outcome;
		quorum_depends = quorum_depends || d.quorum != q0;
		differ = differ || outs[i] != outs[0];
	}
	if (!differ)
		return;
	struct open_result *r = &out->open;
	r->quorum_depends = quorum_depends;
	for (unsigned i = 0; i < total; i++) {
		struct open_choice c = choice_at(i, n);
		for (unsigned k = 0; k < OPEN__N; k++)
			for (unsigned w = c.way[k] + 1u; w < n[k] && !(r->deciding & (1u << k)); w++) {
				struct open_choice o = c;
				o.way[k] = (unsigned char)w;
				enum outcome other = outs[index_of(&o, n)];
				if (other == outs[i])
					continue;
				r->deciding |= 1u << k;
				r->example[k][0] = c;
				r->example[k][1] = o;
				r->outcome[k][0] = outs[i];
				r->outcome[k][1] = other;
			}
	}
	out->outcome = OUTCOME_UNDETERMINED;
	out->provisional = false;
}

void decide(const struct terms *t, const struct scenario *s, struct decision *out, struct decision_detail *detail)
{
	decide_once(t, s, out, detail);
	unsigned n[OPEN__N], total = 1;
	for (unsigned k = 0; k < OPEN__N; k++) {
		n[k] = k == OPEN_INTERESTS ? (s->n_by_interests > 1 ? s->n_by_interests : 1) : open_ways(t, (enum open_setting)k);
		total *= n[k];
	}
	if (total > 1)
		decide_open(t, s, n, total, out);
}

/*
** conform_settings: the settings of the local terms against the model's,
** one clause each.  "At least as strict" for each is in docs/conform.md: a
** casting vote, consensus and decisions outside meetings only where the
** model allows them; a conflicted member voting, counting towards the quorum
** or staying in the room only where the model lets them; papers and the
** notice of a motion at least as early, minutes, the next meeting, the review
** and ratification at least as soon, on every day of the calendar; at least
** as many meetings a year; a chair only someone the model allows; votes in
** the minutes where the model wants them.  A setting
** a file does not state is compared as eval reads it (its default), and says
** so.  With `exact` each must be the same.
*/
#include "run/conform_int.h"

#include <string.h>

#include "base/sbuf.h"
#include "run/english.h"

/* ---- periods ------------------------------------------------------------------------- */

struct period {
	struct duration d;
	bool clear;
};

/* The last day something may happen, for an event on day d: papers sent
** (before: the deadline, one day earlier for clear days, as eval counts
** notice), or minutes, the next meeting, the review, a ratification
** (after).  A period that leaves the calendar is never met before, never
** due after. */
static int64_t last_day(qdate d, struct period p, bool before)
{
	qdate x;
	enum date_status st = before ? date_sub(d, p.d, &x) : date_add(d, p.d, &x);
	if (st != DATE_OK)
		return before ? INT64_MIN : INT64_MAX;
	return (int64_t)x - (p.clear ? 1 : 0);
}

static bool in_months(struct duration d)
{
	return d.unit == DUR_MONTHS || d.unit == DUR_YEARS;
}

enum period_order {
	PERIOD_SAME,           /* the same last day on every day */
	PERIOD_STRICTER,       /* never later, sometimes earlier */
	PERIOD_WEAKER          /* later on some day */
};

/*
** How the local period's last day compares with the model's, on every day
** of the calendar.  Periods in days and weeks differ by the same number of
** days on every day, and so do periods in months and years in their order
** (months clamp to the month's end, but a month more is always at least 28
** days more): one day tells.  Days against months vary with the months'
** lengths: every day of a 400-year cycle of the Gregorian calendar, which
** repeats, is tried.
*/
static enum period_order compare_periods(struct period local, struct period model, bool before)
{
	qdate first;
	date_from_ymd(2001, 1, 1, &first);
	int32_t days = in_months(local.d) == in_months(model.d) ? 1 : 146097;
	bool earlier = false;
	for (int32_t i = 0; i < days; i++) {
		int64_t l = last_day(first + i, local, before), m = last_day(first + i, model, before);
		if (l > m)
			return PERIOD_WEAKER;
		earlier = earlier || l < m;
	}
	return earlier ? PERIOD_STRICTER : PERIOD_SAME;
}

/* ---- clauses ------------------------------------------------------------------------- */

struct setting {
	enum conform_topic topic;
	const char *heading;
	const char *model_clause, *local_clause;
	const char *model_reads, *local_reads;
	bool model_stated, local_stated;
};

static const char *stated(struct arena *a, const char *reads, bool is_stated)
{
	return is_stated ? reads : arena_printf(a, "%s (not stated: the default)", reads);
}

static struct conform_clause *add_setting(struct arena *a, struct conform_result *r, const struct setting *s)
{
	struct conform_clause *c = conform_add(a, r, s->topic, s->heading, s->model_clause, s->local_clause);
	c->model_reads = stated(a, s->model_reads, s->model_stated);
	c->local_reads = stated(a, s->local_reads, s->local_stated);
	return c;
}

/*
** A yes-or-no setting where `allows` is the weaker answer (a casting vote,
** consensus, a conflicted member's vote...): the local terms may allow it
** only where the model does; with exact, they must say the same.
*/
static void compare_flag(struct arena *a, struct conform_result *r, const struct setting *s, bool model_allows,
                         bool local_allows, bool exact, const char *why_not)
{
	struct conform_clause *c = add_setting(a, r, s);
	bool ok = exact ? model_allows == local_allows : model_allows || !local_allows;
	if (!ok) {
		c->verdict = CONFORM_NO;
		c->why = exact && model_allows ? "the model allows what the local terms do not" : why_not;
	}
}

static const char *casting_reads(const struct terms *t)
{
	return t->casting_chair ? "on a tie, the chair has a casting vote" : "no casting vote: a tie is not carried";
}

static const char *consensus_reads(const struct terms *t)
{
	return t->consensus_allowed ? "a decision may be taken by consensus when nobody objects"
	                            : "every decision needs a vote";
}

static const char *vote_reads(const struct terms *t)
{
	return terms_conflicted_void(t) ? "a member with a declared interest does not vote (a vote is void)"
	                                : "a member with a declared interest may vote";
}

static const char *quorum_reads(const struct terms *t)
{
	if (!terms_conflicted_counted(t))
		return "a member with a declared interest does not count towards the quorum";
	return t->conflict_quorum == CONFLICT_QUORUM_DEEMED ? "a member with a declared interest is deemed present for the quorum"
	                                                    : "a member with a declared interest counts towards the quorum";
}

static const char *leaves_reads(const struct terms *t)
{
	return t->conflict_leaves ? "a member with a declared interest leaves the room"
	                          : "a member with a declared interest need not leave the room";
}

static void compare_votes_and_interests(struct arena *a, struct conform_result *r, const struct terms *m, bool exact)
{
	const struct terms *l = r->local;
	struct setting s = { TOPIC_CASTING, "casting vote", m->casting_clause, l->casting_clause, casting_reads(m),
	                     casting_reads(l), m->casting_stated, l->casting_stated };
	compare_flag(a, r, &s, m->casting_chair, l->casting_chair, exact,
	             "the local terms give the chair a casting vote, which the model does not");
	s = (struct setting){ TOPIC_CONSENSUS, "consensus", m->consensus_clause, l->consensus_clause, consensus_reads(m),
	                      consensus_reads(l), m->consensus_stated, l->consensus_stated };
	compare_flag(a, r, &s, m->consensus_allowed, l->consensus_allowed, exact,
	             "the local terms allow decisions by consensus, which the model does not");
	s = (struct setting){ TOPIC_CONFLICT_VOTE, "declared interests: voting", m->interests_clause, l->interests_clause,
	                      vote_reads(m), vote_reads(l), m->conflict_vote_stated || m->conflict_leaves_stated,
	                      l->conflict_vote_stated || l->conflict_leaves_stated };
	compare_flag(a, r, &s, !terms_conflicted_void(m), !terms_conflicted_void(l), exact,
	             "the local terms count the vote of a member with a declared interest, which the model makes void");
	s = (struct setting){ TOPIC_CONFLICT_QUORUM, "declared interests: the quorum", m->interests_clause,
	                      l->interests_clause, quorum_reads(m), quorum_reads(l),
	                      m->conflict_quorum_stated || m->conflict_leaves_stated,
	                      l->conflict_quorum_stated || l->conflict_leaves_stated };
	compare_flag(a, r, &s, terms_conflicted_counted(m), terms_conflicted_counted(l), exact,
	             "the local terms count a member with a declared interest towards the quorum, which the model does not");
	s = (struct setting){ TOPIC_CONFLICT_LEAVES, "declared interests: leaving the room", m->interests_clause,
	                      l->interests_clause, leaves_reads(m), leaves_reads(l), m->conflict_leaves_stated,
	                      l->conflict_leaves_stated };
	compare_flag(a, r, &s, !m->conflict_leaves, !l->conflict_leaves, exact,
	             "the local terms let a member with a declared interest stay in the room, which the model does not");
}

/* ---- periods of the calendar ----------------------------------------------------------- */

/* How each dated setting reads, and which way is stricter. */
struct period_kind {
	enum conform_topic topic;
	const char *heading;
	const char *reads[2];      /* before and after the period */
	const char *unset;         /* what a file that does not set it reads */
	bool before;               /* the period runs back from the meeting */
	bool clear_days;           /* `clear` days count (as eval and replay count them) */
	const char *weaker[3];     /* before, between and after the local and the model's period */
};

static const struct period_kind papers_kind = {
	TOPIC_PAPERS, "notice of papers", { "papers sent at least ", " before the meeting" }, "no notice of papers is set",
	true, true, { "papers may be sent ", " before the meeting, later than the model's ", "" }
};
static const struct period_kind minutes_kind = {
	TOPIC_MINUTES, "minutes", { "minutes circulated within ", " after the meeting" }, "no deadline for minutes is set",
	false, true, { "minutes may be circulated up to ", " after the meeting, later than the model's ", "" }
};
static const struct period_kind amendments_kind = {
	TOPIC_AMENDMENTS, "amendments to the minutes", { "minutes amended within ", " after they are circulated" },
	"no deadline for amendments to the minutes is set",
	false, true, { "minutes may be amended up to ", " after they are circulated, later than the model's ", "" }
};
static const struct period_kind meets_kind = {
	TOPIC_MEETS, "meetings", { "meets at least every ", "" }, "how often the group meets is not set",
	false, false, { "meetings may be ", " apart, further than the model's ", "" }
};
static const struct period_kind review_kind = {
	TOPIC_REVIEW, "review", { "reviewed every ", "" }, "no review period is set",
	false, false, { "the terms may go ", " between reviews, longer than the model's ", "" }
};

static struct period period_of(const struct period_kind *k, struct duration d, bool clear)
{
	return (struct period){ d, clear && k->clear_days };
}

static const char *period_reads(struct arena *a, const struct period_kind *k, const struct notice_rule *n)
{
	if (!n->set)
		return k->unset;
	if (n->tba)
		return "still to be agreed";
	struct period p = period_of(k, n->period, n->clear);
	return arena_printf(a, "%s%s%s", k->reads[0], english_duration(a, p.d, p.clear), k->reads[1]);
}

/* Verdict and why of a period against the model's, both set. */
static void judge_period(struct arena *a, struct conform_clause *c, const struct period_kind *k, struct period local,
                         struct period model, bool exact)
{
	enum period_order o = compare_periods(local, model, k->before);
	if (o == PERIOD_SAME || (o == PERIOD_STRICTER && !exact))
		return;
	c->verdict = CONFORM_NO;
	const char *l = english_duration(a, local.d, local.clear), *m = english_duration(a, model.d, model.clear);
	c->why = o == PERIOD_WEAKER ? arena_printf(a, "%s%s%s%s%s", k->weaker[0], l, k->weaker[1], m, k->weaker[2])
	                            : arena_printf(a, "%s is stricter than the model's %s, not the same", l, m);
}

static void compare_period(struct arena *a, struct conform_result *r, const struct period_kind *k,
                           const struct notice_rule *model, const struct notice_rule *local, bool exact)
{
	struct conform_clause *c = conform_add(a, r, k->topic, k->heading, model->clause, local->clause);
	c->model_reads = period_reads(a, k, model);
	c->local_reads = period_reads(a, k, local);
	if (model->tba) {
		c->verdict = CONFORM_OPEN;
		c->why = "the model leaves it to local agreement";
	} else if (!model->set) {
		if (exact && local->set) {
			c->verdict = CONFORM_NO;
			c->why = "the model sets none";
		} else {
			c->verdict = CONFORM_OPEN;
			c->why = "the model sets none";
		}
	} else if (!local->set || local->tba) {
		c->verdict = CONFORM_NO;
		c->why = local->tba ? "the local terms leave it to be agreed" : "the local terms set none";
	} else {
		judge_period(a, c, k, period_of(k, local->period, local->clear), period_of(k, model->period, model->clear), exact);
	}
}

/* ---- decisions outside meetings --------------------------------------------------------- */

static const char *virtual_reads(struct arena *a, const struct terms *t)
{
	if (!t->virtual_allowed)
		return "no decisions outside meetings";
	if (t->virtual_tba)
		return "decisions outside meetings: ratification still to be agreed";
	if (t->ratify_next_meeting)
		return "a decision outside a meeting is provisional until ratified at the next meeting";
	return arena_printf(a, "a decision outside a meeting is provisional until ratified within %s",
	                    english_duration(a, t->ratify_within, false));
}

static const struct period_kind ratify_kind = {
	TOPIC_VIRTUAL, "decisions outside meetings", { "", "" }, "", false, false,
	{ "a decision outside a meeting may wait ", " for ratification, longer than the model's ", "" }
};

static void compare_virtual(struct arena *a, struct conform_result *r, const struct terms *m, bool exact)
{
	const struct terms *l = r->local;
	struct conform_clause *c = conform_add(a, r, TOPIC_VIRTUAL, "decisions outside meetings", m->virtual_clause,
	                                       l->virtual_clause);
	c->model_reads = virtual_reads(a, m);
	c->local_reads = virtual_reads(a, l);
	if (m->virtual_allowed && m->virtual_tba) {
		c->verdict = CONFORM_OPEN;
		c->why = "the model leaves it to local agreement";
	} else if (!l->virtual_allowed || !m->virtual_allowed) {
		if (l->virtual_allowed || (exact && m->virtual_allowed)) {
			c->verdict = CONFORM_NO;
			c->why = l->virtual_allowed ? "the local terms allow decisions outside meetings, which the model does not"
			                            : "the model allows decisions outside meetings, which the local terms do not";
		}
	} else if (l->virtual_tba) {
		c->verdict = CONFORM_NO;
		c->why = "the local terms leave their ratification to be agreed";
	} else if (l->ratify_next_meeting != m->ratify_next_meeting) {
		c->verdict = CONFORM_NO;
		c->why = m->ratify_next_meeting
		       ? "a fixed period may end after the next meeting, which is when the model has them ratified"
		       : "the next meeting may come later than the model's period for ratification";
	} else if (!l->ratify_next_meeting) {
		judge_period(a, c, &ratify_kind, period_of(&ratify_kind, l->ratify_within, false),
		             period_of(&ratify_kind, m->ratify_within, false), exact);
	}
}

/* ---- the notice of a motion ----------------------------------------------------------- */

static const struct period_kind notice_kind = {
	TOPIC_CLASS_NOTICE, "notice", { "notice given at least ", " before the meeting" }, "no notice needed", true, true,
	{ "notice may be given ", " before the meeting, later than the model's ", "" }
};

const char *conform_notice_reads(struct arena *a, const struct dclass *cl)
{
	if (!cl)
		return "no class applies";
	if (!cl->has_notice)
		return notice_kind.unset;
	return arena_printf(a, "%s%s%s", notice_kind.reads[0], english_duration(a, cl->notice, cl->notice_clear),
	                    notice_kind.reads[1]);
}

bool conform_notice(struct arena *a, struct conform_clause *c, const struct dclass *model, const struct dclass *local,
                    const char *motion, bool exact)
{
	if (!model->has_notice && !(exact && local && local->has_notice))
		return true;
	if (!local || !local->has_notice) {
		c->verdict = CONFORM_NO;
		c->why = arena_printf(a, "%s needs no notice under the local terms%s%s", motion,
		                      local ? " (class " : "", local ? arena_printf(a, "%s)", local->id) : "");
		return false;
	}
	if (!model->has_notice) {
		c->verdict = CONFORM_NO;
		c->why = arena_printf(a, "%s needs notice under the local terms (class %s), not under the model", motion, local->id);
		return false;
	}
	judge_period(a, c, &notice_kind, period_of(&notice_kind, local->notice, local->notice_clear),
	             period_of(&notice_kind, model->notice, model->notice_clear), exact);
	if (c->verdict == CONFORM_NO)
		c->why = arena_printf(a, "%s (class %s): %s", motion, local->id, c->why);
	return c->verdict != CONFORM_NO;
}

/* ---- meetings a year, votes in the minutes, the chair ------------------------------------------ */

static const char *least_reads(struct arena *a, const struct terms *t)
{
	if (!t->meets_least.set)
		return "no number of meetings a year is set";
	return arena_printf(a, "meets at least %lld time%s a year", (long long)t->meets_least.times,
	                    t->meets_least.times == 1 ? "" : "s");
}

static void compare_meets_least(struct arena *a, struct conform_result *r, const struct terms *m, bool exact)
{
	const struct terms *l = r->local;
	struct conform_clause *c = conform_add(a, r, TOPIC_MEETS_LEAST, "meetings a year", m->meets_least.clause,
	                                       l->meets_least.clause);
	c->model_reads = least_reads(a, m);
	c->local_reads = least_reads(a, l);
	if (!m->meets_least.set && !(exact && l->meets_least.set)) {
		c->verdict = CONFORM_OPEN;
		c->why = "the model sets none";
	} else if (!m->meets_least.set || !l->meets_least.set) {
		c->verdict = CONFORM_NO;
		c->why = !l->meets_least.set ? "the local terms set none (how often they meet is compared under \"meetings\")"
		                             : "the model sets none";
	} else if (exact ? l->meets_least.times != m->meets_least.times : l->meets_least.times < m->meets_least.times) {
		c->verdict = CONFORM_NO;
		c->why = arena_printf(a, "%lld a year %s the model's %lld", (long long)l->meets_least.times,
		                      l->meets_least.times < m->meets_least.times ? "is fewer than" : "is more than, not the same as",
		                      (long long)m->meets_least.times);
	}
}

static const char *votes_minuted_reads(const struct terms *t)
{
	return t->minutes_votes ? "the minutes record the votes for and against each decision"
	                        : "a result minuted as declared is accepted";
}

/* Who may chair, as the terms name them: "a member holding cluster_lead or
** vice_chair, or alice", "any voting member", "anyone". */
static const char *chair_reads(struct arena *a, const struct terms *t)
{
	const struct chair_rule *cr = &t->chair;
	if (!cr->set)
		return "anyone (who chairs is not set)";
	if (cr->any_member)
		return "any voting member";
	struct sbuf b;
	sbuf_init(&b, a);
	for (unsigned g = 0; g < t->n_groups; g++)
		if ((cr->groups >> g) & 1)
			sbuf_addf(&b, "%s%s", b.len ? " or " : "a member holding ", t->groups[g].id);
	for (unsigned k = 0; k < cr->n_members; k++)
		sbuf_addf(&b, "%s%s", b.len ? ", or " : "", cr->members[k]);
	return sbuf_str(&b);
}

/* The local members who may chair under the local terms, against the
** model read against the local roster (r->seen, the same members in the
** model's roles): none the model would refuse; with exact, the same ones. */
static void compare_chair(struct arena *a, struct conform_result *r, const struct terms *m, bool exact)
{
	const struct terms *l = r->local, *seen = r->seen;
	struct conform_clause *c = conform_add(a, r, TOPIC_CHAIR, "the chair", m->chair.clause, l->chair.clause);
	c->model_reads = chair_reads(a, m);
	c->local_reads = chair_reads(a, l);
	if (!m->chair.set && !exact) {
		c->verdict = CONFORM_OPEN;
		c->why = "the model sets none";
		return;
	}
	for (unsigned i = 0; i < l->n_members; i++) {
		const struct member *lm = &l->members[i];
		if (!terms_member_active(lm, r->day))
			continue;
		bool local_may = !l->chair.set || terms_may_chair(l, lm, lm->voting);
		bool model_may = !seen->chair.set || terms_may_chair(seen, &seen->members[i], lm->voting);
		if (local_may != model_may && (local_may || exact)) {
			c->verdict = CONFORM_NO;
			c->why = arena_printf(a, "%s may chair under the %s, not under the %s", lm->id,
			                      local_may ? "local terms" : "model", local_may ? "model" : "local terms");
			return;
		}
	}
}

void conform_settings(struct arena *a, struct conform_result *r, const struct terms *model, bool exact)
{
	const struct terms *l = r->local;
	compare_votes_and_interests(a, r, model, exact);
	compare_virtual(a, r, model, exact);
	compare_period(a, r, &papers_kind, &model->papers, &l->papers, exact);
	compare_period(a, r, &minutes_kind, &model->minutes, &l->minutes, exact);
	/* newer than the other periods: compared where either file sets it, so
	** that terms saying nothing of it read as they did before */
	if (model->amendments.set || l->amendments.set)
		compare_period(a, r, &amendments_kind, &model->amendments, &l->amendments, exact);
	compare_period(a, r, &meets_kind, &model->meets, &l->meets, exact);
	compare_meets_least(a, r, model, exact);
	compare_period(a, r, &review_kind, &model->review, &l->review, exact);
	compare_chair(a, r, model, exact);
	struct setting s = { TOPIC_MINUTES_VOTES, "votes in the minutes", model->minutes_votes_clause,
	                     l->minutes_votes_clause, votes_minuted_reads(model), votes_minuted_reads(l), true, true };
	compare_flag(a, r, &s, !model->minutes_votes, !l->minutes_votes, exact,
	             "the model has the minutes record the votes, the local terms accept a declared result");
}

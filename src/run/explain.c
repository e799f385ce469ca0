/*
** explain: the terms read out clause by clause, and the votes each class of
** decision needs at each attendance.  See explain.h.
*/
#include "run/explain.h"

#include <string.h>

#include "run/decide.h"
#include "run/english.h"

static void para(struct explanation *x, const char *heading, const char *clause, const char *text)
{
	struct explain_para p = { heading, clause, text };
	VEC_PUSH(x->arena, x->paras, p);
}

static const char *conflict_text(struct arena *a, const struct terms *t)
{
	const char *vote = t->conflict_vote == CONFLICT_VOTE_VOID ? "may not vote on it (a vote would be void)"
	                                                          : "may still vote on it";
	const char *quorum = t->conflict_quorum == CONFLICT_QUORUM_EXCLUDED ? "does not count towards the quorum for it"
	                   : t->conflict_quorum == CONFLICT_QUORUM_COUNTED ? "still counts towards the quorum for it while in the room"
	                   : "is deemed present for the quorum even after leaving";
	if (open_ways(t, OPEN_INTERESTS) > 1)
		return "The handling of declared interests is still to be agreed: a motion is undetermined wherever the way "
		       "it is agreed (whether the member's vote is void, whether they count towards the quorum, whether they "
		       "must leave the room) would decide it.";
	return arena_printf(a, "A member who declares an interest in an item %s, %s, and %s.%s", vote, quorum,
	                    t->conflict_leaves ? "must leave the room for it" : "need not leave the room",
	                    t->interests_stated ? "" : " (These are the defaults: the terms do not say.)");
}

/* "  Deputies: Blake Foster (foster) for stocks or vas; ...", or "". */
static const char *deputies_text(struct arena *a, const struct terms *t)
{
	if (!t->has_deputies)
		return "";
	struct sbuf b;
	sbuf_init(&b, a);
	sbuf_add(&b, "  A deputy present while a principal is absent counts and votes in the principal's place, never beside "
	             "them:");
	unsigned n = 0;
	for (unsigned i = 0; i < t->n_members; i++) {
		const struct member *m = &t->members[i];
		if (!m->n_principals)
			continue;
		sbuf_addf(&b, "%s %s (%s) for ", n++ ? ";" : "", m->name, m->id);
		for (unsigned k = 0; k < m->n_principals; k++)
			sbuf_addf(&b, "%s%s", k == 0 ? "" : k + 1 == m->n_principals ? " or " : ", ", t->members[m->principals[k]].id);
	}
	sbuf_add(&b, ".");
	return sbuf_str(&b);
}

/* "Meetings are chaired by a member who is Cluster Lead or Vice Chair." */
static const char *chair_text(struct arena *a, const struct terms *t)
{
	if (t->chair.any_member)
		return "Meetings may be chaired by any voting member.  Whoever chairs, or presides for an item, must be a "
		       "member on the date and present.";
	const char **names = arena_array(a, t->n_groups + t->chair.n_members + 1, sizeof *names);
	unsigned n = 0;
	for (unsigned g = 0; g < t->n_groups; g++) {
		const struct group *gr = &t->groups[g];
		if (t->chair.groups & (UINT64_C(1) << g))
			names[n++] = gr->is_role && gr->title ? gr->title : gr->id;
	}
	bool roles = n > 0;
	for (unsigned k = 0; k < t->chair.n_members; k++) {
		int i = terms_find_member(t, t->chair.members[k]);
		names[n++] = i >= 0 ? t->members[i].name : t->chair.members[k];
	}
	struct sbuf b;
	sbuf_init(&b, a);
	sbuf_add(&b, roles ? "Meetings are chaired by a member who is " : "Meetings are chaired by ");
	for (unsigned i = 0; i < n; i++)
		sbuf_addf(&b, "%s%s", i == 0 ? "" : i + 1 == n ? " or " : ", ", names[i]);
	sbuf_add(&b, ".  Whoever chairs, or presides for an item, must be a member on the date and present.");
	return sbuf_str(&b);
}

static void explain_quorum(struct explanation *x, const struct terms *t)
{
	if (t->quorum_tba || t->n_quorum == 0) {
		para(x, "Quorum", t->quorum_clause, "The quorum is still to be agreed.");
		return;
	}
	struct sbuf b;
	sbuf_init(&b, x->arena);
	sbuf_add(&b, "A meeting is quorate when ");
	for (unsigned i = 0; i < t->n_quorum; i++) {
		if (i)
			sbuf_add(&b, i + 1 == t->n_quorum ? ", and " : ", ");
		sbuf_add(&b, english_state(x->arena, t, t->quorum[i].cond));
	}
	sbuf_add(&b, ".  It is checked at every motion, with the attendance at that moment.");
	if (t->conflict_quorum == CONFLICT_QUORUM_EXCLUDED && open_ways(t, OPEN_INTERESTS) == 1)
		sbuf_add(&b, "  Members who declared an interest in an item do not count towards the quorum for it.");
	para(x, "Quorum", t->quorum_clause, sbuf_str(&b));
}

static void explain_class(struct explanation *x, const struct terms *t, const struct dclass *cl)
{
	struct sbuf b;
	sbuf_init(&b, x->arena);
	if (cl->title)
		sbuf_addf(&b, "\"%s\".  ", cl->title);
	if (cl->when)
		sbuf_addf(&b, "Applies when %s.  ", english_state(x->arena, t, cl->when));
	else
		sbuf_add(&b, "Applies to every motion that no earlier class takes.  ");
	if (cl->tba)
		sbuf_add(&b, "Its rule is still to be agreed.");
	for (unsigned i = 0; i < cl->n_requires; i++)
		sbuf_addf(&b, "%s%s.", i ? "  Also, " : "To be carried, ", english_condition(x->arena, t, cl->requires[i].cond));
	if (cl->has_notice)
		sbuf_addf(&b, "  Notice of the motion must be given %s before the meeting.",
		          english_duration(x->arena, cl->notice, cl->notice_clear));
	if (cl->approval_by)
		sbuf_addf(&b, "  What the meeting carries is provisional until approved by \"%s\", and not carried if it "
		          "refuses.", cl->approval_by);
	para(x, arena_printf(x->arena, "Class \"%s\"", cl->id), cl->clause, sbuf_str(&b));
}

static void explain_settings(struct explanation *x, const struct terms *t)
{
	char d[DATE_FMT_MAX];
	para(x, "Membership", NULL,
	     arena_printf(x->arena, "%lld voting member%s%s%s, one vote each (a member holding two roles still has one vote).%s",
	                  (long long)x->members, x->members == 1 ? "" : "s",
	                  t->has_effective ? " on " : "", t->has_effective ? date_format(t->effective, d) : "",
	                  deputies_text(x->arena, t)));
	explain_quorum(x, t);
	if (t->chair.set)
		para(x, "Chair", t->chair.clause, chair_text(x->arena, t));
	para(x, "Consensus", t->consensus_clause,
	     t->consensus_tba ? "Whether a decision may be taken by consensus is still to be agreed: a motion recorded as "
	                        "agreed by consensus is undetermined wherever the answer would decide it."
	     : t->consensus_allowed ? "A decision may be taken by consensus when nobody objects; if anyone objects, a vote is taken."
	                            : "Every decision needs a vote: the terms do not provide for consensus.");
	para(x, "Casting vote", t->casting_clause,
	     t->casting_tba ? "Whether the person chairing has a casting vote is still to be agreed: a tie that a casting "
	                      "vote would decide is undetermined, and so is the table's count where a tie would decide it."
	     : t->casting_chair ? "On an equality of votes for and against, the person chairing has a casting vote, which is added to the count before the rule is applied again.  A chair who declared an interest in the item has none."
	                        : "There is no casting vote: a tie is decided by the rule as it stands.");
	para(x, "Declared interests", t->interests_clause, conflict_text(x->arena, t));
	para(x, "Classes of decision", NULL, "Each motion falls into the first of these classes whose condition holds.");
	for (unsigned i = 0; i < t->n_classes; i++)
		explain_class(x, t, &t->classes[i]);
	if (t->virtual_allowed)
		para(x, "Decisions outside meetings", t->virtual_clause,
		     t->ratify_next_meeting ? "A decision taken outside a meeting is provisional until ratified at the next meeting."
		                            : arena_printf(x->arena, "A decision taken outside a meeting is provisional until ratified within %s.",
		                                           english_duration(x->arena, t->ratify_within, false)));
	if (t->papers.set)
		para(x, "Papers", t->papers.clause, t->papers.tba ? "The notice for papers is still to be agreed."
		     : arena_printf(x->arena, "Papers must be sent at least %s before the meeting.",
		                    english_duration(x->arena, t->papers.period, t->papers.clear)));
	if (t->minutes.set)
		para(x, "Minutes", t->minutes.clause, t->minutes.tba ? "The deadline for minutes is still to be agreed."
		     : arena_printf(x->arena, "Minutes must be circulated within %s after the meeting.",
		                    english_duration(x->arena, t->minutes.period, t->minutes.clear)));
	if (t->amendments.set)
		para(x, "Amendments to the minutes", t->amendments.clause,
		     t->amendments.tba ? "The deadline for amendments to the minutes is still to be agreed."
		     : arena_printf(x->arena, "Amendments to the minutes must be made within %s after the minutes are circulated.",
		                    english_duration(x->arena, t->amendments.period, t->amendments.clear)));
	if (t->meets.set)
		para(x, "Meetings", t->meets.clause, t->meets.tba ? "How often the group meets is still to be agreed."
		     : arena_printf(x->arena, "The group meets at least every %s.", english_duration(x->arena, t->meets.period, false)));
	if (t->meets_least.set) {
		char from[DATE_FMT_MAX];
		para(x, "Meetings a year", t->meets_least.clause,
		     arena_printf(x->arena, "The group meets at least %lld time%s a year, each year counted from the date these "
		                  "terms take effect%s%s%s.  A year cut short by a new version of the terms, or not yet over, is "
		                  "not judged.", (long long)t->meets_least.times, t->meets_least.times == 1 ? "" : "s",
		                  t->has_effective ? " (" : "", t->has_effective ? date_format(t->effective, from) : "",
		                  t->has_effective ? ")" : ""));
	}
	if (t->minutes_votes)
		para(x, "Votes in the minutes", t->minutes_votes_clause,
		     "The minutes record the votes for and against each decision: a result minuted only as declared by "
		     "the chair is a breach.");
	if (t->review.set)
		para(x, "Review", t->review.clause, t->review.tba ? "The review period is still to be agreed."
		     : arena_printf(x->arena, "These terms are reviewed every %s.", english_duration(x->arena, t->review.period, false)));
}

/* ---- the votes-needed table ------------------------------------------------------ */

/* A meeting of n voting members, best placed for the roles a rule names. */
static void attendance(const struct terms *t, const struct counts *full, int64_t n, struct counts *c)
{
	*c = *full;
	c->n[COUNT_PRESENT] = n;
	c->n[COUNT_ELIGIBLE] = n;
	c->n[COUNT_CONFLICTED] = 0;
	for (unsigned k = 0; k < t->n_masks; k++)
		c->present_by_mask[k] = full->members_by_mask[k] < n ? full->members_by_mask[k] : n;
	counts_set_votes(c, 0, 0, 0);
}

/* Fewest votes for that carry, with the rest against (abstaining = false)
** or abstaining; -1 if no number does. */
static int64_t fewest_for(const struct terms *t, const struct counts *base, const struct motion_profile *p,
                          bool others_abstain)
{
	struct scenario s;
	scenario_init(&s, base, base, p->attrs, p->n_attrs);
	int64_t n = base->n[COUNT_PRESENT];
	for (int64_t yes = 0; yes <= n; yes++) {
		counts_set_votes(&s.votes, yes, others_abstain ? 0 : n - yes, others_abstain ? n - yes : 0);
		struct decision d;
		decide(t, &s, &d, NULL);
		if (d.outcome == OUTCOME_CARRIED && d.cls == p->cls)
			return yes;
	}
	return -1;
}

/* ---- the smallest quorate meeting ----------------------------------------------- */

/* People the quorum cannot tell apart: voting or not, and in the same role
** lists of present(...), members(...) and attendees(...). */
struct person_kind {
	bool voting;
	uint64_t bits;                /* bit k: in t->masks[k] */
	VEC(const char *) ids;        /* who they are, in roster order */
};

struct min_search {
	const struct terms *t;
	const struct counts *full;    /* members and members(...): the same at every attendance */
	struct person_kind *kinds;
	unsigned n_kinds;
	int64_t *take;                /* of each kind, present */
	int64_t *rest;                /* [j]: people of kinds j.. */
	uint64_t tried, bound;
};

/* The counts the quorum sees with take[j] people of each kind present,
** nobody with a declared interest. */
static void kind_counts(const struct min_search *m, struct counts *c)
{
	const struct terms *t = m->t;
	*c = *m->full;
	c->n[COUNT_PRESENT] = c->n[COUNT_ATTENDEES] = c->n[COUNT_CONFLICTED] = 0;
	for (unsigned k = 0; k < t->n_masks; k++)
		c->present_by_mask[k] = c->attendees_by_mask[k] = 0;
	for (unsigned j = 0; j < m->n_kinds; j++) {
		const struct person_kind *pk = &m->kinds[j];
		int64_t *by_mask = pk->voting ? c->present_by_mask : c->attendees_by_mask;
		c->n[pk->voting ? COUNT_PRESENT : COUNT_ATTENDEES] += m->take[j];
		for (unsigned k = 0; k < t->n_masks; k++)
			if ((pk->bits >> k) & 1)
				by_mask[k] += m->take[j];
	}
	c->n[COUNT_ELIGIBLE] = c->n[COUNT_PRESENT];
	counts_set_votes(c, 0, 0, 0);
}

/* Is the meeting with take[] present quorate?  Asked of decide, as eval asks. */
static bool quorate_at(struct min_search *m)
{
	struct counts c;
	kind_counts(m, &c);
	struct scenario s;
	scenario_init(&s, &c, &c, NULL, 0);
	struct decision d;
	decide(m->t, &s, &d, NULL);
	m->tried++;
	return d.quorum == QUORUM_MET;
}

/* Every attendance of `left` more people from kinds j..: true at the first
** quorate one (take[] then holds it), false when none is or the bound is hit. */
static bool quorate_level(struct min_search *m, unsigned j, int64_t left)
{
	if (m->tried >= m->bound || left > m->rest[j])
		return false;
	if (j == m->n_kinds)
		return quorate_at(m);
	int64_t most = (int64_t)m->kinds[j].ids.n < left ? (int64_t)m->kinds[j].ids.n : left;
	for (int64_t k = 0; k <= most; k++) {
		m->take[j] = k;
		if (quorate_level(m, j + 1, left - k))
			return true;
	}
	m->take[j] = 0;
	return false;
}

/* The people on the roster on the effective date, by kind. */
static void gather_kinds(struct explanation *x, const struct terms *t, struct min_search *m)
{
	m->kinds = arena_array(x->arena, EXPLAIN_MAX_KINDS, sizeof *m->kinds);
	for (unsigned i = 0; i < t->n_members; i++) {
		const struct member *mb = &t->members[i];
		if (t->has_effective && !terms_member_active(mb, t->effective))
			continue;
		uint64_t bits = 0;
		for (unsigned k = 0; k < t->n_masks; k++)
			if (mb->groups & t->masks[k])
				bits |= UINT64_C(1) << k;
		unsigned j = 0;
		while (j < m->n_kinds && (m->kinds[j].voting != mb->voting || m->kinds[j].bits != bits))
			j++;
		if (j == m->n_kinds) {
			if (m->n_kinds == EXPLAIN_MAX_KINDS) {
				m->bound = 0; /* more kinds than are searched: say so */
				return;
			}
			m->kinds[m->n_kinds++] = (struct person_kind){ mb->voting, bits, { 0 } };
		}
		VEC_PUSH(x->arena, m->kinds[j].ids, mb->id);
	}
}

/*
** The smallest attendance that meets every quorum rule, as decide judges
** it (docs/reference.md#explain): attendances are tried by the number
** present, fewest first, every mix of kinds of people at each number, so a
** quorum of one member from each of five practices needs five.  The first
** quorate one found is kept as an example (x->quorum_example).
*/
static void smallest_quorate(struct explanation *x, const struct terms *t, const struct counts *full, uint64_t bound)
{
	x->quorum_min = x->quorum_min_attendees = -1;
	if (t->quorum_tba || t->n_quorum == 0)
		return;
	struct min_search m = { .t = t, .full = full, .bound = bound };
	gather_kinds(x, t, &m);
	m.take = arena_array(x->arena, m.n_kinds + 1, sizeof *m.take);
	m.rest = arena_array(x->arena, m.n_kinds + 1, sizeof *m.rest);
	for (unsigned j = m.n_kinds; j-- > 0;)
		m.rest[j] = m.rest[j + 1] + (int64_t)m.kinds[j].ids.n;
	bool found = false;
	for (int64_t n = 0; n <= m.rest[0] && !found && m.tried < m.bound; n++)
		found = quorate_level(&m, 0, n);
	x->quorum_tried = m.tried;
	if (!found) {
		x->quorum_min_cut = m.tried >= m.bound;
		return;
	}
	x->quorum_min = x->quorum_min_attendees = 0;
	for (unsigned j = 0; j < m.n_kinds; j++) {
		*(m.kinds[j].voting ? &x->quorum_min : &x->quorum_min_attendees) += m.take[j];
		for (int64_t k = 0; k < m.take[j]; k++)
			VEC_PUSH(x->arena, x->quorum_example, m.kinds[j].ids.items[k]);
	}
}

/* The smallest quorum in a sentence (NULL while the quorum is to be agreed). */
static const char *quorum_summary(const struct explanation *x, const struct terms *t)
{
	if (t->quorum_tba || t->n_quorum == 0)
		return NULL;
	if (x->quorum_min_cut)
		return arena_printf(x->arena, "The smallest quorate attendance was not found: the search stopped at its bound "
		                    "after %llu attendances.", (unsigned long long)x->quorum_tried);
	if (x->quorum_min < 0)
		return arena_printf(x->arena, "No attendance of the %lld voting members makes a quorum.", (long long)x->members);
	if (x->quorum_min_attendees > 0)
		return arena_printf(x->arena, "The quorum needs at least %lld of the %lld voting members present, and %lld of "
		                    "the %lld attendees without a vote.", (long long)x->quorum_min, (long long)x->members,
		                    (long long)x->quorum_min_attendees, (long long)x->attendees);
	return arena_printf(x->arena, "The quorum needs at least %lld of the %lld voting members present.",
	                    (long long)x->quorum_min, (long long)x->members);
}

static void build_table(struct explanation *x, const struct terms *t, uint64_t bound)
{
	struct counts full = { 0 };
	for (unsigned i = 0; i < t->n_members; i++) {
		const struct member *m = &t->members[i];
		if (t->has_effective && !terms_member_active(m, t->effective))
			continue;
		if (!m->voting) { /* every attendee without a vote is there */
			full.n[COUNT_ATTENDEES]++;
			for (unsigned k = 0; k < t->n_masks; k++)
				full.attendees_by_mask[k] += (m->groups & t->masks[k]) != 0;
			continue;
		}
		full.n[COUNT_MEMBERS]++;
		for (unsigned k = 0; k < t->n_masks; k++)
			if (m->groups & t->masks[k])
				full.members_by_mask[k]++;
	}
	x->members = full.n[COUNT_MEMBERS];
	x->attendees = full.n[COUNT_ATTENDEES];
	/* one column per class, with a kind of motion that falls into it */
	x->columns = arena_array(x->arena, t->n_classes + 1, sizeof *x->columns);
	for (unsigned i = 0; i < t->n_classes; i++)
		for (unsigned k = 0; k < t->n_profiles; k++)
			if (t->profiles[k].cls == &t->classes[i]) {
				x->columns[x->n_columns++] = &t->profiles[k];
				break;
			}
	smallest_quorate(x, t, &full, bound);
	x->quorum_summary = quorum_summary(x, t);
	int64_t from = x->quorum_min >= 0 ? x->quorum_min : 1;
	for (int64_t n = from; n <= x->members; n++) {
		struct explain_row row = { n, { 0 }, { 0 } };
		struct counts c;
		attendance(t, &full, n, &c);
		for (unsigned k = 0; k < x->n_columns && k < EXPLAIN_MAX_COLUMNS; k++) {
			row.all_vote[k] = fewest_for(t, &c, x->columns[k], false);
			row.others_abstain[k] = fewest_for(t, &c, x->columns[k], true);
			if (row.all_vote[k] != row.others_abstain[k])
				x->abstentions_matter = true;
		}
		VEC_PUSH(x->arena, x->rows, row);
	}
	if (x->n_columns > EXPLAIN_MAX_COLUMNS)
		x->n_columns = EXPLAIN_MAX_COLUMNS;
}

struct explanation *explain_terms_bounded(struct arena *a, const struct terms *t, uint64_t bound)
{
	struct explanation *x = arena_alloc(a, sizeof *x);
	x->arena = a;
	x->terms = t;
	build_table(x, t, bound);
	explain_settings(x, t);
	return x;
}

struct explanation *explain_terms(struct arena *a, const struct terms *t)
{
	return explain_terms_bounded(a, t, EXPLAIN_MIN_BOUND);
}

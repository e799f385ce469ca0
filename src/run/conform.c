/*
** conform: the local terms against a health board's model.  See conform.h;
** the settings are compared in conform_settings.c.
**
** Here: the model read against the local roster (roles by id and through
** `maps`), the clauses decided by the rules (the quorum and each class),
** the search for meetings that show a clause does not conform, and each
** such meeting turned into a record and judged by eval under both, so the
** words printed are eval's and a search that eval contradicts is a bug
** reported as such, never a finding.
*/
#include "run/conform_int.h"

#include <setjmp.h>
#include <string.h>

#include "base/sbuf.h"
#include "record/record_file.h"

/* ---- the run ------------------------------------------------------------------------- */

struct conform_run *conform_begin(struct arena *a, const struct terms *model, const char *model_path, bool exact,
                                  uint64_t bound)
{
	struct conform_run *run = arena_alloc(a, sizeof *run);
	run->arena = a;
	run->model = model;
	run->model_path = model_path;
	run->exact = exact;
	run->bound = bound;
	return run;
}

struct conform_clause *conform_add(struct arena *a, struct conform_result *r, enum conform_topic topic,
                                   const char *heading, const char *model_clause, const char *local_clause)
{
	struct conform_clause c = { topic, heading, model_clause, local_clause, NULL, NULL, CONFORM_YES, NULL, 0, NULL };
	VEC_PUSH(a, r->clauses, c);
	return &r->clauses.items[r->clauses.n - 1];
}

bool conform_all(const struct conform_run *run)
{
	for (size_t i = 0; i < run->results.n; i++)
		if (run->results.items[i]->verdict != CONFORM_YES)
			return false;
	return true;
}

const char *conform_verdict_name(enum conform_verdict v, bool exact)
{
	switch (v) {
	case CONFORM_YES: return exact ? "the same" : "conforms";
	case CONFORM_NO: return exact ? "differs" : "does not conform";
	case CONFORM_OPEN: return "left to local agreement";
	case CONFORM_UNPROVEN: return "not proved";
	}
	return "?";
}

const char *conform_topic_name(enum conform_topic t)
{
	static const char *const names[] = {
		[TOPIC_QUORUM] = "quorum", [TOPIC_CLASS] = "class", [TOPIC_CLASS_NOTICE] = "class-notice",
		[TOPIC_CASTING] = "casting-vote", [TOPIC_CONSENSUS] = "consensus", [TOPIC_CONFLICT_VOTE] = "interests-vote",
		[TOPIC_CONFLICT_QUORUM] = "interests-quorum", [TOPIC_CONFLICT_LEAVES] = "interests-leave",
		[TOPIC_VIRTUAL] = "virtual", [TOPIC_PAPERS] = "papers", [TOPIC_MINUTES] = "minutes", [TOPIC_MEETS] = "meetings",
		[TOPIC_MEETS_LEAST] = "meetings-a-year", [TOPIC_REVIEW] = "review", [TOPIC_CHAIR] = "chair",
		[TOPIC_MINUTES_VOTES] = "minutes-votes", [TOPIC_AMENDMENTS] = "amendments",
	};
	return names[t];
}

/* ---- the model read against the local roster ---------------------------------------------- */

/* The local roles and tags that count as model group g: the same id, and
** any the model's `maps` table lists for it. */
static uint64_t local_groups_of(const struct terms *model, unsigned g, const struct terms *local, bool *by_map)
{
	uint64_t bits = 0;
	*by_map = false;
	int same = terms_find_group(local, model->groups[g].id);
	if (same >= 0)
		bits |= UINT64_C(1) << same;
	for (unsigned i = 0; i < model->n_maps; i++) {
		const struct group_map *m = &model->maps[i];
		if (m->group != (int)g)
			continue;
		for (unsigned k = 0; k < m->n_names; k++) {
			int h = terms_find_group(local, m->names[k]);
			if (h >= 0 && !((bits >> h) & 1)) {
				bits |= UINT64_C(1) << h;
				*by_map = true;
			}
		}
	}
	return bits;
}

static const char *group_ids(struct arena *a, const struct terms *t, uint64_t bits)
{
	struct sbuf b;
	sbuf_init(&b, a);
	for (unsigned g = 0; g < t->n_groups; g++)
		if ((bits >> g) & 1)
			sbuf_addf(&b, "%s%s", b.len ? ", " : "", t->groups[g].id);
	return sbuf_str(&b);
}

/* The model's rules name these groups (in present(...) and members(...)). */
static uint64_t named_groups(const struct terms *t)
{
	uint64_t bits = 0;
	for (unsigned k = 0; k < t->n_masks; k++)
		bits |= t->masks[k];
	return bits;
}

/*
** A quorum the model leaves to local agreement is, for the local body, the
** local quorum: the model "seen as" the local body meets it whenever the
** local terms do.  The search compares the model only at meetings the local
** terms call quorate (pick), so the model's quorum is then a requirement
** always met, which reads as what it stands for.
*/
static void local_quorum_stands(struct arena *a, struct terms *seen)
{
	static const char text[] = "the local quorum (the model leaves it to local agreement)";
	struct source *src = arena_alloc(a, sizeof *src);
	source_from_memory(src, a, "model", text, sizeof text - 1);
	struct node *cond = ast_new(a, N_BOOL, (struct span){ 0, (uint32_t)(sizeof text - 1) });
	cond->v.boolean = true;
	struct node *decl = ast_new(a, N_REQUIRE, cond->span);
	decl->a = cond;
	struct expr *e = arena_alloc(a, sizeof *e);
	e->kind = EX_CONST;
	e->type = VT_BOOL;
	e->constant.type = VT_BOOL;
	e->constant.u.boolean = true;
	e->src = cond;
	e->file = src;
	struct requirement *q = arena_alloc(a, sizeof *q);
	*q = (struct requirement){ e, decl, src };
	seen->quorum = q;
	seen->n_quorum = 1;
	seen->quorum_tba = false;
}

/*
** The model as the local body would have it: the local members, who vote as
** the local roster says, each in the model's groups their local roles and
** tags match.  In force on the local day, so a record of that day is judged
** by it; everything else is the model's.
*/
static const struct terms *seen_as_local(struct arena *a, struct conform_result *r, const struct terms *model)
{
	const struct terms *local = r->local;
	struct terms *seen = arena_alloc(a, sizeof *seen);
	*seen = *model;
	seen->has_effective = true;
	seen->effective = r->day;
	if (model->quorum_tba || model->n_quorum == 0)
		local_quorum_stands(a, seen);
	seen->members = arena_array(a, local->n_members + 1, sizeof *seen->members);
	seen->n_members = local->n_members;
	uint64_t matches[TERMS_MAX_GROUPS];
	bool by_map[TERMS_MAX_GROUPS];
	for (unsigned g = 0; g < model->n_groups; g++)
		matches[g] = local_groups_of(model, g, local, &by_map[g]);
	for (unsigned i = 0; i < local->n_members; i++) {
		struct member m = local->members[i];
		uint64_t groups = 0;
		for (unsigned g = 0; g < model->n_groups; g++)
			if (m.groups & matches[g])
				groups |= UINT64_C(1) << g;
		m.groups = groups;
		seen->members[i] = m;
	}
	/* members are found by id through an index of their own */
	terms_index_init(seen, a, seen->n_members);
	for (unsigned i = 0; i < seen->n_members; i++)
		terms_index_member(seen, i);
	uint64_t named = named_groups(model);
	for (unsigned g = 0; g < model->n_groups; g++) {
		if (!((named >> g) & 1))
			continue;
		int64_t count = 0;
		for (unsigned i = 0; i < local->n_members; i++) {
			const struct member *m = &seen->members[i];
			count += m->voting && terms_member_active(m, r->day) && ((m->groups >> g) & 1);
		}
		struct conform_role role = { model->groups[g].id, group_ids(a, local, matches[g]), by_map[g], count };
		VEC_PUSH(a, r->roles, role);
	}
	return seen;
}

/* ---- reading the rules ---------------------------------------------------------------------- */

static const char *requirements_text(struct arena *a, const struct requirement *reqs, unsigned n, bool tba)
{
	if (tba || n == 0)
		return "still to be agreed";
	struct sbuf b;
	sbuf_init(&b, a);
	for (unsigned i = 0; i < n; i++)
		sbuf_addf(&b, "%s%s", i ? " and " : "", source_excerpt(a, reqs[i].src, reqs[i].decl->a->span));
	return sbuf_str(&b);
}

static const char *class_reads(struct arena *a, const struct dclass *cl)
{
	if (!cl)
		return "no class applies";
	return arena_printf(a, "class %s: %s", cl->id, requirements_text(a, cl->requires, cl->n_requires, cl->tba));
}

/* ---- kinds of motion ------------------------------------------------------------------------ */

/* The class a kind of motion falls in, or NULL (none, or one that cannot
** be tested: the search says which of its meetings that leaves undecided). */
static const struct dclass *class_of(const struct terms *t, const struct scenario_motion *k)
{
	struct counts none;
	memset(&none, 0, sizeof none);
	struct expr_env env = { &none, k->attrs, k->n_attrs, NULL, NULL };
	const struct dclass *cls;
	const struct expr *fault;
	return expr_select_class(t, &env, &cls, &fault) == EXPR_OK ? cls : NULL;
}

/* ---- the search ------------------------------------------------------------------------------- */

/* Which clause a picked meeting is shown under (a group of the search). */
enum {
	GROUP_QUORUM,
	GROUP_CASTING,
	GROUP_UNCLASSED,           /* no class of the model takes the motion */
	GROUP_CLASS                /* + the model class's index */
};
#define CONFORM_MAX_CLASSES (SCENARIO_MAX_GROUPS - GROUP_CLASS)

struct picker {
	const struct terms *model;
	bool exact;
	bool quorum_open;          /* the model leaves the quorum to local agreement */
	bool casting_differs;      /* the casting vote clause does not conform */
};

static int class_group(const struct picker *p, const struct decision *m)
{
	const struct dclass *cl = m->cls ? m->cls : m->untestable;
	if (!cl)
		return GROUP_UNCLASSED;
	if (cl->tba)
		return -1; /* the model leaves it to local agreement */
	return GROUP_CLASS + (int)(cl - p->model->classes);
}

/*
** The predicate of the search: -1, or the group a meeting shows.  l: the
** local decision, m: the model's.  A quorum the model leaves to local
** agreement is the local one (local_quorum_stands).  A meeting with a
** declared interest is shown under the rule it tests (the quorum, a
** class): the interests settings are compared as settings.  One where a
** casting vote counted under one and not the other is shown under the
** casting vote, when that clause does not conform.
*/
static int pick(void *ctx, const struct scenario sc[2], const struct decision d[2])
{
	(void)sc;
	const struct picker *p = ctx;
	const struct decision *l = &d[0], *m = &d[1];
	bool lq = l->quorum == QUORUM_MET, mq = p->quorum_open ? lq : m->quorum == QUORUM_MET;
	if (lq != mq && (lq || p->exact))
		return GROUP_QUORUM;
	if (!lq || !mq)
		return -1;
	bool differs = p->exact ? l->outcome != m->outcome
	                        : l->outcome == OUTCOME_CARRIED && m->outcome != OUTCOME_CARRIED;
	if (!differs)
		return -1;
	if (p->casting_differs && (l->casting == CASTING_USED) != (m->casting == CASTING_USED))
		return GROUP_CASTING;
	return class_group(p, m);
}

/* ---- counterexamples as records --------------------------------------------------------------- */

static void add_names(struct sbuf *b, const char *indent, const char *item, const char *const *ids, int64_t n)
{
	if (n <= 0)
		return;
	sbuf_addf(b, "%s%s ", indent, item);
	for (int64_t i = 0; i < n; i++)
		sbuf_addf(b, "%s%s", i ? ", " : "", ids[i]);
	sbuf_add(b, "\n");
}

/* The motion's attributes as a record writes them; a flag that is off and
** an empty kind are what a record that says nothing means, so are left out. */
static void add_attrs(struct sbuf *b, const struct attr *attrs, unsigned n)
{
	for (unsigned i = 0; i < n; i++) {
		const struct value *v = &attrs[i].value;
		char buf[RAT_FMT_MAX];
		if ((v->type == VT_BOOL && !v->u.boolean) || (v->type == VT_STR && !v->u.str[0]))
			continue;
		sbuf_addf(b, " %s", attrs[i].name);
		switch (v->type) {
		case VT_STR: sbuf_addf(b, " \"%s\"", v->u.str); break;
		case VT_NUM: sbuf_addf(b, " %s", rat_format(v->u.num, buf, sizeof buf)); break;
		case VT_DATE: sbuf_addf(b, " %s", date_format(v->u.date, buf)); break;
		default: break;
		}
	}
}

/* The latest day that is notice enough, for an event on `day`, under a
** period (or none): *latest is lowered to it, never below the calendar. */
static void in_time_for(qdate day, bool needed, struct duration period, bool clear, qdate *latest)
{
	qdate deadline;
	if (!needed)
		return;
	notice_in_time(day, day, period, clear, &deadline);
	deadline -= clear;
	if (deadline < *latest)
		*latest = deadline < DATE_FIRST_DAY ? DATE_FIRST_DAY : deadline;
}

/*
** The meeting of an example as a record of `day`: the witness present, one
** of them with the declared interest, the chair one of the others; the
** votes from the others first (the member with the interest last, so that
** votes both sets of terms accept come first; first when interest_first,
** to show a vote one set counts and the other voids); papers, notice of the motion
** and minutes in time under both (the search takes them as in time); the
** outcome minuted as the local terms decide it.
*/
static const char *record_of(struct arena *a, const struct terms *const t[2], qdate day, const struct diff_example *e,
                             const char *heading, const struct dclass *const cls[2], bool interest_first)
{
	char d[DATE_FMT_MAX];
	struct sbuf b;
	sbuf_init(&b, a);
	sbuf_addf(&b, "meeting \"Counterexample: %s\" on %s {\n", heading, date_format(day, d));
	sbuf_addf(&b, "  terms \"%s\"\n", t[0]->name);
	const char **voters = arena_array(a, e->n_present_ids + 1, sizeof *voters);
	unsigned nv = 0;
	for (unsigned i = 0; i < e->n_present_ids; i++)
		if (!e->conflicted_id || strcmp(e->present_ids[i], e->conflicted_id) != 0)
			voters[nv++] = e->present_ids[i];
	if (nv)
		sbuf_addf(&b, "  chair %s\n", voters[0]);
	if (e->conflicted_id && interest_first) {
		memmove(voters + 1, voters, nv * sizeof *voters);
		voters[0] = e->conflicted_id;
		nv++;
	} else if (e->conflicted_id) {
		voters[nv++] = e->conflicted_id;
	}
	qdate papers = day, notice = day;
	for (int v = 0; v < 2; v++) {
		in_time_for(day, t[v]->papers.set && !t[v]->papers.tba, t[v]->papers.period, t[v]->papers.clear, &papers);
		if (cls[v])
			in_time_for(day, cls[v]->has_notice, cls[v]->notice, cls[v]->notice_clear, &notice);
	}
	sbuf_addf(&b, "  papers sent %s\n", date_format(papers, d));
	sbuf_addf(&b, "  minutes circulated %s\n", date_format(day, d));
	add_names(&b, "  ", "present", e->present_ids, e->n_present_ids);
	sbuf_add(&b, "  motion 1 \"The motion\"");
	add_attrs(&b, e->attrs, e->n_attrs);
	sbuf_add(&b, " {\n");
	if (notice != day)
		sbuf_addf(&b, "    notice given %s\n", date_format(notice, d));
	if (e->conflicted_id)
		sbuf_addf(&b, "    interest %s\n", e->conflicted_id);
	add_names(&b, "    ", "for", voters, e->yes);
	add_names(&b, "    ", "against", voters + e->yes, e->no);
	add_names(&b, "    ", "abstain", voters + e->yes + e->no, e->abstain);
	if (e->yes + e->no + e->abstain == 0)
		sbuf_add(&b, "    tally for 0 against 0\n"); /* a vote nobody took part in, as the search asks it */
	if (e->casting >= 0)
		sbuf_addf(&b, "    casting %s\n", e->casting == VOTE_FOR ? "for" : "against");
	/* minuted as the local terms decide it: eval under the model says
	** where the minutes would then be wrong */
	sbuf_addf(&b, "    recorded %s\n  }\n}\n", ast_outcome_name(e->before));
	return sbuf_str(&b);
}

/* The record judged by eval under t; NULL if it does not read as one
** meeting with one motion (a bug: conform wrote it). */
static const struct meeting_result *judge_record(struct arena *a, const struct terms *t, const char *record)
{
	struct source *src = arena_alloc(a, sizeof *src);
	source_from_memory(src, a, "counterexample.minutes", record, strlen(record));
	struct diag_sink diag;
	diag_init(&diag, a);
	const struct meeting *m = record_read_one(a, &diag, src);
	if (!m || diag.n_errors)
		return NULL;
	const struct meeting_result *r = eval_meeting(a, t, m);
	return r->n_motions == 1 ? r : NULL;
}

/* ---- counterexamples in words ------------------------------------------------------------------- */

static const char *attendance_text(struct arena *a, const struct diff_example *e, int64_t members, bool names)
{
	struct sbuf b;
	sbuf_init(&b, a);
	sbuf_addf(&b, "%u of %lld present", e->n_present_ids, (long long)members);
	if (names && e->n_present_ids) {
		sbuf_add(&b, " (");
		for (unsigned i = 0; i < e->n_present_ids; i++)
			sbuf_addf(&b, "%s%s", i ? ", " : "", e->present_ids[i]);
		sbuf_add(&b, ")");
	}
	return sbuf_str(&b);
}

static const char *votes_text(struct arena *a, const struct diff_example *e)
{
	struct sbuf b;
	sbuf_init(&b, a);
	sbuf_addf(&b, "%lld for, %lld against", (long long)e->yes, (long long)e->no);
	if (e->abstain)
		sbuf_addf(&b, ", %lld abstaining", (long long)e->abstain);
	if (e->casting >= 0)
		sbuf_addf(&b, ", the chair's casting vote %s", e->casting == VOTE_FOR ? "for" : "against");
	return sbuf_str(&b);
}


/* The witness's members in roster order, as a secretary lists them. */
static const char **in_roster_order(struct arena *a, const struct terms *t, const struct diff_example *e)
{
	const char **ids = arena_array(a, e->n_present_ids + 1, sizeof *ids);
	unsigned n = 0;
	for (unsigned i = 0; i < t->n_members; i++)
		for (unsigned k = 0; k < e->n_present_ids; k++)
			if (strcmp(t->members[i].id, e->present_ids[k]) == 0)
				ids[n++] = t->members[i].id;
	return ids;
}

/*
** The example of a group, as a record judged by eval under both sets of
** terms.  false, with *why, if eval does not judge it as the search did.
*/
static bool example_of(struct arena *a, struct conform_result *r, const struct diff_example *e, const char *heading,
                       bool votes_matter, struct conform_example **out, const char **why)
{
	const struct terms *t[2] = { r->local, r->seen };
	const struct dclass *cls[2] = { e->class_before, e->class_after };
	struct conform_example *x = arena_alloc(a, sizeof *x);
	struct diff_example *sorted = arena_alloc(a, sizeof *sorted);
	*sorted = *e;
	sorted->present_ids = in_roster_order(a, r->local, e);
	e = sorted;
	x->found = e;
	x->members = r->members;
	x->present = e->n_present_ids;
	x->attendance = attendance_text(a, e, r->members, r->local->n_masks || r->seen->n_masks || e->conflicted_id);
	x->votes = votes_matter ? votes_text(a, e) : NULL;
	x->interest = e->conflicted_id;
	x->motion = e->motion;
	x->record = record_of(a, t, r->day, e, heading, cls, false);
	x->local = judge_record(a, t[0], x->record);
	x->model = judge_record(a, t[1], x->record);
	if (!x->local || !x->model || x->local->motions[0].outcome != e->before ||
	    x->model->motions[0].outcome != e->after) {
		*why = arena_printf(a, "%s: eval does not judge the counterexample as the search did:\n%s", heading, x->record);
		return false;
	}
	*out = x;
	return true;
}

/* ---- the clauses the rules decide ------------------------------------------------------------------ */

static const char *local_classes_text(struct arena *a, const struct dclass *const *seen, unsigned n)
{
	struct sbuf b;
	sbuf_init(&b, a);
	for (unsigned i = 0; i < n; i++)
		sbuf_addf(&b, "%s%s", i ? "; " : "", class_reads(a, seen[i]));
	return n ? sbuf_str(&b) : "no class applies";
}

/*
** One class of the model: what the local terms make of the motions the
** model puts in it (the kinds of motion the search asks about).  A local
** class still to be agreed, or none at all, cannot carry them: that is not
** a weaker rule but no rule, and does not conform.  The notice those
** motions need is a clause of its own.
*/
static void model_class(struct arena *a, struct conform_result *r, const struct dclass *mc, const struct scenario_motion *kinds,
                        unsigned n_kinds, bool exact, int *clause_index)
{
	const struct dclass **locals = arena_array(a, n_kinds + 1, sizeof *locals);
	unsigned n_locals = 0;
	const char *missing = NULL;
	for (unsigned k = 0; k < n_kinds; k++) {
		if (class_of(r->seen, &kinds[k]) != mc)
			continue;
		const struct dclass *lc = class_of(r->local, &kinds[k]);
		unsigned j = 0;
		while (j < n_locals && locals[j] != lc)
			j++;
		if (j == n_locals)
			locals[n_locals++] = lc;
		if (!missing && !mc->tba && (!lc || lc->tba))
			missing = !lc ? arena_printf(a, "no class of the local terms applies to %s", kinds[k].description)
			              : arena_printf(a, "%s falls in the local class %s, whose rule is still to be agreed",
			                             kinds[k].description, lc->id);
	}
	*clause_index = (int)r->clauses.n;
	struct conform_clause *c = conform_add(a, r, TOPIC_CLASS, arena_printf(a, "class %s", mc->id), mc->clause,
	                                       n_locals == 1 && locals[0] ? locals[0]->clause : NULL);
	c->model_reads = requirements_text(a, mc->requires, mc->n_requires, mc->tba);
	c->local_reads = local_classes_text(a, locals, n_locals);
	if (mc->tba) {
		c->verdict = CONFORM_OPEN;
		c->why = "the model leaves its rule to local agreement";
	} else if (missing) {
		c->verdict = CONFORM_NO;
		c->why = missing;
	}
	if (mc->tba || (!mc->has_notice && !exact))
		return; /* the model leaves the class, notice and all, to local agreement */
	struct conform_clause *n = conform_add(a, r, TOPIC_CLASS_NOTICE, arena_printf(a, "class %s: notice", mc->id),
	                                       mc->clause, c->local_clause);
	n->model_reads = conform_notice_reads(a, mc);
	n->local_reads = n_locals == 1 ? conform_notice_reads(a, locals[0]) : "as each class says";
	for (unsigned k = 0; k < n_kinds; k++)
		if (class_of(r->seen, &kinds[k]) == mc &&
		    !conform_notice(a, n, mc, class_of(r->local, &kinds[k]), kinds[k].description, exact))
			break;
}

static void quorum_clause(struct arena *a, struct conform_result *r, const struct terms *model)
{
	const struct terms *l = r->local;
	struct conform_clause *c = conform_add(a, r, TOPIC_QUORUM, "quorum", model->quorum_clause, l->quorum_clause);
	c->model_reads = requirements_text(a, model->quorum, model->n_quorum, model->quorum_tba);
	c->local_reads = requirements_text(a, l->quorum, l->n_quorum, l->quorum_tba);
	if (model->quorum_tba || model->n_quorum == 0) {
		c->verdict = CONFORM_OPEN;
		c->why = "the model leaves the quorum to local agreement";
	} else if (l->quorum_tba || l->n_quorum == 0) {
		c->verdict = CONFORM_NO;
		c->why = "the local terms leave the quorum to be agreed: no meeting can be judged quorate";
	}
}

/* ---- the search and its examples ------------------------------------------------------------------- */

static int clause_of_topic(const struct conform_result *r, enum conform_topic topic)
{
	for (size_t i = 0; i < r->clauses.n; i++)
		if (r->clauses.items[i].topic == topic)
			return (int)i;
	return -1;
}

/* A meeting with a declared interest, where the two treat that member
** differently: say so, and which setting makes the difference. */
static const char *interest_note(struct arena *a, const struct conform_result *r, const struct conform_example *x,
                                 bool quorum)
{
	static const enum conform_topic quorum_topics[] = { TOPIC_CONFLICT_QUORUM };
	static const enum conform_topic vote_topics[] = { TOPIC_CONFLICT_VOTE, TOPIC_CONFLICT_LEAVES };
	const enum conform_topic *topics = quorum ? quorum_topics : vote_topics;
	size_t n = quorum ? 1 : 2;
	if (!x->interest)
		return NULL;
	for (size_t k = 0; k < n; k++) {
		int i = clause_of_topic(r, topics[k]);
		if (i >= 0 && r->clauses.items[i].verdict == CONFORM_NO)
			return arena_printf(a, "%s, who declared an interest, is treated differently: see \"%s\"", x->interest,
			                    r->clauses.items[i].heading);
	}
	return NULL;
}

/* What the search found for each group: its clause's verdict and example. */
static bool take_examples(struct arena *a, struct conform_result *r, const int *clause_of, const char **why)
{
	const struct diff_search *s = &r->search;
	for (int g = 0; g < SCENARIO_MAX_GROUPS; g++) {
		if (!s->picked_by_group[g])
			continue;
		int i = clause_of[g];
		if (i < 0) {
			/* no class of the model applies: a clause of its own */
			i = (int)r->clauses.n;
			struct conform_clause *c = conform_add(a, r, TOPIC_CLASS, "motions no class of the model covers", NULL, NULL);
			c->model_reads = "no class applies";
			c->local_reads = "carried by a class of the local terms";
		}
		struct conform_clause *c = &r->clauses.items[i];
		const struct diff_example *e = &s->by_group[g];
		c->verdict = CONFORM_NO;
		c->meetings = s->picked_by_group[g];
		if (!e->present_ids) {
			/* the witness search has a bound of its own: say what is known */
			c->why = arena_printf(a, "the smallest meeting that shows it has %lld present, %lld for, %lld against, "
			                         "%lld abstaining%s, %s; no attendance of that shape was found to write as a record",
			                      (long long)e->present, (long long)e->yes, (long long)e->no, (long long)e->abstain,
			                      e->conflicted ? ", one with a declared interest" : "", e->motion);
			continue;
		}
		struct conform_example *x;
		if (!example_of(a, r, e, c->heading, c->topic != TOPIC_QUORUM, &x, why))
			return false;
		x->interest_note = interest_note(a, r, x, r->clauses.items[i].topic == TOPIC_QUORUM);
		r->clauses.items[i].example = x;
	}
	return true;
}

static bool search_clauses(struct arena *a, const struct conform_run *run, struct conform_result *r,
                           const int *class_clause, const char **why)
{
	const struct terms *model = run->model;
	int clause_of[SCENARIO_MAX_GROUPS];
	for (int g = 0; g < SCENARIO_MAX_GROUPS; g++)
		clause_of[g] = -1;
	clause_of[GROUP_QUORUM] = clause_of_topic(r, TOPIC_QUORUM);
	clause_of[GROUP_CASTING] = clause_of_topic(r, TOPIC_CASTING);
	for (unsigned i = 0; i < model->n_classes; i++)
		clause_of[GROUP_CLASS + i] = class_clause[i];
	struct picker p = { model, run->exact, r->clauses.items[clause_of[GROUP_QUORUM]].verdict == CONFORM_OPEN,
	                    r->clauses.items[clause_of[GROUP_CASTING]].verdict == CONFORM_NO };
	struct scenario_query q = { pick, &p, run->bound, false };
	scenario_search(a, r->local, r->seen, r->day, &q, &r->search);
	if (!take_examples(a, r, clause_of, why))
		return false;
	/* A search cut short proves nothing about the clauses it found no
	** meeting for. */
	for (size_t i = 0; i < r->clauses.n && r->search.truncated; i++) {
		struct conform_clause *c = &r->clauses.items[i];
		if ((c->topic == TOPIC_QUORUM || c->topic == TOPIC_CLASS) && c->verdict == CONFORM_YES)
			c->verdict = CONFORM_UNPROVEN;
	}
	return true;
}

/* ---- a vote one counts and the other voids ------------------------------------------------------ */

/* At most this many meetings are tried for an example of it. */
#define INTEREST_VOTE_TRIES 500

/* Does a judged meeting show the local terms carrying what the model does
** not (with exact: any difference)? */
static bool shows(const struct meeting_result *l, const struct meeting_result *m, bool exact)
{
	enum outcome lo = l->motions[0].outcome, mo = m->motions[0].outcome;
	return exact ? lo != mo : lo == OUTCOME_CARRIED && mo != OUTCOME_CARRIED;
}

/* One meeting of the vote example: the first p voting members present, the
** last of them with a declared interest and voting for, y others for and
** the rest against; NULL when eval does not judge it as showing the clause
** (both quorate, as *quorate says; the local terms carrying and the model
** not, or with exact any difference; and not so when that member does not
** vote). */
static struct conform_example *interest_vote_try(struct arena *a, struct conform_result *r, const char **ids,
                                                 unsigned p, int64_t y, const struct scenario_motion *kind, bool exact,
                                                 bool *quorate)
{
	const struct terms *t[2] = { r->local, r->seen };
	const struct dclass *cls[2] = { class_of(r->local, kind), class_of(r->seen, kind) };
	struct diff_example *e = arena_alloc(a, sizeof *e);
	*e = (struct diff_example){ .present = p, .present_old = p, .yes = y + 1, .no = (int64_t)p - 1 - y,
		                    .conflicted = 1, .casting = -1, .motion = kind->description, .before = OUTCOME_CARRIED,
		                    .class_before = cls[0], .class_after = cls[1], .present_ids = ids, .n_present_ids = p,
		                    .conflicted_id = ids[p - 1], .attrs = kind->attrs, .n_attrs = kind->n_attrs };
	const char *heading = "declared interests: voting";
	const char *record = record_of(a, t, r->day, e, heading, cls, true);
	const struct meeting_result *l = judge_record(a, t[0], record), *m = judge_record(a, t[1], record);
	*quorate = l && m && l->motions[0].quorate && m->motions[0].quorate;
	if (!*quorate)
		return NULL;
	if (!shows(l, m, exact))
		return NULL;
	/* the vote must make the difference: without it, the two agree */
	struct diff_example silent = *e;
	silent.yes = y;
	const char *without = record_of(a, t, r->day, &silent, heading, cls, false);
	const struct meeting_result *l2 = judge_record(a, t[0], without), *m2 = judge_record(a, t[1], without);
	if (!l2 || !m2 || shows(l2, m2, exact))
		return NULL;
	enum outcome lo = l->motions[0].outcome, mo = m->motions[0].outcome;
	e->before = lo;
	e->after = mo;
	struct conform_example *x = arena_alloc(a, sizeof *x);
	x->found = e;
	x->members = r->members;
	x->present = p;
	x->attendance = attendance_text(a, e, r->members, true);
	x->votes = votes_text(a, e);
	x->interest = e->conflicted_id;
	x->interest_note = arena_printf(a, "%s, who declared an interest, votes for: %s", e->conflicted_id,
	                                terms_conflicted_void(r->local) ? "the local terms make the vote void, the model counts it"
	                                                                : "the local terms count the vote, the model makes it void");
	x->motion = kind->description;
	x->record = record_of(a, t, r->day, e, heading, cls, true); /* minuted as the local terms decide it */
	x->local = judge_record(a, t[0], x->record);
	x->model = judge_record(a, t[1], x->record);
	return x->local && x->model ? x : NULL;
}

/* Where interest_vote_example found its meeting. */
struct vote_at {
	unsigned p, k;
	int64_t y;
};

/* The meetings tried, each in `scratch`, reset before the next: the first p
** voting members for p = 2, 3, ..., each kind of motion, each split. */
static bool find_interest_vote(struct arena *scratch, struct conform_result *r, const char **ids, unsigned n,
                               const struct scenario_motion *kinds, unsigned n_kinds, bool exact, struct vote_at *at)
{
	unsigned tries = INTEREST_VOTE_TRIES;
	bool quorate = true;
	/* an attendance that is not quorate under both is tried once: the
	** quorum depends on neither the votes nor the kind of motion */
	for (unsigned p = 2; p <= n && tries; p++, quorate = true)
		for (unsigned k = 0; k < n_kinds && tries && quorate; k++)
			for (int64_t y = 0; y < (int64_t)p && tries && quorate; y++, tries--) {
				if (y + 1 == (int64_t)p - 1 - y || y == (int64_t)p - 1 - y)
					continue; /* a tie under either: the casting vote is the casting vote's clause */
				arena_reset(scratch);
				if (interest_vote_try(scratch, r, ids, p, y, &kinds[k], exact, &quorate)) {
					*at = (struct vote_at){ p, k, y };
					return true;
				}
			}
	return false;
}

/*
** Where the two differ on the vote of a member with a declared interest, a
** meeting that shows it: the search asks only the votes both count, so this
** one is looked for here, growing the meeting from the first voting members
** of the roster (a meeting that shows it, not always the smallest one).
** The meetings tried are judged in a scratch arena, freed afterwards and
** before an out-of-memory jump is passed on; the one found is judged again
** into the report's arena.
*/
static void interest_vote_example(struct arena *a, struct conform_result *r, const struct scenario_motion *kinds,
                                  unsigned n_kinds, bool exact)
{
	int i = clause_of_topic(r, TOPIC_CONFLICT_VOTE);
	if (i < 0 || r->clauses.items[i].verdict != CONFORM_NO || !n_kinds)
		return;
	const char **ids = arena_array(a, r->local->n_members + 1, sizeof *ids);
	unsigned n = 0;
	for (unsigned k = 0; k < r->local->n_members; k++)
		if (r->local->members[k].voting && terms_member_active(&r->local->members[k], r->day))
			ids[n++] = r->local->members[k].id;
	struct mem *mem = a->mem;
	struct arena *scratch = arena_alloc(a, sizeof *scratch);
	arena_init(scratch, mem);
	jmp_buf *outer = mem->on_oom;
	jmp_buf here;
	mem->on_oom = &here;
	if (setjmp(here)) {
		mem->on_oom = outer;
		arena_free(scratch);
		mem_fail(mem);
	}
	struct vote_at at;
	bool found = find_interest_vote(scratch, r, ids, n, kinds, n_kinds, exact, &at);
	mem->on_oom = outer;
	arena_free(scratch);
	bool quorate;
	if (found)
		r->clauses.items[i].example = interest_vote_try(a, r, ids, at.p, at.y, &kinds[at.k], exact, &quorate);
}

/* ---- one local file ---------------------------------------------------------------------------------- */

static int64_t voting_members(const struct terms *t, qdate day)
{
	int64_t n = 0;
	for (unsigned i = 0; i < t->n_members; i++)
		n += t->members[i].voting && terms_member_active(&t->members[i], day);
	return n;
}

static enum conform_verdict overall(const struct conform_result *r)
{
	enum conform_verdict v = CONFORM_YES;
	for (size_t i = 0; i < r->clauses.n; i++) {
		if (r->clauses.items[i].verdict == CONFORM_NO)
			return CONFORM_NO;
		if (r->clauses.items[i].verdict == CONFORM_UNPROVEN)
			v = CONFORM_UNPROVEN;
	}
	return v;
}

bool conform_local(struct conform_run *run, const struct terms *local, const char *path, const char **why)
{
	struct arena *a = run->arena;
	const struct terms *model = run->model;
	if (model->n_classes > CONFORM_MAX_CLASSES) {
		*why = arena_printf(a, "the model has %u classes; conform compares at most %d", model->n_classes,
		                    CONFORM_MAX_CLASSES);
		return false;
	}
	struct conform_result *r = arena_alloc(a, sizeof *r);
	r->path = path;
	r->local = local;
	r->day = local->effective;
	r->members = voting_members(local, r->day);
	r->seen = seen_as_local(a, r, model);
	const struct scenario_motion *kinds;
	bool cut; /* more kinds than the search asks about: it says so (truncated) */
	unsigned n_kinds = scenario_motions(a, r->local, r->seen, &kinds, &cut);
	quorum_clause(a, r, model);
	int *class_clause = arena_array(a, model->n_classes + 1, sizeof *class_clause);
	for (unsigned i = 0; i < model->n_classes; i++)
		model_class(a, r, &r->seen->classes[i], kinds, n_kinds, run->exact, &class_clause[i]);
	conform_settings(a, r, model, run->exact);
	if (!search_clauses(a, run, r, class_clause, why))
		return false;
	interest_vote_example(a, r, kinds, n_kinds, run->exact);
	r->verdict = overall(r);
	VEC_PUSH(a, run->results, r);
	return true;
}

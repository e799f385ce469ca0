/*
** scenario: exhaustive search for scenarios where two versions of the terms
** disagree.  See scenario.h.
*/
#include "run/scenario.h"

#include <string.h>

#include "base/sbuf.h"

/* Upper bounds of the search, so diff answers in seconds for any roster
** (docs/reference.md#limits): distinct attendances, and questions in all. */
#define SCENARIO_MAX_ATTENDANCES 200000
#define SCENARIO_MAX_QUESTIONS 5000000
#define MAX_TYPES 128
#define MAX_MOTIONS 128
#define MAX_MOTION_ATTRS (PROFILE_MAX_ATTRS * 2)

/* Members who look alike to both versions: voting or not and in which of
** the role lists each version names. */
struct member_type {
	bool voting[2];
	uint64_t masks[2];          /* bit k: in terms.masks[k] */
	int64_t count;              /* people of this type */
};

/* What one version sees of one attendance. */
struct view {
	int64_t members, present;
	int64_t members_by_mask[TERMS_MAX_MASKS], present_by_mask[TERMS_MAX_MASKS];
};

struct search {
	const struct terms *t[2];
	qdate day;
	struct member_type types[MAX_TYPES];
	unsigned n_types;
	int64_t attend[MAX_TYPES];  /* the current attendance, per type */
	/* motion kinds: the union of both files' distinctions */
	struct attr attrs[MAX_MOTIONS][MAX_MOTION_ATTRS];
	unsigned n_attrs[MAX_MOTIONS];
	const char *motion_desc[MAX_MOTIONS];
	unsigned n_motions;
	/* attendances already asked (by what both versions see) */
	uint64_t *seen;
	size_t seen_cap, seen_n;
	struct diff_search *out;
	uint64_t attendances;
};

/* ---- member types ------------------------------------------------------------------ */

static uint64_t mask_bits(const struct terms *t, const struct member *m)
{
	uint64_t bits = 0;
	for (unsigned k = 0; k < t->n_masks; k++)
		if (m->groups & t->masks[k])
			bits |= UINT64_C(1) << k;
	return bits;
}

static void add_person(struct search *s, bool voting[2], uint64_t masks[2])
{
	for (unsigned i = 0; i < s->n_types; i++) {
		struct member_type *ty = &s->types[i];
		if (ty->voting[0] == voting[0] && ty->voting[1] == voting[1] && ty->masks[0] == masks[0] &&
		    ty->masks[1] == masks[1]) {
			ty->count++;
			return;
		}
	}
	if (s->n_types == MAX_TYPES)
		return; /* more kinds of member than the search distinguishes: reported as truncated */
	struct member_type *ty = &s->types[s->n_types++];
	ty->voting[0] = voting[0];
	ty->voting[1] = voting[1];
	ty->masks[0] = masks[0];
	ty->masks[1] = masks[1];
	ty->count = 1;
}

/* People are matched across versions by member id. */
static void build_types(struct search *s)
{
	for (int v = 0; v < 2; v++) {
		const struct terms *t = s->t[v], *other = s->t[1 - v];
		for (unsigned i = 0; i < t->n_members; i++) {
			const struct member *m = &t->members[i];
			int j = terms_find_member(other, m->id);
			if (v == 1 && j >= 0)
				continue; /* already added from the old roster */
			bool voting[2] = { false, false };
			uint64_t masks[2] = { 0, 0 };
			voting[v] = m->voting && terms_member_active(m, s->day);
			masks[v] = mask_bits(t, m);
			if (j >= 0) {
				const struct member *o = &other->members[j];
				voting[1 - v] = o->voting && terms_member_active(o, s->day);
				masks[1 - v] = mask_bits(other, o);
			}
			if (voting[0] || voting[1])
				add_person(s, voting, masks);
		}
	}
}

/* ---- motion kinds -------------------------------------------------------------------- */

/* The values one attribute takes across both files' kinds of motion. */
struct attr_choice {
	const char *name;
	struct value values[8];
	unsigned n;
};

static bool same_value(const struct value *a, const struct value *b)
{
	if (a->type != b->type)
		return false;
	switch (a->type) {
	case VT_BOOL: return a->u.boolean == b->u.boolean;
	case VT_STR: return strcmp(a->u.str, b->u.str) == 0;
	case VT_NUM: return rat_cmp(a->u.num, b->u.num) == 0;
	default: return true;
	}
}

static unsigned gather_choices(const struct search *s, struct attr_choice *choices, unsigned max)
{
	unsigned n = 0;
	for (int v = 0; v < 2; v++) {
		const struct terms *t = s->t[v];
		for (unsigned p = 0; p < t->n_profiles; p++) {
			for (unsigned i = 0; i < t->profiles[p].n_attrs; i++) {
				const struct attr *a = &t->profiles[p].attrs[i];
				unsigned k = 0;
				while (k < n && strcmp(choices[k].name, a->name) != 0)
					k++;
				if (k == n) {
					if (n == max)
						continue;
					choices[n].name = a->name;
					choices[n].n = 0;
					n++;
				}
				bool seen = false;
				for (unsigned j = 0; j < choices[k].n; j++)
					seen = seen || same_value(&choices[k].values[j], &a->value);
				if (!seen && choices[k].n < 8)
					choices[k].values[choices[k].n++] = a->value;
			}
		}
	}
	return n;
}

static const char *describe(struct arena *a, const struct attr *attrs, unsigned n)
{
	struct sbuf b;
	sbuf_init(&b, a);
	const char *lead = "a motion";
	for (unsigned i = 0; i < n; i++)
		if (strcmp(attrs[i].name, "financial") == 0)
			lead = attrs[i].value.u.boolean ? "a financial motion" : "a motion with no financial implication";
	sbuf_add(&b, lead);
	for (unsigned i = 0; i < n; i++) {
		const struct attr *at = &attrs[i];
		char buf[RAT_FMT_MAX];
		if (strcmp(at->name, "financial") == 0)
			continue;
		if (at->value.type == VT_STR && at->value.u.str[0])
			sbuf_addf(&b, ", of kind \"%s\"", at->value.u.str);
		else if (at->value.type == VT_NUM)
			sbuf_addf(&b, ", %s %s", at->name, rat_format(at->value.u.num, buf, sizeof buf));
		else if (at->value.type == VT_BOOL && at->value.u.boolean)
			sbuf_addf(&b, ", %s", at->name);
	}
	return sbuf_str(&b);
}

/* Every combination of the attribute values either file distinguishes. */
static void build_motions(struct search *s, struct arena *a)
{
	struct attr_choice choices[MAX_MOTION_ATTRS];
	unsigned n = gather_choices(s, choices, MAX_MOTION_ATTRS);
	size_t total = 1;
	for (unsigned k = 0; k < n; k++)
		total *= choices[k].n;
	if (total > MAX_MOTIONS) {
		total = MAX_MOTIONS;
		s->out->truncated = true;
	}
	for (size_t i = 0; i < total; i++) {
		size_t index = i;
		unsigned m = s->n_motions++;
		for (unsigned k = 0; k < n; k++) {
			s->attrs[m][k] = (struct attr){ choices[k].name, choices[k].values[index % choices[k].n] };
			index /= choices[k].n;
		}
		s->n_attrs[m] = n;
		s->motion_desc[m] = describe(a, s->attrs[m], n);
	}
	if (s->n_motions == 0) {
		s->n_attrs[0] = 0;
		s->motion_desc[0] = "a motion";
		s->n_motions = 1;
	}
}

/* ---- one attendance --------------------------------------------------------------------- */

static void view_of(const struct search *s, int v, struct view *out)
{
	memset(out, 0, sizeof *out);
	const struct terms *t = s->t[v];
	for (unsigned i = 0; i < s->n_types; i++) {
		const struct member_type *ty = &s->types[i];
		if (!ty->voting[v])
			continue;
		out->members += ty->count;
		out->present += s->attend[i];
		for (unsigned k = 0; k < t->n_masks; k++) {
			if (ty->masks[v] & (UINT64_C(1) << k)) {
				out->members_by_mask[k] += ty->count;
				out->present_by_mask[k] += s->attend[i];
			}
		}
	}
}

/* FNV-1a over what both versions see, to ask each distinct attendance once. */
static uint64_t signature(const struct search *s, const struct view v[2])
{
	uint64_t h = 1469598103934665603u;
	for (int i = 0; i < 2; i++) {
		const int64_t *parts[2] = { &v[i].present, v[i].present_by_mask };
		h = (h ^ (uint64_t)*parts[0]) * 1099511628211u;
		for (unsigned k = 0; k < s->t[i]->n_masks; k++)
			h = (h ^ (uint64_t)parts[1][k]) * 1099511628211u;
		h = (h ^ 0xff) * 1099511628211u;
	}
	return h ? h : 1;
}

static bool seen_before(struct search *s, struct arena *a, uint64_t sig)
{
	if (s->seen_n * 2 >= s->seen_cap) {
		size_t cap = s->seen_cap ? s->seen_cap * 2 : 1024;
		uint64_t *table = arena_array(a, cap, sizeof *table);
		for (size_t i = 0; i < s->seen_cap; i++) {
			if (!s->seen[i])
				continue;
			size_t j = s->seen[i] & (cap - 1);
			while (table[j])
				j = (j + 1) & (cap - 1);
			table[j] = s->seen[i];
		}
		s->seen = table;
		s->seen_cap = cap;
	}
	size_t j = sig & (s->seen_cap - 1);
	while (s->seen[j]) {
		if (s->seen[j] == sig)
			return true;
		j = (j + 1) & (s->seen_cap - 1);
	}
	s->seen[j] = sig;
	s->seen_n++;
	return false;
}

/* The counts one version gives to an attendance with one conflicted member
** of type `ct` (or none when ct < 0): docs/semantics.md#interests. */
static void counts_for(const struct search *s, int v, const struct view *vw, int ct, struct scenario *sc)
{
	const struct terms *t = s->t[v];
	bool conflicted = ct >= 0 && s->types[ct].voting[v];
	uint64_t cmask = conflicted ? s->types[ct].masks[v] : 0;
	bool counts_q = t->conflict_quorum == CONFLICT_QUORUM_DEEMED ||
	                (t->conflict_quorum == CONFLICT_QUORUM_COUNTED && !t->conflict_leaves);
	bool leaves = t->conflict_leaves;
	bool void_vote = t->conflict_vote == CONFLICT_VOTE_VOID || leaves;
	memset(&sc->quorum, 0, sizeof sc->quorum);
	memset(&sc->votes, 0, sizeof sc->votes);
	struct counts *q = &sc->quorum, *c = &sc->votes;
	q->n[COUNT_MEMBERS] = c->n[COUNT_MEMBERS] = vw->members;
	q->n[COUNT_CONFLICTED] = c->n[COUNT_CONFLICTED] = conflicted;
	q->n[COUNT_PRESENT] = vw->present - (conflicted && !counts_q);
	c->n[COUNT_PRESENT] = vw->present - (conflicted && leaves);
	c->n[COUNT_ELIGIBLE] = vw->present - (conflicted && void_vote);
	for (unsigned k = 0; k < t->n_masks; k++) {
		bool in = (cmask >> k) & 1;
		q->members_by_mask[k] = c->members_by_mask[k] = vw->members_by_mask[k];
		q->present_by_mask[k] = vw->present_by_mask[k] - (in && !counts_q);
		c->present_by_mask[k] = vw->present_by_mask[k] - (in && leaves);
	}
	q->n[COUNT_ELIGIBLE] = c->n[COUNT_ELIGIBLE];
}

static int64_t example_key_cmp(const struct diff_example *a, const struct diff_example *b)
{
	if (a->present != b->present)
		return a->present - b->present;
	int64_t va = a->yes + a->no + a->abstain, vb = b->yes + b->no + b->abstain;
	if (va != vb)
		return va - vb;
	if (a->conflicted != b->conflicted)
		return a->conflicted - b->conflicted;
	if (a->yes != b->yes)
		return b->yes - a->yes;
	return (a->casting >= 0) - (b->casting >= 0);
}

/* Keep the smallest examples, one per (outcome change, motion kind) first. */
static void keep_example(struct diff_search *out, const struct diff_example *e)
{
	for (unsigned i = 0; i < out->n_examples; i++) {
		struct diff_example *x = &out->examples[i];
		if (x->before == e->before && x->after == e->after && x->motion == e->motion) {
			if (example_key_cmp(e, x) < 0)
				*x = *e;
			return;
		}
	}
	if (out->n_examples < DIFF_MAX_EXAMPLES) {
		out->examples[out->n_examples++] = *e;
		return;
	}
	unsigned worst = 0;
	for (unsigned i = 1; i < out->n_examples; i++)
		if (example_key_cmp(&out->examples[i], &out->examples[worst]) > 0)
			worst = i;
	if (example_key_cmp(e, &out->examples[worst]) < 0)
		out->examples[worst] = *e;
}

static void ask(struct search *s, struct scenario sc[2], int64_t yes, int64_t no, int64_t abstain, int casting,
                unsigned motion, int64_t conflicted, int64_t present_old, int64_t present_new)
{
	struct decision d[2];
	if (s->out->scenarios >= SCENARIO_MAX_QUESTIONS) {
		s->out->truncated = true;
		return;
	}
	for (int v = 0; v < 2; v++) {
		counts_set_votes(&sc[v].votes, yes, no, abstain);
		sc[v].attrs = s->attrs[motion];
		sc[v].n_attrs = s->n_attrs[motion];
		sc[v].has_casting = casting >= 0;
		sc[v].casting = casting >= 0 ? (enum vote_kind)casting : VOTE_FOR;
		decide(s->t[v], &sc[v], &d[v], NULL);
	}
	s->out->scenarios++;
	if (d[0].outcome == d[1].outcome)
		return;
	s->out->differing++;
	s->out->transitions[d[0].outcome][d[1].outcome]++;
	struct diff_example e = { present_new, present_old, yes, no, abstain, conflicted, casting,
	                          s->motion_desc[motion], d[0].outcome, d[1].outcome, d[0].cls, d[1].cls };
	keep_example(s->out, &e);
}

/* Every split of votes among those entitled to vote under both versions. */
static void ask_votes(struct search *s, struct scenario sc[2], int64_t conflicted, int64_t present_old, int64_t present_new)
{
	int64_t e = sc[0].votes.n[COUNT_ELIGIBLE] < sc[1].votes.n[COUNT_ELIGIBLE] ? sc[0].votes.n[COUNT_ELIGIBLE]
	                                                                          : sc[1].votes.n[COUNT_ELIGIBLE];
	bool casting = s->t[0]->casting_chair || s->t[1]->casting_chair;
	for (unsigned m = 0; m < s->n_motions && !s->out->truncated; m++)
		for (int64_t yes = 0; yes <= e && !s->out->truncated; yes++)
			for (int64_t no = 0; yes + no <= e; no++)
				for (int64_t abstain = 0; yes + no + abstain <= e; abstain++) {
					ask(s, sc, yes, no, abstain, -1, m, conflicted, present_old, present_new);
					if (casting && yes == no && yes > 0) {
						ask(s, sc, yes, no, abstain, VOTE_FOR, m, conflicted, present_old, present_new);
						ask(s, sc, yes, no, abstain, VOTE_AGAINST, m, conflicted, present_old, present_new);
					}
				}
}

static void ask_attendance(struct search *s, struct arena *a)
{
	struct view v[2];
	view_of(s, 0, &v[0]);
	view_of(s, 1, &v[1]);
	if (seen_before(s, a, signature(s, v)))
		return;
	if (++s->attendances > SCENARIO_MAX_ATTENDANCES) {
		s->out->truncated = true;
		return;
	}
	struct scenario sc[2];
	struct counts none = { { 0 }, { 0 }, { 0 } };
	for (int k = 0; k < 2; k++)
		scenario_init(&sc[k], &none, &none, NULL, 0);
	/* no interests, then one conflicted member of each type present */
	for (int ct = -1; ct < (int)s->n_types && !s->out->truncated; ct++) {
		if (ct >= 0 && s->attend[ct] == 0)
			continue;
		counts_for(s, 0, &v[0], ct, &sc[0]);
		counts_for(s, 1, &v[1], ct, &sc[1]);
		ask_votes(s, sc, ct >= 0, v[0].present, v[1].present);
	}
}

static void walk(struct search *s, struct arena *a, unsigned type)
{
	if (s->out->truncated)
		return;
	if (type == s->n_types) {
		ask_attendance(s, a);
		return;
	}
	for (int64_t k = 0; k <= s->types[type].count; k++) {
		s->attend[type] = k;
		walk(s, a, type + 1);
	}
}

void scenario_diff(struct arena *a, const struct terms *old_t, const struct terms *new_t, qdate day,
                   struct diff_search *out)
{
	memset(out, 0, sizeof *out);
	struct search *s = arena_alloc(a, sizeof *s);
	s->t[0] = old_t;
	s->t[1] = new_t;
	s->day = day;
	s->out = out;
	build_types(s);
	build_motions(s, a);
	walk(s, a, 0);
	/* examples smallest first */
	for (unsigned i = 1; i < out->n_examples; i++)
		for (unsigned j = i; j > 0 && example_key_cmp(&out->examples[j], &out->examples[j - 1]) < 0; j--) {
			struct diff_example tmp = out->examples[j];
			out->examples[j] = out->examples[j - 1];
			out->examples[j - 1] = tmp;
		}
}

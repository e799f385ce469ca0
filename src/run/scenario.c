/*
** scenario: the search of possible meetings, for two versions of the terms
** at once.  See scenario.h; the method and its bounds are in
** docs/reference.md#diff-search.
**
** Three reductions make it exact for real rosters, each losing nothing:
**
**  1. People are grouped into member types by what the two versions see of
**     them (voting or not in each, and in which named role lists), and
**     attendances are listed as the versions see them: the distinct
**     vectors (present in each version, present in each role list), found
**     type by type (a set of partial views), never person by person.  A
**     member who does not vote in a version is invisible to it.
**  2. A decision depends on the attendance only through the quorum's verdict
**     and the counts the class rules name.  The whole vote-split search for
**     one such context is done once and its totals reused for every
**     attendance that gives the same context.
**  3. Inside a context, vote counts no rule names are not enumerated: when
**     no rule names abstentions (or votes), each (for, against) pair stands
**     for all its abstention counts; when the rules name only the votes for
**     (and no casting vote can apply), each number for stands for every split
**     of the rest.  The scenarios are still counted one by one.
**
** Everything is bounded by one count of work (scenario.h): attendances
** visited, contexts and decisions asked.  Attendances are judged in rounds,
** one of each attendance level per round, so a search cut short has tried
** every level before a second variation of any.
*/
#include "run/scenario.h"

#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

#include "base/sort.h"
#include "model/attrs.h"

#define MAX_MOTIONS 128
#define MAX_MOTION_ATTRS (PROFILE_MAX_ATTRS * 2)
/* Memory for the distinct attendances (listed whole or not at all). */
#define VIEWS_MAX_BYTES ((size_t)96 << 20)
/* Steps of listing the distinct attendances (a partial view extended by
** some members of one type), a bound of its own: the list is cheap next to
** judging, and complete or not made at all. */
#define LIST_MAX 20000000u
/* The fallback search's memory of attendances already judged. */
#define SEEN_MAX 4000000u
/* Counting the whole space of a search cut short: attendances times kinds
** of member, at most (each a few hundred instructions). */
#define SPACE_COUNT_MAX 4000000u
/* Contexts whose totals are kept for reuse (about 1 KB each). */
#define CONTEXTS_MAX 100000u

/* Members who look alike to both versions: voting or not in each and in
** which of the role lists each version names (nothing, where not voting). */
struct member_type {
	bool voting[2];
	uint64_t masks[2];          /* bit k: in terms.masks[k] */
	int64_t count;              /* people of this type */
	VEC(const char *) ids;      /* who they are (for witnesses) */
};

/* What one version sees of one attendance. */
struct view {
	int64_t members, present;
	int64_t members_by_mask[TERMS_MAX_MASKS], present_by_mask[TERMS_MAX_MASKS];
};

/* The counts the class rules of one version name (not the votes, which are
** enumerated): what makes two attendances the same question for them. */
struct refs {
	bool count[COUNT__N];
	uint64_t present_masks;     /* present(...) lists named */
};

/* How far each present(...) count of one version matters: a count the
** rules only ever compare with a constant (`present(gp) >= 1`) cannot tell
** any value from the constant's whole part + 2 upwards (the 2 leaves room
** for a member with a declared interest who does not count), so attendances
** are listed with it capped there.  0: never capped. */
struct caps {
	int64_t at[TERMS_MAX_MASKS];
	bool uncapped[TERMS_MAX_MASKS];
};

/* The totals of one context's vote-split search (reduction 2). */
struct agg_example {
	int64_t yes, no, abstain;
	int casting;
	enum outcome before, after;
	const struct dclass *cls[2];
};

/* The scenarios of one context under one of the predicate's headings. */
struct agg_group {
	int group;
	uint64_t count;
	struct agg_example ex;      /* the smallest */
};

struct aggregate {
	uint64_t scenarios, picked;
	uint64_t transitions[OUTCOME_UNDETERMINED + 1][OUTCOME_UNDETERMINED + 1];
	struct agg_example ex[DIFF_MAX_EXAMPLES];
	unsigned n_ex;
	struct agg_group *groups;   /* the headings met, in the order met */
	unsigned n_groups, cap_groups;
};

/* A set of fixed-length keys with a payload each, by open addressing. */
struct keyset {
	unsigned len;               /* int64 per key */
	size_t n, cap;              /* entries; table slots (a power of two) */
	int64_t *keys;
	uint32_t *slots;            /* entry index + 1; 0 empty */
};

/* The distinct attendances (reduction 1): int16 keys of `dim` counts
** (present old, present new, each role list of old, of new) and, for each,
** the member types that can be present in it (for declared interests). */
struct views {
	unsigned dim, words;
	size_t n, cap, slots_cap;
	int16_t *keys;
	uint64_t *types;            /* words per entry */
	uint32_t *slots;
};

struct search {
	struct arena *a;
	/* list_views's working memory, outside `a` (so it can be given back
	** early): here, not on the stack, so the out-of-memory path frees it */
	struct arena scratch, stage[2];
	const struct terms *t[2];
	qdate day;
	const struct scenario_query *q;
	VEC(struct member_type) types;
	unsigned n_masks[2], dim;
	struct view base[2];        /* members and members(...): the same at every attendance */
	struct refs refs[2];
	int16_t *cap;               /* per key component: the largest value listed */
	bool casting;               /* either version gives the chair a casting vote */
	bool votes_split_3;         /* some rule names abstentions or votes: enumerate them */
	bool yes_only;              /* the rules name only the votes for, and no casting vote applies */
	bool when_names_votes;      /* some class's `when` names a count of votes */
	/* motion kinds: the union of both files' distinctions */
	const struct scenario_motion *motions;
	unsigned n_motions;
	struct scenario sc[2];      /* the scenario being asked, in each version */
	struct keyset contexts;
	VEC(struct aggregate *) aggregates;
	/* quorum verdicts by the counts the quorum sees, per version */
	struct keyset quorum_seen[2];
	VEC(signed char) quorum_verdict[2];
	int64_t *qkey;
	struct aggregate *one_off;  /* a context's totals when no more are kept */
	/* the contexts of one attendance (one per declared interest at most) */
	struct ctx_group {
		int ct;                 /* the declared interest that stands for the group */
		bool votes_matter;      /* some version is quorate, or a class is chosen by the votes */
		int64_t e;
		uint64_t times, hash;
	} *groups;
	int64_t *group_keys;
	struct diff_search *out;
	bool stop;
};

/* ---- work and the bound -------------------------------------------------------- */

static bool spend(struct search *s, uint64_t units)
{
	if (s->stop)
		return false;
	s->out->work += units;
	if (s->out->work > s->out->bound) {
		s->stop = true;
		s->out->truncated = true;
		if (!s->out->why_truncated)
			s->out->why_truncated = "it reached its bound of work";
		return false;
	}
	return true;
}

/* ---- member types ------------------------------------------------------------------ */

static uint64_t mask_bits(const struct terms *t, const struct member *m)
{
	uint64_t bits = 0;
	for (unsigned k = 0; k < t->n_masks; k++)
		if (m->groups & t->masks[k])
			bits |= UINT64_C(1) << k;
	return bits;
}

static void add_person(struct search *s, const char *id, const bool voting[2], const uint64_t masks[2])
{
	for (size_t i = 0; i < s->types.n; i++) {
		struct member_type *ty = &s->types.items[i];
		if (ty->voting[0] == voting[0] && ty->voting[1] == voting[1] && ty->masks[0] == masks[0] &&
		    ty->masks[1] == masks[1]) {
			ty->count++;
			VEC_PUSH(s->a, ty->ids, id);
			return;
		}
	}
	struct member_type ty = { { voting[0], voting[1] }, { masks[0], masks[1] }, 1, { NULL, 0, 0 } };
	VEC_PUSH(s->a, ty.ids, id);
	VEC_PUSH(s->a, s->types, ty);
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
			if (j >= 0) {
				const struct member *o = &other->members[j];
				voting[1 - v] = o->voting && terms_member_active(o, s->day);
				masks[1 - v] = voting[1 - v] ? mask_bits(other, o) : 0;
			}
			masks[v] = voting[v] ? mask_bits(t, m) : 0; /* invisible where not voting */
			if (voting[0] || voting[1])
				add_person(s, m->id, voting, masks);
		}
	}
	for (int v = 0; v < 2; v++) {
		const struct terms *t = s->t[v];
		s->n_masks[v] = t->n_masks;
		memset(&s->base[v], 0, sizeof s->base[v]);
		for (size_t i = 0; i < s->types.n; i++) {
			const struct member_type *ty = &s->types.items[i];
			if (!ty->voting[v])
				continue;
			s->base[v].members += ty->count;
			for (unsigned k = 0; k < t->n_masks; k++)
				if (ty->masks[v] & (UINT64_C(1) << k))
					s->base[v].members_by_mask[k] += ty->count;
		}
	}
	s->dim = 2 + s->n_masks[0] + s->n_masks[1];
}

/* What one person of type ty adds to an attendance key. */
static void contribution(const struct search *s, const struct member_type *ty, int16_t *c)
{
	memset(c, 0, s->dim * sizeof *c);
	c[0] = ty->voting[0];
	c[1] = ty->voting[1];
	for (int v = 0; v < 2; v++)
		for (unsigned k = 0; k < s->n_masks[v]; k++)
			c[2 + (v ? s->n_masks[0] : 0) + k] = (ty->masks[v] >> k) & 1;
}

/* ---- what the rules name ---------------------------------------------------------------- */

static void note_refs(const struct expr *e, struct refs *r, unsigned depth)
{
	if (!e || depth > 200)
		return;
	if (e->kind == EX_COUNT) {
		if (e->mask < 0)
			r->count[e->count] = true;
		else if (e->count != COUNT_MEMBERS)
			r->present_masks |= UINT64_C(1) << e->mask;
		return;
	}
	if (e->kind == EX_CALL && e->rule)
		note_refs(e->rule->body, r, depth + 1);
	note_refs(e->a, r, depth + 1);
	note_refs(e->b, r, depth + 1);
	for (unsigned i = 0; i < e->n_args; i++)
		note_refs(e->args[i], r, depth + 1);
}

/* Does e read nothing of the meeting (no count, attribute or parameter)? */
static bool meeting_free(const struct expr *e, unsigned depth)
{
	if (!e)
		return true;
	if (depth > 200 || e->kind == EX_COUNT || e->kind == EX_ATTR || e->kind == EX_PARAM || e->kind == EX_CALL)
		return false;
	for (unsigned i = 0; i < e->n_args; i++)
		if (!meeting_free(e->args[i], depth + 1))
			return false;
	return meeting_free(e->a, depth + 1) && meeting_free(e->b, depth + 1);
}

/* The whole part of a constant expression; false if it has none. */
static bool constant_floor(const struct expr *e, int64_t *out)
{
	struct counts none;
	memset(&none, 0, sizeof none);
	struct expr_env env = { &none, NULL, 0, NULL, NULL };
	struct value v;
	const struct expr *fault;
	if (!meeting_free(e, 0) || expr_eval(e, &env, &v, &fault) != EXPR_OK || v.type != VT_NUM)
		return false;
	*out = rat_floor(v.u.num);
	return true;
}

static bool present_list(const struct expr *e)
{
	return e->kind == EX_COUNT && e->mask >= 0 && e->count != COUNT_MEMBERS;
}

static void note_caps(const struct expr *e, struct caps *c, unsigned depth)
{
	if (!e || depth > 200)
		return;
	if (e->kind == EX_BINARY && expr_is_comparison(e->op)) {
		const struct expr *side[2] = { e->a, e->b };
		for (int i = 0; i < 2; i++) {
			int64_t k;
			if (present_list(side[i]) && constant_floor(side[1 - i], &k) && k >= 0 && k < 30000) {
				if (c->at[side[i]->mask] < k + 2)
					c->at[side[i]->mask] = k + 2;
			} else {
				note_caps(side[i], c, depth + 1);
			}
		}
		return;
	}
	if (present_list(e)) {
		c->uncapped[e->mask] = true; /* used in arithmetic or against another count */
		return;
	}
	if (e->kind == EX_CALL && e->rule)
		note_caps(e->rule->body, c, depth + 1);
	note_caps(e->a, c, depth + 1);
	note_caps(e->b, c, depth + 1);
	for (unsigned i = 0; i < e->n_args; i++)
		note_caps(e->args[i], c, depth + 1);
}

/* The cap of each key component (reduction 1): every rule that reads a
** present(...) count, in the quorum or a class, must allow it. */
static void build_caps(struct search *s)
{
	s->cap = arena_array(s->a, s->dim + 1, sizeof *s->cap);
	s->cap[0] = s->cap[1] = INT16_MAX; /* the number present sets the votes */
	for (int v = 0; v < 2; v++) {
		const struct terms *t = s->t[v];
		struct caps c;
		memset(&c, 0, sizeof c);
		for (unsigned i = 0; i < t->n_quorum; i++)
			note_caps(t->quorum[i].cond, &c, 0);
		for (unsigned i = 0; i < t->n_classes; i++) {
			note_caps(t->classes[i].when, &c, 0);
			for (unsigned k = 0; k < t->classes[i].n_requires; k++)
				note_caps(t->classes[i].requires[k].cond, &c, 0);
		}
		unsigned off = 2 + (v ? s->n_masks[0] : 0);
		for (unsigned k = 0; k < s->n_masks[v]; k++)
			s->cap[off + k] = c.uncapped[k] || c.at[k] == 0 ? INT16_MAX : (int16_t)c.at[k];
	}
}

static void cap_key(const struct search *s, int16_t *key)
{
	for (unsigned d = 0; d < s->dim; d++)
		if (key[d] > s->cap[d])
			key[d] = s->cap[d];
}

static void build_refs(struct search *s)
{
	bool names[COUNT__N] = { false };
	for (int v = 0; v < 2; v++) {
		const struct terms *t = s->t[v];
		struct refs *r = &s->refs[v];
		memset(r, 0, sizeof *r);
		for (unsigned i = 0; i < t->n_classes; i++) {
			note_refs(t->classes[i].when, r, 0);
			for (unsigned k = 0; k < t->classes[i].n_requires; k++)
				note_refs(t->classes[i].requires[k].cond, r, 0);
		}
		for (int k = 0; k < COUNT__N; k++)
			names[k] = names[k] || r->count[k];
		s->casting = s->casting || t->casting_chair || t->casting_tba; /* decide tries a casting vote still to be agreed both ways */
	}
	for (int v = 0; v < 2; v++) {
		struct refs w;
		memset(&w, 0, sizeof w);
		for (unsigned i = 0; i < s->t[v]->n_classes; i++)
			note_refs(s->t[v]->classes[i].when, &w, 0);
		static const enum count_kind votes[] = { COUNT_YES, COUNT_NO, COUNT_ABSTAIN, COUNT_CAST, COUNT_VOTES };
		for (size_t k = 0; k < sizeof votes / sizeof votes[0]; k++)
			s->when_names_votes = s->when_names_votes || w.count[votes[k]];
	}
	s->votes_split_3 = names[COUNT_ABSTAIN] || names[COUNT_VOTES];
	s->yes_only = !s->votes_split_3 && !names[COUNT_NO] && !names[COUNT_CAST] && !s->casting;
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

static unsigned gather_choices(const struct terms *const ts[2], struct attr_choice *choices, unsigned max)
{
	unsigned n = 0;
	for (int v = 0; v < 2; v++) {
		const struct terms *t = ts[v];
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

/* Every combination of the attribute values either file distinguishes. */
unsigned scenario_motions(struct arena *a, const struct terms *t0, const struct terms *t1,
                          const struct scenario_motion **out, bool *cut)
{
	const struct terms *ts[2] = { t0, t1 };
	struct attr_choice choices[MAX_MOTION_ATTRS];
	unsigned n = gather_choices(ts, choices, MAX_MOTION_ATTRS);
	size_t total = 1;
	for (unsigned k = 0; k < n && total <= MAX_MOTIONS; k++)
		total *= choices[k].n;
	*cut = total > MAX_MOTIONS;
	if (*cut)
		total = MAX_MOTIONS;
	struct scenario_motion *m = arena_array(a, total + 1, sizeof *m);
	for (size_t i = 0; i < total; i++) {
		size_t index = i;
		struct attr *attrs = arena_array(a, n + 1, sizeof *attrs);
		for (unsigned k = 0; k < n; k++) {
			attrs[k] = (struct attr){ choices[k].name, choices[k].values[index % choices[k].n] };
			index /= choices[k].n;
		}
		m[i] = (struct scenario_motion){ attrs, n, attrs_describe(a, attrs, n, false, false) };
	}
	if (total == 0 || n == 0) {
		m[0] = (struct scenario_motion){ NULL, 0, "a motion" };
		total = 1;
	}
	*out = m;
	return (unsigned)total;
}

static void build_motions(struct search *s)
{
	bool cut;
	s->n_motions = scenario_motions(s->a, s->t[0], s->t[1], &s->motions, &cut);
	if (cut) {
		s->out->truncated = true;
		s->out->why_truncated = "the motions distinguish more than 128 kinds";
	}
}

/* ---- sets of keys ------------------------------------------------------------------------ */

static uint64_t hash_bytes(const void *p, size_t n)
{
	const unsigned char *b = p;
	uint64_t h = 1469598103934665603u;
	for (size_t i = 0; i < n; i++)
		h = (h ^ b[i]) * 1099511628211u;
	return h;
}

/* The same for keys of whole words, a word at a time. */
static uint64_t hash_words(const int64_t *w, size_t n)
{
	uint64_t h = 1469598103934665603u;
	for (size_t i = 0; i < n; i++) {
		h = (h ^ (uint64_t)w[i]) * 0x9e3779b97f4a7c15u;
		h ^= h >> 29;
	}
	return h;
}

/* Index of key in the set, adding it if new (*added) and `insert`; without
** `insert`, SIZE_MAX when it is not there. */
static size_t keyset_put(struct keyset *ks, struct arena *a, const int64_t *key, bool insert, bool *added)
{
	size_t bytes = ks->len * sizeof *key;
	if ((ks->n + 1) * 2 > ks->cap) {
		size_t cap = ks->cap ? ks->cap * 2 : 256;
		uint32_t *slots = arena_array(a, cap, sizeof *slots);
		for (size_t i = 0; i < ks->cap; i++) {
			if (!ks->slots[i])
				continue;
			size_t j = hash_words(ks->keys + (size_t)(ks->slots[i] - 1) * ks->len, ks->len) & (cap - 1);
			while (slots[j])
				j = (j + 1) & (cap - 1);
			slots[j] = ks->slots[i];
		}
		ks->keys = arena_grow(a, ks->keys, ks->n * ks->len, cap / 2 * ks->len, sizeof *key);
		ks->slots = slots;
		ks->cap = cap;
	}
	size_t j = hash_words(key, ks->len) & (ks->cap - 1);
	while (ks->slots[j]) {
		size_t e = ks->slots[j] - 1;
		if (memcmp(ks->keys + e * ks->len, key, bytes) == 0) {
			*added = false;
			return e;
		}
		j = (j + 1) & (ks->cap - 1);
	}
	*added = false;
	if (!insert)
		return SIZE_MAX;
	memcpy(ks->keys + ks->n * ks->len, key, bytes);
	ks->slots[j] = (uint32_t)(ks->n + 1);
	*added = true;
	return ks->n++;
}

/* ---- the distinct attendances (reduction 1) ---------------------------------------------- */

static size_t views_entry_bytes(const struct views *vs)
{
	return vs->dim * sizeof(int16_t) + vs->words * sizeof(uint64_t) + 2 * sizeof(uint32_t);
}

static void views_init(struct views *vs, unsigned dim, unsigned words)
{
	memset(vs, 0, sizeof *vs);
	vs->dim = dim;
	vs->words = words;
}

/* Add an attendance (or widen the types that can be present in it); false
** when the set would pass its memory (the attendances cannot all be listed). */
static bool views_put(struct views *vs, struct arena *a, const int16_t *key, const uint64_t *types)
{
	size_t kb = vs->dim * sizeof *key;
	if (vs->n == vs->cap) {
		size_t cap = vs->cap ? vs->cap * 2 : 256;
		if (cap * views_entry_bytes(vs) * 2 > VIEWS_MAX_BYTES)
			return false;
		vs->keys = arena_grow(a, vs->keys, vs->n * vs->dim, cap * vs->dim, sizeof *vs->keys);
		vs->types = arena_grow(a, vs->types, vs->n * vs->words, cap * vs->words, sizeof *vs->types);
		vs->cap = cap;
	}
	if ((vs->n + 1) * 2 > vs->slots_cap) {
		size_t cap = vs->slots_cap ? vs->slots_cap * 2 : 512;
		uint32_t *slots = arena_array(a, cap, sizeof *slots);
		for (size_t i = 0; i < vs->slots_cap; i++) {
			if (!vs->slots[i])
				continue;
			size_t j = hash_bytes(vs->keys + (size_t)(vs->slots[i] - 1) * vs->dim, kb) & (cap - 1);
			while (slots[j])
				j = (j + 1) & (cap - 1);
			slots[j] = vs->slots[i];
		}
		vs->slots = slots;
		vs->slots_cap = cap;
	}
	size_t j = hash_bytes(key, kb) & (vs->slots_cap - 1);
	while (vs->slots[j]) {
		size_t e = vs->slots[j] - 1;
		if (memcmp(vs->keys + e * vs->dim, key, kb) == 0) {
			for (unsigned w = 0; w < vs->words; w++)
				vs->types[e * vs->words + w] |= types[w];
			return true;
		}
		j = (j + 1) & (vs->slots_cap - 1);
	}
	memcpy(vs->keys + vs->n * vs->dim, key, kb);
	memcpy(vs->types + vs->n * vs->words, types, vs->words * sizeof *types);
	vs->slots[j] = (uint32_t)(vs->n + 1);
	vs->n++;
	return true;
}

/*
** Every distinct attendance, type by type: the set after the first j types
** is every partial view their members can give.  False (nothing listed)
** when the set passes its memory or LIST_MAX steps: the caller then
** searches level by level instead.
*/
static bool list_views(struct search *s, struct views *out)
{
	unsigned words = (unsigned)((s->types.n + 63) / 64);
	struct arena *scratch = &s->scratch, *stage = s->stage;
	struct views cur;
	views_init(&cur, s->dim, words);
	int16_t *key = arena_array(scratch, s->dim, sizeof *key), *c = arena_array(scratch, s->dim, sizeof *c);
	uint64_t *bits = arena_array(scratch, words ? words : 1, sizeof *bits);
	bool ok = views_put(&cur, &stage[0], key, bits);
	uint64_t listing = 0, budget = LIST_MAX;
	for (size_t j = 0; j < s->types.n && ok; j++) {
		const struct member_type *ty = &s->types.items[j];
		struct arena *next_arena = &stage[(j + 1) & 1];
		arena_reset(next_arena);
		struct views next;
		views_init(&next, s->dim, words);
		contribution(s, ty, c);
		for (size_t i = 0; i < cur.n && ok; i++) {
			memcpy(key, cur.keys + i * s->dim, s->dim * sizeof *key);
			memcpy(bits, cur.types + i * words, words * sizeof *bits);
			for (int64_t k = 0; k <= ty->count && ok; k++) {
				if (k == 1)
					bits[j / 64] |= UINT64_C(1) << (j % 64);
				ok = ++listing <= budget && views_put(&next, next_arena, key, bits);
				for (unsigned d = 0; d < s->dim; d++)
					key[d] = (int16_t)(key[d] + c[d]);
				cap_key(s, key);
			}
		}
		cur = next;
	}
	if (ok) {
		/* copy out of the stage arenas into the search's */
		views_init(out, s->dim, words);
		out->n = out->cap = cur.n;
		out->keys = arena_array(s->a, cur.n * s->dim + 1, sizeof *out->keys);
		out->types = arena_array(s->a, cur.n * words + 1, sizeof *out->types);
		memcpy(out->keys, cur.keys, cur.n * s->dim * sizeof *out->keys);
		memcpy(out->types, cur.types, cur.n * words * sizeof *out->types);
	}
	return ok;
}

static void free_working_memory(struct search *s)
{
	arena_free(&s->scratch);
	arena_free(&s->stage[0]);
	arena_free(&s->stage[1]);
}

/* list_views with its working memory freed afterwards, and before an
** out-of-memory jump is passed on. */
static bool list_views_guarded(struct search *s, struct views *out)
{
	struct mem *mem = s->a->mem;
	arena_init(&s->scratch, mem);
	arena_init(&s->stage[0], mem);
	arena_init(&s->stage[1], mem);
	jmp_buf *outer = mem->on_oom;
	jmp_buf here;
	mem->on_oom = &here;
	if (setjmp(here)) {
		mem->on_oom = outer;
		free_working_memory(s);
		mem_fail(mem);
	}
	bool ok = list_views(s, out);
	mem->on_oom = outer;
	free_working_memory(s);
	return ok;
}

/* ---- one attendance ------------------------------------------------------------------------ */

static void view_from_key(const struct search *s, int v, const int16_t *key, struct view *out)
{
	*out = s->base[v];
	out->present = key[v];
	unsigned off = 2 + (v ? s->n_masks[0] : 0);
	for (unsigned k = 0; k < s->n_masks[v]; k++)
		out->present_by_mask[k] = key[off + k];
}

/* The counts one version gives to an attendance with one conflicted member
** of type `ct` (or none when ct < 0): docs/semantics.md#interests. */
static void counts_for(const struct search *s, int v, const struct view *vw, int ct, struct scenario *sc)
{
	const struct terms *t = s->t[v];
	const struct member_type *ty = ct >= 0 ? &s->types.items[ct] : NULL;
	bool conflicted = ty && ty->voting[v];
	uint64_t cmask = conflicted ? ty->masks[v] : 0;
	bool counts_q = t->conflict_quorum == CONFLICT_QUORUM_DEEMED ||
	                (t->conflict_quorum == CONFLICT_QUORUM_COUNTED && !t->conflict_leaves);
	bool leaves = t->conflict_leaves;
	bool void_vote = t->conflict_vote == CONFLICT_VOTE_VOID || leaves;
	/* only the counts this version names are set: masks past n_masks are never read */
	memset(sc->quorum.n, 0, sizeof sc->quorum.n);
	memset(sc->votes.n, 0, sizeof sc->votes.n);
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
	if ((a->casting >= 0) != (b->casting >= 0))
		return (a->casting >= 0) - (b->casting >= 0);
	return strcmp(a->motion, b->motion); /* never the order they were found in */
}

/* An example kept: its attendance copied, as the caller's may be reused. */
static void store_example(struct search *s, struct diff_example *to, const struct diff_example *e)
{
	*to = *e;
	int16_t *view = arena_array(s->a, s->dim + 1, sizeof *view);
	memcpy(view, e->view, s->dim * sizeof *view);
	to->view = view;
}

/* Keep the smallest examples, one per (outcome change, motion kind) first. */
static void keep_example(struct search *s, const struct diff_example *e)
{
	struct diff_search *out = s->out;
	for (unsigned i = 0; i < out->n_examples; i++) {
		struct diff_example *x = &out->examples[i];
		if (x->before == e->before && x->after == e->after && x->motion == e->motion) {
			if (example_key_cmp(e, x) < 0)
				store_example(s, x, e);
			return;
		}
	}
	if (out->n_examples < DIFF_MAX_EXAMPLES) {
		store_example(s, &out->examples[out->n_examples++], e);
		return;
	}
	unsigned worst = 0;
	for (unsigned i = 1; i < out->n_examples; i++)
		if (example_key_cmp(&out->examples[i], &out->examples[worst]) > 0)
			worst = i;
	if (example_key_cmp(e, &out->examples[worst]) < 0)
		store_example(s, &out->examples[worst], e);
}

/* ---- one context: every split of the votes (reduction 3) ------------------------------------- */

/* Fewest votes, then most for, then no casting vote first. */
static bool agg_smaller(const struct agg_example *e, const struct agg_example *x)
{
	int64_t ve = e->yes + e->no + e->abstain, vx = x->yes + x->no + x->abstain;
	return ve < vx || (ve == vx && (e->yes > x->yes || (e->yes == x->yes && e->casting < x->casting)));
}

/* The smallest examples of one context, one per change of outcome, and
** the count and smallest example under each heading. */
static void agg_keep(struct search *s, struct aggregate *g, const struct agg_example *e, int group, uint64_t times)
{
	bool kept = false;
	for (unsigned i = 0; i < g->n_ex && !kept; i++) {
		struct agg_example *x = &g->ex[i];
		if (x->before == e->before && x->after == e->after) {
			if (agg_smaller(e, x))
				*x = *e;
			kept = true;
		}
	}
	if (!kept && g->n_ex < DIFF_MAX_EXAMPLES)
		g->ex[g->n_ex++] = *e;
	for (unsigned i = 0; i < g->n_groups; i++) {
		struct agg_group *x = &g->groups[i];
		if (x->group == group) {
			x->count += times;
			if (agg_smaller(e, &x->ex))
				x->ex = *e;
			return;
		}
	}
	if (g->n_groups == g->cap_groups) {
		unsigned cap = g->cap_groups ? g->cap_groups * 2 : 4;
		g->groups = arena_grow(s->a, g->groups, g->n_groups, cap, sizeof *g->groups);
		g->cap_groups = cap;
	}
	g->groups[g->n_groups++] = (struct agg_group){ group, times, *e };
}

static void ask(struct search *s, struct scenario sc[2], struct aggregate *g, int64_t yes, int64_t no,
                int64_t abstain, int casting, uint64_t times)
{
	struct decision d[2];
	for (int v = 0; v < 2; v++) {
		counts_set_votes(&sc[v].votes, yes, no, abstain);
		sc[v].has_casting = casting >= 0;
		sc[v].casting = casting >= 0 ? (enum vote_kind)casting : VOTE_FOR;
		decide(s->t[v], &sc[v], &d[v], NULL);
	}
	g->scenarios += times;
	int group = s->q->pick ? s->q->pick(s->q->ctx, sc, d) : d[0].outcome != d[1].outcome ? 0 : -1;
	if (group < 0 || group >= SCENARIO_MAX_GROUPS)
		return;
	g->picked += times;
	g->transitions[d[0].outcome][d[1].outcome] += times;
	struct agg_example e = { yes, no, abstain, casting, d[0].outcome, d[1].outcome, { d[0].cls, d[1].cls } };
	agg_keep(s, g, &e, group, times);
}

/* A split, and on a tie the chair's casting vote either way. */
static void ask_split(struct search *s, struct scenario sc[2], struct aggregate *g, int64_t yes, int64_t no,
                      int64_t abstain, uint64_t times)
{
	ask(s, sc, g, yes, no, abstain, -1, times);
	if (s->casting && yes == no && yes > 0) {
		ask(s, sc, g, yes, no, abstain, VOTE_FOR, times);
		ask(s, sc, g, yes, no, abstain, VOTE_AGAINST, times);
	}
}

/* How many scenarios search_splits covers for e eligible votes. */
static uint64_t splits_in(const struct search *s, int64_t e)
{
	uint64_t n = (uint64_t)e;
	uint64_t all = (n + 1) * (n + 2) * (n + 3) / 6;
	uint64_t ties = 0; /* splits with for == against > 0: two more each, with a casting vote */
	for (uint64_t y = 1; 2 * y <= n; y++)
		ties += n - 2 * y + 1;
	return all + (s->casting ? 2 * ties : 0);
}

/* Every split of e votes into for, against and abstaining.  Where neither
** version is quorate the votes decide nothing: one question stands for all. */
static void search_splits(struct search *s, struct scenario sc[2], struct aggregate *g, int64_t e, bool votes_matter)
{
	if (!votes_matter) {
		if (spend(s, 1))
			ask(s, sc, g, 0, 0, 0, -1, splits_in(s, e));
		return;
	}
	if (s->yes_only) {
		/* each number for stands for every split of the rest: (r+1)(r+2)/2 */
		for (int64_t yes = 0; yes <= e && spend(s, 1); yes++) {
			uint64_t r = (uint64_t)(e - yes);
			ask(s, sc, g, yes, 0, 0, -1, (r + 1) * (r + 2) / 2);
		}
		return;
	}
	for (int64_t yes = 0; yes <= e; yes++)
		for (int64_t no = 0; yes + no <= e; no++) {
			if (!s->votes_split_3) {
				/* each (for, against) stands for all its abstention counts */
				if (!spend(s, 1))
					return;
				ask_split(s, sc, g, yes, no, 0, (uint64_t)(e - yes - no + 1));
				continue;
			}
			for (int64_t abstain = 0; yes + no + abstain <= e; abstain++) {
				if (!spend(s, 1))
					return;
				ask_split(s, sc, g, yes, no, abstain, 1);
			}
		}
}

/* The key of a context, less its motion (key[0], filled in later): what
** decide_scenario can see of an attendance once the votes are set
** (reduction 2): the quorum's verdict in each version, the votes both
** accept, and the counts the class rules name. */
static void context_key(const struct search *s, const struct scenario sc[2], const int quorate[2], int64_t e,
                        int64_t *key)
{
	unsigned n = 0;
	key[n++] = 0;
	key[n++] = e;
	for (int v = 0; v < 2; v++) {
		const struct refs *r = &s->refs[v];
		key[n++] = quorate[v];
		for (int k = 0; k < COUNT__N; k++)
			if (r->count[k] && k != COUNT_YES && k != COUNT_NO && k != COUNT_ABSTAIN && k != COUNT_CAST &&
			    k != COUNT_VOTES)
				key[n++] = sc[v].votes.n[k];
		for (unsigned k = 0; k < s->n_masks[v]; k++)
			if ((r->present_masks >> k) & 1)
				key[n++] = sc[v].votes.present_by_mask[k];
	}
}

static unsigned context_key_len(const struct search *s)
{
	unsigned n = 2;
	for (int v = 0; v < 2; v++) {
		const struct refs *r = &s->refs[v];
		n++;
		for (int k = 0; k < COUNT__N; k++)
			n += r->count[k] && k != COUNT_YES && k != COUNT_NO && k != COUNT_ABSTAIN && k != COUNT_CAST &&
			     k != COUNT_VOTES;
		for (unsigned k = 0; k < s->n_masks[v]; k++)
			n += (r->present_masks >> k) & 1;
	}
	return n;
}

/* A context's totals, `times` over (for as many declared interests as give
** the same context), at an attendance. */
/* Where an example was met: the attendance (its key), the kind of member
** with a declared interest (-1 none), how many of them, and the motion. */
struct place {
	const int16_t *view;
	int ct;
	uint64_t times;
	unsigned motion;
	int64_t present_old, present_new;
};

static struct diff_example example_at(const struct search *s, const struct agg_example *x, const struct place *p)
{
	const struct scenario_motion *m = &s->motions[p->motion];
	return (struct diff_example){ .present = p->present_new, .present_old = p->present_old, .yes = x->yes,
	                              .no = x->no, .abstain = x->abstain, .conflicted = p->ct >= 0,
	                              .casting = x->casting, .motion = m->description, .before = x->before,
	                              .after = x->after, .class_before = x->cls[0], .class_after = x->cls[1],
	                              .attrs = m->attrs, .n_attrs = m->n_attrs, .view = p->view,
	                              .conflicted_type = p->ct };
}

/* A context's totals, `times` over (for as many declared interests as give
** the same context), at an attendance. */
static void add_aggregate(struct search *s, const struct aggregate *g, const struct place *p)
{
	struct diff_search *out = s->out;
	out->scenarios += g->scenarios * p->times;
	out->differing += g->picked * p->times;
	if (!g->picked)
		return;
	for (int b = 0; b <= OUTCOME_UNDETERMINED; b++)
		for (int n = 0; n <= OUTCOME_UNDETERMINED; n++)
			out->transitions[b][n] += g->transitions[b][n] * p->times;
	for (unsigned i = 0; i < g->n_groups; i++) {
		const struct agg_group *x = &g->groups[i];
		struct diff_example e = example_at(s, &x->ex, p), *best = &out->by_group[x->group];
		if (!out->picked_by_group[x->group] || example_key_cmp(&e, best) < 0)
			store_example(s, best, &e);
		out->picked_by_group[x->group] += x->count * p->times;
	}
	/* larger than every example kept: nothing to keep */
	bool smaller = out->n_examples < DIFF_MAX_EXAMPLES;
	for (unsigned i = 0; i < out->n_examples && !smaller; i++)
		smaller = out->examples[i].present >= p->present_new;
	for (unsigned i = 0; i < g->n_ex && smaller; i++) {
		struct diff_example e = example_at(s, &g->ex[i], p);
		keep_example(s, &e);
	}
}

/* decide_quorum_of, asked once for each distinct set of counts it can see. */
static int quorum_of(struct search *s, int v, const struct counts *q)
{
	unsigned n = 0;
	s->qkey[n++] = q->n[COUNT_PRESENT];
	s->qkey[n++] = q->n[COUNT_CONFLICTED];
	s->qkey[n++] = q->n[COUNT_ELIGIBLE];
	for (unsigned k = 0; k < s->n_masks[v]; k++)
		s->qkey[n++] = q->present_by_mask[k];
	bool added;
	size_t at = keyset_put(&s->quorum_seen[v], s->a, s->qkey, s->quorum_seen[v].n < CONTEXTS_MAX, &added);
	if (at != SIZE_MAX && !added)
		return s->quorum_verdict[v].items[at];
	int verdict = decide_quorum_of(s->t[v], q);
	if (added)
		VEC_PUSH(s->a, s->quorum_verdict[v], (signed char)verdict);
	return verdict;
}

/* One context of an attendance: each kind of motion, its split search done
** once and reused (reduction 2). */
static void judge_context(struct search *s, int64_t *ckey, int64_t e, struct place *p, bool votes_matter)
{
	struct scenario *sc = s->sc;
	for (unsigned m = 0; m < s->n_motions && !s->stop; m++) {
		if (!spend(s, 1))
			return;
		for (int v = 0; v < 2; v++) {
			sc[v].attrs = s->motions[m].attrs;
			sc[v].n_attrs = s->motions[m].n_attrs;
		}
		ckey[0] = m;
		p->motion = m;
		bool added;
		size_t at = keyset_put(&s->contexts, s->a, ckey, s->contexts.n < CONTEXTS_MAX, &added);
		if (at != SIZE_MAX && !added) {
			add_aggregate(s, s->aggregates.items[at], p);
			continue;
		}
		struct aggregate *g = added ? arena_alloc(s->a, sizeof *g) : s->one_off;
		if (added) {
			VEC_PUSH(s->a, s->aggregates, g);
		} else { /* past CONTEXTS_MAX: searched, not kept (its headings' room reused) */
			struct agg_group *groups = g->groups;
			unsigned cap = g->cap_groups;
			memset(g, 0, sizeof *g);
			g->groups = groups;
			g->cap_groups = cap;
		}
		search_splits(s, sc, g, e, votes_matter);
		/* a context cut short is partial: counted, and the search ends */
		add_aggregate(s, g, p);
	}
}

/* One attendance: no interests, then one conflicted member of each type
** that can be present (those giving the same context judged together);
** every kind of motion; every split of the votes. */
static void judge_attendance(struct search *s, const int16_t *key, const uint64_t *types)
{
	struct view vw[2];
	view_from_key(s, 0, key, &vw[0]);
	view_from_key(s, 1, key, &vw[1]);
	if (!spend(s, 1))
		return;
	s->out->attendances++;
	unsigned len = s->contexts.len, n_groups = 0;
	for (int ct = -1; ct < (int)s->types.n && !s->stop; ct++) {
		if (ct >= 0 && !((types[ct / 64] >> (ct % 64)) & 1))
			continue;
		if (!spend(s, 1))
			return;
		struct scenario *sc = s->sc;
		counts_for(s, 0, &vw[0], ct, &sc[0]);
		counts_for(s, 1, &vw[1], ct, &sc[1]);
		int64_t e0 = sc[0].votes.n[COUNT_ELIGIBLE], e1 = sc[1].votes.n[COUNT_ELIGIBLE];
		int64_t e = e0 < e1 ? e0 : e1; /* votes both versions accept */
		int quorate[2] = { quorum_of(s, 0, &sc[0].quorum), quorum_of(s, 1, &sc[1].quorum) };
		int64_t *mine = s->group_keys + (size_t)n_groups * len;
		context_key(s, sc, quorate, e, mine);
		uint64_t h = hash_words(mine, len);
		unsigned g = ct < 0 ? n_groups : 1; /* no interest: a group of its own (examples say which) */
		while (g < n_groups && (s->groups[g].hash != h ||
		                        memcmp(s->group_keys + (size_t)g * len, mine, len * sizeof *mine) != 0))
			g++;
		if (g < n_groups) {
			s->groups[g].times++;
			continue;
		}
		bool votes_matter = s->when_names_votes || quorate[0] == QUORUM_MET || quorate[1] == QUORUM_MET;
		s->groups[n_groups++] = (struct ctx_group){ ct, votes_matter, e, 1, h };
	}
	for (unsigned g = 0; g < n_groups && !s->stop; g++) {
		counts_for(s, 0, &vw[0], s->groups[g].ct, &s->sc[0]);
		counts_for(s, 1, &vw[1], s->groups[g].ct, &s->sc[1]);
		struct place p = { key, s->groups[g].ct, s->groups[g].times, 0, vw[0].present, vw[1].present };
		judge_context(s, s->group_keys + (size_t)g * len, s->groups[g].e, &p, s->groups[g].votes_matter);
	}
}

/* ---- the order: every level before a second variation of any ------------------------------ */

/* An attendance's place in the order: its level (present in the old
** version plus in the new), most present first, then the order it was found. */
struct ranked {
	int32_t level;
	uint32_t index;
};

static int compare_ranked(const void *pa, const void *pb)
{
	const struct ranked *a = pa, *b = pb;
	if (a->level != b->level)
		return a->level > b->level ? -1 : 1;
	return a->index < b->index ? -1 : a->index > b->index;
}

/* Judge listed attendances in rounds: one of each level, most present first. */
static void judge_in_rounds(struct search *s, const struct views *vs, const struct ranked *order, const size_t *start,
                            size_t n_start)
{
	size_t dim = s->dim, words = vs->words;
	for (size_t round = 0; !s->stop; round++) {
		bool any = false;
		for (size_t l = 0; l + 1 < n_start && !s->stop; l++) {
			size_t i = start[l] + round;
			if (i >= start[l + 1])
				continue;
			any = true;
			size_t idx = order[i].index;
			judge_attendance(s, vs->keys + idx * dim, vs->types + idx * words);
		}
		if (!any)
			break;
		if (!s->stop)
			s->out->rounds = (unsigned)round + 1;
	}
}

/* Every listed attendance, in rounds (judge_in_rounds), and the size of the space. */
static void judge_listed(struct search *s, struct views *vs)
{
	size_t n = vs->n, dim = s->dim, words = vs->words;
	struct ranked *order = arena_array(s->a, n + 1, sizeof *order);
	for (size_t i = 0; i < n; i++)
		order[i] = (struct ranked){ vs->keys[i * dim] + vs->keys[i * dim + 1], (uint32_t)i };
	sort_array(order, n, sizeof *order, compare_ranked);
	VEC(size_t) start = { 0 }; /* where each level begins in the order */
	for (size_t i = 0; i < n; i++)
		if (i == 0 || order[i].level != order[i - 1].level)
			VEC_PUSH(s->a, start, i);
	VEC_PUSH(s->a, start, n);
	s->out->levels = (unsigned)(start.n - 1);
	s->out->attendances_all = n;
	judge_in_rounds(s, vs, order, start.items, start.n);
	/* a search cut short says how large the whole space is, when counting
	** it is cheap next to the search (complete, it is what was searched) */
	bool count_space = s->out->truncated && n * (s->types.n + 1) <= SPACE_COUNT_MAX;
	if (!s->out->truncated)
		s->out->space = s->out->scenarios;
	for (size_t i = 0; i < n && count_space; i++) {
		struct scenario *sc = s->sc;
		struct view vw[2];
		view_from_key(s, 0, vs->keys + i * dim, &vw[0]);
		view_from_key(s, 1, vs->keys + i * dim, &vw[1]);
		const uint64_t *types = vs->types + i * words;
		for (int ct = -1; ct < (int)s->types.n; ct++) {
			if (ct >= 0 && !((types[ct / 64] >> (ct % 64)) & 1))
				continue;
			counts_for(s, 0, &vw[0], ct, &sc[0]);
			counts_for(s, 1, &vw[1], ct, &sc[1]);
			int64_t e0 = sc[0].votes.n[COUNT_ELIGIBLE], e1 = sc[1].votes.n[COUNT_ELIGIBLE];
			s->out->space += s->n_motions * splits_in(s, e0 < e1 ? e0 : e1);
		}
	}
}

/* The next attendance with the same number of people, in decreasing
** lexicographic order: false after the last. */
static bool next_of_level(int64_t *a, const struct member_type *ty, size_t n)
{
	int64_t room = 0; /* how many more the types after i could take */
	for (size_t i = n; i-- > 0;) {
		if (a[i] > 0 && room > 0) {
			a[i]--;
			int64_t left = 1;
			for (size_t k = i + 1; k < n; k++) {
				left += a[k];
				a[k] = 0;
			}
			for (size_t k = i + 1; k < n && left > 0; k++) {
				a[k] = left < ty[k].count ? left : ty[k].count;
				left -= a[k];
			}
			return true;
		}
		room += ty[i].count - a[i];
	}
	return false;
}

static void first_of_level(int64_t *a, const struct member_type *ty, size_t n, int64_t level)
{
	for (size_t k = 0; k < n; k++) {
		a[k] = level < ty[k].count ? level : ty[k].count;
		level -= a[k];
	}
}

/*
** When the attendances cannot all be listed: people by type, level by
** level (the number present), one attendance of each level per round, most
** present first; an attendance the versions cannot tell from one already
** judged is skipped, but its visit is work like any other.
*/
static void judge_by_level(struct search *s)
{
	size_t n = s->types.n;
	int64_t people = 0;
	for (size_t i = 0; i < n; i++)
		people += s->types.items[i].count;
	s->out->levels = (unsigned)people + 1;
	int64_t *vec = arena_array(s->a, (size_t)(people + 1) * (n + 1), sizeof *vec);
	bool *done = arena_array(s->a, (size_t)people + 1, sizeof *done);
	for (int64_t l = 0; l <= people; l++)
		first_of_level(vec + l * (int64_t)(n + 1), s->types.items, n, l);
	struct keyset seen = { .len = s->dim };
	int64_t *wide = arena_array(s->a, s->dim + 1, sizeof *wide);
	int16_t *key = arena_array(s->a, s->dim + 1, sizeof *key), *c = arena_array(s->a, s->dim + 1, sizeof *c);
	unsigned words = (unsigned)((n + 63) / 64);
	uint64_t *types = arena_array(s->a, words + 1, sizeof *types);
	for (unsigned round = 0; !s->stop; round++) {
		bool any = false;
		for (int64_t l = people; l >= 0 && !s->stop; l--) {
			if (done[l])
				continue;
			any = true;
			int64_t *a = vec + l * (int64_t)(n + 1);
			memset(key, 0, s->dim * sizeof *key);
			memset(types, 0, words * sizeof *types);
			for (size_t j = 0; j < n; j++) {
				contribution(s, &s->types.items[j], c);
				for (unsigned d = 0; d < s->dim; d++)
					key[d] = (int16_t)(key[d] + a[j] * c[d]);
				if (a[j] > 0)
					types[j / 64] |= UINT64_C(1) << (j % 64);
			}
			cap_key(s, key);
			for (unsigned d = 0; d < s->dim; d++)
				wide[d] = key[d];
			bool added = false;
			if (spend(s, 1) && seen.n < SEEN_MAX)
				keyset_put(&seen, s->a, wide, true, &added);
			else if (!s->stop) {
				s->stop = s->out->truncated = true;
				s->out->why_truncated = "its memory of attendances already judged is full";
			}
			if (added)
				judge_attendance(s, key, types);
			done[l] = !next_of_level(a, s->types.items, n);
		}
		if (!any)
			break;
		if (!s->stop)
			s->out->rounds = round + 1;
	}
}

/* ---- witnesses: a real attendance for an example ------------------------------------------ */

#define WITNESS_STEPS 1000000u

struct witness_search {
	const struct search *s;
	const int16_t *view;
	int ct;
	int64_t *a;                 /* members of each type present */
	int32_t *sum;               /* the key so far, uncapped */
	const int32_t *rest;        /* [j * dim + d]: the most types j.. can add to d */
	const int16_t *contrib;     /* [j * dim + d] */
	uint64_t steps;
};

static bool witness_from(struct witness_search *w, size_t j)
{
	const struct search *s = w->s;
	size_t dim = s->dim, n = s->types.n;
	if (++w->steps > WITNESS_STEPS)
		return false;
	for (size_t d = 0; d < dim; d++) {
		int32_t want = w->view[d], have = w->sum[d], most = have + (j < n ? w->rest[j * dim + d] : 0);
		bool capped = s->cap[d] != INT16_MAX && want == s->cap[d];
		if ((!capped && have > want) || most < want)
			return false;
	}
	if (j == n)
		return true;
	const int16_t *c = w->contrib + j * dim;
	for (int64_t k = w->ct == (int)j ? 1 : 0; k <= s->types.items[j].count; k++) {
		w->a[j] = k;
		for (size_t d = 0; d < dim; d++)
			w->sum[d] += (int32_t)(k * c[d]);
		bool found = witness_from(w, j + 1);
		for (size_t d = 0; d < dim; d++)
			w->sum[d] -= (int32_t)(k * c[d]);
		if (found)
			return true;
		if (w->steps > WITNESS_STEPS)
			return false;
	}
	return false;
}

/* Members present (and the one with a declared interest) giving an
** example's attendance: any people of the right kinds will do. */
static void fill_witness(struct search *s, struct diff_example *e)
{
	size_t dim = s->dim, n = s->types.n;
	if (!e->view)
		return;
	int16_t *contrib = arena_array(s->a, n * dim + 1, sizeof *contrib);
	int32_t *rest = arena_array(s->a, (n + 1) * dim + 1, sizeof *rest);
	for (size_t j = 0; j < n; j++)
		contribution(s, &s->types.items[j], contrib + j * dim);
	for (size_t j = n; j-- > 0;)
		for (size_t d = 0; d < dim; d++)
			rest[j * dim + d] = rest[(j + 1) * dim + d] + (int32_t)(s->types.items[j].count * contrib[j * dim + d]);
	struct witness_search w = { s, e->view, e->conflicted_type, arena_array(s->a, n + 1, sizeof *w.a),
	                            arena_array(s->a, dim + 1, sizeof *w.sum), rest, contrib, 0 };
	if (!witness_from(&w, 0))
		return;
	int64_t total = 0;
	for (size_t j = 0; j < n; j++)
		total += w.a[j];
	e->present_ids = arena_array(s->a, (size_t)total + 1, sizeof *e->present_ids);
	e->n_present_ids = 0;
	for (size_t j = 0; j < n; j++)
		for (int64_t k = 0; k < w.a[j]; k++)
			e->present_ids[e->n_present_ids++] = s->types.items[j].ids.items[k];
	e->conflicted_id = e->conflicted_type >= 0 ? s->types.items[e->conflicted_type].ids.items[0] : NULL;
}

/* Does some member of a stand in for different members (by id) in b? */
static bool deputies_differ_one_way(const struct terms *a, const struct terms *b)
{
	for (unsigned i = 0; i < a->n_members; i++) {
		const struct member *m = &a->members[i];
		int j = terms_find_member(b, m->id);
		unsigned n = j < 0 ? 0 : b->members[j].n_principals;
		if (m->n_principals != n)
			return true;
		for (unsigned k = 0; k < n; k++)
			if (strcmp(a->members[m->principals[k]].id, b->members[b->members[j].principals[k]].id) != 0)
				return true;
	}
	return false;
}

/* What the search does not vary, though a version's rules depend on it:
** attendees without a vote are invisible to it (reduction 1), and so are
** deputies (a deputy in an absent principal's seat is that principal
** present, unless the versions name different deputies); where the search
** cannot be complete it says so. */
static const char *beyond_search(const struct search *s)
{
	if (s->t[0]->uses_attendees || s->t[1]->uses_attendees)
		return "it does not vary the attendees without a vote, which the terms count (`attendees`)";
	if (open_ways(s->t[0], OPEN_INTERESTS) > 1 || open_ways(s->t[1], OPEN_INTERESTS) > 1)
		return "it reads a declared interest by the default interests settings, which the terms leave to be agreed";
	if ((s->t[0]->has_deputies || s->t[1]->has_deputies) &&
	    (deputies_differ_one_way(s->t[0], s->t[1]) || deputies_differ_one_way(s->t[1], s->t[0])))
		return "it does not vary deputies standing in for absent members, and the versions name different deputies";
	return NULL;
}

void scenario_search(struct arena *a, const struct terms *old_t, const struct terms *new_t, qdate day,
                     const struct scenario_query *q, struct diff_search *out)
{
	memset(out, 0, sizeof *out);
	out->bound = q && q->bound ? q->bound : SCENARIO_BOUND;
	static const struct scenario_query diff_query = { NULL, NULL, 0, false };
	struct search *s = arena_alloc(a, sizeof *s);
	s->a = a;
	s->t[0] = old_t;
	s->t[1] = new_t;
	s->day = day;
	s->q = q ? q : &diff_query;
	s->out = out;
	s->one_off = arena_alloc(a, sizeof *s->one_off);
	s->one_off->cap_groups = SCENARIO_MAX_GROUPS;
	s->one_off->groups = arena_array(a, SCENARIO_MAX_GROUPS, sizeof *s->one_off->groups);
	struct counts none;
	memset(&none, 0, sizeof none);
	for (int v = 0; v < 2; v++)
		scenario_init(&s->sc[v], &none, &none, NULL, 0); /* a plain meeting: diff's question */
	build_types(s);
	build_caps(s);
	build_refs(s);
	build_motions(s);
	s->contexts.len = context_key_len(s);
	s->groups = arena_array(a, s->types.n + 1, sizeof *s->groups);
	s->group_keys = arena_array(a, (s->types.n + 1) * s->contexts.len, sizeof *s->group_keys);
	for (int v = 0; v < 2; v++)
		s->quorum_seen[v].len = 3 + s->n_masks[v];
	s->qkey = arena_array(a, 3 + TERMS_MAX_MASKS, sizeof *s->qkey);
	struct views vs;
	bool listed = !s->q->by_level && list_views_guarded(s, &vs);
	if (listed)
		judge_listed(s, &vs);
	else if (!s->stop)
		judge_by_level(s);
	const char *beyond = beyond_search(s);
	if (beyond) {
		out->truncated = true;
		out->why_truncated = beyond;
	}
	if (out->truncated && out->space)
		out->space = out->space > out->scenarios ? out->space : out->scenarios;
	for (unsigned i = 0; i < out->n_examples; i++)
		fill_witness(s, &out->examples[i]);
	for (unsigned g = 0; g < SCENARIO_MAX_GROUPS; g++)
		if (out->picked_by_group[g])
			fill_witness(s, &out->by_group[g]);
	/* examples smallest first */
	for (unsigned i = 1; i < out->n_examples; i++)
		for (unsigned j = i; j > 0 && example_key_cmp(&out->examples[j], &out->examples[j - 1]) < 0; j--) {
			struct diff_example tmp = out->examples[j];
			out->examples[j] = out->examples[j - 1];
			out->examples[j - 1] = tmp;
		}
}

void scenario_diff(struct arena *a, const struct terms *old_t, const struct terms *new_t, qdate day,
                   struct diff_search *out)
{
	scenario_search(a, old_t, new_t, day, NULL, out);
}

/*
** lint: the checks of a whole terms file that need its compiled model: a
** quorum the roster can never meet, a roster outside `size`, classes that
** leave kinds of motion uncovered or never apply (and the motion profiles
** explain and diff use), "50% + 1", a class that carries with no votes in
** favour, the defaults that applied and the items every terms file needs.
** Part of sema (see sema.h and sema_int.h).
*/
#include "check/sema_int.h"

#include <string.h>

#include "base/sbuf.h"
#include "front/parse.h"
#include "model/attrs.h"

/* ==== whole-file checks ===================================================== */

/* Counts for a meeting where every member attends (those without a vote
** as attendees), nobody conflicted. */
static void full_meeting_counts(const struct terms *t, qdate day, bool use_day, struct counts *c)
{
	memset(c, 0, sizeof *c);
	for (unsigned i = 0; i < t->n_members; i++) {
		const struct member *m = &t->members[i];
		if (use_day && !terms_member_active(m, day))
			continue;
		if (!m->voting) {
			c->n[COUNT_ATTENDEES]++;
			for (unsigned k = 0; k < t->n_masks; k++)
				c->attendees_by_mask[k] += (m->groups & t->masks[k]) != 0;
			continue;
		}
		c->n[COUNT_MEMBERS]++;
		c->n[COUNT_PRESENT]++;
		for (unsigned k = 0; k < t->n_masks; k++)
			if (m->groups & t->masks[k]) {
				c->members_by_mask[k]++;
				c->present_by_mask[k]++;
			}
	}
	c->n[COUNT_ELIGIBLE] = c->n[COUNT_PRESENT];
}

/* Does any member of the roster who votes (or, for attendees(...), who
** does not) hold one of the groups of mask k? */
static bool mask_ever_counts(const struct terms *t, unsigned k, bool voting)
{
	for (unsigned i = 0; i < t->n_members; i++)
		if ((t->members[i].groups & t->masks[k]) && t->members[i].voting == voting)
			return true;
	return false;
}

/* A count by role list in e (or a rule it calls) that no member can ever
** make more than 0: present(finance) where finance has no vote, or
** attendees(lead) where every lead votes. */
static const struct expr *count_never_counts(const struct terms *t, const struct expr *e, unsigned depth)
{
	if (!e || depth > PARSE_MAX_EXPR_DEPTH)
		return NULL;
	if (e->kind == EX_COUNT && e->mask >= 0 && e->count != COUNT_CONFLICTED &&
	    !mask_ever_counts(t, (unsigned)e->mask, e->count != COUNT_ATTENDEES))
		return e;
	const struct expr *found = count_never_counts(t, e->a, depth + 1);
	if (!found)
		found = count_never_counts(t, e->b, depth + 1);
	for (unsigned i = 0; i < e->n_args && !found; i++)
		found = count_never_counts(t, e->args[i], depth + 1);
	if (!found && e->kind == EX_CALL && e->rule->body)
		found = count_never_counts(t, e->rule->body, depth + 1);
	return found;
}

/* Why a quorum line cannot be met: a count by roles that never counts, or
** the size of the roster. */
static void why_unreachable(struct sema *s, struct diag *d, const struct requirement *rq, const struct counts *c)
{
	const struct terms *t = s->t;
	const struct expr *never = count_never_counts(t, rq->cond, 0);
	if (never) {
		struct sbuf roles;
		sbuf_init(&roles, s->arena);
		for (unsigned g = 0; g < t->n_groups; g++)
			if (t->masks[never->mask] & (UINT64_C(1) << g))
				sbuf_addf(&roles, "%s%s", roles.len ? ", " : "", t->groups[g].id);
		const char *written = arena_strndup(s->arena, never->file->text + never->src->span.start,
		                                    never->src->span.end - never->src->span.start);
		/* the fix: the other count, with the list as written */
		const char *list = strchr(written, '(');
		if (never->file == s->src && list)
			diag_fixit(s->diag, d, loc_of(never->file, never->src->span),
			           arena_printf(s->arena, "%s%s", never->count == COUNT_ATTENDEES ? "present" : "attendees", list));
		if (never->count == COUNT_ATTENDEES)
			diag_note(s->diag, d, loc_of(never->file, never->src->span),
			          "'%s' is always 0: attendees counts only those present without a vote, and every member "
			          "holding %s votes (write present(%s) to count them)", written, sbuf_str(&roles), sbuf_str(&roles));
		else
			diag_note(s->diag, d, loc_of(never->file, never->src->span),
			          "'%s' is always 0: %s counts only voting members, and no member holding %s votes "
			          "(write attendees(%s) to count those present without a vote)", written,
			          ast_count_name(never->count), sbuf_str(&roles), sbuf_str(&roles));
		return;
	}
	diag_note(s->diag, d, NO_LOC, "%lld voting member%s%s on %s", (long long)c->n[COUNT_MEMBERS],
	          c->n[COUNT_MEMBERS] == 1 ? "" : "s",
	          t->uses_attendees ? arena_printf(s->arena, " and %lld without a vote", (long long)c->n[COUNT_ATTENDEES]) : "",
	          t->has_effective ? "the effective date" : "the roster");
}

static void check_quorum_reachable(struct sema *s)
{
	struct terms *t = s->t;
	if (t->n_quorum == 0)
		return;
	struct counts c;
	full_meeting_counts(t, t->effective, t->has_effective, &c);
	struct expr_env env = { &c, NULL, 0, NULL, NULL };
	for (unsigned i = 0; i < t->n_quorum; i++) {
		bool met = false;
		const struct expr *fault = NULL;
		if (expr_test(t->quorum[i].cond, &env, &met, &fault) == EXPR_OK && !met) {
			struct diag *d = diag_report(s->diag, D_QUORUM_UNREACH, at_file(s, t->quorum[i].decl), "%s",
			                             t->uses_attendees ? "this quorum cannot be met even with every member present"
			                                               : "this quorum cannot be met even with every voting member present");
			why_unreachable(s, d, &t->quorum[i], &c);
		}
	}
}

static void check_roster_size(struct sema *s)
{
	struct terms *t = s->t;
	if (!t->has_size)
		return;
	struct counts c;
	full_meeting_counts(t, t->effective, t->has_effective, &c);
	int64_t n = c.n[COUNT_MEMBERS];
	if (n < t->size_min || n > t->size_max) {
		const struct node *size_decl = NULL;
		for (const struct node *it = t->decl->a; it; it = it->next)
			if (it->kind == N_SIZE)
				size_decl = it;
		diag_report(s->diag, D_ROSTER_SIZE, at_file(s, size_decl),
		            "%lld voting members%s, outside the size %lld to %lld",
		            (long long)n, t->has_effective ? " on the effective date" : "",
		            (long long)t->size_min, (long long)t->size_max);
	}
}

/*
** Class coverage: try every kind of motion the file distinguishes (financial
** or not, each `kind` it names and one it does not, each other flag it
** tests, and for each number it compares an attribute with, values just
** below, at and above it) and see which class each falls into.  The kinds
** are kept as the terms' motion profiles for explain and diff.
*/
#define COVERAGE_MAX_FLAGS 6
#define COVERAGE_MAX_NUMBERS 2
#define COVERAGE_MAX_VALUES 7
#define COVERAGE_MAX_PROFILES 1024

struct number_attr {
	const char *name;
	struct rat values[COVERAGE_MAX_VALUES];
	unsigned n_values;
};

/* The flags the classes test (financial only if some `when` does). */
static void gather_flags(struct sema *s, const char **flags, unsigned *n_flags)
{
	*n_flags = 0;
	for (size_t i = 0; i < s->bool_attrs.n && *n_flags < COVERAGE_MAX_FLAGS; i++) {
		bool dup = false;
		for (unsigned j = 0; j < *n_flags; j++)
			dup = dup || strcmp(flags[j], s->bool_attrs.items[i]) == 0;
		if (!dup)
			flags[(*n_flags)++] = s->bool_attrs.items[i];
	}
}

static void add_value(struct number_attr *na, struct rat v)
{
	for (unsigned i = 0; i < na->n_values; i++)
		if (rat_cmp(na->values[i], v) == 0)
			return;
	if (na->n_values < COVERAGE_MAX_VALUES)
		na->values[na->n_values++] = v;
}

/* For `motion.amount > 10000`: try 9999, 10000 and 10001. */
static unsigned gather_numbers(struct sema *s, struct number_attr *out)
{
	unsigned n = 0;
	for (size_t i = 0; i < s->number_uses.n; i++) {
		const struct number_use *u = &s->number_uses.items[i];
		unsigned k = 0;
		while (k < n && strcmp(out[k].name, u->name) != 0)
			k++;
		if (k == n) {
			if (n == COVERAGE_MAX_NUMBERS)
				continue;
			out[n].name = u->name;
			out[n].n_values = 0;
			n++;
		}
		struct rat below, above;
		if (rat_sub(u->value, rat_int(1), &below) == RAT_OK)
			add_value(&out[k], below);
		add_value(&out[k], u->value);
		if (rat_add(u->value, rat_int(1), &above) == RAT_OK)
			add_value(&out[k], above);
	}
	return n;
}

static const struct dclass *profile_class(const struct terms *t, const struct motion_profile *p, bool *undetermined,
                                          unsigned *stopped_at)
{
	struct counts c;
	full_meeting_counts(t, t->effective, t->has_effective, &c);
	struct expr_env env = { &c, p->attrs, p->n_attrs, NULL, NULL };
	const struct dclass *cls;
	const struct expr *fault;
	/* a failure: it needs an attribute we did not invent */
	*undetermined = expr_select_class(t, &env, &cls, &fault) != EXPR_OK;
	if (*undetermined) {
		*stopped_at = (unsigned)(cls - t->classes);
		return NULL;
	}
	return cls;
}

/* Fill profile p for combination `index` of the enumerated values. */
static void make_profile(struct motion_profile *p, const char **flags, unsigned n_flags, const char *kind,
                         const struct number_attr *numbers, unsigned n_numbers, size_t index)
{
	memset(p, 0, sizeof *p);
	for (unsigned f = 0; f < n_flags; f++, index >>= 1)
		p->attrs[p->n_attrs++] = (struct attr){ flags[f], { .type = VT_BOOL, .u.boolean = index & 1 } };
	p->attrs[p->n_attrs++] = (struct attr){ attr_name(ATTR_KIND), { .type = VT_STR, .u.str = kind } };
	for (unsigned k = 0; k < n_numbers; k++) {
		unsigned v = (unsigned)(index % numbers[k].n_values);
		index /= numbers[k].n_values;
		p->attrs[p->n_attrs++] = (struct attr){ numbers[k].name, { .type = VT_NUM, .u.num = numbers[k].values[v] } };
	}
}

static void check_class_coverage(struct sema *s)
{
	struct terms *t = s->t;
	if (t->n_classes == 0)
		return;
	const char *flags[COVERAGE_MAX_FLAGS];
	unsigned n_flags;
	gather_flags(s, flags, &n_flags);
	struct number_attr numbers[COVERAGE_MAX_NUMBERS];
	unsigned n_numbers = gather_numbers(s, numbers);
	size_t per_kind = (size_t)1 << n_flags;
	for (unsigned k = 0; k < n_numbers; k++)
		per_kind *= numbers[k].n_values;
	size_t n_kinds = s->kind_values.n + 1; /* the last: a kind the file does not name */
	size_t total = per_kind * n_kinds;
	if (total > COVERAGE_MAX_PROFILES)
		total = COVERAGE_MAX_PROFILES;
	t->profiles = arena_array(s->arena, total, sizeof *t->profiles);
	bool *chosen = arena_array(s->arena, t->n_classes, sizeof *chosen);
	bool *maybe = arena_array(s->arena, t->n_classes, sizeof *maybe);
	unsigned reported = 0;
	for (size_t i = 0; i < total; i++) {
		size_t k = i / per_kind;
		struct motion_profile *p = &t->profiles[t->n_profiles];
		make_profile(p, flags, n_flags, k < s->kind_values.n ? s->kind_values.items[k] : "", numbers, n_numbers,
		             i % per_kind);
		bool undetermined;
		unsigned stopped_at = 0;
		p->cls = profile_class(t, p, &undetermined, &stopped_at);
		if (undetermined) {
			/* that class, and any after it, may yet apply: never call
			** them unreachable */
			for (unsigned c = stopped_at; c < t->n_classes; c++)
				maybe[c] = true;
			continue; /* not kept */
		}
		p->description = attrs_describe(s->arena, p->attrs, p->n_attrs, true, s->uses_kind);
		t->n_profiles++;
		if (p->cls) {
			chosen[p->cls - t->classes] = true;
		} else if (reported++ < 4) {
			struct diag *d = diag_report(s->diag, D_CLASS_UNCOVERED, at_file(s, t->classes[t->n_classes - 1].decl),
			                             "no class applies to %s", p->description);
			diag_note(s->diag, d, NO_LOC, "classes are tried in order; add a class for it, or a last class without `when`");
		}
	}
	for (unsigned i = 0; i < t->n_classes; i++)
		if (!chosen[i] && !maybe[i])
			diag_report(s->diag, D_CLASS_UNREACH, loc_of(s->src, t->classes[i].decl->text_span),
			            "class '%s' never applies: for every kind of motion, an earlier class matches first",
			            t->classes[i].id);
}

/* The count in `50% of COUNT + 1` (either order of the sum), or NULL. */
static const struct expr *fifty_plus_one_base(const struct expr *e)
{
	if (e->kind != EX_BINARY || e->op != OP_ADD)
		return NULL;
	const struct expr *of = sema_is_one(e->b) ? e->a : sema_is_one(e->a) ? e->b : NULL;
	if (!of || of->kind != EX_BINARY || of->op != OP_OF || !sema_is_half(of->a) || of->b->kind != EX_COUNT)
		return NULL;
	return of->b;
}

/* A comparison anywhere in e (and in the rules it calls) against "50% + 1". */
static const struct expr *find_fifty_plus_one(const struct expr *e, unsigned depth, const struct expr **base)
{
	if (!e || depth > PARSE_MAX_EXPR_DEPTH)
		return NULL;
	if (e->kind == EX_BINARY && expr_is_comparison(e->op)) {
		*base = fifty_plus_one_base(e->b) ? fifty_plus_one_base(e->b) : fifty_plus_one_base(e->a);
		if (*base)
			return e;
	}
	const struct expr *found = NULL;
	if (e->a && (found = find_fifty_plus_one(e->a, depth + 1, base)))
		return found;
	if (e->b && (found = find_fifty_plus_one(e->b, depth + 1, base)))
		return found;
	for (unsigned i = 0; i < e->n_args && !found; i++)
		found = find_fifty_plus_one(e->args[i], depth + 1, base);
	if (!found && e->kind == EX_CALL && e->rule->body)
		found = find_fifty_plus_one(e->rule->body, depth + 1, base);
	return found;
}

/* Warn about `yes >= 50% of cast + 1`, the literal "50% + 1" (language.md),
** however it is written: either side, inside `and`, or in a rule. */
static void check_fifty_plus_one(struct sema *s, const struct requirement *r)
{
	const struct expr *base = NULL;
	const struct expr *cmp = find_fifty_plus_one(r->cond, 0, &base);
	if (!cmp)
		return;
	const char *count = ast_count_name(base->count);
	struct diag *d = diag_report(s->diag, D_FIFTY_PLUS_ONE, at_file(s, r->decl->a),
	                             "\"50%% + 1\" read literally needs one more than a majority when %s is odd", count);
	if (cmp->file != s->src)
		diag_note(s->diag, d, loc_of(cmp->file, cmp->src->span), "the rule that says it");
	/* the numbers for an odd base this body can have */
	struct counts c;
	full_meeting_counts(s->t, s->t->effective, s->t->has_effective, &c);
	int64_t n = c.n[COUNT_MEMBERS] % 2 ? c.n[COUNT_MEMBERS] : c.n[COUNT_MEMBERS] - 1;
	if (n < 3)
		n = 11;
	diag_note(s->diag, d, NO_LOC, "with %lld %s it needs %lld (%lld.5 + 1 = %lld.5, rounded up), although %lld is already more than half",
	          (long long)n, count, (long long)(n + 3) / 2, (long long)n / 2, (long long)n / 2 + 1, (long long)(n + 1) / 2);
	/* In a quorum rule the left side is `present`, not `yes`. */
	const struct expr *lhs = cmp->a->kind == EX_COUNT ? cmp->a : cmp->b->kind == EX_COUNT ? cmp->b : NULL;
	diag_note(s->diag, d, NO_LOC, "if a simple majority is meant, write: %s > half of %s",
	          lhs ? ast_count_name(lhs->count) : "yes", count);
}

/* The first kind of motion that falls into class cl, or NULL. */
static const struct motion_profile *profile_of(const struct terms *t, const struct dclass *cl)
{
	for (unsigned k = 0; k < t->n_profiles; k++)
		if (t->profiles[k].cls == cl)
			return &t->profiles[k];
	return NULL;
}

/*
** A class whose rules are met with no votes in favour at all carries a motion
** nobody supported: `yes >= cast` when everyone abstains is 0 >= 0.  (A
** fraction of an empty base is never met, but a bare count is.)
*/
static void check_empty_base(struct sema *s)
{
	const struct terms *t = s->t;
	struct counts c;
	full_meeting_counts(t, t->effective, t->has_effective, &c);
	int64_t n = c.n[COUNT_PRESENT];
	c.n[COUNT_ABSTAIN] = c.n[COUNT_VOTES] = n; /* everyone present abstains */
	for (unsigned i = 0; i < t->n_classes; i++) {
		const struct dclass *cl = &t->classes[i];
		const struct motion_profile *p = profile_of(t, cl);
		if (!p || cl->n_requires == 0 || n == 0)
			continue;
		struct expr_env env = { &c, p->attrs, p->n_attrs, NULL, NULL };
		bool all = true;
		for (unsigned k = 0; k < cl->n_requires && all; k++) {
			bool met = false;
			const struct expr *fault;
			all = expr_test(cl->requires[k].cond, &env, &met, &fault) == EXPR_OK && met;
		}
		if (all) {
			struct diag *d = diag_report(s->diag, D_EMPTY_BASE, loc_of(s->src, cl->decl->text_span),
			                             "class '%s' carries a motion with no votes in favour: with all %lld present abstaining, every requirement is met",
			                             cl->id, (long long)n);
			diag_note(s->diag, d, NO_LOC, "a fraction of a count (`yes >= 3/4 of cast`) is never met over an empty base; a bare count (`yes >= cast`) is");
		}
	}
}

/* ---- the smallest quorate meeting ------------------------------------------ */

/* Attendances tried, at most, when looking for the smallest quorate one. */
#define QUORATE_MAX_TRIED 200000

/* Voting members alike for the quorum: the same role lists of present(...). */
struct member_kind {
	uint64_t bits;     /* bit k: in t->masks[k] */
	int64_t count;
};

/* Counts with `take[i]` members of each kind present, nobody conflicted. */
static void kind_counts(const struct terms *t, const struct counts *full, const struct member_kind *kinds,
                        const int64_t *take, unsigned n_kinds, struct counts *c)
{
	*c = *full;
	c->n[COUNT_PRESENT] = 0;
	for (unsigned k = 0; k < t->n_masks; k++)
		c->present_by_mask[k] = 0;
	for (unsigned i = 0; i < n_kinds; i++) {
		c->n[COUNT_PRESENT] += take[i];
		for (unsigned k = 0; k < t->n_masks; k++)
			if (kinds[i].bits & (UINT64_C(1) << k))
				c->present_by_mask[k] += take[i];
	}
	c->n[COUNT_ELIGIBLE] = c->n[COUNT_PRESENT];
	c->n[COUNT_CONFLICTED] = 0;
}

static bool quorum_met(const struct terms *t, const struct counts *c)
{
	struct expr_env env = { c, NULL, 0, NULL, NULL };
	for (unsigned i = 0; i < t->n_quorum; i++) {
		bool met = false;
		const struct expr *fault = NULL;
		if (expr_test(t->quorum[i].cond, &env, &met, &fault) != EXPR_OK || !met)
			return false;
	}
	return true;
}

/*
** The smallest quorate meeting on the effective date, exactly: every
** attendance (how many of each kind of member) is tried, so a quorum that
** needs two of one role and two of another is not met by two people.
** Returns false when there is none, or more attendances than the bound.
*/
static bool smallest_quorate(const struct terms *t, struct counts *out)
{
	struct counts full;
	full_meeting_counts(t, t->effective, t->has_effective, &full);
	struct member_kind kinds[64];
	unsigned n_kinds = 0;
	for (unsigned i = 0; i < t->n_members; i++) {
		const struct member *m = &t->members[i];
		if (!m->voting || (t->has_effective && !terms_member_active(m, t->effective)))
			continue;
		uint64_t bits = 0;
		for (unsigned k = 0; k < t->n_masks; k++)
			if (m->groups & t->masks[k])
				bits |= UINT64_C(1) << k;
		unsigned j = 0;
		while (j < n_kinds && kinds[j].bits != bits)
			j++;
		if (j == n_kinds) {
			if (n_kinds == 64)
				return false;
			kinds[n_kinds++] = (struct member_kind){ bits, 0 };
		}
		kinds[j].count++;
	}
	uint64_t total = 1;
	for (unsigned i = 0; i < n_kinds; i++) {
		total *= (uint64_t)kinds[i].count + 1;
		if (total > QUORATE_MAX_TRIED)
			return false;
	}
	int64_t take[64] = { 0 }, best = -1;
	for (uint64_t n = 0; n < total; n++) {
		uint64_t rest = n;
		int64_t present = 0;
		for (unsigned i = 0; i < n_kinds; i++) {
			take[i] = (int64_t)(rest % (uint64_t)(kinds[i].count + 1));
			rest /= (uint64_t)(kinds[i].count + 1);
			present += take[i];
		}
		if (best >= 0 && present >= best)
			continue;
		struct counts c;
		kind_counts(t, &full, kinds, take, n_kinds, &c);
		if (quorum_met(t, &c)) {
			best = present;
			*out = c;
		}
	}
	return best >= 0;
}

/*
** A class that cannot carry a motion at the smallest quorate meeting, even
** with everyone present voting for: quorum 6 of 9, and `yes >= 75% of
** members` needs 7.  Such a meeting is quorate and can decide nothing of
** that class, which terms rarely mean.
*/
static void check_carry_at_quorum(struct sema *s)
{
	const struct terms *t = s->t;
	struct counts c;
	if (t->n_quorum == 0 || t->quorum_tba || !smallest_quorate(t, &c))
		return;
	int64_t n = c.n[COUNT_PRESENT];
	c.n[COUNT_YES] = c.n[COUNT_CAST] = c.n[COUNT_VOTES] = n; /* all for */
	c.n[COUNT_NO] = c.n[COUNT_ABSTAIN] = 0;
	for (unsigned i = 0; i < t->n_classes; i++) {
		const struct dclass *cl = &t->classes[i];
		const struct motion_profile *p = profile_of(t, cl);
		if (!p || cl->tba)
			continue;
		for (unsigned k = 0; k < cl->n_requires; k++) {
			struct trace tr = { .n = 0 };
			struct expr_env env = { &c, p->attrs, p->n_attrs, NULL, &tr };
			bool met = false;
			const struct expr *fault;
			if (expr_test(cl->requires[k].cond, &env, &met, &fault) != EXPR_OK || met)
				continue;
			const struct node *req = cl->requires[k].decl;
			int64_t needed = -1;
			for (unsigned j = 0; j < tr.n && needed < 0; j++)
				if (!tr.steps[j].result && !trace_needed(&tr.steps[j], &needed))
					needed = -1;
			if (needed > n)
				diag_report(s->diag, D_CLASS_CANNOT_CARRY, at_file(s, req),
				            "class '%s' cannot carry a motion at the smallest quorate meeting: "
				            "%lld present, and this needs %lld votes for", cl->id, (long long)n, (long long)needed);
			else
				diag_report(s->diag, D_CLASS_CANNOT_CARRY, at_file(s, req),
				            "class '%s' cannot carry a motion at the smallest quorate meeting: "
				            "%lld present, and %lld votes for do not meet this", cl->id, (long long)n, (long long)n);
			break;
		}
	}
}

static void note_defaults(struct sema *s)
{
	struct terms *t = s->t;
	struct loc l = loc_of(s->src, t->decl->text_span);
	if (!t->consensus_stated)
		diag_report(s->diag, D_DEFAULT, l, "consensus is not mentioned: every decision needs a vote (write `consensus first` to allow it)");
	if (!t->casting_stated)
		diag_report(s->diag, D_DEFAULT, l, "no casting vote is mentioned: a tie is not carried (write `casting vote chair` or `casting vote none`)");
	if (!t->conflict_vote_stated)
		diag_report(s->diag, D_DEFAULT, l, "the votes of members who declared an interest are void (default of `conflicted vote:`)");
	if (!t->conflict_quorum_stated)
		diag_report(s->diag, D_DEFAULT, l, "members who declared an interest do not count towards the quorum for that item (default of `conflicted quorum:`)");
	if (!t->conflict_leaves_stated)
		diag_report(s->diag, D_DEFAULT, l, "members who declared an interest need not leave the room (default of `conflicted leaves:`)");
}

/* A period counted from the effective date that leaves the calendar: notice
** so long that no date can be early enough, or a deadline past year 9999
** that is never reached.  Either way the clause cannot mean what it says. */
static void check_period_range(struct sema *s, const struct node *dur, bool before, const char *what)
{
	const struct terms *t = s->t;
	if (!dur || dur->kind != N_DURATION || dur->v.dur.n < 0 || !t->has_effective)
		return;
	qdate day;
	enum date_status st = before ? date_sub(t->effective, dur->v.dur, &day) : date_add(t->effective, dur->v.dur, &day);
	if (st == DATE_OK)
		return;
	char eff[DATE_FMT_MAX], len[DUR_FMT_MAX];
	duration_format(dur->v.dur, len);
	const char *unit = strchr(len, ' ');
	const char *period = dur->op == 1 && unit ? arena_printf(s->arena, "%.*s clear%s", (int)(unit - len), len, unit) : len;
	if (before)
		diag_report(s->diag, D_PERIOD_RANGE, at_file(s, dur),
		            "%s of %s before a meeting on the effective date (%s) reaches back before year 1, outside the calendar: no date can be early enough",
		            what, period, date_format(t->effective, eff));
	else
		diag_report(s->diag, D_PERIOD_RANGE, at_file(s, dur),
		            "%s of %s after the effective date (%s) falls after year 9999, outside the calendar: it can never be reached",
		            what, period, date_format(t->effective, eff));
}

static void check_periods(struct sema *s, const struct node *items)
{
	for (const struct node *n = items; n; n = n->next) {
		switch (n->kind) {
		case N_REVIEW: check_period_range(s, n->a, false, "the review period"); break;
		case N_MEETS: check_period_range(s, n->a, false, "the interval between meetings"); break;
		case N_NOTICE: {
			const struct notice_kind *k = sema_notice_kind(n->text);
			if (k)
				check_period_range(s, n->a, sema_notice_before(k), sema_notice_what(k));
			break;
		}
		case N_CLASS:
			for (const struct node *it = n->b; it; it = it->next)
				if (it->kind == N_CLASS_NOTICE)
					check_period_range(s, it->a, true, arena_printf(s->arena, "the notice of class '%s'", n->text));
			break;
		case N_VIRTUAL:
			for (const struct node *it = n->b; it; it = it->next)
				if (it->kind == N_RATIFY)
					check_period_range(s, it->a, false, "the time to ratify");
			break;
		default:
			break;
		}
	}
}

/* A line `item` added as the last of the block that ends at `close` (its
** '}'): before the '}' on a line of its own, else just before it. */
void sema_fixit_last_line(struct sema *s, struct diag *d, uint32_t close, const char *item)
{
	const char *text = s->src->text;
	uint32_t line = close;
	while (line > 0 && (text[line - 1] == ' ' || text[line - 1] == '\t'))
		line--;
	bool own_line = line == 0 || text[line - 1] == '\n';
	const char *indent = own_line ? arena_printf(s->arena, "%.*s  ", (int)(close - line), text + line) : "";
	diag_fixit(s->diag, d, loc_of(s->src, (struct span){ own_line ? line : close, own_line ? line : close }),
	           own_line ? arena_printf(s->arena, "%s%s\n", indent, item) : arena_printf(s->arena, "%s ", item));
}

/* The '}' that closes block n (its span ends after it). */
static uint32_t block_close(const struct sema *s, const struct node *n)
{
	uint32_t end = n->span.end;
	return end > 0 && s->src->text[end - 1] == '}' ? end - 1 : end;
}

/* `version "2024-04-01"`: the date in the version, the likely effective date. */
static const char *date_in_version(const struct terms *t)
{
	static const char form[] = "dddd-dd-dd";
	for (const char *v = t->version; v && *v; v++) {
		size_t k = 0;
		while (form[k] && v[k] && (form[k] == 'd' ? v[k] >= '0' && v[k] <= '9' : v[k] == form[k]))
			k++;
		qdate day;
		if (!form[k] && date_parse(v, sizeof form - 1, &day) == DATE_OK)
			return v;
	}
	return NULL;
}

void sema_check_required(struct sema *s)
{
	struct terms *t = s->t;
	struct loc l = loc_of(s->src, t->decl->text_span);
	uint32_t close = block_close(s, t->decl);
	if (!t->has_effective) {
		struct diag *d = diag_report(s->diag, D_MISSING, l, "the terms have no `effective` date, so no meeting can be matched to them");
		diag_note(s->diag, d, NO_LOC, "write `effective YYYY-MM-DD`, the date the terms were adopted");
		const char *day = date_in_version(t);
		if (day)
			sema_fixit_last_line(s, d, close, arena_printf(s->arena, "effective %.10s", day));
	}
	if (!t->quorum_stated)
		sema_fixit_last_line(s, diag_report(s->diag, D_MISSING, l, "the terms have no `quorum` block (write `quorum { to be agreed }` if it is not yet decided)"),
		                     close, "quorum { to be agreed }");
	if (t->n_classes == 0)
		sema_fixit_last_line(s, diag_report(s->diag, D_MISSING, l, "the terms have no `class` of decision, so no motion can be decided"),
		                     close, "class ordinary { to be agreed }");
	check_periods(s, t->decl->a);
}

/* The checks that need a model without errors (sema_terms runs them last). */
void sema_lint(struct sema *s)
{
	struct terms *t = s->t;
	check_quorum_reachable(s);
	check_roster_size(s);
	check_class_coverage(s);
	/* "50% + 1 of members" is as common in quorum clauses as in votes. */
	for (unsigned k = 0; k < t->n_quorum; k++)
		check_fifty_plus_one(s, &t->quorum[k]);
	for (unsigned i = 0; i < t->n_classes; i++)
		for (unsigned k = 0; k < t->classes[i].n_requires; k++)
			check_fifty_plus_one(s, &t->classes[i].requires[k]);
	check_empty_base(s);
	check_carry_at_quorum(s);
	note_defaults(s);
}

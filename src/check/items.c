/*
** items: the items of a terms block, checked one by one into the model:
** settings said at most once, roles, tags and members, the quorum and class
** blocks, interests, decisions outside meetings, and the names used in
** `example` blocks.  Part of sema (see sema.h and sema_int.h).
*/
#include "check/sema_int.h"

#include <string.h>

/* ==== settings said at most once ========================================== */

/* Report a second N_xxx; returns true if n is the first of its kind. */
static bool first_of_kind(struct sema *s, const struct node *n, const struct node **seen, const char *what)
{
	if (!*seen) {
		*seen = n;
		return true;
	}
	struct diag *d = diag_report(s->diag, D_DUPLICATE, at_file(s, n), "%s is set twice", what);
	diag_note(s->diag, d, at_file(s, *seen), "first set here");
	return false;
}

static void tba(struct sema *s, const struct node *n, const char *clause, const char *what)
{
	if (clause)
		diag_report(s->diag, D_TBA, at_file(s, n), "§%s: %s is still to be agreed locally", clause, what);
	else
		diag_report(s->diag, D_TBA, at_file(s, n), "%s is still to be agreed locally", what);
}

static bool duration_ok(struct sema *s, const struct node *dur)
{
	if (dur->v.dur.n < 0) {
		diag_report(s->diag, D_TYPE, at_file(s, dur),
		            "a period must be a whole number from 0 to 100000, not %s", dur->text);
		return false;
	}
	return true;
}

static void set_period(struct sema *s, struct notice_rule *r, const struct node *n, const char *what)
{
	r->set = true;
	r->clause = n->clause;
	r->decl = n;
	if (!n->a) {
		r->tba = true;
		tba(s, n, n->clause, what);
		return;
	}
	if (duration_ok(s, n->a)) {
		r->period = n->a->v.dur;
		r->clear = n->a->op == 1;
	}
}

/* ==== roles, tags and members ============================================= */

static int add_group(struct sema *s, const char *id, bool is_role, const struct node *decl)
{
	struct terms *t = s->t;
	if (t->n_groups == TERMS_MAX_GROUPS) {
		if (!s->groups_full)
			diag_report(s->diag, D_LIMIT, at_file(s, decl),
			            "more than %d roles and tags in one terms file", TERMS_MAX_GROUPS);
		s->groups_full = true;
		return -1;
	}
	struct group *g = &t->groups[t->n_groups];
	g->id = id;
	g->is_role = is_role;
	g->decl = decl;
	return (int)t->n_groups++;
}

void sema_check_roles(struct sema *s, const struct node *items)
{
	for (const struct node *n = items; n; n = n->next) {
		if (n->kind != N_ROLE)
			continue;
		int prev = terms_find_group(s->t, n->text);
		if (prev >= 0) {
			struct diag *d = diag_report(s->diag, D_DUPLICATE, name_loc(s, n), "role '%s' is defined twice", n->text);
			diag_note(s->diag, d, name_loc(s, s->t->groups[prev].decl), "first defined here");
			continue;
		}
		int g = add_group(s, n->text, true, n);
		if (g < 0)
			return;
		s->t->groups[g].title = n->a->text;
		s->t->groups[g].voting = n->op == 1;
	}
}

static void check_member_dates(struct sema *s, const struct node *n, struct member *m)
{
	if (n->c) {
		m->has_from = true;
		m->from = n->c->v.date;
	}
	if (n->d) {
		m->has_until = true;
		m->until = n->d->v.date;
	}
	if (m->has_from && m->has_until && m->from > m->until)
		diag_report(s->diag, D_MEMBER, at_file(s, n->d),
		            "member '%s' leaves (until) before joining (from)", m->id);
}

static void check_member_groups(struct sema *s, const struct node *n, struct member *m)
{
	bool has_role = false;
	for (const struct node *id = n->b; id; id = id->next) {
		if (id->kind == N_DEPUTY) {
			has_role = true; /* a deputy takes the principal's roles */
			continue;
		}
		int g = terms_find_group(s->t, id->text);
		if (g < 0) {
			/* Not a role: a tag such as `clinician`. */
			g = add_group(s, id->text, false, id);
			if (g < 0)
				return;
		}
		if (m->groups & (UINT64_C(1) << g))
			diag_report(s->diag, D_DUPLICATE, at_file(s, id), "'%s' is listed twice for member '%s'",
			            id->text, m->id);
		m->groups |= UINT64_C(1) << g;
		if (s->t->groups[g].is_role) {
			has_role = true;
			m->voting = m->voting || s->t->groups[g].voting;
		}
	}
	if (!has_role) {
		struct diag *d = diag_report(s->diag, D_MEMBER, name_loc(s, n), "member '%s' has no role", m->id);
		diag_note(s->diag, d, NO_LOC, "give each member one of the roles defined with `role`; other words after the name are tags");
	}
}

void sema_check_members(struct sema *s, const struct node *items)
{
	struct terms *t = s->t;
	for (const struct node *n = items; n; n = n->next) {
		if (n->kind != N_MEMBER)
			continue;
		int prev = terms_find_member(t, n->text);
		if (prev >= 0) {
			struct diag *d = diag_report(s->diag, D_DUPLICATE, name_loc(s, n), "member '%s' is listed twice", n->text);
			diag_note(s->diag, d, name_loc(s, t->members[prev].decl), "first listed here");
			continue;
		}
		if (terms_find_group(t, n->text) >= 0 && t->groups[terms_find_group(t, n->text)].is_role) {
			diag_report(s->diag, D_DUPLICATE, name_loc(s, n), "'%s' is already the name of a role", n->text);
			continue;
		}
		if (t->n_members == TERMS_MAX_MEMBERS) {
			diag_report(s->diag, D_LIMIT, at_file(s, n), "more than %d members", TERMS_MAX_MEMBERS);
			return;
		}
		struct member *m = &t->members[t->n_members++];
		m->id = n->text;
		m->name = n->a->text;
		m->decl = n;
		terms_index_member(t, t->n_members - 1);
		check_member_groups(s, n, m);
		check_member_dates(s, n, m);
	}
}

/* ==== deputies ================================================================ */

static const struct node *deputy_of(const struct node *member)
{
	for (const struct node *id = member->b; id; id = id->next)
		if (id->kind == N_DEPUTY)
			return id;
	return NULL;
}

/* One principal of deputy m: a voting member, not m, not a deputy, named
** once (seen: by member index). */
static int check_principal(struct sema *s, const struct member *m, const struct node *id, bool *seen)
{
	const struct terms *t = s->t;
	int p = terms_find_member(t, id->text);
	if (p < 0) {
		struct spell sp;
		spell_init(&sp, id->text);
		for (unsigned k = 0; k < t->n_members; k++)
			spell_offer(&sp, t->members[k].id);
		sema_unknown(s, at_file(s, id), &sp, arena_printf(s->arena, "no member named '%s' (a deputy stands in for a member)", id->text));
		return -1;
	}
	const struct member *pm = &t->members[p];
	bool twice = seen[p];
	seen[p] = true;
	if (pm == m)
		diag_report(s->diag, D_MEMBER, at_file(s, id), "a member cannot be their own deputy");
	else if (!pm->voting)
		diag_report(s->diag, D_MEMBER, at_file(s, id), "a deputy stands in for a voting member, and %s has no voting role", pm->id);
	else if (deputy_of(pm->decl))
		diag_report(s->diag, D_MEMBER, at_file(s, id), "%s is a deputy too: a deputy stands in for a member, not for another deputy",
		            pm->id);
	else if (twice)
		diag_report(s->diag, D_DUPLICATE, at_file(s, id), "%s is named twice", pm->id);
	else
		return p;
	return -1;
}

/*
** `member foster "Blake Foster" deputy for stocks, vas`: a deputy has no
** vote of their own (no voting role), is never counted in `members`, and
** stands in for an absent principal (docs/semantics.md#deputies).
*/
void sema_check_deputies(struct sema *s)
{
	struct terms *t = s->t;
	for (unsigned i = 0; i < t->n_members; i++) {
		struct member *m = &t->members[i];
		const struct node *dep = deputy_of(m->decl);
		if (!dep)
			continue;
		t->has_deputies = true;
		if (m->voting) {
			struct diag *d = diag_report(s->diag, D_MEMBER, name_loc(s, m->decl),
			                             "deputy '%s' holds a voting role: a deputy votes only in a principal's place", m->id);
			diag_note(s->diag, d, NO_LOC, "give a deputy tags or roles without a vote (`attending`) and `deputy for NAME`");
		}
		size_t n = ast_list_len(dep->a);
		int *principals = arena_array(s->arena, n + 1, sizeof *principals);
		bool *seen = arena_array(s->arena, t->n_members + 1, sizeof *seen);
		unsigned k = 0;
		for (const struct node *id = dep->a; id; id = id->next) {
			int p = check_principal(s, m, id, seen);
			if (p >= 0)
				principals[k++] = p;
		}
		m->principals = principals;
		m->n_principals = k;
	}
}

/* ==== blocks ================================================================ */

void sema_check_quorum(struct sema *s, const struct node *n)
{
	struct terms *t = s->t;
	t->quorum_stated = true;
	t->quorum_clause = n->clause;
	t->quorum_title = n->a ? n->a->text : NULL;
	t->quorum = arena_array(s->arena, ast_list_len(n->b) + 1, sizeof *t->quorum);
	bool has_require = false; /* written, even if it did not compile */
	for (const struct node *it = n->b; it; it = it->next) {
		if (it->kind == N_TBA) {
			t->quorum_tba = true;
			tba(s, n, n->clause, "the quorum");
		} else if (it->kind == N_REQUIRE) {
			has_require = true;
			struct expr *e = sema_compile_condition(s, it->a, CTX_QUORUM, "a quorum requirement");
			if (e)
				t->quorum[t->n_quorum++] = (struct requirement){ e, it, s->src };
		} else {
			diag_report(s->diag, D_CONTEXT, at_file(s, it), "a quorum block holds `require` lines (or `to be agreed`)");
		}
	}
	if (!t->quorum_tba && !has_require) {
		struct diag *d = diag_report(s->diag, D_MISSING, at_file(s, n),
		                             "the quorum block says nothing; write its `require` lines or `to be agreed`");
		if (n->span.end > 0 && s->src->text[n->span.end - 1] == '}')
			sema_fixit_last_line(s, d, n->span.end - 1, "to be agreed");
	}
}

static bool setting_is(const struct node *v, const char *word)
{
	return strcmp(v->text, word) == 0;
}

static void check_setting(struct sema *s, const struct node *it)
{
	struct terms *t = s->t;
	const struct node *v = it->a;
	bool ok = true;
	if (strcmp(it->text, "vote") == 0) {
		ok = setting_is(v, "void") || setting_is(v, "allowed");
		t->conflict_vote = setting_is(v, "allowed") ? CONFLICT_VOTE_ALLOWED : CONFLICT_VOTE_VOID;
		t->conflict_vote_stated = true;
	} else if (strcmp(it->text, "quorum") == 0) {
		ok = setting_is(v, "excluded") || setting_is(v, "counted") || setting_is(v, "deemed present");
		t->conflict_quorum = setting_is(v, "counted") ? CONFLICT_QUORUM_COUNTED
		                   : setting_is(v, "deemed present") ? CONFLICT_QUORUM_DEEMED : CONFLICT_QUORUM_EXCLUDED;
		t->conflict_quorum_stated = true;
	} else {
		ok = setting_is(v, "yes") || setting_is(v, "no");
		t->conflict_leaves = setting_is(v, "yes");
		t->conflict_leaves_stated = true;
	}
	if (!ok)
		diag_report(s->diag, D_TYPE, at_file(s, v), "'conflicted %s:' must be %s, not '%s'", it->text,
		            strcmp(it->text, "vote") == 0 ? "void or allowed"
		            : strcmp(it->text, "quorum") == 0 ? "excluded, counted or deemed present" : "yes or no",
		            v->text);
}

static void check_interests(struct sema *s, const struct node *n)
{
	s->t->interests_stated = true;
	s->t->interests_clause = n->clause;
	const struct node *seen[3] = { NULL, NULL, NULL };
	for (const struct node *it = n->b; it; it = it->next) {
		if (it->kind == N_TBA) {
			s->t->interests_tba = true;
			tba(s, n, n->clause, "the handling of declared interests");
		} else if (it->kind == N_SETTING) {
			int k = strcmp(it->text, "vote") == 0 ? 0 : strcmp(it->text, "quorum") == 0 ? 1 : 2;
			if (first_of_kind(s, it, &seen[k], "this interests setting"))
				check_setting(s, it);
		} else {
			diag_report(s->diag, D_CONTEXT, at_file(s, it),
			            "an interests block holds `conflicted vote:`, `conflicted quorum:` and `conflicted leaves:`");
		}
	}
}

static void check_class(struct sema *s, const struct node *n, struct dclass *c)
{
	c->id = n->text;
	c->title = n->a ? n->a->text : NULL;
	c->clause = n->clause;
	c->decl = n;
	c->requires = arena_array(s->arena, ast_list_len(n->b) + 1, sizeof *c->requires);
	const struct node *when = NULL, *notice = NULL, *approval = NULL;
	bool has_require = false; /* written, even if it did not compile */
	for (const struct node *it = n->b; it; it = it->next) {
		switch (it->kind) {
		case N_WHEN:
			if (first_of_kind(s, it, &when, "the class condition (`when`)"))
				c->when = sema_compile_condition(s, it->a, CTX_WHEN, "a class condition");
			break;
		case N_REQUIRE: {
			has_require = true;
			struct expr *e = sema_compile_condition(s, it->a, CTX_REQUIRE, "a requirement");
			if (e)
				c->requires[c->n_requires++] = (struct requirement){ e, it, s->src };
			break;
		}
		case N_CLASS_NOTICE:
			if (first_of_kind(s, it, &notice, "the notice of this class") && duration_ok(s, it->a)) {
				c->has_notice = true;
				c->notice = it->a->v.dur;
				c->notice_clear = it->a->op == 1;
			}
			break;
		case N_CLASS_APPROVAL:
			if (!first_of_kind(s, it, &approval, "the approval of this class"))
				break;
			if (it->a->text[0] == '\0')
				diag_report(s->diag, D_TYPE, at_file(s, it->a), "`approval by` names the body that approves: it is empty");
			else
				c->approval_by = it->a->text;
			break;
		case N_TBA:
			c->tba = true;
			tba(s, n, n->clause, arena_printf(s->arena, "the rule for class '%s'", n->text));
			break;
		default:
			diag_report(s->diag, D_CONTEXT, at_file(s, it),
			            "a class holds `when`, `require`, `notice ... before`, `approval by` and `to be agreed`");
		}
	}
	if (!c->tba && !has_require) {
		struct diag *d = diag_report(s->diag, D_MISSING, name_loc(s, n),
		                             "class '%s' has no `require`: every motion of this class would be carried", n->text);
		if (n->span.end > 0 && s->src->text[n->span.end - 1] == '}')
			sema_fixit_last_line(s, d, n->span.end - 1, "to be agreed");
	}
}

void sema_check_classes(struct sema *s, const struct node *items)
{
	struct terms *t = s->t;
	for (const struct node *n = items; n; n = n->next) {
		if (n->kind != N_CLASS)
			continue;
		const struct dclass *prev = terms_find_class(t, n->text);
		if (prev) {
			struct diag *d = diag_report(s->diag, D_DUPLICATE, name_loc(s, n), "class '%s' is defined twice", n->text);
			diag_note(s->diag, d, name_loc(s, prev->decl), "first defined here");
			continue;
		}
		check_class(s, n, &t->classes[t->n_classes++]);
	}
}

static void check_virtual(struct sema *s, const struct node *n)
{
	struct terms *t = s->t;
	t->virtual_allowed = true;
	t->virtual_clause = n->clause;
	t->ratify_next_meeting = true;
	const struct node *seen = NULL;
	for (const struct node *it = n->b; it; it = it->next) {
		if (it->kind == N_TBA) {
			t->virtual_tba = true;
			tba(s, n, n->clause, "how decisions outside meetings are ratified");
		} else if (it->kind == N_RATIFY) {
			if (!first_of_kind(s, it, &seen, "ratification"))
				continue;
			if (it->a && duration_ok(s, it->a)) {
				t->ratify_next_meeting = false;
				t->ratify_within = it->a->v.dur;
			}
		} else {
			diag_report(s->diag, D_CONTEXT, at_file(s, it),
			            "a virtual block holds `ratify at next meeting` or `ratify within ...`");
		}
	}
}

/* ==== the items of a terms block ============================================ */

/* The national sample's "consensus where possible" (also "wherever", "if"
** and "when possible"): a consensus first, a vote where there is none. */
static bool where_possible(const struct node *w, const struct node *possible)
{
	return setting_is(possible, "possible") && (setting_is(w, "where") || setting_is(w, "wherever") ||
	                                           setting_is(w, "if") || setting_is(w, "when"));
}

static void check_consensus(struct sema *s, const struct node *n)
{
	struct terms *t = s->t;
	t->consensus_stated = true;
	t->consensus_clause = n->clause;
	if (!n->a) {
		t->consensus_tba = true;
		tba(s, n, n->clause, "whether decisions may be taken by consensus");
	} else if (n->b ? where_possible(n->a, n->b) : setting_is(n->a, "first"))
		t->consensus_allowed = true;
	else if (!n->b && (setting_is(n->a, "never") || setting_is(n->a, "none")))
		t->consensus_allowed = false;
	else {
		struct loc at = at_file(s, n->a);
		if (n->b)
			at.end = at_file(s, n->b).end;
		struct diag *d = diag_report(s->diag, D_TYPE, at,
		                             "`consensus` must be followed by `first` (or `where possible`) or `never`, not '%s%s%s'",
		                             n->a->text, n->b ? " " : "", n->b ? n->b->text : "");
		if (n->b && strcmp(n->b->text, "possible") == 0)
			diag_fixit(s->diag, d, at, "where possible");
	}
}

static void check_size(struct sema *s, const struct node *n)
{
	struct terms *t = s->t;
	if (!n->a) {
		t->size_tba = true;
		tba(s, n, n->clause, "the size of the membership");
		return;
	}
	if (!rat_is_int(n->a->v.num) || !rat_is_int(n->b->v.num) || n->a->v.num.num > n->b->v.num.num) {
		diag_report(s->diag, D_TYPE, at_file(s, n), "`size` takes two whole numbers, the smaller first");
		return;
	}
	t->has_size = true;
	t->size_min = n->a->v.num.num;
	t->size_max = n->b->v.num.num;
}

/* `meets at least 4 times a year` (also `times per year`, `times each year`). */
static void check_meets_least(struct sema *s, const struct node *n)
{
	struct terms *t = s->t;
	const struct node *num = n->a, *times = n->b, *per = n->c;
	if (strcmp(times->text, "times") != 0) {
		struct diag *d = diag_report(s->diag, D_SYNTAX, at_file(s, times), "expected `times` after the number, not '%s'",
		                             times->text);
		diag_fixit(s->diag, d, at_file(s, times), "times");
		return;
	}
	if (strcmp(per->text, "a") != 0 && strcmp(per->text, "per") != 0 && strcmp(per->text, "each") != 0) {
		diag_report(s->diag, D_SYNTAX, at_file(s, per), "expected `times a year` (or `per year`, `each year`), not `times %s`",
		            per->text);
		return;
	}
	if (!rat_is_int(num->v.num) || num->v.num.num < 1 || num->v.num.num > 366) {
		diag_report(s->diag, D_TYPE, at_file(s, num), "`meets at least` takes a whole number of meetings from 1 to 366, not %s",
		            num->text);
		return;
	}
	t->meets_least = (struct meets_least){ true, num->v.num.num, n->clause, n };
}

/* `chaired by ROLES` or `chaired by any member`: each name a role, a tag or
** a member. */
void sema_check_chair(struct sema *s, const struct node *n)
{
	struct terms *t = s->t;
	t->chair.set = true;
	t->chair.clause = n->clause;
	t->chair.decl = n;
	t->chair.any_member = n->op == 1;
	t->chair.members = arena_array(s->arena, ast_list_len(n->a) + 1, sizeof *t->chair.members);
	bool *named = arena_array(s->arena, t->n_members + 1, sizeof *named); /* by member index */
	for (const struct node *id = n->a; id; id = id->next) {
		int g = terms_find_group(t, id->text), i = g < 0 ? terms_find_member(t, id->text) : -1;
		if ((g >= 0 && (t->chair.groups & (UINT64_C(1) << g))) || (i >= 0 && named[i])) {
			diag_report(s->diag, D_DUPLICATE, at_file(s, id), "'%s' is named twice", id->text);
			continue;
		}
		if (g >= 0) {
			t->chair.groups |= UINT64_C(1) << g;
			continue;
		}
		if (i >= 0) {
			named[i] = true;
			t->chair.members[t->chair.n_members++] = id->text;
			continue;
		}
		struct spell sp;
		spell_init(&sp, id->text);
		for (unsigned k = 0; k < t->n_groups; k++)
			spell_offer(&sp, t->groups[k].id);
		for (unsigned k = 0; k < t->n_members; k++)
			spell_offer(&sp, t->members[k].id);
		sema_unknown(s, at_file(s, id), &sp, arena_printf(s->arena, "no role, tag or member named '%s'", id->text));
	}
}

/* The deadlines a terms file may set with `notice` (docs/reference.md#notice),
** each with the way its period runs: papers before the meeting, minutes
** after it, amendments to the minutes after the minutes are circulated. */
static const struct notice_kind {
	const char *word, *what, *wrong_way;
	int way; /* 1 before, 2 after */
} notice_kinds[] = {
	{ "papers", "the notice for papers", "papers are sent before the meeting: write `before`", 1 },
	{ "minutes", "the deadline for minutes", "minutes are circulated after the meeting: write `after`", 2 },
	{ "amendments", "the deadline for amendments to the minutes",
	  "amendments to the minutes are made after the minutes are circulated: write `after`", 2 },
};

const struct notice_kind *sema_notice_kind(const char *word)
{
	for (size_t i = 0; i < sizeof notice_kinds / sizeof notice_kinds[0]; i++)
		if (strcmp(notice_kinds[i].word, word) == 0)
			return &notice_kinds[i];
	return NULL;
}

const char *sema_notice_what(const struct notice_kind *k)
{
	return k->what;
}

bool sema_notice_before(const struct notice_kind *k)
{
	return k->way == 1;
}

/* `notice §5.5 amendments within 14 days after`: the word after `notice` is
** read as a name, so a misspelt one is said here, with did you mean. */
static void check_notice(struct sema *s, const struct node *n, struct seen_items *seen)
{
	struct terms *t = s->t;
	const struct notice_kind *k = sema_notice_kind(n->text);
	if (!k) {
		struct spell sp;
		spell_init(&sp, n->text);
		for (size_t i = 0; i < sizeof notice_kinds / sizeof notice_kinds[0]; i++)
			spell_offer(&sp, notice_kinds[i].word);
		sema_unknown(s, loc_of(s->src, n->text_span), &sp,
		             arena_printf(s->arena, "a notice is for papers, minutes or amendments (to the minutes), not '%s'",
		                          n->text));
		return;
	}
	size_t i = (size_t)(k - notice_kinds);
	const struct node **first = i == 0 ? &seen->papers : i == 1 ? &seen->minutes : &seen->amendments;
	struct notice_rule *rule = i == 0 ? &t->papers : i == 1 ? &t->minutes : &t->amendments;
	if (!first_of_kind(s, n, first, k->what))
		return;
	set_period(s, rule, n, k->what);
	if (n->op != 0 && n->op != k->way)
		diag_report(s->diag, D_TYPE, at_file(s, n), "%s", k->wrong_way);
}

void sema_check_item(struct sema *s, const struct node *n, struct seen_items *seen)
{
	struct terms *t = s->t;
	switch (n->kind) {
	case N_VERSION:
		if (first_of_kind(s, n, &seen->version, "the version"))
			t->version = n->a->text;
		break;
	case N_EFFECTIVE:
		if (first_of_kind(s, n, &seen->effective, "the effective date")) {
			t->has_effective = true;
			t->effective = n->a->v.date;
		}
		break;
	case N_REVIEW:
		if (first_of_kind(s, n, &seen->review, "the review period"))
			set_period(s, &t->review, n, "the review period");
		break;
	case N_MEETS:
		if (first_of_kind(s, n, &seen->meets, "how often the group meets"))
			set_period(s, &t->meets, n, "how often the group meets");
		break;
	case N_SIZE:
		if (first_of_kind(s, n, &seen->size, "the size"))
			check_size(s, n);
		break;
	case N_MEETS_LEAST:
		if (first_of_kind(s, n, &seen->meets_least, "how many times a year the group meets"))
			check_meets_least(s, n);
		break;
	case N_CHAIRED: /* checked once roles and members are known */
		first_of_kind(s, n, &seen->chaired, "who may chair");
		break;
	case N_MINUTES_VOTES:
		if (first_of_kind(s, n, &seen->minutes_votes, "`minutes record votes`")) {
			t->minutes_votes = true;
			t->minutes_votes_clause = n->clause;
		}
		break;
	case N_QUORUM: /* compiled once roles and rules are known */
		first_of_kind(s, n, &seen->quorum, "the quorum");
		break;
	case N_CONSENSUS:
		if (first_of_kind(s, n, &seen->consensus, "consensus"))
			check_consensus(s, n);
		break;
	case N_CASTING:
		if (first_of_kind(s, n, &seen->casting, "the casting vote")) {
			t->casting_stated = true;
			t->casting_chair = n->op == 1;
			t->casting_tba = n->op == 2;
			t->casting_clause = n->clause;
			if (t->casting_tba)
				tba(s, n, n->clause, "the casting vote");
		}
		break;
	case N_INTERESTS:
		if (first_of_kind(s, n, &seen->interests, "the interests block"))
			check_interests(s, n);
		break;
	case N_VIRTUAL:
		if (first_of_kind(s, n, &seen->virtual_, "the virtual block"))
			check_virtual(s, n);
		break;
	case N_MAPS: /* read once roles and tags are known */
		first_of_kind(s, n, &seen->maps, "the maps table");
		break;
	case N_NOTICE:
		check_notice(s, n, seen);
		break;
	default:
		break;
	}
}

/* ==== a model's maps table ==================================================== */

/*
** `maps { clinical_lead: gp_lead, lead_gp }`: in `quorate conform`, a local
** member holding gp_lead or lead_gp counts as this file's clinical_lead.  The
** name before the colon is a role or tag of this file; the names after it
** are the local files' and are not checked here (a table can serve many
** clusters).  A row per role or tag.
*/
void sema_check_maps(struct sema *s, const struct node *n)
{
	struct terms *t = s->t;
	t->maps_clause = n->clause;
	t->maps = arena_array(s->arena, ast_list_len(n->b) + 1, sizeof *t->maps);
	for (const struct node *row = n->b; row; row = row->next) {
		int g = terms_find_group(t, row->text);
		if (g < 0) {
			diag_report(s->diag, D_UNDEFINED, name_loc(s, row),
			            "no role or tag named '%s': a row of `maps` names one of these terms' roles or tags, then "
			            "the local names that count as it",
			            row->text);
			continue;
		}
		const struct group_map *prev = NULL;
		for (unsigned i = 0; i < t->n_maps && !prev; i++)
			prev = t->maps[i].group == g ? &t->maps[i] : NULL;
		if (prev) {
			struct diag *d = diag_report(s->diag, D_DUPLICATE, name_loc(s, row), "'%s' is mapped twice", row->text);
			diag_note(s->diag, d, name_loc(s, prev->decl), "first mapped here");
			continue;
		}
		struct group_map *m = &t->maps[t->n_maps++];
		m->group = g;
		m->decl = row;
		m->names = arena_array(s->arena, ast_list_len(row->a) + 1, sizeof *m->names);
		for (const struct node *id = row->a; id; id = id->next)
			m->names[m->n_names++] = id->text;
	}
}

/* ==== examples ================================================================= */

struct names_seen { const char **items; size_t n, cap; };

/* Each name not on the roster is reported once per example, where it is
** first used: a member misspelt in the roster is one mistake. */
static void check_names(struct sema *s, const struct node *ids, const char *example, struct names_seen *seen)
{
	for (const struct node *id = ids; id; id = id->next) {
		if (id->kind != N_IDENT || terms_find_member(s->t, id->text) >= 0)
			continue;
		bool reported = false;
		for (size_t i = 0; i < seen->n && !reported; i++)
			reported = strcmp(seen->items[i], id->text) == 0;
		if (reported)
			continue;
		VEC_PUSH(s->arena, *seen, id->text);
		struct spell sp;
		spell_init(&sp, id->text);
		for (unsigned k = 0; k < s->t->n_members; k++)
			spell_offer(&sp, s->t->members[k].id);
		sema_unknown(s, at_file(s, id), &sp,
		             arena_printf(s->arena, "no member named '%s' (in example \"%s\")", id->text, example));
	}
}

static bool expects_something(const struct node *items)
{
	for (const struct node *it = items; it; it = it->next)
		if (it->kind == N_MOTION)
			for (const struct node *m = it->c; m; m = m->next)
				if (m->kind == N_EXPECT)
					return true;
	return false;
}

/* The names in an example must be members; `quorate test` runs it. */
void sema_check_example(struct sema *s, const struct node *ex)
{
	const char *title = ex->a->text;
	struct names_seen seen = { 0 };
	for (const struct node *it = ex->c; it; it = it->next) {
		switch (it->kind) {
		case N_PRESENT: case N_APOLOGIES: case N_ATTENDING: case N_ARRIVES: case N_LEAVES: case N_CHAIR:
			check_names(s, it->a, title, &seen);
			break;
		case N_MOTION:
			for (const struct node *m = it->c; m; m = m->next)
				if (m->kind == N_VOTES || m->kind == N_INTEREST || m->kind == N_OBJECTION || m->kind == N_CHAIR)
					check_names(s, m->a, title, &seen);
			break;
		case N_TERMS_REF: case N_PAPERS: case N_MINUTES: default:
			break;
		}
	}
	if (!expects_something(ex->c))
		diag_report(s->diag, D_MISSING, at_file(s, ex),
		            "example \"%s\" expects nothing: write `expect carried` (or another outcome) in its motions", title);
}

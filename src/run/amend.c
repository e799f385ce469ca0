/*
** amend: comparing two versions of the terms.  See amend.h.
*/
#include "run/amend.h"

#include <string.h>

#include "base/sbuf.h"
#include "run/explain.h"

/* ---- clause changes ------------------------------------------------------------- */

static const struct explain_para *find_para(const struct explanation *x, const char *heading)
{
	for (size_t i = 0; i < x->paras.n; i++)
		if (strcmp(x->paras.items[i].heading, heading) == 0)
			return &x->paras.items[i];
	return NULL;
}

static void compare_paras(struct amend *d, const struct explanation *a, const struct explanation *b)
{
	for (size_t i = 0; i < a->paras.n; i++) {
		const struct explain_para *p = &a->paras.items[i], *q = find_para(b, p->heading);
		/* the roster is compared member by member (compare_rosters) */
		if (strcmp(p->heading, "Membership") == 0)
			continue;
		if (!q || strcmp(p->text, q->text) != 0) {
			struct amend_change ch = { p->heading, q && q->clause ? q->clause : p->clause, p->text, q ? q->text : NULL };
			VEC_PUSH(d->arena, d->changes, ch);
		}
	}
	for (size_t i = 0; i < b->paras.n; i++) {
		const struct explain_para *q = &b->paras.items[i];
		if (!find_para(a, q->heading)) {
			struct amend_change ch = { q->heading, q->clause, NULL, q->text };
			VEC_PUSH(d->arena, d->changes, ch);
		}
	}
}

static const char *member_desc(struct arena *a, const struct terms *t, const struct member *m)
{
	struct sbuf b;
	sbuf_init(&b, a);
	sbuf_addf(&b, "%s (%s): ", m->name, m->id);
	unsigned n = 0;
	for (unsigned g = 0; g < t->n_groups; g++)
		if ((m->groups >> g) & 1)
			sbuf_addf(&b, "%s%s", n++ ? ", " : "", t->groups[g].is_role && t->groups[g].title ? t->groups[g].title : t->groups[g].id);
	sbuf_add(&b, m->voting ? "; votes" : m->n_principals ? "; votes only in a principal's place" : "; attends without a vote");
	for (unsigned k = 0; k < m->n_principals; k++)
		sbuf_addf(&b, "%s%s", k ? ", " : "; deputy for ", t->members[m->principals[k]].id);
	char day[DATE_FMT_MAX];
	if (m->has_from)
		sbuf_addf(&b, "; from %s", date_format(m->from, day));
	if (m->has_until)
		sbuf_addf(&b, "; until %s", date_format(m->until, day));
	return sbuf_str(&b);
}

static void compare_rosters(struct amend *d)
{
	struct arena *a = d->arena;
	for (int v = 0; v < 2; v++) {
		const struct terms *t = d->t[v], *o = d->t[1 - v];
		for (unsigned i = 0; i < t->n_members; i++) {
			const struct member *m = &t->members[i];
			int j = terms_find_member(o, m->id);
			const char *mine = member_desc(a, t, m);
			if (j < 0) {
				struct amend_change ch = { arena_printf(a, "Member %s", m->id), NULL, v ? NULL : mine, v ? mine : NULL };
				VEC_PUSH(a, d->changes, ch);
			} else if (v == 0) {
				const char *theirs = member_desc(a, o, &o->members[j]);
				if (strcmp(mine, theirs) != 0) {
					struct amend_change ch = { arena_printf(a, "Member %s", m->id), NULL, mine, theirs };
					VEC_PUSH(a, d->changes, ch);
				}
			}
		}
	}
}

struct amend *amend_terms(struct arena *a, const struct terms *old_t, const struct terms *new_t, uint64_t bound)
{
	struct amend *d = arena_alloc(a, sizeof *d);
	d->arena = a;
	d->t[0] = old_t;
	d->t[1] = new_t;
	compare_rosters(d);
	compare_paras(d, explain_terms(a, old_t), explain_terms(a, new_t));
	qdate day = new_t->has_effective ? new_t->effective : old_t->effective;
	struct scenario_query q = { NULL, NULL, bound, false };
	scenario_search(a, old_t, new_t, day, &q, &d->search);
	return d;
}

/* ---- past decisions -------------------------------------------------------------- */

static const char *why(struct arena *a, const struct motion_result *mr)
{
	struct sbuf b;
	sbuf_init(&b, a);
	sbuf_addf(&b, "%s", ast_outcome_name(mr->outcome));
	if (mr->cls)
		sbuf_addf(&b, " as %s%s%s", mr->cls->id, mr->cls->clause ? " §" : "", mr->cls->clause ? mr->cls->clause : "");
	if (mr->quorum_known && !mr->quorate)
		sbuf_add(&b, " (not quorate)");
	for (unsigned i = 0; i < mr->n_reqs; i++) {
		char buf[REQ_WORKING_MAX];
		const char *working = req_working(&mr->reqs[i], buf);
		if (working)
			sbuf_addf(&b, "; %s: %s", mr->reqs[i].text, working);
	}
	return sbuf_str(&b);
}

void amend_past_meeting(struct amend *d, const struct meeting *m, struct arena *scratch)
{
	struct arena *keep = d->arena;
	/* Past decisions are those taken before the new terms would apply; a
	** later meeting was held under (something like) the new terms already. */
	if (d->t[1]->has_effective && m->date >= d->t[1]->effective) {
		d->history_later++;
		return;
	}
	const struct meeting_result *r[2] = { eval_meeting(scratch, d->t[0], m), eval_meeting_as_if(scratch, d->t[1], m) };
	d->history_meetings++;
	d->history_motions += r[0]->n_motions;
	for (unsigned i = 0; i < r[0]->n_motions && i < r[1]->n_motions; i++) {
		const struct motion_result *a = &r[0]->motions[i], *b = &r[1]->motions[i];
		if (a->outcome == b->outcome)
			continue;
		char day[DATE_FMT_MAX];
		unsigned line, col;
		source_position(m->src, a->motion->span.start, &line, &col);
		struct amend_flip f = { arena_strdup(keep, m->title), arena_strdup(keep, date_format(m->date, day)),
		                        arena_strdup(keep, m->src->name), arena_strdup(keep, a->motion->number),
		                        arena_strdup(keep, a->motion->title), a->outcome, b->outcome,
		                        arena_strdup(keep, why(scratch, a)), arena_strdup(keep, why(scratch, b)), line };
		VEC_PUSH(keep, d->flips, f);
	}
}

bool amend_changes_anything(const struct amend *d)
{
	return d->search.differing || d->flips.n || d->changes.n;
}

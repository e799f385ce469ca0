/*
** minutes: building the meeting-record model from the syntax tree.
** See minutes.h.
*/
#include "record/minutes.h"

#include <string.h>

#include "base/sbuf.h"
#include "base/spell.h"

struct vote_vec { struct rec_vote *items; size_t n, cap; };
struct step_vec { struct rec_step *items; size_t n, cap; };
struct deputy_vec { struct rec_deputy *items; size_t n, cap; };

struct reader {
	struct arena *arena;
	struct diag_sink *diag;
	const struct source *src;
	unsigned n_names; /* names read so far, against MINUTES_MAX_NAMES */
};

static struct loc at(struct reader *r, const struct node *n)
{
	return loc_of(r->src, n->span);
}

static struct rec_name *name_of(struct reader *r, const struct node *id, const struct node *reason)
{
	struct rec_name *nm = arena_alloc(r->arena, sizeof *nm);
	nm->id = id->text;
	nm->span = id->span;
	nm->reason = reason ? reason->text : NULL;
	return nm;
}

/* Append an N_IDENT list to a name list. */
static void add_names(struct reader *r, struct rec_names *to, const struct node *ids)
{
	size_t extra = ast_list_len(ids);
	if (r->n_names + extra > MINUTES_MAX_NAMES) {
		diag_report(r->diag, D_LIMIT, at(r, ids), "more than %d names in one meeting record", MINUTES_MAX_NAMES);
		return;
	}
	r->n_names += (unsigned)extra;
	to->items = arena_grow(r->arena, to->items, to->n, to->n + extra, sizeof *to->items);
	for (const struct node *id = ids; id; id = id->next)
		to->items[to->n++] = (struct rec_name){ id->text, id->span, NULL };
}

static void add_reasoned(struct reader *r, struct rec_names *to, const struct node *id, const struct node *reason)
{
	if (r->n_names + 1 > MINUTES_MAX_NAMES) {
		diag_report(r->diag, D_LIMIT, at(r, id), "more than %d names in one meeting record", MINUTES_MAX_NAMES);
		return;
	}
	r->n_names++;
	to->items = arena_grow(r->arena, to->items, to->n, to->n + 1, sizeof *to->items);
	to->items[to->n++] = *name_of(r, id, reason);
}

/* A date statement said once; `word` must be the expected one ("sent"). */
static bool check_word(struct reader *r, const struct node *n, const char *word, const char *stmt)
{
	if (n->b && strcmp(n->b->text, word) == 0)
		return true;
	diag_report(r->diag, D_SYNTAX, at(r, n->b ? n->b : n), "expected `%s %s DATE`", stmt, word);
	return false;
}

static bool once(struct reader *r, const struct node *n, bool *seen, const char *what)
{
	if (*seen) {
		diag_report(r->diag, D_DUPLICATE, at(r, n), "%s is recorded twice", what);
		return false;
	}
	*seen = true;
	return true;
}

static void read_attribute(struct reader *r, struct rec_motion *m, const struct node *a, unsigned i)
{
	struct attr *at_ = &m->attrs[i];
	at_->name = a->text;
	m->attr_at[i].name = (struct span){ a->span.start, a->span.start + (uint32_t)strlen(a->text) };
	m->attr_at[i].value = a->a ? a->a->span : (struct span){ a->span.end, a->span.end };
	for (unsigned k = 0; k < i; k++)
		if (strcmp(m->attrs[k].name, a->text) == 0)
			diag_report(r->diag, D_DUPLICATE, at(r, a), "attribute '%s' is given twice", a->text);
	if (!a->a) {
		at_->value = (struct value){ .type = VT_BOOL, .u.boolean = true };
		return;
	}
	switch (a->a->kind) {
	case N_NUMBER: /* its decimals kept as written: "amount 31000.50" */
		at_->value = (struct value){ .type = VT_NUM, .u.num = a->a->v.num,
		                             .places = (unsigned char)rat_places_written(a->a->text, strlen(a->a->text)) };
		break;
	case N_STRING: at_->value = (struct value){ .type = VT_STR, .u.str = a->a->text }; break;
	case N_DATE: at_->value = (struct value){ .type = VT_DATE, .u.date = a->a->v.date }; break;
	default: at_->value = (struct value){ .type = VT_BOOL, .u.boolean = a->a->v.boolean }; break;
	}
}

static void read_tally(struct reader *r, struct rec_motion *m, const struct node *n)
{
	const struct node *parts[3] = { n->a, n->b, n->c };
	m->tally_span = n->span;
	for (int i = 0; i < 3; i++) {
		if (!parts[i])
			continue;
		struct rat v = parts[i]->v.num;
		if (!rat_is_int(v) || v.num < 0 || v.num > 1000000) {
			diag_report(r->diag, D_TYPE, at(r, parts[i]), "a tally counts votes: a whole number from 0 to 1000000");
			m->has_tally = false;
			return;
		}
		m->tally[i] = v.num;
	}
	m->has_tally = true;
	m->tally_has_abstain = n->c != NULL;
}

/* The statements a motion may make at most once. */
enum motion_once {
	ONCE_TALLY, ONCE_CASTING, ONCE_RECORDED, ONCE_DECLARED, ONCE_NOTICE,
	ONCE_PRESIDING, ONCE_EXPECT, ONCE_VIRTUAL, ONCE_RATIFIES, ONCE_APPROVAL, ONCE__N
};

static void read_motion_item(struct reader *r, struct rec_motion *m, const struct node *it,
                             struct vote_vec *votes, bool seen[ONCE__N])
{
	switch (it->kind) {
	case N_INTEREST:
		add_reasoned(r, &m->interests, it->a, it->b);
		break;
	case N_VOTES:
		for (const struct node *id = it->a; id; id = id->next) {
			struct rec_vote v = { { id->text, id->span, NULL }, (enum vote_kind)it->op };
			VEC_PUSH(r->arena, *votes, v);
		}
		break;
	case N_TALLY:
		if (once(r, it, &seen[ONCE_TALLY], "the tally"))
			read_tally(r, m, it);
		break;
	case N_CONSENSUS_REC:
		m->consensus = true;
		m->consensus_span = it->span;
		break;
	case N_OBJECTION:
		add_reasoned(r, &m->objections, it->a, it->b);
		break;
	case N_CASTING_VOTE:
		if (it->op < 0 && (!it->b || strcmp(it->b->text, "declined") != 0)) {
			diag_report(r->diag, D_SYNTAX, at(r, it->b ? it->b : it),
			            "expected `casting for`, `casting against` or `casting declined`");
		} else if (once(r, it, &seen[ONCE_CASTING], "the casting vote")) {
			m->has_casting = it->op >= 0;
			m->casting_declined = it->op < 0;
			m->casting = it->op >= 0 ? (enum vote_kind)it->op : VOTE_FOR;
			m->casting_span = it->span;
		}
		break;
	case N_RECORDED:
		if (once(r, it, &seen[ONCE_RECORDED], "the outcome")) {
			m->recorded = (enum outcome)it->op;
			m->recorded_span = it->span;
		}
		break;
	case N_DECLARED:
		if (once(r, it, &seen[ONCE_DECLARED], "the declared result")) {
			m->declared = (enum outcome)it->op;
			m->declared_span = it->span;
		}
		break;
	case N_EXPECT:
		if (once(r, it, &seen[ONCE_EXPECT], "the expected outcome")) {
			m->expected = (enum outcome)it->op;
			m->expected_span = it->span;
		}
		break;
	case N_NOTICE_GIVEN:
		if (check_word(r, it, "given", "notice") && once(r, it, &seen[ONCE_NOTICE], "notice")) {
			m->has_notice_given = true;
			m->notice_given = it->a->v.date;
		}
		break;
	case N_VIRTUAL_ON:
		if (once(r, it, &seen[ONCE_VIRTUAL], "the date of a decision outside a meeting")) {
			m->is_virtual = true;
			m->virtual_on = it->a->v.date;
		}
		break;
	case N_RATIFIES:
		if (once(r, it, &seen[ONCE_RATIFIES], "what the motion ratifies")) {
			m->ratifies_meeting = it->a->text;
			m->ratifies_motion = it->text;
			m->ratifies_span = it->span;
		}
		break;
	case N_CHAIR:
		if (once(r, it, &seen[ONCE_PRESIDING], "who presides for this item"))
			m->presiding = name_of(r, it->a, NULL);
		break;
	case N_APPROVAL_REC:
		if (once(r, it, &seen[ONCE_APPROVAL], "the approval or refusal by another body")) {
			m->has_approval = true;
			m->approval_refused = it->op == 0;
			m->approval_body = it->a->text;
			m->approval_on = it->b->v.date;
			m->approval_span = it->span;
		}
		break;
	default:
		break;
	}
}

static struct rec_motion *read_motion(struct reader *r, const struct node *n, unsigned ordinal)
{
	struct rec_motion *m = arena_alloc(r->arena, sizeof *m);
	m->number = n->text ? n->text : arena_printf(r->arena, "%u", ordinal);
	m->title = n->a ? n->a->text : "";
	m->span = n->span;
	m->n_attrs = (unsigned)ast_list_len(n->b);
	m->attrs = arena_array(r->arena, m->n_attrs + 1, sizeof *m->attrs);
	m->attr_at = arena_array(r->arena, m->n_attrs + 1, sizeof *m->attr_at);
	unsigned i = 0;
	for (const struct node *a = n->b; a; a = a->next)
		read_attribute(r, m, a, i++);
	struct vote_vec votes = { 0 };
	bool seen[ONCE__N] = { false };
	for (const struct node *it = n->c; it; it = it->next)
		read_motion_item(r, m, it, &votes, seen);
	if (votes.n > MINUTES_MAX_NAMES) {
		diag_report(r->diag, D_LIMIT, at(r, n), "more than %d votes on one motion", MINUTES_MAX_NAMES);
		votes.n = MINUTES_MAX_NAMES;
	}
	m->votes = votes.items;
	m->n_votes = (unsigned)votes.n;
	return m;
}

/* `deputy foster for stocks` (eval checks it against the terms). */
static void read_deputy(struct reader *r, struct deputy_vec *to, const struct node *it)
{
	if (r->n_names + 2 > MINUTES_MAX_NAMES) {
		diag_report(r->diag, D_LIMIT, at(r, it), "more than %d names in one meeting record", MINUTES_MAX_NAMES);
		return;
	}
	r->n_names += 2;
	struct rec_deputy d = { { it->a->text, it->a->span, NULL }, { it->b->text, it->b->span, NULL } };
	VEC_PUSH(r->arena, *to, d);
}

static void read_item(struct reader *r, struct meeting *mt, const struct node *it,
                      struct step_vec *steps, struct deputy_vec *deputies, bool seen[5])
{
	struct rec_step step = { 0 };
	switch (it->kind) {
	case N_TERMS_REF:
		if (once(r, it, &seen[0], "the body (`terms`)")) {
			mt->terms_name = it->a->text;
			mt->terms_span = it->a->span;
		}
		break;
	case N_CHAIR:
		if (once(r, it, &seen[1], "the chair"))
			mt->chair = name_of(r, it->a, NULL);
		break;
	case N_PAPERS:
		if (check_word(r, it, "sent", "papers") && once(r, it, &seen[2], "when papers were sent")) {
			mt->has_papers = true;
			mt->papers_sent = it->a->v.date;
			mt->papers_span = it->span;
		}
		break;
	case N_MINUTES:
		if (strcmp(it->b->text, "amended") == 0) {
			if (once(r, it, &seen[4], "when the minutes were last amended")) {
				mt->has_amended = true;
				mt->minutes_amended = it->a->v.date;
				mt->amended_span = it->span;
			}
		} else if (strcmp(it->b->text, "circulated") != 0) {
			struct spell sp;
			spell_init(&sp, it->b->text);
			spell_offer(&sp, "circulated");
			spell_offer(&sp, "amended");
			struct diag *d = diag_report(r->diag, D_SYNTAX, at(r, it->b), "expected `minutes circulated DATE` or "
			                             "`minutes amended DATE`%s%s%s", sp.best ? "; did you mean '" : "",
			                             sp.best ? sp.best : "", sp.best ? "'?" : "");
			if (sp.best)
				diag_fixit(r->diag, d, at(r, it->b), sp.best);
		} else if (once(r, it, &seen[3], "when minutes were circulated")) {
			mt->has_minutes = true;
			mt->minutes_circulated = it->a->v.date;
			mt->minutes_span = it->span;
		}
		break;
	case N_DEPUTY_FOR:
		read_deputy(r, deputies, it);
		break;
	case N_PRESENT: add_names(r, &mt->present, it->a); break;
	case N_APOLOGIES: add_names(r, &mt->apologies, it->a); break;
	case N_ATTENDING: add_names(r, &mt->attending, it->a); break;
	case N_ARRIVES:
	case N_LEAVES:
		step.kind = it->kind == N_ARRIVES ? STEP_ARRIVES : STEP_LEAVES;
		add_names(r, &step.names, it->a);
		VEC_PUSH(r->arena, *steps, step);
		break;
	case N_MOTION:
		if (mt->n_motions == MINUTES_MAX_MOTIONS) {
			diag_report(r->diag, D_LIMIT, at(r, it), "more than %d motions in one meeting", MINUTES_MAX_MOTIONS);
			break;
		}
		step.kind = STEP_MOTION;
		step.motion = read_motion(r, it, ++mt->n_motions);
		VEC_PUSH(r->arena, *steps, step);
		break;
	default:
		break;
	}
}

struct meeting *minutes_from_items(struct arena *a, struct diag_sink *diag, const struct source *src,
                                   const char *title, qdate date, struct span span,
                                   const struct node *items)
{
	struct reader r = { a, diag, src, 0 };
	struct meeting *mt = arena_alloc(a, sizeof *mt);
	mt->title = title;
	mt->date = date;
	mt->span = span;
	mt->src = src;
	struct step_vec steps = { 0 };
	struct deputy_vec deputies = { 0 };
	bool seen[5] = { false };
	for (const struct node *it = items; it; it = it->next)
		read_item(&r, mt, it, &steps, &deputies, seen);
	mt->steps = steps.items;
	mt->n_steps = (unsigned)steps.n;
	mt->deputies = deputies.items;
	mt->n_deputies = (unsigned)deputies.n;
	return mt;
}

struct meeting *minutes_from_ast(struct arena *a, struct diag_sink *diag,
                                 const struct node *n, const struct source *src)
{
	return minutes_from_items(a, diag, src, n->a->text, n->b->v.date, n->span, n->c);
}

bool meeting_is_virtual_only(const struct meeting *m)
{
	unsigned virtual = 0;
	for (unsigned i = 0; i < m->n_steps; i++)
		if (m->steps[i].kind == STEP_MOTION)
			virtual += m->steps[i].motion->is_virtual;
	return m->n_motions > 0 && virtual == m->n_motions;
}

/* ---- the model written out (minutes_dump) ----------------------------------- */

static void dump_span(struct sbuf *out, struct span sp)
{
	sbuf_addf(out, "[%u,%u)", sp.start, sp.end);
}

static void dump_text(struct sbuf *out, const char *what, const char *text)
{
	if (text)
		sbuf_addf(out, " %s=\"%s\"", what, text);
	else
		sbuf_addf(out, " %s=-", what);
}

static void dump_name(struct sbuf *out, const char *what, const struct rec_name *n)
{
	if (!n) {
		sbuf_addf(out, " %s=-", what);
		return;
	}
	sbuf_addf(out, " %s=%s", what, n->id);
	dump_span(out, n->span);
	if (n->reason)
		sbuf_addf(out, "(\"%s\")", n->reason);
}

static void dump_names(struct sbuf *out, const char *what, struct rec_names names)
{
	sbuf_addf(out, "  %s %u:", what, names.n);
	for (unsigned i = 0; i < names.n; i++)
		dump_name(out, "", &names.items[i]);
	sbuf_add(out, "\n");
}

static void dump_value(struct sbuf *out, const struct value *v)
{
	sbuf_addf(out, "{type %d base %d places %u ", (int)v->type, (int)v->empty_base, (unsigned)v->places);
	switch (v->type) {
	case VT_NUM: sbuf_addf(out, "%lld/%lld}", (long long)v->u.num.num, (long long)v->u.num.den); break;
	case VT_STR: sbuf_addf(out, "\"%s\"}", v->u.str); break;
	case VT_DATE: sbuf_addf(out, "%ld}", (long)v->u.date); break;
	default: sbuf_addf(out, "%d}", (int)v->u.boolean); break;
	}
}

static void dump_motion(struct sbuf *out, const struct rec_motion *m)
{
	sbuf_add(out, "  motion");
	dump_text(out, "number", m->number);
	dump_text(out, "title", m->title);
	dump_span(out, m->span);
	sbuf_addf(out, "\n   attrs %u:", m->n_attrs);
	for (unsigned i = 0; i < m->n_attrs; i++) {
		sbuf_addf(out, " %s=", m->attrs[i].name);
		dump_value(out, &m->attrs[i].value);
		if (m->attr_at) {
			dump_span(out, m->attr_at[i].name);
			dump_span(out, m->attr_at[i].value);
		}
	}
	sbuf_add(out, "\n ");
	dump_names(out, "interests", m->interests);
	sbuf_addf(out, "   votes %u:", m->n_votes);
	for (unsigned i = 0; i < m->n_votes; i++) {
		dump_name(out, "", &m->votes[i].who);
		sbuf_addf(out, "/%d", (int)m->votes[i].kind);
	}
	sbuf_addf(out, "\n   tally %d %d %lld %lld %lld", (int)m->has_tally, (int)m->tally_has_abstain,
	          (long long)m->tally[0], (long long)m->tally[1], (long long)m->tally[2]);
	dump_span(out, m->tally_span);
	sbuf_addf(out, " consensus %d", (int)m->consensus);
	dump_span(out, m->consensus_span);
	sbuf_add(out, "\n ");
	dump_names(out, "objections", m->objections);
	sbuf_addf(out, "   casting %d %d %d", (int)m->has_casting, (int)m->casting, (int)m->casting_declined);
	dump_span(out, m->casting_span);
	sbuf_addf(out, " outcomes %d %d %d", (int)m->recorded, (int)m->declared, (int)m->expected);
	dump_span(out, m->recorded_span);
	dump_span(out, m->declared_span);
	dump_span(out, m->expected_span);
	sbuf_addf(out, "\n   notice %d %ld virtual %d %ld", (int)m->has_notice_given, (long)m->notice_given,
	          (int)m->is_virtual, (long)m->virtual_on);
	dump_text(out, "ratifies", m->ratifies_meeting);
	dump_text(out, "motion", m->ratifies_motion);
	dump_span(out, m->ratifies_span);
	dump_name(out, "presiding", m->presiding);
	sbuf_addf(out, "\n   approval %d %d", (int)m->has_approval, (int)m->approval_refused);
	dump_text(out, "body", m->approval_body);
	sbuf_addf(out, " %ld", (long)m->approval_on);
	dump_span(out, m->approval_span);
	sbuf_add(out, "\n");
}

static void dump_loc(struct sbuf *out, const struct loc *l)
{
	if (!l->src) {
		sbuf_add(out, " -");
		return;
	}
	unsigned line, col;
	source_position(l->src, l->start, &line, &col);
	sbuf_addf(out, " %s:%u:%u[%u,%u)", l->src->name, line, col, l->start, l->end);
}

void minutes_dump_diags(struct sbuf *out, const struct diag_sink *diag, size_t first)
{
	for (size_t i = first; i < diag->items.n; i++) {
		const struct diag *d = &diag->items.items[i];
		sbuf_addf(out, "diag %s %s", diag_code_name(d->code), diag_severity_name(d->sev));
		dump_loc(out, &d->loc);
		sbuf_addf(out, " %s\n", d->msg);
		for (const struct diag_note *n = d->notes; n; n = n->next) {
			sbuf_add(out, "  note");
			dump_loc(out, &n->loc);
			sbuf_addf(out, " %s\n", n->msg);
		}
		if (d->fixit) {
			sbuf_add(out, "  fixit");
			dump_loc(out, &d->fixit->loc);
			sbuf_addf(out, " '%s'\n", d->fixit->text);
		}
	}
	sbuf_addf(out, "errors %u warnings %u\n", diag->n_errors, diag->n_warnings);
}

void minutes_dump(struct sbuf *out, const struct meeting *m)
{
	sbuf_add(out, "meeting");
	dump_text(out, "title", m->title);
	sbuf_addf(out, " date %ld", (long)m->date);
	dump_span(out, m->span);
	sbuf_addf(out, " src %s", m->src ? m->src->name : "-");
	dump_text(out, "terms", m->terms_name);
	dump_span(out, m->terms_span);
	dump_name(out, "chair", m->chair);
	sbuf_addf(out, "\n  papers %d %ld", (int)m->has_papers, (long)m->papers_sent);
	dump_span(out, m->papers_span);
	sbuf_addf(out, " minutes %d %ld", (int)m->has_minutes, (long)m->minutes_circulated);
	dump_span(out, m->minutes_span);
	sbuf_addf(out, " amended %d %ld", (int)m->has_amended, (long)m->minutes_amended);
	dump_span(out, m->amended_span);
	sbuf_add(out, "\n");
	dump_names(out, "present", m->present);
	dump_names(out, "apologies", m->apologies);
	dump_names(out, "attending", m->attending);
	sbuf_addf(out, "  deputies %u:", m->n_deputies);
	for (unsigned i = 0; i < m->n_deputies; i++) {
		dump_name(out, "", &m->deputies[i].deputy);
		dump_name(out, "for", &m->deputies[i].principal);
	}
	sbuf_addf(out, "\n  steps %u motions %u\n", m->n_steps, m->n_motions);
	for (unsigned i = 0; i < m->n_steps; i++) {
		const struct rec_step *s = &m->steps[i];
		if (s->kind == STEP_MOTION)
			dump_motion(out, s->motion);
		else
			dump_names(out, s->kind == STEP_ARRIVES ? "arrives" : "leaves", s->names);
	}
}

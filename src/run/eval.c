/*
** eval: judging one meeting record against one version of the terms.
** See eval.h; the rules implemented here and in decide.c are documented,
** row by row, in docs/semantics.md (the "Semantics that must be exact" table).
*/
#include "run/eval.h"

#include <limits.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/sbuf.h"
#include "base/sort.h"
#include "base/spell.h"
#include "run/attr_guess.h"
#include "run/decide.h"
#include "run/english.h"
#include "run/seats.h"
#include "run/working.h"

/* ==== the findings table ===================================================== */

struct finding_info {
	const char *code;
	enum finding_severity sev;
	const char *desc;
};

static const struct finding_info finding_table[F__COUNT] = {
#define FINDING(id, code, sev, desc) [id] = { code, SEV_##sev, desc },
#include "run/findings.def"
#undef FINDING
};

const char *finding_code_name(enum finding_code c) { return finding_table[c].code; }
const char *finding_description(enum finding_code c) { return finding_table[c].desc; }
enum finding_severity finding_default_severity(enum finding_code c) { return finding_table[c].sev; }

const char *finding_severity_name(enum finding_severity s)
{
	static const char *const names[] = { "note", "warning", "breach", "error" };
	return names[s];
}

void finding_codes_by_severity(enum finding_code out[F__COUNT])
{
	unsigned n = 0;
	for (int sev = SEV_ERROR; sev >= SEV_NOTE; sev--)
		for (unsigned c = 0; c < F__COUNT; c++)
			if (finding_table[c].sev == (enum finding_severity)sev)
				out[n++] = (enum finding_code)c;
}

/* ==== evaluation state ======================================================== */

/*
** A name in the record that the roster does not have (a misspelt member, or
** someone who is not one): reported once, where first met, and followed
** through the meeting (present or not), so that each motion whose counts it
** could change is judged under every person it could be
** (docs/semantics.md#names-the-roster-does-not-have).
*/
struct unplaced {
	const char *id;
	bool present;       /* named in the attendance and not recorded as leaving */
};
struct unplaced_list { struct unplaced *items; size_t n, cap; };
struct alias { const char *id; int member; };

/* The most such names followed through a meeting, and judged at once for
** one motion; past them a motion they touch is undetermined. */
enum { UNPLACED_MAX = 64, UNPLACED_MAX_AT_ONCE = 4, UNPLACED_MAX_READINGS = 4096 };

/* Names remembered by member_index (a meeting's names, with few sharing a
** slot: each one that does is looked up again and again); rules' texts
** remembered by rule_text. */
enum { MEMO_BITS = 8, MEMO_SLOTS = 1 << MEMO_BITS, RULE_TEXT_BITS = 4, RULE_TEXT_SLOTS = 1 << RULE_TEXT_BITS };
/* Requirements' results on the memo's kept comparisons (req_prepared);
** findings' messages kept by a plan (struct kept_message). */
enum { REQ_PREPARED_BITS = 9, REQ_PREPARED_PROBES = 4, KEPT_MESSAGE_BITS = 8, KEPT_MESSAGE_PROBES = 4 };

/* Where each roster member stands at the current point of the meeting. */
struct person {
	bool present;
	bool attended;      /* present at some point of the meeting so far */
	bool listed;        /* named in present/apologies/attending (for "listed twice") */
	bool listed_again;  /* ... and said so: once, however many times more */
	bool at_start;      /* named in present or attending */
	bool apologies;     /* named in apologies */
	bool left;          /* left at some point */
};

/* See eval.h.  Names a record's reader interned are the same address at
** every meeting of a file, so a plan's memo saves the roster's hash lookup
** at each meeting (PLAN_MEMO_SLOTS names, by address). */
enum { PLAN_MEMO_BITS = 8, PLAN_MEMO_SLOTS = 1 << PLAN_MEMO_BITS };

/* A name's roster index remembered for one meeting: valid while stamp is
** the evaluator's (a plan's table serves each of its meetings in turn, and
** is not cleared between them: the stamp moves on).  Meetings whose names
** are lasting (struct meeting) all have the one stamp NAME_STAMP_LASTING:
** their slots serve every such meeting after. */
struct name_slot {
	const char *id;
	int member;
	unsigned stamp;
};
#define NAME_STAMP_LASTING UINT_MAX

/* A rule's text as written, remembered by requirement. */
struct rule_text { const struct requirement *req; const char *text; };

/*
** A requirement's result as req_result_of makes it from the memo's kept
** comparisons (struct trace_kept: never replaced while the plan lives):
** the same for every motion where the requirement meets the same counts,
** so it is copied, not made again.  Everything it points at lasts as long
** as the plan (the rule's text is the plan's), its counts too: a copy of
** those of the motion that made it, the same in every count the rule
** reads (the memo's key), which are all its working shows.  A slot once
** taken is never given to another, so a class's one rule is not even
** copied: the motion points at it (rules_findings).
*/
struct req_prepared {
	const struct trace_kept *kept;       /* NULL: an empty slot */
	const struct requirement *req;
	const char *clause;
	struct req_result res;               /* res.counts: counts */
	_Alignas(struct counts) unsigned char counts[offsetof(struct counts, present_by_mask)]; /* n[] only (terms
	                                        without role lists: counts_new's size) */
};

/* A finding's message made from a format and inputs that its keys say in
** full (add_finding_kept): the same text for every finding with the same
** ones, made once a plan.  A slot once taken is never given to another
** (findings point at its text), so at most the table's size of them. */
struct kept_message {
	const char *fmt;                     /* NULL: an empty slot */
	uint64_t key[3];
	const char *text;                    /* in the plan's arena */
};

/* A quorum decided on some counts, where findings are only counted
** (quorum_remember): the verdict, and which requirements were not met. */
struct quorum_seen {
	bool used;
	int64_t n[COUNT__N];                 /* the quorum's counts (terms that read no role list) */
	enum quorum_state verdict;           /* QUORUM_MET or QUORUM_NOT_MET */
	uint64_t unmet;
	bool quorate;
};
enum { QUORUM_SEEN_BITS = 4 };

/* A lasting name (NAME_STAMP_LASTING) of a member, and the member's bit
** (1 << roster index, at most 64 members). */
struct vote_bit {
	const char *id;
	uint64_t bit;
};

struct judge_plan {
	struct arena *arena;
	const struct terms *t;
	const struct attr_read *attr_read;   /* built when a motion first has attributes */
	struct alias memo[PLAN_MEMO_SLOTS];  /* members only (their id checks the name) */
	struct name_slot names[MEMO_SLOTS];  /* the evaluator's memo, for each meeting in turn */
	unsigned stamp;                      /* of the meeting judged last */
	struct rule_text rule_text[RULE_TEXT_SLOTS]; /* in arena, once (a slot taken is never replaced) */
	/* who is on the roster and votes, the same for every date from
	** roster_from to roster_until (made at the first meeting between) */
	bool roster_known;
	qdate roster_from, roster_until;
	bool *on_roster, *active, *own_voter;  /* by member index */
	uint64_t active_bits, own_voter_bits, attendee_bits; /* the same by bits (roster_bits) */
	int64_t members;
	struct expr_memo *conditions;        /* requirements evaluated, by the counts they read */
	bool counts_only;                    /* judge_plan_counts_only */
	struct decision_detail detail;       /* decide's room for the requirements, for one meeting at a time */
	struct seats seats;                  /* room for who sits where, for one meeting at a time */
	struct quorum_seen quorum_seen[1 << QUORUM_SEEN_BITS]; /* counts_only: quorums decided, by their counts */
	struct vote_bit vote_bits[MEMO_SLOTS]; /* lasting names: a member's bit (count_plain_votes) */
	struct req_prepared *prepared;       /* 1 << REQ_PREPARED_BITS, by kept comparisons; made when a report
	                                        first needs one */
	struct kept_message *messages;       /* 1 << KEPT_MESSAGE_BITS (add_finding_kept); the same */
	struct req_result *seen_results;     /* a report's: n_quorum results for each quorum_seen slot; the same */
	const char *papers_within, *minutes_within; /* the terms' notice periods in words (notice_period) */
};

struct judge_plan *judge_plan_new(struct arena *a, const struct terms *t)
{
	struct judge_plan *p = arena_alloc(a, sizeof *p);
	p->arena = a;
	p->t = t;
	p->conditions = expr_memo_new(a);
	return p;
}

void judge_plan_counts_only(struct judge_plan *p)
{
	p->counts_only = true;
}

/* The counts of the room in one stretch of the meeting (struct evaluator). */
struct room {
	struct counts quorum, votes; /* as quorum_counts and vote_counts_for_rules make them */
	bool everyone;               /* everyone_counted, where the quorum is to be agreed */
	bool kept;                   /* a motion's quorum result points at quorum: never changed again */
	/* the quorum on these counts, once a plain motion has had it decided
	** and every requirement evaluated (the same at every plain motion of
	** the stretch: quorum_findings shares the results) */
	bool has_quorum;
	enum quorum_state verdict;
	struct req_result *quorum_results;
	uint64_t unmet;              /* bit i: quorum requirement i not met (counts_only keeps no quorum_results) */
	bool quorate;
};

struct evaluator {
	struct arena *arena;
	const struct terms *t;
	const struct attr_read *attr_read; /* what the terms read of a motion (built when a motion has attributes) */
	struct judge_plan *plan;    /* what is known of the terms from earlier meetings (NULL: nothing) */
	const struct meeting *m;
	struct meeting_result *res;
	struct person *people;      /* by member index */
	bool *active;               /* on the roster on the meeting date and voting */
	bool *own_voter;            /* active and no deputy: votes in their own seat when present */
	bool *on_roster;            /* on the roster on the meeting date, voting or not */
	struct finding_list *sink;  /* where findings go now (motion or meeting) */
	struct decision_detail *detail; /* room for the requirements of one motion, reused (the plan's, or the meeting's) */
	bool outside_meeting;       /* the current motion was decided virtually */
	/* by member index, for one motion at a time: allocated once per
	** meeting and cleared for each motion, so memory does not grow with
	** motions times members */
	bool *conflicted, *deemed;
	bool *named;                /* scratch: members named in a motion's votes or as its chair (names the roster does not have) */
	bool *repeat_said;          /* a member's repeated votes are reported (once) */
	int *voted;                 /* the vote counted, VOTED_NONE, or VOTED_VOID (reported) */
	unsigned *mentions;         /* times named in the votes << 3 | the kinds (1 << vote_kind) */
	unsigned *vote_seen;        /* by member: the vote_round in which voted, mentions and repeat_said were cleared */
	unsigned vote_round;        /* counts the motions whose votes are read */
	int *vote_member;           /* by vote of the current motion: member_index of its name (the most votes of any motion) */
	bool *voted_own;            /* named in the motion's votes (for names the roster does not have) */
	struct unplaced_list unplaced; /* names the roster does not have, each reported once */
	bool unplaced_overflow;     /* more than UNPLACED_MAX of them */
	bool counts_only;           /* findings are counted, never read: no message or fix-it (judge_plan_counts_only) */
	bool quiet;                 /* findings are not kept (another reading of the record or the terms tried) ... */
	struct finding unsaid;      /* ... and go here */
	struct finding *kept_found;       /* add_finding_kept: the finding said with a kept message ... */
	struct kept_message *kept_slot;   /* ... or the slot for the one it makes (NULL: none) */
	struct alias alias[UNPLACED_MAX_AT_ONCE]; /* while judging a motion as if each were a member */
	struct name_slot *memo;     /* MEMO_SLOTS: the roster's index of a name, by the name's address (a
	                               record's reader interns names, so a name met again is the same
	                               pointer); a slot counts when its stamp is memo_stamp */
	unsigned memo_stamp;
	struct rule_text *rule_text; /* RULE_TEXT_SLOTS: the rule as written, by requirement (the plan's, or
	                                made once a meeting) */
	bool rule_text_kept;        /* rule_text is the plan's: a slot once taken is kept */
	unsigned n_alias;
	/* deputies (docs/semantics.md#deputies): who sits in each seat at the
	** current motion, from who is here, who holds a seat for an interest,
	** whom the record says each deputy stands for, and the choice tried */
	struct seats seats;
	bool *here, *holds_seat;
	int *stated;                /* by member index: `deputy X for P` in the record, or -1 */
	const unsigned *choice;     /* for deputies with a choice (NULL: the first) */
	/* The room between arrivals and departures: at a motion nobody declared
	** an interest in, without deputies, the seats and counts depend only on
	** who is present, so they are made once for each stretch of the meeting
	** between two steps (docs/performance.md) and copied at each motion. */
	unsigned room_epoch;        /* bumped whenever someone arrives or leaves */
	/* The same by bits, bit i for member i, where the roster has at most
	** 64 members (bits_known): what a plain motion's votes and room are
	** counted from (voters_here, room_counts_plain) */
	bool bits_known;
	uint64_t present_bits;      /* people[i].present, kept with it */
	uint64_t own_voter_bits;    /* own_voter */
	uint64_t active_bits;       /* active */
	uint64_t attendee_bits;     /* on the roster without a vote (count_attendees; no deputies: none sits for another) */
	unsigned seats_epoch;       /* ev->seats are those of this epoch with no interests (0: not known) */
	unsigned room_counted;      /* room->quorum and room->votes are of this epoch (0: none) */
	struct room *room;
	bool marks_set;             /* conflicted, deemed or holds_seat may hold a mark from an earlier motion */
	bool recount;               /* no room carried between motions (eval_meeting_recounted) */
	bool not_in_force;          /* the meeting is dated before the terms took effect: nothing is decided */
	bool virtual_only;          /* every motion decided outside a meeting (meeting_is_virtual_only) */
	bool as_if_in_force;        /* ... unless asked what they would have decided (diff's past decisions) */
};

/* Present at the current motion?  A decision outside a meeting is put to
** every member (docs/semantics.md#decisions-outside-meetings). */
static bool is_present(const struct evaluator *ev, unsigned i)
{
	return ev->outside_meeting || ev->people[i].present;
}

/* Who is in voting member i's seat at the current motion (i, a deputy, or
** -1), and is that person in the room. */
static int occupant(const struct evaluator *ev, unsigned i)
{
	return ev->seats.occupant[i];
}

static bool seat_here(const struct evaluator *ev, unsigned i)
{
	int o = occupant(ev, i);
	return o >= 0 && is_present(ev, (unsigned)o);
}

/* Votes at the current motion: a voting member, or a deputy in a seat. */
static bool has_vote(const struct evaluator *ev, int i)
{
	return i >= 0 && (ev->active[i] || ev->seats.sits_for[i] >= 0);
}

/* "foster (deputy for stocks)" for a deputy in a seat, else the id. */
static const char *who(struct evaluator *ev, int i, const char *id)
{
	if (i < 0 || ev->seats.sits_for[i] < 0)
		return id;
	return arena_printf(ev->arena, "%s (deputy for %s)", id, ev->t->members[ev->seats.sits_for[i]].id);
}

static struct loc rec_loc(struct evaluator *ev, struct span sp)
{
	return loc_of(ev->m->src, sp);
}

/* A finding without its message ("" when the report shows none). */
static struct finding *add_finding_bare(struct evaluator *ev, enum finding_code code, const char *clause,
                                        struct span where)
{
	if (ev->quiet) { /* a reading of the record tried and set aside: nothing said */
		memset(&ev->unsaid, 0, sizeof ev->unsaid);
		ev->unsaid.message = "";
		return &ev->unsaid;
	}
	struct finding *f = arena_alloc(ev->arena, sizeof *f);
	f->code = code;
	f->sev = finding_table[code].sev;
	f->clause = clause;
	f->where = rec_loc(ev, where);
	f->message = "";
	struct finding_list *l = ev->sink;
	if (l->last)
		l->last->next = f;
	else
		l->first = f;
	l->last = f;
	l->n++;
	ev->res->count_by_sev[f->sev]++;
	if (code == F_MISMATCH)
		ev->res->mismatches++;
	return f;
}

static struct finding *add_finding_text(struct evaluator *ev, enum finding_code code, const char *clause,
                                        struct span where, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

static struct finding *add_finding_text(struct evaluator *ev, enum finding_code code, const char *clause,
                                        struct span where, const char *fmt, ...)
{
	struct finding *f = add_finding_bare(ev, code, clause, where);
	if (ev->quiet)
		return f;
	va_list ap;
	va_start(ap, fmt);
	f->message = arena_vprintf(ev->arena, fmt, ap);
	va_end(ap);
	return f;
}

/*
** A finding, with its message when a report shows it.  A macro, so that
** where no message is written (replay --summary counts findings by code:
** judge_plan_counts_only) the arguments that make its text (dates, the
** working of a rule, a nearest name) are not even computed: formatting was
** a tenth of judging a motion.  Every argument is free of side effects.
*/
#define add_finding(ev, code, clause, where, ...)                                         \
	((ev)->counts_only ? add_finding_bare((ev), (code), (clause), (where))               \
	                   : add_finding_text((ev), (code), (clause), (where), __VA_ARGS__))

/* The plan's slot holding the message of fmt on key, or the empty one it
** would take; NULL where there is none (no plan, or the probes all taken
** by others). */
static struct kept_message *kept_message_slot(struct evaluator *ev, const char *fmt, const uint64_t key[3])
{
	struct judge_plan *p = ev->plan;
	if (!p)
		return NULL;
	if (!p->messages) /* not under --summary, which has no messages */
		p->messages = arena_array(p->arena, 1u << KEPT_MESSAGE_BITS, sizeof *p->messages);
	uint64_t h = ((uint64_t)(uintptr_t)fmt ^ key[0] * 0x9E3779B97F4A7C15u ^ key[1] * 0xC2B2AE3D27D4EB4Fu ^
	              key[2] * 0x165667B19E3779F9u) * 0x9E3779B97F4A7C15u;
	for (unsigned i = 0; i < KEPT_MESSAGE_PROBES; i++) {
		struct kept_message *slot = &p->messages[((h >> 40) + i) & ((1u << KEPT_MESSAGE_BITS) - 1)];
		if (!slot->fmt ||
		    (slot->fmt == fmt && slot->key[0] == key[0] && slot->key[1] == key[1] && slot->key[2] == key[2]))
			return slot;
	}
	return NULL;
}

/* The finding, said (ev->kept_found) with the plan's message of fmt on
** key where it has one (true); false where the message is to be made
** (add_finding_made, into ev->kept_slot if not NULL). */
static bool add_finding_found(struct evaluator *ev, bool keep, enum finding_code code, const char *clause,
                              struct span where, const uint64_t key[3], const char *fmt)
{
	if (ev->quiet) { /* nothing said: no message */
		ev->kept_found = add_finding_bare(ev, code, clause, where);
		return true;
	}
	struct kept_message *slot = keep ? kept_message_slot(ev, fmt, key) : NULL;
	if (slot && slot->fmt) {
		ev->kept_found = add_finding_bare(ev, code, clause, where);
		ev->kept_found->message = slot->text;
		return true;
	}
	ev->kept_slot = slot;
	return false;
}

static struct finding *add_finding_made(struct evaluator *ev, enum finding_code code, const char *clause,
                                        struct span where, const uint64_t key[3], const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));

static struct finding *add_finding_made(struct evaluator *ev, enum finding_code code, const char *clause,
                                        struct span where, const uint64_t key[3], const char *fmt, ...)
{
	struct finding *f = add_finding_bare(ev, code, clause, where);
	struct kept_message *slot = ev->kept_slot;
	va_list ap;
	va_start(ap, fmt);
	f->message = arena_vprintf(slot ? ev->plan->arena : ev->arena, fmt, ap);
	va_end(ap);
	if (slot)
		*slot = (struct kept_message){ fmt, { key[0], key[1], key[2] }, f->message };
	return f;
}

/*
** add_finding for a message whose every input is one of the three keys
** k0..k2 (numbers, or the address of a text that lasts as long as the
** plan and is never changed: an outcome's name, a kept working): made once
** a plan and shared by every finding with the same format and keys
** (struct kept_message), not formatted again at each (a replay reports
** the same few ties, mismatches and inquorate rooms again and again): the
** arguments after the format are computed only where it is made.
*/
#define KEPT_KEY(k0, k1, k2) ((const uint64_t[3]){ (uint64_t)(k0), (uint64_t)(k1), (uint64_t)(k2) })
#define add_finding_kept_if(ev, keep, code, clause, where, k0, k1, k2, fmt, ...)                               \
	((ev)->counts_only ? add_finding_bare((ev), (code), (clause), (where))                                   \
	 : add_finding_found((ev), (keep), (code), (clause), (where), KEPT_KEY(k0, k1, k2), (fmt)) ? (ev)->kept_found \
	 : add_finding_made((ev), (code), (clause), (where), KEPT_KEY(k0, k1, k2), fmt, __VA_ARGS__))
#define add_finding_kept(ev, ...) add_finding_kept_if((ev), true, __VA_ARGS__)

static void cite_rule(struct finding *f, const struct source *src, const struct node *n)
{
	if (f && n)
		f->rule = loc_of(src, n->span);
}

static const char *fmt_date(struct evaluator *ev, qdate d)
{
	char buf[DATE_FMT_MAX];
	return arena_strdup(ev->arena, date_format(d, buf));
}

static const char *source_text(struct arena *a, const struct source *src, const struct node *n)
{
	return n ? source_excerpt(a, src, n->span) : "";
}

/* ==== requirements ============================================================ */

static void report_eval_failure(struct evaluator *ev, enum expr_status st, const struct expr *fault,
                                const struct requirement *rq, const char *clause, struct span where)
{
	const char *text = source_text(ev->arena, fault->file, fault->src);
	struct finding *f;
	if (st == EXPR_MISSING_ATTR)
		f = add_finding(ev, F_ATTR_MISSING, clause, where,
		                "the rule needs motion.%s, which the record does not give for this motion", fault->attr);
	else
		f = add_finding(ev, F_RULE_ERROR, clause, where, "cannot evaluate '%s': %s", text,
		                st == EXPR_TYPE ? "a value of the wrong kind" :
		                st == EXPR_DIV_ZERO ? "division by zero" : "a number out of range");
	cite_rule(f, rq->src, rq->decl);
}

static struct rule_text *rule_text_slot(struct rule_text *table, const struct requirement *rq)
{
	return &table[(uint32_t)((uintptr_t)rq * 2654435761u) >> (32 - RULE_TEXT_BITS)];
}

/* The rule as written (its condition's text in the terms); *lasting: the
** text is the plan's (made for the meeting otherwise). */
static const char *rule_text(struct evaluator *ev, const struct requirement *rq, bool *lasting)
{
	struct rule_text *slot = rule_text_slot(ev->rule_text, rq);
	*lasting = ev->rule_text_kept;
	if (slot->req == rq)
		return slot->text;
	if (!ev->rule_text_kept) {
		*slot = (struct rule_text){ rq, source_text(ev->arena, rq->src, rq->decl->a) };
		return slot->text;
	}
	if (slot->req) { /* the plan's slot holds another rule: this one is made for the meeting */
		*lasting = false;
		return source_text(ev->arena, rq->src, rq->decl->a);
	}
	*slot = (struct rule_text){ rq, source_text(ev->plan->arena, rq->src, rq->decl->a) };
	return slot->text;
}

/* The plan's slot holding requirement rq's result on kept comparisons, or
** the empty one it would take (->kept NULL); NULL where there is none (no
** table yet, or the probes all taken by others). */
static struct req_prepared *req_prepared_slot(struct judge_plan *p, const struct trace_kept *kept,
                                              const struct requirement *rq, const char *clause)
{
	if (!p->prepared)
		return NULL;
	uint32_t h = (uint32_t)((uintptr_t)kept * 2654435761u) >> (32 - REQ_PREPARED_BITS);
	for (unsigned i = 0; i < REQ_PREPARED_PROBES; i++) {
		struct req_prepared *slot = &p->prepared[(h + i) & ((1u << REQ_PREPARED_BITS) - 1)];
		if (!slot->kept || (slot->kept == kept && slot->req == rq && slot->clause == clause))
			return slot;
	}
	return NULL;
}

/* The prepared result of rq on rc's kept comparisons, if the plan has it
** (req_prepared_slot's probes, to the first empty slot). */
static inline struct req_prepared *req_prepared(const struct evaluator *ev, const struct requirement *rq,
                                                const char *clause, const struct req_check *rc)
{
	const struct trace_kept *kept = rc->kept; /* kept: evaluated (EXPR_OK) */
	if (!kept || !ev->plan || !ev->plan->prepared)
		return NULL;
	uint32_t h = (uint32_t)((uintptr_t)kept * 2654435761u) >> (32 - REQ_PREPARED_BITS);
	for (unsigned i = 0; i < REQ_PREPARED_PROBES; i++) {
		struct req_prepared *slot = &ev->plan->prepared[(h + i) & ((1u << REQ_PREPARED_BITS) - 1)];
		if (slot->kept == kept && slot->req == rq && slot->clause == clause)
			return slot;
		if (!slot->kept)
			break;
	}
	return NULL;
}

/* req_result_of but where an earlier motion prepared the result: made
** here, and prepared for the next where it can be. */
static bool __attribute__((noinline)) req_result_made(struct evaluator *ev, const struct requirement *rq,
                                                      const char *clause, const struct req_check *rc,
                                                      const struct counts *c, struct span where,
                                                      struct req_result *out)
{
	const struct trace *tr = &rc->trace;
	memset(out, 0, sizeof *out);
	out->req = rq;
	out->clause = clause;
	bool lasting;
	out->text = rule_text(ev, rq, &lasting);
	if (rc->status != EXPR_OK) {
		out->failed = true;
		report_eval_failure(ev, rc->status, rc->fault, rq, clause, where);
		return false;
	}
	out->met = rc->met;
	out->negated = rq->cond->kind == EX_UNARY && rq->cond->op == OP_NOT;
	out->counts = c;
	struct trace_need need;
	if (rc->kept) {
		/* the memo's, kept as long as the plan: shared, not copied */
		out->steps = rc->kept->steps;
		out->n_steps = rc->kept->n;
		out->steps_kept = true;
		need = rc->kept->need;
	} else {
		/* the trace is decide's, reused at the next motion: keep a copy
		** (the working is built from it only if a report shows it) */
		if (tr->n) {
			struct trace_step *steps = arena_alloc_uninit(ev->arena, tr->n * sizeof *steps);
			memcpy(steps, tr->steps, tr->n * sizeof *steps);
			out->steps = steps;
		}
		out->n_steps = tr->n;
		out->truncated = tr->truncated;
		trace_steps_needed(tr->steps, tr->n, &need);
	}
	out->has_needed = need.has;
	if (need.has) {
		out->needed = need.needed;
		out->have = need.have;
		out->needed_of = need.of;
	}
	if (rc->kept && ev->plan && lasting && ev->t->n_masks == 0) {
		struct judge_plan *p = ev->plan;
		if (!p->prepared) /* the plan's first: its table made (not under --summary, which has none) */
			p->prepared = arena_array(p->arena, 1u << REQ_PREPARED_BITS, sizeof *p->prepared);
		struct req_prepared *prep = req_prepared_slot(p, rc->kept, rq, clause);
		if (prep) {
			prep->kept = rc->kept;
			prep->req = rq;
			prep->clause = clause;
			prep->res = *out;
			memcpy(prep->counts, c->n, sizeof c->n);
			prep->res.counts = (const struct counts *)(const void *)prep->counts;
		}
	}
	return true;
}

/* A requirement as decide evaluated it (rc), for the report: the rule as
** written, the numbers substituted, and "needs N"; a failure is reported.
** Most are met again on kept comparisons, their result prepared before
** (struct req_prepared): copied here, with their counts. */
static inline bool req_result_of(struct evaluator *ev, const struct requirement *rq, const char *clause,
                                 const struct req_check *rc, const struct counts *c, struct span where,
                                 struct req_result *out)
{
	const struct req_prepared *prep = req_prepared(ev, rq, clause, rc);
	if (prep) {
		*out = prep->res;
		out->counts = c;
		return true;
	}
	return req_result_made(ev, rq, clause, rc, c, where, out);
}

const char *req_working(const struct req_result *q, char buf[REQ_WORKING_MAX])
{
	if (q->failed)
		return NULL;
	if (!q->negated)
		return working_write(buf, q->steps, q->n_steps, q->truncated, q->counts);
	char inner[WORKING_MAX];
	working_write(inner, q->steps, q->n_steps, q->truncated, q->counts);
	size_t n = strlen(inner);
	memcpy(buf, "not (", 5);
	memcpy(buf + 5, inner, n);
	memcpy(buf + 5 + n, ")", 2);
	return buf;
}

/* ==== attendance ================================================================ */

/* Where a name's address goes in the evaluator's memo (ev->memo) and in
** the plan's bits of voters (vote_bits) */
static inline uint32_t name_slot_index(const char *id)
{
	return (uint32_t)((uintptr_t)id * 2654435761u) >> (32 - MEMO_BITS);
}

/* ... and in the plan's memo: by another hash.  Fourteen names in 256
** slots share one about a third of the time; with one hash for both
** memos, two names that shared a slot of the one shared the other's too,
** and both went to the roster's table (and strcmp) at every meeting: a
** JSON report of a 200 MB history looked up 786,000 names so. */
static inline uint32_t plan_slot_index(const char *id)
{
	/* MurmurHash3's finaliser: every bit of the address moves every bit
	** of the hash (a multiplier like name_slot_index's gave slots that
	** went together with its) */
	uint64_t h = (uint64_t)(uintptr_t)id;
	h ^= h >> 33;
	h *= UINT64_C(0xff51afd7ed558ccd);
	h ^= h >> 33;
	return (uint32_t)(h >> (64 - PLAN_MEMO_BITS));
}

/* The roster's index of a name by the plan's memo, or -1 when it does not
** know the name. */
static int plan_member(const struct judge_plan *p, const char *id)
{
	const struct alias *a = &p->memo[plan_slot_index(id)];
	return a->id == id && strcmp(p->t->members[a->member].id, id) == 0 ? a->member : -1;
}

/* A name not in the memo, or not on the roster (then perhaps an alias). */
static int member_index_slow(struct evaluator *ev, const char *id, struct name_slot *slot)
{
	struct judge_plan *p = ev->plan;
	bool known = slot->id == id && slot->stamp == ev->memo_stamp;
	int i = known ? slot->member : p ? plan_member(p, id) : -1;
	if (i < 0 && !known) {
		i = terms_find_member(ev->t, id);
		if (p && i >= 0)
			p->memo[plan_slot_index(id)] = (struct alias){ id, i };
	}
	*slot = (struct name_slot){ id, i, ev->memo_stamp };
	for (unsigned k = 0; i < 0 && k < ev->n_alias; k++)
		if (strcmp(ev->alias[k].id, id) == 0)
			i = ev->alias[k].member;
	return i;
}

static inline int member_index(struct evaluator *ev, const char *id)
{
	struct name_slot *slot = &ev->memo[name_slot_index(id)];
	return slot->id == id && slot->stamp == ev->memo_stamp && slot->member >= 0 ? slot->member
	                                                                           : member_index_slow(ev, id, slot);
}

static struct unplaced *find_unplaced(struct evaluator *ev, const char *id)
{
	for (size_t k = 0; k < ev->unplaced.n; k++)
		if (strcmp(ev->unplaced.items[k].id, id) == 0)
			return &ev->unplaced.items[k];
	return NULL;
}

/* A name the roster does not have, met for the first time?  Then it is
** followed from here (up to UNPLACED_MAX of them). */
static bool first_unplaced(struct evaluator *ev, const char *id)
{
	if (find_unplaced(ev, id))
		return false;
	if (ev->unplaced.n < UNPLACED_MAX)
		VEC_PUSH(ev->arena, ev->unplaced, ((struct unplaced){ id, false }));
	else
		ev->unplaced_overflow = true;
	return true;
}

/* The roster's name nearest to one it does not have, or NULL. */
static const char *nearest_member(struct evaluator *ev, const char *id)
{
	struct spell sp;
	spell_init(&sp, id);
	for (unsigned k = 0; k < ev->t->n_members; k++)
		spell_offer(&sp, ev->t->members[k].id);
	return sp.best;
}

/* "; did you mean 'gareth'?" for a name not on the roster, or "". */
static const char *did_you_mean(struct evaluator *ev, const char *id)
{
	const char *best = nearest_member(ev, id);
	return best ? arena_printf(ev->arena, "; did you mean '%s'?", best) : "";
}

/* The nearest name as the finding's suggested correction of the record. */
static void suggest_member(struct evaluator *ev, struct finding *f, const struct rec_name *nm)
{
	const char *best = ev->quiet || ev->counts_only ? NULL : nearest_member(ev, nm->id);
	if (!best)
		return;
	struct diag_fixit *fix = arena_alloc(ev->arena, sizeof *fix);
	fix->loc = rec_loc(ev, nm->span);
	fix->text = best;
	f->fix = fix;
}

/* Is a name the roster does not have present now? */
static bool unplaced_in_room(const struct evaluator *ev)
{
	for (size_t k = 0; k < ev->unplaced.n; k++)
		if (ev->unplaced.items[k].present && !ev->outside_meeting)
			return true;
	return ev->unplaced_overflow;
}

/* resolve_person's findings, apart (rarely made: the usual name is
** resolved without the frame they need). */
static void __attribute__((noinline)) person_unknown(struct evaluator *ev, const struct rec_name *nm)
{
	if (first_unplaced(ev, nm->id))
		suggest_member(ev, add_finding(ev, F_UNKNOWN_PERSON, NULL, nm->span, "'%s' is not on the roster of %s%s",
		                               nm->id, ev->t->name, did_you_mean(ev, nm->id)), nm);
}

static void __attribute__((noinline)) person_off_roster(struct evaluator *ev, const struct rec_name *nm, int i)
{
	const struct member *mb = &ev->t->members[i];
	add_finding(ev, F_NOT_ON_ROSTER, NULL, nm->span, "%s (%s) is not a member on %s (%s%s%s%s)",
	            mb->name, mb->id, fmt_date(ev, ev->m->date),
	            mb->has_from ? "from " : "", mb->has_from ? fmt_date(ev, mb->from) : "",
	            mb->has_from && mb->has_until ? ", " : "",
	            mb->has_until ? arena_printf(ev->arena, "until %s", fmt_date(ev, mb->until)) : "");
}

/* Resolve a name from the attendance lists; report unknown or off-roster. */
static int resolve_person(struct evaluator *ev, const struct rec_name *nm)
{
	int i = member_index(ev, nm->id);
	if (i < 0) {
		person_unknown(ev, nm);
		return -1;
	}
	if (!ev->on_roster[i])
		person_off_roster(ev, nm, i);
	return i;
}

/* people[i].present's bit (present_bits) set as it is. */
static inline void set_present_bit(struct evaluator *ev, unsigned i, bool present)
{
	if (ev->bits_known)
		ev->present_bits = (ev->present_bits & ~(UINT64_C(1) << i)) | (uint64_t)present << i;
}

static void read_attendance(struct evaluator *ev)
{
	const struct rec_names *lists[3] = { &ev->m->present, &ev->m->apologies, &ev->m->attending };
	for (int l = 0; l < 3; l++) {
		for (unsigned k = 0; k < lists[l]->n; k++) {
			const struct rec_name *nm = &lists[l]->items[k];
			int i = resolve_person(ev, nm);
			struct unplaced *u = i < 0 ? find_unplaced(ev, nm->id) : NULL;
			if (u && l != 1)
				u->present = true;
			if (i < 0)
				continue;
			if (ev->people[i].listed && !ev->people[i].listed_again) {
				add_finding(ev, F_LISTED_TWICE, NULL, nm->span, "%s is listed more than once in the attendance", nm->id);
				ev->people[i].listed_again = true;
			}
			ev->people[i].listed = true;
			if (l != 1) {
				ev->people[i].present = ev->people[i].attended = ev->people[i].at_start = true;
				set_present_bit(ev, (unsigned)i, true);
			} else
				ev->people[i].apologies = true;
		}
	}
}

static struct room *room_to_follow(struct evaluator *ev);
static void room_moves(struct evaluator *ev, struct room *r, unsigned i, int by, bool seats_too);

static void apply_step(struct evaluator *ev, const struct rec_step *st)
{
	struct room *follow = room_to_follow(ev);
	bool seats_follow = follow && ev->seats_epoch == ev->room_epoch; /* else made again at the next plain motion */
	ev->room_epoch++;
	ev->seats_epoch = seats_follow ? ev->room_epoch : 0;
	if (follow) {
		ev->room = follow;
		ev->room_counted = ev->room_epoch;
	}
	for (unsigned k = 0; k < st->names.n; k++) {
		const struct rec_name *nm = &st->names.items[k];
		int i = resolve_person(ev, nm);
		bool arriving = st->kind == STEP_ARRIVES;
		struct unplaced *u = i < 0 ? find_unplaced(ev, nm->id) : NULL;
		if (u)
			u->present = arriving;
		if (i < 0)
			continue;
		if (ev->people[i].present == arriving)
			add_finding(ev, F_ATTENDANCE, NULL, nm->span, arriving ? "%s arrives but is already present"
			                                                       : "%s leaves but is not present", nm->id);
		else if (follow)
			room_moves(ev, follow, (unsigned)i, arriving ? 1 : -1, seats_follow);
		ev->people[i].present = arriving;
		set_present_bit(ev, (unsigned)i, arriving);
		ev->people[i].attended = ev->people[i].attended || arriving;
		ev->people[i].left = ev->people[i].left || !arriving;
	}
}

/* ==== who chairs (docs/semantics.md#chair) ===================================== */

/* Does roster member i hold what `chaired by` asks of the chair?  A
** deputy in a seat holds the principal's roles. */
static bool may_chair(const struct evaluator *ev, int i)
{
	int p = ev->seats.sits_for[i];
	return terms_may_chair(ev->t, &ev->t->members[i], has_vote(ev, i)) ||
	       (p >= 0 && terms_may_chair(ev->t, &ev->t->members[p], true));
}

/* "holds cluster_lead or vice_chair", as the terms name them. */
static const char *chair_rule_text(struct evaluator *ev)
{
	const struct chair_rule *cr = &ev->t->chair;
	if (cr->any_member)
		return "is a voting member";
	struct sbuf b;
	sbuf_init(&b, ev->arena);
	sbuf_add(&b, "holds ");
	unsigned n = 0;
	for (unsigned g = 0; g < ev->t->n_groups; g++)
		if (cr->groups & (UINT64_C(1) << g))
			sbuf_addf(&b, "%s%s", n++ ? " or " : "", ev->t->groups[g].id);
	for (unsigned k = 0; k < cr->n_members; k++)
		sbuf_addf(&b, "%s%s", n++ ? " or " : "", cr->members[k]);
	return sbuf_str(&b);
}

/* The person chairing (the meeting's chair, or whoever presides for one
** motion) against `chaired by`: a member on the date, holding one of the
** roles named, and present (at the meeting, or at the motion). */
static void check_chair_rule(struct evaluator *ev, const struct rec_name *chair, bool present, bool for_item)
{
	const char *does = for_item ? "presides for this item" : "chairs";
	const struct terms *t = ev->t;
	int i = member_index(ev, chair->id);
	if (i < 0 || !ev->on_roster[i])
		add_finding(ev, F_CHAIR_NOT_MEMBER, t->chair.clause, chair->span,
		            "%s %s, but is not a member of %s on %s: the terms say the chair %s", chair->id, does, t->name,
		            fmt_date(ev, ev->m->date), chair_rule_text(ev));
	else if (!may_chair(ev, i))
		add_finding(ev, F_CHAIR_NOT_ALLOWED, t->chair.clause, chair->span,
		            "%s %s, but the terms say the chair %s", chair->id, does, chair_rule_text(ev));
	if (i >= 0 && !present)
		add_finding(ev, F_CHAIR_NOT_PRESENT, t->chair.clause, chair->span,
		            "%s %s, but is not recorded as present%s", chair->id, does, for_item ? " at it" : "");
}

/* The meeting's chair, where the terms say who may chair. */
static void check_meeting_chair(struct evaluator *ev)
{
	const struct meeting *m = ev->m;
	if (!ev->t->chair.set || ev->virtual_only)
		return;
	if (!m->chair) {
		add_finding(ev, F_CHAIR_UNRECORDED, ev->t->chair.clause, m->span,
		            "the record does not say who chaired; the terms say the chair %s", chair_rule_text(ev));
		return;
	}
	int i = member_index(ev, m->chair->id);
	check_chair_rule(ev, m->chair, i >= 0 && ev->people[i].attended, false);
}

/* ==== one motion ================================================================ */

struct motion_state {
	bool *conflicted;      /* by member index: declared an interest in this motion */
	bool *deemed;          /* declared one and left, but deemed present for the quorum */
};

static void count_groups(const struct terms *t, const struct member *mb, int64_t *by_mask)
{
	for (unsigned k = 0; k < t->n_masks; k++)
		if (mb->groups & t->masks[k])
			by_mask[k]++;
}

/*
** Those present without a vote (docs/semantics.md#counts): members on the
** roster whose roles are all `attending`.  In the quorum, one who declared
** an interest counts as a voting member would (the interests settings); in
** a class rule, one who must leave the room for the item is not there.
*/
static void count_attendees(struct evaluator *ev, const struct motion_state *ms, struct counts *c, bool quorum)
{
	const struct terms *t = ev->t;
	for (unsigned i = 0; i < t->n_members; i++) {
		if (!ev->on_roster[i] || t->members[i].voting || ev->seats.sits_for[i] >= 0)
			continue;
		bool counts;
		if (ms->deemed[i])
			counts = quorum;
		else if (!is_present(ev, i))
			counts = false;
		else if (!ms->conflicted[i])
			counts = true;
		else if (quorum)
			counts = t->conflict_quorum == CONFLICT_QUORUM_DEEMED ||
			         (t->conflict_quorum == CONFLICT_QUORUM_COUNTED && !t->conflict_leaves);
		else
			counts = !t->conflict_leaves;
		if (counts) {
			c->n[COUNT_ATTENDEES]++;
			count_groups(t, &t->members[i], c->attendees_by_mask);
		}
	}
}

/* Does everyone on the roster count towards the quorum (a quorum still to
** be agreed is then met, however it is agreed)? */
static bool everyone_counted(const struct evaluator *ev, const struct counts *q)
{
	int64_t attendees = 0;
	for (unsigned i = 0; i < ev->t->n_members; i++)
		attendees += ev->on_roster[i] && !ev->t->members[i].voting;
	return q->n[COUNT_MEMBERS] > 0 && q->n[COUNT_PRESENT] == q->n[COUNT_MEMBERS] &&
	       q->n[COUNT_ATTENDEES] == attendees;
}

/* Quorum counts, seat by seat (a deputy in a seat counts as the principal,
** with the principal's roles): conflicted members count as the interests
** settings say. */
static void quorum_counts(struct evaluator *ev, const struct motion_state *ms, struct counts *c)
{
	const struct terms *t = ev->t;
	counts_clear(c, t->n_masks);
	for (unsigned i = 0; i < t->n_members; i++) {
		if (!ev->active[i])
			continue;
		c->n[COUNT_MEMBERS]++;
		count_groups(t, &t->members[i], c->members_by_mask);
		if (ms->deemed[i]) {
			c->n[COUNT_CONFLICTED]++;
			c->n[COUNT_PRESENT]++;
			count_groups(t, &t->members[i], c->present_by_mask);
			continue;
		}
		if (!seat_here(ev, i))
			continue;
		bool counts = true;
		if (ms->conflicted[occupant(ev, i)]) {
			c->n[COUNT_CONFLICTED]++;
			counts = t->conflict_quorum == CONFLICT_QUORUM_DEEMED ||
			         (t->conflict_quorum == CONFLICT_QUORUM_COUNTED && !t->conflict_leaves);
		}
		if (counts) {
			c->n[COUNT_PRESENT]++;
			count_groups(t, &t->members[i], c->present_by_mask);
		}
	}
	count_attendees(ev, ms, c, true);
}

/* Quorum requirement i, as evaluated (q), not met: the motion is void. */
static void inquorate_finding(struct evaluator *ev, const struct motion_result *mr, const struct req_result *q, unsigned i)
{
	const struct terms *t = ev->t;
	if (q->met)
		return;
	char working[REQ_WORKING_MAX];
	struct finding *f;
	if (q->steps_kept) /* the rule's text and working are the requirement's on the memo's kept comparisons */
		f = add_finding_kept(ev, F_INQUORATE, t->quorum_clause, mr->motion->span, i, (uintptr_t)q->steps, 0,
		                     "not quorate at this motion: %s, %s: the motion is void", q->text, req_working(q, working));
	else
		f = add_finding(ev, F_INQUORATE, t->quorum_clause, mr->motion->span,
		                "not quorate at this motion: %s, %s: the motion is void", q->text, req_working(q, working));
	cite_rule(f, t->quorum[i].src, t->quorum[i].decl);
}

/*
** The quorum on a room's counts is the same at every meeting the plan
** judges (its requirements read only the counts: quorum_on gives them no
** attribute), so where findings are only counted a room whose counts were
** seen before is given the verdict then (has_quorum, as the first plain
** motion in it would have), and decide does not evaluate it again.  Not
** where the terms read role lists (their counts are not in the key).  For
** a report the requirements' results are remembered with the verdict
** (seen_results), where all of them last as long as the plan.
*/
static struct quorum_seen *quorum_seen_slot(struct judge_plan *p, const struct counts *q)
{
	uint64_t h = ((uint64_t)q->n[COUNT_PRESENT] * 0x9E3779B97F4A7C15u) ^ ((uint64_t)q->n[COUNT_MEMBERS] * 0xC2B2AE3D27D4EB4Fu) ^
	             ((uint64_t)q->n[COUNT_ATTENDEES] * 0x165667B19E3779F9u) ^ (uint64_t)q->n[COUNT_CONFLICTED];
	return &p->quorum_seen[(h >> 32) & ((1u << QUORUM_SEEN_BITS) - 1)];
}

/* Does a requirement's result point only at what lasts as long as the
** plan (the memo's kept comparisons, the plan's text of the rule)? */
static bool result_lasts(const struct evaluator *ev, const struct req_result *q)
{
	const struct rule_text *slot = rule_text_slot(ev->plan->rule_text, q->req);
	return !q->failed && (q->steps_kept || q->n_steps == 0) && slot->req == q->req && slot->text == q->text;
}

/* The n_quorum results of quorum_seen slot qs. */
static struct req_result *seen_results(struct judge_plan *p, const struct quorum_seen *qs)
{
	return &p->seen_results[(size_t)(qs - p->quorum_seen) * p->t->n_quorum];
}

static void quorum_remember(struct evaluator *ev, const struct room *room)
{
	if (!ev->plan || ev->t->n_masks > 0)
		return;
	struct judge_plan *p = ev->plan;
	struct quorum_seen *qs = quorum_seen_slot(p, &room->quorum);
	if (!ev->counts_only) {
		for (unsigned i = 0; i < ev->t->n_quorum; i++)
			if (!result_lasts(ev, &room->quorum_results[i]))
				return;
		if (!p->seen_results) /* not under --summary, which keeps no results */
			p->seen_results = arena_array(p->arena, ((size_t)1 << QUORUM_SEEN_BITS) * ev->t->n_quorum + 1,
			                              sizeof *p->seen_results);
		memcpy(seen_results(p, qs), room->quorum_results, ev->t->n_quorum * sizeof *room->quorum_results);
	}
	qs->used = true;
	memcpy(qs->n, room->quorum.n, sizeof qs->n);
	qs->verdict = room->verdict;
	qs->unmet = room->unmet;
	qs->quorate = room->quorate;
}

static void quorum_remembered(struct evaluator *ev, struct room *room)
{
	if (!ev->plan || ev->t->n_masks > 0 || ev->t->n_quorum > 64)
		return;
	const struct quorum_seen *qs = quorum_seen_slot(ev->plan, &room->quorum);
	if (!qs->used || memcmp(qs->n, room->quorum.n, sizeof qs->n) != 0)
		return;
	room->has_quorum = true;
	room->verdict = qs->verdict;
	room->quorum_results = NULL;
	room->unmet = qs->unmet;
	room->quorate = qs->quorate;
	if (!ev->counts_only) {
		/* the results copied for the meeting (the slot may be taken by
		** other counts before its report), with the room's counts, kept */
		size_t size = ev->t->n_quorum * sizeof *room->quorum_results;
		room->quorum_results = arena_alloc_uninit(ev->arena, size);
		memcpy(room->quorum_results, seen_results(ev->plan, qs), size);
		for (unsigned i = 0; i < ev->t->n_quorum; i++)
			room->quorum_results[i].counts = &room->quorum;
		room->kept = true;
	}
}

/* Quorum requirement i not met, where findings are only counted
** (inquorate_finding without its message). */
static void inquorate_counted(struct evaluator *ev, const struct motion_result *mr, unsigned i)
{
	const struct terms *t = ev->t;
	cite_rule(add_finding_bare(ev, F_INQUORATE, t->quorum_clause, mr->motion->span), t->quorum[i].src,
	          t->quorum[i].decl);
}

/*
** quorum_findings where findings are only counted (judge_plan_counts_only):
** no report reads the requirements' workings, so none is made (n_quorum
** 0, as rules_findings makes no reqs); what is said, quorate and
** quorum_known are quorum_findings' own, in its order.  The room keeps
** which requirements were not met (unmet) in place of their results, and
** is not kept (nothing points at its counts: it may move on in place).
*/
static void quorum_counted(struct evaluator *ev, struct motion_result *mr, const struct decision *d,
                           const struct decision_detail *detail, struct room *room)
{
	const struct terms *t = ev->t;
	mr->n_quorum = 0;
	if (room && room->has_quorum) {
		mr->quorate = room->quorate;
		for (uint64_t u = room->unmet; u; u &= u - 1)
			inquorate_counted(ev, mr, (unsigned)__builtin_ctzll(u));
		return;
	}
	uint64_t unmet = 0;
	for (unsigned i = 0; i < t->n_quorum; i++) {
		const struct req_check *rc = &detail->quorum[i];
		if (rc->status != EXPR_OK) {
			report_eval_failure(ev, rc->status, rc->fault, &t->quorum[i], t->quorum_clause, mr->motion->span);
			mr->quorum_known = false;
			continue;
		}
		if (rc->met)
			continue;
		mr->quorate = false;
		unmet |= UINT64_C(1) << i;
		inquorate_counted(ev, mr, i);
	}
	if (room && mr->quorum_known && (d->quorum == QUORUM_MET || d->quorum == QUORUM_NOT_MET)) {
		room->has_quorum = true;
		room->verdict = d->quorum;
		room->quorum_results = NULL;
		room->unmet = unmet;
		room->quorate = mr->quorate;
		quorum_remember(ev, room);
	}
}

/* The quorum at this motion, as decided: its requirements with their
** numbers, and a finding for each one not met. */
static void quorum_findings(struct evaluator *ev, struct motion_result *mr, const struct decision *d,
                            const struct decision_detail *detail, const struct counts *c, struct room *room)
{
	const struct terms *t = ev->t;
	if (d->quorum == QUORUM_NOT_NEEDED) {
		mr->quorum_known = mr->quorate = true; /* no meeting, no quorum */
		mr->quorum_present = 0;
		return;
	}
	if (d->open.deciding && d->open.quorum_depends) {
		mr->quorum_known = false; /* quorate only some ways: interests.to-be-agreed says which */
		return;
	}
	if (d->quorum == QUORUM_TBA_EVERYONE) {
		mr->quorum_known = mr->quorate = true;
		mr->quorum_present = c->n[COUNT_PRESENT];
		mr->quorum_attendees = c->n[COUNT_ATTENDEES];
		add_finding(ev, F_QUORUM_TBA_EVERYONE, t->quorum_clause, mr->motion->span,
		            "the quorum is still to be agreed, but every one of the %lld on the roster is present and counts: quorate however "
		            "it is agreed", (long long)(c->n[COUNT_PRESENT] + c->n[COUNT_ATTENDEES]));
		return;
	}
	if (d->quorum == QUORUM_TBA) {
		mr->quorum_known = false;
		add_finding(ev, F_QUORUM_TBA, t->quorum_clause, mr->motion->span,
		            "the quorum is still to be agreed, so whether this meeting was quorate cannot be judged");
		return;
	}
	mr->quorum_present = c->n[COUNT_PRESENT];
	mr->quorum_attendees = c->n[COUNT_ATTENDEES];
	mr->quorum_known = true;
	mr->quorate = true;
	mr->n_quorum = t->n_quorum;
	if (ev->counts_only && t->n_quorum <= 64) {
		quorum_counted(ev, mr, d, detail, room);
		return;
	}
	if (room && room->has_quorum) {
		/* decided at an earlier motion in this room (decide did not
		** evaluate it again): the same results, and its findings here */
		mr->quorate = room->quorate;
		mr->quorum = room->quorum_results;
		for (unsigned i = 0; i < t->n_quorum; i++)
			inquorate_finding(ev, mr, &mr->quorum[i], i);
		return;
	}
	mr->quorum = arena_alloc_uninit(ev->arena, t->n_quorum * sizeof *mr->quorum); /* req_result_of fills each */
	/* the counts the quorum saw, kept for its working (c is the caller's,
	** or the room's, which is then never changed again) */
	if (room) {
		room->kept = true;
		c = &room->quorum;
	} else {
		struct counts *kept = arena_alloc_uninit(ev->arena, sizeof *kept);
		counts_copy(kept, c, t->n_masks);
		c = kept;
	}
	for (unsigned i = 0; i < t->n_quorum; i++) {
		struct req_result *q = &mr->quorum[i];
		if (!req_result_of(ev, &t->quorum[i], t->quorum_clause, &detail->quorum[i], c, mr->motion->span, q)) {
			mr->quorum_known = false;
			continue;
		}
		if (!q->met)
			mr->quorate = false;
		inquorate_finding(ev, mr, q, i);
	}
	if (room && mr->quorum_known && (d->quorum == QUORUM_MET || d->quorum == QUORUM_NOT_MET)) {
		room->has_quorum = true;
		room->verdict = d->quorum;
		room->quorum_results = mr->quorum;
		room->quorate = mr->quorate;
		room->unmet = 0; /* for decide_usual_motion's short way: which were not met */
		for (unsigned i = 0; i < t->n_quorum && i < 64; i++)
			if (!mr->quorum[i].met)
				room->unmet |= UINT64_C(1) << i;
		if (t->n_quorum <= 64)
			quorum_remember(ev, room);
	}
}

/* Does the record name any vote for or against (not only abstentions)? */
static bool tally_names_votes(const struct rec_motion *mo)
{
	for (unsigned k = 0; k < mo->n_votes; k++)
		if (mo->votes[k].kind != VOTE_ABSTAIN)
			return true;
	return false;
}

/* What the terms make of one declaration (before the votes are read). */
static void interest_effect(struct evaluator *ev, const struct rec_motion *mo, const struct motion_state *ms,
                            struct interest_result *ir)
{
	const struct terms *t = ev->t;
	int i = ir->member;
	ir->entitled = has_vote(ev, i);
	ir->vote_void = t->conflict_vote == CONFLICT_VOTE_VOID || t->conflict_leaves;
	if (t->interests_tba) {
		/* void for certain where a stated setting voids it; open where an
		** unstated one could */
		bool void_stated = (t->conflict_vote_stated && t->conflict_vote == CONFLICT_VOTE_VOID) ||
		                   (t->conflict_leaves_stated && t->conflict_leaves);
		ir->vote_open = !void_stated && !(t->conflict_vote_stated && t->conflict_leaves_stated);
		ir->quorum_open = !t->conflict_quorum_stated ||
		                  (t->conflict_quorum == CONFLICT_QUORUM_COUNTED && !t->conflict_leaves_stated);
	}
	ir->votes_named = !mo->has_tally || tally_names_votes(mo);
	if (mo->is_virtual)
		ir->room = ROOM_OUTSIDE;
	else if (i < 0 || !ev->people[i].attended)
		ir->room = ROOM_ABSENT;
	else if (!ev->people[i].present)
		ir->room = ROOM_LEFT;
	else
		ir->room = t->conflict_leaves ? ROOM_TO_LEAVE : ROOM_STAYED;
	/* as quorum_counts counts them: voting members, and those without a
	** vote where the terms count attendees */
	bool in_quorum = ir->entitled || (i >= 0 && ev->on_roster[i] && t->uses_attendees);
	ir->quorum_counted = !mo->is_virtual && in_quorum &&
	                     (ms->deemed[i] || (ms->conflicted[i] && (t->conflict_quorum == CONFLICT_QUORUM_DEEMED ||
	                                                              (t->conflict_quorum == CONFLICT_QUORUM_COUNTED &&
	                                                               !t->conflict_leaves))));
}

static void read_interests(struct evaluator *ev, struct motion_result *mr, struct motion_state *ms)
{
	const struct rec_motion *mo = mr->motion;
	mr->interests = mo->interests.n ? arena_array(ev->arena, mo->interests.n, sizeof *mr->interests) : NULL;
	mr->n_interests = mo->interests.n;
	ev->marks_set = ev->marks_set || mo->interests.n > 0;
	for (unsigned k = 0; k < mo->interests.n; k++) {
		const struct rec_name *nm = &mo->interests.items[k];
		int i = resolve_person(ev, nm);
		mr->interests[k].who = nm;
		mr->interests[k].member = i;
		if (i < 0)
			continue;
		if (!is_present(ev, (unsigned)i)) {
			/* Only someone who attended and left the room for the item
			** can be deemed present, or have left as the terms require;
			** a member who was never at the meeting declares nothing. */
			bool left = ev->people[i].attended;
			if (left && ev->active[i])
				ev->holds_seat[i] = true; /* no deputy votes in their place */
			if (left && ev->t->conflict_quorum == CONFLICT_QUORUM_DEEMED && ev->on_roster[i]) {
				ms->deemed[i] = true;
				continue;
			}
			if (left && ev->t->conflict_leaves)
				continue;
			add_finding(ev, F_INTEREST_ABSENT, NULL, nm->span, "%s declared an interest but is not present at this motion", nm->id);
			continue;
		}
		if (ev->on_roster[i])
			ms->conflicted[i] = true;
	}
}

/* Whether each member who declared an interest voted anyway (as recorded,
** valid or not). */
/* strcmp(a, b) == 0, most often told by the address (a name the reader
** interned) or the first character, without a call. */
static inline bool same_name(const char *a, const char *b)
{
	return a == b || (a[0] == b[0] && strcmp(a, b) == 0);
}

static void interest_votes(struct motion_result *mr)
{
	const struct rec_motion *mo = mr->motion;
	for (unsigned k = 0; k < mr->n_interests; k++) {
		struct interest_result *ir = &mr->interests[k];
		for (unsigned v = 0; v < mo->n_votes; v++) {
			if (!same_name(mo->votes[v].who.id, ir->who->id))
				continue;
			if (!ir->voted)
				ir->vote = mo->votes[v].kind;
			ir->voted = true;
		}
		if (ir->voted && ir->room == ROOM_TO_LEAVE)
			ir->room = ROOM_STAYED_VOTED;
	}
}

/* ---- votes ---- */

enum { VOTED_NONE = -1, VOTED_VOID = -2 };

/* Why a present deputy in no seat has no vote (docs/semantics.md#deputies). */
static void deputy_vote_void(struct evaluator *ev, const struct rec_vote *v, int d)
{
	const struct member *dm = &ev->t->members[d];
	int named = ev->stated[d];
	for (unsigned j = 0; j < dm->n_principals; j++) {
		int p = dm->principals[j];
		if (named >= 0 && p != named)
			continue;
		const char *pid = ev->t->members[p].id;
		int o = occupant(ev, (unsigned)p);
		if (o == p && ev->holds_seat[p])
			add_finding(ev, F_DEPUTY_VOTE, NULL, v->who.span, "%s is deputy for %s, who declared an interest in this "
			            "motion and left the room for it: the seat stays theirs, and the vote is void", v->who.id, pid);
		else if (o == p)
			add_finding(ev, F_DEPUTY_VOTE, NULL, v->who.span, "%s is deputy for %s, who is present: one person, one "
			            "vote, and the vote is void", v->who.id, pid);
		else if (o >= 0)
			add_finding(ev, F_DEPUTY_VOTE, NULL, v->who.span, "%s is deputy for %s, whose seat %s has taken: the vote "
			            "is void", v->who.id, pid, ev->t->members[o].id);
		else
			continue;
		return;
	}
	add_finding(ev, F_VOTE_NON_VOTING, NULL, v->who.span, "%s is a deputy, and none of the members they stand in for "
	            "is a member on %s: the vote is void", v->who.id, fmt_date(ev, ev->m->date));
}

/* Validate one named vote by person i: the seat it counts for (i's own, or
** the principal's for a deputy in a seat), or -1 when it is void. */
static int vote_counts(struct evaluator *ev, const struct motion_state *ms, const struct rec_vote *v, int i)
{
	const struct terms *t = ev->t;
	if (i < 0) {
		/* the roster does not have the name: said once (a misspelt
		** member is one mistake), the motion judged as it could be */
		if (first_unplaced(ev, v->who.id))
			suggest_member(ev, add_finding(ev, F_VOTE_NON_MEMBER, NULL, v->who.span,
			                               "'%s' is not on the roster of %s: the vote is void%s", v->who.id, t->name,
			                               did_you_mean(ev, v->who.id)), &v->who);
		return -1;
	}
	if (!ev->on_roster[i]) {
		add_finding(ev, F_VOTE_NON_MEMBER, NULL, v->who.span, "%s is not a member on %s: the vote is void",
		            v->who.id, fmt_date(ev, ev->m->date));
		return -1;
	}
	int seat = member_is_deputy(&t->members[i]) ? ev->seats.sits_for[i] : i;
	if (seat < 0 && is_present(ev, (unsigned)i)) {
		deputy_vote_void(ev, v, i);
		return -1;
	}
	if (seat >= 0 && !t->members[seat].voting) {
		add_finding(ev, F_VOTE_NON_VOTING, NULL, v->who.span,
		            "%s attends without a vote (no voting role): the vote is void", v->who.id);
		return -1;
	}
	if (!is_present(ev, (unsigned)i)) {
		/* with a name in the room that the roster does not have, this
		** member may be that name: the motion says so, not this vote */
		if (!unplaced_in_room(ev))
			add_finding(ev, F_VOTE_ABSENT, NULL, v->who.span, "%s is not present at this motion: the vote is void",
			            v->who.id);
		return -1;
	}
	if (ms->conflicted[i]) {
		if (t->conflict_leaves)
			add_finding(ev, F_INTEREST_STAYED, t->interests_clause, v->who.span,
			            "%s declared an interest and should have left the room, but voted", who(ev, i, v->who.id));
		if (t->conflict_vote == CONFLICT_VOTE_VOID || t->conflict_leaves) {
			/* Where the interests are still to be agreed, the vote is
			** only void as the defaults read them: decide tries every
			** way, and interests.to-be-agreed says when it matters. */
			if (open_ways(t, OPEN_INTERESTS) == 1)
				add_finding_kept_if(ev, ev->m->names_lasting, F_VOTE_CONFLICTED, t->interests_clause, v->who.span,
				                    (uintptr_t)v->who.id, i, i < 0 ? -1 : ev->seats.sits_for[i],
				                    "%s declared an interest in this motion: the vote is void", who(ev, i, v->who.id));
			return -1;
		}
	}
	return seat;
}

static const char *vote_word(enum vote_kind k)
{
	return k == VOTE_FOR ? "for" : k == VOTE_AGAINST ? "against" : "abstaining";
}

/* A member named again in a motion's votes: one finding for all the times,
** at the second.  Named with one kind of vote, it counts once; with two or
** three kinds, none counts. */
static void repeated_vote(struct evaluator *ev, const struct rec_vote *v, unsigned i, int64_t tally[3])
{
	if (ev->voted[i] == VOTED_VOID || ev->repeat_said[i])
		return; /* a void vote was reported once; a repeat changes nothing */
	ev->repeat_said[i] = true;
	unsigned times = ev->mentions[i] >> 3, kinds = ev->mentions[i] & 7;
	if (kinds == 1u << v->kind) {
		const char *how = times == 2 ? "twice" : arena_printf(ev->arena, "%u times", times);
		add_finding(ev, F_VOTE_TWICE, NULL, v->who.span, "%s is recorded %s as voting %s: counted once",
		            v->who.id, how, vote_word(v->kind));
		return;
	}
	const char *which = kinds == 7 ? "for, against and abstaining"
	                  : arena_printf(ev->arena, "both %s and %s", vote_word(kinds & 1 ? VOTE_FOR : VOTE_AGAINST),
	                                 vote_word(kinds & 4 ? VOTE_ABSTAIN : VOTE_AGAINST));
	add_finding(ev, F_VOTE_TWICE, NULL, v->who.span, "%s is recorded as voting %s: %s", v->who.id, which,
	            kinds == 7 ? "none of the votes counts" : "neither vote counts");
	tally[ev->voted[i]]--;
}

/*
** The usual motion's votes: each names a different voting member on the
** roster (never a deputy: sema refuses one with a voting role, and a
** deputy is tested here all the same), present, in their own seat and
** with no declared interest, so
** each counts as written and nothing is said.  Counted here in one pass
** (tally and as_written, the same as count_named_votes gives them); false,
** with nothing counted, at the first vote that is not so: then
** count_named_votes reads them all the long way.  Not where the motion is
** judged under another reading of a name (aliases), nor when recounting
** (eval_meeting_recounted: the comparison of tests).
*/
/* Those who vote in their own seat and are present, a bit each (bits_known). */
static inline uint64_t voters_here(const struct evaluator *ev)
{
	return ev->own_voter_bits & ev->present_bits;
}

static bool count_plain_votes(struct evaluator *ev, const struct motion_state *ms, const struct rec_motion *mo,
                              int64_t tally[3], int64_t as_written[3])
{
	if (ev->recount || ev->n_alias > 0)
		return false;
	const bool *voter = ev->own_voter, *conflicted = ms->conflicted;
	const struct person *people = ev->people;
	bool everyone_here = ev->outside_meeting;
	unsigned *seen = ev->vote_seen, round = ++ev->vote_round;
	int64_t n[3] = { 0, 0, 0 };
	/* no votes: votes may be NULL, and NULL + 0 is undefined */
	const struct rec_vote *v = mo->votes, *end = mo->n_votes ? v + mo->n_votes : v;
	if (mo->interests.n == 0 && !everyone_here && ev->bits_known) {
		/* the commonest: nobody declared an interest in this motion (the
		** marks of earlier ones were cleared), and who was named already
		** is a bit of one word */
		uint64_t free_seats = voters_here(ev);
		if (ev->plan && ev->memo_stamp == NAME_STAMP_LASTING) {
			/* names the reader interned for the run: a member's name is
			** one address at every meeting, its bit remembered by the
			** plan (only members': any other name goes the long way) */
			struct vote_bit *bits = ev->plan->vote_bits;
			for (; v < end; v++) {
				const char *id = v->who.id;
				struct vote_bit *b = &bits[name_slot_index(id)];
				uint64_t bit = b->bit;
				if (b->id != id) {
					int i = member_index(ev, id);
					bit = i >= 0 ? UINT64_C(1) << i : 0;
					if (i >= 0)
						*b = (struct vote_bit){ id, bit };
				}
				if (!(free_seats & bit))
					return false;
				free_seats ^= bit;
				n[v->kind]++;
			}
		}
		for (; v < end; v++) {
			int i = member_index(ev, v->who.id);
			/* a voter, present, and not named already: one bit says all three */
			if (i < 0 || !(free_seats >> i & 1))
				return false;
			free_seats &= ~(UINT64_C(1) << i);
			n[v->kind]++;
		}
	}
	for (; v < end; v++) {
		int i = member_index(ev, v->who.id);
		if (i < 0 || !voter[i] || !(everyone_here || people[i].present) || conflicted[i] || seen[i] == round)
			return false;
		seen[i] = round;
		n[v->kind]++;
	}
	tally[0] += n[0], tally[1] += n[1], tally[2] += n[2];
	as_written[0] += n[0], as_written[1] += n[1], as_written[2] += n[2];
	return true;
}

/* Count named votes; members recorded twice with different votes lose both.
** `as_written` counts each person's vote as the minutes give it, valid or
** not, for comparing with a tally the same minutes give.  A member named
** more than once gets one finding, whatever the number of times. */
static void count_named_votes(struct evaluator *ev, const struct motion_state *ms,
                              const struct rec_motion *mo, int64_t tally[3], int64_t as_written[3])
{
	int *voted = ev->voted, *vote_member = ev->vote_member;
	unsigned *mentions = ev->mentions, *seen = ev->vote_seen;
	const struct rec_vote *votes = mo->votes;
	unsigned n_votes = mo->n_votes, round = ++ev->vote_round;
	/* only the members named are read: each cleared when first named here */
	for (unsigned k = 0; k < n_votes; k++) {
		int i = vote_member[k] = member_index(ev, votes[k].who.id);
		if (i < 0)
			continue;
		if (seen[i] != round) {
			seen[i] = round;
			voted[i] = VOTED_NONE;
			mentions[i] = 0;
			ev->repeat_said[i] = false;
		}
		mentions[i] = (mentions[i] + 8) | 1u << votes[k].kind;
	}
	for (unsigned k = 0; k < n_votes; k++) {
		const struct rec_vote *v = &votes[k];
		as_written[v->kind]++;
		int i = vote_member[k];
		if (i >= 0 && voted[i] != VOTED_NONE) {
			repeated_vote(ev, v, (unsigned)i, tally);
			continue;
		}
		/* by person: a seat has one occupant, so a deputy and the
		** principal never both count (vote_counts says whose seat) */
		if (vote_counts(ev, ms, v, i) < 0) {
			if (i >= 0)
				voted[i] = VOTED_VOID;
			continue;
		}
		voted[i] = (int)v->kind;
		tally[v->kind]++;
	}
}

/* The counts the class rules see (docs/reference.md#counts). */
static void vote_counts_for_rules(struct evaluator *ev, const struct motion_state *ms, struct counts *c)
{
	const struct terms *t = ev->t;
	counts_clear(c, t->n_masks);
	bool leave = t->conflict_leaves;
	bool void_votes = t->conflict_vote == CONFLICT_VOTE_VOID || leave;
	for (unsigned i = 0; i < t->n_members; i++) {
		if (!ev->active[i])
			continue;
		c->n[COUNT_MEMBERS]++;
		count_groups(t, &t->members[i], c->members_by_mask);
		if (!seat_here(ev, i))
			continue;
		bool conflicted = ms->conflicted[occupant(ev, i)];
		if (conflicted)
			c->n[COUNT_CONFLICTED]++;
		if (conflicted && leave)
			continue; /* out of the room for this item */
		c->n[COUNT_PRESENT]++;
		count_groups(t, &t->members[i], c->present_by_mask);
		if (!(conflicted && void_votes))
			c->n[COUNT_ELIGIBLE]++;
	}
	count_attendees(ev, ms, c, false);
}

static void count_groups_by(const struct terms *t, const struct member *mb, int64_t *by_mask, int by);

/*
** quorum_counts and vote_counts_for_rules (each with count_attendees) in
** one pass over the roster: for each member, each of the four loops' own
** reading of them, in the same order, so the counts are theirs (the
** recount of eval_meeting_recounted uses the four; tests compare).
*/
static void room_counts_at_once(struct evaluator *ev, const struct motion_state *ms, struct counts *q,
                                struct counts *v)
{
	const struct terms *t = ev->t;
	counts_clear(q, t->n_masks);
	counts_clear(v, t->n_masks);
	bool masks = t->n_masks > 0, leave = t->conflict_leaves;
	bool void_votes = t->conflict_vote == CONFLICT_VOTE_VOID || leave;
	/* a conflicted member counts towards the quorum (quorum_counts, count_attendees) */
	bool quorum_counts_conflicted = t->conflict_quorum == CONFLICT_QUORUM_DEEMED ||
	                                (t->conflict_quorum == CONFLICT_QUORUM_COUNTED && !leave);
	for (unsigned i = 0; i < t->n_members; i++) {
		const struct member *mb = &t->members[i];
		if (ev->active[i]) {
			q->n[COUNT_MEMBERS]++;
			v->n[COUNT_MEMBERS]++;
			if (masks) {
				count_groups_by(t, mb, q->members_by_mask, 1);
				count_groups_by(t, mb, v->members_by_mask, 1);
			}
			bool here = seat_here(ev, i);
			bool conflicted = here && ms->conflicted[occupant(ev, i)];
			/* the quorum's reading */
			if (ms->deemed[i] || (here && conflicted))
				q->n[COUNT_CONFLICTED]++;
			if (ms->deemed[i] || (here && (!conflicted || quorum_counts_conflicted))) {
				q->n[COUNT_PRESENT]++;
				if (masks)
					count_groups_by(t, mb, q->present_by_mask, 1);
			}
			/* the class rules' */
			if (!here)
				continue;
			if (conflicted)
				v->n[COUNT_CONFLICTED]++;
			if (conflicted && leave)
				continue; /* out of the room for this item */
			v->n[COUNT_PRESENT]++;
			if (masks)
				count_groups_by(t, mb, v->present_by_mask, 1);
			if (!(conflicted && void_votes))
				v->n[COUNT_ELIGIBLE]++;
			continue;
		}
		if (!ev->on_roster[i] || mb->voting || ev->seats.sits_for[i] >= 0)
			continue;
		/* present without a vote (count_attendees, for each) */
		bool in_quorum, in_rules;
		if (ms->deemed[i])
			in_quorum = true, in_rules = false;
		else if (!is_present(ev, i))
			in_quorum = in_rules = false;
		else if (!ms->conflicted[i])
			in_quorum = in_rules = true;
		else
			in_quorum = quorum_counts_conflicted, in_rules = !leave;
		if (in_quorum) {
			q->n[COUNT_ATTENDEES]++;
			if (masks)
				count_groups_by(t, mb, q->attendees_by_mask, 1);
		}
		if (in_rules) {
			v->n[COUNT_ATTENDEES]++;
			if (masks)
				count_groups_by(t, mb, v->attendees_by_mask, 1);
		}
	}
}

/*
** room_counts_at_once for a plain motion (decide_motion) where the terms
** read no role list and have no deputies, by the bits of the roster
** (bits_known): nobody has declared an interest (no one conflicted or
** deemed), each voting member present sits in their own seat, and nobody
** sits for another, so the four loops' counts are how many are active,
** active and present, and present without a vote.  false where it does
** not apply.  test_room_carried_as_recounted compares it with the loops.
*/
static bool room_counts_plain(const struct evaluator *ev, struct counts *q, struct counts *v)
{
	const struct terms *t = ev->t;
	if (!ev->bits_known || t->n_masks > 0 || t->has_deputies)
		return false;
	counts_clear(q, 0);
	counts_clear(v, 0);
	int64_t members = __builtin_popcountll(ev->active_bits);
	int64_t present = __builtin_popcountll(ev->active_bits & ev->present_bits);
	int64_t attendees = __builtin_popcountll(ev->attendee_bits & ev->present_bits);
	q->n[COUNT_MEMBERS] = v->n[COUNT_MEMBERS] = members;
	q->n[COUNT_PRESENT] = v->n[COUNT_PRESENT] = v->n[COUNT_ELIGIBLE] = present;
	q->n[COUNT_ATTENDEES] = v->n[COUNT_ATTENDEES] = attendees;
	return true;
}

/* The counts of the room at this motion, before the votes: made, or for a
** plain motion (decide_motion) copied from the last made in this stretch
** of the meeting. */
static void room_counts(struct evaluator *ev, const struct motion_state *ms, bool plain, struct scenario *s)
{
	const struct terms *t = ev->t;
	struct room *r = ev->room;
	if (plain && ev->room_counted == ev->room_epoch) {
		/* s->quorum: the room's, copied by decide_motion where the short way is not taken */
		counts_copy(&s->votes, &r->votes, t->n_masks);
		s->everyone_counted = r->everyone;
		return;
	}
	if (ev->recount) {
		quorum_counts(ev, ms, &s->quorum);
		vote_counts_for_rules(ev, ms, &s->votes);
	} else if (!plain || !room_counts_plain(ev, &s->quorum, &s->votes)) {
		room_counts_at_once(ev, ms, &s->quorum, &s->votes);
	}
	s->everyone_counted = t->quorum_tba && everyone_counted(ev, &s->quorum);
	if (!plain)
		return;
	if (r->kept)
		r = ev->room = arena_alloc_uninit(ev->arena, sizeof *r);
	r->kept = r->has_quorum = false;
	counts_copy(&r->quorum, &s->quorum, t->n_masks);
	counts_copy(&r->votes, &s->votes, t->n_masks);
	r->everyone = s->everyone_counted;
	ev->room_counted = ev->room_epoch;
}

/* The room of the stretch that ends, to be moved on member by member as
** the next step says (room_moves), or NULL when it is not known (no plain
** motion since the last step) or deputies may change seats. */
static struct room *room_to_follow(struct evaluator *ev)
{
	if (ev->room_counted != ev->room_epoch || ev->t->has_deputies)
		return NULL;
	struct room *r = ev->room;
	if (!r->kept) {
		r->has_quorum = false;
		return r;
	}
	struct room *next = arena_alloc_uninit(ev->arena, sizeof *next);
	counts_copy(&next->quorum, &r->quorum, ev->t->n_masks);
	counts_copy(&next->votes, &r->votes, ev->t->n_masks);
	next->everyone = r->everyone;
	next->kept = next->has_quorum = false;
	return next;
}

static void count_groups_by(const struct terms *t, const struct member *mb, int64_t *by_mask, int by)
{
	for (unsigned k = 0; k < t->n_masks; k++)
		if (mb->groups & t->masks[k])
			by_mask[k] += by;
}

/* Member i arrives (by 1) or leaves (by -1): the room's counts (and the
** seats, when seats_too) as room_counts and fill_seats would make them for
** a plain motion (no interests, no deputies: everyone present counts, in
** their own seat). */
static void room_moves(struct evaluator *ev, struct room *r, unsigned i, int by, bool seats_too)
{
	const struct terms *t = ev->t;
	const struct member *mb = &t->members[i];
	if (ev->active[i]) {
		r->quorum.n[COUNT_PRESENT] += by;
		r->votes.n[COUNT_PRESENT] += by;
		r->votes.n[COUNT_ELIGIBLE] += by;
		count_groups_by(t, mb, r->quorum.present_by_mask, by);
		count_groups_by(t, mb, r->votes.present_by_mask, by);
		if (seats_too)
			ev->seats.occupant[i] = by > 0 ? (int)i : -1;
	} else if (ev->on_roster[i] && !mb->voting) {
		r->quorum.n[COUNT_ATTENDEES] += by;
		r->votes.n[COUNT_ATTENDEES] += by;
		count_groups_by(t, mb, r->quorum.attendees_by_mask, by);
		count_groups_by(t, mb, r->votes.attendees_by_mask, by);
	}
	r->everyone = t->quorum_tba && everyone_counted(ev, &r->quorum);
}

static void set_votes(struct counts *c, const int64_t tally[3])
{
	c->n[COUNT_YES] = tally[VOTE_FOR];
	c->n[COUNT_NO] = tally[VOTE_AGAINST];
	c->n[COUNT_ABSTAIN] = tally[VOTE_ABSTAIN];
	c->n[COUNT_CAST] = tally[VOTE_FOR] + tally[VOTE_AGAINST];
	c->n[COUNT_VOTES] = c->n[COUNT_CAST] + tally[VOTE_ABSTAIN];
}

/* gather_votes' findings, apart (rarely made). */
static void __attribute__((noinline)) tally_disagrees(struct evaluator *ev, const struct rec_motion *mo,
                                                      const int64_t tally[3], const int64_t written[3])
{
	add_finding(ev, F_TALLY_MISMATCH, NULL, mo->tally_span,
	            "the tally (%lld for, %lld against, %lld abstaining) disagrees with the named votes (%lld, %lld, %lld): the valid named votes are used",
	            (long long)tally[0], (long long)tally[1], (long long)tally[2],
	            (long long)written[0], (long long)written[1], (long long)written[2]);
}

static void __attribute__((noinline)) tally_exceeds(struct evaluator *ev, const struct rec_motion *mo,
                                                    const struct counts *c)
{
	add_finding(ev, F_TALLY_EXCEEDS, NULL, mo->has_tally ? mo->tally_span : mo->span,
	            "%lld votes recorded but only %lld members present were entitled to vote: the result cannot be relied on",
	            (long long)c->n[COUNT_VOTES], (long long)c->n[COUNT_ELIGIBLE]);
}

/* Decide the tally to use: named votes, a secret-ballot tally, or both. */
static bool gather_votes(struct evaluator *ev, const struct motion_state *ms, const struct rec_motion *mo,
                         struct counts *c)
{
	int64_t named[3] = { 0, 0, 0 }, written[3] = { 0, 0, 0 };
	if (!count_plain_votes(ev, ms, mo, named, written))
		count_named_votes(ev, ms, mo, named, written);
	int64_t tally[3] = { mo->tally[0], mo->tally[1], mo->tally[2] };
	const int64_t *use = named;
	bool agree = true;
	if (mo->has_tally && !tally_names_votes(mo)) {
		/* A secret ballot, perhaps with the abstentions named
		** (`tally for 3 against 2` and `abstain carol`). */
		if (!mo->tally_has_abstain)
			tally[VOTE_ABSTAIN] = named[VOTE_ABSTAIN];
		agree = written[VOTE_ABSTAIN] == 0 || written[VOTE_ABSTAIN] == tally[VOTE_ABSTAIN];
		use = agree ? tally : named;
	} else if (mo->has_tally) {
		/* Named votes and a tally: the minutes must say the same twice.
		** The valid named votes decide (a void vote is void either way). */
		agree = written[VOTE_FOR] == tally[VOTE_FOR] && written[VOTE_AGAINST] == tally[VOTE_AGAINST] &&
		        (!mo->tally_has_abstain || written[VOTE_ABSTAIN] == tally[VOTE_ABSTAIN]);
	}
	if (!agree)
		tally_disagrees(ev, mo, tally, written);
	set_votes(c, use);
	if (c->n[COUNT_VOTES] > c->n[COUNT_ELIGIBLE]) {
		tally_exceeds(ev, mo, c);
		return false;
	}
	return true;
}

/* ---- the decision, as findings ---- */

static const struct rec_name *presiding(struct evaluator *ev, const struct rec_motion *mo)
{
	return mo->presiding ? mo->presiding : ev->m->chair;
}

/* The last day notice may go out: clear days exclude the day of sending. */
static qdate last_day(qdate deadline, bool clear)
{
	return clear && date_in_range(deadline) ? deadline - 1 : deadline;
}

/* "by 2024-05-07", or why no date can be early enough. */
static const char *deadline_text(struct evaluator *ev, qdate last)
{
	if (!date_in_range(last))
		return "that is before year 1, outside the calendar: no notice can be early enough";
	return arena_printf(ev->arena, "by %s", fmt_date(ev, last));
}

static void class_findings(struct evaluator *ev, const struct motion_result *mr, const struct decision *d)
{
	const struct rec_motion *mo = mr->motion;
	if (d->untestable) {
		/* cite the `when` that could not be evaluated */
		const struct dclass *cl = d->untestable;
		struct requirement rq = { cl->when, NULL, ev->t->src };
		for (const struct node *it = cl->decl->b; it; it = it->next)
			if (it->kind == N_WHEN)
				rq.decl = it;
		report_eval_failure(ev, d->class_status, d->class_fault, &rq, cl->clause, mo->span);
	} else if (!d->cls) {
		add_finding(ev, F_NO_CLASS, NULL, mo->span, "no class of decision applies to this motion");
	}
}

/* docs/semantics.md#notice: without the notice its class needs, the motion
** was not validly before the meeting. */
static void notice_findings(struct evaluator *ev, const struct motion_result *mr, const struct decision *d)
{
	const struct dclass *cl = d->cls;
	const struct rec_motion *mo = mr->motion;
	if (d->notice == NOTICE_MISSING)
		add_finding(ev, F_NOTICE_MOTION, cl->clause, mo->span,
		            "class '%s' needs notice %s before the meeting, and the record shows none (write `notice given DATE`): the motion is void",
		            cl->id, english_duration(ev->arena, cl->notice, cl->notice_clear));
	else if (d->notice == NOTICE_LATE)
		add_finding(ev, F_NOTICE_MOTION, cl->clause, mo->span,
		            "notice given %s, but class '%s' needs at least %s before the meeting on %s (%s): the motion is void",
		            fmt_date(ev, mo->notice_given), cl->id, english_duration(ev->arena, cl->notice, cl->notice_clear),
		            fmt_date(ev, ev->m->date), deadline_text(ev, last_day(d->notice_deadline, cl->notice_clear)));
}

/* How it was decided: consensus, a declaration, or nothing to decide by. */
static void basis_findings(struct evaluator *ev, struct motion_result *mr, const struct decision *d)
{
	const struct terms *t = ev->t;
	const struct rec_motion *mo = mr->motion;
	if (d->consensus == CONSENSUS_OBJECTED && mo->n_votes + mo->has_tally > 0)
		/* the name kept by its address where the reader interned it for the run */
		add_finding_kept_if(ev, ev->m->names_lasting, F_CONSENSUS_BROKEN, t->consensus_clause,
		                    mo->objections.items[0].span, (uintptr_t)mo->objections.items[0].id, 0, 0,
		                    "%s objected to a consensus, so the motion went to a vote, as the terms require",
		                    mo->objections.items[0].id);
	else if (d->consensus == CONSENSUS_OBJECTED)
		add_finding(ev, F_CONSENSUS_NO_VOTE, t->consensus_clause, mo->objections.items[0].span,
		            "%s objected, so there was no consensus, and no vote is recorded: the motion was not validly agreed",
		            mo->objections.items[0].id);
	else if (d->consensus == CONSENSUS_NOT_ALLOWED && !t->consensus_tba)
		add_finding(ev, F_CONSENSUS_DENIED, t->consensus_clause, mo->consensus_span,
		            "the terms do not allow decisions by consensus: a vote was needed");
	mr->by_consensus = d->basis == BASIS_CONSENSUS;
	mr->declared_only = d->basis == BASIS_DECLARED;
	if (d->basis == BASIS_DECLARED && t->minutes_votes)
		add_finding(ev, F_VOTES_UNRECORDED, t->minutes_votes_clause, mo->declared_span,
		            "only the chair's declaration (%s) is minuted, but the terms say the minutes record the votes for "
		            "and against: accepted as declared, and a breach", ast_outcome_name(mo->declared));
	else if (d->basis == BASIS_DECLARED)
		add_finding(ev, F_DECLARED, NULL, mo->declared_span,
		            "only the chair's declaration (%s) is minuted: accepted as declared, but it cannot be checked against the threshold",
		            ast_outcome_name(mo->declared));
	else if (d->basis == BASIS_NOTHING)
		add_finding(ev, F_NO_DECISION, NULL, mo->span,
		            "the record shows no votes, tally, consensus or declared result for this motion");
	else if (d->basis == BASIS_CLASS_TBA)
		add_finding(ev, F_CLASS_TBA, d->cls->clause, mo->span, "the rule for class '%s' is still to be agreed", d->cls->id);
}

/* docs/semantics.md#ties: what became of a casting vote. */
static void casting_findings(struct evaluator *ev, const struct motion_result *mr, const struct decision *d)
{
	const struct terms *t = ev->t;
	const struct rec_motion *mo = mr->motion;
	const struct counts *c = mr->counts;
	const struct rec_name *chair = presiding(ev, mo);
	switch (d->casting) {
	case CASTING_NONE:
		break;
	case CASTING_NOT_GIVEN:
		if (!t->casting_tba) /* else casting.to-be-agreed, where it matters */
			add_finding(ev, F_CASTING_DENIED, t->casting_clause, mo->casting_span,
			            "a casting vote is recorded, but the terms give none: it is ignored");
		break;
	case CASTING_NO_TIE:
		add_finding(ev, F_CASTING_NO_TIE, t->casting_clause, mo->casting_span,
		            "a casting vote is recorded without an equality of votes (%lld for, %lld against): it is ignored",
		            (long long)c->n[COUNT_YES], (long long)c->n[COUNT_NO]);
		break;
	case CASTING_CONFLICTED:
		add_finding(ev, F_CASTING_CONFLICTED, t->casting_clause, mo->casting_span,
		            "the chair (%s) declared an interest in this motion and has no casting vote: it is ignored", chair->id);
		break;
	case CASTING_CHAIR_ABSENT:
		add_finding(ev, F_CASTING_DENIED, t->casting_clause, mo->casting_span,
		            "a casting vote is recorded, but the chair (%s) is not present at this motion: it is ignored", chair->id);
		break;
	case CASTING_USED:
		add_finding_kept(ev, F_CASTING_USED, t->casting_clause, mo->casting_span, c->n[COUNT_YES], c->n[COUNT_NO],
		                 mo->casting,
		                 "a tie of %lld to %lld: the chair's casting vote %s is added to the count, and the rules applied again",
		                 (long long)c->n[COUNT_YES] - (mo->casting == VOTE_FOR),
		                 (long long)c->n[COUNT_NO] - (mo->casting == VOTE_AGAINST), vote_word(mo->casting));
		break;
	case CASTING_DECLINED:
		add_finding(ev, F_CASTING_DECLINED, t->casting_clause, mo->casting_span,
		            "a tie of %lld to %lld: the chair declined to use the casting vote, so the tie stands and the rule is applied to it as it stands: %s",
		            (long long)c->n[COUNT_YES], (long long)c->n[COUNT_NO], ast_outcome_name(d->outcome));
		break;
	}
	/* declined where there was nothing to decline: said, changes nothing */
	if (mo->casting_declined && d->casting != CASTING_DECLINED)
		add_finding(ev, F_CASTING_DECLINED, t->casting_clause, mo->casting_span,
		            "the chair is recorded as declining a casting vote, but %s: it changes nothing",
		            t->casting_tba ? "the casting vote is still to be agreed"
		            : !t->casting_chair ? "the terms give none"
		            : c->n[COUNT_YES] != c->n[COUNT_NO] || c->n[COUNT_CAST] == 0 ? "the votes were not equal"
		            : "the chair could not give one here (absent, or with a declared interest)");
}

/* Was every rule applied evaluated (rules_findings, findings only
** counted, has then nothing to say)? */
static inline bool rules_all_evaluated(const struct decision_detail *detail)
{
	for (unsigned i = 0; i < detail->n_rules; i++)
		if (detail->rules[i].status != EXPR_OK)
			return false;
	return true;
}

/* The class rules as applied: each with its numbers (a failure reported). */
static void rules_findings(struct evaluator *ev, struct motion_result *mr, const struct decision *d,
                           const struct decision_detail *detail)
{
	const struct dclass *cl = d->cls;
	if (detail->n_rules == 0)
		return;
	if (ev->counts_only) {
		/* no report reads the workings (replay --summary): only a failure is said */
		for (unsigned i = 0; i < detail->n_rules; i++)
			if (detail->rules[i].status != EXPR_OK)
				report_eval_failure(ev, detail->rules[i].status, detail->rules[i].fault, &cl->requires[i], cl->clause,
				                    mr->motion->span);
		return;
	}
	mr->n_reqs = detail->n_rules;
	struct req_prepared *prep;
	if (detail->n_rules == 1 && (prep = req_prepared(ev, &cl->requires[0], cl->clause, &detail->rules[0]))) {
		mr->reqs = &prep->res; /* the plan's, never changed (most classes have one rule) */
		return;
	}
	mr->reqs = arena_alloc_uninit(ev->arena, detail->n_rules * sizeof *mr->reqs); /* req_result_of fills each */
	for (unsigned i = 0; i < detail->n_rules; i++)
		req_result_of(ev, &cl->requires[i], cl->clause, &detail->rules[i], mr->counts, mr->motion->span, &mr->reqs[i]);
}

/* Outside a meeting: not provided for, or provisional until ratified. */
static void meeting_findings(struct evaluator *ev, const struct motion_result *mr, const struct decision *d)
{
	const struct terms *t = ev->t;
	const struct rec_motion *mo = mr->motion;
	if (d->meeting == MEETING_OUTSIDE_DENIED)
		add_finding(ev, F_VIRTUAL_DENIED, NULL, mo->span,
		            "a decision taken outside a meeting (on %s), but the terms make no provision for one: it is void",
		            fmt_date(ev, mo->virtual_on));
	else if (d->provisional)
		add_finding(ev, F_PROVISIONAL, t->virtual_clause, mo->span,
		            "taken outside a meeting on %s: provisional until ratified %s", fmt_date(ev, mo->virtual_on),
		            t->ratify_next_meeting ? "at the next meeting" : "in time");
}

/* Approval by another body (docs/semantics.md#approval-by-another-body). */
static void approval_findings(struct evaluator *ev, const struct motion_result *mr, const struct decision *d)
{
	const struct rec_motion *mo = mr->motion;
	const struct dclass *c = d->cls;
	const char *verb = mo->approval_refused ? "refused" : "approved";
	switch (d->approval) {
	case APPROVAL_NOT_NEEDED:
		if (!mo->has_approval)
			break;
		if (c && c->approval_by)
			add_finding(ev, F_APPROVAL_UNNEEDED, c->clause, mo->approval_span,
			            "%s by \"%s\", but the meeting did not carry this motion (%s): it changes nothing", verb,
			            mo->approval_body, ast_outcome_name(d->outcome));
		else
			add_finding(ev, F_APPROVAL_UNNEEDED, c ? c->clause : NULL, mo->approval_span,
			            "%s by \"%s\", but %s needs no approval by another body: it changes nothing", verb,
			            mo->approval_body, c ? arena_printf(ev->arena, "class '%s'", c->id) : "no class applies, so the motion");
		break;
	case APPROVAL_AWAITED:
		add_finding(ev, F_APPROVAL_AWAITED, c->clause, mo->span,
		            "carried by the meeting; class '%s' needs approval by \"%s\", which the record does not give: "
		            "provisional, awaiting approval", c->id, c->approval_by);
		break;
	case APPROVAL_GRANTED:
		add_finding(ev, F_APPROVAL_GIVEN, c->clause, mo->approval_span, "approved by \"%s\" on %s%s", c->approval_by,
		            fmt_date(ev, mo->approval_on), d->outcome == OUTCOME_CARRIED ? ": carried" : "");
		break;
	case APPROVAL_REFUSED:
		add_finding(ev, F_APPROVAL_REFUSED, c->clause, mo->approval_span,
		            "carried by the meeting, then refused by \"%s\" on %s: not carried", c->approval_by,
		            fmt_date(ev, mo->approval_on));
		break;
	case APPROVAL_OTHER_BODY:
		add_finding(ev, F_APPROVAL_RECORD, c->clause, mo->approval_span,
		            "%s by \"%s\", but class '%s' needs approval by \"%s\": provisional, still awaiting its approval",
		            verb, mo->approval_body, c->id, c->approval_by);
		break;
	case APPROVAL_EARLY:
		add_finding(ev, F_APPROVAL_RECORD, c->clause, mo->approval_span,
		            "%s by \"%s\" on %s, before the meeting (%s) took the decision: it does not count, and the "
		            "decision is provisional, still awaiting approval", verb, mo->approval_body,
		            fmt_date(ev, mo->approval_on), fmt_date(ev, ev->m->date));
		break;
	}
}

/* ---- the motion as a whole ---- */

static void compare_recorded(struct evaluator *ev, struct motion_result *mr)
{
	const struct rec_motion *mo = mr->motion;
	mr->recorded = mo->recorded != OUTCOME_NONE ? mo->recorded : mo->declared;
	struct span where = mo->recorded != OUTCOME_NONE ? mo->recorded_span : mo->declared_span;
	if (mr->recorded == OUTCOME_NONE) {
		if (mo->expected == OUTCOME_NONE)
			add_finding(ev, F_UNRECORDED, NULL, mo->span, "the minutes do not record the outcome of this motion");
		return;
	}
	if (motion_record_agrees(mr))
		return;
	if (mr->outcome == OUTCOME_UNDETERMINED) {
		add_finding_kept(ev, F_UNVERIFIED, NULL, where, mr->recorded, 0, 0,
		                 "the minutes record %s, which cannot be verified from the record", ast_outcome_name(mr->recorded));
		return;
	}
	const char *clause = mr->outcome == OUTCOME_VOID && mr->quorum_known && !mr->quorate ? ev->t->quorum_clause
	                   : mr->cls ? mr->cls->clause : NULL;
	add_finding_kept(ev, F_MISMATCH, clause, where, mr->recorded, mr->outcome, 0,
	                 "the minutes record %s, but under the terms the motion is %s", ast_outcome_name(mr->recorded),
	                 ast_outcome_name(mr->outcome));
}

/* The record of one motion as a scenario for decide: the counts eval has
** made, how the record says it was decided, the chair, where and when. */
static void scenario_of(struct evaluator *ev, const struct motion_result *mr, const struct motion_state *ms,
                        bool votes_ok, struct scenario *s)
{
	const struct rec_motion *mo = mr->motion;
	const struct rec_name *chair = presiding(ev, mo);
	int chair_i = chair ? member_index(ev, chair->id) : -1;
	s->votes_unreliable = !votes_ok;
	s->attrs = mo->attrs;
	s->n_attrs = mo->n_attrs;
	s->voted = mo->n_votes > 0 || mo->has_tally;
	s->consensus = mo->consensus;
	s->objections = mo->objections.n;
	s->declared = mo->declared;
	s->chair_conflicted = has_vote(ev, chair_i) && ms->conflicted[chair_i];
	s->chair_absent = chair && (chair_i < 0 || !is_present(ev, (unsigned)chair_i));
	s->has_casting = mo->has_casting;
	s->casting = mo->casting;
	s->casting_declined = mo->casting_declined;
	s->outside_meeting = mo->is_virtual;
	s->notice_checked = true;
	s->has_notice_given = mo->has_notice_given;
	s->notice_given = mo->notice_given;
	s->day = ev->m->date;
	s->approval_checked = true;
	s->approval = !mo->has_approval ? APPROVAL_UNRECORDED : mo->approval_refused ? APPROVAL_REFUSED_BY : APPROVAL_RECORDED;
	s->approval_body = mo->approval_body;
	s->approval_on = mo->approval_on;
}

/* ---- names the roster does not have ---- */

/* Who sits in each seat, again, from who is present now (a reading of an
** unplaced name makes a member present, or a reading ends). */
static void reseat(struct evaluator *ev)
{
	for (unsigned i = 0; i < ev->t->n_members; i++)
		ev->here[i] = is_present(ev, i);
	struct seat_input in = { ev->t, ev->active, ev->on_roster, ev->here, ev->holds_seat, ev->stated, ev->choice };
	seats_assign(&in, &ev->seats);
	ev->seats_epoch = 0;
}

/* The outcome of the motion as the record reads now (with the aliases and
** presences set): its counts, votes and decision, findings set aside. */
static enum outcome outcome_as_read(struct evaluator *ev, const struct motion_result *mr, const struct motion_state *ms)
{
	bool was_quiet = ev->quiet;
	ev->quiet = true;
	reseat(ev); /* the seats as this reading's presences give them */
	struct scenario s;
	scenario_clear(&s); /* the counts are filled below */
	quorum_counts(ev, ms, &s.quorum);
	vote_counts_for_rules(ev, ms, &s.votes);
	bool votes_ok = gather_votes(ev, ms, mr->motion, &s.votes);
	scenario_of(ev, mr, ms, votes_ok, &s);
	struct decision d;
	decide(ev->t, &s, &d, NULL);
	ev->quiet = was_quiet;
	return d.outcome;
}

/* Roster members an unplaced name could be, grouped by all that the counts
** see of them (roles and tags, vote, presence, interest); a member the
** record names in this motion's votes or as its chair is a kind alone. */
struct person_kind {
	int reps[UNPLACED_MAX_AT_ONCE]; /* distinct members of the kind */
	unsigned n_reps, used;
};

static bool same_kind(const struct evaluator *ev, const struct motion_state *ms, int a, int b)
{
	const struct member *x = &ev->t->members[a], *y = &ev->t->members[b];
	return x->groups == y->groups && x->voting == y->voting && ev->on_roster[a] == ev->on_roster[b] &&
	       ev->people[a].present == ev->people[b].present && ms->conflicted[a] == ms->conflicted[b] &&
	       ms->deemed[a] == ms->deemed[b];
}

/* The kinds, or -1 when there are more than bound of them. */
static int person_kinds(struct evaluator *ev, const struct motion_state *ms, const bool *named,
                        struct person_kind *kinds, int bound)
{
	int n = 0;
	for (unsigned i = 0; i < ev->t->n_members; i++) {
		if (!ev->on_roster[i])
			continue;
		int k = 0;
		while (k < n && (named[i] || named[kinds[k].reps[0]] || !same_kind(ev, ms, kinds[k].reps[0], (int)i)))
			k++;
		if (k == n) {
			if (n == bound)
				return -1;
			kinds[n++] = (struct person_kind){ { (int)i }, 1, 0 };
		} else if (kinds[k].n_reps < UNPLACED_MAX_AT_ONCE) {
			kinds[k].reps[kinds[k].n_reps++] = (int)i;
		}
	}
	return n;
}

struct readings {
	const struct unplaced *names[UNPLACED_MAX_AT_ONCE];
	unsigned n_names;
	struct person_kind *kinds;
	int n_kinds;
	const bool *voted_own;             /* by member: named in this motion's votes */
	enum outcome base;
	bool present;                      /* some name is present at the motion (not only voting) */
	bool differs;
	int as[UNPLACED_MAX_AT_ONCE];      /* a reading that differs: member (-1 none) per name */
	enum outcome as_outcome;
};

/* Every way of reading names k.. (each no member, or a member of some kind
** not already taken), the motion judged under each. */
static void read_each_way(struct evaluator *ev, const struct motion_result *mr, const struct motion_state *ms,
                          struct readings *rd, unsigned k)
{
	if (rd->differs)
		return;
	if (k == rd->n_names) {
		enum outcome o = outcome_as_read(ev, mr, ms);
		if (o != rd->base) {
			rd->differs = true;
			rd->as_outcome = o;
			for (unsigned j = 0; j < rd->n_names; j++)
				rd->as[j] = j < ev->n_alias ? ev->alias[j].member : -1;
		}
		return;
	}
	const struct unplaced *u = rd->names[k];
	ev->alias[k] = (struct alias){ u->id, -1 };
	ev->n_alias = k + 1;
	read_each_way(ev, mr, ms, rd, k + 1);
	for (int c = 0; c < rd->n_kinds && !rd->differs; c++) {
		struct person_kind *pk = &rd->kinds[c];
		int i = pk->reps[0];
		/* someone named present under this name is not also present
		** under their own; a vote under it is by someone present who
		** has no vote under their own name (any other would be void
		** either way, as with no member) */
		bool here = ev->outside_meeting || ev->people[i].present;
		if (pk->used == pk->n_reps || (u->present ? here && !ev->outside_meeting : !here || rd->voted_own[i]))
			continue;
		int member = pk->reps[pk->used++];
		bool was = ev->people[member].present;
		ev->people[member].present = was || u->present;
		set_present_bit(ev, (unsigned)member, was || u->present);
		ev->alias[k] = (struct alias){ u->id, member };
		ev->n_alias = k + 1;
		read_each_way(ev, mr, ms, rd, k + 1);
		ev->people[member].present = was;
		set_present_bit(ev, (unsigned)member, was);
		pk->used--;
	}
	ev->n_alias = k;
}

/* "'carl' is carol (Dr Carol White)", for each name of a reading. */
static const char *reading_text(struct evaluator *ev, const struct readings *rd)
{
	struct sbuf b;
	sbuf_init(&b, ev->arena);
	for (unsigned j = 0; j < rd->n_names; j++) {
		const char *sep = j == 0 ? "" : j + 1 == rd->n_names ? " and " : ", ";
		if (rd->as[j] < 0)
			sbuf_addf(&b, "%s'%s' is no member", sep, rd->names[j]->id);
		else
			sbuf_addf(&b, "%s'%s' is %s (%s)", sep, rd->names[j]->id, ev->t->members[rd->as[j]].id,
			          ev->t->members[rd->as[j]].name);
	}
	return sbuf_str(&b);
}

/*
** A motion whose counts a name the roster does not have could change (the
** name present at it, or voting on it): judged under every person the name
** could be, and no member.  Returns true when the outcome depends on it
** (the motion is then undetermined, said once, with a reading that
** differs); the same whoever it is, a note says so.
*/
static bool depends_on_unplaced(struct evaluator *ev, struct motion_result *mr, const struct motion_state *ms,
                                enum outcome base, bool *room_known)
{
	*room_known = false;
	const struct rec_motion *mo = mr->motion;
	struct readings rd = { .base = base };
	bool too_many = ev->unplaced_overflow;
	for (size_t k = 0; k < ev->unplaced.n; k++) {
		const struct unplaced *u = &ev->unplaced.items[k];
		bool touches = u->present && !mo->is_virtual;
		for (unsigned v = 0; v < mo->n_votes && !touches; v++)
			touches = strcmp(mo->votes[v].who.id, u->id) == 0 && terms_find_member(ev->t, u->id) < 0;
		if (!touches)
			continue;
		if (rd.n_names == UNPLACED_MAX_AT_ONCE)
			too_many = true;
		else
			rd.names[rd.n_names++] = u;
		rd.present = rd.present || (u->present && !mo->is_virtual);
	}
	if (rd.n_names == 0 && !too_many)
		return false;
	const char *who = rd.n_names ? rd.names[0]->id : "";
	if (!too_many) {
		/* members named in this motion's votes or as its chair are each a kind alone */
		bool *named = ev->named, *voted_own = ev->voted_own;
		memset(named, 0, (ev->t->n_members + 1) * sizeof *named);
		memset(voted_own, 0, (ev->t->n_members + 1) * sizeof *voted_own);
		for (unsigned v = 0; v < mo->n_votes; v++) {
			int i = terms_find_member(ev->t, mo->votes[v].who.id);
			if (i >= 0)
				named[i] = voted_own[i] = true;
		}
		const struct rec_name *chair = presiding(ev, mo);
		int ci = chair ? terms_find_member(ev->t, chair->id) : -1;
		if (ci >= 0)
			named[ci] = true;
		rd.voted_own = voted_own;
		enum { KINDS_MAX = 64 };
		struct person_kind kinds[KINDS_MAX];
		rd.kinds = kinds;
		rd.n_kinds = person_kinds(ev, ms, named, kinds, KINDS_MAX);
		double readings = 1;
		for (unsigned j = 0; j < rd.n_names; j++)
			readings *= rd.n_kinds + 1;
		too_many = rd.n_kinds < 0 || readings > UNPLACED_MAX_READINGS;
		if (!too_many) {
			read_each_way(ev, mr, ms, &rd, 0);
			reseat(ev); /* the seats of the record as written */
		}
		ev->n_alias = 0;
	}
	if (too_many) {
		add_finding(ev, F_UNPLACED_DECIDES, NULL, mo->span,
		            "the counts rely on names the roster does not have%s%s%s, in more ways than can be tried: the motion is undetermined",
		            *who ? " ('" : "", who, *who ? "'...)" : "");
		return true;
	}
	if (!rd.differs) {
		add_finding(ev, F_UNPLACED_SAME, NULL, mo->span,
		            "the counts rely on %s the roster does not have; whoever %s, the outcome is the same: %s",
		            rd.n_names == 1 ? arena_printf(ev->arena, "'%s', a name", who) : "names",
		            rd.n_names == 1 ? "that is" : "they are", ast_outcome_name(base));
		return false;
	}
	add_finding(ev, F_UNPLACED_DECIDES, NULL, mo->span,
	            "the outcome depends on %s the roster does not have: as written (no member) the motion is %s, "
	            "but if %s it is %s; it is undetermined until the record says who it is",
	            rd.n_names == 1 ? arena_printf(ev->arena, "who '%s' is, a name", who) : "who are the names",
	            ast_outcome_name(base),
	            reading_text(ev, &rd), ast_outcome_name(rd.as_outcome));
	*room_known = !rd.present;
	return true;
}

/* Room for the requirements decide evaluates: the quorum's, and those of
** the class with the most (once a meeting, or once for a plan's meetings:
** each motion's are turned into req_results before the next is decided). */
static void detail_room(struct arena *a, const struct terms *t, struct decision_detail *detail)
{
	unsigned most = 0;
	for (unsigned i = 0; i < t->n_classes; i++)
		most = t->classes[i].n_requires > most ? t->classes[i].n_requires : most;
	/* decide fills each before it is read (a KiB each: not cleared) */
	detail->quorum = arena_alloc_uninit(a, (t->n_quorum + 1) * sizeof *detail->quorum);
	detail->rules = arena_alloc_uninit(a, (most + 1) * sizeof *detail->rules);
}

/* Append the findings of `from` to the current sink (kept apart while
** counting votes, so findings stay in the order a reader follows). */
static void splice_findings(struct evaluator *ev, struct finding_list *from)
{
	struct finding_list *l = ev->sink;
	if (!from->first)
		return;
	if (l->last)
		l->last->next = from->first;
	else
		l->first = from->first;
	l->last = from->last;
	l->n += from->n;
}

/* ---- settings still to be agreed (docs/semantics.md#unagreed) ---- */

/*
** Where the interests settings are still to be agreed, the motion read
** again as each other way of agreeing them gives it (decide tries them
** all): the same steps as eval_motion's, under the terms so agreed, their
** findings dropped.  s->by_interests[0] is s itself.
*/
static void by_interests(struct evaluator *ev, const struct motion_result *mr, struct scenario *s)
{
	const struct terms *t = ev->t;
	unsigned n = open_ways(t, OPEN_INTERESTS);
	if (n == 1)
		return;
	struct scenario *alt = arena_array(ev->arena, n, sizeof *alt);
	struct terms *agreed = arena_alloc(ev->arena, sizeof *agreed);
	alt[0] = *s;
	bool was_quiet = ev->quiet;
	ev->quiet = true;
	for (unsigned w = 1; w < n; w++) {
		struct open_choice c = { { 0 } };
		c.way[OPEN_INTERESTS] = (unsigned char)w;
		open_agree(t, &c, agreed);
		ev->t = agreed;
		struct motion_result again = { .motion = mr->motion };
		struct motion_state ms = { ev->conflicted, ev->deemed };
		memset(ms.conflicted, 0, (t->n_members + 1) * sizeof *ms.conflicted);
		memset(ms.deemed, 0, (t->n_members + 1) * sizeof *ms.deemed);
		read_interests(ev, &again, &ms);
		quorum_counts(ev, &ms, &alt[w].quorum);
		alt[w].everyone_counted = t->quorum_tba && everyone_counted(ev, &alt[w].quorum);
		vote_counts_for_rules(ev, &ms, &alt[w].votes);
		bool votes_ok = gather_votes(ev, &ms, mr->motion, &alt[w].votes);
		scenario_of(ev, &again, &ms, votes_ok, &alt[w]);
	}
	ev->quiet = was_quiet;
	ev->t = t;
	s->by_interests = alt;
	s->n_by_interests = n;
}

/* A setting still to be agreed that decides the motion: one finding each,
** naming its clause and two ways of agreeing it that differ. */
static void open_findings(struct evaluator *ev, struct motion_result *mr, const struct decision *d)
{
	static const enum finding_code code[OPEN__N] = { F_CASTING_TBA, F_CONSENSUS_TBA, F_INTERESTS_TBA };
	const struct terms *t = ev->t;
	for (unsigned k = 0; k < OPEN__N; k++) {
		if (!(d->open.deciding & (1u << k)))
			continue;
		const struct open_choice *ex = d->open.example[k];
		const char *ways[2];
		for (unsigned i = 0; i < 2; i++)
			ways[i] = open_way_text(ev->arena, t, (enum open_setting)k, ex[i].way[k], ex[1 - i].way[k]);
		/* the other settings still open, where the pair is not at their defaults */
		struct sbuf where;
		sbuf_init(&where, ev->arena);
		for (unsigned j = 0; j < OPEN__N; j++)
			if (j != k && ex[0].way[j] != 0)
				sbuf_addf(&where, "%s`%s`", where.len ? " and " : " (where ",
				          open_way_text(ev->arena, t, (enum open_setting)j, ex[0].way[j], ex[0].way[j]));
		if (where.len)
			sbuf_add(&where, ")");
		add_finding(ev, code[k], open_clause(t, (enum open_setting)k), mr->motion->span,
		            "%s is still to be agreed, and it decides this motion: %s with `%s`, %s with `%s`%s",
		            open_setting_name((enum open_setting)k), ast_outcome_name(d->open.outcome[k][0]), ways[0],
		            ast_outcome_name(d->open.outcome[k][1]), ways[1], sbuf_str(&where));
	}
}

/* Who sits in each seat at this motion (seats.h), and the deputies in
** seats for the report. */
static void fill_seats(struct evaluator *ev, struct motion_result *mr)
{
	const struct terms *t = ev->t;
	mr->n_deputies = 0;
	if (!t->has_deputies) {
		/* seats_assign without deputies: each voting member in their own
		** seat when present (or holding it for an interest), no choices;
		** nobody sits for another (start_seats set every sits_for to -1) */
		struct seats *st = &ev->seats;
		st->n_choices = 0;
		st->too_many = false;
		const bool *active = ev->active, *holds = ev->holds_seat;
		const struct person *people = ev->people;
		bool everyone_here = ev->outside_meeting;
		if (ev->bits_known && !ev->marks_set) {
			/* nobody holds a seat for an interest (no mark set): by the bits */
			uint64_t here = ev->active_bits & (everyone_here ? ~UINT64_C(0) : ev->present_bits);
			for (unsigned i = 0; i < t->n_members; i++)
				st->occupant[i] = here >> i & 1 ? (int)i : -1;
			return;
		}
		for (unsigned i = 0; i < t->n_members; i++)
			st->occupant[i] = active[i] && (everyone_here || people[i].present || holds[i]) ? (int)i : -1;
		return;
	}
	for (unsigned i = 0; i < t->n_members; i++)
		ev->here[i] = is_present(ev, i);
	struct seat_input in = { t, ev->active, ev->on_roster, ev->here, ev->holds_seat, ev->stated, ev->choice };
	seats_assign(&in, &ev->seats);
	mr->deputies = arena_array(ev->arena, t->n_members + 1, sizeof *mr->deputies);
	for (unsigned i = 0; i < t->n_members; i++)
		if (ev->seats.sits_for[i] >= 0)
			mr->deputies[mr->n_deputies++] = (struct deputy_seat){ &t->members[i], &t->members[ev->seats.sits_for[i]] };
}

/*
** One motion as the terms (ev->t, perhaps with a setting still to be agreed
** chosen) and a choice of seats for deputies (ev->choice) decide it: the
** record read into a scenario (findings about the record as they are met),
** the one decision (decide.c), and the decision turned into findings, in
** the order a reader follows: interests and chair, quorum, votes, class,
** notice, how it was decided, casting vote and rules, meeting.  The recorded
** outcome is compared by eval_motion, once the choices are settled.
*/
/*
** An attribute the terms never read that is likely another (attr_guess.h):
** the motion decided as the record probably meant it too.  Returns true
** when that changes the outcome (the motion is then undetermined: its
** class, and so its rule, is not known); the same either way, a note says
** so.  The finding is at the attribute, with the fix-it where the reader
** kept its place.
*/
/* What the terms read of a motion's attributes (the plan's, made once). */
static const struct attr_read *attr_read(struct evaluator *ev)
{
	if (!ev->attr_read && ev->plan && !ev->plan->attr_read)
		ev->plan->attr_read = attr_read_of(ev->plan->arena, ev->t);
	if (!ev->attr_read)
		ev->attr_read = ev->plan ? ev->plan->attr_read : attr_read_of(ev->arena, ev->t);
	return ev->attr_read;
}

static bool depends_on_attribute(struct evaluator *ev, struct motion_result *mr, const struct scenario *s,
                                 const struct decision *d)
{
	const struct rec_motion *mo = mr->motion;
	struct attr_guess g;
	if (!attr_guess(ev->arena, ev->t, attr_read(ev), mo->attrs, mo->n_attrs, &g))
		return false;
	struct scenario meant = *s;
	meant.attrs = g.attrs;
	meant.n_attrs = g.n_attrs;
	struct decision other;
	decide(ev->t, &meant, &other, NULL);
	const char *cls = d->cls ? arena_printf(ev->arena, "class '%s'", d->cls->id) : "no class";
	const char *other_cls = other.cls ? arena_printf(ev->arena, "class '%s'", other.cls->id) : "no class";
	bool differs = other.outcome != d->outcome;
	const struct rec_attr_at *at = mo->attr_at ? &mo->attr_at[g.index] : NULL;
	struct finding *f;
	if (differs)
		f = add_finding(ev, F_ATTR_DECIDES, other.cls ? other.cls->clause : NULL, at ? at->name : mo->span,
		                "the terms %s: did you mean %s? As written the motion is in %s and %s; as %s it "
		                "is in %s and %s: undetermined until the record says which", g.unread, g.meant, cls,
		                ast_outcome_name(d->outcome), g.meant, other_cls, ast_outcome_name(other.outcome));
	else
		f = add_finding(ev, F_ATTR_UNREAD, NULL, at ? at->name : mo->span,
		                "the terms %s: did you mean %s? Read either way (%s, or %s) the motion is %s",
		                g.unread, g.meant, cls, other_cls, ast_outcome_name(d->outcome));
	if (at) {
		struct diag_fixit *fix = arena_alloc(ev->arena, sizeof *fix);
		fix->loc = rec_loc(ev, g.fix_value ? at->value : at->name);
		fix->text = g.fix;
		f->fix = fix;
	}
	return differs;
}

/*
** A plain motion (its room carried, struct room), with valid votes:
** decided by decide_usual where it applies (no casting vote, approval,
** objection, name the roster does not have or attribute attr_guess has a
** word about; see decide.h), with the findings decide_motion would make
** of that decision, in its order.  false, with nothing done, where it does not apply.  Not
** where the room is not carried (eval_meeting_recounted: the comparison of
** tests).
*/
static bool decide_usual_motion(struct evaluator *ev, struct motion_result *mr, struct room *room,
                                const struct counts *votes, bool chair_absent, struct finding_list *vote_found)
{
	const struct rec_motion *mo = mr->motion;
	const struct terms *t = ev->t;
	if (mo->has_casting || mo->casting_declined || mo->has_approval || (mo->consensus && mo->objections.n > 0) ||
	    ev->unplaced.n > 0 || ev->unplaced_overflow)
		return false;
	struct attr_guess g;
	if (mo->n_attrs > 0 && attr_guess(ev->arena, t, attr_read(ev), mo->attrs, mo->n_attrs, &g))
		return false; /* depends_on_attribute has something to say */
	struct usual_motion u = { votes, &room->quorum, room->has_quorum ? (int)room->verdict : -1,
	                          mo->n_votes > 0 || mo->has_tally, mo->consensus, chair_absent, mo->attrs, mo->n_attrs,
	                          ev->plan ? ev->plan->conditions : NULL };
	struct decision d;
	struct decision_detail *detail = ev->detail;
	if (!decide_usual(t, &u, &d, detail))
		return false;
	mr->is_virtual = false;
	mr->cls = d.cls;
	counts_copy(mr->counts, votes, t->n_masks); /* detail->counts: no casting vote added */
	if (ev->counts_only && t->n_quorum <= 64) {
		/* quorum_findings' way for a quorum met or not (decide_usual
		** decides no other), nothing open, findings only counted */
		mr->quorum_present = room->quorum.n[COUNT_PRESENT];
		mr->quorum_attendees = room->quorum.n[COUNT_ATTENDEES];
		mr->quorum_known = mr->quorate = true;
		if (room->has_quorum && room->unmet == 0) {
			/* quorum_counted's way with nothing to say, in place (most motions) */
			mr->n_quorum = 0;
			mr->quorate = room->quorate;
		} else {
			quorum_counted(ev, mr, &d, detail, room);
		}
	} else if (room->has_quorum && room->unmet == 0 && t->n_quorum <= 64) {
		/* quorum_findings' way in a room whose quorum an earlier motion
		** had decided, every requirement met: its results shared, nothing
		** to say (most motions of a report) */
		mr->quorum_present = room->quorum.n[COUNT_PRESENT];
		mr->quorum_attendees = room->quorum.n[COUNT_ATTENDEES];
		mr->quorum_known = true;
		mr->quorate = room->quorate;
		mr->n_quorum = t->n_quorum;
		mr->quorum = room->quorum_results;
	} else {
		quorum_findings(ev, mr, &d, detail, &room->quorum, room);
	}
	splice_findings(ev, vote_found);
	/* class, notice, casting, meeting, open settings, approval: nothing to say */
	mr->by_consensus = d.basis == BASIS_CONSENSUS;
	struct req_prepared *prep;
	if (!ev->counts_only && detail->n_rules == 1 &&
	    (prep = req_prepared(ev, &d.cls->requires[0], d.cls->clause, &detail->rules[0]))) {
		/* rules_findings' way for a class's one rule prepared before, in place (most motions of a report) */
		mr->n_reqs = 1;
		mr->reqs = &prep->res;
	} else if (!ev->counts_only || !rules_all_evaluated(detail)) {
		rules_findings(ev, mr, &d, detail);
	}
	mr->approval = APPROVAL_NOT_NEEDED;
	if (d.outcome == OUTCOME_UNDETERMINED && mr->findings.n == 0)
		add_finding(ev, F_UNDETERMINED, NULL, mo->span, "the record lacks what the rules need to decide this motion");
	mr->outcome = d.outcome;
	ev->outside_meeting = false;
	return true;
}

static void decide_motion(struct evaluator *ev, struct motion_result *mr)
{
	const struct terms *t = ev->t;
	const struct rec_motion *mo = mr->motion;
	ev->sink = &mr->findings;
	ev->outside_meeting = mo->is_virtual; /* before interests: everyone may declare one */
	struct motion_state ms = { 0 };
	ms.conflicted = ev->conflicted;
	ms.deemed = ev->deemed;
	/* the room as at the last motion of this stretch (struct room) */
	bool plain = mo->interests.n == 0 && !mo->is_virtual && !t->has_deputies && !ev->quiet && ev->n_alias == 0 &&
	             !ev->recount;
	if (ev->marks_set) {
		memset(ms.conflicted, 0, (t->n_members + 1) * sizeof *ms.conflicted);
		memset(ms.deemed, 0, (t->n_members + 1) * sizeof *ms.deemed);
		memset(ev->holds_seat, 0, (t->n_members + 1) * sizeof *ev->holds_seat);
		ev->marks_set = false;
	}
	if (mo->interests.n > 0) /* else nothing to read: mr has no interests (cleared) */
		read_interests(ev, mr, &ms);
	if (!plain || ev->seats_epoch != ev->room_epoch)
		fill_seats(ev, mr);
	ev->seats_epoch = plain ? ev->room_epoch : 0;
	for (unsigned k = 0; k < mr->n_interests; k++)
		interest_effect(ev, mo, &ms, &mr->interests[k]);

	const struct rec_name *chair = presiding(ev, mo);
	bool chair_absent = false; /* at a meeting: as scenario_of says */
	if (chair && !mo->is_virtual) {
		int ci = member_index(ev, chair->id);
		bool here = ci >= 0 && ev->people[ci].present;
		chair_absent = !here;
		if (ci < 0 && !t->chair.set && first_unplaced(ev, chair->id))
			suggest_member(ev, add_finding(ev, F_UNKNOWN_PERSON, NULL, chair->span, "'%s' is not on the roster of %s%s",
			                               chair->id, t->name, did_you_mean(ev, chair->id)), chair);
		if (mo->presiding && t->chair.set)
			check_chair_rule(ev, mo->presiding, here, true);
		else if (!here && ci >= 0)
			add_finding(ev, F_CHAIR_ABSENT, NULL, chair->span, "%s presides but is not recorded as present at this motion",
			            chair->id);
	}
	struct scenario s; /* its counts filled now, the rest cleared below where the short way is not taken */
	room_counts(ev, &ms, plain, &s);
	struct room *room = plain ? ev->room : NULL; /* the counts s.quorum has, to be kept as they are */
	if (room && !room->has_quorum)
		quorum_remembered(ev, room);
	struct finding_list vote_found = { 0 };
	ev->sink = &vote_found;
	bool votes_ok = gather_votes(ev, &ms, mo, &s.votes);
	ev->sink = &mr->findings;
	interest_votes(mr);
	if (room && votes_ok && decide_usual_motion(ev, mr, room, &s.votes, chair_absent, &vote_found))
		return;
	if (room)
		counts_copy(&s.quorum, &room->quorum, t->n_masks); /* room_counts left it to here */
	bool everyone = s.everyone_counted;
	scenario_clear(&s); /* all but the counts */
	s.everyone_counted = everyone;
	s.memo = ev->plan ? ev->plan->conditions : NULL;
	if (room && room->has_quorum) {
		s.quorum_given = true;
		s.quorum_verdict = room->verdict;
	}
	scenario_of(ev, mr, &ms, votes_ok, &s);
	if (mr->n_interests > 0)
		by_interests(ev, mr, &s);

	struct decision d;
	struct decision_detail *detail = ev->detail;
	decide(t, &s, &d, detail);

	mr->is_virtual = mo->is_virtual;
	mr->cls = d.cls;
	counts_copy(mr->counts, &detail->counts, t->n_masks);
	mr->casting_applied = d.casting == CASTING_USED;
	bool room_known;
	if (ev->unplaced.n > 0 && depends_on_unplaced(ev, mr, &ms, d.outcome, &room_known)) {
		/* what the record as written would give is not the outcome: the
		** findings of that decision are not said (the one above says why);
		** the quorum is, when no such name is in the room */
		if (room_known)
			quorum_findings(ev, mr, &d, detail, &s.quorum, room);
		mr->outcome = OUTCOME_UNDETERMINED;
		splice_findings(ev, &vote_found); /* each true of the record as written */
		ev->outside_meeting = false; /* the recorded outcome is compared by eval_motion */
		return;
	}
	if (mo->n_attrs > 0 && depends_on_attribute(ev, mr, &s, &d)) {
		quorum_findings(ev, mr, &d, detail, &s.quorum, room);
		mr->outcome = OUTCOME_UNDETERMINED;
		splice_findings(ev, &vote_found);
		ev->outside_meeting = false;
		return;
	}
	quorum_findings(ev, mr, &d, detail, &s.quorum, room);
	splice_findings(ev, &vote_found);
	class_findings(ev, mr, &d);
	notice_findings(ev, mr, &d);
	basis_findings(ev, mr, &d);
	casting_findings(ev, mr, &d);
	rules_findings(ev, mr, &d, detail);
	if (d.tie_unresolved)
		add_finding_kept(ev, F_TIE_UNRESOLVED, t->casting_clause, mo->span, s.votes.n[COUNT_YES], s.votes.n[COUNT_NO], 0,
		                 "a tie of %lld to %lld: the chair's casting vote decides, but none is recorded",
		                 (long long)s.votes.n[COUNT_YES], (long long)s.votes.n[COUNT_NO]);
	meeting_findings(ev, mr, &d);
	open_findings(ev, mr, &d);
	/* an undetermined motion awaits nothing (a setting still to be agreed
	** decides it, and the decision's other fields are the defaults') */
	mr->approval = d.outcome == OUTCOME_UNDETERMINED ? APPROVAL_NOT_NEEDED : d.approval;
	if (d.outcome != OUTCOME_UNDETERMINED)
		approval_findings(ev, mr, &d);
	if (d.outcome == OUTCOME_UNDETERMINED && mr->findings.n == 0)
		add_finding(ev, F_UNDETERMINED, NULL, mo->span, "the record lacks what the rules need to decide this motion");
	mr->outcome = d.outcome;
	ev->outside_meeting = false;
}

/* ---- what the terms or the record leave open (docs/semantics.md#open-choices) ---- */

/* The most ways of deciding one motion that are tried. */
#define CHOICES_MAX 512

/* One way the open choices may fall: the deputies' seats. */
struct choice_set {
	unsigned seat[SEATS_MAX_CHOICES];
};

/* The next choice of seats after c, given the options each deputy had
** under c (later deputies' options depend on earlier choices); false when
** every choice has been tried. */
static bool next_seats(struct choice_set *c, const struct seats *s)
{
	for (unsigned j = s->n_choices; j-- > 0;) {
		if (++c->seat[j] < s->options[j]) {
			for (unsigned k = j + 1; k < SEATS_MAX_CHOICES; k++)
				c->seat[k] = 0;
			return true;
		}
		c->seat[j] = 0;
	}
	return false;
}

/* "foster for vas, gwen for stocks": the seats a choice gave. */
static const char *seats_text(struct evaluator *ev, const struct seats *s)
{
	struct sbuf b;
	sbuf_init(&b, ev->arena);
	for (unsigned j = 0; j < s->n_choices; j++) {
		const struct member *d = &ev->t->members[s->chooser[j]];
		int p = s->sits_for[s->chooser[j]];
		sbuf_addf(&b, "%s%s for %s", j ? ", " : "", d->id, p >= 0 ? ev->t->members[p].id : "nobody");
	}
	return sbuf_str(&b);
}

/* Is there a finding with f's code at f's place in l? */
static bool has_like(const struct finding_list *l, const struct finding *f)
{
	for (const struct finding *g = l->first; g; g = g->next)
		if (g->code == f->code && g->where.start == f->where.start)
			return true;
	return false;
}

/* Keep in base the findings every other way of deciding also made: what
** holds whatever the open choices are. */
static void keep_common(struct finding_list *base, const struct finding_list *others, unsigned n)
{
	struct finding_list kept = { 0 };
	for (struct finding *f = base->first, *next; f; f = next) {
		next = f->next;
		bool everywhere = true;
		for (unsigned k = 0; k < n && everywhere; k++)
			everywhere = has_like(&others[k], f);
		if (!everywhere)
			continue;
		f->next = NULL;
		if (kept.last)
			kept.last->next = f;
		else
			kept.first = f;
		kept.last = f;
		kept.n++;
	}
	*base = kept;
}

/*
** One motion.  Where the record leaves open whom a deputy with several
** absent principals stood for, each choice is tried: the motion is decided
** only if every choice gives the same outcome (a note says so), else it is
** undetermined (outcome.depends, naming the choices and what each gives).
** The findings kept are those every choice makes.
*/
static void eval_motion(struct evaluator *ev, struct motion_result *mr)
{
	const struct rec_motion *mo = mr->motion;
	ev->sink = &mr->findings;
	if (ev->not_in_force) {
		/* docs/semantics.md#history: judged by terms not in force on its
		** date, a motion is decided by nothing (replay judges no such meeting) */
		mr->is_virtual = mo->is_virtual;
		mr->outcome = OUTCOME_UNDETERMINED;
		add_finding(ev, F_UNDETERMINED, NULL, mo->span,
		            "not decided: these terms were not in force on %s (terms.not-in-force)", fmt_date(ev, ev->m->date));
		compare_recorded(ev, mr);
		return;
	}
	unsigned by_sev[4];
	memcpy(by_sev, ev->res->count_by_sev, sizeof by_sev);
	struct choice_set c = { { 0 } };
	ev->choice = c.seat;
	decide_motion(ev, mr);
	unsigned n_choices = ev->seats.n_choices;
	bool too_many = ev->seats.too_many;
	const char *first_text = n_choices ? seats_text(ev, &ev->seats) : NULL;
	struct { enum outcome outcome; const char *text; } other = { mr->outcome, NULL };
	struct finding_list *others = NULL;
	unsigned n_others = 0;
	bool differ = too_many;
	if (n_choices > 0 && !too_many) {
		others = arena_array(ev->arena, CHOICES_MAX, sizeof *others);
		struct seats s = ev->seats; /* the first choice's (its arrays are re-filled below) */
		while (next_seats(&c, &s)) {
			if (n_others + 1 == CHOICES_MAX) {
				too_many = differ = true;
				break;
			}
			struct motion_result alt = { .motion = mo, .counts = counts_new(ev->arena, ev->t->n_masks) };
			decide_motion(ev, &alt);
			s = ev->seats;
			others[n_others++] = alt.findings;
			if (alt.outcome != mr->outcome && !differ) {
				differ = true;
				other.outcome = alt.outcome;
				other.text = seats_text(ev, &s);
			}
		}
	}
	ev->sink = &mr->findings;
	ev->choice = NULL;
	if (n_choices > 0) {
		memcpy(ev->res->count_by_sev, by_sev, sizeof by_sev);
		keep_common(&mr->findings, others, n_others);
		for (const struct finding *f = mr->findings.first; f; f = f->next)
			ev->res->count_by_sev[f->sev]++;
		if (differ && too_many)
			add_finding(ev, F_CHOICE_DEPENDS, NULL, mo->span,
			            "more deputies stand for several absent principals than can be tried, and the record does not "
			            "say whom each stood for (write `deputy NAME for PRINCIPAL`): undetermined");
		else if (differ)
			add_finding(ev, F_CHOICE_DEPENDS, NULL, mo->span,
			            "the outcome depends on whom the deputies stood for, which the record does not say: %s with %s, "
			            "%s with %s (write `deputy NAME for PRINCIPAL`): undetermined",
			            ast_outcome_name(mr->outcome), first_text, ast_outcome_name(other.outcome), other.text);
		else
			add_finding(ev, F_CHOICE_SAME, NULL, mo->span,
			            "the record does not say whom each deputy stood for (%s, or otherwise): every choice gives %s",
			            first_text, ast_outcome_name(mr->outcome));
		if (differ) {
			mr->outcome = OUTCOME_UNDETERMINED;
			mr->approval = APPROVAL_NOT_NEEDED;
		}
	}
	compare_recorded(ev, mr);
}

/* ==== the meeting ============================================================== */

/* `notice amendments within N days after`: the minutes' last amendment
** (`minutes amended DATE`) no later than N days after they were circulated.
** A record that says no amendment was made has nothing to check. */
static void check_amendments(struct evaluator *ev)
{
	const struct notice_rule *rule = &ev->t->amendments;
	const struct meeting *m = ev->m;
	if (m->has_amended && (m->minutes_amended < m->date || (m->has_minutes && m->minutes_amended < m->minutes_circulated)))
		add_finding(ev, F_DATES, NULL, m->amended_span, "the minutes are recorded as amended before they were %s",
		            m->minutes_amended < m->date ? "taken (the meeting)" : "circulated");
	if (!rule->set || rule->tba || !m->has_amended)
		return;
	struct finding *f;
	qdate deadline;
	if (!m->has_minutes)
		f = add_finding(ev, F_NOTICE_UNRECORDED, rule->clause, m->amended_span,
		                "the minutes are recorded as amended %s, but not when they were circulated, from when the "
		                "deadline for amendments runs", fmt_date(ev, m->minutes_amended));
	else if (date_add(m->minutes_circulated, rule->period, &deadline) == DATE_OK &&
	         (rule->clear ? m->minutes_amended >= deadline : m->minutes_amended > deadline))
		f = add_finding(ev, F_NOTICE_AMENDMENTS, rule->clause, m->amended_span,
		                "minutes amended %s, but the terms allow amendments within %s after the minutes are circulated "
		                "(circulated %s, so by %s)", fmt_date(ev, m->minutes_amended),
		                english_duration(ev->arena, rule->period, rule->clear), fmt_date(ev, m->minutes_circulated),
		                fmt_date(ev, rule->clear ? deadline - 1 : deadline));
	else
		return;
	cite_rule(f, ev->t->src, rule->decl);
}

/* A notice period of the terms in words, made once a plan (*kept, the
** plan's): a meeting's notice findings say it again and again. */
static const char *notice_period(struct evaluator *ev, const char **kept, struct duration d, bool clear)
{
	if (!ev->plan)
		return english_duration(ev->arena, d, clear);
	if (!*kept)
		*kept = english_duration(ev->plan->arena, d, clear);
	return *kept;
}

static void check_meeting_notice(struct evaluator *ev)
{
	const struct terms *t = ev->t;
	const struct meeting *m = ev->m;
	qdate deadline;
	if (t->papers.set && !t->papers.tba) {
		if (!m->has_papers)
			add_finding(ev, F_NOTICE_UNRECORDED, t->papers.clause, m->span, "the record does not say when papers were sent");
		else if (!notice_in_time(m->papers_sent, m->date, t->papers.period, t->papers.clear, &deadline))
			add_finding(ev, F_NOTICE_PAPERS, t->papers.clause, m->papers_span,
			            "papers sent %s, but the terms require them at least %s before the meeting (%s)",
			            fmt_date(ev, m->papers_sent),
			            notice_period(ev, ev->plan ? &ev->plan->papers_within : NULL, t->papers.period, t->papers.clear),
			            deadline_text(ev, last_day(deadline, t->papers.clear)));
	}
	if (t->minutes.set && !t->minutes.tba) {
		if (!m->has_minutes)
			add_finding(ev, F_NOTICE_UNRECORDED, t->minutes.clause, m->span, "the record does not say when the minutes were circulated");
		else if (date_add(m->date, t->minutes.period, &deadline) == DATE_OK &&
		         (t->minutes.clear ? m->minutes_circulated >= deadline : m->minutes_circulated > deadline))
			add_finding(ev, F_NOTICE_MINUTES, t->minutes.clause, m->minutes_span,
			            "minutes circulated %s, but the terms require them within %s after the meeting (by %s)",
			            fmt_date(ev, m->minutes_circulated),
			            notice_period(ev, ev->plan ? &ev->plan->minutes_within : NULL, t->minutes.period,
			                          t->minutes.clear),
			            fmt_date(ev, t->minutes.clear ? deadline - 1 : deadline));
	}
	check_amendments(ev);
	if (m->has_papers && m->papers_sent > m->date)
		add_finding(ev, F_DATES, NULL, m->papers_span, "papers are recorded as sent after the meeting");
	if (m->has_minutes && m->minutes_circulated < m->date)
		add_finding(ev, F_DATES, NULL, m->minutes_span, "minutes are recorded as circulated before the meeting");
}

static void check_terms_in_force(struct evaluator *ev)
{
	const struct terms *t = ev->t;
	const struct meeting *m = ev->m;
	if (m->terms_name && strcmp(m->terms_name, t->name) != 0) {
		/* a misspelt body's name: its correction, quoted as the record writes it */
		struct spell sp;
		spell_init(&sp, m->terms_name);
		spell_offer(&sp, t->name);
		struct finding *f = add_finding(ev, F_TERMS_NAME, NULL, m->terms_span,
		                                "the record is for \"%s\", but the terms are those of \"%s\"%s",
		                                m->terms_name, t->name, sp.best ? " (a misspelling?)" : "");
		if (sp.best) {
			struct diag_fixit *fix = arena_alloc(ev->arena, sizeof *fix);
			fix->loc = rec_loc(ev, m->terms_span);
			fix->text = arena_printf(ev->arena, "\"%s\"", t->name);
			f->fix = fix;
		}
	}
	ev->not_in_force = t->has_effective && m->date < t->effective && !ev->as_if_in_force;
	if (ev->not_in_force)
		add_finding(ev, F_NOT_IN_FORCE, NULL, m->span,
		            "the meeting (%s) is before these terms came into force (%s): nothing is decided under them",
		            fmt_date(ev, m->date), fmt_date(ev, t->effective));
	qdate due;
	if (t->has_effective && t->review.set && !t->review.tba &&
	    date_add(t->effective, t->review.period, &due) == DATE_OK && m->date > due)
		add_finding(ev, F_REVIEW_OVERDUE, t->review.clause, m->span,
		            "the terms were due for review by %s, but were still in use on %s",
		            fmt_date(ev, due), fmt_date(ev, m->date));
	if (t->has_size && (ev->res->members < t->size_min || ev->res->members > t->size_max))
		add_finding(ev, F_ROSTER_SIZE, NULL, m->span, "%lld voting members on %s, outside the size %lld to %lld",
		            (long long)ev->res->members, fmt_date(ev, m->date), (long long)t->size_min, (long long)t->size_max);
}

/* Each roster member's attendance over the whole meeting. */
/* A member's attendance from what is known of them at the meeting's end. */
#define ATTENDANCE_OF(on_roster, attended, apologies, at_start, present, left)                 \
	(!(on_roster) ? ATT_NOT_MEMBER : !(attended) ? ((apologies) ? ATT_APOLOGIES : ATT_ABSENT) \
	 : !(at_start) ? ((present) ? ATT_LATE : ATT_LATE_EARLY) : !(present) ? ATT_EARLY          \
	 : (left) ? ATT_OUT_FOR_PART : ATT_PRESENT)

/*
** A register is made for every meeting of a report, and its six tests a
** member were a tenth of a report's judging: where a struct person is its
** seven bools in order, one byte each, on a little-endian machine, its
** bytes are read in one load and gathered into bits (byte i to bit i: a
** multiplication whose partial products never meet), and the attendance
** of an on-roster member is looked up by them (attendance_by_facts).
*/
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define ATTENDANCE_GATHERED (sizeof(struct person) == 7 && sizeof(bool) == 1)
#else
#define ATTENDANCE_GATHERED 0
#endif
#define ATT_FACTS(k) ATTENDANCE_OF(1, (k) >> 1 & 1, (k) >> 5 & 1, (k) >> 4 & 1, (k) & 1, (k) >> 6 & 1)
#define ATT_FACTS4(k) ATT_FACTS(k), ATT_FACTS((k) + 1), ATT_FACTS((k) + 2), ATT_FACTS((k) + 3)
#define ATT_FACTS16(k) ATT_FACTS4(k), ATT_FACTS4((k) + 4), ATT_FACTS4((k) + 8), ATT_FACTS4((k) + 12)
/* by the gathered bits: present 0, attended 1, at_start 4, apologies 5, left 6 */
static const unsigned char attendance_by_facts[128] = {
	ATT_FACTS16(0),  ATT_FACTS16(16), ATT_FACTS16(32), ATT_FACTS16(48),
	ATT_FACTS16(64), ATT_FACTS16(80), ATT_FACTS16(96), ATT_FACTS16(112),
};
_Static_assert(offsetof(struct person, present) == 0 && offsetof(struct person, attended) == 1 &&
               offsetof(struct person, at_start) == 4 && offsetof(struct person, apologies) == 5 &&
               offsetof(struct person, left) == 6, "attendance_by_facts reads struct person's bytes in this order");

static void record_attendance(struct evaluator *ev)
{
	const struct terms *t = ev->t;
	ev->res->attendance = arena_array(ev->arena, t->n_members + 1, sizeof *ev->res->attendance);
	if (ATTENDANCE_GATHERED && !ev->recount) { /* eval_meeting_recounted: the tests' general way, below */
		/* people has n_members + 1 entries: eight bytes from member i's
		** are all the array's (the eighth, the next one's, is not read) */
		for (unsigned i = 0; i < t->n_members; i++) {
			uint64_t bytes;
			memcpy(&bytes, &ev->people[i], sizeof bytes);
			unsigned facts = (unsigned)(((bytes & UINT64_C(0x0001010101010101)) * UINT64_C(0x0102040810204080)) >> 56);
			ev->res->attendance[i] = ev->on_roster[i] ? (enum attendance)attendance_by_facts[facts] : ATT_NOT_MEMBER;
		}
		return;
	}
	for (unsigned i = 0; i < t->n_members; i++) {
		const struct person *p = &ev->people[i];
		ev->res->attendance[i] = ATTENDANCE_OF(ev->on_roster[i], p->attended, p->apologies, p->at_start, p->present, p->left);
	}
}

enum judge_mode { JUDGE_IN_FORCE, JUDGE_AS_IF_IN_FORCE, JUDGE_RECOUNTED };

static struct meeting_result *judge_meeting(struct arena *a, const struct terms *t, struct judge_plan *plan,
                                           const struct meeting *m, enum judge_mode mode);

/* `deputy foster for stocks` in the record: whom foster stands for here. */
static void read_deputy_statements(struct evaluator *ev)
{
	const struct terms *t = ev->t;
	if (!t->has_deputies && ev->m->n_deputies == 0)
		return; /* stated is read only where there are deputies (seats_assign, deputy_vote_void) or statements */
	for (unsigned i = 0; i < t->n_members; i++)
		ev->stated[i] = -1;
	for (unsigned k = 0; k < ev->m->n_deputies; k++) {
		const struct rec_deputy *rd = &ev->m->deputies[k];
		int d = resolve_person(ev, &rd->deputy), p = resolve_person(ev, &rd->principal);
		if (d < 0 || p < 0)
			continue;
		const struct member *dm = &t->members[d];
		bool theirs = false;
		for (unsigned j = 0; j < dm->n_principals; j++)
			theirs = theirs || dm->principals[j] == p;
		if (ev->stated[d] >= 0)
			add_finding(ev, F_DEPUTY_STATEMENT, NULL, rd->deputy.span,
			            "whom %s stands for is recorded twice: the first (%s) is used", dm->id,
			            t->members[ev->stated[d]].id);
		else if (!member_is_deputy(dm))
			add_finding(ev, F_DEPUTY_STATEMENT, NULL, rd->deputy.span, "%s is not a deputy in the terms", dm->id);
		else if (!theirs)
			add_finding(ev, F_DEPUTY_STATEMENT, NULL, rd->principal.span,
			            "%s is not deputy for %s in the terms: the statement is ignored", dm->id, t->members[p].id);
		else
			ev->stated[d] = p;
	}
}

/* The seats at the start of the meeting (no declared interests yet, a
** deputy with a choice in the first seat listed): how many voting members'
** seats are filled, and who may chair. */
static void start_seats(struct evaluator *ev)
{
	const struct terms *t = ev->t;
	memset(ev->holds_seat, 0, (t->n_members + 1) * sizeof *ev->holds_seat);
	ev->seats_epoch = 0;
	if (!t->has_deputies) {
		/* seats_assign without deputies: each voting member present in their own seat */
		ev->seats.n_choices = 0;
		ev->seats.too_many = false;
		if (ev->bits_known) { /* the same, by the roster's bits */
			uint64_t here = ev->active_bits & ev->present_bits;
			for (unsigned i = 0; i < t->n_members; i++) {
				ev->seats.occupant[i] = here >> i & 1 ? (int)i : -1;
				ev->seats.sits_for[i] = -1;
			}
			ev->res->present_at_start += __builtin_popcountll(here);
		} else {
			for (unsigned i = 0; i < t->n_members; i++) {
				bool here = ev->active[i] && ev->people[i].present;
				ev->seats.occupant[i] = here ? (int)i : -1;
				ev->seats.sits_for[i] = -1;
				ev->res->present_at_start += here;
			}
		}
		/* what fill_seats gives a plain motion before anyone arrives or
		** leaves (nobody holds a seat yet, at a meeting) */
		ev->seats_epoch = ev->room_epoch;
		return;
	}
	for (unsigned i = 0; i < t->n_members; i++)
		ev->here[i] = ev->people[i].present;
	struct seat_input in = { t, ev->active, ev->on_roster, ev->here, ev->holds_seat, ev->stated, NULL };
	seats_assign(&in, &ev->seats);
	ev->seats_epoch = 0;
	for (unsigned i = 0; i < t->n_members; i++)
		ev->res->present_at_start += ev->active[i] && seat_here(ev, i);
}

struct meeting_result *eval_meeting(struct arena *a, const struct terms *t, const struct meeting *m)
{
	return judge_meeting(a, t, NULL, m, JUDGE_IN_FORCE);
}

struct meeting_result *eval_meeting_planned(struct arena *a, struct judge_plan *p, const struct meeting *m)
{
	return judge_meeting(a, p->t, p, m, JUDGE_IN_FORCE);
}

struct meeting_result *eval_meeting_as_if(struct arena *a, const struct terms *t, const struct meeting *m)
{
	return judge_meeting(a, t, NULL, m, JUDGE_AS_IF_IN_FORCE);
}

struct meeting_result *eval_meeting_recounted(struct arena *a, const struct terms *t, const struct meeting *m)
{
	return judge_meeting(a, t, NULL, m, JUDGE_RECOUNTED);
}

/* The motions of a meeting in the order of their numbers, and of the record
** among equal numbers. */
static int by_number(const void *x, const void *y)
{
	const struct rec_motion *const *a = x, *const *b = y;
	int c = strcmp((*a)->number, (*b)->number);
	return c ? c : (*a)->span.start < (*b)->span.start ? -1 : (*a)->span.start > (*b)->span.start;
}

/* strcmp(a, b) < 0, most often told by the first character. */
static bool number_before(const char *a, const char *b)
{
	if (a[0] != b[0])
		return (unsigned char)a[0] < (unsigned char)b[0];
	return strcmp(a, b) < 0;
}

/* Two motions with the same number (as written, or the position that
** numbers a motion written without one: a ratification names either the
** same way): one finding per number, at its second motion. */
static void check_motion_numbers(struct evaluator *ev)
{
	const struct meeting *m = ev->m;
	/* numbered in order, as most minutes are: no two alike */
	const struct rec_motion *last = NULL;
	bool ascending = true;
	for (unsigned s = 0; s < m->n_steps && ascending; s++) {
		if (m->steps[s].kind != STEP_MOTION)
			continue;
		ascending = !last || number_before(last->number, m->steps[s].motion->number);
		last = m->steps[s].motion;
	}
	if (ascending)
		return;
	const struct rec_motion **numbered = arena_array(ev->arena, m->n_motions + 1, sizeof *numbered);
	unsigned n = 0;
	for (unsigned s = 0; s < m->n_steps; s++)
		if (m->steps[s].kind == STEP_MOTION)
			numbered[n++] = m->steps[s].motion;
	sort_array(numbered, n, sizeof *numbered, by_number);
	for (unsigned i = 0, j; i < n; i = j) {
		for (j = i + 1; j < n && strcmp(numbered[j]->number, numbered[i]->number) == 0;)
			j++;
		if (j - i < 2)
			continue;
		unsigned line, col;
		source_position(m->src, numbered[i]->span.start, &line, &col);
		add_finding(ev, F_MOTION_NUMBER, NULL, numbered[i + 1]->span,
		            "%u motions are numbered %s (the first at line %u): a ratification or a reference to motion %s "
		            "cannot tell them apart", j - i, numbered[i]->number, line, numbered[i]->number);
	}
}

/* The evaluator's arrays by member index (one more entry each than the
** roster), zeroed, in one block: the ints, then the unsigneds, then the
** people and the bools (alignment falls from one part to the next). */
static void member_arrays(struct evaluator *ev)
{
	size_t n = ev->t->n_members + 1;
	size_t ints = 2 * n * sizeof(int), unsigneds = 2 * n * sizeof(unsigned), people = n * sizeof *ev->people;
	char *block = arena_alloc(ev->arena, ints + unsigneds + people + 10 * n * sizeof(bool));
	int *i = (int *)(void *)block;
	ev->voted = i;
	ev->stated = i + n;
	unsigned *u = (unsigned *)(void *)(block + ints);
	ev->mentions = u;
	ev->vote_seen = u + n;
	ev->people = (struct person *)(void *)(block + ints + unsigneds);
	bool *b = (bool *)(void *)(block + ints + unsigneds + people);
	bool **flags[] = { &ev->active, &ev->on_roster, &ev->conflicted, &ev->deemed, &ev->repeat_said,
	                   &ev->voted_own, &ev->named, &ev->here, &ev->holds_seat, &ev->own_voter };
	for (size_t k = 0; k < sizeof flags / sizeof flags[0]; k++)
		*flags[k] = b + k * n;
}

/* Who is on the roster on day d, and votes (in their own seat). */
static void roster_made(const struct terms *t, qdate d, bool *on_roster, bool *active, bool *own_voter,
                        int64_t *members)
{
	*members = 0;
	for (unsigned i = 0; i < t->n_members; i++) {
		on_roster[i] = terms_member_active(&t->members[i], d);
		active[i] = t->members[i].voting && on_roster[i];
		own_voter[i] = active[i] && !member_is_deputy(&t->members[i]);
		*members += active[i];
	}
}

/* The days around d on which the roster is as on d: from the last day a
** membership began or ended on or before d to the day before the next. */
static void roster_days(const struct terms *t, qdate d, qdate *from, qdate *until)
{
	*from = DATE_FIRST_DAY;
	*until = DATE_LAST_DAY;
	for (unsigned i = 0; i < t->n_members; i++) {
		const struct member *mb = &t->members[i];
		if (mb->has_from && d >= mb->from && mb->from > *from)
			*from = mb->from;
		if (mb->has_from && d < mb->from && mb->from - 1 < *until)
			*until = mb->from - 1;
		if (mb->has_until && d <= mb->until && mb->until < *until)
			*until = mb->until;
		if (mb->has_until && d > mb->until && mb->until + 1 > *from)
			*from = mb->until + 1;
	}
}

/* The roster's arrays as bits (struct evaluator), where it has at most 64
** members. */
static void roster_bits(const struct terms *t, const bool *on_roster, const bool *active, const bool *own_voter,
                        uint64_t bits[3])
{
	bits[0] = bits[1] = bits[2] = 0;
	for (unsigned i = 0; i < t->n_members && t->n_members <= 64; i++) {
		bits[0] |= (uint64_t)active[i] << i;
		bits[1] |= (uint64_t)own_voter[i] << i;
		bits[2] |= (uint64_t)(on_roster[i] && !t->members[i].voting) << i;
	}
}

/* ev's roster on day d: the plan's when it knows that day's, else made
** (and kept by the plan for the days it holds). */
static void roster_on(struct evaluator *ev, qdate d)
{
	const struct terms *t = ev->t;
	struct judge_plan *p = ev->plan;
	size_t n = t->n_members;
	ev->bits_known = n <= 64;
	ev->present_bits = 0; /* nobody yet (read_attendance) */
	if (!p) {
		roster_made(t, d, ev->on_roster, ev->active, ev->own_voter, &ev->res->members);
		uint64_t bits[3];
		roster_bits(t, ev->on_roster, ev->active, ev->own_voter, bits);
		ev->active_bits = bits[0], ev->own_voter_bits = bits[1], ev->attendee_bits = bits[2];
		return;
	}
	if (!p->roster_known || d < p->roster_from || d > p->roster_until) {
		if (!p->on_roster) {
			p->on_roster = arena_array(p->arena, 3 * (n + 1), sizeof(bool));
			p->active = p->on_roster + n + 1;
			p->own_voter = p->active + n + 1;
		}
		roster_made(t, d, p->on_roster, p->active, p->own_voter, &p->members);
		uint64_t bits[3];
		roster_bits(t, p->on_roster, p->active, p->own_voter, bits);
		p->active_bits = bits[0], p->own_voter_bits = bits[1], p->attendee_bits = bits[2];
		roster_days(t, d, &p->roster_from, &p->roster_until);
		p->roster_known = true;
	}
	memcpy(ev->on_roster, p->on_roster, n);
	memcpy(ev->active, p->active, n);
	memcpy(ev->own_voter, p->own_voter, n);
	ev->active_bits = p->active_bits, ev->own_voter_bits = p->own_voter_bits, ev->attendee_bits = p->attendee_bits;
	ev->res->members = p->members;
}

/* The evaluator's memo of names and rules' texts: the plan's (a new stamp
** a meeting, the texts kept), or made for this meeting. */
static void name_memo(struct evaluator *ev)
{
	struct judge_plan *p = ev->plan;
	if (!p) {
		ev->memo = arena_array(ev->arena, MEMO_SLOTS, sizeof *ev->memo);
		ev->memo_stamp = 1;
		ev->rule_text = arena_array(ev->arena, RULE_TEXT_SLOTS, sizeof *ev->rule_text);
		return;
	}
	ev->memo = p->names;
	if (ev->m->names_lasting) {
		/* an address is one name for the whole run: what a slot learnt at
		** an earlier such meeting holds here too */
		ev->memo_stamp = NAME_STAMP_LASTING;
	} else {
		if (++p->stamp == 0 || p->stamp == NAME_STAMP_LASTING) { /* no slot may look current */
			memset(p->names, 0, sizeof p->names);
			p->stamp = 1;
		}
		ev->memo_stamp = p->stamp;
	}
	ev->rule_text = p->rule_text;
	ev->rule_text_kept = true;
}

/* A motion's result zeroed, with its counts (zeroed: room as far as the
** terms read them, counts_new). */
static void motion_result_clear(struct motion_result *mr, struct counts *counts, unsigned n_masks)
{
	memset(mr, 0, sizeof *mr);
	counts_clear(counts, n_masks);
	mr->counts = counts;
}

static struct meeting_result *judge_meeting(struct arena *a, const struct terms *t, struct judge_plan *plan,
                                           const struct meeting *m, enum judge_mode mode)
{
	struct evaluator ev = { 0 };
	ev.plan = plan;
	ev.counts_only = plan && plan->counts_only;
	ev.as_if_in_force = mode == JUDGE_AS_IF_IN_FORCE;
	/* the most votes of any motion, and whether every motion is outside a meeting (meeting_is_virtual_only) */
	unsigned most_votes = 0, n_virtual = 0;
	for (unsigned s = 0; s < m->n_steps; s++) {
		if (m->steps[s].kind != STEP_MOTION)
			continue;
		const struct rec_motion *mo = m->steps[s].motion;
		most_votes = mo->n_votes > most_votes ? mo->n_votes : most_votes;
		n_virtual += mo->is_virtual;
	}
	ev.virtual_only = m->n_motions > 0 && n_virtual == m->n_motions;
	ev.recount = mode == JUDGE_RECOUNTED;
	ev.arena = a;
	ev.t = t;
	ev.m = m;
	ev.res = arena_alloc(a, sizeof *ev.res);
	ev.res->meeting = m;
	ev.res->terms = t;
	ev.res->virtual_only = ev.virtual_only;
	ev.sink = &ev.res->findings;
	member_arrays(&ev);
	name_memo(&ev);
	ev.vote_member = arena_alloc_uninit(a, ((size_t)most_votes + 1) * sizeof *ev.vote_member);
	if (plan && !plan->seats.occupant)
		seats_init(plan->arena, t, &plan->seats); /* start_seats fills them at each meeting */
	if (plan) {
		ev.seats.occupant = plan->seats.occupant;
		ev.seats.sits_for = plan->seats.sits_for;
	} else {
		seats_init(a, t, &ev.seats);
	}
	ev.room = arena_alloc_uninit(a, sizeof *ev.room);
	ev.room->kept = ev.room->has_quorum = false;
	ev.room_epoch = 1;
	roster_on(&ev, m->date);
	check_terms_in_force(&ev);
	read_attendance(&ev);
	read_deputy_statements(&ev);
	start_seats(&ev);
	if (m->chair) {
		int ci = member_index(&ev, m->chair->id);
		if (ci < 0 && first_unplaced(&ev, m->chair->id))
			suggest_member(&ev, add_finding(&ev, F_UNKNOWN_PERSON, NULL, m->chair->span,
			                                "the chair '%s' is not on the roster%s", m->chair->id,
			                                did_you_mean(&ev, m->chair->id)), m->chair);
	}
	check_meeting_chair(&ev);
	if (!ev.virtual_only)
		check_meeting_notice(&ev);
	check_motion_numbers(&ev);

	/* each cleared as it is judged */
	ev.res->motions = arena_alloc_uninit(a, (m->n_motions + 1) * sizeof *ev.res->motions);
	/* each motion's counts, in one block (counts_new's size: n[] only
	** where the terms read no role list) */
	size_t counts_size = t->n_masks ? sizeof(struct counts) : offsetof(struct counts, present_by_mask);
	char *counts = arena_alloc_uninit(a, (m->n_motions + 1) * counts_size);
	if (plan && !plan->detail.quorum)
		detail_room(plan->arena, t, &plan->detail); /* 6 KB a meeting otherwise */
	struct decision_detail own;
	ev.detail = plan ? &plan->detail : &own;
	if (!plan)
		detail_room(a, t, &own);
	for (unsigned s = 0; s < m->n_steps; s++) {
		const struct rec_step *st = &m->steps[s];
		if (st->kind != STEP_MOTION) {
			ev.sink = &ev.res->findings;
			apply_step(&ev, st);
			continue;
		}
		struct motion_result *mr = &ev.res->motions[ev.res->n_motions++];
		motion_result_clear(mr, (struct counts *)(void *)(counts + (ev.res->n_motions - 1) * counts_size), t->n_masks);
		mr->motion = st->motion;
		eval_motion(&ev, mr);
	}
	if (!ev.virtual_only && !ev.counts_only) /* no register is kept where findings are only counted */
		record_attendance(&ev);
	return ev.res;
}

bool meeting_result_failed(const struct meeting_result *r)
{
	return r->count_by_sev[SEV_ERROR] > 0 || r->count_by_sev[SEV_BREACH] > 0;
}

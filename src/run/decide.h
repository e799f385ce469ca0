/*
** decide: the one decision.  The outcome of a motion from a scenario, by
** the rules of docs/semantics.md, in one pure function.
**
** A scenario is what the outcome depends on, in numbers and a few facts:
** attendance as the quorum sees it and as the class rules see it (interests
** already applied to both), the valid votes, the motion's attributes, how
** the record says the motion was decided (votes, consensus and objections,
** a declaration only), the chair (present, conflicted, a casting vote
** either way) and where and when (outside a meeting; notice given).  It
** holds no names: eval turns a record into a scenario (with the findings
** about the record itself: who is who, which votes are void, tallies),
** calls decide, and turns the decision into findings; explain and the
** exhaustive search of diff build scenarios directly, millions of them, so
** decide allocates nothing and traces nothing unless asked to.
**
** Adding a fact that changes outcomes (a recorded `casting declined`,
** deputies, approval by another body...) is a field of struct scenario, a
** state in struct decision and its rule in decide.c; eval says what the
** record shows and what finding the new state gives.
*/
#ifndef QUORATE_DECIDE_H
#define QUORATE_DECIDE_H

#include "model/expr.h"

struct scenario {
	/* attendance and votes (the counts are last: scenario_clear) */
	bool everyone_counted;      /* every member on the roster, voting or not, present and counted
	                               towards the quorum: any quorum that can be met at all is met */
	bool votes_unreliable;      /* more votes recorded than members entitled: they decide nothing */
	const struct attr *attrs;   /* the motion's attributes (motion.X) */
	unsigned n_attrs;
	/* how the record says the motion was decided */
	bool voted;                 /* named votes or a tally are recorded */
	bool consensus;             /* a consensus is recorded ... */
	unsigned objections;        /* ... with this many objections */
	enum outcome declared;      /* the chair's declared result (OUTCOME_NONE: none minuted) */
	/* the chair, and a casting vote */
	bool chair_absent;          /* the person presiding is not present at the motion */
	bool chair_conflicted;      /* ... or declared an interest in it */
	bool has_casting;           /* a casting vote is recorded ... */
	enum vote_kind casting;     /* ... this way */
	bool casting_declined;      /* the record says the chair declined to use one */
	/* where and when */
	bool outside_meeting;       /* decided outside a meeting (`virtual on`): no quorum, provisional */
	bool notice_checked;        /* false: any notice the class needs is taken as given (explain, diff) */
	bool has_notice_given;      /* when notice_checked: notice of the motion is recorded ... */
	qdate notice_given;         /* ... on this day */
	qdate day;                  /* the meeting's date */
	/* Where the interests settings are still to be agreed and someone
	** declared an interest: this scenario as each way of agreeing them
	** gives it (decide_interest_ways order; [0] is this one).  NULL/0: the
	** interests settings cannot change it. */
	const struct scenario *by_interests;
	unsigned n_by_interests;
	/* approval by another body (a class's `approval by`) */
	bool approval_checked;      /* false: any approval the class needs is taken as given (explain, diff) */
	enum approval_record {
		APPROVAL_UNRECORDED,    /* none that counts (eval has said why a recorded one does not) */
		APPROVAL_RECORDED,      /* the body approved the decision */
		APPROVAL_REFUSED_BY     /* the body refused it */
	} approval;
	const char *approval_body;  /* when recorded: the body the record names ... */
	qdate approval_on;          /* ... and the day it approved or refused */
	struct expr_memo *memo;     /* conditions evaluated before, remembered (NULL: none) */
	/* the quorum's verdict on these counts when the caller already has it
	** (eval: a motion in the same room as one decided before); decide then
	** does not evaluate the quorum again, nor fill decision_detail.quorum */
	bool quorum_given;
	int quorum_verdict;         /* an enum quorum_state, from quorum_on */
	struct counts quorum;       /* as the quorum rule sees them */
	struct counts votes;        /* as the class rules see them, with the valid yes/no/abstain */
};

/* Every field of s zero but the counts, which the caller fills (with
** counts_clear: 3 KiB of role-list counts the terms do not read are not
** worth clearing at every motion). */
void scenario_clear(struct scenario *s);

/* A meeting where everyone present may vote and votes (set the votes with
** counts_set_votes), chaired by a member present with no interest, the
** motion having had any notice it needs: what explain and diff ask about. */
void scenario_init(struct scenario *s, const struct counts *quorum, const struct counts *votes,
                   const struct attr *attrs, unsigned n_attrs);

/* Was notice given on `given` in time for an event on `day` that needs
** `period` (clear days: excluding the day of sending and the day itself)?
** *deadline is the last day it may be sent, counted as the terms count. */
bool notice_in_time(qdate given, qdate day, struct duration period, bool clear, qdate *deadline);

/* Set yes/no/abstain and the derived cast and votes. */
void counts_set_votes(struct counts *c, int64_t yes, int64_t no, int64_t abstain);

enum quorum_state {
	QUORUM_MET,
	QUORUM_NOT_MET,        /* some requirement is not met: the motion is void */
	QUORUM_TBA,            /* to be agreed (or none written): cannot be judged */
	QUORUM_TBA_EVERYONE,   /* to be agreed, but everyone counts (scenario.everyone_counted): met however agreed */
	QUORUM_UNKNOWN,        /* a requirement could not be evaluated */
	QUORUM_NOT_NEEDED      /* outside a meeting */
};

enum consensus_state {
	CONSENSUS_NONE,        /* none recorded */
	CONSENSUS_AGREED,      /* allowed and nobody objected: carried */
	CONSENSUS_OBJECTED,    /* an objection: a vote was needed */
	CONSENSUS_NOT_ALLOWED  /* the terms do not allow it: a vote was needed */
};

/* How the outcome before quorum, notice and meeting came about. */
enum decision_basis {
	BASIS_VOTES,           /* the class rules applied to the votes */
	BASIS_CONSENSUS,       /* a valid consensus */
	BASIS_NO_AGREEMENT,    /* a consensus that failed, and no vote: not carried */
	BASIS_DECLARED,        /* only the chair's declaration: accepted as declared */
	BASIS_NOTHING,         /* no votes, consensus or declaration recorded */
	BASIS_NO_CLASS,        /* votes, but no class applies or one could not be tested */
	BASIS_UNRELIABLE,      /* votes that cannot be relied on (scenario.votes_unreliable) */
	BASIS_CLASS_TBA        /* votes, but the class's rule is still to be agreed */
};

enum casting_state {
	CASTING_NONE,          /* no casting vote recorded (or the rules were never applied) */
	CASTING_USED,          /* added to the count on a tie, the rules applied again */
	CASTING_DECLINED,      /* the chair could have decided a tie and declined: the tie stands */
	CASTING_NOT_GIVEN,     /* the terms give none: ignored */
	CASTING_NO_TIE,        /* no equality of votes: ignored */
	CASTING_CONFLICTED,    /* the chair declared an interest: ignored */
	CASTING_CHAIR_ABSENT   /* the chair is not present at the motion: ignored */
};

enum notice_state {
	NOTICE_NOT_NEEDED,     /* the class needs none, or it is taken as given */
	NOTICE_IN_TIME,
	NOTICE_MISSING,        /* the class needs notice and none is recorded: void */
	NOTICE_LATE            /* given after the deadline: void */
};

enum meeting_state {
	MEETING_HELD,          /* decided at a meeting */
	MEETING_OUTSIDE,       /* outside a meeting, allowed: carried becomes provisional */
	MEETING_OUTSIDE_DENIED /* outside a meeting, where the terms make no provision: void */
};

/* ---- settings still to be agreed (docs/semantics.md#unagreed) ---------------- */

/* The settings that decide outcomes and may be written `to be agreed`
** (the quorum and a class's rule, which any rule may fill, are their own
** states above).  decide tries each one every way it may be agreed. */
enum open_setting {
	OPEN_CASTING,          /* casting vote none | chair */
	OPEN_CONSENSUS,        /* consensus never | first */
	OPEN_INTERESTS,        /* the conflicted vote:, quorum: and leaves: not stated */
	OPEN__N
};

/* One way of agreeing the open settings: way[k] of setting k, 0 the
** default the terms are read with until then. */
struct open_choice {
	unsigned char way[OPEN__N];
};

/* Ways the interests settings may be agreed, at most (2 x 3 x 2). */
#define DECIDE_MAX_INTEREST_WAYS 12

/* How many ways t leaves setting k to be agreed (1: it is not open). */
unsigned open_ways(const struct terms *t, enum open_setting k);

/* *out: t with the settings agreed as c says. */
void open_agree(const struct terms *t, const struct open_choice *c, struct terms *out);

/* Setting k agreed way w, as the terms would write it: "casting vote chair",
** "conflicted vote: allowed" (of the interests, the open parts in which way
** w differs from way `than`; all of them when none does).  Static text, or
** in a. */
const char *open_way_text(struct arena *a, const struct terms *t, enum open_setting k, unsigned w, unsigned than);

/* "the casting vote", "consensus", "the handling of declared interests". */
const char *open_setting_name(enum open_setting k);

/* The clause setting k is written in (NULL: none). */
const char *open_clause(const struct terms *t, enum open_setting k);

/* What the open settings did to a decision. */
struct open_result {
	unsigned deciding;                /* bit k: setting k, agreed another way, changes the outcome */
	bool quorum_depends;              /* the quorum's verdict is not the same every way */
	/* for each deciding setting k, the first two ways (the defaults first,
	** where they are one) that differ only in k and give different outcomes */
	struct open_choice example[OPEN__N][2];
	enum outcome outcome[OPEN__N][2];
};

enum approval_state {
	APPROVAL_NOT_NEEDED,   /* no approval in the class, taken as given, or the meeting did not carry it */
	APPROVAL_AWAITED,      /* carried by the meeting, awaiting the body: provisional */
	APPROVAL_GRANTED,      /* approved: carried */
	APPROVAL_REFUSED,      /* refused: not carried */
	APPROVAL_OTHER_BODY,   /* the record's approval is by another body than the class names: still awaited */
	APPROVAL_EARLY         /* the record's approval is dated before the meeting: still awaited */
};

struct decision {
	enum outcome outcome;
	enum quorum_state quorum;
	const struct dclass *cls;         /* the class; NULL if none applies or one could not be tested */
	const struct dclass *untestable;  /* the class whose `when` could not be evaluated, or NULL ... */
	enum expr_status class_status;    /* ... why ... */
	const struct expr *class_fault;   /* ... and the sub-expression at fault */
	enum decision_basis basis;
	enum consensus_state consensus;
	enum casting_state casting;
	bool tie_unresolved;              /* a casting vote either way would decide, none recorded */
	enum notice_state notice;
	qdate notice_deadline;            /* NOTICE_LATE: notice was due on or before this day */
	enum meeting_state meeting;
	bool provisional;                 /* carried outside a meeting: provisional until ratified */
	/* a setting still to be agreed decides it (then the outcome is
	** UNDETERMINED; every other field is as the defaults give it) */
	struct open_result open;
	enum approval_state approval;     /* the class's approval by another body */
};

/* A requirement (a quorum line or a class rule) as evaluated. */
struct req_check {
	enum expr_status status;          /* EXPR_OK, or why it could not be evaluated */
	const struct expr *fault;         /* the sub-expression at fault */
	bool met;
	struct trace trace;               /* the comparisons with their numbers ... */
	const struct trace_kept *kept;    /* ... or, when not NULL, these (the memo's: trace is empty) */
};

/* Room for the requirements as evaluated, when a caller reports them. */
struct decision_detail {
	struct counts counts;             /* the votes the rules were applied to (a casting vote added) */
	struct req_check *quorum;         /* t->n_quorum: filled unless the quorum is TBA or not needed */
	struct req_check *rules;          /* the most requirements of any class: the chosen class's ... */
	unsigned n_rules;                 /* ... when its rules were applied (0: they were not) */
};

/*
** Decide the motion.  Reads t and s only, writes *out (and *detail): a pure
** function.  Where t leaves a setting that decides outcomes to be agreed
** (open_ways), the motion is decided under every way of agreeing it (the
** interests through s->by_interests): the same outcome every way is the
** outcome; otherwise it is undetermined and out->open says which settings
** decide it and two ways that differ.  Everything else in *out and *detail
** is as the defaults give it.  detail may be NULL when only the outcome, the quorum and the
** class are wanted (explain, diff): then nothing is traced, and a motion
** void whatever its votes (not quorate, without notice, outside a meeting
** where none is allowed) is not decided further (basis, consensus and
** casting stay at their first values).
*/
void decide(const struct terms *t, const struct scenario *s, struct decision *out, struct decision_detail *detail);

/*
** The usual motion, decided the short way: at a meeting (not outside one),
** a quorum that is met or not (not to be agreed, nor failing), no
** casting vote or approval recorded, no setting still to be
** agreed, no declared interest; decided by votes (the class rules applied)
** or by a consensus nobody objected to.  decide would give it exactly
** this decision (tests/unit/test_scenario.c compares the two).  Returns
** false, writing nothing, where the motion is not of that kind (its class
** needs notice or approval, a tie the chair could cast...): then decide.
*/
struct usual_motion {
	const struct counts *votes;     /* as the class rules see them, with the valid votes */
	const struct counts *quorum;    /* as the quorum sees them ... */
	int quorum_verdict;             /* ... and its verdict, QUORUM_MET or QUORUM_NOT_MET (-1: not known yet,
	                                   evaluated into detail->quorum; the motion is usual only if met or not) */
	bool voted;                     /* named votes or a tally recorded */
	bool consensus;                 /* a consensus recorded, with no objection */
	bool chair_absent;              /* the person presiding is not present */
	const struct attr *attrs;       /* the motion's attributes */
	unsigned n_attrs;
	struct expr_memo *memo;
};
bool decide_usual(const struct terms *t, const struct usual_motion *u, struct decision *out,
                  struct decision_detail *detail);

/* Does decide_usual apply to scenario s (the same facts as a scenario)?
** When it does, *u is s as decide_usual reads it. */
bool decide_usual_of(const struct terms *t, const struct scenario *s, struct usual_motion *u);

/* The quorum's verdict alone on these counts, at a meeting: the part of
** decide that reads s->quorum (diff's search asks it once per attendance). */
enum quorum_state decide_quorum_of(const struct terms *t, const struct counts *quorum);

#endif

/*
** eval: one meeting record judged against one version of the terms.
**
** For each motion, in order: attendance at that moment (arrivals and
** departures applied), declared interests, the quorum with the interests
** settings, the class (the first whose `when` holds), every vote checked (one
** person, one vote; attendees, absentees, non-members and conflicted members
** void), the requirements evaluated exactly, ties and the casting vote,
** consensus, declared results, decisions outside meetings, notice, and the
** recorded outcome against the computed one.  eval reads the record (who is
** who, which votes are void, tallies) into a scenario and leaves the decision
** itself to decide.h, the one decision explain and diff use too; then it
** turns the decision into findings.  Every finding carries its code,
** severity, clause, message and the record's location.  Results live in the
** arena given (per meeting in replay); report writers read them and never
** recompute a decision.
*/
#ifndef QUORATE_EVAL_H
#define QUORATE_EVAL_H

#include "front/diag.h"
#include "model/expr.h"
#include "run/working.h"
#include "record/minutes.h"
#include "run/decide.h"

enum finding_code {
#define FINDING(id, code, sev, desc) id,
#include "run/findings.def"
#undef FINDING
	F__COUNT
};

enum finding_severity { SEV_NOTE, SEV_WARNING, SEV_BREACH, SEV_ERROR };

struct finding {
	enum finding_code code;
	enum finding_severity sev;
	const char *clause;        /* "3.3.3", or NULL */
	const char *message;       /* with the numbers */
	struct loc where;          /* in the record */
	struct loc rule;           /* in the terms, if a rule is cited */
	const struct diag_fixit *fix; /* the likely correction of the record (a misspelt name's nearest), or NULL */
	struct finding *next;
};

struct finding_list {
	struct finding *first, *last;
	unsigned n;
};

/* A requirement (quorum line or class rule) as evaluated. */
struct req_result {
	const struct requirement *req;
	const char *clause;
	const char *text;          /* the rule as written */
	/* the comparisons as evaluated, with the counts they saw: the working
	** ("4 >= 75% of 9 = 6.75"), built by req_working only when shown */
	const struct trace_step *steps;
	unsigned n_steps;
	/* steps are the plan's memo's (expr_test_kept): kept for as long as
	** the plan, never changed, the same pointer for the same comparisons
	** on the same counts (a report keys its blocks by the pointer) */
	bool steps_kept;
	bool truncated;            /* more comparisons than a trace holds */
	bool negated;              /* the rule is `not (...)`: shown so */
	const struct counts *counts;
	bool met;
	bool has_needed;
	int64_t needed, have;      /* whole votes needed by the first count comparison */
	enum count_kind needed_of; /* the count they are of (COUNT_YES: votes for) */
	bool failed;               /* could not be evaluated (see findings) */
};

/* Where a member with a declared interest was for the item. */
enum interest_room {
	ROOM_STAYED,        /* in the room, as the terms allow */
	ROOM_LEFT,          /* recorded leaving before the motion */
	ROOM_TO_LEAVE,      /* the terms say leave; no departure is recorded, none voted: taken as gone */
	ROOM_STAYED_VOTED,  /* the terms say leave, yet a vote by them is recorded */
	ROOM_ABSENT,        /* not at the meeting, or not on the roster: the declaration has no effect */
	ROOM_OUTSIDE,       /* a decision taken outside a meeting: there is no room */
};

/* A declaration of interest at a motion and what the terms made of it (the
** interests register). */
struct interest_result {
	const struct rec_name *who;  /* the member's id, the reason, the place in the record */
	int member;                  /* roster index, or -1 when not on the roster */
	bool entitled;               /* a voting member on the date */
	enum interest_room room;
	bool quorum_counted;         /* counted towards the quorum at this motion */
	bool vote_void;              /* the terms make a vote by them void (or have them leave) */
	/* the interests settings that decide these are still to be agreed: the
	** two above are only the defaults (docs/semantics.md#unagreed) */
	bool vote_open, quorum_open;
	bool votes_named;            /* the record names who voted (not a secret ballot) */
	bool voted;                  /* a vote by them is recorded */
	enum vote_kind vote;         /* that vote, when voted */
};

/* How a decision taken outside a meeting was ratified (replay fills it in:
** only a history knows). */
enum ratification_status {
	RATIFIED,              /* validly, in time: carried from the ratification's date */
	RATIFIED_LATE,         /* after the time the terms allow: a breach, still provisional */
	RATIFIED_INVALID,      /* by a motion not validly carried (inquorate...): still provisional */
	NOT_RATIFIED           /* never, in the history given */
};

struct ratification {
	enum ratification_status status;
	/* the provisional decision */
	const char *meeting, *motion, *file;
	qdate taken;
	unsigned line;
	/* the ratifying motion (NULL meeting when NOT_RATIFIED) */
	const char *by_meeting, *by_motion, *by_file;
	qdate by_date;
	unsigned by_line;
};

/* A deputy sitting in an absent principal's seat at a motion. */
struct deputy_seat {
	const struct member *deputy, *principal;
};

struct motion_result {
	const struct rec_motion *motion;
	const struct dclass *cls;  /* NULL if none applies */
	bool quorate;
	bool quorum_known;         /* false when the quorum is to be agreed */
	int64_t quorum_present;    /* who counts towards the quorum at this motion */
	int64_t quorum_attendees;  /* ... and attendees without a vote (terms.uses_attendees) */
	struct req_result *quorum;
	unsigned n_quorum;
	struct counts *counts;     /* as the class rules see them (counts_new: never copied whole) */
	struct req_result *reqs;
	unsigned n_reqs;
	enum outcome outcome;      /* computed */
	enum outcome recorded;     /* as minuted (recorded, else declared), NONE if silent */
	bool by_consensus;
	bool declared_only;
	bool casting_applied;
	bool is_virtual;
	const struct ratification *ratified_by; /* replay: a provisional decision, and what became of it */
	const struct ratification *ratifies;    /* replay: the decision this motion ratifies (NULL: none known) */
	enum approval_state approval;           /* the class's approval by another body (cls->approval_by) */
	struct interest_result *interests;  /* one per declaration, in the record's order */
	unsigned n_interests;
	struct deputy_seat *deputies;       /* deputies sitting for absent principals, in roster order */
	unsigned n_deputies;
	struct finding_list findings;
};

/* Is the motion carried by the meeting and still awaiting the approval of
** another body (none recorded, or none that counts)? */
static inline bool motion_awaits_approval(const struct motion_result *mr)
{
	return mr->approval == APPROVAL_AWAITED || mr->approval == APPROVAL_OTHER_BODY || mr->approval == APPROVAL_EARLY;
}

/* Does the outcome the minutes record agree with the computed one?  A
** decision minuted as carried that is provisional (until ratified or
** approved) agrees, and so does one the meeting carried and another body
** later refused: the meeting did carry it. */
static inline bool motion_record_agrees(const struct motion_result *mr)
{
	return mr->recorded == mr->outcome || (mr->outcome == OUTCOME_PROVISIONAL && mr->recorded == OUTCOME_CARRIED) ||
	       (mr->approval == APPROVAL_REFUSED && (mr->recorded == OUTCOME_CARRIED || mr->recorded == OUTCOME_PROVISIONAL));
}

/* A roster member's attendance at a meeting (the attendance register). */
enum attendance {
	ATT_NOT_MEMBER,     /* not on the roster on the date */
	ATT_PRESENT,        /* present from the start to the end */
	ATT_LATE,           /* arrived after the start */
	ATT_EARLY,          /* left before the end */
	ATT_LATE_EARLY,     /* both */
	ATT_OUT_FOR_PART,   /* present at the start and the end, but left and came back */
	ATT_APOLOGIES,      /* absent, with apologies */
	ATT_ABSENT,         /* absent without apologies */
};
#define ATT__COUNT (ATT_ABSENT + 1)

struct meeting_result {
	const struct meeting *meeting;
	const struct terms *terms;
	struct motion_result *motions;
	unsigned n_motions;
	bool virtual_only;         /* meeting_is_virtual_only(meeting): decisions outside a meeting only */
	int64_t members;           /* voting members on the date */
	int64_t present_at_start;
	struct finding_list findings;   /* about the meeting as a whole */
	unsigned count_by_sev[4];       /* all findings, meeting and motions */
	/* by roster index; NULL for decisions taken outside a meeting only */
	enum attendance *attendance;
	unsigned mismatches;
};

struct meeting_result *eval_meeting(struct arena *a, const struct terms *t, const struct meeting *m);
/* What terms would have decided had they been in force on the meeting's
** date (diff's past decisions under the new terms); eval_meeting decides
** nothing at a meeting before the terms took effect. */
struct meeting_result *eval_meeting_as_if(struct arena *a, const struct terms *t, const struct meeting *m);
/*
** What judging learns once for a version of the terms and keeps for every
** meeting it judges (replay): the roster index of each name a record's
** reader interned (by the name's address, checked against the roster's id,
** as an address may be reused for another name), and what the terms read
** of a motion's attributes.  Made in a, which must outlive every meeting
** judged with it.
*/
struct judge_plan;
struct judge_plan *judge_plan_new(struct arena *a, const struct terms *t);
/* Findings judged with p are only counted (by code and severity: replay
** --summary): each keeps its code, severity, clause and places, and its
** message is "" and it has no fix-it; a motion keeps no class rule's
** working (n_reqs 0: no report reads them, and what they decide is in the
** outcome and the findings), and a meeting no attendance (NULL: the
** registers are not kept).  Everything else is the same. */
void judge_plan_counts_only(struct judge_plan *p);
/* eval_meeting with the plan made for its terms. */
struct meeting_result *eval_meeting_planned(struct arena *a, struct judge_plan *p, const struct meeting *m);
/* eval_meeting without the work it carries from one motion to the next
** (the room's counts, seats and quorum between arrivals and departures):
** everything counted again at every motion.  The same result, the long
** way; tests compare the two. */
struct meeting_result *eval_meeting_recounted(struct arena *a, const struct terms *t, const struct meeting *m);

/* The working of q, the rule with its numbers ("4 >= 75% of 9 = 6.75"),
** built in buf when a report shows it; NULL if q could not be evaluated.
** Judging never builds it (docs/performance.md). */
#define REQ_WORKING_MAX (WORKING_MAX + sizeof "not ()")
const char *req_working(const struct req_result *q, char buf[REQ_WORKING_MAX]);

const char *finding_code_name(enum finding_code c);
const char *finding_description(enum finding_code c);
enum finding_severity finding_default_severity(enum finding_code c);
const char *finding_severity_name(enum finding_severity s);
/* Every finding code, grouped by severity (errors, breaches, warnings, then
** notes) and in the table's order within each: the order of every summary
** by code.  Fills out[F__COUNT]. */
void finding_codes_by_severity(enum finding_code out[F__COUNT]);

/* The findings that make a run exit 1: errors and breaches. */
bool meeting_result_failed(const struct meeting_result *r);

#endif

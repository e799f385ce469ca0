/*
** eval: one meeting record judged against one version of the terms.
**
** For each motion, in order: attendance at that moment (arrivals and
** departures applied), declared interests, the quorum with the interests
** settings, the class (the first whose `when` holds), every vote checked (one
** person, one vote; attendees, absentees, non-members and conflicted members
** void), the requirements evaluated exactly, ties and the casting vote,
** consensus, declared results, decisions outside meetings, notice, and the
** recorded outcome against the computed one.  Every finding carries its code,
** severity, clause, message and the record's location.  Results live in the
** arena given (per meeting in replay); report writers read them and never
** recompute a decision.
*/
#ifndef QUORATE_EVAL_H
#define QUORATE_EVAL_H

#include "model/expr.h"
#include "record/minutes.h"

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
	const char *working;       /* the numbers substituted: "4 >= 75% of 9 = 6.75" */
	bool met;
	bool has_needed;
	int64_t needed, have;      /* whole votes needed by the first count comparison */
	bool failed;               /* could not be evaluated (see findings) */
};

struct motion_result {
	const struct rec_motion *motion;
	const struct dclass *cls;  /* NULL if none applies */
	bool quorate;
	bool quorum_known;         /* false when the quorum is to be agreed */
	int64_t quorum_present;    /* who counts towards the quorum at this motion */
	struct req_result *quorum;
	unsigned n_quorum;
	struct counts counts;      /* as the class rules see them */
	struct req_result *reqs;
	unsigned n_reqs;
	enum outcome outcome;      /* computed */
	enum outcome recorded;     /* as minuted (recorded, else declared), NONE if silent */
	bool by_consensus;
	bool declared_only;
	bool casting_applied;
	bool is_virtual;
	struct finding_list findings;
};

struct meeting_result {
	const struct meeting *meeting;
	const struct terms *terms;
	struct motion_result *motions;
	unsigned n_motions;
	int64_t members;           /* voting members on the date */
	int64_t present_at_start;
	struct finding_list findings;   /* about the meeting as a whole */
	unsigned count_by_sev[4];       /* all findings, meeting and motions */
	unsigned mismatches;
};

struct meeting_result *eval_meeting(struct arena *a, const struct terms *t, const struct meeting *m);

const char *finding_code_name(enum finding_code c);
const char *finding_description(enum finding_code c);
enum finding_severity finding_default_severity(enum finding_code c);
const char *finding_severity_name(enum finding_severity s);

/* The findings that make a run exit 1: errors and breaches. */
bool meeting_result_failed(const struct meeting_result *r);

#endif

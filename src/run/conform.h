/*
** conform: does a cluster's terms meet a health board's model?
**
** The local terms conform when they refine the model: every meeting the
** local terms call quorate, the model calls quorate; every motion the local
** terms carry, the model carries too (in the class the model gives it); and
** each setting is at least as strict (conflicted votes void and conflicted
** members out of the quorum where the model says so, notice and papers at
** least the model's, minutes at most its days, meetings and reviews at least
** as often, consensus, a casting vote and decisions outside meetings only
** where the model allows them, the chair only someone the model allows,
** votes in the minutes where the model wants them).  With `exact`, each must be the same.
**
** The model is written for no cluster in particular, so its counts are read
** against the local roster: the model "seen as" the local body has the
** local members, each in the model's roles and tags that the local roles and
** tags match, by id or through the model's `maps` table.  The meetings are
** those of the search of scenario.h on the local roster (the one `diff`
** uses); each clause that does not conform gets the smallest meeting that
** shows it, turned into a meeting record and judged by eval under both, so
** what is printed is what `quorate eval` says (docs/conform.md).
**
** Nothing here prints: src/report/ writes a struct conform_run.
*/
#ifndef QUORATE_CONFORM_H
#define QUORATE_CONFORM_H

#include "run/eval.h"
#include "run/scenario.h"

enum conform_verdict {
	CONFORM_YES,
	CONFORM_NO,
	CONFORM_OPEN,          /* the model leaves it to local agreement: nothing to meet */
	CONFORM_UNPROVEN       /* no counterexample, but the search stopped at its bound */
};

/* What a clause of the model is about: one line of the report each. */
enum conform_topic {
	TOPIC_QUORUM,
	TOPIC_CLASS,           /* a class's rule, for the motions the model puts in it */
	TOPIC_CLASS_NOTICE,    /* the notice a class's motions need */
	TOPIC_CASTING,
	TOPIC_CONSENSUS,
	TOPIC_CONFLICT_VOTE,
	TOPIC_CONFLICT_QUORUM,
	TOPIC_CONFLICT_LEAVES,
	TOPIC_VIRTUAL,
	TOPIC_PAPERS,
	TOPIC_MINUTES,
	TOPIC_MEETS,
	TOPIC_MEETS_LEAST,     /* `meets at least N times a year` */
	TOPIC_REVIEW,
	TOPIC_CHAIR,           /* `chaired by` */
	TOPIC_MINUTES_VOTES,   /* `minutes record votes` */
	TOPIC_AMENDMENTS       /* `notice amendments within ...`: to the minutes */
};

/* The smallest meeting that shows a clause does not conform, as a record
** (`quorate eval` reads it) and as eval judged it under each set of terms. */
struct conform_example {
	const struct diff_example *found;  /* as the search found it: the witness, votes, motion */
	int64_t members, present;
	const char *attendance;        /* "7 of 12 present (1 Cluster Lead, 6 GP practice representatives)" */
	const char *votes;             /* "6 for, 1 against, 1 abstaining", or NULL when no vote matters */
	const char *interest;          /* the member with a declared interest, or NULL */
	const char *interest_note;     /* how the two treat that member, where a setting differs; or NULL */
	const char *motion;            /* "a financial motion" */
	const char *record;            /* the meeting record, in the .minutes syntax */
	const struct meeting_result *local, *model;  /* eval's judgement (one motion each) */
};

struct conform_clause {
	enum conform_topic topic;
	const char *heading;           /* "quorum", "class financial", "notice of papers" */
	const char *model_clause;      /* the labels, or NULL */
	const char *local_clause;
	const char *model_reads;       /* the rule or setting as the model has it */
	const char *local_reads;       /* ... and the local terms */
	enum conform_verdict verdict;
	const char *why;               /* in words, or NULL */
	uint64_t meetings;             /* search clauses: how many possible meetings show it */
	const struct conform_example *example;  /* search clauses that do not conform */
};

/* How one role or tag the model's rules name is read against the local roster. */
struct conform_role {
	const char *model_id;
	const char *local_ids;         /* "practice, practice_rep": the local roles and tags it matches; "" none */
	bool by_map;                   /* some matched through the model's `maps` table */
	int64_t members;               /* local voting members it counts */
};

/* One local terms file against the model. */
struct conform_result {
	const char *path;
	const struct terms *local;
	const struct terms *seen;      /* the model read against the local roster */
	qdate day;                     /* the roster searched: on the local effective date */
	int64_t members;               /* local voting members that day */
	VEC(struct conform_role) roles;
	VEC(struct conform_clause) clauses;
	struct diff_search search;
	enum conform_verdict verdict;  /* NO if any clause is NO, else UNPROVEN if any is, else YES */
};

struct conform_run {
	struct arena *arena;
	const char *model_path;
	const struct terms *model;
	bool exact;
	uint64_t bound;                /* of each search; 0: the search's own (SCENARIO_BOUND) */
	VEC(struct conform_result *) results;
};

struct conform_run *conform_begin(struct arena *a, const struct terms *model, const char *model_path, bool exact,
                                  uint64_t bound);

/* Compare one local terms file with the model; the result is added to run.
** false, with *why, on an internal inconsistency (eval does not judge a
** counterexample as the search did): a bug, never printed as a finding. */
bool conform_local(struct conform_run *run, const struct terms *local, const char *path, const char **why);

/* Does every local file conform? */
bool conform_all(const struct conform_run *run);

const char *conform_verdict_name(enum conform_verdict v, bool exact);
const char *conform_topic_name(enum conform_topic t);

#endif

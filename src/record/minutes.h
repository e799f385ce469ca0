/*
** minutes: the meeting-record model, and reading it from the syntax tree.
**
** A record says what happened, in the secretary's words: names as written,
** outcomes as minuted.  Nothing here is checked against the terms (that is
** eval's job, with findings); only the shape of the record is checked here,
** with diagnostics.  The JSON reader (minutes_json) fills the same model.
*/
#ifndef QUORATE_MINUTES_H
#define QUORATE_MINUTES_H

#include <stdbool.h>

#include "front/ast.h"
#include "model/value.h"
#include "front/diag.h"

struct rec_name {
	const char *id;
	struct span span;
	const char *reason;        /* interests and objections */
};

struct rec_names {
	struct rec_name *items;
	unsigned n;
};

struct rec_vote {
	struct rec_name who;
	enum vote_kind kind;
};

struct rec_motion {
	const char *number;        /* as written, or the ordinal if none */
	const char *title;
	struct span span;
	struct attr *attrs;
	unsigned n_attrs;
	/* where each attribute's name and value are written (a flag's value
	** span is empty); NULL where the reader does not keep them (JSON) */
	struct rec_attr_at { struct span name, value; } *attr_at;
	struct rec_names interests;
	struct rec_vote *votes;
	unsigned n_votes;
	bool has_tally, tally_has_abstain;
	int64_t tally[3];          /* by enum vote_kind */
	struct span tally_span;
	bool consensus;
	struct span consensus_span;
	struct rec_names objections;
	bool has_casting;
	enum vote_kind casting;
	bool casting_declined;     /* `casting declined`: the chair chose not to use one */
	struct span casting_span;
	enum outcome recorded, declared, expected;
	struct span recorded_span, declared_span, expected_span;
	bool has_notice_given;
	qdate notice_given;
	bool is_virtual;
	qdate virtual_on;
	const char *ratifies_meeting, *ratifies_motion;
	struct span ratifies_span;
	const struct rec_name *presiding; /* `chair X` inside the motion */
	bool has_approval;         /* `approved by "BODY" on DATE`, or `refused by ...` */
	bool approval_refused;
	const char *approval_body;
	qdate approval_on;
	struct span approval_span;
};

/* `deputy foster for stocks`: whom a deputy stands for at this meeting. */
struct rec_deputy {
	struct rec_name deputy, principal;
};

enum step_kind { STEP_MOTION, STEP_ARRIVES, STEP_LEAVES };

/* The body of a meeting in order: motions, arrivals and departures. */
struct rec_step {
	enum step_kind kind;
	struct rec_motion *motion;
	struct rec_names names;
};

struct meeting {
	const char *title;
	qdate date;
	struct span span;
	const struct source *src;
	const char *terms_name;    /* NULL if the record does not say */
	struct span terms_span;
	const struct rec_name *chair;
	bool has_papers, has_minutes, has_amended;
	qdate papers_sent, minutes_circulated;
	qdate minutes_amended;     /* `minutes amended DATE`: the last amendment to them */
	struct span papers_span, minutes_span, amended_span;
	struct rec_names present, apologies, attending;
	struct rec_deputy *deputies;
	unsigned n_deputies;
	struct rec_step *steps;
	unsigned n_steps;
	unsigned n_motions;
	/* Every name's id is one a run-wide table of names made (fastrec_names
	** of a replay): the same address is the same name for the whole run, at
	** every meeting, so eval may remember a name's roster index by its
	** address from one meeting to the next.  false: they may be the
	** meeting's own (freed with it, the address reused for another name). */
	bool names_lasting;
};

/* Limits (docs/reference.md#limits). */
#define MINUTES_MAX_MOTIONS 100000
#define MINUTES_MAX_NAMES 100000

/*
** Build the model of one N_MEETING (or N_EXAMPLE body, with title and date
** given).  Returns NULL if the record is malformed beyond use (reported).
*/
struct meeting *minutes_from_ast(struct arena *a, struct diag_sink *diag,
                                 const struct node *meeting, const struct source *src);
struct meeting *minutes_from_items(struct arena *a, struct diag_sink *diag, const struct source *src,
                                   const char *title, qdate date, struct span span,
                                   const struct node *items);

/* The model written out field by field, one line per part, into `out`
** (names by their text, not their pointers): two readers of one record
** built the same model when they write the same text. */
struct sbuf;
void minutes_dump(struct sbuf *out, const struct meeting *m);
/* The diagnostics from the first-th on, each with its code, severity,
** place, notes and fix-it, then the counts of errors and warnings: what two
** readers of one record must both say (record_dump, minutes_json_dump). */
void minutes_dump_diags(struct sbuf *out, const struct diag_sink *diag, size_t first);

/* A record of decisions taken outside a meeting only (every motion is
** `virtual on`): not a meeting for gaps and notice of papers and minutes. */
bool meeting_is_virtual_only(const struct meeting *m);

#endif

/*
** register: the attendance register and the interests register of a
** history, gathered from the meetings as a replay judges them.
**
** Attendance: for every meeting (records of decisions taken outside a
** meeting only are not meetings, and are only counted), each member on the
** roster on its date: present, arrived late, left early, out for part of
** the meeting, apologies, or absent without apologies (eval's `attendance`);
** and for each member, the totals across the history.  Interests: every
** declaration, with what the terms made of it (eval's `interests`).
**
** Memory stays bounded however long the history: a body's meetings are
** gathered into a table of at most REGISTER_TABLE_MEETINGS columns, one
** calendar year at most, which goes to the sink when it is complete and is
** then forgotten; the totals are kept per member (as many as the rosters
** name); declarations go to the sink as they are found.  Writers
** (src/report/register_*) turn the tables, totals and declarations into
** text, Markdown, JSON or HTML.
*/
#ifndef QUORATE_REGISTER_H
#define QUORATE_REGISTER_H

#include "run/eval.h"

#define REGISTER_TABLE_MEETINGS 12
#define REGISTER_TITLE_KEPT 128

/* A row of the attendance register, with its totals across the history. */
struct reg_member {
	const char *id;
	const char *name;          /* as the latest terms seen give it */
	unsigned name_width;       /* its characters (UTF-8 counted): the text tables' column */
	bool voting;               /* by the latest terms seen */
	unsigned by_status[ATT__COUNT];   /* meetings by attendance */
};

/* Totals of a member: meetings on the roster, present (wholly or in part),
** of those in part (late, early, out for part), apologies, absent. */
unsigned reg_member_meetings(const struct reg_member *m);
unsigned reg_member_present(const struct reg_member *m);
unsigned reg_member_part(const struct reg_member *m);

/* A column of the attendance register. */
struct reg_meeting {
	qdate date;
	const char *title;
	const char *file;
	unsigned seq;              /* position in the history, from 1 (decisions outside meetings included) */
};

/* Up to REGISTER_TABLE_MEETINGS meetings of one body in one year. */
struct reg_table {
	const char *body;
	int year;
	unsigned part;             /* 1, 2, ... when a year has more meetings than a table holds */
	bool continues;            /* another table of the same year follows */
	const struct reg_meeting *meetings;
	unsigned n_meetings;
	const struct reg_member *const *members;  /* the rows: on the roster at one of the meetings */
	unsigned n_members;
	const enum attendance *cells;  /* row-major: cells[row * n_meetings + column] */
};

/* One declaration of interest, with the terms' rule and its effect. */
struct reg_interest {
	const char *body;
	const struct meeting *meeting;
	unsigned seq;              /* the meeting's position in the history */
	const struct rec_motion *motion;
	const struct interest_result *effect;
	const char *member_name;   /* NULL when not on the roster */
	const struct terms *terms; /* the interests settings and their clause */
};

/* A body's attendance totals, when the history is complete. */
struct reg_body {
	const char *name;
	VEC(struct reg_member *) members;   /* in the order the rosters first name them */
	unsigned meetings;          /* in the attendance register */
	qdate first, last;          /* the dates of its first and last meetings there */
	unsigned outside;           /* records of decisions taken outside a meeting only */
	unsigned declarations;
	/* the table being gathered: a column written in place as each meeting
	** comes, in rows as the table hands them over (not turned from columns
	** into rows when it is complete) */
	struct arena table_arena;
	struct reg_meeting columns[REGISTER_TABLE_MEETINGS];
	char titles[REGISTER_TABLE_MEETINGS][REGISTER_TITLE_KEPT];  /* the columns' titles, where as short */
	enum attendance *grid;      /* grid[member * REGISTER_TABLE_MEETINGS + column], grid_rows rows */
	unsigned *in_table;         /* by member: cells of the table that are not ATT_NOT_MEMBER */
	unsigned grid_rows;
	qdate year_from, year_to;   /* the table's year: from its first day to the next year's */
	unsigned n_columns;
	unsigned part;
};

/* What the sink is given is valid only during the call. */
struct register_sink {
	void *ctx;
	void (*table)(void *ctx, const struct reg_table *t);
	void (*interest)(void *ctx, const struct reg_interest *d);
};

struct registers;

/* Everything kept for the whole history lives in `run_arena`. */
struct registers *register_new(struct arena *run_arena, const struct register_sink *sink);
/* Add one judged meeting; `file` is its record file. */
void register_meeting(struct registers *rg, const struct meeting_result *r, const char *file);
/* Forget every meeting added: the replay judges the history again (in date
** order, replay.h); the sink has forgotten what it was handed. */
void register_rewind(struct registers *rg);
/* The history is complete: hand over the tables still being gathered. */
void register_finish(struct registers *rg);
/* Run fn(ctx), the replay that feeds the registers, so that the tables
** being gathered are freed if memory runs out inside it. */
void register_run(struct registers *rg, void (*fn)(void *ctx), void *ctx);
/* The bodies, in the order their first meeting was seen, with their totals. */
size_t register_n_bodies(const struct registers *rg);
const struct reg_body *register_body(const struct registers *rg, size_t i);
unsigned register_n_declarations(const struct registers *rg);

/* "present", "arrived late", ...: the word for a status, and its letter in
** the tables ("P", "L", ...); both are stable (JSON uses the words). */
const char *attendance_name(enum attendance a);
const char *attendance_letter(enum attendance a);

/*
** A declaration's effect in words: short (table cells and JSON, stable) or
** as prose (the text report).
**   rule    void, allowed, no vote
**   quorum  counted, deemed present, not counted, not applicable
**   room    stayed, left, to leave, stayed to vote, absent, outside a meeting
**   voted   for, against, abstained, did not vote, not known (a secret ballot)
** `anyway` is set when a vote is recorded that the terms make void.
*/
const char *interest_rule_text(const struct reg_interest *d, bool prose);
const char *interest_quorum_text(const struct reg_interest *d, bool prose);
const char *interest_room_text(const struct reg_interest *d, bool prose);
const char *interest_voted_text(const struct reg_interest *d, bool prose, bool *anyway);

#endif

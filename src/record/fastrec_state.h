/*
** fastrec_state: what the record scanner (grammar/record.l), the record
** grammar (grammar/record.y) and src/record/fastrec.c share while a native
** record is read the fast way.  Private: only those three include it.
**
** The scanner and the grammar's actions call the fr_* functions below, which
** build `struct meeting` directly.  Anything the full path (the item reader
** and minutes_from_ast) would say a word about sets `give_up`; the reader
** then hands the file over to the full path (see fastrec.h).
*/
#ifndef QUORATE_FASTREC_STATE_H
#define QUORATE_FASTREC_STATE_H

#include <stdbool.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/date.h"
#include "base/rational.h"
#include "front/source.h"
#include "record/minutes.h"

/* A number as scanned: its value, and its text as written (both in the
** meeting's arena). */
struct fr_number {
	struct rat v;
	const char *text;
};

/* A name's interned form, by its spelling (fastrec.c). */
struct fr_slot {
	const char *text;      /* as written (NULL: empty slot) */
	const char *id;        /* its one form (names.h), one pointer per name */
	uint64_t head;         /* its first eight bytes (name_key.h's name_head) */
	uint32_t hash, len;
	bool not_a_name;       /* a keyword of the terms language, or a character no name has */
	const char *name;      /* id, or NULL where not_a_name: what a reader takes, in one load */
};

/* Names interned: one reader's, or a run's for the readers of all its files
** (fastrec_names_new), at most FASTREC_MAX_NAMES. */
struct fastrec_names {
	struct arena *arena;       /* the table and the names */
	struct fr_slot *slots;
	uint32_t cap, n_slots;
	void *spare_scanner;       /* a run's: flex's scanner of the last file read, for the next (fastrec_open) */
	bool by_tokens;            /* no meeting read whole (fastrec_names_by_tokens) */
	unsigned long n_whole;     /* meetings read whole */
};

/* An attribute of a motion's head read with `motion` (fastrec.c). */
struct fr_attr_read {
	const char *name;
	struct span name_at;
	bool has_value;            /* else `name` alone: true */
	struct value value;
	struct span value_at;
};

/* A motion's number, title and attributes, read with `motion` (NULL: not
** written). */
struct fr_head {
	const char *number, *title;
	struct fr_attr_read *attrs; /* in the reader's arena, reused */
	size_t n_attrs, cap_attrs;
};

/* A string as scanned, and its span (its quotes). */
struct fr_string {
	const char *text;
	struct span at;
};

struct fr_names {
	struct rec_name *items;
	size_t n, cap;
};

/* Statements of votes read as one token (fr_scan_votes), at most. */
#define FR_MAX_SAID_BY 8

struct fastrec {
	struct arena *arena;       /* the reader's: this state, the names, the scanner's */
	struct arena *out;         /* the model of the meeting being read */
	const struct source *src;
	void *scanner;             /* flex's */
	void *buffer;              /* its buffer over a source in memory */
	uint32_t offset;           /* byte offset of the next character scanned */
	uint32_t input;            /* of the next byte copied into flex's window (a mapped file) */
	bool window_stale;         /* meetings were read from the mapping past flex's window (read_direct) */
	bool give_up;              /* the full path must read from the last meeting's end */
	bool at_end;               /* the end of the file, where a meeting could begin */
	bool has_pending;          /* a token read past the last '}' */
	int pending;
	struct span pending_at;

	struct fastrec_names *names; /* the run's, or `own` */
	struct fastrec_names own;

	/* the meeting being built */
	struct meeting *mt;
	struct rec_motion *motion;
	unsigned ordinal;
	unsigned n_names;          /* against MINUTES_MAX_NAMES */
	unsigned seen, motion_seen; /* statements said once (bits) */
	struct fr_names present, apologies, attending, interests, objections;
	struct fr_names list;      /* the list of names just read (in `arena`, reused) */
	struct fr_names run;       /* the names of one LIST token (in `arena`, reused) */
	struct fr_names said;      /* the names of a statement read with its keyword (fr_scan_names) */
	struct fr_said_by { enum vote_kind kind; size_t end; } said_by[FR_MAX_SAID_BY];
	unsigned n_said_by;        /* votes: whose L->said's names are, up to each end (fr_scan_votes) */
	bool peeking;              /* reading the token after a meeting's '}' */
	struct fr_head head;       /* a motion's, read with `motion` */
	struct fr_string string;   /* read with `terms` */
	struct fr_dated { qdate date; int which; } dated; /* read with `papers` or `minutes` */
	struct fr_meeting_head { struct fr_string title; qdate date; } meeting_head; /* read with `meeting` */
	struct fr_outcome { int outcome; struct span said; } outcome; /* read with `recorded`: `recorded carried` */
	struct fr_tally { int64_t count[3]; bool has_abstain; struct span at; } tally; /* read with `tally`: for, against, abstain */
	/* the last months of dates read by hand (their `YYYY-MM-` as eight
	** bytes, none: 0, no date's), each with its first day and how many days
	** it has; a meeting's dates (papers, the meeting, its minutes) fall in
	** two or three months, and the next meeting's in the same */
#define FR_MONTHS 4
	struct fr_month { uint64_t key; qdate first; int days; } months[FR_MONTHS];
	unsigned next_month;       /* the one to replace next */
	VEC(struct rec_step) steps;
	VEC(struct rec_deputy) deputies;
	VEC(struct rec_vote) votes;
	VEC(struct attr) attrs;
	VEC(struct rec_attr_at) attr_at;
};

/* The scanner's helpers (fastrec.c).  Each returns a token of record.y. */
/* A name, a list or a number, each with the blanks after it: *at (the
** token's span) ends where its text does. */
int fr_scan_name(struct fastrec *L, const char *text, size_t len, struct span *at, const char **out);
int fr_scan_list(struct fastrec *L, const char *text, size_t len, struct span *at);
int fr_scan_number(struct fastrec *L, const char *text, size_t len, struct span *at, const struct fr_number **out);
int fr_scan_string(struct fastrec *L, const char *text, size_t len, const char **out);
int fr_scan_date(struct fastrec *L, const char *text, size_t len, qdate *out);
/* The words after a keyword, read with it (fastrec.c says which): how
** many bytes of p they take, blanks after them included (0: none, the
** keyword is its token alone), and where the last word ends (*end, p
** being at offset `at`).  p[avail] is the NUL that ends flex's buffer;
** the bytes before it may be read eight at a time. */
size_t fr_scan_names(struct fastrec *L, const char *p, size_t avail, uint32_t at, uint32_t *end);
size_t fr_scan_votes(struct fastrec *L, enum vote_kind kind, const char *p, size_t avail, uint32_t at,
                     uint32_t *end, bool *closes);
size_t fr_scan_outcome(const char *p, size_t avail, int *outcome, uint32_t *len);
/* `recorded <outcome> }` (into L->outcome), as a motion ends. */
size_t fr_scan_close(struct fastrec *L, const char *p, size_t avail, uint32_t at, uint32_t *end);
size_t fr_scan_terms(struct fastrec *L, const char *p, size_t avail, uint32_t at);
size_t fr_scan_dated(struct fastrec *L, const char *p, size_t avail, const char *const words[2], uint32_t at,
                     uint32_t *end);
size_t fr_scan_meeting(struct fastrec *L, const char *p, size_t avail, uint32_t at, uint32_t *end);
/* What follows `meeting`, to the meeting's '}' and the blanks after it,
** when it is all plain: the meeting read into L->mt, *end where its '}'
** ends; or 0, and the meeting begun again (fastrec.c's whole_items). */
size_t fr_scan_meeting_whole(struct fastrec *L, const char *p, size_t avail, uint32_t at, uint32_t *end);
/* The blanks from p[i] on: where they end. */
size_t fr_scan_blanks_after(const char *p, size_t i, size_t avail);
size_t fr_scan_motion(struct fastrec *L, const char *p, size_t avail, uint32_t at, bool *open, uint32_t *end);
size_t fr_scan_tally(struct fastrec *L, const char *p, size_t avail, uint32_t at, uint32_t *end);
/* Bytes for flex's window over a mapped file (YY_INPUT). */
size_t fr_scan_input(struct fastrec *L, char *buf, size_t max);

/* The statements said at most once, as bits of `seen` and `motion_seen`. */
enum {
	SAID_TERMS = 1, SAID_CHAIR = 2, SAID_PAPERS = 4, SAID_MINUTES = 8, SAID_AMENDED = 16
};
enum {
	SAID_TALLY = 1, SAID_CASTING = 2, SAID_RECORDED = 4, SAID_DECLARED = 8, SAID_NOTICE = 16,
	SAID_PRESIDING = 32, SAID_EXPECT = 64, SAID_VIRTUAL = 128, SAID_RATIFIES = 256, SAID_APPROVAL = 512
};

/* The grammar's actions (fastrec.c). */
bool fr_once(struct fastrec *L, unsigned *seen, unsigned bit);
bool fr_word(struct fastrec *L, const char *word, const char *expected);
struct rec_name *fr_name(struct fastrec *L, const char *id, struct span at);
void fr_list_start(struct fastrec *L);
void fr_list_add(struct fastrec *L, const char *id, struct span at);
void fr_list_add_run(struct fastrec *L);
void fr_names_to(struct fastrec *L, const struct fr_names *names, struct fr_names *to);
void fr_step(struct fastrec *L, const struct fr_names *names, enum step_kind kind);
void fr_deputy(struct fastrec *L, const char *deputy, struct span at, const char *principal, struct span pat);
/* number, title: as written, or NULL (the motion's ordinal; no title) */
void fr_motion_begin(struct fastrec *L, const char *number, const char *title);
/* the same, then the attributes read with it */
void fr_motion_head(struct fastrec *L, const struct fr_head *h);
void fr_attribute(struct fastrec *L, const char *name, struct span name_at, const struct value *value, struct span value_at);
struct value fr_number_value(const struct fr_number *n);
void fr_votes(struct fastrec *L, const struct fr_names *names, enum vote_kind kind);
/* The votes read with `for`, `against` or `abstain` (fr_scan_votes). */
void fr_votes_said(struct fastrec *L, const struct fr_names *names);
void fr_reasoned(struct fastrec *L, struct fr_names *to, const char *id, struct span at, const char *reason);
void fr_tally(struct fastrec *L, const struct fr_number *yes, const struct fr_number *no,
              const struct fr_number *abstain, struct span at);
void fr_tally_counts(struct fastrec *L, const struct fr_tally *t, struct span at);
void fr_motion_end(struct fastrec *L, struct span at);
void fr_meeting_end(struct fastrec *L, const char *title, qdate date, struct span at);

#endif

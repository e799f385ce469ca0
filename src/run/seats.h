/*
** seats: who sits in each voting member's seat at one motion
** (docs/semantics.md#deputies).
**
** A voting member's seat is theirs when they are present, or when they
** declared an interest in the motion and left the room for it (the seat
** stays theirs, so no deputy votes in their place).  Otherwise a deputy of
** theirs who is present may sit in it: the deputy then counts and votes as
** the principal, with the principal's roles and tags, for every count.  One
** person, one vote: a deputy sits in one seat at most.
**
** Whom a deputy sits for: the principal the record names (`deputy foster
** for vas`), if that seat is free; else the only free seat among their
** principals; with several free, the caller chooses (struct seat_input
** choice, one number per such deputy in roster order: 0 is the first in
** the order the terms list them) and seats_assign says which deputies
** faced a choice, so eval can try each and decide only when every choice
** gives the same outcome.  Deputies the record places are seated first,
** then the others in roster order: of two deputies for one absent
** principal, the first on the roster sits unless the record names the
** other.
*/
#ifndef QUORATE_SEATS_H
#define QUORATE_SEATS_H

#include "model/terms.h"

/* The most deputies with a choice in one motion whose choices are tried. */
#define SEATS_MAX_CHOICES 16

struct seat_input {
	const struct terms *t;
	const bool *active;        /* by member index: a voting member on the date */
	const bool *on_roster;     /* by member index: on the roster on the date */
	const bool *present;       /* by member index: present at this motion */
	const bool *holds_seat;    /* by member index: declared an interest and left (NULL: none) */
	const int *stated;         /* by member index: the principal the record names for this deputy, or -1 (NULL: none) */
	const unsigned *choice;    /* by deputy with a choice, in roster order (NULL: all 0) */
};

struct seats {
	int *occupant;             /* by member index, for voting members: who sits in the seat, or -1 */
	int *sits_for;             /* by member index, for deputies: whose seat they sit in, or -1 */
	unsigned n_choices;        /* deputies who had a choice (the first SEATS_MAX_CHOICES kept) */
	int chooser[SEATS_MAX_CHOICES];   /* their member indices */
	unsigned options[SEATS_MAX_CHOICES]; /* how many free seats each could take */
	bool too_many;             /* more deputies had a choice than SEATS_MAX_CHOICES */
};

/* Allocate room for t's members in a. */
void seats_init(struct arena *a, const struct terms *t, struct seats *out);

/* Fill *out (made by seats_init) from in. */
void seats_assign(const struct seat_input *in, struct seats *out);

/* Is member i a deputy (`deputy for ...`)? */
static inline bool member_is_deputy(const struct member *m)
{
	return m->n_principals > 0;
}

#endif

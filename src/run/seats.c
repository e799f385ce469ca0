/*
** seats: who sits in each voting member's seat at one motion.  See seats.h.
*/
#include "run/seats.h"

void seats_init(struct arena *a, const struct terms *t, struct seats *out)
{
	out->occupant = arena_array(a, t->n_members + 1, sizeof *out->occupant);
	out->sits_for = arena_array(a, t->n_members + 1, sizeof *out->sits_for);
}

/* Is p's seat free for a deputy: a voting member on the date, nobody in it? */
static bool seat_free(const struct seat_input *in, const struct seats *s, int p)
{
	return in->active[p] && s->occupant[p] < 0;
}

/* The free seats among deputy d's principals, in the order the terms list
** them: how many, and the k-th. */
static unsigned free_seats(const struct seat_input *in, const struct seats *s, const struct member *d, unsigned k,
                           int *kth)
{
	unsigned n = 0;
	*kth = -1;
	for (unsigned j = 0; j < d->n_principals; j++) {
		int p = d->principals[j];
		if (!seat_free(in, s, p))
			continue;
		if (n == k)
			*kth = p;
		n++;
	}
	return n;
}

/* Seat deputy i (if present): in the seat the record names (stated_pass),
** else in a free seat of their principals, the caller choosing when there
** are several. */
static void place_deputy(const struct seat_input *in, struct seats *s, unsigned i, bool stated_pass)
{
	const struct member *d = &in->t->members[i];
	int named = in->stated ? in->stated[i] : -1;
	if (!member_is_deputy(d) || !in->on_roster[i] || !in->present[i] || (named >= 0) != stated_pass)
		return;
	int p = -1;
	if (named >= 0) {
		/* the record says whom: that seat or none */
		for (unsigned j = 0; j < d->n_principals && p < 0; j++)
			if (d->principals[j] == named && seat_free(in, s, named))
				p = named;
	} else {
		unsigned n = free_seats(in, s, d, 0, &p);
		if (n > 1) {
			/* a choice: the caller's, or the first listed */
			unsigned k = 0;
			if (s->n_choices < SEATS_MAX_CHOICES) {
				k = in->choice ? in->choice[s->n_choices] : 0;
				s->chooser[s->n_choices] = (int)i;
				s->options[s->n_choices] = n;
				s->n_choices++;
			} else {
				s->too_many = true;
			}
			free_seats(in, s, d, k < n ? k : 0, &p);
		}
	}
	if (p >= 0) {
		s->occupant[p] = (int)i;
		s->sits_for[i] = p;
	}
}

void seats_assign(const struct seat_input *in, struct seats *s)
{
	const struct terms *t = in->t;
	s->n_choices = 0;
	s->too_many = false;
	for (unsigned i = 0; i < t->n_members; i++) {
		bool own = in->active[i] && (in->present[i] || (in->holds_seat && in->holds_seat[i]));
		s->occupant[i] = own ? (int)i : -1;
		s->sits_for[i] = -1;
	}
	if (!t->has_deputies)
		return;
	/* those the record places first, then the others in roster order */
	for (int pass = 0; pass < 2; pass++)
		for (unsigned i = 0; i < t->n_members; i++)
			place_deputy(in, s, i, pass == 0);
}

/*
** terms: lookups in the model.  See terms.h.
*/
#include "model/terms.h"

#include <string.h>

bool terms_member_active(const struct member *m, qdate d)
{
	return (!m->has_from || d >= m->from) && (!m->has_until || d <= m->until);
}

/* FNV-1a: short keys, no adversary who profits from collisions beyond
** slowing one lookup of their own file. */
static uint32_t hash_id(const char *id)
{
	uint32_t h = 2166136261u;
	for (const unsigned char *p = (const unsigned char *)id; *p; p++)
		h = (h ^ *p) * 16777619u;
	return h;
}

void terms_index_init(struct terms *t, struct arena *a, size_t capacity)
{
	uint32_t n = 16;
	while (n < capacity * 2)
		n *= 2;
	t->member_slots = arena_array(a, n, sizeof *t->member_slots);
	t->n_member_slots = n;
}

void terms_index_member(struct terms *t, unsigned i)
{
	if (!t->member_slots)
		return;
	uint32_t mask = t->n_member_slots - 1;
	for (uint32_t k = hash_id(t->members[i].id) & mask;; k = (k + 1) & mask) {
		if (t->member_slots[k] == 0) {
			t->member_slots[k] = i + 1;
			return;
		}
	}
}

int terms_find_member(const struct terms *t, const char *id)
{
	if (!t->member_slots) {
		for (unsigned i = 0; i < t->n_members; i++)
			if (strcmp(t->members[i].id, id) == 0)
				return (int)i;
		return -1;
	}
	uint32_t mask = t->n_member_slots - 1;
	for (uint32_t k = hash_id(id) & mask; t->member_slots[k]; k = (k + 1) & mask) {
		uint32_t i = t->member_slots[k] - 1;
		if (strcmp(t->members[i].id, id) == 0)
			return (int)i;
	}
	return -1;
}

int terms_find_group(const struct terms *t, const char *id)
{
	for (unsigned i = 0; i < t->n_groups; i++)
		if (strcmp(t->groups[i].id, id) == 0)
			return (int)i;
	return -1;
}

const struct dclass *terms_find_class(const struct terms *t, const char *id)
{
	for (unsigned i = 0; i < t->n_classes; i++)
		if (strcmp(t->classes[i].id, id) == 0)
			return &t->classes[i];
	return NULL;
}

bool terms_conflicted_counted(const struct terms *t)
{
	return t->conflict_quorum == CONFLICT_QUORUM_DEEMED ||
	       (t->conflict_quorum == CONFLICT_QUORUM_COUNTED && !t->conflict_leaves);
}

bool terms_conflicted_void(const struct terms *t)
{
	return t->conflict_vote == CONFLICT_VOTE_VOID || t->conflict_leaves;
}

bool terms_may_chair(const struct terms *t, const struct member *m, bool voting)
{
	const struct chair_rule *cr = &t->chair;
	if (cr->any_member)
		return voting;
	if (m->groups & cr->groups)
		return true;
	for (unsigned k = 0; k < cr->n_members; k++)
		if (strcmp(cr->members[k], m->id) == 0)
			return true;
	return false;
}

/*
** terms: lookups in the model.  See terms.h.
*/
#include "model/terms.h"

#include <string.h>

bool terms_member_active(const struct member *m, qdate d)
{
	return (!m->has_from || d >= m->from) && (!m->has_until || d <= m->until);
}

int terms_find_member(const struct terms *t, const char *id)
{
	for (unsigned i = 0; i < t->n_members; i++)
		if (strcmp(t->members[i].id, id) == 0)
			return (int)i;
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

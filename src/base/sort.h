/*
** sort: qsort for the arrays of this project, which are often empty.
**
** An empty vector's items pointer is NULL, and C says qsort's array may
** never be a null pointer, whatever the count (UBSan reports it; found by
** fuzz_lsp on a document with no tokens).  Every sort goes through here so
** that the rule is kept in one place.
*/
#ifndef QUORATE_SORT_H
#define QUORATE_SORT_H

#include <stddef.h>
#include <stdlib.h>

static inline void sort_array(void *items, size_t n, size_t size, int (*compare)(const void *, const void *))
{
	if (n > 1)
		qsort(items, n, size, compare);
}

#endif

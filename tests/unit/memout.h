/*
** memout.h: a FILE that writes into memory, for unit tests of writers
** (test_json.c, test_wbuf.c): open, write through o.f, read what it holds.
** Include after <cmocka.h>.
*/
#ifndef QUORATE_TEST_MEMOUT_H
#define QUORATE_TEST_MEMOUT_H

#include <stdio.h>
#include <stdlib.h>

struct out {
	FILE *f;
	char *text;
	size_t len;
};

static inline void out_open(struct out *o)
{
	o->text = NULL;
	o->len = 0;
	o->f = open_memstream(&o->text, &o->len);
	assert_non_null(o->f);
}

/* What the FILE holds so far (flushed), valid until the next write. */
static inline const char *out_text(struct out *o)
{
	assert_int_equal(fflush(o->f), 0);
	return o->text;
}

static inline void out_close(struct out *o)
{
	fclose(o->f);
	free(o->text);
}

#endif

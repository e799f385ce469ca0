/*
** fixture: what the cmocka unit tests share (tests/unit/test_*.c): a memory
** context whose out-of-memory jump lands in the running test, one arena for
** everything a test makes, a diagnostics sink, and a module loader on the
** repository's stdlib/ (the tests run from the repository root), and the
** helpers that load a test's terms and records (fixture_first_item,
** fixture_dump_diags).
**
** A test file's state begins with `struct fixture f;` and FIXTURE_STATE(T)
** gives it cmocka's setup and teardown (a file that must also clean up
** something of its own takes FIXTURE_SETUP(T) and writes its teardown with
** fixture_free).  Each test
** begins with FIXTURE_ENTER(T, x): x is its state, and an allocation that
** fails anywhere below fails the test there (the jump needs a live frame:
** the test's own).
*/
#ifndef QUORATE_TEST_FIXTURE_H
#define QUORATE_TEST_FIXTURE_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>

#include "base/arena.h"
#include "check/load.h"
#include "front/ast.h"
#include "front/diag.h"

struct fixture {
	struct mem mem;
	jmp_buf oom;
	struct arena arena;
	struct diag_sink diag;
	struct loader ld;
};

static inline void fixture_init(struct fixture *f)
{
	static const char *const stdlib_dirs[] = { "stdlib" };
	f->mem.on_oom = &f->oom;
	arena_init(&f->arena, &f->mem);
	diag_init(&f->diag, &f->arena);
	loader_init(&f->ld, &f->arena, &f->diag, stdlib_dirs, 1);
}

static inline void fixture_free(struct fixture *f)
{
	arena_free(&f->arena);
}

/* cmocka's setup and teardown for a state of type T that begins with
** `struct fixture f`. */
#define FIXTURE_SETUP(T)                                    \
	static int setup(void **state)                      \
	{                                                   \
		T *x_ = calloc(1, sizeof *x_);              \
		if (!x_)                                    \
			return -1;                          \
		fixture_init(&x_->f);                       \
		*state = x_;                                \
		return 0;                                   \
	}
#define FIXTURE_STATE(T)                                    \
	FIXTURE_SETUP(T)                                    \
	static int teardown(void **state)                   \
	{                                                   \
		T *x_ = *state;                             \
		fixture_free(&x_->f);                       \
		free(x_);                                   \
		return 0;                                   \
	}

/* The first item of a parsed file of the kind asked (N_TERMS, N_MEETING), or NULL. */
static inline const struct node *fixture_first_item(const struct ast_file *file, enum node_kind kind)
{
	for (const struct node *n = file->items; n; n = n->next)
		if (n->kind == kind)
			return n;
	return NULL;
}

/* The diagnostics so far, to stderr: why a test's input did not check. */
static inline void fixture_dump_diags(struct fixture *f)
{
	diag_sort(&f->diag);
	for (size_t i = 0; i < f->diag.items.n; i++)
		diag_print(&f->diag.items.items[i], stderr, false);
}

/* The first line of a test: its state x, and the out-of-memory jump. */
#define FIXTURE_ENTER(T, x)                                 \
	T *x = *state;                                      \
	if (setjmp(x->f.oom) != 0)                          \
		fail_msg("out of memory")

#endif

/*
** arena: the one allocation entry point, and bump allocators on top of it.
**
** Everything quorate allocates goes through a `struct mem`, owned by one
** context (a check, an evaluation, a replay).  It carries the OOM policy: on
** failure it jumps to the context's recovery point, so no caller has to check
** for NULL and the library never calls exit().  It also carries the test hook
** that makes the Nth allocation fail.  Nothing here is global.
**
** Arenas hand out memory that belongs to the arena: never free it; reset or
** free the whole arena.  Parsers, models and reports are arena-allocated, so an
** aborted parse frees with one call and replay drops each meeting's memory in
** one reset.
*/
#ifndef QUORATE_ARENA_H
#define QUORATE_ARENA_H

#include <setjmp.h>
#include <stdbool.h>
#include <stdarg.h>
#include <stddef.h>

struct mem {
	jmp_buf *on_oom;          /* where to jump when memory runs out */
	unsigned long fail_at;    /* test hook: fail allocation number fail_at (1-based); 0 = never */
	unsigned long n_allocs;   /* allocations so far */
	size_t live_bytes;        /* currently allocated through this mem */
	size_t peak_bytes;
};

/* mem_alloc never returns NULL: it jumps to on_oom (which must be set). */
void *mem_alloc(struct mem *m, size_t size);
void *mem_realloc(struct mem *m, void *p, size_t old_size, size_t new_size);
/* ... zeroed (calloc) */
void *mem_calloc(struct mem *m, size_t size);
void mem_free(struct mem *m, void *p, size_t size);
/* Count an allocation made outside mem (flex's buffers); true if the test
** hook says this one must fail. */
bool mem_tick(struct mem *m);
/* The out-of-memory jump, for code that detects failure elsewhere (a library). */
_Noreturn void mem_fail(struct mem *m);

struct arena_chunk;
struct arena {
	struct mem *mem;
	struct arena_chunk *chunks; /* newest first */
	char *cur, *end;
	size_t used;                /* bytes handed out since the last reset */
};

void arena_init(struct arena *a, struct mem *m);
/* Zeroed memory, aligned for any object. */
void *arena_alloc(struct arena *a, size_t size);
/* The same, not zeroed: for buffers about to be filled (file text).
** Inline where the chunk has room (the reader of records makes a few a
** motion, and a call costs as much as the bump); a new chunk otherwise. */
static inline void *arena_alloc_uninit(struct arena *a, size_t size);
void *arena_alloc_new_chunk(struct arena *a, size_t size);
/* n elements of size bytes each, with overflow checked. */
void *arena_array(struct arena *a, size_t n, size_t size);
/* Grow an arena array: copies old_n elements into a fresh block. */
void *arena_grow(struct arena *a, void *old, size_t old_n, size_t new_n, size_t size);
char *arena_strndup(struct arena *a, const char *s, size_t n);
char *arena_strdup(struct arena *a, const char *s);
char *arena_printf(struct arena *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
char *arena_vprintf(struct arena *a, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));
/* Forget everything allocated, keeping the first chunk for reuse. */
void arena_reset(struct arena *a);
void arena_free(struct arena *a);

/* Largest alignment any object needs; chunk payloads start aligned to it. */
#define ARENA_ALIGN _Alignof(max_align_t)

static inline void *arena_alloc_uninit(struct arena *a, size_t size)
{
	size_t rounded = (size + ARENA_ALIGN - 1) & ~(ARENA_ALIGN - 1);
	if (rounded >= size && (size_t)(a->end - a->cur) >= rounded) {
		void *p = a->cur;
		a->cur += rounded;
		a->used += rounded;
		return p;
	}
	return arena_alloc_new_chunk(a, size);
}

/*
** A growable array in an arena: VEC(struct x) v = {0}; VEC_PUSH(arena, v, x).
** Growth doubles, so pushes are amortised O(1); old blocks stay in the arena
** until it is reset.
*/
#define VEC(T) struct { T *items; size_t n, cap; }
#define VEC_PUSH(arena, v, value)                                              \
	do {                                                                   \
		if ((v).n == (v).cap) {                                        \
			size_t vec_cap_ = (v).cap ? (v).cap * 2 : 8;           \
			(v).items = arena_grow((arena), (v).items, (v).n,      \
			                       vec_cap_, sizeof *(v).items);   \
			(v).cap = vec_cap_;                                    \
		}                                                              \
		(v).items[(v).n++] = (value);                                  \
	} while (0)

#endif

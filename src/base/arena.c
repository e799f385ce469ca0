/*
** arena: allocation policy (struct mem) and bump allocators.  See arena.h.
*/
#include "base/arena.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/numfmt.h"

#define ARENA_CHUNK_MIN (16 * 1024)

struct arena_chunk {
	struct arena_chunk *next;
	size_t size; /* payload bytes */
	_Alignas(max_align_t) char data[];
};

_Noreturn void mem_fail(struct mem *m)
{
	/* Every library entry point sets on_oom before allocating; reaching
	** here without one is a bug in the caller, not a memory condition. */
	if (!m->on_oom)
		abort();
	longjmp(*m->on_oom, 1);
}

bool mem_tick(struct mem *m)
{
	m->n_allocs++;
	return m->fail_at != 0 && m->n_allocs == m->fail_at;
}

/* p, size bytes allocated (NULL: failed): counted, or the jump out. */
static void *counted(struct mem *m, void *p, size_t size)
{
	if (!p)
		mem_fail(m);
	m->live_bytes += size;
	if (m->live_bytes > m->peak_bytes)
		m->peak_bytes = m->live_bytes;
	return p;
}

void *mem_alloc(struct mem *m, size_t size)
{
	return counted(m, mem_tick(m) ? NULL : malloc(size ? size : 1), size);
}

void *mem_realloc(struct mem *m, void *p, size_t old_size, size_t new_size)
{
	void *q = mem_tick(m) ? NULL : realloc(p, new_size ? new_size : 1);
	if (!q)
		mem_fail(m); /* p is still valid and still owned by the caller */
	m->live_bytes -= old_size;
	return counted(m, q, new_size);
}

void *mem_calloc(struct mem *m, size_t size)
{
	return counted(m, mem_tick(m) ? NULL : calloc(1, size ? size : 1), size);
}

void mem_free(struct mem *m, void *p, size_t size)
{
	if (!p)
		return;
	m->live_bytes -= size;
	free(p);
}

void arena_init(struct arena *a, struct mem *m)
{
	memset(a, 0, sizeof *a);
	a->mem = m;
}

/* zeroed: by calloc, which leaves a large block's fresh pages untouched */
static void arena_new_chunk(struct arena *a, size_t need, bool zeroed)
{
	size_t size = need > ARENA_CHUNK_MIN ? need : ARENA_CHUNK_MIN;
	if (size > SIZE_MAX - sizeof(struct arena_chunk))
		mem_fail(a->mem);
	struct arena_chunk *c = zeroed ? mem_calloc(a->mem, sizeof *c + size) : mem_alloc(a->mem, sizeof *c + size);
	c->size = size;
	c->next = a->chunks;
	a->chunks = c;
	a->cur = c->data;
	a->end = c->data + size;
}

/* arena_alloc_uninit's way when the chunk has no room (or size overflows). */
void *arena_alloc_new_chunk(struct arena *a, size_t size)
{
	size_t rounded = (size + ARENA_ALIGN - 1) & ~(ARENA_ALIGN - 1);
	if (rounded < size)
		mem_fail(a->mem);
	if ((size_t)(a->end - a->cur) < rounded)
		arena_new_chunk(a, rounded, false);
	void *p = a->cur;
	a->cur += rounded;
	a->used += rounded;
	return p;
}

/*
** Zeroed memory of ARENA_FRESH_MIN bytes or more that the chunk has no room
** for gets a chunk of its own from calloc, not zeroed here: the C library
** maps a block this large fresh from the system, whose pages are zero and
** cost nothing until first touched.  Judging's memo tables and the like are
** hundreds of kilobytes of which a short history touches a few pages: set
** to zero by hand, their pages were 400 of a replay's 571 page faults
** (about a quarter of the time of a replay of one small file).
*/
#define ARENA_FRESH_MIN (128 * 1024)

void *arena_alloc(struct arena *a, size_t size)
{
	size_t rounded = (size + ARENA_ALIGN - 1) & ~(ARENA_ALIGN - 1);
	if (size >= ARENA_FRESH_MIN && rounded >= size && (size_t)(a->end - a->cur) < rounded) {
		arena_new_chunk(a, rounded, true);
		void *p = a->cur;
		a->cur += rounded;
		a->used += rounded;
		return p;
	}
	void *p = arena_alloc_uninit(a, size);
	memset(p, 0, size);
	return p;
}

void *arena_array(struct arena *a, size_t n, size_t size)
{
	if (size && n > SIZE_MAX / size)
		mem_fail(a->mem);
	return arena_alloc(a, n * size);
}

void *arena_grow(struct arena *a, void *old, size_t old_n, size_t new_n, size_t size)
{
	void *p = arena_array(a, new_n, size);
	if (old && old_n)
		memcpy(p, old, old_n * size);
	return p;
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p = arena_alloc_uninit(a, n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *arena_strdup(struct arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}

/*
** fmt written into buf (cap bytes) by hand for the conversions messages use
** (%s %d %u %lld %llu %zu %%), with the text vsnprintf would give: its
** length, or -1 when fmt has anything else (a flag, a width, a precision, a
** NULL string) or the text does not fit, for vsnprintf to write.  Judging
** formats a message for every finding, and vsnprintf parses the format
** twice: this is the cost of a finding (docs/performance.md).
*/
static int quick_vformat(char *buf, size_t cap, const char *fmt, va_list ap)
{
	size_t n = 0;
	for (const char *p = fmt; *p; p++) {
		if (*p != '%') {
			/* the words up to the next conversion in one copy (a
			** message is mostly words): strchr's, not a byte a step */
			const char *pct = strchr(p, '%');
			size_t run = pct ? (size_t)(pct - p) : strlen(p);
			if (run >= cap - n)
				return -1;
			memcpy(buf + n, p, run);
			n += run;
			p += run;
			if (!*p)
				break;
		}
		const char *s = ++p;
		size_t len = 1;
		char num[NUMFMT_MAX];
		if (*p == 's') {
			s = va_arg(ap, const char *);
			if (!s)
				return -1;
			len = strlen(s);
		} else if (*p == 'd') {
			len = numfmt_i64(num, va_arg(ap, int));
			s = num;
		} else if (*p == 'u') {
			len = numfmt_u64(num, va_arg(ap, unsigned));
			s = num;
		} else if (p[0] == 'l' && p[1] == 'l' && (p[2] == 'd' || p[2] == 'u')) {
			p += 2;
			len = *p == 'd' ? numfmt_i64(num, va_arg(ap, long long)) : numfmt_u64(num, va_arg(ap, unsigned long long));
			s = num;
		} else if (p[0] == 'z' && p[1] == 'u') {
			p++;
			len = numfmt_u64(num, va_arg(ap, size_t));
			s = num;
		} else if (*p != '%') {
			return -1;
		}
		if (len >= cap - n)
			return -1;
		memcpy(buf + n, s, len);
		n += len;
	}
	buf[n] = '\0';
	return (int)n;
}

char *arena_vprintf(struct arena *a, const char *fmt, va_list ap)
{
	char quick[512];
	va_list copy;
	va_copy(copy, ap);
	int n = quick_vformat(quick, sizeof quick, fmt, copy);
	va_end(copy);
	if (n >= 0) {
		char *p = arena_alloc(a, (size_t)n + 1);
		memcpy(p, quick, (size_t)n + 1);
		return p;
	}
	va_copy(copy, ap);
	n = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	if (n < 0)
		n = 0;
	char *p = arena_alloc(a, (size_t)n + 1);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	return p;
}

char *arena_printf(struct arena *a, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *p = arena_vprintf(a, fmt, ap);
	va_end(ap);
	return p;
}

void arena_reset(struct arena *a)
{
	if (!a->chunks)
		return;
	/* Keep the oldest chunk (the last in the list) for reuse. */
	struct arena_chunk *keep = a->chunks;
	while (keep->next) {
		struct arena_chunk *next = keep->next;
		mem_free(a->mem, keep, sizeof *keep + keep->size);
		keep = next;
	}
	a->chunks = keep;
	a->cur = keep->data;
	a->end = keep->data + keep->size;
	a->used = 0;
}

void arena_free(struct arena *a)
{
	struct arena_chunk *c = a->chunks;
	while (c) {
		struct arena_chunk *next = c->next;
		mem_free(a->mem, c, sizeof *c + c->size);
		c = next;
	}
	a->chunks = NULL;
	a->cur = a->end = NULL;
	a->used = 0;
}

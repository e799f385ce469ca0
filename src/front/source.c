/*
** source: loading input files and mapping offsets to lines.  See source.h.
*/
/* madvise and MAP_ANONYMOUS (a mapped file gives its pages back) */
#define _DEFAULT_SOURCE
#include "front/source.h"

#include "base/sha256.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

void source_from_memory(struct source *s, struct arena *a, const char *name,
                        const char *text, size_t len)
{
	memset(s, 0, sizeof *s);
	s->arena = a;
	s->name = arena_strdup(a, name);
	char *copy = arena_alloc(a, len + 2); /* two NULs: the scanner's sentinel */
	memcpy(copy, text, len);
	s->text = copy;
	s->len = len;
}

/* size_hint: the file's size when known, so one read usually does. */
static int read_stream(FILE *f, struct arena *a, size_t size_hint, char **out, size_t *out_len, const char **why)
{
	size_t cap = size_hint + 1 < SOURCE_MAX_BYTES ? size_hint + 1 : SOURCE_MAX_BYTES, len = 0;
	if (cap < 4096)
		cap = 4096;
	char *buf = arena_alloc_uninit(a, cap + 2);
	for (;;) {
		size_t got = fread(buf + len, 1, cap - len, f);
		len += got;
		if (got == 0) {
			if (ferror(f)) {
				*why = strerror(errno);
				return -1;
			}
			break;
		}
		if (len == cap) {
			if (cap >= SOURCE_MAX_BYTES) {
				/* Exactly the limit is allowed: only a byte more is too much. */
				int more = fgetc(f);
				if (more == EOF && !ferror(f))
					break;
				*why = more == EOF ? strerror(errno) : "file is larger than the 64 MiB limit";
				return -1;
			}
			buf = arena_grow(a, buf, len, cap * 2 + 2, 1);
			cap *= 2;
		}
	}
	if (len > SOURCE_MAX_BYTES) {
		*why = "file is larger than the 64 MiB limit";
		return -1;
	}
	buf[len] = buf[len + 1] = '\0'; /* two NULs: the scanner's sentinel */
	*out = buf;
	*out_len = len;
	return 0;
}

int source_load(struct source *s, struct arena *a, const char *path, const char **why)
{
	if (strcmp(path, "-") == 0)
		return source_load_stream(s, a, "<stdin>", stdin, why);
	FILE *f = fopen(path, "rb");
	if (!f) {
		*why = strerror(errno);
		return -1;
	}
	int rc = source_load_stream(s, a, path, f, why);
	fclose(f);
	return rc;
}

int source_load_stream(struct source *s, struct arena *a, const char *name, FILE *f, const char **why)
{
	memset(s, 0, sizeof *s);
	s->arena = a;
	s->name = arena_strdup(a, name);
	size_t size = 0;
	struct stat st;
	if (fstat(fileno(f), &st) != 0) {
		*why = strerror(errno);
		return -1;
	}
	if (S_ISDIR(st.st_mode)) {
		*why = "is a directory";
		return -1;
	}
	if (S_ISREG(st.st_mode)) {
		if ((uintmax_t)st.st_size > SOURCE_MAX_BYTES) {
			*why = "file is larger than the 64 MiB limit";
			return -1;
		}
		size = (size_t)st.st_size;
	}
	char *text = NULL;
	size_t len = 0;
	if (read_stream(f, a, size, &text, &len, why) != 0)
		return -1;
	s->text = text;
	s->len = len;
	return 0;
}

/* Read fd to its end into the arena (two NULs after the text).  size_hint:
** the file's size when known, so one read usually does. */
static int read_fd(int fd, struct arena *a, size_t size_hint, bool regular, char **out, size_t *out_len,
                   const char **why)
{
	size_t cap = size_hint + 1 < SOURCE_MAX_BYTES ? size_hint + 1 : SOURCE_MAX_BYTES + 1, len = 0;
	if (cap < 4096)
		cap = 4096;
	char *buf = arena_alloc_uninit(a, cap + 2);
	for (;;) {
		ssize_t got = read(fd, buf + len, cap - len);
		if (got < 0) {
			if (errno == EINTR)
				continue;
			*why = strerror(errno);
			return -1;
		}
		len += (size_t)got;
		if (len > SOURCE_MAX_BYTES) {
			/* Exactly the limit is allowed: only a byte more is too much. */
			*why = "file is larger than the 64 MiB limit";
			return -1;
		}
		/* All of a regular file's bytes, by its size, and no more when asked
		** for one more: at its end, without a read to learn it. */
		if (got == 0 || (regular && len == size_hint && len < cap))
			break;
		if (len == cap) {
			size_t grown = cap * 2 < SOURCE_MAX_BYTES + 1 ? cap * 2 : SOURCE_MAX_BYTES + 1;
			buf = arena_grow(a, buf, len, grown + 2, 1);
			cap = grown;
		}
	}
	buf[len] = buf[len + 1] = '\0'; /* two NULs: the scanner's sentinel */
	*out = buf;
	*out_len = len;
	return 0;
}

/* Map len bytes of fd, followed by two NULs (as text read into memory): an
** anonymous mapping one page longer, the file mapped over its start.  Read
** only: the scanner copies it a window at a time (quorate.l's scan_input). */
static int map_fd(struct source *s, int fd, size_t len, const char **why)
{
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	size_t total = (len + 2 + page - 1) / page * page;
	char *base = mmap(NULL, total, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (base == MAP_FAILED) {
		*why = strerror(errno);
		return -1;
	}
	if (mmap(base, len, PROT_READ, MAP_PRIVATE | MAP_FIXED, fd, 0) == MAP_FAILED) {
		*why = strerror(errno);
		munmap(base, total);
		return -1;
	}
	/* Read once, from the start: the kernel reads ahead, drops behind. */
	madvise(base, len, MADV_SEQUENTIAL);
	s->text = base;
	s->len = len;
	s->map_len = total;
	s->fd = fd; /* read in order through it (source_view), closed by source_close */
	return 0;
}

/* ---- closing files a batch at a time ------------------------------------ */

/* Close fds first .. first+n-1, all the reader's: one call where the
** system has close_range, else one a file. */
static void close_fd_range(int first, unsigned n)
{
#ifdef SYS_close_range
	if (n > 1 && syscall(SYS_close_range, (unsigned)first, (unsigned)first + n - 1, 0u) == 0)
		return;
#endif
	for (unsigned i = 0; i < n; i++)
		close(first + (int)i);
}

/* The batch in order of numbers (the system gives each open file the
** lowest number free: mostly in order already), closed a run at a time.
** A run holds only numbers in the batch, so nothing else is closed. */
void source_fds_close(struct source_fds *fds)
{
	for (unsigned i = 1; i < fds->n; i++)
		for (unsigned k = i; k > 0 && fds->fd[k - 1] > fds->fd[k]; k--) {
			int t = fds->fd[k];
			fds->fd[k] = fds->fd[k - 1];
			fds->fd[k - 1] = t;
		}
	for (unsigned i = 0; i < fds->n;) {
		unsigned run = 1;
		while (i + run < fds->n && fds->fd[i + run] == fds->fd[i] + (int)run)
			run++;
		close_fd_range(fds->fd[i], run);
		i += run;
	}
	fds->n = 0;
}

/* Close fd now (later NULL), or with the batch. */
static void close_later(struct source_fds *later, int fd)
{
	if (!later) {
		close(fd);
		return;
	}
	later->fd[later->n++] = fd;
	if (later->n == SOURCE_FDS_MAX)
		source_fds_close(later);
}

/* openat, with the files kept for closing closed first when the process
** has no number left for one more (a low limit of open files). */
static int open_at(int dirfd, const char *name, struct source_fds *later)
{
	int fd = openat(dirfd, name, O_RDONLY | O_CLOEXEC);
	if (fd < 0 && (errno == EMFILE || errno == ENFILE) && later && later->n) {
		source_fds_close(later);
		fd = openat(dirfd, name, O_RDONLY | O_CLOEXEC);
	}
	return fd;
}

/* read_fd, closing fd (when `owned`) on the way out of memory. */
static int read_closing_on_oom(int fd, struct arena *a, size_t size_hint, bool regular, bool owned, char **out,
                               size_t *out_len, const char **why)
{
	struct mem *mem = a->mem;
	jmp_buf *outer = mem->on_oom;
	jmp_buf here;
	if (setjmp(here)) {
		mem->on_oom = outer;
		if (owned)
			close(fd);
		mem_fail(mem);
	}
	mem->on_oom = &here;
	int rc = read_fd(fd, a, size_hint, regular, out, out_len, why);
	mem->on_oom = outer;
	return rc;
}

/* Load the file `name` of the directory open as dirfd (AT_FDCWD: the
** working directory), called `path` for people: a walk opens each file
** from its directory, not by its whole path again. */
static int load(struct source *s, struct arena *a, int dirfd, const char *name, const char *path, struct stat *st,
                size_t map_over, struct source_fds *later, const char **why)
{
	memset(s, 0, sizeof *s);
	s->arena = a;
	int from_stdin = dirfd == AT_FDCWD && strcmp(name, "-") == 0;
	s->name = arena_strdup(a, from_stdin ? "<stdin>" : path);
	struct source_fds *const batch = from_stdin ? NULL : later; /* where fd goes when done */
	int fd = STDIN_FILENO;
	if (!from_stdin) {
		fd = open_at(dirfd, name, later);
		if (fd < 0) {
			*why = strerror(errno);
			return -1;
		}
	}
	if (fstat(fd, st) != 0 || S_ISDIR(st->st_mode)) {
		*why = S_ISDIR(st->st_mode) ? "is a directory" : strerror(errno);
		if (!from_stdin)
			close_later(batch, fd);
		return -1;
	}
	bool regular = S_ISREG(st->st_mode);
	bool map = map_over != SIZE_MAX && regular && st->st_size > 0 && (uintmax_t)st->st_size > map_over;
	if (map && (uintmax_t)st->st_size > SOURCE_MAP_MAX_BYTES) {
		*why = "file is larger than the 4 GiB limit of one record file";
		close_later(batch, fd);
		return -1;
	}
	if (!map && regular && (uintmax_t)st->st_size > SOURCE_MAX_BYTES) {
		*why = "file is larger than the 64 MiB limit";
		if (!from_stdin)
			close_later(batch, fd);
		return -1;
	}
	if (map) {
		int rc = map_fd(s, fd, (size_t)st->st_size, why);
		if (rc != 0)
			close_later(batch, fd);
		return rc;
	}
	char *text = NULL;
	size_t len = 0;
	int rc = read_closing_on_oom(fd, a, regular ? (size_t)st->st_size : 0, regular, !from_stdin, &text, &len, why);
	close_later(batch, fd);
	if (rc == 0) {
		s->text = text;
		s->len = len;
	}
	return rc;
}

int source_map_stat(struct source *s, struct arena *a, const char *path, struct stat *st, const char **why)
{
	return load(s, a, AT_FDCWD, path, path, st, SOURCE_MAP_MIN_BYTES, NULL, why);
}

int source_map_at(struct source *s, struct arena *a, int dirfd, const char *name, const char *path, struct stat *st,
                  struct source_fds *later, const char **why)
{
	return load(s, a, dirfd, name, path, st, SOURCE_MAP_MIN_BYTES, later, why);
}

int source_map_over(struct source *s, struct arena *a, const char *path, size_t bytes, struct stat *st,
                    const char **why)
{
	return load(s, a, AT_FDCWD, path, path, st, bytes, NULL, why);
}


void source_close(struct source *s)
{
	if (s->map_len) {
		munmap((void *)s->text, s->map_len);
		close(s->fd);
	}
	s->map_len = 0;
	s->hash = NULL; /* in the arena */
	s->hashed = 0;
	s->window = NULL; /* in the arena, with the text's other caches */
	s->win_at = s->win_len = 0;
	s->text = "";
	s->len = 0;
}

/* ---- reading a mapped file in order -------------------------------------- */

/* Bytes kept before `at` when the window is refilled from it: a report
** asks the positions of the meeting just read (counted on from the last
** asked, source_position) after the reader has moved on to the next. */
#define SOURCE_WINDOW_BACK (64u << 10)

/* Bytes [at, at + n) just read into buf: what of them follows the bytes
** hashed goes into the hash (source_hash_begin) */
static void hash_read(const struct source *cs, size_t at, const char *buf, size_t n)
{
	struct source *s = (struct source *)cs; /* the hash is taken as the bytes go by, as the window is a cache */
	if (at <= s->hashed && at + n > s->hashed) {
		sha256_add(s->hash, buf + (s->hashed - at), at + n - s->hashed);
		s->hashed = at + n;
	}
}

/* n bytes at `at` of a mapped file into buf, by pread; what the system
** would not give (the file shrank while read) through the mapping, as
** before (the system stops the program: struct source). */
static void read_mapped(const struct source *s, uint32_t at, char *buf, size_t n)
{
	size_t got = 0;
	while (got < n) {
		ssize_t k = pread(s->fd, buf + got, n - got, (off_t)at + (off_t)got);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			break;
		got += (size_t)k;
	}
	if (got < n)
		memcpy(buf + got, s->text + at + got, n - got);
	if (s->hash)
		hash_read(s, at, buf, n);
}

/* Does the window hold the bytes [from, to)? */
static bool window_holds(const struct source *s, uint32_t from, uint32_t to)
{
	return s->window && from >= s->win_at && to <= s->win_at + s->win_len;
}

static void fill_window(struct source *s, uint32_t at)
{
	if (!s->window)
		s->window = arena_alloc_uninit(s->arena, SOURCE_WINDOW + 2);
	uint32_t from = at > SOURCE_WINDOW_BACK ? at - SOURCE_WINDOW_BACK : 0;
	size_t n = s->len - from < SOURCE_WINDOW ? s->len - from : SOURCE_WINDOW;
	read_mapped(s, from, s->window, n);
	s->window[n] = s->window[n + 1] = '\0';
	s->win_at = from;
	s->win_len = (uint32_t)n;
}

size_t source_copy(const struct source *s, uint32_t at, char *buf, size_t n)
{
	if (at >= s->len)
		return 0;
	if (n > s->len - at)
		n = s->len - at;
	if (!s->map_len)
		memcpy(buf, s->text + at, n);
	else if (window_holds(s, at, at + (uint32_t)n))
		memcpy(buf, s->window + (at - s->win_at), n);
	else
		read_mapped(s, at, buf, n);
	return n;
}

const char *source_view(const struct source *cs, uint32_t at, size_t *avail)
{
	struct source *s = (struct source *)cs; /* the window is a cache, as the line table */
	if (at > s->len)
		at = (uint32_t)s->len;
	if (!s->map_len) {
		*avail = s->len - at;
		return s->text + at;
	}
	uint32_t end = s->win_at + s->win_len;
	if (!window_holds(s, at, at) || (end - at < SOURCE_VIEW_MIN && end < s->len))
		fill_window(s, at);
	*avail = s->win_at + s->win_len - at;
	return s->window + (at - s->win_at);
}

/* source_copy as sha256_hex_read reads. */
static size_t copy_for_hash(void *ctx, size_t at, char *buf, size_t n)
{
	return source_copy(ctx, (uint32_t)at, buf, n);
}

bool source_sha256_hex(const struct source *s, char hex[SHA256_HEX_SIZE])
{
	if (!s->map_len)
		return sha256_hex(s->text, s->len, hex);
	return sha256_hex_read(s->len, copy_for_hash, (void *)s, hex);
}

void source_hash_begin(struct source *s)
{
	if (!s->map_len)
		return; /* in memory: hashed whole at the end */
	s->hash = sha256_begin(arena_alloc_uninit(s->arena, sha256_stream_size()));
	s->hashed = 0;
}

/* What the readers did not bring in is read here, as source_sha256_hex
** reads it. */
bool source_hash_end(struct source *s, char hex[SHA256_HEX_SIZE])
{
	struct sha256_stream *st = s->hash;
	if (!st)
		return source_sha256_hex(s, hex);
	s->hash = NULL; /* what is read below is not added twice */
	sha256_add_read(st, s->hashed, s->len, copy_for_hash, s);
	return sha256_end(st, hex);
}

/*
** Giving pages back.  The kernel maps a file's pages in groups (fault-around,
** 64 KiB by default), so a page given back just behind the one being read
** can come straight back with its group; pages are given back only once the
** reading is 512 KiB past them, 256 KiB or more at a time.  That keeps well
** under a megabyte of the file mapped, whatever its length (issue 16's flat
** RSS); a shorter lag cost more system time than it saved (1 GB: 0.38 s of
** system time at 2 MiB, 0.47 s at 512 KiB, 1.28 s at 256 KiB).
**
** The kernel can also map pages back after they were given back: on Linux
** 6.18, with a file fresh in the page cache, a 256 KiB group every 6 MiB
** came back behind the reader (its read-ahead marks), one group kept per
** 6 MiB read, 40 MB for a 1 GB history.  So each batch also sweeps the
** SOURCE_FORGET_SWEEP bytes before it again (seen back within 8 MiB: peak
** mapped 5.4 MB -> 2.2 MB on 100 MB); unmapping pages that are not mapped
** costs little (no change in system time on 200 MB).
*/
#define SOURCE_FORGET_LAG (512u << 10)
#define SOURCE_FORGET_BATCH (256u << 10)
#define SOURCE_FORGET_SWEEP (8u << 20)

static void forget_range(const struct source *s, uint32_t from, uint32_t to)
{
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	uintptr_t lo = ((uintptr_t)s->text + from + page - 1) / page * page;
	uintptr_t hi = ((uintptr_t)s->text + to) / page * page;
	if (hi > lo)
		madvise((void *)lo, hi - lo, MADV_DONTNEED);
}

void source_forget_behind(const struct source *cs, uint32_t offset)
{
	struct source *s = (struct source *)cs; /* the mark is a cache, as the line table */
	if (offset > s->len)
		offset = (uint32_t)s->len; /* never past the mapping */
	if (!s->map_len || offset < SOURCE_FORGET_LAG + SOURCE_FORGET_BATCH ||
	    offset - SOURCE_FORGET_LAG < s->forgotten + SOURCE_FORGET_BATCH)
		return;
	/* The mark stays on a page boundary: a mark inside a page would leave
	** that page to neither this call (which rounds its end down) nor the
	** next (which rounds its start up), one page kept a megabyte read. */
	uint32_t page = (uint32_t)sysconf(_SC_PAGESIZE);
	uint32_t mark = (offset - SOURCE_FORGET_LAG) / page * page;
	uint32_t sweep_from = s->forgotten > SOURCE_FORGET_SWEEP ? s->forgotten - SOURCE_FORGET_SWEEP : 0;
	forget_range(s, sweep_from, mark);
	s->forgotten = mark;
}

void source_forget_all(const struct source *cs)
{
	struct source *s = (struct source *)cs;
	if (!s->map_len)
		return;
	forget_range(s, 0, (uint32_t)s->len);
	s->forgotten = 0;
}

static void build_line_table(struct source *s)
{
	size_t n = 1;
	for (const char *p = s->text; (p = memchr(p, '\n', (size_t)(s->text + s->len - p))); p++)
		n++;
	s->lines = arena_array(s->arena, n, sizeof *s->lines);
	s->lines[0] = 0;
	size_t i = 1;
	for (const char *p = s->text; (p = memchr(p, '\n', (size_t)(s->text + s->len - p))); p++)
		s->lines[i++] = (uint32_t)(p - s->text) + 1;
	s->n_lines = n;
}

/* Where line i (0-based) starts for people: a byte-order mark before the
** first line is skipped by the parser and invisible in editors, so it is
** neither a column nor part of the quoted line. */
static uint32_t line_start(const struct source *s, size_t i)
{
	if (i == 0 && s->len >= 3 && memcmp(s->text, "\xEF\xBB\xBF", 3) == 0)
		return 3;
	return s->lines[i];
}

size_t source_utf8_len(const unsigned char *p, const unsigned char *end)
{
	unsigned char c = p[0];
	size_t n;
	unsigned min;
	unsigned cp;
	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF) { n = 2; cp = c & 0x1F; min = 0x80; }
	else if (c >= 0xE0 && c <= 0xEF) { n = 3; cp = c & 0x0F; min = 0x800; }
	else if (c >= 0xF0 && c <= 0xF4) { n = 4; cp = c & 0x07; min = 0x10000; }
	else return 0;
	if ((size_t)(end - p) < n)
		return 0;
	for (size_t i = 1; i < n; i++) {
		if ((p[i] & 0xC0) != 0x80)
			return 0;
		cp = (cp << 6) | (p[i] & 0x3F);
	}
	if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	return n;
}

/* ---- lines of a mapped file ------------------------------------------------ */

#define SOURCE_BLOCK 65536u

/* The '\n' in the n bytes at p, sixteen bytes a step: a report asks the
** line of every finding, so this counts whole files, and memchr a line at
** a time cost ten times as much.  Each lane of `lanes` counts its byte's
** line ends (the comparison is -1 where they match), for at most 255 steps,
** then the lanes are summed.  The way of every machine (source_line_ends). */
typedef unsigned char bytes16 __attribute__((vector_size(16)));

/* The lanes' counts summed. */
static uint32_t lanes_sum(bytes16 lanes)
{
	uint32_t k = 0;
	for (unsigned b = 0; b < 16; b++)
		k += lanes[b];
	return k;
}

static uint32_t count_line_ends(const char *p, size_t n)
{
	const bytes16 nl = { '\n', '\n', '\n', '\n', '\n', '\n', '\n', '\n',
	                     '\n', '\n', '\n', '\n', '\n', '\n', '\n', '\n' };
	uint32_t k = 0;
	size_t i = 0;
	/* 64 bytes a step, four comparisons into the same lanes (a lane
	** gains at most 4 a step: 63 steps before it could pass 255): the
	** loop's own work, a fifth of the 16-byte step's, once per 64 bytes */
	while (n - i >= 64) {
		bytes16 lanes = { 0 };
		for (unsigned step = 0; step < 63 && n - i >= 64; step++, i += 64) {
			bytes16 v0, v1, v2, v3;
			memcpy(&v0, p + i, 16);
			memcpy(&v1, p + i + 16, 16);
			memcpy(&v2, p + i + 32, 16);
			memcpy(&v3, p + i + 48, 16);
			lanes -= (bytes16)(v0 == nl);
			lanes -= (bytes16)(v1 == nl);
			lanes -= (bytes16)(v2 == nl);
			lanes -= (bytes16)(v3 == nl);
		}
		k += lanes_sum(lanes);
	}
	while (n - i >= 16) {
		bytes16 lanes = { 0 };
		for (unsigned step = 0; step < 255 && n - i >= 16; step++, i += 16) {
			bytes16 v;
			memcpy(&v, p + i, 16);
			lanes -= (bytes16)(v == nl);
		}
		k += lanes_sum(lanes);
	}
	for (; i < n; i++)
		k += p[i] == '\n';
	return k;
}

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define LINE_ENDS_AVX2 1
#include <immintrin.h>
/*
** The same with AVX2, where the machine has it (every x86-64 of the last
** ten years; the build is for any x86-64): 128 bytes a step in four
** comparisons of 32 (the step's work a third of the 16-byte way's, 0.1
** instruction a byte), the lanes summed by psadbw.  The last bytes short
** of 32 are compared 32 at once, in a load that ends (or, for a count
** shorter than 32, begins) within [lo, hi), the bytes that may be read,
** with the bytes outside the count masked off the comparison's bits: a
** finding's line is counted on from the last one asked, a few hundred
** bytes, and their tail byte by byte was a sixth of the cost.
*/
__attribute__((target("avx2,popcnt")))
static uint32_t line_ends_avx2(const char *lo, const char *hi, const char *p, size_t n)
{
	const __m256i nl = _mm256_set1_epi8('\n');
	uint32_t k = 0;
	size_t i = 0;
	if (n < 32) {
		if (n == 0)
			return 0;
		if (hi - p >= 32) { /* the bits of the n bytes at p */
			uint32_t m = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(_mm256_loadu_si256((const void *)p), nl));
			return (uint32_t)__builtin_popcount(m & ((1u << n) - 1));
		}
		if (p + n - lo >= 32) { /* the bits of the n bytes that end at p + n */
			uint32_t m = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(_mm256_loadu_si256((const void *)(p + n - 32)), nl));
			return (uint32_t)__builtin_popcount(m >> (32 - n));
		}
		return count_line_ends(p, n); /* fewer than 32 bytes to read at all */
	}
	while (n - i >= 128) {
		/* a lane gains at most 4 a step: 63 steps before it could pass 255 */
		size_t steps = (n - i) / 128 < 63 ? (n - i) / 128 : 63;
		size_t stop = i + steps * 128;
		__m256i lanes = _mm256_setzero_si256();
		for (; i < stop; i += 128) {
			lanes = _mm256_sub_epi8(lanes, _mm256_cmpeq_epi8(_mm256_loadu_si256((const void *)(p + i)), nl));
			lanes = _mm256_sub_epi8(lanes, _mm256_cmpeq_epi8(_mm256_loadu_si256((const void *)(p + i + 32)), nl));
			lanes = _mm256_sub_epi8(lanes, _mm256_cmpeq_epi8(_mm256_loadu_si256((const void *)(p + i + 64)), nl));
			lanes = _mm256_sub_epi8(lanes, _mm256_cmpeq_epi8(_mm256_loadu_si256((const void *)(p + i + 96)), nl));
		}
		__m256i sums = _mm256_sad_epu8(lanes, _mm256_setzero_si256()); /* four sums of eight lanes */
		__m128i half = _mm_add_epi64(_mm256_castsi256_si128(sums), _mm256_extracti128_si256(sums, 1));
		k += (uint32_t)_mm_cvtsi128_si32(_mm_add_epi64(half, _mm_unpackhi_epi64(half, half)));
	}
	for (; n - i >= 32; i += 32)
		k += (uint32_t)__builtin_popcount((uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(_mm256_loadu_si256((const void *)(p + i)), nl)));
	if (i < n) { /* the last n - i bytes: the 32 that end at p + n, less those counted */
		uint32_t m = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(_mm256_loadu_si256((const void *)(p + n - 32)), nl));
		k += (uint32_t)__builtin_popcount(m >> (32 - (n - i)));
	}
	return k;
}
#endif

uint32_t source_line_ends(const char *lo, const char *hi, const char *p, size_t n, bool portable)
{
#ifdef LINE_ENDS_AVX2
	if (!portable && __builtin_cpu_supports("avx2") && __builtin_cpu_supports("popcnt"))
		return line_ends_avx2(lo, hi, p, n);
#endif
	(void)lo;
	(void)hi;
	(void)portable;
	return count_line_ends(p, n);
}

/* Room for `need` blocks' counts. */
static void blocks_room(struct source *s, size_t need)
{
	if (need > s->cap_blocks) {
		size_t cap = s->cap_blocks ? s->cap_blocks : 64;
		while (cap < need)
			cap *= 2;
		s->block_lines = arena_grow(s->arena, s->block_lines, s->n_blocks, cap, sizeof *s->block_lines);
		s->cap_blocks = cap;
	}
}

/* The line ends in [from, from + n) of a mapped file read a piece at a
** time by pread, never through the mapping (struct source's window). */
static uint32_t read_line_ends(const struct source *s, uint32_t from, uint32_t n)
{
	char piece[16384];
	uint32_t k = 0;
	while (n) {
		size_t got = source_copy(s, from, piece, n < sizeof piece ? n : sizeof piece);
		if (!got)
			break;
		k += source_line_ends(piece, piece + got, piece, got, false);
		from += (uint32_t)got;
		n -= (uint32_t)got;
	}
	return k;
}

/* The line ends in [from, from + n) of a mapped file, read from the window
** if it holds them (the reader has just read them), else by pread.  A
** source in memory without its table of lines (source_line) is counted in
** place. */
static uint32_t mapped_line_ends(const struct source *s, uint32_t from, uint32_t n)
{
	if (!s->map_len)
		return source_line_ends(s->text, s->text + s->len, s->text + from, n, false);
	if (window_holds(s, from, from + n))
		return source_line_ends(s->window, s->window + s->win_len, s->window + (from - s->win_at), n, false);
	return read_line_ends(s, from, n);
}

/* Count the line ends before each block up to the one holding offset.
** Blocks counted below what was forgotten are forgotten again. */
static void count_blocks_to(struct source *s, uint32_t offset)
{
	size_t need = offset / SOURCE_BLOCK + 1;
	if (need <= s->n_blocks)
		return;
	blocks_room(s, need);
	if (s->n_blocks == 0)
		s->block_lines[s->n_blocks++] = 0;
	while (s->n_blocks < need) {
		uint32_t from = (uint32_t)(s->n_blocks - 1) * SOURCE_BLOCK;
		s->block_lines[s->n_blocks] = s->block_lines[s->n_blocks - 1] + mapped_line_ends(s, from, SOURCE_BLOCK);
		s->n_blocks++;
		if (from + SOURCE_BLOCK <= s->forgotten)
			forget_range(s, from, from + SOURCE_BLOCK);
	}
}

/*
** On from the furthest position asked, in the last block counted, to
** offset in a block not yet counted: the count before each block passed is
** noted on the way, as count_blocks_to would have counted it (a report
** asks positions mostly in order: each byte is counted once, not once by
** blocks and again from the furthest asked).
*/
static void count_on_to(struct source *s, uint32_t offset)
{
	if (s->n_blocks == 0 || s->far > offset || s->far < (uint32_t)(s->n_blocks - 1) * SOURCE_BLOCK)
		return;
	while ((uint64_t)s->n_blocks * SOURCE_BLOCK <= offset) {
		uint32_t edge = (uint32_t)s->n_blocks * SOURCE_BLOCK;
		s->far_line += mapped_line_ends(s, s->far, edge - s->far);
		s->far = edge;
		blocks_room(s, s->n_blocks + 1);
		s->block_lines[s->n_blocks++] = (uint32_t)s->far_line;
		if (edge <= s->forgotten)
			forget_range(s, edge - SOURCE_BLOCK, edge);
	}
}

/* Does the text begin with a byte-order mark (read as source_copy reads)? */
static bool starts_with_bom(const struct source *s)
{
	char head[3];
	return source_copy(s, 0, head, 3) == 3 && memcmp(head, "\xEF\xBB\xBF", 3) == 0;
}

/* Where the line holding offset starts: found in the window when it holds
** that much, else through the mapping (a line begun before the window). */
static uint32_t mapped_line_start_before(const struct source *s, uint32_t offset)
{
	if (window_holds(s, offset, offset)) {
		const char *w = s->window, *p = w + (offset - s->win_at);
		while (p > w && p[-1] != '\n')
			p--;
		if (p > w || s->win_at == 0)
			return s->win_at + (uint32_t)(p - w);
	}
	const char *p = s->text + offset;
	while (p > s->text && p[-1] != '\n')
		p--;
	return (uint32_t)(p - s->text);
}

/* A position whose line is known, at, if it is nearer offset than the
** nearest yet (*at, its line *line). */
static void nearer(uint32_t offset, uint32_t at, size_t line, uint32_t *near, size_t *near_line)
{
	uint32_t d = at > offset ? at - offset : offset - at;
	uint32_t near_d = *near > offset ? *near - offset : offset - *near;
	if (d < near_d) {
		*near = at;
		*near_line = line;
	}
}

/*
** The 0-based line holding offset: counted from the nearest position whose
** line is known, the start of its block, the last asked or the furthest
** asked, on or back.  The furthest asked is where counting goes on: a
** report asks a meeting's positions (its findings, then its declared
** interests, from the register) a little back and forth, and counting on
** from the last asked counted a seventh of the file twice.
*/
static __attribute__((noinline)) size_t line_number_counted(struct source *s, uint32_t offset)
{
	count_on_to(s, offset);
	count_blocks_to(s, offset);
	uint32_t at = offset / SOURCE_BLOCK * SOURCE_BLOCK;
	size_t line = s->block_lines[offset / SOURCE_BLOCK];
	nearer(offset, s->asked, s->asked_line, &at, &line);
	nearer(offset, s->far, s->far_line, &at, &line);
	if (at <= offset)
		line += mapped_line_ends(s, at, offset - at);
	else
		line -= mapped_line_ends(s, offset, at - offset);
	s->asked = offset;
	s->asked_line = line;
	if (offset > s->far) {
		s->far = offset;
		s->far_line = line;
	}
	return line;
}

/* The same, on from the furthest asked in the window, in its block: the
** usual ask (a finding's, a few hundred bytes on) in a few instructions,
** the rest in a call of its own (its registers saved only when needed) */
static inline size_t mapped_line_number(struct source *s, uint32_t offset)
{
	uint32_t far = s->far;
	if (offset >= far && far >= offset / SOURCE_BLOCK * SOURCE_BLOCK && s->map_len && window_holds(s, far, offset)) {
		const char *w = s->window;
		size_t line = s->far_line + source_line_ends(w, w + s->win_len, w + (far - s->win_at), offset - far, false);
		s->asked = s->far = offset;
		s->asked_line = s->far_line = line;
		return line;
	}
	return line_number_counted(s, offset);
}

/* The 0-based line and the start of the line holding offset. */
static void mapped_line_of(struct source *s, uint32_t offset, size_t *line, uint32_t *start)
{
	*line = mapped_line_number(s, offset);
	*start = mapped_line_start_before(s, offset);
	if (*line == 0 && starts_with_bom(s))
		*start = 3;
}

/* The start of 0-based line `line` of a mapped file; false if it has fewer. */
static bool mapped_line_start(struct source *s, size_t line, uint32_t *start)
{
	count_blocks_to(s, 0);
	size_t k = 0;
	for (;;) { /* the block holding the line's start: counted as far as needed */
		while (k + 1 < s->n_blocks && s->block_lines[k + 1] <= line)
			k++;
		if (k + 1 < s->n_blocks || (uint64_t)s->n_blocks * SOURCE_BLOCK >= s->len)
			break;
		count_blocks_to(s, (uint32_t)s->n_blocks * SOURCE_BLOCK);
	}
	size_t at = s->block_lines[k];
	const char *p = s->text + k * SOURCE_BLOCK, *end = s->text + s->len;
	for (; at < line; p++, at++) {
		p = memchr(p, '\n', (size_t)(end - p));
		if (!p)
			return false;
	}
	*start = (uint32_t)(p - s->text);
	if (line == 0 && s->len >= 3 && memcmp(s->text, "\xEF\xBB\xBF", 3) == 0)
		*start = 3;
	return true;
}

static unsigned column_of(const struct source *s, uint32_t start, uint32_t offset)
{
	unsigned c = 1;
	/* a mapped file's line in the window if it holds it (struct source);
	** a character cut by the window's end is cut at offset, the last one
	** counted either way */
	const char *text = s->text;
	uint32_t base = 0, len = (uint32_t)s->len;
	if (s->map_len && window_holds(s, start, offset)) {
		text = s->window;
		base = s->win_at;
		len = s->win_len;
	}
	const unsigned char *p = (const unsigned char *)text + (start - base);
	const unsigned char *at = (const unsigned char *)text + (offset - base);
	const unsigned char *end = (const unsigned char *)text + len;
	for (; p < at; c++) {
		size_t k = source_utf8_len(p, end);
		p += k ? k : 1;
	}
	return c;
}

void source_position(const struct source *cs, uint32_t offset, unsigned *line, unsigned *col)
{
	/* The line table is a cache: building it does not change what s is. */
	struct source *s = (struct source *)cs;
	if (offset > s->len)
		offset = (uint32_t)s->len;
	if (s->map_len || !s->lines) {
		/* counted on from the last position asked: a report asks a few
		** lines of each record file, and a table of every line of each
		** cost more than the rest of its findings (built when a line's
		** text is asked: source_line_text) */
		size_t lo;
		uint32_t start;
		mapped_line_of(s, offset, &lo, &start);
		*line = (unsigned)lo + 1;
		*col = column_of(s, start, offset);
		return;
	}
	size_t lo = 0, hi = s->n_lines; /* find the last line start <= offset */
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (s->lines[mid] <= offset)
			lo = mid;
		else
			hi = mid;
	}
	*line = (unsigned)lo + 1;
	*col = column_of(s, line_start(s, lo), offset);
}

unsigned source_line(const struct source *cs, uint32_t offset)
{
	struct source *s = (struct source *)cs; /* the line table is a cache, as for source_position */
	if (offset > s->len)
		offset = (uint32_t)s->len;
	if (s->map_len || !s->lines)
		return (unsigned)mapped_line_number(s, offset) + 1;
	unsigned line, col;
	source_position(cs, offset, &line, &col);
	return line;
}

const char *source_line_text(const struct source *cs, unsigned line, size_t *len)
{
	struct source *s = (struct source *)cs;
	uint32_t start, end;
	if (s->map_len) {
		if (line < 1 || !mapped_line_start(s, line - 1, &start)) {
			*len = 0;
			return "";
		}
		const char *nl = memchr(s->text + start, '\n', s->len - start);
		end = nl ? (uint32_t)(nl - s->text) : (uint32_t)s->len;
	} else {
		if (!s->lines)
			build_line_table(s);
		if (line < 1 || line > s->n_lines) {
			*len = 0;
			return "";
		}
		start = line_start(s, line - 1);
		end = line < s->n_lines ? s->lines[line] - 1 : (uint32_t)s->len;
	}
	if (end > start && s->text[end - 1] == '\r')
		end--;
	*len = end - start;
	return s->text + start;
}

bool source_looks_like_json(const char *text, size_t len)
{
	size_t i = len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
	for (; i < len; i++)
		if (text[i] != ' ' && text[i] != '\n' && text[i] != '\t' && text[i] != '\r')
			return text[i] == '{';
	return false;
}

bool source_text_looks_like_json(const struct source *s)
{
	size_t avail;
	const char *w = source_view(s, 0, &avail);
	size_t i = avail >= 3 && memcmp(w, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
	for (; i < avail; i++)
		if (w[i] != ' ' && w[i] != '\n' && w[i] != '\t' && w[i] != '\r')
			return w[i] == '{';
	/* a window of nothing but blanks: what follows decides */
	return avail < s->len && source_looks_like_json(s->text, s->len);
}

const char *source_excerpt(struct arena *a, const struct source *s, struct span span)
{
	if (!s || span.end <= span.start || span.end > s->len)
		return "";
	return arena_strndup(a, s->text + span.start, span.end - span.start);
}

/* ---- reading a directory's files ahead (io_uring) ------------------------ */

#if defined(__linux__) && defined(__has_include)
#if __has_include(<linux/io_uring.h>) && defined(__NR_io_uring_setup) && defined(__NR_io_uring_enter)
#define SOURCE_URING 1
#endif
#endif

#ifdef SOURCE_URING
#include <linux/io_uring.h>


#define AHEAD_RING_ENTRIES 128u
#define AHEAD_SLOT (64u * 1024u) /* the read of one file; a longer file is read by source_map_at */
#define AHEAD_BYTES (SOURCE_AHEAD_MAX * AHEAD_SLOT)

struct ahead_file {
	int fd;          /* -1: not open */
	bool reading;    /* its read was submitted */
	bool whole;      /* a regular file, and its read gave all of its bytes (by its size) */
	size_t at, len;  /* its bytes: buf + at */
	struct stat st;  /* fstat's */
};

struct source_ahead {
	int ring;
	bool broken;                   /* the system failed a call: read no more ahead */
	void *rings;                   /* the queues, shared with the system */
	size_t rings_len;
	struct io_uring_sqe *sqes;
	size_t sqes_len, self_len;
	unsigned *sq_tail, *sq_mask, *sq_array;
	unsigned *cq_head, *cq_tail, *cq_mask;
	struct io_uring_cqe *cqes;
	char *buf;                     /* AHEAD_BYTES, a slot a file, mapped: memory the system writes */
	unsigned n;
	struct ahead_file files[SOURCE_AHEAD_MAX];
	int res[SOURCE_AHEAD_MAX];     /* results of the last batch, by file: opens, then reads */
	bool stat_ok[SOURCE_AHEAD_MAX]; /* its fstat's */
};

struct source_ahead *source_ahead_new(void)
{
	struct io_uring_params p;
	memset(&p, 0, sizeof p);
	int ring = (int)syscall(__NR_io_uring_setup, AHEAD_RING_ENTRIES, &p);
	if (ring < 0)
		return NULL;
	if (!(p.features & IORING_FEAT_SINGLE_MMAP) || p.sq_entries < 2 * SOURCE_AHEAD_MAX ||
	    p.cq_entries < 2 * SOURCE_AHEAD_MAX) {
		close(ring);
		return NULL;
	}
	size_t sq_len = p.sq_off.array + p.sq_entries * sizeof(unsigned);
	size_t cq_len = p.cq_off.cqes + p.cq_entries * sizeof(struct io_uring_cqe);
	size_t rings_len = sq_len > cq_len ? sq_len : cq_len;
	size_t sqes_len = p.sq_entries * sizeof(struct io_uring_sqe);
	size_t self_len = (sizeof(struct source_ahead) + 4095) / 4096 * 4096 + AHEAD_BYTES;
	char *rings = mmap(NULL, rings_len, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_POPULATE, ring, IORING_OFF_SQ_RING);
	void *sqes = mmap(NULL, sqes_len, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_POPULATE, ring, IORING_OFF_SQES);
	void *self = mmap(NULL, self_len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (rings == MAP_FAILED || sqes == MAP_FAILED || self == MAP_FAILED) {
		if (rings != MAP_FAILED)
			munmap(rings, rings_len);
		if (sqes != MAP_FAILED)
			munmap(sqes, sqes_len);
		if (self != MAP_FAILED)
			munmap(self, self_len);
		close(ring);
		return NULL;
	}
	struct source_ahead *ra = self;
	ra->ring = ring;
	ra->rings = rings;
	ra->rings_len = rings_len;
	ra->sqes = sqes;
	ra->sqes_len = sqes_len;
	ra->self_len = self_len;
	ra->sq_tail = (unsigned *)(void *)(rings + p.sq_off.tail);
	ra->sq_mask = (unsigned *)(void *)(rings + p.sq_off.ring_mask);
	ra->sq_array = (unsigned *)(void *)(rings + p.sq_off.array);
	ra->cq_head = (unsigned *)(void *)(rings + p.cq_off.head);
	ra->cq_tail = (unsigned *)(void *)(rings + p.cq_off.tail);
	ra->cq_mask = (unsigned *)(void *)(rings + p.cq_off.ring_mask);
	ra->cqes = (struct io_uring_cqe *)(void *)(rings + p.cq_off.cqes);
	ra->buf = (char *)self + (self_len - AHEAD_BYTES);
	return ra;
}

void source_ahead_free(struct source_ahead *ra)
{
	if (!ra)
		return;
	int ring = ra->ring;
	munmap(ra->rings, ra->rings_len);
	munmap(ra->sqes, ra->sqes_len);
	munmap(ra, ra->self_len);
	close(ring);
}

/* A cleared entry of the submission queue, for file k (not yet submitted). */
static struct io_uring_sqe *queue_entry(struct source_ahead *ra, unsigned *tail, unsigned k)
{
	unsigned at = *tail & *ra->sq_mask;
	struct io_uring_sqe *e = &ra->sqes[at];
	memset(e, 0, sizeof *e);
	e->user_data = k;
	ra->sq_array[at] = at;
	(*tail)++;
	return e;
}

/* Hand the n entries queued (up to tail) to the system and wait for their n
** results, in ra->res by file; false (the ring is not used again) if the
** system fails a call. */
static bool submit_and_wait(struct source_ahead *ra, unsigned tail, unsigned n)
{
	__atomic_store_n(ra->sq_tail, tail, __ATOMIC_RELEASE);
	unsigned submitted = 0, done = 0;
	while (done < n) {
		long got = syscall(__NR_io_uring_enter, ra->ring, n - submitted, n - done, IORING_ENTER_GETEVENTS, NULL, 0);
		if (got < 0) {
			if (errno == EINTR)
				continue;
			return false;
		}
		submitted += (unsigned)got;
		unsigned head = *ra->cq_head, end = __atomic_load_n(ra->cq_tail, __ATOMIC_ACQUIRE);
		for (; head != end; head++, done++) {
			const struct io_uring_cqe *c = &ra->cqes[head & *ra->cq_mask];
			if (c->user_data < SOURCE_AHEAD_MAX)
				ra->res[c->user_data] = c->res;
		}
		__atomic_store_n(ra->cq_head, head, __ATOMIC_RELEASE);
	}
	return true;
}

/*
** Each file open: its status, and its bytes up to a slot's asked for in one
** batch (else source_map_at reads it).  The status by fstat here, not a
** statx in the ring: the ring gives a statx to a worker thread of its own
** (it has no way to do one without blocking), a switch there and back for
** every file (1,182 context switches a replay of 1,000 files, 8 without).
*/
static unsigned queue_reads(struct source_ahead *ra, unsigned *tail)
{
	unsigned queued = 0;
	for (unsigned k = 0; k < ra->n; k++) {
		struct ahead_file *f = &ra->files[k];
		f->fd = ra->res[k] >= 0 ? ra->res[k] : -1;
		if (f->fd < 0)
			continue;
		ra->stat_ok[k] = fstat(f->fd, &f->st) == 0;
		f->at = (size_t)k * AHEAD_SLOT;
		struct io_uring_sqe *e = queue_entry(ra, tail, k);
		e->opcode = IORING_OP_READ;
		e->fd = f->fd;
		e->addr = (uint64_t)(uintptr_t)(ra->buf + f->at);
		e->len = AHEAD_SLOT;
		e->off = 0;
		f->reading = true;
		queued++;
	}
	return queued;
}

void source_ahead_read(struct source_ahead *ra, int dirfd, const char *const *names, unsigned n,
                       struct source_fds *later)
{
	ra->n = 0;
	if (ra->broken || n == 0 || n > SOURCE_AHEAD_MAX)
		return;
	unsigned tail = *ra->sq_tail;
	for (unsigned k = 0; k < n; k++) {
		ra->files[k] = (struct ahead_file){ .fd = -1 };
		ra->res[k] = -1;
		struct io_uring_sqe *e = queue_entry(ra, &tail, k);
		e->opcode = IORING_OP_OPENAT;
		e->fd = dirfd;
		e->addr = (uint64_t)(uintptr_t)names[k];
		e->open_flags = O_RDONLY | O_CLOEXEC;
	}
	if (!submit_and_wait(ra, tail, n)) {
		ra->broken = true;
		for (unsigned k = 0; k < n; k++) /* the files it did open before it failed */
			if (ra->res[k] >= 0)
				close_later(later, ra->res[k]);
		return;
	}
	ra->n = n;
	for (unsigned k = 0; k < n; k++)
		ra->stat_ok[k] = false;
	unsigned queued = queue_reads(ra, &tail);
	for (unsigned k = 0; k < n; k++)
		ra->res[k] = -1;
	bool ok = queued == 0 || submit_and_wait(ra, tail, queued);
	if (!ok)
		ra->broken = true;
	for (unsigned k = 0; k < n; k++) {
		struct ahead_file *f = &ra->files[k];
		/* whole: a regular file, all its bytes by its size, and less than the slot */
		f->whole = ok && f->reading && ra->stat_ok[k] &&
		           S_ISREG(f->st.st_mode) && f->st.st_size >= 0 && ra->res[k] >= 0 &&
		           (uintmax_t)ra->res[k] == (uintmax_t)f->st.st_size && (unsigned)ra->res[k] < AHEAD_SLOT;
		f->len = f->whole ? (size_t)ra->res[k] : 0;
		if (f->fd >= 0)
			close_later(later, f->fd);
		f->fd = -1;
	}
}

int source_ahead_take(struct source_ahead *ra, unsigned k, struct source *s, struct arena *a, const char *path,
                      struct stat *st)
{
	if (!ra || k >= ra->n || !ra->files[k].whole)
		return -1;
	const struct ahead_file *f = &ra->files[k];
	memset(s, 0, sizeof *s);
	s->arena = a;
	s->name = arena_strdup(a, path);
	char *text = arena_alloc_uninit(a, f->len + 2);
	memcpy(text, ra->buf + f->at, f->len);
	text[f->len] = text[f->len + 1] = '\0'; /* two NULs: the scanner's sentinel */
	s->text = text;
	s->len = f->len;
	*st = f->st;
	return 0;
}

#else /* no io_uring: every file by source_map_at */

struct source_ahead *source_ahead_new(void)
{
	return NULL;
}

void source_ahead_free(struct source_ahead *ra)
{
	(void)ra;
}

void source_ahead_read(struct source_ahead *ra, int dirfd, const char *const *names, unsigned n,
                       struct source_fds *later)
{
	(void)ra, (void)dirfd, (void)names, (void)n, (void)later;
}

int source_ahead_take(struct source_ahead *ra, unsigned k, struct source *s, struct arena *a, const char *path,
                      struct stat *st)
{
	(void)ra, (void)k, (void)s, (void)a, (void)path, (void)st;
	return -1;
}

#endif

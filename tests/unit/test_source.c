/*
** Unit tests for src/front/source.c's reading of a walk's files: files
** read with a batch (struct source_fds) are whole, stay open only until the
** batch is closed, and closing the batch closes nothing that is not its own
** (a file opened by someone else between two of its files).  Files read
** ahead (source_ahead, where the system has io_uring) give what
** source_map_at gives, or nothing (then source_map_at reads them).  A
** hash taken as a mapped file is read (source_hash_begin/end) is the
** file's SHA-256 whatever was read of it, and in whatever order.  Line
** ends are counted as a byte loop counts them, by every way, at every
** offset, and the lines of a mapped file longer than its window are found
** as the byte loop finds them, asked on, back and far ahead.
*/
#define _DEFAULT_SOURCE
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/sha256.h"
#include "front/source.h"

#define N_FILES (SOURCE_FDS_MAX + 7)

static bool is_open(int fd)
{
	return fcntl(fd, F_GETFD) != -1 || errno != EBADF;
}

static void test_batch_closes_its_own(void **state)
{
	(void)state;
	char dir[] = "/tmp/quorate-test-source-XXXXXX";
	assert_non_null(mkdtemp(dir));
	int dirfd = open(dir, O_RDONLY | O_DIRECTORY);
	assert_true(dirfd >= 0);
	char name[32], text[64];
	for (int i = 0; i < N_FILES; i++) {
		snprintf(name, sizeof name, "f%02d.minutes", i);
		int fd = openat(dirfd, name, O_WRONLY | O_CREAT | O_TRUNC, 0600);
		assert_true(fd >= 0);
		int len = snprintf(text, sizeof text, "file %d\n", i);
		assert_int_equal(write(fd, text, (size_t)len), len);
		close(fd);
	}
	struct mem mem = { 0 };
	struct arena a;
	arena_init(&a, &mem);
	struct source_fds batch = { .n = 0 };
	int others[3] = { -1, -1, -1 };
	int read_fds[N_FILES];
	unsigned n_others = 0;
	for (int i = 0; i < N_FILES; i++) {
		snprintf(name, sizeof name, "f%02d.minutes", i);
		struct source s;
		struct stat st;
		const char *why = NULL;
		assert_int_equal(source_map_at(&s, &a, dirfd, name, name, &st, &batch, &why), 0);
		snprintf(text, sizeof text, "file %d\n", i);
		assert_int_equal(s.len, strlen(text));
		assert_memory_equal(s.text, text, s.len);
		assert_int_equal(s.text[s.len], '\0');
		assert_true(S_ISREG(st.st_mode));
		source_close(&s);
		read_fds[i] = batch.n ? batch.fd[batch.n - 1] : -1;
		if (i % 13 == 5 && n_others < 3) /* a file of someone else's, among the batch's numbers */
			others[n_others++] = open(dir, O_RDONLY | O_DIRECTORY);
	}
	/* A missing file: the error of the system, and nothing kept to close. */
	struct source s;
	struct stat st;
	const char *why = NULL;
	unsigned held = batch.n;
	assert_int_equal(source_map_at(&s, &a, dirfd, "missing.minutes", "missing.minutes", &st, &batch, &why), -1);
	assert_string_equal(why, strerror(ENOENT));
	assert_int_equal(batch.n, held);
	assert_true(batch.n > 0 && batch.n < SOURCE_FDS_MAX);
	for (unsigned k = 0; k < batch.n; k++)
		assert_true(is_open(batch.fd[k]));
	int last = read_fds[N_FILES - 1];
	source_fds_close(&batch);
	assert_int_equal(batch.n, 0);
	assert_false(is_open(last));
	for (unsigned k = 0; k < n_others; k++) {
		assert_true(is_open(others[k]));
		close(others[k]);
	}
	for (int i = 0; i < N_FILES; i++) {
		snprintf(name, sizeof name, "f%02d.minutes", i);
		unlinkat(dirfd, name, 0);
	}
	close(dirfd);
	rmdir(dir);
	arena_free(&a);
}

/* Files of every kind read ahead: each either exactly as source_map_at
** loads it (text, length, identity) or left to it; a missing file, a
** directory and a file longer than a batch's buffer are left to it. */
static void test_read_ahead(void **state)
{
	(void)state;
	struct source_ahead *ra = source_ahead_new();
	if (!ra)
		skip(); /* no io_uring here: every file is read by source_map_at */
	char dir[] = "/tmp/quorate-test-ahead-XXXXXX";
	assert_non_null(mkdtemp(dir));
	int dirfd = open(dir, O_RDONLY | O_DIRECTORY);
	assert_true(dirfd >= 0);
	static const char *const names[] = { "a.minutes", "empty.minutes", "missing.minutes", "sub", "big.minutes",
		                             "b.minutes", "c.minutes" };
	enum { N = sizeof names / sizeof names[0] };
	size_t big = 700u * 1024u;
	char *text = malloc(big);
	assert_non_null(text);
	for (size_t i = 0; i < big; i++)
		text[i] = (char)('a' + i % 26);
	for (unsigned k = 0; k < N; k++) {
		if (strcmp(names[k], "missing.minutes") == 0)
			continue;
		if (strcmp(names[k], "sub") == 0) {
			assert_int_equal(mkdirat(dirfd, names[k], 0700), 0);
			continue;
		}
		int fd = openat(dirfd, names[k], O_WRONLY | O_CREAT | O_TRUNC, 0600);
		assert_true(fd >= 0);
		size_t len = strcmp(names[k], "big.minutes") == 0 ? big : strcmp(names[k], "empty.minutes") == 0 ? 0 : 100 + k;
		assert_int_equal(write(fd, text, len), (ssize_t)len);
		close(fd);
	}
	struct mem mem = { 0 };
	struct arena a;
	arena_init(&a, &mem);
	struct source_fds batch = { .n = 0 };
	for (int round = 0; round < 2; round++) { /* a second batch over the same buffer */
		source_ahead_read(ra, dirfd, names, N, &batch);
		for (unsigned k = 0; k < N; k++) {
			struct source ahead, direct;
			struct stat st_ahead, st_direct;
			const char *why = NULL;
			int got = source_ahead_take(ra, k, &ahead, &a, names[k], &st_ahead);
			int rc = source_map_at(&direct, &a, dirfd, names[k], names[k], &st_direct, &batch, &why);
			bool left = strcmp(names[k], "missing.minutes") == 0 || strcmp(names[k], "sub") == 0 ||
			            strcmp(names[k], "big.minutes") == 0;
			assert_int_equal(got, left ? -1 : 0);
			assert_int_equal(rc, strcmp(names[k], "missing.minutes") == 0 || strcmp(names[k], "sub") == 0 ? -1 : 0);
			if (got != 0)
				continue;
			assert_string_equal(ahead.name, direct.name);
			assert_int_equal(ahead.len, direct.len);
			assert_memory_equal(ahead.text, direct.text, direct.len + 2);
			assert_int_equal(st_ahead.st_ino, st_direct.st_ino);
			assert_int_equal(st_ahead.st_dev, st_direct.st_dev);
			assert_int_equal(st_ahead.st_nlink, st_direct.st_nlink);
			assert_int_equal(st_ahead.st_size, (off_t)direct.len);
		}
	}
	source_fds_close(&batch);
	source_ahead_free(ra);
	for (unsigned k = 0; k < N; k++)
		unlinkat(dirfd, names[k], strcmp(names[k], "sub") == 0 ? AT_REMOVEDIR : 0);
	close(dirfd);
	rmdir(dir);
	arena_free(&a);
	free(text);
}

/* A file of `len` bytes, lines of varied length, for the hash tests. */
static char *hash_test_file(char path[], size_t len)
{
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	char *text = malloc(len);
	assert_non_null(text);
	for (size_t i = 0; i < len; i++)
		text[i] = i % 61 == 60 ? '\n' : (char)('a' + (i * 7 + i / 4093) % 26);
	assert_int_equal(write(fd, text, len), (ssize_t)len);
	close(fd);
	return text;
}

/* How much of the file is read, and how, before source_hash_end. */
enum hash_reading {
	READ_NOTHING,        /* all of it read by source_hash_end */
	READ_IN_VIEWS,       /* source_view forwards, as the encoding check */
	READ_IN_COPIES,      /* source_copy in 64 KiB pieces, as the scanner */
	READ_PART,           /* views up to a third of the file */
	READ_OUT_OF_ORDER,   /* the middle first, then from the start */
	READ__N
};

static void read_as(const struct source *s, enum hash_reading how)
{
	size_t avail;
	static char piece[64 << 10];
	switch (how) {
	case READ_NOTHING: break;
	case READ_IN_VIEWS:
	case READ_PART:
		for (uint32_t at = 0; at < (how == READ_PART ? s->len / 3 : s->len); at += (uint32_t)avail / 2 + 1)
			source_view(s, at, &avail);
		break;
	case READ_IN_COPIES:
		for (uint32_t at = 0; at < s->len;)
			at += (uint32_t)source_copy(s, at, piece, sizeof piece);
		break;
	case READ_OUT_OF_ORDER:
		source_view(s, (uint32_t)(s->len / 2), &avail);
		source_copy(s, 100, piece, sizeof piece);
		source_view(s, 0, &avail);
		source_view(s, (uint32_t)avail - 10, &avail);
		break;
	case READ__N: break;
	}
}

static void test_hash_as_read(void **state)
{
	(void)state;
	char path[] = "/tmp/quorate-test-hash-XXXXXX";
	size_t len = 2 * SOURCE_WINDOW + 12345; /* more than two windows */
	char *text = hash_test_file(path, len);
	char want[SHA256_HEX_SIZE], got[SHA256_HEX_SIZE];
	assert_true(sha256_hex(text, len, want));
	struct mem mem = { 0 };
	struct arena a;
	arena_init(&a, &mem);
	for (int how = 0; how < READ__N; how++) {
		struct source s;
		struct stat st;
		const char *why = NULL;
		assert_int_equal(source_map_over(&s, &a, path, 0, &st, &why), 0);
		assert_true(s.map_len > 0);
		source_hash_begin(&s);
		read_as(&s, (enum hash_reading)how);
		assert_true(source_hash_end(&s, got));
		assert_string_equal(got, want);
		source_close(&s);
	}
	/* a source in memory: hashed whole at the end */
	struct source m;
	source_from_memory(&m, &a, "m", text, len);
	source_hash_begin(&m);
	assert_true(source_hash_end(&m, got));
	assert_string_equal(got, want);
	arena_free(&a);
	unlink(path);
	free(text);
}

/* ---- counting line ends --------------------------------------------------- */

/* The line ends before each offset of text, by a plain byte loop. */
static uint32_t *byte_loop_counts(const char *text, size_t len)
{
	uint32_t *before = malloc((len + 1) * sizeof *before);
	assert_non_null(before);
	before[0] = 0;
	for (size_t i = 0; i < len; i++)
		before[i + 1] = before[i] + (text[i] == '\n');
	return before;
}

/* The n bytes at start of buf (len bytes, allocated to the byte: a read
** past it is the sanitizers' to see), counted each way the machine has,
** with the readable bytes the whole buffer, from the count's start, to the
** count's end and the count's own: as the byte loop counts them. */
static void check_count(const char *buf, size_t len, const uint32_t *before, size_t start, size_t n)
{
	const char *p = buf + start;
	uint32_t want = before[start + n] - before[start];
	for (int portable = 0; portable < 2; portable++) {
		assert_int_equal(source_line_ends(buf, buf + len, p, n, portable), want);
		assert_int_equal(source_line_ends(p, buf + len, p, n, portable), want);
		assert_int_equal(source_line_ends(buf, p + n, p, n, portable), want);
		assert_int_equal(source_line_ends(p, p + n, p, n, portable), want);
	}
}

/* Short texts counted at every start and every length: line ends at the
** edges of 16, 32 and 128 bytes and just inside and outside them, CRLF
** lines, no line end at all, nothing but line ends, and a mixture. */
static void test_line_ends_every_offset(void **state)
{
	(void)state;
	enum { LEN = 300, SHAPES = 5 };
	for (int shape = 0; shape < SHAPES; shape++) {
		char *buf = malloc(LEN);
		assert_non_null(buf);
		uint32_t seed = 12345;
		for (size_t i = 0; i < LEN; i++) {
			seed = seed * 1103515245u + 12345u;
			switch (shape) {
			case 0: buf[i] = (i + 1) % 16 <= 1 || (i + 1) % 32 <= 1 || i % 128 == 127 || i % 128 == 1 ? '\n' : 'a'; break;
			case 1: buf[i] = "ab\r\n"[i % 4]; break;
			case 2: buf[i] = 'x'; break;
			case 3: buf[i] = '\n'; break;
			default: buf[i] = (seed >> 16) % 5 == 0 ? '\n' : (char)('a' + (seed >> 20) % 26); break;
			}
		}
		uint32_t *before = byte_loop_counts(buf, LEN);
		for (size_t start = 0; start <= LEN; start++)
			for (size_t n = 0; start + n <= LEN; n++)
				check_count(buf, LEN, before, start, n);
		free(before);
		free(buf);
	}
}

/* A long run of line ends: each lane of the wide ways' sums fills to its
** most (255) and is summed, at every start in 128 bytes and lengths about
** every multiple of the steps between sums. */
static void test_line_ends_long(void **state)
{
	(void)state;
	size_t len = 40000;
	char *buf = malloc(len);
	assert_non_null(buf);
	for (size_t i = 0; i < len; i++)
		buf[i] = i % 3001 == 7 ? 'z' : '\n';
	uint32_t *before = byte_loop_counts(buf, len);
	for (size_t start = 0; start < 130; start++) {
		for (size_t k = 0; k <= 4; k++)
			for (size_t d = 0; d < 140; d++) {
				size_t n = k * 63 * 128 + d - (k ? 70 : 0);
				if (start + n <= len)
					check_count(buf, len, before, start, n);
			}
		check_count(buf, len, before, start, len - start);
	}
	free(before);
	free(buf);
}

/*
** A mapped file longer than its window: the line of a position asked as a
** report asks (on, a little back, on again), then far back (read by
** pread), far ahead (blocks counted whole) and at every block's edge, is
** the byte loop's; line ends at the blocks' edges, CRLF lines and a last
** line with no end.
*/
static void test_mapped_lines(void **state)
{
	(void)state;
	size_t len = SOURCE_WINDOW * 5 / 2 + 777;
	char *text = malloc(len);
	assert_non_null(text);
	for (size_t i = 0; i < len; i++)
		text[i] = i % 65536 == 65535 || i % 65536 == 0 || i % 97 == 3 ? '\n' : i % 97 == 2 ? '\r' : 'm';
	text[len - 1] = 'x';
	uint32_t *before = byte_loop_counts(text, len);
	char path[] = "/tmp/quorate-test-lines.XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, len), (ssize_t)len);
	close(fd);
	struct mem mem = { 0 };
	struct arena a;
	arena_init(&a, &mem);
	struct source s;
	struct stat st;
	const char *why = NULL;
	assert_int_equal(source_map_stat(&s, &a, path, &st, &why), 0);
	unlink(path);
	assert_true(s.map_len > 0);
	uint32_t read_to = 0;
	for (uint32_t off = 0; off < len; off += 4093) { /* read on as the reader reads, asked as a report asks */
		size_t avail;
		for (; read_to <= off && read_to < len; read_to += (uint32_t)avail)
			source_view(&s, read_to, &avail);
		const uint32_t asks[] = { off, off + 1000, off + 600, off + 17, off + 2000, off + 1999, off + 4092,
			                  off % 9 == 0 ? off + 40000 : off + 4092 }; /* and now and then far on */
		for (size_t k = 0; k < sizeof asks / sizeof asks[0]; k++) {
			uint32_t at = asks[k] < len ? asks[k] : (uint32_t)len;
			assert_int_equal(source_line(&s, at), before[at] + 1);
		}
		if (off % 7 == 0) { /* far back: out of the window */
			uint32_t back = off / 3;
			assert_int_equal(source_line(&s, back), before[back] + 1);
		}
	}
	for (uint32_t at = (uint32_t)len; at > 0; at = at > 65536 ? at - 65536 : 0) { /* from the end, blocks' edges */
		for (uint32_t d = 0; d < 3 && d < at; d++)
			assert_int_equal(source_line(&s, at - d), before[at - d] + 1);
	}
	source_close(&s);
	arena_free(&a);
	free(before);
	free(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_batch_closes_its_own),
		cmocka_unit_test(test_read_ahead),
		cmocka_unit_test(test_hash_as_read),
		cmocka_unit_test(test_line_ends_every_offset),
		cmocka_unit_test(test_line_ends_long),
		cmocka_unit_test(test_mapped_lines),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
** source: loading input files and mapping offsets to lines.  See source.h.
*/
#include "front/source.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
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

int source_load_stat(struct source *s, struct arena *a, const char *path, struct stat *st, const char **why)
{
	memset(s, 0, sizeof *s);
	s->arena = a;
	int from_stdin = strcmp(path, "-") == 0;
	s->name = arena_strdup(a, from_stdin ? "<stdin>" : path);
	int fd = STDIN_FILENO;
	if (!from_stdin) {
		fd = open(path, O_RDONLY | O_CLOEXEC);
		if (fd < 0) {
			*why = strerror(errno);
			return -1;
		}
	}
	if (fstat(fd, st) != 0 || S_ISDIR(st->st_mode)) {
		*why = S_ISDIR(st->st_mode) ? "is a directory" : strerror(errno);
		if (!from_stdin)
			close(fd);
		return -1;
	}
	bool regular = S_ISREG(st->st_mode);
	if (regular && (uintmax_t)st->st_size > SOURCE_MAX_BYTES) {
		*why = "file is larger than the 64 MiB limit";
		if (!from_stdin)
			close(fd);
		return -1;
	}
	/* Out of memory while reading: close the file on the way out. */
	struct mem *mem = a->mem;
	jmp_buf *outer = mem->on_oom;
	jmp_buf here;
	if (setjmp(here)) {
		mem->on_oom = outer;
		if (!from_stdin)
			close(fd);
		mem_fail(mem);
	}
	mem->on_oom = &here;
	char *text = NULL;
	size_t len = 0;
	int rc = read_fd(fd, a, regular ? (size_t)st->st_size : 0, regular, &text, &len, why);
	mem->on_oom = outer;
	if (!from_stdin)
		close(fd);
	if (rc == 0) {
		s->text = text;
		s->len = len;
	}
	return rc;
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

static void build_line_table(struct source *s)
{
	size_t n = 1;
	for (const char *p = s->text; (p = memchr(p, '\n', (size_t)(s->text + s->len - p))); p++)
		n++;
	s->lines = arena_array(s->arena, n, sizeof *s->lines);
	s->lines[0] = 0;
	size_t i = 1;
	for (size_t off = 0; off < s->len; off++)
		if (s->text[off] == '\n')
			s->lines[i++] = (uint32_t)off + 1;
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

void source_position(const struct source *cs, uint32_t offset, unsigned *line, unsigned *col)
{
	/* The line table is a cache: building it does not change what s is. */
	struct source *s = (struct source *)cs;
	if (!s->lines)
		build_line_table(s);
	if (offset > s->len)
		offset = (uint32_t)s->len;
	size_t lo = 0, hi = s->n_lines; /* find the last line start <= offset */
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (s->lines[mid] <= offset)
			lo = mid;
		else
			hi = mid;
	}
	unsigned c = 1;
	const unsigned char *p = (const unsigned char *)s->text + line_start(s, lo);
	const unsigned char *at = (const unsigned char *)s->text + offset;
	const unsigned char *end = (const unsigned char *)s->text + s->len;
	for (; p < at; c++) {
		size_t k = source_utf8_len(p, end);
		p += k ? k : 1;
	}
	*line = (unsigned)lo + 1;
	*col = c;
}

const char *source_line_text(const struct source *cs, unsigned line, size_t *len)
{
	struct source *s = (struct source *)cs;
	if (!s->lines)
		build_line_table(s);
	if (line < 1 || line > s->n_lines) {
		*len = 0;
		return "";
	}
	uint32_t start = line_start(s, line - 1);
	uint32_t end = line < s->n_lines ? s->lines[line] - 1 : (uint32_t)s->len;
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

const char *source_excerpt(struct arena *a, const struct source *s, struct span span)
{
	if (!s || span.end <= span.start || span.end > s->len)
		return "";
	return arena_strndup(a, s->text + span.start, span.end - span.start);
}

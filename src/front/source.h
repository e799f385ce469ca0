/*
** source: one loaded input file and the mapping from byte offsets to lines.
**
** Tokens, nodes and findings carry byte offsets only; line and column are
** computed here, on demand, from a line table built once per file.  Columns
** count characters (UTF-8 code points), starting at 1, as editors do.
*/
#ifndef QUORATE_SOURCE_H
#define QUORATE_SOURCE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "base/arena.h"

/* Largest input file quorate reads into memory (docs/reference.md#limits). */
#define SOURCE_MAX_BYTES (64u * 1024u * 1024u)
/* A record file longer than this is mapped, not read (source_map_stat); the
** largest one is bounded only by 32-bit offsets. */
#define SOURCE_MAP_MIN_BYTES (1u << 20)
#define SOURCE_MAP_MAX_BYTES (UINT32_MAX - 2u)

struct sha256_stream; /* base/sha256.h */

struct source {
	const char *name;   /* as the user gave it; "<stdin>" for - */
	const char *text;   /* len bytes followed by two NULs */
	size_t len;
	struct arena *arena;  /* owns text and the line table */
	uint32_t *lines;    /* offsets of line starts, built on first use */
	size_t n_lines;
	/* A mapped file (source_map_stat): its pages come from the file and
	** go back to it (source_forget), so a file of any length costs no more
	** memory than the part of it being read.  Lines are found from the
	** number of line ends before each block of SOURCE_BLOCK bytes, counted
	** as far as positions are asked, not from a table of every line. */
	size_t map_len;     /* bytes mapped; 0: text is in the arena */
	uint32_t *block_lines; /* line ends before block k */
	size_t n_blocks, cap_blocks;
	uint32_t forgotten; /* pages before this were given back (source_forget_behind) */
	uint32_t asked;     /* the last offset whose line was found, and its 0-based line */
	size_t asked_line;  /* (positions are mostly asked in order: counted from the nearest known, often this one) */
	uint32_t far;       /* the furthest offset whose line was found, and its line: counting goes on from it */
	size_t far_line;
	/* A mapped file is read in order through a window of its bytes read
	** with pread (source_view, source_copy), not through the mapping: on
	** Linux 6.18 a fault maps the whole large folio of the page cache that
	** holds the page (up to 2 MiB), so reading through the mapping made the
	** peak RSS depend on how the page cache holds the file (issue 16's flat
	** RSS).  The mapping serves what is looked at out of order: a
	** diagnostic's quote, a position far behind. */
	int fd;             /* the mapped file, open while mapped */
	char *window;       /* win_len bytes of the file from win_at, then two NULs; NULL until used */
	uint32_t win_at, win_len;
	/* The SHA-256 of a mapped file taken from the bytes its readers bring
	** in (source_hash_begin): bytes [0, hashed) are in it. */
	struct sha256_stream *hash;
	size_t hashed;
};

/* A span of bytes [start, end) in one file. */
struct span {
	uint32_t start, end;
};

/* A span together with its file: what diagnostics and findings point at. */
struct loc {
	const struct source *src; /* NULL: no location (e.g. a whole-run message) */
	uint32_t start, end;
};

static inline struct loc loc_of(const struct source *src, struct span sp)
{
	struct loc l = { src, sp.start, sp.end };
	return l;
}

/* Wrap text already in memory (copied into the arena). */
void source_from_memory(struct source *s, struct arena *a, const char *name,
                        const char *text, size_t len);

/*
** Read a file ("-" is standard input).  Returns 0, or -1 with *why set to a
** message for people ("is a directory", "larger than 64 MiB", strerror).
*/
int source_load(struct source *s, struct arena *a, const char *path, const char **why);
/* The same from a stream already open (fmt --write reads the very file it
** examined); name is what diagnostics call it.  The stream is not closed. */
int source_load_stream(struct source *s, struct arena *a, const char *name, FILE *f, const char **why);
struct stat;
/*
** The same for replay's record files: a regular file longer than
** SOURCE_MAP_MIN_BYTES is mapped (up to SOURCE_MAP_MAX_BYTES), never held
** whole in memory.  Every source from here must be closed (source_close).
** The file must not shrink while it is read (the system would stop the
** program), as for any mapped file.  *st: the status of what was read (its
** identity, for replay's "each file once").  Four system calls a file read
** into memory: open, fstat, read, close.
*/
int source_map_stat(struct source *s, struct arena *a, const char *path, struct stat *st, const char **why);
/*
** Files read and not closed yet, all open, all the reader's.  A system call
** costs more than reading a short file (replay reads a file a meeting), so
** a walk closes its files a batch at a time: each run of numbers in a
** batch in one call (close_range) where the system has it.
*/
#define SOURCE_FDS_MAX 32
struct source_fds {
	int fd[SOURCE_FDS_MAX];
	unsigned n;
};
/* Close them all now (a walk's end, or a way out of memory). */
void source_fds_close(struct source_fds *fds);

/*
** Reading a run of a directory's files ahead, a batch of system calls at a
** time (Linux's io_uring: the opens in one call, each file's statx and read
** in another), where the system allows it: replay reads a file a meeting,
** and each system call costs more than the file's bytes.  The statx of the
** file opened gives what source_map_at's fstat gives (identity, kind and
** size).  A file whose batch read is not plainly whole (an error, a file
** not regular, longer than its 64 KiB slot, changed while read) is left to
** source_map_at, which reads it again and says what it says: what is read
** is the same either way.
*/
#define SOURCE_AHEAD_MAX 32
struct source_ahead;
/* NULL where the system has no io_uring (or refuses it): read each file
** by source_map_at. */
struct source_ahead *source_ahead_new(void);
void source_ahead_free(struct source_ahead *ra);
/* Read the n (<= SOURCE_AHEAD_MAX) files `names` of the directory open
** as dirfd, forgetting those read before; their files go to `later`. */
void source_ahead_read(struct source_ahead *ra, int dirfd, const char *const *names, unsigned n,
                       struct source_fds *later);
/* File k of the last source_ahead_read as source_map_at would load it
** (its text copied into a, path its name for people): 0, or -1 when it
** was not read whole (then source_map_at reads it). */
int source_ahead_take(struct source_ahead *ra, unsigned k, struct source *s, struct arena *a, const char *path,
                      struct stat *st);

/* The same for the file `name` in the directory open as dirfd, called
** `path` in diagnostics: a walk opens each file from its directory, so the
** system does not look up the directories of its path again.  later: where
** the file goes to be closed with others (source_fds_close), or NULL. */
int source_map_at(struct source *s, struct arena *a, int dirfd, const char *name, const char *path, struct stat *st,
                  struct source_fds *later, const char **why);
/* The same, mapping a regular file longer than `bytes` (not empty): the
** fuzz target of mapped files maps short ones (fuzz/fuzz_mapped.c). */
int source_map_over(struct source *s, struct arena *a, const char *path, size_t bytes, struct stat *st,
                    const char **why);
/* Unmap a mapped source (nothing for one in memory). */
void source_close(struct source *s);
/*
** Bytes [at, at + n) of the text (no more than it has) copied into buf:
** how the scanners read a mapped file (see struct source's window).
** Returns the number copied.
*/
size_t source_copy(const struct source *s, uint32_t at, char *buf, size_t n);
/*
** The text from `at` on, for reading in place: *avail bytes followed by
** two NULs.  All of it for a source in memory; for a mapped one, the
** window, refilled from `at` when it holds less than SOURCE_VIEW_MIN bytes
** from there and not the end of the file: a reader that finds the text cut
** at *avail while `at + *avail < len` must take it as cut, not as the end.
** The pointer holds until the next call.
*/
#define SOURCE_WINDOW (1u << 20)
#define SOURCE_VIEW_MIN (64u << 10)
const char *source_view(const struct source *s, uint32_t at, size_t *avail);
/* The SHA-256 of the whole text in hex, read as source_copy reads it. */
bool source_sha256_hex(const struct source *s, char hex[65]); /* SHA256_HEX_SIZE */
/*
** The same, taken as the file is read: a mapped file's bytes are hashed as
** its readers bring them in, in order, from the start (a record's parser
** reads it whole, and the check of its encoding does so before any meeting
** is judged), so that the hash costs no read of its own (issue 16: a
** second read of a 1 GB record).  source_hash_end hashes what the readers
** did not bring in, in order, and gives the digest; the text is the same
** as source_sha256_hex's.  Closing the source drops a hash not ended.
*/
void source_hash_begin(struct source *s);
bool source_hash_end(struct source *s, char hex[65]); /* SHA256_HEX_SIZE */
/* A mapped source is being read forwards and has got to offset: give back
** the memory of what is well behind (read from the file again if it is
** needed, for a diagnostic's quote).  Nothing for a source in memory. */
void source_forget_behind(const struct source *s, uint32_t offset);
/* Give back all of a mapped source (a new forward read may start). */
void source_forget_all(const struct source *s);

/* The line ends ('\n') in the n bytes at p, which lie within [lo, hi),
** bytes that may all be read: as the line functions count them, the
** fastest way the machine has, or (portable) the way every machine has.
** For the tests, which compare both with a byte loop. */
uint32_t source_line_ends(const char *lo, const char *hi, const char *p, size_t n, bool portable);

/* Length of the valid UTF-8 sequence at p (1..4 bytes, none past end), or 0
** if p does not start one.  A byte that is not UTF-8 counts as one column. */
size_t source_utf8_len(const unsigned char *p, const unsigned char *end);

/* Does the text look like JSON (its first character, after a byte-order
** mark and blanks, is '{')?  How eval and the library tell a JSON record
** from the native syntax when the file name does not say. */
bool source_looks_like_json(const char *text, size_t len);
/* The same for a source (a mapped one read as source_view reads). */
bool source_text_looks_like_json(const struct source *s);

/* The text of span in s, copied into a; "" if the span is empty or not in s. */
const char *source_excerpt(struct arena *a, const struct source *s, struct span span);

/* 1-based line and column (in characters) of a byte offset. */
void source_position(const struct source *s, uint32_t offset, unsigned *line, unsigned *col);
/* Its line alone: no walk along the line for the column (a report's
** findings and interests show only the line). */
unsigned source_line(const struct source *s, uint32_t offset);
/* The text of a 1-based line without its line ending. */
const char *source_line_text(const struct source *s, unsigned line, size_t *len);

#endif

/*
** replay: judging a history meeting by meeting.  See replay.h.
*/
/* d_type in struct dirent (not POSIX, but in every system quorate runs on):
** a directory entry's kind without a stat of each file.  Where it is
** missing, every entry is stat'ed. */
#define _DEFAULT_SOURCE
#include "run/replay.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/sbuf.h"
#include "base/sort.h"
#include "base/spell.h"
#include "check/terms_file.h"
#include "model/attrs.h"
#include "front/parse.h"
#include "record/record_file.h"

#define REPLAY_MAX_DIR_DEPTH 32

/* ---- inputs ------------------------------------------------------------------ */

struct version {
	const struct terms *terms;
	const char *file;
	char sha256[SHA256_HEX_SIZE];
	bool used;                 /* some meeting was judged by it */
	struct judge_plan *plan;   /* what judging keeps between its meetings (made at the first) */
};

/* The year being counted for `meets at least N times a year`
** (docs/semantics.md#meetings-a-year): years run from the effective date of
** the version that says it. */
struct year_count {
	const struct version *v;   /* whose years are counted; NULL: none */
	unsigned k;                /* which year of v (1: the first) */
	qdate start, end;          /* [start, end) */
	unsigned meetings;
};

struct body {
	const char *name;
	VEC(struct version) versions;  /* sorted by effective date */
	/* across meetings */
	bool has_last;
	qdate last_meeting;
	struct year_count year;
	struct arena same_day;             /* reset when the date moves on, so memory stays flat */
	VEC(const char *) titles_on_last;  /* meetings already judged on last_meeting (the texts in same_day; */
	VEC(const char *) files_on_last;   /* the lists in the run's arena, emptied, kept as long as the most
	                                      meetings any one day had) */
};

/* A directory by identity, so a symbolic link back up is entered once. */
struct dir_id {
	dev_t dev;
	ino_t ino;
};

/* A file among the inputs, by name and by identity: a file reached by two
** paths (a directory and a file in it, or a hard link) is read once. */
struct input_file {
	const char *path;
	dev_t dev;
	ino_t ino;
};

/* A path given to replay_add_path, as the one pass walks it again: its key
** orders it among the others as its files' paths are ordered (a directory
** as its path and '/'). */
struct input_path {
	const char *path;
	const char *key;
	bool dir;
};

/* Files by identity (open addressing on dev and ino), for the files that
** can be reached by two paths in the one pass; `seen` once read. */
struct id_slot {
	dev_t dev;
	ino_t ino;
	bool used, seen;
};
struct id_set {
	struct id_slot *slots;
	size_t cap, n;
};

/* One meeting in the history: where to find it, and when it was. */
struct entry {
	qdate date;
	unsigned file;       /* index into record files */
	unsigned item;       /* position of the meeting in its file */
};

/* A provisional decision awaiting ratification. */
struct open_decision {
	const struct body *body;
	const char *meeting_title, *motion_number, *file;
	unsigned line;
	qdate taken;         /* the meeting (record) date */
	bool next_meeting;
	qdate deadline;      /* when ratify within ... */
	const char *clause;
	bool open;
	bool expired;        /* reported as not ratified in time */
	struct ratification *rat; /* what became of it, for the reports (run arena) */
};

/* An amendment motion, kept to check that each new version was adopted. */
struct amendment {
	const struct body *body;
	qdate date;
	enum outcome outcome;
	const char *file;
	unsigned line;
};

/* A record file open for reading meetings in order. */
struct reading {
	unsigned file;            /* index, or UINT32_MAX when none */
	struct arena file_arena;  /* source text and the reader */
	struct source src;
	struct record_reader rec; /* record/record_file.h: the policy of records */
	unsigned next_item;       /* position of the next meeting */
	char sha256[SHA256_HEX_SIZE];
	bool hashing;             /* sha256 is being taken as the file is read (source_hash_begin) */
	bool failed;
};

struct replay {
	struct arena *arena;
	struct loader *ld;
	struct diag_sink *diag;
	VEC(struct input_file) terms_files;
	VEC(struct input_file) records;
	VEC(struct body *) bodies;
	VEC(struct entry) entries;
	VEC(struct open_decision) decisions;
	VEC(struct amendment) amendments;
	struct replay_summary summary;
	const struct replay_sink *sink;
	/* working memory of a run, here (not on the stack) so that the
	** out-of-memory path can free it: see replay_for_each */
	struct arena meeting_arena, scratch;
	struct reading reading, index_reading;
	VEC(struct dir_id) dirs_seen;  /* directories entered, against link loops */
	/* the paths given, walked again by the one pass (replay_run) */
	VEC(struct input_path) paths;
	struct arena walk_arena[REPLAY_MAX_DIR_DEPTH + 2]; /* each level's names, while it is walked */
	DIR *walk_dir[REPLAY_MAX_DIR_DEPTH + 2];           /* each level's directory, open while walked */
	struct id_set once;            /* files that may be reached twice: see stream_file */
	struct source_fds read_fds;    /* record files the one pass read, closed a batch at a time */
	struct source_ahead *ahead;    /* the one pass's files read ahead (NULL: each by itself) */
	struct fastrec_names *names;   /* of every native record, interned once (the run arena: bounded) */
	struct json_ids *json_ids;     /* of every JSON record, the same (json_ids_new) */
	/* the one pass */
	bool streaming;                /* in the one pass */
	bool restart;                  /* a date went backwards: judge the indexed way */
	bool quiet;                    /* the diagnostics being flushed were shown already */
	unsigned files_shown;          /* files whose diagnostics the one pass showed */
	bool have_last;
	qdate last_date;               /* of the last meeting judged */
	unsigned meetings_read;
	struct replay_summary before_meetings; /* the summary before any record was read */
	unsigned errors_shown;         /* across every file: the error cap is the run's */
	bool errors_stopped;
	/* decisions outside meetings: the history is judged twice when it has
	** any, first silently (`dry`) to learn what became of each, so that the
	** report of a provisional decision can say by which motion it was
	** ratified before that motion's meeting is reported */
	bool has_virtual, dry;
	VEC(struct ratification *) ratifications;
	VEC(struct awaiting_approval) awaiting;
};

struct replay *replay_new(struct arena *run_arena, struct loader *ld, struct diag_sink *run_diag)
{
	struct replay *rp = arena_alloc(run_arena, sizeof *rp);
	rp->arena = run_arena;
	rp->ld = ld;
	rp->diag = run_diag;
	arena_init(&rp->meeting_arena, run_arena->mem);
	arena_init(&rp->scratch, run_arena->mem);
	arena_init(&rp->reading.file_arena, run_arena->mem);
	arena_init(&rp->index_reading.file_arena, run_arena->mem);
	for (size_t i = 0; i < sizeof rp->walk_arena / sizeof rp->walk_arena[0]; i++)
		arena_init(&rp->walk_arena[i], run_arena->mem);
	rp->reading.file = rp->index_reading.file = UINT32_MAX;
	rp->names = fastrec_names_new(run_arena);
	rp->json_ids = json_ids_new(run_arena);
	return rp;
}

void replay_set_sink(struct replay *rp, const struct replay_sink *sink)
{
	rp->sink = sink;
}

const struct replay_summary *replay_summary(const struct replay *rp)
{
	return &rp->summary;
}

/* Inline, and memcmp: the suffix is a literal, so its length is known and
** the comparison is a load or two (the walk asks this of every file). */
static inline bool has_suffix(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);
	return n >= k && memcmp(s + n - k, suffix, k) == 0;
}

/* An input that cannot be read: an error of the run, counted in the summary. */
static void input_error(struct replay *rp, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void input_error(struct replay *rp, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diag_vreport(rp->diag, D_INPUT, (struct loc){ NULL, 0, 0 }, fmt, ap);
	va_end(ap);
	rp->summary.malformed_files++;
}

static const char *file_kind(mode_t mode)
{
	return S_ISFIFO(mode) ? "a FIFO" : S_ISCHR(mode) ? "a character device" : S_ISBLK(mode) ? "a block device"
	     : S_ISSOCK(mode) ? "a socket" : "not a regular file";
}

/* Is a regular file one replay reads?  Others found in a directory are
** listed in one warning per directory (add_dir); named ones are records. */
static bool is_input_name(const char *path)
{
	return has_suffix(path, ".tor") || has_suffix(path, ".minutes") || has_suffix(path, ".json");
}

/* ---- walking the inputs ------------------------------------------------------- */

/*
** What a walk over a directory does with what it finds.  CHECK (when a path
** is added) reports every entry that cannot be read and keeps the terms
** files; LIST keeps the record files too (the indexed way); STREAM hands
** each record file to the one pass, the directory's entries ordered so that
** the files come in the order of their full paths.  LIST and STREAM say
** nothing: CHECK has said it.
*/
enum walk_mode { WALK_CHECK, WALK_LIST, WALK_STREAM };

static bool stream_file(struct replay *rp, int dirfd, const char *name, const char *path, bool through_link,
                        int ahead);

/* path must outlive the replay (an argument, or a name the walk copied into
** the run arena).  Only regular files get here: reading a FIFO or a device
** could block or never end, and would never be a record. */
static void add_file(struct replay *rp, const char *path, const struct stat *st, enum walk_mode mode)
{
	struct input_file f = { path, st->st_dev, st->st_ino };
	if (has_suffix(path, ".tor")) {
		if (mode == WALK_CHECK)
			VEC_PUSH(rp->arena, rp->terms_files, f);
	} else if (mode == WALK_LIST) {
		VEC_PUSH(rp->arena, rp->records, f);
	}
}

/* A directory's path without the slashes that end it: "examples/" and
** "rural" make "examples/rural", one slash. */
static size_t path_len(const char *path)
{
	size_t len = strlen(path);
	while (len > 1 && path[len - 1] == '/')
		len--;
	return len;
}

/* dir (its first len bytes), '/', name: an entry's path, made for every
** file of a walk (by hand: printf's parsing of a format costs more than the
** copy). */
static char *join_path(struct arena *a, const char *dir, size_t len, const char *name)
{
	size_t n = strlen(name);
	char *p = arena_alloc_uninit(a, len + n + 2);
	memcpy(p, dir, len);
	p[len] = '/';
	memcpy(p + len + 1, name, n + 1);
	return p;
}

/* A directory's entry: its path, and how the walk orders it. */
struct dir_entry {
	char *name;        /* the directory's path, '/', the entry's name */
	const char *key;   /* STREAM: the name, with '/' after a directory's */
	bool by_dir;       /* CHECK, STREAM: the directory said it is a plain file or a directory */
	bool dir;          /* by_dir: which */
	bool stat_ok;
	struct stat *st;   /* NULL until the entry is stat'ed (entry_stat): the entries are
	                      grown and sorted as they are, so they are kept small */
	uint64_t head;     /* sort_entries: eight bytes of the key, where the keys first differ */
};

/* stat an entry (its status in the walk's arena a). */
static bool entry_stat(struct arena *a, struct dir_entry *de)
{
	de->st = arena_alloc_uninit(a, sizeof *de->st);
	return de->stat_ok = stat(de->name, de->st) == 0;
}

/*
** A directory's entries in the order of their keys (strcmp's: bytes as
** unsigned), for a directory of a file a meeting, where qsort's calls of a
** comparison and strcmp over the shared path cost more than reading the
** directory.  The keys share the directory's path and often more (a
** year's files: "1510-"); each gets the eight bytes after what all share
** as one number, big-endian, so that comparing numbers compares those
** bytes; only keys whose eight bytes are the same are compared by strcmp.
** A merge sort, bottom up, through a second array in `a`.
*/
static bool entry_before(const struct dir_entry *x, const struct dir_entry *y, size_t shared)
{
	if (x->head != y->head)
		return x->head < y->head;
	return strcmp(x->key + shared, y->key + shared) < 0;
}

static void merge_runs(const struct dir_entry *from, struct dir_entry *to, size_t n, size_t width, size_t shared)
{
	for (size_t lo = 0; lo < n; lo += 2 * width) {
		size_t mid = lo + width < n ? lo + width : n, hi = lo + 2 * width < n ? lo + 2 * width : n;
		size_t i = lo, j = mid, k = lo;
		while (i < mid && j < hi)
			to[k++] = entry_before(&from[j], &from[i], shared) ? from[j++] : from[i++];
		while (i < mid)
			to[k++] = from[i++];
		while (j < hi)
			to[k++] = from[j++];
	}
}

static void sort_entries(struct arena *a, struct dir_entry *items, size_t n, size_t shared_path)
{
	if (n < 2)
		return;
	/* bytes every key starts with: the directory's path and '/' (shared_path
	** of them), then those of the first that all the others have */
	size_t shared = shared_path;
	for (const char *first = items[0].key; first[shared];) {
		size_t k = 1;
		while (k < n && items[k].key[shared] == first[shared])
			k++;
		if (k < n)
			break;
		shared++;
	}
	for (size_t k = 0; k < n; k++) {
		const unsigned char *p = (const unsigned char *)items[k].key + shared;
		uint64_t head = 0;
		unsigned b = 0;
		for (; b < 8 && p[b]; b++)
			head = head << 8 | p[b];
		items[k].head = head << (8 * (8 - b)); /* what the key lacks: zeros, as its NUL is */
	}
	struct dir_entry *other = arena_array(a, n, sizeof *other), *from = items, *to = other;
	for (size_t width = 1; width < n; width *= 2) {
		merge_runs(from, to, n, width, shared);
		struct dir_entry *t = from;
		from = to;
		to = t;
	}
	if (from != items)
		memcpy(items, from, n * sizeof *items);
}

/*
** Read the directory's entries into `a` (hidden ones left out), sorted.  The
** directory stays open as *dir (its files are opened from it): the caller
** closes it; the way out of memory too (free_walk), as it is in walk_dir.
*/
static bool read_dir(struct replay *rp, const char *path, struct arena *a, enum walk_mode mode,
                     DIR **dir, struct dir_entry **out, size_t *n_out)
{
	DIR *d = *dir = opendir(path);
	if (!d) {
		if (mode == WALK_CHECK)
			diag_report(rp->diag, D_INPUT, (struct loc){ NULL, 0, 0 }, "cannot read directory %s", path);
		return false;
	}
	size_t len = path_len(path);
	VEC(struct dir_entry) names = { 0 };
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue; /* ., .., and hidden files */
		struct dir_entry de = { join_path(a, path, len, e->d_name), NULL, false, false, false, NULL, 0 };
		de.key = de.name;
		if (mode != WALK_LIST) {
			/* The kind from the directory when it says (no stat for a
			** plain file; LIST keeps each file's identity: a stat): a
			** directory sorts as its name and '/'. */
#ifdef DT_DIR
			de.dir = e->d_type == DT_DIR;
			de.by_dir = e->d_type == DT_DIR || e->d_type == DT_REG;
#endif
			if (!de.by_dir)
				de.dir = entry_stat(a, &de) && S_ISDIR(de.st->st_mode);
			if (de.dir && mode == WALK_STREAM)
				de.key = arena_printf(a, "%s/", de.name);
		}
		VEC_PUSH(a, names, de);
	}
	/* Sorted, so the result never depends on the order of the directory. */
	sort_entries(a, names.items, names.n, len + 1);
	*out = names.items;
	*n_out = names.n;
	return true;
}

/* Has a directory been entered already (a link back up)?  Notes it if not. */
static bool dir_seen(struct replay *rp, const char *path, enum walk_mode mode)
{
	struct stat self;
	if (stat(path, &self) != 0)
		return false;
	for (size_t i = 0; i < rp->dirs_seen.n; i++) {
		if (rp->dirs_seen.items[i].dev == self.st_dev && rp->dirs_seen.items[i].ino == self.st_ino) {
			if (mode == WALK_CHECK)
				diag_report(rp->diag, D_SKIPPED, (struct loc){ NULL, 0, 0 },
				            "%s: this directory was already read (a symbolic link leads back to it): skipped", path);
			return true;
		}
	}
	struct dir_id id = { self.st_dev, self.st_ino };
	VEC_PUSH(rp->arena, rp->dirs_seen, id);
	return false;
}

/* Is the entry a record file the one pass reads (a plain file, by its
** directory's word, with a record's name)? */
static bool streamed_by_dir(const struct dir_entry *de)
{
	return de->by_dir && !de->dir && is_input_name(de->name) && !has_suffix(de->name, ".tor");
}

/* The entries of a directory read ahead: [from, to). */
struct ahead_window {
	size_t from, to;
	int dirfd;
};

/* Entry i is about to be streamed: its place among the files read ahead,
** reading the next run of record files (up to SOURCE_AHEAD_MAX, up to the
** next entry that is not one) when it is not among them; -1: none. */
static int read_ahead(struct replay *rp, struct dir_entry *names, size_t n, size_t i, size_t base,
                      struct ahead_window *w)
{
	if (!rp->ahead)
		return -1;
	if (i < w->from || i >= w->to) {
		const char *run[SOURCE_AHEAD_MAX];
		size_t k = 0;
		while (k < SOURCE_AHEAD_MAX && i + k < n && streamed_by_dir(&names[i + k])) {
			run[k] = names[i + k].name + base;
			k++;
		}
		source_ahead_read(rp->ahead, w->dirfd, run, (unsigned)k, &rp->read_fds);
		w->from = i;
		w->to = i + k;
	}
	return i < w->to ? (int)(i - w->from) : -1;
}

static bool add_dir(struct replay *rp, const char *path, unsigned depth, enum walk_mode mode)
{
	if (depth > REPLAY_MAX_DIR_DEPTH) {
		if (mode == WALK_CHECK)
			diag_report(rp->diag, D_LIMIT, (struct loc){ NULL, 0, 0 },
			            "%s: directories nested more than %d deep", path, REPLAY_MAX_DIR_DEPTH);
		return false;
	}
	if (dir_seen(rp, path, mode))
		return true;
	struct arena *a = &rp->walk_arena[depth];
	struct dir_entry *names;
	size_t n_names;
	bool read = read_dir(rp, path, a, mode, &rp->walk_dir[depth], &names, &n_names);
	if (!read)
		return false;
	bool ok = true;
	unsigned passed = 0;
	struct sbuf passed_names;
	sbuf_init(&passed_names, a);
	size_t base = path_len(path) + 1; /* where an entry's own name starts in its path */
	struct ahead_window window = { 0, 0, dirfd(rp->walk_dir[depth]) };
	for (size_t i = 0; i < n_names && !rp->restart; i++) {
		struct dir_entry *de = &names[i];
		const char *name = de->name;
		bool regular_by_dir = de->by_dir && !de->dir;
		if (!de->st && !de->by_dir) /* LIST */
			entry_stat(a, de);
		bool is_dir = de->by_dir ? de->dir : de->stat_ok && S_ISDIR(de->st->st_mode);
		if (!de->by_dir && !de->stat_ok) {
			if (mode == WALK_CHECK) {
				struct stat link;
				bool dangling = lstat(name, &link) == 0 && S_ISLNK(link.st_mode);
				input_error(rp, "cannot read %s: %s", name,
				            dangling ? "a symbolic link to nothing (dangling)" : strerror(errno));
			}
			ok = false;
		} else if (is_dir) {
			ok = add_dir(rp, name, depth + 1, mode) && ok;
		} else if (!regular_by_dir && !S_ISREG(de->st->st_mode)) {
			if (mode == WALK_CHECK)
				input_error(rp, "cannot read %s: %s, not a file of terms or records", name, file_kind(de->st->st_mode));
			ok = false;
		} else if (is_input_name(name)) {
			if (mode == WALK_STREAM) {
				if (!has_suffix(name, ".tor"))
					stream_file(rp, dirfd(rp->walk_dir[depth]), name + base, name, !regular_by_dir,
					            read_ahead(rp, names, n_names, i, base, &window));
			} else if (mode == WALK_LIST || has_suffix(name, ".tor")) {
				/* kept with its identity: a name that lives as long as the replay */
				if (!de->st && !entry_stat(a, de)) {
					input_error(rp, "cannot read %s: %s", name, strerror(errno));
					ok = false;
					continue;
				}
				add_file(rp, arena_strdup(rp->arena, name), de->st, mode);
			}
		} else if (passed++ < 5) {
			sbuf_addf(&passed_names, "%s%s", passed > 1 ? ", " : "", name + base);
		}
	}
	if (passed && mode == WALK_CHECK)
		diag_report(rp->diag, D_SKIPPED, (struct loc){ NULL, 0, 0 },
		            "%s: %u file%s not read (not .tor, .minutes or .json): %s%s", path, passed,
		            passed == 1 ? "" : "s", sbuf_str(&passed_names), passed > 5 ? ", ..." : "");
	closedir(rp->walk_dir[depth]);
	rp->walk_dir[depth] = NULL;
	arena_reset(a);
	return ok;
}

static void free_walk(struct replay *rp)
{
	for (size_t i = 0; i < sizeof rp->walk_arena / sizeof rp->walk_arena[0]; i++) {
		arena_free(&rp->walk_arena[i]);
		if (rp->walk_dir[i])
			closedir(rp->walk_dir[i]);
		rp->walk_dir[i] = NULL;
	}
}

/* ---- files reached by two paths ---------------------------------------------------- */

static size_t id_hash(dev_t dev, ino_t ino)
{
	uint64_t h = ((uint64_t)dev * 0x9E3779B97F4A7C15ull) ^ ((uint64_t)ino * 0xC2B2AE3D27D4EB4Full);
	return (size_t)(h ^ (h >> 29));
}

/* The slot of a file's identity, added if absent. */
static struct id_slot *id_slot(struct replay *rp, dev_t dev, ino_t ino)
{
	struct id_set *s = &rp->once;
	if (s->n * 2 >= s->cap) {
		struct id_set grown = { arena_array(rp->arena, s->cap ? s->cap * 2 : 64, sizeof *s->slots),
		                        s->cap ? s->cap * 2 : 64, 0 };
		for (size_t i = 0; i < s->cap; i++) {
			if (!s->slots[i].used)
				continue;
			size_t j = id_hash(s->slots[i].dev, s->slots[i].ino) & (grown.cap - 1);
			while (grown.slots[j].used)
				j = (j + 1) & (grown.cap - 1);
			grown.slots[j] = s->slots[i];
			grown.n++;
		}
		*s = grown;
	}
	size_t j = id_hash(dev, ino) & (s->cap - 1);
	for (; s->slots[j].used; j = (j + 1) & (s->cap - 1))
		if (s->slots[j].dev == dev && s->slots[j].ino == ino)
			return &s->slots[j];
	s->slots[j] = (struct id_slot){ dev, ino, true, false };
	s->n++;
	return &s->slots[j];
}

bool replay_add_path(struct replay *rp, const char *path)
{
	struct stat st;
	if (stat(path, &st) != 0) {
		struct stat link;
		bool dangling = errno == ENOENT && lstat(path, &link) == 0 && S_ISLNK(link.st_mode);
		input_error(rp, "cannot read %s: %s", path, dangling ? "a symbolic link to nothing (dangling)" : strerror(errno));
		return false;
	}
	if (!S_ISDIR(st.st_mode) && !S_ISREG(st.st_mode)) {
		input_error(rp, "cannot read %s: %s, not a file of terms or records", path, file_kind(st.st_mode));
		return false;
	}
	/* Kept for the one pass; a named file may be inside a directory too. */
	struct input_path ip = { path, path, S_ISDIR(st.st_mode) };
	if (ip.dir) {
		size_t len = path_len(path);
		ip.key = arena_printf(rp->arena, "%.*s/", (int)len, path);
	} else if (!has_suffix(path, ".tor")) {
		id_slot(rp, st.st_dev, st.st_ino);
	}
	VEC_PUSH(rp->arena, rp->paths, ip);
	if (!ip.dir) {
		add_file(rp, path, &st, WALK_CHECK); /* named: a record whatever its name, unless .tor */
		return true;
	}
	/* The names the walk holds are not in the run arena: free them, also
	** on the way out of memory. */
	struct mem *mem = rp->arena->mem;
	jmp_buf *outer = mem->on_oom;
	jmp_buf here;
	if (setjmp(here)) {
		mem->on_oom = outer;
		free_walk(rp);
		mem_fail(mem);
	}
	mem->on_oom = &here;
	bool ok = add_dir(rp, path, 0, WALK_CHECK);
	mem->on_oom = outer;
	free_walk(rp);
	return ok;
}

/* The paths given, walked again: LIST keeps the record files; STREAM reads them. */
static void walk_paths(struct replay *rp, enum walk_mode mode)
{
	rp->dirs_seen.n = 0;
	for (size_t i = 0; i < rp->paths.n && !rp->restart; i++) {
		const struct input_path *ip = &rp->paths.items[i];
		if (ip->dir) {
			add_dir(rp, ip->path, 0, mode);
		} else if (!has_suffix(ip->path, ".tor")) {
			if (mode == WALK_STREAM) {
				stream_file(rp, AT_FDCWD, ip->path, ip->path, true, -1);
			} else {
				struct stat st;
				if (stat(ip->path, &st) == 0)
					add_file(rp, ip->path, &st, mode);
			}
		}
	}
}

static int compare_path_keys(const void *a, const void *b)
{
	return strcmp(((const struct input_path *)a)->key, ((const struct input_path *)b)->key);
}

static int compare_identity(const void *pa, const void *pb)
{
	const struct input_file *a = pa, *b = pb;
	if (a->dev != b->dev)
		return a->dev < b->dev ? -1 : 1;
	if (a->ino != b->ino)
		return a->ino < b->ino ? -1 : 1;
	return strcmp(a->path, b->path);
}

static int compare_paths(const void *a, const void *b)
{
	return strcmp(((const struct input_file *)a)->path, ((const struct input_file *)b)->path);
}

/* Each file once (the first of its names), then in path order, so the
** result never depends on the order of the arguments or of the disk. */
static void keep_each_file_once(struct input_file *files, size_t *n)
{
	if (*n == 0)
		return;
	sort_array(files, *n, sizeof *files, compare_identity);
	size_t kept = 1;
	for (size_t i = 1; i < *n; i++)
		if (files[i].dev != files[kept - 1].dev || files[i].ino != files[kept - 1].ino)
			files[kept++] = files[i];
	*n = kept;
	sort_array(files, *n, sizeof *files, compare_paths);
}

/* ---- findings across meetings -------------------------------------------------- */

static void history_finding(struct replay *rp, enum finding_code code, const char *clause,
                            const char *file, unsigned line, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));

static void history_finding(struct replay *rp, enum finding_code code, const char *clause,
                            const char *file, unsigned line, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (rp->dry)
		return; /* the silent pass: the findings come in the second */
	struct history_finding f = { code, finding_default_severity(code), clause, msg, file, line };
	rp->summary.by_severity[f.sev]++;
	rp->summary.by_code[code]++;
	rp->sink->finding(rp->sink->ctx, &f);
}

/* Hand a file's diagnostics to the sink (while its text is loaded), then
** forget them.  Each file has its own sink, so the cap on errors is applied
** here, across the run: after DIAG_MAX_ERRORS errors in all, one "too many
** errors" and nothing more (the summary still counts every bad input). */
static void flush_diagnostics(struct replay *rp, struct diag_sink *d)
{
	if (d->items.n == 0)
		return;
	if (rp->quiet) { /* shown already, by the one pass */
		d->items.n = 0;
		return;
	}
	diag_sort(d);
	size_t keep = 0;
	for (size_t i = 0; i < d->items.n && !rp->errors_stopped; i++) {
		struct diag *dg = &d->items.items[i];
		if (dg->sev == DIAG_ERROR && dg->code != D_TOO_MANY && rp->errors_shown == DIAG_MAX_ERRORS) {
			rp->errors_stopped = true;
			*dg = (struct diag){ .code = D_TOO_MANY, .sev = DIAG_ERROR,
			                     .msg = arena_printf(d->arena, "too many errors (%u); the rest are counted in the summary, not shown",
			                                         DIAG_MAX_ERRORS) };
		} else if (dg->sev == DIAG_ERROR) {
			rp->errors_shown++;
		}
		d->items.items[keep++] = *dg;
	}
	d->items.n = keep;
	if (d->items.n)
		rp->sink->diagnostics(rp->sink->ctx, d);
	d->items.n = 0;
}

/* ---- terms --------------------------------------------------------------------- */

static struct body *find_body(struct replay *rp, const char *name)
{
	for (size_t i = 0; i < rp->bodies.n; i++)
		if (strcmp(rp->bodies.items[i]->name, name) == 0)
			return rp->bodies.items[i];
	return NULL;
}

static void add_version(struct replay *rp, const struct terms *t, const char *file, const char *sha)
{
	struct body *b = find_body(rp, t->name);
	if (!b) {
		b = arena_alloc(rp->arena, sizeof *b);
		b->name = t->name;
		arena_init(&b->same_day, rp->arena->mem);
		VEC_PUSH(rp->arena, rp->bodies, b);
	}
	for (size_t i = 0; i < b->versions.n; i++) {
		if (b->versions.items[i].terms->effective == t->effective) {
			diag_report(rp->diag, D_DUPLICATE, loc_of(t->src, t->decl->span),
			            "two versions of \"%s\" take effect on the same date (the other is %s)",
			            t->name, b->versions.items[i].file);
			return;
		}
	}
	struct version v = { t, file, "", false, NULL };
	memcpy(v.sha256, sha, SHA256_HEX_SIZE);
	VEC_PUSH(rp->arena, b->versions, v);
	/* keep sorted by effective date: insertion from the end */
	for (size_t i = b->versions.n - 1; i > 0 && b->versions.items[i - 1].terms->effective > t->effective; i--) {
		struct version tmp = b->versions.items[i - 1];
		b->versions.items[i - 1] = b->versions.items[i];
		b->versions.items[i] = tmp;
	}
	rp->summary.terms_versions++;
}

/* Terms stay loaded for the whole run: they are few and small.  Every
** block of every terms file is a version (check/terms_file.h). */
static void load_terms(struct replay *rp)
{
	keep_each_file_once(rp->terms_files.items, &rp->terms_files.n);
	for (size_t i = 0; i < rp->terms_files.n; i++) {
		const char *path = rp->terms_files.items[i].path;
		struct source *src = arena_alloc(rp->arena, sizeof *src);
		const char *why = NULL;
		unsigned errors = rp->diag->n_errors;
		if (source_load(src, rp->arena, path, &why) != 0) {
			diag_report(rp->diag, D_INPUT, (struct loc){ NULL, 0, 0 }, "cannot read %s: %s", path, why);
			rp->summary.malformed_files++;
			continue;
		}
		char sha[SHA256_HEX_SIZE] = "";
		if (!rp->sink->no_hashes)
			sha256_hex(src->text, src->len, sha);
		struct terms_file tf;
		terms_file_read(rp->arena, rp->diag, rp->ld, src, TERMS_EVERY, &tf);
		for (unsigned k = 0; k < tf.n_terms; k++)
			if (tf.terms[k]->has_effective)
				add_version(rp, tf.terms[k], path, sha);
		if (rp->diag->n_errors > errors)
			rp->summary.malformed_files++;
	}
}

static struct version *version_on(struct body *b, qdate day)
{
	struct version *v = NULL;
	for (size_t i = 0; i < b->versions.n && b->versions.items[i].terms->effective <= day; i++)
		v = &b->versions.items[i];
	return v;
}

/* ---- reading records ----------------------------------------------------------- */

static void close_reading(struct reading *r)
{
	record_reader_close(&r->rec);
	source_close(&r->src);
	arena_reset(&r->file_arena);
	r->hashing = false;
	r->file = UINT32_MAX;
	r->failed = false;
}

/* The record's SHA-256 (a long file read in pieces, not mapped whole). */
static void hash_record(struct reading *r)
{
	source_sha256_hex(&r->src, r->sha256);
}

/* hash: compute the record's SHA-256 (only the judging pass reports it) */
static bool open_reading(struct replay *rp, struct reading *r, unsigned file, struct diag_sink *d, bool hash)
{
	close_reading(r);
	r->file = file;
	r->next_item = 0;
	const char *why = NULL;
	const struct input_file *rf = &rp->records.items[file];
	struct stat st;
	if (source_map_stat(&r->src, &r->file_arena, rf->path, &st, &why) != 0) {
		diag_report(d, D_INPUT, (struct loc){ NULL, 0, 0 }, "cannot read %s: %s", rf->path, why);
		r->failed = true;
		return false;
	}
	if (hash)
		hash_record(r);
	r->failed = !record_reader_open(&r->rec, &r->file_arena, d, &r->src, rp->names, rp->json_ids);
	return !r->failed;
}

/*
** The meeting at position `item` of the open file, its nodes in `arena`.
** Items are read forwards; asking for an earlier one reopens the file.
*/
static struct meeting *read_meeting(struct replay *rp, struct reading *r, unsigned file, unsigned item,
                                    struct arena *arena, struct diag_sink *d)
{
	if (r->file != file || item < r->next_item || r->failed) {
		if (!open_reading(rp, r, file, d, true))
			return NULL;
	}
	const struct node *n;
	struct meeting *json;
	while (record_reader_next(&r->rec, arena, &n, &json)) {
		if (r->next_item++ != item) {
			if (n)
				source_forget_behind(&r->src, n->span.end);
			continue;
		}
		if (json)
			return json;
		return d->n_errors ? NULL : minutes_from_ast(arena, d, n, &r->src);
	}
	return NULL;
}

/*
** First pass: the date of every meeting, with nothing else kept.  A native
** file of one meeting is only scanned for its date (parse_skim_meeting_date:
** the real scanner, no tree); any other is read item by item.  (A meeting
** with a syntax error inside is still caught: pass 2 parses it.)
*/
/* Does the text hold the word anywhere (a cheap over-approximation: a
** comment counts too)? */
static bool holds_word(const char *text, size_t len, const char *word)
{
	size_t n = strlen(word);
	for (const char *p = text; len >= n && (p = memchr(p, word[0], len - n + 1 - (size_t)(p - text)));) {
		if (memcmp(p, word, n) == 0)
			return true;
		p++;
		if ((size_t)(p - text) > len - n)
			break;
	}
	return false;
}

/* The same for a record file, a window at a time (source_view): the
** windows overlap by the word's length less one, so none is cut. */
static bool mentions(const struct source *src, const char *word)
{
	size_t n = strlen(word);
	for (uint32_t at = 0;;) {
		size_t avail;
		const char *w = source_view(src, at, &avail);
		if (holds_word(w, avail, word))
			return true;
		if (at + avail >= src->len || avail < n)
			return false;
		at += (uint32_t)(avail - (n - 1));
	}
}

static void index_file(struct replay *rp, unsigned file, struct arena *scratch, struct diag_sink *d)
{
	struct reading *r = &rp->index_reading;
	if (!open_reading(rp, r, file, d, false)) {
		flush_diagnostics(rp, d);
		close_reading(r);
		return;
	}
	qdate date;
	rp->has_virtual = rp->has_virtual || mentions(&r->src, "virtual");
	source_forget_all(&r->src);
	bool skimmed = !record_is_json(&r->src) && parse_skim_meeting_date(scratch, &r->src, &date);
	arena_reset(scratch);
	if (skimmed) {
		struct entry e = { date, file, 0 };
		VEC_PUSH(rp->arena, rp->entries, e);
	} else {
		unsigned item = 0, errors = d->n_errors;
		const struct node *n;
		struct meeting *json;
		while (record_reader_next(&r->rec, scratch, &n, &json)) {
			struct entry e = { json ? json->date : n->b->v.date, file, item++ };
			VEC_PUSH(rp->arena, rp->entries, e);
			if (n) /* before scratch, which holds n, is reset */
				source_forget_behind(&r->src, n->span.end);
			arena_reset(scratch);
		}
		/* An empty or comment-only record is not "no meetings, all clean":
		** it is an input that holds nothing to judge (as eval says). */
		record_reader_finish(&r->rec);
		if (d->n_errors > errors) {
			/* A file that does not parse is not judged at all: never
			** half a meeting.  Drop the entries just added. */
			while (rp->entries.n && rp->entries.items[rp->entries.n - 1].file == file)
				rp->entries.n--;
		}
	}
	flush_diagnostics(rp, d); /* while the file's text is still loaded */
	close_reading(r);
}

/* Record files are sorted by path before indexing, so comparing file indexes
** compares file names: date, then file name, then position in the file. */
static int compare_entries(const void *pa, const void *pb)
{
	const struct entry *a = pa, *b = pb;
	if (a->date != b->date)
		return a->date < b->date ? -1 : 1;
	if (a->file != b->file)
		return a->file < b->file ? -1 : 1;
	return a->item < b->item ? -1 : a->item > b->item;
}


/* ---- checks across meetings ---------------------------------------------------- */

static unsigned line_of(const struct source *src, struct span sp)
{
	unsigned line, col;
	source_position(src, sp.start, &line, &col);
	return line;
}

/* The same meeting in two files (say, exported twice) would be counted twice. */
static void check_duplicate(struct replay *rp, struct body *b, const struct meeting *m)
{
	if (!b->has_last || m->date != b->last_meeting) {
		arena_reset(&b->same_day);
		b->titles_on_last.n = b->files_on_last.n = 0;
	}
	for (size_t i = 0; i < b->titles_on_last.n; i++)
		if (strcmp(b->titles_on_last.items[i], m->title) == 0)
			history_finding(rp, F_DUPLICATE_MEETING, NULL, m->src->name, line_of(m->src, m->span),
			                "\"%s\" on this date is also recorded in %s: both are judged", m->title,
			                b->files_on_last.items[i]);
	VEC_PUSH(rp->arena, b->titles_on_last, arena_strdup(&b->same_day, m->title));
	VEC_PUSH(rp->arena, b->files_on_last, arena_strdup(&b->same_day, m->src->name));
}

static void check_gap(struct replay *rp, struct body *b, const struct terms *t, const struct meeting *m)
{
	qdate limit;
	if (b->has_last && t->meets.set && !t->meets.tba &&
	    date_add(b->last_meeting, t->meets.period, &limit) == DATE_OK && m->date > limit) {
		char prev[DATE_FMT_MAX], cur[DATE_FMT_MAX], dur[DUR_FMT_MAX];
		history_finding(rp, F_MEETING_GAP, t->meets.clause, m->src->name, line_of(m->src, m->span),
		                "no meeting between %s and %s: the terms say the group meets every %s",
		                date_format(b->last_meeting, prev), date_format(m->date, cur),
		                duration_format(t->meets.period, dur));
	}
	if (!b->has_last || m->date > b->last_meeting)
		b->last_meeting = m->date;
	b->has_last = true;
}

/* Judge the year being counted: fewer meetings than the terms ask is a
** breach, cited at the clause. */
static void judge_year(struct replay *rp, const struct year_count *y)
{
	const struct terms *t = y->v->terms;
	if (y->meetings >= t->meets_least.times)
		return;
	char from[DATE_FMT_MAX], to[DATE_FMT_MAX], eff[DATE_FMT_MAX];
	history_finding(rp, F_MEETINGS_SHORT, t->meets_least.clause, y->v->file, line_of(t->src, t->meets_least.decl->span),
	                "%u meeting%s from %s to %s (year %u of the terms in force from %s), but the terms say the group "
	                "meets at least %lld times a year", y->meetings, y->meetings == 1 ? "" : "s",
	                date_format(y->start, from), date_format(y->end - 1, to), y->k, date_format(t->effective, eff),
	                (long long)t->meets_least.times);
}

/* Year k of the version counted: from the k-1th anniversary of its
** effective date to the day before the kth (each counted from the effective
** date, so a year from 29 February runs to 27 February and the next from 28
** February, never drifting).  false past the calendar. */
static bool year_k(struct year_count *y, unsigned k)
{
	qdate eff = y->v->terms->effective;
	y->k = k;
	y->meetings = 0;
	return date_add(eff, (struct duration){ (int32_t)k - 1, DUR_YEARS }, &y->start) == DATE_OK &&
	       date_add(eff, (struct duration){ (int32_t)k, DUR_YEARS }, &y->end) == DATE_OK;
}

/* Judge every year of the version being counted that has ended before
** `day`; the year `day` falls in becomes the one being counted.  false
** when the years leave the calendar. */
static bool years_until(struct replay *rp, struct year_count *y, qdate day)
{
	while (day >= y->end) {
		judge_year(rp, y);
		if (!year_k(y, y->k + 1)) {
			y->v = NULL;
			return false;
		}
	}
	return true;
}

/*
** A meeting of body b under version v on m's date, for `meets at least`.
** When the version changes, the old version's years that ended before the
** new one took effect are judged; the year the change cuts short is not
** (a partial year is never judged, docs/semantics.md#meetings-a-year), nor
** is the year the history ends in.
*/
static void count_meeting_year(struct replay *rp, struct body *b, const struct version *v, const struct meeting *m)
{
	struct year_count *y = &b->year;
	if (y->v && y->v != v) {
		years_until(rp, y, v->terms->effective);
		y->v = NULL;
	}
	const struct terms *t = v->terms;
	if (!t->meets_least.set || !t->has_effective)
		return;
	if (!y->v) {
		y->v = v;
		if (!year_k(y, 1)) {
			y->v = NULL;
			return;
		}
	}
	if (years_until(rp, y, m->date))
		y->meetings++;
}

static const char *motion_attr_string(const struct rec_motion *mo, const char *name)
{
	for (unsigned i = 0; i < mo->n_attrs; i++)
		if (mo->attrs[i].name[0] == name[0] && strcmp(mo->attrs[i].name, name) == 0 && mo->attrs[i].value.type == VT_STR)
			return mo->attrs[i].value.u.str;
	return NULL;
}

static void ratify(struct replay *rp, const struct body *b, const struct meeting *m, const struct motion_result *mr)
{
	const struct rec_motion *mo = mr->motion;
	for (size_t i = 0; i < rp->decisions.n; i++) {
		struct open_decision *od = &rp->decisions.items[i];
		if ((!od->open && !od->expired) || od->body != b || strcmp(od->meeting_title, mo->ratifies_meeting) != 0 ||
		    strcmp(od->motion_number, mo->ratifies_motion) != 0)
			continue;
		struct ratification *rat = od->rat;
		rat->by_meeting = arena_strdup(rp->arena, m->title);
		rat->by_motion = arena_strdup(rp->arena, mo->number);
		rat->by_file = arena_strdup(rp->arena, m->src->name);
		rat->by_date = m->date;
		rat->by_line = line_of(m->src, mo->span);
		char d[DATE_FMT_MAX], dl[DATE_FMT_MAX];
		if (od->expired) {
			od->expired = false;
			rat->status = RATIFIED_LATE;
			history_finding(rp, F_RATIFIED_LATE, od->clause, m->src->name, line_of(m->src, mo->ratifies_span),
			                "\"%s\" motion %s is ratified here, after the time the terms allow (it was reported as not ratified)",
			                od->meeting_title, od->motion_number);
			return;
		}
		od->open = false;
		if (!od->next_meeting && m->date > od->deadline) {
			/* ratify within N days: counted to the ratification's date,
			** even when no meeting came between (docs/semantics.md) */
			rat->status = RATIFIED_LATE;
			history_finding(rp, F_UNRATIFIED, od->clause, m->src->name, line_of(m->src, mo->ratifies_span),
			                "\"%s\" motion %s is ratified on %s, after the deadline of %s the terms allow: it stands unratified",
			                od->meeting_title, od->motion_number, date_format(m->date, d), date_format(od->deadline, dl));
			return;
		}
		if (mr->outcome != OUTCOME_CARRIED) {
			rat->status = RATIFIED_INVALID;
			history_finding(rp, F_RATIFIED_VOID, od->clause, m->src->name, line_of(m->src, mo->ratifies_span),
			                "the ratification of \"%s\" motion %s was %s, so the provisional decision stands unratified",
			                od->meeting_title, od->motion_number, ast_outcome_name(mr->outcome));
			return;
		}
		rat->status = RATIFIED;
		return;
	}
	/* a misspelt meeting title: the nearest of the body's provisional decisions */
	struct spell sp;
	spell_init(&sp, mo->ratifies_meeting);
	for (size_t i = 0; i < rp->decisions.n; i++)
		if (rp->decisions.items[i].body == b && (rp->decisions.items[i].open || rp->decisions.items[i].expired))
			spell_offer(&sp, rp->decisions.items[i].meeting_title);
	history_finding(rp, F_RATIFIES_UNKNOWN, NULL, m->src->name, line_of(m->src, mo->ratifies_span),
	                "ratifies \"%s\" motion %s, but no open provisional decision of that name is in the history%s%s%s",
	                mo->ratifies_meeting, mo->ratifies_motion, sp.best ? "; did you mean \"" : "",
	                sp.best ? sp.best : "", sp.best ? "\"?" : "");
}

static void expire_unratified(struct replay *rp, const struct body *b, qdate today, bool at_end)
{
	for (size_t i = 0; i < rp->decisions.n; i++) {
		struct open_decision *od = &rp->decisions.items[i];
		if (!od->open || (b && od->body != b))
			continue;
		bool overdue = at_end || (od->next_meeting ? today > od->taken : today > od->deadline);
		if (!overdue)
			continue;
		od->open = false;
		od->expired = !at_end; /* a later ratification is then late, not unknown */
		history_finding(rp, F_UNRATIFIED, od->clause, od->file, od->line,
		                "the provisional decision \"%s\" motion %s was not ratified %s",
		                od->meeting_title, od->motion_number,
		                od->next_meeting ? "at the next meeting" : "within the time the terms allow");
	}
}

static void track_motions(struct replay *rp, const struct body *b, const struct meeting_result *r)
{
	const struct meeting *m = r->meeting;
	const struct terms *t = r->terms;
	/* Ratifications first: the next meeting's ratification is on time. */
	for (unsigned i = 0; i < r->n_motions; i++)
		if (r->motions[i].motion->ratifies_meeting)
			ratify(rp, b, m, &r->motions[i]);
	if (!r->virtual_only) /* only a meeting can be "the next meeting" */
		expire_unratified(rp, b, m->date, false);
	const char *kind_attr = attr_name(ATTR_KIND);
	for (unsigned i = 0; i < r->n_motions; i++) {
		const struct motion_result *mr = &r->motions[i];
		const struct rec_motion *mo = mr->motion;
		if (mr->outcome == OUTCOME_PROVISIONAL && mo->is_virtual) { /* not one awaiting approval only */
			struct open_decision od = { b, arena_strdup(rp->arena, m->title), arena_strdup(rp->arena, mo->number),
			                            arena_strdup(rp->arena, m->src->name), line_of(m->src, mo->span),
			                            m->date, t->ratify_next_meeting, 0, t->virtual_clause, true, false, NULL };
			od.rat = arena_alloc(rp->arena, sizeof *od.rat);
			*od.rat = (struct ratification){ NOT_RATIFIED, od.meeting_title, od.motion_number, od.file, m->date,
			                                 od.line, NULL, NULL, NULL, 0, 0 };
			if (rp->dry)
				VEC_PUSH(rp->arena, rp->ratifications, od.rat);
			/* A deadline past year 9999 is never overdue in the history
			** (the end of the history still reports it unratified). */
			if (!t->ratify_next_meeting && date_add(mo->virtual_on, t->ratify_within, &od.deadline) != DATE_OK)
				od.deadline = DATE_LAST_DAY;
			VEC_PUSH(rp->arena, rp->decisions, od);
		}
		const char *kind = mo->n_attrs ? motion_attr_string(mo, kind_attr) : NULL;
		if (kind && strcmp(kind, "amendment") == 0 && !rp->dry) {
			struct amendment am = { b, m->date, mr->outcome, arena_strdup(rp->arena, m->src->name),
			                        line_of(m->src, mo->span) };
			VEC_PUSH(rp->arena, rp->amendments, am);
		}
	}
}

/* Each version after the first should have been adopted by an amendment
** carried after the previous version took effect and by the new date. */
static void check_adoptions(struct replay *rp)
{
	for (size_t bi = 0; bi < rp->bodies.n; bi++) {
		const struct body *b = rp->bodies.items[bi];
		for (size_t vi = 1; vi < b->versions.n; vi++) {
			const struct version *prev = &b->versions.items[vi - 1], *v = &b->versions.items[vi];
			const struct amendment *seen = NULL;
			bool adopted = false;
			for (size_t k = 0; k < rp->amendments.n; k++) {
				const struct amendment *am = &rp->amendments.items[k];
				if (am->body != b || am->date <= prev->terms->effective || am->date > v->terms->effective)
					continue;
				seen = am;
				adopted = adopted || am->outcome == OUTCOME_CARRIED;
			}
			char eff[DATE_FMT_MAX];
			date_format(v->terms->effective, eff);
			unsigned line = line_of(v->terms->src, v->terms->decl->span);
			if (!seen)
				history_finding(rp, F_ADOPTION_MISSING, NULL, v->file, line,
				                "version %s (in force from %s) has no amendment motion in the history that adopted it",
				                v->terms->version ? v->terms->version : "?", eff);
			else if (!adopted)
				history_finding(rp, F_ADOPTION_INVALID, NULL, seen->file, seen->line,
				                "the amendment adopting version %s (in force from %s) was %s under the terms then in force",
				                v->terms->version ? v->terms->version : "?", eff, ast_outcome_name(seen->outcome));
		}
	}
}

/* ---- the run --------------------------------------------------------------------- */

/* A decision awaiting approval, kept for the end of the report. */
static void await_approval(struct replay *rp, const struct meeting_result *r, const struct motion_result *mr)
{
	const struct meeting *m = r->meeting;
	const struct rec_motion *mo = mr->motion;
	struct awaiting_approval w = { arena_strdup(rp->arena, m->title), arena_strdup(rp->arena, mo->number),
	                               arena_strdup(rp->arena, mo->title), arena_strdup(rp->arena, mr->cls->approval_by),
	                               arena_strdup(rp->arena, m->src->name), line_of(m->src, mo->span), m->date };
	VEC_PUSH(rp->arena, rp->awaiting, w);
	rp->summary.awaiting = rp->awaiting.items;
	rp->summary.n_awaiting = (unsigned)rp->awaiting.n;
}

static void tally_result(struct replay *rp, const struct meeting_result *r)
{
	struct replay_summary *s = &rp->summary;
	if (r->virtual_only)
		s->outside_meetings++; /* decisions by e-mail: not a meeting */
	else
		s->meetings++;
	s->motions += r->n_motions;
	s->mismatches += r->mismatches;
	for (int i = 0; i < 4; i++)
		s->by_severity[i] += r->count_by_sev[i];
	for (unsigned i = 0; i < r->n_motions; i++) {
		s->by_outcome[r->motions[i].outcome]++;
		for (const struct finding *f = r->motions[i].findings.first; f; f = f->next)
			s->by_code[f->code]++;
		if (motion_awaits_approval(&r->motions[i]))
			await_approval(rp, r, &r->motions[i]);
	}
	for (const struct finding *f = r->findings.first; f; f = f->next)
		s->by_code[f->code]++;
}

/* "; did you mean \"Anytown Cluster Leadership Group\"?" for a body's name
** the history has no terms for, or "". */
static const char *nearest_body(struct replay *rp, const char *name)
{
	if (!name)
		return "";
	struct spell sp;
	spell_init(&sp, name);
	for (size_t i = 0; i < rp->bodies.n; i++)
		spell_offer(&sp, rp->bodies.items[i]->name);
	return sp.best ? arena_printf(rp->arena, "; did you mean \"%s\"?", sp.best) : "";
}

static struct body *body_of(struct replay *rp, const struct meeting *m)
{
	if (m->terms_name)
		return find_body(rp, m->terms_name);
	return rp->bodies.n == 1 ? rp->bodies.items[0] : NULL;
}

static void annotate_ratifications(struct replay *rp, const struct body *b, const struct meeting *m,
                                   struct meeting_result *r);

static bool any_provisional(const struct meeting_result *r)
{
	for (unsigned i = 0; i < r->n_motions; i++)
		if (r->motions[i].outcome == OUTCOME_PROVISIONAL)
			return true;
	return false;
}
static void judge_all(struct replay *rp, replay_meeting_fn fn, void *ctx, bool index);

static void judge(struct replay *rp, const struct meeting *m, struct arena *arena, const char *sha)
{
	struct body *b = body_of(rp, m);
	struct version *v = b ? version_on(b, m->date) : NULL;
	if (!v) {
		char d[DATE_FMT_MAX], d2[DATE_FMT_MAX];
		const char *body = b ? b->name : m->terms_name ? m->terms_name
		                 : rp->bodies.n ? "the body (the record does not say which)" : "any body";
		if (b)
			history_finding(rp, F_NO_TERMS, NULL, m->src->name, line_of(m->src, m->span),
			                "\"%s\" (%s): no version of the terms of %s was in force on that date (the first takes effect on %s)",
			                m->title, date_format(m->date, d), body,
			                date_format(b->versions.items[0].terms->effective, d2));
		else
			history_finding(rp, F_NO_TERMS, NULL, m->src->name, line_of(m->src, m->span),
			                "\"%s\" (%s): no terms for %s in the history%s", m->title, date_format(m->date, d), body,
			                nearest_body(rp, m->terms_name));
		return;
	}
	if (!v->plan) {
		v->plan = judge_plan_new(rp->arena, v->terms);
		if (rp->sink->findings_counted_only)
			judge_plan_counts_only(v->plan);
	}
	struct meeting_result *r = eval_meeting_planned(arena, v->plan, m);
	if (rp->streaming && any_provisional(r)) {
		/* Its report names what later ratifies it: the one pass cannot
		** know, the indexed way learns it first (a silent pass). */
		rp->restart = true;
		return;
	}
	if (rp->dry) {
		track_motions(rp, b, r);
		return;
	}
	if (!v->used)
		rp->summary.versions_used++;
	v->used = true;
	check_duplicate(rp, b, m);
	if (!r->virtual_only) { /* decisions by e-mail are not meetings */
		check_gap(rp, b, v->terms, m);
		count_meeting_year(rp, b, v, m);
	}
	annotate_ratifications(rp, b, m, r);
	track_motions(rp, b, r);
	tally_result(rp, r);
	struct replay_meta meta = { m->src->name, v->file, "", "" };
	memcpy(meta.record_sha256, sha, SHA256_HEX_SIZE);
	memcpy(meta.terms_sha256, v->sha256, SHA256_HEX_SIZE);
	rp->sink->meeting(rp->sink->ctx, r, &meta);
}

static void release(struct replay *rp);

static void judge_each(void *ctx, const struct meeting *m, struct arena *arena, const char *sha)
{
	judge(ctx, m, arena, sha);
}

/* What the silent pass learnt of each provisional decision, found again by
** its body, meeting and motion. */
static struct ratification *ratification_of(struct replay *rp, const char *meeting, const char *motion, qdate taken)
{
	for (size_t i = 0; i < rp->ratifications.n; i++) {
		struct ratification *x = rp->ratifications.items[i];
		if (x->taken == taken && strcmp(x->meeting, meeting) == 0 && strcmp(x->motion, motion) == 0)
			return x;
	}
	return NULL;
}

/* The provisional decisions of this meeting: by what they were ratified;
** its ratifying motions: what they ratify. */
static void annotate_ratifications(struct replay *rp, const struct body *b, const struct meeting *m,
                                   struct meeting_result *r)
{
	(void)b;
	for (unsigned i = 0; i < r->n_motions; i++) {
		struct motion_result *mr = &r->motions[i];
		const struct rec_motion *mo = mr->motion;
		if (mr->outcome == OUTCOME_PROVISIONAL && mo->is_virtual) {
			mr->ratified_by = ratification_of(rp, m->title, mo->number, m->date);
			if (mr->ratified_by && mr->ratified_by->status == RATIFIED)
				rp->summary.ratified++;
			else
				rp->summary.still_provisional++;
		}
		if (mo->ratifies_meeting)
			for (size_t k = 0; k < rp->ratifications.n && !mr->ratifies; k++) {
				const struct ratification *x = rp->ratifications.items[k];
				if (x->by_meeting && x->by_date == m->date && strcmp(x->by_meeting, m->title) == 0 &&
				    strcmp(x->by_motion, mo->number) == 0)
					mr->ratifies = x;
			}
	}
}

/* Forget what the silent pass did, but what it learnt of ratifications. */
/* Each body as before its first meeting (the versions' use too, if asked). */
static void forget_bodies(struct replay *rp, bool versions)
{
	for (size_t i = 0; i < rp->bodies.n; i++) {
		struct body *b = rp->bodies.items[i];
		b->has_last = false;
		memset(&b->year, 0, sizeof b->year);
		arena_reset(&b->same_day);
		b->titles_on_last.n = b->files_on_last.n = 0;
		for (size_t k = 0; versions && k < b->versions.n; k++)
			b->versions.items[k].used = false;
	}
}

static void after_silent_pass(struct replay *rp)
{
	rp->dry = false;
	rp->decisions.n = 0;
	forget_bodies(rp, false);
}

/* ---- the one pass -------------------------------------------------------------- */

/* Record files above this size are judged meeting by meeting as they are
** parsed; smaller ones are parsed whole first, so that a syntax error
** anywhere in one leaves all its meetings unjudged, as the indexed way does. */
#define STREAM_WHOLE_BYTES (1u << 20)

/* The one pass met a meeting whose date goes backwards: it stops, and the
** history is judged the indexed way (replay_run). */
static bool in_order(struct replay *rp, const struct meeting *m)
{
	if (rp->have_last && m->date < rp->last_date) {
		rp->restart = true;
		return false;
	}
	rp->have_last = true;
	rp->last_date = m->date;
	return true;
}

/* Judge one meeting of the one pass (its model in meeting_arena), the
** file's hash first ended where it is being taken (stream_file). */
static bool stream_meeting(struct replay *rp, const struct meeting *m)
{
	if (!in_order(rp, m))
		return false;
	rp->meetings_read++;
	if (rp->reading.hashing) {
		source_hash_end(&rp->reading.src, rp->reading.sha256);
		rp->reading.hashing = false;
	}
	judge(rp, m, &rp->meeting_arena, rp->reading.sha256);
	arena_reset(&rp->meeting_arena);
	return !rp->restart;
}

/*
** A file that can be reached by two paths (a hard link, a symbolic link, a
** file named and also in a named directory) is read under the first of its
** paths only, as the indexed way keeps it (keep_each_file_once).  Only
** those files are remembered, so memory does not grow with the history.
*/
static bool read_before(struct replay *rp, const struct stat *st, bool through_link)
{
	struct id_slot *slot = NULL;
	if (through_link || st->st_nlink > 1) {
		slot = id_slot(rp, st->st_dev, st->st_ino);
	} else if (rp->once.n) {
		struct id_set *s = &rp->once;
		for (size_t j = id_hash(st->st_dev, st->st_ino) & (s->cap - 1); s->slots[j].used; j = (j + 1) & (s->cap - 1))
			if (s->slots[j].dev == st->st_dev && s->slots[j].ino == st->st_ino)
				slot = &s->slots[j];
	}
	if (!slot)
		return false;
	if (slot->seen)
		return true;
	slot->seen = true;
	return false;
}

/* The meetings of a native record read so far (whole files). */
static void stream_native(struct replay *rp, struct reading *r, struct diag_sink *d, unsigned errors)
{
	if (r->src.len <= STREAM_WHOLE_BYTES) {
		/* a syntax tree (the full path) or a model (the fast path) */
		struct item { const struct node *node; struct meeting *model; };
		VEC(struct item) items = { 0 };
		struct item it;
		while (record_reader_next(&r->rec, &r->file_arena, &it.node, &it.model))
			VEC_PUSH(&r->file_arena, items, it);
		record_reader_finish(&r->rec);
		if (d->n_errors > errors) {
			/* A file that does not parse is not judged at all: never
			** half a meeting. */
			rp->summary.malformed_files++;
			return;
		}
		for (size_t i = 0; i < items.n; i++) {
			const struct item *x = &items.items[i];
			if (!stream_meeting(rp, x->model ? x->model : minutes_from_ast(&rp->meeting_arena, d, x->node, &r->src)))
				return;
		}
		return;
	}
	/* A long file: each meeting judged as it is read.  If the file turns
	** out malformed after some were judged, the history is judged again
	** the indexed way, which does not judge it at all. */
	const struct node *n;
	struct meeting *model;
	while (record_reader_next(&r->rec, &rp->scratch, &n, &model)) {
		if (d->n_errors > errors) {
			rp->restart = rp->meetings_read > 0 || rp->restart;
			break;
		}
		uint32_t end = model ? model->span.end : n->span.end; /* both in scratch */
		bool ok = stream_meeting(rp, model ? model : minutes_from_ast(&rp->meeting_arena, d, n, &r->src));
		arena_reset(&rp->scratch);
		source_forget_behind(&r->src, end);
		if (!ok)
			return;
	}
	record_reader_finish(&r->rec);
	if (d->n_errors > errors) {
		rp->summary.malformed_files++;
		rp->restart = true; /* some of its meetings may have been judged */
	}
}

/* Read one record file and judge its meetings (the one pass): the file
** `name` of the directory open as dirfd, `path` from where replay runs;
** ahead: its place among the files read ahead (read_ahead), or -1. */
static bool stream_file(struct replay *rp, int dirfd, const char *name, const char *path, bool through_link,
                        int ahead)
{
	struct reading *r = &rp->reading;
	close_reading(r);
	struct diag_sink d;
	diag_init(&d, &r->file_arena);
	struct stat st;
	const char *why = NULL;
	bool read_ahead = ahead >= 0 && source_ahead_take(rp->ahead, (unsigned)ahead, &r->src, &r->file_arena, path, &st) == 0;
	if (!read_ahead && source_map_at(&r->src, &r->file_arena, dirfd, name, path, &st, &rp->read_fds, &why) != 0) {
		if (fstatat(dirfd, name, &st, 0) == 0 && read_before(rp, &st, through_link))
			return true;
		rp->summary.record_files++;
		diag_report(&d, D_INPUT, (struct loc){ NULL, 0, 0 }, "cannot read %s: %s", path, why);
		rp->summary.malformed_files++;
		flush_diagnostics(rp, &d);
		rp->files_shown++;
		return true;
	}
	if (read_before(rp, &st, through_link))
		return true;
	rp->summary.record_files++;
	/* the hash taken as the file is read: by the time its first meeting
	** is judged, reading it has most often brought in the whole file */
	r->sha256[0] = '\0';
	if (!rp->sink->no_hashes) {
		source_hash_begin(&r->src);
		r->hashing = true;
	}
	unsigned errors = d.n_errors;
	if (!record_reader_open(&r->rec, &r->file_arena, &d, &r->src, rp->names, rp->json_ids)) {
		rp->summary.malformed_files++; /* a JSON record that cannot be read */
	} else if (r->rec.json) {
		const struct node *n;
		struct meeting *json;
		if (record_reader_next(&r->rec, &r->file_arena, &n, &json))
			stream_meeting(rp, json);
	} else {
		stream_native(rp, r, &d, errors);
	}
	if (rp->restart)
		return false; /* its diagnostics are shown by the indexed way */
	flush_diagnostics(rp, &d);
	rp->files_shown++;
	close_reading(r);
	return true;
}

/* The history as it was before any record was read: what the indexed way
** starts from when the one pass stops. */
static void forget_meetings(struct replay *rp)
{
	rp->summary = rp->before_meetings;
	forget_bodies(rp, true);
	rp->decisions.n = 0;
	rp->amendments.n = 0;
	rp->ratifications.n = 0;
	rp->awaiting.n = 0;
	rp->have_last = false;
	rp->meetings_read = 0;
	rp->restart = false;
	close_reading(&rp->reading);
	arena_reset(&rp->meeting_arena);
	arena_reset(&rp->scratch);
}

/* Walk the paths given, in the order of the files' paths, judging each
** meeting as it is read.  false: a date went backwards (or a long file was
** malformed): nothing it did counts, and the sink was told to forget it. */
static bool one_pass(struct replay *rp)
{
	struct mem *mem = rp->arena->mem;
	jmp_buf *outer = mem->on_oom;
	jmp_buf here;
	mem->on_oom = &here;
	if (setjmp(here)) {
		mem->on_oom = outer;
		release(rp);
		mem_fail(mem);
	}
	rp->before_meetings = rp->summary;
	if (rp->paths.n)
		sort_array(rp->paths.items, rp->paths.n, sizeof *rp->paths.items, compare_path_keys);
	rp->streaming = true;
	rp->ahead = source_ahead_new();
	walk_paths(rp, WALK_STREAM);
	rp->streaming = false;
	source_ahead_free(rp->ahead);
	rp->ahead = NULL;
	source_fds_close(&rp->read_fds);
	mem->on_oom = outer;
	if (!rp->restart) {
		if (rp->meetings_read == 0)
			diag_report(rp->diag, D_MISSING, (struct loc){ NULL, 0, 0 },
			            "the history holds no meeting that could be read: nothing was judged");
		flush_diagnostics(rp, rp->diag);
		return true;
	}
	rp->sink->rewind(rp->sink->ctx);
	forget_meetings(rp);
	return false;
}

void replay_run(struct replay *rp, const struct replay_sink *sink)
{
	rp->sink = sink;
	load_terms(rp);
	flush_diagnostics(rp, rp->diag);
	if (!sink->rewind || !one_pass(rp)) {
		rp->dry = true; /* judge_all turns it off when the index finds no virtual decision */
		judge_all(rp, judge_each, rp, true);
		if (rp->dry) {
			expire_unratified(rp, NULL, 0, true);
			after_silent_pass(rp);
			judge_all(rp, judge_each, rp, false);
		}
	}
	expire_unratified(rp, NULL, 0, true);
	check_adoptions(rp);
	release(rp);
}

/* Free everything a run holds (also on the way out of memory). */
static void release(struct replay *rp)
{
	source_ahead_free(rp->ahead);
	rp->ahead = NULL;
	source_fds_close(&rp->read_fds);
	close_reading(&rp->reading);
	close_reading(&rp->index_reading);
	fastrec_names_release(rp->names);
	arena_free(&rp->reading.file_arena);
	arena_free(&rp->index_reading.file_arena);
	arena_free(&rp->meeting_arena);
	arena_free(&rp->scratch);
	free_walk(rp);
	for (size_t i = 0; i < rp->bodies.n; i++)
		arena_free(&rp->bodies.items[i]->same_day);
}

static void index_all(struct replay *rp)
{
	walk_paths(rp, WALK_LIST);
	keep_each_file_once(rp->records.items, &rp->records.n);
	rp->summary.record_files = (unsigned)rp->records.n;
	for (unsigned f = 0; f < rp->records.n; f++) {
		struct diag_sink d;
		diag_init(&d, &rp->meeting_arena); /* scratch is reset item by item */
		rp->quiet = f < rp->files_shown;
		index_file(rp, f, &rp->scratch, &d);
		rp->quiet = false;
		if (d.n_errors)
			rp->summary.malformed_files++;
		arena_reset(&rp->scratch);
		arena_reset(&rp->meeting_arena);
	}
	if (rp->entries.n)
		sort_array(rp->entries.items, rp->entries.n, sizeof *rp->entries.items, compare_entries);
	else
		diag_report(rp->diag, D_MISSING, (struct loc){ NULL, 0, 0 },
		            "the history holds no meeting that could be read: nothing was judged");
	flush_diagnostics(rp, rp->diag);
}

/* Index the inputs (when `index`), then every meeting in order to fn, one
** at a time.  The silent pass (rp->dry) says nothing about the inputs: the
** second pass does. */
static void judge_all(struct replay *rp, replay_meeting_fn fn, void *ctx, bool index)
{
	/* The reader's flex and bison state and these arenas are not in the
	** caller's arena: free them before passing an out-of-memory jump on. */
	struct mem *mem = rp->arena->mem;
	jmp_buf *outer = mem->on_oom;
	jmp_buf here;
	mem->on_oom = &here;
	if (setjmp(here)) {
		mem->on_oom = outer;
		release(rp);
		mem_fail(mem);
	}
	if (index) {
		bool silent = rp->dry;
		rp->dry = false; /* the index reports every input, once */
		index_all(rp);
		rp->dry = silent && rp->has_virtual;
	}
	for (size_t i = 0; i < rp->entries.n; i++) { /* one meeting at a time */
		const struct entry *e = &rp->entries.items[i];
		struct diag_sink d;
		diag_init(&d, &rp->meeting_arena);
		struct meeting *m = read_meeting(rp, &rp->reading, e->file, e->item, &rp->meeting_arena, &d);
		if (m)
			fn(ctx, m, &rp->meeting_arena, rp->reading.sha256);
		else if (d.n_errors && !rp->dry)
			rp->summary.malformed_files++; /* a skimmed file that does not parse */
		if (!rp->dry) {
			rp->quiet = e->file < rp->files_shown;
			flush_diagnostics(rp, &d);
			rp->quiet = false;
		}
		arena_reset(&rp->meeting_arena);
	}
	close_reading(&rp->reading);
	mem->on_oom = outer;
}

void replay_for_each(struct replay *rp, replay_meeting_fn fn, void *ctx)
{
	judge_all(rp, fn, ctx, true);
	release(rp);
}

/*
** minutes_json: a meeting record written as JSON, read in one pass into the
** same `struct meeting` as the native syntax (record/minutes.c).  The shape is
** docs/schema/minutes.schema.json.
**
** Reading is strict, because a record is evidence: an unknown key is an
** error (a typo such as "recorderd" must not silently drop the outcome), and
** so is a value of the wrong type.  Every problem is reported, reading goes on
** where it can, and any error makes the result NULL.  Every message about a
** value names its JSON path (`items[3].motion.votes.for[2]: ...`).
**
** One pass, no tree (json_scan): the text is scanned once, and the schema
** decides what each value must be as it is met (a motion's "votes" go
** straight into the motion).  Every value's position is known as it is
** scanned, so diagnostics and the model's spans point at the JSON text, as
** they point at the native text, and findings cite the record's line.  A
** record that is not valid JSON gets one diagnostic, the first syntax error,
** and nothing else.  So messages about values wait in a list until the end
** of the text, and are dropped if a syntax error comes first; sorted by
** place, as the native reader's are.
**
** What a message points at is kept as it was when this reader sat on a JSON
** tree whose true, false and null had no position of their own: a message
** about one of them points at its key, or at the enclosing array.
**
** Numbers are exact: a JSON number is read from its text, never through a
** binary fraction, so 31000.50 is 3100050/100 and keeps its two decimals for
** the reports.  A tally is a whole number however it is written (3, 3.0,
** 3e0; 3.5 is refused).  A motion attribute may also be a decimal string
** ("40000.50", "66.67%"), read by rat_parse as the native scanner reads a
** number.
**
** Memory: everything is in the caller's arenas; a syntax error unwinds with
** the reader's own longjmp, and running out of memory with the arenas' jump,
** neither of which leaves anything to free.  The keys of a schema's object
** are checked for duplicates with a bit each; only other keys are hashed.
**
** Why not a JSON library: jansson (which read records until issue 16) builds
** a tree with a malloc per value and keeps no positions: 160 instructions a
** byte with the walk that found them; yajl's streaming parser needs 28 a
** byte before any schema work, against about 9 for json_scan (one JSON
** record per meeting, bench/: docs/performance.md#json-records).
*/
#include "record/minutes_json.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/sbuf.h"
#include "base/sort.h"
#include "front/names.h"
#include "front/parse.h"   /* PARSE_MAX_IDENT, PARSE_MAX_STRING: the native limits */
#include "record/json_scan.h"
#include "record/name_key.h"

#define TALLY_MAX 1000000
#define PATH_CAP 320
#define PATH_DEPTH 16            /* the schema is 6 levels deep: items[i].motion.votes.for[k] */

struct vote_vec { struct rec_vote *items; size_t n, cap; };
struct step_vec { struct rec_step *items; size_t n, cap; };
struct attr_vec { struct attr *items; size_t n, cap; };

/* A message about a value, held until the end of the text (see above). */
struct pending {
	enum diag_code code;
	struct span at;
	const char *msg;
	size_t seq;         /* order of finding, for a stable sort */
};

/* A named vote as read, with where it was (for the limit's message). */
struct read_vote {
	struct rec_vote vote;
	size_t index;
};

struct read_votes {
	struct read_vote *items;
	size_t n, cap;
};

/* A table of member ids: one pointer for each (intern_id). */
struct json_ids {
	struct arena *arena; /* the table, and the run's copies of its ids */
	struct id_slot {
		const char *id;
		uint64_t tail;
		uint32_t hash, len;
	} *slots;
	size_t cap, n;
};

/* The run's table takes at most this many ids (the files' own take the
** rest): bounded, as fastrec's run table is (FASTREC_MAX_NAMES). */
#define JSON_RUN_IDS 4096

struct json_ids *json_ids_new(struct arena *a)
{
	struct json_ids *t = arena_alloc(a, sizeof *t);
	t->arena = a;
	return t;
}

struct jreader {
	struct jscan scan;
	struct arena *arena;
	unsigned n_names;   /* names read so far, against MINUTES_MAX_NAMES (as minutes.c counts) */
	bool motions_full;  /* MINUTES_MAX_MOTIONS was reported */
	VEC(struct pending) pending;
	size_t seq;

	/* The path of the value being read, rendered only for a message. */
	struct {
		const char *key;  /* NULL: an array index */
		size_t index;
	} path[PATH_DEPTH];
	unsigned depth;
	struct span at;     /* the value being read: where messages point */

	/* member ids, one pointer each (intern_id): the run's table (`run`,
	** json_ids_new) where the caller gave one, and this file's own for the
	** ids the run's table has no room for (at most MINUTES_MAX_NAMES names
	** are read, so it is bounded too); `run` is &own where there is none */
	struct json_ids own;
	struct json_ids *run;
	bool general_only;            /* no lean path (minutes_json_read_paths, for tests) */
	struct read_votes by_kind[3]; /* a motion's votes by kind, as read (read_votes) */
	struct read_votes ids_read;   /* an array of ids, as read (read_names) */
};

static const struct span NO_SPAN = { 0, 0 };

/* Values true, false and null are pointed at by their key (see above). */
static bool is_singleton(const struct jvalue *v)
{
	return v->type == J_TRUE || v->type == J_FALSE || v->type == J_NULL;
}

/* ==== paths and messages ======================================================= */

/* Text from the file, made safe for a one-line message: control characters
** become '?', and long text is cut (on a character boundary) with "...". */
static void printable(char *out, size_t cap, const char *s)
{
	size_t n = 0, limit = cap > 4 ? cap - 4 : 0;
	for (; *s && n < limit; s++)
		out[n++] = (unsigned char)*s < 0x20 || *s == 0x7f ? '?' : *s;
	if (*s) {
		while (n > 0 && ((unsigned char)out[n - 1] & 0xC0) == 0x80)
			n--;
		if (n > 0 && ((unsigned char)out[n - 1] & 0xC0) == 0xC0)
			n--;  /* drop a lead byte whose continuation was cut */
		memcpy(out + n, "...", 3);
		n += 3;
	}
	out[n] = '\0';
}

/* What enter_* saves, to go back out. */
struct mark {
	unsigned depth;
	struct span at;
};

static void path_push(struct jreader *r, const char *key, size_t index)
{
	if (r->depth < PATH_DEPTH) {
		r->path[r->depth].key = key;
		r->path[r->depth].index = index;
	}
	r->depth++;
}

/* Enter the member of an object whose key is `key` (NUL-terminated) and value v. */
static struct mark enter_key(struct jreader *r, const char *key, const struct jvalue *v)
{
	struct mark m = { r->depth, r->at };
	path_push(r, key, 0);
	r->at = is_singleton(v) ? v->key : v->span;
	return m;
}

/* Enter element i of an array, whose value is v. */
static struct mark enter_index(struct jreader *r, size_t i, const struct jvalue *v)
{
	struct mark m = { r->depth, r->at };
	path_push(r, NULL, i);
	if (!is_singleton(v))
		r->at = v->span;
	return m;
}

static void leave(struct jreader *r, struct mark m)
{
	r->depth = m.depth;
	r->at = m.at;
}

/* A container's span is complete once it has been read: point at all of it. */
static void at_whole(struct jreader *r, const struct jvalue *v)
{
	if (!is_singleton(v))
		r->at = v->span;
}

static void path_put(char *path, size_t *len, const char *text)
{
	size_t n = strlen(text);
	if (*len + n >= PATH_CAP)
		n = PATH_CAP - 1 - *len;
	memcpy(path + *len, text, n);
	*len += n;
	path[*len] = '\0';
}

static const char *render_path(const struct jreader *r, char *path)
{
	size_t len = 0;
	path[0] = '\0';
	unsigned depth = r->depth < PATH_DEPTH ? r->depth : PATH_DEPTH;
	for (unsigned i = 0; i < depth; i++) {
		char buf[72];
		if (r->path[i].key) {
			printable(buf, sizeof buf, r->path[i].key);
			if (len)
				path_put(path, &len, ".");
		} else {
			snprintf(buf, sizeof buf, "[%zu]", r->path[i].index);
		}
		path_put(path, &len, buf);
	}
	return len ? path : "the record";
}

static void fail(struct jreader *r, enum diag_code code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* A problem with the value at the current path (reported at the end). */
static void fail(struct jreader *r, enum diag_code code, const char *fmt, ...)
{
	char msg[512], path[PATH_CAP];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	struct pending p = { code, r->at, arena_printf(r->arena, "%s: %s", render_path(r, path), msg), r->seq++ };
	VEC_PUSH(r->arena, r->pending, p);
}

/*
** Some values are read before it is known whether they count (the first of
** an item's keys, when a second follows, does not): the messages found from
** `from` to `to` (marks: r->pending.n then) are dropped.
*/
static void drop_messages(struct jreader *r, size_t from, size_t to)
{
	if (from == to)
		return;
	memmove(r->pending.items + from, r->pending.items + to, (r->pending.n - to) * sizeof *r->pending.items);
	r->pending.n -= to - from;
}

static const char *json_kind(const struct jvalue *v)
{
	switch (v->type) {
	case J_OBJECT: return "an object";
	case J_ARRAY: return "an array";
	case J_STRING: return "a string";
	case J_INTEGER: return "a whole number";
	case J_REAL: return "a number with a fraction";
	case J_TRUE: return "true";
	case J_FALSE: return "false";
	case J_NULL: return "null";
	}
	return "a value";
}

/* v is not what was wanted: read past it and say so, pointing at all of it. */
static void fail_type(struct jreader *r, struct jvalue *v, const char *want)
{
	jscan_skip(&r->scan, v);
	at_whole(r, v);
	fail(r, D_TYPE, "expected %s, found %s", want, json_kind(v));
}

/* ==== keys ==================================================================== */

/* Edit distance (Levenshtein), for "did you mean"; 99 when too long to matter. */
static unsigned edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la > 40 || lb > 40)
		return 99;
	unsigned row[41];
	for (size_t j = 0; j <= lb; j++)
		row[j] = (unsigned)j;
	for (size_t i = 1; i <= la; i++) {
		unsigned diag = row[0];
		row[0] = (unsigned)i;
		for (size_t j = 1; j <= lb; j++) {
			unsigned up = row[j];
			unsigned best = diag + (a[i - 1] != b[j - 1]);
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	return row[lb];
}

/*
** A key that is not one of `known_keys`: reported at the key, with a suggestion
** when one is close (computed only here, for a key that is wrong); its value
** is read past.  `what` names the object.
*/
static void unknown_key(struct jreader *r, const struct jvalue *key, struct jvalue *v,
                        const struct jscan_key *known_keys, const char *what)
{
	jscan_skip(&r->scan, v);
	const char *text = jscan_key_text(&r->scan, key);
	const char *near = NULL;
	unsigned best = 3;
	for (const struct jscan_key *k = known_keys; k->name; k++) {
		unsigned d = edit_distance(text, k->name);
		if (d < best) {
			best = d;
			near = k->name;
		}
	}
	struct span saved = r->at;
	r->at = key->span;
	char shown[72];
	printable(shown, sizeof shown, text);
	if (near) {
		fail(r, D_SYNTAX, "unknown key \"%s\" in %s (did you mean \"%s\"?)", shown, what, near);
	} else {
		char list[256] = "";
		size_t n = 0;
		for (const struct jscan_key *k = known_keys; k->name && n < sizeof list - 1; k++)
			n += (size_t)snprintf(list + n, sizeof list - n, "%s\"%s\"", k == known_keys ? "" : ", ", k->name);
		fail(r, D_SYNTAX, "unknown key \"%s\" in %s (known keys: %s)", shown, what, list);
	}
	r->at = saved;
}

/* ==== scalar values ============================================================ */

/* A string (in the arena), or NULL (reported).  `want` says what it is. */
static const char *read_string(struct jreader *r, struct jvalue *v, const char *want)
{
	if (v->type != J_STRING) {
		fail_type(r, v, want);
		return NULL;
	}
	if (v->len > PARSE_MAX_STRING) {
		fail(r, D_LIMIT, "string longer than %d bytes", PARSE_MAX_STRING);
		return NULL;
	}
	return v->str;
}

/* A name as the native syntax reads it (front/names.h): letters in any
** script, digits and _, kept composed; NULL if it is not one. */
static const char *as_name(struct jreader *r, const char *s, size_t len)
{
	size_t bad, bad_len;
	return len > 0 ? name_make(r->arena, s, len, &bad, &bad_len) : NULL;
}

/* The bytes of a name of ASCII: 1 a letter or '_', 2 a digit. */
static const unsigned char ascii_name_char[256] = {
	['0'] = 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
	['A'] = 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	['_'] = 1,
	['a'] = 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
};

/* Letters, digits and '_' of ASCII only, not starting with a digit: a name
** as it is written, with nothing to check or compose (name_make's work,
** a tenth of reading a JSON record, spared for the ids most records have).
** Its name_tail, found on the way, in *tail. */
static bool ascii_name(const char *s, size_t len, uint64_t *tail)
{
	if (len == 0 || ascii_name_char[(unsigned char)s[0]] != 1)
		return false;
	uint64_t t = 0;
	unsigned char all = 1;
	for (size_t i = 0; i < len; i++) {
		all &= ascii_name_char[(unsigned char)s[i]] != 0; /* tested once, after the loop */
		t = NAME_TAIL_STEP(t, s[i]);
	}
	*tail = t;
	return all;
}

/* The one pointer of a member id, its text [id, id + len) with its key
** (record/name_key.h), within the record (and within the run, for the ids
** of the run's table): the judge finds a member by its id's address before
** it compares text (eval.c's memo), as the native reader interns names.
** An id not met before is copied when it is not NUL-terminated
** (`terminated`: it points into the JSON text) or goes to the run's table.
** Inline: it is called for every vote. */
static const char *intern_new_id(struct jreader *r, const char *id, size_t len, uint64_t tail, uint32_t h,
                                 bool terminated);

/* The id [id, id + len) (of this hash and tail) in table t, or NULL. */
static inline __attribute__((always_inline)) const char *find_id(const struct json_ids *t, const char *id, size_t len,
                                                                   uint64_t tail, uint32_t h)
{
	for (size_t j = h & (t->cap - 1); t->cap && t->slots[j].id; j = (j + 1) & (t->cap - 1)) {
		const struct id_slot *s = &t->slots[j];
		if (name_key_equal(s->id, s->hash, s->tail, s->len, id, len, h, tail))
			return s->id;
	}
	return NULL;
}

static inline __attribute__((always_inline)) const char *intern_id(struct jreader *r, const char *id, size_t len,
                                                                     uint64_t tail, bool terminated)
{
	uint32_t h = name_hash(id, len, tail);
	const char *found = find_id(r->run, id, len, tail, h);
	if (!found && r->run != &r->own)
		found = find_id(&r->own, id, len, tail, h);
	return found ? found : intern_new_id(r, id, len, tail, h, terminated);
}

/*
** intern_id for an id not met before: into the run's table while it has
** room, as a copy in the run's arena (the id may point into this file's
** text or arena, which go before the run's table does); otherwise into the
** file's own, copied only when not NUL-terminated.  The table grows (a new
** array, filled) before it changes: out of memory leaves it whole.
*/
static const char *intern_new_id(struct jreader *r, const char *id, size_t len, uint64_t tail, uint32_t h,
                                 bool terminated)
{
	struct json_ids *t = r->run != &r->own && r->run->n < JSON_RUN_IDS ? r->run : &r->own;
	if (t != &r->own || !terminated)
		id = arena_strndup(t->arena, id, len);
	if (2 * (t->n + 1) > t->cap) {
		size_t cap = t->cap ? 2 * t->cap : 64;
		struct id_slot *grown = arena_array(t->arena, cap, sizeof *grown);
		for (size_t i = 0; i < t->cap; i++) {
			if (!t->slots[i].id)
				continue;
			size_t j = t->slots[i].hash & (cap - 1);
			while (grown[j].id)
				j = (j + 1) & (cap - 1);
			grown[j] = t->slots[i];
		}
		t->slots = grown;
		t->cap = cap;
	}
	size_t j = h & (t->cap - 1);
	while (t->slots[j].id)
		j = (j + 1) & (t->cap - 1);
	t->slots[j] = (struct id_slot){ id, tail, h, (uint32_t)len };
	t->n++;
	return id;
}

/* A member id as the native syntax writes it: letters, digits and '_'. */
static const char *read_id(struct jreader *r, struct jvalue *v)
{
	if (v->type != J_STRING) {
		fail_type(r, v, "a string (a member id)");
		return NULL;
	}
	/* the text of the string (NUL-terminated or not: raw_strings) as it
	** is, when it is a name of ASCII; otherwise as name_make makes it */
	uint64_t tail;
	if (v->len <= PARSE_MAX_IDENT && ascii_name(v->str, v->len, &tail))
		return intern_id(r, v->str, v->len, tail, v->terminated);
	const char *id = v->len > PARSE_MAX_IDENT ? NULL : as_name(r, v->str, v->len);
	if (!id) {
		char shown[72];
		printable(shown, sizeof shown, jscan_key_text(&r->scan, v));
		if (v->len > PARSE_MAX_IDENT)
			fail(r, D_LIMIT, "member id longer than %d characters: \"%s\"", PARSE_MAX_IDENT, shown);
		else
			fail(r, D_TYPE, "\"%s\" is not a member id (an id is letters, digits and _, "
			                "not starting with a digit, as in the terms)", shown);
		return NULL;
	}
	size_t len = strlen(id);
	return intern_id(r, id, len, name_tail(id, len), true);
}

/* The name_tail of [s, s + len), 0 < len, in the text that ends at `end`:
** its last eight bytes as one load where eight can be read (on a
** little-endian machine), otherwise a byte at a time. */
static inline uint64_t tail_of(const char *s, size_t len, const char *end)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	uint64_t w;
	if (len >= 8) {
		memcpy(&w, s + len - 8, 8);
		return __builtin_bswap64(w);
	}
	if (end - s >= 8) {
		memcpy(&w, s, 8);
		return __builtin_bswap64(w) >> (64 - 8 * len);
	}
#else
	(void)end;
#endif
	return name_tail(s, len);
}

/* A member id as a name, at the current position. */
static bool read_name(struct jreader *r, struct jvalue *v, struct rec_name *out)
{
	const char *id = read_id(r, v);
	if (!id)
		return false;
	*out = (struct rec_name){ id, r->at, NULL };
	return true;
}

/*
** An element of a run of strings of ascii_name_char (jscan_strings_of) as
** a name: only its first byte and its length are left to look at before
** it is interned.  false when it is not a name, and nothing is reported
** (plain_name_reported does, as read_name would).
*/
static inline bool plain_name(struct jreader *r, const struct jscan_str *e, struct rec_name *out)
{
	if (e->len == 0 || e->len > PARSE_MAX_IDENT || ascii_name_char[(unsigned char)e->str[0]] != 1)
		return false;
	out->id = intern_id(r, e->str, e->len, tail_of(e->str, e->len, r->scan.end), false);
	out->span = (struct span){ e->at, e->at + e->len + 2 };
	out->reason = NULL;
	return true;
}

/* read_name for element `index` of a run of strings, at its place. */
static bool plain_name_reported(struct jreader *r, const struct jscan_str *e, size_t index, struct rec_name *out)
{
	struct jvalue v = { .type = J_STRING, .span = { e->at, e->at + e->len + 2 }, .str = e->str, .len = e->len,
	                    .terminated = false };
	struct mark mk = enter_index(r, index, &v);
	bool ok = read_name(r, &v, out);
	leave(r, mk);
	return ok;
}

/* Room in `v` for `more` votes (a run's worth at the first). */
static void reserve_votes(struct jreader *r, struct read_votes *v, size_t more)
{
	if (v->n + more <= v->cap)
		return;
	size_t cap = v->cap ? 2 * v->cap : 32;
	while (cap < v->n + more)
		cap *= 2;
	/* not cleared: only the first n are read (at most MINUTES_MAX_NAMES + 32
	** a list, so the size cannot overflow) */
	struct read_vote *grown = arena_alloc_uninit(r->arena, cap * sizeof *grown);
	if (v->n)
		memcpy(grown, v->items, v->n * sizeof *grown);
	v->items = grown;
	v->cap = cap;
}

/*
** The member ids of the array v, appended to `out` as votes of `kind` with
** their indexes (those that are ids; the others reported).  Runs of plain
** ids are read a run at a time (jscan_strings_of); anything else as
** jscan_element reads it.
*/
static inline const char *lean_ids(struct jreader *r, const char *p, enum vote_kind kind,
                                   struct read_votes *out, size_t *count);

static void read_id_array(struct jreader *r, struct jvalue *v, enum vote_kind kind, struct read_votes *out)
{
	/* The lean path's, where the array is all plain ids (see lean_motion_members). */
	size_t count;
	const char *past = v->n == 0 && !r->general_only ? lean_ids(r, r->scan.p, kind, out, &count) : NULL;
	if (past) {
		v->n = (unsigned)count;
		v->span.end = (uint32_t)(past - r->scan.text);
		r->scan.p = past;
		return;
	}
	struct jscan_str run[32];
	r->scan.raw_strings = true; /* ids: copied by intern_id, once each */
	for (;;) {
		bool ended;
		size_t first = v->n, got = jscan_strings_of(&r->scan, v, ascii_name_char, run, 32, &ended);
		reserve_votes(r, out, got);
		for (size_t i = 0; i < got; i++) {
			struct read_vote *rv = &out->items[out->n];
			*rv = (struct read_vote){ { .kind = kind }, first + i };
			if (plain_name(r, &run[i], &rv->vote.who) || plain_name_reported(r, &run[i], first + i, &rv->vote.who))
				out->n++;
		}
		if (ended)
			break;
		if (got == 32)
			continue;
		struct jvalue id;
		if (!jscan_element(&r->scan, v, &id))
			break;
		struct mark mk = enter_index(r, v->n - 1, &id);
		struct read_vote rv = { { .kind = kind }, v->n - 1 };
		if (read_name(r, &id, &rv.vote.who))
			VEC_PUSH(r->arena, *out, rv);
		leave(r, mk);
	}
	r->scan.raw_strings = false;
}

static const struct rec_name *one_name(struct jreader *r, struct jvalue *v)
{
	struct rec_name nm;
	if (!read_name(r, v, &nm))
		return NULL;
	struct rec_name *p = arena_alloc(r->arena, sizeof *p);
	*p = nm;
	return p;
}

static bool read_date(struct jreader *r, struct jvalue *v, qdate *out)
{
	if (v->type != J_STRING) {
		fail_type(r, v, "a date string \"YYYY-MM-DD\"");
		return false;
	}
	enum date_status st = date_parse(v->str, v->len, out);
	if (st == DATE_OK)
		return true;
	char shown[72];
	printable(shown, sizeof shown, v->str);
	switch (st) {
	case DATE_BAD_MONTH:
		fail(r, D_DATE, "the date %s has no such month", shown);
		break;
	case DATE_BAD_DAY:
		fail(r, D_DATE, "the date %s has no such day in that month", shown);
		break;
	case DATE_BAD_YEAR:
		fail(r, D_DATE, "the date %s is outside the years 0001 to 9999", shown);
		break;
	default:
		fail(r, D_DATE, "\"%s\" is not a date of the form YYYY-MM-DD", shown);
		break;
	}
	return false;
}

static bool read_outcome(struct jreader *r, struct jvalue *v, enum outcome *out)
{
	const char *want = "an outcome: \"carried\", \"not carried\", \"void\", \"provisional\" or \"undetermined\"";
	if (v->type != J_STRING) {
		fail_type(r, v, want);
		return false;
	}
	if (ast_outcome_of(v->str, out))
		return true;
	char shown[72];
	printable(shown, sizeof shown, v->str);
	fail(r, D_TYPE, "\"%s\" is not %s", shown, want);
	return false;
}

/* A motion number or a ratified motion's number: a string, or a whole number. */
static const char *read_number_text(struct jreader *r, struct jvalue *v)
{
	if (v->type == J_INTEGER) {
		if (v->num >= 0)
			return arena_printf(r->arena, "%lld", v->num);
		fail(r, D_TYPE, "a motion number cannot be negative");
		return NULL;
	}
	if (v->type != J_STRING) {
		fail_type(r, v, "a string (the motion's number as minuted, such as \"4\")");
		return NULL;
	}
	if (v->len == 0) {
		fail(r, D_TYPE, "a motion number cannot be empty");
		return NULL;
	}
	return read_string(r, v, "a string");
}

/* ==== names ==================================================================== */

/* Append names to a list (in the arena). */
static void append_names(struct jreader *r, struct rec_names *to, const struct rec_name *names, size_t n)
{
	if (!n)
		return;
	to->items = arena_grow(r->arena, to->items, to->n, to->n + n, sizeof *to->items);
	memcpy(to->items + to->n, names, n * sizeof *names);
	to->n += (unsigned)n;
}

/* An array of member ids appended to `to`, counted against MINUTES_MAX_NAMES as
** minutes.c counts attendance, arrivals and departures. */
static void read_names(struct jreader *r, struct jvalue *v, struct rec_names *to, bool nonempty)
{
	if (v->type != J_ARRAY) {
		fail_type(r, v, "an array of member ids");
		return;
	}
	size_t before = r->pending.n;
	struct read_votes *ids = &r->ids_read;
	ids->n = 0;
	read_id_array(r, v, VOTE_FOR, ids);
	at_whole(r, v);
	if (nonempty && v->n == 0) {
		fail(r, D_MISSING, "expected at least one member id");
		return;
	}
	if (r->n_names + v->n > MINUTES_MAX_NAMES) {
		/* Too many to read: the only message is this one. */
		drop_messages(r, before, r->pending.n);
		fail(r, D_LIMIT, "more than %d names in one meeting record", MINUTES_MAX_NAMES);
		return;
	}
	r->n_names += v->n;
	if (!ids->n)
		return;
	/* every one written below: not cleared (fewer than 2 * MINUTES_MAX_NAMES) */
	struct rec_name *items = arena_alloc_uninit(r->arena, (to->n + ids->n) * sizeof *items);
	if (to->n)
		memcpy(items, to->items, to->n * sizeof *items);
	to->items = items;
	for (size_t i = 0; i < ids->n; i++)
		to->items[to->n + i] = ids->items[i].vote.who;
	to->n += (unsigned)ids->n;
}

/* A declaration of interest or an objection: {"member": id, "reason": text}. */
static bool read_reasoned_object(struct jreader *r, struct jvalue *e, struct rec_name *nm, const char *what)
{
	static const struct jscan_key keys[] = { JSCAN_KEY("member"), JSCAN_KEY("reason"), { NULL, 0, 0 } };
	struct jvalue key, x;
	bool has_member = false, member_ok = false, reason_ok = true;
	int k;
	while ((k = jscan_member(&r->scan, e, &key, &x, keys)) != JSCAN_END) {
		if (k == JSCAN_OTHER) {
			unknown_key(r, &key, &x, keys, what);
			continue;
		}
		struct mark m2 = enter_key(r, keys[k].name, &x);
		if (k == 0) {
			has_member = true;
			member_ok = read_name(r, &x, nm);
		} else {
			nm->reason = read_string(r, &x, "a string (the reason)");
			reason_ok = nm->reason != NULL;
		}
		leave(r, m2);
	}
	at_whole(r, e);
	if (!has_member)
		fail(r, D_MISSING, "missing \"member\" (the member's id)");
	return has_member && member_ok && reason_ok;
}

/* Declarations of interest and objections: each {"member": id, "reason": text}
** or just the member's id. */
static void read_reasoned(struct jreader *r, struct jvalue *v, struct rec_names *to, const char *what)
{
	if (v->type != J_ARRAY) {
		fail_type(r, v, "an array");
		return;
	}
	VEC(struct rec_name) names = { 0 };
	size_t before = r->pending.n;
	struct jvalue e;
	while (jscan_element(&r->scan, v, &e)) {
		struct mark mk = enter_index(r, v->n - 1, &e);
		struct rec_name nm = { NULL, NO_SPAN, NULL };
		bool ok = false;
		if (e.type == J_STRING)
			ok = read_name(r, &e, &nm);
		else if (e.type == J_OBJECT)
			ok = read_reasoned_object(r, &e, &nm, what);
		else
			fail_type(r, &e, "an object {\"member\": ..., \"reason\": ...} or a member id");
		if (ok)
			VEC_PUSH(r->arena, names, nm);
		leave(r, mk);
	}
	if (v->n > MINUTES_MAX_NAMES) {
		/* Too many to read: the only message is this one. */
		drop_messages(r, before, r->pending.n);
		at_whole(r, v);
		fail(r, D_LIMIT, "more than %d %s on one motion", MINUTES_MAX_NAMES, what);
		return;
	}
	append_names(r, to, names.items, names.n);
}

/* ==== motions =================================================================== */

/* A plain decimal as the native scanner reads one: digits, optionally '.' and
** digits, optionally '%'.  0 not a decimal, 1 read, -1 too large (reported). */
static int read_decimal(struct jreader *r, const char *s, size_t len, struct rat *out)
{
	bool percent = len > 0 && s[len - 1] == '%';
	size_t n = len - (percent ? 1 : 0);
	struct rat v;
	enum rat_status st = rat_parse(s, n, &v);
	if (st == RAT_SYNTAX)
		return 0;
	if (st == RAT_OK && percent)
		st = rat_div(v, rat_int(100), &v);
	if (st != RAT_OK) {
		char shown[72];
		printable(shown, sizeof shown, s);
		fail(r, D_NUMBER, "the number %s is too large or too precise to represent exactly", shown);
		return -1;
	}
	*out = v;
	return 1;
}

/* The text of a JSON number, as written. */
static const char *number_text(const struct jreader *r, const struct jvalue *v, size_t *len)
{
	*len = v->span.end - v->span.start;
	return r->scan.src->text + v->span.start;
}

/*
** A JSON number's exact value, from its text (-?digits[.digits][e[+-]digits]):
** the decimal it is, never a binary fraction.  RAT_OVERFLOW when that value
** does not fit (a numerator or denominator past 64 bits, or an exponent past
** 40 either way).
*/
static enum rat_status json_number(const struct jreader *r, const struct jvalue *v, struct rat *out)
{
	if (v->type == J_INTEGER) {
		*out = rat_int((int64_t)v->num);
		return RAT_OK;
	}
	size_t len;
	const char *s = number_text(r, v, &len);
	bool negative = len > 0 && s[0] == '-';
	size_t from = negative ? 1 : 0, mant = from;
	while (mant < len && s[mant] != 'e' && s[mant] != 'E')
		mant++;
	enum rat_status st = rat_parse(s + from, mant - from, out);
	long exp = 0;
	bool exp_negative = mant + 1 < len && s[mant + 1] == '-';
	for (size_t i = mant + 1; i < len; i++)
		if (s[i] >= '0' && s[i] <= '9' && (exp = exp * 10 + (s[i] - '0')) > 40)
			return RAT_OVERFLOW;
	for (long k = 0; k < exp && st == RAT_OK; k++)
		st = exp_negative ? rat_div(*out, rat_int(10), out) : rat_mul(*out, rat_int(10), out);
	if (st == RAT_OK && negative)
		st = rat_neg(*out, out);
	return st;
}

/* A number (a JSON number, not a string) as an attribute value, exact and
** with its decimals as written. */
static bool attr_number(struct jreader *r, const struct jvalue *v, struct value *out)
{
	struct rat num;
	size_t len;
	const char *text = number_text(r, v, &len);
	if (json_number(r, v, &num) != RAT_OK) {
		char shown[72];
		printable(shown, sizeof shown, arena_strndup(r->arena, text, len));
		fail(r, D_NUMBER, "the number %s is too large or too precise to represent exactly", shown);
		return false;
	}
	if (rat_cmp(num, rat_int(0)) < 0) {
		fail(r, D_TYPE, "a motion attribute cannot be a negative number");
		return false;
	}
	*out = (struct value){ .type = VT_NUM, .u.num = num, .places = (unsigned char)rat_places_written(text, len) };
	return true;
}

enum typed_kind { TYPED_NUMBER, TYPED_STRING, TYPED_DATE };

/* The value of a typed attribute value {"number"|"string"|"date": x}. */
static bool read_typed_value(struct jreader *r, enum typed_kind kind, struct jvalue *x, struct value *out)
{
	switch (kind) {
	case TYPED_NUMBER:
		if (x->type == J_STRING) {
			struct rat num;
			int d = read_decimal(r, x->str, x->len, &num);
			if (d == 0)
				fail(r, D_TYPE, "expected a decimal such as \"40000.50\" or \"66.67%%\"");
			if (d <= 0)
				return false;
			*out = (struct value){ .type = VT_NUM, .u.num = num,
			                       .places = (unsigned char)rat_places_written(x->str, x->len) };
			return true;
		}
		if (x->type == J_INTEGER || x->type == J_REAL)
			return attr_number(r, x, out);
		fail_type(r, x, "a decimal string or a number");
		return false;
	case TYPED_STRING: {
		const char *s = read_string(r, x, "a string");
		if (s)
			*out = (struct value){ .type = VT_STR, .u.str = s };
		return s != NULL;
	}
	case TYPED_DATE: {
		qdate d;
		if (!read_date(r, x, &d))
			return false;
		*out = (struct value){ .type = VT_DATE, .u.date = d };
		return true;
	}
	}
	return false;
}

/* {"number": ...}, {"string": ...} or {"date": ...}: exactly one key.  The
** first member is read as it is met; if another follows, what it said is
** dropped and the object is wrong as a whole. */
static bool read_typed(struct jreader *r, struct jvalue *v, struct value *out)
{
	static const struct jscan_key typed_keys[] = {
		JSCAN_KEY("number"), JSCAN_KEY("string"), JSCAN_KEY("date"), { NULL, 0, 0 }
	};
	struct jvalue key, x;
	bool ok = false;
	size_t from = 0, to = 0;
	int k;
	while ((k = jscan_member(&r->scan, v, &key, &x, typed_keys)) != JSCAN_END) {
		if (k == JSCAN_OTHER) {
			unknown_key(r, &key, &x, typed_keys, "a typed attribute value");
			continue;
		}
		if (v->n > 1) {
			jscan_skip(&r->scan, &x);
			continue;
		}
		from = r->pending.n;
		struct mark mk = enter_key(r, typed_keys[k].name, &x);
		ok = read_typed_value(r, (enum typed_kind)k, &x, out);
		leave(r, mk);
		to = r->pending.n;
	}
	at_whole(r, v);
	if (v->n != 1) {
		drop_messages(r, from, to);
		fail(r, D_TYPE, "a typed attribute value has exactly one key: \"number\", \"string\" or \"date\"");
		return false;
	}
	return ok;
}

/*
** An attribute value: true/false; a whole number; a string, which is a number
** if it is a plain decimal ("40000.50", "66.67%") and text otherwise; or, to
** say the type outright, {"number": ...}, {"string": ...} or {"date": ...}.
*/
static bool read_attr_value(struct jreader *r, struct jvalue *v, struct value *out)
{
	switch (v->type) {
	case J_TRUE:
	case J_FALSE:
		*out = (struct value){ .type = VT_BOOL, .u.boolean = v->type == J_TRUE };
		return true;
	case J_INTEGER:
	case J_REAL:
		return attr_number(r, v, out);
	case J_STRING: {
		struct rat num;
		int d = read_decimal(r, v->str, v->len, &num);
		if (d < 0)
			return false;
		if (d > 0) {
			*out = (struct value){ .type = VT_NUM, .u.num = num,
			                       .places = (unsigned char)rat_places_written(v->str, v->len) };
			return true;
		}
		const char *s = read_string(r, v, "a string");
		if (!s)
			return false;
		*out = (struct value){ .type = VT_STR, .u.str = s };
		return true;
	}
	case J_OBJECT:
		return read_typed(r, v, out);
	default:
		fail_type(r, v, "true, false, a number, a string or {\"number\"|\"string\"|\"date\": ...}");
		return false;
	}
}

/* An attribute's name (its key's text, NUL-terminated, in the arena) as
** as_name makes it: a name of ASCII as it is (name_make would copy it as
** it is), any other composed; NULL if it is not a name. */
static const char *attr_name(struct jreader *r, const char *text, size_t len)
{
	uint64_t tail;
	return ascii_name(text, len, &tail) ? text : as_name(r, text, len);
}

static inline const char *lean_integer(const char *p, struct jvalue *v);

/*
** The lean path of "attributes" (v, an object, begun): where every member
** is a plain name of ASCII, met once, with true, false or a whole number as
** lean_integer reads one, at most LEAN_ATTRS of them, all are read into m
** as read_attributes reads them, and true; otherwise false, with nothing
** read (the scan where it was: read_attributes reads the object whole, and
** says what is wrong).
*/
#define LEAN_ATTRS 16
static bool lean_attributes(struct jreader *r, struct rec_motion *m, struct jvalue *v)
{
	const char *end = r->scan.end, *text = r->scan.text, *q = jscan_past_blanks(r->scan.p, end);
	struct attr attrs[LEAN_ATTRS];
	size_t n = 0;
	if (r->general_only)
		return false;
	while (*q != '}') {
		if (n > 0) {
			if (*q != ',')
				return false;
			q = jscan_past_blanks(q + 1, end);
		}
		if (n == LEAN_ATTRS || *q != '"' || ascii_name_char[(unsigned char)q[1]] != 1)
			return false;
		const char *k = q + 1, *ke = k + 1;
		while (ascii_name_char[(unsigned char)*ke])
			ke++;
		size_t len = (size_t)(ke - k);
		if (*ke != '"' || len > PARSE_MAX_IDENT)
			return false;
		for (size_t i = 0; i < n; i++) /* a key met twice: the general path's syntax error */
			if (strlen(attrs[i].name) == len && memcmp(attrs[i].name, k, len) == 0)
				return false;
		q = jscan_past_blanks(ke + 1, end);
		if (*q != ':')
			return false;
		q = jscan_past_blanks(q + 1, end);
		struct value val;
		if (q[0] == 't' && q[1] == 'r' && q[2] == 'u' && q[3] == 'e' && !ascii_name_char[(unsigned char)q[4]]) {
			val = (struct value){ .type = VT_BOOL, .u.boolean = true };
			q += 4;
		} else if (q[0] == 'f' && q[1] == 'a' && q[2] == 'l' && q[3] == 's' && q[4] == 'e' &&
		           !ascii_name_char[(unsigned char)q[5]]) {
			val = (struct value){ .type = VT_BOOL, .u.boolean = false };
			q += 5;
		} else {
			struct jvalue num;
			const char *past = lean_integer(q, &num);
			if (!past)
				return false;
			val = (struct value){ .type = VT_NUM, .u.num = rat_int((int64_t)num.num),
			                      .places = (unsigned char)rat_places_written(q, (size_t)(past - q)) };
			q = past;
		}
		char *name = arena_alloc_uninit(r->arena, len + 1);
		memcpy(name, k, len);
		name[len] = '\0';
		attrs[n++] = (struct attr){ name, val };
		q = jscan_past_blanks(q, end);
	}
	v->n = (unsigned)n;
	v->span.end = (uint32_t)(q + 1 - text);
	r->scan.p = q + 1;
	/* One spare slot, as the native reader leaves. */
	m->attrs = arena_array(r->arena, n + 1, sizeof *m->attrs);
	if (n)
		memcpy(m->attrs, attrs, n * sizeof *attrs);
	m->n_attrs = (unsigned)n;
	return true;
}

static void read_attributes(struct jreader *r, struct rec_motion *m, struct jvalue *v)
{
	if (v->type == J_OBJECT && lean_attributes(r, m, v))
		return;
	if (v->type != J_OBJECT) {
		fail_type(r, v, "an object of attributes, such as {\"financial\": true, \"amount\": 40000}");
		return;
	}
	struct attr_vec attrs = { 0 };
	struct jvalue key, val;
	while (jscan_member(&r->scan, v, &key, &val, NULL) != JSCAN_END) {
		const char *name = jscan_key_text(&r->scan, &key);
		struct mark mk = enter_key(r, name, &val);
		if (key.len > PARSE_MAX_IDENT) {
			jscan_skip(&r->scan, &val);
			at_whole(r, &val);
			fail(r, D_LIMIT, "attribute name longer than %d characters", PARSE_MAX_IDENT);
		} else if (!(name = attr_name(r, name, key.len))) {
			char shown[72];
			printable(shown, sizeof shown, jscan_key_text(&r->scan, &key));
			jscan_skip(&r->scan, &val);
			at_whole(r, &val);
			fail(r, D_SYNTAX, "\"%s\" is not an attribute name (letters, digits and _, "
			                  "as the terms write motion.NAME)", shown);
		} else {
			struct attr at = { name, { 0 } };
			if (read_attr_value(r, &val, &at.value))
				VEC_PUSH(r->arena, attrs, at);
		}
		leave(r, mk);
	}
	/* One spare slot, as the native reader leaves. */
	m->attrs = arena_array(r->arena, attrs.n + 1, sizeof *m->attrs);
	if (attrs.n)
		memcpy(m->attrs, attrs.items, attrs.n * sizeof *attrs.items);
	m->n_attrs = (unsigned)attrs.n;
}

static void read_votes(struct jreader *r, struct rec_motion *m, struct jvalue *v)
{
	static const struct jscan_key keys[] = {
		JSCAN_KEY("for"), JSCAN_KEY("against"), JSCAN_KEY("abstain"), { NULL, 0, 0 }
	};
	if (v->type != J_OBJECT) {
		fail_type(r, v, "an object {\"for\": [...], \"against\": [...], \"abstain\": [...]}");
		return;
	}
	/* The votes go for, against, abstain, whatever the order of the keys
	** (gathered in the reader's lists, reused from motion to motion). */
	struct read_votes *by_kind = r->by_kind;
	for (int kind = VOTE_FOR; kind <= VOTE_ABSTAIN; kind++)
		by_kind[kind].n = 0;
	size_t total = 0;
	struct jvalue key, list;
	int k;
	while ((k = jscan_member(&r->scan, v, &key, &list, keys)) != JSCAN_END) {
		if (k == JSCAN_OTHER) {
			unknown_key(r, &key, &list, keys, "the votes");
			continue;
		}
		struct mark mk = enter_key(r, keys[k].name, &list);
		if (list.type != J_ARRAY) {
			fail_type(r, &list, "an array of member ids");
		} else {
			size_t had = by_kind[k].n;
			read_id_array(r, &list, (enum vote_kind)k, &by_kind[k]);
			total += by_kind[k].n - had;
		}
		leave(r, mk);
	}
	struct rec_vote *votes = total ? arena_array(r->arena, total, sizeof *votes) : NULL;
	size_t n = 0;
	for (int kind = VOTE_FOR; kind <= VOTE_ABSTAIN; kind++) {
		for (size_t i = 0; i < by_kind[kind].n; i++) {
			if (n == MINUTES_MAX_NAMES) {
				/* Said once, at the first vote too many. */
				struct mark mk = { r->depth, r->at };
				path_push(r, keys[kind].name, 0);
				path_push(r, NULL, by_kind[kind].items[i].index);
				r->at = by_kind[kind].items[i].vote.who.span;
				fail(r, D_LIMIT, "more than %d votes on one motion", MINUTES_MAX_NAMES);
				leave(r, mk);
				goto done;
			}
			votes[n++] = by_kind[kind].items[i].vote;
		}
	}
done:
	m->votes = votes;
	m->n_votes = (unsigned)n;
}

static int next_member(struct jreader *r, struct jvalue *obj, struct jvalue *key, struct jvalue *x,
                       const struct jscan_key *keys);

static void read_tally(struct jreader *r, struct rec_motion *m, struct jvalue *v)
{
	static const struct jscan_key keys[] = {
		JSCAN_KEY("for"), JSCAN_KEY("against"), JSCAN_KEY("abstain"), { NULL, 0, 0 }
	};
	if (v->type != J_OBJECT) {
		fail_type(r, v, "an object {\"for\": N, \"against\": N, \"abstain\": N}");
		return;
	}
	bool ok = true;
	struct jvalue key, n;
	int k;
	while ((k = next_member(r, v, &key, &n, keys)) != JSCAN_END) {
		if (k == JSCAN_OTHER) {
			unknown_key(r, &key, &n, keys, "the tally");
			continue;
		}
		struct mark mk = enter_key(r, keys[k].name, &n);
		/* A whole number however it is written: 3, 3.0 and 3e0 are 3 (as
		** JSON Schema's "integer" says); 3.5 is not a count of votes. */
		struct rat count;
		bool number = n.type == J_INTEGER || n.type == J_REAL;
		if (!number) {
			jscan_skip(&r->scan, &n);
			at_whole(r, &n);
		}
		if (number && json_number(r, &n, &count) == RAT_OK && rat_is_int(count) && count.num >= 0 &&
		    count.num <= TALLY_MAX) {
			m->tally[k] = count.num;
		} else {
			size_t len = 0;
			char shown[72];
			const char *text = number ? number_text(r, &n, &len) : NULL;
			if (number)
				printable(shown, sizeof shown, arena_strndup(r->arena, text, len));
			fail(r, D_TYPE, "a tally counts votes: expected a whole number from 0 to %d, found %s", TALLY_MAX,
			     number ? shown : json_kind(&n));
			ok = false;
		}
		leave(r, mk);
	}
	at_whole(r, v);
	for (int kind = VOTE_FOR; kind <= VOTE_AGAINST; kind++)
		if (!(v->seen & (1u << kind))) {
			fail(r, D_MISSING, "missing \"%s\" (a tally gives the votes for and against)", keys[kind].name);
			ok = false;
		}
	m->has_tally = ok;
	m->tally_has_abstain = ok && (v->seen & (1u << VOTE_ABSTAIN));
	m->tally_span = r->at;
	if (!ok)
		memset(m->tally, 0, sizeof m->tally);
}

static void read_ratifies(struct jreader *r, struct rec_motion *m, struct jvalue *v)
{
	static const struct jscan_key keys[] = { JSCAN_KEY("meeting"), JSCAN_KEY("motion"), { NULL, 0, 0 } };
	if (v->type != J_OBJECT) {
		fail_type(r, v, "an object {\"meeting\": \"...\", \"motion\": \"...\"}");
		return;
	}
	const char *title = NULL, *num = NULL;
	size_t before = r->pending.n;
	VEC(struct pending) own = { 0 }; /* this object's own messages: its unknown keys */
	struct jvalue key, x;
	int k;
	while ((k = jscan_member(&r->scan, v, &key, &x, keys)) != JSCAN_END) {
		if (k == JSCAN_OTHER) {
			size_t at = r->pending.n;
			unknown_key(r, &key, &x, keys, "\"ratifies\"");
			VEC_PUSH(r->arena, own, r->pending.items[at]);
			drop_messages(r, at, at + 1);
			continue;
		}
		struct mark mk = enter_key(r, keys[k].name, &x);
		if (k == 0)
			title = read_string(r, &x, "a string (a meeting's title)");
		else
			num = read_number_text(r, &x);
		leave(r, mk);
	}
	at_whole(r, v);
	bool complete = (v->seen & 3u) == 3u;
	if (!complete) /* nothing is read from it: only its keys are said wrong */
		drop_messages(r, before, r->pending.n);
	for (size_t i = 0; i < own.n; i++)
		VEC_PUSH(r->arena, r->pending, own.items[i]);
	if (!(v->seen & 1u))
		fail(r, D_MISSING, "missing \"meeting\" (the title of the meeting whose decision this ratifies)");
	if (!(v->seen & 2u))
		fail(r, D_MISSING, "missing \"motion\" (the number of the motion it ratifies)");
	if (complete && title && num) {
		m->ratifies_meeting = title;
		m->ratifies_motion = num;
		m->ratifies_span = r->at;
	}
}

/* "approval": {"by": "BODY", "state": "approved" | "refused", "on": "DATE"} */
static void read_approval(struct jreader *r, struct rec_motion *m, struct jvalue *v)
{
	static const struct jscan_key keys[] = { JSCAN_KEY("by"), JSCAN_KEY("state"), JSCAN_KEY("on"), { NULL, 0, 0 } };
	if (v->type != J_OBJECT) {
		fail_type(r, v, "an object {\"by\": \"...\", \"state\": \"approved\", \"on\": \"YYYY-MM-DD\"}");
		return;
	}
	const char *by = NULL;
	int state = -1;
	bool dated = false;
	qdate on = 0;
	struct jvalue key, x;
	int k;
	while ((k = jscan_member(&r->scan, v, &key, &x, keys)) != JSCAN_END) {
		if (k == JSCAN_OTHER) {
			unknown_key(r, &key, &x, keys, "\"approval\"");
			continue;
		}
		struct mark mk = enter_key(r, keys[k].name, &x);
		if (k == 0) {
			by = read_string(r, &x, "a string (the body that approves)");
		} else if (k == 1) {
			if (x.type == J_STRING && (strcmp(x.str, "approved") == 0 || strcmp(x.str, "refused") == 0))
				state = strcmp(x.str, "approved") == 0;
			else if (x.type != J_STRING)
				fail_type(r, &x, "\"approved\" or \"refused\"");
			else
				fail(r, D_TYPE, "an approval's state is \"approved\" or \"refused\"");
		} else {
			dated = read_date(r, &x, &on);
		}
		leave(r, mk);
	}
	at_whole(r, v);
	static const char *const missing[] = { "missing \"by\" (the body that approves)",
	                                       "missing \"state\" (\"approved\" or \"refused\")",
	                                       "missing \"on\" (the date of the approval or refusal)" };
	for (unsigned i = 0; i < 3; i++)
		if (!(v->seen & (1u << i)))
			fail(r, D_MISSING, "%s", missing[i]);
	if (by && state >= 0 && dated) {
		m->has_approval = true;
		m->approval_refused = state == 0;
		m->approval_body = by;
		m->approval_on = on;
		m->approval_span = r->at;
	}
}

enum motion_key {
	MK_NUMBER, MK_TITLE, MK_ATTRIBUTES, MK_INTERESTS, MK_VOTES, MK_TALLY, MK_CONSENSUS, MK_OBJECTIONS,
	MK_CASTING, MK_RECORDED, MK_DECLARED, MK_EXPECT, MK_NOTICE_GIVEN, MK_VIRTUAL_ON, MK_RATIFIES,
	MK_PRESIDING, MK_APPROVAL
};

static const struct jscan_key MOTION_KEYS[] = {
	JSCAN_KEY("number"), JSCAN_KEY("title"), JSCAN_KEY("attributes"), JSCAN_KEY("interests"),
	JSCAN_KEY("votes"), JSCAN_KEY("tally"), JSCAN_KEY("consensus"), JSCAN_KEY("objections"),
	JSCAN_KEY("casting"), JSCAN_KEY("recorded"), JSCAN_KEY("declared"), JSCAN_KEY("expect"),
	JSCAN_KEY("notice_given"), JSCAN_KEY("virtual_on"), JSCAN_KEY("ratifies"), JSCAN_KEY("presiding"),
	JSCAN_KEY("approval"), { NULL, 0, 0 }
};

static void read_motion_key(struct jreader *r, struct rec_motion *m, enum motion_key k, struct jvalue *x)
{
	switch (k) {
	case MK_NUMBER:
		m->number = read_number_text(r, x);
		break;
	case MK_TITLE: {
		const char *t = read_string(r, x, "a string (the motion's title)");
		if (t)
			m->title = t;
		break;
	}
	case MK_ATTRIBUTES: read_attributes(r, m, x); break;
	case MK_INTERESTS: read_reasoned(r, x, &m->interests, "declarations of interest"); break;
	case MK_VOTES: read_votes(r, m, x); break;
	case MK_TALLY: read_tally(r, m, x); break;
	case MK_CONSENSUS:
		if (x->type == J_TRUE || x->type == J_FALSE) {
			m->consensus = x->type == J_TRUE;
			m->consensus_span = r->at;
		} else {
			fail_type(r, x, "true or false");
		}
		break;
	case MK_OBJECTIONS: read_reasoned(r, x, &m->objections, "objections"); break;
	case MK_CASTING:
		if (x->type == J_STRING && (strcmp(x->str, "for") == 0 || strcmp(x->str, "against") == 0)) {
			m->casting = x->str[0] == 'f' ? VOTE_FOR : VOTE_AGAINST;
			m->has_casting = true;
			m->casting_span = r->at;
		} else if (x->type == J_STRING && strcmp(x->str, "declined") == 0) {
			m->casting_declined = true;
			m->casting_span = r->at;
		} else if (x->type != J_STRING) {
			fail_type(r, x, "\"for\", \"against\" or \"declined\" (the casting vote)");
		} else {
			fail(r, D_TYPE, "a casting vote is \"for\", \"against\" or \"declined\"");
		}
		break;
	case MK_RECORDED:
		if (read_outcome(r, x, &m->recorded))
			m->recorded_span = r->at;
		break;
	case MK_DECLARED:
		if (read_outcome(r, x, &m->declared))
			m->declared_span = r->at;
		break;
	case MK_EXPECT:
		if (read_outcome(r, x, &m->expected))
			m->expected_span = r->at;
		break;
	case MK_NOTICE_GIVEN: m->has_notice_given = read_date(r, x, &m->notice_given); break;
	case MK_VIRTUAL_ON: m->is_virtual = read_date(r, x, &m->virtual_on); break;
	case MK_RATIFIES: read_ratifies(r, m, x); break;
	case MK_PRESIDING: m->presiding = one_name(r, x); break;
	case MK_APPROVAL: read_approval(r, m, x); break;
	}
}

/* ==== the lean path of a motion ================================================== */

/*
** Nearly every motion of a record is a few plain members: "number" and
** "title" strings of plain ASCII, "votes" of arrays of plain ids, and an
** outcome.  The lean path reads such members straight from the text, with
** the scanner's byte loops and no struct jvalue, path or message on the way.
** It reads whole members only: where anything is other than it expects (a
** key it does not take, a key met before, a value of another type or with
** escapes or UTF-8, a blank where it expects none, an id that is not
** plain, any syntax error), it stops before that member, having changed
** nothing but interned ids and room in the arena, and the general path
** (jscan_member and read_motion_key) reads the member from its start and
** says what is wrong.  So what the lean path reads, it reads as the general
** path would: the same strings, spans and votes; test_minutes_json checks
** it against the general path on many variations of each member.
*/

/* The first eight bytes at p (those past len 0), on a little-endian
** machine where eight can be read; false otherwise. */
static inline bool lean_head(const char *p, size_t len, const char *end, uint64_t *head)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	if (end - p < 8 || len > 8)
		return false;
	uint64_t w;
	memcpy(&w, p, 8);
	*head = len == 8 ? w : w & ((1ull << (8 * len)) - 1);
	return true;
#else
	(void)p, (void)len, (void)end, (void)head;
	return false;
#endif
}

/* The motion keys the lean path reads (by their enum motion_key), or -1. */
static inline int lean_motion_key(const char *k, size_t len, const char *end)
{
	uint64_t h;
	if (!lean_head(k, len, end, &h))
		return -1;
	if (h == JSCAN_HEAD("number"))
		return MK_NUMBER;
	if (h == JSCAN_HEAD("title"))
		return MK_TITLE;
	if (h == JSCAN_HEAD("votes"))
		return MK_VOTES;
	if (h == JSCAN_HEAD("recorded"))
		return MK_RECORDED;
	if (h == JSCAN_HEAD("declared"))
		return MK_DECLARED;
	if (h == JSCAN_HEAD("expect"))
		return MK_EXPECT;
	return -1;
}

/* A string of plain bytes at p (its opening quote): its text [*from, *to),
** and the text past its closing quote; NULL where it is not one. */
static inline const char *lean_plain_string(const char *p, const char *end, const char **from, const char **to)
{
	if (*p != '"')
		return NULL;
	const char *q = jscan_past_plain(p + 1, end);
	if (*q != '"') /* (the text ends in a NUL: never past its end) */
		return NULL;
	*from = p + 1;
	*to = q;
	return q + 1;
}

/* The rest of an array of plain ids, from p (just past its '['), appended
** to `out` as votes of `kind` with their indexes, and counted in *count;
** the text past its ']', or NULL where it is not one (then out's length is
** as it was). */
static inline __attribute__((always_inline)) const char *lean_ids(struct jreader *r, const char *p,
                                                                    enum vote_kind kind, struct read_votes *out,
                                                                    size_t *count)
{
	const char *end = r->scan.end, *text = r->scan.text;
	size_t had = out->n, index = 0;
	p = jscan_past_blanks(p, end);
	if (*p == ']') {
		*count = 0;
		return p + 1;
	}
	for (;;) {
		if (*p != '"' || ascii_name_char[(unsigned char)p[1]] != 1)
			break;
		const char *id = p + 1, *t = id + 1;
		while (ascii_name_char[(unsigned char)*t])
			t++;
		size_t len = (size_t)(t - id);
		if (*t != '"' || len > PARSE_MAX_IDENT)
			break;
		const char *interned = intern_id(r, id, len, tail_of(id, len, end), false);
		if (out->n == out->cap)
			reserve_votes(r, out, 1);
		out->items[out->n++] = (struct read_vote){
			{ { interned, { (uint32_t)(p - text), (uint32_t)(t + 1 - text) }, NULL }, kind }, index++ };
		p = jscan_past_blanks(t + 1, end);
		if (*p == ']') {
			*count = index;
			return p + 1;
		}
		if (*p != ',')
			break;
		p = jscan_past_blanks(p + 1, end);
	}
	out->n = had;
	return NULL;
}

/* "votes": {"for": [...], "against": [...], "abstain": [...]} at p (its
** '{'), into m as read_votes puts them; the text past its '}', or NULL. */
static const char *lean_votes(struct jreader *r, struct rec_motion *m, const char *p)
{
	const char *end = r->scan.end;
	if (*p != '{')
		return NULL;
	struct read_votes *by_kind = r->by_kind;
	for (int kind = VOTE_FOR; kind <= VOTE_ABSTAIN; kind++)
		by_kind[kind].n = 0;
	unsigned seen = 0;
	p = jscan_past_blanks(p + 1, end);
	while (*p != '}') {
		if (seen) {
			if (*p != ',')
				return NULL;
			p = jscan_past_blanks(p + 1, end);
		}
		const char *k, *ke;
		uint64_t h;
		if (!(p = lean_plain_string(p, end, &k, &ke)) || !lean_head(k, (size_t)(ke - k), end, &h))
			return NULL;
		int kind = h == JSCAN_HEAD("for") ? VOTE_FOR : h == JSCAN_HEAD("against") ? VOTE_AGAINST
		         : h == JSCAN_HEAD("abstain") ? VOTE_ABSTAIN : -1;
		if (kind < 0 || (seen & (1u << kind)))
			return NULL;
		seen |= 1u << kind;
		p = jscan_past_blanks(p, end);
		if (*p != ':')
			return NULL;
		p = jscan_past_blanks(p + 1, end);
		size_t count;
		if (*p != '[' || !(p = lean_ids(r, p + 1, (enum vote_kind)kind, &by_kind[kind], &count)))
			return NULL;
		p = jscan_past_blanks(p, end);
	}
	size_t total = by_kind[VOTE_FOR].n + by_kind[VOTE_AGAINST].n + by_kind[VOTE_ABSTAIN].n;
	if (total > MINUTES_MAX_NAMES)
		return NULL; /* the general path says so */
	/* every one written below: not cleared */
	struct rec_vote *votes = total ? arena_alloc_uninit(r->arena, total * sizeof *votes) : NULL;
	size_t n = 0;
	for (int kind = VOTE_FOR; kind <= VOTE_ABSTAIN; kind++)
		for (size_t i = 0; i < by_kind[kind].n; i++)
			votes[n++] = by_kind[kind].items[i].vote;
	m->votes = votes;
	m->n_votes = (unsigned)n;
	return p + 1;
}

/* The outcome [s, s + len) names, as ast_outcome_of reads one: the two
** most motions record compared whole first (no copy, no search). */
static inline bool lean_outcome(const char *s, size_t len, enum outcome *o)
{
	if (len == 7 && memcmp(s, "carried", 7) == 0) {
		*o = OUTCOME_CARRIED;
		return true;
	}
	if (len == 11 && memcmp(s, "not carried", 11) == 0) {
		*o = OUTCOME_NOT_CARRIED;
		return true;
	}
	char word[16];
	if (len >= sizeof word)
		return false;
	memcpy(word, s, len);
	word[len] = '\0';
	return ast_outcome_of(word, o);
}

/* The value of lean key k at p, into m; the text past it, or NULL. */
static const char *lean_motion_value(struct jreader *r, struct rec_motion *m, int k, const char *p)
{
	const char *end = r->scan.end, *text = r->scan.text, *from, *to, *past;
	if (k == MK_VOTES)
		return lean_votes(r, m, p);
	if (!(past = lean_plain_string(p, end, &from, &to)))
		return NULL;
	size_t len = (size_t)(to - from);
	if (k == MK_NUMBER || k == MK_TITLE) {
		if (len > PARSE_MAX_STRING || (k == MK_NUMBER && len == 0))
			return NULL;
		char *copy = arena_alloc_uninit(r->arena, len + 1);
		memcpy(copy, from, len);
		copy[len] = '\0';
		*(k == MK_NUMBER ? &m->number : &m->title) = copy;
		return past;
	}
	enum outcome o;
	if (!lean_outcome(from, len, &o))
		return NULL;
	struct span at = { (uint32_t)(p - text), (uint32_t)(past - text) };
	if (k == MK_RECORDED) {
		m->recorded = o;
		m->recorded_span = at;
	} else if (k == MK_DECLARED) {
		m->declared = o;
		m->declared_span = at;
	} else {
		m->expected = o;
		m->expected_span = at;
	}
	return past;
}

/*
** The members of the motion v (an object, begun) the lean path reads, from
** where the scan stands: true when it read v's end too (v's span is then
** complete); false where the general path reads on (the scan at the start
** of a member, its ',' included).  v's count of members and its keys met
** are kept as jscan_member keeps them.
*/
static bool lean_motion_members(struct jreader *r, struct rec_motion *m, struct jvalue *v)
{
	const char *end = r->scan.end, *p = r->scan.p;
	if (r->general_only)
		return false;
	for (;;) {
		const char *q = jscan_past_blanks(p, end);
		if (*q == '}') {
			r->scan.p = q + 1;
			v->span.end = (uint32_t)(q + 1 - r->scan.text);
			return true;
		}
		if (v->n > 0) {
			if (*q != ',')
				break;
			q = jscan_past_blanks(q + 1, end);
		}
		const char *k, *ke;
		if (!(q = lean_plain_string(q, end, &k, &ke)))
			break;
		int key = lean_motion_key(k, (size_t)(ke - k), end);
		if (key < 0 || (v->seen & (1u << key)))
			break;
		q = jscan_past_blanks(q, end);
		if (*q != ':')
			break;
		q = jscan_past_blanks(q + 1, end);
		if (!(q = lean_motion_value(r, m, key, q)))
			break;
		v->n++;
		v->seen |= 1u << key;
		v->next_key = (unsigned)key + 1;
		p = q;
	}
	r->scan.p = p;
	return false;
}

/* A motion, and the one cleared attribute (the attributes' end) that a
** motion without attributes points to, in one allocation: most motions
** have none, and a second allocation for each cost a call and a clearing. */
struct motion_block {
	struct rec_motion m;
	struct attr no_attrs[1];
};

/* A motion: the members of the object, in the order written. */
static struct rec_motion *read_motion(struct jreader *r, struct jvalue *v, unsigned ordinal)
{
	struct motion_block *block = arena_alloc(r->arena, sizeof *block);
	struct rec_motion *m = &block->m;
	m->title = "";
	if (v->type != J_OBJECT) {
		fail_type(r, v, "an object (a motion)");
		m->span = r->at;
		m->attrs = block->no_attrs;
		m->number = arena_printf(r->arena, "%u", ordinal);
		return m;
	}
	/* The lean path reads what it can; the general path a member at a time
	** where it cannot, and the lean path goes on after it. */
	struct jvalue key, x;
	int k;
	while (!lean_motion_members(r, m, v) && (k = next_member(r, v, &key, &x, MOTION_KEYS)) != JSCAN_END) {
		if (k == JSCAN_OTHER) {
			unknown_key(r, &key, &x, MOTION_KEYS, "a motion");
			continue;
		}
		struct mark mk = enter_key(r, MOTION_KEYS[k].name, &x);
		read_motion_key(r, m, (enum motion_key)k, &x);
		leave(r, mk);
	}
	m->span = v->span;
	if (!m->attrs)
		m->attrs = block->no_attrs;
	if (!m->number)
		m->number = arena_printf(r->arena, "%u", ordinal);
	return m;
}

/* ==== the meeting ================================================================= */

/* A container (an object or an array) at p begun into v, as jscan_value
** begins one in a container of `depth`; false where p is not one. */
static inline bool lean_begin(struct jreader *r, const char *p, unsigned depth, struct jvalue *v)
{
	if ((*p != '{' && *p != '[') || depth >= JSCAN_MAX_DEPTH)
		return false;
	v->type = *p == '{' ? J_OBJECT : J_ARRAY;
	v->span.start = v->span.end = (uint32_t)(p - r->scan.text);
	v->depth = depth + 1;
	v->n = 0;
	v->seen = 0;
	v->next_key = 0;
	v->keys = NULL;
	r->scan.p = p + 1;
	return true;
}

/* The next element of arr begun into v where it is an object or an array,
** as jscan_element begins it; false where it is anything else, or the end
** of arr (nothing read: jscan_element reads it). */
static inline bool lean_element(struct jreader *r, struct jvalue *arr, struct jvalue *v)
{
	const char *end = r->scan.end, *q = jscan_past_blanks(r->scan.p, end);
	if (r->general_only)
		return false;
	if (arr->n > 0) {
		if (*q != ',')
			return false;
		q = jscan_past_blanks(q + 1, end);
	}
	if (!lean_begin(r, q, arr->depth, v))
		return false;
	arr->n++;
	return true;
}

/* The first member of an item (v, begun) where it is "motion", "arrives"
** or "leaves" and its value an object or an array: its value begun in x
** and its key's index in ITEM_KEYS, as jscan_member gives them; -1 where it
** is not (nothing read). */
static int lean_item_key(struct jreader *r, struct jvalue *v, struct jvalue *x)
{
	const char *end = r->scan.end, *q = jscan_past_blanks(r->scan.p, end), *k, *ke;
	uint64_t h;
	if (r->general_only || v->n > 0 || !(q = lean_plain_string(q, end, &k, &ke)) || !lean_head(k, (size_t)(ke - k), end, &h))
		return -1;
	int key = h == JSCAN_HEAD("motion") ? 0 : h == JSCAN_HEAD("arrives") ? 1 : h == JSCAN_HEAD("leaves") ? 2 : -1;
	if (key < 0)
		return -1;
	q = jscan_past_blanks(q, end);
	if (*q != ':')
		return -1;
	q = jscan_past_blanks(q + 1, end);
	if (!lean_begin(r, q, v->depth, x))
		return -1;
	x->key = (struct span){ (uint32_t)(k - 1 - r->scan.text), (uint32_t)(ke + 1 - r->scan.text) };
	v->n++;
	v->seen |= 1u << key;
	v->next_key = (unsigned)key + 1;
	return key;
}



/* The index in `keys` (searched from `from` round, as member_key searches)
** of the key [k, k + len), or -1. */
static inline int lean_known_key(const struct jscan_key *keys, unsigned from, const char *k, size_t len,
                                 const char *end)
{
	uint64_t head;
	if (len == 0 || len > 255 || !lean_head(k, len < 8 ? len : 8, end, &head))
		return -1;
	uint16_t tag = JSCAN_TAG(len, k[0]);
	for (unsigned n = 0, i = from; n < 2; n++, i = 0)
		for (; keys[i].tag; i++)
			if (keys[i].tag == tag && keys[i].head == head && (len <= 8 || memcmp(keys[i].name + 8, k + 8, len - 8) == 0))
				return (int)i;
	return -1;
}

/* A whole number of up to 18 digits at p, as scan_number reads it (no
** sign, no leading 0 before a digit, followed by a blank or a ',', '}'
** or ']'): its value in v, and the text past it; NULL where it is not. */
static inline const char *lean_integer(const char *p, struct jvalue *v)
{
	const char *q = p;
	long long num = 0;
	while (*q >= '0' && *q <= '9' && q - p < 18)
		num = num * 10 + (*q++ - '0');
	if (q == p || (*p == '0' && q - p > 1) || !(jscan_blank[(unsigned char)*q] || *q == ',' || *q == '}' || *q == ']'))
		return NULL;
	v->type = J_INTEGER;
	v->num = num;
	return q;
}

enum { LEAN_NO = -3 };

/*
** jscan_member's lean path: the next member of obj where its key is plain
** and one of `keys` not met before, and its value an object, an array, a
** string of plain bytes, a whole number as lean_integer reads one, true or
** false: read as jscan_member reads it (*x begun, a string copied unless
** raw_strings), and the key's index; JSCAN_END at obj's end (read);
** LEAN_NO where it is anything else, with nothing read.
*/
static int lean_member(struct jreader *r, struct jvalue *obj, const struct jscan_key *keys, struct jvalue *x)
{
	const char *end = r->scan.end, *text = r->scan.text, *q = jscan_past_blanks(r->scan.p, end), *k, *ke;
	if (*q == '}') {
		r->scan.p = q + 1;
		obj->span.end = (uint32_t)(q + 1 - text);
		return JSCAN_END;
	}
	if (obj->n > 0) {
		if (*q != ',')
			return LEAN_NO;
		q = jscan_past_blanks(q + 1, end);
	}
	const char *key_at = q;
	if (!(q = lean_plain_string(q, end, &k, &ke)))
		return LEAN_NO;
	int i = lean_known_key(keys, obj->next_key, k, (size_t)(ke - k), end);
	if (i < 0 || (obj->seen & (1u << i)))
		return LEAN_NO;
	q = jscan_past_blanks(q, end);
	if (*q != ':')
		return LEAN_NO;
	q = jscan_past_blanks(q + 1, end);
	const char *v_at = q, *from, *to;
	if (lean_begin(r, q, obj->depth, x)) {
		q = r->scan.p;
	} else if ((q = lean_plain_string(v_at, end, &from, &to))) {
		size_t len = (size_t)(to - from);
		x->type = J_STRING;
		x->len = len;
		x->terminated = !r->scan.raw_strings;
		if (r->scan.raw_strings) {
			x->str = from;
		} else {
			char *copy = arena_alloc_uninit(r->arena, len + 1);
			memcpy(copy, from, len);
			copy[len] = '\0';
			x->str = copy;
		}
	} else if (v_at[0] == 't' && v_at[1] == 'r' && v_at[2] == 'u' && v_at[3] == 'e' &&
	           !ascii_name_char[(unsigned char)v_at[4]]) { /* (the text ends in a NUL: never past its end) */
		x->type = J_TRUE;
		q = v_at + 4;
	} else if (v_at[0] == 'f' && v_at[1] == 'a' && v_at[2] == 'l' && v_at[3] == 's' && v_at[4] == 'e' &&
	           !ascii_name_char[(unsigned char)v_at[5]]) {
		x->type = J_FALSE;
		q = v_at + 5;
	} else if (!(q = lean_integer(v_at, x))) {
		return LEAN_NO;
	}
	if (x->type != J_OBJECT && x->type != J_ARRAY) {
		x->span = (struct span){ (uint32_t)(v_at - text), (uint32_t)(q - text) };
		x->depth = x->n = x->seen = x->next_key = 0;
		x->keys = NULL;
		r->scan.p = q;
	}
	x->key = (struct span){ (uint32_t)(key_at - text), (uint32_t)(ke + 1 - text) };
	obj->n++;
	obj->seen |= 1u << i;
	obj->next_key = (unsigned)i + 1;
	return i;
}

/* The next member of obj, by the lean path where it can (see jscan_member). */
static int next_member(struct jreader *r, struct jvalue *obj, struct jvalue *key, struct jvalue *x,
                       const struct jscan_key *keys)
{
	int k = r->general_only ? LEAN_NO : lean_member(r, obj, keys, x);
	return k == LEAN_NO ? jscan_member(&r->scan, obj, key, x, keys) : k;
}

static const struct jscan_key ITEM_KEYS[] = {
	JSCAN_KEY("motion"), JSCAN_KEY("arrives"), JSCAN_KEY("leaves"), { NULL, 0, 0 }
};

/* The value of an item's key k: a motion, or the names that arrive or leave. */
static struct rec_step read_item_value(struct jreader *r, struct meeting *mt, int k, struct jvalue *x)
{
	struct rec_step step = { 0 };
	if (k == 0) {
		if (mt->n_motions == MINUTES_MAX_MOTIONS) {
			if (!r->motions_full)
				fail(r, D_LIMIT, "more than %d motions in one meeting", MINUTES_MAX_MOTIONS);
			r->motions_full = true;
			read_motion(r, x, MINUTES_MAX_MOTIONS + 1); /* still checked */
		} else {
			step.kind = STEP_MOTION;
			step.motion = read_motion(r, x, mt->n_motions + 1);
		}
	} else {
		step.kind = k == 1 ? STEP_ARRIVES : STEP_LEAVES;
		read_names(r, x, &step.names, true);
	}
	return step;
}

static void read_item(struct jreader *r, struct meeting *mt, struct jvalue *v, struct step_vec *steps)
{
	if (v->type != J_OBJECT) {
		fail_type(r, v, "an object: {\"motion\": {...}}, {\"arrives\": [...]} or {\"leaves\": [...]}");
		return;
	}
	/*
	** An item has one of the keys.  The first is read as it is met; if a
	** second follows, what was read from the first is dropped, messages and
	** all, and the item says it has too many.
	*/
	struct jvalue key, x;
	int which = -1;
	size_t from = 0, to = 0;
	unsigned names = r->n_names;
	bool motions_full = r->motions_full;
	struct rec_step step = { 0 };
	int k = lean_item_key(r, v, &x);
	if (k >= 0) { /* the first key, as the loop reads it */
		which = k;
		from = r->pending.n;
		struct mark mk = enter_key(r, ITEM_KEYS[k].name, &x);
		step = read_item_value(r, mt, k, &x);
		leave(r, mk);
		to = r->pending.n;
	}
	while ((k = next_member(r, v, &key, &x, ITEM_KEYS)) != JSCAN_END) {
		if (k == JSCAN_OTHER) {
			unknown_key(r, &key, &x, ITEM_KEYS, "an item");
			continue;
		}
		if (which >= 0) {
			jscan_skip(&r->scan, &x);
			which = 3; /* more than one */
			continue;
		}
		which = k;
		from = r->pending.n;
		struct mark mk = enter_key(r, ITEM_KEYS[k].name, &x);
		step = read_item_value(r, mt, k, &x);
		leave(r, mk);
		to = r->pending.n;
	}
	at_whole(r, v);
	if (which < 0) {
		if (v->n == 0)
			fail(r, D_MISSING, "an item is one of {\"motion\": {...}}, {\"arrives\": [...]} or {\"leaves\": [...]}");
		return;
	}
	if (which == 3) {
		drop_messages(r, from, to);
		r->n_names = names;
		r->motions_full = motions_full;
		fail(r, D_SYNTAX, "an item has exactly one of \"motion\", \"arrives\" or \"leaves\" "
		                  "(write each as its own item, in the order they happened)");
		return;
	}
	if (which == 0 && !step.motion)
		return; /* past the limit of motions */
	if (which == 0)
		mt->n_motions++;
	VEC_PUSH(r->arena, *steps, step);
}

enum meeting_key {
	MT_MEETING, MT_DATE, MT_TERMS, MT_CHAIR, MT_PAPERS_SENT, MT_MINUTES_CIRCULATED, MT_PRESENT,
	MT_APOLOGIES, MT_ATTENDING, MT_ITEMS, MT_SCHEMA, MT_DEPUTIES, MT_MINUTES_AMENDED
};

static const struct jscan_key MEETING_KEYS[] = {
	JSCAN_KEY("meeting"), JSCAN_KEY("date"), JSCAN_KEY("terms"), JSCAN_KEY("chair"),
	JSCAN_KEY("papers_sent"), JSCAN_KEY("minutes_circulated"), JSCAN_KEY("present"),
	JSCAN_KEY("apologies"), JSCAN_KEY("attending"), JSCAN_KEY("items"), JSCAN_KEY("$schema"),
	JSCAN_KEY("deputies"), JSCAN_KEY("minutes_amended"), { NULL, 0, 0 }
};

/* One of "deputies": {"member": id, "for": id}. */
static bool read_deputy(struct jreader *r, struct jvalue *e, struct rec_deputy *d)
{
	static const struct jscan_key keys[] = { JSCAN_KEY("member"), JSCAN_KEY("for"), { NULL, 0, 0 } };
	if (e->type != J_OBJECT) {
		fail_type(r, e, "an object {\"member\": ..., \"for\": ...} (a deputy and whom they stand for)");
		return false;
	}
	struct jvalue key, x;
	bool ok = true;
	int k;
	while ((k = jscan_member(&r->scan, e, &key, &x, keys)) != JSCAN_END) {
		if (k == JSCAN_OTHER) {
			unknown_key(r, &key, &x, keys, "a deputy");
			ok = false;
			continue;
		}
		struct mark m2 = enter_key(r, keys[k].name, &x);
		ok = read_name(r, &x, k == 0 ? &d->deputy : &d->principal) && ok;
		leave(r, m2);
	}
	at_whole(r, e);
	if (!(e->seen & 1u))
		fail(r, D_MISSING, "missing \"member\" (the deputy's id)");
	if (!(e->seen & 2u))
		fail(r, D_MISSING, "missing \"for\" (the id of the member the deputy stands for)");
	return ok && (e->seen & 3u) == 3u;
}

/* "deputies": [{"member": "foster", "for": "stocks"}, ...]: `deputy foster for stocks`. */
static void read_deputies(struct jreader *r, struct meeting *mt, struct jvalue *v)
{
	if (v->type != J_ARRAY) {
		fail_type(r, v, "an array of {\"member\": ..., \"for\": ...}");
		return;
	}
	VEC(struct rec_deputy) list = { 0 };
	size_t before = r->pending.n;
	struct jvalue e;
	while (jscan_element(&r->scan, v, &e)) {
		struct mark mk = enter_index(r, v->n - 1, &e);
		struct rec_deputy d = { { NULL, NO_SPAN, NULL }, { NULL, NO_SPAN, NULL } };
		if (read_deputy(r, &e, &d))
			VEC_PUSH(r->arena, list, d);
		leave(r, mk);
	}
	if (v->n > MINUTES_MAX_NAMES / 2) {
		drop_messages(r, before, r->pending.n);
		at_whole(r, v);
		fail(r, D_LIMIT, "more than %d names in one meeting record", MINUTES_MAX_NAMES);
		return;
	}
	mt->deputies = list.items;
	mt->n_deputies = (unsigned)list.n;
}

static void read_items(struct jreader *r, struct meeting *mt, struct jvalue *x, struct step_vec *steps)
{
	if (x->type != J_ARRAY) {
		fail_type(r, x, "an array of items (motions, arrivals and departures, in order)");
		return;
	}
	struct jvalue it;
	while (lean_element(r, x, &it) || jscan_element(&r->scan, x, &it)) {
		struct mark m2 = enter_index(r, x->n - 1, &it);
		read_item(r, mt, &it, steps);
		leave(r, m2);
	}
}

static void read_meeting_key(struct jreader *r, struct meeting *mt, enum meeting_key k, struct jvalue *x,
                             struct step_vec *steps)
{
	switch (k) {
	case MT_MEETING: {
		const char *t = read_string(r, x, "a string (the meeting's title)");
		if (t)
			mt->title = t;
		break;
	}
	case MT_DATE: read_date(r, x, &mt->date); break;
	case MT_SCHEMA:
		if (x->type != J_STRING)
			fail_type(r, x, "a string (the schema's address)");
		break;
	case MT_TERMS:
		mt->terms_name = read_string(r, x, "a string (the name of the body whose terms apply)");
		mt->terms_span = r->at;
		break;
	case MT_CHAIR: mt->chair = one_name(r, x); break;
	case MT_PAPERS_SENT:
		mt->has_papers = read_date(r, x, &mt->papers_sent);
		mt->papers_span = r->at;
		break;
	case MT_MINUTES_CIRCULATED:
		mt->has_minutes = read_date(r, x, &mt->minutes_circulated);
		mt->minutes_span = r->at;
		break;
	case MT_MINUTES_AMENDED:
		mt->has_amended = read_date(r, x, &mt->minutes_amended);
		mt->amended_span = r->at;
		break;
	case MT_PRESENT: read_names(r, x, &mt->present, false); break;
	case MT_APOLOGIES: read_names(r, x, &mt->apologies, false); break;
	case MT_ATTENDING: read_names(r, x, &mt->attending, false); break;
	case MT_ITEMS: read_items(r, mt, x, steps); break;
	case MT_DEPUTIES: read_deputies(r, mt, x); break;
	}
}

static struct meeting *read_meeting(struct jreader *r, struct jvalue *root)
{
	struct meeting *mt = arena_alloc(r->arena, sizeof *mt);
	mt->src = r->scan.src;
	mt->title = "";
	if (root->type != J_OBJECT) {
		fail_type(r, root, "an object (a meeting record)");
		mt->span = r->at;
		return mt;
	}
	struct step_vec steps = { 0 };
	struct jvalue key, x;
	int k;
	while ((k = next_member(r, root, &key, &x, MEETING_KEYS)) != JSCAN_END) {
		if (k == JSCAN_OTHER) {
			unknown_key(r, &key, &x, MEETING_KEYS, "the meeting record");
			continue;
		}
		struct mark mk = enter_key(r, MEETING_KEYS[k].name, &x);
		read_meeting_key(r, mt, (enum meeting_key)k, &x, &steps);
		leave(r, mk);
	}
	at_whole(r, root);
	mt->span = r->at;
	if (!(root->seen & (1u << MT_MEETING)))
		fail(r, D_MISSING, "missing \"meeting\" (the meeting's title, as in \"Leadership group, May 2024\")");
	if (!(root->seen & (1u << MT_DATE)))
		fail(r, D_MISSING, "missing \"date\" (the date of the meeting, \"YYYY-MM-DD\")");
	mt->steps = steps.items;
	mt->n_steps = (unsigned)steps.n;
	return mt;
}

/* ==== the entry point ================================================================ */

/* Messages in the order of the text, and for one place in the order found. */
static int compare_pending(const void *pa, const void *pb)
{
	const struct pending *a = pa, *b = pb;
	if (a->at.start != b->at.start)
		return a->at.start < b->at.start ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

struct meeting *minutes_json_read(struct arena *a, struct diag_sink *diag, const struct source *src)
{
	return minutes_json_read_ids(a, diag, src, true, NULL);
}

struct meeting *minutes_json_read_paths(struct arena *a, struct diag_sink *diag, const struct source *src, bool lean)
{
	return minutes_json_read_ids(a, diag, src, lean, NULL);
}

struct meeting *minutes_json_read_ids(struct arena *a, struct diag_sink *diag, const struct source *src, bool lean,
                                      struct json_ids *ids)
{
	jmp_buf on_syntax;
	struct jreader r = { .arena = a, .general_only = !lean, .own = { .arena = a } };
	r.run = ids ? ids : &r.own;
	if (setjmp(on_syntax))
		return NULL; /* reported; messages about values are dropped */
	struct jvalue root;
	jscan_begin(&r.scan, a, diag, src, &on_syntax, &root);
	r.at = root.span;
	struct meeting *mt = read_meeting(&r, &root);
	jscan_finish(&r.scan);
	/* A missing key is found at the end of its object but reported at its start. */
	if (r.pending.n > 1)
		sort_array(r.pending.items, r.pending.n, sizeof *r.pending.items, compare_pending);
	for (size_t i = 0; i < r.pending.n; i++)
		diag_report(diag, r.pending.items[i].code, loc_of(src, r.pending.items[i].at), "%s",
		            r.pending.items[i].msg);
	return r.pending.n ? NULL : mt;
}

/* The votes' names by which of them share one pointer (interned: the first
** name of each pointer, in order of first appearance), which minutes_dump's
** texts cannot show. */
static void dump_shared_names(struct sbuf *out, const struct meeting *m)
{
	enum { SEEN_MAX = 512 };
	const char *seen[SEEN_MAX];
	size_t n_seen = 0;
	for (unsigned i = 0; i < m->n_steps; i++) {
		const struct rec_motion *mo = m->steps[i].motion;
		for (unsigned v = 0; mo && v < mo->n_votes; v++) {
			size_t k = 0;
			while (k < n_seen && seen[k] != mo->votes[v].who.id)
				k++;
			if (k == n_seen && n_seen < SEEN_MAX)
				seen[n_seen++] = mo->votes[v].who.id;
			sbuf_addf(out, "vote %u.%u: pointer %zu\n", i, v, k);
		}
	}
}

void minutes_json_dump(struct arena *a, struct diag_sink *diag, const struct source *src, bool lean,
                       struct json_ids *ids, struct sbuf *out)
{
	size_t first_diag = diag->items.n;
	const struct meeting *m = minutes_json_read_ids(a, diag, src, lean, ids);
	if (m) {
		minutes_dump(out, m);
		dump_shared_names(out, m);
	} else {
		sbuf_add(out, "(no model)\n");
	}
	minutes_dump_diags(out, diag, first_diag);
}

/*
** json: a streaming JSON writer with two-space indentation.
**
** Reports are written as they are produced (replay never holds a history in
** memory), so this writes straight to a FILE: keys and values in order,
** strings escaped per RFC 8259, nesting tracked to place commas.  What is
** written gathers in the writer and goes to the FILE in one fwrite when
** its buffer fills (straight to the FILE's descriptor: jw_drain), at
** jw_flush and at jw_finish: stdio's cost per call was
** most of a JSON report's time (docs/performance.md).  So before writing to
** the FILE by other means, reading back what it holds, or pointing the
** writer at another FILE, call jw_flush.  Its functions are jw_*: jansson
** (linked for the lsp) exports json_string, json_null...
**
** A JSON report is about forty lines a motion, so what every line does
** (the comma, the new line and its indentation, a key written in the code,
** a count) is inline below: a check for room and a few fixed-size copies.
*/
#ifndef QUORATE_JSON_H
#define QUORATE_JSON_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "base/numfmt.h"

#define JSON_MAX_DEPTH 32
/* A replay's JSON report is about 1,900 bytes a motion, gigabytes for a
** long history: each write(2) cost about 2 microseconds, 47,000 of 32 KiB
** for 1.5 GB (strace -c), so the writer gives out 256 KiB at a time. */
#define JSON_BUFFER 262144

struct jw_kept;
struct jw_recording;

struct json_writer {
	FILE *out;
	struct jw_kept *kept;         /* strings and runs of lines written once (jw_string_kept, jw_run); NULL: none */
	struct jw_recording *rec;     /* a template being recorded (jw_record_begin); NULL: none */
	size_t given;                 /* bytes given to out so far */
	unsigned depth;
	bool first[JSON_MAX_DEPTH];   /* no element written yet at this level */
	bool after_key;
	size_t pending;               /* bytes of buf not yet given to out */
	char buf[JSON_BUFFER];
};

void jw_init(struct json_writer *w, FILE *out);
void jw_key(struct json_writer *w, const char *key);
/* A key written in the code (a string literal, of characters that need no
** escape), quoted when compiled: most keys, at a fraction of jw_key's cost. */
#define jw_key_lit(w, lit) jw_key_quoted((w), "\"" lit "\": ", sizeof "\"" lit "\": " - 1)
void jw_string(struct json_writer *w, const char *s);
/*
** Strings written again and again whose text does not change while the
** writer lives (the terms' names, clauses and rules, at every motion of a
** replay): quoted and escaped once into a slot found by `key`, a pointer
** that stands for that one text as long as the writer lives (the string
** itself if it lives as long, or the object it is the text of), then
** copied.  A writer without slots (jw_init gives none: give it some with
** jw_keep) writes them as jw_string; so do long strings.
*/
#define JW_KEPT_BITS 8
#define JW_KEPT_SLOTS (1u << JW_KEPT_BITS)
#define JW_KEPT_MAX 126 /* quoted bytes a slot holds */
#define JW_RUN_BITS 6
#define JW_RUN_WAYS 4   /* slots a run may be kept in */
#define JW_RUN_MAX 640  /* bytes a run holds */
#define JW_RUN_LEVELS 4 /* containers a run may leave open */
struct jw_run {
	const void *key;
	unsigned long used;            /* when it was last copied or kept (jw_kept.uses) */
	unsigned depth, end_depth;     /* where it was written, and where it left the writer */
	bool after_key;                /* it ends with a key */
	bool first[JW_RUN_LEVELS];     /* the containers it leaves open: still empty? */
	unsigned short len;
	char text[JW_RUN_MAX];
};
#define JW_MEMO_BITS 7
#define JW_MEMO_WORDS 24 /* the most words a memo's text is a function of */
struct jw_memo {
	uint64_t in[JW_MEMO_WORDS];
	unsigned char n_in;            /* 0: empty */
	unsigned char len;
	char text[JW_KEPT_MAX];
};
/*
** A block: lines whose text is a function of up to JW_BLOCK_WORDS words
** and the depth they are written at (the rules of a motion with their
** numbers, its decision and outcome: most motions of a replay write one
** of a few hundred).  Kept whole, with the writer's state after it, in a
** slot found by a hash of the words, then copied.
*/
#define JW_BLOCK_BITS 9
#define JW_BLOCK_WORDS 48
#define JW_BLOCK_MAX 1200 /* bytes a block holds */
#define JW_BLOCK_WAYS 2 /* slots a block may be kept in */
struct jw_block {
	uint64_t hash;
	unsigned long used;            /* when it was last copied or kept (jw_kept.uses) */
	uint64_t in[JW_BLOCK_WORDS];
	unsigned char n_in;            /* 0: empty */
	unsigned char depth, end_depth;
	bool after_key;
	bool first[JW_RUN_LEVELS];
	unsigned short len;
	char text[JW_BLOCK_MAX];
};
/*
** A template: the text of something written often whose shape (its keys,
** the strings the code or the terms fix) is a function of up to
** JW_TEMPLATE_KEY words, with holes where its values go (a motion's number,
** title, counts: report_json).  Recorded as it is written the usual way,
** the values' text cut out (jw_record_begin, jw_hole_begin/end,
** jw_record_end), then written again for other values of the same shape by
** copying the text between the holes and filling each.
*/
/* Bytes past the end of a kept text that may be read (and are set):
** jw_copy_text copies in fixed-size steps */
#define JW_TEXT_SLACK 64
#define JW_TEMPLATE_BITS 7
/* slots a template may be kept in: with two, h2k's motions recorded 82
** templates for fewer shapes, each written the usual way (54 with four) */
#define JW_TEMPLATE_WAYS 4
#define JW_TEMPLATE_KEY 12
#define JW_TEMPLATE_HOLES 24
#define JW_TEMPLATE_MAX 2048 /* bytes of text a template holds */
struct jw_hole {
	unsigned short at;             /* where in the text */
	unsigned char kind, index;     /* the caller's: what goes there */
	unsigned char depth;           /* the writer's state there */
	bool after_key, first;
};
struct jw_template {
	uint64_t key[JW_TEMPLATE_KEY];
	unsigned long used;            /* when it was last written or recorded (jw_kept.uses) */
	unsigned char n_key;           /* 0: empty */
	unsigned char depth;           /* where it begins and ends */
	unsigned char n_holes;
	unsigned short len;
	struct jw_hole holes[JW_TEMPLATE_HOLES];
	char text[JW_TEMPLATE_MAX + JW_TEXT_SLACK]; /* JW_TEXT_SLACK bytes set past len (jw_copy_text) */
};
struct jw_recording {
	struct jw_template *slot;      /* NULL: nothing to keep (it did not fit, or the buffer was given out) */
	const uint64_t *key;
	unsigned n_key;
	size_t from, given;            /* the buffer's text not yet taken into the template; w->given at the start */
};
/*
** Lines whose text is a function of three words and the writer's state
** where they begin (a motion's counts, a rule's numbers: jw_lines), and
** that leave it at the same depth, not after a key: kept in one of the two
** slots of a set found by the words (the newest first), then copied.  (With
** one slot, the hundred or so rules' numbers of a replay took each other's
** by turns: 2,095 of h2k's 27,000 were written again.)
*/
#define JW_LINES_BITS 9
#define JW_LINES_SIZE 512 /* a slot's bytes: a power of two, its address a shift of the hash */
#define JW_LINES_TEXT (JW_LINES_SIZE - 3 * 8 - 2 * 2)
#define JW_LINES_MAX (JW_LINES_TEXT - JW_TEXT_SLACK)
#define JW_LINES_COPY 128 /* lines up to this long are copied in one fixed-size step */
struct jw_lines {
	uint64_t key[3];
	unsigned short state;          /* jw_lines_state: depth, after_key, first; 0: empty (depth 0 is never kept) */
	unsigned short len;
	char text[JW_LINES_TEXT];      /* all of it set (jw_lines copies JW_LINES_COPY bytes) */
};
_Static_assert(sizeof(struct jw_lines) == JW_LINES_SIZE, "a slot's size");
_Static_assert(JW_LINES_COPY <= JW_LINES_MAX, "the fixed-size copy within the text");
/*
** The heads of lines a caller writes at every motion, at one depth (the
** counts': each line's comma, new line, indentation and key, report_json),
** made where the depth is new, each copied in two fixed-size steps: their
** text was half of what the lines cost.  depth 0: none made.  And the
** tail of each line (its key and digits) with each value below JW_SMALL
** (nearly all counts), made with them where the new line and indentation
** fit in 16 bytes: a line is then the new line's 16 bytes, the same for
** all, and its tail's 16 over their end.
*/
#define JW_HEADS 10
#define JW_HEAD_MAX 32
#define JW_SMALL 64
#define JW_TAIL 16
struct jw_heads {
	unsigned depth;
	bool fit;                      /* they fit at depth: else written the usual way */
	unsigned small_depth;          /* where the tails are made (they fit): 0, nowhere */
	unsigned char len[JW_HEADS];
	char text[JW_HEADS][JW_HEAD_MAX];
	unsigned char small_len[JW_HEADS][JW_SMALL]; /* the whole line's */
	char tail[JW_HEADS][JW_SMALL][JW_TAIL];
};
struct jw_kept {
	struct jw_heads count_heads;
	struct jw_template templates[1u << JW_TEMPLATE_BITS];
	struct jw_lines lines[1u << JW_LINES_BITS];
	struct jw_block blocks[1u << JW_BLOCK_BITS];
	const void *key[JW_KEPT_SLOTS];
	unsigned char len[JW_KEPT_SLOTS];
	char text[JW_KEPT_SLOTS][JW_KEPT_MAX];
	struct jw_run runs[1u << JW_RUN_BITS];
	unsigned long uses;
	struct jw_memo memo[1u << JW_MEMO_BITS];
};
/* Slots for w, all empty (k lives as long as w). */
void jw_keep(struct json_writer *w, struct jw_kept *k);
void jw_string_kept(struct json_writer *w, const void *key, const char *s);
/*
** A run of lines written the same way whenever it is written at the same
** depth (keys and values the code fixes, the terms' own strings): `write`
** writes it (given ctx) the first time, and what it wrote is kept by
** `key` and the depth and copied after.  Only a run in the middle of a
** container (not its first element, not after a key) is kept; it may close
** containers, leave a few open and end with a key.  `key` must stand for what the
** run writes as long as the writer lives, as for jw_string_kept.
*/
void jw_run(struct json_writer *w, const void *key, void (*write)(struct json_writer *w, const void *ctx),
            const void *ctx);
/*
** Strings whose text is a function of n words (1 to JW_MEMO_WORDS), given
** by whoever writes them (a working, of the numbers and rules it shows):
** jw_string_memo writes the string kept for these words and returns true,
** or writes nothing and returns false; jw_string_memo_keep then writes s
** and keeps it for them, where the writer has slots (jw_keep) and s is
** short.  The words must decide the text whole: equal words, equal text.
*/
bool jw_string_memo(struct json_writer *w, const uint64_t *in, unsigned n);
void jw_string_memo_keep(struct json_writer *w, const uint64_t *in, unsigned n, const char *s);
/*
** Blocks (struct jw_block): jw_block writes the block kept for the words
** in[0..n) at this depth and returns true; or it writes nothing, notes in
** *at where a block for them would begin, and returns false: then the
** caller writes the block and calls jw_block_keep(w, at), which keeps what
** was written if it fits (the words must still be there).  Only a block in
** the middle of a container (not its first element, not after a key) is
** kept, as a run; the words must decide its text whole: equal words, equal
** text, as long as the writer lives.  A writer without slots keeps none.
*/
struct jw_block_at {
	struct jw_block *slot;         /* NULL: nothing to keep */
	const uint64_t *in;
	unsigned n, depth;
	uint64_t hash;
	size_t start, given;
};
bool jw_block(struct json_writer *w, const uint64_t *in, unsigned n, struct jw_block_at *at);
void jw_block_keep(struct json_writer *w, const struct jw_block_at *at);
/*
** Templates (struct jw_template): the caller finds the template kept for
** the words key[0..n) (the caller's depth among them) in the slots
** jw_template_set gives, and marks it jw_template_used; or, none kept,
** writes the thing the usual way between jw_record_begin
** and jw_record_end, each value that is a hole between jw_hole_begin and
** jw_hole_end (a value after its key, or keys and values in the middle of
** an object), with nothing else (no jw_block, no jw_string_memo) that
** copies text a hole's value is in.  It begins as a value, not after a key.
** The caller writes it again (report_json: json_motion_from) after
** jw_template_start (its text begins with the new line and indentation
** of its depth, not after a key): its text between the holes copied (jw_copy_text,
** where jw_room made room), each hole's value written as the usual way
** wrote it, from the writer's state there (jw_hole_state) where it reads
** it.  The words must decide the text between the holes whole.
*/
void jw_record_begin(struct json_writer *w, struct jw_recording *r, const uint64_t *key, unsigned n);
void jw_record_end(struct json_writer *w);
void jw_rec_hole_begin(struct json_writer *w, unsigned kind, unsigned index);
void jw_rec_hole_end(struct json_writer *w);
static inline void jw_hole_begin(struct json_writer *w, unsigned kind, unsigned index)
{
	if (w->rec)
		jw_rec_hole_begin(w, kind, index);
}
static inline void jw_hole_end(struct json_writer *w)
{
	if (w->rec)
		jw_rec_hole_end(w);
}
/* Before a template's text, at o, where there is room: the comma before
** a value that is not its container's first (the new line and indentation
** of its depth begin its text, jw_record_begin), and the writer as after
** a key.  Not after a key.  Its end. */
static inline char *jw_template_start(struct json_writer *w, char *o);
/* n bytes of a kept text at s (readable up to JW_TEXT_SLACK bytes past n) */
static inline void jw_put_text(struct json_writer *w, const char *s, size_t n);
/* A string that needs no escape and is short, quoted, at o (room for
** JW_TOKEN_MAX): its end; else NULL, having written nothing that counts. */
char *jw_quote_plain(char *o, const char *s);
/*
** Lines (struct jw_lines): jw_lines writes the lines kept for the words
** key[0..3) where the writer is and returns true; or writes nothing and
** returns false: then the caller writes them and calls jw_lines_keep(w,
** key, state, start, given), state and start and given being
** jw_lines_state(w), w->pending and w->given from before they were written.
** The words must decide the text whole, as for jw_block.  jw_lines_short
** is jw_lines for lines of up to JW_LINES_COPY bytes where the buffer has
** room, false for others (then try jw_lines): it makes no call, so that
** its caller need save no registers.
*/
static inline unsigned jw_lines_state(const struct json_writer *w)
{
	return w->depth | (unsigned)w->after_key << 8 | (unsigned)w->first[w->depth] << 9;
}
/* The set (two slots) the words key[0..3) may be kept in: found by the
** first word alone (a rule's numbers: the steps' address, which nearly
** always decides the other two; two slots hold what it does not) */
static inline struct jw_lines *jw_lines_set(const struct json_writer *w, const uint64_t key[3])
{
	uint64_t h = key[0] * 0x9e3779b97f4a7c15u;
	/* the hash's top JW_LINES_BITS - 1 bits, as the byte offset of a set */
	size_t at = (size_t)(h >> (64 - JW_LINES_BITS - 9)) & ((((size_t)1 << (JW_LINES_BITS - 1)) - 1) << 10);
	_Static_assert(2 * JW_LINES_SIZE == 1 << 10, "a set's offset");
	return (struct jw_lines *)((char *)w->kept->lines + at);
}
static inline bool jw_lines_are(const struct jw_lines *l, const uint64_t key[3], unsigned state)
{
	return l->state == state && !((l->key[0] ^ key[0]) | (l->key[1] ^ key[1]) | (l->key[2] ^ key[2]));
}
static inline bool jw_lines(struct json_writer *w, const uint64_t key[3]);
static inline bool jw_lines_short(struct json_writer *w, const uint64_t key[3]);
void jw_lines_keep(struct json_writer *w, const uint64_t key[3], unsigned state, size_t start, size_t given);
/* s quoted and escaped as a key, with its ": ", into out (cap bytes), for
** jw_key_quoted: its length, or 0 if it does not fit. */
size_t jw_quote_key(char *out, size_t cap, const char *s);
/* A value already formatted as JSON (a number such as 6.75). */
void jw_raw(struct json_writer *w, const char *text);
/* End the document with a newline (and flush). */
void jw_finish(struct json_writer *w);
/* Give out what was gathered, through the FILE's stdio buffer. */
void jw_flush(struct json_writer *w);
/* Make room: give out what was gathered, straight to the FILE's
** descriptor where it has one (after what the FILE holds): not copied
** again into stdio's buffer. */
void jw_drain(struct json_writer *w);

/* ---- the inline part: what every line does ---------------------------------------- */

/* A comma, the new line and the deepest indentation (1 + 2 * 31 spaces). */
#define JW_LINE_MAX 66
_Static_assert(1 + 1 + 2 * (JSON_MAX_DEPTH - 1) <= JW_LINE_MAX, "room for the deepest line");
/* "\n" and 63 spaces (jw_new_line copies them all, then keeps its depth's) */
extern const char jw_indent[64];
/* The most any inline call writes after its line: a literal key's length
** is checked against it when compiled (jw_key_quoted). */
#define JW_TOKEN_MAX 1024
_Static_assert(JW_LINE_MAX + JW_TOKEN_MAX <= JSON_BUFFER, "a line and its token fit the buffer");

/* A key or value longer than JW_TOKEN_MAX (json.c). */
void jw_put_long(struct json_writer *w, const char *s, size_t n);

/* Where the next key or value goes, after the comma, new line and
** indentation it needs, with room for n (at most JW_TOKEN_MAX) bytes. */
static inline char *jw_next(struct json_writer *w, size_t n)
{
	if (w->pending + JW_LINE_MAX + n > JSON_BUFFER)
		jw_drain(w);
	char *o = w->buf + w->pending;
	if (w->after_key) {
		w->after_key = false;
		return o;
	}
	if (w->depth == 0)
		return o;
	if (!w->first[w->depth])
		*o++ = ',';
	w->first[w->depth] = false;
	memcpy(o, jw_indent, sizeof jw_indent); /* all of it, a fixed-size copy */
	return o + 1 + 2 * (size_t)w->depth;
}

/* The writer's text now ends at o. */
static inline void jw_end_at(struct json_writer *w, const char *o)
{
	w->pending = (size_t)(o - w->buf);
}

/* n bytes written as they are, as a key (after_key) or a value. */
static inline void jw_put_token(struct json_writer *w, const char *s, size_t n, bool key)
{
	if (n > JW_TOKEN_MAX) {
		jw_put_long(w, s, n);
	} else {
		char *o = jw_next(w, n);
		memcpy(o, s, n);
		jw_end_at(w, o + n);
	}
	w->after_key = key;
}

/* A key already quoted, with its ": " (jw_key_lit). */
static inline void jw_key_quoted(struct json_writer *w, const char *quoted, size_t n)
{
	jw_put_token(w, quoted, n, true);
}

static inline void jw_open(struct json_writer *w, char c)
{
	char *o = jw_next(w, 1);
	*o = c;
	jw_end_at(w, o + 1);
	if (w->depth + 1 < JSON_MAX_DEPTH)
		w->depth++;
	w->first[w->depth] = true;
}

static inline void jw_close(struct json_writer *w, char c)
{
	bool empty = w->first[w->depth];
	if (w->depth > 0)
		w->depth--;
	if (w->pending + JW_LINE_MAX > JSON_BUFFER)
		jw_drain(w);
	char *o = w->buf + w->pending;
	if (!empty) {
		memcpy(o, jw_indent, sizeof jw_indent);
		o += 1 + 2 * (size_t)w->depth;
	}
	*o = c;
	jw_end_at(w, o + 1);
}

static inline char *jw_template_start(struct json_writer *w, char *o)
{
	unsigned depth = w->depth;
	if (depth) {
		*o = ',';
		o += !w->first[depth];
		w->first[depth] = false;
	}
	w->after_key = true;
	return o;
}

/* n bytes at s (readable up to JW_TEXT_SLACK bytes past n) to o, where
** there is room for n + JW_TEXT_SLACK: its end.  Up to 512 bytes in
** 32-byte steps, jumped into by their number (each two loads and two
** stores), the last step's excess written past the text and written over
** after: a template's runs are 20 to 410 bytes, and for those past 128
** bytes memcpy's call and its choice of method cost a third more.
** Inlined where called (not inlined, its call cost more than it saved). */
_Static_assert(JW_TEXT_SLACK >= 32, "a step's excess is in the slack");
static inline __attribute__((always_inline)) char *jw_copy_text(char *o, const char *s, size_t n)
{
	switch ((n + 31) / 32) { /* the steps from the last; each falls through */
	case 16: memcpy(o + 480, s + 480, 32); /* fall through */
	case 15: memcpy(o + 448, s + 448, 32); /* fall through */
	case 14: memcpy(o + 416, s + 416, 32); /* fall through */
	case 13: memcpy(o + 384, s + 384, 32); /* fall through */
	case 12: memcpy(o + 352, s + 352, 32); /* fall through */
	case 11: memcpy(o + 320, s + 320, 32); /* fall through */
	case 10: memcpy(o + 288, s + 288, 32); /* fall through */
	case 9: memcpy(o + 256, s + 256, 32); /* fall through */
	case 8: memcpy(o + 224, s + 224, 32); /* fall through */
	case 7: memcpy(o + 192, s + 192, 32); /* fall through */
	case 6: memcpy(o + 160, s + 160, 32); /* fall through */
	case 5: memcpy(o + 128, s + 128, 32); /* fall through */
	case 4: memcpy(o + 96, s + 96, 32); /* fall through */
	case 3: memcpy(o + 64, s + 64, 32); /* fall through */
	case 2: memcpy(o + 32, s + 32, 32); /* fall through */
	case 1: memcpy(o + 0, s + 0, 32); /* fall through */
	case 0: break;
	default: memcpy(o, s, n);
	}
	return o + n;
}

static inline void jw_put_text(struct json_writer *w, const char *s, size_t n)
{
	if (w->pending + n + JW_TEXT_SLACK > JSON_BUFFER)
		jw_drain(w);
	jw_end_at(w, jw_copy_text(w->buf + w->pending, s, n));
}

/* Where the writer's text ends, with room for n bytes after it (a
** template's text and the values of its holes, checked once) */
static inline char *jw_room(struct json_writer *w, size_t n)
{
	if (w->pending + n > JSON_BUFFER)
		jw_drain(w);
	return w->buf + w->pending;
}

/* The writer's text ending at o, and its state as where hole h of a
** template was recorded: its value is written from there */
static inline void jw_hole_state(struct json_writer *w, const char *o, const struct jw_hole *h)
{
	jw_end_at(w, o);
	w->depth = h->depth;
	w->after_key = h->after_key;
	w->first[h->depth] = h->first;
}

/* The slot the lines for key[0..3) are kept in where the writer is, or NULL */
static inline struct jw_lines *jw_lines_find(struct json_writer *w, const uint64_t key[3])
{
	struct jw_lines *set = jw_lines_set(w, key), *l = set;
	unsigned state = jw_lines_state(w);
	if (!jw_lines_are(l, key, state)) {
		l = set + 1;
		if (!jw_lines_are(l, key, state))
			return NULL;
	}
	return l;
}

/* The writer after kept lines (they leave it where they began, not after a key) */
static inline void jw_lines_written(struct json_writer *w)
{
	w->first[w->depth] = false;
	w->after_key = false;
}

static inline bool jw_lines(struct json_writer *w, const uint64_t key[3])
{
	const struct jw_lines *l = jw_lines_find(w, key);
	if (!l)
		return false;
	jw_put_text(w, l->text, l->len);
	jw_lines_written(w);
	return true;
}

static inline bool jw_lines_short(struct json_writer *w, const uint64_t key[3])
{
	const struct jw_lines *l = jw_lines_find(w, key);
	if (!l || l->len > JW_LINES_COPY || w->pending + JW_LINES_COPY > JSON_BUFFER)
		return false;
	/* most are 60 to 128 bytes: one fixed-size copy, no choice of size */
	memcpy(w->buf + w->pending, l->text, JW_LINES_COPY);
	w->pending += l->len;
	jw_lines_written(w);
	return true;
}

static inline void jw_begin_object(struct json_writer *w) { jw_open(w, '{'); }
static inline void jw_end_object(struct json_writer *w) { jw_close(w, '}'); }
static inline void jw_begin_array(struct json_writer *w) { jw_open(w, '['); }
static inline void jw_end_array(struct json_writer *w) { jw_close(w, ']'); }

static inline void jw_int(struct json_writer *w, int64_t v)
{
	char *o = jw_next(w, NUMFMT_MAX);
	jw_end_at(w, o + numfmt_i64_fast(o, v));
}

static inline void jw_bool(struct json_writer *w, bool v)
{
	if (v) /* each a fixed-size copy */
		jw_put_token(w, "true", 4, false);
	else
		jw_put_token(w, "false", 5, false);
}

/* A string from the code's own tables (an outcome's name, a finding's
** code), which needs no escape: quoted, not scanned. */
static inline void jw_plain(struct json_writer *w, const char *s)
{
	size_t n = strlen(s);
	if (n + 2 > JW_TOKEN_MAX) {
		jw_string(w, s);
		return;
	}
	char *o = jw_next(w, n + 2);
	*o = '"';
	memcpy(o + 1, s, n);
	o[n + 1] = '"';
	jw_end_at(w, o + n + 2);
}

static inline void jw_null(struct json_writer *w)
{
	jw_put_token(w, "null", 4, false);
}

/*
** "key": value on one line in one step, the key a literal: one check for
** room and one line's comma and indentation for both (a JSON report is
** mostly such lines: the counts, the numbers of each rule, the summaries).
*/
#define JW_QUOTED(lit) "\"" lit "\": ", sizeof "\"" lit "\": " - 1
#define jw_key_int(w, lit, v) jw_quoted_int((w), JW_QUOTED(lit), (v))
#define jw_key_bool(w, lit, v) jw_quoted_bool((w), JW_QUOTED(lit), (v))
#define jw_key_null(w, lit) jw_quoted_token((w), JW_QUOTED(lit), "null", 4)
/* "key": "s", escaped: one line's comma and indentation, the key and a
** short string that needs no escape in one step (jw_key_lit and jw_string) */
#define jw_key_string(w, lit, s) jw_quoted_string((w), JW_QUOTED(lit), (s))
/* (json.c) A string after its key written at o, where jw_next left room
** for JW_TOKEN_MAX bytes; and a key and string as jw_key_quoted and jw_string. */
void jw_string_at(struct json_writer *w, char *o, const char *s);
void jw_quoted_string_slow(struct json_writer *w, const char *quoted, size_t n, const char *s);
#define JW_KEY_MAX 64 /* the longest key jw_quoted_string writes in the same step as its string */
_Static_assert(JW_LINE_MAX + JW_KEY_MAX + JW_TOKEN_MAX <= JSON_BUFFER, "room for a key and a short string");
/* inlined where called, so that the key's copy is of a length known there */
#define JW_INLINE static inline __attribute__((always_inline))

/* The key's text and the value's (n + k bytes, at most JW_TOKEN_MAX). */
JW_INLINE void jw_quoted_token(struct json_writer *w, const char *quoted, size_t n, const char *value, size_t k)
{
	if (w->after_key || n + k > JW_TOKEN_MAX) { /* not after a key: as jw_key_quoted and jw_put_token */
		jw_key_quoted(w, quoted, n);
		jw_put_token(w, value, k, false);
		return;
	}
	char *o = jw_next(w, n + k);
	memcpy(o, quoted, n);
	memcpy(o + n, value, k);
	jw_end_at(w, o + n + k);
}

JW_INLINE void jw_quoted_int(struct json_writer *w, const char *quoted, size_t n, int64_t v)
{
	if (w->after_key || n + NUMFMT_MAX > JW_TOKEN_MAX) {
		jw_key_quoted(w, quoted, n);
		jw_int(w, v);
		return;
	}
	char *o = jw_next(w, n + NUMFMT_MAX);
	memcpy(o, quoted, n);
	o += n;
	jw_end_at(w, o + numfmt_i64_fast(o, v));
}

/* The key's text (a literal's: its copy inlined where called) and s. */
JW_INLINE void jw_quoted_string(struct json_writer *w, const char *quoted, size_t n, const char *s)
{
	if (w->after_key || n > JW_KEY_MAX) {
		jw_quoted_string_slow(w, quoted, n, s);
		return;
	}
	char *o = jw_next(w, n + JW_TOKEN_MAX);
	memcpy(o, quoted, n);
	jw_string_at(w, o + n, s);
}

JW_INLINE void jw_quoted_bool(struct json_writer *w, const char *quoted, size_t n, bool v)
{
	if (v)
		jw_quoted_token(w, quoted, n, "true", 4);
	else
		jw_quoted_token(w, quoted, n, "false", 5);
}

/* The words compared in a loop: a block's are a few dozen, shorter than
** memcmp's call and setup. */
JW_INLINE bool jw_same_words(const uint64_t *a, const uint64_t *b, unsigned n)
{
	uint64_t diff = 0;
	unsigned i = 0;
	for (; i + 1 < n; i += 2)
		diff |= (a[i] ^ b[i]) | (a[i + 1] ^ b[i + 1]);
	if (i < n)
		diff |= a[i] ^ b[i];
	return diff == 0;
}

/* The JW_TEMPLATE_WAYS slots a template may be kept in, by the words of
** its key that spread them: the first three (a motion's flags, class and
** first rule) and the last (jw_template_set) */
static inline struct jw_template *jw_template_set_by(struct jw_kept *k, uint64_t k0, uint64_t k1, uint64_t k2,
                                                     uint64_t last)
{
	uint64_t h = (k0 * 0x9e3779b97f4a7c15u) ^ (k1 * 0xc2b2ae3d27d4eb4fu) ^ (k2 * 0x165667b19e3779f9u) ^ last;
	h *= 0x9e3779b97f4a7c15u;
	return &k->templates[(h >> (64 - JW_TEMPLATE_BITS)) & ~(uint64_t)(JW_TEMPLATE_WAYS - 1)];
}

/* The JW_TEMPLATE_WAYS slots a template for key[0..n) may be kept in */
static inline struct jw_template *jw_template_set(struct jw_kept *k, const uint64_t *key, unsigned n)
{
	/* enough to spread a few hundred shapes */
	return jw_template_set_by(k, key[0], key[n > 1], key[n > 2 ? 2 : 0], key[n - 1]);
}

/* t, kept, is written again now (the slot a new template takes is the one
** written longest ago) */
static inline void jw_template_used(struct json_writer *w, struct jw_template *t)
{
	t->used = ++w->kept->uses;
}

#endif

/*
** register_int: what the register writers share (src/report/register_*.c): a
** body's temporary files, and one table of functions per format.
*/
#ifndef QUORATE_REGISTER_INT_H
#define QUORATE_REGISTER_INT_H

#include "report/register_report.h"

#include <stdint.h>
#include <string.h>

/*
** The month of the last date written, kept: a history's dates come in
** order, a dozen or so a month, so that most are written from the month's
** "YYYY-MM-" and their day's number, not worked out from the day number
** (reg_date_text, as date_format).
*/
struct reg_month {
	qdate first, end;                /* its first day and the next month's (none: first > end) */
	char text[DATE_FMT_MAX];         /* "YYYY-MM-", its day's two bytes and NULs after */
};
/* None kept. */
void reg_month_init(struct reg_month *k);
/* d as date_format writes it, k not holding its month: k made for it where
** it is in the calendar. */
size_t reg_date_text_month(struct reg_month *k, qdate d, char *buf);
/* A month's days as written, "01" to "31", by their index from 0. */
extern const char reg_day_text[31][2];
/* d as date_format writes it into buf[DATE_FMT_MAX] (the bytes after its end
** zeroed: it may be copied whole); its length.  Inline: a copy of the
** month's text and its day's two bytes, a date of the month kept. */
static inline size_t reg_date_text(struct reg_month *k, qdate d, char *buf)
{
	if (d < k->first || d >= k->end)
		return reg_date_text_month(k, d, buf);
	memcpy(buf, k->text, DATE_FMT_MAX);
	memcpy(buf + 8, reg_day_text[d - k->first], 2);
	return 10;
}

/*
** A JSON register table's meetings written whole from lines made once a
** body (register_json_table_whole): each member's attendance line for
** each attendance (",", the new line and indentation, "id": "present";
** none for ATT_NOT_MEMBER),
** and the "file" line of the file its meetings were last read from (with
** the "attendance" key's line after it).  For the first REG_JSON_ROWS rows
** of a table, lines of REG_JSON_LINE bytes.
*/
#define REG_JSON_ROWS 64
#define REG_JSON_LINE 96
#define REG_JSON_FILE 256
struct json_table_lines {
	unsigned depth;                              /* the writer's depth + 1 the lines are for; 0: none */
	size_t longest;                              /* the longest line of the table's rows */
	const struct reg_member *member[REG_JSON_ROWS];   /* the member each row's lines are of (NULL: none) */
	unsigned char len[REG_JSON_ROWS][ATT__COUNT], row_longest[REG_JSON_ROWS];
	char line[REG_JSON_ROWS][ATT__COUNT][REG_JSON_LINE];   /* ",", the new line, indentation, "id": "present" */
	struct reg_month month;                      /* of the meetings' dates */
	const char *file;                            /* the name file_line says, in this table (NULL: none) */
	bool file_made;                              /* file_line and file_name are made */
	unsigned short file_len;
	char file_name[REG_JSON_FILE];
	char file_line[REG_JSON_FILE + 160];         /* ",", new line, indentation, "file": "name", and so the "attendance" key */
};
/* Lines not made yet (all that is read before they are made). */
void register_json_lines_init(struct json_table_lines *jl);

/*
** A declaration's effect as text (the text register's sentence, the JSON
** declaration's lines from "clause" to its end), kept by what it says (the
** clause, the effect's words, whether voted anyway) and the JSON depth: a
** history's declarations say one of a few.  A clause longer than
** REG_EFFECT_CLAUSE bytes is not kept.
*/
#define REG_EFFECT_SLOTS 8
#define REG_EFFECT_CLAUSE 32
#define REG_EFFECT_TEXT 1280
struct reg_effect_text {
	const char *words[4];            /* the rule's, quorum's, room's and vote's (NULL: none kept) */
	bool anyway;
	unsigned depth;
	char clause[REG_EFFECT_CLAUSE];
	bool has_clause;
	unsigned short len;
	char text[REG_EFFECT_TEXT];
};
/* None kept (all that is read before one is). */
void reg_effect_slots_init(struct reg_effect_text slots[REG_EFFECT_SLOTS]);
/* The slot for d's effect in words short or as prose (its words in
** words[4], *anyway whether voted anyway) at depth: *kept where its text is
** kept there, else to be made and keyed (reg_effect_keep); NULL where the
** clause is too long to keep. */
struct reg_effect_text *reg_effect_slot(struct reg_effect_text slots[REG_EFFECT_SLOTS], const struct reg_interest *d,
                                        bool prose, unsigned depth, const char *words[4], bool *anyway, bool *kept);
/* The slot's text is made (len bytes): key it by what it says. */
void reg_effect_keep(struct reg_effect_text *t, const struct reg_interest *d, const char *const words[4], bool anyway,
                     unsigned depth, size_t len);

/* The "member" and "name" lines of a member on the roster of terms (which
** live as long as the run), kept by its index. */
#define REG_JSON_WHO 16
#define REG_JSON_WHO_TEXT 320
struct json_who {
	const struct terms *terms;       /* NULL: none kept */
	int member;
	unsigned depth;
	const char *id_lasting;          /* the record's id last found spelt as the roster's, of a run-wide table (or NULL) */
	unsigned short len;
	char text[REG_JSON_WHO_TEXT];
};
/* A declaration's tail (the JSON lines from "clause" to its end) kept for
** an effect's fields (packed: json_effect_fields) with its terms (their
** clause) and depth, found again without the effect's words worked out:
** most declarations say what one of the last few said.  Each entry owns
** one of the tails' texts. */
#define REG_JSON_SEEN REG_EFFECT_SLOTS
struct json_effect_seen {
	const struct terms *terms;       /* NULL: none */
	uint32_t fields;
	unsigned depth;
	struct reg_effect_text *tail;
};
struct json_interest_tails {
	struct reg_effect_text tail[REG_EFFECT_SLOTS];
	struct json_effect_seen seen[REG_JSON_SEEN];
	struct json_who who[REG_JSON_WHO];
	struct reg_month month;          /* of the meetings' dates */
};
void register_json_tails_init(struct json_interest_tails *k);

/* A body's part of the report while the history is replayed. */
struct body_out {
	const struct reg_body *body;
	unsigned index;                  /* in register_report's bodies, from 0 */
	FILE *tables, *interests;        /* temporary files (JSON tables: of records, register_spool.h) */
	/* JSON: a writer on the declarations' file, at the depth of their
	** array (NULL for the other formats: a writer holds its buffer, 256 KiB) */
	struct json_writer *ji;
	struct json_table_lines *lines;  /* JSON: made at the first table */
	struct json_interest_tails *tails;  /* JSON: made with ji */
	struct reg_effect_text *effects;    /* text: REG_EFFECT_SLOTS, made with interests */
	struct wbuf *iw;                    /* text: the interests' buffer (out NULL: none) */
	struct reg_month table_month, interest_month;   /* text: of the tables' and declarations' dates */
	unsigned n_tables, n_interests;
};

struct register_report {
	struct arena *arena;
	const struct register_format_ops *ops;
	struct registers *rg;
	struct register_sink sink;
	/* each made apart, not zeroed whole (its writers' buffers are 256 KiB
	** each: a vector of them zeroed 4 MB at the first body); kept for
	** reuse after a rewind */
	VEC(struct body_out *) bodies;
	unsigned json_depth;
	bool link_meetings;
	bool failed;                     /* a temporary file could not be made */
	FILE *discard;                   /* out, when it keeps nothing: written there, not to temporary files */
	struct body_out *declaring;      /* the last declaration's body, ready for the next (NULL: none) */
};

struct register_format_ops {
	void (*table)(struct register_report *rr, struct body_out *bo, const struct reg_table *t);
	void (*interest)(struct register_report *rr, struct body_out *bo, const struct reg_interest *d);
	/* the whole of one body's registers, its temporary files copied in */
	bool (*body)(struct register_report *rr, struct body_out *bo, FILE *out, struct json_writer *w);
	/* before and after the bodies; `standalone`: a document of its own */
	void (*begin)(struct register_report *rr, FILE *out, struct json_writer *w, bool standalone);
	void (*end)(struct register_report *rr, FILE *out, struct json_writer *w, bool standalone);
};

/* A register table's meetings as JSON objects, each with its "attendance",
** line by line (register_json.c); and the same, each meeting whole from
** jl's lines, made when first needed: one check for room around its
** title, no call a line; as register_json_table where a member's line or
** the file's is too long (test_register compares the two). */
void register_json_table(struct json_writer *w, const struct reg_table *t);
void register_json_table_whole(struct json_writer *w, struct json_table_lines *jl, const struct reg_table *t);
/* A declaration as a JSON object, line by line; and the same whole, its
** last lines kept in k, one check for room a string (test_register
** compares the two). */
void register_json_interest(struct json_writer *w, const struct reg_interest *d);
void register_json_interest_whole(struct json_writer *w, struct json_interest_tails *k, const struct reg_interest *d);

extern const struct register_format_ops register_text_ops, register_md_ops, register_json_ops, register_html_ops;

/* Copy a temporary file (or nothing, when NULL or out itself: register_report_discard)
** to out; false on a read or write error. */
bool register_copy(FILE *from, FILE *to);
/* "16 May 2023" and "16 May" into buf[REG_DATE_MAX]. */
#define REG_DATE_MAX 24
const char *reg_date_long(qdate d, char *buf);
const char *reg_date_short(qdate d, char *buf);
/* Write s padded with blanks to `width` characters (UTF-8 counted as characters). */
void reg_pad(FILE *out, const char *s, unsigned width, bool right);
unsigned reg_width(const char *s);
/* Who declared: "Dr Alice Jones (alice)", or "nobody (not on the roster)". */
const char *reg_declarant(const struct reg_interest *d, char *buf, size_t size);
/* A declaration's effect as one sentence: "§3.4: vote void; not counted
** towards the quorum; stayed in the room; voted for, though the vote is void". */
const char *reg_effect(const struct reg_interest *d, char *buf, size_t size);
/* The text register's "declarant|effect" written into b as text_interest
** writes them, by hand (the unit tests compare it with reg_declarant and
** reg_effect with 512 bytes). */
struct wbuf;
void register_text_declaration(struct wbuf *b, const struct reg_interest *d);
/* The text register's effect of d, kept in slots (made there as reg_effect
** makes it) and copied; NULL slots: written as register_text_declaration
** writes it (the unit tests compare the two). */
void register_text_effect_kept(struct wbuf *b, struct reg_effect_text *slots, const struct reg_interest *d);
/* A text table's row of n cells (at most REGISTER_TABLE_MEETINGS), each an
** 8-byte copy (by_copies) or letter by letter as text_table wrote them
** before (the unit tests compare the two). */
void register_text_cells(struct wbuf *b, const enum attendance *cells, unsigned n, bool by_copies);
/* "N meetings, 16 May 2023 to 3 June 2025" and the note on decisions taken
** outside meetings, as one sentence each into out (no trailing newline). */
void reg_body_summary(FILE *out, const struct reg_body *b);

#endif

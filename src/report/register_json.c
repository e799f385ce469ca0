/*
** register_json: the registers as JSON (docs/schema/register.schema.json):
** for each body, its members with their totals, every meeting with each
** member's attendance, and every declaration of interest with its effect.
*/
#include "report/register_int.h"
#include "report/register_spool.h"

#include <string.h>

/* "key": "YYYY-MM-DD", the key a literal */
#define json_date(w, key, d) json_date_quoted((w), "\"" key "\": ", sizeof "\"" key "\": " - 1, (d))

static void json_date_quoted(struct json_writer *w, const char *quoted, size_t n, qdate d)
{
	char buf[DATE_FMT_MAX];
	jw_quoted_string(w, quoted, n, date_format(d, buf));
}

/* At o: a new line and its indentation, `indent` bytes with the newline
** (at most 64), copied whole: 32 bytes where that is enough (a writer less
** than 15 deep), else 64; where they end. */
JW_INLINE char *put_indent(char *o, size_t indent)
{
	if (indent <= 32)
		memcpy(o, jw_indent, 32);
	else
		memcpy(o, jw_indent, sizeof jw_indent);
	return o + indent;
}

/*
** The members' ids as keys, quoted once for the table (a table is a dozen
** meetings or more, each with every member's attendance): those of the
** first members whose keys fit; the others are quoted where written.
*/
#define TABLE_KEYS 64
#define TABLE_KEYS_TEXT 2048
struct table_keys {
	unsigned n;
	unsigned short at[TABLE_KEYS + 1];
	char text[TABLE_KEYS_TEXT];
};

static void quote_table_keys(struct table_keys *k, const struct reg_table *t)
{
	k->n = 0;
	k->at[0] = 0;
	for (unsigned r = 0; r < t->n_members && r < TABLE_KEYS; r++) {
		size_t n = jw_quote_key(k->text + k->at[r], TABLE_KEYS_TEXT - k->at[r], t->members[r]->id);
		if (n == 0)
			break;
		k->at[r + 1] = (unsigned short)(k->at[r] + n);
		k->n = r + 1;
	}
}

static void json_member_key(struct json_writer *w, const struct table_keys *k, const struct reg_table *t, unsigned r)
{
	if (r < k->n)
		jw_key_quoted(w, k->text + k->at[r], (size_t)(k->at[r + 1] - k->at[r]));
	else
		jw_key(w, t->members[r]->id);
}

/* Meeting c of t, line by line. */
static void json_meeting(struct json_writer *w, const struct reg_table *t, unsigned c, const struct table_keys *keys)
{
	const struct reg_meeting *m = &t->meetings[c];
	jw_begin_object(w);
	json_date(w, "date", m->date);
	jw_key_string(w, "title", m->title);
	jw_key_string(w, "file", m->file);
	jw_key_lit(w, "attendance");
	jw_begin_object(w);
	for (unsigned r = 0; r < t->n_members; r++) {
		enum attendance a = t->cells[r * t->n_meetings + c];
		if (a == ATT_NOT_MEMBER)
			continue;
		json_member_key(w, keys, t, r);
		jw_plain(w, attendance_name(a));
	}
	jw_end_object(w);
	jw_end_object(w);
}

/* Meetings from..to of t, as register_json_table. */
static void json_meetings(struct json_writer *w, const struct reg_table *t, unsigned from, unsigned to)
{
	struct table_keys keys;
	quote_table_keys(&keys, t);
	for (unsigned c = from; c < to; c++)
		json_meeting(w, t, c, &keys);
}

void register_json_table(struct json_writer *w, const struct reg_table *t)
{
	json_meetings(w, t, 0, t->n_meetings);
}

/* ---- a table's meetings whole -------------------------------------------------- */

void register_json_lines_init(struct json_table_lines *jl)
{
	jl->depth = 0;
	reg_month_init(&jl->month);
	jl->file = NULL;
	jl->file_made = false;
	for (unsigned r = 0; r < REG_JSON_ROWS; r++)
		jl->member[r] = NULL;
}

/* Row r's lines, for m at the writer's depth + 1 (depth1): false where one does not fit. */
static bool make_row(struct json_table_lines *jl, unsigned r, const struct reg_member *m, unsigned depth1)
{
	char key[REG_JSON_LINE];
	size_t k = jw_quote_key(key, sizeof key, m->id);
	size_t indent = 1 + 2 * (size_t)(depth1 + 1); /* the attendance object's lines */
	jl->member[r] = NULL;
	jl->row_longest[r] = 0;
	if (k == 0)
		return false;
	memset(jl->line[r][ATT_NOT_MEMBER], 0, REG_JSON_LINE); /* no line: copied all the same, and not counted */
	jl->len[r][ATT_NOT_MEMBER] = 0;
	for (int a = ATT_PRESENT; a < ATT__COUNT; a++) {
		const char *name = attendance_name((enum attendance)a); /* the code's own words: no escape */
		size_t n = strlen(name), len = 1 + indent + k + n + 2;
		if (len > REG_JSON_LINE)
			return false;
		char *p = jl->line[r][a];
		p[0] = ',';
		memcpy(p + 1, jw_indent, indent);
		memcpy(p + 1 + indent, key, k);
		p[1 + indent + k] = '"';
		memcpy(p + 2 + indent + k, name, n);
		p[len - 1] = '"';
		jl->len[r][a] = (unsigned char)len;
		jl->row_longest[r] = (unsigned char)(len > jl->row_longest[r] ? len : jl->row_longest[r]);
	}
	jl->member[r] = m;
	return true;
}

/* The "file" line for file at depth1, and the "attendance" key's after it:
** false where they do not fit. */
static bool make_file_line(struct json_table_lines *jl, const char *file, unsigned depth1)
{
	size_t n = strlen(file), indent = 1 + 2 * (size_t)depth1;
	jl->file = NULL;
	jl->file_made = false;
	if (n >= REG_JSON_FILE)
		return false;
	char quoted[REG_JSON_FILE * 6 + 4];
	size_t q = jw_quote_key(quoted, sizeof quoted, file); /* "name": */
	if (q == 0 || 1 + indent + 8 + q - 2 + 1 + indent + 14 > sizeof jl->file_line)
		return false;
	char *p = jl->file_line;
	p[0] = ',';
	memcpy(p + 1, jw_indent, indent);
	memcpy(p + 1 + indent, "\"file\": ", 8);
	memcpy(p + 9 + indent, quoted, q - 2);
	p += 9 + indent + q - 2;
	p[0] = ',';
	memcpy(p + 1, jw_indent, indent);
	memcpy(p + 1 + indent, "\"attendance\": ", 14);
	jl->file_len = (unsigned short)(p + 15 + indent - jl->file_line);
	memcpy(jl->file_name, file, n + 1);
	jl->file = file;
	jl->file_made = true;
	return true;
}

/* Lines for all of t's rows and its first meeting's file, at depth1. */
static bool lines_for(struct json_table_lines *jl, const struct reg_table *t, unsigned depth1)
{
	if (t->n_members > REG_JSON_ROWS)
		return false;
	if (jl->depth != depth1) {
		register_json_lines_init(jl);
		jl->depth = depth1;
	}
	jl->longest = 0;
	for (unsigned r = 0; r < t->n_members; r++) {
		if (jl->member[r] != t->members[r] && !make_row(jl, r, t->members[r], depth1))
			return false;
		jl->longest = jl->row_longest[r] > jl->longest ? jl->row_longest[r] : jl->longest;
	}
	return true;
}

/* The file line for file: kept, or made again where the name differs.
** Its address stands for the name within a table only (the registers
** keep a table's names in an arena made afresh for the next). */
static bool file_line(struct json_table_lines *jl, const char *file)
{
	if (jl->file == file)
		return true;
	if (jl->file_made && strcmp(jl->file_name, file) == 0) {
		jl->file = file;
		return true;
	}
	return make_file_line(jl, file, jl->depth);
}

/* The lines of meeting c's attendance at o, each copied as `copy` bytes (a
** constant where inlined), a member not on the roster as none (its length
** 0: no branch); where they end.  The first line's comma is where the
** object's brace goes. */
JW_INLINE char *attendance_lines(char *o, const struct json_table_lines *jl, const struct reg_table *t, unsigned c,
                                 size_t copy)
{
	/* read once, and each row's lines by a pointer stepped on: the stores
	** through o could otherwise be to any of them */
	const enum attendance *cell = t->cells + c;
	size_t stride = t->n_meetings;
	const char(*line)[REG_JSON_LINE] = jl->line[0];
	const unsigned char *len = jl->len[0];
	unsigned r = 0, n = t->n_members;
	for (; r + 2 <= n; r += 2, cell += 2 * stride, line += 2 * ATT__COUNT, len += 2 * ATT__COUNT) {
		/* two rows a step: the loop's own work once for both */
		unsigned a = (unsigned)cell[0], b = ATT__COUNT + (unsigned)cell[stride];
		memcpy(o, line[a], copy);
		o += len[a];
		memcpy(o, line[b], copy);
		o += len[b];
	}
	if (r < n) {
		unsigned a = (unsigned)*cell;
		memcpy(o, line[a], copy);
		o += len[a];
	}
	return o;
}

/* A meeting whole: what register_json_table writes of it, by hand. */
static void json_meeting_whole(struct json_writer *w, struct json_table_lines *jl, const struct reg_table *t,
                               unsigned c)
{
	const struct reg_meeting *m = &t->meetings[c];
	size_t in0 = 1 + 2 * (size_t)w->depth, in1 = in0 + 2;
	char date[DATE_FMT_MAX];
	size_t dn = reg_date_text(&jl->month, m->date, date);
	/* "{", the date's line and the title's key: 3 * 64 + 40 bytes at most, then the title */
	char *o = jw_next(w, 256 + JW_TOKEN_MAX);
	*o++ = '{';
	o = put_indent(o, in1);
	memcpy(o, "\"date\": \"", 9);
	memcpy(o + 9, date, DATE_FMT_MAX);
	o += 9 + dn;
	memcpy(o, "\",", 2);
	o = put_indent(o + 2, in1);
	memcpy(o, "\"title\": ", 9);
	jw_string_at(w, o + 9, m->title);
	/* the file's line, the attendance's, its members' and the ends */
	size_t need = sizeof jl->file_line + 2 * sizeof jw_indent + 32 + (size_t)t->n_members * (1 + REG_JSON_LINE) + 2 * sizeof jw_indent;
	if (w->pending + need > JSON_BUFFER)
		jw_drain(w);
	o = w->buf + w->pending;
	memcpy(o, jl->file_line, jl->file_len); /* to the "attendance" key */
	o += jl->file_len;
	char *brace = o; /* where the first line's comma goes */
	/* each line a fixed-size copy: of 64 bytes where all are as short */
	if (jl->longest <= 64)
		o = attendance_lines(o, jl, t, c, 64);
	else
		o = attendance_lines(o, jl, t, c, REG_JSON_LINE);
	if (o == brace) {
		memcpy(o, "{}", 2);
		o += 2;
	} else {
		*brace = '{';
		o = put_indent(o, in1);
		*o++ = '}';
	}
	o = put_indent(o, in0);
	*o++ = '}';
	jw_end_at(w, o);
}

void register_json_table_whole(struct json_writer *w, struct json_table_lines *jl, const struct reg_table *t)
{
	if (w->after_key || w->depth + 3 >= JSON_MAX_DEPTH || !lines_for(jl, t, w->depth + 1)) {
		register_json_table(w, t);
		return;
	}
	jl->file = NULL; /* the name is compared again: not its address */
	for (unsigned c = 0; c < t->n_meetings; c++) {
		if (file_line(jl, t->meetings[c].file))
			json_meeting_whole(w, jl, t, c);
		else
			json_meetings(w, t, c, c + 1);
	}
}

/* A table goes to the body's temporary file as a record (register_spool.h),
** and is written as JSON when the report is assembled (json_body). */
static void json_table(struct register_report *rr, struct body_out *bo, const struct reg_table *t)
{
	rr->failed = !reg_spool_put_table(bo->tables, bo->body, t) || rr->failed;
}

/* Where a body's tables are written as they are read back. */
struct tables_back {
	struct json_writer *w;
	struct json_table_lines *lines;
};

static void table_read_back(void *ctx, const struct reg_table *t)
{
	const struct tables_back *back = ctx;
	register_json_table_whole(back->w, back->lines, t);
}

void register_json_interest(struct json_writer *w, const struct reg_interest *d)
{
	const struct interest_result *e = d->effect;
	bool anyway;
	const char *voted = interest_voted_text(d, false, &anyway);
	unsigned line = source_line(d->meeting->src, e->who->span.start);
	jw_begin_object(w);
	json_date(w, "date", d->meeting->date);
	jw_key_string(w, "meeting", d->meeting->title);
	jw_key_string(w, "file", d->meeting->src->name);
	jw_key_int(w, "line", line);
	jw_key_string(w, "motion", d->motion->number);
	jw_key_string(w, "motion_title", d->motion->title);
	jw_key_string(w, "member", e->who->id);
	if (d->member_name) jw_key_string(w, "name", d->member_name); else jw_key_null(w, "name");
	if (e->who->reason) jw_key_string(w, "reason", e->who->reason); else jw_key_null(w, "reason");
	if (d->terms->interests_clause) jw_key_string(w, "clause", d->terms->interests_clause); else jw_key_null(w, "clause");
	jw_key_string(w, "vote", interest_rule_text(d, false));
	jw_key_string(w, "quorum", interest_quorum_text(d, false));
	jw_key_string(w, "room", interest_room_text(d, false));
	jw_key_string(w, "voted", voted);
	jw_key_bool(w, "voted_anyway", anyway);
	jw_end_object(w);
}

/* ---- a declaration whole ------------------------------------------------------- */

void register_json_tails_init(struct json_interest_tails *k)
{
	reg_month_init(&k->month);
	for (unsigned i = 0; i < REG_JSON_WHO; i++) {
		k->who[i].terms = NULL;
		k->who[i].id_lasting = NULL;
	}
	for (unsigned i = 0; i < REG_JSON_SEEN; i++)
		k->seen[i] = (struct json_effect_seen){ .terms = NULL, .tail = &k->tail[i] };
}

/* At o: ",", the new line, `indent` and a literal key; after it. */
#define put_key(o, indent, lit) put_key_quoted((o), (indent), JW_QUOTED(lit))
JW_INLINE char *put_key_quoted(char *o, size_t indent, const char *quoted, size_t n)
{
	*o = ',';
	o = put_indent(o + 1, indent);
	memcpy(o, quoted, n);
	return o + n;
}

/* At o: the line of a key and a word of the code's (no escape). */
static char *put_word(char *o, size_t indent, const char *quoted, size_t n, const char *word)
{
	o = put_key_quoted(o, indent, quoted, n);
	size_t k = strlen(word);
	*o = '"';
	memcpy(o + 1, word, k);
	o[k + 1] = '"';
	return o + k + 2;
}

/* The tail's text, from the clause's line to the object's end, made in t:
** false where the clause does not fit. */
static bool make_tail(struct reg_effect_text *t, const struct reg_interest *d, const char *const words[4], bool anyway,
                      unsigned depth)
{
	const char *clause = d->terms->interests_clause;
	size_t in0 = 1 + 2 * (size_t)depth, in1 = in0 + 2;
	char quoted[REG_EFFECT_CLAUSE * 6 + 4];
	size_t q = 0;
	if (clause && (q = jw_quote_key(quoted, sizeof quoted, clause)) == 0)
		return false;
	char *o = t->text;
	o = put_key(o, in1, "clause");
	if (clause) {
		memcpy(o, quoted, q - 2); /* without the key's ": " */
		o += q - 2;
	} else {
		memcpy(o, "null", 4);
		o += 4;
	}
	o = put_word(o, in1, JW_QUOTED("vote"), words[0]);
	o = put_word(o, in1, JW_QUOTED("quorum"), words[1]);
	o = put_word(o, in1, JW_QUOTED("room"), words[2]);
	o = put_word(o, in1, JW_QUOTED("voted"), words[3]);
	o = put_key(o, in1, "voted_anyway");
	memcpy(o, anyway ? "true" : "false", 5);
	o += anyway ? 4 : 5;
	o = put_indent(o, in0);
	*o++ = '}';
	/* lines of a key of 20 bytes at most and a word of 48, the clause escaped */
	_Static_assert(7 * (1 + 64 + 20 + 48) + 6 * REG_EFFECT_CLAUSE + 2 + 64 + 1 <= REG_EFFECT_TEXT, "room for a tail");
	t->len = (unsigned short)(o - t->text); /* its key is the seen list's (tail_for) */
	return true;
}

/* What of e decides its words (interest_*_text), packed; false where an
** enum is out of what the packing holds. */
static bool json_effect_fields(const struct interest_result *e, uint32_t *fields)
{
	unsigned room = (unsigned)e->room, vote = e->voted ? (unsigned)e->vote : 0;
	if (room > 0xff || vote > 0xff)
		return false;
	*fields = room | vote << 8 | (uint32_t)e->entitled << 16 | (uint32_t)e->vote_open << 17 |
	          (uint32_t)e->vote_void << 18 | (uint32_t)e->quorum_open << 19 | (uint32_t)e->quorum_counted << 20 |
	          (uint32_t)e->votes_named << 21 | (uint32_t)e->voted << 22;
	return true;
}

/*
** The tail for d at depth, found by its effect's fields, terms and depth
** (the words and clause follow from them) among those last seen, each a
** step nearer the front when found again; made in the place of the one
** seen longest ago where none is.  NULL where it cannot be kept (written
** line by line then).  A search, not a hash of the words' addresses: the
** same for any layout of the program.
*/
static const struct reg_effect_text *tail_for(struct json_interest_tails *k, const struct reg_interest *d,
                                              unsigned depth)
{
	uint32_t fields;
	if (!json_effect_fields(d->effect, &fields))
		return NULL;
	struct json_effect_seen *seen = k->seen;
	for (unsigned i = 0; i < REG_JSON_SEEN; i++) {
		if (seen[i].terms == d->terms && seen[i].fields == fields && seen[i].depth == depth) {
			if (i == 0)
				return seen[0].tail;
			struct json_effect_seen hit = seen[i];
			seen[i] = seen[i - 1];
			seen[i - 1] = hit;
			return hit.tail;
		}
	}
	struct json_effect_seen last = seen[REG_JSON_SEEN - 1];
	memmove(&seen[1], &seen[0], (REG_JSON_SEEN - 1) * sizeof *seen);
	seen[0] = (struct json_effect_seen){ NULL, 0, 0, last.tail };
	const char *words[4] = {
		interest_rule_text(d, false), interest_quorum_text(d, false), interest_room_text(d, false), NULL,
	};
	bool anyway;
	words[3] = interest_voted_text(d, false, &anyway);
	if (!make_tail(last.tail, d, words, anyway, depth))
		return NULL;
	seen[0] = (struct json_effect_seen){ d->terms, fields, depth, last.tail };
	return last.tail;
}

/* The "member" and "name" lines of d's member, kept for its roster's
** entry at depth, made where not kept; NULL where they cannot be (not on
** the roster, the record's id spelt otherwise, too long to keep). */
static const struct json_who *who_made(struct json_interest_tails *k, const struct reg_interest *d, unsigned depth)
{
	int i = d->effect->member;
	if (i < 0)
		return NULL;
	const struct member *mb = &d->terms->members[i];
	struct json_who *h = &k->who[(unsigned)i % REG_JSON_WHO];
	const char *id = d->effect->who->id;
	if (d->member_name != mb->name || strcmp(id, mb->id) != 0)
		return NULL;
	/* an id of a run-wide table (meeting.names_lasting) is the same name
	** wherever its address is: found spelt as this entry's, it is known
	** again by its address (who_for) */
	h->id_lasting = d->meeting->names_lasting ? id : NULL;
	if (h->terms == d->terms && h->member == i && h->depth == depth)
		return h;
	h->terms = NULL;
	char key[REG_JSON_WHO_TEXT], name[REG_JSON_WHO_TEXT];
	size_t in1 = 3 + 2 * (size_t)depth;
	size_t ni = jw_quote_key(key, sizeof key, mb->id), nn = mb->name ? jw_quote_key(name, sizeof name, mb->name) : 0;
	if (ni == 0 || nn == 0 || 2 * (1 + sizeof jw_indent + 10) + ni + nn > sizeof h->text)
		return NULL;
	char *o = put_key(h->text, in1, "member");
	memcpy(o, key, ni - 2); /* without the key's ": " */
	o = put_key(o + ni - 2, in1, "name");
	memcpy(o, name, nn - 2);
	h->len = (unsigned short)(o + nn - 2 - h->text);
	h->terms = d->terms;
	h->member = i;
	h->depth = depth;
	return h;
}

/* The same, inline where the lines are kept for the entry and the
** record's id is the one last found there, of a run-wide table. */
JW_INLINE const struct json_who *who_for(struct json_interest_tails *k, const struct reg_interest *d, unsigned depth)
{
	int i = d->effect->member;
	if (i >= 0) {
		const struct json_who *h = &k->who[(unsigned)i % REG_JSON_WHO];
		if (d->effect->who->id == h->id_lasting && d->meeting->names_lasting && h->terms == d->terms &&
		    h->member == i && h->depth == depth && d->member_name == d->terms->members[i].name)
			return h;
	}
	return who_made(k, d, depth);
}

/* The writer's text ends at o: room for n bytes after it, where it ends then. */
JW_INLINE char *room(struct json_writer *w, char *o, size_t n)
{
	jw_end_at(w, o);
	if (w->pending + n > JSON_BUFFER)
		jw_drain(w);
	return w->buf + w->pending;
}

/* The line of a key and s escaped (or null where s is NULL), after o:
** where the writer's text ends. */
JW_INLINE char *key_string(struct json_writer *w, char *o, size_t indent, const char *quoted, size_t n, const char *s)
{
	o = room(w, o, 1 + sizeof jw_indent + JW_KEY_MAX + JW_TOKEN_MAX);
	o = put_key_quoted(o, indent, quoted, n);
	if (!s) {
		memcpy(o, "null", 4);
		return o + 4;
	}
	jw_string_at(w, o, s);
	return w->buf + w->pending;
}

void register_json_interest_whole(struct json_writer *w, struct json_interest_tails *k, const struct reg_interest *d)
{
	const struct reg_effect_text *tail = NULL;
	if (!w->after_key && w->depth + 2 < JSON_MAX_DEPTH)
		tail = tail_for(k, d, w->depth);
	if (!tail) {
		register_json_interest(w, d);
		return;
	}
	const struct interest_result *e = d->effect;
	size_t in1 = 3 + 2 * (size_t)w->depth;
	char date[DATE_FMT_MAX];
	size_t dn = reg_date_text(&k->month, d->meeting->date, date);
	const struct json_who *who = who_for(k, d, w->depth);
	unsigned line = source_line(d->meeting->src, e->who->span.start);
	char *o = jw_next(w, 2 * sizeof jw_indent + 32);
	*o++ = '{';
	o = put_indent(o, in1);
	memcpy(o, "\"date\": \"", 9);
	memcpy(o + 9, date, DATE_FMT_MAX);
	o += 9 + dn;
	*o++ = '"';
	o = key_string(w, o, in1, JW_QUOTED("meeting"), d->meeting->title);
	o = key_string(w, o, in1, JW_QUOTED("file"), d->meeting->src->name);
	o = put_key(room(w, o, 1 + sizeof jw_indent + 16 + NUMFMT_MAX), in1, "line");
	o += numfmt_i64_fast(o, line);
	o = key_string(w, o, in1, JW_QUOTED("motion"), d->motion->number);
	o = key_string(w, o, in1, JW_QUOTED("motion_title"), d->motion->title);
	if (who) {
		o = room(w, o, who->len);
		memcpy(o, who->text, who->len);
		o += who->len;
	} else {
		o = key_string(w, o, in1, JW_QUOTED("member"), e->who->id);
		o = key_string(w, o, in1, JW_QUOTED("name"), d->member_name);
	}
	o = key_string(w, o, in1, JW_QUOTED("reason"), e->who->reason);
	o = room(w, o, tail->len);
	memcpy(o, tail->text, tail->len);
	jw_end_at(w, o + tail->len);
}

static void json_interest(struct register_report *rr, struct body_out *bo, const struct reg_interest *d)
{
	(void)rr;
	register_json_interest_whole(bo->ji, bo->tails, d);
}

/* Copy a temporary file written by `part` into w's current array. */
static bool splice(struct json_writer *w, FILE *from, struct json_writer *part)
{
	if (!from)
		return true;
	jw_flush(part);
	jw_flush(w);
	bool ok = register_copy(from, w->out);
	w->first[w->depth] = part->first[part->depth];
	return ok;
}

static void member_totals(struct json_writer *w, const struct reg_member *m)
{
	jw_begin_object(w);
	jw_key_string(w, "id", m->id);
	jw_key_string(w, "name", m->name);
	jw_key_bool(w, "voting", m->voting);
	jw_key_int(w, "meetings", reg_member_meetings(m));
	jw_key_int(w, "present", reg_member_present(m));
	jw_key_int(w, "in_part", reg_member_part(m));
	jw_key_int(w, "apologies", m->by_status[ATT_APOLOGIES]);
	jw_key_int(w, "absent", m->by_status[ATT_ABSENT]);
	jw_key_lit(w, "by_attendance");
	jw_begin_object(w);
	for (int a = ATT_PRESENT; a < ATT__COUNT; a++) {
		jw_key(w, attendance_name((enum attendance)a));
		jw_int(w, m->by_status[a]);
	}
	jw_end_object(w);
	jw_end_object(w);
}

static bool json_body(struct register_report *rr, struct body_out *bo, FILE *out, struct json_writer *w)
{
	(void)rr;
	(void)out;
	const struct reg_body *b = bo->body;
	jw_begin_object(w);
	jw_key_string(w, "body", b->name);
	jw_key_int(w, "meetings", b->meetings);
	if (b->meetings) {
		json_date(w, "first", b->first);
		json_date(w, "last", b->last);
	} else {
		jw_key_null(w, "first");
		jw_key_null(w, "last");
	}
	jw_key_int(w, "outside_meetings", b->outside);
	jw_key_lit(w, "members");
	jw_begin_array(w);
	for (size_t i = 0; i < b->members.n; i++)
		member_totals(w, b->members.items[i]);
	jw_end_array(w);
	jw_key_lit(w, "attendance");
	jw_begin_array(w);
	struct tables_back back = { w, bo->lines };
	bool ok = reg_spool_each_table(bo->tables, b, table_read_back, &back);
	jw_end_array(w);
	jw_key_lit(w, "interests");
	jw_begin_array(w);
	ok = splice(w, bo->interests, bo->ji) && ok;
	jw_end_array(w);
	jw_end_object(w);
	return ok;
}

static void json_begin(struct register_report *rr, FILE *out, struct json_writer *w, bool standalone)
{
	(void)rr;
	(void)out;
	(void)standalone;
	jw_begin_object(w);
	jw_key_lit(w, "bodies");
	jw_begin_array(w);
}

static void json_end(struct register_report *rr, FILE *out, struct json_writer *w, bool standalone)
{
	(void)rr;
	(void)out;
	jw_end_array(w);
	jw_end_object(w);
	if (standalone)
		jw_finish(w);
}

const struct register_format_ops register_json_ops = { json_table, json_interest, json_body, json_begin, json_end };

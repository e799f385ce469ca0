/*
** register_json: the registers as JSON (docs/schema/register.schema.json):
** for each body, its members with their totals, every meeting with each
** member's attendance, and every declaration of interest with its effect.
*/
#include "report/register_int.h"

#include <string.h>

/* "key": "YYYY-MM-DD", the key a literal */
#define json_date(w, key, d) json_date_quoted((w), "\"" key "\": ", sizeof "\"" key "\": " - 1, (d))

static void json_date_quoted(struct json_writer *w, const char *quoted, size_t n, qdate d)
{
	char buf[DATE_FMT_MAX];
	jw_quoted_string(w, quoted, n, date_format(d, buf));
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

/*
** The lines of an "attendance" object at once: every member's quoted key
** and each attendance's quoted name kept in CELL_TEXT bytes, so that a
** line is a comma, the indentation and two copies of a fixed size, and
** all the lines of a meeting one check for room (a register's table is a
** dozen lines a meeting: line by line, they were most of its cost).  For
** a table whose keys all fit (TABLE_KEYS members, CELL_TEXT bytes each).
*/
#define CELL_TEXT 32
struct table_lines {
	unsigned char key_len[TABLE_KEYS];
	char key[TABLE_KEYS][CELL_TEXT];
	unsigned char value_len[ATT__COUNT];
	char value[ATT__COUNT][CELL_TEXT];
};

/* false: a key or a name does not fit its CELL_TEXT bytes */
static bool table_lines_of(struct table_lines *tl, const struct table_keys *k, const struct reg_table *t)
{
	if (k->n != t->n_members)
		return false;
	for (unsigned r = 0; r < k->n; r++) {
		size_t n = (size_t)(k->at[r + 1] - k->at[r]);
		if (n > CELL_TEXT)
			return false;
		memcpy(tl->key[r], k->text + k->at[r], n);
		tl->key_len[r] = (unsigned char)n;
	}
	for (int a = ATT_PRESENT; a < ATT__COUNT; a++) {
		const char *name = attendance_name((enum attendance)a); /* the code's own words: no escape */
		size_t n = strlen(name);
		if (n + 2 > CELL_TEXT)
			return false;
		tl->value[a][0] = '"';
		memcpy(tl->value[a] + 1, name, n);
		tl->value[a][n + 1] = '"';
		tl->value_len[a] = (unsigned char)(n + 2);
	}
	return true;
}

static void json_attendance_at_once(struct json_writer *w, const struct table_lines *tl, const struct reg_table *t,
                                    unsigned c)
{
	jw_begin_object(w);
	enum { LINE = 1 + sizeof jw_indent + 2 * CELL_TEXT };
	_Static_assert(TABLE_KEYS * LINE + JW_LINE_MAX <= JSON_BUFFER, "room for a meeting's lines");
	if (w->pending + (size_t)t->n_members * LINE > sizeof w->buf)
		jw_drain(w);
	char *o = w->buf + w->pending;
	size_t indent = 1 + 2 * (size_t)w->depth;
	bool comma = false;
	for (unsigned r = 0; r < t->n_members; r++) {
		enum attendance a = t->cells[r * t->n_meetings + c];
		if (a == ATT_NOT_MEMBER)
			continue;
		*o = ',';
		o += comma;
		comma = true;
		memcpy(o, jw_indent, sizeof jw_indent); /* all of them, fixed-size copies */
		o += indent;
		memcpy(o, tl->key[r], CELL_TEXT);
		o += tl->key_len[r];
		memcpy(o, tl->value[a], CELL_TEXT);
		o += tl->value_len[a];
	}
	if (comma)
		w->first[w->depth] = false;
	jw_end_at(w, o);
	jw_end_object(w);
}

void register_json_table(struct json_writer *w, const struct reg_table *t, bool at_once)
{
	struct table_keys keys;
	struct table_lines lines;
	quote_table_keys(&keys, t);
	at_once = at_once && table_lines_of(&lines, &keys, t);
	for (unsigned c = 0; c < t->n_meetings; c++) {
		const struct reg_meeting *m = &t->meetings[c];
		jw_begin_object(w);
		json_date(w, "date", m->date);
		jw_key_string(w, "title", m->title);
		jw_key_string(w, "file", m->file);
		jw_key_lit(w, "attendance");
		if (at_once) {
			json_attendance_at_once(w, &lines, t, c);
		} else {
			jw_begin_object(w);
			for (unsigned r = 0; r < t->n_members; r++) {
				enum attendance a = t->cells[r * t->n_meetings + c];
				if (a == ATT_NOT_MEMBER)
					continue;
				json_member_key(w, &keys, t, r);
				jw_plain(w, attendance_name(a));
			}
			jw_end_object(w);
		}
		jw_end_object(w);
	}
}

static void json_table(struct register_report *rr, struct body_out *bo, const struct reg_table *t)
{
	(void)rr;
	register_json_table(bo->jt, t, true);
}

static void json_interest(struct register_report *rr, struct body_out *bo, const struct reg_interest *d)
{
	(void)rr;
	struct json_writer *w = bo->ji;
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
	bool ok = splice(w, bo->tables, bo->jt);
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

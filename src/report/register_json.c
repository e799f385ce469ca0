/*
** register_json: the registers as JSON (docs/schema/register.schema.json):
** for each body, its members with their totals, every meeting with each
** member's attendance, and every declaration of interest with its effect.
*/
#include "report/register_int.h"

static void json_date(struct json_writer *w, const char *key, qdate d)
{
	char buf[DATE_FMT_MAX];
	json_key(w, key);
	json_string(w, date_format(d, buf));
}

static void json_table(struct register_report *rr, struct body_out *bo, const struct reg_table *t)
{
	(void)rr;
	struct json_writer *w = &bo->jt;
	for (unsigned c = 0; c < t->n_meetings; c++) {
		const struct reg_meeting *m = &t->meetings[c];
		json_begin_object(w);
		json_date(w, "date", m->date);
		json_key(w, "title");
		json_string(w, m->title);
		json_key(w, "file");
		json_string(w, m->file);
		json_key(w, "attendance");
		json_begin_object(w);
		for (unsigned r = 0; r < t->n_members; r++) {
			enum attendance a = t->cells[r * t->n_meetings + c];
			if (a == ATT_NOT_MEMBER)
				continue;
			json_key(w, t->members[r]->id);
			json_string(w, attendance_name(a));
		}
		json_end_object(w);
		json_end_object(w);
	}
}

static void json_interest(struct register_report *rr, struct body_out *bo, const struct reg_interest *d)
{
	(void)rr;
	struct json_writer *w = &bo->ji;
	const struct interest_result *e = d->effect;
	bool anyway;
	const char *voted = interest_voted_text(d, false, &anyway);
	unsigned line, col;
	source_position(d->meeting->src, e->who->span.start, &line, &col);
	json_begin_object(w);
	json_date(w, "date", d->meeting->date);
	json_key(w, "meeting");
	json_string(w, d->meeting->title);
	json_key(w, "file");
	json_string(w, d->meeting->src->name);
	json_key(w, "line");
	json_int(w, line);
	json_key(w, "motion");
	json_string(w, d->motion->number);
	json_key(w, "motion_title");
	json_string(w, d->motion->title);
	json_key(w, "member");
	json_string(w, e->who->id);
	json_key(w, "name");
	if (d->member_name) json_string(w, d->member_name); else json_null(w);
	json_key(w, "reason");
	if (e->who->reason) json_string(w, e->who->reason); else json_null(w);
	json_key(w, "clause");
	if (d->terms->interests_clause) json_string(w, d->terms->interests_clause); else json_null(w);
	json_key(w, "vote");
	json_string(w, interest_rule_text(d, false));
	json_key(w, "quorum");
	json_string(w, interest_quorum_text(d, false));
	json_key(w, "room");
	json_string(w, interest_room_text(d, false));
	json_key(w, "voted");
	json_string(w, voted);
	json_key(w, "voted_anyway");
	json_bool(w, anyway);
	json_end_object(w);
}

/* Copy a temporary file written by `part` into w's current array. */
static bool splice(struct json_writer *w, FILE *from, const struct json_writer *part)
{
	if (!from)
		return true;
	json_flush(w);
	bool ok = register_copy(from, w->out);
	w->first[w->depth] = part->first[part->depth];
	return ok;
}

static void member_totals(struct json_writer *w, const struct reg_member *m)
{
	json_begin_object(w);
	json_key(w, "id");
	json_string(w, m->id);
	json_key(w, "name");
	json_string(w, m->name);
	json_key(w, "voting");
	json_bool(w, m->voting);
	json_key(w, "meetings");
	json_int(w, reg_member_meetings(m));
	json_key(w, "present");
	json_int(w, reg_member_present(m));
	json_key(w, "in_part");
	json_int(w, reg_member_part(m));
	json_key(w, "apologies");
	json_int(w, m->by_status[ATT_APOLOGIES]);
	json_key(w, "absent");
	json_int(w, m->by_status[ATT_ABSENT]);
	json_key(w, "by_attendance");
	json_begin_object(w);
	for (int a = ATT_PRESENT; a < ATT__COUNT; a++) {
		json_key(w, attendance_name((enum attendance)a));
		json_int(w, m->by_status[a]);
	}
	json_end_object(w);
	json_end_object(w);
}

static bool json_body(struct register_report *rr, struct body_out *bo, FILE *out, struct json_writer *w)
{
	(void)rr;
	(void)out;
	const struct reg_body *b = bo->body;
	json_begin_object(w);
	json_key(w, "body");
	json_string(w, b->name);
	json_key(w, "meetings");
	json_int(w, b->meetings);
	if (b->meetings) {
		json_date(w, "first", b->first);
		json_date(w, "last", b->last);
	} else {
		json_key(w, "first");
		json_null(w);
		json_key(w, "last");
		json_null(w);
	}
	json_key(w, "outside_meetings");
	json_int(w, b->outside);
	json_key(w, "members");
	json_begin_array(w);
	for (size_t i = 0; i < b->members.n; i++)
		member_totals(w, b->members.items[i]);
	json_end_array(w);
	json_key(w, "attendance");
	json_begin_array(w);
	bool ok = splice(w, bo->tables, &bo->jt);
	json_end_array(w);
	json_key(w, "interests");
	json_begin_array(w);
	ok = splice(w, bo->interests, &bo->ji) && ok;
	json_end_array(w);
	json_end_object(w);
	return ok;
}

static void json_begin(struct register_report *rr, FILE *out, struct json_writer *w, bool standalone)
{
	(void)rr;
	(void)out;
	(void)standalone;
	json_begin_object(w);
	json_key(w, "bodies");
	json_begin_array(w);
}

static void json_end(struct register_report *rr, FILE *out, struct json_writer *w, bool standalone)
{
	(void)rr;
	(void)out;
	json_end_array(w);
	json_end_object(w);
	if (standalone)
		json_finish(w);
}

const struct register_format_ops register_json_ops = { json_table, json_interest, json_body, json_begin, json_end };

/*
** report_json: a meeting's evaluation as JSON, following
** docs/schema/eval.schema.json.  Numbers that may be fractions are strings
** ("6.75", "20/3") so that no reader rounds them; counts are integers.
*/
#include "report/report.h"

/* {"file", "line", "column"} of a location, or null. */
void report_json_where(struct json_writer *w, const struct loc *l)
{
	if (!l->src) {
		json_null(w);
		return;
	}
	json_begin_object(w);
	report_json_loc_fields(w, l);
	json_end_object(w);
}

void report_json_loc_fields(struct json_writer *w, const struct loc *l)
{
	json_key(w, "file");
	if (!l->src) {
		json_null(w);
		return;
	}
	unsigned line, col;
	source_position(l->src, l->start, &line, &col);
	json_string(w, l->src->name);
	json_key(w, "line");
	json_int(w, line);
	json_key(w, "column");
	json_int(w, col);
}

static void json_opt_string(struct json_writer *w, const char *key, const char *s)
{
	json_key(w, key);
	if (s)
		json_string(w, s);
	else
		json_null(w);
}

static void json_findings(struct json_writer *w, const struct finding_list *l)
{
	json_begin_array(w);
	for (const struct finding *f = l->first; f; f = f->next) {
		json_begin_object(w);
		json_key(w, "code");
		json_string(w, finding_code_name(f->code));
		json_key(w, "severity");
		json_string(w, finding_severity_name(f->sev));
		json_opt_string(w, "clause", f->clause);
		json_key(w, "message");
		json_string(w, f->message);
		json_key(w, "file");
		if (f->where.src)
			json_string(w, f->where.src->name);
		else
			json_null(w);
		json_key(w, "line");
		if (f->where.src) {
			unsigned line, col;
			source_position(f->where.src, f->where.start, &line, &col);
			json_int(w, line);
		} else {
			json_null(w);
		}
		json_key(w, "rule");
		report_json_where(w, &f->rule);
		json_end_object(w);
	}
	json_end_array(w);
}

static void json_requirements(struct json_writer *w, const struct req_result *reqs, unsigned n)
{
	json_begin_array(w);
	for (unsigned i = 0; i < n; i++) {
		const struct req_result *q = &reqs[i];
		json_begin_object(w);
		json_opt_string(w, "clause", q->clause);
		json_key(w, "rule");
		json_string(w, q->text);
		json_key(w, "met");
		if (q->failed)
			json_null(w);
		else
			json_bool(w, q->met);
		json_key(w, "needed");
		if (q->has_needed)
			json_int(w, q->needed);
		else
			json_null(w);
		json_key(w, "working");
		json_string(w, q->working ? q->working : "");
		json_end_object(w);
	}
	json_end_array(w);
}

static void json_counts(struct json_writer *w, const struct counts *c)
{
	static const enum count_kind order[] = {
		COUNT_MEMBERS, COUNT_PRESENT, COUNT_ELIGIBLE, COUNT_CONFLICTED,
		COUNT_YES, COUNT_NO, COUNT_ABSTAIN, COUNT_CAST, COUNT_VOTES,
	};
	json_begin_object(w);
	for (size_t i = 0; i < sizeof order / sizeof order[0]; i++) {
		json_key(w, ast_count_name(order[i]));
		json_int(w, c->n[order[i]]);
	}
	json_end_object(w);
}

static void json_motion(struct json_writer *w, const struct motion_result *mr)
{
	const struct rec_motion *mo = mr->motion;
	json_begin_object(w);
	json_key(w, "number");
	json_string(w, mo->number);
	json_key(w, "title");
	json_string(w, mo->title);
	json_key(w, "class");
	if (mr->cls) {
		json_begin_object(w);
		json_key(w, "name");
		json_string(w, mr->cls->id);
		json_opt_string(w, "clause", mr->cls->clause);
		json_opt_string(w, "title", mr->cls->title);
		json_end_object(w);
	} else {
		json_null(w);
	}
	json_key(w, "attributes");
	json_begin_object(w);
	for (unsigned i = 0; i < mo->n_attrs; i++) {
		char buf[RAT_FMT_MAX + 4];
		const struct value *v = &mo->attrs[i].value;
		json_key(w, mo->attrs[i].name);
		if (v->type == VT_BOOL)
			json_bool(w, v->u.boolean);
		else if (v->type == VT_STR)
			json_string(w, v->u.str);
		else /* numbers as exact strings ("40000", "0.1"); dates as written */
			json_string(w, v->type == VT_NUM ? rat_format(v->u.num, buf, sizeof buf) : value_format(v, buf, sizeof buf));
	}
	json_end_object(w);
	json_key(w, "virtual_on");
	if (mo->is_virtual) {
		char d[DATE_FMT_MAX];
		json_string(w, date_format(mo->virtual_on, d));
	} else {
		json_null(w);
	}
	json_key(w, "interests");
	json_begin_array(w);
	for (unsigned i = 0; i < mo->interests.n; i++) {
		json_begin_object(w);
		json_key(w, "member");
		json_string(w, mo->interests.items[i].id);
		json_opt_string(w, "reason", mo->interests.items[i].reason);
		json_end_object(w);
	}
	json_end_array(w);
	json_key(w, "quorate");
	if (mr->quorum_known)
		json_bool(w, mr->quorate);
	else
		json_null(w);
	json_key(w, "quorum_present");
	if (mr->quorum_known && !mo->is_virtual)
		json_int(w, mr->quorum_present);
	else
		json_null(w);
	json_key(w, "quorum");
	json_requirements(w, mr->quorum, mr->n_quorum);
	json_key(w, "counts");
	json_counts(w, &mr->counts);
	json_key(w, "decision");
	json_string(w, mr->by_consensus ? "consensus" : mr->declared_only ? "declared"
	               : (mo->n_votes || mo->has_tally) ? "vote" : "none");
	json_key(w, "casting_vote_applied");
	json_bool(w, mr->casting_applied);
	json_key(w, "requires");
	json_requirements(w, mr->reqs, mr->n_reqs);
	json_key(w, "outcome");
	json_string(w, ast_outcome_name(mr->outcome));
	json_key(w, "recorded");
	if (mr->recorded != OUTCOME_NONE)
		json_string(w, ast_outcome_name(mr->recorded));
	else
		json_null(w);
	json_key(w, "findings");
	json_findings(w, &mr->findings);
	json_end_object(w);
}

void report_json_meeting(struct json_writer *w, const struct meeting_result *r)
{
	const struct meeting *m = r->meeting;
	const struct terms *t = r->terms;
	char d[DATE_FMT_MAX];
	json_begin_object(w);
	json_key(w, "meeting");
	json_begin_object(w);
	json_key(w, "title");
	json_string(w, m->title);
	json_key(w, "date");
	json_string(w, date_format(m->date, d));
	json_key(w, "file");
	json_string(w, m->src->name);
	json_key(w, "terms");
	json_begin_object(w);
	json_key(w, "name");
	json_string(w, t->name);
	json_opt_string(w, "version", t->version);
	json_key(w, "effective");
	if (t->has_effective)
		json_string(w, date_format(t->effective, d));
	else
		json_null(w);
	json_key(w, "file");
	json_string(w, t->src->name);
	json_end_object(w);
	json_key(w, "members");
	json_int(w, r->members);
	json_key(w, "present_at_start");
	json_int(w, r->present_at_start);
	json_end_object(w);
	json_key(w, "motions");
	json_begin_array(w);
	for (unsigned i = 0; i < r->n_motions; i++)
		json_motion(w, &r->motions[i]);
	json_end_array(w);
	json_key(w, "findings");
	json_findings(w, &r->findings);
	json_key(w, "summary");
	json_begin_object(w);
	json_key(w, "motions");
	json_int(w, r->n_motions);
	json_key(w, "errors");
	json_int(w, r->count_by_sev[SEV_ERROR]);
	json_key(w, "breaches");
	json_int(w, r->count_by_sev[SEV_BREACH]);
	json_key(w, "warnings");
	json_int(w, r->count_by_sev[SEV_WARNING]);
	json_key(w, "notes");
	json_int(w, r->count_by_sev[SEV_NOTE]);
	json_key(w, "mismatches");
	json_int(w, r->mismatches);
	json_end_object(w);
	json_end_object(w);
}

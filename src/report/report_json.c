/*
** report_json: the JSON format (struct report_ops report_json), for
** programs: a meeting (docs/schema/eval.schema.json), a history
** (replay.schema.json), an amendment (diff.schema.json) and diagnostics.
** Numbers that may be fractions are strings ("6.75", "20/3") so that no
** reader rounds them; counts are integers.
*/
#include "report/register_int.h"
#include "report/report.h"

#include "report/report_conform.h"
#include "report/report_explain.h"

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

static void json_opt_string(struct json_writer *w, const char *key, const char *s);

/* A ratification seen from the provisional decision (`by`: the ratifying
** motion, or null) or from the ratifying motion (the decision it ratifies). */
static void json_ratification(struct json_writer *w, const struct ratification *r, bool by)
{
	static const char *const status[] = { [RATIFIED] = "ratified", [RATIFIED_LATE] = "late",
	                                      [RATIFIED_INVALID] = "invalid", [NOT_RATIFIED] = "not ratified" };
	char d[DATE_FMT_MAX];
	if (!r || (by && r->status == NOT_RATIFIED)) {
		if (by && r) { /* provisional and never ratified: say so, not null */
			json_begin_object(w);
			json_key(w, "status"); json_string(w, status[r->status]);
			json_key(w, "meeting"); json_null(w);
			json_key(w, "motion"); json_null(w);
			json_key(w, "date"); json_null(w);
			json_key(w, "file"); json_null(w);
			json_key(w, "line"); json_null(w);
			json_end_object(w);
		} else {
			json_null(w);
		}
		return;
	}
	json_begin_object(w);
	json_key(w, "status"); json_string(w, status[r->status]);
	json_key(w, "meeting"); json_string(w, by ? r->by_meeting : r->meeting);
	json_key(w, "motion"); json_string(w, by ? r->by_motion : r->motion);
	json_key(w, "date"); json_string(w, date_format(by ? r->by_date : r->taken, d));
	json_key(w, "file"); json_string(w, by ? r->by_file : r->file);
	json_key(w, "line"); json_int(w, by ? r->by_line : r->line);
	json_end_object(w);
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
		char buf[REQ_WORKING_MAX];
		const char *working = req_working(q, buf);
		json_string(w, working ? working : "");
		json_end_object(w);
	}
	json_end_array(w);
}

static void json_counts(struct json_writer *w, const struct counts *c, bool attendees)
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
	if (attendees) {
		json_key(w, "attendees");
		json_int(w, c->n[COUNT_ATTENDEES]);
	}
	json_end_object(w);
}

static void json_motion(struct json_writer *w, const struct terms *t, const struct motion_result *mr)
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
		else /* numbers as exact strings with their decimals as written ("40000", "31000.50"); dates */
			json_string(w, value_format(v, buf, sizeof buf));
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
	if (t->uses_attendees) {
		json_key(w, "quorum_attendees");
		if (mr->quorum_known && !mo->is_virtual)
			json_int(w, mr->quorum_attendees);
		else
			json_null(w);
	}
	json_key(w, "quorum");
	json_requirements(w, mr->quorum, mr->n_quorum);
	json_key(w, "counts");
	json_counts(w, &mr->counts, t->uses_attendees);
	json_key(w, "decision");
	json_string(w, mr->by_consensus ? "consensus" : mr->declared_only ? "declared"
	               : (mo->n_votes || mo->has_tally) ? "vote" : "none");
	json_key(w, "casting_vote_applied");
	json_bool(w, mr->casting_applied);
	json_key(w, "ratified_by");
	json_ratification(w, mr->ratified_by, true);
	json_key(w, "ratifies");
	json_ratification(w, mr->ratifies, false);
	json_key(w, "casting");
	json_begin_object(w);
	json_opt_string(w, "recorded", report_casting_recorded(mr));
	json_key(w, "applied");
	json_bool(w, mr->casting_applied);
	json_end_object(w);
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
		json_motion(w, r->terms, &r->motions[i]);
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

/* ---- diagnostics (check, and eval's malformed input) ----------------------------------- */

/* "suggestion": the fix-it's replacement text and the span it replaces
** (end_line/end_column just past it; equal to line/column for an insertion),
** or null. */
static void json_suggestion(struct json_writer *w, const struct diag_fixit *f)
{
	json_key(w, "suggestion");
	if (!f) {
		json_null(w);
		return;
	}
	json_begin_object(w);
	json_key(w, "text");
	json_string(w, f->text);
	report_json_loc_fields(w, &f->loc);
	if (f->loc.src) {
		unsigned line, col;
		source_position(f->loc.src, f->loc.end, &line, &col);
		json_key(w, "end_line");
		json_int(w, line);
		json_key(w, "end_column");
		json_int(w, col);
	}
	json_end_object(w);
}

static void json_diagnostics(FILE *out, struct diag_sink *d, const struct report_opts *o)
{
	(void)o;
	diag_sort(d);
	struct json_writer w;
	json_init(&w, out);
	json_begin_object(&w);
	json_key(&w, "errors");
	json_int(&w, d->n_errors);
	json_key(&w, "warnings");
	json_int(&w, d->n_warnings);
	json_key(&w, "diagnostics");
	json_begin_array(&w);
	for (size_t i = 0; i < d->items.n; i++) {
		const struct diag *g = &d->items.items[i];
		json_begin_object(&w);
		json_key(&w, "severity");
		json_string(&w, diag_severity_name(g->sev));
		json_key(&w, "code");
		json_string(&w, diag_code_name(g->code));
		json_key(&w, "message");
		json_string(&w, g->msg);
		report_json_loc_fields(&w, &g->loc);
		json_suggestion(&w, g->fixit);
		json_key(&w, "notes");
		json_begin_array(&w);
		for (const struct diag_note *n = g->notes; n; n = n->next) {
			json_begin_object(&w);
			json_key(&w, "message");
			json_string(&w, n->msg);
			report_json_loc_fields(&w, &n->loc);
			json_end_object(&w);
		}
		json_end_array(&w);
		json_end_object(&w);
	}
	json_end_array(&w);
	json_end_object(&w);
	json_finish(&w);
}

/* ---- one meeting (eval) ---------------------------------------------------------------- */

static void json_meeting(FILE *out, const struct meeting_result *r, const struct report_opts *o)
{
	(void)o;
	struct json_writer w;
	json_init(&w, out);
	report_json_meeting(&w, r);
	json_finish(&w);
}

/* ---- a history (replay): meetings stream straight out ------------------------------------ */

/*
** The meetings wait in a temporary file, as the text report's do, and are
** copied out at the end: replay may take them all back (a history out of
** date order is judged again, in order), which a pipe, or a file that also
** holds the diagnostics, would not allow.
*/
struct json_replay {
	struct json_writer w;            /* first: a struct json_replay * is its writer */
	struct json_writer at_meetings;  /* the writer just after "meetings": [ */
};

static bool json_replay_begin(struct replay_report *rw)
{
	struct json_replay *j = arena_alloc(rw->arena, sizeof *j);
	rw->state = j;
	if (!rw->summary_only && !report_replay_body(rw))
		return false;
	json_init(&j->w, rw->out);
	json_begin_object(&j->w);
	json_key(&j->w, "meetings");
	json_begin_array(&j->w);
	if (rw->body)
		j->w.out = rw->body;
	j->at_meetings = j->w;
	return true;
}

static void json_replay_rewind(struct replay_report *rw)
{
	struct json_replay *j = rw->state;
	j->w = j->at_meetings; /* the file itself is emptied by report_replay_rewind */
}

static void json_replay_meeting(struct replay_report *rw, const struct meeting_result *r, const struct replay_meta *meta)
{
	struct json_writer *w = rw->state;
	json_begin_object(w);
	json_key(w, "file");
	json_string(w, meta->record_file);
	json_key(w, "sha256");
	json_string(w, meta->record_sha256);
	json_key(w, "terms_file");
	json_string(w, meta->terms_file);
	json_key(w, "terms_sha256");
	json_string(w, meta->terms_sha256);
	json_key(w, "result");
	report_json_meeting(w, r);
	json_end_object(w);
}

static void json_history_findings(struct json_writer *w, const struct replay_report *rw)
{
	json_key(w, "findings");
	json_begin_array(w);
	for (size_t i = 0; i < rw->findings.n; i++) {
		const struct history_finding *f = &rw->findings.items[i];
		json_begin_object(w);
		json_key(w, "code");
		json_string(w, finding_code_name(f->code));
		json_key(w, "severity");
		json_string(w, finding_severity_name(f->sev));
		json_opt_string(w, "clause", f->clause);
		json_key(w, "message");
		json_string(w, f->message);
		json_opt_string(w, "file", f->file);
		json_key(w, "line");
		if (f->file) json_int(w, f->line); else json_null(w);
		json_end_object(w);
	}
	json_end_array(w);
}

static void json_summary(struct json_writer *w, const struct replay_summary *s)
{
	json_key(w, "summary");
	json_begin_object(w);
	json_key(w, "meetings"); json_int(w, s->meetings);
	json_key(w, "outside_meetings"); json_int(w, s->outside_meetings);
	json_key(w, "motions"); json_int(w, s->motions);
	json_key(w, "record_files"); json_int(w, s->record_files);
	json_key(w, "terms_versions"); json_int(w, s->terms_versions);
	json_key(w, "terms_versions_used"); json_int(w, s->versions_used);
	json_key(w, "malformed_files"); json_int(w, s->malformed_files);
	json_key(w, "mismatches"); json_int(w, s->mismatches);
	json_key(w, "outcomes");
	json_begin_object(w);
	for (int oc = OUTCOME_CARRIED; oc <= OUTCOME_UNDETERMINED; oc++) {
		json_key(w, ast_outcome_name((enum outcome)oc));
		json_int(w, s->by_outcome[oc]);
	}
	json_end_object(w);
	json_key(w, "ratified"); json_int(w, s->ratified);
	json_key(w, "still_provisional"); json_int(w, s->still_provisional);
	json_key(w, "by_severity");
	json_begin_object(w);
	for (int sev = SEV_ERROR; sev >= SEV_NOTE; sev--) {
		json_key(w, finding_severity_name((enum finding_severity)sev));
		json_int(w, s->by_severity[sev]);
	}
	json_end_object(w);
	json_key(w, "by_code"); /* errors first, as the reports list them */
	json_begin_object(w);
	enum finding_code order[F__COUNT];
	finding_codes_by_severity(order);
	for (unsigned c = 0; c < F__COUNT; c++) {
		if (!s->by_code[order[c]])
			continue;
		json_key(w, finding_code_name(order[c]));
		json_int(w, s->by_code[order[c]]);
	}
	json_end_object(w);
	json_end_object(w);
}

static bool json_replay_end(struct replay_report *rw, const struct replay_summary *s)
{
	struct json_writer *w = rw->state;
	bool ok = true;
	if (rw->body) {
		/* A failure of the output itself is the command's to report, as
		** when the meetings go straight out; only the temporary file's is
		** this report's. */
		ok = report_copy_stream(rw->body, rw->out) || ferror(rw->out);
		w->out = rw->out;
	}
	json_end_array(w); /* meetings */
	json_history_findings(w, rw);
	json_summary(w, s);
	if (rw->registers) {
		json_key(w, "registers");
		ok = register_report_write(rw->registers, rw->out, w, false) && ok;
	}
	json_end_object(w);
	json_finish(w);
	return ok;
}

/* ---- an amendment (diff) ------------------------------------------------------------------ */

static void json_amend_changes(struct json_writer *w, const struct amend *d)
{
	json_key(w, "changes");
	json_begin_array(w);
	for (size_t i = 0; i < d->changes.n; i++) {
		json_begin_object(w);
		json_key(w, "heading");
		json_string(w, d->changes.items[i].heading);
		json_opt_string(w, "clause", d->changes.items[i].clause);
		json_opt_string(w, "before", d->changes.items[i].before);
		json_opt_string(w, "after", d->changes.items[i].after);
		json_end_object(w);
	}
	json_end_array(w);
}

static void json_amend_search(struct json_writer *w, const struct diff_search *s)
{
	json_key(w, "scenarios");
	json_begin_object(w);
	json_key(w, "searched");
	json_int(w, (int64_t)s->scenarios);
	json_key(w, "differing");
	json_int(w, (int64_t)s->differing);
	json_key(w, "complete");
	json_bool(w, !s->truncated);
	json_key(w, "space");
	if (s->space)
		json_int(w, (int64_t)s->space);
	else
		json_null(w);
	json_key(w, "attendances");
	json_int(w, (int64_t)s->attendances);
	json_key(w, "attendances_all");
	if (s->attendances_all)
		json_int(w, (int64_t)s->attendances_all);
	else
		json_null(w);
	json_key(w, "levels");
	json_int(w, s->levels);
	json_key(w, "rounds");
	json_int(w, s->rounds);
	json_key(w, "work");
	json_int(w, (int64_t)s->work);
	json_key(w, "bound");
	json_int(w, (int64_t)s->bound);
	json_opt_string(w, "cut_short_by", s->truncated ? (s->why_truncated ? s->why_truncated : "its bound") : NULL);
	json_key(w, "transitions");
	json_begin_array(w);
	for (int b = OUTCOME_CARRIED; b <= OUTCOME_UNDETERMINED; b++)
		for (int n = OUTCOME_CARRIED; n <= OUTCOME_UNDETERMINED; n++)
			if (s->transitions[b][n]) {
				json_begin_object(w);
				json_key(w, "before");
				json_string(w, ast_outcome_name((enum outcome)b));
				json_key(w, "after");
				json_string(w, ast_outcome_name((enum outcome)n));
				json_key(w, "count");
				json_int(w, (int64_t)s->transitions[b][n]);
				json_end_object(w);
			}
	json_end_array(w);
	json_key(w, "examples");
	json_begin_array(w);
	for (unsigned i = 0; i < s->n_examples; i++) {
		const struct diff_example *e = &s->examples[i];
		json_begin_object(w);
		json_key(w, "present"); json_int(w, e->present);
		json_key(w, "for"); json_int(w, e->yes);
		json_key(w, "against"); json_int(w, e->no);
		json_key(w, "abstain"); json_int(w, e->abstain);
		json_key(w, "conflicted"); json_int(w, e->conflicted);
		json_opt_string(w, "casting", e->casting < 0 ? NULL : e->casting == VOTE_FOR ? "for" : "against");
		json_key(w, "motion"); json_string(w, e->motion);
		json_key(w, "before"); json_string(w, ast_outcome_name(e->before));
		json_key(w, "after"); json_string(w, ast_outcome_name(e->after));
		json_end_object(w);
	}
	json_end_array(w);
	json_end_object(w);
}

static void json_amend_history(struct json_writer *w, const struct amend *d)
{
	json_key(w, "history");
	json_begin_object(w);
	json_key(w, "meetings"); json_int(w, d->history_meetings);
	json_key(w, "later_meetings_not_compared"); json_int(w, d->history_later);
	json_key(w, "motions"); json_int(w, d->history_motions);
	json_key(w, "flips");
	json_begin_array(w);
	for (size_t i = 0; i < d->flips.n; i++) {
		const struct amend_flip *f = &d->flips.items[i];
		json_begin_object(w);
		json_key(w, "meeting"); json_string(w, f->meeting);
		json_key(w, "date"); json_string(w, f->date);
		json_key(w, "file"); json_string(w, f->file);
		json_key(w, "line"); json_int(w, f->line);
		json_key(w, "motion"); json_string(w, f->motion);
		json_key(w, "title"); json_string(w, f->title);
		json_key(w, "before"); json_string(w, ast_outcome_name(f->before));
		json_key(w, "after"); json_string(w, ast_outcome_name(f->after));
		json_key(w, "working_before"); json_string(w, f->why_before);
		json_key(w, "working_after"); json_string(w, f->why_after);
		json_end_object(w);
	}
	json_end_array(w);
	json_end_object(w);
}

static void json_amend(FILE *out, const struct amend *d)
{
	struct json_writer w;
	json_init(&w, out);
	json_begin_object(&w);
	for (int v = 0; v < 2; v++) {
		json_key(&w, v ? "new" : "old");
		json_begin_object(&w);
		json_key(&w, "name");
		json_string(&w, d->t[v]->name);
		json_opt_string(&w, "version", d->t[v]->version);
		json_key(&w, "file");
		json_string(&w, d->t[v]->src->name);
		json_end_object(&w);
	}
	json_amend_changes(&w, d);
	json_amend_search(&w, &d->search);
	json_amend_history(&w, d);
	json_end_object(&w);
	json_finish(&w);
}

const struct report_ops report_json = {
	.name = "json",
	.for_programs = true,
	.diagnostics = json_diagnostics,
	.meeting = json_meeting,
	.replay_begin = json_replay_begin,
	.replay_meeting = json_replay_meeting,
	.replay_end = json_replay_end,
	.replay_rewind = json_replay_rewind,
	.explain = explain_write_json,
	.amend = json_amend,
	.registers = &register_json_ops,
	.conform = conform_write_json,
};

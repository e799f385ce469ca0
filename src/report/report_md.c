/*
** report_md: the Markdown format (struct report_ops report_markdown), to
** paste into minutes or an audit report: a meeting as a table of motions,
** then the findings; a history, an explanation and an amendment.
*/
#include "report/register_int.h"
#include "report/report.h"

#include <string.h>

#include "report/report_conform.h"
#include "report/report_explain.h"

void report_md_text(FILE *out, const char *s)
{
	for (; *s; s++) {
		if (*s == '\n' || *s == '\r')
			fputc(' ', out);
		else if (strchr("\\|<`*[", *s))
			fprintf(out, "\\%c", *s);
		else
			fputc(*s, out);
	}
}

/* report_md_text for report_motion_attrs */
static void md_text(void *out, const char *s)
{
	report_md_text(out, s);
}

static void md_findings(FILE *out, const char *motion, const struct finding_list *l)
{
	for (const struct finding *f = l->first; f; f = f->next) {
		char where[512];
		fprintf(out, "- **%s** `%s`", finding_severity_name(f->sev), finding_code_name(f->code));
		if (motion)
			fprintf(out, " (motion %s)", motion);
		if (f->clause)
			fprintf(out, " §%s", f->clause);
		fputs(": ", out);
		report_md_text(out, f->message);
		fprintf(out, " (%s)\n", report_where(&f->where, where, sizeof where));
	}
}

static const char *needed_text(const struct motion_result *mr, char *buf, size_t size)
{
	int64_t needed = 0;
	bool met = false;
	if (!report_votes_needed(mr, &needed, &met))
		return "";
	snprintf(buf, size, "%lld", (long long)needed);
	return buf;
}

/* Declared interests and their effect, as a list under the table. */
static void md_interests(FILE *out, const struct meeting_result *r)
{
	bool any = false;
	for (unsigned i = 0; i < r->n_motions; i++) {
		const struct motion_result *mr = &r->motions[i];
		for (unsigned k = 0; k < mr->n_interests; k++) {
			const struct interest_result *e = &mr->interests[k];
			struct reg_interest d = { r->terms->name, r->meeting, 0, mr->motion, e,
			                          e->member >= 0 ? r->terms->members[e->member].name : NULL, r->terms };
			char who[512], effect[512];
			fputs(any ? "" : "Declared interests:\n\n", out);
			any = true;
			fprintf(out, "- motion %s: ", mr->motion->number);
			report_md_text(out, reg_declarant(&d, who, sizeof who));
			if (e->who->reason) {
				fputs(", ", out);
				report_md_text(out, e->who->reason);
			}
			fputs(" — ", out);
			report_md_text(out, reg_effect(&d, effect, sizeof effect));
			fputs(".\n", out);
		}
	}
	if (any)
		fputc('\n', out);
}

void report_md_meeting(FILE *out, const struct meeting_result *r)
{
	const struct meeting *m = r->meeting;
	const struct terms *t = r->terms;
	char d[DATE_FMT_MAX];
	fputs("## ", out);
	report_md_text(out, m->title);
	fprintf(out, " (%s)\n\n", date_format(m->date, d));
	fputs("Judged by *", out);
	report_md_text(out, t->name);
	fprintf(out, "*%s%s; ", t->version ? ", version " : "", t->version ? t->version : "");
	if (meeting_is_virtual_only(m))
		fprintf(out, "decisions taken outside a meeting.\n\n");
	else
		fprintf(out, "%lld of %lld voting members present at the start.\n\n", (long long)r->present_at_start,
		        (long long)r->members);
	fputs("| motion | class | quorate | for | against | abstain | needed | outcome | minutes |\n", out);
	fputs("| --- | --- | --- | ---: | ---: | ---: | ---: | --- | --- |\n", out);
	for (unsigned i = 0; i < r->n_motions; i++) {
		const struct motion_result *mr = &r->motions[i];
		char buf[32], yes[REPORT_SIDE_MAX], no[REPORT_SIDE_MAX];
		fprintf(out, "| %s ", mr->motion->number);
		report_md_text(out, mr->motion->title);
		report_motion_attrs(out, mr->motion, report_fputs, md_text, " (", ")");
		fprintf(out, " | %s%s%s | %s | ",
		        mr->cls ? mr->cls->id : "-", mr->cls && mr->cls->clause ? " §" : "",
		        mr->cls && mr->cls->clause ? mr->cls->clause : "",
		        mr->motion->is_virtual ? "n/a" : !mr->quorum_known ? "?" : mr->quorate ? "yes" : "**no**");
		if (mr->motion->n_votes || mr->motion->has_tally)
			fprintf(out, "%s | %s | %lld | %s", report_side_votes(mr, VOTE_FOR, yes), report_side_votes(mr, VOTE_AGAINST, no),
			        (long long)mr->counts->n[COUNT_ABSTAIN], needed_text(mr, buf, sizeof buf));
		else
			fprintf(out, "%s | | |", mr->by_consensus ? "consensus" : mr->declared_only ? "declared" : "no vote");
		fprintf(out, " | **%s** | %s |\n", ast_outcome_name(mr->outcome),
		        mr->recorded != OUTCOME_NONE ? ast_outcome_name(mr->recorded) : "-");
	}
	fputc('\n', out);
	char rat[REPORT_RATIFICATION_MAX], casting[REPORT_CASTING_MAX];
	bool said = false;
	for (unsigned i = 0; i < r->n_motions; i++) {
		const struct motion_result *mr = &r->motions[i];
		if (report_casting_words(t, mr, casting)) {
			fprintf(out, "- Motion %s, casting vote: ", mr->motion->number);
			report_md_text(out, casting);
			fputs(".\n", out);
			said = true;
		}
		const char *by = report_ratified_by(mr, rat);
		if (by) { /* meeting titles from the records: escaped */
			fprintf(out, "- Motion %s, provisional: ", mr->motion->number);
			report_md_text(out, by);
			fputs(".\n", out);
			said = true;
		}
		const char *of = report_ratifies(mr, rat);
		if (of) {
			fprintf(out, "- Motion %s ", mr->motion->number);
			report_md_text(out, of);
			fputs(".\n", out);
			said = true;
		}
		const char *approval = report_approval(mr, rat);
		if (approval) {
			fprintf(out, "- Motion %s: ", mr->motion->number);
			report_md_text(out, approval);
			fputs(".\n", out);
			said = true;
		}
		for (unsigned k = 0; k < mr->n_deputies; k++) {
			char dep[REPORT_DEPUTY_MAX];
			fprintf(out, "- Motion %s: ", mr->motion->number);
			report_md_text(out, report_deputy(&mr->deputies[k], dep));
			fputs(".\n", out);
			said = true;
		}
	}
	if (said)
		fputc('\n', out);
	md_interests(out, r);
	bool any = r->findings.n > 0;
	for (unsigned i = 0; i < r->n_motions; i++)
		any = any || r->motions[i].findings.n > 0;
	if (!any) {
		fputs("No findings.\n\n", out);
		return;
	}
	fputs("Findings:\n\n", out);
	md_findings(out, NULL, &r->findings);
	for (unsigned i = 0; i < r->n_motions; i++)
		md_findings(out, r->motions[i].motion->number, &r->motions[i].findings);
	fputc('\n', out);
}

static void md_meeting(FILE *out, const struct meeting_result *r, const struct report_opts *o)
{
	(void)o;
	report_md_meeting(out, r);
}

static void md_replay_meeting(struct replay_report *w, const struct meeting_result *r, const struct replay_meta *meta)
{
	report_md_meeting(w->body, r);
	fprintf(w->body, "Judged by `%s` (sha256 `%s`); record `%s` (sha256 `%s`).\n\n", meta->terms_file,
	        meta->terms_sha256, meta->record_file, meta->record_sha256);
}

static bool md_replay_end(struct replay_report *w, const struct replay_summary *s)
{
	report_plain_replay_summary(w->out, s, true);
	bool ok = report_copy_stream(w->body, w->out);
	report_plain_history_findings(w->out, w, true);
	if (w->registers) {
		if (w->findings.n)
			fputc('\n', w->out); /* after the list, a blank line (the meetings end with one) */
		ok = register_report_write(w->registers, w->out, NULL, false) && ok;
	}
	return ok;
}

static void md_amend(FILE *out, const struct amend *d)
{
	report_plain_amend(out, d, true);
}

const struct report_ops report_markdown = {
	.name = "markdown",
	.meeting = md_meeting,
	.replay_begin = report_plain_replay_begin,
	.replay_meeting = md_replay_meeting,
	.replay_end = md_replay_end,
	.explain = explain_write_markdown,
	.amend = md_amend,
	.registers = &register_md_ops,
	.conform = conform_write_markdown,
};

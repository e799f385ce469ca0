/*
** report_text: a meeting's evaluation for people: per motion, the class and
** clause, the quorum with its numbers, each requirement as written with the
** numbers substituted, what was needed and what was there, the outcome and
** the findings.
*/
#include "report/report.h"

#include <string.h>

#define BOLD "\033[1m"
#define RED "\033[1;31m"
#define YELLOW "\033[1;33m"
#define GREEN "\033[1;32m"
#define RESET "\033[0m"

char *report_where(const struct loc *l, char *buf, size_t size)
{
	if (!l->src) {
		snprintf(buf, size, "-");
		return buf;
	}
	unsigned line, col;
	source_position(l->src, l->start, &line, &col);
	snprintf(buf, size, "%s:%u", l->src->name, line);
	return buf;
}

static const char *sev_color(enum finding_severity s)
{
	return s >= SEV_BREACH ? RED : s == SEV_WARNING ? YELLOW : "";
}

static void print_findings(FILE *out, const struct finding_list *l, const char *indent, bool color)
{
	for (const struct finding *f = l->first; f; f = f->next) {
		char where[512];
		fprintf(out, "%s%s%s%s [%s]", indent, color ? sev_color(f->sev) : "", finding_severity_name(f->sev),
		        color ? RESET : "", finding_code_name(f->code));
		if (f->clause)
			fprintf(out, " §%s", f->clause);
		fprintf(out, ": %s (%s", f->message, report_where(&f->where, where, sizeof where));
		if (f->rule.src)
			fprintf(out, "; rule at %s", report_where(&f->rule, where, sizeof where));
		fputs(")\n", out);
	}
}

static void print_requirement(FILE *out, const char *label, const struct req_result *q)
{
	fprintf(out, "  %-9s ", label);
	if (q->clause)
		fprintf(out, "§%s ", q->clause);
	fprintf(out, "%s\n", q->text);
	if (q->failed) {
		fputs("              could not be evaluated (see findings)\n", out);
		return;
	}
	fprintf(out, "              %s: %s", q->working && *q->working ? q->working : "-", q->met ? "met" : "not met");
	if (q->has_needed)
		fprintf(out, " (needs %lld, has %lld)", (long long)q->needed, (long long)q->have);
	fputc('\n', out);
}

static void print_attrs(FILE *out, const struct rec_motion *mo)
{
	if (mo->n_attrs == 0 && !mo->is_virtual)
		return;
	fputs("  [", out);
	for (unsigned i = 0; i < mo->n_attrs; i++) {
		char buf[128];
		const struct attr *a = &mo->attrs[i];
		if (a->value.type == VT_BOOL && a->value.u.boolean)
			fprintf(out, "%s%s", i ? ", " : "", a->name);
		else
			fprintf(out, "%s%s %s", i ? ", " : "", a->name, value_format(&a->value, buf, sizeof buf));
	}
	if (mo->is_virtual) {
		char d[DATE_FMT_MAX];
		fprintf(out, "%sdecided outside a meeting on %s", mo->n_attrs ? ", " : "", date_format(mo->virtual_on, d));
	}
	fputc(']', out);
}

static void print_counts(FILE *out, const struct counts *c, bool casting)
{
	fprintf(out, "  counts    members %lld, present %lld, conflicted %lld, eligible %lld; "
	             "for %lld, against %lld, abstain %lld (cast %lld, votes %lld)%s\n",
	        (long long)c->n[COUNT_MEMBERS], (long long)c->n[COUNT_PRESENT], (long long)c->n[COUNT_CONFLICTED],
	        (long long)c->n[COUNT_ELIGIBLE], (long long)c->n[COUNT_YES], (long long)c->n[COUNT_NO],
	        (long long)c->n[COUNT_ABSTAIN], (long long)c->n[COUNT_CAST], (long long)c->n[COUNT_VOTES],
	        casting ? ", including the chair's casting vote" : "");
}

static void print_motion(FILE *out, const struct motion_result *mr, bool color)
{
	const struct rec_motion *mo = mr->motion;
	fprintf(out, "\n%smotion %s%s  %s", color ? BOLD : "", mo->number, color ? RESET : "", mo->title);
	print_attrs(out, mo);
	fputc('\n', out);
	for (unsigned k = 0; k < mo->interests.n; k++)
		fprintf(out, "  interest  %s%s%s%s\n", mo->interests.items[k].id,
		        mo->interests.items[k].reason ? " (" : "", mo->interests.items[k].reason ? mo->interests.items[k].reason : "",
		        mo->interests.items[k].reason ? ")" : "");
	if (mo->is_virtual) {
		fputs("  quorum    not applicable: decided outside a meeting\n", out);
	} else if (mr->quorum_known) {
		fprintf(out, "  quorum    %s: %lld counting towards the quorum\n", mr->quorate ? "met" : "NOT MET",
		        (long long)mr->quorum_present);
		for (unsigned i = 0; i < mr->n_quorum; i++)
			print_requirement(out, "", &mr->quorum[i]);
	} else {
		fputs("  quorum    cannot be judged\n", out);
	}
	if (mr->cls)
		fprintf(out, "  class     %s%s%s%s%s%s\n", mr->cls->id, mr->cls->clause ? " (§" : "",
		        mr->cls->clause ? mr->cls->clause : "", mr->cls->clause ? ")" : "",
		        mr->cls->title ? " " : "", mr->cls->title ? mr->cls->title : "");
	else
		fputs("  class     none\n", out);
	if (mr->by_consensus)
		fputs("  decision  by consensus, no objection recorded\n", out);
	else if (mr->declared_only)
		fputs("  decision  as declared by the chair (no votes minuted)\n", out);
	else if (mo->n_votes || mo->has_tally) {
		print_counts(out, &mr->counts, mr->casting_applied);
		for (unsigned i = 0; i < mr->n_reqs; i++)
			print_requirement(out, "require", &mr->reqs[i]);
	}
	const char *oc = mr->outcome == OUTCOME_CARRIED ? GREEN : mr->outcome == OUTCOME_NOT_CARRIED ? "" : YELLOW;
	fprintf(out, "  outcome   %s%s%s", color ? oc : "", ast_outcome_name(mr->outcome), color ? RESET : "");
	if (mr->recorded != OUTCOME_NONE)
		fprintf(out, " (minutes: %s)", ast_outcome_name(mr->recorded));
	fputc('\n', out);
	print_findings(out, &mr->findings, "  ", color);
}

void report_text_meeting(FILE *out, const struct meeting_result *r, const struct report_opts *o)
{
	const struct meeting *m = r->meeting;
	const struct terms *t = r->terms;
	char d[DATE_FMT_MAX], e[DATE_FMT_MAX];
	bool color = o && o->color;
	fprintf(out, "%s%s%s, %s\n", color ? BOLD : "", m->title, color ? RESET : "", date_format(m->date, d));
	fprintf(out, "terms: %s", t->name);
	if (t->version)
		fprintf(out, ", version %s", t->version);
	if (t->has_effective)
		fprintf(out, " (in force from %s)", date_format(t->effective, e));
	if (meeting_is_virtual_only(m))
		fprintf(out, "\ndecisions taken outside a meeting; %lld voting members", (long long)r->members);
	else
		fprintf(out, "\n%lld of %lld voting members present at the start", (long long)r->present_at_start,
		        (long long)r->members);
	if (m->chair)
		fprintf(out, "; chair %s", m->chair->id);
	fputc('\n', out);
	print_findings(out, &r->findings, "", color);
	for (unsigned i = 0; i < r->n_motions; i++)
		print_motion(out, &r->motions[i], color);
	unsigned total = r->count_by_sev[0] + r->count_by_sev[1] + r->count_by_sev[2] + r->count_by_sev[3];
	fprintf(out, "\n%u motion%s; %u finding%s: %u error%s, %u breach%s, %u warning%s, %u note%s; "
	             "%u recorded outcome%s disagree%s\n",
	        r->n_motions, r->n_motions == 1 ? "" : "s", total, total == 1 ? "" : "s",
	        r->count_by_sev[SEV_ERROR], r->count_by_sev[SEV_ERROR] == 1 ? "" : "s",
	        r->count_by_sev[SEV_BREACH], r->count_by_sev[SEV_BREACH] == 1 ? "" : "es",
	        r->count_by_sev[SEV_WARNING], r->count_by_sev[SEV_WARNING] == 1 ? "" : "s",
	        r->count_by_sev[SEV_NOTE], r->count_by_sev[SEV_NOTE] == 1 ? "" : "s",
	        r->mismatches, r->mismatches == 1 ? "" : "s", r->mismatches == 1 ? "s" : "");
}

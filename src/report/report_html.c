/*
** report_html: the HTML format (struct report_ops report_html): one
** self-contained page for an audit, for a meeting or for an explanation.
**
** No network, scripts or fonts: styles are inline and every chart is inline
** SVG, so the page opens anywhere and prints.  The page has the summary, a
** timeline of meetings coloured by their worst finding, and for each meeting
** its motions: a bar of votes for, against and abstaining drawn against the
** number of votes needed, the outcome, and the findings beside it.
*/
#include "report/register_int.h"
#include "report/report_html.h"

#include <string.h>

#include "report/report_explain.h"

void html_escape(FILE *out, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '<': fputs("&lt;", out); break;
		case '>': fputs("&gt;", out); break;
		case '&': fputs("&amp;", out); break;
		case '"': fputs("&quot;", out); break;
		case '\'': fputs("&#39;", out); break;
		default: fputc(*s, out);
		}
	}
}

static const char html_style[] =
	"body{font-family:system-ui,sans-serif;margin:2em auto;max-width:62em;line-height:1.35;color:#222}"
	"h1{font-size:1.5em}h2{font-size:1.2em;margin-top:2em;border-bottom:1px solid #ccc}"
	"table{border-collapse:collapse;margin:.5em 0;max-width:100%}td,th{border:1px solid #bbb;padding:.2em .5em;vertical-align:top;overflow-wrap:anywhere}"
	"td:last-child{min-width:16em}svg{max-width:100%}"
	"th{background:#f2f2f2;text-align:left}.num{text-align:right}"
	".carried{color:#1a7f37;font-weight:bold}.not-carried{font-weight:bold}.void,.undetermined{color:#9a6700;font-weight:bold}"
	".provisional{color:#0550ae;font-weight:bold}"
	".error,.breach{color:#cf222e}.warning{color:#9a6700}.note{color:#57606a}"
	".findings{margin:.2em 0;padding-left:1.2em}.meta{color:#57606a;font-size:.9em}"
	"@media print{h2{break-before:auto}.motion{break-inside:avoid}}";

void html_begin(FILE *out, const char *title)
{
	fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
	      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>", out);
	html_escape(out, title);
	fprintf(out, "</title>\n<style>%s</style>\n</head>\n<body>\n", html_style);
}

void html_end(FILE *out)
{
	fputs("</body>\n</html>\n", out);
}

static void findings_list(FILE *out, const struct finding_list *l)
{
	if (!l->first)
		return;
	fputs("<ul class=\"findings\">", out);
	for (const struct finding *f = l->first; f; f = f->next) {
		char where[512];
		fprintf(out, "<li><span class=\"%s\">%s</span> <code>%s</code>", finding_severity_name(f->sev),
		        finding_severity_name(f->sev), finding_code_name(f->code));
		if (f->clause) {
			fputs(" §", out);
			html_escape(out, f->clause);
		}
		fputs(": ", out);
		html_escape(out, f->message);
		fputs(" <span class=\"meta\">(", out);
		html_escape(out, report_where(&f->where, where, sizeof where));
		fputs(")</span></li>", out);
	}
	fputs("</ul>\n", out);
}

/* Votes for, against and abstaining as one bar out of those entitled to
** vote, with a line at the number needed. */
static void vote_chart(FILE *out, const struct motion_result *mr)
{
	const struct counts *c = &mr->counts;
	int64_t yes = c->n[COUNT_YES], no = c->n[COUNT_NO], abstain = c->n[COUNT_ABSTAIN];
	int64_t scale = c->n[COUNT_ELIGIBLE];
	int64_t needed = -1;
	for (unsigned i = 0; i < mr->n_reqs; i++)
		if (mr->reqs[i].has_needed) {
			needed = mr->reqs[i].needed;
			break;
		}
	int64_t top = yes + no + abstain;
	if (top > scale)
		scale = top;
	if (needed > scale)
		scale = needed;
	if (scale <= 0)
		return;
	const double width = 240.0, height = 18.0;
	double unit = width / (double)scale;
	fprintf(out, "<svg width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"%lld for, %lld against, %lld abstaining",
	        (int)width + 60, (int)height + 14, (long long)yes, (long long)no, (long long)abstain);
	if (needed >= 0)
		fprintf(out, "; %lld needed", (long long)needed);
	fputs("\">", out);
	fprintf(out, "<rect x=\"0\" y=\"0\" width=\"%.1f\" height=\"%.0f\" fill=\"#eee\"/>", width, height);
	double x = 0;
	const struct { int64_t n; const char *color, *label; } parts[3] = {
		{ yes, "#2da44e", "for" }, { no, "#cf222e", "against" }, { abstain, "#8c959f", "abstaining" },
	};
	for (int i = 0; i < 3; i++) {
		if (parts[i].n <= 0)
			continue;
		fprintf(out, "<rect class=\"%s\" x=\"%.1f\" y=\"0\" width=\"%.1f\" height=\"%.0f\" fill=\"%s\"><title>%lld %s</title></rect>",
		        parts[i].label, x, unit * (double)parts[i].n, height, parts[i].color, (long long)parts[i].n,
		        parts[i].label);
		x += unit * (double)parts[i].n;
	}
	if (needed >= 0) {
		double nx = unit * (double)needed;
		fprintf(out, "<line class=\"threshold\" x1=\"%.1f\" y1=\"-2\" x2=\"%.1f\" y2=\"%.0f\" stroke=\"#000\" stroke-width=\"2\" stroke-dasharray=\"3,2\"/>",
		        nx, nx, height + 4);
		fprintf(out, "<text x=\"%.1f\" y=\"%.0f\" font-size=\"10\">needs %lld</text>", nx + 3, height + 12,
		        (long long)needed);
	}
	fprintf(out, "<text x=\"%.1f\" y=\"13\" font-size=\"11\">%lld–%lld–%lld</text>", width + 6, (long long)yes,
	        (long long)no, (long long)abstain);
	fputs("</svg>", out);
	/* a casting vote is shown as such, never folded into the tally */
	char side[REPORT_SIDE_MAX];
	const struct rec_motion *mo = mr->motion;
	if (mr->casting_applied && mo->has_casting)
		fprintf(out, "<div class=\"casting\">%s %s, with the chair's casting vote</div>",
		        mo->casting == VOTE_FOR ? "for" : "against", report_side_votes(mr, mo->casting, side));
	else if (mo->casting_declined)
		fputs("<div class=\"casting\">the chair declined a casting vote</div>", out);
}

void html_meeting(FILE *out, const struct meeting_result *r, const char *anchor, const char *provenance)
{
	const struct meeting *m = r->meeting;
	const struct terms *t = r->terms;
	char d[DATE_FMT_MAX];
	fprintf(out, "<h2 id=\"%s\">", anchor);
	html_escape(out, date_format(m->date, d));
	fputs(" — ", out);
	html_escape(out, m->title);
	fputs("</h2>\n<p class=\"meta\">Judged by ", out);
	html_escape(out, t->name);
	if (t->version) {
		fputs(" version ", out);
		html_escape(out, t->version);
	}
	fprintf(out, "; %lld of %lld voting members present at the start.", (long long)r->present_at_start,
	        (long long)r->members);
	if (provenance) {
		fputs("<br>", out);
		html_escape(out, provenance);
	}
	fputs("</p>\n", out);
	findings_list(out, &r->findings);
	fputs("<table>\n<tr><th>motion</th><th>class</th><th>quorate</th><th>votes</th><th>outcome</th><th>minutes</th><th>findings</th></tr>\n", out);
	for (unsigned i = 0; i < r->n_motions; i++) {
		const struct motion_result *mr = &r->motions[i];
		fputs("<tr class=\"motion\"><td>", out);
		html_escape(out, mr->motion->number);
		fputs(" ", out);
		html_escape(out, mr->motion->title);
		fputs("</td><td>", out);
		if (mr->cls) {
			html_escape(out, mr->cls->id);
			if (mr->cls->clause) {
				fputs(" §", out);
				html_escape(out, mr->cls->clause);
			}
		}
		fprintf(out, "</td><td>%s</td><td>", mr->motion->is_virtual ? "n/a" : !mr->quorum_known ? "?" : mr->quorate ? "yes" : "<span class=\"breach\">no</span>");
		if (mr->by_consensus)
			fputs("consensus", out);
		else if (mr->declared_only)
			fputs("declared", out);
		else if (mr->motion->n_votes || mr->motion->has_tally)
			vote_chart(out, mr);
		fprintf(out, "</td><td class=\"%s\">%s", ast_outcome_word(mr->outcome), ast_outcome_name(mr->outcome));
		char rat[REPORT_RATIFICATION_MAX];
		const char *said[2] = { report_ratified_by(mr, rat), NULL };
		if (said[0]) {
			fputs("<div class=\"ratification\">", out);
			html_escape(out, said[0]);
			fputs("</div>", out);
		}
		if ((said[1] = report_ratifies(mr, rat))) {
			fputs("<div class=\"ratification\">", out);
			html_escape(out, said[1]);
			fputs("</div>", out);
		}
		fprintf(out, "</td><td>%s</td><td>", mr->recorded != OUTCOME_NONE ? ast_outcome_name(mr->recorded) : "—");
		findings_list(out, &mr->findings);
		fputs("</td></tr>\n", out);
	}
	fputs("</table>\n", out);
}

static const char *severity_color(int worst)
{
	return worst >= SEV_BREACH ? "#cf222e" : worst == SEV_WARNING ? "#d4a72c" : "#2da44e";
}

void html_timeline(FILE *out, const struct html_point *points, size_t n)
{
	if (n == 0)
		return;
	qdate first = points[0].date, last = points[0].date;
	for (size_t i = 1; i < n; i++) {
		first = points[i].date < first ? points[i].date : first;
		last = points[i].date > last ? points[i].date : last;
	}
	const double width = 900.0, left = 10.0;
	double span = last > first ? (double)(last - first) : 1.0;
	char a[DATE_FMT_MAX], b[DATE_FMT_MAX];
	fprintf(out, "<svg class=\"timeline\" width=\"%d\" height=\"60\" role=\"img\" aria-label=\"timeline of %zu meetings from %s to %s\">",
	        (int)(width + 2 * left), n, date_format(first, a), date_format(last, b));
	fprintf(out, "<line x1=\"%.0f\" y1=\"25\" x2=\"%.0f\" y2=\"25\" stroke=\"#999\"/>", left, left + width);
	for (size_t i = 0; i < n; i++) {
		double x = left + width * (double)(points[i].date - first) / span;
		fprintf(out, "<a href=\"#%s\"><circle class=\"meeting\" cx=\"%.1f\" cy=\"25\" r=\"6\" fill=\"%s\"><title>%s: %s</title></circle></a>",
		        points[i].anchor, x, severity_color(points[i].worst), date_format(points[i].date, a),
		        points[i].worst >= SEV_BREACH ? "breaches or errors" : points[i].worst == SEV_WARNING ? "warnings" : "clean");
	}
	fprintf(out, "<text x=\"%.0f\" y=\"52\" font-size=\"11\">%s</text>", left, date_format(first, a));
	fprintf(out, "<text x=\"%.0f\" y=\"52\" font-size=\"11\" text-anchor=\"end\">%s</text>", left + width, date_format(last, b));
	fputs("</svg>\n", out);
}

int html_worst(const struct meeting_result *r)
{
	for (int s = SEV_ERROR; s > SEV_NOTE; s--)
		if (r->count_by_sev[s])
			return s;
	return SEV_NOTE;
}

/* ---- one meeting (eval) ---------------------------------------------------------------- */

static void page_meeting(FILE *out, const struct meeting_result *r, const struct report_opts *o)
{
	(void)o;
	html_begin(out, r->meeting->title);
	html_meeting(out, r, "meeting", NULL);
	html_end(out);
}

/* ---- a history (replay): the summary and timeline first, so the meetings wait in a
** temporary file ------------------------------------------------------------------------ */

struct html_replay {
	VEC(struct html_point) timeline;  /* 32 bytes a meeting */
};

static bool html_replay_begin(struct replay_report *w)
{
	w->state = arena_alloc(w->arena, sizeof(struct html_replay));
	w->body = tmpfile();
	return w->body != NULL;
}

static void html_replay_meeting(struct replay_report *w, const struct meeting_result *r, const struct replay_meta *meta)
{
	struct html_replay *h = w->state;
	struct html_point p = { r->meeting->date, html_worst(r), "" };
	snprintf(p.anchor, sizeof p.anchor, "m%u", w->n_meetings);
	VEC_PUSH(w->arena, h->timeline, p);
	const char *prov = arena_printf(w->arena, "Record %s (sha256 %s); terms %s (sha256 %s).",
	                                meta->record_file, meta->record_sha256, meta->terms_file, meta->terms_sha256);
	html_meeting(w->body, r, p.anchor, prov);
}

static void html_history_findings(FILE *out, const struct replay_report *w)
{
	if (!w->findings.n)
		return;
	fputs("<h2>Across meetings</h2>\n<ul class=\"findings\">\n", out);
	for (size_t i = 0; i < w->findings.n; i++) {
		const struct history_finding *f = &w->findings.items[i];
		fprintf(out, "<li><span class=\"%s\">%s</span> <code>%s</code>: ", finding_severity_name(f->sev),
		        finding_severity_name(f->sev), finding_code_name(f->code));
		html_escape(out, f->message);
		if (f->file) {
			fputs(" <span class=\"meta\">(", out);
			html_escape(out, f->file);
			fprintf(out, ":%u)</span>", f->line);
		}
		fputs("</li>\n", out);
	}
	fputs("</ul>\n", out);
}

static bool html_replay_end(struct replay_report *w, const struct replay_summary *s)
{
	const struct html_replay *h = w->state;
	FILE *out = w->out;
	html_begin(out, "quorate audit");
	fputs("<h1>Audit of meeting records</h1>\n<table>\n", out);
	fprintf(out, "<tr><th>meetings</th><td class=\"num\">%u</td></tr><tr><th>motions</th><td class=\"num\">%u</td></tr>\n",
	        s->meetings, s->motions);
	for (int oc = OUTCOME_CARRIED; oc <= OUTCOME_UNDETERMINED; oc++)
		fprintf(out, "<tr><th>%s</th><td class=\"num\">%u</td></tr>\n", ast_outcome_name((enum outcome)oc),
		        s->by_outcome[oc]);
	fprintf(out, "<tr><th>provisional, ratified</th><td class=\"num\">%u</td></tr>\n"
	             "<tr><th>provisional, not ratified</th><td class=\"num\">%u</td></tr>\n", s->ratified,
	        s->still_provisional);
	fprintf(out, "<tr><th>recorded outcomes that disagree</th><td class=\"num\">%u</td></tr>\n", s->mismatches);
	for (int sev = SEV_ERROR; sev >= SEV_NOTE; sev--)
		fprintf(out, "<tr><th class=\"%s\">%s</th><td class=\"num\">%u</td></tr>\n",
		        finding_severity_name((enum finding_severity)sev), finding_severity_name((enum finding_severity)sev),
		        s->by_severity[sev]);
	fputs("</table>\n", out);
	html_timeline(out, h->timeline.items, h->timeline.n);
	bool ok = report_copy_stream(w->body, out);
	html_history_findings(out, w);
	html_end(out);
	return ok;
}

const struct report_ops report_html = {
	.name = "html",
	.meeting = page_meeting,
	.replay_begin = html_replay_begin,
	.replay_meeting = html_replay_meeting,
	.replay_end = html_replay_end,
	.explain = explain_write_html,
	.registers = &register_html_ops,
};

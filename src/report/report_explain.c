/*
** report_explain: writing an explanation (explain.h) as text, Markdown,
** JSON or a self-contained HTML page.
*/
#include "report/report_explain.h"

#include <string.h>

#include "report/json.h"
#include "report/report_html.h"

static const char *column_name(const struct explanation *x, unsigned k)
{
	return x->columns[k]->cls->id;
}

static void cell(FILE *out, int64_t v, int width)
{
	if (v < 0)
		fprintf(out, "%*s", width, "-");
	else
		fprintf(out, "%*lld", width, (long long)v);
}

static void text_table(FILE *out, const struct explanation *x, bool abstain)
{
	fprintf(out, "%s\n", abstain ? "\nVotes in favour needed if everyone else present abstains:"
	                             : "\nVotes in favour needed, by attendance (everyone present votes; no declared interests):");
	fprintf(out, "  %8s", "present");
	for (unsigned k = 0; k < x->n_columns; k++)
		fprintf(out, "  %12s", column_name(x, k));
	fputc('\n', out);
	for (size_t r = 0; r < x->rows.n; r++) {
		const struct explain_row *row = &x->rows.items[r];
		fprintf(out, "  %8lld", (long long)row->present);
		for (unsigned k = 0; k < x->n_columns; k++) {
			fputs("  ", out);
			cell(out, abstain ? row->others_abstain[k] : row->all_vote[k], 12);
		}
		fputc('\n', out);
	}
}

static void wrap(FILE *out, const char *text, const char *indent, size_t width)
{
	size_t col = 0;
	const char *p = text;
	fputs(indent, out);
	while (*p) {
		while (*p == ' ')
			p++;
		size_t w = strcspn(p, " ");
		if (w == 0)
			break;
		if (col > 0 && col + 1 + w > width) {
			fprintf(out, "\n%s", indent);
			col = 0;
		} else if (col > 0) {
			fputc(' ', out);
			col++;
		}
		fwrite(p, 1, w, out);
		col += w;
		p += w;
	}
	fputc('\n', out);
}

void explain_write_text(FILE *out, const struct explanation *x)
{
	const struct terms *t = x->terms;
	char d[DATE_FMT_MAX];
	fprintf(out, "%s", t->name);
	if (t->version)
		fprintf(out, ", version %s", t->version);
	if (t->has_effective)
		fprintf(out, ", in force from %s", date_format(t->effective, d));
	fputc('\n', out);
	for (size_t i = 0; i < x->paras.n; i++) {
		const struct explain_para *p = &x->paras.items[i];
		fprintf(out, "\n%s%s%s\n", p->heading, p->clause ? " §" : "", p->clause ? p->clause : "");
		wrap(out, p->text, "  ", 76);
	}
	if (x->quorum_summary) {
		fputc('\n', out);
		wrap(out, x->quorum_summary, "", 78);
	}
	if (x->n_columns == 0 || x->rows.n == 0)
		return;
	text_table(out, x, false);
	if (x->abstentions_matter)
		text_table(out, x, true);
	fputs("\n(- means no number of votes in favour is enough.)\n", out);
}

static void md_table(FILE *out, const struct explanation *x, bool abstain)
{
	fputs("| present |", out);
	for (unsigned k = 0; k < x->n_columns; k++)
		fprintf(out, " %s |", column_name(x, k));
	fputs("\n| ---: |", out);
	for (unsigned k = 0; k < x->n_columns; k++)
		fputs(" ---: |", out);
	fputc('\n', out);
	for (size_t r = 0; r < x->rows.n; r++) {
		const struct explain_row *row = &x->rows.items[r];
		fprintf(out, "| %lld |", (long long)row->present);
		for (unsigned k = 0; k < x->n_columns; k++) {
			int64_t v = abstain ? row->others_abstain[k] : row->all_vote[k];
			if (v < 0)
				fputs(" - |", out);
			else
				fprintf(out, " %lld |", (long long)v);
		}
		fputc('\n', out);
	}
}

void explain_write_markdown(FILE *out, const struct explanation *x)
{
	const struct terms *t = x->terms;
	char d[DATE_FMT_MAX];
	fprintf(out, "# %s\n\n", t->name);
	if (t->version || t->has_effective)
		fprintf(out, "%s%s%s%s\n\n", t->version ? "Version " : "", t->version ? t->version : "",
		        t->has_effective ? (t->version ? ", in force from " : "In force from ") : "",
		        t->has_effective ? date_format(t->effective, d) : "");
	for (size_t i = 0; i < x->paras.n; i++) {
		const struct explain_para *p = &x->paras.items[i];
		fprintf(out, "## %s%s%s\n\n%s\n\n", p->heading, p->clause ? " (§" : "", p->clause ? p->clause : "", p->text);
	}
	if (x->quorum_summary)
		fprintf(out, "## Smallest quorum\n\n%s\n\n", x->quorum_summary);
	if (x->n_columns == 0 || x->rows.n == 0)
		return;
	fputs("## Votes in favour needed\n\nEveryone present votes; no declared interests.\n\n", out);
	md_table(out, x, false);
	if (x->abstentions_matter) {
		fputs("\nIf everyone else present abstains:\n\n", out);
		md_table(out, x, true);
	}
	fputs("\n`-` means no number of votes in favour is enough.\n", out);
}

static void json_row_values(struct json_writer *w, const struct explanation *x, const struct explain_row *row, bool abstain)
{
	jw_begin_object(w);
	for (unsigned k = 0; k < x->n_columns; k++) {
		int64_t v = abstain ? row->others_abstain[k] : row->all_vote[k];
		jw_key(w, column_name(x, k));
		if (v < 0)
			jw_null(w);
		else
			jw_int(w, v);
	}
	jw_end_object(w);
}

void explain_write_json(FILE *out, const struct explanation *x)
{
	const struct terms *t = x->terms;
	char d[DATE_FMT_MAX];
	struct json_writer w;
	jw_init(&w, out);
	jw_begin_object(&w);
	jw_key_lit(&w, "terms");
	jw_string(&w, t->name);
	jw_key_lit(&w, "version");
	if (t->version) jw_string(&w, t->version); else jw_null(&w);
	jw_key_lit(&w, "effective");
	if (t->has_effective) jw_string(&w, date_format(t->effective, d)); else jw_null(&w);
	jw_key_lit(&w, "members");
	jw_int(&w, x->members);
	jw_key_lit(&w, "quorum_minimum");
	if (x->quorum_min >= 0) jw_int(&w, x->quorum_min); else jw_null(&w);
	jw_key_lit(&w, "quorum_minimum_attendees");
	if (x->quorum_min >= 0) jw_int(&w, x->quorum_min_attendees); else jw_null(&w);
	jw_key_lit(&w, "quorum_example");
	if (x->quorum_min >= 0) {
		jw_begin_array(&w);
		for (size_t i = 0; i < x->quorum_example.n; i++)
			jw_string(&w, x->quorum_example.items[i]);
		jw_end_array(&w);
	} else {
		jw_null(&w);
	}
	jw_key_lit(&w, "quorum_search_cut");
	jw_bool(&w, x->quorum_min_cut);
	jw_key_lit(&w, "clauses");
	jw_begin_array(&w);
	for (size_t i = 0; i < x->paras.n; i++) {
		const struct explain_para *p = &x->paras.items[i];
		jw_begin_object(&w);
		jw_key_lit(&w, "heading");
		jw_string(&w, p->heading);
		jw_key_lit(&w, "clause");
		if (p->clause) jw_string(&w, p->clause); else jw_null(&w);
		jw_key_lit(&w, "text");
		jw_string(&w, p->text);
		jw_end_object(&w);
	}
	jw_end_array(&w);
	jw_key_lit(&w, "votes_needed");
	jw_begin_array(&w);
	for (size_t r = 0; r < x->rows.n; r++) {
		const struct explain_row *row = &x->rows.items[r];
		jw_begin_object(&w);
		jw_key_lit(&w, "present");
		jw_int(&w, row->present);
		jw_key_lit(&w, "all_vote");
		json_row_values(&w, x, row, false);
		jw_key_lit(&w, "others_abstain");
		json_row_values(&w, x, row, true);
		jw_end_object(&w);
	}
	jw_end_array(&w);
	jw_end_object(&w);
	jw_finish(&w);
}

static void html_table(FILE *out, const struct explanation *x, bool abstain)
{
	fputs("<table>\n<tr><th>present</th>", out);
	for (unsigned k = 0; k < x->n_columns; k++) {
		fputs("<th>", out);
		html_escape(out, column_name(x, k));
		fputs("</th>", out);
	}
	fputs("</tr>\n", out);
	for (size_t r = 0; r < x->rows.n; r++) {
		const struct explain_row *row = &x->rows.items[r];
		fprintf(out, "<tr><td>%lld</td>", (long long)row->present);
		for (unsigned k = 0; k < x->n_columns; k++) {
			int64_t v = abstain ? row->others_abstain[k] : row->all_vote[k];
			if (v < 0)
				fputs("<td>-</td>", out);
			else
				fprintf(out, "<td>%lld</td>", (long long)v);
		}
		fputs("</tr>\n", out);
	}
	fputs("</table>\n", out);
}

void explain_write_html(FILE *out, const struct explanation *x)
{
	const struct terms *t = x->terms;
	fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>", out);
	html_escape(out, t->name);
	fputs("</title>\n<style>body{font-family:sans-serif;max-width:48em;margin:2em auto;line-height:1.4}"
	      "table{border-collapse:collapse}td,th{border:1px solid #999;padding:.2em .6em;text-align:right}"
	      "h2{font-size:1.1em;margin-top:1.4em}</style>\n</head>\n<body>\n<h1>", out);
	html_escape(out, t->name);
	fputs("</h1>\n", out);
	for (size_t i = 0; i < x->paras.n; i++) {
		const struct explain_para *p = &x->paras.items[i];
		fputs("<h2>", out);
		html_escape(out, p->heading);
		if (p->clause) {
			fputs(" (§", out);
			html_escape(out, p->clause);
			fputs(")", out);
		}
		fputs("</h2>\n<p>", out);
		html_escape(out, p->text);
		fputs("</p>\n", out);
	}
	if (x->quorum_summary) {
		fputs("<h2>Smallest quorum</h2>\n<p>", out);
		html_escape(out, x->quorum_summary);
		fputs("</p>\n", out);
	}
	if (x->n_columns && x->rows.n) {
		fputs("<h2>Votes in favour needed</h2>\n<p>Everyone present votes; no declared interests.</p>\n", out);
		html_table(out, x, false);
		if (x->abstentions_matter) {
			fputs("<p>If everyone else present abstains:</p>\n", out);
			html_table(out, x, true);
		}
	}
	fputs("</body>\n</html>\n", out);
}

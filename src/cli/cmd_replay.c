/*
** quorate replay PATH...: judge a whole history, each meeting by the terms in
** force on its date; a summary first, then every meeting, then the findings
** that span meetings.
**
** Meetings are written as they are judged.  For text and Markdown, where the
** summary comes first, they are written to a temporary file and copied after
** the summary, so memory stays flat however long the history.
*/
#include <string.h>

#include "cli/cli.h"
#include "report/report.h"
#include "report/report_html.h"
#include "run/replay.h"

static const char replay_usage[] =
	"usage: quorate replay [--format text|json|markdown|html] [--summary] [-I DIR] PATH...\n"
	"\n"
	"Judge a whole history.  PATHs are terms files (.tor: every version of the\n"
	"terms), meeting records (.minutes or .json) and directories, searched\n"
	"recursively.  Each meeting is judged by the latest version of its body's\n"
	"terms in force on its date.  Exit 0 when the whole history is clean, 1 when\n"
	"anything is breached or a recorded outcome disagrees, 2 when an input is\n"
	"malformed (the rest is still replayed and reported).  --summary prints only\n"
	"the summary and the findings across meetings.\n";

struct replay_out {
	struct cli *cli;
	bool summary_only;             /* --summary: no per-meeting reports */
	FILE *body;                    /* meetings (text, markdown: a temporary file) */
	struct json_writer json;       /* json: straight to stdout */
	VEC(struct history_finding) findings; /* few: only problems across meetings */
	VEC(struct html_point) timeline;      /* html: 32 bytes a meeting */
	unsigned n_meetings;
};

static void print_meta_text(FILE *out, const struct replay_meta *meta)
{
	fprintf(out, "judged by %s (sha256 %s)\nrecord %s (sha256 %s)\n", meta->terms_file, meta->terms_sha256,
	        meta->record_file, meta->record_sha256);
}

static void on_meeting(void *ctx, const struct meeting_result *r, const struct replay_meta *meta)
{
	struct replay_out *o = ctx;
	o->n_meetings++;
	if (o->summary_only)
		return;
	switch (o->cli->format) {
	case FMT_JSON:
		json_begin_object(&o->json);
		json_key(&o->json, "file");
		json_string(&o->json, meta->record_file);
		json_key(&o->json, "sha256");
		json_string(&o->json, meta->record_sha256);
		json_key(&o->json, "terms_file");
		json_string(&o->json, meta->terms_file);
		json_key(&o->json, "terms_sha256");
		json_string(&o->json, meta->terms_sha256);
		json_key(&o->json, "result");
		report_json_meeting(&o->json, r);
		json_end_object(&o->json);
		break;
	case FMT_HTML: {
		struct html_point p = { r->meeting->date, html_worst(r), "" };
		snprintf(p.anchor, sizeof p.anchor, "m%u", o->n_meetings);
		VEC_PUSH(&o->cli->arena, o->timeline, p);
		const char *prov = arena_printf(&o->cli->arena, "Record %s (sha256 %s); terms %s (sha256 %s).",
		                                meta->record_file, meta->record_sha256, meta->terms_file, meta->terms_sha256);
		html_meeting(o->body, r, p.anchor, prov);
		break;
	}
	case FMT_MARKDOWN:
		report_md_meeting(o->body, r);
		fprintf(o->body, "Judged by `%s` (sha256 `%s`); record `%s` (sha256 `%s`).\n\n", meta->terms_file,
		        meta->terms_sha256, meta->record_file, meta->record_sha256);
		break;
	default: {
		struct report_opts ro = { false };
		fprintf(o->body, "\n==== meeting %u: %s\n", o->n_meetings, meta->record_file);
		report_text_meeting(o->body, r, &ro);
		print_meta_text(o->body, meta);
		break;
	}
	}
}

static void on_finding(void *ctx, const struct history_finding *f)
{
	struct replay_out *o = ctx;
	struct arena *a = &o->cli->arena;
	struct history_finding copy = *f;
	copy.message = arena_strdup(a, f->message);
	copy.file = f->file ? arena_strdup(a, f->file) : NULL;
	VEC_PUSH(a, o->findings, copy);
}

static void on_diagnostics(void *ctx, const struct diag_sink *d)
{
	struct replay_out *o = ctx;
	/* Notes about defaults belong to `check`; an audit shows what matters. */
	for (size_t i = 0; i < d->items.n; i++)
		if (d->items.items[i].sev != DIAG_NOTE)
			diag_print(&d->items.items[i], stderr, o->cli->color_err);
}

static const char *const outcome_names[] = { "none", "carried", "not carried", "void", "provisional", "undetermined" };

static void text_summary(FILE *out, const struct replay_summary *s, bool md)
{
	fprintf(out, md ? "# Replay\n\n" : "Replay\n");
	fprintf(out, "%s%u meeting%s (%u motion%s) from %u record file%s, judged by %u of %u version%s of the terms\n",
	        md ? "" : "  ", s->meetings, s->meetings == 1 ? "" : "s", s->motions, s->motions == 1 ? "" : "s",
	        s->record_files, s->record_files == 1 ? "" : "s", s->versions_used, s->terms_versions,
	        s->terms_versions == 1 ? "" : "s");
	if (md)
		fputc('\n', out);
	fprintf(out, "%soutcomes: ", md ? "- " : "  ");
	for (int o = OUTCOME_CARRIED; o <= OUTCOME_UNDETERMINED; o++)
		fprintf(out, "%s %u%s", outcome_names[o], s->by_outcome[o], o < OUTCOME_UNDETERMINED ? ", " : "\n");
	fprintf(out, "%sfindings: %u error%s, %u breach%s, %u warning%s, %u note%s\n", md ? "- " : "  ",
	        s->by_severity[SEV_ERROR], s->by_severity[SEV_ERROR] == 1 ? "" : "s",
	        s->by_severity[SEV_BREACH], s->by_severity[SEV_BREACH] == 1 ? "" : "es",
	        s->by_severity[SEV_WARNING], s->by_severity[SEV_WARNING] == 1 ? "" : "s",
	        s->by_severity[SEV_NOTE], s->by_severity[SEV_NOTE] == 1 ? "" : "s");
	fprintf(out, "%srecorded outcomes that disagree with the terms: %u\n", md ? "- " : "  ", s->mismatches);
	if (s->malformed_files)
		fprintf(out, "%sinputs that could not be read or parsed: %u (see the diagnostics)\n", md ? "- " : "  ",
		        s->malformed_files);
	bool any = false;
	for (unsigned c = 0; c < F__COUNT; c++)
		any = any || s->by_code[c];
	if (!any)
		return;
	fprintf(out, md ? "\n| finding | severity | count |\n| --- | --- | ---: |\n" : "  by code:\n");
	for (unsigned c = 0; c < F__COUNT; c++) {
		enum finding_code code = (enum finding_code)c;
		if (!s->by_code[c])
			continue;
		if (md)
			fprintf(out, "| `%s` | %s | %u |\n", finding_code_name(code),
			        finding_severity_name(finding_default_severity(code)), s->by_code[c]);
		else
			fprintf(out, "    %-28s %-8s %u\n", finding_code_name(code),
			        finding_severity_name(finding_default_severity(code)), s->by_code[c]);
	}
}

static void md_end_summary(FILE *out, bool md)
{
	if (md)
		fputc('\n', out);
}

static void text_history_findings(FILE *out, const struct replay_out *o, bool md)
{
	if (o->findings.n == 0)
		return;
	fprintf(out, md ? "\n## Across meetings\n\n" : "\nAcross meetings\n");
	for (size_t i = 0; i < o->findings.n; i++) {
		const struct history_finding *f = &o->findings.items[i];
		fprintf(out, md ? "- **%s** `%s`" : "  %s [%s]", finding_severity_name(f->sev), finding_code_name(f->code));
		if (f->clause)
			fprintf(out, " §%s", f->clause);
		fprintf(out, ": %s", f->message);
		if (f->file)
			fprintf(out, " (%s:%u)", f->file, f->line);
		fputc('\n', out);
	}
}

static void json_history(struct json_writer *w, const struct replay_out *o, const struct replay_summary *s)
{
	json_end_array(w); /* meetings */
	json_key(w, "findings");
	json_begin_array(w);
	for (size_t i = 0; i < o->findings.n; i++) {
		const struct history_finding *f = &o->findings.items[i];
		json_begin_object(w);
		json_key(w, "code");
		json_string(w, finding_code_name(f->code));
		json_key(w, "severity");
		json_string(w, finding_severity_name(f->sev));
		json_key(w, "clause");
		if (f->clause) json_string(w, f->clause); else json_null(w);
		json_key(w, "message");
		json_string(w, f->message);
		json_key(w, "file");
		if (f->file) json_string(w, f->file); else json_null(w);
		json_key(w, "line");
		if (f->file) json_int(w, f->line); else json_null(w);
		json_end_object(w);
	}
	json_end_array(w);
	json_key(w, "summary");
	json_begin_object(w);
	json_key(w, "meetings"); json_int(w, s->meetings);
	json_key(w, "motions"); json_int(w, s->motions);
	json_key(w, "record_files"); json_int(w, s->record_files);
	json_key(w, "terms_versions"); json_int(w, s->terms_versions);
	json_key(w, "terms_versions_used"); json_int(w, s->versions_used);
	json_key(w, "malformed_files"); json_int(w, s->malformed_files);
	json_key(w, "mismatches"); json_int(w, s->mismatches);
	json_key(w, "outcomes");
	json_begin_object(w);
	for (int oc = OUTCOME_CARRIED; oc <= OUTCOME_UNDETERMINED; oc++) {
		json_key(w, outcome_names[oc]);
		json_int(w, s->by_outcome[oc]);
	}
	json_end_object(w);
	json_key(w, "by_severity");
	json_begin_object(w);
	for (int sev = SEV_ERROR; sev >= SEV_NOTE; sev--) {
		json_key(w, finding_severity_name((enum finding_severity)sev));
		json_int(w, s->by_severity[sev]);
	}
	json_end_object(w);
	json_key(w, "by_code");
	json_begin_object(w);
	for (unsigned c = 0; c < F__COUNT; c++) {
		if (!s->by_code[c])
			continue;
		json_key(w, finding_code_name((enum finding_code)c));
		json_int(w, s->by_code[c]);
	}
	json_end_object(w);
	json_end_object(w);
	json_end_object(w);
	json_finish(w);
}

static bool copy_stream(FILE *from, FILE *to);

static void html_report(FILE *out, const struct replay_out *o, const struct replay_summary *s)
{
	html_begin(out, "quorate audit");
	fputs("<h1>Audit of meeting records</h1>\n<table>\n", out);
	fprintf(out, "<tr><th>meetings</th><td class=\"num\">%u</td></tr><tr><th>motions</th><td class=\"num\">%u</td></tr>\n",
	        s->meetings, s->motions);
	for (int oc = OUTCOME_CARRIED; oc <= OUTCOME_UNDETERMINED; oc++)
		fprintf(out, "<tr><th>%s</th><td class=\"num\">%u</td></tr>\n", outcome_names[oc], s->by_outcome[oc]);
	fprintf(out, "<tr><th>recorded outcomes that disagree</th><td class=\"num\">%u</td></tr>\n", s->mismatches);
	for (int sev = SEV_ERROR; sev >= SEV_NOTE; sev--)
		fprintf(out, "<tr><th class=\"%s\">%s</th><td class=\"num\">%u</td></tr>\n",
		        finding_severity_name((enum finding_severity)sev), finding_severity_name((enum finding_severity)sev),
		        s->by_severity[sev]);
	fputs("</table>\n", out);
	html_timeline(out, o->timeline.items, o->timeline.n);
	if (!copy_stream(o->body, out))
		cli_usage_error(o->cli, "could not write the report");
	if (o->findings.n) {
		fputs("<h2>Across meetings</h2>\n<ul class=\"findings\">\n", out);
		for (size_t i = 0; i < o->findings.n; i++) {
			const struct history_finding *f = &o->findings.items[i];
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
	html_end(out);
}

static bool copy_stream(FILE *from, FILE *to)
{
	char buf[65536];
	size_t n;
	rewind(from);
	while ((n = fread(buf, 1, sizeof buf, from)) > 0)
		if (fwrite(buf, 1, n, to) != n)
			return false;
	return !ferror(from);
}

#define REPLAY_SUMMARY_ONLY 1u

static bool replay_flag(struct cli *c, const char *arg, struct cli_args *args)
{
	(void)c;
	if (strcmp(arg, "--summary") != 0)
		return false;
	args->bits |= REPLAY_SUMMARY_ONLY;
	return true;
}

int cmd_replay(struct cli *c, int argc, char **argv)
{
	static const struct cli_command cmd = {
		replay_usage, FMT_BIT(FMT_TEXT) | FMT_BIT(FMT_JSON) | FMT_BIT(FMT_MARKDOWN) | FMT_BIT(FMT_HTML), 1, -1,
		replay_flag
	};
	struct cli_args args = { .bits = 0 };
	int st = cli_parse_args(c, argc, argv, &cmd, &args);
	if (st)
		return st == CLI_HELP_SHOWN ? EXIT_OK : st;
	bool summary_only = args.bits & REPLAY_SUMMARY_ONLY;
	const char **paths = args.pos;
	int n_paths = args.n_pos;
	cli_finish_path(c);

	struct replay *rp = replay_new(&c->arena, &c->loader, &c->diag);
	for (int i = 0; i < n_paths; i++)
		replay_add_path(rp, paths[i]);

	struct replay_out o = { .cli = c, .summary_only = summary_only };
	if (c->format == FMT_JSON) {
		json_init(&o.json, stdout);
		json_begin_object(&o.json);
		json_key(&o.json, "meetings");
		json_begin_array(&o.json);
	} else if (!(o.body = tmpfile())) {
		cli_usage_error(c, "cannot create a temporary file for the report");
		return EXIT_BAD_INPUT;
	}
	struct replay_sink sink = { &o, on_meeting, on_finding, on_diagnostics };
	replay_run(rp, &sink);
	const struct replay_summary *s = replay_summary(rp);

	bool md = c->format == FMT_MARKDOWN;
	if (c->format == FMT_JSON) {
		json_history(&o.json, &o, s);
	} else if (c->format == FMT_HTML) {
		html_report(stdout, &o, s);
		fclose(o.body);
	} else {
		text_summary(stdout, s, md);
		md_end_summary(stdout, md);
		if (!copy_stream(o.body, stdout))
			cli_usage_error(c, "could not write the report");
		fclose(o.body);
		text_history_findings(stdout, &o, md);
	}
	if (c->diag.n_errors || s->malformed_files)
		return EXIT_BAD_INPUT;
	return s->by_severity[SEV_ERROR] || s->by_severity[SEV_BREACH] ? EXIT_FINDINGS : EXIT_OK;
}

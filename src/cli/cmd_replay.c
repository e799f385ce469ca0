/*
** quorate replay PATH...: judge a whole history, each meeting by the terms in
** force on its date; a summary first, then every meeting, then the findings
** that span meetings.  The report is written in the --format as the meetings
** are judged (src/report/: struct report_ops).
*/
#include <string.h>

#include "cli/cli.h"
#include "run/replay.h"

static const char replay_usage[] =
	"usage: quorate replay [--format {formats}] [--summary] [-I DIR] PATH...\n"
	"\n"
	"Judge a whole history.  PATHs are terms files (.tor: every version of the\n"
	"terms), meeting records (.minutes or .json) and directories, searched\n"
	"recursively.  Each meeting is judged by the latest version of its body's\n"
	"terms in force on its date.  Exit 0 when the whole history is clean, 1 when\n"
	"anything is breached or a recorded outcome disagrees, 2 when an input is\n"
	"malformed (the rest is still replayed and reported).  --summary prints only\n"
	"the summary and the findings across meetings.\n";

struct replay_cmd {
	struct cli *cli;
	struct replay_report *report;
};

static void on_meeting(void *ctx, const struct meeting_result *r, const struct replay_meta *meta)
{
	struct replay_cmd *x = ctx;
	report_replay_meeting(x->report, r, meta);
}

static void on_finding(void *ctx, const struct history_finding *f)
{
	struct replay_cmd *x = ctx;
	report_replay_finding(x->report, f);
}

static void on_rewind(void *ctx)
{
	struct replay_cmd *x = ctx;
	report_replay_rewind(x->report);
}

static void on_diagnostics(void *ctx, const struct diag_sink *d)
{
	struct cli *c = ((struct replay_cmd *)ctx)->cli;
	/* Notes about defaults belong to `check`; an audit shows what matters. */
	for (size_t i = 0; i < d->items.n; i++)
		if (d->items.items[i].sev != DIAG_NOTE)
			diag_print(&d->items.items[i], stderr, c->color_err);
}

struct replay_job {
	struct replay *rp;
	const struct replay_sink *sink;
};

static void run_replay(void *ctx)
{
	struct replay_job *job = ctx;
	replay_run(job->rp, job->sink);
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
	static const struct cli_command cmd = { replay_usage, REPORT_REPLAY, 1, -1, replay_flag };
	struct cli_args args = { .bits = 0 };
	int st = cli_parse_args(c, argc, argv, &cmd, &args);
	if (st)
		return st == CLI_HELP_SHOWN ? EXIT_OK : st;
	cli_finish_path(c);

	struct replay *rp = replay_new(&c->arena, &c->loader, &c->diag);
	for (int i = 0; i < args.n_pos; i++)
		replay_add_path(rp, args.pos[i]);

	struct replay_cmd x = { c, report_replay_begin(&c->arena, c->report, stdout, stderr, args.bits & REPLAY_SUMMARY_ONLY) };
	if (!x.report) {
		cli_usage_error(c, "cannot create a temporary file for the report");
		return EXIT_BAD_INPUT;
	}
	struct replay_sink sink = { &x, on_meeting, on_finding, on_diagnostics, on_rewind,
	                            args.bits & REPLAY_SUMMARY_ONLY, args.bits & REPLAY_SUMMARY_ONLY };
	struct replay_job job = { rp, &sink };
	report_replay_run(x.report, run_replay, &job);
	const struct replay_summary *s = replay_summary(rp);
	if (!report_replay_end(x.report, s)) {
		/* a short report must never end with the status of a clean audit
		** (an error writing standard output itself is said once, by main) */
		if (!ferror(stdout))
			cli_usage_error(c, "cannot write the output: a part of the report could not be copied from its "
			                 "temporary file, or taken back from the output when replay began again in date order");
		return EXIT_BAD_INPUT;
	}
	if (c->diag.n_errors || s->malformed_files)
		return EXIT_BAD_INPUT;
	return s->by_severity[SEV_ERROR] || s->by_severity[SEV_BREACH] ? EXIT_FINDINGS : EXIT_OK;
}

/*
** quorate register PATH...: the attendance register and the interests
** register of a history (the same inputs as replay), in text, Markdown,
** JSON or HTML.
*/
#include "cli/cli.h"
#include "report/register_report.h"
#include "run/replay.h"

static const char register_usage[] =
	"usage: quorate register [--format {formats}] [-I DIR] PATH...\n"
	"\n"
	"The attendance register and the register of declared interests across a\n"
	"history.  PATHs are terms files (.tor: every version of the terms), meeting\n"
	"records (.minutes or .json) and directories, as for replay.  Attendance:\n"
	"for each member, the meetings they were present at (all or part), sent\n"
	"apologies to or missed without apologies, with a column for each meeting.\n"
	"Interests: every declaration, with its effect under the terms in force.\n"
	"Exit 0, or 2 when an input is malformed (the rest is still read).\n";

struct register_run {
	struct cli *cli;
	struct replay *rp;
	struct replay_sink sink;
	struct registers *rg;
};

static void on_meeting(void *ctx, const struct meeting_result *r, const struct replay_meta *meta)
{
	struct register_run *run = ctx;
	register_meeting(run->rg, r, meta->record_file);
}

static void on_finding(void *ctx, const struct history_finding *f)
{
	(void)ctx; /* findings are replay's business */
	(void)f;
}

static void on_diagnostics(void *ctx, const struct diag_sink *d)
{
	struct register_run *run = ctx;
	for (size_t i = 0; i < d->items.n; i++)
		if (d->items.items[i].sev != DIAG_NOTE)
			diag_print(&d->items.items[i], stderr, run->cli->color_err);
}

/* The history, then the last tables: both under register_run's recovery
** point, which frees the tables if memory runs out. */
static void run_replay(void *ctx)
{
	struct register_run *run = ctx;
	replay_run(run->rp, &run->sink);
	register_finish(run->rg);
}

int cmd_register(struct cli *c, int argc, char **argv)
{
	static const struct cli_command cmd = { register_usage, REPORT_REGISTER, 1, -1, NULL };
	struct cli_args args = { .bits = 0 };
	int st = cli_parse_args(c, argc, argv, &cmd, &args);
	if (st)
		return st == CLI_HELP_SHOWN ? EXIT_OK : st;
	cli_finish_path(c);

	struct register_report *rr = register_report_new(&c->arena, c->report, 0);
	struct register_run run = { c, replay_new(&c->arena, &c->loader, &c->diag), { 0 }, register_report_registers(rr) };
	run.sink = (struct replay_sink){ &run, on_meeting, on_finding, on_diagnostics, NULL, false, false };
	for (int i = 0; i < args.n_pos; i++)
		replay_add_path(run.rp, args.pos[i]);
	register_run(run.rg, run_replay, &run);

	struct json_writer w;
	jw_init(&w, stdout);
	if (!register_report_write(rr, stdout, &w, true)) {
		if (!ferror(stdout)) /* else main says why, once */
			cli_usage_error(c, "cannot write the output: a part of the registers could not be copied from its temporary file");
		return EXIT_BAD_INPUT;
	}
	const struct replay_summary *s = replay_summary(run.rp);
	return c->diag.n_errors || s->malformed_files ? EXIT_BAD_INPUT : EXIT_OK;
}

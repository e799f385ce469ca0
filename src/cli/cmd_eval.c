/*
** quorate eval TERMS MEETING: judge one meeting record against the terms.
*/
#include <string.h>

#include "cli/cli.h"

static const char eval_usage[] =
	"usage: quorate eval [--format {formats}] [-I DIR] TERMS.tor MEETING.minutes|MEETING.json\n"
	"\n"
	"Evaluate one meeting record against the terms: for each motion the quorum,\n"
	"the class of decision, each rule with its numbers, the outcome and every\n"
	"finding.  Exit 0 when nothing is breached and every recorded outcome agrees,\n"
	"1 when anything is breached or disagrees, 2 when an input is malformed.\n";

int cmd_eval(struct cli *c, int argc, char **argv)
{
	static const struct cli_command cmd = {
		eval_usage, REPORT_MEETING, 2, 2, NULL
	};
	struct cli_args args;
	int st = cli_parse_args(c, argc, argv, &cmd, &args);
	if (st)
		return st == CLI_HELP_SHOWN ? EXIT_OK : st;
	const char *const *paths = args.pos;
	cli_finish_path(c);
	const struct terms *t = cli_load_terms(c, paths[0]);
	const struct meeting *m = t ? cli_load_meeting(c, paths[1]) : NULL;
	if (!t || !m || c->diag.n_errors) {
		/* a program asked for JSON: give it the diagnostics as JSON too */
		if (c->report->for_programs)
			cli_print_diagnostics(c);
		else
			cli_print_problems(c);
		return EXIT_BAD_INPUT;
	}
	struct meeting_result *r = eval_meeting(&c->arena, t, m);
	struct report_opts o = { c->color_out };
	c->report->meeting(stdout, r, &o);
	return meeting_result_failed(r) ? EXIT_FINDINGS : EXIT_OK;
}

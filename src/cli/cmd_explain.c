/*
** quorate explain FILE.tor: the terms in plain English and the votes each
** class of decision needs at each attendance.
*/
#include <string.h>

#include "cli/cli.h"
#include "run/explain.h"

static const char explain_usage[] =
	"usage: quorate explain [--format {formats}] [-I DIR] FILE.tor\n"
	"\n"
	"Read the terms out in plain English, clause by clause, with a table of the\n"
	"votes in favour each class of decision needs at each attendance, from the\n"
	"quorum to the full membership.\n";

int cmd_explain(struct cli *c, int argc, char **argv)
{
	static const struct cli_command cmd = {
		explain_usage, REPORT_EXPLAIN, 1, 1, NULL
	};
	struct cli_args args;
	int st = cli_parse_args(c, argc, argv, &cmd, &args);
	if (st)
		return st == CLI_HELP_SHOWN ? EXIT_OK : st;
	const char *path = args.pos[0];
	cli_finish_path(c);
	const struct terms *t = cli_load_terms(c, path);
	cli_print_problems(c);
	if (!t)
		return EXIT_BAD_INPUT;
	struct explanation *x = explain_terms(&c->arena, t);
	c->report->explain(stdout, x);
	return EXIT_OK;
}

/*
** quorate eval TERMS MEETING: judge one meeting record against the terms.
*/
#include <string.h>

#include "check/sema.h"
#include "cli/cli.h"
#include "front/parse.h"
#include "record/minutes_json.h"

static const char eval_usage[] =
	"usage: quorate eval [--format {formats}] [-I DIR] TERMS.tor MEETING.minutes|MEETING.json\n"
	"\n"
	"Evaluate one meeting record against the terms: for each motion the quorum,\n"
	"the class of decision, each rule with its numbers, the outcome and every\n"
	"finding.  Exit 0 when nothing is breached and every recorded outcome agrees,\n"
	"1 when anything is breached or disagrees, 2 when an input is malformed.\n";

static bool is_json_path(const char *path, const struct source *src)
{
	size_t n = strlen(path);
	if (n >= 5 && strcmp(path + n - 5, ".json") == 0)
		return true;
	return source_looks_like_json(src->text, src->len); /* e.g. standard input */
}

static const struct meeting *load_meeting(struct cli *c, const char *path)
{
	const struct source *src = cli_load_source(c, path);
	if (!src)
		return NULL;
	if (is_json_path(path, src))
		return minutes_json_read(&c->arena, &c->diag, src);
	struct ast_file file;
	if (parse_file(&c->arena, &c->diag, src, &file) != 0)
		return NULL;
	const struct node *n = cli_single_item(c, &file, N_MEETING, "`meeting` block");
	return n ? minutes_from_ast(&c->arena, &c->diag, n, src) : NULL;
}

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
	const struct meeting *m = t ? load_meeting(c, paths[1]) : NULL;
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

/*
** quorate diff OLD.tor NEW.tor [--history PATH...]: what an amendment of the
** terms really does (src/run/amend.c), written in the --format.
*/
#include <string.h>

#include "cli/cli.h"
#include "run/amend.h"
#include "run/replay.h"

static const char diff_usage[] =
	"usage: quorate diff [--format {formats}] [--bound=N] [-I DIR] OLD.tor NEW.tor [--history PATH...]\n"
	"\n"
	"Show what changes from OLD to NEW: each clause that changes, in plain\n"
	"English; how many possible meetings come out differently, with the smallest\n"
	"ones as examples (an exhaustive search over attendance, interests, votes\n"
	"and kinds of motion); and with --history, the past decisions that would have\n"
	"gone the other way.  Exit 0 when nothing would change, 1 when something\n"
	"would (or the search was cut short), 2 on bad input.\n"
	"  --bound=N   the work the search may do (default 10000000); a search cut\n"
	"              short says so first, with how much it covered\n";

struct diff_cmd {
	struct cli *cli;
	struct amend *amend;
};

static void past_meeting(void *ctx, const struct meeting *m, struct arena *arena, const char *sha)
{
	(void)sha;
	struct diff_cmd *x = ctx;
	amend_past_meeting(x->amend, m, arena);
}

static void diag_to_stderr(void *ctx, const struct diag_sink *d)
{
	struct diff_cmd *x = ctx;
	for (size_t i = 0; i < d->items.n; i++)
		if (d->items.items[i].sev != DIAG_NOTE)
			diag_print(&d->items.items[i], stderr, x->cli->color_err);
}

static bool diff_flag(struct cli *c, const char *arg, struct cli_args *args)
{
	if (cli_bound_flag(c, arg, args))
		return true;
	if (strcmp(arg, "--history") != 0)
		return false;
	args->history_from = args->n_pos; /* what follows is the history */
	return true;
}

int cmd_diff(struct cli *c, int argc, char **argv)
{
	static const struct cli_command cmd = { diff_usage, REPORT_AMEND, 2, -1, diff_flag };
	struct cli_args args;
	int parsed = cli_parse_args(c, argc, argv, &cmd, &args);
	if (parsed)
		return parsed == CLI_HELP_SHOWN ? EXIT_OK : parsed;
	if (args.bad)
		return EXIT_BAD_INPUT;
	int n_files = args.history_from >= 0 ? args.history_from : args.n_pos;
	if (n_files != 2 || (args.history_from >= 0 && args.n_pos == args.history_from)) {
		cli_print_usage(c, &cmd, stderr);
		return EXIT_BAD_INPUT;
	}
	const char **files = args.pos;
	const char **history = args.pos + 2;
	int n_history = args.n_pos - 2;
	cli_finish_path(c);
	const struct terms *old_t = cli_load_terms(c, files[0]);
	const struct terms *new_t = cli_load_terms(c, files[1]);
	cli_print_problems(c);
	if (!old_t || !new_t)
		return EXIT_BAD_INPUT;
	c->diag.items.n = 0;

	struct diff_cmd x = { c, amend_terms(&c->arena, old_t, new_t, args.number) };
	if (n_history) {
		struct replay *rp = replay_new(&c->arena, &c->loader, &c->diag);
		for (int i = 0; i < n_history; i++)
			replay_add_path(rp, history[i]);
		cli_print_problems(c);
		struct replay_sink sink = { .ctx = &x, .diagnostics = diag_to_stderr };
		replay_set_sink(rp, &sink);
		replay_for_each(rp, past_meeting, &x);
	}
	c->report->amend(stdout, x.amend);
	if (c->diag.n_errors)
		return EXIT_BAD_INPUT;
	/* a search cut short cannot say that nothing would change */
	return amend_changes_anything(x.amend) || x.amend->search.truncated ? EXIT_FINDINGS : EXIT_OK;
}

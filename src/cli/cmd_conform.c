/*
** quorate conform --model MODEL.tor LOCAL.tor...: whether each cluster's
** terms meet a health board's model (src/run/conform.c), written in the
** --format.
*/
#include <string.h>

#include "cli/cli.h"
#include "run/conform.h"

static const char conform_usage[] =
	"usage: quorate conform [--format {formats}] [--exact] [--bound=N] [-I DIR] --model MODEL.tor LOCAL.tor...\n"
	"\n"
	"Whether each cluster's terms (LOCAL) are at least as strict as a health\n"
	"board's MODEL: every meeting they call quorate, the model calls quorate;\n"
	"every motion they carry, the model carries; declared interests, the casting\n"
	"vote, consensus, decisions outside meetings, notice, papers, minutes,\n"
	"meetings, review and the chair at least the model's.  The model's counts\n"
	"are read against each local roster (roles by id, or through the model's\n"
	"`maps`).  Each clause that does not conform comes with the smallest meeting\n"
	"that shows it.  Exit 0 when every file conforms, 1 when one does not (or\n"
	"the search stopped at its bound before showing that it does), 2 on bad\n"
	"input.\n"
	"  --exact     each clause must be the same as the model's (equivalence)\n"
	"  --bound=N   the work each file's search may do (default 10000000); a\n"
	"              clause a search cut short found no counterexample for is\n"
	"              \"not proved\", never \"conforms\"\n";

enum { FLAG_EXACT = 1 };

static bool conform_flag(struct cli *c, const char *arg, struct cli_args *args)
{
	if (cli_bound_flag(c, arg, args))
		return true;
	if (strcmp(arg, "--exact") == 0) {
		args->bits |= FLAG_EXACT;
		return true;
	}
	if (strcmp(arg, "--model") != 0)
		return false;
	if (args->model_at >= 0)
		args->model_at = -2; /* said twice: refused below */
	else
		args->model_at = args->n_pos; /* the next file is the model */
	return true;
}

int cmd_conform(struct cli *c, int argc, char **argv)
{
	static const struct cli_command cmd = { conform_usage, REPORT_CONFORM, 0, -1, conform_flag };
	struct cli_args args = { .bits = 0 };
	int parsed = cli_parse_args(c, argc, argv, &cmd, &args);
	if (parsed)
		return parsed == CLI_HELP_SHOWN ? EXIT_OK : parsed;
	if (args.bad)
		return EXIT_BAD_INPUT;
	if (args.model_at < 0 || args.model_at >= args.n_pos || args.n_pos < 2) {
		cli_usage_error(c, args.model_at == -2 ? "--model is given twice"
		                   : args.model_at < 0 || args.model_at >= args.n_pos ? "--model needs a terms file"
		                                                                       : "no local terms file to compare");
		cli_print_usage(c, &cmd, stderr);
		return EXIT_BAD_INPUT;
	}
	cli_finish_path(c);
	const char *model_path = args.pos[args.model_at];
	const struct terms *model = cli_load_terms(c, model_path);
	int n_locals = args.n_pos - 1;
	const char **paths = arena_array(&c->arena, (size_t)n_locals, sizeof *paths);
	const struct terms **locals = arena_array(&c->arena, (size_t)n_locals, sizeof *locals);
	bool loaded = model != NULL;
	for (int i = 0, k = 0; i < args.n_pos; i++) {
		if (i == args.model_at)
			continue;
		paths[k] = args.pos[i];
		locals[k] = cli_load_terms(c, paths[k]);
		loaded = loaded && locals[k];
		k++;
	}
	/* errors only: warnings about each file's terms are check's to give */
	cli_print_errors(c);
	if (!loaded)
		return EXIT_BAD_INPUT;
	struct conform_run *run = conform_begin(&c->arena, model, model_path, args.bits & FLAG_EXACT, args.number);
	for (int i = 0; i < n_locals; i++) {
		const char *why;
		if (!conform_local(run, locals[i], paths[i], &why)) {
			fprintf(stderr, "quorate: %s: %s\n", paths[i], why);
			return EXIT_BAD_INPUT;
		}
	}
	c->report->conform(stdout, run);
	return conform_all(run) ? EXIT_OK : EXIT_FINDINGS;
}

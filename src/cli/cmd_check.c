/*
** quorate check FILE.tor...: parse and validate terms, report every
** diagnostic with its location.
*/
#include <string.h>

#include "check/sema.h"
#include "check/terms_file.h"
#include "cli/cli.h"

static const char check_usage[] =
	"usage: quorate check [--format {formats}] [--strict] [-I DIR] FILE.tor...\n"
	"\n"
	"Parse and validate terms of reference; print every error, warning and note\n"
	"with its location.  Exit 0 with no errors, 1 with warnings under --strict,\n"
	"2 with errors or unreadable input.  `-` reads standard input.\n";

/* Check every terms block in one source, or the module it is. */
static void check_source(struct cli *c, const struct source *src)
{
	struct terms_file tf;
	terms_file_read(&c->arena, &c->diag, &c->loader, src, TERMS_OR_MODULE, &tf);
	if (tf.is_module)
		sema_module(&c->arena, &c->diag, &c->loader, &tf.ast);
}

static bool check_flag(struct cli *c, const char *arg, struct cli_args *args)
{
	(void)args;
	if (strcmp(arg, "--strict") != 0)
		return false;
	c->strict = true;
	return true;
}

int cmd_check(struct cli *c, int argc, char **argv)
{
	static const struct cli_command cmd = {
		check_usage, REPORT_DIAGNOSTICS, 1, -1, check_flag
	};
	struct cli_args args;
	int st = cli_parse_args(c, argc, argv, &cmd, &args);
	if (st)
		return st == CLI_HELP_SHOWN ? EXIT_OK : st;
	const char **files = args.pos;
	int n_files = args.n_pos;
	cli_finish_path(c);
	for (int i = 0; i < n_files; i++) {
		const struct source *src = cli_load_source(c, files[i]);
		if (src)
			check_source(c, src);
	}
	cli_print_diagnostics(c);
	if (c->diag.n_errors)
		return EXIT_BAD_INPUT;
	if (c->strict && c->diag.n_warnings)
		return EXIT_FINDINGS;
	return EXIT_OK;
}

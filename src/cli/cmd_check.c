/*
** quorate check FILE.tor...: parse and validate terms, report every
** diagnostic with its location.
*/
#include <string.h>

#include "check/sema.h"
#include "cli/cli.h"
#include "front/parse.h"

static const char check_usage[] =
	"usage: quorate check [--format {formats}] [--strict] [-I DIR] FILE.tor...\n"
	"\n"
	"Parse and validate terms of reference; print every error, warning and note\n"
	"with its location.  Exit 0 with no errors, 1 with warnings under --strict,\n"
	"2 with errors or unreadable input.  `-` reads standard input.\n";

/* Check every terms block (and module file) in one source. */
static void check_source(struct cli *c, const struct source *src)
{
	struct ast_file file;
	if (parse_file(&c->arena, &c->diag, src, &file) != 0)
		return;
	bool terms = false, module = false;
	for (const struct node *n = file.items; n; n = n->next) {
		terms = terms || n->kind == N_TERMS;
		module = module || n->kind == N_RULE || n->kind == N_USE;
	}
	if (module && !terms) {
		sema_module(&c->arena, &c->diag, &c->loader, &file);
		return;
	}
	cli_check_stray_items(c, &file);
	for (const struct node *n = file.items; n; n = n->next) {
		if (n->kind == N_TERMS)
			sema_terms(&c->arena, &c->diag, &c->loader, n, src);
		else if (n->kind == N_MEETING)
			diag_report(&c->diag, D_CONTEXT, loc_of(src, n->span),
			            "this is a meeting record; check reads terms (use `quorate eval TERMS MEETING`)");
	}
	if (!file.items)
		diag_report(&c->diag, D_MISSING, (struct loc){ src, 0, 0 }, "the file has no `terms` block");
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

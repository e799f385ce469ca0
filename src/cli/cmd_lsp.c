/*
** quorate lsp: the language server, over standard input and output.
*/
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "lsp/server.h"

static const char lsp_usage[] =
	"usage: quorate lsp [-I DIR] [--stdio]\n"
	"\n"
	"A language server for terms files (.tor) and meeting records (.minutes),\n"
	"speaking the Language Server Protocol over standard input and output, for\n"
	"an editor to start: diagnostics as `check` and `eval` give them, hover with\n"
	"the meaning in numbers, definitions, references, rename, formatting,\n"
	"completion and semantic highlighting.  A record is judged by the terms\n"
	"found beside it, in the folder above, or in a QUORATE_PATH directory.\n"
	"docs/editors.md sets it up in Neovim, Helix and VS Code.  Exit 0 after the\n"
	"client's shutdown and exit, 1 if the input ends or the client exits first.\n";

/* read(2) on standard input, going on after a signal. */
static size_t read_stdin(void *ctx, char *buf, size_t n)
{
	(void)ctx;
	for (;;) {
		ssize_t got = read(STDIN_FILENO, buf, n);
		if (got >= 0)
			return (size_t)got;
		if (errno != EINTR)
			return 0;
	}
}

static bool lsp_flag(struct cli *c, const char *arg, struct cli_args *args)
{
	(void)c;
	(void)args;
	return strcmp(arg, "--stdio") == 0; /* what clients pass; stdio is the only transport */
}

int cmd_lsp(struct cli *c, int argc, char **argv)
{
	static const struct cli_command cmd = { lsp_usage, REPORT__N, 0, 0, lsp_flag };
	struct cli_args args;
	int st = cli_parse_args(c, argc, argv, &cmd, &args);
	if (st)
		return st == CLI_HELP_SHOWN ? EXIT_OK : st;
	cli_finish_path(c);
	/* QUORATE_PATH also holds terms files, for records (as replay finds them) */
	const char *terms_dirs[CLI_MAX_PATH_DIRS];
	unsigned n_terms_dirs = 0;
	const char *env = getenv("QUORATE_PATH");
	if (env && *env) {
		char *copy = arena_strdup(&c->arena, env);
		for (char *save = NULL, *dir = strtok_r(copy, ":", &save); dir && n_terms_dirs < CLI_MAX_PATH_DIRS;
		     dir = strtok_r(NULL, ":", &save))
			terms_dirs[n_terms_dirs++] = dir;
	}
	struct lsp_options opt = { QUORATE_VERSION, c->dirs, c->n_dirs, terms_dirs, n_terms_dirs };
	/* a client that went away is an output error, not a signal */
	signal(SIGPIPE, SIG_IGN);
	return lsp_serve(&c->mem, &opt, read_stdin, NULL, stdout);
}

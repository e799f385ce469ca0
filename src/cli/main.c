/*
** main: the `quorate` command: dispatch to a subcommand, own the run's memory
** and its out-of-memory recovery point, and turn results into exit statuses.
*/
#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"

#ifndef QUORATE_VERSION
#define QUORATE_VERSION "0.1.0"
#endif

static const char main_usage[] =
	"usage: quorate COMMAND [OPTIONS] ARGS...\n"
	"\n"
	"Check terms of reference and audit meeting records against them.\n"
	"\n"
	"commands:\n"
	"  check FILE.tor...          validate terms; every error and warning with its location\n"
	"  eval TERMS MEETING         judge one meeting record: quorum, class, rule, numbers, outcome\n"
	"  replay PATH...             judge a whole history, each meeting by the terms in force on its date\n"
	"  explain FILE.tor           the terms in plain English, and the votes each decision needs\n"
	"  diff OLD.tor NEW.tor       what an amendment changes: clauses, meetings, past decisions\n"
	"  register PATH...           the attendance and interests registers of a history\n"
	"  conform --model M LOCAL... whether each cluster's terms meet a health board's model\n"
	"  test FILE.tor...           run the `example` blocks written inside terms files\n"
	"  fmt FILE...                print files in the canonical layout (--write, --check)\n"
	"  lsp                        a language server for editors, over standard input and output\n"
	"\n"
	"`quorate help COMMAND` describes each command.  Exit status: 0 all good,\n"
	"1 findings (a breach, a disagreement, a failed test), 2 bad usage or input.\n";

struct command {
	const char *name;
	int (*run)(struct cli *c, int argc, char **argv);
};

static const struct command commands[] = {
	{ "check", cmd_check },
	{ "eval", cmd_eval },
	{ "replay", cmd_replay },
	{ "explain", cmd_explain },
	{ "diff", cmd_diff },
	{ "register", cmd_register },
	{ "conform", cmd_conform },
	{ "test", cmd_test },
	{ "fmt", cmd_fmt },
	{ "lsp", cmd_lsp },
};

/*
** Test hooks for the allocation-failure sweep (tests/alloc_sweep.sh):
** QUORATE_TEST_FAIL_ALLOC=N makes the Nth allocation fail;
** QUORATE_TEST_COUNT_ALLOC prints how many allocations a run made.
** And for tests/safe_write.sh: QUORATE_TEST_STOP_BEFORE_RENAME stops the
** process (SIGSTOP) in `fmt --write` once its temporary file is written,
** so that a test can signal it there, or change the file under it.
*/
static void set_test_hooks(struct cli *c)
{
	const char *n = getenv("QUORATE_TEST_FAIL_ALLOC");
	if (n && *n)
		c->mem.fail_at = strtoul(n, NULL, 10);
	c->test_stop_before_rename = getenv("QUORATE_TEST_STOP_BEFORE_RENAME") != NULL;
}

/*
** Output is complete or the run fails (docs/reference.md#exit-status): a
** report that could not be written in full (a full disk, /dev/full, a closed
** pipe) must not end with the status of a clean audit.  Every command's
** output goes through stdout, so its buffer is flushed and the stream closed
** here, once, and any error on the way is exit 2 with the reason.
*/
static int finish_output(int status)
{
	errno = 0;
	bool failed = fflush(stdout) != 0 || ferror(stdout);
	int saved = errno;
	if (fclose(stdout) != 0 && !failed) {
		failed = true;
		saved = errno;
	}
	if (!failed)
		return status;
	fprintf(stderr, "quorate: cannot write the output: %s\n",
	        saved ? strerror(saved) : "a write to standard output failed");
	return EXIT_BAD_INPUT;
}

/* Run command `cmd` with its arguments; the run's memory and its
** out-of-memory recovery point live here. */
static int run_command(const struct command *cmd, const char *prog, int argc, char **argv)
{
	/* Reports are written in many small pieces: when they go to a file
	** or a pipe, buffer them generously. */
	static char out_buffer[1 << 16];
	if (!isatty(STDOUT_FILENO))
		setvbuf(stdout, out_buffer, _IOFBF, sizeof out_buffer);
	static struct cli c; /* large: kept off the stack; one per process */
	cli_init(&c, prog);
	set_test_hooks(&c);
	jmp_buf oom;
	c.mem.on_oom = &oom;
	volatile int status; /* read after longjmp */
	if (setjmp(oom) == 0) {
		status = cmd->run(&c, argc, argv);
	} else {
		fflush(stdout);
		fprintf(stderr, "quorate: out of memory\n");
		status = EXIT_BAD_INPUT;
	}
	cli_free(&c);
	if (getenv("QUORATE_TEST_COUNT_ALLOC"))
		fprintf(stderr, "quorate: %lu allocations\n", c.mem.n_allocs);
	return finish_output(status);
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fputs(main_usage, stderr);
		return EXIT_BAD_INPUT;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
	    (strcmp(argv[1], "help") == 0 && argc == 2)) {
		fputs(main_usage, stdout);
		return finish_output(EXIT_OK);
	}
	/* `quorate help CMD` is `quorate CMD --help` */
	static char help_flag[] = "--help";
	char *help_args[] = { help_flag, NULL };
	bool help = strcmp(argv[1], "help") == 0;
	if (help && argc > 3) {
		fprintf(stderr, "quorate: help takes one command\n\n%s", main_usage);
		return EXIT_BAD_INPUT;
	}
	const char *name = help ? argv[2] : argv[1];
	/* Past a file-size limit, let write() fail with EFBIG so a safe write
	** can clean up, rather than being killed half-way (SIGXFSZ). */
	signal(SIGXFSZ, SIG_IGN);
	if (strcmp(name, "--version") == 0) {
		printf("quorate %s\n", QUORATE_VERSION);
		return finish_output(EXIT_OK);
	}
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (strcmp(name, commands[i].name) == 0)
			return help ? run_command(&commands[i], argv[0], 1, help_args)
			            : run_command(&commands[i], argv[0], argc - 2, argv + 2);
	fprintf(stderr, "quorate: unknown command '%s'\n\n%s", name, main_usage);
	return EXIT_BAD_INPUT;
}

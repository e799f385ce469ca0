/*
** main: the `quorate` command: dispatch to a subcommand, own the run's memory
** and its out-of-memory recovery point, and turn results into exit statuses.
*/
#include <errno.h>
#include <signal.h>
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
	"  test FILE.tor...           run the `example` blocks written inside terms files\n"
	"  fmt FILE...                print files in the canonical layout (--write, --check)\n"
	"\n"
	"`quorate COMMAND --help` describes each command.  Exit status: 0 all good,\n"
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
	{ "test", cmd_test },
	{ "fmt", cmd_fmt },
};

/*
** Test hooks for the allocation-failure sweep (tests/alloc_sweep.sh):
** QUORATE_TEST_FAIL_ALLOC=N makes the Nth allocation fail;
** QUORATE_TEST_COUNT_ALLOC prints how many allocations a run made.
*/
static void set_test_hooks(struct cli *c)
{
	const char *n = getenv("QUORATE_TEST_FAIL_ALLOC");
	if (n && *n)
		c->mem.fail_at = strtoul(n, NULL, 10);
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

int main(int argc, char **argv)
{
	if (argc < 2) {
		fputs(main_usage, stderr);
		return EXIT_BAD_INPUT;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "help") == 0) {
		fputs(main_usage, stdout);
		return finish_output(EXIT_OK);
	}
	/* Past a file-size limit, let write() fail with EFBIG so a safe write
	** can clean up, rather than being killed half-way (SIGXFSZ). */
	signal(SIGXFSZ, SIG_IGN);
	if (strcmp(argv[1], "--version") == 0) {
		printf("quorate %s\n", QUORATE_VERSION);
		return finish_output(EXIT_OK);
	}
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
		if (strcmp(argv[1], commands[i].name) != 0)
			continue;
		/* Reports are written in many small pieces: when they go to a file
		** or a pipe, buffer them generously. */
		static char out_buffer[1 << 16];
		if (!isatty(STDOUT_FILENO))
			setvbuf(stdout, out_buffer, _IOFBF, sizeof out_buffer);
		static struct cli c; /* large: kept off the stack; one per process */
		cli_init(&c, argv[0]);
		set_test_hooks(&c);
		jmp_buf oom;
		c.mem.on_oom = &oom;
		volatile int status; /* read after longjmp */
		if (setjmp(oom) == 0) {
			status = commands[i].run(&c, argc - 2, argv + 2);
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
	fprintf(stderr, "quorate: unknown command '%s'\n\n%s", argv[1], main_usage);
	return EXIT_BAD_INPUT;
}

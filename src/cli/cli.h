/*
** cli: what the subcommands share: options, the search path, the context
** that owns all memory of a run, colours, and exit codes.  Only src/cli/
** prints to stdout/stderr directly or knows exit statuses.
*/
#ifndef QUORATE_CLI_H
#define QUORATE_CLI_H

#include <setjmp.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "base/arena.h"
#include "check/load.h"
#include "front/ast.h"
#include "front/diag.h"
#include "report/report.h"

enum exit_status { EXIT_OK = 0, EXIT_FINDINGS = 1, EXIT_BAD_INPUT = 2 };

#define CLI_MAX_PATH_DIRS 32

struct cli {
	const char *prog;           /* argv[0] */
	struct mem mem;
	struct arena arena;         /* everything that lives for the whole run */
	struct diag_sink diag;
	bool color_out, color_err;
	const struct report_ops *report;  /* --format: text unless said */
	bool strict;
	const char *dirs[CLI_MAX_PATH_DIRS];
	unsigned n_dirs;
	struct loader loader;
	bool test_stop_before_rename; /* QUORATE_TEST_STOP_BEFORE_RENAME (tests/safe_write.sh) */
};

/* Set up memory, colours and the search path (after -I options are known). */
void cli_init(struct cli *c, const char *prog);
void cli_add_dir(struct cli *c, const char *dir);
void cli_finish_path(struct cli *c);
void cli_free(struct cli *c);

/* Parse --format for a command writing `kind`; false (with a message) if the
** format is unknown or cannot write it. */
bool cli_set_format(struct cli *c, const char *value, enum report_kind kind);

/* Print all diagnostics (sorted) in the --format: to standard error, or to
** standard output for a format read by programs (JSON). */
void cli_print_diagnostics(struct cli *c);

struct terms;
struct meeting;
const struct source *cli_load_source(struct cli *c, const char *path);
/* The one terms block of a file, checked (check/terms_file.h); NULL
** (reported) on any error. */
const struct terms *cli_load_terms(struct cli *c, const char *path);
/* The one meeting of a record (record/record_file.h); NULL (reported) on
** any error. */
const struct meeting *cli_load_meeting(struct cli *c, const char *path);
/* Errors and warnings (not notes) to stderr: for commands other than check. */
void cli_print_problems(struct cli *c);
/* Errors only: for `test`, where warnings about the terms are check's job. */
void cli_print_errors(struct cli *c);

int cmd_check(struct cli *c, int argc, char **argv);
int cmd_eval(struct cli *c, int argc, char **argv);
int cmd_replay(struct cli *c, int argc, char **argv);
int cmd_explain(struct cli *c, int argc, char **argv);
int cmd_diff(struct cli *c, int argc, char **argv);
int cmd_test(struct cli *c, int argc, char **argv);
int cmd_fmt(struct cli *c, int argc, char **argv);
int cmd_lsp(struct cli *c, int argc, char **argv);
int cmd_register(struct cli *c, int argc, char **argv);
int cmd_conform(struct cli *c, int argc, char **argv);

/* What a command takes: cli_parse_args handles --help, --format, -I,
** --no-color and `--` (the end of the options) for every command, and the
** command's own flags through `flag`. */
struct cli_args {
	const char **pos;    /* the positional arguments, in order */
	int n_pos;
	int history_from;    /* diff: index in pos where --history began, or -1 */
	int model_at;        /* conform: index in pos of the file after --model, or -1 */
	unsigned bits;       /* flags a command sets for itself */
	uint64_t number;     /* a number a command's own flag took (diff --bound=N), 0 if none */
	bool bad;            /* a command's own flag was malformed (it said why) */
};

struct cli_command {
	const char *usage;   /* "{formats}" stands for the formats that write `report` */
	enum report_kind report; /* what --format chooses the writer of; REPORT__N: no --format */
	int min_pos, max_pos; /* positional arguments; max -1 for any number */
	/* true if arg is one of the command's own flags (and it took it) */
	bool (*flag)(struct cli *c, const char *arg, struct cli_args *args);
};

/* `--bound=N` (the work a search may do: diff, conform) into args->number;
** false if arg is not it; args->bad (said why) if N is not a whole number
** from 1 to 10^12. */
bool cli_bound_flag(struct cli *c, const char *arg, struct cli_args *args);

/* --help printed: the command ends with status 0 */
#define CLI_HELP_SHOWN (-1)

/* EXIT_OK, EXIT_BAD_INPUT (usage printed), or CLI_HELP_SHOWN. */
int cli_parse_args(struct cli *c, int argc, char **argv, const struct cli_command *cmd, struct cli_args *out);

/* Common option: true if argv[*i] was a shared option (consumed). */
bool cli_common_option(struct cli *c, int argc, char **argv, int *i, int *status);

void cli_usage_error(struct cli *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The command's usage, with its formats. */
void cli_print_usage(struct cli *c, const struct cli_command *cmd, FILE *out);

#endif

/*
** quorate fmt FILE...: print the canonical layout; --write rewrites files in
** place safely; --check names the files that are not formatted.
*/
#include <string.h>

#include "cli/cli.h"
#include "front/parse.h"
#include "report/fmt.h"

static const char fmt_usage[] =
	"usage: quorate fmt [--write | --check] FILE...\n"
	"\n"
	"Print terms and record files in the canonical layout, keeping every comment.\n"
	"  --write   rewrite each file in place (through a temporary file and a rename:\n"
	"            the original is untouched on any error, including a syntax error)\n"
	"  --check   print nothing but the names of files that are not formatted, and\n"
	"            exit 1 if there are any\n"
	"Exit 2 if a file cannot be read or does not parse.\n";

enum fmt_mode { FMT_PRINT, FMT_WRITE, FMT_CHECK };

/* 0 formatted (or printed/written), 1 not formatted (check), 2 error. */
static int format_one(struct cli *c, const char *path, enum fmt_mode mode)
{
	const struct source *src = cli_load_source(c, path);
	if (!src)
		return EXIT_BAD_INPUT;
	struct ast_file file;
	if (parse_file(&c->arena, &c->diag, src, &file) != 0)
		return EXIT_BAD_INPUT; /* never print or write a tree that had errors */
	const char *text = fmt_file(&c->arena, &file);
	size_t len = strlen(text);
	bool same = len == src->len && memcmp(text, src->text, len) == 0;
	switch (mode) {
	case FMT_PRINT:
		fwrite(text, 1, len, stdout);
		return EXIT_OK;
	case FMT_CHECK:
		if (!same)
			printf("%s\n", path);
		return same ? EXIT_OK : EXIT_FINDINGS;
	case FMT_WRITE: {
		if (same || strcmp(path, "-") == 0) {
			if (!same)
				fwrite(text, 1, len, stdout);
			return EXIT_OK;
		}
		const char *why = NULL;
		if (cli_write_file_atomic(c, path, text, len, &why) != 0) {
			diag_report(&c->diag, D_INPUT, (struct loc){ NULL, 0, 0 }, "cannot rewrite %s: %s", path, why);
			return EXIT_BAD_INPUT;
		}
		return EXIT_OK;
	}
	}
	return EXIT_OK;
}

static bool fmt_flag(struct cli *c, const char *arg, struct cli_args *args)
{
	(void)c;
	if (strcmp(arg, "--write") == 0 || strcmp(arg, "-w") == 0)
		args->bits = FMT_WRITE;
	else if (strcmp(arg, "--check") == 0)
		args->bits = FMT_CHECK;
	else
		return false;
	return true;
}

int cmd_fmt(struct cli *c, int argc, char **argv)
{
	static const struct cli_command cmd = { fmt_usage, REPORT__N, 1, -1, fmt_flag };
	struct cli_args args = { .bits = FMT_PRINT };
	int parsed = cli_parse_args(c, argc, argv, &cmd, &args);
	if (parsed)
		return parsed == CLI_HELP_SHOWN ? EXIT_OK : parsed;
	enum fmt_mode mode = (enum fmt_mode)args.bits;
	const char **files = args.pos;
	int n_files = args.n_pos;
	int worst = EXIT_OK;
	for (int i = 0; i < n_files; i++) {
		int st = format_one(c, files[i], mode);
		worst = st > worst ? st : worst;
	}
	cli_print_problems(c);
	return worst;
}

/*
** quorate fmt FILE...: print the canonical layout; --write rewrites files in
** place safely; --check names the files that are not formatted.
*/
#include <string.h>

#include "cli/cli.h"
#include "cli/safe_write.h"
#include "front/parse.h"
#include "report/fmt.h"

static const char fmt_usage[] =
	"usage: quorate fmt [--write [--force] | --check] FILE...\n"
	"\n"
	"Print terms and record files in the canonical layout, keeping every comment.\n"
	"  --write   rewrite each file in place, whole or not at all: through a temporary\n"
	"            file and a rename, keeping its owner, group, mode and extended\n"
	"            attributes; the original is untouched on any error (a syntax error,\n"
	"            a full disk, an interruption).  Refused: anything but a regular file,\n"
	"            a file whose owner this user cannot keep, and unless --force, a\n"
	"            read-only file or one with other hard links\n"
	"  --force   with --write: replace a read-only file too, and a file with other\n"
	"            hard links (they keep the old text)\n"
	"  --check   print nothing but the names of files that are not formatted, and\n"
	"            exit 1 if there are any\n"
	"Exit 2 if a file cannot be read, does not parse or cannot be rewritten.\n";

/* The command's flags (args->bits). */
enum { FMT_WRITE = 1, FMT_CHECK = 2, FMT_FORCE = 4 };

/* 0 formatted (or printed/written), 1 not formatted (check), 2 error. */
static int format_one(struct cli *c, const char *path, unsigned mode)
{
	/* A file to replace is read through safe_write, which examines it
	** first (a FIFO is refused, never read). */
	bool replace = (mode & FMT_WRITE) && strcmp(path, "-") != 0;
	struct safe_file target;
	struct source *loaded = arena_alloc(&c->arena, sizeof *loaded);
	const struct source *src = loaded;
	const char *why = NULL;
	if (replace && safe_write_read(&c->arena, path, &target, loaded, &why) != 0) {
		diag_report(&c->diag, D_INPUT, (struct loc){ NULL, 0, 0 }, "cannot rewrite %s: %s", path, why);
		return EXIT_BAD_INPUT;
	}
	if (!replace && !(src = cli_load_source(c, path)))
		return EXIT_BAD_INPUT;
	struct ast_file file;
	if (parse_file(&c->arena, &c->diag, src, &file) != 0)
		return EXIT_BAD_INPUT; /* never print or write a tree that had errors */
	const char *text = fmt_file(&c->arena, &file);
	size_t len = strlen(text);
	bool same = len == src->len && memcmp(text, src->text, len) == 0;
	if (mode & FMT_CHECK) {
		if (!same)
			printf("%s\n", path);
		return same ? EXIT_OK : EXIT_FINDINGS;
	}
	if (!replace) { /* printing, or --write of standard input */
		if (!(mode & FMT_WRITE) || !same)
			fwrite(text, 1, len, stdout);
		return EXIT_OK;
	}
	unsigned flags = ((mode & FMT_FORCE) ? SAFE_WRITE_FORCE : 0) | (c->test_stop_before_rename ? SAFE_WRITE_TEST_STOP : 0);
	if (!same && safe_write_replace(&c->arena, &target, text, len, flags, &why) != 0) {
		diag_report(&c->diag, D_INPUT, (struct loc){ NULL, 0, 0 }, "cannot rewrite %s: %s", path, why);
		return EXIT_BAD_INPUT;
	}
	return EXIT_OK;
}

static bool fmt_flag(struct cli *c, const char *arg, struct cli_args *args)
{
	(void)c;
	if (strcmp(arg, "--write") == 0 || strcmp(arg, "-w") == 0)
		args->bits |= FMT_WRITE;
	else if (strcmp(arg, "--check") == 0)
		args->bits |= FMT_CHECK;
	else if (strcmp(arg, "--force") == 0)
		args->bits |= FMT_FORCE;
	else
		return false;
	return true;
}

int cmd_fmt(struct cli *c, int argc, char **argv)
{
	static const struct cli_command cmd = { fmt_usage, REPORT__N, 1, -1, fmt_flag };
	struct cli_args args = { .bits = 0 };
	int parsed = cli_parse_args(c, argc, argv, &cmd, &args);
	if (parsed)
		return parsed == CLI_HELP_SHOWN ? EXIT_OK : parsed;
	unsigned mode = args.bits;
	const char *contradiction = (mode & FMT_WRITE) && (mode & FMT_CHECK)
	                                ? "--write and --check contradict each other: --check changes nothing"
	                            : (mode & FMT_FORCE) && !(mode & FMT_WRITE) ? "--force goes with --write only"
	                                                                         : NULL;
	if (contradiction) {
		cli_usage_error(c, "%s", contradiction);
		cli_print_usage(c, &cmd, stderr);
		return EXIT_BAD_INPUT;
	}
	int worst = EXIT_OK;
	for (int i = 0; i < args.n_pos; i++) {
		int st = format_one(c, args.pos[i], mode);
		worst = st > worst ? st : worst;
	}
	cli_print_problems(c);
	return worst;
}

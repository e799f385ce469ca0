/*
** quorate explain FILE.tor: the terms in plain English and the votes each
** class of decision needs at each attendance.
*/
#include <string.h>

#include "cli/cli.h"
#include "out/report_explain.h"

static const char explain_usage[] =
	"usage: quorate explain [--format text|markdown|html|json] [-I DIR] FILE.tor\n"
	"\n"
	"Read the terms out in plain English, clause by clause, with a table of the\n"
	"votes in favour each class of decision needs at each attendance, from the\n"
	"quorum to the full membership.\n";

int cmd_explain(struct cli *c, int argc, char **argv)
{
	int status = EXIT_OK;
	const char *path = NULL;
	for (int i = 0; i < argc; i++) {
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			fputs(explain_usage, stdout);
			return EXIT_OK;
		} else if (strcmp(argv[i], "--format") == 0 && i + 1 < argc) {
			if (!cli_set_format(c, argv[++i], FMT_BIT(FMT_TEXT) | FMT_BIT(FMT_JSON) | FMT_BIT(FMT_MARKDOWN) |
			                                  FMT_BIT(FMT_HTML)))
				return EXIT_BAD_INPUT;
		} else if (cli_common_option(c, argc, argv, &i, &status)) {
			if (status)
				return status;
		} else if ((argv[i][0] == '-' && argv[i][1]) || path) {
			cli_usage_error(c, "unexpected argument '%s'", argv[i]);
			fputs(explain_usage, stderr);
			return EXIT_BAD_INPUT;
		} else {
			path = argv[i];
		}
	}
	if (!path) {
		fputs(explain_usage, stderr);
		return EXIT_BAD_INPUT;
	}
	cli_finish_path(c);
	const struct terms *t = cli_load_terms(c, path);
	cli_print_problems(c);
	if (!t)
		return EXIT_BAD_INPUT;
	struct explanation *x = explain_terms(&c->arena, t);
	switch (c->format) {
	case FMT_JSON: explain_write_json(stdout, x); break;
	case FMT_MARKDOWN: explain_write_markdown(stdout, x); break;
	case FMT_HTML: explain_write_html(stdout, x); break;
	default: explain_write_text(stdout, x); break;
	}
	return EXIT_OK;
}

/*
** cli: shared set-up for the subcommands.  See cli.h.
*/
#include "cli/cli.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check/terms_file.h"
#include "record/record_file.h"

void cli_init(struct cli *c, const char *prog)
{
	memset(c, 0, sizeof *c);
	c->prog = prog;
	c->report = &report_text;
	arena_init(&c->arena, &c->mem);
	diag_init(&c->diag, &c->arena);
	bool no_color = getenv("NO_COLOR") && getenv("NO_COLOR")[0];
	c->color_out = !no_color && isatty(STDOUT_FILENO);
	c->color_err = !no_color && isatty(STDERR_FILENO);
}

void cli_add_dir(struct cli *c, const char *dir)
{
	if (c->n_dirs < CLI_MAX_PATH_DIRS)
		c->dirs[c->n_dirs++] = dir;
	else
		diag_report(&c->diag, D_LIMIT, (struct loc){ NULL, 0, 0 },
		            "more than %d module directories: '%s' is not searched", CLI_MAX_PATH_DIRS, dir);
}

static bool is_dir(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The directory of the running binary ("" if unknown). */
static const char *exe_dir(struct cli *c)
{
	char buf[4096];
	ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
	if (n <= 0) {
		const char *slash = strrchr(c->prog, '/');
		return slash ? arena_printf(&c->arena, "%.*s", (int)(slash - c->prog), c->prog) : "";
	}
	buf[n] = '\0';
	char *slash = strrchr(buf, '/');
	if (slash)
		*slash = '\0';
	return arena_strdup(&c->arena, buf);
}

/* -I dirs come first (added while parsing options), then QUORATE_PATH, then
** the stdlib beside the binary (in the build tree, or installed as
** PREFIX/bin/quorate and PREFIX/share/quorate/stdlib, so an installation can
** be moved, e.g. by DESTDIR), then the path compiled in at build time. */
void cli_finish_path(struct cli *c)
{
	const char *env = getenv("QUORATE_PATH");
	if (env && *env) {
		char *copy = arena_strdup(&c->arena, env);
		for (char *save = NULL, *dir = strtok_r(copy, ":", &save); dir; dir = strtok_r(NULL, ":", &save))
			cli_add_dir(c, dir);
	}
	const char *dir = exe_dir(c);
	if (*dir) {
		/* build/quorate, build/sanitize/quorate: the tree's stdlib is one or
		** two levels up; an installed binary has it in ../share/quorate */
		const char *tree = arena_printf(&c->arena, "%s/../stdlib", dir);
		const char *deeper = arena_printf(&c->arena, "%s/../../stdlib", dir);
		const char *installed = arena_printf(&c->arena, "%s/../share/quorate/stdlib", dir);
		if (is_dir(tree))
			cli_add_dir(c, tree);
		else if (is_dir(deeper))
			cli_add_dir(c, deeper);
		else if (is_dir(installed))
			cli_add_dir(c, installed);
	}
	if (is_dir(QUORATE_STDLIB_INSTALLED))
		cli_add_dir(c, QUORATE_STDLIB_INSTALLED);
	loader_init(&c->loader, &c->arena, &c->diag, c->dirs, c->n_dirs);
}

void cli_free(struct cli *c)
{
	arena_free(&c->arena);
}

bool cli_set_format(struct cli *c, const char *value, enum report_kind kind)
{
	const struct report_ops *ops = report_find(value);
	if (!ops || !report_supports(ops, kind)) {
		cli_usage_error(c, "unknown or unsupported --format '%s'", value);
		return false;
	}
	c->report = ops;
	return true;
}

void cli_usage_error(struct cli *c, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fprintf(stderr, "%s: ", "quorate");
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	(void)c;
}

void cli_print_usage(struct cli *c, const struct cli_command *cmd, FILE *out)
{
	static const char marker[] = "{formats}";
	const char *at = strstr(cmd->usage, marker);
	if (!at) {
		fputs(cmd->usage, out);
		return;
	}
	fprintf(out, "%.*s%s%s", (int)(at - cmd->usage), cmd->usage, report_names(&c->arena, cmd->report),
	        at + sizeof marker - 1);
}

bool cli_common_option(struct cli *c, int argc, char **argv, int *i, int *status)
{
	const char *a = argv[*i];
	if (strcmp(a, "-I") == 0 || strcmp(a, "--include") == 0) {
		if (*i + 1 >= argc) {
			cli_usage_error(c, "%s needs a directory", a);
			*status = EXIT_BAD_INPUT;
			return true;
		}
		cli_add_dir(c, argv[++*i]);
		return true;
	}
	if (strncmp(a, "-I", 2) == 0) {
		cli_add_dir(c, a + 2);
		return true;
	}
	if (strcmp(a, "--no-color") == 0) {
		c->color_out = c->color_err = false;
		return true;
	}
	return false;
}

void cli_print_diagnostics(struct cli *c)
{
	struct report_opts o = { !c->report->for_programs && c->color_err };
	c->report->diagnostics(c->report->for_programs ? stdout : stderr, &c->diag, &o);
}

const struct source *cli_load_source(struct cli *c, const char *path)
{
	struct source *src = arena_alloc(&c->arena, sizeof *src);
	const char *why = NULL;
	if (source_load(src, &c->arena, path, &why) != 0) {
		diag_report(&c->diag, D_INPUT, (struct loc){ NULL, 0, 0 }, "cannot read %s: %s", path, why);
		return NULL;
	}
	return src;
}

/* The one terms block of a file, by the policy of check/terms_file.h. */
const struct terms *cli_load_terms(struct cli *c, const char *path)
{
	const struct source *src = cli_load_source(c, path);
	return src ? terms_file_one(&c->arena, &c->diag, &c->loader, src) : NULL;
}

/* The one meeting of a record, by the policy of record/record_file.h. */
const struct meeting *cli_load_meeting(struct cli *c, const char *path)
{
	const struct source *src = cli_load_source(c, path);
	return src ? record_read_one(&c->arena, &c->diag, src) : NULL;
}

static void print_at_least(struct cli *c, enum diag_severity min)
{
	diag_sort(&c->diag);
	for (size_t i = 0; i < c->diag.items.n; i++)
		if (c->diag.items.items[i].sev >= min)
			diag_print(&c->diag.items.items[i], stderr, c->color_err);
}

void cli_print_problems(struct cli *c)
{
	print_at_least(c, DIAG_WARNING);
}

void cli_print_errors(struct cli *c)
{
	print_at_least(c, DIAG_ERROR);
}

int cli_parse_args(struct cli *c, int argc, char **argv, const struct cli_command *cmd, struct cli_args *out)
{
	int status = EXIT_OK;
	out->pos = arena_array(&c->arena, (size_t)argc + 1, sizeof *out->pos);
	out->n_pos = 0;
	out->history_from = -1;
	out->number = 0;
	out->bad = false;
	out->model_at = -1;
	bool options = true; /* until "--": what follows is paths, even "-x" or "--help" */
	for (int i = 0; i < argc; i++) {
		const char *a = argv[i];
		if (!options) {
			out->pos[out->n_pos++] = a;
		} else if (strcmp(a, "--") == 0) {
			options = false;
		} else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			cli_print_usage(c, cmd, stdout);
			return CLI_HELP_SHOWN;
		} else if (strcmp(a, "--format") == 0 && cmd->report != REPORT__N) {
			if (i + 1 >= argc) {
				cli_usage_error(c, "--format needs a value");
				return EXIT_BAD_INPUT;
			}
			if (!cli_set_format(c, argv[++i], cmd->report))
				return EXIT_BAD_INPUT;
		} else if (cmd->flag && cmd->flag(c, a, out)) {
			continue;
		} else if (cli_common_option(c, argc, argv, &i, &status)) {
			if (status)
				return status;
		} else if (a[0] == '-' && a[1]) {
			cli_usage_error(c, "unknown option '%s'", a);
			cli_print_usage(c, cmd, stderr);
			return EXIT_BAD_INPUT;
		} else {
			out->pos[out->n_pos++] = a;
		}
	}
	if (out->n_pos < cmd->min_pos || (cmd->max_pos >= 0 && out->n_pos > cmd->max_pos)) {
		cli_print_usage(c, cmd, stderr);
		return EXIT_BAD_INPUT;
	}
	return EXIT_OK;
}

/* --bound=N: a whole number from 1 to 10^12, else a usage error. */
static bool parse_bound(const char *text, uint64_t *out)
{
	uint64_t n = 0;
	if (!*text)
		return false;
	for (const char *p = text; *p; p++) {
		if (*p < '0' || *p > '9' || n > UINT64_C(1000000000000) / 10)
			return false;
		n = n * 10 + (uint64_t)(*p - '0');
	}
	*out = n;
	return n >= 1 && n <= UINT64_C(1000000000000);
}

bool cli_bound_flag(struct cli *c, const char *arg, struct cli_args *args)
{
	if (strncmp(arg, "--bound=", 8) != 0)
		return false;
	if (!parse_bound(arg + 8, &args->number)) {
		cli_usage_error(c, "--bound needs a whole number from 1 to 1000000000000, not '%s'", arg + 8);
		args->bad = true;
	}
	return true;
}

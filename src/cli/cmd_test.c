/*
** quorate test FILE.tor...: run the `example` blocks inside terms files, like
** unit tests, and end with "N passed, N failed".
*/
#include <string.h>

#include "check/terms_file.h"
#include "cli/cli.h"
#include "run/tortest.h"

static const char test_usage[] =
	"usage: quorate test [-I DIR] FILE.tor...\n"
	"\n"
	"Run the `example` blocks written inside terms files: each is a small meeting\n"
	"whose motions say the outcome the cluster expects (`expect carried`).\n"
	"Failures print the expected and computed outcome with the reasons.  Exit 0\n"
	"when every example passes, 1 when any fails, 2 on malformed input.\n";

static void print_failure(const struct motion_result *mr)
{
	printf("    motion %s \"%s\": expected %s, computed %s\n", mr->motion->number, mr->motion->title,
	       ast_outcome_name(mr->motion->expected), ast_outcome_name(mr->outcome));
	if (mr->quorum_known && !mr->quorate)
		printf("      not quorate: %lld counting towards the quorum\n", (long long)mr->quorum_present);
	if (mr->cls)
		printf("      class %s%s%s\n", mr->cls->id, mr->cls->clause ? " §" : "", mr->cls->clause ? mr->cls->clause : "");
	for (unsigned i = 0; i < mr->n_reqs; i++) {
		char buf[REQ_WORKING_MAX];
		const char *working = req_working(&mr->reqs[i], buf);
		printf("      %s: %s: %s\n", mr->reqs[i].text, working ? working : "-", mr->reqs[i].met ? "met" : "not met");
	}
	for (const struct finding *f = mr->findings.first; f; f = f->next)
		printf("      %s [%s]: %s\n", finding_severity_name(f->sev), finding_code_name(f->code), f->message);
}

static void run_terms(struct cli *c, const struct terms *t, unsigned *passed, unsigned *failed)
{
	const struct source *src = t->src;
	for (unsigned i = 0; i < t->n_examples; i++) {
		struct example_result er = tortest_run(&c->arena, &c->diag, t, t->examples[i], src);
		unsigned line, col;
		source_position(src, t->examples[i]->span.start, &line, &col);
		if (!er.result || er.checked == 0) {
			printf("ERROR %s:%u: example \"%s\" (see the diagnostics)\n", src->name, line, er.title);
			(*failed)++;
			continue;
		}
		if (er.failed == 0) {
			printf("ok    %s:%u: %s\n", src->name, line, er.title);
			(*passed)++;
			continue;
		}
		printf("FAIL  %s:%u: %s\n", src->name, line, er.title);
		for (unsigned k = 0; k < er.result->n_motions; k++) {
			const struct motion_result *mr = &er.result->motions[k];
			if (mr->motion->expected != OUTCOME_NONE && mr->motion->expected != mr->outcome)
				print_failure(mr);
		}
		(*failed)++;
	}
}

int cmd_test(struct cli *c, int argc, char **argv)
{
	static const struct cli_command cmd = { test_usage, REPORT__N, 1, -1, NULL };
	struct cli_args args;
	int st = cli_parse_args(c, argc, argv, &cmd, &args);
	if (st)
		return st == CLI_HELP_SHOWN ? EXIT_OK : st;
	const char **files = args.pos;
	int n_files = args.n_pos;
	cli_finish_path(c);
	unsigned passed = 0, failed = 0;
	for (int i = 0; i < n_files; i++) {
		const struct source *src = cli_load_source(c, files[i]);
		struct terms_file tf;
		if (!src)
			continue;
		terms_file_read(&c->arena, &c->diag, &c->loader, src, TERMS_EVERY, &tf);
		for (unsigned k = 0; k < tf.n_terms; k++)
			run_terms(c, tf.terms[k], &passed, &failed);
	}
	cli_print_errors(c);
	printf("%u passed, %u failed\n", passed, failed);
	if (c->diag.n_errors)
		return EXIT_BAD_INPUT;
	return failed ? EXIT_FINDINGS : EXIT_OK;
}

/*
** terms_file: one policy for reading terms files.  See terms_file.h.
*/
#include "check/terms_file.h"

#include <string.h>

#include "check/sema.h"
#include "front/parse.h"
#include "front/source.h"

/* A meeting record given where terms were expected, most often `quorate
** eval` with its two files the wrong way round. */
static void report_record_not_terms(struct diag_sink *diag, struct loc at, enum terms_want want)
{
	if (want == TERMS_ONE) /* eval, explain: the files the wrong way round? */
		diag_report(diag, D_CONTEXT, at, "this is a meeting record, not terms: the terms come first, then the "
		                                 "record (quorate eval TERMS.tor MEETING.minutes)");
	else
		diag_report(diag, D_CONTEXT, at, "a meeting record, not terms: put it in a record file (.minutes or .json)");
}

/* What the top level of a terms file holds besides terms blocks: each is
** reported (a module, rules and uses only, is reported as a whole). */
static void check_top_level(struct diag_sink *diag, struct terms_file *tf, enum terms_want want)
{
	const struct source *src = tf->src;
	if (tf->is_module) {
		if (want != TERMS_OR_MODULE)
			diag_report(diag, D_MISSING, (struct loc){ src, 0, 0 },
			            "the file has no `terms` block: it is a module (rules and uses only), which terms `use`");
		return;
	}
	bool only_meetings = tf->ast.items != NULL;
	for (const struct node *n = tf->ast.items; n; n = n->next)
		only_meetings = only_meetings && n->kind == N_MEETING;
	if (only_meetings && want == TERMS_ONE) {
		report_record_not_terms(diag, loc_of(src, tf->ast.items->span), want);
		return;
	}
	for (const struct node *n = tf->ast.items; n; n = n->next) {
		if (n->kind == N_RULE || n->kind == N_USE)
			diag_report(diag, D_CONTEXT, loc_of(src, n->span),
			            "this `%s` is outside the terms block, so it is not part of the terms: move it inside",
			            n->kind == N_RULE ? "rule" : "use");
		else if (n->kind == N_MEETING)
			diag_report(diag, D_CONTEXT, loc_of(src, n->span),
			            "a meeting in a terms file is not judged: put it in a record file (.minutes)");
	}
	if (!tf->ast.items)
		diag_report(diag, D_MISSING, (struct loc){ src, 0, 0 }, "the file has no `terms` block");
	if (want == TERMS_ONE && tf->n_blocks > 1) {
		const struct node *n = tf->ast.items;
		for (unsigned seen = 0; n && (n->kind != N_TERMS || ++seen < 2); n = n->next)
			;
		diag_report(diag, D_CONTEXT, loc_of(src, n->span),
		            "the file holds more than one `terms` block; this command reads one (replay reads many)");
	}
	if (want == TERMS_ONE && tf->n_blocks == 0 && tf->ast.items && !tf->is_module)
		diag_report(diag, D_MISSING, (struct loc){ src, 0, 0 }, "the file has no `terms` block");
}

unsigned terms_file_read(struct arena *a, struct diag_sink *diag, struct loader *ld, const struct source *src,
                         enum terms_want want, struct terms_file *out)
{
	unsigned errors = diag->n_errors;
	memset(out, 0, sizeof *out);
	out->src = src;
	/* a record in JSON where the terms go (`eval RECORD TERMS`): one error
	** that says so, not the syntax errors of reading JSON as terms */
	if (source_looks_like_json(src->text, src->len)) {
		report_record_not_terms(diag, (struct loc){ src, 0, 0 }, want);
		return diag->n_errors - errors;
	}
	if (parse_file(a, diag, src, &out->ast) != 0)
		return diag->n_errors - errors;
	bool other = false;
	for (const struct node *n = out->ast.items; n; n = n->next) {
		out->n_blocks += n->kind == N_TERMS;
		other = other || (n->kind != N_RULE && n->kind != N_USE);
	}
	out->is_module = out->ast.items && !other;
	check_top_level(diag, out, want);
	if (out->is_module || (want == TERMS_ONE && diag->n_errors > errors))
		return diag->n_errors - errors;
	out->terms = arena_array(a, out->n_blocks + 1, sizeof *out->terms);
	for (const struct node *n = out->ast.items; n; n = n->next) {
		if (n->kind != N_TERMS)
			continue;
		const struct terms *t = sema_terms(a, diag, ld, n, src);
		if (t)
			out->terms[out->n_terms++] = t;
	}
	return diag->n_errors - errors;
}

const struct terms *terms_file_one(struct arena *a, struct diag_sink *diag, struct loader *ld,
                                   const struct source *src)
{
	struct terms_file tf;
	unsigned errors = terms_file_read(a, diag, ld, src, TERMS_ONE, &tf);
	return errors == 0 && tf.n_terms == 1 ? tf.terms[0] : NULL;
}

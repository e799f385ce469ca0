/*
** api: the public API of libquorate (include/quorate.h) over the internal
** modules.  Each entry point sets the session's out-of-memory recovery point,
** so an allocation failure anywhere below returns here and the call fails.
*/
#include "quorate.h"

#include <stdlib.h>
#include <string.h>

#include "check/terms_file.h"
#include "record/record_file.h"
#include "run/eval.h"

#define QR_MAX_DIRS 32

struct qr_session {
	struct mem mem;
	struct arena arena;
	struct diag_sink diag;
	struct loader loader;
	const char *dirs[QR_MAX_DIRS];
	unsigned n_dirs;
	int out_of_memory;
};

struct qr_terms {
	const struct terms *t;
};

struct qr_result {
	const struct meeting_result *r;
};

qr_session *qr_session_new(void)
{
	qr_session *s = calloc(1, sizeof *s);
	if (!s)
		return NULL;
	/* None of these allocate: the arena takes memory on first use. */
	arena_init(&s->arena, &s->mem);
	diag_init(&s->diag, &s->arena);
	/* The installed stdlib is searched last, after the caller's directories. */
	s->dirs[0] = QUORATE_STDLIB_INSTALLED;
	s->n_dirs = 1;
	loader_init(&s->loader, &s->arena, &s->diag, s->dirs, s->n_dirs);
	return s;
}

void qr_session_free(qr_session *s)
{
	if (!s)
		return;
	arena_free(&s->arena);
	free(s);
}

int qr_session_out_of_memory(const qr_session *s)
{
	return s->out_of_memory;
}

/* Run `body` with the session's OOM recovery point set. */
#define WITH_OOM_GUARD(s, fail_value, body)                    \
	do {                                                   \
		jmp_buf oom_;                                  \
		(s)->mem.on_oom = &oom_;                       \
		if (setjmp(oom_)) {                            \
			(s)->out_of_memory = 1;                \
			(s)->mem.on_oom = NULL;                \
			return fail_value;                     \
		}                                              \
		body;                                          \
		(s)->mem.on_oom = NULL;                        \
	} while (0)

int qr_session_add_search_dir(qr_session *s, const char *dir)
{
	if (s->n_dirs == QR_MAX_DIRS)
		return -1;
	WITH_OOM_GUARD(s, -1, {
		/* keep the installed stdlib last */
		s->dirs[s->n_dirs] = s->dirs[s->n_dirs - 1];
		s->dirs[s->n_dirs - 1] = arena_strdup(&s->arena, dir);
		s->n_dirs++;
		s->loader.n_dirs = s->n_dirs;
	});
	return 0;
}

static const struct source *memory_source(qr_session *s, const char *name, const char *text, size_t len)
{
	struct source *src = arena_alloc(&s->arena, sizeof *src);
	source_from_memory(src, &s->arena, name ? name : "<memory>", text, len);
	return src;
}

/* The one terms block of the text, by the policy of check/terms_file.h. */
static const qr_terms *load_terms(qr_session *s, const char *name, const char *text, size_t len)
{
	const struct terms *t = terms_file_one(&s->arena, &s->diag, &s->loader, memory_source(s, name, text, len));
	if (!t)
		return NULL;
	qr_terms *qt = arena_alloc(&s->arena, sizeof *qt);
	qt->t = t;
	return qt;
}

const qr_terms *qr_load_terms(qr_session *s, const char *name, const char *text, size_t len)
{
	const qr_terms *t = NULL;
	WITH_OOM_GUARD(s, NULL, { t = load_terms(s, name, text, len); });
	return t;
}

/* The one meeting of the text, by the policy of record/record_file.h. */
static const qr_result *eval(qr_session *s, const qr_terms *t, const char *name, const char *text, size_t len)
{
	const struct meeting *m = record_read_one(&s->arena, &s->diag, memory_source(s, name, text, len));
	if (!m)
		return NULL;
	qr_result *r = arena_alloc(&s->arena, sizeof *r);
	r->r = eval_meeting(&s->arena, t->t, m);
	return r;
}

const qr_result *qr_eval(qr_session *s, const qr_terms *t, const char *name, const char *text, size_t len)
{
	const qr_result *r = NULL;
	if (!t)
		return NULL;
	WITH_OOM_GUARD(s, NULL, { r = eval(s, t, name, text, len); });
	return r;
}

size_t qr_diag_count(const qr_session *s)
{
	return s->diag.items.n;
}

int qr_diag_get(const qr_session *s, size_t i, struct qr_diag *out)
{
	if (i >= s->diag.items.n)
		return -1;
	const struct diag *d = &s->diag.items.items[i];
	out->severity = diag_severity_name(d->sev);
	out->code = diag_code_name(d->code);
	out->message = d->msg;
	out->file = d->loc.src ? d->loc.src->name : NULL;
	out->line = out->column = 0;
	if (d->loc.src)
		source_position(d->loc.src, d->loc.start, &out->line, &out->column);
	const struct diag_fixit *f = d->fixit;
	out->suggestion = f ? f->text : NULL;
	out->suggestion_line = out->suggestion_column = out->suggestion_end_line = out->suggestion_end_column = 0;
	if (f && f->loc.src) {
		source_position(f->loc.src, f->loc.start, &out->suggestion_line, &out->suggestion_column);
		source_position(f->loc.src, f->loc.end, &out->suggestion_end_line, &out->suggestion_end_column);
	}
	return 0;
}

size_t qr_result_motion_count(const qr_result *r)
{
	return r ? r->r->n_motions : 0;
}

int qr_result_motion(const qr_result *r, size_t i, struct qr_motion *out)
{
	if (!r || i >= r->r->n_motions)
		return -1;
	const struct motion_result *mr = &r->r->motions[i];
	const struct counts *c = mr->counts;
	out->number = mr->motion->number;
	out->title = mr->motion->title;
	out->class_name = mr->cls ? mr->cls->id : NULL;
	out->clause = mr->cls ? mr->cls->clause : NULL;
	out->quorate = mr->quorum_known ? mr->quorate : -1;
	out->outcome = ast_outcome_name(mr->outcome);
	out->recorded = mr->recorded != OUTCOME_NONE ? ast_outcome_name(mr->recorded) : NULL;
	out->members = c->n[COUNT_MEMBERS];
	out->present = c->n[COUNT_PRESENT];
	out->eligible = c->n[COUNT_ELIGIBLE];
	out->conflicted = c->n[COUNT_CONFLICTED];
	out->yes = c->n[COUNT_YES];
	out->no = c->n[COUNT_NO];
	out->abstain = c->n[COUNT_ABSTAIN];
	out->n_findings = mr->findings.n;
	return 0;
}

static const struct finding_list *findings_of(const qr_result *r, size_t motion)
{
	if (!r)
		return NULL;
	if (motion == QR_MEETING)
		return &r->r->findings;
	return motion < r->r->n_motions ? &r->r->motions[motion].findings : NULL;
}

size_t qr_result_finding_count(const qr_result *r, size_t motion)
{
	const struct finding_list *l = findings_of(r, motion);
	return l ? l->n : 0;
}

int qr_result_finding(const qr_result *r, size_t motion, size_t i, struct qr_finding *out)
{
	const struct finding_list *l = findings_of(r, motion);
	if (!l || i >= l->n)
		return -1;
	const struct finding *f = l->first;
	while (i--)
		f = f->next;
	out->code = finding_code_name(f->code);
	out->severity = finding_severity_name(f->sev);
	out->clause = f->clause;
	out->message = f->message;
	out->file = f->where.src ? f->where.src->name : NULL;
	unsigned col = 0;
	out->line = 0;
	if (f->where.src)
		source_position(f->where.src, f->where.start, &out->line, &col);
	return 0;
}

int qr_result_failed(const qr_result *r)
{
	return r ? meeting_result_failed(r->r) : 1;
}

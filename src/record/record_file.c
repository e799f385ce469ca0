/*
** record_file: one policy for reading meeting records.  See record_file.h.
*/
#include "record/record_file.h"

#include <string.h>

#include "base/sbuf.h"
#include "record/minutes_json.h"

static bool has_suffix(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);
	return n >= k && strcmp(s + n - k, suffix) == 0;
}

bool record_is_json(const struct source *src)
{
	return has_suffix(src->name, ".json") || source_text_looks_like_json(src);
}

bool record_reader_open(struct record_reader *r, struct arena *a, struct diag_sink *diag, const struct source *src,
                        struct fastrec_names *names, struct json_ids *json_ids)
{
	memset(r, 0, sizeof *r);
	r->names = names;
	r->json_ids = json_ids;
	r->src = src;
	r->diag = diag;
	r->errors_at_open = diag->n_errors;
	if (record_is_json(src)) {
		r->json = minutes_json_read_ids(a, diag, src, true, json_ids);
		return r->json != NULL;
	}
	r->arena = a; /* the native reader starts on the first call for a meeting */
	return true;
}

/* The native record's next meeting the fast way; false when the full path
** must go on (from where the fast path stopped) or the file has ended. */
static bool next_fast(struct record_reader *r, struct arena *arena, struct meeting **model)
{
	if (!r->native_started) {
		r->native_started = true;
		r->fast = r->full_only ? NULL : fastrec_open(r->arena, r->src, r->names);
		if (!r->fast) {
			r->items = item_reader_open(r->arena, r->diag, r->src, &r->ast);
			return false;
		}
	}
	if (!r->fast)
		return false;
	switch (fastrec_next(r->fast, arena, model)) {
	case FASTREC_MEETING:
		return true;
	case FASTREC_END:
		r->fast_ended = true;
		break;
	case FASTREC_GIVE_UP: {
		struct span brace;
		if (fastrec_resume(r->fast, &brace) == 0)
			r->items = item_reader_open(r->arena, r->diag, r->src, &r->ast);
		else
			r->items = item_reader_open_after(r->arena, r->diag, r->src, &r->ast, brace);
		break;
	}
	}
	fastrec_close(r->fast);
	r->fast = NULL;
	return false;
}

bool record_reader_next(struct record_reader *r, struct arena *arena, const struct node **node, struct meeting **model)
{
	*node = NULL;
	*model = NULL;
	if (r->arena && !r->items && next_fast(r, arena, model)) {
		r->n_meetings++;
		return true;
	}
	if (!r->items) {
		if (!r->json || r->n_meetings > 0)
			return false;
		*model = r->json;
		r->n_meetings++;
		return true;
	}
	item_reader_set_arena(r->items, arena);
	const struct node *n;
	while ((n = item_reader_next(r->items))) {
		if (n->kind == N_MEETING) {
			*node = n;
			r->n_meetings++;
			return true;
		}
		diag_report(r->diag, D_CONTEXT, loc_of(r->src, n->span),
		            n->kind == N_TERMS ? "terms in a record file are not read: put them in a terms file (.tor)"
		                               : "a record file holds `meeting` blocks only");
	}
	return false;
}

void record_reader_finish(struct record_reader *r)
{
	if (r->n_meetings == 0 && r->diag->n_errors == r->errors_at_open)
		diag_report(r->diag, D_MISSING, (struct loc){ r->src, 0, 0 }, "the file has no `meeting` block");
}

void record_reader_close(struct record_reader *r)
{
	fastrec_close(r->fast);
	r->fast = NULL;
	if (r->items)
		item_reader_close(r->items);
	r->items = NULL;
}

struct meeting *record_read_one(struct arena *a, struct diag_sink *diag, const struct source *src)
{
	unsigned errors = diag->n_errors;
	struct record_reader r;
	if (!record_reader_open(&r, a, diag, src, NULL, NULL))
		return NULL;
	const struct node *node, *first = NULL;
	struct meeting *model, *m = NULL;
	while (record_reader_next(&r, a, &node, &model)) {
		if (!first && !m) {
			first = node;
			m = model;
			continue;
		}
		diag_report(diag, D_CONTEXT, loc_of(src, model ? model->span : node->span),
		            "the file holds more than one `meeting` block; this command reads one (replay reads many)");
		first = NULL;
		m = NULL;
		break;
	}
	record_reader_finish(&r);
	record_reader_close(&r);
	if (diag->n_errors > errors)
		return NULL;
	return m ? m : first ? minutes_from_ast(a, diag, first, src) : NULL;
}

void record_dump(struct arena *a, struct diag_sink *diag, const struct source *src, bool full_only,
                 struct sbuf *out)
{
	size_t first_diag = diag->items.n;
	struct record_reader r;
	if (record_reader_open(&r, a, diag, src, NULL, NULL)) {
		r.full_only = full_only;
		const struct node *node;
		struct meeting *model;
		while (record_reader_next(&r, a, &node, &model))
			minutes_dump(out, model ? model : minutes_from_ast(a, diag, node, src));
		record_reader_finish(&r);
		record_reader_close(&r);
	}
	minutes_dump_diags(out, diag, first_diag);
}

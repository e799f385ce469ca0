/*
** report_conform: writers for `quorate conform` (text, Markdown, JSON; the
** JSON schema is docs/schema/conform.schema.json).
**
** First the health board's view, one row per local file; then each file,
** clause by clause, with the smallest counterexample of each clause that
** does not conform as eval judged it under both sets of terms.  A search cut
** short is said under the title, before the table, and again before
** anything else about that file.
*/
#include "report/report_conform.h"

#include <string.h>

#include "base/sbuf.h"
#include "report/report.h"

/* ---- shared by text and Markdown ------------------------------------------------------------ */

static const char *labelled(struct arena *a, const char *who, const char *clause)
{
	return clause ? arena_printf(a, "%s §%s", who, clause) : who;
}

/* The requirements as eval evaluated them: all of them, or only those not met. */
static void add_reqs(struct sbuf *b, const struct req_result *reqs, unsigned n, bool unmet_only)
{
	for (unsigned i = 0; i < n; i++) {
		const struct req_result *q = &reqs[i];
		if (unmet_only && (q->met || q->failed))
			continue;
		char buf[REQ_WORKING_MAX];
		const char *working = req_working(q, buf);
		sbuf_addf(b, "; %s: %s", q->text, working ? working : "cannot be evaluated");
	}
}

/* What eval made of the counterexample's motion under one set of terms. */
static const char *judgement(struct arena *a, const struct meeting_result *r, bool quorum_only)
{
	const struct motion_result *mr = &r->motions[0];
	struct sbuf b;
	sbuf_init(&b, a);
	bool inquorate = mr->quorum_known && !mr->quorate;
	if (quorum_only || inquorate) {
		sbuf_add(&b, !mr->quorum_known ? "the quorum cannot be judged" : mr->quorate ? "quorate" : "not quorate");
		if (!quorum_only)
			sbuf_addf(&b, ", so %s", ast_outcome_name(mr->outcome));
		add_reqs(&b, mr->quorum, mr->n_quorum, !mr->quorate);
		return sbuf_str(&b);
	}
	sbuf_add(&b, ast_outcome_name(mr->outcome));
	if (mr->cls)
		sbuf_addf(&b, " as %s%s%s", mr->cls->id, mr->cls->clause ? " §" : "", mr->cls->clause ? mr->cls->clause : "");
	if (mr->casting_applied)
		sbuf_add(&b, ", the chair's casting vote counted");
	add_reqs(&b, mr->reqs, mr->n_reqs, mr->outcome != OUTCOME_CARRIED);
	return sbuf_str(&b);
}

static bool about_quorum(const struct conform_clause *c)
{
	return c->topic == TOPIC_QUORUM;
}

/* "7 of 12 present, 6 for, 1 against, a financial motion" */
static const char *meeting_words(struct arena *a, const struct conform_clause *c)
{
	const struct conform_example *x = c->example;
	struct sbuf b;
	sbuf_init(&b, a);
	sbuf_add(&b, x->attendance);
	if (x->interest)
		sbuf_addf(&b, ", %s with a declared interest", x->interest);
	if (x->votes)
		sbuf_addf(&b, ", %s", x->votes);
	if (!about_quorum(c))
		sbuf_addf(&b, ", %s", x->motion);
	return sbuf_str(&b);
}

static const char *outcome_words(struct arena *a, const struct conform_clause *c)
{
	const struct motion_result *l = &c->example->local->motions[0], *m = &c->example->model->motions[0];
	if (about_quorum(c))
		return arena_printf(a, "%s under the local terms, %s under the model", l->quorate ? "quorate" : "not quorate",
		                    m->quorate ? "quorate" : "not quorate");
	return arena_printf(a, "%s under the local terms, %s under the model", ast_outcome_name(l->outcome),
	                    ast_outcome_name(m->outcome));
}

static const char *not_conforming(struct arena *a, const struct conform_result *r)
{
	struct sbuf b;
	sbuf_init(&b, a);
	for (size_t i = 0; i < r->clauses.n; i++)
		if (r->clauses.items[i].verdict == CONFORM_NO || r->clauses.items[i].verdict == CONFORM_UNPROVEN)
			sbuf_addf(&b, "%s%s%s", b.len ? ", " : "", r->clauses.items[i].heading,
			          r->clauses.items[i].verdict == CONFORM_UNPROVEN ? " (not proved)" : "");
	return sbuf_str(&b);
}

static const char *search_words(struct arena *a, const struct conform_result *r)
{
	const struct diff_search *s = &r->search;
	if (s->truncated)
		return arena_printf(a, "%s  A rule it found no counterexample for is not proved; a counterexample is "
		                       "the smallest found, and more meetings may show it.",
		                    report_search_cut(a, s));
	return arena_printf(a, "%llu possible meetings searched: every meeting this roster can hold that the rules can "
	                       "tell apart.",
	                    (unsigned long long)s->scenarios);
}

/* How many local files' searches were cut short: said under the title,
** before the table reads as complete. */
static size_t cut_short(const struct conform_run *run)
{
	size_t n = 0;
	for (size_t i = 0; i < run->results.n; i++)
		n += run->results.items[i]->search.truncated;
	return n;
}

static const char *cut_short_words(struct arena *a, const struct conform_run *run)
{
	size_t n = cut_short(run);
	if (!n)
		return NULL;
	const char *which = run->results.n == 1 ? "(see the file below)"
	                                        : arena_printf(a, "for %zu of the %zu local files (see each file)", n,
	                                                       run->results.n);
	return arena_printf(a, "the search of possible meetings was cut short %s: a rule clause it found no counterexample "
	                       "for is \"not proved\", never \"conforms\".",
	                    which);
}

/* Is the counterexample the smallest there is?  Not when the search was cut
** short, nor for a vote one set of terms voids (looked for outside it). */
static bool smallest(const struct conform_result *r, const struct conform_clause *c)
{
	return !r->search.truncated && c->topic != TOPIC_CONFLICT_VOTE;
}

/* The counterexample's heading and how many meetings show it: a search cut
** short may have missed smaller ones and more. */
static const char *smallest_words(const struct conform_result *r, const struct conform_clause *c)
{
	if (c->topic == TOPIC_CONFLICT_VOTE)
		return "A meeting that shows it";
	return r->search.truncated ? "The smallest meeting found before the search was cut short (a smaller one may exist)"
	                           : "The smallest meeting that shows it";
}

static const char *meetings_count(struct arena *a, const struct conform_result *r, const struct conform_clause *c)
{
	return arena_printf(a, "%s%llu possible meeting%s", r->search.truncated ? "at least " : "",
	                    (unsigned long long)c->meetings, c->meetings == 1 ? "" : "s");
}

static const char *roster_words(struct arena *a, const struct conform_result *r)
{
	char d[DATE_FMT_MAX];
	return arena_printf(a, "%lld voting member%s on %s (the roster searched).", (long long)r->members,
	                    r->members == 1 ? "" : "s", date_format(r->day, d));
}

static const char *role_words(struct arena *a, const struct conform_role *role)
{
	if (!*role->local_ids)
		return arena_printf(a, "The model's %s matches no role or tag of the local terms, so it counts no one "
		                       "(a `maps` table in the model can name the local role).",
		                    role->model_id);
	return arena_printf(a, "The model's %s counts the local %s%s (%lld voting member%s).", role->model_id,
	                    role->local_ids, role->by_map ? ", through the model's `maps`" : "",
	                    (long long)role->members, role->members == 1 ? "" : "s");
}

/* ---- text --------------------------------------------------------------------------------------- */

/* Characters, not bytes: "Cwm Môr" is 7 wide. */
static size_t width_of(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

static void padded(FILE *out, const char *s, size_t width)
{
	fputs(s, out);
	for (size_t n = width_of(s); n < width; n++)
		fputc(' ', out);
}

static void text_summary(FILE *out, const struct conform_run *run)
{
	struct arena *a = run->arena;
	fprintf(out, "%s the model \"%s\" (%s)%s\n\n", run->exact ? "Equivalence to" : "Conformance to", run->model->name,
	        run->model_path, run->exact ? ", clause by clause" : "");
	const char *cut = cut_short_words(a, run);
	if (cut)
		fprintf(out, "Note: %s\n\n", cut);
	size_t wname = 7, wfile = 4;
	for (size_t i = 0; i < run->results.n; i++) {
		const struct conform_result *r = run->results.items[i];
		wname = width_of(r->local->name) > wname ? width_of(r->local->name) : wname;
		wfile = width_of(r->path) > wfile ? width_of(r->path) : wfile;
	}
	const char *row[4] = { "cluster", "file", "verdict", run->exact ? "clauses that differ" : "clauses not conforming" };
	for (size_t i = 0; i <= run->results.n; i++) {
		if (i > 0) {
			const struct conform_result *r = run->results.items[i - 1];
			const char *list = not_conforming(a, r);
			row[0] = r->local->name;
			row[1] = r->path;
			row[2] = conform_verdict_name(r->verdict, run->exact);
			row[3] = *list ? list : "none";
		}
		fputs("  ", out);
		padded(out, row[0], wname + 2);
		padded(out, row[1], wfile + 2);
		padded(out, row[2], 18);
		fprintf(out, "%s\n", row[3]);
	}
}

/* A clause that conforms, or that the model leaves open, is one line; one
** that does not says both rules and shows the meeting. */
static void text_clause(FILE *out, struct arena *a, const struct conform_result *r, const struct conform_clause *c,
                        bool exact)
{
	fprintf(out, "  %s: %s", labelled(a, c->heading, c->model_clause), conform_verdict_name(c->verdict, exact));
	if (c->verdict == CONFORM_YES || c->verdict == CONFORM_OPEN) {
		fputc('\n', out);
		return;
	}
	fprintf(out, "\n    %s: %s\n", labelled(a, "model", c->model_clause), c->model_reads);
	fprintf(out, "    %s: %s\n", labelled(a, "local", c->local_clause), c->local_reads);
	if (c->why)
		fprintf(out, "    %s\n", c->why);
	if (!c->example)
		return;
	bool q = about_quorum(c);
	fprintf(out, "    %s: %s: %s.\n", smallest_words(r, c), meeting_words(a, c), outcome_words(a, c));
	fprintf(out, "      under the local terms: %s\n", judgement(a, c->example->local, q));
	fprintf(out, "      under the model:       %s\n", judgement(a, c->example->model, q));
	if (c->example->interest_note)
		fprintf(out, "      (%s)\n", c->example->interest_note);
	if (c->meetings)
		fprintf(out, "    %s show%s it.\n", meetings_count(a, r, c),
		        c->meetings == 1 && !r->search.truncated ? "s" : "");
}

void conform_write_text(FILE *out, const struct conform_run *run)
{
	struct arena *a = run->arena;
	text_summary(out, run);
	for (size_t i = 0; i < run->results.n; i++) {
		const struct conform_result *r = run->results.items[i];
		fprintf(out, "\n%s (%s): %s\n", r->local->name, r->path, conform_verdict_name(r->verdict, run->exact));
		fprintf(out, "  %s%s\n  %s\n", r->search.truncated ? "Note: " : "", search_words(a, r), roster_words(a, r));
		for (size_t k = 0; k < r->roles.n; k++)
			fprintf(out, "  %s\n", role_words(a, &r->roles.items[k]));
		fputc('\n', out);
		for (size_t k = 0; k < r->clauses.n; k++)
			text_clause(out, a, r, &r->clauses.items[k], run->exact);
	}
}

/* ---- Markdown ----------------------------------------------------------------------------------- */

static void md_code(FILE *out, const char *s)
{
	fputc('`', out);
	report_md_text(out, s);
	fputc('`', out);
}

static void md_summary(FILE *out, const struct conform_run *run)
{
	struct arena *a = run->arena;
	fprintf(out, "# %s the model \"", run->exact ? "Equivalence to" : "Conformance to");
	report_md_text(out, run->model->name);
	fputs("\"\n\nModel: ", out);
	md_code(out, run->model_path);
	fputs(".\n", out);
	const char *cut = cut_short_words(a, run);
	if (cut) {
		fputs("\n> **Note:** ", out);
		report_md_text(out, cut);
		fputs("\n", out);
	}
	fprintf(out, "\n| Cluster | File | Verdict | %s |\n| --- | --- | --- | --- |\n",
	        run->exact ? "Clauses that differ" : "Clauses not conforming");
	for (size_t i = 0; i < run->results.n; i++) {
		const struct conform_result *r = run->results.items[i];
		fputs("| ", out);
		report_md_text(out, r->local->name);
		fputs(" | ", out);
		md_code(out, r->path);
		fprintf(out, " | %s | ", conform_verdict_name(r->verdict, run->exact));
		report_md_text(out, not_conforming(a, r));
		fputs(" |\n", out);
	}
}

/* "§3.1 present >= 6" */
static void md_reads(FILE *out, const char *clause, const char *reads)
{
	if (clause)
		fprintf(out, "§%s ", clause);
	report_md_text(out, reads);
}

static void md_clause_row(FILE *out, const struct conform_clause *c, bool exact)
{
	fputs("| ", out);
	report_md_text(out, c->heading);
	fputs(" | ", out);
	md_reads(out, c->model_clause, c->model_reads);
	fputs(" | ", out);
	md_reads(out, c->local_clause, c->local_reads);
	fprintf(out, " | %s%s%s |\n", c->verdict == CONFORM_NO ? "**" : "", conform_verdict_name(c->verdict, exact),
	        c->verdict == CONFORM_NO ? "**" : "");
}

static void md_clause_detail(FILE *out, struct arena *a, const struct conform_result *r, const struct conform_clause *c)
{
	if (!c->why && !c->example)
		return;
	fputs("- **", out);
	report_md_text(out, c->heading);
	fputs("**: ", out);
	if (c->why) {
		report_md_text(out, c->why);
		fputs(c->example ? ".  " : ".\n", out);
	}
	if (!c->example)
		return;
	bool q = about_quorum(c);
	fprintf(out, "%s: ", smallest_words(r, c));
	report_md_text(out, meeting_words(a, c));
	fputs(": ", out);
	report_md_text(out, outcome_words(a, c));
	if (c->meetings)
		fprintf(out, " (%s)", meetings_count(a, r, c));
	fputs(".\n  - under the local terms: ", out);
	report_md_text(out, judgement(a, c->example->local, q));
	fputs("\n  - under the model: ", out);
	report_md_text(out, judgement(a, c->example->model, q));
	if (c->example->interest_note) {
		fputs("\n  - ", out);
		report_md_text(out, c->example->interest_note);
	}
	fputs("\n  - the meeting as a record (`quorate eval` reads it):\n\n    ```\n", out);
	for (const char *p = c->example->record; *p;) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		fprintf(out, "    %.*s\n", (int)n, p);
		p += n + (nl != NULL);
	}
	fputs("    ```\n", out);
}

void conform_write_markdown(FILE *out, const struct conform_run *run)
{
	struct arena *a = run->arena;
	md_summary(out, run);
	for (size_t i = 0; i < run->results.n; i++) {
		const struct conform_result *r = run->results.items[i];
		fputs("\n## ", out);
		report_md_text(out, r->local->name);
		fputs(" (", out);
		md_code(out, r->path);
		fprintf(out, "): %s\n\n", conform_verdict_name(r->verdict, run->exact));
		fputs(r->search.truncated ? "> **Note:** " : "", out);
		report_md_text(out, search_words(a, r));
		fprintf(out, "%s%s\n", r->search.truncated ? "\n\n" : "  ", roster_words(a, r));
		for (size_t k = 0; k < r->roles.n; k++) {
			fputs(k ? "- " : "\n- ", out);
			report_md_text(out, role_words(a, &r->roles.items[k]));
			fputs("\n", out);
		}
		fputs("\n| Clause | Model | Local | Verdict |\n| --- | --- | --- | --- |\n", out);
		for (size_t k = 0; k < r->clauses.n; k++)
			md_clause_row(out, &r->clauses.items[k], run->exact);
		bool any = false;
		for (size_t k = 0; k < r->clauses.n; k++)
			any = any || r->clauses.items[k].why || r->clauses.items[k].example;
		if (any)
			fputs("\n", out);
		for (size_t k = 0; k < r->clauses.n; k++)
			md_clause_detail(out, a, r, &r->clauses.items[k]);
	}
}

/* ---- JSON --------------------------------------------------------------------------------------- */

static void opt_string(struct json_writer *w, const char *key, const char *s)
{
	jw_key(w, key);
	if (s)
		jw_string(w, s);
	else
		jw_null(w);
}

static void opt_count(struct json_writer *w, const char *key, uint64_t n)
{
	jw_key(w, key);
	if (n)
		jw_int(w, (int64_t)n);
	else
		jw_null(w);
}

static const char *verdict_code(enum conform_verdict v)
{
	switch (v) {
	case CONFORM_YES: return "conforms";
	case CONFORM_NO: return "does-not-conform";
	case CONFORM_OPEN: return "open";
	case CONFORM_UNPROVEN: return "not-proved";
	}
	return "?";
}

static void json_attrs(struct json_writer *w, const struct attr *attrs, unsigned n)
{
	jw_begin_object(w);
	for (unsigned i = 0; i < n; i++) {
		const struct value *v = &attrs[i].value;
		char buf[RAT_FMT_MAX];
		jw_key(w, attrs[i].name);
		switch (v->type) {
		case VT_BOOL: jw_bool(w, v->u.boolean); break;
		case VT_NUM: jw_string(w, rat_format(v->u.num, buf, sizeof buf)); break;
		case VT_STR: jw_string(w, v->u.str); break;
		case VT_DATE: jw_string(w, date_format(v->u.date, buf)); break;
		default: jw_null(w); break;
		}
	}
	jw_end_object(w);
}

static void json_example(struct json_writer *w, const struct conform_example *x, bool smallest)
{
	const struct diff_example *e = x->found;
	jw_begin_object(w);
	jw_key_lit(w, "smallest"); jw_bool(w, smallest);
	jw_key_lit(w, "members"); jw_int(w, x->members);
	jw_key_lit(w, "present"); jw_int(w, x->present);
	jw_key_lit(w, "present_ids");
	jw_begin_array(w);
	for (unsigned i = 0; i < e->n_present_ids; i++)
		jw_string(w, e->present_ids[i]);
	jw_end_array(w);
	opt_string(w, "interest", e->conflicted_id);
	opt_string(w, "interest_note", x->interest_note);
	jw_key_lit(w, "for"); jw_int(w, e->yes);
	jw_key_lit(w, "against"); jw_int(w, e->no);
	jw_key_lit(w, "abstain"); jw_int(w, e->abstain);
	opt_string(w, "casting", e->casting < 0 ? NULL : e->casting == VOTE_FOR ? "for" : "against");
	jw_key_lit(w, "motion"); jw_string(w, e->motion);
	jw_key_lit(w, "attributes"); json_attrs(w, e->attrs, e->n_attrs);
	jw_key_lit(w, "record"); jw_string(w, x->record);
	jw_key_lit(w, "local"); report_json_meeting(w, x->local);
	jw_key_lit(w, "model"); report_json_meeting(w, x->model);
	jw_end_object(w);
}

static void json_clause(struct json_writer *w, const struct conform_result *r, const struct conform_clause *c)
{
	jw_begin_object(w);
	jw_key_lit(w, "topic"); jw_string(w, conform_topic_name(c->topic));
	jw_key_lit(w, "heading"); jw_string(w, c->heading);
	jw_key_lit(w, "verdict"); jw_string(w, verdict_code(c->verdict));
	opt_string(w, "model_clause", c->model_clause);
	opt_string(w, "local_clause", c->local_clause);
	jw_key_lit(w, "model"); jw_string(w, c->model_reads);
	jw_key_lit(w, "local"); jw_string(w, c->local_reads);
	opt_string(w, "why", c->why);
	jw_key_lit(w, "meetings"); jw_int(w, (int64_t)c->meetings);
	jw_key_lit(w, "counterexample");
	if (c->example)
		json_example(w, c->example, smallest(r, c));
	else
		jw_null(w);
	jw_end_object(w);
}

/* How much the search covered; the fields mean what diff's "scenarios" do. */
static void json_search(struct json_writer *w, const struct diff_search *s)
{
	jw_begin_object(w);
	jw_key_lit(w, "scenarios"); jw_int(w, (int64_t)s->scenarios);
	jw_key_lit(w, "complete"); jw_bool(w, !s->truncated);
	opt_count(w, "space", s->space);
	jw_key_lit(w, "attendances"); jw_int(w, (int64_t)s->attendances);
	opt_count(w, "attendances_all", s->attendances_all);
	jw_key_lit(w, "work"); jw_int(w, (int64_t)s->work);
	jw_key_lit(w, "bound"); jw_int(w, (int64_t)s->bound);
	opt_string(w, "cut_short_by", s->truncated ? (s->why_truncated ? s->why_truncated : "its bound") : NULL);
	jw_end_object(w);
}

static void json_local(struct json_writer *w, const struct conform_result *r)
{
	char d[DATE_FMT_MAX];
	jw_begin_object(w);
	jw_key_lit(w, "name"); jw_string(w, r->local->name);
	opt_string(w, "version", r->local->version);
	jw_key_lit(w, "file"); jw_string(w, r->path);
	jw_key_lit(w, "verdict"); jw_string(w, verdict_code(r->verdict));
	jw_key_lit(w, "day"); jw_string(w, date_format(r->day, d));
	jw_key_lit(w, "members"); jw_int(w, r->members);
	jw_key_lit(w, "search");
	json_search(w, &r->search);
	jw_key_lit(w, "roles");
	jw_begin_array(w);
	for (size_t k = 0; k < r->roles.n; k++) {
		const struct conform_role *role = &r->roles.items[k];
		jw_begin_object(w);
		jw_key_lit(w, "model"); jw_string(w, role->model_id);
		jw_key_lit(w, "local"); jw_string(w, role->local_ids);
		jw_key_lit(w, "by_map"); jw_bool(w, role->by_map);
		jw_key_lit(w, "members"); jw_int(w, role->members);
		jw_end_object(w);
	}
	jw_end_array(w);
	jw_key_lit(w, "clauses");
	jw_begin_array(w);
	for (size_t k = 0; k < r->clauses.n; k++)
		json_clause(w, r, &r->clauses.items[k]);
	jw_end_array(w);
	jw_end_object(w);
}

void conform_write_json(FILE *out, const struct conform_run *run)
{
	struct json_writer w;
	jw_init(&w, out);
	jw_begin_object(&w);
	jw_key_lit(&w, "model");
	jw_begin_object(&w);
	jw_key_lit(&w, "name"); jw_string(&w, run->model->name);
	opt_string(&w, "version", run->model->version);
	jw_key_lit(&w, "file"); jw_string(&w, run->model_path);
	jw_end_object(&w);
	jw_key_lit(&w, "exact"); jw_bool(&w, run->exact);
	jw_key_lit(&w, "conforms"); jw_bool(&w, conform_all(run));
	jw_key_lit(&w, "complete"); jw_bool(&w, cut_short(run) == 0);
	jw_key_lit(&w, "locals");
	jw_begin_array(&w);
	for (size_t i = 0; i < run->results.n; i++)
		json_local(&w, run->results.items[i]);
	jw_end_array(&w);
	jw_end_object(&w);
	jw_finish(&w);
}

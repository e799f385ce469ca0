/*
** quorate diff OLD.tor NEW.tor [--history PATH...]: what an amendment of the
** terms really does: the clauses that change, in plain English; the smallest
** meetings whose outcome changes (exhaustive search); and, with a history,
** the past decisions that would have gone the other way.
*/
#include <string.h>

#include "base/sbuf.h"
#include "cli/cli.h"
#include "report/json.h"
#include "run/explain.h"
#include "run/replay.h"
#include "run/scenario.h"

static const char diff_usage[] =
	"usage: quorate diff [--format text|markdown|json] [-I DIR] OLD.tor NEW.tor [--history PATH...]\n"
	"\n"
	"Show what changes from OLD to NEW: each clause that changes, in plain\n"
	"English; how many possible meetings come out differently, with the smallest\n"
	"ones as examples (an exhaustive search over attendance, interests, votes\n"
	"and kinds of motion); and with --history, the past decisions that would have\n"
	"gone the other way.  Exit 0 when nothing would change, 1 when something\n"
	"would, 2 on bad input.\n";

/* ---- clause changes ------------------------------------------------------------- */

struct change {
	const char *heading;
	const char *clause;           /* "3.3.3", or NULL */
	const char *before, *after;   /* NULL: added or removed */
};

struct flip {
	const char *meeting, *date, *file, *motion, *title;
	enum outcome before, after;
	const char *why_before, *why_after;
	unsigned line;
};

struct diff_state {
	struct cli *c;
	const struct terms *t[2];
	VEC(struct change) changes;
	struct diff_search search;
	VEC(struct flip) flips;
	unsigned history_meetings, history_motions;
	unsigned history_later;     /* meetings on or after NEW took effect: not compared */
};

static const struct explain_para *find_para(const struct explanation *x, const char *heading)
{
	for (size_t i = 0; i < x->paras.n; i++)
		if (strcmp(x->paras.items[i].heading, heading) == 0)
			return &x->paras.items[i];
	return NULL;
}

static void compare_paras(struct diff_state *st, const struct explanation *a, const struct explanation *b)
{
	for (size_t i = 0; i < a->paras.n; i++) {
		const struct explain_para *p = &a->paras.items[i], *q = find_para(b, p->heading);
		/* the roster is compared member by member (compare_rosters) */
		if (strcmp(p->heading, "Membership") == 0)
			continue;
		if (!q || strcmp(p->text, q->text) != 0) {
			struct change ch = { p->heading, q && q->clause ? q->clause : p->clause, p->text, q ? q->text : NULL };
			VEC_PUSH(&st->c->arena, st->changes, ch);
		}
	}
	for (size_t i = 0; i < b->paras.n; i++) {
		const struct explain_para *q = &b->paras.items[i];
		if (!find_para(a, q->heading)) {
			struct change ch = { q->heading, q->clause, NULL, q->text };
			VEC_PUSH(&st->c->arena, st->changes, ch);
		}
	}
}

static const char *member_desc(struct arena *a, const struct terms *t, const struct member *m)
{
	struct sbuf b;
	sbuf_init(&b, a);
	sbuf_addf(&b, "%s (%s): ", m->name, m->id);
	unsigned n = 0;
	for (unsigned g = 0; g < t->n_groups; g++)
		if ((m->groups >> g) & 1)
			sbuf_addf(&b, "%s%s", n++ ? ", " : "", t->groups[g].is_role && t->groups[g].title ? t->groups[g].title : t->groups[g].id);
	sbuf_add(&b, m->voting ? "; votes" : "; attends without a vote");
	char d[DATE_FMT_MAX];
	if (m->has_from)
		sbuf_addf(&b, "; from %s", date_format(m->from, d));
	if (m->has_until)
		sbuf_addf(&b, "; until %s", date_format(m->until, d));
	return sbuf_str(&b);
}

static void compare_rosters(struct diff_state *st)
{
	struct arena *a = &st->c->arena;
	for (int v = 0; v < 2; v++) {
		const struct terms *t = st->t[v], *o = st->t[1 - v];
		for (unsigned i = 0; i < t->n_members; i++) {
			const struct member *m = &t->members[i];
			int j = terms_find_member(o, m->id);
			const char *mine = member_desc(a, t, m);
			if (j < 0) {
				struct change ch = { arena_printf(a, "Member %s", m->id), NULL, v ? NULL : mine, v ? mine : NULL };
				VEC_PUSH(a, st->changes, ch);
			} else if (v == 0) {
				const char *theirs = member_desc(a, o, &o->members[j]);
				if (strcmp(mine, theirs) != 0) {
					struct change ch = { arena_printf(a, "Member %s", m->id), NULL, mine, theirs };
					VEC_PUSH(a, st->changes, ch);
				}
			}
		}
	}
}

/* ---- history -------------------------------------------------------------------- */

static const char *why(struct arena *a, const struct motion_result *mr)
{
	struct sbuf b;
	sbuf_init(&b, a);
	sbuf_addf(&b, "%s", ast_outcome_name(mr->outcome));
	if (mr->cls)
		sbuf_addf(&b, " as %s%s%s", mr->cls->id, mr->cls->clause ? " §" : "", mr->cls->clause ? mr->cls->clause : "");
	if (mr->quorum_known && !mr->quorate)
		sbuf_add(&b, " (not quorate)");
	for (unsigned i = 0; i < mr->n_reqs; i++)
		if (mr->reqs[i].working)
			sbuf_addf(&b, "; %s: %s", mr->reqs[i].text, mr->reqs[i].working);
	return sbuf_str(&b);
}

static void history_meeting(void *ctx, const struct meeting *m, struct arena *arena, const char *sha)
{
	(void)sha;
	struct diff_state *st = ctx;
	struct arena *keep = &st->c->arena;
	/* Past decisions are those taken before the new terms would apply; a
	** later meeting was held under (something like) the new terms already. */
	if (st->t[1]->has_effective && m->date >= st->t[1]->effective) {
		st->history_later++;
		return;
	}
	const struct meeting_result *r[2] = { eval_meeting(arena, st->t[0], m), eval_meeting(arena, st->t[1], m) };
	st->history_meetings++;
	st->history_motions += r[0]->n_motions;
	for (unsigned i = 0; i < r[0]->n_motions && i < r[1]->n_motions; i++) {
		const struct motion_result *a = &r[0]->motions[i], *b = &r[1]->motions[i];
		if (a->outcome == b->outcome)
			continue;
		char d[DATE_FMT_MAX];
		unsigned line, col;
		source_position(m->src, a->motion->span.start, &line, &col);
		struct flip f = { arena_strdup(keep, m->title), arena_strdup(keep, date_format(m->date, d)),
		                  arena_strdup(keep, m->src->name), arena_strdup(keep, a->motion->number),
		                  arena_strdup(keep, a->motion->title), a->outcome, b->outcome,
		                  arena_strdup(keep, why(arena, a)), arena_strdup(keep, why(arena, b)), line };
		VEC_PUSH(keep, st->flips, f);
	}
}

static void diag_to_stderr(void *ctx, const struct diag_sink *d)
{
	struct diff_state *st = ctx;
	for (size_t i = 0; i < d->items.n; i++)
		if (d->items.items[i].sev != DIAG_NOTE)
			diag_print(&d->items.items[i], stderr, st->c->color_err);
}

/* ---- output ----------------------------------------------------------------------- */

static const char *votes_text(struct arena *a, const struct diff_example *e)
{
	return arena_printf(a, "%lld present, %lld for, %lld against, %s%s%s",
	                    (long long)e->present, (long long)e->yes, (long long)e->no,
	                    e->abstain ? arena_printf(a, "%lld abstaining", (long long)e->abstain) : "no abstentions",
	                    e->conflicted ? ", one member with a declared interest" : "",
	                    e->casting < 0 ? "" : e->casting == VOTE_FOR ? ", the chair's casting vote for" : ", the chair's casting vote against");
}

static void write_text(FILE *out, struct diff_state *st, bool md)
{
	struct arena *a = &st->c->arena;
	const char *h1 = md ? "# " : "", *h2 = md ? "\n## " : "\n", *li = md ? "- " : "  ";
	fprintf(out, "%sFrom %s%s%s to %s%s%s\n", h1, st->t[0]->name, st->t[0]->version ? " version " : "",
	        st->t[0]->version ? st->t[0]->version : "", st->t[1]->name, st->t[1]->version ? " version " : "",
	        st->t[1]->version ? st->t[1]->version : "");
	fprintf(out, "%sWhat changes%s\n", h2, md ? "\n" : "");
	if (st->changes.n == 0)
		fprintf(out, "%sNothing in the rules as read out changes.\n", li);
	for (size_t i = 0; i < st->changes.n; i++) {
		const struct change *ch = &st->changes.items[i];
		const char *head = ch->clause ? arena_printf(a, "%s §%s", ch->heading, ch->clause) : ch->heading;
		if (!ch->before)
			fprintf(out, "%s%s (new): %s\n", li, head, ch->after);
		else if (!ch->after)
			fprintf(out, "%s%s (removed): was: %s\n", li, head, ch->before);
		else
			fprintf(out, "%s%s:\n    before: %s\n    now:    %s\n", li, head, ch->before, ch->after);
	}
	const struct diff_search *s = &st->search;
	fprintf(out, "%sMeetings that come out differently%s\n", h2, md ? "\n" : "");
	fprintf(out, "%s%llu of %llu possible meetings change outcome%s.\n", md ? "" : "  ",
	        (unsigned long long)s->differing, (unsigned long long)s->scenarios,
	        s->truncated ? " (the search stopped at its bound of 5,000,000 questions; more may exist)" : "");
	for (int b = OUTCOME_CARRIED; b <= OUTCOME_UNDETERMINED; b++)
		for (int n = OUTCOME_CARRIED; n <= OUTCOME_UNDETERMINED; n++)
			if (s->transitions[b][n])
				fprintf(out, "%s%s before, %s now: %llu\n", li, ast_outcome_name((enum outcome)b),
				        ast_outcome_name((enum outcome)n), (unsigned long long)s->transitions[b][n]);
	if (s->n_examples)
		fprintf(out, "%sThe smallest examples:\n%s", md ? "\n" : "  ", md ? "\n" : "");
	for (unsigned i = 0; i < s->n_examples; i++) {
		const struct diff_example *e = &s->examples[i];
		fprintf(out, "%s%s, %s: %s before, %s now\n", li, votes_text(a, e), e->motion,
		        ast_outcome_name(e->before), ast_outcome_name(e->after));
	}
	fprintf(out, "%s(The search tries attendance, declared interests, votes and kinds of motion; it does not try\n"
	             "%sdates, so changes to notice periods and meeting intervals show only in the clauses above.)\n",
	        md ? "\n" : "  ", md ? "" : "  ");
	if (st->history_meetings == 0 && st->history_later == 0)
		return;
	fprintf(out, "%sPast decisions%s\n", h2, md ? "\n" : "");
	fprintf(out, "%s%zu of %u motion%s in %u meeting%s before the new terms take effect would have gone the other way.\n",
	        md ? "" : "  ", st->flips.n, st->history_motions, st->history_motions == 1 ? "" : "s",
	        st->history_meetings, st->history_meetings == 1 ? "" : "s");
	if (st->history_later)
		fprintf(out, "%s(%u meeting%s on or after that date %s not compared.)\n", md ? "" : "  ", st->history_later,
		        st->history_later == 1 ? "" : "s", st->history_later == 1 ? "is" : "are");
	for (size_t i = 0; i < st->flips.n; i++) {
		const struct flip *f = &st->flips.items[i];
		fprintf(out, "%s%s, %s, motion %s \"%s\" (%s:%u)\n%s    before: %s\n%s    now:    %s\n", li, f->meeting,
		        f->date, f->motion, f->title, f->file, f->line, md ? "" : "", f->why_before, md ? "" : "", f->why_after);
	}
}

static void json_opt(struct json_writer *w, const char *key, const char *v)
{
	json_key(w, key);
	if (v)
		json_string(w, v);
	else
		json_null(w);
}

static void write_json(FILE *out, struct diff_state *st)
{
	struct json_writer w;
	json_init(&w, out);
	json_begin_object(&w);
	for (int v = 0; v < 2; v++) {
		json_key(&w, v ? "new" : "old");
		json_begin_object(&w);
		json_key(&w, "name");
		json_string(&w, st->t[v]->name);
		json_opt(&w, "version", st->t[v]->version);
		json_key(&w, "file");
		json_string(&w, st->t[v]->src->name);
		json_end_object(&w);
	}
	json_key(&w, "changes");
	json_begin_array(&w);
	for (size_t i = 0; i < st->changes.n; i++) {
		json_begin_object(&w);
		json_key(&w, "heading");
		json_string(&w, st->changes.items[i].heading);
		json_opt(&w, "clause", st->changes.items[i].clause);
		json_opt(&w, "before", st->changes.items[i].before);
		json_opt(&w, "after", st->changes.items[i].after);
		json_end_object(&w);
	}
	json_end_array(&w);
	const struct diff_search *s = &st->search;
	json_key(&w, "scenarios");
	json_begin_object(&w);
	json_key(&w, "searched");
	json_int(&w, (int64_t)s->scenarios);
	json_key(&w, "differing");
	json_int(&w, (int64_t)s->differing);
	json_key(&w, "complete");
	json_bool(&w, !s->truncated);
	json_key(&w, "transitions");
	json_begin_array(&w);
	for (int b = OUTCOME_CARRIED; b <= OUTCOME_UNDETERMINED; b++)
		for (int n = OUTCOME_CARRIED; n <= OUTCOME_UNDETERMINED; n++)
			if (s->transitions[b][n]) {
				json_begin_object(&w);
				json_key(&w, "before");
				json_string(&w, ast_outcome_name((enum outcome)b));
				json_key(&w, "after");
				json_string(&w, ast_outcome_name((enum outcome)n));
				json_key(&w, "count");
				json_int(&w, (int64_t)s->transitions[b][n]);
				json_end_object(&w);
			}
	json_end_array(&w);
	json_key(&w, "examples");
	json_begin_array(&w);
	for (unsigned i = 0; i < s->n_examples; i++) {
		const struct diff_example *e = &s->examples[i];
		json_begin_object(&w);
		json_key(&w, "present"); json_int(&w, e->present);
		json_key(&w, "for"); json_int(&w, e->yes);
		json_key(&w, "against"); json_int(&w, e->no);
		json_key(&w, "abstain"); json_int(&w, e->abstain);
		json_key(&w, "conflicted"); json_int(&w, e->conflicted);
		json_opt(&w, "casting", e->casting < 0 ? NULL : e->casting == VOTE_FOR ? "for" : "against");
		json_key(&w, "motion"); json_string(&w, e->motion);
		json_key(&w, "before"); json_string(&w, ast_outcome_name(e->before));
		json_key(&w, "after"); json_string(&w, ast_outcome_name(e->after));
		json_end_object(&w);
	}
	json_end_array(&w);
	json_end_object(&w);
	json_key(&w, "history");
	json_begin_object(&w);
	json_key(&w, "meetings"); json_int(&w, st->history_meetings);
	json_key(&w, "later_meetings_not_compared"); json_int(&w, st->history_later);
	json_key(&w, "motions"); json_int(&w, st->history_motions);
	json_key(&w, "flips");
	json_begin_array(&w);
	for (size_t i = 0; i < st->flips.n; i++) {
		const struct flip *f = &st->flips.items[i];
		json_begin_object(&w);
		json_key(&w, "meeting"); json_string(&w, f->meeting);
		json_key(&w, "date"); json_string(&w, f->date);
		json_key(&w, "file"); json_string(&w, f->file);
		json_key(&w, "line"); json_int(&w, f->line);
		json_key(&w, "motion"); json_string(&w, f->motion);
		json_key(&w, "title"); json_string(&w, f->title);
		json_key(&w, "before"); json_string(&w, ast_outcome_name(f->before));
		json_key(&w, "after"); json_string(&w, ast_outcome_name(f->after));
		json_key(&w, "working_before"); json_string(&w, f->why_before);
		json_key(&w, "working_after"); json_string(&w, f->why_after);
		json_end_object(&w);
	}
	json_end_array(&w);
	json_end_object(&w);
	json_end_object(&w);
	json_finish(&w);
}

/* ---- the command -------------------------------------------------------------------- */

static bool diff_flag(struct cli *c, const char *arg, struct cli_args *args)
{
	(void)c;
	if (strcmp(arg, "--history") != 0)
		return false;
	args->history_from = args->n_pos; /* what follows is the history */
	return true;
}

int cmd_diff(struct cli *c, int argc, char **argv)
{
	static const struct cli_command cmd = {
		diff_usage, FMT_BIT(FMT_TEXT) | FMT_BIT(FMT_JSON) | FMT_BIT(FMT_MARKDOWN), 2, -1, diff_flag
	};
	struct cli_args args;
	int parsed = cli_parse_args(c, argc, argv, &cmd, &args);
	if (parsed)
		return parsed == CLI_HELP_SHOWN ? EXIT_OK : parsed;
	int n_files = args.history_from >= 0 ? args.history_from : args.n_pos;
	if (n_files != 2 || (args.history_from >= 0 && args.n_pos == args.history_from)) {
		fputs(diff_usage, stderr);
		return EXIT_BAD_INPUT;
	}
	const char **files = args.pos;
	const char **history = args.pos + 2;
	int n_history = args.n_pos - 2;
	cli_finish_path(c);
	struct diff_state *st = arena_alloc(&c->arena, sizeof *st);
	st->c = c;
	st->t[0] = cli_load_terms(c, files[0]);
	st->t[1] = cli_load_terms(c, files[1]);
	cli_print_problems(c);
	if (!st->t[0] || !st->t[1])
		return EXIT_BAD_INPUT;
	c->diag.items.n = 0;

	compare_rosters(st);
	compare_paras(st, explain_terms(&c->arena, st->t[0]), explain_terms(&c->arena, st->t[1]));
	qdate day = st->t[1]->has_effective ? st->t[1]->effective : st->t[0]->effective;
	scenario_diff(&c->arena, st->t[0], st->t[1], day, &st->search);
	if (n_history) {
		struct replay *rp = replay_new(&c->arena, &c->loader, &c->diag);
		for (int i = 0; i < n_history; i++)
			replay_add_path(rp, history[i]);
		cli_print_problems(c);
		struct replay_sink sink = { st, NULL, NULL, diag_to_stderr };
		replay_set_sink(rp, &sink);
		replay_for_each(rp, history_meeting, st);
	}
	if (c->format == FMT_JSON)
		write_json(stdout, st);
	else
		write_text(stdout, st, c->format == FMT_MARKDOWN);
	if (c->diag.n_errors)
		return EXIT_BAD_INPUT;
	return st->search.differing || st->flips.n || st->changes.n ? EXIT_FINDINGS : EXIT_OK;
}

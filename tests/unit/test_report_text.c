/*
** Unit tests for src/report/report_text.c: a meeting written with the
** blocks a text replay keeps (the quorum with the class line, the
** requirements: wbuf_memo) is the meeting written afresh, for rules of
** every shape (fractions, rounding, parentheses, `not`, role lists, rule
** calls, attendees, two comparisons in one rule) over many attendances,
** arrivals and departures, tallies, named votes, interests and consensus,
** with one memo shared by every meeting; judged alone, and judged with a
** plan for each version as a replay judges (the rules' steps then the
** plan's memo's, the blocks keyed by them).  Run from the repository root.
*/
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"
#include "memout.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/wbuf.h"
#include "check/sema.h"
#include "front/parse.h"
#include "record/minutes.h"
#include "report/report.h"
#include "run/eval.h"

struct run {
	struct fixture f;
};

FIXTURE_STATE(struct run)

/* Two versions of the same body: the same rules are other requirements. */
static const char terms_text[] =
	"terms \"T\" {\n"
	"  version \"%u\"\n"
	"  effective 202%u-01-01\n"
	"  role lead \"Lead\" voting\n"
	"  role m \"Member\" voting\n"
	"  role obs \"Observer\" attending\n"
	"  member l1 \"Lead 1\" lead\n"
	"  member l2 \"Lead 2\" lead\n"
	"  member m1 \"M 1\" m\n  member m2 \"M 2\" m\n  member m3 \"M 3\" m\n  member m4 \"M 4\" m\n"
	"  member m5 \"M 5\" m\n  member m6 \"M 6\" m\n  member m7 \"M 7\" m\n  member m8 \"M 8\" m\n"
	"  member o1 \"Observer 1\" obs\n  member o2 \"Observer 2\" obs\n"
	"  rule majority_of_cast = yes > no\n"
	"  quorum §2.1 \"q\" {\n"
	"    require present >= 1/3 of members rounded up\n"
	"    require present(lead) >= 1\n"
	"    require attendees <= 1 or present >= 6\n"
	"  }\n"
	"  consensus first\n  casting vote chair\n"
	"  interests §3 {\n    conflicted vote: void\n    conflicted quorum: excluded\n    conflicted leaves: no\n  }\n"
	"  class a §4.1 \"a\" {\n    when motion.amount == 1\n    require yes > half of cast\n  }\n"
	"  class b \"b\" {\n    when motion.amount == 2\n    require yes >= 2/3 of (yes + no)\n"
	"    require yes >= 50%% of cast + 1\n  }\n"
	"  class c §4.3 {\n    when motion.amount == 3\n    require majority_of_cast\n"
	"    require not (no > yes)\n  }\n"
	"  class d \"d\" {\n    when motion.amount == 4\n    require yes >= 75%% of members\n"
	"    require yes >= 3 and no <= 2\n  }\n"
	"  class e \"e\" {\n    require yes >= 2/3 of eligible rounded down\n  }\n"
	"}\n";

static const char *const voters[] = { "l1", "l2", "m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8" };

struct gen {
	char *buf;
	size_t cap, w;
};

static void put(struct gen *g, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void put(struct gen *g, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	g->w += (size_t)vsnprintf(g->buf + g->w, g->cap - g->w, fmt, ap);
	va_end(ap);
	assert_true(g->w < g->cap);
}

/* A motion whose votes s picks: a tally, names, consensus or a declaration. */
static void motion_text(struct gen *g, unsigned k, unsigned s, const bool *here)
{
	unsigned amount = 1 + s % 6; /* 6: no amount that matches, class e */
	put(g, "  motion %u \"k%u\" amount %u {\n", k, k, amount);
	if (s % 11 == 3)
		put(g, "    interest %s \"a reason\"\n", voters[(s >> 4) % 10]);
	unsigned present = 0;
	for (unsigned i = 0; i < 10; i++)
		present += here[i];
	switch ((s >> 8) % 5) {
	case 0: {
		unsigned yes = (s >> 11) % (present + 1), no = (s >> 15) % (present + 1 - yes);
		put(g, "    tally for %u against %u abstain %u\n", yes, no, (s >> 19) % (present + 1 - yes - no));
		break;
	}
	case 1:
	case 2: { /* by name: each present voter for, against or abstaining */
		const char *word[3] = { "for", "against", "abstain" };
		for (unsigned w = 0; w < 3; w++) {
			bool any = false;
			for (unsigned i = 0; i < 10; i++)
				if (here[i] && (s >> (i + 3)) % 3 == w) {
					put(g, any ? ", %s" : "    %s %s", any ? voters[i] : word[w], any ? "" : voters[i]);
					any = true;
				}
			if (any)
				put(g, "\n");
		}
		break;
	}
	case 3:
		put(g, "    consensus\n");
		break;
	default:
		put(g, "    tally for %u against %u\n", present / 2, present - present / 2);
		break;
	}
	if (s % 3 == 0)
		put(g, "    recorded %s\n", s % 2 ? "carried" : "not carried");
	put(g, "  }\n");
}

/* A meeting with the attendance seed picks, members leaving and arriving
** between its motions. */
static const char *meeting_text(char *buf, size_t cap, unsigned seed)
{
	struct gen g = { buf, cap, 0 };
	bool here[10] = { false };
	unsigned present = 1 + seed % 10;
	put(&g, "meeting \"M%u\" on 202%u-05-%02u {\n  terms \"T\"\n  chair %s\n  present ", seed, 4 + seed % 2,
	    1 + seed % 28, voters[seed % 10]);
	for (unsigned i = 0; i < present; i++) {
		here[(seed + i) % 10] = true;
		put(&g, "%s%s", i ? ", " : "", voters[(seed + i) % 10]);
	}
	put(&g, "\n");
	if (seed % 4)
		put(&g, "  attending o1%s\n", seed % 4 == 3 ? ", o2" : "");
	for (unsigned k = 1; k <= 6; k++) {
		unsigned s = seed * 2654435761u + k * 40503u;
		motion_text(&g, k, s, here);
		unsigned who = (s >> 23) % 10;
		if (s % 7 == 1 && here[who] && who != seed % 10) {
			put(&g, "  leaves %s\n", voters[who]);
			here[who] = false;
		} else if (s % 7 == 2 && !here[who]) {
			put(&g, "  arrives %s\n", voters[who]);
			here[who] = true;
		}
	}
	put(&g, "}\n");
	return buf;
}

static const struct node *first_item(const struct ast_file *f, enum node_kind kind)
{
	for (const struct node *n = f->items; n; n = n->next)
		if (n->kind == kind)
			return n;
	return NULL;
}

static void dump_diags(struct run *R)
{
	diag_sort(&R->f.diag);
	for (size_t i = 0; i < R->f.diag.items.n; i++)
		diag_print(&R->f.diag.items.items[i], stderr, false);
}

static const struct terms *load_terms(struct run *R, unsigned version)
{
	char text[sizeof terms_text + 16];
	snprintf(text, sizeof text, terms_text, version, 3 + version);
	struct source *src = arena_alloc(&R->f.arena, sizeof *src);
	struct ast_file *file = arena_alloc(&R->f.arena, sizeof *file);
	const char *kept = arena_strdup(&R->f.arena, text);
	source_from_memory(src, &R->f.arena, "terms.tor", kept, strlen(kept));
	const struct node *tn = parse_file(&R->f.arena, &R->f.diag, src, file) ? NULL : first_item(file, N_TERMS);
	const struct terms *t = tn ? sema_terms(&R->f.arena, &R->f.diag, &R->f.ld, tn, src) : NULL;
	if (!t) {
		dump_diags(R);
		fail_msg("the terms do not check");
	}
	return t;
}

/* The text of a report in colour, its escapes (ESC [ ... m) taken out, in place. */
static char *without_color(const char *text)
{
	char *s = (char *)text, *w = s;
	for (const char *p = s; *p;) {
		if (*p == '\033') {
			while (*p && *p != 'm')
				p++;
			if (*p)
				p++;
		} else {
			*w++ = *p++;
		}
	}
	*w = '\0';
	return s;
}

/* The rules whose steps are a plan's memo's (req_result.steps_kept). */
static unsigned steps_kept(const struct meeting_result *r)
{
	unsigned n = 0;
	for (unsigned i = 0; i < r->n_motions; i++) {
		const struct motion_result *mr = &r->motions[i];
		for (unsigned k = 0; k < mr->n_reqs; k++)
			n += mr->reqs[k].steps_kept;
		for (unsigned k = 0; k < mr->n_quorum; k++)
			n += mr->quorum[k].steps_kept;
	}
	return n;
}

/* Every meeting written twice, kept and afresh.  planned: judged as a
** replay judges, with a plan for each version whose memo keeps the rules'
** steps (then the blocks are keyed by the memo's entry, not the steps). */
static void kept_blocks(struct run *R, bool planned)
{
	const struct terms *terms[2] = { load_terms(R, 1), load_terms(R, 2) };
	struct judge_plan *plans[2] = { judge_plan_new(&R->f.arena, terms[0]), judge_plan_new(&R->f.arena, terms[1]) };
	unsigned kept_steps = 0;
	struct text_seen *seen = report_text_seen_new(&R->f.arena); /* across meetings, as a replay keeps it */
	struct wbuf_kept *slots = malloc(WBUF_MEMO_SLOTS * sizeof *slots);
	assert_non_null(slots);
	struct wbuf_memo memo;
	wbuf_memo_init(&memo, slots);
	struct out a, b, c;
	out_open(&a);
	out_open(&b);
	out_open(&c);
	const struct report_opts color = { true };
	for (unsigned round = 0; round < 2; round++) {
		for (unsigned seed = 0; seed < 400; seed++) {
			char text[8192];
			struct source *msrc = arena_alloc(&R->f.arena, sizeof *msrc);
			struct ast_file *mfile = arena_alloc(&R->f.arena, sizeof *mfile);
			const char *mt = arena_strdup(&R->f.arena, meeting_text(text, sizeof text, seed + round * 1000));
			source_from_memory(msrc, &R->f.arena, "m.minutes", mt, strlen(mt));
			const struct node *mn =
				parse_file(&R->f.arena, &R->f.diag, msrc, mfile) ? NULL : first_item(mfile, N_MEETING);
			const struct meeting *m = mn ? minutes_from_ast(&R->f.arena, &R->f.diag, mn, msrc) : NULL;
			if (!m) {
				dump_diags(R);
				fail_msg("the record does not read: %s", mt);
			}
			const struct meeting_result *r = planned ? eval_meeting_planned(&R->f.arena, plans[seed % 2], m)
			                                         : eval_meeting(&R->f.arena, terms[seed % 2], m);
			assert_non_null(r);
			kept_steps += steps_kept(r);
			report_text_meeting_kept(a.f, r, &memo, seen);
			report_text_meeting_kept(b.f, r, NULL, NULL);
			report_text_meeting(c.f, r, &color); /* the outcome's names as ast_outcome_name's */
		}
	}
	const char *got = out_text(&a), *want = out_text(&b);
	/* the shapes the terms promise, each written at least once */
	assert_non_null(strstr(want, "              1 >= 1: met"));
	assert_non_null(strstr(want, "not ("));
	assert_non_null(strstr(want, " rounded up = "));
	assert_non_null(strstr(want, "quorum    NOT MET"));
	assert_non_null(strstr(want, "attendee without a vote"));
	assert_non_null(strstr(want, "decision  by consensus"));
	assert_non_null(strstr(want, "  breach [quorum.inquorate] §2.1: ")); /* findings, plain and in colour */
	assert_non_null(strstr(want, "; rule at terms.tor:"));
	assert_true(memo.hits > 1000);
	assert_true(memo.kept > 100);
	if (planned)
		assert_true(kept_steps > 1000);
	else
		assert_int_equal(kept_steps, 0);
	if (strcmp(got, want) != 0) {
		size_t i = 0;
		while (got[i] == want[i])
			i++;
		size_t from = i > 300 ? i - 300 : 0;
		fail_msg("kept and afresh differ at byte %zu:\nkept:   %.400s\nafresh: %.400s", i, got + from, want + from);
	}
	assert_string_equal(without_color(out_text(&c)), want);
	out_close(&a);
	out_close(&b);
	out_close(&c);
	free(slots);
}

static void test_kept_blocks(void **state)
{
	FIXTURE_ENTER(struct run, R);
	kept_blocks(R, false);
}

static void test_kept_blocks_planned(void **state)
{
	FIXTURE_ENTER(struct run, R);
	kept_blocks(R, true);
}

/* The values an attribute may have, as a record gives them. */
static struct value attr_value(unsigned i)
{
	static const struct {
		int64_t num, den;
		unsigned char places;
	} nums[] = { { 0, 1, 0 },         { 5, 1, 0 },       { -7, 1, 0 }, { 99, 1, 0 }, { 100, 1, 0 },
		     { 181000, 1, 0 },    { INT64_MAX, 1, 0 }, { INT64_MIN, 1, 0 }, { 3100050, 100, 2 },
		     { 7, 2, 0 },         { 1, 3, 0 },       { 100, 1, 2 }, { -5, 2, 1 } };
	const unsigned n_nums = sizeof nums / sizeof nums[0];
	struct value v = { 0 };
	if (i < n_nums) {
		v.type = VT_NUM;
		v.u.num = (struct rat){ nums[i].num, nums[i].den };
		v.places = nums[i].places;
		return v;
	}
	switch (i - n_nums) {
	case 0: v.type = VT_BOOL; v.u.boolean = true; break;
	case 1: v.type = VT_BOOL; v.u.boolean = false; break;
	case 2: v.type = VT_STR; v.u.str = "amendment"; break;
	case 3: v.type = VT_STR; v.u.str = ""; break;
	case 4: v.type = VT_DATE; v.u.date = 19000; break;
	default: v.type = VT_NONE; break;
	}
	return v;
}
#define ATTR_VALUES 19

/* report_text_attrs writes what report_motion_attrs writes, for no, one,
** two and three attributes of every kind of value, in a meeting and outside. */
static void test_attrs(void **state)
{
	(void)state;
	static const char *const names[] = { "financial", "amount", "kind" };
	struct out a, b;
	out_open(&a);
	out_open(&b);
	struct wbuf w;
	wbuf_init(&w, a.f);
	unsigned motions = 0;
	for (unsigned n = 0; n <= 3; n++)
		for (unsigned x = 0; x < ATTR_VALUES; x++)
			for (unsigned y = 0; y < (n >= 2 ? ATTR_VALUES : 1u); y++)
				for (unsigned virt = 0; virt < 2; virt++) {
					struct attr attrs[3];
					unsigned pick[3] = { x, y, (x + y) % ATTR_VALUES };
					for (unsigned i = 0; i < n; i++)
						attrs[i] = (struct attr){ names[i], attr_value(pick[i]) };
					struct rec_motion mo = { 0 };
					mo.attrs = attrs;
					mo.n_attrs = n;
					mo.is_virtual = virt;
					mo.virtual_on = 20000 + x;
					wbuf_putc(&w, '<');
					report_text_attrs(&w, &mo);
					wbuf_putc(&w, '>');
					fputc('<', b.f);
					report_motion_attrs(b.f, &mo, report_fputs, report_fputs, "  [", "]");
					fputc('>', b.f);
					motions++;
				}
	wbuf_flush(&w);
	const char *got = out_text(&a), *want = out_text(&b);
	assert_true(motions > 700);
	assert_non_null(strstr(want, "amount -9223372036854775808"));
	assert_non_null(strstr(want, "amount 31000.50"));
	assert_non_null(strstr(want, "kind \"amendment\""));
	assert_non_null(strstr(want, "decided outside a meeting on "));
	assert_string_equal(got, want);
	out_close(&a);
	out_close(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_kept_blocks, setup, teardown),
		cmocka_unit_test_setup_teardown(test_kept_blocks_planned, setup, teardown),
		cmocka_unit_test(test_attrs),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

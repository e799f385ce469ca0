/*
** Unit tests for src/report/report_json.c: a requirement's working written
** by a replay's writer (jw_keep: kept once for what it is a function of,
** then copied) is the working written afresh, for rules of every shape
** (fractions, rounding, parentheses, `not`, role lists, rule calls, more
** comparisons than one) over many counts, with the writer's memos shared
** by every meeting; and so is every motion written with its blocks kept
** (jw_block: from "class" to "quorum", from "decision" to its end, by
** what they are made of), whatever it declares, decides and finds; and
** so is every motion written from its template (jw_template: kept by its
** shape, its values filled in), judged with a plan as a replay judges
** (each rule's numbers kept by its steps), with values of every size and
** strings that need escapes put in its holes; and so are the counts'
** lines written from their heads or from their tails (each line's key
** and digits with each small value, made), for every count below 100 and
** more; and so are findings written at once, of every code and severity,
** with and without a clause, a place, a rule and a suggestion, at every
** depth; and so are a replay's meetings written from fixed pieces, their
** head lines kept for their files.
** Run from the repository root (stdlib/ is found there).
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

#include "check/sema.h"
#include "front/parse.h"
#include "record/minutes.h"
#include "report/report.h"
#include "run/eval.h"

struct run {
	struct fixture f;
};

FIXTURE_STATE(struct run)

static const char terms_text[] =
	"terms \"T\" {\n"
	"  effective 2024-01-01\n"
	"  role lead \"Lead\" voting\n"
	"  role m \"Member\" voting\n"
	"  role obs \"Observer\" attending\n"
	"  member l1 \"Lead 1\" lead\n"
	"  member l2 \"Lead 2\" lead\n"
	"  member m1 \"M 1\" m\n  member m2 \"M 2\" m\n  member m3 \"M 3\" m\n  member m4 \"M 4\" m\n"
	"  member m5 \"M 5\" m\n  member m6 \"M 6\" m\n  member m7 \"M 7\" m\n  member m8 \"M 8\" m\n"
	"  member obs1 \"Observer\" obs\n"
	"  rule majority_of_cast = yes > no\n"
	"  consensus first\n"
	"  casting vote chair\n"
	"  quorum \"q\" {\n"
	"    require present >= 1/3 of members rounded up\n"
	"    require present(lead) >= 1\n"
	"  }\n"
	"  class a \"a\" {\n    when motion.amount == 1\n    require yes > half of cast\n  }\n"
	"  class b \"b\" {\n    when motion.amount == 2\n    require yes >= 2/3 of (yes + no)\n"
	"    require yes >= 50% of cast + 1\n  }\n"
	"  class c \"c\" {\n    when motion.amount == 3\n    require majority_of_cast\n"
	"    require not (no > yes)\n  }\n"
	"  class d \"d\" {\n    when motion.amount == 4\n    require yes >= 75% of members\n"
	"    require yes >= 3 and no <= 2\n  }\n"
	"  class e \"e\" {\n    require yes >= 2/3 of eligible rounded down\n  }\n"
	"}\n";

static const char *const voters[] = { "l1", "l2", "m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8" };

/* A meeting of `present` voting members (and the observer), a motion of
** each class with the votes that seed picks, motions that declare nothing,
** decide by consensus or declare an interest, and outcomes minuted right,
** wrong (a finding) or not at all. */
static const char *meeting_text(char *buf, size_t cap, unsigned present, unsigned seed)
{
	size_t w = (size_t)snprintf(buf, cap, "meeting \"M%u\" on 2024-05-14 {\n  terms \"T\"\n  chair %s\n  present ", seed,
	                            voters[seed % 10]);
	for (unsigned i = 0; i < present; i++)
		w += (size_t)snprintf(buf + w, cap - w, "%s%s", i ? ", " : "", voters[(seed + i) % 10]);
	w += (size_t)snprintf(buf + w, cap - w, "\n  attending obs1\n");
	static const char *const recorded[] = { "", "    recorded carried\n", "    recorded not carried\n" };
	/* amounts of every shape value_format writes: whole, with decimals as written, large, 0 */
	static const char *const amounts[] = { "31000.50", "10000000000", "0", "7.0", "12", "9223372036854775807", "0.25" };
	w += (size_t)snprintf(buf + w, cap - w, "  motion 10 \"k10\" amount %s {\n    consensus\n  }\n",
	                      amounts[seed % (sizeof amounts / sizeof amounts[0])]);
	for (unsigned kind = 1; kind <= 9; kind++) {
		unsigned s = seed * 2654435761u + kind * 40503u;
		unsigned yes = (s >> 8) % (present + 1), no = (s >> 16) % (present + 1 - yes);
		unsigned abstain = (s >> 24) % (present + 1 - yes - no);
		const char *rec = recorded[(s >> 4) % 3];
		if (kind <= 5) /* a class by its amount */
			w += (size_t)snprintf(buf + w, cap - w,
			                      "  motion %u \"k%u\" amount %u {\n    tally for %u against %u abstain %u\n%s  }\n",
			                      kind, kind, kind, yes, no, abstain, rec);
		else if (kind == 6) /* nothing declared; the chair's casting vote on a tie */
			w += (size_t)snprintf(buf + w, cap - w, "  motion %u \"k%u\" {\n    tally for %u against %u\n%s%s  }\n",
			                      kind, kind, yes, yes, yes % 2 ? "    casting for\n" : "", rec);
		else if (kind == 7) /* a vote recorded twice (a finding) or once: the same counts */
			w += (size_t)snprintf(buf + w, cap - w, "  motion %u \"k%u\" amount 1 {\n    for %s%s%s\n%s  }\n", kind, kind,
			                      voters[seed % 10], s % 2 ? ", " : "", s % 2 ? voters[seed % 10] : "", rec);
		else if (kind == 9)
			w += (size_t)snprintf(buf + w, cap - w, "  motion %u \"k%u\" {\n    consensus\n%s  }\n", kind, kind, rec);
		else if (kind == 8) /* an interest declared */
			w += (size_t)snprintf(buf + w, cap - w,
			                      "  motion %u \"k%u\" {\n    interest %s \"r%u\"\n    tally for %u against %u\n%s  }\n",
			                      kind, kind, voters[s % 10], s % 3, yes, no, rec);
	}
	w += (size_t)snprintf(buf + w, cap - w, "}\n");
	assert_true(w < cap);
	return buf;
}

static const struct terms *load_terms_text(struct run *R, const char *text)
{
	struct source *tsrc = arena_alloc(&R->f.arena, sizeof *tsrc);
	struct ast_file *tfile = arena_alloc(&R->f.arena, sizeof *tfile);
	source_from_memory(tsrc, &R->f.arena, "terms.tor", text, strlen(text));
	const struct node *tn =
		parse_file(&R->f.arena, &R->f.diag, tsrc, tfile) ? NULL : fixture_first_item(tfile, N_TERMS);
	const struct terms *t = tn ? sema_terms(&R->f.arena, &R->f.diag, &R->f.ld, tn, tsrc) : NULL;
	if (!t) {
		fixture_dump_diags(&R->f);
		fail_msg("the terms do not check");
	}
	return t;
}

static const struct terms *load_terms(struct run *R)
{
	return load_terms_text(R, terms_text);
}

static const struct meeting *read_meeting(struct run *R, const char *text)
{
	struct source *msrc = arena_alloc(&R->f.arena, sizeof *msrc);
	struct ast_file *mfile = arena_alloc(&R->f.arena, sizeof *mfile);
	const char *mt = arena_strdup(&R->f.arena, text);
	source_from_memory(msrc, &R->f.arena, "m.minutes", mt, strlen(mt));
	const struct node *mn = parse_file(&R->f.arena, &R->f.diag, msrc, mfile) ? NULL : fixture_first_item(mfile, N_MEETING);
	const struct meeting *m = mn ? minutes_from_ast(&R->f.arena, &R->f.diag, mn, msrc) : NULL;
	if (!m) {
		fixture_dump_diags(&R->f);
		fail_msg("the record does not read: %s", mt);
	}
	return m;
}

/* A replay's writer (with slots) and one without, each writing an array */
struct writers {
	struct out a, b;
	struct json_writer kw, fw; /* kept, and afresh */
};

static void writers_open(struct writers *ws, struct jw_kept *kept)
{
	out_open(&ws->a);
	out_open(&ws->b);
	jw_init(&ws->kw, ws->a.f);
	jw_keep(&ws->kw, kept);
	jw_init(&ws->fw, ws->b.f);
	jw_begin_array(&ws->kw);
	jw_begin_array(&ws->fw);
}

/* Their texts, the arrays ended */
static void writers_end(struct writers *ws, const char **kept, const char **afresh)
{
	jw_end_array(&ws->kw);
	jw_end_array(&ws->fw);
	jw_finish(&ws->kw);
	jw_finish(&ws->fw);
	*kept = out_text(&ws->a);
	*afresh = out_text(&ws->b);
}

/* The two writers' texts ended (writers_end): each of `shown` (NULL-ended)
** is in the text written afresh, so the shapes under test were there, and
** the kept writer's text is the same. */
static void writers_compare(struct writers *ws, const char *const *shown)
{
	const char *got, *want;
	writers_end(ws, &got, &want);
	for (; *shown; shown++)
		if (!strstr(want, *shown))
			fail_msg("not written: %s", *shown);
	assert_string_equal(got, want);
}

static void test_kept_workings(void **state)
{
	FIXTURE_ENTER(struct run, R);
	const struct terms *t = load_terms(R);
	static struct jw_kept kept;
	static struct writers ws;
	writers_open(&ws, &kept);
	for (unsigned round = 0; round < 2; round++) {
		for (unsigned seed = 0; seed < 300; seed++) {
			char text[8192];
			unsigned present = 1 + (seed * 7 + round) % 10;
			const struct meeting *m = read_meeting(R, meeting_text(text, sizeof text, present, seed));
			const struct meeting_result *r = eval_meeting(&R->f.arena, t, m);
			assert_non_null(r);
			report_json_meeting(&ws.kw, r);
			report_json_meeting(&ws.fw, r);
		}
	}
	writers_compare(&ws, (const char *const[]){
		"\"working\": \"1 >= 1\"",
		"\"working\": \"not (",
		" rounded up = ",
		"\"code\": \"outcome.mismatch\"",
		"\"reason\": \"r2\"",
		"\"decision\": \"consensus\"",
		"\"code\": \"vote.twice\"",
		NULL,
	});
	out_close(&ws.a);
	out_close(&ws.b);
}

/* Values of every size for a template's holes */
static const int64_t edge_numbers[] = { 0, 1, 9, 10, 99, 100, 4095, 4096, 123456789012, -1, -40, INT64_MAX, INT64_MIN };
#define N_EDGE (sizeof edge_numbers / sizeof edge_numbers[0])

/* Strings that need escapes, are long (past a short string's fast copy,
** and past a kept string's room), empty, or not ASCII */
static const char *edge_string(struct run *R, unsigned k)
{
	static const char *const some[] = {
		"", "a", "say \"no\"", "back\\slash", "tab\there", "line\nbreak", "\x01\x1f control", "caf\xc3\xa9 \xe2\x82\xac",
	};
	if (k % 3 != 2)
		return some[k % (sizeof some / sizeof some[0])];
	size_t n = 100 + 97 * (k % 7); /* 100 to 682 bytes */
	char *s = arena_alloc(&R->f.arena, n + 1);
	for (size_t i = 0; i < n; i++)
		s[i] = "ab\"cd\\ef gh\n"[(i * 7 + k) % 13];
	s[n] = '\0';
	return s;
}

/* Put edge values into the holes of r's motions (those written from a
** template afresh: number, title, counts, the quorum's present and
** attendees, the votes needed); k picks them. */
static void put_edges(struct run *R, struct meeting_result *r, unsigned k)
{
	for (unsigned i = 0; i < r->n_motions; i++) {
		struct motion_result *mr = &r->motions[i];
		struct rec_motion *mo = (struct rec_motion *)mr->motion;
		unsigned e = k * 31 + i * 7;
		mo->title = edge_string(R, e);
		static const char *const numbers[] = { "7", "12", "100", "1000", "12a", "007", "", "1\"", "9\n" };
		if (e % 2 == 0)
			mo->number = numbers[(e / 2) % (sizeof numbers / sizeof numbers[0])];
		else if (e % 5 == 1)
			mo->number = edge_string(R, e / 5);
		struct counts *c = arena_alloc(&R->f.arena, sizeof *c);
		memcpy(c, mr->counts, sizeof *c); /* the rules' own counts (their workings') are not changed */
		for (unsigned j = 0; j < COUNT__N; j++)
			if ((e + j) % 3 == 0)
				c->n[j] = edge_numbers[(e + j) % N_EDGE];
		mr->counts = c;
		mr->quorum_present = edge_numbers[e % N_EDGE];
		mr->quorum_attendees = edge_numbers[(e + 3) % N_EDGE];
		for (unsigned j = 0; j < mr->n_reqs; j++)
			if (mr->reqs[j].has_needed && (e + j) % 2)
				mr->reqs[j].needed = edge_numbers[(e + j) % N_EDGE];
	}
}

/* The terms' plan for judging as a replay does, and the writers open */
static struct judge_plan *plan_and_writers(struct run *R, struct writers *ws, struct jw_kept *kept)
{
	struct judge_plan *plan = judge_plan_new(&R->f.arena, load_terms(R));
	writers_open(ws, kept);
	return plan;
}

/*
** Motions written from their templates (a replay's writer: jw_keep) and
** the usual way (a writer without slots), judged with one plan for all
** meetings (as replay judges: each rule's steps are the plan's, and its
** numbers are kept by them), some with edge values in their holes, and
** a shape more than meeting_text writes: a motion held online.
*/
static void test_motion_templates(void **state)
{
	FIXTURE_ENTER(struct run, R);
	static struct jw_kept kept;
	static struct writers ws;
	struct judge_plan *plan = plan_and_writers(R, &ws, &kept);
	for (unsigned round = 0; round < 3; round++) {
		for (unsigned seed = 0; seed < 200; seed++) {
			char text[8192];
			unsigned present = 1 + (seed * 7 + round) % 10; /* below 4: not quorate */
			size_t n = strlen(meeting_text(text, sizeof text, present, seed)) - 2; /* without its "}\n" */
			/* and attributes of every kind, some at a motion that declares an interest */
			static const char *const kinds[] = { "plan", "say \\\"no\\\"", "", "back\\\\slash" };
			snprintf(text + n, sizeof text - n,
			         "  motion 11 \"online\" amount %u {\n    virtual on 2024-05-1%u\n    tally for %u against 1\n  }\n"
			         "  motion 12 \"many\" financial amount %u.%u kind \"%s\" urgent%s {\n%s    tally for %u against 1\n  }\n}\n",
			         seed % 5, seed % 10, seed % 4, seed * 37, seed % 3, kinds[seed % 4], seed % 2 ? " amount2 7" : "",
			         seed % 3 == 0 ? "    interest m2 \"r\"\n" : seed % 3 == 1 ? "    interest m3\n" : "", seed % 5);
			const struct meeting *m = read_meeting(R, text);
			struct meeting_result *r = eval_meeting_planned(&R->f.arena, plan, m);
			assert_non_null(r);
			if (round == 2 || seed % 4 == 1)
				put_edges(R, r, seed + round);
			report_json_meeting(&ws.kw, r);
			report_json_meeting(&ws.fw, r);
		}
	}
	/* the shapes and values are there */
	writers_compare(&ws, (const char *const[]){
		"\"virtual_on\": \"2024-05-1",
		"\"quorate\": false",
		"\"recorded\": \"for\"", /* a casting vote: its lines a hole */
		"\"reason\": \"r2\"",
		"\"members\": -9223372036854775808",
		"\"needed\": 123456789012",
		"\"title\": \"say \\\"no\\\"\"",
		"\\u0001\\u001f control",
		"\"financial\": true,\n",
		"\"kind\": \"say \\\"no\\\"\"",
		"\"amount2\": \"7\"",
		"\"member\": \"m3\",\n",
		NULL,
	});
	/* and most motions were written from templates, their rules' numbers kept */
	unsigned templates = 0, lines = 0;
	for (size_t i = 0; i < sizeof kept.templates / sizeof kept.templates[0]; i++)
		templates += kept.templates[i].n_key != 0;
	for (size_t i = 0; i < sizeof kept.lines / sizeof kept.lines[0]; i++)
		lines += kept.lines[i].state != 0;
	assert_true(templates >= 20);
	assert_true(lines >= 50);
	out_close(&ws.a);
	out_close(&ws.b);
}

/* r written by both writers, in `depth` arrays */
static void write_at_depth(struct writers *ws, const struct meeting_result *r, unsigned depth)
{
	for (unsigned d = 0; d < depth; d++) {
		jw_begin_array(&ws->kw);
		jw_begin_array(&ws->fw);
	}
	report_json_meeting(&ws->kw, r);
	report_json_meeting(&ws->fw, r);
	for (unsigned d = 0; d < depth; d++) {
		jw_end_array(&ws->kw);
		jw_end_array(&ws->fw);
	}
}

/*
** The counts' lines as a replay's writer writes them (from their tails
** where all of a motion's counts are small and the depth is at most 7,
** else from their heads, made for the depth they are at: report_json's
** small_count_line, count_line_from_head) and
** as a writer without slots does, for every count from -2 to 130 in every
** line, at depths where the heads fit and deeper where they do not.
*/
static void test_count_lines(void **state)
{
	FIXTURE_ENTER(struct run, R);
	static struct jw_kept kept;
	static struct writers ws;
	struct judge_plan *plan = plan_and_writers(R, &ws, &kept);
	char text[8192];
	const struct meeting *m = read_meeting(R, meeting_text(text, sizeof text, 6, 3));
	for (unsigned depth = 0; depth < 12; depth++) {
		for (unsigned v = 0; v < 133; v += 7) {
			struct meeting_result *r = eval_meeting_planned(&R->f.arena, plan, m);
			assert_non_null(r);
			for (unsigned i = 0; i < r->n_motions; i++) {
				struct counts *c = arena_alloc(&R->f.arena, sizeof *c);
				memcpy(c, r->motions[i].counts, sizeof *c);
				for (unsigned j = 0; j < COUNT__N; j++) /* each line every value, over the motions */
					c->n[j] = (int64_t)((v + i + j * 3) % 133) - 2;
				r->motions[i].counts = c;
			}
			write_at_depth(&ws, r, depth);
		}
	}
	writers_compare(&ws, (const char *const[]){
		"\"yes\": 57,",
		"\"no\": -2,",
		"\"members\": 130,",
		NULL,
	});
	out_close(&ws.a);
	out_close(&ws.b);
}

/*
** Findings as a replay's writer writes them (at once, where they have a
** place and no suggestion: report_json's json_finding_at_once) and as a
** writer without slots does: every code with every severity, a clause or
** none, messages and files' names plain, with escapes and long, a place
** or none, a rule cited or none, a suggestion or none, in a meeting at
** every depth the writer has.
*/
static void test_findings_at_once(void **state)
{
	FIXTURE_ENTER(struct run, R);
	static struct jw_kept kept;
	static struct writers ws;
	const struct terms *t = load_terms(R);
	struct judge_plan *plan = judge_plan_new(&R->f.arena, t);
	writers_open(&ws, &kept);
	const struct meeting *m = read_meeting(R, "meeting \"M\" on 2024-05-14 {\n  terms \"T\"\n  chair l1\n  present l1, m1, m2, m3\n}\n");
	const struct source *record = m->src, *terms = t->src;
	struct source *odd = arena_alloc(&R->f.arena, sizeof *odd);
	source_from_memory(odd, &R->f.arena, "we\"ird\tname.tor", "rule\nx\n", 7);
	char long_message[700];
	memset(long_message, 'w', sizeof long_message - 1);
	long_message[sizeof long_message - 1] = '\0';
	static const char *const clauses[] = { NULL, "3.1", "a \"quoted\" clause" };
	const char *const messages[] = { "not quorate at this motion: present >= 8, 7 >= 8", "a tab\there", long_message, "" };
	struct diag_fixit fix = { .loc = { record, 3, 9 }, .text = "m2" };
	unsigned i = 0, v = 0;
	for (unsigned depth = 0; depth < JSON_MAX_DEPTH; depth++) {
		for (unsigned k = 0; k < 40; k++, i++) {
			struct meeting_result *r = eval_meeting_planned(&R->f.arena, plan, m);
			assert_non_null(r);
			r->findings = (struct finding_list){ 0 };
			for (unsigned j = 0; j < 1 + i % 4; j++, v++) { /* one to four in a list */
				struct finding *f = arena_alloc(&R->f.arena, sizeof *f);
				*f = (struct finding){ .code = (enum finding_code)(v % F__COUNT), .sev = (enum finding_severity)(v / 7 % 4),
					               .clause = clauses[v / 3 % 3], .message = messages[v / 5 % 4] };
				if (v % 11)
					f->where = (struct loc){ v % 17 == 1 ? odd : record, (uint32_t)(v * 37 % record->len), 0 };
				if (v % 3 == 0)
					f->rule = (struct loc){ terms, (uint32_t)(v * 101 % terms->len), 0 };
				else if (v % 3 == 1 && v % 2)
					f->rule = (struct loc){ odd, (uint32_t)(v % 7), 0 };
				if (v % 13 == 0)
					f->fix = &fix;
				if (r->findings.last)
					r->findings.last->next = f;
				else
					r->findings.first = f;
				r->findings.last = f;
				r->findings.n++;
			}
			write_at_depth(&ws, r, depth);
		}
	}
	writers_compare(&ws, (const char *const[]){
		"\"code\": \"quorum.inquorate\",\n",
		"\"severity\": \"error\",\n",
		"\"rule\": {\n",
		"\"file\": \"we\\\"ird\\tname.tor\"",
		"\"suggestion\": {\n",
		NULL,
	});
	out_close(&ws.a);
	out_close(&ws.b);
}

/* Terms whose motions have one or two rules: one for the quorum, and one
** for a class or none (class c) */
static const char few_rules_terms[] =
	"terms \"U\" {\n"
	"  effective 2024-01-01\n"
	"  role m \"Member\" voting\n"
	"  member m1 \"M 1\" m\n  member m2 \"M 2\" m\n  member m3 \"M 3\" m\n  member m4 \"M 4\" m\n"
	"  quorum \"q\" {\n    require present >= 2\n  }\n"
	"  class a \"a\" {\n    when motion.amount == 1\n    require yes > no\n  }\n"
	"  class b \"b\" {\n    when motion.amount == 2\n    require yes >= 2\n  }\n"
	"  class c \"c\" {\n    to be agreed\n  }\n"
	"}\n";

/*
** Motions of one or two rules, whose templates are found by their first
** and last rule (report_json's same_rules), written from them as a
** writer without slots writes them; and each shape kept once: a motion
** whose template is kept is written from it, not recorded again into
** another slot.
*/
static void test_templates_of_few_rules(void **state)
{
	FIXTURE_ENTER(struct run, R);
	const struct terms *t = load_terms_text(R, few_rules_terms);
	static struct jw_kept kept;
	static struct writers ws;
	writers_open(&ws, &kept);
	static const char *const present[] = { "m1", "m1, m2", "m1, m2, m3", "m1, m2, m3, m4" };
	for (unsigned seed = 0; seed < 120; seed++) {
		char text[1024];
		unsigned yes = seed % 4, no = seed / 4 % 3;
		snprintf(text, sizeof text,
		         "meeting \"M%u\" on 2024-05-14 {\n  terms \"U\"\n  chair m1\n  present %s\n"
		         "  motion 1 \"a\" amount 1 {\n    tally for %u against %u\n  }\n"
		         "  motion 2 \"b\" amount 2 {\n    tally for %u against %u\n%s  }\n"
		         "  motion 3 \"none\" {\n    tally for %u against %u\n  }\n}\n",
		         seed, present[seed / 12 % 4], yes, no, no, yes, seed % 5 ? "" : "    recorded carried\n", yes, yes);
		const struct meeting_result *r = eval_meeting(&R->f.arena, t, read_meeting(R, text));
		assert_non_null(r);
		report_json_meeting(&ws.kw, r);
		report_json_meeting(&ws.fw, r);
	}
	writers_compare(&ws, (const char *const[]){
		"\"requires\": []",
		"\"rule\": \"yes >= 2\"",
		NULL,
	});
	unsigned templates = 0;
	for (size_t i = 0; i < sizeof kept.templates / sizeof kept.templates[0]; i++) {
		const struct jw_template *a = &kept.templates[i];
		if (!a->n_key)
			continue;
		templates++;
		assert_true(a->n_key <= 4); /* flags, class, and one or two rules */
		for (size_t j = i + 1; j < sizeof kept.templates / sizeof kept.templates[0]; j++) {
			const struct jw_template *b = &kept.templates[j];
			assert_false(b->n_key == a->n_key && !memcmp(a->key, b->key, a->n_key * sizeof a->key[0]));
		}
	}
	assert_true(templates >= 6);
	out_close(&ws.a);
	out_close(&ws.b);
}

/* text's meeting on a date every third day or so from 2024-01-26 by
** seed, through leap and common Februaries and years' ends */
static char *dated(char *text, unsigned seed)
{
	char *on = strstr(text, " on 2024-05-14 ");
	assert_non_null(on);
	qdate from;
	assert_int_equal(date_from_ymd(2024, 1, 26, &from), DATE_OK);
	char d[DATE_FMT_MAX];
	memcpy(on + 4, date_format(from + (qdate)(seed * 3 + seed % 2), d), 10);
	return text;
}

/*
** Meetings as a replay writes them (report_json_replay_meeting): by a
** writer with slots and its head kept, from fixed pieces; by one without,
** the usual way; over meetings of record files and digests in turn (one
** name's text changed in place, at the same address), names and titles
** that need escapes or are long, meetings with and without findings or
** motions, dates through many months, and large numbers in the summary.
*/
static void test_replay_meetings(void **state)
{
	FIXTURE_ENTER(struct run, R);
	/* two versions of the terms, in turn: their "terms" differ */
	char later[sizeof terms_text];
	memcpy(later, terms_text, sizeof terms_text);
	memcpy(strstr(later, "effective 2024-01-01"), "effective 2024-02-01", 20);
	const struct terms *versions[2] = { load_terms(R), load_terms_text(R, later) };
	static struct jw_kept kept;
	static struct json_meeting_kept head;
	static struct writers ws;
	writers_open(&ws, &kept);
	head.valid = false;
	head.terms = NULL;
	head.month_first = 0;
	head.month_days = 0;
	jw_begin_array(&ws.kw); /* the depth of a replay's "meetings" */
	jw_begin_array(&ws.fw);
	char long_name[300];
	memset(long_name, 'n', sizeof long_name - 1);
	long_name[sizeof long_name - 1] = '\0';
	unsigned kept_heads = 0;
	char in_place[32]; /* one address, its text changed: compared by content */
	static const char *const titles[] = { "Plain", "say \\\"no\\\"", "back\\\\slash", "" };
	for (unsigned seed = 0; seed < 240; seed++) {
		char text[8192];
		const struct meeting *m;
		if (seed % 11 == 5 || seed % 11 == 8) { /* no motions, or one; a chair not on the roster: a finding */
			snprintf(text, sizeof text,
			         "meeting \"%s %u\" on 2024-05-14 {\n  terms \"T\"\n  chair %s\n  present l1, l2, m1, m2\n%s}\n",
			         titles[seed / 11 % 4], seed, seed % 2 ? "zed" : "l1",
			         seed % 11 == 8 ? "  motion 1 \"one\" {\n    tally for 3 against 1\n  }\n" : "");
			m = read_meeting(R, dated(text, seed));
		} else {
			meeting_text(text, sizeof text, 1 + seed * 7 % 10, seed);
			dated(text, seed);
			if (seed % 3 == 1) { /* the title "M<seed>" made one that needs escapes */
				char other[8300];
				const char *rest = strchr(text, '"') + 1;
				snprintf(other, sizeof other, "meeting \"%s %s", titles[seed / 3 % 4], rest);
				m = read_meeting(R, other);
			} else {
				m = read_meeting(R, text);
			}
		}
		const struct meeting_result *r = eval_meeting(&R->f.arena, versions[seed / 5 % 2], m);
		assert_non_null(r);
		struct meeting_result big = *r;
		if (seed % 7 == 3) {
			big.members = INT64_MAX;
			big.present_at_start = 1234567890123;
			big.count_by_sev[SEV_ERROR] = 4000000000u;
			big.count_by_sev[SEV_NOTE] = 100;
			big.mismatches = 65536;
		}
		snprintf(in_place, sizeof in_place, "p%u.minutes", seed / 9);
		static const char *const records[] = { "a.minutes", "b.minutes", "we\"ird.minutes", NULL, NULL };
		struct replay_meta meta;
		meta.record_file = records[seed / 4 % 5] ? records[seed / 4 % 5] : seed / 4 % 5 == 3 ? in_place : long_name;
		meta.terms_file = seed / 20 % 2 ? "terms.tor" : "other/terms.tor";
		for (unsigned i = 0; i < SHA256_HEX_SIZE - 1; i++) {
			meta.record_sha256[i] = "0123456789abcdef"[(i + seed / 6) % 16];
			meta.terms_sha256[i] = "0123456789abcdef"[(i * 3 + seed / 50) % 16];
		}
		meta.record_sha256[SHA256_HEX_SIZE - 1] = meta.terms_sha256[SHA256_HEX_SIZE - 1] = '\0';
		report_json_replay_meeting(&ws.kw, &head, &big, &meta);
		report_json_replay_meeting(&ws.fw, NULL, &big, &meta);
		kept_heads += head.valid; /* written from pieces (not the long name) */
	}
	jw_end_array(&ws.kw);
	jw_end_array(&ws.fw);
	/* the shapes were there: meetings with findings and without, titles escaped, no motions */
	writers_compare(&ws, (const char *const[]){
		"\n        \"findings\": [],",
		"\n        \"findings\": [\n",
		"\"title\": \"say \\\"no\\\" ",
		"\"motions\": [],",
		"\"members\": 9223372036854775807,",
		"\"file\": \"p3.minutes\"",
		"\"effective\": \"2024-02-01\"",
		"\"date\": \"2024-02-29\"",
		"\"date\": \"2024-12-31\"",
		"\"date\": \"2025-01-02\"",
		NULL,
	});
	assert_true(kept_heads >= 130);
	out_close(&ws.a);
	out_close(&ws.b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_kept_workings, setup, teardown),
		cmocka_unit_test_setup_teardown(test_motion_templates, setup, teardown),
		cmocka_unit_test_setup_teardown(test_count_lines, setup, teardown),
		cmocka_unit_test_setup_teardown(test_findings_at_once, setup, teardown),
		cmocka_unit_test_setup_teardown(test_templates_of_few_rules, setup, teardown),
		cmocka_unit_test_setup_teardown(test_replay_meetings, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
** Unit tests for src/report/report_json.c: a requirement's working written
** by a replay's writer (jw_keep: kept once for what it is a function of,
** then copied) is the working written afresh, for rules of every shape
** (fractions, rounding, parentheses, `not`, role lists, rule calls, more
** comparisons than one) over many counts, with the writer's memos shared
** by every meeting; and so is every motion written with its blocks kept
** (jw_block: from "class" to "quorum", from "decision" to its end, by
** what they are made of), whatever it declares, decides and finds.
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

static void test_kept_workings(void **state)
{
	FIXTURE_ENTER(struct run, R);
	struct source tsrc;
	struct ast_file tfile;
	source_from_memory(&tsrc, &R->f.arena, "terms.tor", terms_text, strlen(terms_text));
	const struct node *tn =
		parse_file(&R->f.arena, &R->f.diag, &tsrc, &tfile) ? NULL : fixture_first_item(&tfile, N_TERMS);
	const struct terms *t = tn ? sema_terms(&R->f.arena, &R->f.diag, &R->f.ld, tn, &tsrc) : NULL;
	if (!t) {
		fixture_dump_diags(&R->f);
		fail_msg("the terms do not check");
	}
	static struct jw_kept kept;
	struct out a, b;
	out_open(&a);
	out_open(&b);
	struct json_writer kw, fw; /* kept, and afresh */
	jw_init(&kw, a.f);
	jw_keep(&kw, &kept);
	jw_init(&fw, b.f);
	jw_begin_array(&kw);
	jw_begin_array(&fw);
	for (unsigned round = 0; round < 2; round++) {
		for (unsigned seed = 0; seed < 300; seed++) {
			char text[8192];
			unsigned present = 1 + (seed * 7 + round) % 10;
			struct source *msrc = arena_alloc(&R->f.arena, sizeof *msrc);
			struct ast_file *mfile = arena_alloc(&R->f.arena, sizeof *mfile);
			const char *mt = arena_strdup(&R->f.arena, meeting_text(text, sizeof text, present, seed));
			source_from_memory(msrc, &R->f.arena, "m.minutes", mt, strlen(mt));
			const struct node *mn =
				parse_file(&R->f.arena, &R->f.diag, msrc, mfile) ? NULL : fixture_first_item(mfile, N_MEETING);
			const struct meeting *m = mn ? minutes_from_ast(&R->f.arena, &R->f.diag, mn, msrc) : NULL;
			if (!m) {
				fixture_dump_diags(&R->f);
				fail_msg("the record does not read: %s", mt);
			}
			const struct meeting_result *r = eval_meeting(&R->f.arena, t, m);
			assert_non_null(r);
			report_json_meeting(&kw, r);
			report_json_meeting(&fw, r);
		}
	}
	jw_end_array(&kw);
	jw_end_array(&fw);
	jw_finish(&kw);
	jw_finish(&fw);
	const char *got = out_text(&a), *want = out_text(&b);
	assert_non_null(strstr(want, "\"working\": \"1 >= 1\""));
	assert_non_null(strstr(want, "\"working\": \"not ("));
	assert_non_null(strstr(want, " rounded up = "));
	assert_non_null(strstr(want, "\"code\": \"outcome.mismatch\""));
	assert_non_null(strstr(want, "\"reason\": \"r2\""));
	assert_non_null(strstr(want, "\"decision\": \"consensus\""));
	assert_non_null(strstr(want, "\"code\": \"vote.twice\""));
	assert_string_equal(got, want);
	out_close(&a);
	out_close(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_kept_workings, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

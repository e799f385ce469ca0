/*
** Unit tests for the public API (include/quorate.h, src/api/quorate.c), used
** as an embedding program would: only the public header.  Run from the
** repository root (the example files and stdlib/ are read from there).
*/
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "quorate.h"

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	char *buf = malloc(1 << 20);
	assert_non_null(buf);
	*len = fread(buf, 1, 1 << 20, f);
	fclose(f);
	return buf;
}

static const char minimal_terms[] =
	"terms \"T\" {\n effective 2024-01-01\n role m \"M\" voting\n member a \"A\" m\n member b \"B\" m\n"
	" member c \"C\" m\n quorum { require present >= 2 }\n class all { require yes > half of cast }\n}\n";

/* The example of language.md through the API: motion 2 is not carried. */
static void test_anytown(void **state)
{
	(void)state;
	size_t tl, rl;
	char *terms = slurp("examples/anytown/terms.tor", &tl);
	char *record = slurp("examples/anytown/2024-05-14.minutes", &rl);
	qr_session *s = qr_session_new();
	assert_non_null(s);
	assert_int_equal(qr_session_add_search_dir(s, "stdlib"), 0);
	const qr_terms *t = qr_load_terms(s, "terms.tor", terms, tl);
	assert_non_null(t);
	const qr_result *r = qr_eval(s, t, "may.minutes", record, rl);
	assert_non_null(r);
	assert_int_equal(qr_result_motion_count(r), 3);
	struct qr_motion m;
	assert_int_equal(qr_result_motion(r, 1, &m), 0);
	assert_string_equal(m.number, "2");
	assert_string_equal(m.outcome, "not carried");
	assert_string_equal(m.recorded, "carried");
	assert_string_equal(m.class_name, "financial");
	assert_string_equal(m.clause, "3.3.3");
	assert_int_equal(m.quorate, 1);
	assert_int_equal(m.members, 9);
	assert_int_equal(m.yes, 4);
	assert_int_equal(m.conflicted, 1);
	assert_int_equal(qr_result_finding_count(r, 1), 1);
	struct qr_finding f;
	assert_int_equal(qr_result_finding(r, 1, 0, &f), 0);
	assert_string_equal(f.code, "outcome.mismatch");
	assert_string_equal(f.severity, "breach");
	assert_string_equal(f.file, "may.minutes");
	assert_int_equal(f.line, 18);
	assert_true(qr_result_failed(r));
	/* out of range and the meeting's own findings */
	assert_int_equal(qr_result_motion(r, 3, &m), -1);
	assert_int_equal(qr_result_finding(r, 1, 1, &f), -1);
	assert_int_equal(qr_result_finding_count(r, QR_MEETING), 0);
	assert_int_equal(qr_result_finding(r, QR_MEETING, 0, &f), -1);
	assert_int_equal(qr_result_finding_count(r, 99), 0);
	assert_false(qr_session_out_of_memory(s));
	qr_session_free(s);
	free(terms);
	free(record);
}

/* A JSON record (with a byte-order mark) gives the same result. */
static void test_json_record(void **state)
{
	(void)state;
	size_t rl;
	char *json = slurp("examples/json/anytown-2024-05-14.json", &rl);
	char *bom = malloc(rl + 3);
	assert_non_null(bom);
	memcpy(bom, "\xEF\xBB\xBF", 3);
	memcpy(bom + 3, json, rl);
	size_t tl;
	char *terms = slurp("examples/anytown/terms.tor", &tl);
	qr_session *s = qr_session_new();
	qr_session_add_search_dir(s, "stdlib");
	const qr_terms *t = qr_load_terms(s, "terms.tor", terms, tl);
	const qr_result *r = qr_eval(s, t, "may.json", bom, rl + 3);
	assert_non_null(r);
	struct qr_motion m;
	qr_result_motion(r, 1, &m);
	assert_string_equal(m.outcome, "not carried");
	qr_session_free(s);
	free(terms);
	free(json);
	free(bom);
}

/* Errors come back as diagnostics with their location; nothing is printed. */
static void test_diagnostics(void **state)
{
	(void)state;
	qr_session *s = qr_session_new();
	static const char broken[] = "terms \"T\" {\n  effective 2024-13-01\n}\n";
	assert_null(qr_load_terms(s, "broken.tor", broken, strlen(broken)));
	assert_true(qr_diag_count(s) >= 1);
	struct qr_diag d;
	assert_int_equal(qr_diag_get(s, 0, &d), 0);
	assert_string_equal(d.severity, "error");
	assert_string_equal(d.code, "date.invalid");
	assert_string_equal(d.file, "broken.tor");
	assert_int_equal(d.line, 2);
	assert_int_equal(d.column, 13);
	assert_null(d.suggestion);
	assert_int_equal(qr_diag_get(s, qr_diag_count(s), &d), -1);
	/* a diagnostic with a fix-it gives its text and the span it replaces */
	static const char glued[] = "terms \"T\" {\n  notice papers 5days before\n}\n";
	size_t before = qr_diag_count(s);
	assert_null(qr_load_terms(s, "glued.tor", glued, strlen(glued)));
	assert_int_equal(qr_diag_get(s, before, &d), 0);
	assert_string_equal(d.code, "token");
	assert_string_equal(d.suggestion, "5 days");
	assert_int_equal(d.suggestion_line, 2);
	assert_int_equal(d.suggestion_column, 17);
	assert_int_equal(d.suggestion_end_line, 2);
	assert_int_equal(d.suggestion_end_column, 22);
	/* no terms block; a record that is not a meeting; NULL terms */
	assert_null(qr_load_terms(s, "empty.tor", "", 0));
	const qr_terms *t = qr_load_terms(s, "t.tor", minimal_terms, strlen(minimal_terms));
	assert_non_null(t);
	assert_null(qr_eval(s, t, "x.minutes", "rule r = yes > 0\n", 17));
	assert_null(qr_eval(s, NULL, "x.minutes", "", 0));
	assert_null(qr_eval(s, t, "bad.json", "{ \"meeting\": 3 }", 16));
	/* results of NULL are empty, and "failed" */
	assert_int_equal(qr_result_motion_count(NULL), 0);
	assert_int_equal(qr_result_finding_count(NULL, 0), 0);
	assert_true(qr_result_failed(NULL));
	qr_session_free(s);
	qr_session_free(NULL);
}

/* The library reads files by the policy of every command
** (docs/reference.md#files): one terms block, one meeting, nothing stray. */
static void test_file_policy(void **state)
{
	(void)state;
	qr_session *s = qr_session_new();
	struct qr_diag d;
	/* two terms blocks: an error at the second, never "the first" */
	char two[1024];
	snprintf(two, sizeof two, "%s%s", minimal_terms, minimal_terms);
	assert_null(qr_load_terms(s, "two.tor", two, strlen(two)));
	assert_int_equal(qr_diag_get(s, qr_diag_count(s) - 1, &d), 0);
	assert_string_equal(d.code, "context");
	assert_int_equal(d.line, 10);
	/* a rule beside the terms block belongs to no terms */
	char stray[1024];
	snprintf(stray, sizeof stray, "%srule r = yes > 0\n", minimal_terms);
	size_t before = qr_diag_count(s);
	assert_null(qr_load_terms(s, "stray.tor", stray, strlen(stray)));
	assert_int_equal(qr_diag_get(s, before, &d), 0);
	assert_string_equal(d.code, "context");
	assert_int_equal(d.line, 10);
	/* two meetings where one is judged */
	const qr_terms *t = qr_load_terms(s, "t.tor", minimal_terms, strlen(minimal_terms));
	assert_non_null(t);
	static const char meeting[] = "meeting \"M\" on 2024-05-14 {\n present a, b\n motion 1 \"x\" { for a, b recorded carried }\n}\n";
	char meetings[512];
	snprintf(meetings, sizeof meetings, "%s%s", meeting, meeting);
	before = qr_diag_count(s);
	assert_null(qr_eval(s, t, "two.minutes", meetings, strlen(meetings)));
	assert_int_equal(qr_diag_get(s, before, &d), 0);
	assert_int_equal(d.line, 5);
	const qr_result *r = qr_eval(s, t, "one.minutes", meeting, strlen(meeting));
	assert_non_null(r);
	assert_false(qr_result_failed(r));
	/* a name ending in .json says JSON, whatever the text */
	before = qr_diag_count(s);
	assert_null(qr_eval(s, t, "one.json", meeting, strlen(meeting)));
	assert_true(qr_diag_count(s) > before);
	qr_session_free(s);
}

/* Search directories: the stdlib stays last; there is a limit. */
static void test_search_dirs(void **state)
{
	(void)state;
	qr_session *s = qr_session_new();
	int added = 0;
	while (qr_session_add_search_dir(s, "/nonexistent") == 0)
		added++;
	assert_true(added >= 30);
	assert_int_equal(qr_session_add_search_dir(s, "stdlib"), -1);
	/* std.majorities is not on the path: a located error */
	static const char uses[] = "terms \"T\" {\n use std.majorities\n}\n";
	assert_null(qr_load_terms(s, "u.tor", uses, strlen(uses)));
	struct qr_diag d;
	qr_diag_get(s, 0, &d);
	assert_string_equal(d.code, "use.not-found");
	qr_session_free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_anytown),
		cmocka_unit_test(test_json_record),
		cmocka_unit_test(test_diagnostics),
		cmocka_unit_test(test_file_policy),
		cmocka_unit_test(test_search_dirs),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

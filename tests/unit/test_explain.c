/*
** Unit tests for src/run/explain.c's smallest quorum (issue 19 item 9),
** checked against eval for every terms file in the repository.
**
** explain finds the smallest quorate attendance by asking decide; here each
** answer is checked through eval, from a meeting record as a secretary
** would write it: a meeting of exactly explain's example attendance is
** quorate, and no meeting of one person fewer is.  "No meeting" is every
** one: people whose voting and whose role lists the quorum rules can name
** are alike (every count a rule can name counts them the same), so one
** record per mix of such kinds of people, at the smaller number, stands for
** every meeting of that size.  The terms are every `terms` block of every
** .tor file under examples/, stdlib/ and tests/ that checks without error
** (run from the repository root).
*/
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"

#include <dirent.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "base/sbuf.h"
#include "check/terms_file.h"
#include "record/record_file.h"
#include "run/explain.h"
#include "run/eval.h"

struct state {
	struct fixture f;
};
FIXTURE_STATE(struct state)

/* Meetings of one fewer tried per terms block, at most. */
#define SMALLER_MAX 20000

/* People the quorum rules cannot tell apart (the argument above). */
struct kind {
	bool voting;
	uint64_t bits;
	VEC(const char *) ids;
};

struct check {
	struct arena *a;
	const struct terms *t;
	qdate day;
	struct kind *kinds;
	unsigned n_kinds;
	int64_t *take;
	unsigned tried;             /* meetings of one fewer judged */
	unsigned files, blocks;     /* what was checked, over the run */
};

/* Is the meeting of these people quorate at its one motion, under eval? */
static bool eval_quorate(struct check *c, const char **ids, size_t n)
{
	const struct terms *t = c->t;
	struct sbuf b;
	sbuf_init(&b, c->a);
	char d[DATE_FMT_MAX];
	sbuf_addf(&b, "meeting \"Smallest quorum\" on %s {\n", date_format(c->day, d));
	for (int voting = 1; voting >= 0; voting--) {
		const char *sep = voting ? "  present " : "  attending ";
		for (size_t i = 0; i < n; i++) {
			int m = terms_find_member(t, ids[i]);
			assert_true(m >= 0);
			if (t->members[m].voting != (voting == 1))
				continue;
			sbuf_addf(&b, "%s%s", sep, ids[i]);
			sep = ", ";
		}
		if (strcmp(sep, ", ") == 0)
			sbuf_add(&b, "\n");
	}
	sbuf_add(&b, "  motion 1 \"A question\" {\n  }\n}\n");
	const char *text = sbuf_str(&b);
	struct source src;
	source_from_memory(&src, c->a, "smallest.minutes", text, strlen(text));
	struct diag_sink diag;
	diag_init(&diag, c->a);
	struct meeting *m = record_read_one(c->a, &diag, &src);
	if (!m || diag.n_errors)
		fail_msg("%s: the record of the attendance does not read:\n%s", t->name, text);
	struct meeting_result *r = eval_meeting(c->a, t, m);
	assert_int_equal(r->n_motions, 1);
	const struct motion_result *mr = &r->motions[0];
	assert_true(mr->quorum_known);
	return mr->quorate;
}

/* Every mix of kinds giving `left` more people from kinds j..: none quorate. */
static void none_quorate(struct check *c, unsigned j, int64_t left)
{
	if (j == c->n_kinds) {
		if (left > 0)
			return;
		VEC(const char *) ids = { 0 };
		for (unsigned k = 0; k < c->n_kinds; k++)
			for (int64_t i = 0; i < c->take[k]; i++)
				VEC_PUSH(c->a, ids, c->kinds[k].ids.items[i]);
		c->tried++;
		if (c->tried > SMALLER_MAX)
			fail_msg("%s: more than %d meetings of one fewer to try", c->t->name, SMALLER_MAX);
		if (eval_quorate(c, ids.items, ids.n)) {
			char list[512] = "";
			for (size_t i = 0; i < ids.n && strlen(list) < 400; i++)
				snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s", i ? ", " : "", ids.items[i]);
			fail_msg("%s: %s (%zu people) is quorate under eval, fewer than explain's smallest", c->t->name, list,
			         ids.n);
		}
		return;
	}
	int64_t have = (int64_t)c->kinds[j].ids.n;
	for (int64_t k = 0; k <= have && k <= left; k++) {
		c->take[j] = k;
		none_quorate(c, j + 1, left - k);
	}
	c->take[j] = 0;
}

static void gather_kinds(struct check *c)
{
	const struct terms *t = c->t;
	c->kinds = arena_array(c->a, t->n_members + 1, sizeof *c->kinds);
	c->n_kinds = 0;
	for (unsigned i = 0; i < t->n_members; i++) {
		const struct member *mb = &t->members[i];
		if (!terms_member_active(mb, c->day))
			continue;
		uint64_t bits = 0;
		for (unsigned k = 0; k < t->n_masks; k++)
			bits |= (uint64_t)((mb->groups & t->masks[k]) != 0) << k;
		unsigned j = 0;
		while (j < c->n_kinds && (c->kinds[j].voting != mb->voting || c->kinds[j].bits != bits))
			j++;
		if (j == c->n_kinds)
			c->kinds[c->n_kinds++] = (struct kind){ mb->voting, bits, { 0 } };
		VEC_PUSH(c->a, c->kinds[j].ids, mb->id);
	}
	c->take = arena_array(c->a, c->n_kinds + 1, sizeof *c->take);
}

/* One version of the terms: explain's smallest quorum against eval. */
static void check_terms(struct check *c, const struct terms *t)
{
	c->t = t;
	c->day = t->effective;
	if (!t->has_effective)
		assert_int_equal(date_from_ymd(2024, 1, 1, &c->day), DATE_OK);
	c->blocks++;
	struct explanation *x = explain_terms(c->a, t);
	assert_false(x->quorum_min_cut);
	if (t->quorum_tba || t->n_quorum == 0) {
		assert_int_equal(x->quorum_min, -1);
		assert_null(x->quorum_summary);
		return;
	}
	gather_kinds(c);
	if (x->quorum_min < 0) {
		/* no attendance is quorate: not even everyone */
		VEC(const char *) all = { 0 };
		for (unsigned k = 0; k < c->n_kinds; k++)
			for (size_t i = 0; i < c->kinds[k].ids.n; i++)
				VEC_PUSH(c->a, all, c->kinds[k].ids.items[i]);
		assert_false(eval_quorate(c, all.items, all.n));
		return;
	}
	int64_t n = x->quorum_min + x->quorum_min_attendees;
	assert_int_equal((int64_t)x->quorum_example.n, n);
	if (!eval_quorate(c, x->quorum_example.items, x->quorum_example.n))
		fail_msg("%s: explain's smallest quorum (%lld) is not quorate under eval", t->name, (long long)n);
	if (n > 0)
		none_quorate(c, 0, n - 1);
}

static void check_file(struct check *c, struct fixture *f, const char *path)
{
	struct arena a;
	arena_init(&a, &f->mem);
	c->a = &a;
	struct diag_sink diag;
	diag_init(&diag, &a);
	struct loader ld;
	static const char *const stdlib_dirs[] = { "stdlib" };
	loader_init(&ld, &a, &diag, stdlib_dirs, 1);
	struct source src;
	const char *why;
	struct terms_file tf;
	if (source_load(&src, &a, path, &why) == 0 &&
	    terms_file_read(&a, &diag, &ld, &src, TERMS_EVERY, &tf) == 0 && !tf.is_module) {
		c->files++;
		for (unsigned i = 0; i < tf.n_terms; i++)
			check_terms(c, tf.terms[i]);
	}
	arena_free(&a);
}

static bool ends_with(const char *s, const char *tail)
{
	size_t n = strlen(s), k = strlen(tail);
	return n >= k && strcmp(s + n - k, tail) == 0;
}

/* Every .tor file under dir (no links followed). */
static void walk(struct check *c, struct fixture *f, const char *dir)
{
	DIR *d = opendir(dir);
	assert_non_null(d);
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		char path[4096];
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		struct stat st;
		if (lstat(path, &st) != 0)
			continue;
		if (S_ISDIR(st.st_mode))
			walk(c, f, path);
		else if (S_ISREG(st.st_mode) && ends_with(path, ".tor"))
			check_file(c, f, path);
	}
	closedir(d);
}

static void test_every_bundled_terms_file(void **state)
{
	FIXTURE_ENTER(struct state, x);
	struct check c = { 0 };
	walk(&c, &x->f, "examples");
	walk(&c, &x->f, "stdlib");
	walk(&c, &x->f, "tests");
	print_message("explain's smallest quorum against eval: %u files, %u versions, %u smaller meetings judged\n",
	              c.files, c.blocks, c.tried);
	assert_true(c.files >= 20);
}

/* Five practices, two observers, and the quorum under test between. */
static const char *const five_practices =
	"terms \"Five practices\" {\n"
	"  effective 2024-01-01\n"
	"  role rep \"Practice representative\" voting\n"
	"  role obs \"Observer\" attending\n"
	"  member a1 \"A One\" rep pa\n"
	"  member a2 \"A Two\" rep pa\n"
	"  member b1 \"B One\" rep pb\n"
	"  member c1 \"C One\" rep pc\n"
	"  member d1 \"D One\" rep pd\n"
	"  member e1 \"E One\" rep pe\n"
	"  member o1 \"O One\" obs\n"
	"  member o2 \"O Two\" obs\n"
	"  quorum ";
static const char *const five_practices_end = "\n  class ordinary { require yes > no }\n}\n";

static const struct terms *terms_of(struct state *x, const char *quorum)
{
	const char *text = arena_printf(&x->f.arena, "%s%s%s", five_practices, quorum, five_practices_end);
	struct source *src = arena_alloc(&x->f.arena, sizeof *src);
	source_from_memory(src, &x->f.arena, "five.tor", text, strlen(text));
	const struct terms *t = terms_file_one(&x->f.arena, &x->f.diag, &x->f.ld, src);
	assert_non_null(t);
	return t;
}

/* One member from each of five practices: five, not one. */
static void test_one_from_each_practice(void **state)
{
	FIXTURE_ENTER(struct state, x);
	const struct terms *t = terms_of(x, "{ require present(pa) >= 1 require present(pb) >= 1 "
	                                   "require present(pc) >= 1 require present(pd) >= 1 require present(pe) >= 1 }");
	struct explanation *e = explain_terms(&x->f.arena, t);
	assert_int_equal(e->quorum_min, 5);
	assert_int_equal(e->quorum_min_attendees, 0);
	assert_int_equal(e->quorum_example.n, 5);
	assert_string_equal(e->quorum_example.items[0], "a1");
	assert_string_equal(e->quorum_summary, "The quorum needs at least 5 of the 6 voting members present.");
	/* the table starts at the smallest quorum */
	assert_int_equal(e->rows.items[0].present, 5);
}

static void test_attendees_in_the_quorum(void **state)
{
	FIXTURE_ENTER(struct state, x);
	const struct terms *t = terms_of(x, "{ require present >= 2 require attendees >= 1 }");
	struct explanation *e = explain_terms(&x->f.arena, t);
	assert_int_equal(e->quorum_min, 2);
	assert_int_equal(e->quorum_min_attendees, 1);
	assert_string_equal(e->quorum_summary,
	                    "The quorum needs at least 2 of the 6 voting members present, and 1 of the 2 attendees without a vote.");
}

/* A quorum no attendance meets (sema refuses one written so: here the
** model is given a line that is never met). */
static void test_no_attendance_is_quorate(void **state)
{
	FIXTURE_ENTER(struct state, x);
	const struct terms *t = terms_of(x, "{ require present >= 1 }");
	struct terms *never = arena_alloc(&x->f.arena, sizeof *never);
	*never = *t;
	struct expr *no = arena_alloc(&x->f.arena, sizeof *no);
	no->kind = EX_CONST;
	no->type = VT_BOOL;
	no->constant.type = VT_BOOL;
	no->constant.u.boolean = false;
	struct requirement *q = arena_array(&x->f.arena, 1, sizeof *q);
	q[0] = t->quorum[0];
	q[0].cond = no;
	never->quorum = q;
	struct explanation *e = explain_terms(&x->f.arena, never);
	assert_int_equal(e->quorum_min, -1);
	assert_false(e->quorum_min_cut);
	assert_int_equal(e->quorum_example.n, 0);
	assert_string_equal(e->quorum_summary, "No attendance of the 6 voting members makes a quorum.");
}

/* A search that reaches its bound says so, and gives no number. */
static void test_search_bound(void **state)
{
	FIXTURE_ENTER(struct state, x);
	const struct terms *t = terms_of(x, "{ require present >= 4 }");
	struct explanation *e = explain_terms_bounded(&x->f.arena, t, 3);
	assert_true(e->quorum_min_cut);
	assert_int_equal(e->quorum_min, -1);
	assert_int_equal(e->quorum_tried, 3);
	assert_string_equal(e->quorum_summary,
	                    "The smallest quorate attendance was not found: the search stopped at its bound after 3 attendances.");
	e = explain_terms_bounded(&x->f.arena, t, 1000);
	assert_false(e->quorum_min_cut);
	assert_int_equal(e->quorum_min, 4);
}

/* More kinds of people than are searched (65 distinct sets of seven tags
** the quorum names): said, and no number given. */
static void test_too_many_kinds(void **state)
{
	FIXTURE_ENTER(struct state, x);
	struct sbuf b;
	sbuf_init(&b, &x->f.arena);
	sbuf_add(&b, "terms \"Many\" {\n  effective 2024-01-01\n  role m \"Member\" voting\n");
	for (unsigned i = 1; i <= EXPLAIN_MAX_KINDS + 1; i++) {
		sbuf_addf(&b, "  member p%u \"P %u\" m", i, i);
		for (unsigned k = 0; k < 7; k++)
			if ((i >> k) & 1)
				sbuf_addf(&b, " t%u", k + 1);
		sbuf_add(&b, "\n");
	}
	sbuf_add(&b, "  quorum {\n");
	for (unsigned k = 1; k <= 7; k++)
		sbuf_addf(&b, "    require present(t%u) >= 1\n", k);
	sbuf_add(&b, "  }\n  class ordinary { require yes > no }\n}\n");
	const char *text = sbuf_str(&b);
	struct source *src = arena_alloc(&x->f.arena, sizeof *src);
	source_from_memory(src, &x->f.arena, "many.tor", text, strlen(text));
	const struct terms *t = terms_file_one(&x->f.arena, &x->f.diag, &x->f.ld, src);
	assert_non_null(t);
	struct explanation *e = explain_terms(&x->f.arena, t);
	assert_true(e->quorum_min_cut);
	assert_int_equal(e->quorum_min, -1);
	assert_int_equal(e->quorum_tried, 0);
	assert_non_null(strstr(e->quorum_summary, "not found"));
}

static void test_quorum_to_be_agreed(void **state)
{
	FIXTURE_ENTER(struct state, x);
	const struct terms *t = terms_of(x, "{ to be agreed }");
	struct explanation *e = explain_terms(&x->f.arena, t);
	assert_int_equal(e->quorum_min, -1);
	assert_null(e->quorum_summary);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_one_from_each_practice, setup, teardown),
		cmocka_unit_test_setup_teardown(test_attendees_in_the_quorum, setup, teardown),
		cmocka_unit_test_setup_teardown(test_no_attendance_is_quorate, setup, teardown),
		cmocka_unit_test_setup_teardown(test_search_bound, setup, teardown),
		cmocka_unit_test_setup_teardown(test_too_many_kinds, setup, teardown),
		cmocka_unit_test_setup_teardown(test_quorum_to_be_agreed, setup, teardown),
		cmocka_unit_test_setup_teardown(test_every_bundled_terms_file, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
** Unit tests of register_spool (src/report/register_spool.c): a register's
** tables written as records to a temporary file and read back are written
** as the same JSON as before they went; a file cut short, or whose tables
** are not of the body's members, is refused, not read as something else.
*/
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "memout.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/date.h"
#include "report/json.h"
#include "report/register_int.h"
#include "report/register_spool.h"
#include "run/register.h"

enum { MEMBERS = 40 };

/* A body of MEMBERS members, some with long or escaped ids. */
struct body_fixture {
	struct reg_body body;
	struct reg_member members[MEMBERS];
	struct reg_member *items[MEMBERS];
	char ids[MEMBERS][48];
};

static void body_init(struct body_fixture *b)
{
	memset(b, 0, sizeof *b);
	for (unsigned i = 0; i < MEMBERS; i++) {
		if (i == 2)
			snprintf(b->ids[i], sizeof b->ids[i], "%s", "an_id_longer_than_thirty_two_characters");
		else if (i == 5)
			snprintf(b->ids[i], sizeof b->ids[i], "%s", "quo\"te\\back");
		else
			snprintf(b->ids[i], sizeof b->ids[i], "m%u", i);
		b->members[i] = (struct reg_member){ .id = b->ids[i], .name = b->ids[i] };
		b->items[i] = &b->members[i];
	}
	b->body.name = "Body";
	b->body.members.items = b->items;
	b->body.members.n = b->body.members.cap = MEMBERS;
}

/* What register_json_table writes, or each table read back from f does. */
struct json_out {
	struct out o;
	struct json_writer w;
};

static void json_open(struct json_out *j)
{
	out_open(&j->o);
	jw_init(&j->w, j->o.f);
	jw_begin_array(&j->w);
}

static char *json_close(struct json_out *j)
{
	jw_end_array(&j->w);
	jw_finish(&j->w);
	char *text = strdup(out_text(&j->o));
	out_close(&j->o);
	assert_non_null(text);
	return text;
}

static void table_to_json(void *w, const struct reg_table *t)
{
	register_json_table(w, t);
}

/*
** Tables of every size a register hands over (one meeting to a full
** table, one member to all, members in another order than the body's),
** with every attendance and long titles: written directly and written
** from the records read back, the same JSON.
*/
static void test_tables_read_back_as_written(void **state)
{
	(void)state;
	static struct body_fixture b;
	body_init(&b);
	static const struct reg_member *rows[MEMBERS];
	for (unsigned r = 0; r < MEMBERS; r++)
		rows[r] = &b.members[(r * 7) % MEMBERS]; /* 7 and 40 coprime: each once, out of order */
	static char long_title[6000];
	memset(long_title, 'x', sizeof long_title - 1); /* longer than a record's buffer */
	struct reg_meeting meetings[REGISTER_TABLE_MEETINGS];
	static enum attendance cells[MEMBERS * REGISTER_TABLE_MEETINGS];
	FILE *f = tmpfile();
	assert_non_null(f);
	struct json_out direct;
	json_open(&direct);
	unsigned n_tables = 0;
	for (unsigned n_meetings = 1; n_meetings <= REGISTER_TABLE_MEETINGS; n_meetings += 5) {
		for (unsigned n_members = 1; n_members <= MEMBERS; n_members += 13) {
			for (unsigned c = 0; c < n_meetings; c++)
				meetings[c] = (struct reg_meeting){ .date = c == 3 ? DATE_FIRST_DAY : (qdate)(19000 + 30 * c),
					                            .title = c == 2 ? long_title : "A \"meeting\"\n",
					                            .file = c % 4 < 2 ? "dir/é.minutes" : "f.minutes", /* twice running: SPOOL_SAME */
					                            .seq = c + 1 };
			for (unsigned i = 0; i < n_members * n_meetings; i++)
				cells[i] = (enum attendance)((i * 5 + n_tables) % ATT__COUNT);
			struct reg_table t = { .body = "Body", .year = 2020 + (int)n_tables, .part = n_tables % 3,
				               .continues = n_tables % 2, .meetings = meetings, .n_meetings = n_meetings,
				               .members = rows, .n_members = n_members, .cells = cells };
			assert_true(reg_spool_put_table(f, &b.body, &t));
			register_json_table(&direct.w, &t);
			n_tables++;
		}
	}
	char *want = json_close(&direct);
	struct json_out back;
	json_open(&back);
	assert_true(reg_spool_each_table(f, &b.body, table_to_json, &back.w));
	char *got = json_close(&back);
	assert_true(strlen(want) > 20000);
	assert_string_equal(got, want);
	free(want);
	free(got);
	fclose(f);
}

static void count_table(void *n, const struct reg_table *t)
{
	(void)t;
	++*(unsigned *)n;
}

/* A copy of f's first `len` bytes, in a file of its own. */
static FILE *cut(FILE *f, long len)
{
	FILE *g = tmpfile();
	assert_non_null(g);
	rewind(f);
	for (long i = 0; i < len; i++)
		assert_int_not_equal(fputc(fgetc(f), g), EOF);
	return g;
}

/* f's first record (`one` bytes long, its last n_cells bytes its cells) with
** a cell made one that is no attendance, each in turn: refused, nothing
** handed over. */
static void refused_with_bad_cells(FILE *f, long one, long n_cells, const struct reg_body *body)
{
	static const int bad[] = { ATT__COUNT, ATT__COUNT + 1, 15, 16, 64, 128, 255 };
	for (unsigned i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		for (long at = 1; at <= n_cells; at++) {
			FILE *g = cut(f, one);
			assert_int_equal(fseek(g, one - at, SEEK_SET), 0);
			assert_int_not_equal(fputc(bad[i], g), EOF);
			unsigned n = 0;
			assert_false(reg_spool_each_table(g, body, count_table, &n));
			assert_int_equal(n, 0);
			fclose(g);
		}
	}
}

/*
** A file cut anywhere inside a record is refused (the records before it
** were handed over, the cut one never); cut between records it is read as
** the records it holds; a table of members the body does not have, or
** with a cell that is no attendance, is refused.
*/
static void test_cut_and_foreign_files_refused(void **state)
{
	(void)state;
	static struct body_fixture b;
	body_init(&b);
	const struct reg_member *rows[3] = { &b.members[0], &b.members[1], &b.members[2] };
	struct reg_meeting m[2] = { { .date = 19000, .title = "T", .file = "f", .seq = 1 },
		                    { .date = 19001, .title = "U", .file = "f", .seq = 2 } };
	enum attendance cells[6] = { ATT_PRESENT, ATT_LATE, ATT_ABSENT, ATT_APOLOGIES, ATT_NOT_MEMBER, ATT_EARLY };
	struct reg_table t = { .body = "Body", .year = 2022, .meetings = m, .n_meetings = 2, .members = rows,
		               .n_members = 3, .cells = cells };
	FILE *f = tmpfile();
	assert_non_null(f);
	assert_true(reg_spool_put_table(f, &b.body, &t));
	assert_int_equal(fflush(f), 0);
	long one = ftell(f);
	assert_true(reg_spool_put_table(f, &b.body, &t));
	assert_int_equal(fflush(f), 0);
	for (long len = 0; len <= 2 * one; len++) {
		FILE *g = cut(f, len);
		unsigned n = 0;
		bool whole = len % one == 0;
		assert_int_equal(reg_spool_each_table(g, &b.body, count_table, &n), whole);
		assert_int_equal(n, (unsigned)(len / one));
		fclose(g);
	}
	/* a table whose member is not the body's: refused when read back */
	struct reg_body fewer = b.body;
	fewer.members.n = 2;
	unsigned n = 0;
	assert_false(reg_spool_each_table(f, &fewer, count_table, &n));
	/* a cell that is no attendance, first, last or between: refused */
	refused_with_bad_cells(f, one, 6, &b.body);
	fclose(f);
}

/*
** A cell that is no attendance is refused wherever it lies in a table of
** 3 members and 12 meetings (36 cells: sixteen at a step and the rest);
** the table whole reads back as written.
*/
static void test_bad_cell_refused_anywhere(void **state)
{
	(void)state;
	static struct body_fixture b;
	body_init(&b);
	const struct reg_member *rows[3] = { &b.members[0], &b.members[1], &b.members[2] };
	struct reg_meeting m[REGISTER_TABLE_MEETINGS];
	enum attendance cells[3 * REGISTER_TABLE_MEETINGS];
	for (unsigned c = 0; c < REGISTER_TABLE_MEETINGS; c++)
		m[c] = (struct reg_meeting){ .date = (qdate)(19000 + c), .title = "T", .file = "f", .seq = c + 1 };
	for (unsigned i = 0; i < 3 * REGISTER_TABLE_MEETINGS; i++)
		cells[i] = (enum attendance)(i % ATT__COUNT);
	struct reg_table t = { .body = "Body", .year = 2022, .meetings = m, .n_meetings = REGISTER_TABLE_MEETINGS,
		               .members = rows, .n_members = 3, .cells = cells };
	FILE *f = tmpfile();
	assert_non_null(f);
	assert_true(reg_spool_put_table(f, &b.body, &t));
	assert_int_equal(fflush(f), 0);
	long one = ftell(f);
	unsigned n = 0;
	assert_true(reg_spool_each_table(f, &b.body, count_table, &n));
	assert_int_equal(n, 1);
	refused_with_bad_cells(f, one, 3 * REGISTER_TABLE_MEETINGS, &b.body);
	fclose(f);
}

/* A first meeting whose file is said to be the last meeting's: refused
** (its file is NULL, of length SPOOL_NULL, made SPOOL_SAME: the record is
** whole otherwise). */
static void test_first_file_same_refused(void **state)
{
	(void)state;
	static struct body_fixture b;
	body_init(&b);
	const struct reg_member *rows[1] = { &b.members[0] };
	struct reg_meeting m[2] = { { .date = 19000, .title = "T", .file = NULL, .seq = 1 },
		                    { .date = 19001, .title = "U", .file = NULL, .seq = 2 } };
	enum attendance cells[2] = { ATT_PRESENT, ATT_LATE };
	struct reg_table t = { .body = "Body", .year = 2022, .meetings = m, .n_meetings = 2, .members = rows,
		               .n_members = 1, .cells = cells };
	FILE *f = tmpfile();
	assert_non_null(f);
	assert_true(reg_spool_put_table(f, &b.body, &t));
	assert_int_equal(fflush(f), 0);
	unsigned n = 0;
	assert_true(reg_spool_each_table(f, &b.body, count_table, &n));
	assert_int_equal(n, 1);
	/* seven numbers, the first meeting's date and seq, its title (4 + 2 bytes): its file's length */
	long at = 7 * 4 + 4 + 4 + 4 + 2;
	uint32_t same = UINT32_MAX - 1, was;
	assert_int_equal(fseek(f, at, SEEK_SET), 0);
	assert_int_equal(fread(&was, sizeof was, 1, f), 1);
	assert_int_equal(was, UINT32_MAX);
	assert_int_equal(fseek(f, at, SEEK_SET), 0);
	assert_int_equal(fwrite(&same, sizeof same, 1, f), 1);
	n = 0;
	assert_false(reg_spool_each_table(f, &b.body, count_table, &n));
	assert_int_equal(n, 0);
	fclose(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tables_read_back_as_written),
		cmocka_unit_test(test_cut_and_foreign_files_refused),
		cmocka_unit_test(test_bad_cell_refused_anywhere),
		cmocka_unit_test(test_first_file_same_refused),
	};
	return cmocka_run_group_tests_name("register_spool", tests, NULL, NULL);
}

/*
** Unit tests for src/base/date.c.
**
** Known day numbers come from an independent source (Python's
** datetime.date.toordinal), the whole valid range is swept once for
** round-trips, and the month arithmetic tables pin down end-of-month
** clamping and every edge of the 0001..9999 range.
*/
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "base/date.h"

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* Day numbers of 0001-01-01 and 9999-12-31. */
#define FIRST_DAY ((qdate)-719162)
#define LAST_DAY ((qdate)2932896)

static qdate day(const char *s)
{
	qdate d = 0;
	enum date_status st = date_parse(s, strlen(s), &d);
	if (st != DATE_OK)
		fail_msg("date_parse(\"%s\") = %d", s, (int)st);
	return d;
}

static void assert_date(qdate d, const char *want)
{
	char buf[DATE_FMT_MAX];
	date_format(d, buf);
	if (strcmp(buf, want) != 0)
		fail_msg("got %s (%ld), want %s", buf, (long)d, want);
}

/* ---- calendar rules ------------------------------------------------------ */

static void test_leap(void **state)
{
	(void)state;
	static const struct {
		int year;
		bool leap;
	} cases[] = {
		{ 1900, false }, { 2000, true }, { 2024, true }, { 2023, false },
		{ 2100, false }, { 2400, true }, { 1600, true }, { 1700, false },
		{ 1, false },    { 4, true },    { 100, false }, { 400, true },
		{ 9996, true },  { 9999, false },
	};
	for (size_t i = 0; i < ARRAY_LEN(cases); i++)
		if (date_is_leap(cases[i].year) != cases[i].leap)
			fail_msg("%d: leap %d", cases[i].year,
				 (int)date_is_leap(cases[i].year));
}

static void test_days_in_month(void **state)
{
	(void)state;
	static const struct {
		int year, month, days;
	} cases[] = {
		{ 2024, 2, 29 }, { 2023, 2, 28 }, { 1900, 2, 28 }, { 2000, 2, 29 },
		{ 2023, 1, 31 }, { 2023, 3, 31 }, { 2023, 4, 30 }, { 2023, 5, 31 },
		{ 2023, 6, 30 }, { 2023, 7, 31 }, { 2023, 8, 31 }, { 2023, 9, 30 },
		{ 2023, 10, 31 }, { 2023, 11, 30 }, { 2023, 12, 31 },
		{ 2023, 0, 0 },  { 2023, 13, 0 }, { 2023, -1, 0 },
	};
	for (size_t i = 0; i < ARRAY_LEN(cases); i++)
		if (date_days_in_month(cases[i].year, cases[i].month) !=
		    cases[i].days)
			fail_msg("%d-%d: %d days", cases[i].year, cases[i].month,
				 date_days_in_month(cases[i].year, cases[i].month));
}

/* ---- day numbers ----------------------------------------------------------- */

static void test_known_day_numbers(void **state)
{
	(void)state;
	static const struct {
		int y, m, d;
		qdate n;
	} cases[] = {
		{ 1970, 1, 1, 0 },
		{ 1970, 1, 2, 1 },
		{ 1969, 12, 31, -1 },
		{ 1900, 3, 1, -25508 },
		{ 2000, 3, 1, 11017 },
		{ 2024, 2, 29, 19782 },
		{ 2038, 1, 19, 24855 },
		{ 1600, 2, 29, -135081 },
		{ 1582, 10, 15, -141427 },
		{ 1, 1, 1, FIRST_DAY },
		{ 9999, 12, 31, LAST_DAY },
	};
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		qdate n = 12345;
		assert_int_equal(date_from_ymd(cases[i].y, cases[i].m, cases[i].d,
					       &n), DATE_OK);
		if (n != cases[i].n)
			fail_msg("%04d-%02d-%02d: %ld, want %ld", cases[i].y,
				 cases[i].m, cases[i].d, (long)n,
				 (long)cases[i].n);
		int y, m, d;
		date_to_ymd(cases[i].n, &y, &m, &d);
		assert_int_equal(y, cases[i].y);
		assert_int_equal(m, cases[i].m);
		assert_int_equal(d, cases[i].d);
	}
}

/* Every day of 1999..2001, by walking the calendar: consecutive numbers. */
static void test_round_trip_1999_2001(void **state)
{
	(void)state;
	qdate prev;
	assert_int_equal(date_from_ymd(1998, 12, 31, &prev), DATE_OK);
	int count = 0;
	for (int y = 1999; y <= 2001; y++)
		for (int m = 1; m <= 12; m++)
			for (int d = 1; d <= date_days_in_month(y, m); d++) {
				qdate n;
				int yy, mm, dd;
				assert_int_equal(date_from_ymd(y, m, d, &n), DATE_OK);
				assert_int_equal(n, prev + 1);
				date_to_ymd(n, &yy, &mm, &dd);
				assert_int_equal(yy, y);
				assert_int_equal(mm, m);
				assert_int_equal(dd, d);
				prev = n;
				count++;
			}
	assert_int_equal(count, 365 + 366 + 365);
	assert_date(prev, "2001-12-31");
}

/* Every day number of the valid range converts and converts back (the
** 32-bit arithmetic of the range against days_from_civil's 64-bit), and
** formats as printf would. */
static void test_round_trip_full_range(void **state)
{
	(void)state;
	int py = 0, pm = 12, pd = 31; /* the day before 0001-01-01 */
	for (qdate n = FIRST_DAY; n <= LAST_DAY; n++) {
		int y, m, d;
		date_to_ymd(n, &y, &m, &d);
		/* (y, m, d) is the calendar successor of the previous day */
		if (d == 1) {
			if (m == 1)
				assert_true(y == py + 1 && pm == 12 && pd == 31);
			else
				assert_true(y == py && m == pm + 1 &&
					    pd == date_days_in_month(py, pm));
		} else {
			assert_true(y == py && m == pm && d == pd + 1);
		}
		qdate back;
		assert_int_equal(date_from_ymd(y, m, d, &back), DATE_OK);
		assert_int_equal(back, n);
		/* date_format's digits by pairs, as printf writes them */
		char got[DATE_FMT_MAX], want[32];
		snprintf(want, sizeof want, "%04d-%02d-%02d", y, m, d);
		assert_string_equal(date_format(n, got), want);
		py = y;
		pm = m;
		pd = d;
	}
	assert_true(py == 9999 && pm == 12 && pd == 31);
}

static void test_from_ymd_errors(void **state)
{
	(void)state;
	static const struct {
		int y, m, d;
		enum date_status st;
	} cases[] = {
		{ 0, 1, 1, DATE_BAD_YEAR },
		{ -1, 1, 1, DATE_BAD_YEAR },
		{ 10000, 1, 1, DATE_BAD_YEAR },
		{ 2024, 0, 1, DATE_BAD_MONTH },
		{ 2024, 13, 1, DATE_BAD_MONTH },
		{ 2024, 1, 0, DATE_BAD_DAY },
		{ 2024, 1, 32, DATE_BAD_DAY },
		{ 2023, 2, 29, DATE_BAD_DAY },
		{ 1900, 2, 29, DATE_BAD_DAY },
		{ 2024, 4, 31, DATE_BAD_DAY },
		{ 2024, 2, 30, DATE_BAD_DAY },
		{ 2024, 2, 29, DATE_OK },
		{ 2000, 2, 29, DATE_OK },
	};
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		qdate n = 777;
		enum date_status st =
			date_from_ymd(cases[i].y, cases[i].m, cases[i].d, &n);
		if (st != cases[i].st)
			fail_msg("%d-%d-%d: status %d, want %d", cases[i].y,
				 cases[i].m, cases[i].d, (int)st, (int)cases[i].st);
		if (st != DATE_OK)
			assert_int_equal(n, 777);
	}
}

/* Day numbers far outside the valid range still convert without UB. */
static void test_to_ymd_extremes(void **state)
{
	(void)state;
	static const qdate cases[] = { INT32_MIN, INT32_MIN + 1, -1000000,
				       FIRST_DAY - 1, LAST_DAY + 1, INT32_MAX };
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		int y, m, d;
		qdate n;
		date_to_ymd(cases[i], &y, &m, &d);
		assert_true(m >= 1 && m <= 12);
		assert_true(d >= 1 && d <= date_days_in_month(y, m));
		assert_int_equal(date_from_ymd(y, m, d, &n), DATE_BAD_YEAR);
	}
}

static void test_diff(void **state)
{
	(void)state;
	static const struct {
		const char *a, *b;
		int32_t days;
	} cases[] = {
		{ "2024-02-28", "2024-03-01", 2 },
		{ "2023-02-28", "2023-03-01", 1 },
		{ "2024-03-01", "2024-02-28", -2 },
		{ "1900-02-28", "1900-03-01", 1 },
		{ "2000-02-28", "2000-03-01", 2 },
		{ "2023-12-31", "2024-01-01", 1 },
		{ "2024-01-01", "2025-01-01", 366 },
		{ "2023-01-01", "2024-01-01", 365 },
		{ "2024-05-17", "2024-05-17", 0 },
		{ "0001-01-01", "9999-12-31", 3652058 },
		{ "9999-12-31", "0001-01-01", -3652058 },
	};
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		int32_t got = date_diff_days(day(cases[i].a), day(cases[i].b));
		if (got != cases[i].days)
			fail_msg("%s .. %s: %ld days", cases[i].a, cases[i].b,
				 (long)got);
	}
	/* no overflow on nonsense inputs */
	assert_int_equal(date_diff_days(INT32_MIN, INT32_MAX), INT32_MAX);
	assert_int_equal(date_diff_days(INT32_MAX, INT32_MIN), INT32_MIN);
}

/* ---- parse and format -------------------------------------------------------- */

static void test_parse(void **state)
{
	(void)state;
	static const struct {
		const char *text;
		enum date_status st;
	} cases[] = {
		{ "2024-02-29", DATE_OK },
		{ "2000-02-29", DATE_OK },
		{ "0001-01-01", DATE_OK },
		{ "9999-12-31", DATE_OK },
		{ "2023-02-29", DATE_BAD_DAY },
		{ "1900-02-29", DATE_BAD_DAY },
		{ "2024-04-31", DATE_BAD_DAY },
		{ "2024-01-00", DATE_BAD_DAY },
		{ "2024-01-32", DATE_BAD_DAY },
		{ "2024-01-99", DATE_BAD_DAY },
		{ "2024-13-01", DATE_BAD_MONTH },
		{ "2024-00-10", DATE_BAD_MONTH },
		{ "2024-99-99", DATE_BAD_MONTH },
		{ "0000-01-01", DATE_BAD_YEAR },
		{ "0000-13-45", DATE_BAD_YEAR },
		{ "", DATE_SYNTAX },
		{ "2024-1-01", DATE_SYNTAX },
		{ "2024-01-1", DATE_SYNTAX },
		{ "24-01-01", DATE_SYNTAX },
		{ "20240101", DATE_SYNTAX },
		{ "2024/01/01", DATE_SYNTAX },
		{ "2024-01-011", DATE_SYNTAX },
		{ "02024-01-01", DATE_SYNTAX },
		{ "2024-01-01 ", DATE_SYNTAX },
		{ " 2024-01-01", DATE_SYNTAX },
		{ "+024-01-01", DATE_SYNTAX },
		{ "-024-01-01", DATE_SYNTAX },
		{ "2024--1-01", DATE_SYNTAX },
		{ "2024-0a-01", DATE_SYNTAX },
		{ "2024-01-0a", DATE_SYNTAX },
		{ "2O24-01-01", DATE_SYNTAX },
		{ "2024_01_01", DATE_SYNTAX },
		{ "10000-01-01", DATE_SYNTAX },
	};
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		qdate d = 4242;
		enum date_status st =
			date_parse(cases[i].text, strlen(cases[i].text), &d);
		if (st != cases[i].st)
			fail_msg("\"%s\": status %d, want %d", cases[i].text,
				 (int)st, (int)cases[i].st);
		if (st == DATE_OK)
			assert_date(d, cases[i].text);
		else
			assert_int_equal(d, 4242);
	}
}

/* The length, not a NUL, ends the text. */
static void test_parse_uses_len(void **state)
{
	(void)state;
	qdate d;
	assert_int_equal(date_parse("2024-02-29T12:00", 10, &d), DATE_OK);
	assert_date(d, "2024-02-29");
	assert_int_equal(date_parse("2024-02-29", 9, &d), DATE_SYNTAX);
	assert_int_equal(date_parse("2024-02-29", 0, &d), DATE_SYNTAX);
	assert_int_equal(date_parse("2024-02\0" "29", 10, &d), DATE_SYNTAX);
}

static void test_format(void **state)
{
	(void)state;
	static const struct {
		qdate d;
		const char *want;
	} cases[] = {
		{ 0, "1970-01-01" },
		{ -1, "1969-12-31" },
		{ 19782, "2024-02-29" },
		{ FIRST_DAY, "0001-01-01" },
		{ LAST_DAY, "9999-12-31" },
		{ -25508, "1900-03-01" },
	};
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		char buf[DATE_FMT_MAX];
		assert_ptr_equal(date_format(cases[i].d, buf), buf);
		assert_string_equal(buf, cases[i].want);
		assert_int_equal(day(buf), cases[i].d);
	}

	/* Every 97th day of the range survives format -> parse. */
	for (qdate d = FIRST_DAY; d <= LAST_DAY; d += 97) {
		char buf[DATE_FMT_MAX];
		date_format(d, buf);
		assert_int_equal(strlen(buf), 10);
		assert_int_equal(day(buf), d);
	}
}

/* Out-of-range day numbers say which side of the calendar they fall on
** (never an unset or made-up date) and never write past DATE_FMT_MAX bytes. */
static void test_format_out_of_range(void **state)
{
	(void)state;
	static const qdate cases[] = { FIRST_DAY - 1, LAST_DAY + 1, INT32_MIN,
				       INT32_MAX };
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		char buf[DATE_FMT_MAX + 8];
		memset(buf, 'X', sizeof buf);
		date_format(cases[i], buf);
		assert_string_equal(buf, cases[i] < FIRST_DAY ? "before year 1" : "after year 9999");
		assert_false(date_in_range(cases[i]));
		for (size_t j = DATE_FMT_MAX; j < sizeof buf; j++)
			assert_int_equal(buf[j], 'X');
		qdate d;
		assert_int_not_equal(date_parse(buf, 10, &d), DATE_OK);
	}
}

/* ---- arithmetic ------------------------------------------------------------ */

enum op { ADD, SUB };

static void test_add_sub(void **state)
{
	(void)state;
	static const struct {
		const char *from;
		enum op op;
		int32_t n;
		enum dur_unit unit;
		enum date_status st;
		const char *want;
	} cases[] = {
		/* month-end clamping */
		{ "2024-01-31", ADD, 1, DUR_MONTHS, DATE_OK, "2024-02-29" },
		{ "2023-01-31", ADD, 1, DUR_MONTHS, DATE_OK, "2023-02-28" },
		{ "2024-02-29", ADD, 1, DUR_YEARS, DATE_OK, "2025-02-28" },
		{ "2024-02-29", ADD, 4, DUR_YEARS, DATE_OK, "2028-02-29" },
		{ "2024-02-29", SUB, 1, DUR_YEARS, DATE_OK, "2023-02-28" },
		{ "2024-02-29", ADD, 100, DUR_YEARS, DATE_OK, "2124-02-29" },
		{ "2000-02-29", ADD, 100, DUR_YEARS, DATE_OK, "2100-02-28" },
		{ "2000-02-29", SUB, 100, DUR_YEARS, DATE_OK, "1900-02-28" },
		{ "2024-03-31", SUB, 1, DUR_MONTHS, DATE_OK, "2024-02-29" },
		{ "2023-03-31", SUB, 1, DUR_MONTHS, DATE_OK, "2023-02-28" },
		{ "2024-05-31", SUB, 1, DUR_MONTHS, DATE_OK, "2024-04-30" },
		{ "2024-08-31", ADD, 1, DUR_MONTHS, DATE_OK, "2024-09-30" },
		{ "2024-01-31", ADD, 2, DUR_MONTHS, DATE_OK, "2024-03-31" },
		{ "2024-01-30", ADD, 1, DUR_MONTHS, DATE_OK, "2024-02-29" },
		{ "2024-01-29", ADD, 1, DUR_MONTHS, DATE_OK, "2024-02-29" },
		{ "2024-01-28", ADD, 1, DUR_MONTHS, DATE_OK, "2024-02-28" },
		/* months across year boundaries */
		{ "2023-12-15", ADD, 1, DUR_MONTHS, DATE_OK, "2024-01-15" },
		{ "2024-01-15", SUB, 1, DUR_MONTHS, DATE_OK, "2023-12-15" },
		{ "2024-01-15", ADD, 12, DUR_MONTHS, DATE_OK, "2025-01-15" },
		{ "2024-01-15", ADD, 13, DUR_MONTHS, DATE_OK, "2025-02-15" },
		{ "2024-01-15", SUB, 13, DUR_MONTHS, DATE_OK, "2022-12-15" },
		{ "2024-12-15", SUB, 12, DUR_MONTHS, DATE_OK, "2023-12-15" },
		{ "2024-01-15", SUB, 24, DUR_MONTHS, DATE_OK, "2022-01-15" },
		{ "2024-10-31", ADD, 16, DUR_MONTHS, DATE_OK, "2026-02-28" },
		/* days and weeks */
		{ "2024-01-01", ADD, 0, DUR_DAYS, DATE_OK, "2024-01-01" },
		{ "2024-01-31", ADD, 0, DUR_MONTHS, DATE_OK, "2024-01-31" },
		{ "2024-02-28", ADD, 1, DUR_DAYS, DATE_OK, "2024-02-29" },
		{ "2024-02-28", ADD, 2, DUR_DAYS, DATE_OK, "2024-03-01" },
		{ "2023-02-28", ADD, 1, DUR_DAYS, DATE_OK, "2023-03-01" },
		{ "2024-03-01", SUB, 1, DUR_DAYS, DATE_OK, "2024-02-29" },
		{ "2024-01-01", ADD, 366, DUR_DAYS, DATE_OK, "2025-01-01" },
		{ "2024-01-31", ADD, 30, DUR_DAYS, DATE_OK, "2024-03-01" },
		{ "2024-01-01", ADD, 1, DUR_WEEKS, DATE_OK, "2024-01-08" },
		{ "2024-01-01", ADD, 2, DUR_WEEKS, DATE_OK, "2024-01-15" },
		{ "2024-02-26", ADD, 1, DUR_WEEKS, DATE_OK, "2024-03-04" },
		{ "2023-02-26", ADD, 1, DUR_WEEKS, DATE_OK, "2023-03-05" },
		{ "2024-03-04", SUB, 1, DUR_WEEKS, DATE_OK, "2024-02-26" },
		{ "2023-12-28", ADD, 1, DUR_WEEKS, DATE_OK, "2024-01-04" },
		{ "2024-01-01", ADD, 52, DUR_WEEKS, DATE_OK, "2024-12-30" },
		/* the edges of 0001..9999 */
		{ "9999-12-31", ADD, 0, DUR_DAYS, DATE_OK, "9999-12-31" },
		{ "9999-12-31", ADD, 1, DUR_DAYS, DATE_RANGE, NULL },
		{ "9999-12-25", ADD, 1, DUR_WEEKS, DATE_RANGE, NULL },
		{ "9999-12-24", ADD, 1, DUR_WEEKS, DATE_OK, "9999-12-31" },
		{ "0001-01-01", SUB, 1, DUR_DAYS, DATE_RANGE, NULL },
		{ "0001-01-07", SUB, 1, DUR_WEEKS, DATE_RANGE, NULL },
		{ "0001-01-08", SUB, 1, DUR_WEEKS, DATE_OK, "0001-01-01" },
		{ "9999-12-01", ADD, 1, DUR_MONTHS, DATE_RANGE, NULL },
		{ "9999-01-31", ADD, 11, DUR_MONTHS, DATE_OK, "9999-12-31" },
		{ "0001-02-28", SUB, 1, DUR_MONTHS, DATE_OK, "0001-01-28" },
		{ "0001-01-31", SUB, 1, DUR_MONTHS, DATE_RANGE, NULL },
		{ "9999-06-15", ADD, 1, DUR_YEARS, DATE_RANGE, NULL },
		{ "0001-06-15", SUB, 1, DUR_YEARS, DATE_RANGE, NULL },
		{ "0001-01-01", ADD, 9998, DUR_YEARS, DATE_OK, "9999-01-01" },
		{ "9999-12-31", SUB, 9998, DUR_YEARS, DATE_OK, "0001-12-31" },
		{ "0001-01-01", ADD, 3652058, DUR_DAYS, DATE_OK, "9999-12-31" },
		{ "9999-12-31", SUB, 3652058, DUR_DAYS, DATE_OK, "0001-01-01" },
		{ "0001-01-01", ADD, 3652059, DUR_DAYS, DATE_RANGE, NULL },
		{ "0001-01-01", ADD, 119987, DUR_MONTHS, DATE_OK, "9999-12-01" },
		{ "0001-01-01", ADD, 119988, DUR_MONTHS, DATE_RANGE, NULL },
		/* huge counts: 7n and 12n would overflow int32 */
		{ "2024-01-01", ADD, INT32_MAX, DUR_DAYS, DATE_RANGE, NULL },
		{ "2024-01-01", ADD, INT32_MAX, DUR_WEEKS, DATE_RANGE, NULL },
		{ "2024-01-01", ADD, INT32_MAX, DUR_MONTHS, DATE_RANGE, NULL },
		{ "2024-01-01", ADD, INT32_MAX, DUR_YEARS, DATE_RANGE, NULL },
		{ "2024-01-01", SUB, INT32_MAX, DUR_DAYS, DATE_RANGE, NULL },
		{ "2024-01-01", SUB, INT32_MAX, DUR_WEEKS, DATE_RANGE, NULL },
		{ "2024-01-01", SUB, INT32_MAX, DUR_MONTHS, DATE_RANGE, NULL },
		{ "2024-01-01", SUB, INT32_MAX, DUR_YEARS, DATE_RANGE, NULL },
		{ "2024-01-01", ADD, 306783379, DUR_WEEKS, DATE_RANGE, NULL },
		{ "2024-01-01", ADD, 178956971, DUR_YEARS, DATE_RANGE, NULL },
	};
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		struct duration dur = { cases[i].n, cases[i].unit };
		qdate out = 999999;
		qdate from = day(cases[i].from);
		enum date_status st = cases[i].op == ADD
			? date_add(from, dur, &out)
			: date_sub(from, dur, &out);
		if (st != cases[i].st)
			fail_msg("case %zu: %s %c %ld (unit %d): status %d, want %d",
				 i, cases[i].from, cases[i].op == ADD ? '+' : '-',
				 (long)cases[i].n, (int)cases[i].unit, (int)st,
				 (int)cases[i].st);
		if (st == DATE_OK)
			assert_date(out, cases[i].want);
		else
			assert_int_equal(out, 999999); /* untouched */
	}
}

/* Arithmetic on a day number outside the valid range is a range error. */
static void test_add_from_out_of_range(void **state)
{
	(void)state;
	struct duration zero = { 0, DUR_DAYS };
	struct duration back = { 1, DUR_DAYS };
	qdate out;
	assert_int_equal(date_add(LAST_DAY + 1, zero, &out), DATE_RANGE);
	assert_int_equal(date_sub(LAST_DAY + 1, back, &out), DATE_RANGE);
	assert_int_equal(date_add(FIRST_DAY - 1, back, &out), DATE_RANGE);
	assert_int_equal(date_add(INT32_MAX, zero, &out), DATE_RANGE);
	assert_int_equal(date_sub(INT32_MIN, zero, &out), DATE_RANGE);
}

/*
** Properties over every day of 2023..2025: days and weeks invert exactly;
** months land on the same day of the month unless clamped, and then on the
** last day; going forward and back a month never overshoots the start.
*/
static void test_add_properties(void **state)
{
	(void)state;
	for (qdate d = day("2023-01-01"); d <= day("2025-12-31"); d++) {
		for (int32_t n = 0; n <= 14; n++) {
			qdate fwd, back;
			struct duration days = { n, DUR_DAYS };
			struct duration weeks = { n, DUR_WEEKS };
			struct duration months = { n, DUR_MONTHS };
			struct duration years = { n, DUR_YEARS };

			assert_int_equal(date_add(d, days, &fwd), DATE_OK);
			assert_int_equal(date_diff_days(d, fwd), n);
			assert_int_equal(date_sub(fwd, days, &back), DATE_OK);
			assert_int_equal(back, d);

			assert_int_equal(date_add(d, weeks, &fwd), DATE_OK);
			assert_int_equal(date_diff_days(d, fwd), 7 * n);
			assert_int_equal(date_sub(fwd, weeks, &back), DATE_OK);
			assert_int_equal(back, d);

			int y, m, dd, y2, m2, dd2;
			date_to_ymd(d, &y, &m, &dd);
			assert_int_equal(date_add(d, months, &fwd), DATE_OK);
			date_to_ymd(fwd, &y2, &m2, &dd2);
			assert_int_equal(y2 * 12 + m2, y * 12 + m + n);
			if (dd2 != dd)
				assert_true(dd2 < dd &&
					    dd2 == date_days_in_month(y2, m2));
			assert_int_equal(date_sub(fwd, months, &back), DATE_OK);
			assert_true(back <= d);

			assert_int_equal(date_add(d, years, &fwd), DATE_OK);
			date_to_ymd(fwd, &y2, &m2, &dd2);
			assert_int_equal(y2, y + n);
			assert_int_equal(m2, m);
			assert_true(dd2 == dd || (m == 2 && dd == 29 && dd2 == 28));
		}
	}
}

static void test_duration_format(void **state)
{
	(void)state;
	static const struct {
		int32_t n;
		enum dur_unit unit;
		const char *want;
	} cases[] = {
		{ 1, DUR_DAYS, "1 day" },
		{ 5, DUR_DAYS, "5 days" },
		{ 0, DUR_DAYS, "0 days" },
		{ 1, DUR_WEEKS, "1 week" },
		{ 2, DUR_WEEKS, "2 weeks" },
		{ 1, DUR_MONTHS, "1 month" },
		{ 12, DUR_MONTHS, "12 months" },
		{ 1, DUR_YEARS, "1 year" },
		{ 2, DUR_YEARS, "2 years" },
		{ 11, DUR_YEARS, "11 years" },
		{ INT32_MAX, DUR_MONTHS, "2147483647 months" },
	};
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		char buf[DUR_FMT_MAX];
		struct duration dur = { cases[i].n, cases[i].unit };
		assert_ptr_equal(duration_format(dur, buf), buf);
		assert_string_equal(buf, cases[i].want);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_leap),
		cmocka_unit_test(test_days_in_month),
		cmocka_unit_test(test_known_day_numbers),
		cmocka_unit_test(test_round_trip_1999_2001),
		cmocka_unit_test(test_round_trip_full_range),
		cmocka_unit_test(test_from_ymd_errors),
		cmocka_unit_test(test_to_ymd_extremes),
		cmocka_unit_test(test_diff),
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_parse_uses_len),
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_format_out_of_range),
		cmocka_unit_test(test_add_sub),
		cmocka_unit_test(test_add_from_out_of_range),
		cmocka_unit_test(test_add_properties),
		cmocka_unit_test(test_duration_format),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
** date: calendar dates and durations.  See date.h.
**
** Day numbers use the proleptic Gregorian calendar, converted with the
** era-based days_from_civil / civil_from_days algorithms (a 400-year era is
** exactly 146097 days; inside an era the year is taken to start on 1 March
** so that the leap day falls at the end).  All internal arithmetic is done in
** int64_t, so no qdate or duration count, however large, can overflow it.
*/
#include "base/date.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

enum {
	MIN_YEAR = 1,
	MAX_YEAR = 9999,
	DAYS_PER_ERA = 146097,      /* days in 400 Gregorian years */
	EPOCH_SHIFT = 719468        /* days from 0000-03-01 to 1970-01-01 */
};

#define MIN_QDATE ((int64_t)DATE_FIRST_DAY)
#define MAX_QDATE ((int64_t)DATE_LAST_DAY)

static int64_t floor_div(int64_t a, int64_t b) /* b > 0 */
{
	int64_t q = a / b;
	return (a % b != 0 && a < 0) ? q - 1 : q;
}

/* Any y, 1 <= m <= 12, 1 <= d <= 31. */
static int64_t days_from_civil(int64_t y, int m, int d)
{
	if (m <= 2)
		y--;                                  /* year starts in March */
	int64_t era = floor_div(y, 400);
	int64_t yoe = y - era * 400;                      /* 0..399 */
	int mp = m > 2 ? m - 3 : m + 9;                   /* Mar = 0 */
	int64_t doy = (153 * mp + 2) / 5 + d - 1;         /* 0..365 */
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy; /* 0..146096 */
	return era * DAYS_PER_ERA + doe - EPOCH_SHIFT;
}

static void civil_from_days(int64_t z, int64_t *y, int *m, int *d)
{
	z += EPOCH_SHIFT;
	int64_t era = floor_div(z, DAYS_PER_ERA);
	int64_t doe = z - era * DAYS_PER_ERA;             /* 0..146096 */
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100); /* 0..365 */
	int64_t mp = (5 * doy + 2) / 153;                 /* Mar = 0 */
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = yoe + era * 400 + (*m <= 2);
}

static bool in_range(int64_t d)
{
	return d >= MIN_QDATE && d <= MAX_QDATE;
}

bool date_in_range(qdate d)
{
	return in_range(d);
}

bool date_is_leap(int year)
{
	return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
}

/* 0 for a month outside 1..12. */
int date_days_in_month(int year, int month)
{
	static const unsigned char days[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};
	if (month < 1 || month > 12)
		return 0;
	if (month == 2 && date_is_leap(year))
		return 29;
	return days[month - 1];
}

enum date_status date_from_ymd(int year, int month, int day, qdate *out)
{
	if (year < MIN_YEAR || year > MAX_YEAR)
		return DATE_BAD_YEAR;
	if (month < 1 || month > 12)
		return DATE_BAD_MONTH;
	if (day < 1 || day > date_days_in_month(year, month))
		return DATE_BAD_DAY;
	*out = (qdate)days_from_civil(year, month, day);
	return DATE_OK;
}

/*
** Any qdate converts (the proleptic calendar extends both ways); only
** 0001-01-01..9999-12-31 round-trip through date_from_ymd.
*/
/* civil_from_days for a day of the calendar's range, z = d + EPOCH_SHIFT
** (0..3652364): the same arithmetic in unsigned 32 bits, where dividing by
** a constant is a multiplication (reports write a date or more a motion). */
static void civil_in_range(uint32_t z, int *y, int *m, int *d)
{
	uint32_t era = z / DAYS_PER_ERA;
	uint32_t doe = z - era * DAYS_PER_ERA;
	uint32_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	uint32_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	uint32_t mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (mp >= 10));
}

void date_to_ymd(qdate d, int *year, int *month, int *day)
{
	if (in_range(d)) {
		civil_in_range((uint32_t)((int64_t)d + EPOCH_SHIFT), year, month, day);
		return;
	}
	int64_t y;
	civil_from_days(d, &y, month, day);
	*year = (int)y; /* |y| < 6 million for any int32 day number */
}

static int digits(const char *s, size_t n)
{
	int v = 0;
	for (size_t i = 0; i < n; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

enum date_status date_parse(const char *text, size_t len, qdate *out)
{
	if (text == NULL || len != 10)
		return DATE_SYNTAX;
	for (size_t i = 0; i < 10; i++) {
		bool ok = (i == 4 || i == 7) ? text[i] == '-'
					     : (text[i] >= '0' && text[i] <= '9');
		if (!ok)
			return DATE_SYNTAX;
	}
	return date_from_ymd(digits(text, 4), digits(text + 5, 2),
			     digits(text + 8, 2), out);
}

/* "00" to "99" */
static const char pairs[201] =
	"00010203040506070809101112131415161718192021222324252627282930313233343536373839"
	"40414243444546474849505152535455565758596061626364656667686970717273747576777879"
	"8081828384858687888990919293949596979899";

/* v (0..99) in two digits */
static void put2(char *p, unsigned v)
{
	memcpy(p, pairs + 2 * v, 2);
}

/*
** A day number outside 0001-01-01..9999-12-31 formats as "before year 1" or
** "after year 9999": words, which date_parse rejects, that fit the buffer.
*/
char *date_format(qdate d, char *buf)
{
	if (!in_range(d)) {
		snprintf(buf, DATE_FMT_MAX, "%s", d < MIN_QDATE ? "before year 1" : "after year 9999");
		return buf;
	}
	int y, m, day;
	date_to_ymd(d, &y, &m, &day);
	put2(buf, (unsigned)y / 100); /* 1..9999 in range */
	put2(buf + 2, (unsigned)y % 100);
	buf[4] = '-';
	put2(buf + 5, (unsigned)m);
	buf[7] = '-';
	put2(buf + 8, (unsigned)day);
	buf[10] = '\0';
	return buf;
}

/* d + n units, n of either sign.  |n| <= 2^31, so nothing below overflows. */
static enum date_status add_units(qdate d, int64_t n, enum dur_unit unit,
				  qdate *out)
{
	if (!in_range(d))
		return DATE_RANGE;

	int64_t result;
	switch (unit) {
	case DUR_DAYS:
	case DUR_WEEKS:
		result = (int64_t)d + n * (unit == DUR_WEEKS ? 7 : 1);
		break;
	case DUR_MONTHS:
	case DUR_YEARS: {
		int64_t y;
		int m, day;
		civil_from_days(d, &y, &m, &day);
		int64_t months = y * 12 + (m - 1) + n * (unit == DUR_YEARS ? 12 : 1);
		int64_t ny = floor_div(months, 12);
		int nm = (int)(months - ny * 12) + 1;
		if (ny < MIN_YEAR || ny > MAX_YEAR)
			return DATE_RANGE;
		int last = date_days_in_month((int)ny, nm);
		result = days_from_civil(ny, nm, day > last ? last : day);
		break;
	}
	default:
		return DATE_RANGE;
	}
	if (!in_range(result))
		return DATE_RANGE;
	*out = (qdate)result;
	return DATE_OK;
}

/* On any status other than DATE_OK, *out is left untouched. */
enum date_status date_add(qdate d, struct duration dur, qdate *out)
{
	return add_units(d, dur.n, dur.unit, out);
}

enum date_status date_sub(qdate d, struct duration dur, qdate *out)
{
	return add_units(d, -(int64_t)dur.n, dur.unit, out);
}

/* Saturates at INT32_MIN/INT32_MAX, which no two valid dates can reach. */
int32_t date_diff_days(qdate a, qdate b)
{
	int64_t diff = (int64_t)b - (int64_t)a;
	if (diff > INT32_MAX)
		return INT32_MAX;
	if (diff < INT32_MIN)
		return INT32_MIN;
	return (int32_t)diff;
}

char *duration_format(struct duration dur, char *buf)
{
	const char *unit;
	switch (dur.unit) {
	case DUR_DAYS:   unit = "day"; break;
	case DUR_WEEKS:  unit = "week"; break;
	case DUR_MONTHS: unit = "month"; break;
	case DUR_YEARS:  unit = "year"; break;
	default:         unit = "unit"; break;
	}
	snprintf(buf, DUR_FMT_MAX, "%" PRId32 " %s%s", dur.n, unit,
		 dur.n == 1 ? "" : "s");
	return buf;
}

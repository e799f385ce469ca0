/*
** date: calendar dates and durations with real calendar rules.
**
** A date is a day number (days since 1970-01-01, proleptic Gregorian), so
** differences are plain subtraction.  Durations keep the unit they were
** written in, because "1 month" after 31 January is 28 or 29 February, not
** 30 days later: adding months or years clamps to the end of the month.
** Valid years are 1..9999.
*/
#ifndef QUORATE_DATE_H
#define QUORATE_DATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef int32_t qdate; /* days since 1970-01-01 */

enum dur_unit { DUR_DAYS, DUR_WEEKS, DUR_MONTHS, DUR_YEARS };

struct duration {
	int32_t n;          /* >= 0 */
	enum dur_unit unit;
};

enum date_status {
	DATE_OK = 0,
	DATE_SYNTAX,      /* not of the form YYYY-MM-DD */
	DATE_BAD_YEAR,    /* year outside 1..9999 */
	DATE_BAD_MONTH,   /* month outside 1..12 */
	DATE_BAD_DAY,     /* day outside the month, e.g. 2023-02-29, 2024-04-31 */
	DATE_RANGE        /* arithmetic left 1..9999 */
};

bool date_is_leap(int year);
/* 28..31, or 0 when month is outside 1..12. */
int date_days_in_month(int year, int month);

/* On any status but DATE_OK, *out is left unchanged. */

enum date_status date_from_ymd(int year, int month, int day, qdate *out);
void date_to_ymd(qdate d, int *year, int *month, int *day);

/* Parse exactly "YYYY-MM-DD" (len must be 10). */
enum date_status date_parse(const char *text, size_t len, qdate *out);

/* The first and last day numbers of the calendar: 0001-01-01, 9999-12-31. */
#define DATE_FIRST_DAY ((qdate)-719162)
#define DATE_LAST_DAY ((qdate)2932896)
bool date_in_range(qdate d);

/* "YYYY-MM-DD" into buf[DATE_FMT_MAX]; returns buf.  A day number outside
** the calendar says which side it is on, "before year 1" or "after year
** 9999": computed deadlines can fall there, and a report must never show
** a date that was not computed. */
#define DATE_FMT_MAX 16
char *date_format(qdate d, char *buf);

/* d + dur.  Months and years clamp to the month end (2024-01-31 + 1 month =
** 2024-02-29; 2024-02-29 + 1 year = 2025-02-28).  DATE_RANGE when d or the
** result is outside 0001-01-01..9999-12-31, however large dur.n is. */
enum date_status date_add(qdate d, struct duration dur, qdate *out);
/* d - dur, with the same clamping. */
enum date_status date_sub(qdate d, struct duration dur, qdate *out);

/* b - a in days (positive when b is later). */
int32_t date_diff_days(qdate a, qdate b);

/* "5 days", "1 month", "12 months" into buf; returns buf. */
#define DUR_FMT_MAX 32
char *duration_format(struct duration dur, char *buf);

#endif

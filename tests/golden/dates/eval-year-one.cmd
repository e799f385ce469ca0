eval tests/golden/dates/year-one.tor tests/golden/dates/year-one.minutes

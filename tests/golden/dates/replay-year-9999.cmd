replay --summary tests/golden/dates/year-9999.tor tests/golden/dates/year-9999.minutes

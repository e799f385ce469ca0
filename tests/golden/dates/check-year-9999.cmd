check -I stdlib tests/golden/dates/year-9999.tor

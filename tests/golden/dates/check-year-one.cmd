check -I stdlib tests/golden/dates/year-one.tor

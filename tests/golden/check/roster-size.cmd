check tests/golden/check/roster-size.tor

check tests/golden/check/class-uncovered.tor

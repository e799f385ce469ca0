check tests/golden/check/syntax-two-errors.tor

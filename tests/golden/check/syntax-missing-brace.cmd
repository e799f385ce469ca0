check tests/golden/check/syntax-missing-brace.tor

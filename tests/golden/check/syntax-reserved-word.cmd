check tests/golden/check/syntax-reserved-word.tor

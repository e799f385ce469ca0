check tests/golden/check/nesting-deep.tor

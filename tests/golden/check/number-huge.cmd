check tests/golden/check/number-huge.tor

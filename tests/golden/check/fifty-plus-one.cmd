check tests/golden/check/fifty-plus-one.tor

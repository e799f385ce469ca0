check --strict tests/golden/check/fifty-plus-one.tor

check tests/golden/check/too-many-errors.tor

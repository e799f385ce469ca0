check tests/golden/check/defaults.tor

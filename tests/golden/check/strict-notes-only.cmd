check --strict tests/golden/check/defaults.tor

check --format yaml tests/golden/check/defaults.tor

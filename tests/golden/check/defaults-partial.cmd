check tests/golden/check/defaults-partial.tor

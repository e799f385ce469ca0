check tests/golden/check/empty.tor

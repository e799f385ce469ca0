check tests/golden/check/type-mismatch.tor

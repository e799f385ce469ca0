check tests/golden/check/terms-missing.tor

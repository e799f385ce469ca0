check tests/golden/check/bom-error.tor

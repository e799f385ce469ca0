check tests/golden/check/to-be-agreed.tor

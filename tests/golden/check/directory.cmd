check tests/golden/check

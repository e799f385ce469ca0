check tests/golden/published/steering-errors.tor

check tests/golden/published/steering-errors2.tor

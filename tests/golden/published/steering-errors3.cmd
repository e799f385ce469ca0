check tests/golden/published/steering-errors3.tor

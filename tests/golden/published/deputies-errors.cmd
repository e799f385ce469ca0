check tests/golden/published/deputies-errors.tor

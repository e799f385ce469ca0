explain --format markdown tests/golden/explain/expressions.tor

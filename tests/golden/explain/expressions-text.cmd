explain --format text tests/golden/explain/expressions.tor

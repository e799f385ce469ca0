explain --format json tests/golden/explain/expressions.tor

explain --format html tests/golden/explain/expressions.tor

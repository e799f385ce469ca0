explain --format csv tests/golden/explain/expressions.tor

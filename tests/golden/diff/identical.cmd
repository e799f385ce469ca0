diff tests/golden/explain/expressions.tor tests/golden/explain/expressions.tor

explain tests/golden/explain/missing.tor

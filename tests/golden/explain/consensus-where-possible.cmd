explain tests/golden/explain/consensus-where-possible.tor

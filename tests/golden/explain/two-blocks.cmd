explain tests/golden/explain/two-blocks.tor

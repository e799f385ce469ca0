explain tests/golden/published/deputies.tor

eval tests/golden/published/deputies.tor tests/golden/published/deputies.json

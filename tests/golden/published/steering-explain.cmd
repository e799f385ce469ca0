explain tests/golden/published/steering/terms.tor

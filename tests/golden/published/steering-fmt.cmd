fmt tests/golden/published/steering/terms.tor

fmt tests/golden/published/deputies.tor

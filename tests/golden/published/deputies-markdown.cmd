eval --format markdown tests/golden/published/deputies.tor tests/golden/published/deputies.minutes

eval --format markdown tests/golden/published/labels.tor tests/golden/published/labels.minutes

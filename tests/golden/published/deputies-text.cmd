eval --format text tests/golden/published/deputies.tor tests/golden/published/deputies.minutes

eval --format html tests/golden/published/deputies.tor tests/golden/published/deputies.minutes

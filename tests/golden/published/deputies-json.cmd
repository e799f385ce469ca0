eval --format json tests/golden/published/deputies.tor tests/golden/published/deputies.minutes

eval --format html tests/golden/published/labels.tor tests/golden/published/labels.minutes

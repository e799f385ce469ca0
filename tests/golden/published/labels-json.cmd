eval --format json tests/golden/published/labels.tor tests/golden/published/labels.minutes

eval --format text tests/golden/published/labels.tor tests/golden/published/labels.minutes

replay --format json tests/golden/published/steering

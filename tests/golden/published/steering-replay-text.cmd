replay --format text tests/golden/published/steering

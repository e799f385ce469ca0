replay --format markdown tests/golden/published/steering

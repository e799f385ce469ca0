replay --format html tests/golden/published/steering

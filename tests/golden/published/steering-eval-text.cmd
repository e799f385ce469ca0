eval --format text tests/golden/published/steering/terms.tor tests/golden/published/steering/2024-02-06.minutes

eval --format markdown tests/golden/published/approval.tor tests/golden/published/approval.minutes

eval --format markdown tests/golden/published/attendees.tor tests/golden/published/attendees.minutes

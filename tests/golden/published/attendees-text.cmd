eval --format text tests/golden/published/attendees.tor tests/golden/published/attendees.minutes

eval --format json tests/golden/published/attendees.tor tests/golden/published/attendees.minutes

eval --format html tests/golden/published/attendees.tor tests/golden/published/attendees.minutes

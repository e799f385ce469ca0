explain tests/golden/published/attendees.tor

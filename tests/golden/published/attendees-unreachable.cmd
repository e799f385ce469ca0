check tests/golden/published/attendees-unreachable.tor

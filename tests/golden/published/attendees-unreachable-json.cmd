check --format json tests/golden/published/attendees-unreachable.tor

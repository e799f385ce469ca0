explain --format json tests/golden/published/steering/terms.tor

check --format json tests/golden/check/format-json.tor

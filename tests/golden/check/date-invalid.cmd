check tests/golden/check/date-invalid.tor

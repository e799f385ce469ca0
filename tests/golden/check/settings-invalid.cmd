check tests/golden/check/settings-invalid.tor

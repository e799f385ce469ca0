check tests/golden/check/member-invalid.tor

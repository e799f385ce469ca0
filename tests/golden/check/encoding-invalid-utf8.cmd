check tests/golden/check/encoding-invalid-utf8.tor

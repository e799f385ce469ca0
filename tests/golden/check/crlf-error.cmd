check tests/golden/check/crlf-error.tor

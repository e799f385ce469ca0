check -I stdlib tests/golden/check/crlf-ok.tor

check tests/golden/check/string-bad-escape.tor

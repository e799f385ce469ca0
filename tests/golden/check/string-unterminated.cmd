check tests/golden/check/string-unterminated.tor

check tests/bad/unicode-names.tor

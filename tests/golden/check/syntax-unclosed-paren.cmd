check tests/golden/check/syntax-unclosed-paren.tor

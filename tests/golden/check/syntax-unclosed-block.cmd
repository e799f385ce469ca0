check tests/golden/check/syntax-unclosed-block.tor

check tests/bad/deep-braces.tor

check tests/bad/deep-plus.tor

check tests/bad/deep-not.tor

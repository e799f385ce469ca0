check tests/bad/deep-minus.tor

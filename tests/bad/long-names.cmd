check tests/bad/long-names.tor

check tests/bad/long-line.tor

check tests/bad/control-chars.tor

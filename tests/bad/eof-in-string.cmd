check tests/bad/eof-in-string.tor

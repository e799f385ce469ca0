check tests/syntax/class-missing-one-line.tor

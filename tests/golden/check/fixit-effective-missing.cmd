check tests/syntax/effective-missing.tor

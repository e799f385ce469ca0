check tests/syntax/quorum-missing.tor

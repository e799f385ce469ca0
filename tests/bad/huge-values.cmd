check tests/bad/huge-values.tor

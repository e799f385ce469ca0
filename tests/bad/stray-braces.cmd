check tests/bad/stray-braces.tor

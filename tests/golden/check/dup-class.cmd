check tests/golden/check/dup-class.tor

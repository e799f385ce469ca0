check tests/golden/check/class-unreachable.tor

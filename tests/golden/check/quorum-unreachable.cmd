check tests/golden/check/quorum-unreachable.tor

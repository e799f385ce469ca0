check tests/golden/check/dup-role.tor

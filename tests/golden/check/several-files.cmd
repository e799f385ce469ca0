check tests/golden/check/defaults.tor tests/golden/check/dup-role.tor tests/golden/check/no-such-file.tor

check tests/golden/check/undefined-role.tor

check tests/golden/check/keyword-as-role.tor

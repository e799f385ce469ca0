check tests/golden/check/undefined-rule.tor

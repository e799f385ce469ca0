check tests/golden/check/rule-recursive.tor

check tests/golden/check/rule-arity.tor

check -I tests/golden/check/modules tests/golden/check/use-cycle.tor

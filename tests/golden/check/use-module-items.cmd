check -I tests/golden/check/modules tests/golden/check/use-module-items.tor

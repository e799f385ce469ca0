conform tests/golden/conform/stronger.tor --model

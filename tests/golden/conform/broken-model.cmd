conform --model tests/golden/conform/broken.tor tests/golden/conform/stronger.tor

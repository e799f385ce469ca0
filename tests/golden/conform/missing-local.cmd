conform --model tests/golden/conform/board-model.tor tests/golden/conform/missing.tor tests/golden/conform/stronger.tor

conform --model tests/golden/conform/board-model.tor --model tests/golden/conform/stronger.tor tests/golden/conform/stronger.tor

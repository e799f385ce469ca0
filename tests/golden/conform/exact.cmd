conform --exact --model tests/golden/conform/board-model.tor tests/golden/conform/stronger.tor tests/golden/conform/board-model.tor

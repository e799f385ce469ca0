conform --format html --model tests/golden/conform/board-model.tor tests/golden/conform/stronger.tor

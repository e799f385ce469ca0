conform --model tests/golden/conform/board-model.tor

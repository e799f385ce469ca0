conform --format json --exact --model tests/golden/conform/board-model.tor tests/golden/conform/lower-financial.tor

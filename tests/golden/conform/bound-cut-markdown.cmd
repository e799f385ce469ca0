conform --format markdown --bound=1000 --model tests/golden/conform/board-model.tor tests/golden/conform/lower-financial.tor

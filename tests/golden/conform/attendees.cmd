conform --model tests/golden/conform/board-model.tor tests/golden/conform/attendees.tor

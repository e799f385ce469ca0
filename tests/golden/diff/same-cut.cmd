diff --bound=20000 tests/golden/diff/roster-b-old.tor tests/golden/diff/roster-b-old.tor

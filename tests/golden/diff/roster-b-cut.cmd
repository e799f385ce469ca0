diff --bound=30000 tests/golden/diff/roster-b-old.tor tests/golden/diff/roster-b-new.tor

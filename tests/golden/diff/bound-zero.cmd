diff --bound=0 tests/golden/diff/roster-b-old.tor tests/golden/diff/roster-b-new.tor

diff tests/golden/diff/roster-a-old.tor tests/golden/diff/roster-a-new.tor

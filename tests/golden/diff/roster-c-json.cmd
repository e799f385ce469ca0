diff --format json tests/golden/diff/roster-c-old.tor tests/golden/diff/roster-c-new.tor

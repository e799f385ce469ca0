diff tests/golden/eval/amendments.tor tests/golden/diff/amendments-14.tor

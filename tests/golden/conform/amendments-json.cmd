conform --format json --model tests/golden/eval/amendments.tor tests/golden/diff/amendments-14.tor

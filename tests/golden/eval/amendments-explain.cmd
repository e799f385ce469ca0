explain tests/golden/eval/amendments.tor

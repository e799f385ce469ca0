fmt tests/golden/eval/amendments.tor
